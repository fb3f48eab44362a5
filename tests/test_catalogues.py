"""The interface catalogues: every message translated in the five other languages, with each language's plural forms.

The catalogues are read as committed (polib, and gettext's own msgfmt --check), so an empty, fuzzy or
malformed message fails here before anyone sees English in an Arabic page.
"""

import re
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext, pgettext

from languages.grammar import CASES

LOCALE = Path(settings.BASE_DIR) / "locale"

# The gettext/CLDR rules: Arabic six forms (0, 1, 2, 3–10, 11–99, the rest), Russian three, Chinese one.
PLURAL_FORMS = {
    "ar": (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;"
    ),
    "zh_Hans": "nplurals=1; plural=0;",
    "fr": "nplurals=2; plural=(n > 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "es": "nplurals=2; plural=(n != 1);",
}
DJANGO_CODES = {"ar": "ar", "zh_Hans": "zh-hans", "fr": "fr", "ru": "ru", "es": "es"}

# %(name)s, %d, {0}, {name}: what Python fills in, which a translation must keep.
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*(?:\.\d+)?[sdifr]|\{[^{}\s]*\}")


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def placeholders(text):
    """The placeholders a message fills; "{city:loct}" counts as "{city}", the name in a case a
    translation asks for (languages/grammar.py), and an unknown case stays apart, so it fails."""
    found = PLACEHOLDER.findall(text)
    return sorted(re.sub(r"^\{(\w+):(\w+)\}$", lambda m: f"{{{m[1]}}}" if m[2] in CASES else m[0], p) for p in found)


def problems(po, plural_forms):
    """What keeps a catalogue from being complete, one line per message."""
    found = []
    if po.metadata.get("Plural-Forms", "").strip() != plural_forms:
        found.append(f"Plural-Forms header is {po.metadata.get('Plural-Forms')!r}, not {plural_forms!r}")
    nplurals = int(re.search(r"nplurals=(\d+)", plural_forms).group(1))
    for entry in po:
        if entry.obsolete:
            continue
        name = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy: {name}")
        if entry.msgid_plural:
            if sorted(entry.msgstr_plural) != list(range(nplurals)):
                found.append(f"{len(entry.msgstr_plural)} plural forms instead of {nplurals}: {name}")
            for index, form in sorted(entry.msgstr_plural.items()):
                if not form:
                    found.append(f"plural form {index} empty: {name}")
                # A form for a single number (Arabic "two reports") may leave the number out, nothing else.
                allowed = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
                if not set(placeholders(form)) <= allowed:
                    found.append(f"plural form {index} has placeholders not in the English: {name}")
        elif not entry.msgstr:
            found.append(f"untranslated: {name}")
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            found.append(f"placeholders {placeholders(entry.msgstr)} instead of {placeholders(entry.msgid)}: {name}")
    return found


@pytest.mark.parametrize("language", PLURAL_FORMS)
def test_every_message_is_translated_with_its_placeholders_and_plural_forms(language):
    po = catalogue(language)
    assert len(po) > 300  # the whole interface, not a stub
    assert problems(po, PLURAL_FORMS[language]) == []


@pytest.mark.parametrize("language", PLURAL_FORMS)
def test_msgfmt_checks_the_catalogue_and_counts_nothing_untranslated_or_fuzzy(language):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(LOCALE / language / "LC_MESSAGES" / "django.po")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^\d+ translated messages\.$", result.stderr, re.MULTILINE), result.stderr


def test_the_check_finds_what_an_incomplete_catalogue_lacks():
    po = polib.POFile()
    po.metadata = {"Plural-Forms": "nplurals=2; plural=(n != 1);"}
    po.append(polib.POEntry(msgid="Agenda", msgstr=""))
    po.append(polib.POEntry(msgid="Report", msgstr="Rapport", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="%(count)d left", msgstr="%(nombre)d restants"))
    po.append(polib.POEntry(msgid="%(n)d row", msgid_plural="%(n)d rows", msgstr_plural={0: "%(n)d صف", 1: "", 2: "x"}))
    po.append(polib.POEntry(msgid="Held in {city}", msgstr="Состоялось в {city:loct}"))  # a case: allowed
    po.append(polib.POEntry(msgid="Met in {city}", msgstr="Собралось в {city:locative}"))  # no such case
    found = problems(po, PLURAL_FORMS["ar"])
    assert found[0].startswith("Plural-Forms header is")
    assert "untranslated: Agenda" in found
    assert "fuzzy: Report" in found
    assert any(line.startswith("placeholders ['%(nombre)d']") for line in found)
    assert "3 plural forms instead of 6: %(n)d row" in found
    assert "plural form 1 empty: %(n)d row" in found
    assert not any("Held in" in line for line in found)
    assert any(line.startswith("placeholders ['{city:locative}']") for line in found)


@pytest.mark.parametrize("language", PLURAL_FORMS)
def test_the_compiled_catalogue_gives_what_the_committed_one_says(language):
    """The .mo files in use are built from these .po files (make messages), for every message."""
    with translation.override(DJANGO_CODES[language]):
        for entry in catalogue(language):
            if entry.obsolete or entry.msgid_plural:
                continue
            if entry.msgctxt:
                assert pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
            else:
                assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid


def left_out(count):
    return ngettext("%(count)d rejected row was left out.", "%(count)d rejected rows were left out.", count) % {
        "count": count
    }


def test_arabic_has_six_plural_forms_and_russian_three():
    with translation.override("ar"):
        forms = [left_out(n) for n in (0, 1, 2, 3, 11, 100)]
    assert len(set(forms)) == 6, forms
    assert forms[2] == "استُبعد صفان مرفوضان."  # the dual
    assert forms[3] == "استُبعدت 3 صفوف مرفوضة."
    assert forms[4] == "استُبعد 11 صفاً مرفوضاً."
    with translation.override("ru"):
        assert [left_out(n) for n in (1, 2, 5, 21, 12)] == [
            "Пропущена 1 отклоненная строка.",
            "Пропущены 2 отклоненные строки.",
            "Пропущено 5 отклоненных строк.",
            "Пропущена 21 отклоненная строка.",
            "Пропущено 12 отклоненных строк.",
        ]
    with translation.override("fr"):
        assert [left_out(n) for n in (0, 1, 2)] == [
            "0 ligne rejetée a été écartée.",
            "1 ligne rejetée a été écartée.",
            "2 lignes rejetées ont été écartées.",
        ]
    with translation.override("es"):
        assert [left_out(n) for n in (0, 1)] == ["Se omitieron 0 filas rechazadas.", "Se omitió 1 fila rechazada."]
    with translation.override("zh-hans"):
        assert left_out(7) == "已略去 7 个被拒绝的行。"
