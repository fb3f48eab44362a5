"""Who sees what on the public site: the one rule every page, download, list, search and report asks.

A published meeting and its published documents are for everyone. An unpublished meeting, or an
unpublished document, is shown only to the secretariat and to active staff assigned to that meeting
(in any role): it is their preview. Everyone else, staff of other meetings included, gets a 404.
"""

from django.db.models import Q

from workflow import roles


def preview_meeting_ids(user):
    """The meetings whose unpublished pages `user` may preview: None for all of them (the secretariat)."""
    if user is None or not (user.is_authenticated and user.is_active and user.is_staff):
        return frozenset()
    if roles.is_secretariat(user):
        return None
    return frozenset(roles.roles_by_meeting(user))


def meetings_filter(user):
    """A filter on meetings: those `user` may see on the public site."""
    ids = preview_meeting_ids(user)
    if ids is None:
        return Q()
    published = Q(is_published=True)
    return published | Q(pk__in=ids) if ids else published


def documents_filter(user):
    """A filter on documents: those `user` may see on the public site (a document of a meeting one previews,
    or a published document of a published meeting)."""
    ids = preview_meeting_ids(user)
    if ids is None:
        return Q()
    published = Q(is_published=True, meeting__is_published=True)
    return published | Q(meeting_id__in=ids) if ids else published


def may_preview(user, meeting):
    """Whether `user` sees what is not yet published of `meeting`."""
    ids = preview_meeting_ids(user)
    return ids is None or meeting.pk in ids


def may_see_meeting(user, meeting):
    return meeting.is_published or may_preview(user, meeting)


def may_see_document(user, document):
    return (document.is_published and document.meeting.is_published) or may_preview(user, document.meeting)


def may_see_record(user, obj):
    """Whether the public page of any record (a meeting, a document, a file, …) may be shown to `user`."""
    label = obj._meta.label_lower
    if label == "meetings.documentfile":
        return may_see_document(user, obj.document)
    if label == "meetings.document":
        return may_see_document(user, obj)
    meeting = roles.meeting_of(obj)
    return meeting is None or may_see_meeting(user, meeting)
