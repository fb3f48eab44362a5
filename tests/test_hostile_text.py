"""Findings 5 and 6 of the attack review: control characters pasted from Word never break an export, and
the PDF can neither be styled by a symbol nor fetch anything but the site's own static files."""

import pytest
import tinycss2
from django.test import Client
from django.urls import reverse

from meetings.models import MeetingParagraph
from report.renderers.pdf import StaticFilesOnly, css_string
from tests.factories import MeetingParagraphFactory, complete_meeting

pytestmark = pytest.mark.django_db


def test_finding5_control_characters_are_removed_on_saving():
    paragraph = MeetingParagraphFactory(text="Pasted\x0bfrom\x01Word,\ttabs and\nlines stay.")
    paragraph.refresh_from_db()
    assert paragraph.text == "PastedfromWord,\ttabs and\nlines stay."


def test_finding5_a_control_character_already_stored_never_breaks_an_export():
    meeting = complete_meeting(1)
    paragraph = meeting.paragraphs.first()
    # Stored before the fix (update() sends no signal): every export still answers.
    MeetingParagraph.objects.filter(pk=paragraph.pk).update(text="Text pasted from Word\x0b with \x01 in it.")
    meeting.documents.filter(kind="provisional_agenda").update(title="An agenda\x0c title")
    client = Client()
    for extension in ("docx", "xml", "pdf", "txt"):
        url = reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": extension})
        response = client.get(url)
        assert response.status_code == 200, extension
        if extension in ("xml", "txt"):
            assert b"\x0b" not in response.getvalue() and b"\x01" not in response.getvalue()


def test_finding6_a_symbol_cannot_leave_its_css_string():
    hostile = 'A/CONF.1\r} @page { background: url("http://127.0.0.1:9/leak") } x {\x0c"'
    tokens = [t for t in tinycss2.parse_component_value_list(css_string(hostile)) if t.type != "whitespace"]
    assert [token.type for token in tokens] == ["string"]
    assert tokens[0].value == hostile


def test_finding6_the_pdf_fetches_only_the_sites_static_files(tmp_path):
    fetcher = StaticFilesOnly()
    for url in ("http://127.0.0.1:9/leak", "https://example.org/x.png", "file:///etc/passwd", f"file://{tmp_path}"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    from django.contrib.staticfiles import finders

    own = finders.find("css/report.css")
    assert fetcher.fetch(f"file://{own}").status in (None, 200)


def test_finding6_a_hostile_job_number_renders_without_fetching(monkeypatch):
    meeting = complete_meeting(1)
    # Within the field's 30 characters: ends the CSS string and asks for a background from the network.
    meeting.report_job_number = "\r}*{background:url(http://a)}"
    meeting.save()
    asked = []
    real = StaticFilesOnly.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return real(self, url, headers)

    monkeypatch.setattr(StaticFilesOnly, "fetch", spy)
    url = reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": "pdf"})
    assert Client().get(url).status_code == 200
    assert not [u for u in asked if u.startswith("http")]
