"""Finding 14 of the attack review: the public report lists no unpublished documents, in its annex or
in chapter IV's list of the parts of the draft report."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import DocumentFactory, complete_meeting

pytestmark = pytest.mark.django_db


def test_finding14_the_public_report_lists_no_unpublished_document(admin_client):
    meeting = complete_meeting(1)
    secret = DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/CRP.77", is_published=False)
    meeting.documents.filter(symbol=f"{meeting.series}/L.2/Add.1").update(is_published=False)
    page = reverse("meetings:report", kwargs={"slug": meeting.slug})
    text = reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": "txt"})

    for url in (page, text):
        public = Client().get(url).getvalue().decode()
        assert f"{meeting.series}/L.1" in public  # a published document is listed
        assert secret.symbol not in public
        assert f"{meeting.series}/L.2/Add.1" not in public

    preview = admin_client.get(text).getvalue().decode()  # the secretariat's preview lists everything
    assert secret.symbol in preview
    assert f"{meeting.series}/L.2/Add.1" in preview
