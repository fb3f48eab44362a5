"""A draft or a translation from Word: what a .docx file would change in a meeting's report, and the change.

`preview(meeting, data, language)` reads the file (report/word_reading.py), aligns it with the report
(report/word_alignment.py) and says, without writing anything, every text it would change (old and new),
every record it would create, and every block it could not place. `confirm(...)` writes it, in one
transaction, only if the preview's fingerprint is still the same: the fingerprint holds the version of every
record the preview read (core.models.Versioned), so a text someone saved in between is never overwritten.

The meeting's original language is a *draft*: its texts are written, new summary paragraphs, recommendations
and report paragraphs created. Any other language is a *translation*: the file's texts go to that language's
copies by the XLIFF import's rule (languages/xliff_import.py, through report/language_versions.py's texts),
a text already translated that the file changes being a conflict, replaced only when ticked. A file never
goes into an adopted report.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

import languages
from caching import content_version
from core.diff import word_diff
from core.text import clean_text
from languages import xliff_import
from languages.codes import field_suffix
from languages.versions import set_text
from languages.xliff import Unit, XliffRefused, target_version
from meetings.models import Meeting, MeetingParagraph
from recommendations.models import Discussion, Recommendation, SummaryParagraph
from report.document import plain_text
from report.language_versions import original_language, original_languages, texts_of
from report.word_alignment import Unplaced, align, normal, same_text, same_words, symbol_in
from report.word_reading import WordRefused, read_word
from workflow import roles
from workflow.forms import DRAFTED_TEXT_MAX_CHARS

FINAL_PUNCTUATION = ";.；。؛"
# A UN document symbol as a masthead prints it: "A/CONF.234/RPM.2/L.2/Add.1".
SYMBOL = re.compile(r"[A-Z]{1,6}/[A-Za-z0-9.()/-]+")
NEW_KINDS = {"summary": SummaryParagraph, "recommendation": Recommendation, "introduction": Discussion}


@dataclass(frozen=True)
class Change:
    """A text the file changes (`unit_id`) or a record it creates (`new`), with the text before and after."""

    where: str
    label: str
    what: str  # the kind of record, as people name it
    old: str
    new: str
    unit_id: str = ""
    created: tuple = ()
    version: int = 0

    @property
    def diff(self):
        return word_diff(self.old, self.new)


@dataclass
class Preview:
    document: str
    language: str
    translation: bool
    changes: list = field(default_factory=list)
    created: list = field(default_factory=list)
    unchanged: int = 0
    left_out: int = 0
    unplaced: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)  # xliff_import.Conflict, for a translation
    refused: list = field(default_factory=list)  # xliff_import.Refusal
    _plan: object = None  # the XLIFF import's plan of a translation
    _where: dict = field(default_factory=dict)  # a translation's unit ids: (where, label)

    @property
    def fingerprint(self):
        lines = [f"{c.unit_id}|{c.created}|{c.version}|{c.new}" for c in self.changes + self.created]
        lines += [f"{c.unit_id}|{c.current_version}|{c.file_text}" for c in self.conflicts]
        return hashlib.sha256("\n".join([self.document, self.language, *lines]).encode()).hexdigest()[:32]

    @property
    def writes(self):
        return len(self.changes) + len(self.created)


def preview(meeting, data, language=None, symbol=None, *, overwrite=()):
    """What `data` (a .docx file's bytes) would do to `meeting`'s report in `language` (default: the original);
    raises WordRefused for a file that cannot go in. Nothing is written."""
    file = read_word(data)
    return plan(Meeting.objects.for_report().get(pk=meeting.pk), file, language, symbol, overwrite=overwrite)


def plan(meeting, file, language, symbol, *, overwrite=()):
    original = original_language(meeting)
    language = field_suffix(language or original)
    if meeting.report_is_adopted:
        raise WordRefused(roles.frozen_message(meeting))
    if language != original and language in original_languages(meeting):
        raise WordRefused(
            _("This language is the meeting's second original language: its text is drafted here, not imported.")
        )
    check_symbol(meeting, file)
    report_language = meeting.original_language if language == original else language
    report_language = {"zh_hans": "zh"}.get(report_language, report_language)
    alignment = align(meeting, file.blocks, report_language, symbol or symbol_in(file.masthead, meeting))
    texts = {text.unit_id: text for text in texts_of(meeting)}
    result = Preview(alignment.document, language, language != original, left_out=alignment.left_out)
    result.unplaced = list(alignment.unplaced)
    with translation.override(languages.django_language(report_language)):
        marker = normal(pgettext("report", "[Text not translated]"))
    units = []
    for placed in alignment.placed:
        block = placed.block
        label = block.shown_label
        new = clean_text(block.text)  # as every save cleans it (core/text.py)
        if normal(new) == marker:  # the report's mark of a text it does not have: nothing to import
            continue
        if len(new) > DRAFTED_TEXT_MAX_CHARS and not result.translation:  # the XLIFF import refuses it too
            reason = _("it has %(count)d characters; this text holds at most %(limit)d.") % {
                "count": len(new),
                "limit": DRAFTED_TEXT_MAX_CHARS,
            }
            result.unplaced.append(Unplaced(block, placed.where, reason))
            continue
        if placed.new:
            if result.translation:
                reason = _("the original has no paragraph here: add it in the original language first")
                result.unplaced.append(Unplaced(block, placed.where, reason))
            else:
                result.created.append(new_record(meeting, placed, label))
            continue
        if placed.generated or not placed.source:
            if not same_words(new, placed.generated):
                reason = _("Rapporteur writes this paragraph from the meeting's records: change them instead")
                result.unplaced.append(Unplaced(block, placed.where, reason))
            else:
                result.unchanged += 1
            continue
        text = texts.get(placed.source)
        if text is None or (not result.translation and placed.source.startswith("congress.")):
            reason = _("this text is the Congress's, not the meeting's: write the meeting's own instead")
            if text is not None and same_text(new, text.value(language)):
                result.unchanged += 1
            else:
                result.unplaced.append(Unplaced(block, placed.where, reason))
            continue
        current = text.value(language)
        if placed.source.startswith("recommendations.recommendation."):
            new = new.rstrip().rstrip(FINAL_PUNCTUATION).rstrip()
            if new == current.rstrip().rstrip(FINAL_PUNCTUATION).rstrip():
                new = current
        if result.translation:
            source = text.value(original)
            units.append(Unit(placed.source, None, new, version=None, source_version=target_version(source)))
            result._where[placed.source] = (placed.where, label)
        elif same_text(new, current):
            result.unchanged += 1
        else:
            what = str(text.record._meta.verbose_name)
            version = getattr(text.record, "version", 0)
            result.changes.append(Change(placed.where, label, what, current, new, placed.source, version=version))
    if result.translation:
        translate(result, units, texts, original, overwrite)
    return result


def check_symbol(meeting, file):
    """Refuses a file whose masthead names documents, none of them this meeting's report or draft parts: another
    meeting's, whose headings may well be the same (a file without a masthead is not checked)."""
    named = [line.strip() for line in file.masthead if SYMBOL.fullmatch(line.strip())]
    ours = {meeting.symbol, *(part.symbol for part in meeting.draft_report_parts())}
    if named and not ours & set(named):
        raise WordRefused(
            _("This file is for %(other)s, not for %(meeting)s; nothing was imported.")
            % {"other": named[0], "meeting": meeting.symbol}
        )


def translate(result, units, texts, original, overwrite):
    """The translation's changes and conflicts, by the XLIFF import's own plan."""
    try:
        planned = xliff_import.plan(
            units,
            texts.values(),
            source_language=original,
            language=result.language,
            max_chars=DRAFTED_TEXT_MAX_CHARS,
            overwrite=overwrite,
        )
    except XliffRefused as refusal:
        raise WordRefused(str(refusal)) from refusal
    where = result._where
    for text, value in planned._writes:
        place, label = where.get(text.unit_id, ("", ""))
        what = str(text.record._meta.verbose_name)
        old = text.value(result.language)
        version = getattr(text.record, "version", 0)
        result.changes.append(Change(place, label, what, old, value, text.unit_id, version=version))
    result.unchanged += planned.unchanged
    result.conflicts, result.refused, result._plan = planned.conflicts, planned.refused, planned


def new_record(meeting, placed, label):
    kind, owner, index = placed.new
    model = NEW_KINDS.get(kind, MeetingParagraph)
    what = str(model._meta.verbose_name)
    if kind == "introduction":
        what = str(Discussion._meta.get_field("outcome_introduction").verbose_name)
    old = plain_text(placed.generated) if placed.generated else ""
    new = clean_text(placed.block.text)
    if kind == "recommendation":  # stored without the final punctuation the report adds by position
        new = new.rstrip().rstrip(FINAL_PUNCTUATION).rstrip()
    return Change(placed.where, label, what, old, new, created=placed.new)


def confirm(meeting, data, expected, language=None, symbol=None, *, user=None, overwrite=()):
    """Writes what the preview with fingerprint `expected` showed, in one transaction, with the conflicts named in
    `overwrite` (unit ids, or True: all); raises WordRefused, writing nothing, when the report changed since the
    preview (or was adopted), or the person may not change it. Returns what was written."""
    file = read_word(data)
    with transaction.atomic():
        content_version.lock()
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        meeting = Meeting.objects.for_report().get(pk=locked.pk)
        result = plan(meeting, file, language, symbol)
        if result.fingerprint != expected:
            raise WordRefused(
                _(
                    "The report changed since the preview (someone saved some of its texts): nothing was "
                    "written. Look at the new preview."
                )
            )
        if result.translation and overwrite and result.conflicts:
            # The ticked conflicts too, each only if its text is still the one the preview showed.
            result = plan(meeting, file, language, symbol, overwrite=overwrite)
        check_permissions(user, locked, result)
        if result.translation:
            xliff_import.apply(result._plan)
        else:
            write_draft(locked, result)
    return result


def check_permissions(user, meeting, result):
    """Raises WordRefused when `user` (None: a command) may not write some of what the preview shows."""
    if user is None:
        return
    needed = set()
    for change in result.changes:
        app_label, model_name = change.unit_id.split(".")[:2]
        needed.add(("change", apps.get_model(app_label, model_name)))
    for change in result.created:
        kind = change.created[0]
        needed.add(("change", Discussion) if kind == "introduction" else ("add", NEW_KINDS.get(kind, MeetingParagraph)))
    refused = {
        str(model._meta.verbose_name_plural) for action, model in needed if not roles.may(user, action, model, meeting)
    }
    if refused:
        raise WordRefused(
            _("You may not change %(what)s of this meeting; nothing was imported.")
            % {"what": ", ".join(sorted(refused))}
        )


def write_draft(meeting, result):
    """The draft's changes and new records, in the meeting's original language; inside the caller's transaction."""
    language = result.language
    texts = {text.unit_id: text for text in texts_of(meeting)}
    for change in result.changes:
        text = texts[change.unit_id]
        text.set_value(language, change.new)
        update = [f"{text.field}_{language}"]
        if text.field == "outcome_introduction":
            text.record.outcome_phrase = Discussion.OutcomeIntroduction.OTHER
            update.append("outcome_phrase")
        text.record.save(update_fields=update)
    discussions = {d.topic_id: d for d in meeting.discussions.all()}
    for change in result.created:
        kind, owner, index = change.created
        if kind not in NEW_KINDS:
            last = meeting.paragraphs.filter(part=kind).aggregate(last=Max("order"))["last"] or 0
            record = MeetingParagraph(meeting=meeting, part=kind, order=last + 1)
        else:
            discussion = discussions.get(int(owner))
            if discussion is None:
                discussion = discussions[int(owner)] = Discussion.objects.create(meeting=meeting, topic_id=int(owner))
            if kind == "introduction":
                with translation.override(languages.django_language(meeting.original_language)):
                    standard = str(Discussion.OutcomeIntroduction.NOT_NEGOTIATED.label)
                if normal(change.new) != normal(standard):
                    set_text(discussion, "outcome_introduction", language, change.new)
                    discussion.outcome_phrase = Discussion.OutcomeIntroduction.OTHER
                    discussion.save()
                continue
            model = NEW_KINDS[kind]
            records = getattr(discussion, "summary_paragraphs" if kind == "summary" else "recommendations")
            last = records.aggregate(last=Max("order"))["last"] or 0
            record = model(discussion=discussion, order=last + 1)
        set_text(record, "text", language, change.new)
        record.save()
    return result
