"""The search index kept up to date by a job after each committed edit, instead of by the next search.

Only the languages a meeting's index has been written in (by a search in that language) are written again: a
language nobody searches costs nothing. A search still writes what is missing or stale when it runs
(`index.index_stale_meetings`), so it never shows an edit late; after the job, it finds nothing left to write.
"""

from django_tasks import task

from caching import content_version
from caching.models import MeetingVersion
from search.index import index_meeting
from search.models import SearchIndexVersion


def stale_indexes(meeting_ids):
    """(meeting id, current token, language) of each index of these meetings (None: all) of an older version."""
    indexes = SearchIndexVersion.objects.all()
    if meeting_ids is not None:
        indexes = indexes.filter(meeting_id__in=meeting_ids)
    tokens = dict(
        MeetingVersion.objects.filter(meeting_id__in=indexes.values("meeting_id")).values_list("meeting_id", "token")
    )
    return [
        (meeting_id, tokens[meeting_id], language)
        for meeting_id, token, language in indexes.values_list("meeting_id", "token", "language")
        if meeting_id in tokens and tokens[meeting_id] != token
    ]


@task()
def refresh_index(meeting_ids):
    """Writes again the stale indexes of these meetings, in each language they were written in."""
    for meeting_id, token, language in stale_indexes(meeting_ids):
        index_meeting(meeting_id, token, language)


def content_changed(sender, meetings, **kwargs):
    """After a commit that changed these meetings: their indexes are written again, in the worker."""
    ids = None if meetings is content_version.ALL else sorted(meetings)
    indexes = SearchIndexVersion.objects.all() if ids is None else SearchIndexVersion.objects.filter(meeting_id__in=ids)
    if indexes.exists():
        refresh_index.enqueue(ids)
