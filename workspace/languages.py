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
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from languages.codes import COPY_LANGUAGES, LANGUAGES, language_name
from languages.xliff import MAX_BYTES, Unit, XliffRefused, xliff_language
from report.language_versions import (
    export_xliff,
    import_units,
    import_xliff,
    missing_in,
    original_language,
    texts_of,
    translation_status,
)
from workflow import roles
from workspace.upload_size import refused_when_larger

RTL = {"ar"}
# The texts on one page of the aligned view.
ALIGNED_PER_PAGE = 150
# The most conflicts one page offers to choose from; a file with more is imported again once these are settled.
MAX_CONFLICTS = 1000


class XliffImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Translated XLIFF file"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_BYTES:  # known from the upload, before the file is read
            raise forms.ValidationError(too_large())
        return file


class MeetingLanguagesMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/languages/aligned/", view(self.aligned_view), name=f"{name}_aligned"),
            path(
                "<path:object_id>/languages/import/",
                view(refused_when_larger(self.xliff_import_view, MAX_BYTES, self._too_large_page)),
                name=f"{name}_xliff_import",
            ),
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
        word_url = reverse("admin:meetings_meeting_word_import", args=[obj.pk])
        return format_html(
            '<table class="language-versions"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody>'
            '</table><p><a href="{}">{}</a> · <a href="{}">{}</a></p>',
            _("Language"),
            _("Texts in this language"),
            _("Texts in all"),
            _("Missing"),
            _("Work on it"),
            body,
            import_url,
            _("Import a translated XLIFF file"),
            word_url,
            _("Import from Word"),
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
        numbered = [
            (number, text) for number, text in enumerate(texts, start=1) if shown is None or text.unit_id in shown
        ]
        # A page of texts at a time: a meeting's report in two languages side by side is megabytes.
        page = Paginator(numbered, ALIGNED_PER_PAGE).get_page(request.GET.get("page"))
        rows = [
            {
                "number": number,
                "where": text.where,
                "left": text.value(left),
                "right": text.value(right),
                "required": text.required,
                "change_url": self._change_url(text.record),
            }
            for number, text in page.object_list
        ]
        query = {"left": left, "right": right, **({"missing": "1"} if only_missing else {})}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "title": _("Language versions of %(meeting)s side by side") % {"meeting": meeting.symbol},
            "rows": rows,
            "page": page,
            "page_numbers": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "page_query": urlencode(query) + "&",
            "languages": LANGUAGES,
            "left": {"code": left, "name": names[left], "lang": xliff_language(left), "rtl": left in RTL},
            "right": {
                "code": right,
                "name": names[right],
                "in_sentence": language_name(right),
                "lang": xliff_language(right),
                "rtl": right in RTL,
            },
            "missing": len(missing_in(meeting, right, texts)) if shown is None else len(shown),
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
        # Quoted as the report's downloads are (report.downloads): the symbol is edited in the admin.
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.{xliff_language(language)}.xlf")
        return response

    def _too_large_page(self, request, object_id):
        meeting = self._meeting(request, object_id)
        return self._import_page(request, meeting, XliffImportForm(), error=too_large(), status=413)

    def xliff_import_view(self, request, object_id):
        meeting = self._meeting(request, object_id)
        change_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
        if meeting.report_is_adopted:
            messages.error(request, roles.frozen_message(meeting))
            return HttpResponseRedirect(change_url)
        if request.method == "POST" and "resolve" in request.POST:
            return self._resolve_conflicts(request, meeting, change_url)
        form = XliffImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = import_xliff(meeting, form.cleaned_data["file"].read(), user=request.user)
            except XliffRefused as refusal:
                form.add_error("file", str(refusal))
            else:
                return self._imported(request, meeting, result, change_url)
        return self._import_page(request, meeting, form)

    def _resolve_conflicts(self, request, meeting, change_url):
        """Applies the conflicts the person ticked, each only if its text is still the one they saw."""
        chosen = set(request.POST.getlist("apply"))
        # A browser posts every line break as CRLF; the file's text, read as XML, had LF only.
        units = [
            Unit(
                id=request.POST.get(f"id-{n}", ""),
                source=None,
                source_version=request.POST.get(f"source-{n}", ""),
                target=request.POST.get(f"text-{n}", "").replace("\r\n", "\n"),
                version=request.POST.get(f"seen-{n}", ""),
            )
            for n in range(_count(request.POST.get("conflicts")))
            if str(n) in chosen
        ]
        try:
            result = import_units(meeting, units, self._language(request.POST.get("language")), user=request.user)
        except XliffRefused as refusal:
            messages.error(request, str(refusal))
            return HttpResponseRedirect(change_url)
        return self._imported(
            request, meeting, result, change_url, kept=_count(request.POST.get("conflicts")) - len(units)
        )

    def _imported(self, request, meeting, result, change_url, kept=0):
        """The summary and the refused units as messages; the conflicts, if any, on a page to choose from."""
        messages.success(request, summary(result, kept=kept))
        for refusal in result.refused:
            messages.warning(
                request,
                _("%(where)s (%(unit)s) was not imported: %(reason)s")
                % {"where": refusal.where, "unit": refusal.unit_id, "reason": refusal.reason},
            )
        if not result.conflicts:
            return HttpResponseRedirect(change_url)
        language = result.language
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "title": _("Texts changed since the file was exported: %(meeting)s") % {"meeting": meeting.symbol},
            "conflicts": result.conflicts,
            "language": {"code": language, "name": language_name(language), "lang": xliff_language(language)},
            "rtl": language in RTL,
        }
        return TemplateResponse(request, "admin/meetings/meeting/xliff_conflicts.html", context)

    def _import_page(self, request, meeting, form, error="", status=200):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "title": _("Import a translated XLIFF file for %(meeting)s") % {"meeting": meeting.symbol},
            "form": form,
            "error": error,
        }
        return TemplateResponse(request, "admin/meetings/meeting/xliff_import.html", context, status=status)


def _count(value):
    try:
        return max(0, min(int(value or 0), MAX_CONFLICTS))
    except ValueError:
        return 0


def too_large():
    return _("The file is larger than 20 MB: it cannot be an XLIFF file of one meeting.")


def summary(result, kept=0):
    """One line: what an import did, in counts."""
    return _(
        "%(language)s version: texts imported: %(applied)d; unchanged: %(unchanged)d; in conflict, kept as "
        "they are: %(kept)d; in conflict, replaced by the file's: %(replaced)d; refused: %(refused)d."
    ) % {
        "language": language_name(result.language),
        "applied": result.applied,
        "unchanged": result.unchanged,
        "kept": len(result.conflicts) + kept,
        "replaced": result.conflicts_applied,
        "refused": len(result.refused),
    }
