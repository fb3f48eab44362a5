"""What Rapporteur keeps of a report: each language version of an adopted report, as it was adopted."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AdoptedReport(models.Model):
    """One language version of a meeting's report as the meeting adopted it, for one audience: the report's
    document tree and its draft parts' trees (report/tree_json.py), with every shared name and text as it was."""

    class Audience(models.TextChoices):
        PUBLIC = "public", _("the public (published documents)")
        PREVIEW = "preview", _("the secretariat and the meeting's staff (every document)")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="adopted_versions",
        verbose_name=_("regional meeting"),
    )
    language = models.CharField(_("language"), max_length=2)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    tree = models.JSONField(_("report as adopted"))
    draft_parts = models.JSONField(_("draft report in parts as adopted"), default=dict)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("adopted report")
        verbose_name_plural = _("adopted reports")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "language", "audience"], name="one_adopted_version_per_language_and_audience"
            )
        ]

    def __str__(self):
        return f"{self.meeting_id} {self.language} {self.audience}"
