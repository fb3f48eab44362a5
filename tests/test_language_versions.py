"""Per language, how many texts of a meeting are translated; XLIFF export and import of one language version."""

import contextlib
import io

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from languages.xliff import NS, XliffRefused
from meetings.models import MeetingParagraph
from recommendations.models import Recommendation
from report.language_versions import export_xliff, import_xliff, texts_of, translation_status

pytestmark = pytest.mark.django_db
X = f"{{{NS}}}"


def status_of(meeting):
    return {row["language"]: row for row in translation_status(meeting)}


def test_the_demo_is_drafted_in_english_and_translated_into_nothing_yet(demo_meeting):
    status = status_of(demo_meeting)
    total = status["en"]["total"]
    assert total == sum(1 for text in texts_of(demo_meeting) if text.required) > 60
    assert status["en"]["is_original"] and status["en"]["translated"] == total
    # The drafted paragraphs stay untranslated; the demo gives the region's and the city's names in six
    # languages, and the Arabic titles of agenda items.
    assert status["es"] == {**status["es"], "translated": 2, "missing": total - 2, "is_original": False}
    assert 0 < status["ar"]["translated"] < total


def test_a_translated_paragraph_counts_for_its_language_only(demo_meeting):
    before = status_of(demo_meeting)
    paragraph = MeetingParagraph.objects.filter(meeting=demo_meeting).first()
    paragraph.text_fr = "La Réunion a été ouverte par le Secrétaire."
    paragraph.save()
    after = status_of(demo_meeting)
    assert after["fr"]["translated"] == before["fr"]["translated"] + 1
    assert after["es"]["translated"] == before["es"]["translated"]


def units(data):
    root = etree.fromstring(data)
    return {unit.get("id"): unit for unit in root.iter(f"{X}trans-unit")}


def fill(data, translations):
    """The exported file with the <target> of some units filled, as a translator's tool would."""
    root = etree.fromstring(data)
    for unit in root.iter(f"{X}trans-unit"):
        if unit.get("id") in translations:
            unit.find(f"{X}target").text = translations[unit.get("id")]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_round_trip_of_the_spanish_version(demo_meeting):
    data = export_xliff(demo_meeting, "es")
    root = etree.fromstring(data)
    file = root.find(f"{X}file")
    assert (root.get("version"), file.get("original")) == ("1.2", "A/CONF.234/RPM.2/1")
    assert (file.get("source-language"), file.get("target-language")) == ("en", "es")
    found = units(data)
    paragraph = MeetingParagraph.objects.filter(meeting=demo_meeting).first()
    recommendation = Recommendation.objects.filter(discussion__meeting=demo_meeting).first()
    paragraph_id = f"meetings.meetingparagraph.{paragraph.pk}.text"
    recommendation_id = f"recommendations.recommendation.{recommendation.pk}.text"
    assert found[paragraph_id].find(f"{X}source").text == paragraph.text_en
    assert found[paragraph_id].find(f"{X}target").get("state") == "needs-translation"

    filled = fill(data, {paragraph_id: "Párrafo traducido.", recommendation_id: "Recomendación traducida"})
    result = import_xliff(demo_meeting, filled, "es")
    assert result.changed == 2
    paragraph.refresh_from_db()
    recommendation.refresh_from_db()
    assert paragraph.text_es == "Párrafo traducido."
    assert recommendation.text_es == "Recomendación traducida"
    assert paragraph.text_en != "Párrafo traducido."
    assert status_of(demo_meeting)["es"]["translated"] == 2 + 2  # and the region's and city's names
    # The ids are the same on the next export, and the translations travel with them.
    assert units(export_xliff(demo_meeting, "es"))[paragraph_id].find(f"{X}target").text == "Párrafo traducido."


def unchanged_spanish(meeting):
    return sorted(text.value("es") for text in texts_of(meeting))


REFUSED = [
    (lambda data: data[: len(data) // 2], "not well-formed XML"),
    (lambda data: b"<html><body>Not a translation</body></html>", "not an XLIFF 1.2 document"),
    (lambda data: data.replace(b'original="A/CONF.234/RPM.2/1"', b'original="A/CONF.234/RPM.1/1"'), "is for"),
    (lambda data: data.replace(b'target-language="es"', b'target-language="fr"'), "not the es one"),
    (lambda data: data.replace(b'target-language="es"', b'target-language="de"'), "not one of the six"),
    (lambda data: data.replace(b'id="meetings.meetingparagraph.', b'id="meetings.meetingparagraph.9', 1), "not texts"),
]


def test_a_malformed_or_foreign_file_is_refused_and_changes_nothing(demo_meeting):
    paragraph = MeetingParagraph.objects.filter(meeting=demo_meeting).first()
    data = fill(export_xliff(demo_meeting, "es"), {f"meetings.meetingparagraph.{paragraph.pk}.text": "Traducido."})
    before = unchanged_spanish(demo_meeting)
    for mangle, message in REFUSED:
        with pytest.raises(XliffRefused, match=message):
            import_xliff(demo_meeting, mangle(data), "es")
        assert unchanged_spanish(demo_meeting) == before
    # The same file, untouched, goes in.
    assert import_xliff(demo_meeting, data, "es").changed == 1


def test_a_file_whose_original_text_changed_since_export_is_refused(demo_meeting):
    paragraph = MeetingParagraph.objects.filter(meeting=demo_meeting).first()
    data = fill(export_xliff(demo_meeting, "es"), {f"meetings.meetingparagraph.{paragraph.pk}.text": "Traducido."})
    paragraph.text_en = paragraph.text_en + " Amended."
    paragraph.save()
    with pytest.raises(XliffRefused, match="changed since the file was exported"):
        import_xliff(demo_meeting, data, "es")
    paragraph.refresh_from_db()
    assert paragraph.text_es is None


def test_the_original_language_is_never_imported(demo_meeting):
    data = export_xliff(demo_meeting, "en")
    with pytest.raises(XliffRefused, match="original language"):
        import_xliff(demo_meeting, data)


def test_an_entity_is_not_expanded(demo_meeting):
    data = export_xliff(demo_meeting, "es").replace(
        b"<?xml version='1.0' encoding='UTF-8'?>",
        b"<?xml version='1.0' encoding='UTF-8'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
    )
    paragraph = MeetingParagraph.objects.filter(meeting=demo_meeting).first()
    unit_id = f"meetings.meetingparagraph.{paragraph.pk}.text".encode()
    data = data.replace(b'state="needs-translation" xml:lang="es"/>', b'xml:lang="es">&e;</target>', 1)
    with contextlib.suppress(XliffRefused):
        import_xliff(demo_meeting, data, "es")
    assert all("root:" not in text.value("es") for text in texts_of(demo_meeting)), unit_id


def test_the_command_exports_and_imports(demo_meeting, tmp_path):
    out = tmp_path / "es.xlf"
    call_command("xliff", "export", demo_meeting.symbol, "--language", "es", "-o", str(out))
    paragraph = MeetingParagraph.objects.filter(meeting=demo_meeting).first()
    out.write_bytes(fill(out.read_bytes(), {f"meetings.meetingparagraph.{paragraph.pk}.text": "Traducido."}))
    stdout = io.StringIO()
    call_command("xliff", "import", demo_meeting.symbol, str(out), stdout=stdout)
    assert "Imported 1 texts into the es version" in stdout.getvalue()
    paragraph.refresh_from_db()
    assert paragraph.text_es == "Traducido."
    (tmp_path / "bad.xlf").write_bytes(b"<xliff")
    with pytest.raises(CommandError, match="not well-formed"):
        call_command("xliff", "import", demo_meeting.symbol, str(tmp_path / "bad.xlf"))


@pytest.mark.parametrize("blank", ["", " ", "\u00a0\t", "\u3000\u2028", "\u200b"])
def test_the_database_counts_the_drafted_texts_as_the_texts_themselves_do(demo_meeting, blank):
    """The overview counts summary paragraphs and recommendations in the database (they grow with the meeting):
    the same figures as counting every text, white space only counting as missing as str.strip says."""
    recommendation = Recommendation.objects.filter(discussion__meeting=demo_meeting).first()
    recommendation.text_es, recommendation.text_fr = blank, "Texte"
    recommendation.save()
    assert translation_status(demo_meeting) == translation_status(demo_meeting, texts_of(demo_meeting))
