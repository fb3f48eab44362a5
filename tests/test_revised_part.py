"""A part of the draft the room changed comes in two forms: with the agreed amendments marked against the issued
text (the part's own files), and consolidated, as orally revised: the agreed text without marks, in every format."""

import io
import zipfile

import pytest
from django.urls import reverse

from adoption import actions
from adoption.models import OralAmendment
from adoption.records import record_of
from meetings.models import Document, Meeting
from report.amended import items_of
from report.builder import build_draft_parts
from report.downloads import report_downloads
from report.renderers import EXTENSIONS

pytestmark = pytest.mark.django_db

AGREED = "Participants warmly welcomed the revised text."


@pytest.fixture
def revised(demo_meeting):
    part = Document.objects.get(meeting=demo_meeting, symbol=f"{demo_meeting.series}/L.2/Add.1")
    built = build_draft_parts(Meeting.objects.for_report().get(pk=demo_meeting.pk), "en")[part.symbol]
    source = next(item.source for item in items_of(built) if item.amendable)
    issued = record_of(source).text_en
    amendment = actions.propose(
        part=part, source=source, language="en", text=AGREED, proposer=OralAmendment.Proposer.CHAIR
    )
    actions.decide(amendment=amendment, status=OralAmendment.Status.AGREED, version=amendment.version)
    return demo_meeting, part, issued


def word_xml(content):
    return zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()


def test_the_report_page_offers_a_part_as_orally_revised_only_once_the_room_agreed_a_change(demo_meeting):
    labels = [symbol for symbol, _files, _note in report_downloads(demo_meeting)]
    assert not any("revised" in label for label in labels)


def test_the_revised_part_reads_as_agreed_without_marks_in_every_format(client, revised):
    meeting, part, issued = revised
    labels = [symbol for symbol, _files, _note in report_downloads(meeting)]
    assert f"{part.symbol}, as orally revised" in labels

    marked = client.get(reverse("meetings:draft_part_download", args=[meeting.slug, part.short_symbol, "docx"]))
    assert "<w:ins " in word_xml(marked.getvalue())

    for extension in EXTENSIONS:
        url = reverse("meetings:revised_part_download", args=[meeting.slug, part.short_symbol, extension])
        response = client.get(url)
        assert response.status_code == 200, extension
        assert "-as-revised." in response["Content-Disposition"]
        if extension == "docx":
            xml = word_xml(response.getvalue())
            assert "<w:ins " not in xml and "<w:del " not in xml
            assert "warmly welcomed" in xml
        elif extension in ("txt", "html", "xml"):
            body = response.getvalue().decode()
            assert "warmly welcomed the revised text" in body, extension
            assert "[+" not in body and "[-" not in body and "<ins" not in body, extension
            assert issued not in body, extension
