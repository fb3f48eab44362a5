"""The read API's endpoints: Congresses, meetings, and a meeting's report paragraphs and recommendations.

Read-only and paginated; a meeting the visibility rule hides (meetings/visibility.py) is a 404, as on the site.
Everything is given in English field names, with texts keyed by language, whatever the client's language.
"""

from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from api import report, serializers
from api.caching import MEETING, ContentVersioned
from api.pagination import whole_number
from caching import content_version
from congress.models import Congress
from meetings import visibility
from meetings.models import Meeting


class Neutral:
    """Builds the answer in English, so that addresses and any word the API writes do not follow the client's
    Accept-Language: the same answer, and the same ETag, for every client."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)


class CongressList(Neutral, ContentVersioned, generics.ListAPIView):
    """The Congresses, newest first."""

    serializer_class = serializers.CongressSerializer

    def get_queryset(self):
        return Congress.objects.select_related("host_country").order_by("-ordinal")


class CongressDetail(Neutral, ContentVersioned, generics.RetrieveAPIView):
    """A Congress with its agenda items, its workshops and the regional meetings the client may see."""

    serializer_class = serializers.CongressDetailSerializer
    lookup_field = "ordinal"

    def get_queryset(self):
        meetings = Meeting.objects.visible_to(self.request.user).for_api_listing()
        return Congress.objects.select_related("host_country").prefetch_related(
            "agenda_items", "workshops", Prefetch("meetings", queryset=meetings, to_attr="visible_meetings")
        )


@extend_schema(
    parameters=[
        OpenApiParameter(
            "congress",
            {"type": "integer", "minimum": 1},
            description="Only the meetings of this Congress (its ordinal).",
        )
    ]
)
class MeetingList(Neutral, ContentVersioned, generics.ListAPIView):
    """The regional meetings the client may see, by Congress (newest first), then by date."""

    serializer_class = serializers.MeetingSerializer

    def get_queryset(self):
        meetings = Meeting.objects.visible_to(self.request.user).for_api_listing()
        congress = whole_number(self.request, "congress")
        return meetings if congress is None else meetings.filter(congress__ordinal=congress)


class MeetingDetail(Neutral, ContentVersioned, generics.RetrieveAPIView):
    """A meeting with its officers, attendance, agenda and documents with their files."""

    serializer_class = serializers.MeetingDetailSerializer
    lookup_field = "slug"
    version_scope = MEETING

    def get_queryset(self):
        return Meeting.objects.visible_to(self.request.user).for_api(self.request.user)


class ReportList(Neutral, ContentVersioned, generics.ListAPIView):
    """Rows read from the meeting's built report."""

    version_scope = MEETING
    rows = None  # report.paragraphs or report.recommendations

    def get_queryset(self):
        slug = self.kwargs["slug"]
        # The version first, so that the trees are never filed under a version older than their content.
        version = content_version.for_meeting(slug=slug)
        user = self.request.user
        meeting = get_object_or_404(Meeting.objects.visible_to(user).for_report(user), slug=slug)
        audience = "preview" if visibility.may_preview(user, meeting) else "public"
        return type(self).rows(self.request, meeting, version[0] if version else None, audience)


class ParagraphList(ReportList):
    """Every numbered paragraph and lettered subparagraph of the meeting's report, in order, in six languages."""

    serializer_class = serializers.ParagraphSerializer
    rows = staticmethod(report.paragraphs)


class RecommendationList(ReportList):
    """The meeting's recommendations as its report letters them, each with its topic, in six languages."""

    serializer_class = serializers.RecommendationSerializer
    rows = staticmethod(report.recommendations)


def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/: a 404 in JSON, as the API's own 404s are, not the site's page."""
    with translation.override("en"):
        return JsonResponse({"detail": _("There is no such address in the API.")}, status=404)
