"""The report builder on factory-made meetings: numbering, lettering and the sentences it writes."""

import pytest

from meetings.models import Document, Meeting, MeetingParagraph, Officer, Participation
from report.builder import build_report, letter
from report.document import OfficerList, Paragraph, Subparagraph, plain_text
from report.renderers.text import render_text
from tests.factories import (
    DiscussionFactory,
    DocumentFactory,
    MainThemeFactory,
    MeetingFactory,
    MeetingParagraphFactory,
    OfficerFactory,
    OrganizationFactory,
    ParticipationFactory,
    RecommendationFactory,
    SessionFactory,
    StandardParagraphFactory,
    StateFactory,
    SummaryParagraphFactory,
    TopicFactory,
    complete_meeting,
)

pytestmark = pytest.mark.django_db


def report_of(meeting):
    return build_report(Meeting.objects.for_report().get(pk=meeting.pk))


def paragraphs_by_text(report):
    return {plain_text(p.content): p.number for p in report.paragraphs()}


def blocks(report, kind):
    found = []

    def walk(section):
        for child in section.children:
            if hasattr(child, "children"):
                walk(child)
            elif isinstance(child, kind):
                found.append(child)

    for section in report.chapters + report.annexes:
        walk(section)
    return found


def test_paragraphs_are_numbered_through_the_whole_report():
    report = report_of(complete_meeting())
    numbers = [p.number for p in report.paragraphs()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_inserting_a_paragraph_renumbers_everything_after_it():
    meeting = complete_meeting()
    discussion = meeting.discussions.first()
    first, second = discussion.summary_paragraphs.all()[:2]
    before = paragraphs_by_text(report_of(meeting))

    # Same order as the first: ties keep entry order, so it lands between the first and the second.
    SummaryParagraphFactory(discussion=discussion, order=first.order, text="An inserted paragraph.")
    after = paragraphs_by_text(report_of(meeting))

    inserted = after["An inserted paragraph."]
    assert inserted == before[second.text]
    for text, number in before.items():
        assert after[text] == (number + 1 if number >= inserted else number), text


def test_inserting_a_recommendation_reletters_the_rest_and_moves_the_full_stop():
    meeting = MeetingFactory()
    discussion = DiscussionFactory(meeting=meeting)
    RecommendationFactory(discussion=discussion, order=1, text="Strengthen cooperation")
    RecommendationFactory(discussion=discussion, order=3, text="Share data;")
    assert [plain_text(s.content) for s in blocks(report_of(meeting), Subparagraph)] == [
        "Strengthen cooperation;",
        "Share data.",
    ]

    RecommendationFactory(discussion=discussion, order=4, text="Train practitioners.")
    subparagraphs = blocks(report_of(meeting), Subparagraph)
    assert [(s.label, plain_text(s.content)) for s in subparagraphs] == [
        ("(a)", "Strengthen cooperation;"),
        ("(b)", "Share data;"),
        ("(c)", "Train practitioners."),
    ]


def test_sections_the_meeting_does_not_have_do_not_appear_and_letters_close_up():
    meeting = MeetingFactory(opener="")
    session = SessionFactory(meeting=meeting, number=1)
    ParticipationFactory(meeting=meeting, state=StateFactory(name="Kenya"))
    DiscussionFactory(meeting=meeting)  # a substantive topic, without any text yet
    discussion = DiscussionFactory(meeting=meeting)
    SummaryParagraphFactory(discussion=discussion)
    OfficerFactory(meeting=meeting, role=Officer.Role.CHAIR, elected_at=session)

    report = report_of(meeting)
    headings = [(section.heading, [child.heading for child in section.sections()]) for section in report.chapters]
    assert headings == [
        ("I. Conclusions and recommendations", ["Substantive items and workshops"]),
        (
            "II. Attendance and organization of work",
            ["A. Date and venue of the Meeting", "B. Attendance", "C. Election of officers"],
        ),
    ]
    # A lone section gets no letter, and its one topic no number.
    substantive = report.chapters[0].sections()[0]
    assert [sub.heading for sub in substantive.sections()] == [discussion.topic.title]
    assert report.annexes == []


def test_main_theme_and_substantive_topics_are_lettered_and_numbered():
    meeting = MeetingFactory()
    for topic in (
        MainThemeFactory(congress=meeting.congress),
        *TopicFactory.create_batch(2, congress=meeting.congress),
    ):
        SummaryParagraphFactory(discussion=DiscussionFactory(meeting=meeting, topic=topic))
    chapter = report_of(meeting).chapters[0]
    main_theme, substantive = chapter.sections()
    assert main_theme.heading.startswith(f"A. Main theme of the {meeting.congress.title}: “")
    assert substantive.heading == "B. Substantive items and workshops"
    assert [s.label for s in substantive.sections()] == ["1.", "2."]
    assert "(workshop " in substantive.sections()[0].title


def test_one_observer_state_gets_a_sentence_of_its_own():
    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting, state=StateFactory(name="Japan"), capacity=Participation.Capacity.OBSERVER)
    assert "Japan was represented by an observer." in paragraphs_by_text(report_of(meeting))


def test_several_observer_states_are_listed_with_commas_only():
    meeting = MeetingFactory()
    for name in ("Japan", "Brazil", "Canada"):
        ParticipationFactory(meeting=meeting, state=StateFactory(name=name), capacity=Participation.Capacity.OBSERVER)
    text = "The following States were represented by observers: Brazil, Canada, Japan."
    assert text in paragraphs_by_text(report_of(meeting))


def test_organizations_close_with_and_and_one_organization_reads_in_the_singular():
    meeting = MeetingFactory()
    for name in ("League of Arab States", "African Union"):
        ParticipationFactory(
            meeting=meeting, state=None, organization=OrganizationFactory(name=name), capacity="observer"
        )
    ngo = OrganizationFactory(name="Terre des Hommes", category="non_governmental")
    ParticipationFactory(meeting=meeting, state=None, organization=ngo, capacity="observer")
    texts = paragraphs_by_text(report_of(meeting))
    assert (
        "The following intergovernmental organizations were represented by observers: "
        "African Union and League of Arab States." in texts
    )
    assert (
        "The following non-governmental organization in consultative status with the Economic and Social Council "
        "was represented by an observer: Terre des Hommes." in texts
    )


def test_several_vice_chairs_share_one_label():
    meeting = MeetingFactory()
    session = SessionFactory(meeting=meeting, number=1)
    OfficerFactory(
        meeting=meeting, role="rapporteur", name="R. Rapporteur", state=StateFactory(name="Peru"), elected_at=session
    )
    OfficerFactory(
        meeting=meeting, role="vice_chair", name="V. One", state=StateFactory(name="Chile"), elected_at=session, order=1
    )
    OfficerFactory(
        meeting=meeting, role="vice_chair", name="V. Two", state=StateFactory(name="Cuba"), elected_at=session, order=2
    )
    OfficerFactory(
        meeting=meeting, role="chair", name="C. Chair", state=StateFactory(name="Mexico"), elected_at=session
    )

    (officers,) = blocks(report_of(meeting), OfficerList)
    assert [(line.label, line.officer) for line in officers.lines] == [
        ("Chair:", "C. Chair (Mexico)"),
        ("Vice-Chairs:", "V. One (Chile)"),
        ("", "V. Two (Cuba)"),
        ("Rapporteur:", "R. Rapporteur (Peru)"),
    ]


def test_decisions_at_different_plenary_meetings_are_dated_each_time():
    meeting = MeetingFactory()
    first = SessionFactory(meeting=meeting, number=1)
    second = SessionFactory(meeting=meeting, number=2, date=meeting.end_date)
    OfficerFactory(meeting=meeting, role="chair", elected_at=first)
    OfficerFactory(meeting=meeting, role="rapporteur", elected_at=second, election_method="")
    meeting.agenda_adopted_at = meeting.organization_of_work_at = second
    meeting.save()
    DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/L.1", kind=Document.Kind.PROVISIONAL_AGENDA)
    SessionFactory(meeting=meeting, number=3)
    meeting.agenda_items.create(title="Opening of the Meeting", order=1)

    texts = list(paragraphs_by_text(report_of(meeting)))
    assert "At its 1st meeting, on 26 March 2029, the Meeting elected, by acclamation, the following officer:" in texts
    assert "At its 2nd meeting, on 28 March 2029, the Meeting elected the following officer:" in texts
    assert (
        f"Also at its 2nd meeting, the Meeting adopted its provisional agenda ({meeting.series}/L.1), "
        "which read as follows:" in texts
    )
    assert (
        "At the same meeting, the Meeting approved its organization of work. "
        "The list of documents before the Meeting is contained in the annex to the present report." in texts
    )


def test_agenda_items_are_numbered_and_sub_items_lettered_from_their_order():
    meeting = MeetingFactory()
    topic = TopicFactory(congress=meeting.congress)
    substantive = meeting.agenda_items.create(title="Substantive items", order=2)
    meeting.agenda_items.create(title="Opening of the Meeting.", order=1)
    meeting.agenda_items.create(parent=substantive, topic=topic, order=1)
    meeting.agenda_items.create(parent=substantive, title="Other topics", order=2)
    text = render_text(report_of(meeting))
    assert "1. Opening of the Meeting.\n2. Substantive items:\n" in text
    assert f"    (a) {topic.title};\n    (b) Other topics.\n" in text


def test_the_meetings_own_introduction_replaces_the_standard_text():
    meeting = MeetingFactory()
    StandardParagraphFactory(congress=meeting.congress, text="The standard introduction.")
    assert "The standard introduction." in paragraphs_by_text(report_of(meeting))

    MeetingParagraphFactory(meeting=meeting, part=MeetingParagraph.Part.INTRODUCTION, text="Our own introduction.")
    texts = paragraphs_by_text(report_of(meeting))
    assert texts["Our own introduction."] == 1
    assert "The standard introduction." not in texts


def test_adoption_chapter_lists_the_draft_report_and_its_addenda():
    meeting = MeetingFactory()
    meeting.report_adopted_at = SessionFactory(meeting=meeting, number=4, date=meeting.end_date)
    meeting.save()
    for symbol in ("L.2", "L.2/Add.1", "L.2/Add.2"):
        DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/{symbol}", title="Draft report", kind="draft_report")
    report = report_of(meeting)
    (paragraph,) = report.chapters[-1].children
    s = meeting.series
    assert plain_text(paragraph.content) == (
        f"At its 4th meeting, on 28 March 2029, the Meeting considered and adopted its report "
        f"({s}/L.2, {s}/L.2/Add.1 and {s}/L.2/Add.2)."
    )
    (table,) = report.annexes[0].children
    assert [plain_text(cell) for cell in table.rows[0]] == [f"{s}/L.2 and Add.1 and Add.2", "Draft report"]


def test_a_report_not_yet_adopted_has_no_adoption_chapter():
    meeting = complete_meeting()
    meeting.report_adopted_at = None
    meeting.save()
    titles = [chapter.title for chapter in report_of(meeting).chapters]
    assert "Adoption of the report and closure of the Meeting" not in titles


def test_drafted_markup_becomes_italics_and_document_symbols():
    meeting = MeetingFactory()
    MeetingParagraphFactory(meeting=meeting, text="See the *Compendium* and [A/CONF.234/PM.1].")
    (paragraph,) = [p for p in report_of(meeting).paragraphs() if "Compendium" in plain_text(p.content)]
    assert [type(inline).__name__ for inline in paragraph.content] == ["Text", "Emphasis", "Text", "Symbol", "Text"]
    assert isinstance(paragraph, Paragraph)


@pytest.mark.parametrize(("index", "label"), [(0, "a"), (25, "z"), (26, "aa"), (27, "bb")])
def test_letters_continue_after_z_as_un_documents_do(index, label):
    assert letter(index) == label
