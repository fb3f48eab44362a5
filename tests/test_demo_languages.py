"""The demo meeting's report in the five languages other than its original, English."""

from django.core.management import call_command
from lxml import etree

import languages
from report.builder import build_report_for_symbol
from report.document import Section
from report.renderers.akoma_ntoso import render as render_akn
from report.renderers.text import render_text
from tests.conftest import DEMO_SYMBOL
from tests.test_exports import AKN, SCHEMA

TRANSLATIONS = ["ar", "zh", "fr", "ru", "es"]
# The report's own dates as each version writes them (the meeting was held on 26–28 March 2019).
MEETING_DATES = {
    "ar": "في الفترة من 26 إلى 28 آذار/مارس 2019",
    "zh": "2019年3月26日至28日",
    "fr": "du 26 au 28 mars 2019",
    "ru": "с 26 по 28 марта 2019 года",
    "es": "del 26 al 28 de marzo de 2019",
}


def headings(report):
    def walk(section):
        yield section.title
        for child in section.children:
            if isinstance(child, Section):
                yield from walk(child)
            elif hasattr(child, "text") and not hasattr(child, "content"):
                yield child.text  # sub-headings

    for section in report.sections:
        yield from walk(section)


# Headings that are the same word in English and in the language.
SAME_AS_ENGLISH = {"fr": {"Introduction"}}


def attendance_of(report):
    section = next(s for s in report.chapters[2].sections() if s.key == "attendance")
    return "".join(inline.text for inline in section.children[0].content)


def listed_states(sentence, language):
    separator = {"zh": "、", "ar": "، "}.get(language, ", ")
    colon = "：" if language == "zh" else ": "
    return sentence.rsplit(colon, 1)[1].rstrip("。.").split(separator)


def test_each_version_has_the_75_paragraphs_its_own_headings_names_and_dates(demo_meeting):
    # One build of the demo serves the five versions: loading it is the slow part.
    english = build_report_for_symbol(DEMO_SYMBOL, "en")
    english_headings = set(headings(english))
    assert "Saudi Arabia" in attendance_of(english)
    for language in TRANSLATIONS:
        report = build_report_for_symbol(DEMO_SYMBOL, language)
        assert [p.number for p in report.paragraphs()] == list(range(1, 76)), language
        left = english_headings & set(headings(report)) - SAME_AS_ENGLISH.get(language, set())
        assert not left, (language, left)
        assert report.contents_heading != "Contents"
        assert MEETING_DATES[language] in report.title, language
        # The States in the language, in its alphabetical order.
        members = attendance_of(report)
        assert "Saudi Arabia" not in members, language
        listed = listed_states(members, language)
        assert len(listed) == 10, (language, listed)
        assert listed == languages.sorted_names(listed, language), language
        # The drafted paragraphs have no translation in the demo: marked, never shown in English.
        assert report.missing_texts > 0
        assert "The following recommendations" not in render_text(report), language


def test_the_spanish_masthead_and_front_lines(demo_meeting):
    text = render_text(build_report_for_symbol(DEMO_SYMBOL, "es"))
    assert "Distr. general" in text
    assert "\tEspañol\n\tOriginal: inglés" in text
    assert "V.19-02154 (S)" in text
    assert "Kyoto (Japón), 20 a 27 de abril de 2020" in text
    assert (
        "Estuvieron representados en la Reunión los siguientes Estados miembros de la Comisión Económica y Social "
        "para Asia Occidental: Arabia Saudita, Egipto, Iraq," in text
    )


def test_akoma_ntoso_of_each_version_is_valid_and_names_its_language(demo_meeting):
    for language in TRANSLATIONS:
        _name, _type, content = render_akn(build_report_for_symbol(DEMO_SYMBOL, language))
        root = etree.fromstring(content)
        assert SCHEMA.validate(root), (language, SCHEMA.error_log)
        eids = [p.get("eId") for p in root.iterfind(".//a:mainBody//a:paragraph", namespaces=AKN)]
        assert eids == [f"para_{n}" for n in range(1, 76)], language
        code = {"ar": "ara", "zh": "zho", "fr": "fra", "ru": "rus", "es": "spa"}[language]
        assert root.find(".//a:FRBRExpression/a:FRBRlanguage", namespaces=AKN).get("language") == code
        body = root.find(".//a:mainBody", namespaces=AKN)
        assert body.get("{http://www.w3.org/XML/1998/namespace}lang") == language


def test_export_report_counts_the_missing_texts_on_stderr(demo_meeting, capsys):
    call_command("export_report", DEMO_SYMBOL, "--format", "txt", "--language", "ru")
    captured = capsys.readouterr()
    assert "[Текст не переведен]" in captured.out
    assert "texts have no ru version" in captured.err
