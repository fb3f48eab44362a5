"""The published report of the Western Asia meeting, 2019, read as lines of content to check exports against."""

import re
from pathlib import Path

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


def reference_body():
    """The published report from its first chapter heading on: headings, paragraphs, lists and annex rows."""
    lines = reference_lines()
    return lines[lines.index("List of documents") + 1 :]


def normalized(text):
    return " ".join(text.split())


def missing_in_order(expected_lines, text):
    """The first expected line (whitespace folded) that does not follow the previous one in `text`, or None."""
    text = normalized(text)
    position = 0
    for line in expected_lines:
        found = text.find(normalized(line), position)
        if found < 0:
            return line
        position = found + len(normalized(line))
    return None
