"""The API's pages: 50 rows by default, `page_size` up to 500 (a report's paragraphs in one or two requests)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


def whole_number(request, name, *, largest=None):
    """The query parameter `name` as a positive whole number (None if absent); a 400 for anything else."""
    values = request.query_params.getlist(name)
    if not values:
        return None
    if len(values) > 1 or not values[0].isdigit() or int(values[0]) < 1:
        raise ValidationError({name: [_("Give one whole number, 1 or more.")]})
    return min(int(values[0]), largest) if largest else int(values[0])


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        return whole_number(request, self.page_size_query_param, largest=self.max_page_size) or self.page_size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = (
                    f"Rows per page: {self.page_size} unless given, at most {self.max_page_size}."
                )
        return parameters
