"""The meeting's workspace in the admin: an overview, and each kind of record on its own short screen.

The meeting's change page is the overview: what is entered, what the report still lacks, and a link to
each part. A part (plenary meetings, attendance, officers, agenda, …) is the same admin change form,
reduced to that part's fields and inlines, so scoping, permissions, the version check, history and
drag-and-drop ordering work there as on any admin page. The deliberations' screen is the drafted text's
own (recommendations/admin/deliberations.py).
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.history import translated_fields
from recommendations.admin.deliberations import deliberations_screen, discussions_of
from workflow import roles
from workflow.admin import is_revert, with_return
from workspace.overview import meeting_counts, missing_for_report


@dataclass
class Part:
    """One screen of the workspace: some of the meeting's own fields and some kinds of its records."""

    slug: str
    title: str
    fields: list = field(default_factory=list)
    readonly: list = field(default_factory=list)
    inlines: list = field(default_factory=list)
    description: str = ""
    # (kind of record this part's choices need, part where it is entered), said when it is missing
    needs: list = field(default_factory=list)

    @property
    def editable_fields(self):
        return [name for name in self.fields if name not in self.readonly]


# What a part's choices need first: the message, and how to count what is there.
NEEDS = {
    "sessions": (
        _("Add the plenary meetings first: the choices of “%(field)s” are this meeting's plenary meetings."),
        "sessions",
    ),
    "agenda": (_("Add the agenda items first: the choices of “%(field)s” are this meeting's agenda items."), "agenda"),
    "documents": (_("Add the documents first: the choices of “%(field)s” are this meeting's documents."), "documents"),
    "draft_parts": (
        _("Add a document of the kind “Draft report or addendum” first: “%(field)s” offers those documents."),
        "documents",
    ),
    "member_states": (
        _("The regional commission lists no member States yet: add them on the commission's page."),
        None,
    ),
    "member_states_here": (
        _("The regional commission lists no member States yet: enter them below, with the States represented."),
        None,
    ),
}


class MeetingWorkspaceMixin:
    """Turns a meeting's change page into the overview and adds one screen per part of the meeting."""

    workspace_parts = []  # [Part]
    change_form_template = "admin/meetings/meeting/workspace_form.html"
    save_on_top = True

    # --- addresses

    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/part/deliberations/", view(self.deliberations_view), name=f"{name}_deliberations"),
            path("<path:object_id>/part/<slug:part>/", view(self.part_view), name=f"{name}_part"),
            *super().get_urls(),
        ]

    def part_url(self, meeting, slug):
        if slug == "deliberations":
            return reverse("admin:meetings_meeting_deliberations", args=[meeting.pk])
        return reverse("admin:meetings_meeting_part", args=[meeting.pk, slug])

    def part_named(self, slug):
        for part in self.workspace_parts:
            if part.slug == slug:
                return part
        raise Http404(gettext("There is no such part of a meeting."))

    @staticmethod
    def current_part(request):
        return getattr(request, "_workspace_part", None)

    # --- the views

    def part_view(self, request, object_id, part):
        request._workspace_part = self.part_named(part)
        # change_view, not changeform_view: a save refused meanwhile (deleted, adopted) gives back the text.
        return self.change_view(request, object_id)

    def deliberations_view(self, request, object_id):
        meeting = self.get_object(request, unquote(object_id))
        if meeting is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, meeting):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            **self.workspace_context(request, meeting, self.part_named("deliberations")),
        }
        return deliberations_screen(request, meeting, context)

    def workspace_context(self, request, meeting, part):
        parts = [(p, self.part_url(meeting, p.slug)) for p in self.workspace_parts]
        following = [entry for n, entry in enumerate(parts) if n and parts[n - 1][0] == part]
        return {
            "workspace_next": following[0] if following else None,
            "workspace_meeting": meeting,
            "workspace_parts": parts,
            "workspace_part": part,
            "workspace_overview_url": reverse("admin:meetings_meeting_change", args=[meeting.pk]),
            "opts": self.opts,
            "original": meeting,
            "has_view_permission": True,
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            part = self.current_part(request)
            context.update(self.workspace_context(request, obj, part))
            if part is None:
                counts = meeting_counts(obj)
                context["workspace_counts"] = counts
                context["workspace_missing"] = [
                    (text, self.part_url(obj, slug))
                    for text, slug in missing_for_report(obj, counts, discussions_of(obj))
                ]
                context["workspace_summary"] = self.part_summaries(obj, counts)
            else:
                context["title"] = part.title
                if part.slug == "adoption" and hasattr(self, "reading_parts"):
                    context["reading_parts"] = self.reading_parts(obj)
                context["workspace_needs"] = self.unmet_needs(obj, part, request)
                # A part's screen saves that part: "Delete" there would delete the whole meeting. "Save" comes
                # back to the screen, so "Save and continue editing" gives way to "Save and go to" the next one.
                context["show_delete"] = False
                context["show_save_and_add_another"] = False
                context["show_save_and_continue"] = False
        return super().render_change_form(request, context, add, change, form_url, obj)

    def part_summaries(self, meeting, counts):
        """[(part, url, what is entered)] for the overview."""
        said = {
            "sessions": _("%(n)d plenary meetings") % {"n": counts["sessions"]},
            "attendance": _("%(n)d States and organizations, %(members)d as members")
            % {"n": counts["participations"], "members": counts["members"]},
            "officers": _("%(n)d officers") % {"n": counts["officers"]},
            "agenda": _("%(n)d items and sub-items") % {"n": counts["agenda"]},
            "documents": _("%(n)d documents") % {"n": counts["documents"]},
            "text": _("%(n)d paragraphs") % {"n": counts["paragraphs"]},
            "deliberations": _("%(n)d topics discussed") % {"n": counts["discussions"]},
            "report": _("%(n)d draft parts, %(assigned)d sections assigned")
            % {"n": counts["draft_parts"], "assigned": counts["part_assignments"]},
            "adoption": meeting.get_report_status_display(),
        }
        return [(part, self.part_url(meeting, part.slug), said.get(part.slug, "")) for part in self.workspace_parts]

    def edits_member_states(self, request, obj):
        """Whether this screen has the commission's member States (the meeting's admin says)."""
        return False

    def unmet_needs(self, meeting, part, request=None):
        """[(message, link)] for each choice of the part that has nothing to offer yet."""
        if not part.needs:
            return []
        counts = meeting_counts(meeting)
        unmet = []
        for need, field_label in part.needs:
            message, where = NEEDS[need]
            if need == "member_states":
                if not meeting.regional_commission.member_states.exists():
                    if request is not None and self.edits_member_states(request, meeting):
                        unmet.append((NEEDS["member_states_here"][0], None))
                        continue
                    url = reverse("admin:congress_regionalcommission_change", args=[meeting.regional_commission_id])
                    unmet.append((message, with_return(url, self.part_url(meeting, part.slug))))
                continue
            if not counts[need]:
                unmet.append((message % {"field": field_label}, self.part_url(meeting, where)))
        return unmet

    # --- what each screen holds

    def get_fieldsets(self, request, obj=None):
        part = self.current_part(request)
        if part is not None:
            fields = list(part.fields)
            if part.editable_fields:
                fields.append("version")  # the meeting's own fields are saved: check its version
            # The part's help is shown above the screen (workspace_form.html), not as the fieldset's description,
            # which Django does not render for a fieldset without fields (a screen of inlines only).
            return [(None, {"fields": fields})]
        fieldsets = super().get_fieldsets(request, obj)
        if is_revert(request):
            # A revert restores every field of the meeting's own, not only the overview's: the page shows
            # each part's fields too (the plenary meetings that adopted the agenda and the report …), so the
            # editor sees what is restored and the form posts it back instead of leaving it out.
            fieldsets = [*fieldsets, *self.revert_fieldsets(fieldsets)]
        return fieldsets

    def revert_fieldsets(self, fieldsets):
        """[(part's title, its editable fields)] for the revert page, each translated field in every language."""
        shown = {
            name
            for _title, options in fieldsets
            for entry in options.get("fields", ())
            for name in (entry if isinstance(entry, (list, tuple)) else [entry])
        }
        copies_of = {
            copy.name: [other.name for other in copies]
            for copies in translated_fields(self.model).values()
            for copy in copies
        }
        added = []
        for part in self.workspace_parts:
            fields = []
            for name in part.editable_fields:
                fields += [each for each in copies_of.get(name, [name]) if each not in shown and each != "version"]
            if fields:
                shown.update(fields)
                added.append((part.title, {"fields": fields}))
        return added

    def get_prepopulated_fields(self, request, obj=None):
        if self.current_part(request) is not None or (obj is not None and obj.report_is_adopted):
            return {}  # the address is not on a part's screen, and is shown but not edited once adopted
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        part = self.current_part(request)
        readonly = list(super().get_readonly_fields(request, obj))
        if part is not None:
            readonly = [name for name in readonly if name in part.fields] + part.readonly
        if obj is not None and obj.report_is_adopted and self.may_publish_only(request, obj):
            # Adoption freezes what the report is written from, not whether the meeting is published.
            editable = {"is_published", "status", "version"}
            readonly += [name for name in self._form_fields(request, obj) if name not in editable]
        return readonly

    def _form_fields(self, request, obj):
        return flatten_fieldsets(self.get_fieldsets(request, obj))

    def get_inline_instances(self, request, obj=None):
        part = self.current_part(request)
        if part is None:
            return []  # the overview and the add page: details only, each kind of record on its own screen
        return [inline for inline in super().get_inline_instances(request, obj) if type(inline) in part.inlines]

    # --- saving

    def may_publish_only(self, request, obj):
        """On an adopted report: whoever could edit the meeting may still publish or unpublish it."""
        if not request.user.has_perm("meetings.change_meeting"):
            return False
        if roles.is_secretariat(request.user):
            return True
        role = roles.roles_by_meeting(request.user).get(obj.pk)
        return role is not None and "meetings.change_meeting" in roles.ROLE_PERMISSIONS[role]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed or obj is None or not obj.report_is_adopted or self.current_part(request) is not None:
            return allowed
        return self.may_publish_only(request, obj)

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed() and not is_revert(request):
            # A part with no field of the meeting's own: nothing of the meeting to save or record. A revert
            # posts the old version's values unchanged, and saves them.
            return
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        part = self.current_part(request)
        if part is not None and "_continue" not in request.POST and "_addanother" not in request.POST:
            self.message_user(
                request,
                gettext("%(part)s of %(meeting)s saved.") % {"part": part.title, "meeting": obj},
                messages.SUCCESS,
            )
            # Back to the screen it came from, or on to the next one ("Save and go to …").
            following = self.workspace_context(request, obj, part)["workspace_next"]
            if "_next" in request.POST and following is not None:
                return HttpResponseRedirect(following[1])
            return HttpResponseRedirect(self.part_url(obj, part.slug))
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_addanother" not in request.POST and "_popup" not in request.POST:
            self.message_user(
                request,
                gettext("%(meeting)s added: enter its parts from here.") % {"meeting": obj},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)
