"""The site's content version: read before serving a cached page, replaced by every write to content.

Signals are used here, and only here, because invalidation must follow every save, delete and
many-to-many change of every content model, from the admin, the import, a management command or
the shell alike.

When the token is replaced:
- *before* each write, so that inside a transaction it commits together with the content it
  names: a reader sees either the old content under the old token or the new under the new;
- and *after* a write made outside any transaction, which commits by itself: otherwise a reader
  could take the new token while the old content is still there, and cache the old page under it.

Replacing the token locks its row until the transaction ends. Every writing transaction takes that
lock before any other (the admin's version check takes it before locking the rows it edits), so
two transactions never wait on each other in a circle. Writes are serialized; a secretariat's few
editors do not notice.

Writes that send no signal (`QuerySet.update()`, `bulk_create()`, `bulk_update()`, raw SQL,
modeltranslation's `update_translation_fields`) must call `bump()` themselves.
"""

import datetime
import uuid

from django.apps import apps
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from django.utils.http import http_date

CONTENT_APPS = ("congress", "meetings", "recommendations")
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
        created = ContentVersion.objects.get_or_create(pk=ROW_ID, defaults=new_version())[0]
        return created.token, created.changed_at
    token, changed_at = row
    if isinstance(changed_at, str):
        changed_at = datetime.datetime.fromisoformat(changed_at)
    if timezone.is_naive(changed_at):  # SQLite keeps datetimes in UTC without saying so
        changed_at = changed_at.replace(tzinfo=datetime.UTC)
    return token, changed_at


def last_modified(changed_at):
    """HTTP Last-Modified of a page or export: the last edit, or midnight if later, as they show the day's date."""
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
    return http_date(max(changed_at, midnight).timestamp())


def new_version():
    return {"token": uuid.uuid4().hex, "changed_at": timezone.now()}


def bump():
    """Names the content anew, so every page cached for what it was is no longer found."""
    from congress.models import ContentVersion

    if not ContentVersion.objects.filter(pk=ROW_ID).update(**new_version()):
        ContentVersion.objects.get_or_create(pk=ROW_ID, defaults=new_version())


def bump_before_write(sender, **kwargs):
    bump()


def bump_after_write(sender, **kwargs):
    if not connection.in_atomic_block:
        bump()


def bump_on_relation_change(sender, action, **kwargs):
    if action.startswith("pre_"):
        bump()
    elif action.startswith("post_"):
        bump_after_write(sender)


def content_models():
    """Every model of the content apps except this version and the history records, which copy writes."""
    from congress.models import ContentVersion

    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model is not ContentVersion and not hasattr(model, "instance_type"):  # simple-history's
                yield model


def connect():
    # Connected per model, so other models (sessions, login attempts) keep Django's fast deletes.
    for model in content_models():
        pre_save.connect(bump_before_write, sender=model, dispatch_uid=f"version-pre-save-{model._meta.label}")
        post_save.connect(bump_after_write, sender=model, dispatch_uid=f"version-post-save-{model._meta.label}")
        pre_delete.connect(bump_before_write, sender=model, dispatch_uid=f"version-pre-delete-{model._meta.label}")
        post_delete.connect(bump_after_write, sender=model, dispatch_uid=f"version-post-delete-{model._meta.label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            uid = f"version-m2m-{through._meta.label}"
            m2m_changed.connect(bump_on_relation_change, sender=through, dispatch_uid=uid)
