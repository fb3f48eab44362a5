"""Every identifier holds for a meeting of any size: a report past paragraph 999 and a discussion past
subparagraph (z) is built, indexed, searched and exported with each number and letter distinct, in every
language's numbering."""

import io
import zipfile

import pytest
from django.urls import reverse

from caching import content_version
from languages.codes import LANGUAGES
from languages.numbering import number_label, subparagraph_label
from meetings.models import Meeting
from recommendations.models import Recommendation, SummaryParagraph
from report.builder import build_report
from report.document import Paragraph, Section, Subparagraph
from report.renderers import RENDERERS
from tests.factories import complete_meeting

pytestmark = pytest.mark.django_db

PARAGRAPHS = 1_010  # past 999
RECOMMENDATIONS = 60  # past (z) and (zz)… twice over


@pytest.mark.parametrize("language", [code for code, _name in LANGUAGES])
def test_every_language_numbers_and_letters_without_end_or_repeat(language):
    labels = [subparagraph_label(index, language) for index in range(1_000)]
    assert len(set(labels)) == len(labels)
    assert len({number_label(n, language) for n in range(1, 10_001)}) == 10_000
    if language in ("en", "zh_hans"):
        assert labels[26:28] == ["(aa)", "(bb)"]
    elif language in ("fr", "es", "ru"):
        assert labels[26:28] == ["aa)", "bb)"]


@pytest.fixture
def large_meeting():
    meeting = complete_meeting(1)
    assert meeting.original_language == "en"
    first, second = meeting.discussions.all()[:2]
    SummaryParagraph.objects.bulk_create(
        SummaryParagraph(discussion=first, order=100 + n, text_en=f"Delegates considered matter {n}.")
        for n in range(PARAGRAPHS)
    )
    Recommendation.objects.bulk_create(
        Recommendation(discussion=second, order=100 + n, text_en=f"Strengthen regional cooperation, step {n}.")
        for n in range(RECOMMENDATIONS)
    )
    content_version.bump()  # bulk_create sends no signal
    return meeting


def lettered(report):
    """(paragraph, its subparagraphs' labels) of the paragraph with the most lettered subparagraphs."""
    labels = {}

    def walk(section, current=None):
        for child in section.children:
            if isinstance(child, Section):
                walk(child)
            elif isinstance(child, Paragraph):
                current = child
            elif isinstance(child, Subparagraph):
                labels.setdefault(current, []).append(child.label)

    for section in report.sections:
        walk(section)
    return max(labels.items(), key=lambda item: len(item[1]))


def test_a_meeting_past_paragraph_999_and_letter_z_builds_indexes_searches_and_exports(client, large_meeting):
    report = build_report(Meeting.objects.for_report().get(pk=large_meeting.pk), "en")
    paragraphs = list(report.paragraphs())
    numbers = [p.number for p in paragraphs]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers[-1] > 999
    assert len({p.anchor for p in paragraphs}) == len(paragraphs)
    paragraph, labels = lettered(report)
    assert len(labels) >= RECOMMENDATIONS and len(set(labels)) == len(labels)
    assert {"(z)", "(aa)", "(zz)", "(aaa)"} <= set(labels)

    # Indexed and searched: by a number of four digits, by a number and a doubled letter, by words.
    by_number = client.get(reverse("search"), {"q": str(numbers[-1])})
    assert by_number.status_code == 200
    assert f"paragraph {numbers[-1]}" in by_number.content.decode()
    by_letter = client.get(reverse("search"), {"q": f"{paragraph.number} (bbb)"}).content.decode()
    assert f"paragraph {paragraph.number} (bbb)" in by_letter
    assert "step 53" in client.get(reverse("search"), {"q": "regional cooperation step 53"}).content.decode()

    for name in ("txt", "docx"):
        filename, _content_type, content = RENDERERS[name](report)
        assert filename.endswith(f".{name}") and len(filename) < 100 and "/" not in filename
        if name == "docx":
            content = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml")
        text = content.decode()
        assert f"{numbers[-1]}." in text and "(aaa)" in text and "Delegates considered matter 1009." in text
