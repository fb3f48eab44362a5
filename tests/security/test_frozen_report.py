"""A frozen report stays frozen: once the meeting adopts its report, renaming a State, retitling the Congress or
rewriting the Congress's standard introduction (which every meeting without an Introduction of its own prints)
changes nothing the site and the exports give of it, until the secretariat reopens it. A meeting whose report is
still a draft shows the change."""

import io
import zipfile

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from congress.models import StandardParagraph
from report import adopted
from tests.conftest import DEMO_SYMBOL

pytestmark = pytest.mark.django_db

NEW_NAME = {"en": "Republic of the Cedars", "es": "República de los Cedros"}
NEW_INTRODUCTION = {"en": "A rewritten standard introduction.", "es": "Una introducción estándar reescrita."}
NEW_CONGRESS = "Renamed Congress on Crime Prevention"


def change_shared_records(meeting):
    """Each through its own save, as the admin saves them: the content versions follow."""
    state = meeting.participations.exclude(state=None).first().state
    old_name = state.name_en
    state.name_en, state.name_es = NEW_NAME["en"], NEW_NAME["es"]
    state.save()
    paragraph = meeting.congress.standard_paragraphs.filter(part=StandardParagraph.Part.INTRODUCTION).first()
    paragraph.text_en, paragraph.text_es = NEW_INTRODUCTION["en"], NEW_INTRODUCTION["es"]
    paragraph.save()
    congress = meeting.congress
    congress.title_en = NEW_CONGRESS
    congress.save()
    return old_name


def report_body(page):
    """The report as the site's report page prints it, without the site's own header."""
    body = page.split('<div class="print report-page">', 1)[1]
    return body.split('<p class="back-to-contents">', 1)[0]


def docx_body(content):
    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        return docx.read("word/document.xml")


def what_readers_get(meeting, language="en"):
    """The report page's report, its exports and the first draft part's, as a visitor downloads them, each
    rendered afresh (the caches emptied)."""
    for cache in caches.all():
        cache.clear()
    client = Client()
    prefix = "zh-hans" if language == "zh" else language
    with translation.override(prefix):
        report_url = reverse("meetings:report", kwargs={"slug": meeting.slug})
        files = {
            extension: reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": extension})
            for extension in ("txt", "xml", "html", "docx")
        }
        pdf = reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": "pdf"})
        part = reverse("meetings:draft_part_download", kwargs={"slug": meeting.slug, "part": "L.2", "extension": "txt"})
    got = {"page": report_body(client.get(report_url).content.decode())}
    for extension, url in files.items():
        response = client.get(url)
        assert response.status_code == 200, url
        got[extension] = docx_body(response.getvalue()) if extension == "docx" else response.getvalue()
    got["draft part"] = client.get(part).getvalue()
    # The PDF, by its fingerprint, without writing it (slow): the ETag names the tree it is written from.
    got["pdf"] = client.get(pdf, headers={"If-None-Match": client.get(files["txt"])["ETag"].replace("-txt", "-pdf")})
    got["pdf"] = got["pdf"].status_code, got["pdf"]["ETag"]
    return got


@pytest.fixture
def adopted_meeting(demo_meeting):
    adopted.adopt(demo_meeting, issued_on=demo_meeting.end_date, job_number="V.19-02154")
    demo_meeting.refresh_from_db()
    return demo_meeting


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_adopted_report_reads_the_same_after_shared_records_change(adopted_meeting, language):
    before = what_readers_get(adopted_meeting, language)
    old_name = change_shared_records(adopted_meeting)

    after = what_readers_get(adopted_meeting, language)

    for name in ("page", "txt", "xml", "html", "docx", "draft part", "pdf"):
        assert after[name] == before[name], name
    assert old_name.encode() in after["txt"] or language != "en"
    assert NEW_NAME[language].encode() not in after["txt"]
    assert NEW_INTRODUCTION[language].encode() not in after["xml"]


def test_the_command_line_exports_the_report_as_adopted(adopted_meeting, capsysbinary):
    call_command("export_report", DEMO_SYMBOL, format="txt", language="en")
    before = capsysbinary.readouterr().out
    change_shared_records(adopted_meeting)
    call_command("export_report", DEMO_SYMBOL, format="txt", language="en")
    after = capsysbinary.readouterr().out
    assert after == before
    assert NEW_NAME["en"].encode() not in after


def test_a_draft_report_shows_the_change(demo_meeting):
    before = what_readers_get(demo_meeting)
    change_shared_records(demo_meeting)

    after = what_readers_get(demo_meeting)

    for name in ("page", "txt", "xml", "html", "docx", "draft part"):
        assert after[name] != before[name], name
    assert NEW_NAME["en"].encode() in after["txt"]
    assert NEW_INTRODUCTION["en"].encode() in after["txt"]
    assert NEW_CONGRESS.encode() in after["txt"]


def test_reopening_shows_the_change_and_adopting_again_keeps_the_new_text(adopted_meeting):
    change_shared_records(adopted_meeting)
    adopted_meeting.reopen_report(reason="A correction")

    reopened = what_readers_get(adopted_meeting)
    assert NEW_NAME["en"].encode() in reopened["txt"]
    assert NEW_INTRODUCTION["en"].encode() in reopened["txt"]

    adopted.adopt(adopted_meeting)
    again = what_readers_get(adopted_meeting)
    assert again["txt"] == reopened["txt"]
