"""What every admin page of a content model shares: per-meeting scope, history with a readable diff, no lost edits.

The admins of the three content apps build on `ContentAdmin` and `ContentInlineMixin`.
"""

import copy
import dataclasses
import logging

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from core.diff import word_diff
from core.history import mirrored_fields, revert_translations
from workflow import roles
from workflow.admin.inlines import UnchangedRowsFormSetMixin
from workflow.admin.returning import ReturnMixin
from workflow.forms import VersionedModelForm

logger = logging.getLogger(__name__)
# Sent when the admin is asked to delete records (its confirmation page, then the deletion): a higher room that keeps
# something about them answers with sentences the page shows as warnings (adoption/: the oral amendments it keeps).
# sender: the model; objs: the records.
deletion_notes = Signal()
MANAGEMENT_SUFFIXES = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS", "-id", "version", "DELETE")


def typed_texts(post):
    """(field, text) for each text posted: what a person typed, to give back when a save cannot go through."""
    texts = []
    for name, values in post.lists():
        if name == "csrfmiddlewaretoken" or name.startswith("_") or name.endswith(MANAGEMENT_SUFFIXES):
            continue
        for value in values:
            if value.strip() and not value.strip().isdigit():
                texts.append((name, value))
    return texts


class ReadableDiffHelper(HistoricalRecordContextHelper):
    """Shows a changed text whole, with the words removed struck through and the words added marked."""

    def context_for_delta_changes(self, delta):
        mirrored = mirrored_fields(self.model)
        shown = [change for change in delta.changes if change.field not in mirrored]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=shown))

    def prepare_delta_change_value(self, change, value):
        # An empty choice is not a deleted record: simple-history says "Deleted plenary meeting (pk=None)".
        if isinstance(value, DeletedObject) and value.pk is None:
            return "—"
        return super().prepare_delta_change_value(change, value)

    def stringify_delta_change_values(self, change, old, new):
        if isinstance(old, str) and isinstance(new, str):
            return word_diff(old, new)
        return super().stringify_delta_change_values(change, old, new)


class KeysOnlyMixin:
    """Django's autocomplete widgets look up whatever was posted to show it again; a value that is no key
    (a word typed into the hidden select) made that lookup fail with a server error instead of the form's own
    "Select a valid choice" message. Values that cannot be a key are left out of the lookup."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field.model._meta
        key = remote.get_field(getattr(self.field.remote_field, "field_name", remote.pk.attname))

        def is_key(candidate):
            try:
                key.to_python(candidate)
            except ValidationError:
                return False
            return True

        return super().optgroups(name, [v for v in value if is_key(v)], attr)


class KeysOnlyAutocompleteSelect(KeysOnlyMixin, AutocompleteSelect):
    pass


class KeysOnlyAutocompleteSelectMultiple(KeysOnlyMixin, AutocompleteSelectMultiple):
    pass


def _leads_to(model, path):
    """The model a list filter's path (meeting, discussion__meeting) ends at, or None."""
    try:
        for step in path.split("__"):
            model = model._meta.get_field(step).related_model
    except (FieldDoesNotExist, AttributeError):
        return None
    return model


class ScopedMeetingFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        return [
            (meeting.pk, str(meeting)) for meeting in roles.visible_meetings(request.user).select_related("congress")
        ]


class ScopedMixin:
    """Limits a model admin or inline to the meetings the user works on, and to what their role there allows."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        path = roles.meeting_path(self.model)
        if path is None or roles.is_secretariat(request.user):
            return queryset
        return queryset.filter(**{f"{path}__in": roles.visible_meetings(request.user)})

    def _allows(self, request, action, obj, default):
        # For a model admin `obj` is the record; for an inline it is the parent record. Both lead to one meeting.
        if not default:
            return False
        if obj is None:
            return True
        try:
            meeting = roles.meeting_of(obj)
        except ObjectDoesNotExist:
            # A deleted record (its history) whose meeting is gone too: nobody is assigned to it any more.
            return roles.is_secretariat(request.user)
        return roles.may(request.user, action, self.model, meeting)

    def get_list_filter(self, request):
        """A filter by meeting offers only the meetings the user works on, not every meeting's symbol."""
        filters = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str) and _leads_to(self.model, entry) is roles.meeting_model():
                entry = (entry, ScopedMeetingFilter)
            filters.append(entry)
        return filters

    def has_view_permission(self, request, obj=None):
        return self._allows(request, "view", obj, super().has_view_permission(request, obj))

    def has_change_permission(self, request, obj=None):
        return self._allows(request, "change", obj, super().has_change_permission(request, obj))

    def has_delete_permission(self, request, obj=None):
        return self._allows(request, "delete", obj, super().has_delete_permission(request, obj))

    def has_add_permission(self, request, obj=None):
        if isinstance(self, InlineModelAdmin):
            return self._allows(request, "add", obj, super().has_add_permission(request, obj))
        return super().has_add_permission(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is roles.meeting_model():
            match = request.resolver_match
            action = "add" if match and match.url_name and match.url_name.endswith("_add") else "change"
            kwargs["queryset"] = roles.meetings_where(request.user, action, self.model).select_related("congress")
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KeysOnlyAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KeysOnlyAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class VersionedMixin:
    """Puts the record's version in a hidden field so a save over someone else's newer change is refused."""

    form = VersionedModelForm

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "version":
            kwargs["widget"] = forms.HiddenInput
            kwargs["required"] = False
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if "version" in fields else [*fields, "version"]

    def get_fieldsets(self, request, obj=None):
        # From super(), so that others' changes to the fieldsets (the translated fields) are kept.
        fieldsets = copy.deepcopy(list(super().get_fieldsets(request, obj)))
        if not self.fieldsets:
            return fieldsets  # built from get_fields(), which already has the version
        fieldsets[0][1]["fields"] = [*fieldsets[0][1]["fields"], "version"]
        return fieldsets


class ContentInlineMixin(ScopedMixin, VersionedMixin):
    """For the inlines of content admins: a save cleans and writes only the rows that changed."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (UnchangedRowsFormSetMixin, formset), {})


class ContentAdmin(ReturnMixin, ScopedMixin, VersionedMixin, SimpleHistoryAdmin):
    """A content model's admin: scoped to the user's meetings, versioned, with history, diff and revert; a save
    goes back to the workspace screen the page was opened from (`next`)."""

    def save_model(self, request, obj, form, change):
        # A record none of whose own fields changed is not saved: its version stays, so people editing its
        # rows (the inlines) on the same page at once do not conflict over it.
        match = request.resolver_match
        # A part screen (one of a meeting's or a discussion's screens) is a change page too.
        on_change_page = match is not None and (match.url_name or "").endswith(("_change", "_part"))
        if change and on_change_page and not form.has_changed():
            return
        super().save_model(request, obj, form, change)

    def _refused_meanwhile(self, request, object_id):
        """A save that cannot go through because of what happened since the page was opened (the record was
        deleted, the report adopted): a page that says so and shows what was typed, instead of a bare 403 or
        a redirect that loses it."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            if not self.has_view_permission(request):
                return None
            reason = _("Someone deleted this record after you opened it, so your changes were not saved.")
            back = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        else:
            meeting = roles.meeting_of(obj)
            frozen = (
                meeting is not None and meeting.report_is_adopted and roles.label_of(self.model) in roles.REPORT_CONTENT
            )
            if not frozen or self.has_change_permission(request, obj) or not self.has_view_permission(request, obj):
                return None
            reason = _("Nothing was saved. %(frozen)s") % {"frozen": roles.frozen_message(meeting)}
            back = request.path
        return self._not_saved(request, reason, back)

    def _not_saved(self, request, reason, back):
        return TemplateResponse(
            request,
            "admin/workflow/not_saved.html",
            {
                **self.admin_site.each_context(request),
                "reason": reason,
                "texts": typed_texts(request.POST),
                "back": back,
            },
            status=409,
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError:
            # Someone (an import, another editor) saved a row that clashes with one of this page's, between
            # its checks and its save; the whole save was rolled back. Say so and give back what was typed.
            if request.method != "POST":
                raise
            logger.warning("A save of %s clashed with another one and was rolled back", request.path, exc_info=True)
            reason = _(
                "Someone else saved a record at the same moment that clashes with one of yours (the same name "
                "or number), so nothing was saved."
            )
            return self._not_saved(request, reason, request.path)

    def get_deleted_objects(self, objs, request):
        """What a deletion takes with it, as the admin's confirmation lists it; and as warnings, what other rooms
        keep of the records (`deletion_notes`), said before the deletion and again after it."""
        result = super().get_deleted_objects(objs, request)
        for _receiver, notes in deletion_notes.send(sender=self.model, objs=list(objs)):
            for note in notes or ():
                messages.warning(request, note)
        return result

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableDiffHelper(self.model, historical_record)

    def get_form(self, request, obj=None, change=False, **kwargs):
        match = request.resolver_match
        if obj is not None and match and match.url_name and match.url_name.endswith("_simple_history"):
            model = type(obj)
            current = model._default_manager.filter(pk=obj.pk).first()
            if current is not None:
                # Reverting saves an old version over the current one: the form must carry the current version.
                obj.version = current.version
                history = getattr(model, model._meta.simple_history_manager_attribute)
                # simple-history's revert address is <object_id>/history/<version_id>/.
                record = history.get(history_id=match.args[1])
                taken_as_english = revert_translations(obj, record, current)
                if taken_as_english and request.method == "GET":
                    fields = ", ".join(str(model._meta.get_field(name).verbose_name) for name in taken_as_english)
                    messages.warning(
                        request,
                        _(
                            "This version was recorded before the history kept each language: its %(fields)s "
                            "is shown as the English text. Check it before you save."
                        )
                        % {"fields": fields},
                    )
        return super().get_form(request, obj, change=change, **kwargs)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history's revert address passes the record's id positionally; the change page names it
        # object_id, which the form's choices read (the sessions of the meeting being edited, its documents):
        # without it a revert offered no choice and lost "agenda adopted at" and the like.
        if request.resolver_match is not None:
            request.resolver_match.kwargs.setdefault("object_id", object_id)
        # The history page only hides the revert button; a posted revert must pass the change permission too.
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
            # One transaction, as the change form has: the version check locks the row until the revert is saved.
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and (refused := self._refused_meanwhile(request, object_id)) is not None:
            return refused
        if request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            meeting = roles.meeting_of(obj)
            content = roles.label_of(self.model) in roles.REPORT_CONTENT
            if content and meeting is not None and meeting.report_is_adopted:
                messages.warning(request, roles.frozen_message(meeting))
        return super().change_view(request, object_id, form_url, extra_context)
