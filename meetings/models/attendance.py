"""Who attended a meeting: the States and organizations represented, their delegates, and the officers elected."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from congress.models import Organization, State
from core.history import ContentHistory
from core.models import Versioned
from languages.versions import text_in
from meetings.offices import office_title


class Participation(Versioned):
    """A State or organization represented at a meeting, and in what capacity."""

    class Capacity(models.TextChoices):
        MEMBER = "member", _("Member of the regional commission")
        OBSERVER = "observer", _("Observer")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="participations")
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

    class ElectionMethod(models.TextChoices):
        # The standard phrase is the report's own words (catalogue context "report"), written in every language.
        ACCLAMATION = "acclamation", pgettext_lazy("report", "by acclamation")
        OTHER = "other", _("otherwise (say how in each language)")

    class Gender(models.TextChoices):
        # Only for the title of the office: Spanish, French and Arabic give it the holder's gender.
        WOMAN = "woman", _("woman")
        MAN = "man", _("man")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="officers")
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
        "meetings.Session", on_delete=models.PROTECT, related_name="elections", verbose_name=_("elected at")
    )
    election_method = models.CharField(
        _("elected"),
        max_length=100,
        choices=ElectionMethod.choices,
        default=ElectionMethod.ACCLAMATION,
        blank=True,
        help_text=_("Left empty, the report does not say how."),
    )
    election_wording = models.CharField(
        _("elected, in other words"),
        max_length=100,
        blank=True,
        help_text=_("How the officer was elected, as the report says it in each language, when not a standard way."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

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
        unsaid = self.meeting_id and not text_in(self, "election_wording", self.meeting.original_language)
        if self.election_method == self.ElectionMethod.OTHER and unsaid:
            raise ValidationError(
                {"election_wording": _("Say how the officer was elected in the meeting's original language.")}
            )
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
