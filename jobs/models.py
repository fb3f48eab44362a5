"""What the jobs know of each file they write: which version of the meeting it is, where it is kept, how it went."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting


class Export(models.Model):
    """One file of a meeting's report, of a part of its draft, or of its list of participants (for staff only), in
    one format, language and audience: its latest version, the job that writes it, and where the file is kept."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being written")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        REPORT = "report", _("Report or part of its draft")
        PARTICIPANTS = "participants", _("List of participants (staff only)")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public")
        PREVIEW = "preview", _("Preview (staff)")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="exports")
    kind = models.CharField(_("document"), max_length=12, choices=Kind.choices, default=Kind.REPORT)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    language = models.CharField(_("language"), max_length=2, choices=Meeting.Language.choices)
    part = models.CharField(
        _("part"),
        max_length=200,
        blank=True,
        help_text=_("The symbol of the draft report's part, or of the list of participants; empty: the report."),
    )
    revised = models.BooleanField(
        _("as revised"),
        default=False,
        help_text=_("A part of the draft as the room revised it: the agreed text, without the marks of the changes."),
    )
    extension = models.CharField(_("format"), max_length=8)
    token = models.CharField(
        _("content version"), max_length=32, help_text=_("The meeting's content version the file is written from.")
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    file = models.FileField(_("file"), max_length=500, blank=True)
    filename = models.CharField(_("file name"), max_length=300, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_try_at = models.DateTimeField(_("next try at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["meeting", "part", "language", "extension", "audience"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "audience", "language", "part", "revised", "extension"],
                name="one_export_per_file",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="ready") | ~models.Q(file=""), name="a_ready_export_has_its_file"
            ),
        ]

    def __str__(self):
        revised = " (as revised)" if self.revised else ""
        return f"{self.part or self.meeting_id}{revised} {self.language} .{self.extension} ({self.audience})"
