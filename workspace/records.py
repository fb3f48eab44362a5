"""What the screens of a meeting's records share: a field's copy in the original language, the next free number,
a topic's label, and the own page of a plenary meeting or an agenda item."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Case, Max, Value, When
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from languages.admin import LanguageVersionsMixin
from languages.versions import shown_in_active_language
from meetings.models import AgendaItem
from workflow.admin import ContentAdmin, return_address


def ORIGINAL(name):  # noqa: N802 - reads as a field name in the `fields` lists
    """A translated field's copy in the original language, which the workspace's screens edit.

    Named by its English copy; LanguageVersionsMixin shows the copy in the meeting's own original language."""
    return build_localized_fieldname(name, DEFAULT_LANGUAGE)


def EVERY_LANGUAGE(name):  # noqa: N802 - reads as a field name in the `fields` lists
    """A translated field's copies in the six languages, for one row of a screen (`every_language_in_rows`
    puts the original language's first)."""
    return tuple(build_localized_fieldname(name, code) for code, _name in settings.LANGUAGES)


def next_number(model, request, field):
    """The next free number of `field` among the records of the meeting being edited: the default of a new row."""
    meeting_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
    if meeting_id is None or not str(meeting_id).isdigit():
        return 1
    return (model.objects.filter(meeting_id=meeting_id).aggregate(n=Max(field))["n"] or 0) + 1


def in_agenda_order(items):
    """Agenda items as the agenda lists them: each item, then its sub-items (1, 2, …, 5, 5 (a), 5 (b), 6),
    not by the order field alone, which numbers items and sub-items in one sequence (1, 5 (a), 2, 5 (b)…)."""
    return items.annotate(
        item_order=Coalesce("parent__order", "order"),
        item_key=Coalesce("parent_id", "id"),
        is_sub_item=Case(When(parent=None, then=Value(0)), default=Value(1)),
    ).order_by("item_order", "item_key", "is_sub_item", "order", "pk")


def topic_with_congress(topic):
    """A topic as choices offer it: with its Congress, so that two Congresses' topics are told apart."""
    return f"{topic.title} ({shown_in_active_language(topic.congress, 'short_title') or topic.congress})"


class OwnPageOfAMeetingRecord(LanguageVersionsMixin, ContentAdmin, TranslationAdmin):
    """A plenary meeting or an agenda item on its own page: every language of its titles, and its history.

    Reached from the row's "Change" link in the meeting's workspace, so not listed on the admin's index.
    """

    def has_module_permission(self, request):
        return False

    def has_add_permission(self, request):
        return False  # added in the meeting's workspace, where the meeting is known

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in ("parent", "topic") and formfield is not None:
            obj = self.get_object(request, request.resolver_match.kwargs.get("object_id"))
            if obj is not None:
                if db_field.name == "parent":
                    formfield.queryset = AgendaItem.objects.filter(meeting_id=obj.meeting_id, parent=None)
                else:
                    formfield.queryset = formfield.queryset.filter(congress_id=obj.meeting.congress_id)
                    formfield.label_from_instance = topic_with_congress
        return formfield

    def response_change(self, request, obj):
        if "_continue" in request.POST or return_address(request):
            return super().response_change(request, obj)
        self.message_user(request, _("%(record)s saved.") % {"record": obj}, messages.SUCCESS)
        part = "agenda" if isinstance(obj, AgendaItem) else "sessions"
        return HttpResponseRedirect(reverse("admin:meetings_meeting_part", args=[obj.meeting_id, part]))
