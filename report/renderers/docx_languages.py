"""Word's settings for a language version: right-to-left paragraphs, runs and tables for Arabic,
the script's typeface and the proofing language, applied after the layout is written."""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Debian's fonts-noto-core and fonts-noto-cjk, as the PDF uses them; Word substitutes its own
# Arabic or Chinese typeface where they are not installed.
COMPLEX_SCRIPT_FONTS = {"ar": "Noto Naskh Arabic"}
EAST_ASIAN_FONTS = {"zh": "Noto Serif CJK SC"}
PROOFING_LANGUAGES = {"ar": "ar-SA", "zh": "zh-CN", "en": "en-GB", "fr": "fr-FR", "ru": "ru-RU", "es": "es-ES"}


def child(parent, tag, *, first=False):
    """The parent's child element `tag`, added if missing."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        if first:
            parent.insert(0, element)
        else:
            parent.append(element)
    return element


def apply_language(word, report):
    language = report.language
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        if name not in word.styles:
            continue
        run_properties = word.styles[name].element.get_or_add_rPr()
        fonts = child(run_properties, "w:rFonts")
        if language in COMPLEX_SCRIPT_FONTS:
            fonts.set(qn("w:cs"), COMPLEX_SCRIPT_FONTS[language])
        if language in EAST_ASIAN_FONTS:
            fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONTS[language])
        proofing = child(run_properties, "w:lang")
        attribute = {"ar": "w:bidi", "zh": "w:eastAsia"}.get(language, "w:val")
        proofing.set(qn(attribute), PROOFING_LANGUAGES[language])
    if language in COMPLEX_SCRIPT_FONTS:
        complex_script_twins(word)
    if report.direction != "rtl":
        return
    # The masthead's Latin-script lines (symbol, distribution, date, original) stay left to right.
    masthead = word.tables[0]._tbl if word.tables else None
    body = word.element.body
    for paragraph in body.iter(qn("w:p")):
        properties = paragraph.get_or_add_pPr()
        if any(ancestor is masthead for ancestor in paragraph.iterancestors(qn("w:tbl"))):
            child(properties, "w:bidi").set(qn("w:val"), "0")  # explicit: the section's default is RTL
            continue
        child(properties, "w:bidi")
        for run in paragraph.iter(qn("w:r")):
            child(run.get_or_add_rPr(), "w:rtl")
    for table in body.iter(qn("w:tbl")):
        child(table.tblPr, "w:bidiVisual")
    for section in word.sections:
        child(section._sectPr, "w:bidi")


# Word sets Arabic (a complex script) in bold, italic and a size only by their complex-script twins.
TWINS = {"w:b": "w:bCs", "w:i": "w:iCs", "w:sz": "w:szCs"}


def complex_script_twins(word):
    """Gives every bold, italic or sized run property, in the styles and in the text, its complex-script
    twin (w:bCs, w:iCs, w:szCs) right after it, where the schema's order puts it."""
    parts = [word.styles.element, word.element.body]
    for section in word.sections:
        for part in (
            section.header,
            section.even_page_header,
            section.first_page_header,
            section.footer,
            section.even_page_footer,
            section.first_page_footer,
        ):
            if not part.is_linked_to_previous:
                parts.append(part._element)
    for part in parts:
        for properties in part.iter(qn("w:rPr")):
            for tag, twin in TWINS.items():
                element = properties.find(qn(tag))
                if element is None or properties.find(qn(twin)) is not None:
                    continue
                copy = OxmlElement(twin)
                value = element.get(qn("w:val"))
                if value is not None:
                    copy.set(qn("w:val"), value)
                element.addnext(copy)
