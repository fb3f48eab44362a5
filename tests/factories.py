"""Factories for every model, and a complete meeting of any size for builder and query-count tests."""

import datetime

import factory
from django.contrib.auth import get_user_model

from congress.models import (
    Congress,
    CongressAgendaItem,
    Organization,
    RegionalCommission,
    StandardParagraph,
    State,
    Topic,
    Workshop,
)
from meetings.models import (
    AgendaItem,
    Delegate,
    Document,
    DocumentFile,
    Meeting,
    MeetingParagraph,
    Officer,
    Participation,
    Session,
)
from recommendations.models import Discussion, Recommendation, SummaryParagraph
from workflow.models import MeetingAssignment, Role


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"State {n:04d}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n:04d}")
    category = Organization.Category.INTERGOVERNMENTAL


class RegionalCommissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionalCommission

    name = factory.Sequence(lambda n: f"Economic Commission for Region {n}")
    abbreviation = factory.Sequence(lambda n: f"EC{n}")


class CongressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Congress

    ordinal = factory.Sequence(lambda n: 20 + n)
    title = factory.LazyAttribute(
        lambda c: f"Congress {c.ordinal} of the United Nations on Crime Prevention and Criminal Justice"
    )
    short_title = factory.LazyAttribute(lambda c: f"Congress {c.ordinal}")
    symbol_prefix = factory.Sequence(lambda n: f"A/CONF.{300 + n}")
    host_city = "Kyoto"
    host_country = factory.SubFactory(StateFactory, name="Japan")
    start_date = datetime.date(2030, 4, 20)
    end_date = datetime.date(2030, 4, 27)
    main_theme = "Crime prevention for all"


class CongressAgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CongressAgendaItem

    congress = factory.SubFactory(CongressFactory)
    number = factory.Sequence(lambda n: n + 3)
    title = factory.Sequence(lambda n: f"Substantive item {n}")


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    congress = factory.SubFactory(CongressFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Workshop topic {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    """A substantive item clustered with a workshop."""

    class Meta:
        model = Topic

    congress = factory.SubFactory(CongressFactory)
    kind = Topic.Kind.SUBSTANTIVE
    order = factory.Sequence(lambda n: n + 1)
    agenda_item = factory.SubFactory(CongressAgendaItemFactory, congress=factory.SelfAttribute("..congress"))
    workshop = factory.SubFactory(WorkshopFactory, congress=factory.SelfAttribute("..congress"))


class MainThemeFactory(TopicFactory):
    kind = Topic.Kind.MAIN_THEME
    order = 0
    agenda_item = None
    workshop = None


class StandardParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandardParagraph

    congress = factory.SubFactory(CongressFactory)
    order = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"Standard introduction paragraph {n}.")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    congress = factory.SubFactory(CongressFactory)
    region = factory.Sequence(lambda n: f"Region {n}")
    regional_commission = factory.SubFactory(RegionalCommissionFactory)
    number = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"region-{n}")
    venue_city = "Bangkok"
    venue_country = factory.SubFactory(StateFactory, name="Thailand")
    start_date = datetime.date(2029, 3, 26)
    end_date = datetime.date(2029, 3, 28)
    opener = "secretary"
    is_published = True


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    date = factory.LazyAttribute(lambda s: s.meeting.start_date)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation
        skip_postgeneration_save = True  # the hook changes the commission, not the participation

    meeting = factory.SubFactory(MeetingFactory)
    state = factory.SubFactory(StateFactory)
    capacity = Participation.Capacity.MEMBER

    @factory.post_generation
    def commission_membership(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy passes the object
        """A State represented as a member is a member of the meeting's regional commission, as the rules require."""
        if create and obj.state_id and obj.capacity == Participation.Capacity.MEMBER:
            obj.meeting.regional_commission.member_states.add(obj.state)


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    meeting = factory.SubFactory(MeetingFactory)
    role = Officer.Role.VICE_CHAIR
    name = factory.Faker("name")
    state = factory.SubFactory(StateFactory)
    elected_at = factory.SubFactory(SessionFactory, meeting=factory.SelfAttribute("..meeting"))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    meeting = factory.SubFactory(MeetingFactory)
    symbol = factory.Sequence(lambda n: f"A/CONF.999/RPM.1/CRP.{n}")
    title = factory.Sequence(lambda n: f"Conference room paper {n}")
    order = factory.Sequence(int)
    is_published = True


class DocumentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentFile

    document = factory.SubFactory(DocumentFactory)
    language = Meeting.Language.ENGLISH
    file = factory.django.FileField(filename="paper.pdf", data=b"%PDF-1.4 a document")


class MeetingParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingParagraph

    meeting = factory.SubFactory(MeetingFactory)
    part = MeetingParagraph.Part.OTHER_MATTERS
    order = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"Drafted paragraph {n}.")


class DiscussionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Discussion

    meeting = factory.SubFactory(MeetingFactory)
    topic = factory.SubFactory(TopicFactory, congress=factory.SelfAttribute("..meeting.congress"))


class SummaryParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SummaryParagraph

    discussion = factory.SubFactory(DiscussionFactory)
    order = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"Participants discussed point {n}.")


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    discussion = factory.SubFactory(DiscussionFactory)
    order = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"Recommend action {n}")


def complete_meeting(scale=1):
    """A meeting with every part of a report; `scale` multiplies its paragraphs, recommendations and participants."""
    meeting = MeetingFactory()
    congress = meeting.congress
    StandardParagraphFactory.create_batch(2 * scale, congress=congress)
    first, last = SessionFactory(meeting=meeting, number=1), SessionFactory(meeting=meeting, number=2)
    meeting.agenda_adopted_at = meeting.organization_of_work_at = first
    meeting.report_adopted_at = last
    meeting.save()

    members = ParticipationFactory.create_batch(3 * scale, meeting=meeting)
    ParticipationFactory.create_batch(scale, meeting=meeting, capacity=Participation.Capacity.OBSERVER)
    for category in Organization.Category:
        for _ in range(scale):
            ParticipationFactory(
                meeting=meeting,
                state=None,
                organization=OrganizationFactory(category=category),
                capacity=Participation.Capacity.OBSERVER,
            )
    # The Chair and the Rapporteur come from member States, as the rules require.
    OfficerFactory(meeting=meeting, role=Officer.Role.CHAIR, elected_at=first, state=members[0].state)
    OfficerFactory.create_batch(scale, meeting=meeting, role=Officer.Role.VICE_CHAIR, elected_at=first)
    OfficerFactory(meeting=meeting, role=Officer.Role.RAPPORTEUR, elected_at=first, state=members[-1].state)

    main_theme = MainThemeFactory(congress=congress)
    topics = [main_theme, *TopicFactory.create_batch(2, congress=congress)]
    items = AgendaItemFactory.create_batch(3, meeting=meeting)
    for topic in topics:
        AgendaItemFactory(meeting=meeting, parent=items[-1], title="", topic=topic)
        discussion = DiscussionFactory(meeting=meeting, topic=topic)
        SummaryParagraphFactory.create_batch(2 * scale, discussion=discussion)
        RecommendationFactory.create_batch(3 * scale, discussion=discussion)

    prefix = f"{meeting.series}"
    DocumentFactory(meeting=meeting, symbol=f"{prefix}/L.1", kind=Document.Kind.PROVISIONAL_AGENDA)
    DocumentFactory(meeting=meeting, symbol=f"{prefix}/L.2", kind=Document.Kind.DRAFT_REPORT)
    DocumentFactory(meeting=meeting, symbol=f"{prefix}/L.2/Add.1", kind=Document.Kind.DRAFT_REPORT)
    for number in range(1, scale + 1):
        DocumentFactory(meeting=meeting, symbol=f"{congress.symbol_prefix}/RPM.{meeting.number}/CRP.{number}")

    # Other matters stand in chapter III, as in the Western Asia report; chapter II's are tested on their own.
    for part in MeetingParagraph.Part:
        if part not in (MeetingParagraph.Part.INTRODUCTION, MeetingParagraph.Part.OTHER_MATTERS_CONCLUSIONS):
            MeetingParagraphFactory.create_batch(scale, meeting=meeting, part=part)
    return meeting


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate

    participation = factory.SubFactory(ParticipationFactory)
    name = factory.Sequence(lambda n: f"Delegate {n:04d}")
    function = "Adviser"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True
    password = factory.django.Password("a long enough passphrase")


class MeetingAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingAssignment

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.EDITOR
