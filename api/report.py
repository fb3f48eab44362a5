"""A meeting's report as the API gives it: its paragraphs and its recommendations, each with the number, letter and
anchor the report builder gave it (report.citations walks the built tree), and its text in each language.

The trees come from report.cache, built once per language and version of the meeting's content, for the reader's
audience ("public": only published documents; "preview": the secretariat's and the meeting's own staff's).
"""

from django.urls import reverse
from django.utils import translation

from api.texts import texts_of
from languages import REPORT_LANGUAGES, django_language
from report import document as doc
from report.cache import built_report
from report.citations import RECOMMENDATION, cited_blocks, is_translated


def trees_of(meeting, token, audience, languages=REPORT_LANGUAGES):
    """{code: the meeting's report built in that language}; `meeting` as Meeting.objects.for_report loads it."""
    trees = {}
    for code in languages:
        with translation.override(django_language(code)):
            trees[code] = built_report(meeting, token, audience)
    return trees


def report_pages(request, meeting):
    """{code: the address of the report's page in that language}."""
    pages = {}
    for code in REPORT_LANGUAGES:
        with translation.override(django_language(code)):
            pages[code] = request.build_absolute_uri(reverse("meetings:report", kwargs={"slug": meeting.slug}))
    return pages


def paragraphs(request, meeting, token, audience):
    """Every numbered paragraph and lettered subparagraph of the report, in order.

    A language's text is the paragraph as that version prints it, or None where the version lacks a drafted text
    in it (the report would show "[text not translated]")."""
    trees = trees_of(meeting, token, audience)
    by_language = {code: {cited.anchor: cited for cited in cited_blocks(tree)} for code, tree in trees.items()}
    pages = report_pages(request, meeting)
    rows = []
    for cited in cited_blocks(trees[meeting.original_language]):
        text, label = {}, {}
        for code in REPORT_LANGUAGES:
            version = by_language[code][cited.anchor]  # the same skeleton in every language
            text[code] = doc.plain_text(version.content) if is_translated(version.content) else None
            label[code] = version.label
        rows.append(
            {
                "number": cited.number,
                "letter": cited.letter,
                "kind": cited.kind,
                "anchor": cited.anchor,
                "label": label,
                "text": text,
                "page": {code: f"{page}#{cited.anchor}" for code, page in pages.items()},
            }
        )
    return rows


def recommendations(request, meeting, token, audience):
    """The recommendations as the report letters them, each with the topic it was identified on and its drafted text
    in each language (the record's own copy, without the punctuation the report adds by position)."""
    tree = trees_of(meeting, token, audience, [meeting.original_language])[meeting.original_language]
    # The builder names the record each lettered subparagraph was written from (Subparagraph.source).
    written_from = {}
    for discussion in meeting.discussions.all():
        for recommendation in discussion.recommendations.all():
            written_from[f"recommendations.recommendation.{recommendation.pk}"] = (discussion, recommendation)
    topics = {}
    pages = report_pages(request, meeting)
    rows = []
    for cited in cited_blocks(tree):
        if cited.kind != RECOMMENDATION:
            continue
        discussion, recommendation = written_from[cited.source]
        if discussion.pk not in topics:
            topics[discussion.pk] = topic_of(discussion.topic)
        rows.append(
            {
                "number": cited.number,
                "letter": cited.letter,
                "anchor": cited.anchor,
                "topic": topics[discussion.pk],
                "text": texts_of(recommendation, "text"),
                "page": {code: f"{page}#{cited.anchor}" for code, page in pages.items()},
            }
        )
    return rows


def topic_of(topic):
    titles = {}
    for code in REPORT_LANGUAGES:
        with translation.override(django_language(code)):
            titles[code] = topic.title_in(code)
    return {
        "kind": topic.kind,
        "agenda_item": topic.agenda_item.number if topic.agenda_item_id else None,
        "workshop": topic.workshop.number if topic.workshop_id else None,
        "title": titles,
    }
