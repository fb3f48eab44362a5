"""The text export of the demo meeting reproduces the published report of the Western Asia meeting, 2019."""

import difflib
import re
from pathlib import Path

from meetings.report.builder import build_report_for_symbol
from meetings.report.renderers.text import render_text
from tests.conftest import DEMO_SYMBOL

REFERENCE = Path(__file__).parent / "fixtures" / "western-asia-rpm-2019-report.txt"

# The published PDF's page breaks split these paragraphs; each line below continues the one before it.
PAGE_BREAK_CONTINUATIONS = (
    "resolution 71/206, all efforts",
    "mind, during the negotiation of the Kyoto declaration",
    "stressed in this regard. One participant",
    "and terrorist groups; in doing so",
    "prevention and reintegration; (b) youth education",
    "Fourteenth Congress. He encouraged Member States",
)

# The two slips of the published text that the rules tell a generator not to copy.
CORRECTED_SLIPS = {
    "Social Council for Western Asia": "Social Commission for Western Asia",
    "A/CONF.234/RPM.2/INF/2/rev.1": "A/CONF.234/RPM.2/INF/2/Rev.1",
}


def reference_lines():
    """The published report as lines of content: markup, page breaks and contents page numbers removed."""
    lines = []
    in_contents = False
    for raw in REFERENCE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        line = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", line)  # [56/119](#) links
        line = re.sub(r"</?i>", "", line)
        line = re.sub(r"\*([^*]+)\*", r"\1", line)
        line = re.sub(r"^- ", "", line)  # the agenda's sub-items
        if line == "Contents":
            in_contents = True
        elif line == "I. Introduction" and in_contents and lines[-1] != "Contents":
            in_contents = False
        if in_contents:
            if line == "Page":
                continue
            line = re.sub(r"\t\d+$", "", line).strip()  # page numbers are not content
        if line.startswith(PAGE_BREAK_CONTINUATIONS):
            lines[-1] = f"{lines[-1]} {line}"
            continue
        for slip, correction in CORRECTED_SLIPS.items():
            line = line.replace(slip, correction)
        lines.append(line)
    return lines


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
