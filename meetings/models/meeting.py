"""A regional preparatory meeting: its Congress, region, venue, dates, languages and the state of its report."""

import zoneinfo

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from caching import content_version
from congress.models import Congress, RegionalCommission, State
from core.models import Versioned
from languages import report_language
from languages.codes import Language as ReportLanguage
from languages.dates import date_range
from languages.grammar import fill
from languages.versions import shown_text, text_in
from meetings.models.documents import Document
from meetings.models.queries import MeetingQuerySet


class Meeting(Versioned):
    """A regional preparatory meeting for a Congress, such as the Western Asia meeting of 2019."""

    Language = ReportLanguage

    class Opener(models.TextChoices):
        # The standard phrase is the report's own words (catalogue context "report"), written in every language.
        SECRETARY = "secretary", pgettext_lazy("report", "the Secretary of the Meeting")
        OTHER = "other", _("someone else (say who in each language)")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_SESSION = "in_session", _("In session")
        CLOSED = "closed", _("Closed")

    class ReportStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")

    congress = models.ForeignKey(
        Congress, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("Congress")
    )
    region = models.CharField(_("region"), max_length=100, help_text=_("Western Asia"))
    regional_commission = models.ForeignKey(
        RegionalCommission,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("regional commission"),
    )
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("2 for RPM.2; not in date order."))
    symbol = models.CharField(
        _("report symbol"),
        max_length=60,
        unique=True,
        blank=True,
        error_messages={"unique": _("Another meeting already has this report symbol.")},
        help_text=_("Left empty, it becomes the meeting's series followed by /1, e.g. A/CONF.234/RPM.2/1."),
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True, help_text=_("western-asia-2019"))
    venue_city = models.CharField(_("city"), max_length=100)
    venue_country = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="meetings_hosted", verbose_name=_("host country")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    original_language = models.CharField(
        _("original language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    second_original_language = models.CharField(
        _("second original language"),
        max_length=2,
        choices=Language.choices,
        blank=True,
        help_text=_("When the report is drafted in two languages, both are originals: “Original: Spanish/English”."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Until it is published, only the secretariat sees the meeting on the public site."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=60,
        default="UTC",
        help_text=_("Of the venue, as in the tz database (Asia/Beirut); the programme's times are local times."),
    )
    opener = models.CharField(
        _("opened by"),
        max_length=20,
        choices=Opener.choices,
        blank=True,
        help_text=_("Left empty, the report does not say who opened the Meeting."),
    )
    opened_by = models.CharField(
        _("opened by, in other words"),
        max_length=200,
        blank=True,
        help_text=_("Who opened the Meeting, as the report says it in each language, when it is someone else."),
    )
    agenda_adopted_at = models.ForeignKey(
        "Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agenda adopted at"),
    )
    organization_of_work_at = models.ForeignKey(
        "Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization of work approved at"),
    )
    report_adopted_at = models.ForeignKey(
        "Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("report adopted at"),
    )
    report_issued_on = models.DateField(
        _("report issued on"),
        null=True,
        blank=True,
        help_text=_("The masthead's date; until it is entered, the exports say “date to be set”."),
    )
    report_job_number = models.CharField(
        _("report job number"), max_length=30, blank=True, help_text=_("As in the footer, e.g. V.19-02154.")
    )
    # How this meeting's report words what UN reports word in more than one way (report/builder.py).
    sole_annex_numbered = models.BooleanField(
        _("number a sole annex"),
        default=False,
        help_text=_("A report with one annex heads it “Annex”, as UN reports usually do; tick for “Annex I”."),
    )
    congress_line_with_country = models.BooleanField(
        _("name the Congress's host country"),
        default=True,
        help_text=_(
            "The line under the Congress's name says “Kyoto, Japan”; untick for a city known without it (“Doha”)."
        ),
    )
    main_theme_short_congress = models.BooleanField(
        _("short name of the Congress in the main theme's heading"),
        default=False,
        help_text=_(
            "The heading of the main theme names the Congress by its short title (“Main theme of the 14th "
            "Congress …”) instead of its full title."
        ),
    )
    report_status = models.CharField(
        _("report"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        editable=False,
        help_text=_("Once adopted, the report's content is frozen until the secretariat reopens it."),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("regional meeting")
        verbose_name_plural = _("regional meetings")
        permissions = [
            ("adopt_report", _("Can record the adoption of a meeting's report")),
            ("reopen_report", _("Can reopen an adopted report for editing")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "number"],
                name="unique_meeting_number_per_congress",
                violation_error_message=_("This Congress already has a regional meeting with this number."),
            ),
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="meeting_ends_after_it_starts"),
        ]

    def __str__(self):
        return self.symbol or self.title

    def save(self, *args, **kwargs):
        if not self.symbol and self.congress_id and self.number:
            self.symbol = f"{self.series}/1"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.time_zone not in zoneinfo.available_timezones():
            errors["time_zone"] = _("Enter a time zone of the tz database, such as Asia/Beirut.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The meeting cannot end before it starts: check the end date.")
        if self.opener == self.Opener.OTHER and not text_in(self, "opened_by", self.original_language):
            errors["opened_by"] = _("Say who opened the Meeting in its original language, or choose a standard phrase.")
        if self.second_original_language and self.second_original_language == self.original_language:
            errors["second_original_language"] = _("Choose a language other than the original language, or none.")
        if self.symbol and self.congress_id and self.number and not self.symbol.startswith(f"{self.series}/"):
            errors["symbol"] = _("The report symbol must be in the meeting's series, %(series)s/…") % {
                "series": self.series
            }
        for field in ("agenda_adopted_at", "organization_of_work_at", "report_adopted_at"):
            session = getattr(self, field)
            if session is not None and session.meeting_id != self.pk:
                errors[field] = _("Choose one of this meeting's own sessions.")
        if errors:
            raise ValidationError(errors)

    @property
    def report_is_adopted(self):
        return self.report_status == self.ReportStatus.ADOPTED

    def _reload_locked(self):
        """The meeting as it is now, locked until the transaction ends: adopting or reopening writes the whole
        record, which must not put back what someone else changed since this instance was read.

        The site's content lock comes first, as in every writing transaction (an XLIFF import takes the two
        in the same order, then reads whether the report is adopted): the two never wait on each other."""
        content_version.lock()
        Meeting.objects.select_for_update().filter(pk=self.pk).exists()
        self.refresh_from_db()

    def _discard_adopted_report(self):
        """Drops the report kept as adopted (report/adopted.py; the report room's model, taken by name)."""
        apps.get_model("report", "AdoptedReport").objects.filter(meeting_id=self.pk).delete()

    @transaction.atomic
    def adopt_report(self, *, session=None, issued_on=None, job_number=None):
        """Records that the meeting adopted its report at a session, which freezes the report's content.

        The date of issue and job number are given here, not set on the instance before: the record is
        read again under lock first, which would drop them. The report as adopted is kept by
        report.adopted.adopt, which calls this; here any report kept before is dropped, never served again."""
        self._reload_locked()
        self._discard_adopted_report()
        if issued_on is not None:
            self.report_issued_on = issued_on
        if job_number is not None:
            self.report_job_number = job_number
        session = session or self.report_adopted_at
        if session is None or session.meeting_id != self.pk:
            raise ValidationError(
                _("Choose the plenary meeting at which the report was adopted (“report adopted at”), then adopt it.")
            )
        self.report_adopted_at = session
        self.report_status = self.ReportStatus.ADOPTED
        self._change_reason = f"Report adopted at the {session}"
        self.save()

    @transaction.atomic
    def reopen_report(self, *, reason):
        """Returns an adopted report to draft so it can be corrected; the reason is kept in its history."""
        if not reason.strip():
            raise ValidationError(_("Say why the adopted report is reopened."))
        self._reload_locked()
        self._discard_adopted_report()
        self.report_status = self.ReportStatus.DRAFT
        self._change_reason = f"Report reopened: {reason.strip()}"
        self.save()

    @property
    def series(self):
        """The symbol stem of the meeting's documents: A/CONF.234/RPM.2."""
        return f"{self.congress.symbol_prefix}/RPM.{self.number}"

    @property
    def title(self):
        return self.display_title

    @property
    def display_title(self):
        """The title in the reader's language (the active one)."""
        return self.display_title_in(report_language(translation.get_language()) or "en")

    def display_title_in(self, language):
        """The title in `language`, the words from the catalogue, the region and the Congress's title in that
        language or else in their original."""
        # xgettext:no-python-brace-format
        template = gettext("{region} Regional Preparatory Meeting for the {congress}")
        region, congress = shown_text(self, "region", language)[0], shown_text(self.congress, "title", language)[0]
        return fill(template, language, region=region, congress=congress)

    @property
    def dates(self):
        """ "from 26 to 28 March 2019" in the reader's language (the active one)."""
        return date_range(self.start_date, self.end_date, report_language(translation.get_language()) or "en")

    def draft_report_parts(self):
        """The draft report and its addenda (L.2, L.2/Add.1, …), in order, from the documents as loaded."""
        return [document for document in self.documents.all() if document.kind == Document.Kind.DRAFT_REPORT]
