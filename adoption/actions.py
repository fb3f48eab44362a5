"""What the secretariat records during the reading: each a function under one transaction, so that two officers
recording at once never lose an amendment and an agreed text is never half written.

Every writing transaction takes the site's content lock first (caching.content_version.lock), then the rows it
changes with select_for_update; a decision posted on an amendment opened at an older version is refused with a
message, never applied over a decision taken meanwhile.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from adoption.models import AMENDABLE, OralAmendment, ParagraphOutcome, Reading
from adoption.records import meeting_of, record_of, source_of, text_of
from caching import content_version
from languages.codes import field_suffix


def reading_of(part):
    """The reading of a part, begun when first asked for."""
    return Reading.objects.get_or_create(part=part, defaults={"meeting_id": part.meeting_id})[0]


@transaction.atomic
def move(*, part, source):
    """The Chair takes up the paragraph `source` of `part`: the projector and the "now" page follow."""
    content_version.lock()
    reading = reading_of(part)
    reading = Reading.objects.select_for_update().get(pk=reading.pk)
    reading.position = source
    reading.save()
    return reading


@transaction.atomic
def propose(*, part, source, language, text, proposer, delegation=None, parent=None, inserts_after=False):
    """Records an amendment proposed orally to the paragraph `source` of `part`, against its text as it stands
    in the language spoken (or against the amendment it amends)."""
    content_version.lock()
    if source.rsplit(".", 1)[0] not in AMENDABLE:
        raise ValidationError(_("Only the meeting's drafted paragraphs can be amended."))
    record = record_of(source)
    if record is None or meeting_of(record).pk != part.meeting_id:
        raise ValidationError(_("This paragraph is not in this meeting's report any more."))
    against = parent.proposed_text if parent is not None else ("" if inserts_after else text_of(record, language))
    amendment = OralAmendment(
        meeting_id=part.meeting_id,
        part=part,
        source=source,
        inserts_after=parent.inserts_after if parent is not None else inserts_after,
        language=language,
        issued_text=against,
        proposed_text=text.strip(),
        proposer=proposer,
        delegation=delegation if proposer == OralAmendment.Proposer.DELEGATION else None,
        parent=parent,
    )
    amendment.full_clean()
    amendment.save()
    return amendment


@transaction.atomic
def decide(*, amendment, status, version):
    """Sets an amendment's status, as opened at `version`. Agreed, it changes the text at once: the paragraph's
    text in the language spoken (kept in its history), the amendment it amends, or a new "bis" paragraph."""
    content_version.lock()
    amendment = OralAmendment.objects.select_for_update().get(pk=amendment.pk)
    if amendment.version != int(version):
        raise ValidationError(
            _("This amendment was changed meanwhile (it is now %(status)s): look again before deciding.")
            % {"status": amendment.get_status_display()}
        )
    if amendment.status == OralAmendment.Status.AGREED:
        raise ValidationError(_("This amendment is agreed already: propose another to change the text again."))
    if status == OralAmendment.Status.AGREED:
        apply(amendment)
    amendment.status = status
    amendment.decided_at = timezone.now() if status != OralAmendment.Status.PROPOSED else None
    amendment.save()
    return amendment


def apply(amendment):
    """Writes an agreed amendment's text where it belongs, refusing if that text changed since it was proposed."""
    changed = _("The text changed since this amendment was proposed: propose it again against the text as it stands.")
    if amendment.parent_id:
        parent = OralAmendment.objects.select_for_update().get(pk=amendment.parent_id)
        if not parent.is_open or parent.proposed_text != amendment.issued_text:
            raise ValidationError(changed)
        parent.proposed_text = amendment.proposed_text
        parent.save()
        return
    record = record_of(amendment.source, for_update=True)
    if record is None:
        raise ValidationError(_("This paragraph is not in this meeting's report any more."))
    if amendment.inserts_after:
        amendment.inserted = insert_after(record, amendment.language, amendment.proposed_text)
        return
    if text_of(record, amendment.language) != amendment.issued_text:
        raise ValidationError(changed)
    setattr(record, f"text_{field_suffix(amendment.language)}", amendment.proposed_text)
    record.save()


def insert_after(record, language, text):
    """A new record of the same kind right after `record`, with `text` in `language`; its source."""
    model = type(record)
    parent = {"discussion": record.discussion} if hasattr(record, "discussion_id") else {}
    if not parent:
        parent = {"meeting": record.meeting, "part": record.part}
    siblings = model.objects.filter(**parent)
    # Make room: the records after this one move up by two, past the new one (an update sends no signal; the
    # new record's save below replaces the meeting's content version in the same transaction).
    after = siblings.filter(order__gt=record.order) | siblings.filter(order=record.order, pk__gt=record.pk)
    after.update(order=F("order") + 2)
    new = model(**parent, order=record.order + 1)
    setattr(new, f"text_{field_suffix(language)}", text)
    new.save()
    return source_of(new)


@transaction.atomic
def mark(*, part, source, outcome, sources):
    """Records the outcome of paragraph `source`; the part is adopted once every paragraph of it (`sources`, as
    the reading screen lists them) is adopted, orally revised or not."""
    content_version.lock()
    reading = Reading.objects.select_for_update().get(pk=reading_of(part).pk)
    ParagraphOutcome.objects.update_or_create(reading=reading, source=source, defaults={"outcome": outcome})
    adopted = ParagraphOutcome.objects.filter(reading=reading, source__in=sources).exclude(
        outcome=ParagraphOutcome.Outcome.DEFERRED
    )
    done = adopted.count() == len(set(sources))
    if done != bool(reading.adopted_at):
        reading.adopted_at = timezone.now() if done else None
    reading.save()
    return reading


def was_orally_revised(meeting):
    """Whether the meeting agreed at least one oral amendment to its draft report."""
    return OralAmendment.objects.filter(meeting=meeting, status=OralAmendment.Status.AGREED).exists()
