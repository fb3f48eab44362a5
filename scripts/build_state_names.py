"""Writes languages/data/state_names.json, the names of the Member and observer States in six languages.

Sources, both as kept in the public repository datasets/country-codes (Public Domain Dedication and
License; https://github.com/datasets/country-codes):
- UNTERM short names: data/country-codes.csv, columns "UNTERM <language> Short", which that repository
  takes from the United Nations Protocol and Liaison Service's list
  (https://www.un.org/dgacm/sites/www.un.org.dgacm/files/Documents_Protocol/unterm-efsrca.xlsx);
  commit caa72d1e0e5af8876c170bb36a9e4d64a01bba88 (15 May 2026).
- UNSD M49 names: tmp/UNSD-{ar,cn,es,fr,ru}.csv, the six-language downloads of the Standard country
  or area codes for statistical use (https://unstats.un.org/unsd/methodology/m49/overview/),
  commit 16582cca738ee25f3f6e6696ab74869b854c269b (25 September 2024).

A State takes its UNTERM short names, without the article UNTERM adds in parentheses for running text
("Arabia Saudita (la)" → "Arabia Saudita") and without the asterisk that marks a non-member State.
Where that list has no entry for the State, or names it otherwise in English than the United Nations
now does (the Netherlands became "Netherlands (Kingdom of the)" after that list was made), the State
takes its M49 names. Each row says which.

Usage: python scripts/build_state_names.py COUNTRY_CODES_CSV UNSD_CSV_DIRECTORY
The English names and the list of States are those the project already uses (the demo data file).
"""

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo" / "western_asia_2019.json"
OUTPUT = ROOT / "languages" / "data" / "state_names.json"
OBSERVER_STATES = {"Holy See", "State of Palestine"}
LANGUAGES = {
    "ar": ("Arabic", "ar"),
    "zh_hans": ("Chinese", "cn"),
    "fr": ("French", "fr"),
    "ru": ("Russian", "ru"),
    "es": ("Spanish", "es"),
}
ARTICLE = re.compile(r"\s*\((the|el|la|los|las|l'|l’|le|les)\)$")


def short_name(unterm):
    return ARTICLE.sub("", unterm.replace("*", "").strip()).strip()


def main(country_codes_csv, unsd_directory):
    with open(country_codes_csv, encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    unterm = {short_name(r["UNTERM English Short"]): r for r in rows if r["UNTERM English Short"]}
    by_iso3 = {r["ISO3166-1-Alpha-3"]: r for r in rows}
    m49 = {}
    for language, (_, suffix) in LANGUAGES.items():
        with open(Path(unsd_directory) / f"UNSD-{suffix}.csv", encoding="utf-8-sig") as file:
            for row in csv.DictReader(file):
                m49.setdefault(row["ISO-alpha3 Code"], {})[language] = row["Country or Area"]
                m49[row["ISO-alpha3 Code"]]["m49"] = row["M49 Code"]
    # English names as the project writes them, to their ISO code through the M49 or UNTERM names.
    english = json.loads(DEMO.read_text(encoding="utf-8"))["states"]
    iso_of = {r["official_name_en"]: r["ISO3166-1-Alpha-3"] for r in rows if r["official_name_en"]}
    iso_of.update({name: r["ISO3166-1-Alpha-3"] for name, r in unterm.items()})
    iso_of.update({"Côte d'Ivoire": "CIV", "Netherlands (Kingdom of the)": "NLD"})
    states = []
    for name in english:
        iso3 = iso_of[name]
        row = unterm.get(name)
        entry = {"iso3": iso3, "m49": m49[iso3]["m49"], "observer": name in OBSERVER_STATES, "en": name}
        if row is not None:
            for language, (column, _) in LANGUAGES.items():
                entry[language] = short_name(row[f"UNTERM {column} Short"])
            entry["source"] = "UNTERM"
        else:
            for language in LANGUAGES:
                entry[language] = m49[iso3][language]
            entry["source"] = "UNSD M49"
        assert all(entry[language] for language in LANGUAGES), entry
        assert by_iso3[iso3]
        states.append(entry)
    OUTPUT.write_text(
        json.dumps({"sources": __doc__.split("Usage:")[0].strip(), "states": states}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(states)} States written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
