"""A draft and a translation from Word (report/word_reading.py, word_alignment.py, word_import.py and the workspace's
screen): by structure, previewed, written in one transaction or not at all."""

import io
import re
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from languages.codes import COPY_LANGUAGES
from meetings.models import Meeting
from recommendations.models import Discussion, Recommendation, SummaryParagraph
from report.builder import ReportBuilder, build_draft_parts, build_report
from report.language_versions import texts_of
from report.renderers import docx as docx_renderer
from report.word_import import WordRefused, confirm, preview
from report.word_reading import MAX_BYTES, read_word
from tests.factories import DiscussionFactory, MeetingFactory, RecommendationFactory, SummaryParagraphFactory

ADD_1 = "A/CONF.234/RPM.2/L.2/Add.1"


def part_file(meeting, language="en", symbol=ADD_1):
    part = build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk), language)[symbol]
    return docx_renderer.render(part)[2]


def lines(content):
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs]


def every_text(meeting):
    return {(text.unit_id, code): text.value(code) for text in texts_of(meeting) for code in COPY_LANGUAGES}


def upload(client, meeting, content, language="en"):
    url = reverse("admin:meetings_meeting_word_import", args=[meeting.pk])
    file = SimpleUploadedFile("draft.docx", content)
    return client.post(url, {"file": file, "language": language})


def confirm_through_screen(client, meeting, page, ticked=()):
    html = page.content.decode()
    fields = {
        name: re.search(rf'name="{name}" value="([^"]*)"', html)[1] for name in ("token", "fingerprint", "language")
    }
    url = reverse("admin:meetings_meeting_word_import", args=[meeting.pk])
    return client.post(url, {"confirm": "1", **fields, "replace": list(ticked)})


def add_1_discussion(meeting):
    return Discussion.objects.get(
        meeting=meeting, summary_paragraphs__text_en__startswith="It was recognized that multifaceted"
    )


def test_the_demo_addendum_goes_out_to_word_and_back_the_same(demo_meeting, admin_client):
    exported = part_file(demo_meeting)
    # The file as it is changes nothing.
    assert preview(demo_meeting, exported).writes == 0
    discussion = add_1_discussion(demo_meeting)
    before = {(r.order, r.text_en) for r in discussion.recommendations.all()}
    discussion.summary_paragraphs.all().delete()
    discussion.recommendations.all().delete()

    page = upload(admin_client, demo_meeting, exported)
    assert page.status_code == 200
    assert page.context["result"].unplaced == []
    # Its summary and recommendations; the outcome's introduction is the standard phrase, the new discussion's own.
    assert len(page.context["result"].created) == 9 + 14
    assert SummaryParagraph.objects.filter(discussion=discussion).count() == 0  # the preview writes nothing
    done = confirm_through_screen(admin_client, demo_meeting, page)
    assert done.status_code == 302

    assert lines(part_file(demo_meeting)) == lines(exported)
    # Each recommendation is stored without the final punctuation the report adds by position.
    texts = [r.text_en for r in discussion.recommendations.all()]
    assert not any(text.endswith((";", ".")) for text in texts)
    assert len(texts) == len(before)

    # Then its Spanish version, from a translator's Word file (one demo load for the two: it takes seconds).
    a_spanish_word_file_fills_exactly_its_spanish_copies(demo_meeting, admin_client)


def a_spanish_word_file_fills_exactly_its_spanish_copies(demo_meeting, admin_client):
    discussion = add_1_discussion(demo_meeting)
    records = [*discussion.summary_paragraphs.all(), *discussion.recommendations.all()]
    for number, record in enumerate(records):
        record.text_es = f"Texto {number} en español, según la resolución 71/206 y el *Manual*"
        record.save()
    spanish = part_file(demo_meeting, "es")
    translated = every_text(demo_meeting)
    for record in records:
        record.text_es = ""
        record.save()
    records[-1].text_es = "Corregido desde entonces"  # a translation changed here since: a conflict
    records[-1].save()
    before = every_text(demo_meeting)

    page = upload(admin_client, demo_meeting, spanish, "es")
    result = page.context["result"]
    assert (len(result.changes), len(result.conflicts), result.unplaced) == (len(records) - 1, 1, [])
    assert "Texto 0 en español" in page.content.decode()
    confirm_through_screen(admin_client, demo_meeting, page)

    after = every_text(demo_meeting)
    changed = {key for key in after if after[key] != before[key]}
    ids = {f"{r._meta.label_lower}.{r.pk}.text" for r in records[:-1]}
    assert changed == {(unit, "es") for unit in ids}
    assert all(after[(unit, "es")] == translated[(unit, "es")].rstrip(";.") for unit in ids)
    conflict = f"recommendations.recommendation.{records[-1].pk}.text"
    assert after[(conflict, "es")] == "Corregido desde entonces"

    # Ticked, the conflict's text is replaced by the file's.
    page = upload(admin_client, demo_meeting, spanish, "es")
    assert [c.unit_id for c in page.context["result"].conflicts] == [conflict]
    confirm_through_screen(admin_client, demo_meeting, page, ticked=[conflict])
    assert every_text(demo_meeting)[(conflict, "es")] == translated[(conflict, "es")].rstrip(";.")


@pytest.fixture
def plain_meeting(db):
    meeting = MeetingFactory()
    discussion = DiscussionFactory(meeting=meeting)
    SummaryParagraphFactory(discussion=discussion, text="Participants discussed the first point.")
    RecommendationFactory(discussion=discussion, text="Strengthen cooperation")
    return meeting, discussion


def topic_heading(discussion):
    return ReportBuilder(discussion.meeting, "en").topic_title(discussion.topic)


def plain_file(discussion, heading=None):
    """A plain Word file a secretariat might type: a heading, numbered paragraphs, lettered subparagraphs."""
    word = docx.Document()
    word.add_paragraph("Draft report of the meeting")  # a title line, before any heading
    word.add_heading(heading or topic_heading(discussion), level=2)
    word.add_paragraph("1. Participants discussed the first point again.")
    paragraph = word.add_paragraph("2. They cited the ")
    paragraph.add_run("Handbook on Crime Prevention").italic = True
    paragraph.add_run(" and resolution 71/206.")
    word.add_paragraph("3. The following recommendations were identified:")
    word.add_paragraph("a) Strengthen cooperation across borders;")
    word.add_paragraph("b) Share data.")
    output = io.BytesIO()
    word.save(output)
    return output.getvalue()


def test_a_plain_word_file_changes_and_adds_by_structure(plain_meeting, admin_client):
    meeting, discussion = plain_meeting
    result = preview(meeting, plain_file(discussion))
    assert [(c.label, c.new) for c in result.changes] == [
        ("1.", "Participants discussed the first point again."),
        ("(a)", "Strengthen cooperation across borders"),
    ]
    assert [c.new for c in result.created] == [
        "They cited the *Handbook on Crime Prevention* and resolution 71/206.",
        "The following recommendations were identified:",
        "Share data",
    ]
    assert [u.block.text for u in result.unplaced] == ["Draft report of the meeting"]
    confirm(meeting, plain_file(discussion), result.fingerprint)
    discussion.refresh_from_db()
    assert [p.text_en for p in discussion.summary_paragraphs.all()] == [
        "Participants discussed the first point again.",
        "They cited the *Handbook on Crime Prevention* and resolution 71/206.",
    ]
    assert [r.text_en for r in discussion.recommendations.all()] == [
        "Strengthen cooperation across borders",
        "Share data",
    ]
    # The outcome's own introduction, in the meeting's words, replaces the standard phrase.
    assert discussion.outcome_phrase == Discussion.OutcomeIntroduction.OTHER
    assert discussion.outcome_introduction_en == "The following recommendations were identified:"
    assert not any(getattr(r, "text_fr", None) for r in discussion.recommendations.all())


def test_a_text_saved_after_the_preview_is_not_overwritten(plain_meeting):
    meeting, discussion = plain_meeting
    result = preview(meeting, plain_file(discussion))
    paragraph = discussion.summary_paragraphs.get()
    paragraph.text_en = "Someone corrected this meanwhile."
    paragraph.save()
    with pytest.raises(WordRefused, match="changed since the preview"):
        confirm(meeting, plain_file(discussion), result.fingerprint)
    assert SummaryParagraph.objects.get(pk=paragraph.pk).text_en == "Someone corrected this meanwhile."
    assert Recommendation.objects.filter(discussion=discussion).count() == 1


def zip_of(files):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return output.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda: b"%PDF-1.7 not a Word file", "is not a Word document"),
        (lambda: zip_of({"mimetype": "text/plain"}), "is not a Word document"),
        (lambda: zip_of({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x/>"}), "cannot be read"),
        (lambda: zip_of({"word/document.xml": b"\0" * (61 * 1024 * 1024)}), "more than 60 MB"),
        (lambda: b"PK" + b"\0" * MAX_BYTES, "larger than 10 MB"),
    ],
    ids=["not-zip", "no-body", "damaged", "zip-bomb", "too-large"],
)
def test_a_file_that_is_no_word_document_is_refused_whole(content, message):
    with pytest.raises(WordRefused, match=message):
        read_word(content())


def test_bad_files_and_unknown_headings_write_nothing_through_the_screen(plain_meeting, admin_client):
    meeting, discussion = plain_meeting
    before = every_text(meeting)
    page = upload(admin_client, meeting, b"not a word file")
    assert "is not a Word document" in page.content.decode()
    page = upload(admin_client, meeting, plain_file(discussion, heading="A heading no report has"))
    result = page.context["result"]
    assert result.writes == 0
    assert "the report has no heading with these words" in page.content.decode()
    assert "it is under a heading the report does not have" in page.content.decode()
    assert b"Write these changes" not in page.content
    assert every_text(meeting) == before


def test_the_preview_escapes_the_file_s_text(plain_meeting, admin_client):
    meeting, discussion = plain_meeting
    word = docx.Document()
    word.add_heading(topic_heading(discussion), level=2)
    word.add_paragraph("1. <script>alert(1)</script>")
    output = io.BytesIO()
    word.save(output)
    page = upload(admin_client, meeting, output.getvalue()).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page


def test_nothing_goes_into_an_adopted_report(plain_meeting, admin_client):
    meeting, discussion = plain_meeting
    Meeting.objects.filter(pk=meeting.pk).update(report_status=Meeting.ReportStatus.ADOPTED)
    with pytest.raises(WordRefused, match="adopted"):
        preview(meeting, plain_file(discussion))
    assert upload(admin_client, meeting, plain_file(discussion)).status_code == 302
    assert discussion.summary_paragraphs.get().text_en == "Participants discussed the first point."


def test_a_reviewer_may_preview_but_not_write(staff, client):
    client.force_login(staff.reviewer)
    discussion = staff.meeting.discussions.first()
    page = upload(client, staff.meeting, plain_file(discussion))
    assert "You may not change" in page.content.decode()
    assert not SummaryParagraph.objects.filter(text_en__startswith="They cited").exists()


def test_the_screens_offer_the_import(plain_meeting, admin_client):
    meeting, _discussion = plain_meeting
    url = reverse("admin:meetings_meeting_word_import", args=[meeting.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'type="file"' in page.content.decode()
    report_screen = admin_client.get(reverse("admin:meetings_meeting_part", args=[meeting.pk, "report"]))
    assert url in report_screen.content.decode()


def test_the_command_shows_then_writes(plain_meeting, tmp_path):
    meeting, discussion = plain_meeting
    path = tmp_path / "draft.docx"
    path.write_bytes(plain_file(discussion))
    output = io.StringIO()
    call_command("import_word", meeting.symbol, str(path), stdout=output)
    assert "Would write 2 changed texts and 3 new records" in output.getvalue()
    assert discussion.recommendations.count() == 1
    call_command("import_word", meeting.symbol, str(path), "--write", stdout=io.StringIO())
    assert discussion.recommendations.count() == 2


@pytest.mark.parametrize("language", ["ar", "zh_hans", "ru"])
def test_a_translation_in_another_script_goes_back_to_its_copies(plain_meeting, language):
    meeting, discussion = plain_meeting
    paragraph, recommendation = discussion.summary_paragraphs.get(), discussion.recommendations.get()
    words = {
        "ar": "ناقش المشاركون النقطة الأولى.",
        "zh_hans": "与会者讨论了第一点。",
        "ru": "Участники обсудили первый вопрос.",
    }
    setattr(paragraph, f"text_{language}", words[language])
    paragraph.save()
    setattr(recommendation, f"text_{language}", "*" + words[language].rstrip(".。") + "*")
    recommendation.save()
    report_language = {"zh_hans": "zh"}.get(language, language)
    content = docx_renderer.render(build_report(Meeting.objects.for_report().get(pk=meeting.pk), report_language))[2]
    for record in (paragraph, recommendation):
        setattr(record, f"text_{language}", "")
        record.save()
    before = every_text(meeting)

    result = preview(meeting, content, language)
    assert (len(result.changes), result.unplaced, result.conflicts) == (2, [], [])
    confirm(meeting, content, result.fingerprint, language)
    after = every_text(meeting)
    assert {key for key in after if after[key] != before[key]} == {
        (f"recommendations.summaryparagraph.{paragraph.pk}.text", language),
        (f"recommendations.recommendation.{recommendation.pk}.text", language),
    }
    assert after[(f"recommendations.summaryparagraph.{paragraph.pk}.text", language)] == words[language]


def test_paragraphs_word_numbers_itself_are_placed_by_their_list_level(plain_meeting):
    meeting, discussion = plain_meeting
    word = docx.Document()
    word.add_heading(topic_heading(discussion), level=1)
    word.add_paragraph("Participants discussed the first point.", style="List Number")
    word.add_paragraph("They also discussed a second one.", style="List Number")
    word.add_paragraph("The following recommendations were identified:", style="List Number")
    word.add_paragraph("Strengthen cooperation", style="List Number 2")
    word.add_paragraph("Share data", style="List Number 2")
    output = io.BytesIO()
    word.save(output)
    result = preview(meeting, output.getvalue())
    assert (result.unchanged, result.unplaced) == (2, [])
    assert [(c.created[0], c.new) for c in result.created] == [
        ("summary", "They also discussed a second one."),
        ("introduction", "The following recommendations were identified:"),
        ("recommendation", "Share data"),
    ]


def test_a_paragraph_longer_than_a_text_holds_is_not_placed(plain_meeting):
    meeting, discussion = plain_meeting
    word = docx.Document()
    word.add_heading(topic_heading(discussion), level=1)
    word.add_paragraph("1. " + "word " * 4001)
    output = io.BytesIO()
    word.save(output)
    result = preview(meeting, output.getvalue())
    assert result.writes == 0
    assert [u.reason for u in result.unplaced] == ["it has 20004 characters; this text holds at most 20000."]


def test_another_meeting_s_word_file_is_refused(plain_meeting):
    meeting, discussion = plain_meeting
    other = DiscussionFactory(meeting=MeetingFactory(congress=meeting.congress), topic=discussion.topic)
    SummaryParagraphFactory(discussion=other, text="The other meeting's words.")
    content = docx_renderer.render(build_report(Meeting.objects.for_report().get(pk=other.meeting_id)))[2]
    with pytest.raises(WordRefused, match=f"This file is for {re.escape(other.meeting.symbol)}, not for"):
        preview(meeting, content)
