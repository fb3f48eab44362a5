"""The list of participants (INF): built from the delegations, as Word and PDF, for the meeting's staff only."""

import io
import re
import subprocess
from unittest import mock

import docx
import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congress.models import Organization
from meetings.models import Document, Meeting, Participation
from report.participants import build_participants_list
from report.renderers import RENDERERS, akoma_ntoso, text
from report.renderers import docx as docx_renderer
from report.renderers import pdf as pdf_renderer
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipationFactory,
    StateFactory,
)
from tests.test_visibility import CONGRESS_PAGES, PUBLIC_PAGES, public_address

pytestmark = pytest.mark.django_db

# A name no other row or text of the site contains, to look for on every public page.
DISTINCTIVE_NAME = "Ms. Zephyrine Quillfeather-Oyelaran"


def add_participation(meeting, name, capacity=Participation.Capacity.OBSERVER, category=None):
    if category is None:
        return ParticipationFactory(meeting=meeting, state=StateFactory(name=name), capacity=capacity)
    organization = OrganizationFactory(name=name, category=category)
    return ParticipationFactory(meeting=meeting, state=None, organization=organization, capacity=capacity)


@pytest.fixture
def meeting():
    """A meeting with delegations in every category but the institutes, its INF document and a CRP."""
    meeting = MeetingFactory(regional_commission__name="Economic Commission for Testland")
    DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/CRP.1")
    DocumentFactory(
        meeting=meeting, symbol=f"{meeting.series}/INF/1", kind=Document.Kind.PARTICIPANTS, job_number="V.29-00001"
    )
    member = Participation.Capacity.MEMBER
    zeta = add_participation(meeting, "Zetaland", member)
    alpha = add_participation(meeting, "Alphaland", member)
    # Entered out of order: the head of delegation comes first whatever its order number.
    DelegateFactory(participation=alpha, name="Mr. Second Member", function="Adviser", order=1)
    DelegateFactory(participation=alpha, name="Ms. Third Member", function="", order=2)
    DelegateFactory(participation=alpha, name=DISTINCTIVE_NAME, function="Minister of Justice", order=9, is_head=True)
    DelegateFactory(participation=zeta, name="Mr. Zeta Head", function="Ambassador", is_head=True)
    observer = add_participation(meeting, "Observerland")
    DelegateFactory(participation=observer, name="Ms. Observer Delegate", function="Counsellor")
    unodc = add_participation(
        meeting, "United Nations Office on Drugs and Crime", category=Organization.Category.UN_ENTITY
    )
    DelegateFactory(participation=unodc, name="Mr. Entity Officer", function="Crime Prevention Officer")
    add_participation(meeting, "Intergovernmental Body", category=Organization.Category.INTERGOVERNMENTAL)
    add_participation(meeting, "Civil Society Foundation", category=Organization.Category.NON_GOVERNMENTAL)
    return meeting


# What the list says after its title, line by line.
EXPECTED_BODY = [
    "States members of the Economic Commission for Testland",
    "Alphaland",
    f"{DISTINCTIVE_NAME}, Minister of Justice",
    "Mr. Second Member, Adviser",
    "Ms. Third Member",
    "Zetaland",
    "Mr. Zeta Head, Ambassador",
    "States represented by observers",
    "Observerland",
    "Ms. Observer Delegate, Counsellor",
    "United Nations entities",
    "United Nations Office on Drugs and Crime",
    "Mr. Entity Officer, Crime Prevention Officer",
    "Intergovernmental organizations",
    "Intergovernmental Body",
    "Non-governmental organizations in consultative status with the Economic and Social Council",
    "Civil Society Foundation",
]


def participants_list(meeting):
    return build_participants_list(Meeting.objects.for_participants_list().get(pk=meeting.pk))


def docx_lines(content):
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs if paragraph.text]


def pdf_lines(content, tmp_path, symbol):
    """The PDF's lines as pdftotext reads them, without the running header and the page numbers."""
    path = tmp_path / "list.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    footer = re.compile(r"\d+/\d+\s+V\.\d\d-\d+|V\.\d\d-\d+(\s+\d+/\d+)?|\*\d+\*")
    return [line for line in lines if line and line != symbol and not footer.fullmatch(line) and "(E)" not in line]


def body_after_title(lines):
    return lines[lines.index("List of participants") + 1 :]


def test_word_list_has_every_section_delegation_and_delegate_in_order(meeting):
    filename, content_type, content = docx_renderer.render(participants_list(meeting))
    assert filename == f"{meeting.series.replace('/', '-')}-INF-1.docx"
    assert content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert body_after_title(docx_lines(content)) == EXPECTED_BODY


def test_word_list_is_a_un_document_of_its_own(meeting):
    content = docx_renderer.render(participants_list(meeting))[2]
    document = docx.Document(io.BytesIO(content))
    masthead = document.tables[0]
    assert masthead.cell(0, 0).text == "United Nations"
    assert masthead.cell(1, 1).text == "General Assembly"
    assert masthead.cell(0, 1).text == f"{meeting.series}/INF/1"
    assert masthead.cell(1, 2).text.startswith("Distr.: General\n")
    assert masthead.cell(1, 2).text.endswith("\nOriginal: English")
    lines = docx_lines(content)
    assert [line.replace("\u00a0", " ") for line in lines[:2]] == [meeting.title, "Bangkok, 26–28 March 2029"]
    assert "Contents" not in lines
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("H")]
    assert ("HChG", "States represented by observers") in headings
    assert ("H1G", "Observerland") in headings
    section = document.sections[0]
    assert section.header.paragraphs[0].text == f"{meeting.series}/INF/1"
    assert section.first_page_footer.paragraphs[0].text.startswith("V.29-00001\u00a0(E)")


def test_pdf_list_has_every_section_delegation_and_delegate_in_order(meeting, tmp_path):
    report = participants_list(meeting)
    filename, content_type, content = pdf_renderer.render(report)
    assert (filename, content_type) == (f"{meeting.series.replace('/', '-')}-INF-1.pdf", "application/pdf")
    lines = pdf_lines(content, tmp_path, report.symbol)
    # The long heading of the last section wraps on the page, so compare the words in order.
    assert " ".join(body_after_title(lines)) == " ".join(EXPECTED_BODY)
    assert "Contents" not in lines


def test_an_empty_category_does_not_appear(meeting):
    listing = text.render_text(participants_list(meeting))
    assert "Intergovernmental organizations" in listing
    assert "Institutes" not in listing


def test_the_last_list_of_participants_document_gives_the_symbol(meeting):
    DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/INF/1/Rev.1", kind=Document.Kind.PARTICIPANTS)
    assert participants_list(meeting).symbol == f"{meeting.series}/INF/1/Rev.1"


def test_the_demo_lists_its_states_and_organizations_without_names(demo_meeting):
    report = participants_list(demo_meeting)
    assert report.symbol == "A/CONF.234/RPM.2/INF/2/Rev.1"
    lines = text.render_text(report).split("\n\n")
    start = lines.index("States members of the Economic and Social Commission for Western Asia")
    assert lines[start + 1 : start + 3] == ["Egypt", "Iraq"]
    assert lines.index("States represented by observers") < lines.index("Japan")
    assert lines[-1] == "Terre des Hommes\n"


def test_akoma_ntoso_refuses_the_list_rather_than_mark_it_up_wrongly(meeting):
    with pytest.raises(TypeError, match="list of participants"):
        akoma_ntoso.render(participants_list(meeting))


# Downloads: the admin only ------------------------------------------------------------------


def download_url(meeting, extension="docx"):
    return reverse("admin:meetings_meeting_participants", args=[meeting.pk, extension])


@pytest.mark.parametrize(
    "extension, content_type, magic",
    [
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_staff_who_work_on_the_meeting_download_the_list(staff, extension, content_type, magic):
    DocumentFactory(meeting=staff.meeting, symbol=f"{staff.meeting.series}/INF/1", kind=Document.Kind.PARTICIPANTS)
    for role in ("secretariat", "editor", "rapporteur", "reviewer"):
        client = Client()
        client.force_login(getattr(staff, role))
        response = client.get(download_url(staff.meeting, extension))
        assert response.status_code == 200, role
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == (
            f'attachment; filename="{staff.meeting.series.replace("/", "-")}-INF-1.{extension}"'
        )
        assert response.getvalue().startswith(magic)


def test_anonymous_visitors_and_staff_of_other_meetings_get_no_list(staff):
    DocumentFactory(meeting=staff.meeting, symbol=f"{staff.meeting.series}/INF/1", kind=Document.Kind.PARTICIPANTS)
    DelegateFactory(participation=staff.meeting.participations.first(), name=DISTINCTIVE_NAME + " Jr.")
    url = download_url(staff.meeting, "docx")
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("admin:login"))

    outsider = Client()
    outsider.force_login(staff.outsider)
    response = outsider.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")  # the admin's "does not exist"
    assert b"Quillfeather" not in response.content

    # Nor through the action: the outsider's list of meetings does not hold that meeting.
    response = outsider.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "download_participants_docx", "_selected_action": [staff.meeting.pk]},
        follow=True,
    )
    assert "Content-Disposition" not in response
    assert "Quillfeather" not in response.content.decode()


def test_a_meeting_without_its_inf_document_says_what_to_add(admin_client):
    meeting = MeetingFactory()
    response = admin_client.get(download_url(meeting), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:meetings_meeting_change", args=[meeting.pk])
    assert f"a symbol such as {meeting.series}/INF/1" in response.content.decode()
    assert admin_client.get(download_url(meeting, "xml")).status_code == 404


def test_admin_action_has_the_lists_written_by_their_jobs_and_links_them(admin_client, meeting, settings):
    url = reverse("admin:meetings_meeting_changelist")
    # Written at once (the immediate backend): the action leads to the file.
    response = admin_client.post(url, {"action": "download_participants_pdf", "_selected_action": [meeting.pk]})
    assert response.status_code == 302 and response["Location"] == download_url(meeting, "pdf")
    served = admin_client.get(response["Location"])
    assert served["Content-Disposition"] == f'attachment; filename="{meeting.series.replace("/", "-")}-INF-1.pdf"'

    # With a worker: nothing written in the admin's request; a link per meeting, and why one has none.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    other = MeetingFactory()
    DocumentFactory(meeting=other, symbol=f"{other.series}/INF/3", kind=Document.Kind.PARTICIPANTS)
    without_list = MeetingFactory()
    selected = [meeting.pk, other.pk, without_list.pk]
    with mock.patch.dict(RENDERERS, {"docx": mock.Mock(side_effect=AssertionError("in the request"))}):
        response = admin_client.post(url, {"action": "download_participants_docx", "_selected_action": selected})
    messages = [str(message) for message in response.wsgi_request._messages]
    for listed in (meeting, other):
        assert any(
            message.startswith(f"{listed.symbol}: the Word file is being prepared")
            and f'<a href="{download_url(listed)}">' in message
            for message in messages
        )
    assert any(f"{without_list}: add the list of participants" in message for message in messages)
    waiting = admin_client.get(download_url(other))
    assert waiting.status_code == 202 and waiting["Retry-After"]


# Personal data stays off the public site -------------------------------------------------------


def test_no_public_page_names_a_delegate(client, admin_client, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    DocumentFileFactory(document=meeting.documents.first())
    meeting.agenda_items.create(title="An agenda item", order=1)
    meeting.sessions.create(number=1, date=meeting.start_date)
    # The name is really there: the staff's list of participants carries it.
    assert "Quillfeather" in text.render_text(participants_list(meeting))

    # Each address with the part of the name it must not show (a search page repeats its own query).
    urls = []
    for name in [*PUBLIC_PAGES, *CONGRESS_PAGES]:
        urls.append((public_address(name, meeting), b"Quillfeather"))
    for extension in ("xml", "txt"):
        url = reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": extension})
        urls.append((url, b"Quillfeather"))
    for query, hidden in (("Zephyrine", b"Quillfeather"), ("Quillfeather", b"Zephyrine"), ("Minister", b"Zephyrine")):
        urls.append((reverse("search") + f"?q={query}", hidden))
    for url, hidden in urls:
        response = client.get(url, follow=True)  # Today redirects to the page for the moment
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert hidden not in content, url
    # Word and PDF are compressed: read their text.
    report_docx = client.get(reverse("meetings:report_download", args=[meeting.slug, "docx"])).getvalue()
    assert "Quillfeather" not in "\n".join(docx_lines(report_docx))
    report_pdf = client.get(reverse("meetings:report_download", args=[meeting.slug, "pdf"])).getvalue()
    assert "Quillfeather" not in "\n".join(pdf_lines(report_pdf, tmp_path, meeting.symbol))
    # Nor does a signed-in staff member's preview of the public pages.
    assert (
        "Quillfeather" not in admin_client.get(reverse("meetings:participation", args=[meeting.slug])).content.decode()
    )


# Query count -----------------------------------------------------------------------------------


def meeting_with_delegates(scale):
    meeting = MeetingFactory()
    DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/INF/1", kind=Document.Kind.PARTICIPANTS)
    for _ in range(3 * scale):
        participation = ParticipationFactory(meeting=meeting)
        DelegateFactory(participation=participation, is_head=True)
        DelegateFactory.create_batch(2, participation=participation)
    for category in Organization.Category:
        for _ in range(scale):
            organization = OrganizationFactory(category=category)
            participation = ParticipationFactory(
                meeting=meeting, state=None, organization=organization, capacity=Participation.Capacity.OBSERVER
            )
            DelegateFactory.create_batch(2, participation=participation)
    return meeting


def queries_at(scale, action):
    with transaction.atomic():
        meeting = meeting_with_delegates(scale)
        with CaptureQueriesContext(connection) as queries:
            action(meeting)
        transaction.set_rollback(True)
    return len(queries)


def test_ten_times_the_delegates_cost_no_more_queries(admin_client):
    def build_and_render(meeting):
        docx_renderer.render(participants_list(meeting))

    def download(meeting):
        assert admin_client.get(download_url(meeting, "docx")).status_code == 200

    for action in (build_and_render, download):
        small, large = queries_at(1, action), queries_at(10, action)
        assert small == large, f"{action.__name__}: {small} queries at 1×, {large} at 10×"


def test_the_meetings_admin_page_links_to_the_list(admin_client, meeting):
    page = admin_client.get(reverse("admin:meetings_meeting_part", args=[meeting.pk, "report"])).content.decode()
    assert f'{meeting.series}/INF/1: <a href="{download_url(meeting, "docx")}">Word</a>' in page
    assert f'<a href="{download_url(meeting, "pdf")}">PDF</a>' in page


def test_a_meeting_without_its_list_says_so_in_the_language_of_the_one_who_asked(db):
    from django.utils import translation

    from report.participants import NoParticipantsDocument, participants_document

    meeting = MeetingFactory()
    meeting.participants_documents = []
    with translation.override("es"), pytest.raises(NoParticipantsDocument) as refused:
        participants_document(meeting)
    assert "añada la lista de participantes" in str(refused.value)
    assert "«Lista de participantes»" in str(refused.value) and f"{meeting.series}/INF/1" in str(refused.value)
