"""What UN reports word in more than one way is the meeting's to choose, defaulting to the usual form."""

import pytest

from meetings.models import Meeting
from report.builder import build_report
from tests.factories import (
    DiscussionFactory,
    DocumentFactory,
    MainThemeFactory,
    MeetingFactory,
    SummaryParagraphFactory,
)

pytestmark = pytest.mark.django_db


def report_of(meeting, language="en"):
    return build_report(Meeting.objects.for_report().get(pk=meeting.pk), language)


@pytest.fixture
def meeting():
    meeting = MeetingFactory(congress__short_title="Fourteenth Congress", congress__short_title_es="14º Congreso")
    DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/L.1")
    discussion = DiscussionFactory(meeting=meeting, topic=MainThemeFactory(congress=meeting.congress))
    SummaryParagraphFactory(discussion=discussion)
    return meeting


def test_a_sole_annex_is_annex_unless_the_meeting_numbers_it(meeting):
    assert [annex.label for annex in report_of(meeting).annexes] == ["Annex"]
    assert [annex.label for annex in report_of(meeting, "es").annexes] == ["Anexo"]
    Meeting.objects.filter(pk=meeting.pk).update(sole_annex_numbered=True)
    assert [annex.label for annex in report_of(meeting).annexes] == ["Annex I"]


def test_the_congress_line_names_the_host_country_unless_the_meeting_says_not(meeting):
    congress = meeting.congress
    assert report_of(meeting).front_lines[1].startswith(f"{congress.host_city}, {congress.host_country.name}, ")
    Meeting.objects.filter(pk=meeting.pk).update(congress_line_with_country=False)
    assert report_of(meeting).front_lines[1].startswith(f"{congress.host_city}, 2")


def test_the_main_theme_heading_names_the_congress_in_full_or_by_its_short_title(meeting):
    def heading(language):
        sections = [section for chapter in report_of(meeting, language).chapters for section in chapter.sections()]
        return next(section.title for section in sections if section.key == "main-theme")

    assert heading("en").startswith(f"Main theme of the {meeting.congress.title}: “")
    Meeting.objects.filter(pk=meeting.pk).update(main_theme_short_congress=True)
    assert heading("en").startswith("Main theme of the Fourteenth Congress: “")
    assert "14º Congreso" in heading("es")


def test_the_spanish_title_sets_a_comma_before_the_dates(meeting):
    # A/CONF.234/RPM.3/1: "…, celebrada en Santiago de Chile, del 5 al 7 de febrero de 2019".
    assert ", del 26 al 28 de marzo de 2029" in report_of(meeting, "es").title
