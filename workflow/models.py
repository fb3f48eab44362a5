"""Who works on which meeting, and in what role."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import ContentHistory


class Role(models.TextChoices):
    """What a staff member may do on a meeting they are assigned to; the secretariat needs no assignment."""

    EDITOR = "editor", _("Meeting editor")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    REVIEWER = "reviewer", _("Reviewer (read only)")


# The Django group of each role, whose model permissions (workflow/roles.py) an assignment applies to its meeting.
GROUP_NAMES = {
    Role.EDITOR: "Meeting editors",
    Role.RAPPORTEUR: "Rapporteurs",
    Role.REVIEWER: "Reviewers",
}


def group_for(role):
    return Group.objects.get_or_create(name=GROUP_NAMES[role])[0]


class MeetingAssignment(models.Model):
    """A staff member assigned to one meeting in one role."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="assignments", verbose_name=_("meeting")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_assignments",
        verbose_name=_("staff member"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    history = ContentHistory()

    class Meta:
        ordering = ["meeting", "role", "user__username"]
        verbose_name = _("meeting assignment")
        verbose_name_plural = _("meeting assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                name="one_role_per_staff_member_and_meeting",
                violation_error_message=_("This staff member already has a role on this meeting; change that one."),
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_role_display()}, {self.meeting}"

    def save(self, *args, **kwargs):
        """Keeps the staff member in the role's group, whose permissions the assignment applies to this meeting."""
        super().save(*args, **kwargs)
        self.user.groups.add(group_for(self.role))
        if not self.user.is_staff:
            self.user.is_staff = True
            self.user.save(update_fields=["is_staff"])
