"""Imports a list of participants (one row per person) from CSV or Excel into a meeting's delegations.

Columns: State or organization, Capacity (member/observer), Name, Function, Head of delegation (yes/no).
The preview lists each row as new, update or rejected with the reason; the confirmed import saves the good
rows only, and an unexpected failure on any row saves nothing (the whole import is one transaction).

It never overwrites what its user did not see. What the file would replace in delegations already entered (a
function, the head of delegation, a capacity: a correction made in the admin since the list was drawn up) is
shown in the preview and replaced only when the user ticks "also replace"; otherwise only new delegations and
delegates and empty cells are filled. And the confirmation applies the preview it names: if the meeting's
delegations changed after it (`delegations_version`), nothing is imported and the user previews again.
An Indico event's export of its registrations is read as such a list (meetings/indico_import.py).
"""

import base64
import contextvars
import hashlib
from uuid import uuid4

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.results import Result
from import_export.tmp_storages import BaseStorage

from congress.models import Organization, State
from languages.codes import COPY_LANGUAGES
from meetings import indico_import
from meetings.models import Delegate, Meeting, Participation
from workflow.roles import frozen_message

CAPACITIES = {
    "member": Participation.Capacity.MEMBER,
    "observer": Participation.Capacity.OBSERVER,
}


# A list of participants is read row by row, with a few queries each: beyond this many rows, split the file.
MAX_ROWS = 1000
MAX_FILE_SIZE = 5 * 1024 * 1024
SOURCES = [
    ("auto", _("Recognised from its header row")),
    ("own", _("Rapporteur's list of participants")),
    ("indico", _("Export of an Indico event's registrations")),
]
PENDING_KEY = "pending_participants_import"
_session = contextvars.ContextVar("participants_import_session", default=None)


def named(name):
    """A filter on a registry's records: those with this name in any of the six languages, whatever the case."""
    return Q(*[Q(**{f"name_{code}__iexact": name}) for code in COPY_LANGUAGES], _connector=Q.OR)


class PendingImportMissing(Exception):
    """The confirmed import is not the one this user's session previewed (or the session has expired)."""


class SessionStorage(BaseStorage):
    """Keeps the uploaded list between its preview and its confirmation in the uploader's session.

    Not in the temporary directory (a list of participants names people, and an unconfirmed preview left it
    there), and never at a name the confirming POST chooses: the POST's name must be the one the session holds.
    The admin binds the request's session with `bound_to(session)`.
    """

    def save(self, data):
        session = _session.get()
        self.name = uuid4().hex
        binary = isinstance(data, bytes)
        raw = data if binary else data.encode(self.encoding or "utf-8")
        session[PENDING_KEY] = {"name": self.name, "data": base64.b64encode(raw).decode("ascii")}

    def read(self):
        pending = (_session.get() or {}).get(PENDING_KEY)
        if not pending or not constant_time_compare(pending["name"], str(self.name or "")):
            raise PendingImportMissing
        raw = base64.b64decode(pending["data"])
        return raw if "b" in self.read_mode else raw.decode(self.encoding or "utf-8")

    def remove(self):
        session = _session.get()
        if session is not None:
            session.pop(PENDING_KEY, None)


class bound_to:  # noqa: N801 - used as `with bound_to(request.session):`
    """Binds SessionStorage to a request's session for the duration of a view."""

    def __init__(self, session):
        self.session = session

    def __enter__(self):
        self.token = _session.set(self.session)

    def __exit__(self, *exc):
        _session.reset(self.token)


def is_pending(session, name):
    pending = session.get(PENDING_KEY)
    return bool(pending and name and constant_time_compare(pending["name"], str(name)))


class YesNoWidget(widgets.BooleanWidget):
    """Reads yes/no as a person types it in a spreadsheet, as well as true/false and 1/0."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if text in ("yes", "y", "true", "1", "x"):
            return True
        if text in ("no", "n", "false", "0", ""):
            return False
        raise ValueError(_("Head of delegation is “%(value)s”: write yes or no.") % {"value": value})


class PreviewResult(Result):
    """Rejected rows are shown with their reasons and left out; they do not hold back the good rows."""

    def has_validation_errors(self):
        return False

    @property
    def rejected_rows(self):
        return self.invalid_rows


class DelegateResource(resources.ModelResource):
    entity = fields.Field(column_name="State or organization")
    capacity = fields.Field(column_name="Capacity")
    name = fields.Field(attribute="name", column_name="Name")
    function = fields.Field(attribute="function", column_name="Function")
    is_head = fields.Field(attribute="is_head", column_name="Head of delegation", widget=YesNoWidget())

    class Meta:
        model = Delegate
        fields = ("entity", "capacity", "name", "function", "is_head")
        import_id_fields = ()
        use_transactions = True
        skip_unchanged = False

    def __init__(self, meeting=None, previewed=None, replace_existing=True, source="auto", **kwargs):
        super().__init__(**kwargs)
        self.meeting, self.source = meeting, source
        # On confirmation: the delegations' version the preview was made from, and whether to replace what is there.
        self.previewed = previewed
        self.replace_existing = replace_existing
        self.seen = {}
        self.current = {}
        self.row_changes = []

    @classmethod
    def get_result_class(cls):
        return PreviewResult

    def before_import(self, dataset, **kwargs):
        if self.meeting is None:
            raise ValidationError(_("Choose the meeting whose list of participants this is."))
        if len(dataset) > MAX_ROWS:
            count = len(dataset)
            dataset.wipe()
            raise ValidationError(
                _("The file has %(count)d rows; import at most %(max)d at a time: split it into several files.")
                % {"count": count, "max": MAX_ROWS}
            )
        if self.previewed is not None:
            # Under the meeting's row lock, as adoption takes it: nothing changes between this check and the writes.
            self.meeting = Meeting.objects.select_for_update().get(pk=self.meeting.pk)
            if delegations_version(self.meeting) != self.previewed:
                dataset.wipe()
                raise ValidationError(
                    _(
                        "The meeting's delegations changed after your preview (someone saved them meanwhile): "
                        "nothing was imported. Upload the file again to see what it changes now."
                    )
                )
        if self.meeting.report_is_adopted:
            # Delegations are what the report's attendance paragraphs are written from: frozen with it.
            dataset.wipe()
            raise ValidationError(frozen_message(self.meeting))
        if self.source == "indico" or (self.source == "auto" and indico_import.is_indico(dataset.headers)):
            indico_import.as_participants(dataset, self.meeting)  # row for row, with what it leaves out and why
        missing = [column for column in ("State or organization", "Name") if column not in (dataset.headers or [])]
        if missing:
            # The import carries on to the rows after this error; without the columns there are none to read
            # (and with no header row at all, reading them failed with a server error).
            dataset.wipe()
            raise ValidationError(
                _("The file has no column %(columns)s. The first row must name the columns.")
                % {"columns": ", ".join(f"“{column}”" for column in missing)}
            )

    def before_import_row(self, row, **kwargs):
        """Checks a row and finds its delegation; a problem rejects the row with a message saying what to fix."""
        number = kwargs.get("row_number")
        if row.get(indico_import.PROBLEM):
            raise ValidationError([row[indico_import.PROBLEM]])
        errors = indico_import.too_long(indico_import.safe_text(row.get("Name")), row.get("Function"))
        entity_name = str(row.get("State or organization") or "").strip()
        name = indico_import.safe_text(row.get("Name"))
        capacity_text = str(row.get("Capacity") or "").strip().lower()
        self.row_changes = []
        if not name:
            errors.append(_("The name is empty: give the delegate's name."))
        capacity = CAPACITIES.get(capacity_text)
        if capacity is None and capacity_text:
            errors.append(_("Capacity is “%(value)s”: write member or observer.") % {"value": capacity_text})
        # The name as any language writes it: a list may come in English or in the meeting's language.
        state = State.objects.filter(named(entity_name)).order_by("pk").first()
        organization = None if state else Organization.objects.filter(named(entity_name)).order_by("pk").first()
        if not capacity_text:
            # A blank cell changes nothing: the delegation keeps its capacity; a new one needs it said.
            existing = Participation.objects.filter(
                meeting=self.meeting, state=state, organization=organization
            ).first()
            if existing is not None:
                capacity = existing.capacity
            elif organization is not None:
                capacity = Participation.Capacity.OBSERVER
            elif state is not None:
                errors.append(
                    _("Capacity is empty and %(state)s has no delegation yet: write member or observer.")
                    % {"state": state}
                )
        if not entity_name:
            errors.append(_("The State or organization is empty."))
        elif state is None and organization is None:
            errors.append(
                _(
                    "“%(name)s” is neither a State nor an organization of the registry: check the spelling, "
                    "or ask the secretariat to add it."
                )
                % {"name": entity_name}
            )
        if organization is not None and capacity == Participation.Capacity.MEMBER:
            errors.append(_("%(name)s is an organization; organizations attend as observers.") % {"name": entity_name})
        if (
            state is not None
            and capacity == Participation.Capacity.MEMBER
            and not self.meeting.regional_commission.member_states.filter(pk=state.pk).exists()
        ):
            errors.append(
                _("%(state)s is not a member of %(commission)s: it attends as an observer.")
                % {"state": state, "commission": self.meeting.regional_commission}
            )
        key = (state.pk if state else None, organization.pk if organization else None, name.lower())
        if name and key in self.seen:
            errors.append(_("Same person as row %(row)s: remove one of the two rows.") % {"row": self.seen[key]})
        if errors:
            raise ValidationError(errors)
        self.seen[key] = number
        self.current = {"state": state, "organization": organization, "capacity": capacity, "name": name}

    def get_instance(self, instance_loader, row):
        current = self.current
        return Delegate.objects.filter(
            participation__meeting=self.meeting,
            participation__state=current["state"],
            participation__organization=current["organization"],
            name=current["name"],
        ).first()

    def import_instance(self, instance, row, **kwargs):
        before = {"function": instance.function, "is_head": instance.is_head} if instance.pk else None
        super().import_instance(instance, row, **kwargs)
        instance.name, instance.function = self.current["name"], indico_import.safe_text(instance.function)
        # A blank cell changes nothing of a delegate already listed.
        if not str(row.get("Function") or "").strip():
            instance.function = before["function"] if before else ""
        if not str(row.get("Head of delegation") or "").strip():
            instance.is_head = before["is_head"] if before else False
        if before is not None and not self.replace_existing:
            # What is already there stays, unless the user chose to replace it; an empty function is filled.
            if before["function"]:
                instance.function = before["function"]
            instance.is_head = before["is_head"]
        if before is None:
            self.row_changes.append(_("New delegate"))
        else:
            if before["function"] != instance.function:
                self.row_changes.append(
                    _("Function: %(old)s → %(new)s (replaces what is there)")
                    % {"old": before["function"], "new": instance.function}
                    if before["function"]
                    else _("Function: %(new)s") % {"new": instance.function}
                )
            if before["is_head"] != instance.is_head:
                self.row_changes.append(
                    _("Head of delegation: %(old)s → %(new)s")
                    % {"old": yes_no(before["is_head"]), "new": yes_no(instance.is_head)}
                )
        participation = Participation.objects.filter(
            meeting=self.meeting, state=self.current["state"], organization=self.current["organization"]
        ).first()
        # Rows are saved as they go (the preview's inside a transaction it rolls back), so this also
        # catches two heads of one delegation within the file.
        if instance.is_head and participation is not None:
            head = Delegate.objects.filter(participation=participation, is_head=True).exclude(pk=instance.pk).first()
            if head is not None:
                raise ValidationError(
                    _("%(delegation)s already has a head of delegation, %(head)s: mark only one person as head.")
                    % {"delegation": participation, "head": head}
                )

    def save_instance(self, instance, is_create, row, **kwargs):
        current = self.current
        participation, _created = Participation.objects.get_or_create(
            meeting=self.meeting,
            state=current["state"],
            organization=current["organization"],
            defaults={"capacity": current["capacity"]},
        )
        if participation.capacity != current["capacity"] and (_created or self.replace_existing):
            self.row_changes.append(
                _("Capacity: %(old)s → %(new)s")
                % {
                    "old": Participation.Capacity(participation.capacity).label,
                    "new": Participation.Capacity(current["capacity"]).label,
                }
            )
            participation.capacity = current["capacity"]
            participation.save()
        elif _created:
            self.row_changes.append(
                _("New delegation: %(delegation)s, %(capacity)s")
                % {"delegation": participation, "capacity": Participation.Capacity(participation.capacity).label}
            )
        instance.participation = participation
        super().save_instance(instance, is_create, row, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        if not row.get(indico_import.SKIPPED):
            return super().import_row(row, instance_loader, **kwargs)
        result = self.get_row_result_class()()  # a registration Indico says is not coming: shown, not imported
        result.import_type, result.number = result.IMPORT_TYPE_SKIP, kwargs.get("row_number")
        result.delegate_name, result.delegation = row.get("Name"), row.get("State or organization")
        result.changes = [row[indico_import.SKIPPED]]
        return result

    def after_import_row(self, row, row_result, **kwargs):
        super().after_import_row(row, row_result, **kwargs)
        row_result.delegation = str(self.current.get("state") or self.current.get("organization") or "")
        row_result.changes = list(self.row_changes)
        row_result.number = kwargs.get("row_number")
        row_result.delegate_name = self.current.get("name", "")

    def dehydrate_entity(self, delegate):
        if delegate.participation_id:
            return str(delegate.participation)
        return str(self.current.get("state") or self.current.get("organization") or "")

    def dehydrate_capacity(self, delegate):
        if delegate.participation_id:
            return delegate.participation.capacity
        return self.current.get("capacity") or ""


def yes_no(value):
    return _("yes") if value else _("no")


class MeetingImportForm(ImportForm):
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), label=_("Meeting"))
    source = forms.ChoiceField(label=_("The file is"), choices=SOURCES, initial="auto", required=False)

    def clean_import_file(self):
        file = self.cleaned_data["import_file"]
        if file.size > MAX_FILE_SIZE:
            raise ValidationError(_("The file is larger than %(size)d MB: split it.") % {"size": MAX_FILE_SIZE >> 20})
        return file


class MeetingConfirmImportForm(ConfirmImportForm):
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), widget=forms.HiddenInput)
    previewed = forms.CharField(widget=forms.HiddenInput)
    source = forms.ChoiceField(choices=SOURCES, widget=forms.HiddenInput, required=False)
    replace_existing = forms.BooleanField(
        label=_("Also replace what the file changes in delegations already entered (marked “replaces what is there”)"),
        help_text=_("Without it, only new delegations and delegates are added and empty cells filled."),
        required=False,
    )


def delegations_version(meeting):
    """A fingerprint of the meeting's delegations and delegates as they are now: what a preview was made from."""
    rows = Delegate.objects.filter(participation__meeting=meeting).order_by("pk")
    delegates = list(rows.values_list("pk", "participation_id", "name", "function", "is_head"))
    delegations = list(
        Participation.objects.filter(meeting=meeting).order_by("pk").values_list("pk", "capacity", "version")
    )
    return hashlib.sha256(repr((delegations, delegates)).encode()).hexdigest()[:32]
