"""A download's file name comes from an editable symbol: it is quoted, so no symbol can name another file."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import content_disposition_header

from meetings.models import Meeting

pytestmark = pytest.mark.django_db

HOSTILE = 'A/CONF.1"; filename="report.html'


def test_the_xliff_download_quotes_a_hostile_symbol(staff):
    Meeting.objects.filter(pk=staff.meeting.pk).update(symbol=HOSTILE)
    client = Client()
    client.force_login(staff.editor)
    response = client.get(reverse("admin:meetings_meeting_xliff_export", args=[staff.meeting.pk, "es"]))
    assert response.status_code == 200
    name = 'A-CONF.1"; filename="report.html.es.xlf'
    assert response["Content-Disposition"] == content_disposition_header(True, name)
    assert response["Content-Disposition"] == r'attachment; filename="A-CONF.1\"; filename=\"report.html.es.xlf"'


def test_the_report_download_quotes_it_the_same_way(client, staff):
    Meeting.objects.filter(pk=staff.meeting.pk).update(symbol=HOSTILE, is_published=True)
    response = client.get(reverse("meetings:report_download", args=[staff.meeting.slug, "txt"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == r'attachment; filename="A-CONF.1\"; filename=\"report.html.txt"'
