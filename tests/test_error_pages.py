"""Pages that never leave a reader stranded: translated error pages, headings that agree with their lists."""

import pytest
from django.test import Client

from meetings.models import MeetingQuerySet

pytestmark = pytest.mark.django_db

LANGUAGES = {"en": "Page not found", "ar": "الصفحة غير موجودة", "fr": "Page introuvable"}


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans", "fr", "ru", "es"])
def test_a_missing_page_is_translated_and_leads_home(client, settings, language):
    settings.DEBUG = False
    response = client.get(f"/{language}/meetings/no-such-meeting/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert f'href="/{language}/"' in page  # the site's name and "the list of meetings"
    assert 'aria-label="Language"' in page or "language-switcher" in page
    if language in LANGUAGES:
        assert LANGUAGES[language] in page
    assert "Not Found</h1>" not in page


def test_a_failure_shows_the_sites_error_page_in_the_readers_language(monkeypatch, settings):
    settings.DEBUG = False

    def broken(self, user):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(MeetingQuerySet, "visible_to", broken)
    response = Client(raise_request_exception=False).get("/fr/")
    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="fr"' in page and "Une erreur est survenue" in page
    assert 'href="/fr/"' in page


def test_participation_headings_are_singular_or_plural_as_the_group_is(client):
    from meetings.models import Participation
    from tests.factories import MeetingFactory, OrganizationFactory, ParticipationFactory

    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting)
    for category in ("intergovernmental", "non_governmental", "non_governmental"):
        ParticipationFactory(
            meeting=meeting,
            state=None,
            organization=OrganizationFactory(category=category),
            capacity=Participation.Capacity.OBSERVER,
        )
    for language, one, many in (
        (
            "en",
            ">State member of the regional commission <",
            ">Non-governmental organizations in consultative status <",
        ),
        (
            "fr",
            ">Organisation intergouvernementale <",
            ">Organisations non gouvernementales dotées du statut consultatif <",
        ),
    ):
        page = client.get(f"/{language}/meetings/{meeting.slug}/participation/").content.decode()
        assert one in page and many in page
