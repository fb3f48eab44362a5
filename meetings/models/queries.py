"""The named queries that read a meeting with its records for each page, in a fixed number of queries whatever
the meeting's size; views and the report builder never spell out joins."""

from django.db import models
from django.db.models import Case, F, Prefetch, When
from django.utils import timezone

from congress.models import StandardParagraph
from meetings import visibility
from meetings.models.agenda import AgendaItem
from meetings.models.attendance import Officer, Participation
from meetings.models.documents import Document, ReportPartAssignment
from meetings.models.programme import Session


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """The meetings `user` may see on the public site (meetings/visibility.py): the published ones, and
        the unpublished ones the secretariat and the meeting's own staff preview."""
        return self.filter(visibility.meetings_filter(user))

    def for_listing(self):
        """Grouped by Congress, newest first; within a Congress the meetings to come, then the past ones."""
        is_past = Case(When(end_date__lt=timezone.localdate(), then=1), default=0, output_field=models.IntegerField())
        return (
            self.select_related("congress", "venue_country")
            .annotate(is_past=is_past)
            .annotate(
                upcoming_start=Case(When(is_past=0, then="start_date")),
                past_start=Case(When(is_past=1, then="start_date")),
            )
            .order_by("-congress__ordinal", "is_past", "upcoming_start", F("past_start").desc(), "pk")
        )

    def for_api_listing(self):
        """For the read API's lists: by Congress, newest first, then by date; an order that does not follow the clock,
        so an answer stays the same while the content does."""
        return self.select_related("congress", "venue_country").order_by("-congress__ordinal", "start_date", "pk")

    def for_api(self, user):
        """A meeting in full for the read API: its officers, attendance, agenda with the documents of each item, and
        the documents `user` may see with their files."""
        documents = Document.objects.visible_to(user)
        items = AgendaItem.objects.select_related("topic__congress", "topic__agenda_item", "topic__workshop")
        return self.select_related("congress", "venue_country", "regional_commission").prefetch_related(
            Prefetch("officers", queryset=Officer.objects.select_related("state", "elected_at")),
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("state", "organization").order_by("pk"),
            ),
            Prefetch(
                "agenda_items",
                queryset=items.filter(parent=None).prefetch_related(
                    Prefetch("documents", queryset=documents),
                    Prefetch("sub_items", queryset=items.prefetch_related(Prefetch("documents", queryset=documents))),
                ),
                to_attr="top_level_items",
            ),
            Prefetch("documents", queryset=documents.prefetch_related("files"), to_attr="visible_documents"),
        )

    def for_meeting_page(self, user):
        """The meeting's facts and officers, its documents, and its plenary meetings with their items (for "today")."""
        return self.select_related("congress", "venue_country", "regional_commission").prefetch_related(
            Prefetch("officers", queryset=Officer.objects.select_related("state")),
            Prefetch("documents", queryset=Document.objects.visible_to(user), to_attr="visible_documents"),
            Prefetch("sessions", queryset=Session.objects.prefetch_related("agenda_items")),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("topic__congress", "topic__agenda_item", "topic__workshop"),
                to_attr="all_agenda_items",
            ),
        )

    def for_agenda(self, user):
        documents = Document.objects.visible_to(user).prefetch_related("files")
        return self.select_related("congress").prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.filter(parent=None).prefetch_related(
                    Prefetch("documents", queryset=documents),
                    Prefetch(
                        "sub_items",
                        queryset=AgendaItem.objects.select_related(
                            "topic__congress", "topic__agenda_item", "topic__workshop"
                        ).prefetch_related(Prefetch("documents", queryset=documents)),
                    ),
                ),
                to_attr="top_level_items",
            ),
        )

    def for_programme(self, user=None):
        """The plenary meetings and the items they take up; given a reader, every agenda item too, with the
        documents that reader may see and their files (public.programme numbers and lists them)."""
        queryset = self.select_related("congress", "venue_country").prefetch_related(
            Prefetch(
                "sessions",
                queryset=Session.objects.prefetch_related(
                    Prefetch(
                        "agenda_items",
                        queryset=AgendaItem.objects.select_related(
                            "parent", "topic__congress", "topic__agenda_item", "topic__workshop"
                        ),
                    )
                ),
            ),
        )
        if user is None:
            return queryset
        return queryset.prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related(
                    "topic__congress", "topic__agenda_item", "topic__workshop"
                ).prefetch_related(
                    Prefetch("documents", queryset=Document.objects.visible_to(user).prefetch_related("files"))
                ),
                to_attr="all_agenda_items",
            )
        )

    def for_documents(self, user):
        return self.select_related("congress").prefetch_related(
            Prefetch(
                "documents",
                queryset=Document.objects.visible_to(user).prefetch_related("files"),
                to_attr="visible_documents",
            )
        )

    def for_participation(self):
        return self.select_related("congress", "regional_commission").prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("state", "organization"))
        )

    def for_participants_list(self):
        """What the list of participants reads: the delegations, their delegates and the INF document's symbol."""
        return self.select_related("congress", "regional_commission").prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("state", "organization").prefetch_related("delegates"),
            ),
            Prefetch(
                "documents",
                queryset=Document.objects.filter(kind=Document.Kind.PARTICIPANTS),
                to_attr="participants_documents",
            ),
        )

    def for_report(self, user=None, *, published_documents=False):
        """Everything the report builder reads, in a fixed number of queries whatever the meeting's size.

        Given the reader (`user`), the documents are those they may see (meetings/visibility.py), so the
        public report's annex and chapter IV list no unpublished document; without one (the admin's and the
        command line's exports), every document of the meeting. With `published_documents`, the published
        documents, whether the meeting is published yet or not: what its public report will list (the report
        as adopted is kept for the public before the meeting is published).
        """
        if published_documents:
            documents = Document.objects.filter(is_published=True)
        else:
            documents = Document.objects.all() if user is None else Document.objects.visible_to(user)
        # The drafted text's room (recommendations) stands on this one: its model is reached through the relation.
        Discussion = self.model.discussions.rel.related_model  # noqa: N806 - a model class
        # So does the room's reading of the draft (adoption): its agreed amendments number "bis" paragraphs, mark
        # the draft's revisions and make chapter IV say "as orally revised".
        OralAmendment = self.model.oral_amendments.rel.related_model  # noqa: N806 - a model class

        return self.select_related(
            "congress__host_country",
            "regional_commission",
            "venue_country",
            "agenda_adopted_at",
            "organization_of_work_at",
            "report_adopted_at",
        ).prefetch_related(
            Prefetch(
                "congress__standard_paragraphs",
                queryset=StandardParagraph.objects.filter(part=StandardParagraph.Part.INTRODUCTION),
                to_attr="introduction_paragraphs",
            ),
            "paragraphs",
            "sessions",
            Prefetch("participations", queryset=Participation.objects.select_related("state", "organization")),
            Prefetch("officers", queryset=Officer.objects.select_related("state", "elected_at")),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("topic__congress", "topic__agenda_item", "topic__workshop"),
            ),
            Prefetch("documents", queryset=documents),
            Prefetch("part_assignments", queryset=ReportPartAssignment.objects.select_related("part")),
            Prefetch(
                "discussions",
                queryset=Discussion.objects.select_related(
                    "topic__congress", "topic__agenda_item", "topic__workshop"
                ).prefetch_related("summary_paragraphs", "recommendations"),
            ),
            Prefetch(
                "oral_amendments",
                queryset=OralAmendment.objects.filter(status="agreed").select_related(
                    "delegation__state", "delegation__organization"
                ),
                to_attr="agreed_amendments",
            ),
        )
