"""The report as adopted: kept exactly (its tree read back is the same tree), for each audience, from the first
read where adoption did not keep it, served through the caches, and compared with the records on the adoption
screen."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from languages import REPORT_LANGUAGES
from meetings.models import Meeting
from report import adopted
from report import document as doc
from report.builder import build_draft_parts, build_report
from report.models import AdoptedReport
from report.tree_json import TreeFormatError, from_json, to_json

TEXT = st.text(max_size=30)
LABEL = st.text(max_size=6)
PLAIN = st.one_of(
    st.builds(doc.Text, TEXT),
    st.builds(doc.Emphasis, TEXT),
    st.builds(doc.Symbol, st.from_regex(r"[A-Z]/[A-Z0-9./]{1,12}", fullmatch=True) | st.just("56/119")),
)
INLINE = PLAIN | st.builds(
    doc.Untranslated, TEXT, st.lists(PLAIN, max_size=3).map(tuple), st.sampled_from(("",) + REPORT_LANGUAGES)
)
CONTENT = st.lists(INLINE, max_size=4).map(tuple)
AGENDA_ENTRY = st.recursive(
    st.builds(doc.AgendaEntry, LABEL, TEXT),
    lambda entries: st.builds(doc.AgendaEntry, LABEL, TEXT, st.lists(entries, max_size=3).map(tuple)),
    max_leaves=6,
)
BLOCK = st.one_of(
    st.builds(doc.Paragraph, st.integers(1, 999), CONTENT, LABEL),
    st.builds(doc.Subparagraph, LABEL, CONTENT),
    st.builds(doc.Subheading, TEXT),
    st.builds(doc.Line, CONTENT),
    st.builds(
        doc.OfficerList,
        st.lists(st.builds(doc.OfficerLine, LABEL, TEXT, TEXT, TEXT, st.sampled_from(("", "chair"))), max_size=3).map(
            tuple
        ),
    ),
    st.builds(doc.AgendaList, st.lists(AGENDA_ENTRY, max_size=3).map(tuple)),
    st.builds(
        doc.Table,
        st.lists(TEXT, max_size=2).map(tuple),
        st.lists(st.lists(CONTENT, max_size=2).map(tuple), max_size=3).map(tuple),
    ),
)
LEVEL = st.sampled_from((doc.Section.CHAPTER, doc.Section.SECTION, doc.Section.SUBSECTION, doc.Section.ANNEX))
SECTION = st.recursive(
    st.builds(doc.Section, LEVEL, LABEL, TEXT, TEXT, st.lists(BLOCK, max_size=4), TEXT),
    lambda sections: st.builds(doc.Section, LEVEL, LABEL, TEXT, TEXT, st.lists(BLOCK | sections, max_size=4), TEXT),
    max_leaves=8,
)
REPORT = st.builds(
    doc.Report,
    symbol=TEXT,
    organ=TEXT,
    distribution=TEXT,
    issued_on=st.none() | st.dates(date(1990, 1, 1), date(2100, 1, 1)),
    original_language=TEXT,
    front_lines=st.lists(TEXT, max_size=2).map(tuple),
    title=TEXT,
    chapters=st.lists(SECTION, max_size=3),
    annexes=st.lists(SECTION, max_size=2),
    has_contents=st.booleans(),
    missing_texts=st.integers(0, 50),
    reference_date=st.none() | st.dates(),
    represented=st.lists(TEXT, max_size=3).map(tuple),
    untranslated=st.frozensets(TEXT, max_size=4),
)


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(REPORT)
def test_any_tree_reads_back_as_the_same_tree(report):
    back = from_json(json.loads(json.dumps(to_json(report))))
    assert back == report
    assert back.version == report.version


def test_a_stored_tree_names_only_the_trees_own_classes():
    with pytest.raises(TreeFormatError):
        from_json({"_": "Meeting", "pk": 1})
    with pytest.raises(TypeError):
        to_json(doc.Text(text=object()))


@pytest.mark.django_db
def test_the_demo_reads_back_the_same_in_every_language_after_adoption(demo_meeting):
    meeting = Meeting.objects.for_report().get(pk=demo_meeting.pk)
    built = {language: build_report(meeting, language) for language in REPORT_LANGUAGES}
    parts = {language: build_draft_parts(meeting, language) for language in REPORT_LANGUAGES}

    adopted.adopt(demo_meeting)

    meeting = Meeting.objects.for_report().get(pk=demo_meeting.pk)
    assert AdoptedReport.objects.filter(meeting=meeting).count() == 2 * len(REPORT_LANGUAGES)
    for language in REPORT_LANGUAGES:
        kept = adopted.report_of(meeting, language, adopted.PREVIEW)
        assert kept == built[language]
        assert kept.version == built[language].version
        kept_parts = adopted.draft_parts_of(meeting, language, adopted.PREVIEW)
        assert kept_parts == parts[language]


@pytest.mark.django_db
def test_the_public_keeps_its_own_report_without_unpublished_documents(demo_meeting):
    hidden = demo_meeting.documents.exclude(kind="draft_report").last()
    hidden.is_published = False
    hidden.save()
    demo_meeting.is_published = False  # adopted before the meeting is published: the public's report is kept too
    demo_meeting.save()

    adopted.adopt(demo_meeting)
    Meeting.objects.filter(pk=demo_meeting.pk).update(is_published=True)

    meeting = Meeting.objects.for_report().get(pk=demo_meeting.pk)
    annex = {
        audience: adopted.report_of(meeting, "en", audience).annexes[0] for audience in adopted.AdoptedReport.Audience
    }
    symbols = {
        audience: [doc.plain_text(row[0]) for row in section.children[0].rows] for audience, section in annex.items()
    }
    assert hidden.symbol in symbols[adopted.PREVIEW]
    assert hidden.symbol not in symbols[adopted.PUBLIC]
    assert len(symbols[adopted.PUBLIC]) == len(symbols[adopted.PREVIEW]) - 1
    txt = Client().get(reverse("meetings:report_download", kwargs={"slug": meeting.slug, "extension": "txt"}))
    assert hidden.symbol.encode() not in txt.getvalue()


@pytest.mark.django_db
def test_a_report_adopted_without_keeping_it_is_kept_on_its_first_read(demo_meeting):
    demo_meeting.adopt_report()  # as before reports were kept, or from the shell
    assert not AdoptedReport.objects.exists()
    url = reverse("meetings:report_download", kwargs={"slug": demo_meeting.slug, "extension": "txt"})
    first = Client().get(url).getvalue()
    assert AdoptedReport.objects.filter(meeting=demo_meeting).count() == 2 * len(REPORT_LANGUAGES)

    state = demo_meeting.participations.exclude(state=None).first().state
    state.name_en = "Republic of the Cedars"
    state.save()
    assert Client().get(url).getvalue() == first


@pytest.mark.django_db
def test_the_command_keeps_the_reports_adopted_before(demo_meeting):
    demo_meeting.adopt_report()
    out = io.StringIO()
    call_command("keep_adopted_reports", stdout=out)
    assert "1 adopted reports kept." in out.getvalue()
    assert AdoptedReport.objects.filter(meeting=demo_meeting, audience="public").count() == len(REPORT_LANGUAGES)
    call_command("keep_adopted_reports", stdout=out)
    assert out.getvalue().endswith("0 adopted reports kept.\n")


@pytest.mark.django_db
def test_the_caches_never_serve_the_draft_as_adopted_nor_the_adopted_after_reopening(demo_meeting):
    """Without emptying any cache: the page cache, the tree cache and the export cache all in play."""
    client = Client()
    page = reverse("meetings:report", kwargs={"slug": demo_meeting.slug})
    txt = reverse("meetings:report_download", kwargs={"slug": demo_meeting.slug, "extension": "txt"})
    state = demo_meeting.participations.exclude(state=None).first().state
    old_name = state.name_en
    client.get(page), client.get(txt)  # the draft, cached

    adopted.adopt(demo_meeting)
    assert old_name in client.get(page).content.decode()
    state.name_en = "Republic of the Cedars"
    state.save()
    assert "Republic of the Cedars" not in client.get(page).content.decode().split("report-page", 1)[1]
    assert b"Republic of the Cedars" not in client.get(txt).getvalue()

    Meeting.objects.get(pk=demo_meeting.pk).reopen_report(reason="A correction")
    assert not AdoptedReport.objects.filter(meeting=demo_meeting).exists()
    assert "Republic of the Cedars" in client.get(page).content.decode().split("report-page", 1)[1]
    assert b"Republic of the Cedars" in client.get(txt).getvalue()


@pytest.mark.django_db
def test_the_adoption_screen_says_which_versions_would_read_differently_if_reopened(demo_meeting, admin_client):
    url = reverse("admin:meetings_meeting_part", args=[demo_meeting.pk, "adoption"])
    assert "The report is a draft" in admin_client.get(url).content.decode()

    adopted.adopt(demo_meeting)
    assert "it would read the same in every language" in admin_client.get(url).content.decode()

    state = demo_meeting.participations.exclude(state=None).first().state
    state.name_es = "República de los Cedros"
    state.save()
    page = admin_client.get(url).content.decode()
    assert "Adopted versions that would read differently if reopened" in page
    assert "Spanish." in page
    assert "English" not in page.split("would read differently")[1].split("</div>")[0]
