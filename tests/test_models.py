"""Rules of the data model, in clean() for forms and in the database for everything else."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from languages.dates import date_range, ordinal
from meetings.models import Officer, Participation
from tests.factories import (
    AgendaItemFactory,
    CongressFactory,
    MeetingFactory,
    OfficerFactory,
    OrganizationFactory,
    ParticipationFactory,
    SessionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def test_meeting_symbol_defaults_to_its_series():
    meeting = MeetingFactory(number=5, congress__symbol_prefix="A/CONF.300")
    assert meeting.symbol == "A/CONF.300/RPM.5/1"


def test_meeting_symbol_outside_its_series_is_refused():
    meeting = MeetingFactory.build(number=5, congress=CongressFactory(symbol_prefix="A/CONF.300"), symbol="A/CONF.1/1")
    with pytest.raises(ValidationError, match=r"must be in the meeting's series, A/CONF.300/RPM.5/"):
        meeting.full_clean(exclude=["congress", "regional_commission", "venue_country"])


def test_database_refuses_a_meeting_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(start_date=datetime.date(2029, 3, 26), end_date=datetime.date(2029, 3, 20))


def test_database_refuses_a_second_chair():
    meeting = MeetingFactory()
    OfficerFactory(meeting=meeting, role=Officer.Role.CHAIR)
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficerFactory(meeting=meeting, role=Officer.Role.CHAIR)
    OfficerFactory.create_batch(2, meeting=meeting, role=Officer.Role.VICE_CHAIR)


def test_second_chair_is_refused_by_validation_with_a_message():
    meeting = MeetingFactory()
    OfficerFactory(meeting=meeting, role=Officer.Role.CHAIR)
    second = OfficerFactory.build(meeting=meeting, role=Officer.Role.CHAIR, elected_at=meeting.sessions.first())
    second.state.save()
    with pytest.raises(ValidationError, match="A meeting has one Chair and one Rapporteur."):
        second.full_clean()


def test_officer_elected_at_another_meetings_session_is_refused():
    officer = OfficerFactory.build(meeting=MeetingFactory(), elected_at=SessionFactory())
    officer.state.save()
    with pytest.raises(ValidationError, match="Choose a plenary meeting of this meeting."):
        officer.full_clean()


def test_a_participant_is_a_state_or_an_organization_never_both():
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(organization=OrganizationFactory())
    with pytest.raises(ValidationError, match="Organizations attend as observers."):
        ParticipationFactory.build(
            meeting=MeetingFactory(), state=None, organization=OrganizationFactory(), capacity="member"
        ).clean()
    ParticipationFactory(state=None, organization=OrganizationFactory(), capacity=Participation.Capacity.OBSERVER)


def test_agenda_item_needs_a_title_or_a_topic():
    with pytest.raises(ValidationError, match="Give the item a title or link it to a Congress topic."):
        AgendaItemFactory.build(meeting=MeetingFactory(), title="").clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItemFactory(title="")


def test_agenda_item_topic_comes_from_the_meetings_congress():
    item = AgendaItemFactory.build(meeting=MeetingFactory(), topic=TopicFactory())
    with pytest.raises(ValidationError, match="Choose a topic of this meeting's Congress."):
        item.clean()


def test_session_number_is_unique_within_a_meeting():
    session = SessionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(meeting=session.meeting, number=session.number)


@pytest.mark.parametrize(
    ("start", "end", "words", "dash"),
    [
        ((2019, 3, 26), (2019, 3, 28), "from 26 to 28 March 2019", "26–28 March 2019"),
        ((2019, 3, 30), (2019, 4, 2), "from 30 March to 2 April 2019", "30 March–2 April 2019"),
        ((2019, 12, 30), (2020, 1, 2), "from 30 December 2019 to 2 January 2020", "30 December 2019–2 January 2020"),
        ((2019, 3, 26), (2019, 3, 26), "on 26 March 2019", "26 March 2019"),
    ],
)
def test_date_ranges_read_as_un_documents_write_them(start, end, words, dash):
    start, end = datetime.date(*start), datetime.date(*end)
    assert date_range(start, end) == words
    assert date_range(start, end, style="dash") == dash


@pytest.mark.parametrize(
    ("number", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (22, "22nd")]
)
def test_ordinals(number, text):
    assert ordinal(number) == text
