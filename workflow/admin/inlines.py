"""What makes a long inline light: each select's choices built once per formset, autocomplete labels looked up
once for all rows, the rows rendered without indentation; and whether a request is a history revert."""

from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.forms.utils import ErrorDict
from django.utils.functional import SimpleLazyObject, cached_property


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


class UnchangedRowsFormSetMixin:
    """A save checks and writes only the rows that changed: an unchanged row of a long list is not cleaned again.

    Cleaning a row costs queries (its choices, its version check, its record's own rules): a list of a thousand
    delegations took thousands of queries and seconds to save when one row was edited. A row posted exactly as
    the page showed it is its record as stored, which passed those checks when it was saved; Django's formset
    writes only the rows that changed anyway. An unchanged row keeps its record's values as its cleaned data, so
    the formset's own rules (one Chair…) still see every row.
    """

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if form.is_bound and i < self.initial_form_count() and form.instance.pk is not None:
            form.full_clean = _unchanged_or_cleaned(form, self)
        return form


def _unchanged_or_cleaned(form, formset):
    full_clean = form.full_clean

    def clean():
        if form.has_changed():
            return full_clean()
        form._errors = ErrorDict(renderer=form.renderer)
        form.cleaned_data = {name: _stored(form, formset, name) for name in form.fields}
        return None

    return clean


def _stored(form, formset, name):
    """The value of field `name` of an unchanged row: its record's, as cleaning would have given it."""
    instance = form.instance
    if name == instance._meta.pk.name:
        return instance
    if name == formset.fk.name:
        return formset.instance
    if name == "DELETE":
        return False
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:  # a form's own field, not the record's
        return form.initial.get(name)
    if field.many_to_many:
        return form.initial.get(name)
    if field.is_relation:  # read only if a rule asks for it: no query per row otherwise
        return SimpleLazyObject(lambda: getattr(instance, field.name))
    return getattr(instance, field.name)


class PagedFormSetMixin:
    """A formset of one page of its rows: `per_page` of them, the page `page_number` (1 when not a number).

    A row posted that is no longer on the page (rows added or deleted meanwhile) is still found by its key.
    On a sortable list, dragging numbers the page's rows 1, 2, 3…; the rows take back the page's own order
    numbers in their new sequence, so a page's rows never move to another page by being dragged.
    """

    per_page = 100
    page_number = 1
    page = None

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            self._all_rows = super().get_queryset()
            self.page = Paginator(self._all_rows, self.per_page).get_page(self.page_number)
            rows = self.page.object_list
            len(rows)  # evaluated once: every row's form reads it by position
            self._queryset = rows
        return self._queryset

    def page_numbers(self):
        """The pages to link to: the first and last, and those around this one."""
        return self.page.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1)

    def _existing_object(self, pk):
        found = super()._existing_object(pk)
        if found is None and pk not in ("", None):
            try:
                found = self._all_rows.filter(pk=pk).first()
            except (TypeError, ValueError, ValidationError):
                return None
            if found is not None:
                self._object_dict[found.pk] = found
        return found

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Before any row's form is made: each form keeps the data it was made with.
        if self.is_bound and getattr(self, "default_order_field", None):
            self.get_queryset()
            if self.page.paginator.num_pages > 1:
                self._keep_order_within_page()

    def _keep_order_within_page(self):
        field = self.default_order_field
        pk_name = self.model._meta.pk.name
        to_python = self._get_to_python(self.model._meta.pk)
        posted = []
        for i in range(min(self.initial_form_count(), self.total_form_count())):
            form_prefix = self.add_prefix(i)
            try:
                record = self._existing_object(to_python(self.data.get(f"{form_prefix}-{pk_name}")))
            except ValidationError:
                record = None
            try:
                order = int(self.data.get(f"{form_prefix}-{field}"))
            except (TypeError, ValueError):
                return  # not a drag's numbers: cleaning says what is wrong
            if record is not None:
                posted.append((order, i, getattr(record, field)))
        slots = sorted(stored for _order, _i, stored in posted)
        self.data = self.data.copy()
        for slot, (_order, i, _stored) in zip(slots, sorted(posted), strict=True):
            self.data[f"{self.add_prefix(i)}-{field}"] = str(slot)


class PagedInlineMixin:
    """An inline shown `per_page` rows at a time, with links to its other pages (`?page=2`): a long list (the
    delegations, a discussion's paragraphs) costs the same to show and to save whatever its length."""

    per_page = 100
    page_parameter = "page"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        attributes = {"per_page": self.per_page, "page_number": request.GET.get(self.page_parameter) or 1}
        return type(formset.__name__, (PagedFormSetMixin, formset), attributes)
