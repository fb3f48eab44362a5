"""The programme of a meeting: its numbered plenary meetings, their days, times and rooms."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from core.models import Versioned
from languages import report_language
from languages.dates import long_date, session_ordinal


class Session(Versioned):
    """A numbered plenary meeting of a regional meeting ("1st meeting, 26 March 2019")."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("number"))
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Shown in the programme of work, e.g. Opening session.")
    )
    room = models.CharField(
        _("room"),
        max_length=200,
        blank=True,
        help_text=_("Where it meets, as the programme names it: Conference Room 2."),
    )
    agenda_items = models.ManyToManyField(
        "AgendaItem", blank=True, related_name="sessions", verbose_name=_("agenda items taken up")
    )

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("plenary meeting")
        verbose_name_plural = _("plenary meetings")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_session_number"),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=True) | Q(end_time__gt=F("start_time")),
                name="session_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        language = report_language(translation.get_language()) or "en"
        return pgettext("plenary meeting", "%(ordinal)s meeting, %(date)s") % {
            "ordinal": session_ordinal(self.number, language),
            "date": long_date(self.date, language),
        }

    def clean(self):
        meeting = self.meeting if self.meeting_id else None
        if (
            meeting
            and self.date
            and meeting.start_date
            and meeting.end_date
            and not meeting.start_date <= self.date <= meeting.end_date
        ):
            raise ValidationError(
                {"date": _("The date must fall within the meeting, %(dates)s.") % {"dates": meeting.dates}}
            )
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("A plenary meeting ends after it starts.")})
