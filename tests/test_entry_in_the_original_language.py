"""What a Spanish secretariat types is Spanish: every page reached from a Spanish meeting's workspace asks first
for the Spanish text, whatever language the admin is shown in, and stores it as Spanish."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from congress.models import Topic
from languages import COPY_LANGUAGES
from meetings.models import Meeting
from recommendations.models import Discussion
from tests.factories import TopicFactory, UserFactory, complete_meeting
from workspace.starting import copy_structure

pytestmark = pytest.mark.django_db
COPY = re.compile(rf'name="(?:[\w-]+-)?(\w+?)_({"|".join(COPY_LANGUAGES)})"')


@pytest.fixture
def spanish_meeting():
    meeting = complete_meeting(1)
    Meeting.objects.filter(pk=meeting.pk).update(original_language="es")
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture(params=["en", "es", "ar"])
def secretariat(request):
    """The same secretariat with the admin in English, in Spanish and in Arabic."""
    client = Client(HTTP_ACCEPT_LANGUAGE=request.param)
    client.force_login(UserFactory(username=f"chief-{request.param}", is_staff=True, is_superuser=True))
    return client


def first_copies(html):
    """{field: the language of its first box on the page, outside the collapsed "Other languages"}."""
    open_part = re.sub(r"<details.*?</details>", "", html, flags=re.S)
    first = {}
    for field, language in COPY.findall(open_part):
        first.setdefault(field, language)
    return first


def pages_of(meeting):
    """Every add and change page reached from the meeting's workspace."""
    discussion = meeting.discussions.first()
    # A topic not discussed yet, to add from the Deliberations screen, its item's number clear of every item of the
    # Congress (the factories number theirs from a sequence that runs across tests: a fixed number collided).
    numbers = meeting.congress.agenda_items.values_list("number", flat=True)
    clear = max(numbers, default=0) + 1
    topic = TopicFactory(congress=meeting.congress, agenda_item__number=clear, workshop=None)
    pages = [reverse("admin:meetings_meeting_change", args=[meeting.pk])]
    pages += [
        reverse("admin:meetings_meeting_part", args=[meeting.pk, part])
        for part in ("sessions", "attendance", "officers", "agenda", "documents", "text", "report", "adoption")
    ]
    pages += [
        reverse("admin:meetings_meeting_deliberations", args=[meeting.pk]),
        f"{reverse('admin:recommendations_discussion_add')}?meeting={meeting.pk}&topic={topic.pk}",
        reverse("admin:recommendations_discussion_change", args=[discussion.pk]),
        reverse("admin:recommendations_discussion_part", args=[discussion.pk, "summary"]),
        reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"]),
        reverse("admin:recommendations_summaryparagraph_change", args=[discussion.summary_paragraphs.first().pk]),
        reverse("admin:recommendations_recommendation_change", args=[discussion.recommendations.first().pk]),
        reverse("admin:meetings_session_change", args=[meeting.sessions.first().pk]),
        reverse("admin:meetings_agendaitem_change", args=[meeting.agenda_items.first().pk]),
        reverse("admin:meetings_document_change", args=[meeting.documents.first().pk]),
        reverse("admin:meetings_meetingparagraph_change", args=[meeting.paragraphs.first().pk]),
    ]
    return pages


def test_every_page_from_the_workspace_asks_first_for_the_meetings_language(secretariat, spanish_meeting):
    asked = {}
    for url in pages_of(spanish_meeting):
        response = secretariat.get(url)
        assert response.status_code == 200, url
        for field, language in first_copies(response.content.decode()).items():
            # The Congress's and the registries' names are English records: not the meeting's text.
            if field not in ("name", "short_name", "main_theme", "host_city"):
                asked[(url, field)] = language
    assert asked, "the pages ask for no text at all"
    assert {key: language for key, language in asked.items() if language != "es"} == {}


def test_a_discussion_added_from_the_deliberations_screen_is_stored_in_spanish(secretariat, spanish_meeting):
    topic = TopicFactory(congress=spanish_meeting.congress)
    url = f"{reverse('admin:recommendations_discussion_add')}?meeting={spanish_meeting.pk}&topic={topic.pk}"
    page = secretariat.get(url).content.decode()
    assert first_copies(page).get("text") == "es"
    data = {
        "meeting": spanish_meeting.pk,
        "topic": topic.pk,
        "outcome_phrase": Discussion.OutcomeIntroduction.NOT_NEGOTIATED,
        "summary_paragraphs-TOTAL_FORMS": 1,
        "summary_paragraphs-INITIAL_FORMS": 0,
        "summary_paragraphs-0-order": 1,
        "summary_paragraphs-0-text_es": "Los participantes deliberaron.",
        "recommendations-TOTAL_FORMS": 1,
        "recommendations-INITIAL_FORMS": 0,
        "recommendations-0-order": 1,
        "recommendations-0-text_es": "Fortalecer la cooperación",
    }
    assert secretariat.post(url, data).status_code == 302
    discussion = Discussion.objects.get(meeting=spanish_meeting, topic=topic)
    paragraph, recommendation = discussion.summary_paragraphs.get(), discussion.recommendations.get()
    assert (paragraph.text_es, recommendation.text_es) == (
        "Los participantes deliberaron.",
        "Fortalecer la cooperación",
    )
    assert not paragraph.text_en and not recommendation.text_en


def test_a_new_meeting_from_another_copies_each_language_into_its_own_copy(settings):
    from django.utils import translation

    source = complete_meeting(1)
    discussion = source.discussions.first()
    discussion.outcome_phrase, discussion.outcome_introduction_en = "other", "The recommendations:"
    discussion.save()
    target = complete_meeting(1)
    Meeting.objects.filter(pk=target.pk).update(congress=source.congress)
    target = Meeting.objects.get(pk=target.pk)
    target.discussions.all().delete()
    with translation.override("es"):  # the Spanish admin's request
        copy_structure(source=source, target=target)
    copied = target.discussions.get(topic=discussion.topic)
    assert copied.outcome_introduction_en == "The recommendations:"
    assert all(not getattr(copied, f"outcome_introduction_{code}") for code in COPY_LANGUAGES if code != "en")
    standard = target.discussions.exclude(topic=discussion.topic)
    assert all(d.outcome_phrase == Discussion.OutcomeIntroduction.NOT_NEGOTIATED for d in standard)
    for d in standard:
        assert all(not getattr(d, f"outcome_introduction_{code}") for code in COPY_LANGUAGES)
    assert Topic.objects.exists()
