"""A new meeting starts from what is known: the structure another meeting of the same Congress already has.

The regional meetings of one Congress share their agenda (the procedural items and the Congress's topics as
sub-items), the topics they discuss and the Congress's documents (discussion guide, conference room papers);
the Introduction is the Congress's own standard text and needs no copy. What each meeting drafts (the summary
of deliberations, recommendations, statements) and its own dates, people and documents are not copied.
"""

from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from caching import content_version
from core.history import translated_fields
from languages.versions import text_in
from meetings.models import AgendaItem, Document, Meeting
from recommendations.models import Discussion


def _translations(source, name):
    """{title_en: …, title_ar: …} of a translated field, as the source record has them."""
    copies = translated_fields(type(source)).get(name, ())
    return {copy.name: getattr(source, copy.name) for copy in copies}


def latest_meeting_of(congress):
    """The Congress's meeting entered last: the one a new meeting of that Congress starts from."""
    return Meeting.objects.filter(congress=congress).order_by("-pk").first()


@transaction.atomic
def copy_structure(*, source: Meeting, target: Meeting):
    """Gives `target` the agenda, the discussions (empty) and, within one Congress, the Congress's documents of
    `source`. A topic of another Congress is not carried over: its item keeps its title."""
    same_congress = source.congress_id == target.congress_id
    copied_items = {}
    items = source.agenda_items.select_related("topic").order_by("parent_id", "order", "pk")
    # Items before their sub-items.
    for item in sorted(items, key=lambda i: (i.parent_id is not None, i.order, i.pk)):
        title = _translations(item, "title")
        if not same_congress and item.topic_id and not title.get(build_localized_fieldname("title", "en")):
            title[build_localized_fieldname("title", "en")] = text_in(item.topic, "title", "en")
        copied_items[item.pk] = AgendaItem.objects.create(
            meeting=target,
            parent=copied_items.get(item.parent_id),
            order=item.order,
            topic=item.topic if same_congress else None,
            **title,
            **_translations(item, "annotation"),
        )
    if same_congress:
        existing = set(target.discussions.values_list("topic_id", flat=True))
        for discussion in source.discussions.all():
            if discussion.topic_id not in existing:
                Discussion.objects.create(
                    meeting=target,
                    topic_id=discussion.topic_id,
                    outcome_phrase=discussion.outcome_phrase,
                    **_translations(discussion, "outcome_introduction"),
                )
        prefix = f"{target.congress.symbol_prefix}/"
        for document in source.documents.exclude(kind__in=Document.OWN_SERIES_KINDS).order_by("order", "pk"):
            if document.symbol.startswith(prefix) and not document.symbol.startswith(f"{source.series}/"):
                copy = Document.objects.create(
                    meeting=target,
                    symbol=document.symbol,
                    kind=document.kind,
                    order=document.order,
                    is_published=document.is_published,
                    issued_on=document.issued_on,
                    job_number=document.job_number,
                    **_translations(document, "title"),
                )
                copy.agenda_items.set(
                    copied_items[item_id]
                    for item_id in document.agenda_items.values_list("pk", flat=True)
                    if item_id in copied_items
                )
    content_version.bump()
    return target
