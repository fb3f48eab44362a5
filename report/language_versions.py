"""The language versions of a meeting's report: its texts, how far each language is, its XLIFF files.

A *text* is one translated field of one record: a report paragraph, a summary paragraph, a
recommendation, an outcome introduction, the line on who opened the Meeting, the Congress's standard
Introduction (when the meeting has none of its own), an agenda item's title or a document's title in
the annexed list. `texts_of(meeting)` gives them in the order of the report; each has an id that
stays the same for as long as the record exists ("meetings.meetingparagraph.12.text"), which the
aligned view and the XLIFF exchange use. Counting and the XLIFF format are the languages room's
(languages/versions.py, languages/xliff.py); which texts a report has is known here.

The meeting's original language is the source: its versions are the drafted text, the others are
translations of it.
"""

from dataclasses import replace

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from adoption.models import OralAmendment
from caching import content_version
from congress.models import StandardParagraph
from languages import xliff, xliff_import
from languages.codes import COPY_LANGUAGES, LANGUAGES, field_suffix, language_name
from languages.versions import Text, missing_texts, original_text
from languages.versions import translation_status as status_of
from meetings.models import AgendaItem, Document, MeetingParagraph, Officer
from recommendations.models import Discussion, Recommendation, SummaryParagraph
from report.parts import ADDENDUM
from workflow import roles
from workflow.forms import DRAFTED_TEXT_MAX_CHARS

PART_LABELS = {
    MeetingParagraph.Part.INTRODUCTION: _("Introduction"),
    MeetingParagraph.Part.CONCLUSIONS_PREAMBLE: _("Conclusions and recommendations"),
    MeetingParagraph.Part.OTHER_MATTERS_CONCLUSIONS: _("Conclusions and recommendations, other matters"),
    "officers": _("Election of officers"),
    MeetingParagraph.Part.OPENING_STATEMENTS: _("Opening of the Meeting"),
    MeetingParagraph.Part.OTHER_MATTERS: _("Other matters"),
}


def original_language(meeting):
    return field_suffix(meeting.original_language)


def original_languages(meeting):
    """The copies' suffixes of the meeting's original language, or of both when it has two."""
    second = meeting.second_original_language
    return [original_language(meeting), *([field_suffix(second)] if second else [])]


def texts_of(meeting, drafted=True):
    """Every text of the meeting's report with a version per language, in report order (a few queries).

    `drafted=False`: without the discussions' summary paragraphs and recommendations, the texts that grow with
    the meeting, which `drafted_counts` counts in the database."""
    # The report's title names the region and the city in every language.
    title = str(_("Title of the report"))
    texts = [Text(meeting, "region", title), Text(meeting, "venue_city", title)]
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
    # A query of its own: the meeting may come with its discussions prefetched otherwise (for_report).
    discussions = Discussion.objects.filter(meeting=meeting)
    discussions = discussions.select_related("topic__agenda_item", "topic__workshop", "topic__congress")
    if drafted:
        discussions = discussions.prefetch_related(
            Prefetch("summary_paragraphs", queryset=SummaryParagraph.objects.order_by("order", "pk")),
            Prefetch("recommendations", queryset=Recommendation.objects.order_by("order", "pk")),
        )
    else:
        discussions = discussions.annotate(
            has_recommendations=Exists(Recommendation.objects.filter(discussion=OuterRef("pk")))
        )
    for discussion in discussions:
        where = discussion.topic.title
        if drafted:
            texts += [Text(p, "text", where) for p in discussion.summary_paragraphs.all()]
            recommendations = list(discussion.recommendations.all())
        else:
            recommendations = discussion.has_recommendations
        if recommendations and discussion.outcome_phrase == discussion.OutcomeIntroduction.OTHER:
            texts.append(Text(discussion, "outcome_introduction", where))
        if drafted:
            texts += [Text(r, "text", where) for r in recommendations]
    texts += [
        Text(p, "text", str(PART_LABELS[MeetingParagraph.Part.OTHER_MATTERS_CONCLUSIONS]))
        for p in paragraphs[MeetingParagraph.Part.OTHER_MATTERS_CONCLUSIONS]
    ]
    opening = str(PART_LABELS[MeetingParagraph.Part.OPENING_STATEMENTS])
    if meeting.opener == meeting.Opener.OTHER:
        texts.append(Text(meeting, "opened_by", opening))
    elected = str(PART_LABELS["officers"])
    # Officers elected at one meeting in the same words share one sentence (report/proceedings.py), which
    # takes the words of the first of them: the others' copies are offered, not required.
    roles = list(Officer.Role)
    officers = Officer.objects.filter(meeting=meeting).select_related("elected_at")
    sentences = set()
    for officer in sorted(officers, key=lambda o: (o.elected_at.number, roles.index(o.role), o.order, o.pk)):
        if officer.election_method == officer.ElectionMethod.OTHER:
            sentence = (officer.elected_at_id, original_text(officer, "election_wording")[0])
            texts.append(Text(officer, "election_wording", elected, required=sentence not in sentences))
            sentences.add(sentence)
    texts += [Text(p, "text", opening) for p in paragraphs[MeetingParagraph.Part.OPENING_STATEMENTS]]
    texts += [
        Text(p, "text", str(PART_LABELS[MeetingParagraph.Part.OTHER_MATTERS]))
        for p in paragraphs[MeetingParagraph.Part.OTHER_MATTERS]
    ]
    agenda = str(_("Agenda"))
    for item in AgendaItem.objects.filter(meeting=meeting).order_by("order", "pk"):
        if any(getattr(item, f"title_{code}") for code in COPY_LANGUAGES):
            # Where the item takes up a Congress topic, the report can print the topic's title instead.
            texts.append(Text(item, "title", agenda, required=not item.topic_id))
    documents = str(_("List of documents"))
    listed = list(Document.objects.filter(meeting=meeting).order_by("order", "pk"))
    symbols = {document.symbol for document in listed}
    for document in listed:
        # An addendum is listed on its base document's row ("L.2 and Add.1–3"), without its own title.
        match = ADDENDUM.match(document.symbol)
        texts.append(Text(document, "title", documents, required=not (match and match["base"] in symbols)))
    return orally_revised(meeting, texts)


def orally_revised(meeting, texts):
    """The texts the room amended at the adoption, marked so for the translators (XLIFF's note, the aligned view):
    the amendment was written in the language spoken, and the other versions must follow it."""
    spoken = {}
    agreed = OralAmendment.objects.filter(meeting=meeting, status=OralAmendment.Status.AGREED)
    for source, inserted, language, parent in agreed.values_list("source", "inserted", "language", "parent_id"):
        if parent is None:  # an amendment to an amendment changed the amendment, not the text
            spoken.setdefault(inserted or source, set()).add(language)
    if not spoken:
        return texts
    marked = []
    for text in texts:
        languages_spoken = (
            spoken.get(f"{text.record._meta.label_lower}.{text.record.pk}") if text.field == "text" else None
        )
        if languages_spoken:
            names = ", ".join(language_name(code) for code in sorted(languages_spoken))
            note = gettext("orally revised at the adoption, in %(languages)s") % {"languages": names}
            text = replace(text, where=f"{text.where} ({note})")
        marked.append(text)
    return marked


def missing_in(meeting, language, texts=None):
    """The meeting's texts its report needs and `language` has no version of, in report order."""
    return missing_texts(texts_of(meeting) if texts is None else texts, language)


def drafted_counts(meeting):
    """{"total": n, code: how many of them lack `code`'s version} of the meeting's summary paragraphs and
    recommendations, counted by the database (as `missing_texts` counts: empty or only white space)."""
    counts = {"total": 0, **{code: 0 for code, _name in LANGUAGES}}
    for model in (SummaryParagraph, Recommendation):
        lacking = {
            code: Count(
                "pk",
                filter=Q(**{f"text_{field_suffix(code)}__regex": BLANK})
                | Q(**{f"text_{field_suffix(code)}__isnull": True}),
            )
            for code, _name in LANGUAGES
        }
        row = model.objects.filter(discussion__meeting=meeting).aggregate(total=Count("pk"), **lacking)
        for name, n in row.items():
            counts[name] += n
    return counts


# Nothing but white space (str.strip's notion of it, which `missing_texts` uses), in PostgreSQL's regular
# expressions.
BLANK = r"^[ \t\n\v\f\r\u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$"


def translation_status(meeting, texts=None):
    """Per language, in the order of settings.LANGUAGES: how many of the meeting's texts it has
    (languages.versions.translation_status). Without `texts`, the summary paragraphs and recommendations are
    counted by the database: the work does not grow with the drafted text."""
    if texts is not None:
        return status_of(texts, original_languages(meeting))
    rows = status_of(texts_of(meeting, drafted=False), original_languages(meeting))
    drafted = drafted_counts(meeting)
    for row in rows:
        row["total"] += drafted["total"]
        row["missing"] += drafted[row["language"]]
        row["translated"] = row["total"] - row["missing"]
    return rows


def export_xliff(meeting, language):
    """The XLIFF 1.2 document (bytes) of `meeting`'s `language` version."""
    return xliff.export_xliff(
        texts_of(meeting),
        original=meeting.symbol,
        note=gettext("Report of %(meeting)s") % {"meeting": meeting.title},
        source_language=original_language(meeting),
        language=language,
    )


def import_xliff(meeting, data, language=None, *, user=None, overwrite=()):
    """Writes the translations in `data` into `meeting`'s texts, except those in conflict and those refused
    (languages/xliff_import.py); raises XliffRefused, changing nothing, for a file that cannot go in.

    `user`: the person importing, who changes only what their role allows (None: a command, any text).
    `overwrite`: the ids of the units whose conflicts to apply anyway, or True for all."""
    file = xliff.parse(data)
    return _import(meeting, lambda locked: xliff.units_of(file, **_file_of(locked), language=language), user, overwrite)


def import_units(meeting, units, language, *, user=None):
    """Applies units chosen from an import's conflicts: each unit's version is the text the person saw, so
    a text changed again since is a conflict again, kept."""
    result = _import(meeting, lambda locked: (field_suffix(language), units), user, overwrite=())
    # What the person chose replaced a text changed since the export: counted as such in the summary.
    result.conflicts_applied, result.applied = result.applied, 0
    return result


def _file_of(meeting):
    return {"original": meeting.symbol, "originals": original_languages(meeting)}


def _import(meeting, read, user, overwrite):
    """One transaction: the site's content lock first (caching/content_version.py), then the meeting's row,
    as adoption takes them; whether the report is adopted and what the person may change are read under
    them, so an import and an adoption never interleave."""
    with transaction.atomic():
        content_version.lock()
        locked = type(meeting).objects.select_for_update().get(pk=meeting.pk)
        if locked.report_is_adopted:
            raise xliff.XliffRefused(roles.frozen_message(locked))
        language, units = read(locked)
        result = xliff_import.plan(
            units,
            texts_of(locked),
            source_language=original_language(locked),
            language=language,
            max_chars=DRAFTED_TEXT_MAX_CHARS,
            overwrite=overwrite,
        )
        may_change = None if user is None else (lambda model: roles.may(user, "change", model, locked))
        return xliff_import.apply(result, may_change=may_change)


def missing_note(meeting, report):
    """What an export of `report` (the whole report, in one language) tells its user of the texts it shows as
    not translated: the meeting's, counted as the admin counts them, and the shared records' names apart."""
    texts = texts_of(meeting)
    ids = {text.unit_id for text in texts}
    own = len(missing_in(meeting, report.language, texts))
    shared = len(report.untranslated - ids)
    if not own and not shared:
        return None
    note = f"Note: {own} of the meeting's texts have no {report.language} version"
    if shared:
        note += f", nor {shared} names from the Congress's shared records (congress admin)"
    return note + "; the file marks each of them as not translated. The meeting's aligned view lists them."
