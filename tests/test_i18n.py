"""The interface in the six languages, language-prefixed addresses, and Arabic right to left."""

import importlib.util
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

spec = importlib.util.spec_from_file_location(
    "translate_interface", Path(settings.BASE_DIR) / "scripts" / "translate_interface.py"
)
translate_interface = importlib.util.module_from_spec(spec)
spec.loader.exec_module(translate_interface)
CATALOGUE_LANGUAGES = dict(zip(("ar", "zh-hans", "fr", "ru", "es"), range(5), strict=True))


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_the_compiled_catalogue_translates_every_interface_string(language):
    index = CATALOGUE_LANGUAGES[language]
    with translation.override(language):
        for msgid, translations in translate_interface.T.items():
            assert translation.gettext(msgid) == translations[index], msgid


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_every_page_has_its_language_in_the_address_and_the_html(client, demo_meeting, language):
    with translation.override(language):
        address = reverse("meetings:agenda", kwargs={"slug": demo_meeting.slug})
    assert address.startswith(f"/{language}/")
    page = client.get(address).content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page


def test_arabic_pages_are_right_to_left_with_bootstraps_rtl_stylesheet(client, demo_meeting):
    page = client.get(f"/ar/meetings/{demo_meeting.slug}/agenda/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "bootstrap.rtl.min.css" in page
    assert "bootstrap.min.css" not in page
    assert "<h1>جدول الأعمال</h1>" in page


def test_titles_show_in_the_readers_language_and_fall_back_to_the_original(client, demo_meeting):
    page = client.get(f"/ar/meetings/{demo_meeting.slug}/agenda/").content.decode()
    assert "انتخاب أعضاء المكتب" in page  # entered in Arabic
    assert "Election of officers" not in page
    # The main theme item has no Arabic title: the English original shows.
    assert "Main theme of the Fourteenth Congress" in page

    french = client.get(f"/fr/meetings/{demo_meeting.slug}/agenda/").content.decode()
    assert "<h1>Ordre du jour</h1>" in french
    assert "Election of officers" in french


def test_the_language_links_lead_to_the_same_page_in_each_language(client, demo_meeting):
    page = client.get(f"/en/meetings/{demo_meeting.slug}/agenda/").content.decode()
    assert f'<a href="/ar/meetings/{demo_meeting.slug}/agenda/" lang="ar" hreflang="ar">العربيّة</a>' in page
    assert f'<a href="/en/meetings/{demo_meeting.slug}/agenda/" lang="en" hreflang="en" aria-current="page">' in page
    assert "csrfmiddlewaretoken" not in page  # nothing per-request, so the page can be cached


def test_the_admin_has_no_language_prefix(admin_client):
    assert admin_client.get("/admin/").status_code == 200


def test_an_agenda_item_entered_in_the_admin_in_two_languages_shows_in_each(admin_client, client, demo_meeting):
    from tests.admin_forms import add_inline_row, form_data

    # The workspace's agenda screen takes the original (English); the item's own page every language.
    change_url = reverse("admin:meetings_meeting_part", args=[demo_meeting.pk, "agenda"])
    data = form_data(admin_client.get(change_url))
    add_inline_row(data, "agenda_items", order=9, title_en="Closing of the Meeting")
    assert admin_client.post(change_url, data).status_code == 302
    item = demo_meeting.agenda_items.get(title_en="Closing of the Meeting")
    item_url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    data = form_data(admin_client.get(item_url))
    data["title_ar"] = "اختتام الاجتماع"
    assert admin_client.post(item_url, data).status_code == 302
    assert "Closing of the Meeting" in client.get(f"/en/meetings/{demo_meeting.slug}/agenda/").content.decode()
    assert "اختتام الاجتماع" in client.get(f"/ar/meetings/{demo_meeting.slug}/agenda/").content.decode()
