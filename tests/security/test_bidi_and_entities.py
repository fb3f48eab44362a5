"""Bidirectional overrides and character references: one rule for every text, whether typed in the admin or
imported, and for every export of what was stored before."""

import pytest
from django.test import Client
from django.urls import reverse
from lxml import etree

from languages.xliff import NS, XliffRefused
from meetings.models import MeetingParagraph
from report.language_versions import export_xliff, import_xliff
from tests.factories import DelegateFactory, MeetingParagraphFactory, complete_meeting

pytestmark = pytest.mark.django_db

RLO, LRO, RLE, PDF = "\u202e", "\u202d", "\u202b", "\u202c"
RLI, PDI, RLM = "\u2067", "\u2069", "\u200f"


def test_overrides_and_embeddings_are_removed_from_names_and_texts():
    delegate = DelegateFactory(name=f"Ali{RLO}cod.exe Hassan")
    paragraph = MeetingParagraphFactory(text=f"The {LRO}Meeting{PDF} {RLE}adopted{PDF} its agenda.")
    delegate.refresh_from_db()
    paragraph.refresh_from_db()
    assert delegate.name == "Alicod.exe Hassan"
    assert paragraph.text == "The Meeting adopted its agenda."


def test_arabic_marks_and_closed_isolates_stay_and_open_ones_go():
    kept = f"افتتح الاجتماع{RLM} (الفقرة 1) and {RLI}مصر{PDI} spoke."
    paragraph = MeetingParagraphFactory(text_ar=kept, text=f"Opened {RLI}by the Chair{PDI}{PDI}, then {RLI}closed.")
    paragraph.refresh_from_db()
    assert paragraph.text_ar == kept
    assert paragraph.text == f"Opened {RLI}by the Chair{PDI}, then closed."


def test_character_references_are_stored_as_their_characters():
    paragraph = MeetingParagraphFactory(text="R&amp;D in the r&eacute;gion, &#x202E;reversed, AT&T &c, Q&A; &#0;")
    paragraph.refresh_from_db()
    assert paragraph.text == "R&D in the région, reversed, AT&T &c, Q&A; "


def xliff_with(meeting, paragraph, target, doctype=b""):
    """The meeting's Spanish XLIFF with this target; "&oacute;" in it is written "&amp;oacute;" in the file."""
    root = etree.fromstring(export_xliff(meeting, "es"))
    for unit in root.iter(f"{{{NS}}}trans-unit"):
        if unit.get("id") == f"meetings.meetingparagraph.{paragraph.pk}.text":
            unit.find(f"{{{NS}}}target").text = target
    return doctype + etree.tostring(root, encoding="UTF-8")


def test_an_xliff_import_obeys_the_same_rule():
    meeting = complete_meeting(1)
    paragraph = meeting.paragraphs.first()
    import_xliff(meeting, xliff_with(meeting, paragraph, f"La Reuni&oacute;n {RLO}aprob&#243; el programa."), "es")
    paragraph.refresh_from_db()
    assert paragraph.text_es == "La Reunión aprobó el programa."


def test_an_xliff_file_with_entities_is_refused():
    meeting = complete_meeting(1)
    paragraph = meeting.paragraphs.first()
    data = xliff_with(meeting, paragraph, "PLACEHOLDER", doctype=b'<!DOCTYPE xliff [<!ENTITY x "evil">]>\n')
    with pytest.raises(XliffRefused, match="DOCTYPE"):
        import_xliff(meeting, data.replace(b"PLACEHOLDER", b"&x;"), "es")
    paragraph.refresh_from_db()
    assert not paragraph.text_es


def test_an_override_stored_before_never_reaches_an_export():
    meeting = complete_meeting(1)
    paragraph = meeting.paragraphs.first()
    MeetingParagraph.objects.filter(pk=paragraph.pk).update(text=f"Stored {RLO}before the rule.")  # no signal
    url = reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": "txt"})
    text = Client().get(url).getvalue().decode()
    assert "Stored before the rule." in text
    assert RLO not in text
