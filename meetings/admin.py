from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from meetings.models import (
    AgendaItem,
    Document,
    DocumentFile,
    Meeting,
    MeetingParagraph,
    Officer,
    Participation,
    Session,
)


class SessionInline(TranslationStackedInline):
    model = Session
    extra = 0
    fields = [("number", "date", "start_time", "end_time"), "title", "agenda_items"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "agenda_items":
            kwargs["queryset"] = AgendaItem.objects.filter(
                meeting_id=request.resolver_match.kwargs.get("object_id")
            ).select_related("topic__congress", "topic__agenda_item", "topic__workshop")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["state", "organization"]


class OfficerFormSet(BaseInlineFormSet):
    def clean(self):
        """The database allows one Chair and one Rapporteur; say so before it has to."""
        super().clean()
        counts = {}
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            role = form.cleaned_data.get("role")
            counts[role] = counts.get(role, 0) + 1
        for role in (Officer.Role.CHAIR, Officer.Role.RAPPORTEUR):
            if counts.get(role, 0) > 1:
                raise ValidationError(
                    _("A meeting elects one %(office)s; %(count)d are entered. Remove the extra one.")
                    % {"office": role.label, "count": counts[role]}
                )


class SessionChoiceMixin:
    """Offers only the sessions of the meeting being edited."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Session:
            kwargs["queryset"] = Session.objects.filter(meeting_id=request.resolver_match.kwargs.get("object_id"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OfficerInline(SessionChoiceMixin, admin.TabularInline):
    model = Officer
    formset = OfficerFormSet
    extra = 0
    autocomplete_fields = ["state"]
    fields = ["order", "role", "name", "state", "elected_at", "election_method"]


class AgendaItemInline(TranslationStackedInline):
    model = AgendaItem
    extra = 0
    fields = [("order", "parent", "topic"), "title", "annotation", "documents"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "documents":
            kwargs["queryset"] = Document.objects.filter(meeting_id=request.resolver_match.kwargs.get("object_id"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        meeting_id = request.resolver_match.kwargs.get("object_id")
        if db_field.name == "parent":
            kwargs["queryset"] = AgendaItem.objects.filter(meeting_id=meeting_id, parent=None)
        if db_field.name == "topic":
            kwargs["queryset"] = (
                kwargs.get("queryset", db_field.related_model.objects)
                .filter(congress__meetings=meeting_id)
                .select_related("congress", "agenda_item", "workshop")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DocumentInline(TranslationTabularInline):
    model = Document
    extra = 0
    fields = ["order", "symbol", "title", "kind", "is_published"]
    show_change_link = True  # the language versions are uploaded on the document's own page


class MeetingParagraphInline(admin.StackedInline):
    model = MeetingParagraph
    extra = 0
    fields = [("part", "order"), "text"]


@admin.register(Meeting)
class MeetingAdmin(SessionChoiceMixin, TranslationAdmin):
    list_display = ["symbol", "region", "venue_city", "start_date", "status", "is_published"]
    list_filter = ["congress", "status", "is_published", "regional_commission"]
    list_select_related = ["congress"]
    search_fields = ["symbol", "region", "venue_city"]
    prepopulated_fields = {"slug": ["region"]}
    autocomplete_fields = ["venue_country", "regional_commission"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "congress",
                    "region",
                    "regional_commission",
                    "number",
                    "symbol",
                    "slug",
                    "status",
                    "is_published",
                ]
            },
        ),
        (_("Venue and dates"), {"fields": ["venue_city", "venue_country", "start_date", "end_date", "time_zone"]}),
        (
            _("Proceedings"),
            {
                "fields": [
                    "original_language",
                    "opened_by",
                    "agenda_adopted_at",
                    "organization_of_work_at",
                    "report_adopted_at",
                ],
                "description": _("Save the plenary meetings first; then choose at which the decisions were taken."),
            },
        ),
    ]
    inlines = [
        SessionInline,
        ParticipationInline,
        OfficerInline,
        AgendaItemInline,
        DocumentInline,
        MeetingParagraphInline,
    ]


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ["symbol", "title", "kind", "meeting", "is_published"]
    list_filter = ["kind", "is_published", "meeting"]
    inlines = [DocumentFileInline]
    list_select_related = ["meeting"]
    search_fields = ["symbol", "title"]
