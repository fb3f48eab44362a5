"""No code of Rapporteur's, and no template, reads or writes a translated field through the active language.

tests/language_guard.py watches modeltranslation's doors (the bare attribute, a bare keyword, a bare ordering)
while every path a text takes runs: the demo loaded, every public page and every export in the six languages,
every screen of the meeting's workspace in the Spanish admin, a save, search, an XLIFF file out and back in, a
new meeting started from the demo. Each use found fails the test with the file and line that made it.
"""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from languages import REPORT_LANGUAGES, django_language
from meetings.models import Meeting
from report.language_versions import import_xliff
from report.renderers import EXTENSIONS
from tests.admin_forms import form_data
from tests.factories import UserFactory
from tests.language_guard import LanguageGuard
from tests.test_entry_in_the_original_language import pages_of
from workspace.starting import copy_structure

pytestmark = pytest.mark.django_db
PUBLIC_PAGES = ["detail", "agenda", "programme", "documents", "participation", "report", "today"]


def public_addresses(meeting):
    part = meeting.draft_report_parts()[1]
    for language in REPORT_LANGUAGES:
        with translation.override(django_language(language)):
            yield reverse("home")
            yield f"{reverse('search')}?q=cybercrime"
            yield from (reverse(f"meetings:{page}", args=[meeting.slug]) for page in PUBLIC_PAGES)
            yield reverse("meetings:day", args=[meeting.slug, meeting.start_date.isoformat()])
            yield reverse("meetings:programme_ics", args=[meeting.slug])
            for extension in EXTENSIONS:
                yield reverse("meetings:report_download", args=[meeting.slug, extension])
            yield reverse("meetings:draft_part_download", args=[meeting.slug, part.short_symbol, "docx"])


def test_every_path_names_the_language_of_the_text_it_reads_or_writes(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    guard = LanguageGuard()
    with guard.installed():
        call_command("load_demo", stdout=io.StringIO())
        meeting = Meeting.objects.get(symbol="A/CONF.234/RPM.2/1")
        reader = Client()
        for address in public_addresses(meeting):
            assert reader.get(address).status_code in (200, 302), address

        editor = Client(HTTP_ACCEPT_LANGUAGE="es")
        editor.force_login(UserFactory(username="chief", is_staff=True, is_superuser=True))
        for address in pages_of(meeting):
            assert editor.get(address).status_code == 200, address
        officers = reverse("admin:meetings_meeting_part", args=[meeting.pk, "officers"])
        assert editor.post(officers, form_data(editor.get(officers))).status_code == 302
        xliff = editor.get(reverse("admin:meetings_meeting_xliff_export", args=[meeting.pk, "fr"])).content
        import_xliff(meeting, xliff, "fr")
        # A new meeting started from the demo in the Spanish admin (what "New meeting for the Congress" does).
        new = Meeting.objects.get(pk=meeting.pk)
        new.pk, new.symbol, new.slug, new.number = None, "", "copied", 99
        new.report_status = Meeting.ReportStatus.DRAFT
        new.save()
        with translation.override("es"):
            copy_structure(source=meeting, target=new)
    assert sorted(map(str, guard.uses)) == []
