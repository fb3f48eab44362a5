"""Every sortable list of the admin keeps the order the editor gives it: move a row to the end, save, reload.

Before the fix, a row whose order field sat inside a row of fields had two hidden order inputs; the control
moved the first, the second was saved, and "changed successfully" hid that nothing had moved.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from congress.models import StandardParagraph
from meetings.models import AgendaItem, Document, MeetingParagraph
from recommendations.models import Recommendation, SummaryParagraph
from workspace.records import in_agenda_order

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, live_server, admin_user):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(admin_user.username)
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Site administration")).to_be_visible()


def ordered_pks(model, **filters):
    """The rows in the order the screen shows them: the agenda's items each followed by its sub-items."""
    rows = model.objects.filter(**filters)
    rows = in_agenda_order(rows) if model is AgendaItem else rows.order_by("order", "pk")
    return list(rows.values_list("pk", flat=True))


def sortables(meeting):
    """(screen, inline prefix, model, filter of its rows) for every sortable list a meeting is entered with."""
    discussion = meeting.discussions.order_by("topic__order").first()
    part = lambda name: reverse("admin:meetings_meeting_part", args=[meeting.pk, name])  # noqa: E731
    return [
        (part("agenda"), "agenda_items", AgendaItem, {"meeting": meeting}),
        (part("documents"), "documents", Document, {"meeting": meeting}),
        (part("text"), "paragraphs", MeetingParagraph, {"meeting": meeting}),
        (
            reverse("admin:recommendations_discussion_part", args=[discussion.pk, "summary"]),
            "summary_paragraphs",
            SummaryParagraph,
            {"discussion": discussion},
        ),
        (
            reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"]),
            "recommendations",
            Recommendation,
            {"discussion": discussion},
        ),
        (
            reverse("admin:congress_congress_change", args=[meeting.congress_id]),
            "standard_paragraphs",
            StandardParagraph,
            {"congress": meeting.congress},
        ),
    ]


def test_moving_a_row_to_the_end_of_each_sortable_list_is_saved(page, live_server, admin_user, demo_meeting):
    log_in(page, live_server, admin_user)
    for url, prefix, model, rows in sortables(demo_meeting):
        before = ordered_pks(model, **rows)
        assert len(before) > 1, prefix
        page.goto(live_server.url + url)
        page.locator(f"#{prefix}-0 .sort .move-end").click()
        # "Save and continue editing", or on a workspace's part "Save", which comes back to it.
        stay = page.locator("input[name=_continue]")
        (stay if stay.count() else page.locator("input[name=_save]")).first.click()
        expect(page.locator(".messagelist .success")).to_be_visible()
        after = ordered_pks(model, **rows)
        assert after == [*before[1:], before[0]], f"{prefix}: the first row did not move to the end"
        page.reload()
        assert page.locator(f"#{prefix}-{len(before) - 1} input[name$='-id']").input_value() == str(before[0])
