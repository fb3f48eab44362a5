"""What makes a long inline light: each select's choices built once per formset, autocomplete labels looked up
once for all rows, the rows rendered without indentation; and whether a request is a history revert."""

from django.contrib.admin.widgets import AutocompleteMixin
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.utils.functional import cached_property


class CachedChoicesFormSetMixin:
    """Builds each select's choices once for the whole formset instead of once per row.

    An inline's select of plenary meetings or documents otherwise runs its query for every row: the
    number of queries grew with the meeting. Autocomplete fields render only the chosen value; their
    labels are looked up once for all rows (see `LabelledAutocompleteMixin`).
    """

    @cached_property
    def _choices_cache(self):
        return {}

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        for name, formfield in form.fields.items():
            if not isinstance(formfield, (ModelChoiceField, ModelMultipleChoiceField)) or formfield.widget.is_hidden:
                continue  # the hidden key of the row lists no choices
            widget = getattr(formfield.widget, "widget", formfield.widget)
            if isinstance(widget, AutocompleteMixin):
                if not isinstance(widget, LabelledAutocompleteMixin):
                    widget.__class__ = _labelled(type(widget))
                widget.known_labels = self._autocomplete_labels(name, formfield)
                continue
            if name not in self._choices_cache:
                self._choices_cache[name] = list(formfield.choices)
            formfield.choices = self._choices_cache[name]
        return form

    def _autocomplete_labels(self, name, formfield):
        key = f"autocomplete:{name}"
        if key not in self._choices_cache:
            attname = self.model._meta.get_field(name).attname
            values = {getattr(obj, attname) for obj in self.get_queryset()} - {None}
            labels = {}
            if values:
                queryset = formfield.queryset.filter(pk__in=values)
                labels = {str(obj.pk): formfield.label_from_instance(obj) for obj in queryset}
            self._choices_cache[key] = labels
        return self._choices_cache[key]


class LabelledAutocompleteMixin:
    """An autocomplete select that takes the chosen value's label from `known_labels` when it is there."""

    known_labels = None

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.known_labels is None or not all(v in self.known_labels for v in selected):
            return super().optgroups(name, value, attr)
        default = (None, [], 0)
        if not self.is_required and not self.allow_multiple_selected:
            default[1].append(self.create_option(name, "", "", False, 0))
        for v in selected:
            default[1].append(self.create_option(name, v, self.known_labels[v], set(selected), len(default[1])))
        return [default]


_LABELLED = {}


def _labelled(widget_class):
    """The autocomplete widget class with labels known in advance."""
    if widget_class not in _LABELLED:
        _LABELLED[widget_class] = type(widget_class.__name__, (LabelledAutocompleteMixin, widget_class), {})
    return _LABELLED[widget_class]


class CompactTemplateMixin:
    """Renders the inline's own template without the indentation between tags (a third of a long list's bytes)."""

    compact_template = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.compact_template = self.template
        self.template = "admin/edit_inline/compact.html"


class CachedChoicesInlineMixin:
    """For the workspace's inlines: choices built once per formset."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (CachedChoicesFormSetMixin, formset), {})


def is_revert(request):
    """Whether the request is for the history's revert page of a record (<object_id>/history/<version_id>/)."""
    match = request.resolver_match
    return match is not None and (match.url_name or "").endswith("_simple_history")
