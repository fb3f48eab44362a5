from types import SimpleNamespace

from adminsortable2.admin import SortableAdminBase
from django.contrib import admin, messages
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.utils import build_localized_fieldname

from languages.admin import LanguageVersionsMixin, original_language_of, translated_name
from languages.versions import shown_in_active_language
from recommendations.admin.themes import give_themes
from recommendations.models import Discussion, Recommendation, SummaryParagraph
from workflow import roles
from workflow.admin import (
    CompactTemplateMixin,
    ContentAdmin,
    ContentInlineMixin,
    PagedInlineMixin,
    SortableStackedInline,
    is_revert,
)


class TextWithoutRowHelpMixin:
    """On a discussion's screens the help for the text is said once, above the list."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if translated_name(db_field) == "text" and getattr(request, "_discussion_part", None):
            formfield.help_text = ""
        return formfield


class TextRowsMixin(CompactTemplateMixin):
    """A discussion's list of texts: each row's hidden order and version are bare inputs, not a labelled form
    row each (see the template), and the whole list is rendered without indentation (CompactTemplateMixin)."""

    template = "admin/edit_inline/sortable_stacked_rows.html"


class DraftedTextInline(
    PagedInlineMixin,
    LanguageVersionsMixin,
    ContentInlineMixin,
    TextWithoutRowHelpMixin,
    TextRowsMixin,
    SortableStackedInline,
    TranslationStackedInline,
):
    """A discussion's summary paragraphs or recommendations, in its original language, in their order, fifty to a
    page."""

    per_page = 50
    other_languages_in_rows = False
    show_change_link = True  # each text's own page has every language
    extra = 0
    ordering = ["order", "pk"]
    fields = ["order", "text"]


class SummaryParagraphInline(DraftedTextInline):
    model = SummaryParagraph


class RecommendationInline(DraftedTextInline):
    model = Recommendation


@admin.register(Discussion)
class DiscussionAdmin(LanguageVersionsMixin, SortableAdminBase, ContentAdmin, TranslationAdmin):
    list_display = ["topic", "meeting"]
    list_filter = ["meeting"]
    list_select_related = ["meeting", "topic__congress", "topic__agenda_item", "topic__workshop"]
    search_fields = ["summary_paragraphs__text", "recommendations__text", "meeting__symbol"]
    autocomplete_fields = ["meeting"]
    fields = ["meeting", "topic", "outcome_phrase", "outcome_introduction", "texts"]
    readonly_fields = ["texts"]
    inlines = [SummaryParagraphInline, RecommendationInline]
    save_on_top = True
    # A discussion's paragraphs and its recommendations each have their own screen, so neither page grows
    # with the other: a long discussion is still one short page per kind.
    parts = {"summary": SummaryParagraphInline, "recommendations": RecommendationInline}

    def get_urls(self):
        view = self.admin_site.admin_view(self.part_view)
        return [
            path("<path:object_id>/part/<slug:part>/", view, name="recommendations_discussion_part"),
            *super().get_urls(),
        ]

    def part_view(self, request, object_id, part):
        if part not in self.parts:
            raise Http404(_("There is no such part of a discussion."))
        request._discussion_part = part
        # change_view, not changeform_view: a save refused meanwhile (deleted, adopted) gives back the text.
        return self.change_view(request, object_id)

    # The discussion's own fields a part's screen edits: the recommendations' screen has their introduction.
    part_fields = {"recommendations": ["outcome_phrase", "outcome_introduction"]}

    def get_fields(self, request, obj=None):
        part = getattr(request, "_discussion_part", None)
        if part:
            # The paragraphs or the recommendations, and the discussion's fields that go with them, in the
            # meeting's original language.
            original = original_language_of(obj)
            return [
                build_localized_fieldname(name, original) if name in ("outcome_introduction",) else name
                for name in self.part_fields.get(part, [])
            ]
        fields = super().get_fields(request, obj)
        return fields if obj is not None else [name for name in fields if name != "texts"]

    def get_fieldsets(self, request, obj=None):
        part = getattr(request, "_discussion_part", None)
        if part:
            # The texts' help, once for the screen rather than under each of a hundred boxes.
            help_text = self.parts[part].model._meta.get_field("text").help_text
            fields = self.get_fields(request, obj)
            return [(None, {"fields": [*fields, "version"] if fields else [], "description": help_text})]
        return super().get_fieldsets(request, obj)

    def get_inline_instances(self, request, obj=None):
        part = getattr(request, "_discussion_part", None)
        inlines = super().get_inline_instances(request, obj)
        if obj is None:
            return inlines  # a new discussion: its first paragraphs and recommendations on the same page
        return [inline for inline in inlines if part and isinstance(inline, self.parts[part])]

    def following_screen(self, discussion, part):
        """(screen, address) that "Save and go to" opens after `part` of `discussion`: its recommendations after
        its summary, the next topic's summary after its recommendations."""
        if part == "summary":
            url = reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"])
            return SimpleNamespace(title=_("Recommendations")), url
        later = (
            Discussion.objects.filter(meeting_id=discussion.meeting_id, topic__order__gt=discussion.topic.order)
            .select_related("topic")
            .order_by("topic__order", "pk")
            .first()
        )
        if later is None:
            return None
        url = reverse("admin:recommendations_discussion_part", args=[later.pk, "summary"])
        return SimpleNamespace(title=_("Summary of deliberations on “%(topic)s”") % {"topic": later.topic.title}), url

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        part = getattr(request, "_discussion_part", None)
        if part and obj is not None:
            context["workspace_next"] = self.following_screen(obj, part)
            context["show_save_and_add_another"] = False
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        part = getattr(request, "_discussion_part", None)
        if part and "_next" in request.POST and (following := self.following_screen(obj, part)) is not None:
            self.message_user(request, _("%(record)s saved.") % {"record": obj}, messages.SUCCESS)
            return HttpResponseRedirect(following[1])
        if getattr(request, "_discussion_part", None) and "_continue" not in request.POST:
            # Back to the meeting's list of topics, where the next one is chosen.
            self.message_user(request, _("%(record)s saved.") % {"record": obj}, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:meetings_meeting_deliberations", args=[obj.meeting_id]))
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_continue" not in request.POST and "_addanother" not in request.POST:
            self.message_user(request, _("%(record)s saved.") % {"record": obj}, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:meetings_meeting_deliberations", args=[obj.meeting_id]))
        return super().response_add(request, obj, post_url_continue)

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed() and not is_revert(request):
            return  # only its paragraphs or recommendations were edited; a revert saves the old version's values
        super().save_model(request, obj, form, change)

    @admin.display(description=_("Summary and recommendations"))
    def texts(self, discussion):
        links = (
            (
                reverse("admin:recommendations_discussion_part", args=[discussion.pk, "summary"]),
                _("Summary of deliberations"),
                discussion.summary_paragraphs.count(),
            ),
            (
                reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"]),
                _("Recommendations"),
                discussion.recommendations.count(),
            ),
        )
        return format_html_join(" · ", '<a href="{}">{}</a> ({})', links)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "topic":
            kwargs["queryset"] = db_field.related_model.objects.select_related("congress", "agenda_item", "workshop")
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "topic" and formfield is not None:
            # Two Congresses' topics can read alike: each choice names its Congress.
            formfield.label_from_instance = lambda topic: (
                f"{topic.title} ({shown_in_active_language(topic.congress, 'short_title') or topic.congress})"
            )
        return formfield


class DraftedTextAdmin(LanguageVersionsMixin, ContentAdmin, TranslationAdmin):
    """A drafted text on its own page: found by search, with its history and revert."""

    list_display = ["__str__", "discussion"]
    list_select_related = ["discussion__meeting", "discussion__topic__agenda_item", "discussion__topic__congress"]
    list_filter = ["discussion__meeting"]
    search_fields = ["text"]
    fields = ["discussion", "order", "text"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "discussion":
            meetings = roles.meetings_where(request.user, "change", self.model)
            kwargs["queryset"] = Discussion.objects.filter(meeting__in=meetings).select_related(
                "meeting", "topic__congress", "topic__agenda_item", "topic__workshop"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(SummaryParagraph)
class SummaryParagraphAdmin(DraftedTextAdmin):
    pass


@admin.register(Recommendation)
class RecommendationAdmin(DraftedTextAdmin):
    list_display = ["__str__", "discussion", "theme_names"]
    list_filter = ["discussion__meeting__congress", "discussion__meeting", "themes"]
    actions = [give_themes]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not roles.is_secretariat(request.user):
            actions.pop("give_themes", None)
        return actions

    @admin.display(description=_("themes"))
    def theme_names(self, obj):
        return ", ".join(str(theme) for theme in obj.themes.all())
