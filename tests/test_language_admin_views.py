"""The meeting's language versions in the admin: the table, the aligned view, XLIFF out and back in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from lxml import etree

from languages.xliff import NS
from report.language_versions import texts_of

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_meeting_page_shows_per_language_how_many_texts_are_translated(staff):
    paragraph = staff.meeting.paragraphs.first()
    paragraph.text_es = "Párrafo en español."
    paragraph.save()
    total = sum(1 for text in texts_of(staff.meeting) if text.required)
    page = client_for(staff.editor).get(reverse("admin:meetings_meeting_change", args=[staff.meeting.pk]))
    html = page.content.decode()
    assert "Language versions" in html
    assert f"<th scope='row'>Spanish </th><td>1</td><td>{total}</td><td>{total - 1}</td>" in html
    assert f"<th scope='row'>English original</th><td>{total}</td><td>{total}</td><td>0</td>" in html


def test_the_aligned_view_shows_a_text_in_two_languages_side_by_side(staff, django_assert_max_num_queries):
    paragraph = staff.meeting.paragraphs.first()
    paragraph.text_ar = "فقرة باللغة العربية."
    paragraph.save()
    url = reverse("admin:meetings_meeting_aligned", args=[staff.meeting.pk]) + "?left=en&right=ar"
    client = client_for(staff.editor)
    with django_assert_max_num_queries(25):
        page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert f'<td lang="en" dir="ltr">{paragraph.text_en}</td>' in html
    assert '<td lang="ar" dir="rtl">فقرة باللغة العربية.</td>' in html
    assert "Not translated" in html


def test_the_aligned_view_and_xliff_are_only_for_those_who_work_on_the_meeting(staff):
    outsider = client_for(staff.outsider)
    for name, args in (("aligned", []), ("xliff_export", ["es"]), ("xliff_import", [])):
        url = reverse(f"admin:meetings_meeting_{name}", args=[staff.meeting.pk, *args])
        assert outsider.get(url).status_code in (302, 404), name
    mine = reverse("admin:meetings_meeting_aligned", args=[staff.other_meeting.pk])
    assert outsider.get(mine).status_code == 200


def test_an_xliff_file_goes_out_and_comes_back_through_the_admin(staff):
    client = client_for(staff.editor)
    response = client.get(reverse("admin:meetings_meeting_xliff_export", args=[staff.meeting.pk, "es"]))
    assert response["Content-Disposition"].endswith('.es.xlf"')
    root = etree.fromstring(response.content)
    paragraph = staff.meeting.paragraphs.first()
    for unit in root.iter(f"{{{NS}}}trans-unit"):
        if unit.get("id") == f"meetings.meetingparagraph.{paragraph.pk}.text":
            unit.find(f"{{{NS}}}target").text = "Traducción."
    filled = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    url = reverse("admin:meetings_meeting_xliff_import", args=[staff.meeting.pk])

    refused = client.post(url, {"file": SimpleUploadedFile("es.xlf", filled[:100])})
    assert refused.status_code == 200
    assert "not well-formed XML" in refused.content.decode()
    paragraph.refresh_from_db()
    assert paragraph.text_es is None

    done = client.post(url, {"file": SimpleUploadedFile("es.xlf", filled)})
    assert done.status_code == 302
    paragraph.refresh_from_db()
    assert paragraph.text_es == "Traducción."


def test_a_reviewer_cannot_import(staff):
    client = client_for(staff.reviewer)
    data = client.get(reverse("admin:meetings_meeting_xliff_export", args=[staff.meeting.pk, "es"])).content
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{NS}}}trans-unit"):
        unit.find(f"{{{NS}}}target").text = "Traducción."
    filled = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    url = reverse("admin:meetings_meeting_xliff_import", args=[staff.meeting.pk])
    refused = client.post(url, {"file": SimpleUploadedFile("es.xlf", filled)})
    assert "You may not change" in refused.content.decode()
    assert all(not text.value("es") for text in texts_of(staff.meeting))
