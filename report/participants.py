"""Builds a meeting's list of participants (its INF document) as a document tree, from its delegations.

The list is a UN document of its own, rendered by the report's Word and PDF renderers: a section per
category of participant, in the order of the report's attendance paragraphs, then each State or
organization with its delegates, the head of delegation first. It names people, so it is for staff only.
"""

from django.utils import translation
from django.utils.translation import gettext as _

import languages
from congress.models import Organization
from languages.versions import shown_text
from meetings.models import Document, Participation
from report.document import Line, Report, Section, Text
from report.wording import TextsInLanguage, document_words, meeting_lines

ORGANIZATION_SECTIONS = {
    Organization.Category.UN_ENTITY: "United Nations entities",
    Organization.Category.INSTITUTE: (
        "Institutes of the United Nations crime prevention and criminal justice programme network"
    ),
    Organization.Category.INTERGOVERNMENTAL: "Intergovernmental organizations",
    Organization.Category.NON_GOVERNMENTAL: (
        "Non-governmental organizations in consultative status with the Economic and Social Council"
    ),
}


class NoParticipantsDocument(LookupError):
    """The meeting has no document of the kind "List of participants", so the list has no symbol."""


def participants_document(meeting):
    """The meeting's list of participants document; of several (INF/2, INF/2/Rev.1) the last, the latest revision."""
    documents = meeting.participants_documents
    if not documents:
        # In the language of the one who asked (the admin's message), naming the kind as the documents screen does.
        raise NoParticipantsDocument(
            _(
                "%(meeting)s: add the list of participants to the meeting's documents (kind “%(kind)s”, a symbol "
                "such as %(symbol)s) before generating it."
            )
            % {"meeting": meeting, "kind": Document.Kind.PARTICIPANTS.label, "symbol": f"{meeting.series}/INF/1"}
        )
    return documents[-1]


def build_participants_list(meeting, document=None):
    """The list of participants of a meeting loaded with Meeting.objects.for_participants_list().

    It carries the symbol of `document`, one of the meeting's lists of participants; by default the latest.
    """
    document = document or participants_document(meeting)
    with translation.override("en"):
        chapters = []
        for title, delegations in delegations_by_section(meeting):
            anchor = f"participants-{len(chapters) + 1}"
            chapter = Section(Section.CHAPTER, "", title, anchor)
            for number, participation in enumerate(delegations, start=1):
                lines = [Line((Text(delegate_line(delegate)),)) for delegate in participation.delegates.all()]
                record = participation.state if participation.state_id else participation.organization
                name = shown_text(record, "name", "en")[0]
                chapter.children.append(Section(Section.SECTION, "", name, f"{anchor}-{number}", lines))
            chapters.append(chapter)
        return Report(
            symbol=document.symbol,
            organ="General Assembly",
            distribution="General",
            issued_on=document.issued_on,
            original_language=meeting.get_original_language_display(),
            front_lines=meeting_lines(meeting),
            title="List of participants",
            job_number=document.job_number,
            chapters=chapters,
            annexes=[],
            has_contents=False,
            # The list is written in English only for now; its words are the English catalogue's.
            **document_words(meeting, "en", TextsInLanguage("en", meeting.original_language)),
        )


def name_of(record):
    """A registry's name in English, the list's language (or its original where none is entered)."""
    return shown_text(record, "name", "en")[0]


def delegations_by_section(meeting):
    """[(section title, participations)], in the order of the attendance paragraphs; empty sections left out."""
    participations = list(meeting.participations.all())
    english = languages.collator("en")
    states = sorted((p for p in participations if p.state_id), key=lambda p: english.getSortKey(name_of(p.state)))
    organizations = sorted(
        (p for p in participations if p.organization_id),
        key=lambda p: (p.organization.precedence, english.getSortKey(name_of(p.organization))),
    )
    sections = [
        (
            f"States members of the {name_of(meeting.regional_commission)}",
            [p for p in states if p.capacity == Participation.Capacity.MEMBER],
        ),
        ("States represented by observers", [p for p in states if p.capacity == Participation.Capacity.OBSERVER]),
        *(
            (ORGANIZATION_SECTIONS[category], [p for p in organizations if p.organization.category == category])
            for category in Organization.Category
        ),
    ]
    return [(title, delegations) for title, delegations in sections if delegations]


def delegate_line(delegate):
    """ "Name, Function", or the name alone when no function is entered."""
    return f"{delegate.name}, {delegate.function}" if delegate.function else delegate.name
