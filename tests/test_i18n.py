"""The interface in the six languages, language-prefixed addresses, and Arabic right to left."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


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
    # The main theme item has no Arabic title of its own: its Congress topic's, in Arabic.
    assert "الموضوع الرئيسي ل" in page and "Main theme of the Fourteenth Congress" not in page

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


def test_the_admin_index_speaks_the_browsers_language(admin_client):
    """The admin is outside the /ar/… prefixes: LocaleMiddleware takes the browser's language for it."""
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "إدارة الموقع" in page  # Django's own heading, "Site administration"
    for heading in ("المؤتمر والسجلات", "الاجتماعات الإقليمية", "المداولات والتوصيات", "سير عمل الأمانة"):
        assert heading in page  # our applications
    for model in ("اللجان الإقليمية", "مناقشات المواضيع", "التكليفات بالعمل على الاجتماعات"):
        assert model in page  # our models
    for english in ("Congress and registries", "Regional meetings", "Secretariat workflow", "Regional commissions"):
        assert english not in page


def test_a_changelist_in_arabic_has_translated_headings_filters_and_actions(admin_client, demo_meeting):
    page = admin_client.get("/admin/meetings/meeting/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "<title>اختر الاجتماع الإقليمي لتغييره" in page
    assert "تنزيل التقرير بصيغة Word" in page  # an action of ours
    assert "تسجيل اعتماد التقرير (يجمِّد محتواه)" in page
    assert "Download the report as Word" not in page
    assert "Record the adoption" not in page


def test_a_change_form_in_french_has_translated_labels_and_help(admin_client, demo_meeting):
    """A language cookie (as Django's set_language view would set it) chooses the admin's language too."""
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[demo_meeting.pk])).content.decode()
    assert '<html lang="fr"' in page
    assert "Lieu et dates" in page  # a fieldset
    assert "Cote du rapport" in page  # a field label
    assert "Tant qu’elle n’est pas publiée, seul le secrétariat voit la réunion sur le site public." in page
    assert "Venue and dates" not in page


def test_a_help_text_built_from_two_sentences_follows_the_language():
    from recommendations.models import Recommendation

    help_text = Recommendation._meta.get_field("text").help_text
    with translation.override("es"):
        assert str(help_text) == (
            "Sin el punto y coma ni el punto final, que el informe añade según la posición. "
            "Escriba *cursiva* para los títulos y [A/CONF.234/PM.1] para la signatura de un documento."
        )
    assert str(help_text).startswith("Without the final semicolon")


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
