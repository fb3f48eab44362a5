"""The reading screen in the workspace, the projector that follows it, and the delegates' "now" page."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from adoption.models import OralAmendment
from adoption.records import source_of
from meetings.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def reading(staff):
    meeting = staff.meeting
    part = meeting.documents.get(kind=Document.Kind.DRAFT_REPORT, symbol__endswith="L.2")
    paragraph = meeting.discussions.first().summary_paragraphs.first()
    client = Client()
    client.force_login(staff.secretariat)
    url = reverse("admin:meetings_meeting_reading", args=[meeting.pk, part.pk])
    return client, url, meeting, part, paragraph


def test_the_secretariat_moves_records_and_agrees_an_amendment_on_the_reading_screen(reading):
    client, url, meeting, part, paragraph = reading
    source = source_of(paragraph)
    assert client.post(url, {"action": "move", "source": source}).status_code == 302
    page = client.get(url).content.decode()
    assert f'data-issued="{paragraph.text_en}"' in page

    delegation = meeting.participations.filter(state__isnull=False).first()
    client.post(
        url,
        {
            "action": "propose",
            "source": source,
            "language": "en",
            "text": "Participants warmly discussed it.",
            "proposer": "delegation",
            "delegation": delegation.pk,
        },
    )
    amendment = OralAmendment.objects.get()
    page = client.get(url).content.decode()
    assert "<ins>[+\u00a0warmly" in page  # the word diff, marked without colour

    client.post(url, {"action": "decide", "amendment": amendment.pk, "status": "agreed", "version": amendment.version})
    paragraph.refresh_from_db()
    assert paragraph.text_en == "Participants warmly discussed it."

    # A second officer's decision on the version they opened is refused, with a message, not applied.
    response = client.post(
        url,
        {"action": "decide", "amendment": amendment.pk, "status": "withdrawn", "version": amendment.version},
        follow=True,
    )
    assert "changed meanwhile" in response.content.decode()
    assert OralAmendment.objects.get().status == "agreed"


def test_the_projector_follows_the_position_and_answers_304_until_something_changes(reading):
    client, url, meeting, part, paragraph = reading
    client.post(url, {"action": "move", "source": source_of(paragraph)})
    projector = reverse("admin:meetings_meeting_projector", args=[meeting.pk, part.pk]) + "?language=fr"
    response = client.get(projector)
    assert paragraph.text_en in response.content.decode()
    assert client.get(projector, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    next_paragraph = meeting.discussions.first().summary_paragraphs.last()
    client.post(url, {"action": "move", "source": source_of(next_paragraph)})
    moved = client.get(projector, HTTP_IF_NONE_MATCH=response["ETag"])
    assert moved.status_code == 200
    assert next_paragraph.text_en in moved.content.decode()


def test_a_reviewer_sees_the_screen_but_records_nothing(reading, staff):
    _client, url, _meeting, _part, paragraph = reading
    reviewer = Client()
    reviewer.force_login(staff.reviewer)
    assert reviewer.get(url).status_code == 200
    assert reviewer.post(url, {"action": "move", "source": source_of(paragraph)}).status_code == 403


def test_the_now_page_shows_the_paragraph_being_read_and_answers_304_while_nothing_changes(reading):
    client, url, meeting, part, paragraph = reading
    part.is_published = True
    part.save()
    now = reverse("meetings:now", kwargs={"slug": meeting.slug})
    reader = Client()
    assert "not being read" in reader.get(now).content.decode()

    client.post(url, {"action": "move", "source": source_of(paragraph)})
    first = reader.get(now)
    assert paragraph.text_en in first.content.decode()
    assert reader.get(now, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    client.post(
        url,
        {
            "action": "propose",
            "source": source_of(paragraph),
            "language": "en",
            "text": "Participants agreed.",
            "proposer": "chair",
        },
    )
    changed = reader.get(now, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "the Chair" in changed.content.decode()


def test_a_reader_in_another_language_reads_an_untranslated_paragraph_in_its_original(reading):
    client, url, meeting, part, paragraph = reading
    part.is_published = True
    part.save()
    paragraph.text_es = ""
    paragraph.save()
    client.post(url, {"action": "move", "source": source_of(paragraph)})
    with translation.override("es"):
        now = reverse("meetings:now", kwargs={"slug": meeting.slug})
    page = Client().get(now).content.decode()
    assert paragraph.text_en in page
    assert 'lang="en"' in page  # marked as the original, in its own language


def test_a_reader_in_another_language_reads_an_untranslated_heading_in_its_original(reading):
    client, url, meeting, part, paragraph = reading
    part.is_published = True
    part.save()
    # Every name the topic's heading is made of loses its Spanish copy (they are the Congress's shared records).
    topic = paragraph.discussion.topic
    for record in (topic.congress, topic.agenda_item, topic.workshop):
        if record is not None:
            for field in ("title", "short_title", "main_theme"):
                if hasattr(record, f"{field}_es"):
                    setattr(record, f"{field}_es", "")
            record.save()
    with translation.override("en"):
        english_title = topic.title_in("en")
    client.post(url, {"action": "move", "source": source_of(paragraph)})
    with translation.override("es"):
        now = reverse("meetings:now", kwargs={"slug": meeting.slug})
    page = Client().get(now).content.decode()
    heading = page.split('class="now-heading"')[1].split("</p>")[0]
    assert english_title.split("(")[0].strip() in heading
    assert 'lang="en"' in heading
    assert "no traducido" not in heading.lower()


def test_a_change_in_the_room_builds_the_parts_readers_follow_before_it_commits(reading):
    from django.core.cache import cache

    from adoption import actions
    from caching import content_version
    from report.cache import parts_key
    from workspace.reading import recorded

    client, url, meeting, part, paragraph = reading
    part.is_published = True
    part.save()
    with translation.override("fr"):
        Client().get(reverse("meetings:now", kwargs={"slug": meeting.slug}))  # a reader follows in French
    recorded(actions.move, part=part, source=source_of(paragraph))
    token = content_version.for_meeting(pk=meeting.pk)[0]
    prepared = cache.get(parts_key(meeting.pk, token, "fr", "public"))
    assert prepared is not None and part.symbol in prepared
    assert cache.get(parts_key(meeting.pk, token, "ar", "public")) is None  # nobody follows in Arabic
