"""A meeting's built report, kept while the meeting's content version is unchanged.

Building the report reads every record of the meeting (a dozen queries) and numbers the whole
document; the report page, its downloads and the search index all start from the tree. Kept in
the default cache (shared by the workers through CACHE_URL) under the meeting's content version,
read *before* the meeting (`congress.content_version.for_meeting`), so a tree is never filed
under a version older than its content. The day is in the key: an undated report shows today's.
"""

from django.core.cache import cache
from django.utils import timezone, translation

from meetings.report.builder import build_report

TREE_CACHE_SECONDS = 24 * 60 * 60


def tree_key(slug, token):
    language = translation.get_language() or "en"
    return f"report-tree:{slug}:{token}:{language}:{timezone.localdate().isoformat()}"


def cached_report(slug, token):
    """The tree built for this version of the meeting, if a request has built it; else None."""
    return cache.get(tree_key(slug, token)) if token else None


def built_report(meeting, token):
    """build_report(meeting), once per version of the meeting's content; `meeting` as for_report() loads it."""
    key = tree_key(meeting.slug, token) if token else None
    if key and (report := cache.get(key)) is not None:
        return report
    report = build_report(meeting)
    report.version  # noqa: B018 -- the fingerprint, computed once and kept with the tree
    if key:
        cache.set(key, report, TREE_CACHE_SECONDS)
    return report
