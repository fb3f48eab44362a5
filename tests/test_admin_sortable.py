"""Every sortable inline renders one order input per row, so the order the editor drags is the order saved."""

import re
from collections import Counter

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def order_inputs(html):
    return Counter(re.findall(r'<input[^>]*name="([\w-]+-\d+-order)"', html))


@pytest.mark.parametrize(
    "part, prefix", [("agenda", "agenda_items"), ("documents", "documents"), ("text", "paragraphs")]
)
def test_each_row_of_a_meeting_part_has_one_order_input(admin_client, demo_meeting, part, prefix):
    url = reverse("admin:meetings_meeting_part", args=[demo_meeting.pk, part])
    counts = order_inputs(admin_client.get(url).content.decode())
    assert f"{prefix}-0-order" in counts
    assert {name: n for name, n in counts.items() if n > 1} == {}


def test_each_row_of_a_discussion_page_has_one_order_input(admin_client, demo_meeting):
    discussion = demo_meeting.discussions.first()
    html = "".join(
        admin_client.get(reverse("admin:recommendations_discussion_part", args=[discussion.pk, part])).content.decode()
        for part in ("summary", "recommendations")
    )
    counts = order_inputs(html)
    assert {"summary_paragraphs-0-order", "recommendations-0-order"} <= set(counts)
    assert {name: n for name, n in counts.items() if n > 1} == {}
