"""The compilation's files written by the jobs, as the report's are: a download answers at once (202) while its
file is prepared and then serves it, an edit makes a new file, each choice of filters its own file (the same
choice written differently, the same file), an edit has the files already asked for written again, and an
unpublished meeting is only in the files of those who may preview it."""

import json
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from compilation import exports
from compilation.entries import select
from jobs.models import Export
from public.compilation_files import normal_words
from public.congress import CompilationFilters
from recommendations.models import Recommendation
from tests.test_compilation import congress_of_three, secretariat_client  # noqa: F401 - the fixture
from tests.test_jobs import queue, work  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def written(monkeypatch):
    """The JSON writer, counting the files it writes."""
    calls = []
    real = exports.WRITERS["json"]
    monkeypatch.setitem(exports.WRITERS, "json", lambda *args: calls.append(args[0].pk) or real(*args))
    return calls


def url_of(congress, extension="json", language="en"):
    with translation.override(language):
        return reverse("compilation_download", args=[congress.ordinal, extension])


def records(response):
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    return json.loads(response.getvalue())["recommendations"]


def test_a_file_not_written_yet_is_being_prepared_then_served(client, queue, congress_of_three, written):  # noqa: F811
    congress, _topics, _meetings = congress_of_three
    url = url_of(congress, language="es")
    waiting = client.get(url)
    assert waiting.status_code == 202 and waiting["Retry-After"] == "5"
    page = waiting.content.decode()
    assert "Se está preparando este archivo" in page and '<meta http-equiv="refresh" content="5">' in page
    assert "recopilación de recomendaciones" in page and congress.symbol_prefix in page
    assert written == []  # the request compiled nothing
    work()
    served = client.get(url)
    assert len(records(served)) == Recommendation.objects.filter(discussion__meeting__congress=congress).count()
    assert client.get(url, headers={"If-None-Match": served["ETag"]}).status_code == 304
    assert written == [congress.pk]
    export = Export.objects.get()
    assert (export.kind, export.language, export.meeting_id, export.congress_id) == (
        "compilation",
        "es",
        None,
        congress.pk,
    )


def test_a_changed_recommendation_makes_a_new_file(client, congress_of_three, written):  # noqa: F811
    congress, _topics, _meetings = congress_of_three
    first = client.get(url_of(congress))
    recommendation = Recommendation.objects.filter(discussion__meeting__congress=congress).first()
    recommendation.text_en = "Ratify the convention on the newly compiled matter."
    recommendation.save()
    again = client.get(url_of(congress))
    assert "newly compiled matter" in json.dumps(records(again)) and "newly compiled" not in json.dumps(records(first))
    assert again["ETag"] != first["ETag"] and written == [congress.pk] * 2
    assert Export.objects.count() == 1  # the same file, written again from the new version


def test_each_choice_of_filters_has_its_own_file(client, congress_of_three, written):  # noqa: F811
    congress, _topics, meetings = congress_of_three
    url = url_of(congress)
    everything = records(client.get(url))
    one = records(client.get(url, {"meeting": meetings[0].pk}))
    assert len(one) == 2 * 2 < len(everything)
    assert {record["meeting"] for record in one} == {meetings[0].symbol}
    assert Export.objects.count() == 2 and written == [congress.pk] * 2
    # The same choice written otherwise, or with what only arranges the page, or a value naming nothing: no new file.
    records(client.get(url, {"meeting": str(meetings[0].pk), "by": "theme"}))
    records(client.get(url, {"meeting": "nothing", "theme": "999999", "item": "item-999"}))
    words = records(client.get(url, {"q": "  "}))
    assert len(words) == len(everything) and Export.objects.count() == 2 and written == [congress.pk] * 2
    assert records(client.get(url, {"q": "NO SUCH  words"})) == records(client.get(url, {"q": "no such words"})) == []
    assert Export.objects.count() == 3


@pytest.mark.django_db(transaction=True)  # the jobs follow the commit
def test_an_edit_has_the_files_asked_for_written_again_before_anyone_asks(client, congress_of_three, written):  # noqa: F811
    congress, _topics, meetings = congress_of_three
    client.get(url_of(congress))
    client.get(url_of(congress), {"meeting": meetings[1].pk})
    assert written == [congress.pk] * 2
    with transaction.atomic():
        meetings[2].venue_city_en = "Amman"
        meetings[2].save()
    assert written == [congress.pk] * 4  # both files asked for, after the commit; no other choice of filters
    assert client.get(url_of(congress)).status_code == 200 and written == [congress.pk] * 4


@pytest.mark.django_db(transaction=True)  # the jobs follow the commit
def test_files_chosen_by_words_are_few_and_written_again_only_when_asked(client, congress_of_three, monkeypatch):  # noqa: F811
    # Anyone may ask for any words: each would otherwise keep a row and a file, and be rewritten after every edit.
    monkeypatch.setattr("public.compilation_files.WORD_FILES", 3)
    congress, _topics, meetings = congress_of_three
    for number in range(6):
        records(client.get(url_of(congress), {"q": f"phrase {number}"}))
    records(client.get(url_of(congress)))
    by_words = Export.objects.exclude(filters__q=None)
    assert by_words.count() == 3
    assert sorted(export.filters["q"] for export in by_words) == ["phrase 3", "phrase 4", "phrase 5"]
    tokens = {export.pk: export.token for export in Export.objects.all()}
    with transaction.atomic():
        meetings[0].venue_city_en = "Amman"
        meetings[0].save()
    after = {export.pk: export.token for export in Export.objects.all()}
    unfiltered = Export.objects.get(filters__q=None)
    assert after[unfiltered.pk] != tokens[unfiltered.pk]  # written again before anyone asks
    assert all(after[export.pk] == tokens[export.pk] for export in by_words)  # not until asked again
    assert records(client.get(url_of(congress), {"q": "phrase 5"})) == []  # asked again: written from the new version


def test_an_unpublished_meeting_is_only_in_the_files_of_those_who_preview_it(client, congress_of_three):  # noqa: F811
    congress, _topics, meetings = congress_of_three
    meetings[1].is_published = False
    meetings[1].save()
    public = {record["meeting"] for record in records(client.get(url_of(congress)))}
    previewed = {record["meeting"] for record in records(secretariat_client().get(url_of(congress)))}
    assert meetings[1].symbol not in public and previewed == public | {meetings[1].symbol}
    assert sorted(Export.objects.values_list("audience", flat=True)) == ["preview", "public"]
    # Naming the unpublished meeting gives the public the whole public file, never the meeting.
    assert {r["meeting"] for r in records(client.get(url_of(congress), {"meeting": meetings[1].pk}))} == public


def as_the_page_reads(words):
    """The words the page's form chooses from what was typed: none if it refuses them."""
    try:
        return CompilationFilters.base_fields["q"].clean(words) or ""
    except ValidationError:
        return ""


@given(st.lists(st.text(max_size=30), max_size=6), st.text(max_size=40) | st.text(min_size=195, max_size=210))
def test_the_words_as_keyed_choose_what_the_page_does(texts, words):
    entries = [SimpleNamespace(text=text) for text in texts]
    assert select(entries, words=normal_words(words) or "") == select(entries, words=as_the_page_reads(words))
