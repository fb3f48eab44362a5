"""The public pages of this stage: the list of meetings and a meeting's report."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_lists_the_meeting_and_links_to_its_report(client, demo_meeting):
    page = client.get(reverse("home")).content.decode()
    assert "Fourteenth United Nations Congress on Crime Prevention and Criminal Justice" in page
    assert f'href="{reverse("meetings:report", kwargs={"slug": "western-asia-2019"})}"' in page


def test_report_page_has_a_linked_table_of_contents(client, demo_meeting):
    response = client.get(reverse("meetings:report", kwargs={"slug": demo_meeting.slug}))
    page = response.content.decode()
    assert response.status_code == 200
    for anchor in ("chapter-I", "chapter-II", "chapter-II-1", "chapter-III-4", "chapter-IV", "annex-I"):
        assert f'href="#{anchor}"' in page
        assert f'id="{anchor}"' in page
    assert '<p id="para-59" class="numbered"><a class="number" href="#para-59">59.</a> Japan was represented' in page
    assert '<a class="symbol" href="https://undocs.org/A/CONF.234/RPM.2/L.2/Add.4">' in page
    assert "<em>Commentary on the Bangalore Principles of Judicial Conduct</em>" in page


def test_report_page_escapes_drafted_text(client, demo_meeting):
    paragraph = demo_meeting.paragraphs.first()
    paragraph.text = "<script>alert(1)</script> & *Title*"
    paragraph.save()
    page = client.get(reverse("meetings:report", kwargs={"slug": demo_meeting.slug})).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <em>Title</em>" in page


def test_unknown_meeting_is_not_found(client, db):
    assert client.get(reverse("meetings:report", kwargs={"slug": "nowhere"})).status_code == 404
