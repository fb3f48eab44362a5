"""Every word a reader or an editor sees is in their language: each public page of the demo and each screen of its
workspace, in the six languages, is read back for what a language's UN documents never write.

- a date as Django formats it ("26 Март 2019", "March 26, 2019", "26 مارس 2019") where the UN form differs;
- an English fragment the report's wording once leaked ("1st meeting", "Workshop 1:", "(agenda item 3); and");
- a Latin comma between two words of an Arabic or Chinese list ("بيروت, لبنان").
"""

import datetime
import re

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as django_format
from django.utils.formats import date_format

from languages import REPORT_LANGUAGES, django_language, long_date
from tests.factories import UserFactory
from tests.test_entry_in_the_original_language import pages_of

pytestmark = pytest.mark.django_db
PUBLIC_PAGES = ["detail", "agenda", "programme", "documents", "participation", "report", "today"]
# English that a page in another language has carried, from the report's wording and the admin's labels.
# ("; and " is not among them: the demo's English agenda titles, not yet translated, hold it.)
ENGLISH_FRAGMENTS = ("1st meeting", "2nd meeting", "Workshop 1:", "(agenda item", "Main theme of the")
LATIN_COMMA = {
    "ar": re.compile(r"[\u0600-\u06ff], [\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff], ?[\u4e00-\u9fff]"),
}


def django_dates(days, language):
    """How Django writes these days in the language, where that is not how its UN documents write them."""
    with translation.override(django_language(language)):
        forms = {django_format(day, "j F Y") for day in days} | {date_format(day) for day in days}
    return forms - {long_date(day, language) for day in days}


def visible_text(html, language):
    """The page's text in its own language: without scripts and what is marked as another language (the
    language links, the masthead's Latin-script lines, an original not yet translated)."""
    page = lxml.html.fromstring(html)
    own = django_language(language)
    for element in list(page.iter("script", "style")):
        element.drop_tree()
    for element in [e for e in page.iter() if e.get("lang") and e.get("lang").lower() != own]:
        element.drop_tree()
    return page.text_content()


def problems(text, language, days):
    found = [f"Django's date {form!r}" for form in django_dates(days, language) if form in text]
    if language != "en":
        found += [f"English {fragment!r}" for fragment in ENGLISH_FRAGMENTS if fragment in text]
    if language in LATIN_COMMA:
        found += [f"Latin comma in {match!r}" for match in LATIN_COMMA[language].findall(text)]
    return found


def test_public_pages_and_workspace_screens_speak_each_language(demo_meeting):
    meeting = demo_meeting
    days = [meeting.start_date + datetime.timedelta(days=n) for n in range(3)]
    editor_pages = pages_of(meeting)
    found = {}
    for language in REPORT_LANGUAGES:
        code = django_language(language)
        reader = Client()
        with translation.override(code):
            addresses = [reverse(f"meetings:{page}", args=[meeting.slug]) for page in PUBLIC_PAGES]
            addresses.append(reverse("meetings:day", args=[meeting.slug, meeting.start_date.isoformat()]))
        editor = Client(HTTP_ACCEPT_LANGUAGE=code)
        editor.force_login(UserFactory(username=f"editor-{language}", is_staff=True, is_superuser=True))
        pages = [(reader, address) for address in addresses] + [(editor, address) for address in editor_pages]
        pages.append((editor, reverse("admin:index")))
        for client, address in pages:
            response = client.get(address, follow=True)
            assert response.status_code == 200, address
            text = visible_text(response.content.decode(), language)
            if found_here := problems(text, language, days):
                found[(language, address)] = found_here
    assert found == {}
