"""A summary paragraph or recommendation with oral amendments deleted in the admin: the confirmation says how many
amendments it has and that they are kept; they are kept, with the texts they had, marked as on a deleted paragraph;
the outcomes stay; the reading screen, its list of amendments, the now page and the part's files still answer."""

import pytest
from django.test import Client
from django.urls import reverse

from adoption import actions
from adoption.models import OralAmendment, ParagraphOutcome
from adoption.records import source_of
from meetings.models import Document, Meeting
from report.builder import build_draft_parts
from report.renderers import RENDERERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def amended(staff):
    meeting = staff.meeting
    part = meeting.documents.get(kind=Document.Kind.DRAFT_REPORT, symbol__endswith="L.2")
    part.is_published = True
    part.save()
    discussion = meeting.discussions.first()
    paragraph = discussion.summary_paragraphs.first()
    source = source_of(paragraph)
    agreed = actions.propose(
        part=part, source=source, language="en", text="Participants agreed on it.", proposer="chair"
    )
    actions.decide(amendment=agreed, status=OralAmendment.Status.AGREED, version=agreed.version)
    pending = actions.propose(
        part=part, source=source, language="en", text="Participants disagreed.", proposer="secretariat"
    )
    actions.move(part=part, source=source)
    actions.mark(part=part, source=source, outcome=ParagraphOutcome.Outcome.REVISED, sources=[source])
    client = Client()
    client.force_login(staff.secretariat)
    return client, meeting, part, paragraph, agreed, pending


def delete_in_the_admin(client, record):
    url = reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_delete", args=[record.pk])
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    response = client.post(url, {"post": "yes"}, follow=True)
    assert response.status_code == 200
    assert not type(record).objects.filter(pk=record.pk).exists()
    return confirmation.content.decode(), response.content.decode()


def test_the_confirmation_says_the_amendments_are_kept_and_they_are(amended):
    client, _meeting, _part, paragraph, agreed, pending = amended
    confirmation, after = delete_in_the_admin(client, paragraph)
    assert "has 2 oral amendments recorded in the reading of the draft report: they are kept" in confirmation
    assert "they are kept" in after  # said again with the deletion's own message

    kept = {amendment.pk: amendment for amendment in OralAmendment.objects.all()}
    assert set(kept) == {agreed.pk, pending.pk}
    assert all(amendment.paragraph_deleted for amendment in kept.values())
    assert kept[agreed.pk].proposed_text == "Participants agreed on it."
    assert kept[agreed.pk].status == OralAmendment.Status.AGREED
    assert kept[pending.pk].issued_text == "Participants agreed on it."
    assert ParagraphOutcome.objects.filter(source=source_of(paragraph)).exists()


def test_an_open_amendment_of_a_deleted_paragraph_is_refused_with_a_message_and_may_be_withdrawn(amended):
    client, meeting, part, paragraph, _agreed, pending = amended
    delete_in_the_admin(client, paragraph)
    pending.refresh_from_db()
    url = reverse("admin:meetings_meeting_reading", args=[meeting.pk, part.pk])
    refused = client.post(
        url, {"action": "decide", "amendment": pending.pk, "status": "agreed", "version": pending.version}, follow=True
    )
    assert "not in this meeting" in refused.content.decode()
    pending.refresh_from_db()
    assert pending.status == OralAmendment.Status.PROPOSED
    client.post(url, {"action": "decide", "amendment": pending.pk, "status": "withdrawn", "version": pending.version})
    pending.refresh_from_db()
    assert pending.status == OralAmendment.Status.WITHDRAWN


def test_the_reading_screen_the_now_page_and_the_part_still_answer_after_the_deletion(amended):
    client, meeting, part, paragraph, _agreed, _pending = amended
    delete_in_the_admin(client, paragraph)
    screen = client.get(reverse("admin:meetings_meeting_reading", args=[meeting.pk, part.pk]))
    assert screen.status_code == 200
    assert "paragraph deleted" in screen.content.decode()  # in the list of the part's amendments
    projector = client.get(reverse("admin:meetings_meeting_projector", args=[meeting.pk, part.pk]))
    assert projector.status_code == 200
    now = Client().get(reverse("meetings:now", kwargs={"slug": meeting.slug}))
    assert now.status_code == 200
    page = now.content.decode()
    assert paragraph.text_en not in page
    # Said, with what the room proposed to it; not the part's first paragraph shown as the one being read.
    assert "The paragraph being read has been deleted from the draft." in page
    assert "disagreed." in page
    assert 'class="now-paragraph"' not in page
    drafts = build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk), "en")
    for renderer in ("docx", "html"):
        assert RENDERERS[renderer](drafts[part.symbol])[2]


def test_a_recommendation_deleted_with_its_discussion_keeps_its_amendments(amended):
    client, meeting, part, _paragraph, _agreed, _pending = amended
    recommendation = meeting.discussions.first().recommendations.first()
    amendment = actions.propose(
        part=part, source=source_of(recommendation), language="en", text="Act now.", proposer="chair"
    )
    confirmation, _after = delete_in_the_admin(client, recommendation.discussion)
    # The paragraph's two and the recommendation's one, deleted with the discussion, are kept.
    assert "The paragraphs deleted with it have 3 oral amendments recorded" in confirmation
    amendment.refresh_from_db()
    assert amendment.paragraph_deleted
    assert amendment.proposed_text == "Act now."


def test_a_part_deleted_takes_its_amendments_and_says_nothing_of_keeping_them(amended):
    client, _meeting, part, _paragraph, _agreed, _pending = amended
    confirmation, _after = delete_in_the_admin(client, part)
    assert "they are kept" not in confirmation
    assert not OralAmendment.objects.exists()
