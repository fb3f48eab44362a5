"""Turns an admin change page into the POST data its form would send, so tests can edit one field."""


def _value(field, bound):
    value = bound.value()
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if hasattr(field.widget, "decompress") and not isinstance(value, str):
        return value
    return value


def form_data(response):
    """The data the admin page's main form and every inline would post, unchanged."""
    data = {}
    context = response.context
    adminform = context["adminform"].form
    for name, field in adminform.fields.items():
        value = _value(field, adminform[name])
        if not (value is None or value is False or value == ""):
            data[adminform.add_prefix(name)] = value
    # The history form of a past version has no inlines.
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            value = management[name].value()  # a refused page's form is bound: what it was posted with
            if value is not None:
                data[f"{formset.prefix}-{name}"] = value
        for form in formset.initial_forms:
            for name, field in form.fields.items():
                value = _value(field, form[name])
                if not (value is None or value is False or value == ""):
                    data[form.add_prefix(name)] = value
    return data


def add_inline_row(data, prefix, **fields):
    """Appends a new row to an inline's posted data, as the admin's "Add another" link does."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for name, value in fields.items():
        data[f"{prefix}-{total}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = total + 1
    return data
