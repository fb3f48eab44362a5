"""The report page as a delegate cites and prints it: deep contents, an anchor per paragraph and subparagraph."""

import re

import pytest

from meetings.models import Meeting
from report.builder import build_report
from report.renderers.html import render_fragment

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_page(client, demo_meeting):
    return client.get(f"/en/meetings/{demo_meeting.slug}/report/").content.decode()


def test_the_contents_reach_the_topic_sub_sections_of_ii_b(report_page):
    contents = report_page[
        report_page.index('<nav class="report-contents"') : report_page.index(
            "</nav>", report_page.index('<nav class="report-contents"')
        )
    ]
    assert '<a href="#chapter-II-2">B. Substantive items and workshops</a>' in contents
    assert (
        '<li class="contents-depth-2"><a href="#chapter-II-2-1">1. Comprehensive strategies for crime prevention'
        in contents
    )
    assert 'href="#chapter-II-2-4"' in contents and 'href="#annex-I"' in contents
    # One contents list, after the title and before chapter I, as in the PDF.
    assert report_page.count('id="contents"') == 1
    assert report_page.index("report-title") < report_page.index('id="contents"') < report_page.index('id="chapter-I"')
    assert 'href="#contents">Back to contents</a>' in report_page


def test_every_lettered_subparagraph_has_an_anchor_and_a_link_of_its_own(report_page):
    # The label is the subparagraph's own link. The space after it is inside the label's box, as after every
    # number and label of the report (report/renderers/html.py): the first line then starts where the
    # wrapped lines do, on screen and in the PDF.
    assert (
        '<p id="para-42-c" class="subparagraph"><a class="label" href="#para-42-c">(c) </a>Assist Member States'
        in report_page
    )
    # Paragraph 42 introduces its list: a lead-in, kept with its first subparagraph in print.
    assert '<p id="para-42" class="numbered lead-in"><a class="number" href="#para-42">42. </a>' in report_page
    anchors = re.findall(r'id="(para-[\w-]+)"', report_page)
    assert len(anchors) == len(set(anchors))  # none twice
    assert "para-56-a" in anchors


def test_a_draft_parts_subparagraphs_take_the_parts_own_numbers(demo_meeting):
    from report.builder import build_draft_parts

    meeting = Meeting.objects.for_report().get(pk=demo_meeting.pk)
    part = build_draft_parts(meeting)["A/CONF.234/RPM.2/L.2/Add.1"]
    html = str(render_fragment(part))
    first = re.search(r'id="(para-\d+)-a"', html).group(1)
    assert f'id="{first}"' in html  # the subparagraph's anchor names a paragraph of the same document


def test_downloads_are_one_menu_per_document(report_page):
    menus = re.findall(r'<details class="download-menu">(.*?)</details>', report_page, re.DOTALL)
    assert len(menus) == 6  # the report and L.2, L.2/Add.1–4
    assert all(menu.count("download>") == 4 for menu in menus)
    downloads = report_page[report_page.index("report-downloads") : report_page.index("</section>")]
    assert downloads.count("<a ") == 24 and downloads.count("<summary>") == 6


def test_the_page_prints_without_the_sites_chrome(report_page):
    assert 'href="/static/css/site-print.css" media="print"' in report_page
    assert 'href="/static/css/print.css" media="print"' in report_page


def test_the_export_keeps_the_published_reports_contents(demo_meeting):
    html = str(render_fragment(build_report(Meeting.objects.for_report().get(pk=demo_meeting.pk))))
    assert 'href="#chapter-II-2"' in html and 'href="#chapter-II-2-1"' not in html
