"""The admin's "view on site" link, which asks the public site's visibility rule before it redirects."""

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.utils.translation import gettext as _

from meetings import visibility


@staff_member_required
def view_on_site(request, content_type_id, object_id):
    """Django's redirect to a record's public page, refused (404) for a record the user may not see there:
    its address alone would name another meeting's unpublished pages."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        obj = model._default_manager.get(pk=object_id) if model is not None else None
    except (ObjectDoesNotExist, ValueError, TypeError):
        obj = None
    if obj is None or not visibility.may_see_record(request.user, obj):
        raise Http404(_("There is no such page on the public site."))
    return shortcut(request, content_type_id, object_id)
