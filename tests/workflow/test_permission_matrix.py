"""Every URL of the site and the admin, for every role and an anonymous visitor: the status each one gets.

MATRIX has one row per URL pattern (its name, or its route when it has none), one status per role. A pattern
added to the site without a row fails `test_every_url_pattern_has_a_row`; adding the row is one line.
Object URLs point at records of `staff.meeting`, which the editor, rapporteur and reviewer are assigned to;
the outsider edits another meeting and must not reach them (302: the admin says the record does not exist).
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from congress.models import Organization, RegionalCommission, State, Topic
from jobs.models import Export
from meetings.models import Document
from tests.factories import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "secretariat", "editor", "rapporteur", "reviewer", "outsider"]

# fmt: off
MATRIX = {
    #                                                         anon sec  edit rapp rev  out
    "home":                                                   "200 200 200 200 200 200",
    "search":                                                 "200 200 200 200 200 200",
    "healthz":                                                "200 200 200 200 200 200",
    "meetings:detail":                                        "200 200 200 200 200 200",
    "meetings:agenda":                                        "200 200 200 200 200 200",
    "meetings:programme":                                     "200 200 200 200 200 200",
    "meetings:programme_ics":                                 "200 200 200 200 200 200",
    "meetings:day":                                           "200 200 200 200 200 200",
    "meetings:day_ics":                                       "200 200 200 200 200 200",
    "meetings:today":                                         "302 302 302 302 302 302",
    "meetings:today_session":                                 "200 200 200 200 200 200",
    "meetings:now":                                           "200 200 200 200 200 200",
    "meetings:documents":                                     "200 200 200 200 200 200",
    "meetings:document_file":                                 "200 200 200 200 200 200",
    "meetings:participation":                                 "200 200 200 200 200 200",
    "meetings:report":                                        "200 200 200 200 200 200",
    "meetings:report_download":                               "200 200 200 200 200 200",
    "meetings:draft_part_download":                           "200 200 200 200 200 200",
    "meetings:revised_part_download":                         "200 200 200 200 200 200",
    "meeting_feed":                                           "200 200 200 200 200 200",
    "congress_feed":                                          "200 200 200 200 200 200",
    "congress":                                               "200 200 200 200 200 200",
    "compilation":                                            "200 200 200 200 200 200",
    "compilation_download":                                   "200 200 200 200 200 200",
    "api:congress-list":                                      "200 200 200 200 200 200",
    "api:congress-detail":                                    "200 200 200 200 200 200",
    "api:meeting-list":                                       "200 200 200 200 200 200",
    "api:meeting-detail":                                     "200 200 200 200 200 200",
    "api:meeting-paragraphs":                                 "200 200 200 200 200 200",
    "api:meeting-recommendations":                            "200 200 200 200 200 200",
    "api:schema":                                             "200 200 200 200 200 200",
    "api:docs":                                               "200 200 200 200 200 200",
    "api:not-found":                                          "404 404 404 404 404 404",
    "admin:index":                                            "302 200 200 200 200 200",
    "admin:login":                                            "200 302 302 302 302 302",
    "admin:logout":                                           "302 405 405 405 405 405",
    "admin:password_change":                                  "302 200 200 200 200 200",
    "admin:password_change_done":                             "302 200 200 200 200 200",
    "admin:autocomplete":                                     "302 200 200 200 200 200",
    "admin:jsi18n":                                           "302 200 200 200 200 200",
    "admin:view_on_site":                                     "302 302 302 302 302 302",
    "admin_view_on_site":                                     "302 302 302 302 302 302",
    "admin:auth_group_changelist":                            "302 403 403 403 403 403",
    "admin:auth_group_add":                                   "302 403 403 403 403 403",
    "admin:auth_group_history":                               "302 403 403 403 403 403",
    "admin:auth_group_delete":                                "302 403 403 403 403 403",
    "admin:auth_group_change":                                "302 403 403 403 403 403",
    "admin/auth/group/<path:object_id>/":                     "302 302 302 302 302 302",
    "admin:auth_user_password_change":                        "302 403 403 403 403 403",
    "admin:auth_user_changelist":                             "302 403 403 403 403 403",
    "admin:auth_user_add":                                    "302 403 403 403 403 403",
    "admin:auth_user_history":                                "302 403 403 403 403 403",
    "admin:auth_user_delete":                                 "302 403 403 403 403 403",
    "admin:auth_user_change":                                 "302 403 403 403 403 403",
    "admin/auth/user/<path:object_id>/":                      "302 302 302 302 302 302",
    "admin:jobs_export_changelist":                           "302 200 403 403 403 403",
    "admin:jobs_export_add":                                  "302 403 403 403 403 403",
    "admin:jobs_export_history":                              "302 200 403 403 403 403",
    "admin:jobs_export_delete":                               "302 403 403 403 403 403",
    "admin:jobs_export_change":                               "302 200 403 403 403 403",
    "admin/jobs/export/<path:object_id>/":                    "302 302 302 302 302 302",
    "admin:workflow_meetingassignment_simple_history":        "302 200 200 200 200 403",
    "admin:workflow_meetingassignment_changelist":            "302 200 200 200 200 200",
    "admin:workflow_meetingassignment_add":                   "302 200 403 403 403 403",
    "admin:workflow_meetingassignment_history":               "302 200 200 200 200 403",
    "admin:workflow_meetingassignment_delete":                "302 200 403 403 403 403",
    "admin:workflow_meetingassignment_change":                "302 200 200 200 200 302",
    "admin/workflow/meetingassignment/<path:object_id>/":     "302 302 302 302 302 302",
    "admin:congress_state_simple_history":                    "302 200 200 200 200 200",
    "admin:congress_state_changelist":                        "302 200 200 200 200 200",
    "admin:congress_state_add":                               "302 200 403 403 403 403",
    "admin:congress_state_history":                           "302 200 200 200 200 200",
    "admin:congress_state_delete":                            "302 200 403 403 403 403",
    "admin:congress_state_change":                            "302 200 200 200 200 200",
    "admin/congress/state/<path:object_id>/":                 "302 302 302 302 302 302",
    "admin:congress_organization_simple_history":             "302 200 200 200 200 200",
    "admin:congress_organization_changelist":                 "302 200 200 200 200 200",
    "admin:congress_organization_add":                        "302 200 403 403 403 403",
    "admin:congress_organization_history":                    "302 200 200 200 200 200",
    "admin:congress_organization_delete":                     "302 200 403 403 403 403",
    "admin:congress_organization_change":                     "302 200 200 200 200 200",
    "admin/congress/organization/<path:object_id>/":          "302 302 302 302 302 302",
    "admin:congress_regionalcommission_simple_history":       "302 200 200 200 200 200",
    "admin:congress_regionalcommission_changelist":           "302 200 200 200 200 200",
    "admin:congress_regionalcommission_add":                  "302 200 403 403 403 403",
    "admin:congress_regionalcommission_history":              "302 200 200 200 200 200",
    "admin:congress_regionalcommission_delete":               "302 200 403 403 403 403",
    "admin:congress_regionalcommission_change":               "302 200 200 200 200 200",
    "admin/congress/regionalcommission/<path:object_id>/":    "302 302 302 302 302 302",
    "admin:congress_congress_simple_history":                 "302 200 200 200 200 200",
    "admin:congress_congress_changelist":                     "302 200 200 200 200 200",
    "admin:congress_congress_add":                            "302 200 403 403 403 403",
    "admin:congress_congress_history":                        "302 200 200 200 200 200",
    "admin:congress_congress_delete":                         "302 200 403 403 403 403",
    "admin:congress_congress_change":                         "302 200 200 200 200 200",
    "admin/congress/congress/<path:object_id>/":              "302 302 302 302 302 302",
    "admin:congress_topic_simple_history":                    "302 200 200 200 200 200",
    "admin:congress_topic_changelist":                        "302 200 200 200 200 200",
    "admin:congress_topic_add":                               "302 200 403 403 403 403",
    "admin:congress_topic_history":                           "302 200 200 200 200 200",
    "admin:congress_topic_delete":                            "302 200 403 403 403 403",
    "admin:congress_topic_change":                            "302 200 200 200 200 200",
    "admin/congress/topic/<path:object_id>/":                 "302 302 302 302 302 302",
    "admin:meetings_meeting_simple_history":                  "302 200 200 200 200 403",
    "admin:meetings_meeting_changelist":                      "302 200 200 200 200 200",
    "admin:meetings_meeting_add":                             "302 200 403 403 403 403",
    "admin:meetings_meeting_history":                         "302 200 200 200 200 403",
    "admin:meetings_meeting_delete":                          "302 200 403 403 403 403",
    "admin:meetings_meeting_change":                          "302 200 200 200 200 302",
    "admin:meetings_meeting_participants":                    "302 200 200 200 200 302",
    "admin:meetings_meeting_part":                            "302 200 200 200 200 302",
    "admin:meetings_meeting_deliberations":                   "302 200 200 200 200 302",
    "admin:meetings_meeting_aligned":                         "302 200 200 200 200 404",
    "admin:meetings_meeting_reading":                         "302 200 200 200 200 404",
    "admin:meetings_meeting_projector":                       "302 200 200 200 200 404",
    "admin:meetings_meeting_xliff_import":                    "302 200 200 200 200 404",
    "admin:meetings_meeting_xliff_export":                    "302 200 200 200 200 404",
    "admin:meetings_meeting_word_import":                     "302 200 200 200 200 404",
    "admin:recommendations_discussion_part":                  "302 200 200 200 200 302",
    "admin:meetings_session_simple_history":                  "302 200 200 200 200 403",
    "admin:meetings_session_changelist":                      "302 200 200 200 200 200",
    "admin:meetings_session_add":                             "302 403 403 403 403 403",
    "admin:meetings_session_history":                         "302 200 200 200 200 403",
    "admin:meetings_session_delete":                          "302 200 200 403 403 302",
    "admin:meetings_session_change":                          "302 200 200 200 200 302",
    "admin/meetings/session/<path:object_id>/":               "302 302 302 302 302 302",
    "admin:meetings_agendaitem_simple_history":               "302 200 200 200 200 403",
    "admin:meetings_agendaitem_changelist":                   "302 200 200 200 200 200",
    "admin:meetings_agendaitem_add":                          "302 403 403 403 403 403",
    "admin:meetings_agendaitem_history":                      "302 200 200 200 200 403",
    "admin:meetings_agendaitem_delete":                       "302 200 200 403 403 302",
    "admin:meetings_agendaitem_change":                       "302 200 200 200 200 302",
    "admin/meetings/agendaitem/<path:object_id>/":            "302 302 302 302 302 302",
    "admin/meetings/meeting/<path:object_id>/":               "302 302 302 302 302 302",
    "admin:meetings_participation_simple_history":            "302 200 200 200 200 403",
    "admin:meetings_participation_changelist":                "302 200 200 200 200 200",
    "admin:meetings_participation_add":                       "302 200 200 403 403 200",
    "admin:meetings_participation_history":                   "302 200 200 200 200 403",
    "admin:meetings_participation_delete":                    "302 200 200 403 403 302",
    "admin:meetings_participation_change":                    "302 200 200 200 200 302",
    "admin:meetings_participation_import":                    "302 200 200 403 403 200",
    "admin:meetings_participation_process_import":            "302 405 405 405 405 405",
    "admin/meetings/participation/<path:object_id>/":         "302 302 302 302 302 302",
    "admin:meetings_document_simple_history":                 "302 200 200 200 200 403",
    "admin:meetings_document_changelist":                     "302 200 200 200 200 200",
    "admin:meetings_document_add":                            "302 200 200 403 403 200",
    "admin:meetings_document_history":                        "302 200 200 200 200 403",
    "admin:meetings_document_delete":                         "302 200 200 403 403 302",
    "admin:meetings_document_change":                         "302 200 200 200 200 302",
    "admin/meetings/document/<path:object_id>/":              "302 302 302 302 302 302",
    "admin:meetings_meetingparagraph_simple_history":         "302 200 200 200 200 403",
    "admin:meetings_meetingparagraph_changelist":             "302 200 200 200 200 200",
    "admin:meetings_meetingparagraph_add":                    "302 200 200 403 403 200",
    "admin:meetings_meetingparagraph_history":                "302 200 200 200 200 403",
    "admin:meetings_meetingparagraph_delete":                 "302 200 200 403 403 302",
    "admin:meetings_meetingparagraph_change":                 "302 200 200 200 200 302",
    "admin/meetings/meetingparagraph/<path:object_id>/":      "302 302 302 302 302 302",
    "admin:recommendations_discussion_simple_history":        "302 200 200 200 200 403",
    "admin:recommendations_discussion_changelist":            "302 200 200 200 200 200",
    "admin:recommendations_discussion_add":                   "302 200 200 200 403 200",
    "admin:recommendations_discussion_history":               "302 200 200 200 200 403",
    "admin:recommendations_discussion_delete":                "302 200 200 200 403 302",
    "admin:recommendations_discussion_change":                "302 200 200 200 200 302",
    "admin/recommendations/discussion/<path:object_id>/":     "302 302 302 302 302 302",
    "admin:recommendations_summaryparagraph_simple_history":  "302 200 200 200 200 403",
    "admin:recommendations_summaryparagraph_changelist":      "302 200 200 200 200 200",
    "admin:recommendations_summaryparagraph_add":             "302 200 200 200 403 200",
    "admin:recommendations_summaryparagraph_history":         "302 200 200 200 200 403",
    "admin:recommendations_summaryparagraph_delete":          "302 200 200 200 403 302",
    "admin:recommendations_summaryparagraph_change":          "302 200 200 200 200 302",
    "admin/recommendations/summaryparagraph/<path:object_id>/":"302 302 302 302 302 302",
    "admin:recommendations_recommendation_simple_history":    "302 200 200 200 200 403",
    "admin:recommendations_recommendation_changelist":        "302 200 200 200 200 200",
    "admin:recommendations_recommendation_add":               "302 200 200 200 403 200",
    "admin:recommendations_recommendation_history":           "302 200 200 200 200 403",
    "admin:recommendations_recommendation_delete":            "302 200 200 200 403 302",
    "admin:recommendations_recommendation_change":            "302 200 200 200 200 302",
    "admin/recommendations/recommendation/<path:object_id>/": "302 302 302 302 302 302",
    "admin:app_list":                                         "302 200 200 200 200 200",
    "admin/(?P<url>.*)$":                                     "302 404 404 404 404 404",
}
# fmt: on


def url_patterns():
    """(key, route) of every URL pattern of the site, admin included."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                route = prefix + str(pattern.pattern)
                name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
                yield name or route, route

    return list(walk(get_resolver().url_patterns, "", None))


MODEL_VIEW = re.compile(
    r"^admin:(?P<model>[a-z]+_[a-z]+)_(?P<view>changelist|add|history|delete|change|simple_history|import|process_import|export)$"
)


def records(staff):
    """The record each model's object URLs point at, by "app_model"."""
    meeting = staff.meeting
    discussion = meeting.discussions.first()
    found = {
        "meetings_meeting": meeting,
        "meetings_participation": meeting.participations.first(),
        "meetings_document": meeting.documents.first(),
        "meetings_session": meeting.sessions.first(),
        "meetings_agendaitem": meeting.agenda_items.first(),
        "meetings_meetingparagraph": meeting.paragraphs.first(),
        "recommendations_discussion": discussion,
        "recommendations_summaryparagraph": discussion.summary_paragraphs.first(),
        "recommendations_recommendation": discussion.recommendations.first(),
        "workflow_meetingassignment": meeting.assignments.get(user=staff.editor),
        "congress_state": State.objects.first(),
        "congress_organization": Organization.objects.first(),
        "congress_regionalcommission": RegionalCommission.objects.first(),
        "congress_congress": meeting.congress,
        "congress_topic": Topic.objects.first(),
        "auth_group": Group.objects.first(),
        "jobs_export": Export.objects.create(meeting=meeting, audience="public", language="en", extension="txt"),
        "auth_user": staff.editor,
        "document_file": DocumentFileFactory(document=meeting.documents.first()),
        # The list of participants takes its symbol from this document.
        "participants_document": DocumentFactory(
            meeting=meeting, symbol=f"{meeting.series}/INF/1", kind=Document.Kind.PARTICIPANTS
        ),
    }
    return found


MEETING_PAGES = [
    "meetings:detail",
    "meetings:agenda",
    "meetings:programme",
    "meetings:programme_ics",
    "meetings:today",
    "meetings:now",
    "meetings:documents",
    "meetings:participation",
    "meetings:report",
    "meeting_feed",
    "api:meeting-detail",
    "api:meeting-paragraphs",
    "api:meeting-recommendations",
]


def url_for(key, route, staff, found):
    meeting = staff.meeting
    file = found["document_file"]
    special = {
        **{name: lambda name=name: reverse(name, kwargs={"slug": meeting.slug}) for name in MEETING_PAGES},
        "meetings:document_file": lambda: reverse(
            key, kwargs={"slug": meeting.slug, "pk": file.document_id, "language": file.language}
        ),
        "meetings:report_download": lambda: reverse(key, kwargs={"slug": meeting.slug, "extension": "txt"}),
        "meetings:day": lambda: reverse(key, kwargs={"slug": meeting.slug, "day": meeting.start_date.isoformat()}),
        "meetings:day_ics": lambda: reverse(key, kwargs={"slug": meeting.slug, "day": meeting.start_date.isoformat()}),
        "meetings:today_session": lambda: reverse(key, kwargs={"slug": meeting.slug, "state": "now", "number": 1}),
        "meetings:draft_part_download": lambda: reverse(
            key, kwargs={"slug": meeting.slug, "part": "L.2-Add.1", "extension": "txt"}
        ),
        "meetings:revised_part_download": lambda: reverse(
            key, kwargs={"slug": meeting.slug, "part": "L.2-Add.1", "extension": "txt"}
        ),
        "admin:meetings_meeting_participants": lambda: reverse(key, args=[meeting.pk, "docx"]),
        "admin:meetings_meeting_part": lambda: reverse(key, args=[meeting.pk, "agenda"]),
        "admin:meetings_meeting_deliberations": lambda: reverse(key, args=[meeting.pk]),
        "admin:meetings_meeting_aligned": lambda: reverse(key, args=[meeting.pk]),
        **{
            name: lambda name=name: reverse(name, args=[meeting.pk, meeting.draft_report_parts()[0].pk])
            for name in ("admin:meetings_meeting_reading", "admin:meetings_meeting_projector")
        },
        "admin:meetings_meeting_xliff_import": lambda: reverse(key, args=[meeting.pk]),
        "admin:meetings_meeting_xliff_export": lambda: reverse(key, args=[meeting.pk, "es"]),
        "admin:meetings_meeting_word_import": lambda: reverse(key, args=[meeting.pk]),
        "admin:recommendations_discussion_part": lambda: reverse(
            key, args=[meeting.discussions.first().pk, "recommendations"]
        ),
        "admin:view_on_site": lambda: reverse(key, args=[ContentType.objects.get_for_model(meeting).pk, meeting.pk]),
        "admin_view_on_site": lambda: reverse(key, args=[ContentType.objects.get_for_model(meeting).pk, meeting.pk]),
        "admin:app_list": lambda: reverse(key, kwargs={"app_label": "meetings"}),
        "admin:autocomplete": lambda: (
            reverse(key) + "?app_label=recommendations&model_name=discussion&field_name=meeting&term="
        ),
        "admin:auth_user_password_change": lambda: reverse(key, args=[staff.editor.pk]),
        "admin/(?P<url>.*)$": lambda: "/admin/no-such-page/",
        "healthz": lambda: reverse(key),  # named like its route, so not an unnamed pattern
        # A Congress's pages and the API's lists: the meeting's Congress, or no argument.
        **{
            name: lambda name=name: reverse(name, kwargs={"ordinal": meeting.congress.ordinal})
            for name in ("congress", "compilation", "congress_feed", "api:congress-detail")
        },
        "compilation_download": lambda: reverse(key, kwargs={"ordinal": meeting.congress.ordinal, "extension": "json"}),
        **{name: lambda name=name: reverse(name) for name in ("api:congress-list", "api:meeting-list", "api:schema")},
        "api:docs": lambda: reverse(key),
        "api:not-found": lambda: "/api/v1/no-such-thing/",
    }
    if key in special:
        return special[key]()
    if key == route:  # an unnamed pattern: the admin's redirect from an object's bare URL
        model = "_".join(route.split("/")[1:3])
        return "/" + route.replace("<path:object_id>", str(found[model].pk))
    match = MODEL_VIEW.match(key)
    if match is None:
        return reverse(key)
    obj = found[match["model"]]
    view = match["view"]
    if view in ("changelist", "add", "import", "process_import", "export"):
        return reverse(key)
    if view == "simple_history":
        return reverse(key, args=[obj.pk, obj.history.latest().history_id])
    return reverse(key, args=[obj.pk])


def clients(staff):
    result = {"anonymous": Client()}
    for role in ROLES[1:]:
        client = Client()
        client.force_login(getattr(staff, role))
        result[role] = client
    return result


def test_every_url_pattern_has_a_row(db):
    missing = [key for key, _ in url_patterns() if key not in MATRIX]
    assert not missing, "Add a row to MATRIX for: " + ", ".join(missing)
    stale = set(MATRIX) - {key for key, _ in url_patterns()}
    assert not stale, f"MATRIX has rows for URLs that no longer exist: {sorted(stale)}"


def test_permission_matrix(staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # for the uploaded file the document_file row downloads
    found = records(staff)
    by_role = clients(staff)
    failures, cells = [], 0
    for key, route in url_patterns():
        if key not in MATRIX:
            continue
        url = url_for(key, route, staff, found)
        for role, expected in zip(ROLES, MATRIX[key].split(), strict=True):
            status = by_role[role].get(url).status_code
            cells += 1
            if str(status) != expected:
                failures.append(f"{key} ({url}) as {role}: {status}, expected {expected}")
    print(f"permission matrix: {cells} (role, URL) cells")
    assert cells == len(MATRIX) * len(ROLES)
    assert not failures, "\n".join(failures)
