"""Search across published meetings: full text on PostgreSQL, substring on SQLite; results link to the paragraph."""

import pytest
from django.db import connection
from django.urls import reverse

from search.index import search_meetings

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")


def hits(words, user):
    return {group.title: group.hits for group in search_meetings(words, user=user)}


def test_a_recommendation_links_to_its_paragraph_and_letter_in_the_report(client, demo_meeting):
    page = client.get(reverse("search"), {"q": "cybercrime"}).content.decode()
    report = reverse("meetings:report", kwargs={"slug": demo_meeting.slug})
    assert f'<a href="{report}#para-56-i"' in page  # (i): the ninth lettered subparagraph's own anchor
    assert "paragraph 56 (i)" in page
    assert "paragraph 56 (j)" in page


def test_a_summary_paragraph_links_to_its_numbered_paragraph(demo_meeting, django_user_model):
    summaries = hits("cybercrime", django_user_model())["Summary of deliberations"]
    assert {hit.url.rsplit("#", 1)[1] for hit in summaries} >= {"para-47", "para-51", "para-54"}
    paragraph_47 = next(hit for hit in summaries if hit.url.endswith("#para-47"))
    assert paragraph_47.text.startswith("Several participants noted the need for a new legal framework")


def test_agenda_items_and_documents_link_to_their_pages(demo_meeting, django_user_model):
    found = hits("officers", django_user_model())
    item = demo_meeting.agenda_items.get(order=2, parent=None)
    assert found["Agenda items"][0].url == reverse("meetings:agenda", args=[demo_meeting.slug]) + f"#item-{item.pk}"
    document = demo_meeting.documents.get(symbol="A/CONF.234/PM.1")
    assert hits("discussion guide", django_user_model())["Documents"][0].url.endswith(f"#document-{document.pk}")


def test_no_match_says_so(client, demo_meeting):
    page = client.get(reverse("search"), {"q": "zzzunmatched"}).content.decode()
    assert "Nothing in the published meetings matches your search." in page


def test_an_empty_search_shows_the_form_only(client, demo_meeting):
    page = client.get(reverse("search")).content.decode()
    assert 'role="search"' in page
    assert "Results" not in page


@on_postgresql
def test_postgresql_matches_word_forms_and_ranks(demo_meeting, django_user_model):
    # "traffickers" and "trafficking" share the stem the English configuration finds.
    found = hits("trafficked persons", django_user_model())
    assert found["Summary of deliberations"] or found["Recommendations"]


def test_a_state_is_found_among_those_represented(demo_meeting, django_user_model):
    found = hits("Kuwait", django_user_model())
    participants = found["States and organizations represented"]
    assert [hit.text for hit in participants] == ["Kuwait"]
    assert participants[0].url == reverse("meetings:participation", args=[demo_meeting.slug])
    assert "<mark>Kuwait</mark>" in participants[0].snippet


def test_an_officer_is_found_as_the_report_lists_them(demo_meeting, django_user_model):
    officer = demo_meeting.officers.get(role="chair")
    officers = hits(officer.name, django_user_model())["Officers"]
    assert officers[0].text == f"Chair: {officer.name} ({officer.state.name})"
    assert officers[0].url.startswith(reverse("meetings:report", args=[demo_meeting.slug]) + "#para-")
    assert officers[0].where.startswith("paragraph ")


def test_a_symbol_whole_or_in_part_finds_its_document(demo_meeting, django_user_model):
    document = demo_meeting.documents.get(symbol="A/CONF.234/RPM.2/L.1")
    for words in ("A/CONF.234/RPM.2/L.1", "RPM.2/L.1"):
        documents = hits(words, django_user_model())["Documents"]
        assert documents[0].url.endswith(f"#document-{document.pk}"), words


@pytest.mark.parametrize("words", ["42", "para 42", "paragraph 42", " 42 "])
def test_a_paragraph_number_finds_that_paragraph_of_the_report(demo_meeting, django_user_model, words):
    found = [hit for group in search_meetings(words, user=django_user_model()) for hit in group.hits]
    assert [hit.url.rsplit("#", 1)[1] for hit in found] == ["para-42"]
    assert found[0].where == "paragraph 42"


def test_a_lettered_subparagraph_is_found_by_its_number_and_letter(demo_meeting, django_user_model):
    found = hits("56 (i)", django_user_model())["Recommendations"]
    assert [hit.where for hit in found] == ["paragraph 56 (i)"]


def test_the_venue_is_found(client, demo_meeting):
    page = client.get(reverse("search"), {"q": "Beirut"}).content.decode()
    assert f'href="{reverse("meetings:detail", args=[demo_meeting.slug])}"' in page
    assert "<mark>Beirut</mark>" in page


def test_an_edit_shows_in_the_next_search(demo_meeting, django_user_model):
    paragraph = demo_meeting.paragraphs.filter(part="other_matters").first() or demo_meeting.paragraphs.first()
    assert not hits("Zanzibar", django_user_model())
    paragraph.text = "The delegation of Zanzibar made a statement."
    paragraph.save()
    found = hits("Zanzibar", django_user_model())["Paragraphs of the report"]
    assert found[0].text == "The delegation of Zanzibar made a statement."


def test_unpublished_meetings_and_documents_are_not_found_by_the_public(demo_meeting, django_user_model):
    from tests.factories import UserFactory

    document = demo_meeting.documents.get(symbol="A/CONF.234/RPM.2/L.1")
    document.is_published = False
    document.save()
    assert "Documents" not in hits("A/CONF.234/RPM.2/L.1", django_user_model())
    assert "Documents" in hits("A/CONF.234/RPM.2/L.1", UserFactory(is_superuser=True))
    demo_meeting.is_published = False
    demo_meeting.save()
    assert hits("Kuwait", django_user_model()) == {}


def test_each_language_searches_its_own_entries(client, demo_meeting):
    item = demo_meeting.agenda_items.get(order=2, parent=None)
    item.title_fr = "Élection du Bureau"
    item.save()
    french = client.get("/fr/search/", {"q": "Bureau"}).content.decode()
    assert f'href="/fr/meetings/western-asia-2019/agenda/#item-{item.pk}"' in french
    assert "Élection du <mark>Bureau</mark>" in french
    assert f"#item-{item.pk}" not in client.get("/en/search/", {"q": "Bureau"}).content.decode()


@on_postgresql
def test_postgresql_searches_the_gin_index(demo_meeting, django_user_model):
    from django.contrib.postgres.search import SearchVector

    from search.index import matching_entries
    from search.models import SearchEntry

    assert hits("Kuwait", django_user_model())  # writes the English entries
    # As many entries as a few dozen meetings have, so the planner chooses as it would on a real site.
    SearchEntry.objects.bulk_create(
        SearchEntry(
            meeting=demo_meeting, language="en", kind="paragraph", text=f"Paragraph {n} on other matters", url="/"
        )
        for n in range(20_000)
    )
    SearchEntry.objects.filter(vector=None).update(vector=SearchVector("text", config="english"))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE congress_searchentry")
        plan = matching_entries("Kuwait", user=django_user_model()).explain()
    assert "search_entry_vector" in plan, plan


def test_a_discussion_of_many_hundred_recommendations_is_indexed_and_found(client):
    """Letters past (z) repeat ("(zzzzzz)" after 130): the index holds a number of any length."""
    from languages.numbering import letter
    from search.models import SearchEntry
    from tests.factories import RecommendationFactory, complete_meeting

    meeting = complete_meeting(1)
    discussion = meeting.discussions.first()
    RecommendationFactory.create_batch(600, discussion=discussion, text="Strengthen cooperation")
    last = discussion.recommendations.count() - 1
    page = client.get(reverse("search"), {"q": "strengthen cooperation"})
    assert page.status_code == 200  # the index was written: at 20 characters a number of 24 failed it
    entry = SearchEntry.objects.get(meeting=meeting, language="en", number__endswith=f" ({letter(last)})")
    found = client.get(reverse("search"), {"q": entry.number}).content.decode()
    assert f"paragraph {entry.number}" in found
