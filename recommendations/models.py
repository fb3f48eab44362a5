"""What a meeting said about each Congress topic: its summary of deliberations and its recommendations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from congress.models import Topic
from core.models import Versioned
from languages.versions import shown_in_active_language, text_in
from meetings.models import MARKUP_HELP, Meeting


class Discussion(Versioned):
    """One meeting's discussion of one Congress topic."""

    class OutcomeIntroduction(models.TextChoices):
        # The standard phrase is the report's own words (catalogue context "report"), written in every language.
        NOT_NEGOTIATED = (
            "not_negotiated",
            pgettext_lazy(
                "report",
                "The following recommendations, which were not negotiated by the participants, were identified:",
            ),
        )
        OTHER = "other", _("other words (written in each language below)")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="discussions")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="discussions", verbose_name=_("topic"))
    outcome_phrase = models.CharField(
        _("outcome introduction"),
        max_length=20,
        choices=OutcomeIntroduction.choices,
        default=OutcomeIntroduction.NOT_NEGOTIATED,
        help_text=_("The numbered paragraph that introduces the lettered recommendations."),
    )
    outcome_introduction = models.TextField(
        _("outcome introduction, in other words"),
        blank=True,
        help_text=_("The introduction in each language, when it is not the standard one."),
    )

    class Meta:
        ordering = ["meeting", "topic__order", "topic__pk"]
        verbose_name = _("discussion of a topic")
        verbose_name_plural = _("discussions of topics")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "topic"],
                name="one_discussion_per_topic",
                violation_error_message=_("This meeting already has a discussion of this topic."),
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.topic}"

    def clean(self):
        if self.meeting_id and self.topic_id and self.topic.congress_id != self.meeting.congress_id:
            raise ValidationError({"topic": _("Choose a topic of this meeting's Congress.")})
        unsaid = self.meeting_id and not text_in(self, "outcome_introduction", self.meeting.original_language)
        if self.outcome_phrase == self.OutcomeIntroduction.OTHER and unsaid:
            raise ValidationError(
                {"outcome_introduction": _("Write the introduction in the meeting's original language.")}
            )


class SummaryParagraph(Versioned):
    """A paragraph of the summary of deliberations on a topic."""

    discussion = models.ForeignKey(Discussion, on_delete=models.CASCADE, related_name="summary_paragraphs")
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"), help_text=MARKUP_HELP)

    class Meta:
        ordering = ["discussion", "order", "pk"]
        verbose_name = _("summary paragraph")
        verbose_name_plural = _("summary of deliberations")

    def __str__(self):
        return shown_in_active_language(self, "text")[:80]


class Recommendation(Versioned):
    """A recommendation identified on a topic; the report letters it (a), (b), …"""

    discussion = models.ForeignKey(Discussion, on_delete=models.CASCADE, related_name="recommendations")
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(
        _("text"),
        # format_lazy, not +: adding to a lazy string translates it at import, in English for good.
        help_text=format_lazy(
            "{} {}", _("Without the final semicolon or full stop, which the report adds by position."), MARKUP_HELP
        ),
    )

    # The Congress's compilation groups recommendations by theme (congress.Theme), several if needed.
    themes = models.ManyToManyField(
        "congress.Theme", blank=True, related_name="recommendations", verbose_name=_("themes")
    )

    class Meta:
        ordering = ["discussion", "order", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return shown_in_active_language(self, "text")[:80]
