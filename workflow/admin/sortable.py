"""django-admin-sortable2's inlines, with the order field rendered once however `fields` lists it.

adminsortable2 appends its order field to an inline's fields unless the list names it at the top level;
an inline that names it inside a row, `fields = [("part", "order"), "text"]`, so rendered two hidden
`…-N-order` inputs. Dragging updated the first and the browser posted both, and Django keeps the
last: the new order was silently lost on save.
"""

from adminsortable2.admin import SortableStackedInline as _SortableStackedInline
from adminsortable2.admin import SortableTabularInline as _SortableTabularInline
from django.contrib.admin.utils import flatten


class OrderOnceMixin:
    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        order = self.default_order_field
        # Named inside a row as well as appended at the end: keep the row's, drop the appended one.
        if fields and fields[-1] == order and flatten(fields[:-1]).count(order):
            fields.pop()
        return fields


class SortableStackedInline(OrderOnceMixin, _SortableStackedInline):
    pass


class SortableTabularInline(OrderOnceMixin, _SortableTabularInline):
    pass
