"""The reading of the draft report in the room (the secretariat), reached from the Adoption screen: a part's
paragraphs in order, one at a time, moved through with the keyboard; oral amendments recorded on the paragraph
being read by editing its text in place; their status, each paragraph's outcome; and the projector's window, which
follows the position (adoption/ holds the records and the writes)."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotModified, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

import languages
from adoption import actions
from adoption.models import OralAmendment, ParagraphOutcome, Reading
from adoption.records import record_of, text_of
from caching import content_version
from core.diff import marked_word_diff
from languages.codes import Language
from meetings.models import Document
from report.amended import items_of
from report.cache import prepare_followed_parts, shared_draft_parts
from report.renderers.html import changes_html
from workflow import roles


class ReadingView:
    """Where the reading stands for one part: its items, the position, the amendments and outcomes."""

    def __init__(self, meeting, part, language=None):
        self.meeting, self.part = meeting, part
        self.language = language or meeting.original_language
        # Read before the meeting's records, so the parts are never kept under a version older than their content;
        # shared with the now page's processes (report/cache.py), not built again on every view.
        version = content_version.for_meeting(pk=meeting.pk)
        built = shared_draft_parts(meeting.pk, version[0] if version else None, self.language, "preview")
        self.items = items_of(built[part.symbol]) if part.symbol in built else []
        # Read, not begun: a GET writes nothing (a write would replace the meeting's content version).
        self.reading = Reading.objects.filter(part=part).first() or Reading(part=part, meeting=meeting)
        keys = [item.key for item in self.items]
        self.index = keys.index(self.reading.position) if self.reading.position in keys else 0
        self.outcomes = {o.source: o for o in self.reading.outcomes.all()} if self.reading.pk else {}
        self.amendments = list(
            part.oral_amendments.select_related("delegation__state", "delegation__organization").order_by(
                "proposed_at", "pk"
            )
        )

    @property
    def current(self):
        return self.items[self.index] if self.items else None

    def neighbour(self, step):
        index = self.index + step
        return self.items[index] if 0 <= index < len(self.items) else None

    def amendments_of(self, item):
        rows = []
        for amendment in self.amendments:
            if item is not None and item.source and amendment.source == item.source:
                rows.append((amendment, *marked_word_diff(amendment.issued_text, amendment.proposed_text)))
        return rows

    def all_amendments(self):
        """(paragraph's label, amendment, issued words marked, proposed words marked) for every amendment of the
        part, in the order proposed: the list the secretariat keeps of who proposed what and what became of it."""
        labels = {item.source: item.label for item in self.items if item.source}
        return [
            (labels.get(a.source, "?"), a, *marked_word_diff(a.issued_text, a.proposed_text)) for a in self.amendments
        ]

    def rows(self):
        """(item, outcome, number of amendments, is current) for the list of the part's paragraphs."""
        counts = {}
        for amendment in self.amendments:
            counts[amendment.source] = counts.get(amendment.source, 0) + 1
        return [
            (item, self.outcomes.get(item.key), counts.get(item.source, 0), index == self.index)
            for index, item in enumerate(self.items)
        ]


def recorded(action, **kwargs):
    """One of the room's writes (adoption.actions), with the parts readers follow built before it commits
    (report/cache.py, prepare_followed_parts): the now page and the projector are ready when they see it."""
    with transaction.atomic():
        result = action(**kwargs)
        prepare_followed_parts(kwargs.get("part", kwargs.get("amendment")).meeting_id)
    return result


class ReadingScreenMixin:
    """The reading screen and the projector, added to the meeting's admin."""

    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/reading/<int:part_id>/", view(self.reading_view), name=f"{name}_reading"),
            path(
                "<path:object_id>/reading/<int:part_id>/projector/",
                view(self.projector_view),
                name=f"{name}_projector",
            ),
            *super().get_urls(),
        ]

    def reading_parts(self, meeting):
        """(part, reading screen's address) for each part of the draft report: the Adoption screen links them."""
        return [
            (part, reverse("admin:meetings_meeting_reading", args=[meeting.pk, part.pk]))
            for part in meeting.documents.filter(kind=Document.Kind.DRAFT_REPORT).order_by("order", "pk")
        ]

    def reading_objects(self, request, object_id, part_id):
        meeting = self.get_object(request, unquote(object_id))
        if meeting is None:
            raise Http404(_("There is no such meeting."))
        if not self.has_view_or_change_permission(request, meeting):
            raise PermissionDenied
        part = get_object_or_404(Document, pk=part_id, meeting=meeting, kind=Document.Kind.DRAFT_REPORT)
        return meeting, part

    def reading_view(self, request, object_id, part_id):
        meeting, part = self.reading_objects(request, object_id, part_id)
        if request.method == "POST":
            if not roles.may_adopt(request.user, meeting) or meeting.report_is_adopted:
                raise PermissionDenied
            try:
                self.record(request, meeting, part)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(request.path)
        state = ReadingView(meeting, part)
        current = state.current
        context = {
            **self.admin_site.each_context(request),
            **self.workspace_context(request, meeting, self.part_named("adoption")),
            "title": _("Reading of %(part)s") % {"part": part.symbol},
            "part": part,
            "state": state,
            "current": current,
            "previous": state.neighbour(-1),
            "next": state.neighbour(1),
            "current_changes": changes_html(current.changes) if current and current.changes else "",
            "current_text": current_text(current, state.language),
            "text_language": state.language,
            "text_direction": languages.direction(state.language),
            "amendments": state.amendments_of(current),
            "delegations": meeting.participations.select_related("state", "organization"),
            "proposers": OralAmendment.Proposer.choices,
            "statuses": OralAmendment.Status.choices,
            "outcomes": ParagraphOutcome.Outcome.choices,
            "spoken_languages": Language.choices,
            "may_record": roles.may_adopt(request.user, meeting) and not meeting.report_is_adopted,
            "projector_url": reverse("admin:meetings_meeting_projector", args=[meeting.pk, part.pk]),
        }
        return TemplateResponse(request, "admin/meetings/meeting/reading.html", context)

    def record(self, request, meeting, part):
        """One POST of the reading screen: move, propose, decide or mark."""
        data = request.POST
        action = data.get("action")
        if action == "move":
            recorded(actions.move, part=part, source=data.get("source", ""))
        elif action == "propose":
            parent = None
            if data.get("parent"):
                parent = get_object_or_404(OralAmendment, pk=data["parent"], part=part)
            delegation = None
            if data.get("proposer") == OralAmendment.Proposer.DELEGATION:
                delegation = meeting.participations.filter(pk=data.get("delegation") or 0).first()
            recorded(
                actions.propose,
                part=part,
                source=data.get("source", ""),
                language=data.get("language") or meeting.original_language,
                text=data.get("text", ""),
                proposer=data.get("proposer", ""),
                delegation=delegation,
                parent=parent,
                inserts_after=bool(data.get("inserts_after")),
            )
            messages.success(request, _("The amendment is recorded."))
        elif action == "decide":
            amendment = get_object_or_404(OralAmendment, pk=data.get("amendment") or 0, part=part)
            if data.get("status") not in OralAmendment.Status.values:
                raise ValidationError(_("Choose a status."))
            recorded(actions.decide, amendment=amendment, status=data["status"], version=data.get("version") or 0)
        elif action == "mark":
            if data.get("outcome") not in ParagraphOutcome.Outcome.values:
                raise ValidationError(_("Choose an outcome."))
            state = ReadingView(meeting, part)
            reading = recorded(
                actions.mark,
                part=part,
                source=data.get("source", ""),
                outcome=data["outcome"],
                sources=[item.key for item in state.items],
            )
            if reading.adopted_at:
                messages.success(request, _("%(part)s is adopted.") % {"part": part.symbol})
        else:
            raise ValidationError(_("Nothing to record."))

    def projector_view(self, request, object_id, part_id):
        """The room's screen: the paragraph being read, large, in the original language and one other, side by
        side. Its script asks again every two seconds; an unchanged meeting answers 304 before anything is built."""
        meeting, part = self.reading_objects(request, object_id, part_id)
        language = request.GET.get("language") or ""
        if language not in languages.REPORT_LANGUAGES or language == meeting.original_language:
            language = next(code for code in languages.REPORT_LANGUAGES if code != meeting.original_language)
        token = content_version.for_meeting(pk=meeting.pk)[0]
        etag = f'"{token}-{part.pk}-{language}"'
        if etag in request.headers.get("If-None-Match", ""):
            return HttpResponseNotModified()
        original = ReadingView(meeting, part)
        other = ReadingView(meeting, part, language)
        columns = []
        for state in (original, other):
            item = state.items[original.index] if original.index < len(state.items) else None
            columns.append(
                {
                    "language": state.language,
                    "direction": languages.direction(state.language),
                    "item": item,
                    "html": changes_html(item.changes) if item and item.changes else "",
                }
            )
        response = TemplateResponse(
            request,
            "admin/meetings/meeting/projector.html",
            {
                "part": part,
                "meeting": meeting,
                "columns": columns,
                "adopted": original.reading.adopted_at,
                "languages": Language.choices,
                "chosen": language,
            },
        )
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
        return response


def current_text(item, language):
    """The text of the paragraph being read as its record has it now (markup and all), for editing in place."""
    if item is None or not item.amendable:
        return ""
    record = record_of(item.source)
    return text_of(record, language) if record is not None else ""
