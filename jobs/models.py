"""What the jobs know of each file they write: which version of the content it is, where it is kept, how it went.

One model for every file the jobs write, the report's and the Congress compilation's alike, so that a download
is always one path (jobs/serving.py: the file, 202 while it is prepared, 503 while a failed one waits), one
claim, one retry and one sweep. A report's file belongs to its meeting and is versioned by the meeting's content
version; a compilation's file (`Kind.COMPILATION`) belongs to its Congress, spans its meetings, and is versioned by
the site's content version; it is keyed by its filters (`filters`, as the page normalises them, and
`filters_key`, their stable hash) instead of a part. A sibling model would have needed a second copy of the
serving, claiming, retrying and sweeping code for the same states.
"""

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
        COMPILATION = "compilation", _("Compilation of a Congress's recommendations")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public")
        PREVIEW = "preview", _("Preview (staff)")

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="exports", null=True, blank=True
    )
    congress = models.ForeignKey(
        "congress.Congress",
        on_delete=models.CASCADE,
        related_name="exports",
        null=True,
        blank=True,
    )
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
    filters = models.JSONField(
        _("filters"), default=dict, blank=True, help_text=_("The compilation's filters, as its page normalises them.")
    )
    filters_key = models.CharField(_("filters key"), max_length=64, blank=True)
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
        # By the ids: an order through the (nullable) relations would join them, which FOR UPDATE refuses.
        ordering = ["meeting_id", "congress_id", "part", "language", "extension", "audience"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "audience", "language", "part", "revised", "extension"],
                name="one_export_per_file",
            ),
            models.UniqueConstraint(
                fields=["congress", "audience", "language", "filters_key", "extension"],
                condition=models.Q(congress__isnull=False),
                name="one_compilation_file",
            ),
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=True, congress__isnull=False, kind="compilation")
                | models.Q(meeting__isnull=False, congress__isnull=True) & ~models.Q(kind="compilation"),
                name="an_export_of_a_meeting_or_a_congress",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="ready") | ~models.Q(file=""), name="a_ready_export_has_its_file"
            ),
        ]

    def __str__(self):
        revised = " (as revised)" if self.revised else ""
        what = f"{self.part or self.meeting_id}{revised}"
        if self.kind == self.Kind.COMPILATION:
            what = f"congress {self.congress_id} [{self.filters_key[:8]}]"
        return f"{what} {self.language} .{self.extension} ({self.audience})"
