"""The country-form generator (``python -m dyads.kb.generate``): inflection rules and CLDR names."""

from __future__ import annotations

import pytest

from dyads.kb import generate
from dyads.lang import read_tsv


@pytest.mark.parametrize(
    ("lang", "seed", "forms"),
    [
        ("it", "russo", {"russo", "russa", "russi", "russe"}),
        ("it", "francese", {"francese", "francesi"}),
        ("de", "russisch", {"russisch", "russische", "russischen", "russischer", "russisches", "russischem"}),
        ("fr", "russe", {"russe", "russes", "Russe", "Russes"}),  # capitalised: demonym nouns
        ("fr", "ukrainien", {"ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes", "Ukrainien", "Ukrainienne", "Ukrainiens", "Ukrainiennes"}),
        ("es", "ruso", {"ruso", "rusa", "rusos", "rusas"}),
        ("es", "francés", {"francés", "francesa", "franceses", "francesas"}),
    ],
)
def test_adjective_forms(lang: str, seed: str, forms: set[str]) -> None:
    assert {f for f, _ in generate.expand_adj(lang, seed)} == forms


def test_russian_inflection() -> None:
    inflector = generate.RussianInflector("ru")
    assert {"российский", "российская", "российские", "российских", "российскому"} <= set(inflector.adjective("российский"))
    assert {"Казахстана", "Казахстану", "Казахстаном", "Казахстане"} <= set(inflector.phrase("Казахстан"))
    assert {"России", "Россию", "Россией"} <= set(inflector.phrase("Россия"))


@pytest.mark.parametrize(
    ("lang", "iso3", "form", "kind"),
    [
        ("en", "RUS", "Russia", "name"),
        ("en", "KAZ", "Kazakhs", "demonym"),
        ("ru", "RUS", "Россией", "name"),
        ("ru", "RUS", "российских", "adj"),
        ("ru", "RUS", "Кремля", "metonym"),
        ("de", "RUS", "Russlands", "name"),
        ("de", "DEU", "Deutschlands", "name"),
        ("it", "ITA", "la Farnesina", "metonym"),
        ("fr", "FRA", "Quai d'Orsay", "metonym"),
        ("es", "ARG", "argentino", "adj"),
        ("en", "XKX", "Kosovo", "name"),
        ("en", "TWN", "Taiwan", "name"),
    ],
)
def test_packaged_country_forms(lang: str, iso3: str, form: str, kind: str) -> None:
    assert (iso3, form, kind) in {row[:3] for row in read_tsv(lang, "countries.tsv")}


def test_bracketed_cldr_parts_never_name_another_state() -> None:
    owners = {}
    for iso3, form, _kind, *_ in read_tsv("ru", "countries.tsv"):
        owners.setdefault(form, set()).add(iso3)
    assert owners["США"] == {"USA"}


def test_a_person_demonym_is_inflected_in_the_singular_only() -> None:
    forms = set(generate.RussianInflector("ru").phrase("американец", ("sing",)))
    assert {"американца", "американцу", "американцем", "американце"} <= forms
    assert not forms & {"американцы", "американцев"}


@pytest.mark.parametrize(
    ("lang", "iso3", "form", "sector"),
    [
        ("ru", "USA", "американец", "CVL"),
        ("ru", "USA", "американца", "CVL"),
        ("ru", "FRA", "француженкой", "CVL"),
        ("ru", "USA", "американцы", ""),  # the plural is the country
        ("ru", "TUR", "турок", ""),  # "тысячи турок": a plural form wins over the singular one
        ("de", "RUS", "Russin", "CVL"),
        ("en", "GBR", "Briton", "CVL"),
        ("fr", "RUS", "Russe", "CVL"),  # capitalised singular nouns from the adjective
        ("fr", "RUS", "Russes", ""),
        ("fr", "FRA", "Français", ""),  # one and many alike: the country
        ("fr", "ARG", "Argentine", ""),  # also the country's name
    ],
)
def test_person_demonym_sectors(lang: str, iso3: str, form: str, sector: str) -> None:
    rows = {(row[0], row[1]): row[3] if len(row) > 3 else "" for row in read_tsv(lang, "countries.tsv") if row[2] == "demonym"}
    assert rows[(iso3, form)] == sector
