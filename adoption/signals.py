"""What becomes of a paragraph's oral amendments when its record is deleted (a summary paragraph or a
recommendation deleted in the admin, or with its discussion): they are kept, with the texts they had, as the record
of what the room said and decided, marked as amendments of a deleted paragraph; the outcomes decided on it stay too.
The admin's delete confirmation says so before the deletion (workflow.admin.deletion_notes)."""

from django.apps import apps
from django.db.models import Count, F, ProtectedError
from django.db.models.deletion import Collector
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.translation import ngettext

from adoption.models import AMENDABLE, OralAmendment
from adoption.records import source_of
from workflow.admin import deletion_notes


def amendable_models():
    return [apps.get_model(label) for label in AMENDABLE]


def keep_amendments(sender, instance, **kwargs):
    """The deleted record's amendments, marked as on a deleted paragraph (a new version: a decision opened on one
    before is looked at again)."""
    OralAmendment.objects.filter(source=source_of(instance), paragraph_deleted_at__isnull=True).update(
        paragraph_deleted_at=timezone.now(), version=F("version") + 1
    )


def amendments_kept(sender, objs, **kwargs):
    """The sentences the delete confirmation shows when the records deleted, or the paragraphs deleted with them
    (a discussion's), have oral amendments that are not deleted with them (as a deleted meeting's or part's are)."""
    collector = Collector(using="default")
    try:
        collector.collect(objs)
    except ProtectedError:
        return []  # the confirmation says what protects them; nothing is deleted
    records = {
        source_of(record): record
        for model, found in collector.data.items()
        if model._meta.label_lower in AMENDABLE
        for record in found
    }
    if not records:
        return []
    deleted_too = {amendment.pk for amendment in collector.data.get(OralAmendment, ())}
    counts = dict(
        OralAmendment.objects.filter(source__in=records)
        .exclude(pk__in=deleted_too)
        .values_list("source")
        .annotate(count=Count("pk"))
        .order_by()
    )
    named = {source_of(record) for record in objs if source_of(record) in records}
    notes = [
        ngettext(
            "“%(record)s” has %(count)d oral amendment recorded in the reading of the draft report: it is kept, "
            "with the texts it had, and shown as an amendment of a deleted paragraph.",
            "“%(record)s” has %(count)d oral amendments recorded in the reading of the draft report: they are kept, "
            "with the texts they had, and shown as amendments of a deleted paragraph.",
            count,
        )
        % {"record": records[source], "count": count}
        for source, count in counts.items()
        if source in named
    ]
    with_them = sum(count for source, count in counts.items() if source not in named)
    if with_them:
        notes.append(
            ngettext(
                "The paragraphs deleted with it have %(count)d oral amendment recorded in the reading of the draft "
                "report: it is kept, with the texts it had, and shown as an amendment of a deleted paragraph.",
                "The paragraphs deleted with it have %(count)d oral amendments recorded in the reading of the draft "
                "report: they are kept, with the texts they had, and shown as amendments of a deleted paragraph.",
                with_them,
            )
            % {"count": with_them}
        )
    return notes


def connect():
    for model in amendable_models():
        post_delete.connect(keep_amendments, sender=model, dispatch_uid=f"keep-amendments-{model._meta.label_lower}")
    deletion_notes.connect(amendments_kept, dispatch_uid="oral-amendments-kept")
