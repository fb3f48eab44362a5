"""A meeting's built report, kept while the meeting's content version is unchanged.

Building the report reads every record of the meeting (a dozen queries) and numbers the whole
document; the report page, its downloads and the search index all start from the tree. Kept in
the default cache (shared by the workers through CACHE_URL) under the meeting's content version,
read *before* the meeting (`caching.content_version.for_meeting`), so a tree is never filed
under a version older than its content. The key names the version's language (the page's
language prefix) and the audience: "public" trees list only published documents, "preview" trees
(the secretariat's and the meeting's own staff's) every document.
"""

from django.core.cache import cache
from django.utils import translation

from caching.built_once import built_once
from languages import report_language
from report.adopted import draft_parts_of, report_of

TREE_CACHE_SECONDS = 24 * 60 * 60
PARTS_CACHE_SECONDS = 60 * 60


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


def shared_draft_parts(meeting_pk, token, language, audience, load):
    """The draft report's parts in `language` for this version of the meeting, built by one process for all.

    For the pages the room follows during the adoption (the now page, the reading screen, the projector): after
    each move or amendment, every process asks at once (caching/built_once.py). `load()` gives the meeting as
    for_report() loads it for `audience`; only the process that builds calls it. `token` is the meeting's content
    version read before anything else (None: no version, nothing kept).
    """
    if not token:
        return draft_parts_of(load(), language, audience)
    key = f"draft-parts:{meeting_pk}:{token}:{language}:{audience}"
    return built_once(key, lambda: draft_parts_of(load(), language, audience), PARTS_CACHE_SECONDS)
