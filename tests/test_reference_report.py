"""The text export of the demo meeting reproduces the published report of the Western Asia meeting, 2019."""

import difflib

from report.builder import build_report_for_symbol
from report.renderers.text import render_text
from tests.conftest import DEMO_SYMBOL
from tests.reference import PAGE_BREAK_CONTINUATIONS, reference_lines


def exported_lines():
    text = render_text(build_report_for_symbol(DEMO_SYMBOL))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # The masthead is not in the extracted reference; its body starts with the Congress's name.
    return lines[lines.index("Fourteenth United Nations Congress on Crime Prevention and Criminal Justice") :]


def test_reference_is_read_as_expected():
    lines = reference_lines()
    # Paragraphs 1 to 75 appear in order, each once its page-break halves are joined.
    next_number = 1
    for line in lines[lines.index("Annex") + 2 :]:
        if line.startswith(f"{next_number}. "):
            next_number += 1
    assert next_number == 76
    assert not any(line.startswith(PAGE_BREAK_CONTINUATIONS) for line in lines)
    assert lines[0] == "Fourteenth United Nations Congress on Crime Prevention and Criminal Justice"
    assert lines[-1].startswith("A/CONF.234/PM/CRP.1\tNote by the Secretariat")


def test_text_export_reproduces_the_published_report(demo_meeting):
    expected, actual = reference_lines(), exported_lines()
    # The published contents list says "Annex" where its body, and so the export, says "Annex I".
    expected[expected.index("Annex")] = "Annex I"
    diff = "\n".join(difflib.unified_diff(expected, actual, "published report", "export", lineterm="", n=1))
    assert actual == expected, f"The export differs from the published report:\n{diff}"


def test_every_numbered_paragraph_is_in_the_export_in_order(demo_meeting):
    report = build_report_for_symbol(DEMO_SYMBOL)
    assert [paragraph.number for paragraph in report.paragraphs()] == list(range(1, 76))
