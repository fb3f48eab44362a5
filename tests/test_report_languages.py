"""The report in each of the six languages: masthead, numbering, dates, order of names, missing texts."""

import datetime
import re

import pytest
from django.core.management import call_command

import languages
from languages.dates import date_range, long_date, meeting_ordinal
from meetings.models import Meeting, MeetingParagraph, Officer, Participation
from report.builder import build_report
from report.document import OfficerList, Subparagraph, Text, Untranslated
from report.renderers.akoma_ntoso import render as render_akn
from report.renderers.html import render_fragment
from report.renderers.text import render_text
from tests.factories import (
    CongressFactory,
    DiscussionFactory,
    MeetingFactory,
    MeetingParagraphFactory,
    OfficerFactory,
    ParticipationFactory,
    RecommendationFactory,
    SessionFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def report_of(meeting, language=None):
    return build_report(Meeting.objects.for_report().get(pk=meeting.pk), language)


def spanish_meeting(**fields):
    """A Latin America and Caribbean meeting drafted in Spanish, with its titles in Spanish."""
    congress = CongressFactory(
        title_es="14º Congreso de las Naciones Unidas sobre Prevención del Delito y Justicia Penal",
        host_city_es="Kyoto",
    )
    meeting = MeetingFactory(
        congress=congress,
        original_language="es",
        region_es="América Latina y el Caribe",
        venue_city_es="Santiago",
        report_issued_on=datetime.date(2019, 3, 7),
        report_job_number="V.19-01353",
        **fields,
    )
    MeetingParagraphFactory(meeting=meeting, part=MeetingParagraph.Part.INTRODUCTION, text_es="Párrafo redactado.")
    return meeting


def masthead_lines(report):
    return render_text(report).split("\n\n")[1]


def test_a_report_drafted_in_spanish_is_an_original_with_no_language_line():
    report = report_of(spanish_meeting())
    assert report.language == "es"  # the meeting's original language by default
    assert masthead_lines(report) == "Asamblea General\tDistr. general\n\t7 de marzo de 2019\n\tOriginal: español"
    assert report.job_number_with_language == "V.19-01353\u00a0(S)"
    # Its drafted text is the original: nothing is marked as not translated.
    assert next(report.paragraphs()).content[0].text == "Párrafo redactado."
    assert "inaugurada el 26 de marzo de 2029 por el Secretario de la Reunión." in render_text(report)


def test_two_originals_are_both_named_and_neither_version_has_a_language_line():
    meeting = spanish_meeting(second_original_language="en")
    spanish, english = report_of(meeting, "es"), report_of(meeting, "en")
    assert spanish.original_language == "español/inglés"
    assert "Original: español/inglés" in render_text(spanish)
    assert spanish.language_line == english.language_line == ""
    assert english.original_language == "Spanish/English"


def test_a_translated_version_names_its_language_and_the_original():
    meeting = MeetingFactory(original_language="en", report_issued_on=datetime.date(2019, 3, 7))
    spanish = report_of(meeting, "es")
    assert masthead_lines(spanish) == (
        "Asamblea General\tDistr. general\n\t7 de marzo de 2019\n\tEspañol\n\tOriginal: inglés"
    )
    french = report_of(meeting, "fr")
    # French sets a no-break space before the colon.
    assert french.original_label == "Original\u00a0:"
    assert (french.distribution_label, french.distribution) == ("Distr.", "générale")
    assert french.language_line == "Français"
    # Arabic, Chinese and Russian mastheads keep the Latin-script lines.
    chinese = report_of(meeting, "zh")
    assert "Distr.: General\n\t7 March 2019\n\tChinese\n\tOriginal: English" in masthead_lines(chinese)
    assert chinese.organization_name == "联合国"


def test_headings_and_numbering_follow_each_language():
    meeting = MeetingFactory(original_language="es")
    MeetingParagraphFactory(meeting=meeting, part=MeetingParagraph.Part.INTRODUCTION, text="Uno.")
    discussion = DiscussionFactory(meeting=meeting, outcome_phrase="other", outcome_introduction_es="Recomendaciones:")
    RecommendationFactory(discussion=discussion, text="Primera")
    RecommendationFactory(discussion=discussion, text="Segunda")
    SessionFactory(meeting=meeting, number=1)
    ParticipationFactory(meeting=meeting)
    OfficerFactory(meeting=meeting, elected_at=meeting.sessions.first())

    spanish = report_of(meeting)
    assert [chapter.heading for chapter in spanish.chapters][:2] == [
        "I. Introducción",
        "II. Conclusiones y recomendaciones",
    ]
    assert [s.label for s in spanish.chapters[-1].children if isinstance(s, Subparagraph)] == []
    labels = [block.label for block in _subparagraphs(spanish)]
    assert labels == ["a)", "b)"]

    arabic = report_of(meeting, "ar")
    assert arabic.direction == "rtl"
    assert arabic.chapters[0].label == "أولا -"
    assert arabic.chapters[2].heading.startswith("ثالثا - ")
    assert [section.label for section in arabic.chapters[2].sections()][:2] == ["ألف -", "باء -"]
    assert [p.label for p in arabic.paragraphs()][:2] == ["1 -", "2 -"]
    assert [block.label for block in _subparagraphs(arabic)] == ["(أ)", "(ب)"]

    chinese = report_of(meeting, "zh")
    assert [chapter.label for chapter in chinese.chapters][:3] == ["一.", "二.", "三."]
    assert [block.label for block in _subparagraphs(chinese)] == ["(a)", "(b)"]
    russian = report_of(meeting, "ru")
    # The Latin sequence, in Cyrillic capitals where they look the same: А, В, С (Cyrillic), D (Latin), Е …
    labels = [section.label for section in russian.chapters[2].sections()]
    assert labels[:4] == ["\u0410.", "\u0412.", "\u0421.", "D."]
    assert [languages.section_label(i, "ru") for i in range(4, 9)] == ["\u0415.", "F.", "G.", "\u041d.", "I."]
    assert [block.label for block in _subparagraphs(russian)] == ["a)", "b)"]
    # The same paragraphs carry the same numbers in every version.
    numbers = [p.number for p in spanish.paragraphs()]
    for report in (arabic, chinese, russian, report_of(meeting, "en")):
        assert [p.number for p in report.paragraphs()] == numbers


def _subparagraphs(report):
    found = []

    def walk(section):
        for child in section.children:
            if hasattr(child, "children"):
                walk(child)
            elif isinstance(child, Subparagraph):
                found.append(child)

    for chapter in report.chapters:
        walk(chapter)
    return found


def test_a_text_missing_in_the_language_is_marked_in_that_language_never_shown_in_another():
    meeting = MeetingFactory(original_language="en")
    MeetingParagraphFactory(meeting=meeting, part=MeetingParagraph.Part.INTRODUCTION, text="An English paragraph.")
    spanish = report_of(meeting, "es")
    first = next(spanish.paragraphs())
    (missing,) = first.content
    assert isinstance(missing, Untranslated) and missing.text == "[Texto no traducido]"
    # The tree keeps the original for the site, which shows it marked; the exports print the marker only.
    assert missing.language == "en" and missing.original == (Text("An English paragraph."),)
    assert "An English paragraph" not in render_text(spanish)
    assert spanish.missing_texts >= 1
    assert '<span class="untranslated">[Texto no traducido]</span>' in render_fragment(spanish)
    assert report_of(meeting, "en").missing_texts == 0


def test_spanish_attendance_names_states_in_spanish_and_in_spanish_order():
    meeting = MeetingFactory(
        original_language="es", regional_commission__name_es="Comisión Económica y Social para Asia Occidental"
    )
    names = (("Egypt", "Egipto"), ("Iraq", "Iraq"), ("Saudi Arabia", "Arabia Saudita"), ("Oman", "Omán"))
    for english, spanish in names:
        state = StateFactory(name=english, name_es=spanish)
        ParticipationFactory(meeting=meeting, state=state, capacity=Participation.Capacity.MEMBER)
    text = render_text(report_of(meeting))
    assert (
        "Estuvieron representados en la Reunión los siguientes Estados miembros de la Comisión Económica y Social "
        "para Asia Occidental: Arabia Saudita, Egipto, Iraq, Omán." in text
    )
    # The English version keeps the English names in the English order.
    assert "Egypt, Iraq, Oman, Saudi Arabia." in render_text(report_of(meeting, "en"))


def officer_labels(report):
    """The labels of the list of officers, in order ("" under a role's first holder)."""

    def walk(section):
        for child in section.children:
            if isinstance(child, OfficerList):
                yield from (line.label for line in child.lines)
            elif hasattr(child, "children"):
                yield from walk(child)

    return [label for section in report.sections for label in walk(section)]


def test_officer_titles_agree_with_women_where_the_language_marks_gender():
    meeting = spanish_meeting()
    first = SessionFactory(meeting=meeting, number=1)
    OfficerFactory(meeting=meeting, role=Officer.Role.CHAIR, gender="woman", elected_at=first, order=1)
    OfficerFactory(meeting=meeting, role=Officer.Role.VICE_CHAIR, gender="woman", elected_at=first, order=2)
    OfficerFactory(meeting=meeting, role=Officer.Role.VICE_CHAIR, gender="woman", elected_at=first, order=3)
    OfficerFactory(meeting=meeting, role=Officer.Role.RAPPORTEUR, gender="", elected_at=first, order=4)

    assert officer_labels(report_of(meeting)) == ["Presidenta:", "Vicepresidentas:", "", "Relator:"]
    assert officer_labels(report_of(meeting, "fr")) == [
        "Présidente\u00a0:",
        "Vice-Présidentes\u00a0:",
        "",
        "Rapporteur\u00a0:",
    ]
    # Arabic: the feminine dual for two women.
    assert officer_labels(report_of(meeting, "ar")) == ["الرئيسة:", "نائبتا الرئيس:", "", "المقرر:"]
    assert officer_labels(report_of(meeting, "ru"))[:2] == ["Председатель:", "Заместители Председателя:"]
    assert officer_labels(report_of(meeting, "en")) == ["Chair:", "Vice-Chairs:", "", "Rapporteur:"]

    # A man among the Vice-Chairs: the usual plural, as UN Spanish and French write a mixed group.
    vice_chair = meeting.officers.filter(role=Officer.Role.VICE_CHAIR).last()
    vice_chair.gender = "man"
    vice_chair.save()
    assert officer_labels(report_of(meeting))[1] == "Vicepresidentes:"
    assert officer_labels(report_of(meeting, "ar"))[1] == "نائبا الرئيس:"


def test_the_meeting_page_names_each_office_in_its_holders_gender(client):
    meeting = spanish_meeting()
    first = SessionFactory(meeting=meeting, number=1)
    OfficerFactory(meeting=meeting, role=Officer.Role.CHAIR, gender="woman", elected_at=first, name="Ana Pérez")
    OfficerFactory(meeting=meeting, role=Officer.Role.RAPPORTEUR, gender="man", elected_at=first, name="Luis Gil")
    OfficerFactory(meeting=meeting, role=Officer.Role.VICE_CHAIR, gender="", elected_at=first, name="Alex Roy")

    page = client.get(page_address("meetings:detail", meeting, "es")).content.decode()
    assert "<dt>Presidenta</dt><dd>Ana Pérez" in page
    assert "<dt>Relator</dt><dd>Luis Gil" in page
    # No gender recorded: the office's own name, which fits anyone.
    assert "<dt>Vicepresidencia</dt><dd>Alex Roy" in page


def test_the_meeting_page_writes_its_dates_as_each_language_does(client):
    meeting = spanish_meeting(start_date=datetime.date(2019, 3, 26), end_date=datetime.date(2019, 3, 28))
    russian = client.get(page_address("meetings:detail", meeting, "ru")).content.decode()
    assert "26–28 марта 2019 года" in russian  # the genitive month, not "26 Март 2019"
    spanish = client.get(page_address("meetings:detail", meeting, "es")).content.decode()
    assert "26 a 28 de marzo de 2019" in spanish


def test_names_are_sorted_in_the_alphabetical_order_of_the_language():
    # French UN short names; sorted() by code point would put every "É" after "Oman".
    names = ["Iraq", "Égypte", "Arabie saoudite", "Émirats arabes unis", "Oman", "Koweït", "État de Palestine"]
    assert languages.sorted_names(names, "fr") == [
        "Arabie saoudite",
        "Égypte",
        "Émirats arabes unis",
        "État de Palestine",
        "Iraq",
        "Koweït",
        "Oman",
    ]
    assert languages.sorted_names(["Оман", "Ирак", "Египет", "Бахрейн"], "ru") == ["Бахрейн", "Египет", "Ирак", "Оман"]


@pytest.mark.parametrize(
    ("language", "words", "dash", "single"),
    [
        ("en", "from 26 to 28 March 2019", "26–28 March 2019", "26 March 2019"),
        ("es", "del 26 al 28 de marzo de 2019", "26 a 28 de marzo de 2019", "26 de marzo de 2019"),
        ("fr", "du 26 au 28 mars 2019", "26-28 mars 2019", "26 mars 2019"),
        ("ru", "с 26 по 28 марта 2019 года", "26–28 марта 2019 года", "26 марта 2019 года"),
        ("ar", "في الفترة من 26 إلى 28 آذار/مارس 2019", "26-28 آذار/مارس 2019", "26 آذار/مارس 2019"),
        ("zh", "2019年3月26日至28日", "2019年3月26日至28日", "2019年3月26日"),
    ],
)
def test_dates_and_spans_as_each_language_writes_them(language, words, dash, single):
    from django.utils import translation

    start, end = datetime.date(2019, 3, 26), datetime.date(2019, 3, 28)
    with translation.override(languages.django_language(language)):
        assert date_range(start, end, language) == words
        assert date_range(start, end, language, style="dash") == dash
        assert long_date(start, language) == single


def test_spans_across_months_and_the_first_of_the_month():
    from django.utils import translation

    with translation.override("es"):
        assert date_range(datetime.date(2019, 3, 30), datetime.date(2019, 4, 2), "es") == (
            "del 30 de marzo al 2 de abril de 2019"
        )
    with translation.override("fr"):
        assert date_range(datetime.date(2019, 3, 1), datetime.date(2019, 3, 3), "fr") == "du 1er au 3 mars 2019"
    with translation.override("zh-hans"):
        assert date_range(datetime.date(2019, 3, 30), datetime.date(2019, 4, 2), "zh") == "2019年3月30日至4月2日"
    assert [meeting_ordinal(1, language) for language in ("en", "es", "fr", "ar")] == ["1st", "1ª", "1re", "الأولى"]


def test_akoma_ntoso_carries_the_language_of_its_expression():
    meeting = MeetingFactory(original_language="es")
    MeetingParagraphFactory(meeting=meeting, part=MeetingParagraph.Part.INTRODUCTION, text="Uno.")
    _name, _type, content = render_akn(report_of(meeting, "ar"))
    assert b'xml:lang="ar"' in content
    assert b'<FRBRlanguage language="ara"/>' in content
    assert b"/ara@" in content


def test_export_report_writes_the_language_asked_for_and_counts_missing_texts(capsys):
    meeting = MeetingFactory(original_language="en")
    MeetingParagraphFactory(meeting=meeting, part=MeetingParagraph.Part.INTRODUCTION, text="An English paragraph.")
    call_command("export_report", meeting.symbol, "--format", "txt", "--language", "fr")
    captured = capsys.readouterr()
    assert "[Texte non traduit]" in captured.out
    assert "Introduction" in captured.out
    assert "texts have no fr version" in captured.err
    call_command("export_report", meeting.symbol, "--format", "txt")
    captured = capsys.readouterr()
    assert "An English paragraph." in captured.out
    assert captured.err == ""


def arabic_meeting():
    meeting = MeetingFactory(original_language="ar", region_ar="غرب آسيا", venue_city_ar="بيروت")
    MeetingParagraphFactory(
        meeting=meeting, part=MeetingParagraph.Part.INTRODUCTION, text_ar="عقد الاجتماع في بيروت (A/CONF.234/1)."
    )
    return meeting


def page_address(name, meeting, language, **kwargs):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, kwargs={"slug": meeting.slug, **kwargs})


def test_the_report_page_and_downloads_of_each_language_prefix_give_that_version(client):
    meeting = arabic_meeting()
    arabic = client.get(page_address("meetings:report", meeting, "ar")).content.decode()
    assert '<article class="un-report" lang="ar" dir="rtl">' in arabic
    assert "المحتويات" in arabic and "عقد الاجتماع في بيروت" in arabic
    # The masthead's Latin-script lines are a block of another language, with their own lang and dir.
    assert '<dl class="masthead-distribution" lang="en" dir="ltr">' in arabic
    spanish = client.get(page_address("meetings:report", meeting, "es")).content.decode()
    assert '<article class="un-report" lang="es" dir="ltr">' in spanish
    # A text not translated into Spanish shows its Arabic original, marked, in its own language and direction
    # (the official files print the marker: the text file below, and tests/test_demo_languages.py).
    introduction = re.search(r'<p id="para-1" class="numbered">.*?</p>', spanish, re.DOTALL)[0]
    assert "Índice" in spanish and "[Texto no traducido]" not in introduction
    assert '<span class="in-original" lang="ar" dir="rtl">عقد الاجتماع في بيروت' in introduction
    assert '<p class="originals-note">Los textos aún no traducidos al ' in spanish
    text = client.get(page_address("meetings:report_download", meeting, "zh-hans", extension="txt")).getvalue()
    assert "目录" in text.decode()


def pdf_text_and_fonts(content, tmp_path):
    import subprocess

    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # pdftotext wraps runs of the other direction in embedding marks (U+202A–U+202C); the words stay.
    text = text.translate(dict.fromkeys(range(0x202A, 0x202F)))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    embedded = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if " yes " in line]
    return text, embedded


def test_arabic_and_chinese_pdfs_embed_their_typefaces_and_read_in_logical_order(tmp_path):
    from report.renderers.pdf import render as render_pdf

    meeting = arabic_meeting()
    text, fonts = pdf_text_and_fonts(render_pdf(report_of(meeting))[2], tmp_path)
    assert "عقد الاجتماع في بيروت" in text  # words in reading order, not reversed
    assert "الاجتماع التحضيري الإقليمي لغرب آسيا" in text and "مقدمة" in text
    assert "Noto-Naskh-Arabic" in fonts
    text, fonts = pdf_text_and_fonts(render_pdf(report_of(meeting, "zh"))[2], tmp_path)
    # The label sits in its own hanging box, so the text extraction may put a line break after it.
    assert "目录" in text and re.search(r"一\.\s+导言", text)
    assert "Noto-Serif-CJK-SC" in fonts


def test_the_arabic_word_version_runs_right_to_left_but_keeps_the_latin_masthead_left_to_right():
    import io
    import zipfile

    from report.renderers.docx import render as render_docx

    content = render_docx(report_of(arabic_meeting()))[2]
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    assert "<w:bidiVisual/>" in xml
    assert xml.count("<w:rtl/>") > 10
    body_paragraphs = xml.count("<w:p>") + xml.count("<w:p ")
    assert xml.count("<w:bidi/>") + xml.count('<w:bidi w:val="0"/>') >= body_paragraphs - 1
    assert '<w:bidi w:val="0"/>' in xml  # the masthead's Latin-script lines


def pdf_words(content, tmp_path, page):
    """(text, x_min, y_min, x_max) of each word on one page of a PDF, by pdftotext's bounding boxes."""
    import subprocess

    path = tmp_path / "words.pdf"
    path.write_bytes(content)
    xml = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
    return [(word, float(x0), float(y0), float(x1)) for x0, y0, x1, word in re.findall(pattern, xml)]


def test_the_arabic_pdf_mirrors_its_page_frame_contents_and_officers(demo_meeting, tmp_path):
    """A right-to-left report's first page has no running head, its contents list stays inside the page,
    and an officer's label stands at the right of the name (a grid would not be mirrored)."""
    from report.renderers.pdf import render as render_pdf

    content = render_pdf(report_of(demo_meeting, "ar"))[2]
    first = pdf_words(content, tmp_path, 1)
    assert [word for word, *_ in first].count(demo_meeting.symbol) == 1  # the masthead's, not a running head too
    page_width = 595.3
    assert max(x1 for *_, x1 in first) < page_width - 28  # nothing in the last centimetre of the paper

    page = next(n for n in range(2, 20) if any(word == "Zakaria" for word, *_ in pdf_words(content, tmp_path, n)))
    words = pdf_words(content, tmp_path, page)
    _, name_x0, name_y, name_x1 = next(entry for entry in words if entry[0] == "Zakaria")
    line = [entry for entry in words if abs(entry[2] - name_y) < 2 and entry[0] != "Zakaria"]
    assert any(x0 > name_x1 + 28 for _, x0, _, _ in line)  # the label, a column to the right
    assert not any(x1 < name_x0 - 28 for _, _, _, x1 in line)  # nothing a column to the left


def test_the_arabic_word_version_sets_bold_and_sizes_for_its_script():
    """Word applies bold, italic and size to Arabic only through their complex-script twins (w:bCs …)."""
    import io
    import zipfile

    from report.renderers.docx import render as render_docx

    archive = zipfile.ZipFile(io.BytesIO(render_docx(report_of(arabic_meeting()))[2]))
    for part in ("word/document.xml", "word/styles.xml"):
        xml = archive.read(part).decode()
        bold = len(re.findall(r"<w:b/>|<w:b w:val=", xml))
        sizes = len(re.findall(r"<w:sz w:val=", xml))
        assert bold and sizes, part
        assert len(re.findall(r"<w:bCs/>|<w:bCs w:val=", xml)) == bold, part
        assert len(re.findall(r"<w:szCs w:val=", xml)) == sizes, part


def test_the_arabic_word_version_mirrors_its_running_heads():
    """Bound on the right: the symbol at the right of even pages and the left of odd ones, as the PDF has it."""
    import io

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from report.renderers.docx import render as render_docx

    meeting = arabic_meeting()
    page = docx.Document(io.BytesIO(render_docx(report_of(meeting))[2])).sections[0]
    assert page.even_page_header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert page.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    english = docx.Document(io.BytesIO(render_docx(report_of(meeting, "en"))[2])).sections[0]
    assert english.even_page_header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
