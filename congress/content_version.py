"""The site's content version: read before serving a cached page, replaced by every write to content.

Signals are used here, and only here, because invalidation must follow every save, delete and
many-to-many change in every content app, from the admin, the import, a management command or
the shell alike. The token is replaced *before* the write, inside its transaction, so it commits
with the content it names: a reader sees either the old content under the old token or the new
content under the new one. Taking the version row's lock first in every writing transaction also
keeps two editors' transactions from locking rows in opposite orders.

Writes that send no signal (`QuerySet.update()`, `bulk_create()`, a restore) call `bump()` themselves.
"""

import datetime
import uuid

from django.db import connection
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.utils import timezone

CONTENT_APPS = {"congress", "meetings", "recommendations"}
ROW_ID = 1


def current():
    """(token, changed_at) of the content as it stands: one query, the only one a cached page costs."""
    from congress.models import ContentVersion

    # Plain SQL: this runs on every page view, and the ORM would spend longer building it than the database answering.
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token, changed_at FROM {table} WHERE id = %s", [ROW_ID])
        row = cursor.fetchone()
    if row is None:
        created = ContentVersion.objects.get_or_create(
            pk=ROW_ID, defaults={"token": uuid.uuid4().hex, "changed_at": timezone.now()}
        )[0]
        return created.token, created.changed_at
    token, changed_at = row
    if isinstance(changed_at, str):  # SQLite keeps datetimes as UTC text; PostgreSQL gives a datetime
        changed_at = datetime.datetime.fromisoformat(changed_at).replace(tzinfo=datetime.UTC)
    return token, changed_at


def bump():
    """Names the content anew, so every page cached for what it was is no longer found."""
    from congress.models import ContentVersion

    ContentVersion.objects.update_or_create(
        pk=ROW_ID, defaults={"token": uuid.uuid4().hex, "changed_at": timezone.now()}
    )


def bump_on_content_write(sender, **kwargs):
    from congress.models import ContentVersion

    # A historical record (django-simple-history) copies a write that has already replaced the token.
    is_history = hasattr(sender, "instance_type")
    if sender._meta.app_label in CONTENT_APPS and sender is not ContentVersion and not is_history:
        bump()


def bump_on_relation_change(sender, action, instance, model, **kwargs):
    if action.startswith("pre_") and CONTENT_APPS & {instance._meta.app_label, model._meta.app_label}:
        bump()


def connect():
    pre_save.connect(bump_on_content_write, dispatch_uid="content-version-save")
    pre_delete.connect(bump_on_content_write, dispatch_uid="content-version-delete")
    # A many-to-many change saves no model of ours; its through table may even be Django's own.
    m2m_changed.connect(bump_on_relation_change, dispatch_uid="content-version-m2m")
