from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the meetings"),
        max_length=200,
        required=False,  # an empty search shows the form, not an error
        widget=forms.SearchInput(attrs={"placeholder": _("e.g. cybercrime")}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = reverse_lazy("search")
        self.helper.attrs = {"role": "search"}
        # A plain button: the query string carries only the words searched for.
        self.helper.layout = Layout(Field("q"), StrictButton(_("Search"), type="submit", css_class="btn-primary"))
