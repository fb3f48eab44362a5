"""Names inside report sentences: Russian declension (pymorphy3) and lower-case ordinals in running text."""

import pytest

from languages.grammar import decline, fill

CONGRESS = (
    "Четырнадцатый Конгресс Организации Объединенных Наций по предупреждению преступности и уголовному правосудию"
)


@pytest.mark.parametrize(
    "name, declined",
    [
        ("Бейрут", "Бейруте"),
        ("Вена", "Вене"),
        ("Аддис-Абеба", "Аддис-Абебе"),
        ("Бангкок", "Бангкоке"),
        # Names Russian does not decline stay as written.
        ("Сантьяго", "Сантьяго"),
        ("Киото", "Киото"),
        ("Сан-Хосе", "Сан-Хосе"),
    ],
)
def test_cities_take_the_prepositional_case(name, declined):
    assert decline(name, "loct") == declined


@pytest.mark.parametrize(
    "region, genitive",
    [
        ("Западная Азия", "Западной Азии"),
        ("Африка", "Африки"),
        # Two names joined by "и" both decline.
        ("Латинская Америка и Карибский бассейн", "Латинской Америки и Карибского бассейна"),
        ("Азия и Тихий океан", "Азии и Тихого океана"),
    ],
)
def test_regions_take_the_genitive(region, genitive):
    assert decline(region, "gent") == genitive


def test_only_the_head_of_a_title_declines_what_it_governs_stays():
    assert decline(CONGRESS, "datv") == CONGRESS.replace("Четырнадцатый Конгресс", "Четырнадцатому Конгрессу")
    assert decline("Региональное подготовительное совещание стран Западной Азии", "gent") == (
        "Регионального подготовительного совещания стран Западной Азии"
    )


def test_a_russian_sentence_asks_for_its_cases_and_lowers_an_ordinal_inside_it():
    meeting = fill(
        "Региональное подготовительное совещание стран {region:gent} к {congress:datv}",
        "ru",
        region="Западная Азия",
        congress=CONGRESS,
    )
    title = fill(
        "Доклад {meeting:gent}, состоявшегося в {city:loct} {dates}",
        "ru",
        meeting=meeting,
        city="Бейрут",
        dates="26–28 марта 2019 года",
    )
    assert title == (
        "Доклад Регионального подготовительного совещания стран Западной Азии к четырнадцатому Конгрессу "
        "Организации Объединенных Наций по предупреждению преступности и уголовному правосудию, "
        "состоявшегося в Бейруте 26–28 марта 2019 года"
    )
    # At the start of a sentence the title keeps its capital.
    assert fill("{congress} открылся.", "ru", congress=CONGRESS).startswith("Четырнадцатый")


def test_french_lowers_an_opening_ordinal_inside_a_sentence_and_english_does_not():
    congress = "Quatorzième Congrès des Nations Unies pour la prévention du crime et la justice pénale"
    assert fill("Thème principal du {congress}", "fr", congress=congress).startswith(
        "Thème principal du quatorzième Congrès"
    )
    assert fill("{congress}", "fr", congress=congress) == congress
    english = "Fourteenth United Nations Congress on Crime Prevention and Criminal Justice"
    assert fill("Main theme of the {congress}", "en", congress=english).endswith(
        "the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice"
    )
    # Other languages ignore a case and names that are not ordinals keep their capital.
    assert fill("Held in {city:loct}", "en", city="Beirut") == "Held in Beirut"
    assert fill("Rapport de la {meeting}", "fr", meeting="Réunion préparatoire") == "Rapport de la Réunion préparatoire"


def test_an_unknown_case_is_an_error_not_a_silent_nominative():
    with pytest.raises(ValueError, match="locative"):
        fill("в {city:locative}", "ru", city="Бейрут")
