"""Search across published meetings: full text on PostgreSQL, substring on SQLite; results link to the paragraph."""

import pytest
from django.db import connection
from django.urls import reverse

from meetings.search import search_meetings

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")


def hits(words, user):
    return {group.title: group.hits for group in search_meetings(words, user=user)}


def test_a_recommendation_links_to_its_paragraph_and_letter_in_the_report(client, demo_meeting):
    page = client.get(reverse("search"), {"q": "cybercrime"}).content.decode()
    report = reverse("meetings:report", kwargs={"slug": demo_meeting.slug})
    assert f'<a href="{report}#para-56:~:text=Enhance%20the%20role%20of%20UNODC%20in%20providing' in page
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
