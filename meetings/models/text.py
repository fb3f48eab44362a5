"""Text a meeting drafts outside its discussions of the Congress's topics: statements, other matters, overrides."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Versioned
from languages.versions import shown_in_active_language

MARKUP_HELP = _("Write *italics* for titles and [A/CONF.234/PM.1] for a document symbol.")


class MeetingParagraph(Versioned):
    """A drafted paragraph of a meeting's report outside the topics: statements, other matters, overrides."""

    class Part(models.TextChoices):
        # The order is the order in which the parts appear in the report.
        INTRODUCTION = "introduction", _("Introduction (replaces the Congress's standard text)")
        CONCLUSIONS_PREAMBLE = "conclusions_preamble", _("Conclusions and recommendations, before the topics")
        OTHER_MATTERS_CONCLUSIONS = "other_matters_conclusions", _("Conclusions and recommendations, other matters")
        OPENING_STATEMENTS = "opening_statements", _("Opening of the Meeting, statements")
        OTHER_MATTERS = "other_matters", _("Other matters (attendance and organization of work)")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="paragraphs")
    part = models.CharField(_("part of the report"), max_length=30, choices=Part.choices)
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"), help_text=MARKUP_HELP)

    class Meta:
        ordering = ["meeting", "part", "order", "pk"]
        verbose_name = _("report paragraph")
        verbose_name_plural = _("report paragraphs")

    def __str__(self):
        return shown_in_active_language(self, "text")[:80]
