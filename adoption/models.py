"""The reading of the draft report in the room: where the Chair is, what each paragraph became, the oral amendments.

A paragraph is named by the record it is written from, as the report's tree names it (Paragraph.source and
Subparagraph.source: "recommendations.summaryparagraph.12"), so an amendment stays on its paragraph however
the report is numbered.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.history import ContentHistory
from core.models import Versioned
from languages.codes import Language
from meetings.models import Document, Meeting, Participation

# The records whose text an oral amendment may change: the meeting's own drafted text. (A Congress's standard
# paragraphs are every meeting's: the room of one meeting does not amend them.)
AMENDABLE = ("meetings.meetingparagraph", "recommendations.summaryparagraph", "recommendations.recommendation")


class Reading(Versioned):
    """The reading of one part of the draft report (L.2, L.2/Add.1, …) in the room: the paragraph being read."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="readings")
    part = models.OneToOneField(
        Document,
        on_delete=models.CASCADE,
        related_name="reading",
        limit_choices_to={"kind": Document.Kind.DRAFT_REPORT},
        verbose_name=_("part of the draft report"),
    )
    position = models.CharField(_("paragraph being read"), max_length=80, blank=True)
    moved_at = models.DateTimeField(_("moved at"), auto_now=True)
    adopted_at = models.DateTimeField(_("part adopted at"), null=True, blank=True)

    class Meta:
        ordering = ["meeting", "part__order", "pk"]
        verbose_name = _("reading of a part")
        verbose_name_plural = _("readings of parts")

    def __str__(self):
        return self.part.symbol

    def clean(self):
        if self.part_id and self.meeting_id and self.part.meeting_id != self.meeting_id:
            raise ValidationError({"part": _("Choose a draft report of this meeting.")})


class ParagraphOutcome(models.Model):
    """What the meeting decided on one paragraph (or lettered subparagraph) of a part."""

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("adopted")
        REVISED = "revised", _("adopted as orally revised")
        DEFERRED = "deferred", _("deferred")

    reading = models.ForeignKey(Reading, on_delete=models.CASCADE, related_name="outcomes")
    source = models.CharField(_("paragraph"), max_length=80)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    decided_at = models.DateTimeField(_("decided at"), auto_now=True)

    class Meta:
        verbose_name = _("outcome of a paragraph")
        verbose_name_plural = _("outcomes of paragraphs")
        constraints = [
            models.UniqueConstraint(
                fields=["reading", "source"],
                name="one_outcome_per_paragraph",
                violation_error_message=_("This paragraph already has an outcome."),
            ),
        ]

    def __str__(self):
        return f"{self.source}: {self.get_outcome_display()}"


class OralAmendment(Versioned):
    """An amendment a delegation (or the Chair, or the secretariat) proposed orally to a paragraph of a part,
    in the language spoken, and what became of it."""

    class Proposer(models.TextChoices):
        DELEGATION = "delegation", _("a delegation")
        CHAIR = "chair", _("the Chair")
        SECRETARIAT = "secretariat", _("the secretariat")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        AGREED = "agreed", _("agreed")
        WITHDRAWN = "withdrawn", _("withdrawn")
        BRACKETED = "bracketed", _("bracketed")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="oral_amendments")
    part = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="oral_amendments", verbose_name=_("part of the draft report")
    )
    source = models.CharField(_("paragraph"), max_length=80)
    inserts_after = models.BooleanField(
        _("inserts a new paragraph after it"),
        default=False,
        help_text=_('The new paragraph is numbered "bis" until the report is adopted.'),
    )
    language = models.CharField(_("language spoken"), max_length=2, choices=Language.choices)
    issued_text = models.TextField(_("text it amends"), blank=True)
    proposed_text = models.TextField(_("proposed text"))
    proposer = models.CharField(_("proposed by"), max_length=12, choices=Proposer.choices)
    delegation = models.ForeignKey(
        Participation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="oral_amendments",
        verbose_name=_("delegation"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_amendments",
        verbose_name=_("amendment it amends"),
    )
    # The record an agreed insertion created ("recommendations.summaryparagraph.31"), else empty.
    inserted = models.CharField(_("paragraph inserted"), max_length=80, blank=True)
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # Set when the paragraph it amends is deleted (adoption.signals): the amendment stays, with the texts it had,
    # as the record of what the room said; the reading and the now page show it as on a deleted paragraph.
    paragraph_deleted_at = models.DateTimeField(_("paragraph deleted at"), null=True, blank=True)

    history = ContentHistory()

    class Meta:
        ordering = ["meeting", "proposed_at", "pk"]
        verbose_name = _("oral amendment")
        verbose_name_plural = _("oral amendments")
        constraints = [
            models.CheckConstraint(
                condition=Q(proposer="delegation", delegation__isnull=False)
                | (~Q(proposer="delegation") & Q(delegation__isnull=True)),
                name="a_delegation_proposes_as_a_delegation",
                violation_error_message=_("Name the delegation that proposed it, and only for a delegation."),
            ),
        ]

    def __str__(self):
        return f"{self.part.symbol} {self.source}: {self.proposer_name}"

    def clean(self):
        errors = {}
        if self.part_id and self.meeting_id and self.part.meeting_id != self.meeting_id:
            errors["part"] = _("Choose a draft report of this meeting.")
        if self.delegation_id and self.meeting_id and self.delegation.meeting_id != self.meeting_id:
            errors["delegation"] = _("Choose a delegation of this meeting.")
        if self.source and self.source.rsplit(".", 1)[0] not in AMENDABLE:
            errors["source"] = _("Only the meeting's drafted paragraphs can be amended.")
        if self.parent_id and (self.parent.source != self.source or self.parent.part_id != self.part_id):
            errors["parent"] = _("An amendment to an amendment is on the same paragraph.")
        if not self.proposed_text.strip():
            errors["proposed_text"] = _("Write the text as proposed.")
        if errors:
            raise ValidationError(errors)

    @property
    def proposer_name(self):
        """The delegation's name, "the Chair" or "the secretariat", in the active language."""
        if self.proposer == self.Proposer.DELEGATION and self.delegation_id:
            return str(self.delegation)
        return str(self.get_proposer_display())

    @property
    def paragraph_deleted(self):
        """Whether the paragraph it amends was deleted since (its record is gone; the amendment is kept)."""
        return self.paragraph_deleted_at is not None

    @property
    def is_open(self):
        return self.status in (self.Status.PROPOSED, self.Status.BRACKETED)
