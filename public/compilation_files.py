"""The compilation's files (Word, PDF, XLSX, JSON), written by the jobs in the worker and served as the report's
are (jobs/serving.py): the file, or at once 202 and a page saying it is being prepared, or 503 while a failed one
waits. The request never compiles.

A file is one `jobs.models.Export` row of `Kind.COMPILATION`, keyed by its Congress, the reader's language, the
format, the audience and the filters as the page normalises them (`file_filters`: what cannot name a choice is
dropped, words are compared without case or extra spaces, and `by`, which only arranges the page, is left out), by
a stable hash of them; it is written from the site's content version (a compilation spans meetings), and written
again after an edit only once asked for (jobs/exports.py `refresh_exports`).

Who sees what stays the site's rule (meetings/visibility.py): the public file gathers the published meetings; one
who also previews unpublished meetings of the Congress gets a file of their own audience, keyed by those meetings,
so that a file never shows a meeting to someone who may not see it.

The compilation room and the jobs are on the same floor and may not import each other: this room, above both,
registers `write_compilation` as the jobs' writer of compilations (public/apps.py).
"""

import hashlib
import json
import re

from django.db.models import Q
from django.http import Http404
from django.utils import translation
from django.utils.translation import get_language

from caching import content_version
from compilation import exports
from compilation.entries import compile_recommendations, select
from congress.models import Congress
from jobs.models import Export
from jobs.serving import serve
from languages import django_language, report_language
from meetings.models import Meeting
from public.congress import CompilationFilters, the_congress

WORD_FILES = 200  # files chosen by words kept per Congress (keep_fewer_word_files)
KEYED = ("meeting", "item", "theme", "q")  # the filters that change the files; `by` arranges only the page
ITEM = re.compile(r"main|item-\d{1,5}")
WORDS_MAX_LENGTH = 200  # as the page's form allows


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def normal_words(words):
    """The words as the selection compares them (without case or extra spaces), None for none; words the page's
    form refuses (too long, a null character) choose nothing, as on the page."""
    if len(words.strip()) > WORDS_MAX_LENGTH or "\x00" in words:
        return None
    return " ".join(words.split()).casefold() or None


def file_filters(data, congress, meetings, *, previewed=()):
    """The filters that choose the file's entries, normalised without compiling: {name: value or None}, and
    `previewed` (the unpublished meetings the reader sees), when there are any."""
    numbers = set(congress.agenda_items.values_list("number", flat=True))
    item = str(data.get("item", "")).strip()
    if not (ITEM.fullmatch(item) and (item == "main" or int(item[5:]) in numbers)):
        item = None
    theme = as_int(data.get("theme"))
    if theme is not None and not congress.themes.filter(pk=theme).exists():
        theme = None
    meeting = as_int(data.get("meeting"))
    chosen = {
        "meeting": meeting if meeting in meetings else None,
        "item": item,
        "theme": theme,
        "q": normal_words(str(data.get("q", ""))),
    }
    if previewed:
        chosen["previewed"] = sorted(previewed)
    return chosen


def keep_fewer_word_files(congress):
    """Before a file of new words is made: the Congress keeps at most WORD_FILES files chosen by words, the ones
    changed last (their files leave the storage after the commit: jobs/exports.py `export_deleted`). Anyone may ask
    for any words; without a limit, every new phrase would keep a row and a file for good."""
    chosen_by_words = Export.objects.filter(congress=congress, kind=Export.Kind.COMPILATION).exclude(filters__q=None)
    kept = chosen_by_words.order_by("-changed_at", "-pk").values_list("pk", flat=True)[: WORD_FILES - 1]
    chosen_by_words.exclude(pk__in=list(kept)).exclude(state=Export.State.RUNNING).delete()


def filters_key(filters):
    """A stable hash of the normalised filters."""
    return hashlib.sha256(json.dumps(filters, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


def compilation_download(request, ordinal, extension):
    if extension not in exports.WRITERS:
        raise Http404
    version = content_version.current()  # read before the content, as the pages do
    congress = the_congress(ordinal)
    language = report_language(get_language()) or "en"
    visible = dict(Meeting.objects.visible_to(request.user).filter(congress=congress).values_list("pk", "is_published"))
    previewed = [pk for pk, published in visible.items() if not published]
    filters = file_filters(request.GET, congress, visible, previewed=previewed)
    audience = Export.Audience.PREVIEW if previewed else Export.Audience.PUBLIC
    key = {"congress": congress, "kind": Export.Kind.COMPILATION, "audience": audience, "language": language}
    key["filters_key"], key["extension"] = filters_key(filters), extension
    if filters["q"] is not None and not Export.objects.filter(**key).exists():
        keep_fewer_word_files(congress)
    return serve(
        request, key, version=version, symbol=congress.symbol_prefix, defaults={"filters": filters}, compilation=True
    )


def write_compilation(export, token):
    """The jobs' writer of a compilation's file: (filename, content type, bytes, fingerprint)."""
    congress = Congress.objects.get(pk=export.congress_id)
    language = export.language
    previewed = export.filters.get("previewed", [])
    meetings = Meeting.objects.filter(Q(is_published=True) | Q(pk__in=previewed))
    entries = compile_recommendations(congress, language=language, meetings=meetings)
    with translation.override(django_language(language)):
        # The page's own form, on the entries, has the last word on the filters (as on the page).
        shown = list(dict.fromkeys(entry.meeting for entry in entries))
        themes = list(congress.themes.order_by("order", "pk"))
        data = {name: str(export.filters[name]) for name in KEYED if export.filters.get(name) is not None}
        chosen = CompilationFilters(data, meetings=shown, entries=entries, themes=themes).chosen()
        entries = select(
            entries, meeting=chosen["meeting"], item=chosen["item"], theme=chosen["theme"], words=chosen["q"] or ""
        )
        content_type, content = exports.WRITERS[export.extension](congress, entries, language)
    filename = f"{congress.symbol_prefix.replace('/', '-')}-recommendations-{language}.{export.extension}"
    return filename, content_type, content, hashlib.sha256(content).hexdigest()
