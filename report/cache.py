"""A meeting's built report, kept while the meeting's content version is unchanged.

Building the report reads every record of the meeting (a dozen queries) and numbers the whole
document; the report page, its downloads and the search index all start from the tree. Kept in
the default cache (shared by the workers through CACHE_URL) under the meeting's content version,
read *before* the meeting (`caching.content_version.for_meeting`), so a tree is never filed
under a version older than its content. The key names the version's language (the page's
language prefix) and the audience: "public" trees list only published documents, "preview" trees
(the secretariat's and the meeting's own staff's) every document.
"""

import functools
import time

from django.core.cache import cache
from django.utils import translation

from caching import content_version
from caching.built_once import built_once
from languages import report_language
from report.adopted import draft_parts_of, loaded, report_of

TREE_CACHE_SECONDS = 24 * 60 * 60
PARTS_CACHE_SECONDS = 60 * 60
FOLLOWED_SECONDS = 10 * 60
PREPARE_SECONDS = 1


def tree_key(slug, token, audience):
    language = translation.get_language() or "en"
    return f"report-tree:{slug}:{token}:{language}:{audience}"


def cached_report(slug, token, audience="public"):
    """The tree built for this version of the meeting, if a request has built it; else None."""
    return cache.get(tree_key(slug, token, audience)) if token else None


def built_report(meeting, token, audience="public"):
    """The report in the active language's version, once per version of the meeting's content: as adopted
    while it is adopted (report/adopted.py), else built from the records.

    `meeting` as for_report() loads it for that audience (for_report(user) with the reader). Adopting and
    reopening save the meeting, which gives it a new version: a tree kept under the draft's version is
    never served as the adopted report, nor the adopted one after reopening.
    """
    key = tree_key(meeting.slug, token, audience) if token else None
    if key and (report := cache.get(key)) is not None:
        return report
    report = report_of(meeting, report_language(translation.get_language() or "en"), audience)
    report.version  # noqa: B018 -- the fingerprint, computed once and kept with the tree
    if key:
        cache.set(key, report, TREE_CACHE_SECONDS)
    return report


def parts_key(meeting_pk, token, language, audience):
    return f"draft-parts:{meeting_pk}:{token}:{language}:{audience}"


def shared_draft_parts(meeting_pk, token, language, audience):
    """The draft report's parts in `language` for this version of the meeting, built by one process for all.

    For the pages the room follows during the adoption (the now page, the reading screen, the projector): after
    each move or amendment, every process asks at once (caching/built_once.py). `token` is the meeting's content
    version read before anything else (None: no version, nothing kept). Noted as followed, so that the next change
    in the room builds them before its commit (`prepare_followed_parts`).
    """
    build = functools.partial(draft_parts_followed, meeting_pk, language, audience)
    if not token:
        return build()
    note_followed(meeting_pk, language, audience)
    return built_once(parts_key(meeting_pk, token, language, audience), build, PARTS_CACHE_SECONDS)


def draft_parts_followed(meeting_pk, language, audience):
    return draft_parts_of(loaded(meeting_pk, audience), language, audience)


def followed_key(meeting_pk):
    return f"draft-parts-followed:{meeting_pk}"


def note_followed(meeting_pk, language, audience):
    """Readers follow the room in this language: the next change builds its parts before it commits."""
    followed = cache.get(followed_key(meeting_pk)) or frozenset()
    if (language, audience) not in followed:
        cache.set(followed_key(meeting_pk), followed | {(language, audience)}, FOLLOWED_SECONDS)


def prepare_followed_parts(meeting_pk):
    """Inside the transaction of a change made in the room, before it commits: the parts readers follow, built
    for the version the change will commit, so that when readers see the new version their pages are ready.

    Without this, the moment after each change was the slowest of the reading: every reader's next request found
    nothing for the new version, and the server's processes waited on one build while requests queued. Builds in
    the languages followed in the last FOLLOWED_SECONDS, most recent first, for up to PREPARE_SECONDS (a meeting
    many times the demo's size leaves the rest to the first reader: the secretariat's click does not wait on it).
    """
    version = content_version.for_meeting(pk=meeting_pk)
    if version is None:
        return
    began = time.monotonic()
    for language, audience in sorted(cache.get(followed_key(meeting_pk)) or ()):
        if time.monotonic() - began > PREPARE_SECONDS:
            break
        key = parts_key(meeting_pk, version[0], language, audience)
        if cache.get(key) is None:
            cache.set(key, draft_parts_followed(meeting_pk, language, audience), PARTS_CACHE_SECONDS)
