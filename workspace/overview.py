"""What the overview and the admin's front page say of a meeting: how many of each record it has, and what its
report still lacks."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    MeetingParagraph,
    Officer,
    Participation,
    ReportPartAssignment,
    Session,
)
from recommendations.models import Discussion


def _count(model, **filters):
    """The number of the meeting's records of `model` (matching `filters`), as a subquery."""
    rows = model.objects.filter(meeting=OuterRef("pk"), **filters).order_by().values("meeting")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def meeting_counts(meeting):
    """The number of each kind of record the meeting has, in one query."""
    return (
        Meeting.objects.filter(pk=meeting.pk)
        .values("pk")
        .annotate(
            sessions=_count(Session),
            members=_count(Participation, capacity="member"),
            participations=_count(Participation),
            officers=_count(Officer),
            chairs=_count(Officer, role="chair"),
            rapporteurs=_count(Officer, role="rapporteur"),
            agenda=_count(AgendaItem),
            documents=_count(Document),
            draft_parts=_count(Document, kind=Document.Kind.DRAFT_REPORT),
            participants_documents=_count(Document, kind=Document.Kind.PARTICIPANTS),
            paragraphs=_count(MeetingParagraph),
            opening=_count(MeetingParagraph, part="opening_statements"),
            discussions=_count(Discussion),
            part_assignments=_count(ReportPartAssignment),
        )
        .get()
    )


def missing_for_report(meeting, counts, discussions=None):
    """What the report cannot be written without, each with the part where it is entered."""
    missing = []

    def lack(text, part):
        missing.append((text, part))

    if not counts["sessions"]:
        lack(_("No plenary meetings."), "sessions")
    if not counts["members"]:
        lack(_("No States represented as members."), "attendance")
    if not counts["chairs"]:
        lack(_("No Chair elected."), "officers")
    if not counts["rapporteurs"]:
        lack(_("No Rapporteur elected."), "officers")
    if not counts["agenda"]:
        lack(_("No agenda."), "agenda")
    if not counts["documents"]:
        lack(_("No documents."), "documents")
    if not meeting.opener:
        lack(_("Who opened the meeting is not said."), "text")
    if not counts["opening"]:
        lack(_("No opening statements."), "text")
    if not counts["discussions"]:
        lack(_("No deliberations on a topic."), "deliberations")
    for discussion in discussions or ():
        if not discussion.paragraph_count:
            lack(
                _("No summary of deliberations on “%(topic)s”.") % {"topic": discussion.topic.title},
                "deliberations",
            )
    for name, label in (
        ("agenda_adopted_at", _("The plenary meeting that adopted the agenda is not chosen.")),
        ("report_adopted_at", _("The plenary meeting that adopted the report is not chosen.")),
    ):
        if not getattr(meeting, f"{name}_id"):
            lack(label, "adoption")
    return missing
