"""A delegate reading in any language is handed the original where a text is not translated, never a placeholder:
in search, in the files the report page offers, and in the order of names of their own language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

import languages
from languages import REPORT_LANGUAGES, django_language
from report.downloads import complete_languages

pytestmark = pytest.mark.django_db


def address(name, meeting, language, **kwargs):
    with translation.override(django_language(language)):
        return reverse(name, kwargs={"slug": meeting.slug, **kwargs})


def test_cybercrime_typed_on_the_arabic_site_finds_the_demos_paragraphs(client, demo_meeting):
    with translation.override("ar"):
        search = reverse("search")
    page = client.get(search, {"q": "cybercrime"}).content.decode()
    anchors = set(re.findall(r'href="/ar/meetings/western-asia-2019/report/#(para-[\w-]+)"', page))
    # 56 (i) has its Arabic text (which says "السيبرانية", not "cybercrime"); the others are found in English.
    assert "para-56-j" in anchors and len(anchors) >= 3, anchors


def test_no_report_page_offers_a_file_with_texts_not_translated(client, demo_meeting):
    complete = complete_languages(demo_meeting)
    for language in REPORT_LANGUAGES:
        page = client.get(address("meetings:report", demo_meeting, language)).content.decode()
        files = re.findall(r'href="/([\w-]+)/meetings/western-asia-2019/(?:report|draft/[\w.-]+)\.\w+"', page)
        assert files, language
        offered = {languages.report_language(prefix) for prefix in files}
        assert offered <= set(complete), (language, offered)
        if language not in complete:
            assert "the original" in page or 'class="download-note"' in page


def test_the_french_participation_page_lists_states_in_french_order(client, demo_meeting):
    page = client.get(address("meetings:participation", demo_meeting, "fr")).content.decode()
    first_group = re.search(r'<ul class="participants">(.*?)</ul>', page, re.S)[1]
    names = [re.sub(r"<[^>]+>", "", name).strip() for name in re.findall(r"<li[^>]*>(.*?)</li>", first_group, re.S)]
    assert "Égypte" in names and names == languages.sorted_names(names, "fr")
    assert names.index("Égypte") < names.index("Yémen")
