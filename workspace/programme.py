"""The plenary meetings' screen: each plenary meeting's number, date, times, room and the items it took up."""

from django import forms
from django.contrib import admin
from django.utils.text import Truncator

from languages.admin import LanguageVersionsMixin
from meetings.models import AgendaItem, Session
from workflow.admin import CachedChoicesInlineMixin, ContentInlineMixin
from workspace.records import ORIGINAL, OwnPageOfAMeetingRecord, in_agenda_order, next_number


def numbered_items(items):
    """{pk: "5 (a) Title…"}: agenda items as a short choice, numbered as the agenda numbers them."""
    items = sorted(items, key=lambda item: (item.order, item.pk))
    labels = {}
    for number, item in enumerate((i for i in items if i.parent_id is None), start=1):
        labels[item.pk] = f"{number}. {Truncator(item.display_title).chars(70)}"
        subs = [i for i in items if i.parent_id == item.pk]
        for letter, sub in zip("abcdefghijklmnopqrstuvwxyz", subs, strict=False):
            labels[sub.pk] = f"{number} ({letter}) {Truncator(sub.display_title).chars(70)}"
    return labels


class SessionChoiceMixin:
    """Offers only the sessions of the meeting being edited."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Session:
            kwargs["queryset"] = Session.objects.filter(meeting_id=request.resolver_match.kwargs.get("object_id"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SessionInline(LanguageVersionsMixin, ContentInlineMixin, CachedChoicesInlineMixin, admin.StackedInline):
    model = Session
    extra = 0
    # The original language only (the meeting's: ORIGINAL names the field); the other languages are on each
    # plenary meeting's own page.
    other_languages_in_rows = False
    fields = [("number", "date", "start_time", "end_time", ORIGINAL("title"), ORIGINAL("room")), "agenda_items"]
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "number":
            kwargs["initial"] = next_number(Session, request, "number")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "agenda_items":
            kwargs["queryset"] = in_agenda_order(
                AgendaItem.objects.filter(meeting_id=request.resolver_match.kwargs.get("object_id")).select_related(
                    "topic__congress", "topic__agenda_item", "topic__workshop"
                )
            )
            kwargs["widget"] = forms.CheckboxSelectMultiple
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "agenda_items" and formfield is not None:
            labels = numbered_items(formfield.queryset)
            formfield.label_from_instance = lambda item: labels.get(item.pk, str(item))
        return formfield


@admin.register(Session)
class SessionAdmin(OwnPageOfAMeetingRecord):
    fields = ["meeting", ("number", "date", "start_time", "end_time"), "title"]
    readonly_fields = ["meeting"]
