"""The workspace's Deliberations screen: the meeting's discussions of the Congress's topics, with links to each
one's summary and recommendations, and the topics not discussed yet (the meeting's workspace shows it)."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from congress.models import Topic
from recommendations.models import Discussion, Recommendation, SummaryParagraph
from workflow import roles


def _count_of(model):
    """The number of a discussion's rows of `model`, as a subquery: two counts over joins would count the
    product of its paragraphs and its recommendations, which grows as their square."""
    rows = model.objects.filter(discussion=OuterRef("pk")).order_by().values("discussion")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def discussions_of(meeting):
    return (
        Discussion.objects.filter(meeting=meeting)
        .select_related("topic__congress", "topic__agenda_item", "topic__workshop")
        .annotate(paragraph_count=_count_of(SummaryParagraph), recommendation_count=_count_of(Recommendation))
    )


def deliberations_screen(request, meeting, context):
    """The screen, in the workspace's frame (`context`: the admin's and the workspace's)."""
    discussions = list(discussions_of(meeting))
    discussed = {d.topic_id for d in discussions}
    topics = [
        topic
        for topic in Topic.objects.filter(congress_id=meeting.congress_id).select_related(
            "congress", "agenda_item", "workshop"
        )
        if topic.pk not in discussed
    ]
    may_add = roles.may(request.user, "add", Discussion, meeting)
    add_url = reverse("admin:recommendations_discussion_add")
    context = {
        **context,
        "title": gettext("Deliberations"),
        "subtitle": str(meeting),
        "discussions": [
            (
                d,
                reverse("admin:recommendations_discussion_part", args=[d.pk, "summary"]),
                reverse("admin:recommendations_discussion_part", args=[d.pk, "recommendations"]),
            )
            for d in discussions
        ],
        "topics_to_add": [(t, f"{add_url}?meeting={meeting.pk}&topic={t.pk}") for t in topics] if may_add else [],
        "topics_not_discussed": topics,
    }
    return TemplateResponse(request, "admin/meetings/meeting/deliberations.html", context)
