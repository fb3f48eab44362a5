"""The language versions of a record in the admin: the original language first, the others behind one control.

`LanguageVersionsMixin` goes before modeltranslation's `TranslationAdmin` or `TranslationStackedInline`:

    class MeetingParagraphAdmin(LanguageVersionsMixin, ContentAdmin, TranslationAdmin): ...

The form then shows each translated field once, in the original language of the record's meeting (English
for a registry or the Congress), and puts the other five languages of every translated field in one
collapsed fieldset, "Other languages" (Django renders it as a <details> element: no script, nothing
loaded from elsewhere). The original language's version is the required one, as the drafter writes it;
the others may stay empty until translated.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.history import translated_fields
from languages import versions
from languages.codes import field_suffix

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def translated_name(db_field):
    """ "title" for any language's copy of it (title_en, title_es…), which modeltranslation hands to the admin."""
    return getattr(db_field, "translated_field", db_field).name


def original_language_of(obj):
    """The copy suffix of the language a record was drafted in: its meeting's original language, English for
    anything else (languages.versions.original_language_of)."""
    return field_suffix(versions.original_language_of(obj) if obj is not None else DEFAULT_LANGUAGE)


class LanguageVersionsMixin:
    other_languages_title = _("Other languages")
    # An inline of many rows (a discussion's paragraphs) sets this False: six boxes per row would make the
    # screen six times heavier. Its rows then carry the original language only; the other languages are
    # edited on each record's own page, in the meeting's aligned view or by XLIFF, and a save of the
    # list leaves them as they are (fields not on a form are not written).
    other_languages_in_rows = True
    # Translated fields whose every copy a row shows, the original language's first (a title is short: the
    # documents' and the agenda's screens take every language of their titles in the one save of the screen).
    every_language_in_rows = ()

    def original_language(self, request, obj):
        """For a model admin `obj` is the record, for an inline its parent: both lead to the meeting. A new
        record (an add page, reached from the meeting's workspace with ?meeting=…) takes the meeting it is for."""
        return original_language_of(obj if obj is not None else self.meeting_being_added_to(request))

    def meeting_being_added_to(self, request):
        """The meeting an add page is for, from its address or its form, if the model belongs to a meeting."""
        meetings = None
        for model in (self.model, getattr(self, "parent_model", None)):  # an inline's parent has the meeting
            try:
                meetings = model._meta.get_field("meeting").related_model
                break
            except (FieldDoesNotExist, AttributeError):
                continue
        pk = request.POST.get("meeting") or request.GET.get("meeting")
        if meetings is None:
            return None
        if not pk or not str(pk).isdigit():
            return None
        return meetings._default_manager.filter(pk=pk).first()

    def _copies(self):
        """{per-language copy: (translated field, its language)} for this admin's model."""
        return {
            copy.name: (original, copy.language.replace("-", "_"))
            for original, copies in translated_fields(self.model).items()
            for copy in copies
        }

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        copies = self._copies()
        if not copies:
            return fieldsets
        original = self.original_language(request, obj)
        fieldsets = self._in_original_language(fieldsets, copies, original)
        shown, others = [], []

        def keep(name):
            if name in copies and copies[name][0] in self.every_language_in_rows:
                return True
            if name in copies and copies[name][1] != original:
                others.append(name)
                return False
            return True

        for title, options in fieldsets:
            fields = []
            for entry in options.get("fields", ()):
                if isinstance(entry, (list, tuple)):
                    kept = self._original_first([name for name in entry if keep(name)], copies, original)
                    if kept:
                        fields.append(tuple(kept) if len(kept) > 1 else kept[0])
                elif keep(entry):
                    fields.append(entry)
            if fields:
                shown.append((title, {**options, "fields": fields}))
        if others and self.other_languages_in_rows:
            # Grouped by language, so that a translator finds every field of theirs together.
            order = [field_suffix(code) for code, _name in settings.LANGUAGES]
            others.sort(key=lambda name: order.index(copies[name][1]))
            shown.append((self.other_languages_title, {"classes": ["collapse"], "fields": others}))
        return shown

    @staticmethod
    def _original_first(names, copies, original):
        """A row of one field's copies in every language: the original language's first, then the others as
        the site lists the languages."""
        order = [field_suffix(code) for code, _name in settings.LANGUAGES]
        positions = [i for i, name in enumerate(names) if name in copies]
        if len({copies[names[i]][0] for i in positions}) != 1 or len(positions) < 2:
            return names
        ranked = sorted(
            (names[i] for i in positions),
            key=lambda name: (copies[name][1] != original, order.index(copies[name][1])),
        )
        names = list(names)
        for i, name in zip(positions, ranked, strict=True):
            names[i] = name
        return names

    @staticmethod
    def _in_original_language(fieldsets, copies, original):
        """A screen that names one copy of a field (`ORIGINAL("title")`, the English one) means the copy in the
        original language: a Spanish meeting's agenda is typed into title_es, not into title_en."""
        named = {
            name
            for _title, options in fieldsets
            for entry in options.get("fields", ())
            for name in (entry if isinstance(entry, (list, tuple)) else [entry])
        }
        lone = {}
        for name in named:
            if name in copies:
                translated = copies[name][0]
                siblings = [copy for copy, (field, _language) in copies.items() if field == translated]
                if len([copy for copy in siblings if copy in named]) == 1:
                    lone[name] = build_localized_fieldname(translated, original)

        def rename(entry):
            if isinstance(entry, (list, tuple)):
                return type(entry)(lone.get(name, name) for name in entry)
            return lone.get(entry, entry)

        if not lone:
            return fieldsets
        return [
            (title, {**options, "fields": [rename(entry) for entry in options.get("fields", ())]})
            for title, options in fieldsets
        ]

    def _require_original(self, form_class, original):
        """The original language's copy is required where the field itself is; no other copy is."""
        fields = form_class.base_fields
        for translated in translated_fields(self.model):
            model_field = self.model._meta.get_field(translated)
            required = not model_field.blank
            for language in [code for code, _name in settings.LANGUAGES]:
                name = build_localized_fieldname(translated, language)
                if name in fields:
                    fields[name].required = required and field_suffix(language) == original

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        self._require_original(form, self.original_language(request, obj))
        return form

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        self._require_original(formset.form, self.original_language(request, obj))
        return formset
