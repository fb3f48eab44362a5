"""The documents before a meeting, their uploaded language versions, and the parts of its draft report."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.history import ContentHistory
from core.models import Versioned
from languages.codes import Language as ReportLanguage
from languages.versions import shown_in_active_language
from meetings import visibility
from meetings.uploads import validate_document_upload


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published documents of published meetings, and those of the meetings `user` previews
        (meetings/visibility.py)."""
        return self.filter(visibility.documents_filter(user))


class Document(Versioned):
    """A document before a meeting, under its UN symbol."""

    class Kind(models.TextChoices):
        PROVISIONAL_AGENDA = "provisional_agenda", _("Provisional agenda")
        DRAFT_REPORT = "draft_report", _("Draft report or addendum")
        PARTICIPANTS = "participants", _("List of participants")
        BACKGROUND = "background", _("Background or conference room paper")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="documents")
    symbol = models.CharField(_("symbol"), max_length=80, help_text=_("A/CONF.234/RPM.2/L.1"))
    title = models.CharField(_("title"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BACKGROUND)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    issued_on = models.DateField(
        _("issued on"),
        null=True,
        blank=True,
        help_text=_("The masthead's date; until it is entered, the exports say “date to be set”."),
    )
    job_number = models.CharField(_("job number"), max_length=30, blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published documents are listed on the public site.")
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "symbol"],
                name="unique_document_symbol",
                violation_error_message=_("This meeting already has a document with this symbol."),
            ),
        ]

    def __str__(self):
        return f"{self.symbol} {shown_in_active_language(self, 'title')}"

    # The meeting's own documents are in its series; others (discussion guide, CRPs) in the Congress's.
    OWN_SERIES_KINDS = ("provisional_agenda", "draft_report", "participants")

    @property
    def short_symbol(self):
        """The symbol within its meeting's series, as download addresses use it: L.2-Add.1."""
        series = f"{self.meeting.series}/"
        symbol = self.symbol.removeprefix(series)
        return symbol.replace("/", "-")

    def clean(self):
        if not (self.symbol and self.meeting_id):
            return
        series = self.meeting.series if self.kind in self.OWN_SERIES_KINDS else self.meeting.congress.symbol_prefix
        if not self.symbol.startswith(f"{series}/"):
            raise ValidationError(
                {
                    "symbol": _("A %(kind)s of this meeting has a symbol in the series %(series)s/…")
                    % {
                        "kind": self.get_kind_display().lower(),
                        "series": series,
                    }
                }
            )


def document_file_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    document = instance.document
    return f"documents/{document.meeting.slug}/{slugify(document.symbol)}-{instance.language}.{extension}"


class DocumentFile(Versioned):
    """One language version of a document, as uploaded by the secretariat."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=2, choices=ReportLanguage.choices)
    file = models.FileField(
        _("file"),
        upload_to=document_file_path,
        validators=[validate_document_upload],
        help_text=_("A PDF, Word (.docx, .doc) or OpenDocument text (.odt) file."),
    )

    history = ContentHistory()

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"],
                name="one_file_per_document_language",
                violation_error_message=_("This document already has a file in this language."),
            ),
        ]

    def __str__(self):
        return f"{self.document.symbol} ({self.get_language_display()})"

    def get_absolute_url(self):
        return reverse(
            "meetings:document_file",
            kwargs={"slug": self.document.meeting.slug, "pk": self.document_id, "language": self.language},
        )

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]


class ReportPartAssignment(Versioned):
    """Puts a chapter or section of the report into one part of the draft report (L.2, L.2/Add.1, …).

    Whatever is not assigned goes with its chapter, and chapters not assigned go to the first part.
    """

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="part_assignments")
    section = models.CharField(_("chapter or section"), max_length=60)
    part = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="assigned_sections",
        limit_choices_to={"kind": Document.Kind.DRAFT_REPORT},
        verbose_name=_("part of the draft report"),
    )

    history = ContentHistory()

    class Meta:
        ordering = ["meeting", "part__order", "pk"]
        verbose_name = _("part of the draft report")
        verbose_name_plural = _("parts of the draft report")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "section"],
                name="one_part_per_section",
                violation_error_message=_("This chapter or section is already in another part."),
            ),
        ]

    def __str__(self):
        return f"{self.section} → {self.part.symbol}"

    def clean(self):
        if self.part_id and self.meeting_id:
            if self.part.meeting_id != self.meeting_id:
                raise ValidationError({"part": _("Choose a draft report of this meeting.")})
            if self.part.kind != Document.Kind.DRAFT_REPORT:
                raise ValidationError({"part": _("Only a draft report or its addendum can be a part.")})
