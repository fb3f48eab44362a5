"""The texts of a meeting's report that have a version per language, and how many each language has.

A *text* is one translated field of one record: a report paragraph, a summary paragraph, a
recommendation, an outcome introduction, the line on who opened the Meeting, the Congress's standard
Introduction (when the meeting has none of its own), an agenda item's title or a document's title in
the annexed list. `texts_of(meeting)` gives them in the order of the report; each has an id that
stays the same for as long as the record exists ("meetings.meetingparagraph.12.text"), which the
aligned view and the XLIFF exchange use.

The meeting's original language is the source: its versions are the drafted text, the others are
translations of it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from congress.models import StandardParagraph
from meetings.models import COPY_LANGUAGES, AgendaItem, Document, MeetingParagraph
from recommendations.models import Discussion, Recommendation, SummaryParagraph
from workflow.language_admin import field_language

# The six languages as the per-language copies spell them, in the order of settings.LANGUAGES.
LANGUAGES = [(field_language(code), name) for code, name in settings.LANGUAGES]
LANGUAGE_CODES = list(COPY_LANGUAGES)

PART_LABELS = {
    MeetingParagraph.Part.INTRODUCTION: _("Introduction"),
    MeetingParagraph.Part.CONCLUSIONS_PREAMBLE: _("Conclusions and recommendations"),
    MeetingParagraph.Part.OPENING_STATEMENTS: _("Opening of the Meeting"),
    MeetingParagraph.Part.OTHER_MATTERS: _("Other matters"),
}


@dataclass(frozen=True)
class Text:
    record: object
    field: str
    where: str  # where the text stands in the report, for people

    @property
    def unit_id(self):
        return f"{self.record._meta.label_lower}.{self.record.pk}.{self.field}"

    def value(self, language):
        return getattr(self.record, f"{self.field}_{field_language(language)}") or ""

    def set_value(self, language, value):
        setattr(self.record, f"{self.field}_{field_language(language)}", value)


def original_language(meeting):
    return field_language(meeting.original_language)


def texts_of(meeting):
    """Every text of the meeting's report with a version per language, in report order (a few queries)."""
    texts = []
    paragraphs = {part: [] for part in MeetingParagraph.Part}
    for paragraph in meeting.paragraphs.all():
        paragraphs[paragraph.part].append(paragraph)

    # A meeting's own Introduction replaces the standard text its Congress gives every meeting.
    introduction = paragraphs[MeetingParagraph.Part.INTRODUCTION] or list(
        StandardParagraph.objects.filter(
            congress_id=meeting.congress_id, part=StandardParagraph.Part.INTRODUCTION
        ).order_by("order", "pk")
    )
    texts += [Text(p, "text", str(PART_LABELS[MeetingParagraph.Part.INTRODUCTION])) for p in introduction]
    texts += [
        Text(p, "text", str(PART_LABELS[MeetingParagraph.Part.CONCLUSIONS_PREAMBLE]))
        for p in paragraphs[MeetingParagraph.Part.CONCLUSIONS_PREAMBLE]
    ]
    discussions = meeting.discussions.select_related("topic__agenda_item", "topic__workshop", "topic__congress")
    discussions = discussions.prefetch_related(
        Prefetch("summary_paragraphs", queryset=SummaryParagraph.objects.order_by("order", "pk")),
        Prefetch("recommendations", queryset=Recommendation.objects.order_by("order", "pk")),
    )
    for discussion in discussions:
        where = discussion.topic.title
        texts += [Text(p, "text", where) for p in discussion.summary_paragraphs.all()]
        recommendations = list(discussion.recommendations.all())
        if recommendations:
            texts.append(Text(discussion, "outcome_introduction", where))
        texts += [Text(r, "text", where) for r in recommendations]
    opening = str(PART_LABELS[MeetingParagraph.Part.OPENING_STATEMENTS])
    if any(getattr(meeting, f"opened_by_{code}") for code in LANGUAGE_CODES):
        texts.append(Text(meeting, "opened_by", opening))
    texts += [Text(p, "text", opening) for p in paragraphs[MeetingParagraph.Part.OPENING_STATEMENTS]]
    texts += [
        Text(p, "text", str(PART_LABELS[MeetingParagraph.Part.OTHER_MATTERS]))
        for p in paragraphs[MeetingParagraph.Part.OTHER_MATTERS]
    ]
    agenda = str(_("Agenda"))
    for item in AgendaItem.objects.filter(meeting=meeting).order_by("order", "pk"):
        if any(getattr(item, f"title_{code}") for code in LANGUAGE_CODES):
            texts.append(Text(item, "title", agenda))
    documents = str(_("List of documents"))
    for document in Document.objects.filter(meeting=meeting).order_by("order", "pk"):
        texts.append(Text(document, "title", documents))
    return texts


def translation_status(meeting, texts=None):
    """Per language, in the order of settings.LANGUAGES: how many of the meeting's texts it has.

    [{"language": "es", "name": "Spanish", "is_original": False, "translated": 12, "total": 40,
      "missing": 28}, …]; the original language counts as the source (its "translated" is the texts
    drafted so far).
    """
    texts = texts_of(meeting) if texts is None else texts
    original = original_language(meeting)
    rows = []
    for code, name in LANGUAGES:
        translated = sum(1 for text in texts if text.value(code).strip())
        rows.append(
            {
                "language": code,
                "name": name,
                "is_original": code == original,
                "translated": translated,
                "total": len(texts),
                "missing": len(texts) - translated,
            }
        )
    return rows


def record_models():
    """The models whose texts a meeting has, by label: what an XLIFF unit id may name."""
    from meetings.models import Meeting

    models = [StandardParagraph, Meeting, MeetingParagraph, Discussion, SummaryParagraph, Recommendation]
    return {model._meta.label_lower: model for model in [*models, AgendaItem, Document]}
