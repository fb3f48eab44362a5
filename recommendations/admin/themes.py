"""The Congress secretariat gives recommendations their themes in bulk, for the compilation (compilation room):
select rows on the recommendations' list, "Give themes…", tick the themes, add or take them away.

Themes are the Congress's classification, not the report's text: they may be given after a meeting adopts its
report (that is when the compilation is made), and only the secretariat gives them.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from congress.models import Theme
from workflow import roles


class ThemesForm(forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    change = forms.ChoiceField(
        label=_("Change"),
        choices=[("add", _("Add these themes")), ("remove", _("Take these themes away"))],
        initial="add",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, congresses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(congress__in=congresses).select_related("congress")


@admin.action(description=_("Give themes…"))
def give_themes(modeladmin, request, queryset):
    if not roles.is_secretariat(request.user):
        raise PermissionDenied
    recommendations = queryset.select_related("discussion__meeting")
    congresses = {r.discussion.meeting.congress_id for r in recommendations}
    form = ThemesForm(request.POST if "apply" in request.POST else None, congresses=congresses)
    if form.is_valid():
        themes = list(form.cleaned_data["themes"])
        # A theme of another Congress is never offered (the form's choices), so every pairing is of one Congress.
        with transaction.atomic():
            for recommendation in recommendations:
                mine = [t for t in themes if t.congress_id == recommendation.discussion.meeting.congress_id]
                if form.cleaned_data["change"] == "add":
                    recommendation.themes.add(*mine)
                else:
                    recommendation.themes.remove(*mine)
        count = len(recommendations)
        modeladmin.message_user(
            request,
            ngettext(
                "Themes changed on %(count)d recommendation.", "Themes changed on %(count)d recommendations.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": _("Give themes to the recommendations"),
        "form": form,
        "recommendations": recommendations,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "no_themes": not form.fields["themes"].queryset.exists(),
    }
    return TemplateResponse(request, "admin/recommendations/recommendation/give_themes.html", context)
