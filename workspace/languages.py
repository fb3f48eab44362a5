"""The language versions of a meeting in its admin: how many texts each language has, the aligned view, XLIFF.

`MeetingLanguagesMixin` goes on the meeting's model admin. It adds
- `language_versions`, a read-only field: per language, the texts translated out of all, with links;
- `<id>/languages/aligned/?left=en&right=es`: each text of the report in two languages side by side;
- `<id>/languages/<language>.xlf`: the language version as XLIFF 1.2 for translators;
- `<id>/languages/import/`: a translated XLIFF file back in (POST).
Every view answers only for a meeting the user may see (the admin's own scope), and an import only
changes what the user's role on the meeting allows.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import display
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from languages.codes import COPY_LANGUAGES, LANGUAGES, language_name
from languages.xliff import XliffRefused, xliff_language
from report.language_versions import (
    export_xliff,
    import_xliff,
    missing_in,
    original_language,
    texts_of,
    translation_status,
)
from workflow import roles

RTL = {"ar"}


class XliffImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Translated XLIFF file"))


class MeetingLanguagesMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/languages/aligned/", view(self.aligned_view), name=f"{name}_aligned"),
            path("<path:object_id>/languages/import/", view(self.xliff_import_view), name=f"{name}_xliff_import"),
            path(
                "<path:object_id>/languages/<str:language>.xlf",
                view(self.xliff_export_view),
                name=f"{name}_xliff_export",
            ),
            *super().get_urls(),
        ]

    def _meeting(self, request, object_id):
        meeting = self.get_object(request, unquote(object_id))  # None outside the user's scope
        if meeting is None or not self.has_view_permission(request, meeting):
            raise Http404(_("There is no such meeting."))
        return meeting

    @staticmethod
    def _language(code):
        code = (code or "").replace("-", "_").lower()
        if code not in COPY_LANGUAGES:
            raise Http404(_("There is no such language."))
        return code

    # The table on the meeting's page ---------------------------------------------------------

    @display(description=gettext_lazy("Language versions"))
    def language_versions(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        rows = []
        original = original_language(obj)
        for row in translation_status(obj):
            code = row["language"]
            aligned = reverse("admin:meetings_meeting_aligned", args=[obj.pk]) + f"?left={original}&right={code}"
            xliff = reverse("admin:meetings_meeting_xliff_export", args=[obj.pk, code])
            links = (
                format_html('<a href="{}">{}</a>', aligned, _("Aligned view"))
                if row["is_original"]
                else format_html(
                    '<a href="{}">{}</a> · <a href="{}" download>{}</a>', aligned, _("Aligned view"), xliff, "XLIFF"
                )
            )
            rows.append(
                (
                    row["name"],
                    _("original") if row["is_original"] else "",
                    row["translated"],
                    row["total"],
                    row["missing"],
                    links,
                )
            )
        body = format_html_join(
            "", "<tr><th scope='row'>{} {}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows
        )
        import_url = reverse("admin:meetings_meeting_xliff_import", args=[obj.pk])
        return format_html(
            '<table class="language-versions"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody>'
            '</table><p><a href="{}">{}</a></p>',
            _("Language"),
            _("Texts in this language"),
            _("Texts in all"),
            _("Missing"),
            _("Work on it"),
            body,
            import_url,
            _("Import a translated XLIFF file"),
        )

    # Aligned view ----------------------------------------------------------------------------

    def aligned_view(self, request, object_id):
        meeting = self._meeting(request, object_id)
        original = original_language(meeting)
        left = self._language(request.GET.get("left") or original)
        right = self._language(request.GET.get("right") or next(c for c in COPY_LANGUAGES if c != left))
        names = dict(LANGUAGES)
        texts = texts_of(meeting)
        # "What is missing": only the texts the right-hand language lacks, the same ones the table counts.
        only_missing = request.GET.get("missing") == "1"
        shown = {text.unit_id for text in missing_in(meeting, right, texts)} if only_missing else None
        rows = [
            {
                "number": number,
                "where": text.where,
                "left": text.value(left),
                "right": text.value(right),
                "required": text.required,
                "change_url": self._change_url(text.record),
            }
            for number, text in enumerate(texts, start=1)
            if shown is None or text.unit_id in shown
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "title": _("Language versions of %(meeting)s side by side") % {"meeting": meeting.symbol},
            "rows": rows,
            "languages": LANGUAGES,
            "left": {"code": left, "name": names[left], "lang": xliff_language(left), "rtl": left in RTL},
            "right": {
                "code": right,
                "name": names[right],
                "in_sentence": language_name(right),
                "lang": xliff_language(right),
                "rtl": right in RTL,
            },
            "missing": len(missing_in(meeting, right, texts)),
            "only_missing": only_missing,
        }
        return TemplateResponse(request, "admin/meetings/meeting/aligned.html", context)

    def _change_url(self, record):
        try:
            return reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk])
        except NoReverseMatch:  # a model without its own admin page
            return ""

    # XLIFF ------------------------------------------------------------------------------------

    def xliff_export_view(self, request, object_id, language):
        meeting = self._meeting(request, object_id)
        language = self._language(language)
        response = HttpResponse(export_xliff(meeting, language), content_type="application/x-xliff+xml")
        name = meeting.symbol.replace("/", "-")
        response["Content-Disposition"] = f'attachment; filename="{name}.{xliff_language(language)}.xlf"'
        return response

    def xliff_import_view(self, request, object_id):
        meeting = self._meeting(request, object_id)
        change_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
        if meeting.report_is_adopted:
            messages.error(request, roles.frozen_message(meeting))
            return HttpResponseRedirect(change_url)
        form = XliffImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = import_xliff(
                    meeting,
                    form.cleaned_data["file"].read(),
                    may_change=lambda model: roles.may(request.user, "change", model, meeting),
                )
            except XliffRefused as refusal:
                form.add_error("file", str(refusal))
            else:
                messages.success(
                    request,
                    _("Texts imported into the %(language)s version: %(count)d.")
                    % {"count": result.changed, "language": dict(LANGUAGES)[result.language]},
                )
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "title": _("Import a translated XLIFF file for %(meeting)s") % {"meeting": meeting.symbol},
            "form": form,
        }
        return TemplateResponse(request, "admin/meetings/meeting/xliff_import.html", context)
