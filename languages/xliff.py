"""One language version of a set of texts as XLIFF 1.2, the translators' exchange format, out and back in.

The texts are a meeting's report's (report/language_versions.py gives them and names the file).
Export: one <file> whose `original` is the meeting's report symbol, `source-language` its original
language and `target-language` the version's language; one <trans-unit> per text of the report
(languages.versions.Text), its id naming the record and field ("meetings.meetingparagraph.12.text"),
its <source> the original text, its <target> the version's text when there is one, and a <note>
saying where the text stands in the report.

Import takes a file back, all or nothing (one transaction), and refuses it, changing nothing, when:
- it is not well-formed XML, or not XLIFF 1.2 with exactly one <file>;
- it is for another meeting (`original`), or its source language is not the meeting's original
  language, or its target language is not one of the six, or is the original language itself
  (the original is drafted in Rapporteur, never imported), or is not the language asked for;
- a unit's id is not a text of this meeting, or appears twice;
- a unit's <source> is no longer the original text: the original was changed since the export, so
  the translation may no longer match it. The translator exports again and carries the translation
  over; importing the rest and skipping these would leave a version half updated without anyone
  noticing.
A unit with an empty or missing <target> leaves that text as it is. Entities and external
references are never resolved.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from lxml import etree
from lxml.builder import ElementMaker

from languages.codes import COPY_LANGUAGES, field_suffix

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# XLIFF and BCP 47 write Chinese as zh-Hans; the per-language copies as zh_hans.
XLIFF_LANGUAGE = {"zh_hans": "zh-Hans"}
MAX_BYTES = 20 * 1024 * 1024


def xliff_language(code):
    code = field_suffix(code)
    return XLIFF_LANGUAGE.get(code, code)


def language_from_xliff(value):
    value = (value or "").strip().lower().replace("-", "_")
    return {"zh": "zh_hans", "zh_cn": "zh_hans"}.get(value, value)


class XliffRefused(Exception):
    """The file was refused; nothing was changed. str() is the message for the person importing."""


@dataclass
class Imported:
    language: str
    changed: int = 0
    unchanged: int = 0
    empty: int = 0
    records: list = field(default_factory=list)


def export_xliff(texts, *, original, note, source_language, language):
    """The XLIFF 1.2 document (bytes) of the `language` version of `texts`, drafted in `source_language`:
    the file is named `original` (the report's symbol) and its header carries `note`."""
    language = field_suffix(language)
    source_language = field_suffix(source_language)
    E = ElementMaker(namespace=NS, nsmap={None: NS})  # noqa: N806 - lxml's element factory
    body = E.body()
    for text in texts:
        unit = E("trans-unit", id=text.unit_id)
        unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        source = E.source(text.value(source_language))
        source.set(XML_LANG, xliff_language(source_language))
        unit.append(source)
        translated = text.value(language)
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


def _parse(data):
    if len(data) > MAX_BYTES:
        raise XliffRefused(_("The file is larger than 20 MB: it cannot be an XLIFF file of one meeting."))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise XliffRefused(
            _("The file is not well-formed XML (%(error)s); nothing was imported.") % {"error": error}
        ) from error
    if root.getroottree().docinfo.internalDTD is not None:
        # Its entities are never resolved, so "&name;" would be stored as it is written: refused instead.
        raise XliffRefused(_("The file declares a DOCTYPE, which an XLIFF file does not have; nothing was imported."))
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


def import_xliff(data, texts, *, original, source_language, language=None, may_change=None):
    """Writes the translations in `data` into `texts` (those of the document named `original`, drafted in
    `source_language`); raises XliffRefused, changing nothing.

    `may_change(model)` says whether the person importing may change records of that model (the admin
    asks the meeting's roles); a file that would change a record they may not is refused whole.
    """
    file = _parse(data)
    source_language = field_suffix(source_language)
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
    if target_language == source_language:
        raise XliffRefused(
            _("%(language)s is this meeting's original language: its text is drafted here, not imported.")
            % {"language": xliff_language(source_language)}
        )

    texts = {text.unit_id: text for text in texts}
    units = file.findall(f"{{{NS}}}body//{{{NS}}}trans-unit")
    seen, unknown, changed_source, updates = set(), [], [], []
    for unit in units:
        unit_id = unit.get("id") or ""
        if unit_id in seen:
            raise XliffRefused(_("The unit %(id)s appears twice; nothing was imported.") % {"id": unit_id})
        seen.add(unit_id)
        text = texts.get(unit_id)
        if text is None:
            unknown.append(unit_id)
            continue
        source = _text_of(unit.find(f"{{{NS}}}source"))
        if source is None or source != text.value(source_language):
            changed_source.append(unit_id)
            continue
        updates.append((text, _text_of(unit.find(f"{{{NS}}}target"))))
    if unknown:
        raise XliffRefused(
            _("Some units of the file are not texts of this meeting (%(ids)s); nothing was imported.")
            % {"ids": ", ".join(unknown[:3])}
        )
    if changed_source:
        raise XliffRefused(
            _(
                "The original text of some units was changed since the file was exported (%(ids)s): "
                "export the version again and carry the translation over; nothing was imported."
            )
            % {"ids": ", ".join(changed_source[:3])}
        )

    result = Imported(language=target_language)
    to_save = {}
    for text, target in updates:
        if target is None or not target.strip():
            result.empty += 1
            continue
        if text.value(target_language) == target:
            result.unchanged += 1
            continue
        text.set_value(target_language, target)
        to_save.setdefault(id(text.record), (text.record, []))[1].append(f"{text.field}_{target_language}")
        result.changed += 1
    if may_change is not None:
        refused = sorted(
            {record._meta.verbose_name_plural for record, _f in to_save.values() if not may_change(type(record))}
        )
        if refused:
            raise XliffRefused(
                _("You may not change %(what)s of this meeting; nothing was imported.")
                % {"what": ", ".join(map(str, refused))}
            )
    with transaction.atomic():
        for record, fields in to_save.values():
            record.save(update_fields=fields)
            result.records.append(record)
    return result
