"""Content versions: the site's, and one per meeting, read before serving a cached page, replaced by writes.

Two kinds of token name the content as it stands:
- each meeting's (`MeetingVersion`): replaced by every write to the meeting's own records (its
  sessions, agenda, documents, paragraphs, discussions …) and to the shared records it shows
  (a State's name, its Congress, a topic). A meeting's pages, report tree and exports are cached
  under it, so an edit to meeting A leaves meeting B's cached pages valid;
- the site's (`ContentVersion`): replaced by every write to any content. The pages that show more
  than one meeting (home, search) are cached under it.

Which meetings a write touches (`meeting_ids_of`): a meeting's own records find it by their
foreign keys (found once per model, up to two steps away: `discussion__meeting`); the shared
records say through which relations meetings show them (`SHOWN_BY`); a content model that is in
neither touches every meeting, so a new model is safe before anyone thinks of it.

Signals are used here, and only here, because invalidation must follow every save, delete and
many-to-many change of every content model, from the admin, the import, a management command or
the shell alike. Nothing that is not written changes a version: a refused or invalid save leaves
every cached page valid.

When the tokens are replaced:
- *before* each write, so that inside a transaction they commit together with the content they
  name: a reader sees either the old content under the old token or the new under the new;
- and *after* a write made outside any transaction, which commits by itself: otherwise a reader
  could take the new token while the old content is still there, and cache the old page under it.

Replacing the site token locks its row until the transaction ends. Every writing transaction takes
that lock before any other (the admin's version check takes it with `lock()` before locking the
rows it edits), so two transactions never wait on each other in a circle, whichever meetings'
rows they then replace. Writes are serialized; a secretariat's few editors do not notice.

After the commit of a write, `changed` is sent once per transaction with the meetings it changed (a set of ids,
or ALL): the jobs that keep files and the search index up to date listen to it (jobs/, search/jobs.py).

Writes that send no signal (`QuerySet.update()`, `bulk_create()`, `bulk_update()`, raw SQL,
modeltranslation's `update_translation_fields`) must call `bump()` themselves: with no argument it
replaces every meeting's token, with a set of meeting ids only theirs.
"""

import datetime
import functools
import uuid

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal
from django.utils import timezone
from django.utils.http import http_date

CONTENT_APPS = ("congress", "meetings", "recommendations", "adoption")
ROW_ID = 1
ALL = None  # every meeting, as a set of meeting ids would name some

# Shared records, and the relations through which a meeting shows them (lookups from Meeting).
SHOWN_BY = {
    "congress.State": (
        "venue_country",
        "congress__host_country",
        "participations__state",
        "officers__state",
        "regional_commission__member_states",
    ),
    "congress.Organization": ("participations__organization",),
    "congress.RegionalCommission": ("regional_commission",),
    "congress.Congress": ("congress",),
    "congress.CongressAgendaItem": ("congress__agenda_items",),
    "congress.Workshop": ("congress__workshops",),
    "congress.Topic": ("congress__topics",),
    "congress.StandardParagraph": ("congress__standard_paragraphs",),
}


def _as_aware(changed_at):
    if isinstance(changed_at, str):
        changed_at = datetime.datetime.fromisoformat(changed_at)
    if timezone.is_naive(changed_at):  # SQLite keeps datetimes in UTC without saying so
        changed_at = changed_at.replace(tzinfo=datetime.UTC)
    return changed_at


def current():
    """(token, changed_at) of the whole site's content: one query, the only one a cached page costs."""
    from caching.models import ContentVersion

    # Plain SQL: this runs on every page view, and the ORM would spend longer building it than the database answering.
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token, changed_at FROM {table} WHERE id = %s", [ROW_ID])
        row = cursor.fetchone()
    if row is None:
        created = ContentVersion.objects.get_or_create(pk=ROW_ID, defaults=new_version())[0]
        return created.token, created.changed_at
    token, changed_at = row
    return token, _as_aware(changed_at)


def for_meeting(*, slug=None, pk=None):
    """(token, changed_at) of one meeting's content, found by its address or id; None if there is no such meeting.

    One query, which a cached page of the meeting costs instead of `current()`.
    """
    from caching.models import MeetingVersion

    Meeting = apps.get_model("meetings", "Meeting")  # noqa: N806 - the meetings room's model, taken by name

    versions = connection.ops.quote_name(MeetingVersion._meta.db_table)
    if pk is not None:
        sql, params = f"SELECT token, changed_at FROM {versions} WHERE meeting_id = %s", [pk]
    else:
        meetings = connection.ops.quote_name(Meeting._meta.db_table)
        sql = (
            f"SELECT v.token, v.changed_at FROM {meetings} m JOIN {versions} v ON v.meeting_id = m.id WHERE m.slug = %s"
        )
        params = [slug]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    token, changed_at = row
    return token, _as_aware(changed_at)


def for_meeting_page(slug):
    """(token, changed_at, time zone) of the meeting at this address, None if there is none: what its cached
    pages are filed under, in the same one query as `for_meeting` (the day they show is the venue's)."""
    from caching.models import MeetingVersion

    Meeting = apps.get_model("meetings", "Meeting")  # noqa: N806 - the meetings room's model, taken by name

    versions = connection.ops.quote_name(MeetingVersion._meta.db_table)
    meetings = connection.ops.quote_name(Meeting._meta.db_table)
    zone = connection.ops.quote_name(Meeting._meta.get_field("time_zone").column)
    sql = (
        f"SELECT v.token, v.changed_at, m.{zone} FROM {meetings} m JOIN {versions} v ON v.meeting_id = m.id "
        "WHERE m.slug = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    token, changed_at, time_zone = row
    return token, _as_aware(changed_at), time_zone


def last_modified(changed_at):
    """HTTP Last-Modified of a page or export: the last edit, or midnight if later, as they show the day's date."""
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
    return http_date(max(changed_at, midnight).timestamp())


def new_version():
    return {"token": uuid.uuid4().hex, "changed_at": timezone.now()}


def lock():
    """Takes the site version's row lock, the first lock of every writing transaction, without replacing it."""
    from caching.models import ContentVersion

    if not connection.in_atomic_block:
        return  # a write outside a transaction commits by itself: nothing to order
    if ContentVersion.objects.select_for_update().filter(pk=ROW_ID).values_list("pk").first() is None:
        ContentVersion.objects.get_or_create(pk=ROW_ID, defaults=new_version())


# Sent after the commit of a write with `meetings`: the ids of the meetings whose content it changed, or ALL.
changed = Signal()


class Announcement:
    """The on-commit callback that sends `changed`: one per transaction, gathering the meetings of every write."""

    def __init__(self, meetings):
        self.meetings = meetings

    def __call__(self):
        changed.send(sender=Announcement, meetings=self.meetings)


def announce(meetings):
    """Sends `changed` for these meetings once the transaction commits (at once outside a transaction)."""
    if not changed.has_listeners() or (meetings is not ALL and not meetings):
        return
    # The callbacks waiting for this transaction's commit (Django keeps them on the connection): a write after the
    # first joins its announcement instead of adding one more job per saved row.
    # Only one that a rollback cannot drop without dropping this write too (registered in no savepoint but ours).
    current = set(connection.savepoint_ids)
    for savepoints, callback, _robust in connection.run_on_commit if connection.in_atomic_block else ():
        if isinstance(callback, Announcement) and savepoints <= current:
            callback.meetings = union(callback.meetings, meetings)
            return
    transaction.on_commit(Announcement(meetings if meetings is ALL else set(meetings)), robust=True)


def bump(meetings=ALL, *, announced=True):
    """Names the content anew: the site's, and the meetings' given (every meeting's by default).

    `announced`: the jobs hear of it after the commit; not for the bump made just before a write outside a
    transaction, whose content is not there yet (the bump after it announces)."""
    from caching.models import ContentVersion

    if not ContentVersion.objects.filter(pk=ROW_ID).update(**new_version()):
        ContentVersion.objects.get_or_create(pk=ROW_ID, defaults=new_version())
    bump_meetings(meetings)
    if announced:
        announce(meetings)


def bump_meetings(ids):
    """Replaces the tokens of these meetings (ALL: every meeting's), creating those a meeting lacks."""
    from caching.models import MeetingVersion

    Meeting = apps.get_model("meetings", "Meeting")  # noqa: N806 - the meetings room's model, taken by name

    if ids is ALL:
        MeetingVersion.objects.update(**new_version())
        missing = Meeting._base_manager.exclude(pk__in=MeetingVersion.objects.values("meeting_id"))
    else:
        ids = set(ids) - {None}
        if not ids or MeetingVersion.objects.filter(meeting_id__in=ids).update(**new_version()) == len(ids):
            return
        have = MeetingVersion.objects.filter(meeting_id__in=ids).values("meeting_id")
        missing = Meeting._base_manager.filter(pk__in=ids).exclude(pk__in=have)
    for pk in missing.values_list("pk", flat=True):
        MeetingVersion.objects.get_or_create(meeting_id=pk, defaults=new_version())


@functools.cache
def path_to_meeting(model):
    """The lookup from a model to its meeting ("meeting", "discussion__meeting"), "pk" for Meeting, None if none."""
    meeting_model = apps.get_model("meetings", "Meeting")
    if model is meeting_model:
        return "pk"
    foreign_keys = [f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)]
    for field in foreign_keys:
        if field.related_model is meeting_model:
            return field.name
    for field in foreign_keys:
        target = field.related_model
        if target is model or target._meta.app_label not in CONTENT_APPS:
            continue
        for second in target._meta.concrete_fields:
            if second.is_relation and second.related_model is meeting_model and not second.many_to_many:
                return f"{field.name}__{second.name}"
    return None


def union(*id_sets):
    if any(ids is ALL for ids in id_sets):
        return ALL
    return set().union(*id_sets)


def meeting_ids(model, pks):
    """The ids of the meetings whose pages show these stored rows of a content model (ALL for every meeting)."""
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return set()
    meeting_model = apps.get_model("meetings", "Meeting")
    path = path_to_meeting(model)
    if path == "pk":
        return set(pks)
    if path is not None:
        return set(model._base_manager.filter(pk__in=pks).values_list(path, flat=True)) - {None}
    shown_by = SHOWN_BY.get(model._meta.label)
    if shown_by is None:
        return ALL
    condition = Q()
    for lookup in shown_by:
        condition |= Q(**{f"{lookup}__in": pks})
    return set(meeting_model._base_manager.filter(condition).values_list("pk", flat=True))


def meeting_ids_of(instance, *, stored=True):
    """The meetings a write of this instance touches: those it belongs to as it is now, and as stored if `stored`."""
    model = instance._meta.concrete_model
    path = path_to_meeting(model)
    if path is None:
        return meeting_ids(model, [instance.pk])
    if path == "pk":
        return {instance.pk} if instance.pk is not None else set()
    first, *rest = path.split("__")
    field = model._meta.get_field(first)
    value = getattr(instance, field.attname)
    ids = set()
    if value is not None:
        ids = {value} if not rest else meeting_ids(field.related_model, [value])
    if stored and instance.pk is not None:
        ids = union(ids, meeting_ids(model, [instance.pk]))
    return ids


def bump_before_write(sender, instance, **kwargs):
    # Where the row was and where it goes: a record moved to another meeting changes both.
    instance._content_version_meetings = ids = meeting_ids_of(instance, stored=not instance._state.adding)
    bump(ids, announced=connection.in_atomic_block)


def bump_after_write(sender, instance, created=False, **kwargs):
    ids = union(getattr(instance, "_content_version_meetings", set()), meeting_ids_of(instance, stored=False))
    if created and path_to_meeting(instance._meta.concrete_model) == "pk":
        bump_meetings(ids)  # a new meeting gets its version with it, in the same transaction
    if not connection.in_atomic_block:
        bump(ids)


def bump_on_relation_change(sender, instance, action, model, pk_set, **kwargs):
    if not action.startswith(("pre_", "post_")):
        return
    ids = union(meeting_ids_of(instance, stored=False), meeting_ids(model, pk_set or []))
    if action.startswith("pre_") or not connection.in_atomic_block:
        bump(ids, announced=connection.in_atomic_block or action.startswith("post_"))


def content_models():
    """Every model of the content apps except their history (the versions and the search entries written from the
    content live in rooms of their own, caching and search)."""
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            # Not simple-history's records (they have instance_type).
            if not hasattr(model, "instance_type"):
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
