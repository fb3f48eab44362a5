"""The demo meeting's names in the languages other than English and Arabic: the Congress's, its
host city's, the region's and the venue's, as UN documents in those languages write them.

Sources: the Spanish report of the Latin America and Caribbean meeting of the same Congress
(A/CONF.234/RPM.3/1, Spanish: "14º Congreso de las Naciones Unidas sobre Prevención del Delito
y Justicia Penal", "Kyoto (Japón)", and the main theme); the Congress's name in French as in
General Assembly resolution 73/184. The Russian and Chinese names, and the place names, follow
the Congress's usual names in those languages but were not checked against a document here. The
main theme is given in Spanish only: its other versions are not at hand, so they show as not
translated.
Drafted paragraphs have no translation in the demo (none is at hand) and stay marked as such.
"""

CONGRESS = {
    "title_es": "14º Congreso de las Naciones Unidas sobre Prevención del Delito y Justicia Penal",
    "title_fr": "Quatorzième Congrès des Nations Unies pour la prévention du crime et la justice pénale",
    "title_ru": (
        "Четырнадцатый Конгресс Организации Объединенных Наций по предупреждению преступности и уголовному правосудию"
    ),
    "title_zh_hans": "第十四届联合国预防犯罪和刑事司法大会",
    "short_title_es": "14º Congreso",
    "short_title_fr": "Quatorzième Congrès",
    "short_title_ru": "Четырнадцатый конгресс",
    "short_title_zh_hans": "第十四届大会",
    "host_city_ar": "كيوتو",
    "host_city_es": "Kyoto",
    "host_city_fr": "Kyoto",
    "host_city_ru": "Киото",
    "host_city_zh_hans": "京都",
    "main_theme_es": (
        "Promoción de la prevención del delito, la justicia penal y el estado de derecho: "
        "hacia el cumplimiento de la Agenda 2030"
    ),
}

MEETING = {
    "region_es": "Asia Occidental",
    "region_fr": "Asie occidentale",
    "region_ru": "Западная Азия",
    "region_zh_hans": "西亚",
    "venue_city_es": "Beirut",
    "venue_city_fr": "Beyrouth",
    "venue_city_ru": "Бейрут",
    "venue_city_zh_hans": "贝鲁特",
}
