"""The form every editable record is saved through: it refuses to overwrite a change made since it was opened."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from congress import content_version
from workflow.diff import word_diff
from workflow.history import mirrored_fields


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


class VersionedModelForm(forms.ModelForm):
    """Carries the version it was opened on; a save over a newer version is refused with what changed."""

    def clean(self):
        cleaned_data = super().clean()
        opened = cleaned_data.get("version")
        if self.instance.pk is None:
            cleaned_data["version"] = 0
            return cleaned_data
        if opened is None:
            # Posted without the hidden field (not by this form): nothing to compare, keep the count going.
            cleaned_data["version"] = self.instance.version
            return cleaned_data
        model = type(self.instance)
        # The content version's lock first, as every writing transaction takes it (congress/content_version.py).
        content_version.bump()
        # Locks the row until this request's transaction ends, so two saves cannot both pass the check.
        current = (
            model._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is None:
            raise ValidationError(
                _("Someone deleted this record after you opened it. Copy your text before you leave the page."),
                code="deleted",
            )
        if opened != current:
            changes = describe_changes(model, self.instance.pk, opened, current)
            # The page now carries the version it shows, so saving again replaces theirs knowingly.
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = current
            raise ValidationError(
                format_html(
                    "{} {} {}",
                    _("Not saved: this record was changed by someone else after you opened it."),
                    changes,
                    _(
                        "Your text is still in the form. Compare it with theirs, then save again to replace "
                        "their version with yours, or reload the page to start from theirs."
                    ),
                ),
                code="conflict",
            )
        return cleaned_data
