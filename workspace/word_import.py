"""Import from Word, in the meeting's workspace: a draft of the report or a translation, previewed, then confirmed.

`<id>/word/import/` takes a .docx file and a language (the meeting's original: a draft; another: a
translation) and shows what it would do (report/word_import.py): every text changed with a word diff, every
record created, the texts in conflict side by side with a box to tick, and what it could not place. The file
waits in the cache under a token for the confirmation, which writes it in one transaction if the report has
not changed since the preview.
"""

import secrets

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from languages.codes import COPY_LANGUAGES, LANGUAGES, language_name
from languages.xliff import xliff_language
from report.language_versions import original_language, original_languages
from report.word_import import check_permissions, confirm, preview
from report.word_reading import MAX_BYTES, WordRefused, too_large
from workflow import roles
from workspace.upload_size import refused_when_larger

# How long a previewed file waits for its confirmation.
KEPT_FOR = 60 * 60


class WordImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Word file (.docx)"))
    language = forms.ChoiceField(label=gettext_lazy("Language of the file"))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(LANGUAGES)
        original = original_language(meeting)
        others = [code for code in COPY_LANGUAGES if code not in original_languages(meeting)]
        self.fields["language"].choices = [
            (original, _("%(language)s: the draft, in the original language") % {"language": names[original]}),
            *((code, _("%(language)s: a translation") % {"language": names[code]}) for code in others),
        ]
        self.fields["language"].initial = original

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_BYTES:  # known from the upload, before the file is read
            raise forms.ValidationError(too_large())
        return file


class WordImportMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/word/import/",
                view(refused_when_larger(self.word_import_view, MAX_BYTES, self._word_too_large_page)),
                name=f"{name}_word_import",
            ),
            *super().get_urls(),
        ]

    def _word_too_large_page(self, request, object_id):
        meeting = self._meeting(request, object_id)
        return self._word_page(request, meeting, WordImportForm(meeting=meeting), error=too_large(), status=413)

    def word_import_view(self, request, object_id):
        meeting = self._meeting(request, object_id)
        back = reverse("admin:meetings_meeting_change", args=[meeting.pk])
        if meeting.report_is_adopted:
            messages.error(request, roles.frozen_message(meeting))
            return HttpResponseRedirect(back)
        if request.method == "POST" and "confirm" in request.POST:
            return self._word_confirm(request, meeting, back)
        form = WordImportForm(request.POST or None, request.FILES or None, meeting=meeting)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data["file"].read()
            language = form.cleaned_data["language"]
            try:
                result = preview(meeting, data, language)
                check_permissions(request.user, meeting, result)
            except WordRefused as refusal:
                form.add_error("file", str(refusal))
            else:
                token = secrets.token_urlsafe(16)
                cache.set(_cache_key(request, meeting, token), data, KEPT_FOR)
                return self._word_preview(request, meeting, result, token)
        return self._word_page(request, meeting, form)

    def _word_confirm(self, request, meeting, back):
        token = request.POST.get("token", "")
        data = cache.get(_cache_key(request, meeting, token)) if token else None
        if data is None:
            messages.error(request, _("The previewed file is no longer kept: upload it again; nothing was written."))
            return HttpResponseRedirect(reverse("admin:meetings_meeting_word_import", args=[meeting.pk]))
        language = self._language(request.POST.get("language"))
        try:
            result = confirm(
                meeting,
                data,
                request.POST.get("fingerprint", ""),
                language,
                user=request.user,
                overwrite=set(request.POST.getlist("replace")),
            )
        except WordRefused as refusal:
            messages.error(request, str(refusal))
            try:
                result = preview(meeting, data, language)
            except WordRefused:
                return HttpResponseRedirect(back)
            return self._word_preview(request, meeting, result, token)
        cache.delete(_cache_key(request, meeting, token))
        replaced = len(set(request.POST.getlist("replace")) & {c.unit_id for c in result.changes})
        messages.success(
            request,
            _(
                "%(language)s: texts changed: %(changed)d; records created: %(created)d; texts in conflict replaced: "
                "%(replaced)d, kept: %(kept)d; not placed: %(unplaced)d."
            )
            % {
                "language": language_name(language),
                "changed": len(result.changes) - replaced,
                "created": len(result.created),
                "replaced": replaced,
                "kept": len(result.conflicts),
                "unplaced": len(result.unplaced),
            },
        )
        return HttpResponseRedirect(back)

    def _word_preview(self, request, meeting, result, token):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "title": _("What the Word file would change in %(document)s") % {"document": result.document},
            "result": result,
            "token": token,
            "language": {
                "code": result.language,
                "name": language_name(result.language),
                "lang": xliff_language(result.language),
                "rtl": result.language == "ar",
            },
        }
        return TemplateResponse(request, "admin/meetings/meeting/word_preview.html", context)

    def _word_page(self, request, meeting, form, error="", status=200):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "title": _("Import from Word into %(meeting)s") % {"meeting": meeting.symbol},
            "form": form,
            "error": error,
        }
        return TemplateResponse(request, "admin/meetings/meeting/word_import.html", context, status=status)


def _cache_key(request, meeting, token):
    return f"word-import:{meeting.pk}:{request.user.pk}:{token}"
