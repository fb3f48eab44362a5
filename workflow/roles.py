"""Who may do what on which meeting.

Model permissions come from the role's Django group (created by `manage.py setup_roles`); the meeting
assignment says on which meetings they apply. The secretariat needs no assignment: it works on every
meeting. An adopted report freezes its meeting's content for everyone until the secretariat reopens it.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from workflow.models import MeetingAssignment, Role

SECRETARIAT = "Secretariat"

# Records that belong to one meeting, and the ORM path from each to it.
MEETING_PATHS = {
    "meetings.meeting": "pk",
    "meetings.session": "meeting",
    "meetings.participation": "meeting",
    "meetings.delegate": "participation__meeting",
    "meetings.officer": "meeting",
    "meetings.agendaitem": "meeting",
    "meetings.document": "meeting",
    "meetings.documentfile": "document__meeting",
    "meetings.reportpartassignment": "meeting",
    "meetings.meetingparagraph": "meeting",
    "recommendations.discussion": "meeting",
    "recommendations.summaryparagraph": "discussion__meeting",
    "recommendations.recommendation": "discussion__meeting",
    "workflow.meetingassignment": "meeting",
}
# What the report is written from; frozen once the report is adopted. Delegates only feed the list
# of participants, which is revised on its own (INF/2/Rev.1); uploaded files are not the report's text.
REPORT_CONTENT = set(MEETING_PATHS) - {"meetings.delegate", "meetings.documentfile", "workflow.meetingassignment"}
REGISTRIES = [
    "congress.state",
    "congress.organization",
    "congress.regionalcommission",
    "congress.congress",
    "congress.congressagendaitem",
    "congress.workshop",
    "congress.topic",
    "congress.standardparagraph",
    "congress.theme",
]
DRAFTING = ["recommendations.discussion", "recommendations.summaryparagraph", "recommendations.recommendation"]
MEETING_RECORDS = [label for label in MEETING_PATHS if label not in ("meetings.meeting", "workflow.meetingassignment")]


def _perms(actions, labels):
    return {f"{label.split('.')[0]}.{action}_{label.split('.')[1]}" for action in actions for label in labels}


_READ = _perms(["view"], [*REGISTRIES, *MEETING_PATHS])
ROLE_PERMISSIONS = {
    Role.EDITOR: _READ
    | _perms(["change"], ["meetings.meeting"])
    | _perms(["add", "change", "delete"], MEETING_RECORDS)
    | {"meetings.adopt_report"},
    Role.RAPPORTEUR: _READ | _perms(["add", "change", "delete"], DRAFTING),
    Role.REVIEWER: _READ,
}


def label_of(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def meeting_path(model):
    return MEETING_PATHS.get(label_of(model))


def meeting_model():
    """The meetings room's Meeting, taken by name: that room stands on this one."""
    return apps.get_model("meetings", "Meeting")


def meeting_of(obj):
    """The meeting a record belongs to, or None for the registries and the Congress."""
    if obj is None or isinstance(obj, meeting_model()):
        return obj
    path = meeting_path(type(obj))
    if path is None:
        return None
    for step in path.split("__"):
        obj = getattr(obj, step)
    return obj


def is_secretariat(user):
    if not hasattr(user, "_is_secretariat"):
        user._is_secretariat = user.is_active and (user.is_superuser or user.groups.filter(name=SECRETARIAT).exists())
    return user._is_secretariat


def roles_by_meeting(user):
    if not hasattr(user, "_roles_by_meeting"):
        user._roles_by_meeting = dict(
            MeetingAssignment.objects.filter(user_id=user.pk).values_list("meeting_id", "role")
        )
    return user._roles_by_meeting


def visible_meetings(user):
    if is_secretariat(user):
        return meeting_model().objects.all()
    return meeting_model().objects.filter(pk__in=list(roles_by_meeting(user)))


def meetings_where(user, action, model):
    """The meetings on which the user may `action` records of `model`: what a meeting choice offers."""
    label = label_of(model)
    meetings = visible_meetings(user)
    if label in REPORT_CONTENT and action != "view":
        meetings = meetings.exclude(report_status="adopted")
    if is_secretariat(user):
        return meetings
    codename = f"{model._meta.app_label}.{action}_{model._meta.model_name}"
    allowed = [m for m, role in roles_by_meeting(user).items() if codename in ROLE_PERMISSIONS[role]]
    return meetings.filter(pk__in=allowed)


def may(user, action, model, meeting):
    """Whether the user may `action` ("view", "add", "change", "delete") records of `model` of `meeting`."""
    codename = f"{model._meta.app_label}.{action}_{model._meta.model_name}"
    if not user.has_perm(codename):
        return False
    if meeting is None:
        return True
    if action != "view" and meeting.report_is_adopted and label_of(model) in REPORT_CONTENT:
        return False
    if is_secretariat(user):
        return True
    role = roles_by_meeting(user).get(meeting.pk)
    return role is not None and codename in ROLE_PERMISSIONS[role]


def frozen_message(meeting):
    return _(
        "The report of %(meeting)s was adopted at the %(session)s, so its content can no longer be changed. "
        "Ask the secretariat to reopen the report if it must be corrected."
    ) % {"meeting": meeting, "session": meeting.report_adopted_at}


def may_adopt(user, meeting):
    """Whether the user may record that `meeting` adopted its report."""
    if not user.has_perm("meetings.adopt_report"):
        return False
    if is_secretariat(user):
        return True
    role = roles_by_meeting(user).get(meeting.pk)
    return role is not None and "meetings.adopt_report" in ROLE_PERMISSIONS[role]
