"""A long list of a workspace screen comes a page at a time (workflow.admin.PagedInlineMixin): a page shows and
saves its own rows, a save writes only the rows changed, and dragging on a page keeps its rows on that page."""

import pytest
from django.urls import reverse

from recommendations.models import SummaryParagraph
from tests.admin_forms import form_data
from tests.factories import complete_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussion():
    meeting = complete_meeting(1)
    discussion = meeting.discussions.first()
    discussion.summary_paragraphs.all().delete()
    SummaryParagraph.objects.bulk_create(
        SummaryParagraph(discussion=discussion, order=n, text_en=f"Paragraph {n}.") for n in range(1, 121)
    )
    return discussion


def summary_url(discussion, page):
    return reverse("admin:recommendations_discussion_part", args=[discussion.pk, "summary"]) + f"?page={page}"


def texts_in_order(discussion):
    return [p.text_en for p in discussion.summary_paragraphs.order_by("order", "pk")]


def test_a_page_shows_its_rows_and_links_the_others(admin_client, discussion):
    page = admin_client.get(summary_url(discussion, 2)).content.decode()
    assert "Paragraph 51." in page and "Paragraph 100." in page
    assert "Paragraph 50." not in page and "Paragraph 101." not in page
    assert "Rows 51–100 of 120." in page and 'href="?page=3"' in page


def test_a_save_on_a_page_writes_only_the_row_changed(admin_client, discussion):
    url = summary_url(discussion, 2)
    data = form_data(admin_client.get(url))
    data[next(key for key, value in data.items() if value == "Paragraph 60.")] = "Paragraph sixty."
    versions = dict(discussion.summary_paragraphs.values_list("pk", "version"))
    assert admin_client.post(url, data).status_code == 302
    changed = {
        pk for pk, version in discussion.summary_paragraphs.values_list("pk", "version") if versions[pk] != version
    }
    assert [p.text_en for p in SummaryParagraph.objects.filter(pk__in=changed)] == ["Paragraph sixty."]
    assert texts_in_order(discussion)[59] == "Paragraph sixty."


def test_dragging_on_a_page_keeps_its_rows_on_that_page(admin_client, discussion):
    url = summary_url(discussion, 2)
    data = form_data(admin_client.get(url))
    total = int(next(value for key, value in data.items() if key.endswith("-INITIAL_FORMS")))
    prefix = next(key for key in data if key.endswith("-INITIAL_FORMS")).rsplit("-", 1)[0]
    # The browser numbers the page's rows 1, 2, 3… in their new sequence: here, reversed.
    for i in range(total):
        data[f"{prefix}-{i}-order"] = total - i
    assert admin_client.post(url, data).status_code == 302
    texts = texts_in_order(discussion)
    assert texts[:50] == [f"Paragraph {n}." for n in range(1, 51)]
    assert texts[50:100] == [f"Paragraph {n}." for n in range(100, 50, -1)]
    assert texts[100:] == [f"Paragraph {n}." for n in range(101, 121)]
