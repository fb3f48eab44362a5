"""One language version of a set of texts as XLIFF 1.2, the translators' exchange format: the file out, and read back.

The texts are a meeting's report's (report/language_versions.py gives them and names the file).
Export: one <file> whose `original` is the meeting's report symbol, `source-language` its original
language and `target-language` the version's language; one <trans-unit> per text of the report
(languages.versions.Text), its id naming the record and field ("meetings.meetingparagraph.12.text"),
its <source> the original text, its <target> the version's text when there is one, and a <note>
saying where the text stands in the report.

Each unit also carries the version of its target it was exported from, `extradata="target-sha256:…"`
(XLIFF 1.2's own attribute for a tool's data, which translation tools keep): the first 16 hex digits
of the SHA-256 of the target text at the time of export. A hash of the text, not a counter, because
it needs nothing stored: on import, the target as it is now gives the same hash if and only if it is
the text the translator started from (languages/xliff_import.py: what differs is a conflict).

Reading a file back refuses it whole (XliffRefused), changing nothing, when:
- it is larger than 20 MB, not well-formed XML, has a document type declaration (XLIFF needs none,
  and its entities would come in as literal text), or is not XLIFF 1.2 with exactly one <file>;
- it is for another meeting (`original`), or its source language is not the meeting's original
  language, or its target language is not one of the six, or is an original language of the
  meeting (the first or the second: an original is drafted in Rapporteur, never imported), or is
  not the language asked for;
- a unit's id appears twice.
Entities and external references are never resolved.
"""

import hashlib
from dataclasses import dataclass

from django.utils.translation import gettext as _
from lxml import etree
from lxml.builder import ElementMaker

from languages.codes import COPY_LANGUAGES, field_suffix

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# XLIFF and BCP 47 write Chinese as zh-Hans; the per-language copies as zh_hans.
XLIFF_LANGUAGE = {"zh_hans": "zh-Hans"}
MAX_BYTES = 20 * 1024 * 1024
VERSION_PREFIX = "target-sha256:"


def xliff_language(code):
    code = field_suffix(code)
    return XLIFF_LANGUAGE.get(code, code)


def language_from_xliff(value):
    value = (value or "").strip().lower().replace("-", "_")
    return {"zh": "zh_hans", "zh_cn": "zh_hans"}.get(value, value)


class XliffRefused(Exception):
    """The file was refused; nothing was changed. str() is the message for the person importing."""


@dataclass(frozen=True)
class Unit:
    """One <trans-unit> as read: its id, source and target text (None when absent) and the target's version
    it was exported from (None in a file exported before units carried it). A unit chosen from a conflict
    comes back from a form with its source's version instead of its text (`source_version`)."""

    id: str
    source: str | None
    target: str | None
    version: str | None = None
    source_version: str | None = None

    def has_source(self, original):
        if self.source_version is not None:
            return self.source_version == target_version(original)
        return self.source is not None and self.source == original


def target_version(text):
    """The version of a target text as a file carries it: 16 hex digits of its SHA-256."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:16]


def export_xliff(texts, *, original, note, source_language, language):
    """The XLIFF 1.2 document (bytes) of the `language` version of `texts`, drafted in `source_language`:
    the file is named `original` (the report's symbol) and its header carries `note`."""
    language = field_suffix(language)
    source_language = field_suffix(source_language)
    E = ElementMaker(namespace=NS, nsmap={None: NS})  # noqa: N806 - lxml's element factory
    body = E.body()
    for text in texts:
        translated = text.value(language)
        unit = E("trans-unit", id=text.unit_id, extradata=VERSION_PREFIX + target_version(translated))
        unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        source = E.source(text.value(source_language))
        source.set(XML_LANG, xliff_language(source_language))
        unit.append(source)
        target = E.target(translated, state="translated" if translated.strip() else "needs-translation")
        target.set(XML_LANG, xliff_language(language))
        unit.append(target)
        unit.append(E.note(text.where))
        body.append(unit)
    document = E.xliff(
        E.file(
            E.header(E.note(note)),
            body,
            original=original,
            datatype="plaintext",
            **{"source-language": xliff_language(source_language), "target-language": xliff_language(language)},
        ),
        version="1.2",
    )
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def parse(data):
    """The <file> element of an XLIFF 1.2 document (bytes); raises XliffRefused when it is none."""
    if len(data) > MAX_BYTES:
        raise XliffRefused(_("The file is larger than 20 MB: it cannot be an XLIFF file of one meeting."))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise XliffRefused(
            _("The file is not well-formed XML (%(error)s); nothing was imported.") % {"error": error}
        ) from error
    if root.getroottree().docinfo.internalDTD is not None or root.getroottree().docinfo.doctype:
        # Its entities are never resolved, so "&name;" would be stored as it is written: refused instead.
        raise XliffRefused(
            _("The file declares a document type (<!DOCTYPE>), which XLIFF does not use; nothing was imported.")
        )
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "1.2":
        raise XliffRefused(_("The file is not an XLIFF 1.2 document; nothing was imported."))
    files = root.findall(f"{{{NS}}}file")
    if len(files) != 1:
        raise XliffRefused(_("The file must hold exactly one <file> element, one meeting's version."))
    return files[0]


def _text_of(element):
    """The text of <source> or <target>, inline elements' text included; None when absent."""
    if element is None:
        return None
    return "".join(element.itertext())


def units_of(file, *, original, originals, language=None):
    """(target language, [Unit]) of a parsed <file> of the document named `original` whose original language
    is `originals[0]` (and `originals[1]` when it has two); raises XliffRefused for a file that is not one."""
    source_language, *others = [field_suffix(code) for code in originals]
    if (file.get("original") or "") != original:
        raise XliffRefused(
            _("This file is for %(other)s, not for %(meeting)s; nothing was imported.")
            % {"other": file.get("original") or _("an unnamed document"), "meeting": original}
        )
    target_language = language_from_xliff(file.get("target-language"))
    if target_language not in COPY_LANGUAGES:
        raise XliffRefused(
            _("The file's target language “%(language)s” is not one of the six; nothing was imported.")
            % {"language": file.get("target-language") or ""}
        )
    if language is not None and target_language != field_suffix(language):
        raise XliffRefused(
            _("This file is the %(file)s version, not the %(asked)s one; nothing was imported.")
            % {"file": xliff_language(target_language), "asked": xliff_language(language)}
        )
    if language_from_xliff(file.get("source-language")) != source_language:
        raise XliffRefused(
            _("The file's source language is not the meeting's original language (%(language)s).")
            % {"language": xliff_language(source_language)}
        )
    if target_language == source_language or target_language in others:
        raise XliffRefused(
            _("%(language)s is this meeting's original language: its text is drafted here, not imported.")
            % {"language": xliff_language(target_language)}
        )
    units, seen = [], set()
    for element in file.findall(f"{{{NS}}}body//{{{NS}}}trans-unit"):
        unit_id = element.get("id") or ""
        if unit_id in seen:
            raise XliffRefused(_("The unit %(id)s appears twice; nothing was imported.") % {"id": unit_id})
        seen.add(unit_id)
        version = element.get("extradata") or ""
        units.append(
            Unit(
                id=unit_id,
                source=_text_of(element.find(f"{{{NS}}}source")),
                target=_text_of(element.find(f"{{{NS}}}target")),
                version=version.removeprefix(VERSION_PREFIX) if version.startswith(VERSION_PREFIX) else None,
            )
        )
    return target_language, units
