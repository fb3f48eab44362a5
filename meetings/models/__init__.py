"""A regional preparatory meeting and its records, one module per concern:

- meeting.py: the meeting (`Meeting`); queries.py: the named queries that read it for each page (`MeetingQuerySet`);
- programme.py: its plenary meetings (`Session`);
- attendance.py: the States and organizations represented (`Participation`), their `Delegate`s, its `Officer`s;
- agenda.py: its agenda (`AgendaItem`);
- documents.py: its documents (`Document`), their uploaded files (`DocumentFile`) and the parts of the draft
  report (`ReportPartAssignment`);
- text.py: the report paragraphs it drafts outside its discussions (`MeetingParagraph`).

The discussions of the Congress's topics, with their summaries and recommendations, are the recommendations
room's; the report written from all of it is the report room's.
"""

from meetings.models.agenda import AgendaItem
from meetings.models.attendance import Delegate, Officer, Participation
from meetings.models.documents import Document, DocumentFile, DocumentQuerySet, ReportPartAssignment, document_file_path
from meetings.models.meeting import Meeting
from meetings.models.programme import Session
from meetings.models.queries import MeetingQuerySet
from meetings.models.text import MARKUP_HELP, MeetingParagraph

__all__ = [
    "MARKUP_HELP",
    "AgendaItem",
    "Delegate",
    "Document",
    "DocumentFile",
    "DocumentQuerySet",
    "Meeting",
    "MeetingParagraph",
    "MeetingQuerySet",
    "Officer",
    "Participation",
    "ReportPartAssignment",
    "Session",
    "document_file_path",
]
