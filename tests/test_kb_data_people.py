"""Validate the people/offices data files dyads/kb/data/people/<ISO3>.tsv.

Checks the exact column format the KB loader reads, date sanity, that no two
terms of a single-holder office overlap inside one state (a one-day handover
overlap is allowed), and the shape of ids and language-specific names.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "dyads" / "kb" / "data" / "people"
COLUMNS = ["wikidata_id", "name", "aliases", "country", "org", "office",
           "start", "end", "other_names", "source"]
SINGLE_HOLDER = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
                 "acting_head_of_state", "acting_head_of_government"}
# Offices several people hold at once (deputy prime ministers, envoys, heads of agencies).
OFFICES = SINGLE_HOLDER | {"deputy_head_of_government", "envoy", "agency_head", "opposition", "rebel_leader"}
LANGS = {"ru", "de", "fr", "it", "es", "uk", "kk", "ky", "tg", "uz", "tk", "hy", "az", "ka",
         "be", "ro", "zh", "ja", "ko", "ar", "fa", "he", "tr", "pt", "pl", "hi", "el", "sr",
         "bg", "mk", "mn", "vi", "th", "id", "ms", "nl", "sv", "fi", "cs", "sk", "hu", "hr",
         "sl", "lt", "lv", "et", "sq", "ur", "ps", "am", "da", "no", "is", "ga", "mt", "bs"}
AMBIGUOUS_SURNAMES = {"Kim", "Lee", "Khan", "Johnson", "Park", "Wang", "Li", "Zhang",
                      "Singh", "Nguyen", "Ali", "Ahmed", "Smith", "Brown", "Jones", "Chen",
                      "Liu", "Sharif", "Bush", "Assad", "Store", "Moi", "Kurz", "Maas", "Clinton",
                      "Kaczyński", "Aliyev", "Rasmussen", "Kallas", "Niinistö", "Koizumi", "Kono"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID_RE = re.compile(r"^Q[1-9]\d*$")
RU_RE = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё'’. IVX-]*$")
FILES = sorted(p for p in DATA.glob("*.tsv") if p.stem != "IGO")
NOW = date(2026, 11, 30)


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln and not ln.startswith("#")]
    assert body[0].split("\t") == COLUMNS, f"{path.name}: bad header"
    return [ln.split("\t") for ln in body[1:]]


def _bounds(value: str) -> tuple[date, date]:
    """Earliest and latest day a possibly partial date (YYYY, YYYY-MM) can mean."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def test_files_exist() -> None:
    assert len(FILES) >= 60, f"only {len(FILES)} state files"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_file_header_and_source(path: Path) -> None:
    assert re.fullmatch(r"[A-Z]{3}", path.stem)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# source:"), f"{path.name}: first line must be '# source:'"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_rows_well_formed(path: Path) -> None:
    rows = _rows(path)
    assert rows, f"{path.name}: no rows"
    for row in rows:
        assert len(row) == len(COLUMNS), f"{path.name}: {row}"
        rec = dict(zip(COLUMNS, row))
        where = f"{path.name}: {rec['name']} {rec['office']} {rec['start']}"
        assert rec["wikidata_id"] == "" or QID_RE.match(rec["wikidata_id"]), where
        assert rec["name"].strip() == rec["name"] and rec["name"], where
        assert rec["country"] == path.stem, where
        assert rec["org"] == "", where
        assert rec["office"] in OFFICES, where
        assert DATE_RE.match(rec["start"]), where
        assert rec["end"] == "" or DATE_RE.match(rec["end"]), where
        start_lo, _ = _bounds(rec["start"])
        assert start_lo <= NOW, where
        if rec["end"]:
            _, end_hi = _bounds(rec["end"])
            assert start_lo <= end_hi, where
            assert end_hi >= date(2000, 1, 1), f"{where}: term ended before 2000"
        assert rec["source"], where


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_names_and_aliases(path: Path) -> None:
    for row in _rows(path):
        rec = dict(zip(COLUMNS, row))
        aliases = [a for a in rec["aliases"].split(";") if a]
        assert all(a.strip() == a for a in aliases), rec["name"]
        assert not AMBIGUOUS_SURNAMES & set(aliases), f"ambiguous alias for {rec['name']}"
        forms = [f for f in rec["other_names"].split(";") if f]
        pairs = [f.split("=", 1) for f in forms]
        assert all(len(p) == 2 and p[0] in LANGS and p[1].strip() for p in pairs), rec["name"]
        russian = [p[1] for p in pairs if p[0] == "ru"]
        assert len(russian) >= 1, f"{path.name}: no Russian form for {rec['name']}"
        assert all(RU_RE.match(r) for r in russian), f"{rec['name']}: {russian}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_single_holder_offices_do_not_overlap(path: Path) -> None:
    by_office: dict[str, list[tuple[date, date, date, str]]] = {}
    for row in _rows(path):
        rec = dict(zip(COLUMNS, row))
        if rec["office"] not in SINGLE_HOLDER:
            continue
        start_lo, start_hi = _bounds(rec["start"])
        end_lo = _bounds(rec["end"])[0] if rec["end"] else NOW
        by_office.setdefault(rec["office"], []).append((start_lo, start_hi, end_lo, rec["name"]))
    for office, terms in by_office.items():
        terms.sort()
        for (_, _, prev_end, prev), (_, nxt_start, _, nxt) in zip(terms, terms[1:]):
            # Only flag overlaps that are certain given partial dates.
            assert nxt_start >= prev_end - timedelta(days=1), (
                f"{path.name} {office}: {prev} (to {prev_end}) overlaps {nxt} (from {nxt_start})")
        open_terms = [name for _, _, end, name in terms if end == NOW]
        assert len(open_terms) <= 1, f"{path.name} {office}: several open terms {open_terms}"


def test_same_person_same_qid() -> None:
    seen: dict[str, str] = {}
    for path in FILES:
        for row in _rows(path):
            rec = dict(zip(COLUMNS, row))
            if rec["wikidata_id"]:
                key = rec["wikidata_id"]
                assert seen.setdefault(key, rec["name"]) == rec["name"], key


# Anchor facts (well documented handovers) guard against shifted or mistyped rows.
ANCHORS = [
    ("RUS", "Andrei Belousov", "defence_minister", "2024-05-14", ""),
    ("RUS", "Sergei Shoigu", "defence_minister", "2012-11-06", "2024-05-14"),
    ("RUS", "Sergey Lavrov", "foreign_minister", "2004-03-09", ""),
    ("RUS", "Dmitry Medvedev", "head_of_state", "2008-05-07", "2012-05-07"),
    ("KAZ", "Kassym-Jomart Tokayev", "head_of_state", "2019-03-20", ""),
    ("USA", "Donald Trump", "head_of_state", "2025-01-20", ""),
    ("USA", "Joe Biden", "head_of_state", "2021-01-20", "2025-01-20"),
    ("DEU", "Friedrich Merz", "head_of_government", "2025-05-06", ""),
    ("DEU", "Olaf Scholz", "head_of_government", "2021-12-08", "2025-05-06"),
    ("CAN", "Mark Carney", "head_of_government", "2025-03-14", ""),
    ("GBR", "Keir Starmer", "head_of_government", "2024-07-05", ""),
    ("JPN", "Shigeru Ishiba", "head_of_government", "2024-10-01", "2025-10-21"),
    ("FRA", "Emmanuel Macron", "head_of_state", "2017-05-14", ""),
    ("UKR", "Volodymyr Zelenskyy", "head_of_state", "2019-05-20", ""),
    ("CHN", "Xi Jinping", "head_of_state", "2013-03-14", ""),
    ("MMR", "Aung San Suu Kyi", "opposition", "1988-09-27", "2016-03-30"),
    ("SDN", "Mohamed Hamdan Dagalo", "rebel_leader", "2023-04-15", ""),
]


def _find(iso: str, name: str, office: str, start: str) -> dict[str, str] | None:
    path = DATA / f"{iso}.tsv"
    for row in _rows(path):
        rec = dict(zip(COLUMNS, row))
        if (rec["name"], rec["office"], rec["start"]) == (name, office, start):
            return rec
    return None


@pytest.mark.parametrize("iso,name,office,start,end", ANCHORS)
def test_anchor_terms(iso: str, name: str, office: str, start: str, end: str) -> None:
    rec = _find(iso, name, office, start)
    assert rec is not None, f"{iso}: no {office} term of {name} starting {start}"
    assert rec["end"] == end


def test_core_states_present() -> None:
    core = {"RUS", "KAZ", "KGZ", "TJK", "UZB", "TKM", "ARM", "AZE", "GEO", "BLR", "UKR", "MDA",
            "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX",
            "SAU", "ZAF", "KOR", "TUR", "GBR", "USA"}
    assert core <= {p.stem for p in FILES}


def test_surname_aliases_point_to_one_person() -> None:
    """A one-word alias ("Lavrov", "Лавров") must not name two different people anywhere."""
    owners: dict[str, set[str]] = {}
    for path in FILES:
        for row in _rows(path):
            rec = dict(zip(COLUMNS, row))
            person = rec["wikidata_id"] or rec["name"]
            russian = [f[3:] for f in rec["other_names"].split(";") if f.startswith("ru=")]
            for alias in [*rec["aliases"].split(";"), *russian]:
                if alias and " " not in alias:
                    owners.setdefault(alias.casefold(), set()).add(person)
    shared = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert not shared, shared
