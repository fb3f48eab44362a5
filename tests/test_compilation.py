"""A Congress's page and the compilation of its regional meetings' recommendations (made-up meetings and text).

Every recommendation appears once, under its Congress item and its meeting's region, cited as its report numbers
it and linked to its anchor there; unpublished meetings only for the secretariat; the query count does not grow
with the number of meetings; the files open."""

import io
import json
import re

import docx
import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.models import Recommendation
from tests.factories import (
    CongressFactory,
    DiscussionFactory,
    MainThemeFactory,
    MeetingFactory,
    ParticipationFactory,
    RecommendationFactory,
    SessionFactory,
    SummaryParagraphFactory,
    TopicFactory,
    UserFactory,
)
from workflow.management.commands.setup_roles import setup_roles
from workflow.roles import SECRETARIAT

pytestmark = pytest.mark.django_db


def a_meeting(congress, topics, recommendations=2, **fields):
    meeting = MeetingFactory(congress=congress, **fields)
    SessionFactory(meeting=meeting, number=1)
    ParticipationFactory(meeting=meeting)
    for topic in topics:
        discussion = DiscussionFactory(meeting=meeting, topic=topic)
        SummaryParagraphFactory(discussion=discussion)
        RecommendationFactory.create_batch(recommendations, discussion=discussion)
    return meeting


@pytest.fixture
def congress_of_three():
    congress = CongressFactory()
    topics = [MainThemeFactory(congress=congress), TopicFactory(congress=congress)]
    meetings = [a_meeting(congress, topics, recommendations=n) for n in (2, 3, 1)]
    return congress, topics, meetings


def secretariat_client():
    setup_roles()
    user = UserFactory(username="compiler")
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    client = Client()
    client.force_login(user)
    return client


def entries_on(page):
    """(recommendation pk, href, citation) of each entry of the list."""
    html = page.content.decode()
    return re.findall(
        r'<li class="compilation-entry mb-3" id="recommendation-(\d+)">.*?<a class="citation" href="([^"]+)" dir="ltr">'
        r"([^<]+)</a>",
        html,
        re.S,
    )


def test_every_recommendation_appears_once_under_its_item_and_region_and_links_to_its_anchor(client, congress_of_three):
    congress, topics, meetings = congress_of_three
    page = client.get(reverse("compilation", args=[congress.ordinal]))
    assert page.status_code == 200
    found = entries_on(page)
    expected = Recommendation.objects.filter(discussion__meeting__congress=congress)
    assert sorted(int(pk) for pk, _href, _cite in found) == sorted(r.pk for r in expected)
    for pk, href, citation in found:
        recommendation = expected.get(pk=pk)
        meeting = recommendation.discussion.meeting
        assert citation.startswith(f"{meeting.symbol}, para. ")
        path, anchor = href.split("#")
        assert path == reverse("meetings:report", args=[meeting.slug])
        report = client.get(path).content.decode()
        assert f'id="{anchor}"' in report
        # The anchor's subparagraph holds this recommendation's text.
        assert recommendation.text in report.split(f'id="{anchor}"', 1)[1][:600]
    # Under its item: the matrix row of the topic's heading holds the meeting's recommendations on it.
    matrix = client.get(reverse("compilation", args=[congress.ordinal]), {"by": "item"}).content.decode()
    assert matrix.count('class="compilation-entry mb-2"') == expected.count()


def test_filters_narrow_to_a_region_an_item_a_theme_and_words(client, congress_of_three):
    congress, topics, meetings = congress_of_three
    url = reverse("compilation", args=[congress.ordinal])
    one = meetings[1]
    assert len(entries_on(client.get(url, {"meeting": one.pk}))) == 2 * 3
    assert len(entries_on(client.get(url, {"item": "main"}))) == 2 + 3 + 1
    theme = congress.themes.create(name_en="Cybercrime", order=1)
    chosen = Recommendation.objects.filter(discussion__meeting=one)[:2]
    for recommendation in chosen:
        recommendation.themes.add(theme)
    assert {int(pk) for pk, *_ in entries_on(client.get(url, {"theme": theme.pk}))} == {r.pk for r in chosen}
    words = chosen[0].text
    assert [int(pk) for pk, *_ in entries_on(client.get(url, {"q": words}))] == [chosen[0].pk]
    by_theme = client.get(url, {"by": "theme"}).content.decode()
    assert "Cybercrime" in by_theme and "No theme given yet" in by_theme


def test_unpublished_meetings_are_compiled_for_the_secretariat_only(client, congress_of_three):
    congress, topics, meetings = congress_of_three
    draft = a_meeting(congress, topics, recommendations=1, is_published=False)
    hidden = set(Recommendation.objects.filter(discussion__meeting=draft).values_list("pk", flat=True))
    url = reverse("compilation", args=[congress.ordinal])
    assert not hidden & {int(pk) for pk, *_ in entries_on(client.get(url))}
    assert draft.symbol not in client.get(reverse("congress", args=[congress.ordinal])).content.decode()
    staff = secretariat_client()
    assert hidden <= {int(pk) for pk, *_ in entries_on(staff.get(url))}
    assert draft.symbol in staff.get(reverse("congress", args=[congress.ordinal])).content.decode()


def test_the_query_count_does_not_grow_with_the_meetings():
    congress = CongressFactory()
    topics = [MainThemeFactory(congress=congress), TopicFactory(congress=congress)]
    a_meeting(congress, topics)
    staff = secretariat_client()  # signed in: no page cache, the view runs every time
    url = reverse("compilation", args=[congress.ordinal])

    def queries():
        staff.get(url)  # builds and keeps each meeting's report tree
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(url).status_code == 200
        return len(captured)

    one = queries()
    for _ in range(9):
        a_meeting(congress, topics)
    assert queries() == one


def test_the_congress_page_lists_its_meetings_and_the_meeting_page_links_to_it(client, congress_of_three):
    congress, topics, meetings = congress_of_three
    page = client.get(reverse("congress", args=[congress.ordinal])).content.decode()
    for meeting in meetings:
        assert meeting.symbol in page and reverse("meetings:report", args=[meeting.slug]) in page
    assert reverse("compilation", args=[congress.ordinal]) in page
    detail = client.get(reverse("meetings:detail", args=[meetings[0].slug])).content.decode()
    assert reverse("congress", args=[congress.ordinal]) in detail


def test_an_untranslated_recommendation_is_compiled_in_its_original_marked(client, congress_of_three):
    congress, topics, meetings = congress_of_three
    page = client.get("/es" + reverse("compilation", args=[congress.ordinal])[3:]).content.decode()
    assert 'lang="en" dir="ltr"' in page and "original" in page


def test_the_files_open(client, congress_of_three):
    congress, topics, meetings = congress_of_three
    count = Recommendation.objects.filter(discussion__meeting__congress=congress).count()

    def download(extension, **params):
        response = client.get(reverse("compilation_download", args=[congress.ordinal, extension]), params)
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        return response.getvalue()

    table = docx.Document(io.BytesIO(download("docx"))).tables[0]
    assert len(table.rows) == count + 1
    assert docx.Document(io.BytesIO(download("docx"))).sections[0].orientation == 1  # landscape
    sheet = openpyxl.load_workbook(io.BytesIO(download("xlsx"))).active
    assert sheet.max_row == count + 1
    assert download("pdf").startswith(b"%PDF")
    data = json.loads(download("json", meeting=meetings[0].pk))
    assert len(data["recommendations"]) == 2 * 2
    assert all(record["citation"].startswith(meetings[0].symbol) for record in data["recommendations"])
    assert client.get(reverse("compilation_download", args=[congress.ordinal, "exe"])).status_code == 404


def test_the_secretariat_gives_themes_in_bulk(congress_of_three):
    congress, topics, meetings = congress_of_three
    cyber, victims = congress.themes.create(name_en="Cybercrime"), congress.themes.create(name_en="Victims")
    chosen = list(Recommendation.objects.filter(discussion__meeting=meetings[0]).values_list("pk", flat=True))
    staff = secretariat_client()
    url = reverse("admin:recommendations_recommendation_changelist")
    form = staff.post(url, {"action": "give_themes", "_selected_action": chosen})
    assert form.status_code == 200 and "Cybercrime" in form.content.decode()
    done = staff.post(
        url,
        {
            "action": "give_themes",
            "_selected_action": chosen,
            "apply": "1",
            "themes": [cyber.pk, victims.pk],
            "change": "add",
        },
    )
    assert done.status_code == 302
    for pk in chosen:
        assert set(Recommendation.objects.get(pk=pk).themes.all()) == {cyber, victims}
    staff.post(
        url,
        {
            "action": "give_themes",
            "_selected_action": chosen[:1],
            "apply": "1",
            "themes": [victims.pk],
            "change": "remove",
        },
    )
    assert set(Recommendation.objects.get(pk=chosen[0]).themes.all()) == {cyber}
