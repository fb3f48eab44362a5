"""The form every editable record is saved through: it refuses to overwrite a change made since it was opened."""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from caching import content_version
from core.diff import word_diff
from core.history import mirrored_fields
from core.text import clean_text


def describe_changes(model, pk, opened, current):
    """What was saved between version `opened` and version `current` of a record, as HTML."""
    records = model.history.filter(**{model._meta.pk.attname: pk}, version__in=[opened, current])
    records = records.select_related("history_user")
    by_version = {}
    for record in records.order_by("history_date"):
        by_version[record.version] = record
    latest = by_version.get(current)
    if latest is None:
        return ""
    who = latest.history_user or _("someone")
    when = date_format(localtime(latest.history_date), "j F Y, H:i")
    lines = []
    before = by_version.get(opened)
    if before is not None:
        delta = latest.diff_against(before, excluded_fields=["version", *mirrored_fields(model)])
        for change in delta.changes:
            label = capfirst(model._meta.get_field(change.field).verbose_name)
            old, new = word_diff(change.old if change.old is not None else "", change.new or "")
            lines.append((label, old, new))
    changes = format_html_join("", "<li><strong>{}</strong>: {} → {}</li>", lines)
    return format_html("{} ({}):<ul>{}</ul>", who, when, changes)


# The longest text of one field: a report's paragraph runs to a few thousand characters at most. Longer text
# made every PDF request run half a minute, and its history page and conflict message fail.
DRAFTED_TEXT_MAX_CHARS = 20_000


class DraftedTextLength(MaxLengthValidator):
    message = _lazy(
        "A text here holds at most %(limit_value)d characters and this one has %(show_value)d: "
        "split it into several paragraphs."
    )


class VersionedModelForm(forms.ModelForm):
    """Carries the version it was opened on; a save over a newer version is merged or refused, row by row.

    When the record changed since the form was opened, the form compares three versions: the one opened
    (from the record's history), the current one and the posted one.
    - This person changed nothing of the record: nothing of it is written (`has_changed()` is False).
    - They changed other fields than the other person did: only theirs are written over the current record.
    - Both changed a field: the save is refused with both texts; saving again replaces the other version.
    """

    _untouched = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        for name, field in self.fields.items():
            model_field = _concrete_field(model, name)
            if (
                isinstance(model_field, models.TextField)
                and isinstance(field, forms.CharField)
                and not field.max_length
            ):
                field.max_length = DRAFTED_TEXT_MAX_CHARS
                field.validators.append(DraftedTextLength(DRAFTED_TEXT_MAX_CHARS))
                field.widget.attrs["maxlength"] = str(DRAFTED_TEXT_MAX_CHARS)

    def has_changed(self):
        return False if self._untouched else super().has_changed()

    def clean(self):
        cleaned_data = super().clean()
        # Each text as it will be stored (core.text, the rule every save obeys): the record's own checks then
        # see it so, and a title of only a right-to-left override is refused here as empty, not by the database.
        for name, value in cleaned_data.items():
            if isinstance(value, str):
                cleaned_data[name] = clean_text(value)
        opened = cleaned_data.get("version")
        if self.instance.pk is None:
            if self._row_deleted_meanwhile():
                return cleaned_data
            cleaned_data["version"] = 0
            return cleaned_data
        if opened is None:
            # Posted without the hidden field (not by this form): nothing to compare, keep the count going.
            cleaned_data["version"] = self.instance.version
            return cleaned_data
        model = type(self.instance)
        # The content version's lock first, as every writing transaction takes it (caching/content_version.py),
        # without replacing it: a refused save leaves every cached page valid.
        content_version.lock()
        # Locks the row until this request's transaction ends, so two saves cannot both pass the check.
        current = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if current is None:
            raise ValidationError(
                _("Someone deleted this record after you opened it. Copy your text before you leave the page."),
                code="deleted",
            )
        if opened == current.version:
            return cleaned_data
        before = opened_version(model, self.instance.pk, opened)
        if before is not None:
            mine = self._fields_changed_since(before)
            theirs = {
                name for name in self._model_fields() if _value(model, name, before) != _value(model, name, current)
            }
            if not mine:
                self._untouched = True
                cleaned_data["version"] = current.version
                return cleaned_data
            if not (mine & theirs) and not ("DELETE" in mine and theirs):
                for name in theirs:
                    cleaned_data[name] = getattr(current, name)
                cleaned_data["version"] = current.version
                return cleaned_data
            both = sorted(mine & theirs)
        else:
            both = []
        changes = describe_changes(model, self.instance.pk, opened, current.version)
        yours = format_html_join(
            "",
            "<li><strong>{}</strong>, {}: {}</li>",
            [
                (capfirst(model._meta.get_field(name).verbose_name), _("your text"), self[name].data or "")
                for name in both
                if name != "DELETE"
            ],
        )
        # The page now carries the version it shows, so saving again replaces theirs knowingly.
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = current.version
        raise ValidationError(
            format_html(
                "{} {} {} {}",
                _("Not saved: this record was changed by someone else after you opened it."),
                changes,
                format_html("<ul>{}</ul>", yours) if both else "",
                _(
                    "Your text is still in the form. Compare it with theirs, then save again to replace "
                    "their version with yours, or reload the page to start from theirs."
                ),
            ),
            code="conflict",
        )

    def _row_deleted_meanwhile(self):
        """A row of an inline that someone deleted after the page was opened (its posted id is no record).

        Django refused it with an error on the hidden id field, which the page does not show. A row this
        person did not change simply goes; a row they changed is refused with a message they can see, and
        their text stays in the form. Either way the page saves again once they have taken their text.
        """
        pk_name = type(self.instance)._meta.pk.name
        if pk_name not in self.fields or pk_name not in self.errors:
            return False
        posted = self[pk_name].data
        if not posted:
            # The deleted row, reported on the page before: saving again leaves it out.
            del self._errors[pk_name]
            self._untouched = True
            return True
        model = type(self.instance)
        before = opened_version(model, posted, self["version"].data) if "version" in self.fields else None
        del self._errors[pk_name]
        self.data = self.data.copy()
        self.data[self.add_prefix(pk_name)] = ""  # saving again leaves the deleted row out
        if before is not None and not self._fields_changed_since(before) - {pk_name}:
            self._untouched = True
            return True
        raise ValidationError(
            _(
                "Someone deleted this record after you opened it, so it was not saved. Your text is still "
                "below: copy it into a new row if it is still needed, then save again."
            ),
            code="deleted",
        )

    def _model_fields(self):
        """The form's fields that are the record's own columns (not many-to-many, not the version)."""
        names = []
        for name in self.fields:
            field = _concrete_field(type(self.instance), name)
            if field is not None and name != "version" and not field.primary_key:
                names.append(name)
        return names

    def _fields_changed_since(self, before):
        """The fields this person changed from the version they opened (`before`)."""
        model = type(self.instance)
        changed = set()
        for name in self.fields:
            if name == "version":
                continue
            bound = self[name]
            field = _concrete_field(model, name)
            # What is not kept in the history (a choice of rows, DELETE) is compared with today's.
            initial = bound.initial if field is None or field.primary_key else field.value_from_object(before)
            if bound.field.has_changed(initial, bound.data):
                changed.add(name)
        return changed


def _concrete_field(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "concrete", False) and not field.many_to_many else None


def _value(model, name, obj):
    return model._meta.get_field(name).value_from_object(obj)


def opened_version(model, pk, version):
    """The record as it was at `version`, from its history; None when the history does not have it."""
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager is None:
        return None
    try:
        record = (
            getattr(model, manager)
            .filter(**{model._meta.pk.attname: pk}, version=version)
            .order_by("-history_date", "-history_id")
            .first()
        )
    except (ValueError, TypeError, ValidationError):
        return None  # a posted id or version that is no number: nothing to compare with
    return None if record is None else record.instance
