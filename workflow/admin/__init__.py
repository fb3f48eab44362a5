"""What every admin page of a content model shares, and the meeting assignments' own page.

- content.py: `ContentAdmin` and `ContentInlineMixin`, which the admins of the content rooms build on: scoped
  to the meetings the user works on, versioned (no lost edits), with history, a readable diff and revert;
- inlines.py: what keeps a long inline light, and `is_revert`;
- returning.py: a save goes back to the screen named by a safe `next`;
- sortable.py: drag-and-drop ordering (django-admin-sortable2) with the order field rendered once;
- assignments.py: who works on which meeting.
"""

from workflow.admin import assignments  # noqa: F401 - registers the meeting assignments' page
from workflow.admin.content import ContentAdmin, ContentInlineMixin, ScopedMixin, VersionedMixin, deletion_notes
from workflow.admin.inlines import CachedChoicesInlineMixin, CompactTemplateMixin, PagedInlineMixin, is_revert
from workflow.admin.returning import ReturnMixin, return_address, with_return
from workflow.admin.sortable import SortableStackedInline, SortableTabularInline

__all__ = [
    "CachedChoicesInlineMixin",
    "CompactTemplateMixin",
    "ContentAdmin",
    "ContentInlineMixin",
    "PagedInlineMixin",
    "ReturnMixin",
    "ScopedMixin",
    "SortableStackedInline",
    "SortableTabularInline",
    "VersionedMixin",
    "deletion_notes",
    "is_revert",
    "return_address",
    "with_return",
]
