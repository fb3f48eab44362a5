"""What an XLIFF file's units do to the texts they name: applied, unchanged, empty, in conflict or refused.

The rule: an import never overwrites what its translator did not see. Each unit carries the version of
the target it was exported from (languages/xliff.py); when the target as it is now is another version
(someone corrected it in the admin since) and the file's text differs from it, the unit is a *conflict*:
it is kept as it is now, and applied only when the person importing chooses it (`overwrite`). A unit of
a file exported before units carried their version is a conflict when the text now is not empty and
differs from the file's.

A unit is *refused*, with the reason, when it breaks a limit of the admin's forms: longer than the
field holds (a title's maximum length, a drafted text's 20,000 characters). A unit's text is cleaned by
the rule every save applies (core/text.py: a reference such as "&eacute;" written as its character,
control characters and bidi overrides removed), so an import stores what the admin would. The other units still go
in, all together or not at all: `apply` runs inside the caller's transaction.

Whole files are refused (XliffRefused, nothing changes) when a unit is not a text of the meeting, when
the original text of a unit changed since the export (the translation may no longer match it), or
when the person may not change some of the records.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.text import clean_text
from languages.codes import field_suffix
from languages.xliff import XliffRefused, target_version


@dataclass(frozen=True)
class Conflict:
    """A unit whose text was changed since the export: the file's text and the text as it is now."""

    unit_id: str
    where: str
    source: str
    file_text: str
    current_text: str

    @property
    def current_version(self):
        return target_version(self.current_text)

    @property
    def source_version(self):
        return target_version(self.source)


@dataclass(frozen=True)
class Refusal:
    unit_id: str
    where: str
    reason: str


@dataclass
class Imported:
    """What an import did: counts for the summary, the conflicts kept and the units refused."""

    language: str
    applied: int = 0
    unchanged: int = 0
    empty: int = 0
    conflicts_applied: int = 0
    conflicts: list = field(default_factory=list)  # kept as they are now
    refused: list = field(default_factory=list)
    records: list = field(default_factory=list)
    _writes: list = field(default_factory=list)  # (Text, new value)

    @property
    def changed(self):
        return self.applied + self.conflicts_applied


def plan(units, texts, *, source_language, language, max_chars, overwrite=()):
    """What importing `units` into `texts`' `language` version does (nothing is written yet); the units'
    sources are compared with the texts in `source_language`.

    `max_chars` is the longest text a field without its own maximum length takes; `overwrite` names the
    units whose conflicts are to be applied anyway (True: every one)."""
    language = field_suffix(language)
    by_id = {text.unit_id: text for text in texts}
    unknown = [unit.id for unit in units if unit.id not in by_id]
    if unknown:
        raise XliffRefused(
            _("Some units of the file are not texts of this meeting (%(ids)s); nothing was imported.")
            % {"ids": ", ".join(unknown[:3])}
        )
    result = Imported(language=language)
    changed_source = []
    for unit in units:
        text = by_id[unit.id]
        if not unit.has_source(text.value(source_language)):
            changed_source.append(unit.id)
            continue
        if unit.target is None or not unit.target.strip():
            result.empty += 1
            continue
        target = clean_text(unit.target)
        current = text.value(language)
        if reason := _refusal(text, target, language, max_chars):
            result.refused.append(Refusal(unit.id, text.where, reason))
        elif target == current:
            result.unchanged += 1
        elif _changed_since_export(unit, current):
            if overwrite is True or (overwrite and unit.id in overwrite):
                result.conflicts_applied += 1
                result._writes.append((text, target))
            else:
                result.conflicts.append(Conflict(unit.id, text.where, unit.source, target, current))
        else:
            result.applied += 1
            result._writes.append((text, target))
    if changed_source:
        raise XliffRefused(
            _(
                "The original text of some units was changed since the file was exported (%(ids)s): "
                "export the version again and carry the translation over; nothing was imported."
            )
            % {"ids": ", ".join(changed_source[:3])}
        )
    return result


def _changed_since_export(unit, current):
    if unit.version is None:
        return bool(current.strip())
    return unit.version != target_version(current)


def _refusal(text, target, language, max_chars):
    """Why the admin's form would not take `target` as this text, or ""."""
    model_field = text.record._meta.get_field(f"{text.field}_{language}")
    limit = model_field.max_length or max_chars
    if len(target) > limit:
        return _("it has %(count)d characters; this text holds at most %(limit)d.") % {
            "count": len(target),
            "limit": limit,
        }
    return ""


def apply(result, *, may_change=None):
    """Writes the planned texts, inside the caller's transaction; raises XliffRefused, writing nothing, when
    `may_change(model)` says the person may not change records of a model some of them belong to."""
    to_save = {}
    for text, value in result._writes:
        to_save.setdefault(id(text.record), (text.record, []))[1].append((text, value))
    if may_change is not None:
        refused = sorted(
            {record._meta.verbose_name_plural for record, _w in to_save.values() if not may_change(type(record))}
        )
        if refused:
            raise XliffRefused(
                _("You may not change %(what)s of this meeting; nothing was imported.")
                % {"what": ", ".join(map(str, refused))}
            )
    for record, writes in to_save.values():
        for text, value in writes:
            text.set_value(result.language, value)
        record.save(update_fields=[f"{text.field}_{result.language}" for text, _v in writes])
        result.records.append(record)
    return result
