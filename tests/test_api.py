"""The read API (/api/v1/): what a client gets, under the site's visibility rule, valid against its OpenAPI schema.

All texts here are made up for the tests; none is United Nations text.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, settings

from meetings.models import Meeting
from recommendations.models import Recommendation
from tests.factories import (
    AgendaItemFactory,
    CongressFactory,
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OfficerFactory,
    ParticipationFactory,
    RecommendationFactory,
    complete_meeting,
)

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


def get(client, path, **headers):
    return client.get(path, headers=headers)


def test_a_meeting_gives_its_officers_attendance_agenda_and_documents_with_their_files(client):
    meeting = complete_meeting()
    item = AgendaItemFactory(meeting=meeting, title="Made-up item", title_fr="Point inventé")
    document = DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/CRP.9", title="A made-up paper")
    item.documents.add(document)
    DocumentFileFactory(document=document, language="fr")

    data = get(client, f"/api/v1/meetings/{meeting.slug}/").json()

    assert data["symbol"] == meeting.symbol
    assert {officer["role"] for officer in data["officers"]} == {"chair", "vice_chair", "rapporteur"}
    chair = next(officer for officer in data["officers"] if officer["role"] == "chair")
    assert chair["office"]["en"] == "Chair" and chair["office"]["fr"] == "Président(e)"
    assert len(data["attendance"]) == meeting.participations.count()
    entry = next(entry for entry in data["agenda"] if entry["title"]["en"] == "Made-up item")
    assert entry["title"]["fr"] == "Point inventé" and entry["title"]["es"] is None
    assert entry["documents"] == [document.symbol]
    paper = next(row for row in data["documents"] if row["symbol"] == document.symbol)
    assert paper["title"] == {"ar": None, "zh": None, "en": "A made-up paper", "fr": None, "ru": None, "es": None}
    (upload,) = paper["files"]
    assert upload["language"] == "fr" and upload["format"] == "PDF" and not upload["generated"]
    assert upload["url"].startswith("http://testserver/")
    assert client.get(upload["url"]).status_code == 200
    # The draft report's parts are written by Rapporteur: their files are offered in the original language.
    draft = next(row for row in data["documents"] if row["symbol"].endswith("/L.2"))
    assert {(file["language"], file["format"], file["generated"]) for file in draft["files"]} >= {("en", "PDF", True)}


def test_recommendations_have_the_reports_numbers_letters_anchors_and_each_languages_text(client):
    meeting = complete_meeting()
    first = Recommendation.objects.filter(discussion__meeting=meeting).order_by("discussion__topic__order", "order")[0]
    first.text_fr = "Recommandation inventée"
    first.save()

    rows = get(client, f"/api/v1/meetings/{meeting.slug}/recommendations/").json()["results"]

    assert len(rows) == Recommendation.objects.filter(discussion__meeting=meeting).count()
    assert rows[0]["letter"] == "a" and rows[1]["letter"] == "b"
    assert rows[0]["anchor"] == f"para-{rows[0]['number']}-a"
    assert rows[0]["text"]["en"] == first.text_en and rows[0]["text"]["fr"] == "Recommandation inventée"
    assert rows[0]["text"]["ar"] is None
    assert rows[0]["page"]["fr"].endswith(f"/fr/meetings/{meeting.slug}/report/#{rows[0]['anchor']}")
    # The anchor is the report page's own.
    report_page = client.get(f"/en/meetings/{meeting.slug}/report/").content.decode()
    assert f'id="{rows[0]["anchor"]}"' in report_page


def test_paragraphs_are_numbered_as_the_report_and_null_where_not_translated(client):
    meeting = complete_meeting()

    rows = get(client, f"/api/v1/meetings/{meeting.slug}/paragraphs/?page_size=500").json()
    numbers = [row["number"] for row in rows["results"] if not row["letter"]]

    assert numbers[:3] == [1, 2, 3] and numbers == sorted(numbers)
    assert rows["count"] == len(rows["results"]) or rows["next"]
    first = rows["results"][0]
    assert first["anchor"] == "para-1" and first["kind"] == "paragraph"
    assert first["text"]["en"] and first["text"]["fr"] is None  # the made-up text is in English only
    assert first["label"]["ar"] != first["label"]["en"]
    assert {row["kind"] for row in rows["results"]} >= {"paragraph", "summary", "recommendation"}


def test_an_unpublished_meeting_is_a_404_to_an_anonymous_client_and_shown_to_the_secretariat(client, staff):
    hidden = staff.meeting
    Meeting.objects.filter(pk=hidden.pk).update(is_published=False)
    for path in ("", "paragraphs/", "recommendations/"):
        assert client.get(f"/api/v1/meetings/{hidden.slug}/{path}").status_code == 404
    listed = [row["slug"] for row in client.get("/api/v1/meetings/").json()["results"]]
    assert hidden.slug not in listed and staff.other_meeting.slug in listed
    congress = client.get(f"/api/v1/congresses/{hidden.congress.ordinal}/").json()
    assert hidden.slug not in [row["slug"] for row in congress["meetings"]]

    client.force_login(staff.secretariat)
    response = client.get(f"/api/v1/meetings/{hidden.slug}/")
    assert response.status_code == 200 and response.json()["is_published"] is False
    assert "private" in response["Cache-Control"]
    client.force_login(staff.outsider)  # staff of another meeting do not preview this one
    assert client.get(f"/api/v1/meetings/{hidden.slug}/").status_code == 404


def test_an_unpublished_document_is_not_listed_nor_its_files(client):
    meeting = MeetingFactory()
    hidden = DocumentFactory(meeting=meeting, is_published=False)
    DocumentFileFactory(document=hidden)

    data = client.get(f"/api/v1/meetings/{meeting.slug}/").json()

    assert hidden.symbol not in [row["symbol"] for row in data["documents"]]


def test_a_conditional_request_is_answered_304_until_the_meeting_changes(client):
    meeting = MeetingFactory(region="Made-up region")
    path = f"/api/v1/meetings/{meeting.slug}/"
    first = client.get(path)
    etag = first["ETag"]
    assert first.status_code == 200 and etag and "no-cache" in first["Cache-Control"]

    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304 and again["ETag"] == etag

    OfficerFactory(meeting=meeting)
    changed = client.get(path, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert len(changed.json()["officers"]) == 1
    # Lists answer under the site's version.
    listing = client.get("/api/v1/meetings/")
    assert client.get("/api/v1/meetings/", headers={"if-none-match": listing["ETag"]}).status_code == 304


def test_the_answer_does_not_follow_the_clients_language(client):
    meeting = MeetingFactory()
    english = client.get(f"/api/v1/meetings/{meeting.slug}/", headers={"accept-language": "en"})
    arabic = client.get(f"/api/v1/meetings/{meeting.slug}/", headers={"accept-language": "ar"})
    assert english.json() == arabic.json() and english["ETag"] == arabic["ETag"]


def meetings_of(congress, count):
    for _ in range(count):
        meeting = MeetingFactory(congress=congress)
        OfficerFactory(meeting=meeting)
        ParticipationFactory(meeting=meeting)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/meetings/",
        "/api/v1/congresses/",
        "/api/v1/congresses/{ordinal}/",
        "/api/v1/meetings/?congress={ordinal}",
    ],
)
def test_list_endpoints_cost_the_same_queries_for_one_and_for_ten_meetings(client, path, django_assert_num_queries):
    counts = []
    for size in (1, 10):
        congress = CongressFactory()
        meetings_of(congress, size)
        url = path.format(ordinal=congress.ordinal)
        client.get(url)  # the site's version row exists from then on
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{url}{'&' if '?' in url else '?'}fresh={size}")  # not from the cache
        assert response.status_code == 200
        counts.append(len(queries))
    with django_assert_num_queries(counts[0]):
        client.get(f"{url}{'&' if '?' in url else '?'}fresh=again")
    assert counts[0] == counts[1] > 0


def test_the_reference_page_loads_only_the_sites_own_files(client):
    page = client.get("/api/v1/docs/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<style" not in html and "<script>" not in html and "//cdn" not in html
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")


@pytest.fixture
def congress_of_three(db):
    """A Congress of three made-up meetings, one of them unpublished, with a signed-in secretariat user absent."""
    congress = CongressFactory()
    for published in (True, True, False):
        meeting = MeetingFactory(congress=congress, is_published=published)
        DocumentFileFactory(document=DocumentFactory(meeting=meeting))
        RecommendationFactory(discussion__meeting=meeting)
    return congress


@pytest.fixture
def connection_kept_open():
    """Schemathesis calls the WSGI application itself, which closes the database connection after each request,
    the test's transaction with it; Django's test client keeps it open in the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_is_valid_against_the_openapi_schema(case, congress_of_three, connection_kept_open):
    case.call_and_validate()


def test_real_answers_are_valid_against_the_openapi_schema(connection_kept_open):
    meeting = complete_meeting()
    DocumentFileFactory(document=meeting.documents.first(), language="es")
    paths = {
        "/api/v1/congresses/": "/api/v1/congresses/",
        f"/api/v1/congresses/{meeting.congress.ordinal}/": "/api/v1/congresses/{ordinal}/",
        "/api/v1/meetings/": "/api/v1/meetings/",
        f"/api/v1/meetings/{meeting.slug}/": "/api/v1/meetings/{slug}/",
        f"/api/v1/meetings/{meeting.slug}/paragraphs/": "/api/v1/meetings/{slug}/paragraphs/",
        f"/api/v1/meetings/{meeting.slug}/recommendations/": "/api/v1/meetings/{slug}/recommendations/",
    }
    for path, template in paths.items():
        case = schema[template]["GET"].Case(path_parameters=path_parameters(path, template))
        response = case.call()
        assert response.status_code == 200, path
        case.validate_response(response)


def path_parameters(path, template):
    names = [part[1:-1] for part in template.split("/") if part.startswith("{")]
    values = [value for value, part in zip(path.split("/"), template.split("/"), strict=True) if part.startswith("{")]
    return dict(zip(names, values, strict=True))
