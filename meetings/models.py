"""A regional preparatory meeting: its sessions, attendance, officers, agenda, documents and drafted text."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, F, Prefetch, Q, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, npgettext
from django.utils.translation import gettext_lazy as _

from congress.dates import date_range, long_date, ordinal
from congress.grammar import fill
from congress.models import Congress, Organization, RegionalCommission, StandardParagraph, State, Topic
from meetings.offices import office_title
from meetings.uploads import validate_document_upload
from workflow import visibility
from workflow.history import ContentHistory
from workflow.models import Versioned

# The language suffixes of the copies modeltranslation adds to a translated field (title_ar, title_zh_hans …),
# in the order of settings.LANGUAGES.
COPY_LANGUAGES = tuple(code.replace("-", "_") for code, _name in settings.LANGUAGES)

MARKUP_HELP = _("Write *italics* for titles and [A/CONF.234/PM.1] for a document symbol.")


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """The meetings `user` may see on the public site (workflow/visibility.py): the published ones, and
        the unpublished ones the secretariat and the meeting's own staff preview."""
        return self.filter(visibility.meetings_filter(user))

    def for_listing(self):
        """Grouped by Congress, newest first; within a Congress the meetings to come, then the past ones."""
        is_past = Case(When(end_date__lt=timezone.localdate(), then=1), default=0, output_field=models.IntegerField())
        return (
            self.select_related("congress", "venue_country")
            .annotate(is_past=is_past)
            .annotate(
                upcoming_start=Case(When(is_past=0, then="start_date")),
                past_start=Case(When(is_past=1, then="start_date")),
            )
            .order_by("-congress__ordinal", "is_past", "upcoming_start", F("past_start").desc(), "pk")
        )

    def for_meeting_page(self, user):
        """The meeting's facts and officers, its documents, and its plenary meetings with their items (for "today")."""
        return self.select_related("congress", "venue_country", "regional_commission").prefetch_related(
            Prefetch("officers", queryset=Officer.objects.select_related("state")),
            Prefetch("documents", queryset=Document.objects.visible_to(user), to_attr="visible_documents"),
            Prefetch("sessions", queryset=Session.objects.prefetch_related("agenda_items")),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("topic__congress", "topic__agenda_item", "topic__workshop"),
                to_attr="all_agenda_items",
            ),
        )

    def for_agenda(self, user):
        documents = Document.objects.visible_to(user).prefetch_related("files")
        return self.select_related("congress").prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.filter(parent=None).prefetch_related(
                    Prefetch("documents", queryset=documents),
                    Prefetch(
                        "sub_items",
                        queryset=AgendaItem.objects.select_related(
                            "topic__congress", "topic__agenda_item", "topic__workshop"
                        ).prefetch_related(Prefetch("documents", queryset=documents)),
                    ),
                ),
                to_attr="top_level_items",
            ),
        )

    def for_programme(self, user=None):
        """The plenary meetings and the items they take up; given a reader, every agenda item too, with the
        documents that reader may see and their files (meetings.programme numbers and lists them)."""
        queryset = self.select_related("congress", "venue_country").prefetch_related(
            Prefetch(
                "sessions",
                queryset=Session.objects.prefetch_related(
                    Prefetch(
                        "agenda_items",
                        queryset=AgendaItem.objects.select_related(
                            "parent", "topic__congress", "topic__agenda_item", "topic__workshop"
                        ),
                    )
                ),
            ),
        )
        if user is None:
            return queryset
        return queryset.prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related(
                    "topic__congress", "topic__agenda_item", "topic__workshop"
                ).prefetch_related(
                    Prefetch("documents", queryset=Document.objects.visible_to(user).prefetch_related("files"))
                ),
                to_attr="all_agenda_items",
            )
        )

    def for_documents(self, user):
        return self.select_related("congress").prefetch_related(
            Prefetch(
                "documents",
                queryset=Document.objects.visible_to(user).prefetch_related("files"),
                to_attr="visible_documents",
            )
        )

    def for_participation(self):
        return self.select_related("congress", "regional_commission").prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("state", "organization"))
        )

    def for_participants_list(self):
        """What the list of participants reads: the delegations, their delegates and the INF document's symbol."""
        return self.select_related("congress", "regional_commission").prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("state", "organization").prefetch_related("delegates"),
            ),
            Prefetch(
                "documents",
                queryset=Document.objects.filter(kind=Document.Kind.PARTICIPANTS),
                to_attr="participants_documents",
            ),
        )

    def for_report(self, user=None):
        """Everything the report builder reads, in a fixed number of queries whatever the meeting's size.

        Given the reader (`user`), the documents are those they may see (workflow/visibility.py), so the
        public report's annex and chapter IV list no unpublished document; without one (the admin's and the
        command line's exports), every document of the meeting.
        """
        from recommendations.models import Discussion

        return self.select_related(
            "congress__host_country",
            "regional_commission",
            "venue_country",
            "agenda_adopted_at",
            "organization_of_work_at",
            "report_adopted_at",
        ).prefetch_related(
            Prefetch(
                "congress__standard_paragraphs",
                queryset=StandardParagraph.objects.filter(part=StandardParagraph.Part.INTRODUCTION),
                to_attr="introduction_paragraphs",
            ),
            "paragraphs",
            "sessions",
            Prefetch("participations", queryset=Participation.objects.select_related("state", "organization")),
            Prefetch("officers", queryset=Officer.objects.select_related("state", "elected_at")),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("topic__congress", "topic__agenda_item", "topic__workshop"),
            ),
            Prefetch(
                "documents", queryset=Document.objects.all() if user is None else Document.objects.visible_to(user)
            ),
            Prefetch("part_assignments", queryset=ReportPartAssignment.objects.select_related("part")),
            Prefetch(
                "discussions",
                queryset=Discussion.objects.select_related(
                    "topic__congress", "topic__agenda_item", "topic__workshop"
                ).prefetch_related("summary_paragraphs", "recommendations"),
            ),
        )


class Meeting(Versioned):
    """A regional preparatory meeting for a Congress, such as the Western Asia meeting of 2019."""

    class Language(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        CHINESE = "zh", _("Chinese")
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        RUSSIAN = "ru", _("Russian")
        SPANISH = "es", _("Spanish")

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
    opened_by = models.CharField(
        _("opened by"),
        max_length=200,
        blank=True,
        help_text=_("As the report says it: “the Secretary of the Meeting”."),
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
        record, which must not put back what someone else changed since this instance was read."""
        Meeting.objects.select_for_update().filter(pk=self.pk).exists()
        self.refresh_from_db()

    @transaction.atomic
    def adopt_report(self, *, session=None, issued_on=None, job_number=None):
        """Records that the meeting adopted its report at a session, which freezes the report's content.

        The date of issue and job number are given here, not set on the instance before: the record is
        read again under lock first, which would drop them."""
        self._reload_locked()
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
        self.report_status = self.ReportStatus.DRAFT
        self._change_reason = f"Report reopened: {reason.strip()}"
        self.save()

    @property
    def series(self):
        """The symbol stem of the meeting's documents: A/CONF.234/RPM.2."""
        return f"{self.congress.symbol_prefix}/RPM.{self.number}"

    @property
    def title(self):
        return f"{self.region} Regional Preparatory Meeting for the {self.congress.title}"

    @property
    def display_title(self):
        """The title in the reader's language, from the translated region and Congress title."""
        # xgettext:no-python-brace-format
        template = gettext("{region} Regional Preparatory Meeting for the {congress}")
        return fill(template, translation.get_language(), region=self.region, congress=self.congress.title)

    @property
    def dates(self):
        return date_range(self.start_date, self.end_date)

    def draft_report_parts(self):
        """The draft report and its addenda (L.2, L.2/Add.1, …), in order, from the documents as loaded."""
        return [document for document in self.documents.all() if document.kind == Document.Kind.DRAFT_REPORT]

    def represented_by_category(self):
        """[(category, names)] in the order of a report's attendance paragraphs; reads prefetched participations."""
        participations = list(self.participations.all())
        groups = [
            (
                "members",
                [p.state.name for p in participations if p.capacity == Participation.Capacity.MEMBER],
            ),
            (
                "observer_states",
                [p.state.name for p in participations if p.state_id and p.capacity == Participation.Capacity.OBSERVER],
            ),
        ]
        organizations = sorted(
            (p.organization for p in participations if p.organization_id), key=lambda o: (o.precedence, o.name)
        )
        for category in Organization.Category:
            groups.append((category, [o.report_name for o in organizations if o.category == category]))
        return [
            (category_heading(label, len(names)), sorted(names) if index < 2 else names)
            for index, (label, names) in enumerate(groups)
            if names
        ]


def category_heading(category, count):
    """The heading of a group on the participation page, singular or plural as the group is."""
    headings = {
        "members": lambda n: npgettext(
            "participation", "State member of the regional commission", "States members of the regional commission", n
        ),
        "observer_states": lambda n: npgettext(
            "participation", "State represented by an observer", "States represented by observers", n
        ),
        Organization.Category.UN_ENTITY: lambda n: npgettext(
            "participation", "United Nations entity", "United Nations entities", n
        ),
        Organization.Category.INSTITUTE: lambda n: npgettext(
            "participation", "Programme network institute", "Programme network institutes", n
        ),
        Organization.Category.INTERGOVERNMENTAL: lambda n: npgettext(
            "participation", "Intergovernmental organization", "Intergovernmental organizations", n
        ),
        Organization.Category.NON_GOVERNMENTAL: lambda n: npgettext(
            "participation",
            "Non-governmental organization in consultative status",
            "Non-governmental organizations in consultative status",
            n,
        ),
    }
    return headings[category](count)


class Session(Versioned):
    """A numbered plenary meeting of a regional meeting ("1st meeting, 26 March 2019")."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sessions")
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
        return f"{ordinal(self.number)} meeting, {long_date(self.date)}"

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


class Participation(Versioned):
    """A State or organization represented at a meeting, and in what capacity."""

    class Capacity(models.TextChoices):
        MEMBER = "member", _("Member of the regional commission")
        OBSERVER = "observer", _("Observer")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    state = models.ForeignKey(
        State, on_delete=models.PROTECT, null=True, blank=True, related_name="participations", verbose_name=_("State")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organization"),
    )
    capacity = models.CharField(_("capacity"), max_length=10, choices=Capacity.choices, default=Capacity.OBSERVER)

    history = ContentHistory()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.CheckConstraint(
                condition=Q(state__isnull=False, organization__isnull=True)
                | Q(state__isnull=True, organization__isnull=False),
                name="participant_is_a_state_or_an_organization",
            ),
            models.CheckConstraint(
                condition=Q(capacity="observer") | Q(state__isnull=False),
                name="only_states_participate_as_members",
            ),
            models.UniqueConstraint(fields=["meeting", "state"], name="unique_state_participation"),
            models.UniqueConstraint(fields=["meeting", "organization"], name="unique_organization_participation"),
        ]

    def __str__(self):
        return str(self.state or self.organization)

    def clean(self):
        if bool(self.state_id) == bool(self.organization_id):
            raise ValidationError(_("Choose either a State or an organization."))
        if self.organization_id and self.capacity == self.Capacity.MEMBER:
            raise ValidationError({"capacity": _("Organizations attend as observers.")})
        if (
            self.state_id
            and self.meeting_id
            and self.capacity == self.Capacity.MEMBER
            and not self.meeting.regional_commission.member_states.filter(pk=self.state_id).exists()
        ):
            # The same rule as the list of participants' import (meetings/participants_import.py).
            raise ValidationError(
                {
                    "capacity": _(
                        "%(state)s is not a member of %(commission)s: choose “Observer”, or first add it to the "
                        "commission's member States."
                    )
                    % {"state": self.state, "commission": self.meeting.regional_commission}
                }
            )


class Delegate(Versioned):
    """A person in a delegation to a meeting; the list of participants (INF) names them, the report does not."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="delegates", verbose_name=_("delegation")
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("As the list of participants prints it: Ms. Amal Haddad")
    )
    function = models.CharField(_("title or function"), max_length=300, blank=True)
    is_head = models.BooleanField(_("head of delegation"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = ContentHistory()

    class Meta:
        ordering = ["participation", "-is_head", "order", "pk"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(
                fields=["participation"],
                condition=Q(is_head=True),
                name="one_head_per_delegation",
                violation_error_message=_("A delegation has one head; untick the other one first."),
            ),
            models.UniqueConstraint(
                fields=["participation", "name"],
                name="unique_delegate_name",
                violation_error_message=_("This person is already in the delegation."),
            ),
        ]

    def __str__(self):
        return self.name


class Officer(Versioned):
    """An officer elected by a meeting: its Chair, a Vice-Chair or its Rapporteur."""

    class Role(models.TextChoices):
        # The order is the order of the officers block of a report.
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-Chair")
        RAPPORTEUR = "rapporteur", _("Rapporteur")

    class Gender(models.TextChoices):
        # Only for the title of the office: Spanish, French and Arabic give it the holder's gender.
        WOMAN = "woman", _("woman")
        MAN = "man", _("man")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="officers")
    role = models.CharField(_("office"), max_length=20, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200)
    gender = models.CharField(
        _("gender"),
        max_length=5,
        choices=Gender.choices,
        blank=True,
        help_text=_(
            "Languages that mark gender give the office the holder's: Presidenta, Présidente, الرئيسة. "
            "Left blank, the report uses the usual form (Presidente, Président, الرئيس)."
        ),
    )
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="officers", verbose_name=_("State"))
    elected_at = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="elections", verbose_name=_("elected at")
    )
    election_method = models.CharField(_("elected"), max_length=100, default="by acclamation")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = ContentHistory()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "role"],
                condition=Q(role__in=["chair", "rapporteur"]),
                name="one_chair_and_one_rapporteur",
                violation_error_message=_("A meeting has one Chair and one Rapporteur."),
            ),
        ]

    def __str__(self):
        return f"{self.office_title()}: {self.name} ({self.state})"

    def office_title(self):
        """ "Chair"; in Spanish "Presidenta" or "Presidente" when the gender is recorded, else "Presidencia"."""
        return office_title(self.role, self.gender)

    def clean(self):
        if self.elected_at_id and self.meeting_id and self.elected_at.meeting_id != self.meeting_id:
            raise ValidationError({"elected_at": _("Choose a plenary meeting of this meeting.")})
        if (
            self.role in (self.Role.CHAIR, self.Role.RAPPORTEUR)
            and self.state_id
            and self.meeting_id
            and not self.meeting.participations.filter(
                state_id=self.state_id, capacity=Participation.Capacity.MEMBER
            ).exists()
        ):
            raise ValidationError(
                {
                    "state": _(
                        "The %(office)s comes from a State participating as a member, and %(state)s is not one: "
                        "add it to the States represented as a member and save, or choose another State."
                    )
                    % {"office": self.get_role_display(), "state": self.state}
                }
            )


class AgendaItem(Versioned):
    """An item of a meeting's agenda, or a sub-item of one."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_items",
        verbose_name=_("sub-item of"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(
        _("title"),
        max_length=700,
        blank=True,
        help_text=_("Without the final full stop. Left empty, a sub-item takes the title of its Congress topic."),
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_agenda_items",
        verbose_name=_("Congress topic"),
    )
    annotation = models.TextField(_("annotation"), blank=True, help_text=MARKUP_HELP)
    documents = models.ManyToManyField(
        "Document", blank=True, related_name="agenda_items", verbose_name=_("documents for the item")
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            # A title in some language (the meeting's original one, which the admin writes), or a Congress topic.
            models.CheckConstraint(
                condition=Q(topic__isnull=False)
                # Not `__gt=""`: a check that comes out NULL (a NULL copy) passes, so each copy is tested for NULL.
                | Q(
                    *[Q(**{f"title_{code}__isnull": False}) & ~Q(**{f"title_{code}": ""}) for code in COPY_LANGUAGES],
                    _connector=Q.OR,
                ),
                name="agenda_item_has_a_title",
            ),
        ]

    def __str__(self):
        return self.display_title

    def clean(self):
        if not any(getattr(self, f"title_{code}", None) for code in COPY_LANGUAGES) and not self.topic_id:
            raise ValidationError({"title": _("Give the item a title or link it to a Congress topic.")})
        if self.parent_id:
            if self.parent.meeting_id != self.meeting_id:
                raise ValidationError({"parent": _("A sub-item belongs to an item of the same meeting.")})
            if self.parent.parent_id:
                raise ValidationError({"parent": _("Sub-items cannot have sub-items of their own.")})
        if self.topic_id and self.meeting_id and self.topic.congress_id != self.meeting.congress_id:
            raise ValidationError({"topic": _("Choose a topic of this meeting's Congress.")})

    @property
    def display_title(self):
        """The title in the reader's language; else the Congress topic's; else the title as drafted, in
        whichever language the meeting wrote it (a Spanish meeting's item not yet translated into English)."""
        if self.title:
            return self.title
        if self.topic_id:
            return self.topic.title
        return next((copy for code in COPY_LANGUAGES if (copy := getattr(self, f"title_{code}", None))), "")


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published documents of published meetings, and those of the meetings `user` previews
        (workflow/visibility.py)."""
        return self.filter(visibility.documents_filter(user))


class Document(Versioned):
    """A document before a meeting, under its UN symbol."""

    class Kind(models.TextChoices):
        PROVISIONAL_AGENDA = "provisional_agenda", _("Provisional agenda")
        DRAFT_REPORT = "draft_report", _("Draft report or addendum")
        PARTICIPANTS = "participants", _("List of participants")
        BACKGROUND = "background", _("Background or conference room paper")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
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
        return f"{self.symbol} {self.title}"

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
    language = models.CharField(_("language"), max_length=2, choices=Meeting.Language.choices)
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


class MeetingParagraph(Versioned):
    """A drafted paragraph of a meeting's report outside the topics: statements, other matters, overrides."""

    class Part(models.TextChoices):
        # The order is the order in which the parts appear in the report.
        INTRODUCTION = "introduction", _("Introduction (replaces the Congress's standard text)")
        CONCLUSIONS_PREAMBLE = "conclusions_preamble", _("Conclusions and recommendations, before the topics")
        OTHER_MATTERS_CONCLUSIONS = "other_matters_conclusions", _("Conclusions and recommendations, other matters")
        OPENING_STATEMENTS = "opening_statements", _("Opening of the Meeting, statements")
        OTHER_MATTERS = "other_matters", _("Other matters (attendance and organization of work)")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="paragraphs")
    part = models.CharField(_("part of the report"), max_length=30, choices=Part.choices)
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"), help_text=MARKUP_HELP)

    class Meta:
        ordering = ["meeting", "part", "order", "pk"]
        verbose_name = _("report paragraph")
        verbose_name_plural = _("report paragraphs")

    def __str__(self):
        return self.text[:80]


class ReportPartAssignment(Versioned):
    """Puts a chapter or section of the report into one part of the draft report (L.2, L.2/Add.1, …).

    Whatever is not assigned goes with its chapter, and chapters not assigned go to the first part.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="part_assignments")
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
