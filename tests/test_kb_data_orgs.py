"""Validate the international-organisation data files of the knowledge base.

dyads/kb/data/orgs.tsv, org_members.tsv, org_bodies.tsv, people/IGO.tsv and
dyads/lang/<xx>/orgs.tsv: exact columns, date formats and sanity, ISO-3166 codes,
acronyms consistent across files, names in every supported language, and a table of
membership facts that must hold.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest

from dyads.config import SUPPORTED_LANGUAGES

ROOT = Path(__file__).resolve().parents[1] / "dyads"
DATA = ROOT / "kb" / "data"
LANG = ROOT / "lang"
NOW = date(2026, 11, 30)

ORG_COLUMNS = ["acronym", "wikidata_id", "name_en", "code", "kind", "founded", "source"]
MEMBER_COLUMNS = ["acronym", "iso3", "start", "end", "source"]
BODY_COLUMNS = ["acronym", "body_en", "sector", "role", "source"]
PEOPLE_COLUMNS = ["wikidata_id", "name", "aliases", "country", "org", "office",
                  "start", "end", "other_names", "source"]
KINDS = {"global", "regional", "military", "economic", "financial", "humanitarian", "judicial", "agency", "ngo"}
ROLES = {"head", "body", "forces", "assembly", "court"}
SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "PTY", "OPP", "REB", "CVL", "BUS", "MED", "NGO", "IGO", "SPY"}
FORM_TYPES = {"name", "acronym", "short"}
# Codes in use that ISO 3166 lacks (or pycountry may lack): Kosovo, Palestine, Taiwan, Western Sahara.
EXTRA_ISO3 = {"XKX", "PSE", "TWN", "ESH"}
# Organisations whose membership starts with a predecessor (EEC 1958 for the EU; IGADD 1986 for IGAD).
PREDECESSOR_MEMBERS = {"EU", "IGAD"}
# Organisations with no member rows on purpose (UN agencies ~ UN membership, global financial bodies,
# courts with treaty parties, NGOs); see the comment at the top of org_members.tsv.
NO_MEMBER_ROWS = {
    "UNHCR", "UNICEF", "WFP", "WHO", "IAEA", "UNESCO", "FAO", "ILO", "UNDP", "OHCHR", "OCHA", "UNRWA",
    "UNIDO", "ICAO", "IMO", "ITU", "WMO", "UNFPA", "UNWOMEN", "UNEP", "UNCTAD", "UNODC", "IOM", "UPU",
    "WIPO", "IFAD", "UNAIDS", "OPCW", "UNIFIL", "MONUSCO", "UNMISS", "ICJ", "ICC", "PCA", "IMF", "WB",
    "WTO", "EBRD", "ADB", "AIIB", "EIB", "AFDB", "IDB", "BIS", "ISDB", "ECB", "EUROPOL", "FRONTEX",
    "IEA", "INTERPOL", "OIF", "ICRC", "IFRC", "AMNESTY", "HRW", "MSF", "GREENPEACE",
}
REQUIRED_ORGS = {
    "UN", "UNHCR", "UNICEF", "WFP", "WHO", "IAEA", "UNESCO", "FAO", "ILO", "UNDP", "OHCHR", "OCHA", "UNRWA",
    "IMF", "WB", "WTO", "OECD", "EBRD", "ADB", "AIIB", "NDB", "EIB", "NATO", "CSTO", "SCO", "OSCE", "AU",
    "ECOWAS", "SADC", "IGAD", "EAC", "GCC", "LAS", "OIC", "ASEAN", "SAARC", "APEC", "OAS", "MERCOSUR",
    "CELAC", "COE", "EU", "EAEU", "CIS", "GUAM", "BSEC", "CICA", "OTS", "UNIONSTATE", "BRICS", "G7",
    "G20", "OPEC", "IEA", "ICC", "ICJ", "INTERPOL", "EUROPOL", "ICRC", "IFRC", "AMNESTY", "HRW", "MSF",
    "GREENPEACE", "COMMONWEALTH", "EFTA", "ARCTIC", "EDB", "CARICOM", "PIF", "ALBA", "UNASUR",
}
# Languages with an orgs.tsv: the supported ones must name every organisation, extra ones (uk, kk) may be partial.
LANGS_WITH_FILE = tuple(sorted(p.parent.name for p in LANG.glob("*/orgs.tsv")))
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID_RE = re.compile(r"^Q[1-9]\d*$")
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9]*$")
RU_RE = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё'’. IVX-]*$")
AMBIGUOUS_SURNAMES = {"Kim", "Lee", "Khan", "Johnson", "Park", "Wang", "Li", "Zhang", "Singh", "Nguyen",
                      "Ali", "Ahmed", "Smith", "Brown", "Jones", "Chen", "Liu", "Sharif", "Chan", "Costa",
                      "Michel", "Ban", "Moore", "Davis", "Robinson", "Scotland", "Stock", "Lake", "Russell"}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _table(path: Path, columns: list[str]) -> list[dict[str, str]]:
    body = [ln for ln in _lines(path) if ln.strip() and not ln.startswith("#")]
    assert body[0].split("\t") == columns, f"{path.name}: bad header {body[0]!r}"
    out = []
    for ln in body[1:]:
        cells = ln.split("\t")
        assert len(cells) == len(columns), f"{path.name}: {ln!r}"
        assert all(c == c.strip() for c in cells), f"{path.name}: stray spaces in {ln!r}"
        out.append(dict(zip(columns, cells)))
    return out


def _bounds(value: str) -> tuple[date, date]:
    """Earliest and latest day a possibly partial date (YYYY, YYYY-MM) can mean."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _iso3_ok(code: str) -> bool:
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


ORGS = _table(DATA / "orgs.tsv", ORG_COLUMNS)
ORG_BY_ACRONYM = {o["acronym"]: o for o in ORGS}
MEMBERS = _table(DATA / "org_members.tsv", MEMBER_COLUMNS)
BODIES = _table(DATA / "org_bodies.tsv", BODY_COLUMNS)
PEOPLE = _table(DATA / "people" / "IGO.tsv", PEOPLE_COLUMNS)


def _lang_rows(lang: str) -> list[list[str]]:
    return [ln.split("\t") for ln in _lines(LANG / lang / "orgs.tsv") if ln.strip() and not ln.startswith("#")]


def members_at(acronym: str, day: str) -> set[str]:
    """ISO3 codes that were members of ``acronym`` on ``day`` (YYYY-MM-DD)."""
    when = date.fromisoformat(day)
    found = set()
    for m in MEMBERS:
        if m["acronym"] != acronym:
            continue
        starts = _bounds(m["start"])[0] if m["start"] else date.min
        ends = _bounds(m["end"])[1] if m["end"] else date.max
        if starts <= when <= ends:
            found.add(m["iso3"])
    return found


@pytest.mark.parametrize("path", [DATA / "orgs.tsv", DATA / "org_members.tsv", DATA / "org_bodies.tsv",
                                  DATA / "people" / "IGO.tsv"] + [LANG / lang / "orgs.tsv" for lang in sorted(set(SUPPORTED_LANGUAGES) | set(LANGS_WITH_FILE))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_file_starts_with_source(path: Path) -> None:
    assert path.is_file(), f"{path} missing"
    assert _lines(path)[0].startswith("# source: "), f"{path.name}: first line must be '# source: ...'"


def test_orgs_rows() -> None:
    assert len(ORGS) >= 100
    assert len(ORG_BY_ACRONYM) == len(ORGS), "duplicate acronym"
    for o in ORGS:
        acr = o["acronym"]
        assert ACRONYM_RE.match(acr), acr
        assert o["wikidata_id"] == "" or QID_RE.match(o["wikidata_id"]), acr
        assert o["name_en"], acr
        assert o["kind"] in KINDS, acr
        prefix = "NGO" if o["kind"] == "ngo" else "IGO"
        assert o["code"] == prefix + acr, f"{acr}: code {o['code']}"
        assert re.fullmatch(r"\d{4}", o["founded"]) and 1800 <= int(o["founded"]) <= NOW.year, acr
        assert o["source"], acr
    qids = [o["wikidata_id"] for o in ORGS if o["wikidata_id"]]
    assert len(qids) == len(set(qids)), "one Wikidata id on two organisations"


def test_required_orgs_present() -> None:
    assert not REQUIRED_ORGS - set(ORG_BY_ACRONYM)


def test_member_rows() -> None:
    for m in MEMBERS:
        where = f"{m['acronym']} {m['iso3']} {m['start']}"
        assert m["acronym"] in ORG_BY_ACRONYM, where
        assert _iso3_ok(m["iso3"]), where
        assert m["start"] == "" or DATE_RE.match(m["start"]), where
        assert m["end"] == "" or DATE_RE.match(m["end"]), where
        assert m["source"], where
        if m["start"]:
            start_lo, _ = _bounds(m["start"])
            assert start_lo <= NOW, where
            if m["acronym"] not in PREDECESSOR_MEMBERS:
                assert start_lo.year >= int(ORG_BY_ACRONYM[m["acronym"]]["founded"]), f"{where}: before founding"
        if m["end"]:
            _, end_hi = _bounds(m["end"])
            assert end_hi <= date(NOW.year, 12, 31), where
            if m["start"]:
                assert _bounds(m["start"])[0] <= end_hi, f"{where}: ends before it starts"


def test_member_periods_do_not_overlap() -> None:
    periods: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)
    for m in MEMBERS:
        start = _bounds(m["start"])[1] if m["start"] else date.min
        end = _bounds(m["end"])[0] if m["end"] else date.max
        periods[(m["acronym"], m["iso3"])].append((start, end))
    for key, spans in periods.items():
        spans.sort()
        for (_, prev_end), (nxt_start, _) in zip(spans, spans[1:]):
            assert nxt_start >= prev_end, f"{key}: overlapping membership periods"
        assert sum(1 for _, end in spans if end == date.max) <= 1, f"{key}: two open periods"


def test_every_org_has_members_or_is_listed_as_not_compiled() -> None:
    with_members = {m["acronym"] for m in MEMBERS}
    assert not (with_members & NO_MEMBER_ROWS), "org listed as not compiled has rows"
    missing = set(ORG_BY_ACRONYM) - with_members - NO_MEMBER_ROWS
    assert not missing, f"organisations without members: {sorted(missing)}"
    assert not NO_MEMBER_ROWS - set(ORG_BY_ACRONYM)


@pytest.mark.parametrize(("acronym", "day", "count"), [
    ("UN", "2026-11-01", 193),
    ("UN", "2010-01-01", 192),
    ("EU", "2026-11-01", 27),
    ("EU", "2019-12-31", 28),
    ("NATO", "2026-11-01", 32),
    ("NATO", "2023-01-01", 30),
    ("COE", "2026-11-01", 46),
    ("OSCE", "2026-11-01", 57),
    ("AU", "2026-11-01", 55),
    ("SCO", "2026-11-01", 10),
    ("BRICS", "2026-11-01", 10),
    ("EAEU", "2026-11-01", 5),
    ("GCC", "2026-11-01", 6),
    ("LAS", "2026-11-01", 22),
    ("OIC", "2026-11-01", 57),
    ("OECD", "2026-11-01", 38),
    ("CSTO", "2026-11-01", 6),
])
def test_member_counts(acronym: str, day: str, count: int) -> None:
    assert len(members_at(acronym, day)) == count


@pytest.mark.parametrize(("acronym", "iso3", "day", "member"), [
    ("CSTO", "UZB", "2008-06-01", True),
    ("CSTO", "UZB", "2004-06-01", False),
    ("CSTO", "UZB", "2014-06-01", False),
    ("CSTO", "ARM", "2026-11-01", True),  # participation frozen in 2024, formally a member
    ("CIS", "GEO", "2009-01-01", True),
    ("CIS", "GEO", "2010-01-01", False),
    ("NATO", "FIN", "2023-04-03", False),
    ("NATO", "FIN", "2023-04-04", True),
    ("NATO", "SWE", "2024-03-06", False),
    ("NATO", "SWE", "2024-03-07", True),
    ("EU", "GBR", "2020-01-31", True),
    ("EU", "GBR", "2020-02-01", False),
    ("EU", "HRV", "2013-07-01", True),
    ("COE", "RUS", "2022-03-16", True),
    ("COE", "RUS", "2022-03-17", False),
    ("SCO", "IRN", "2023-07-03", False),
    ("SCO", "IRN", "2023-07-04", True),
    ("SCO", "BLR", "2024-07-04", True),
    ("SCO", "BLR", "2024-07-03", False),
    ("BRICS", "EGY", "2024-01-01", True),
    ("BRICS", "ETH", "2023-12-31", False),
    ("BRICS", "IRN", "2024-01-01", True),
    ("BRICS", "ARE", "2024-01-01", True),
    ("BRICS", "SAU", "2026-01-01", False),
    ("BRICS", "IDN", "2025-01-06", True),
    ("BRICS", "IDN", "2025-01-05", False),
    ("G7", "RUS", "2010-01-01", True),
    ("G7", "RUS", "2015-01-01", False),
    ("ECOWAS", "MLI", "2025-06-01", False),
    ("OPEC", "QAT", "2019-06-01", False),
    ("OPEC", "AGO", "2024-06-01", False),
    ("UN", "SSD", "2011-07-14", True),
    ("UN", "CHE", "2000-01-01", False),
    ("UN", "TWN", "2026-01-01", False),
])
def test_membership_facts(acronym: str, iso3: str, day: str, member: bool) -> None:
    assert (iso3 in members_at(acronym, day)) is member


def test_body_rows() -> None:
    seen = set()
    for b in BODIES:
        key = (b["acronym"], b["body_en"])
        assert b["acronym"] in ORG_BY_ACRONYM, key
        assert b["body_en"], key
        assert b["sector"] in SECTORS, key
        assert b["role"] in ROLES, key
        assert b["source"], key
        assert key not in seen, f"duplicate body {key}"
        seen.add(key)
    bodies = {(b["acronym"], b["body_en"]): b for b in BODIES}
    assert bodies[("EU", "European Parliament")]["sector"] == "LEG"
    assert bodies[("EU", "Court of Justice")]["sector"] == "JUD"
    assert bodies[("CSTO", "Collective Rapid Reaction Force")]["sector"] == "MIL"


def test_supported_languages_have_files() -> None:
    assert set(SUPPORTED_LANGUAGES) <= set(LANGS_WITH_FILE)


@pytest.mark.parametrize("lang", LANGS_WITH_FILE)
def test_lang_rows(lang: str) -> None:
    bodies = {(b["acronym"], b["body_en"]) for b in BODIES}
    rows = _lang_rows(lang)
    assert len(rows) == len({tuple(r) for r in rows}), f"{lang}: duplicate rows"
    for row in rows:
        assert len(row) == 3, f"{lang}: {row}"
        acronym, form, kind = row
        assert acronym in ORG_BY_ACRONYM, f"{lang}: {row}"
        assert form and form == form.strip() and "  " not in form, f"{lang}: {row}"
        if kind.startswith("body:"):
            assert (acronym, kind[5:]) in bodies, f"{lang}: unknown body in {row}"
        else:
            assert kind in FORM_TYPES, f"{lang}: {row}"


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_org_named_in_every_language(lang: str) -> None:
    named = {r[0] for r in _lang_rows(lang) if r[2] == "name"}
    assert not set(ORG_BY_ACRONYM) - named, f"{lang}: no name for {sorted(set(ORG_BY_ACRONYM) - named)}"


@pytest.mark.parametrize("lang", LANGS_WITH_FILE)
def test_forms_point_to_one_org(lang: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for acronym, form, _ in _lang_rows(lang):
        owners[form].add(acronym)
    clashes = {form: sorted(orgs) for form, orgs in owners.items() if len(orgs) > 1}
    assert not clashes, f"{lang}: forms naming two organisations: {clashes}"


@pytest.mark.parametrize(("lang", "acronym", "form"), [
    ("ru", "CSTO", "ОДКБ"), ("fr", "CSTO", "OTSC"), ("it", "CSTO", "OTSC"), ("es", "CSTO", "OTSC"),
    ("de", "CSTO", "OVKS"), ("ru", "NATO", "НАТО"), ("fr", "NATO", "OTAN"), ("es", "NATO", "OTAN"),
    ("ru", "UN", "ООН"), ("fr", "UN", "ONU"), ("it", "UN", "ONU"), ("es", "UN", "ONU"), ("de", "UN", "UNO"),
    ("de", "UN", "VN"), ("ru", "EU", "ЕС"), ("ru", "EU", "Евросоюза"), ("fr", "EU", "UE"), ("ru", "SCO", "ШОС"),
    ("fr", "SCO", "OCS"), ("ru", "CIS", "СНГ"), ("es", "CIS", "CEI"), ("de", "CIS", "GUS"), ("ru", "OSCE", "ОБСЕ"),
    ("de", "OSCE", "OSZE"), ("ru", "EAEU", "ЕАЭС"), ("ru", "UN", "Организации Объединенных Наций"),
    ("ru", "CSTO", "Организации Договора о коллективной безопасности"),
    ("ru", "CSTO", "Генеральный секретарь ОДКБ"), ("ru", "NATO", "генсек НАТО"),
    ("ru", "CSTO", "Совет министров иностранных дел ОДКБ"), ("it", "NATO", "il segretario generale della NATO"),
    ("de", "NATO", "der NATO-Generalsekretär"), ("fr", "NATO", "le secrétaire général de l'OTAN"),
    ("es", "NATO", "el secretario general de la OTAN"), ("it", "UN", "Consiglio di sicurezza dell'ONU"),
    ("de", "UN", "Sicherheitsrat"),
])
def test_required_forms(lang: str, acronym: str, form: str) -> None:
    assert any(r[0] == acronym and r[1] == form for r in _lang_rows(lang)), f"{lang}: {form}"


def test_people_rows() -> None:
    assert len(PEOPLE) >= 100
    for p in PEOPLE:
        where = f"{p['name']} {p['org']} {p['start']}"
        assert p["wikidata_id"] == "" or QID_RE.match(p["wikidata_id"]), where
        assert p["name"], where
        assert _iso3_ok(p["country"]), where
        assert p["org"] in ORG_BY_ACRONYM, where
        assert p["office"] == "igo_head", where
        assert DATE_RE.match(p["start"]) and len(p["start"]) >= 7, f"{where}: start not to the month"
        assert p["end"] == "" or (DATE_RE.match(p["end"]) and len(p["end"]) >= 7), where
        if p["end"]:
            assert _bounds(p["start"])[0] <= _bounds(p["end"])[1], where
            assert _bounds(p["end"])[1] >= date(2000, 1, 1), f"{where}: term ended before 2000"
        assert _bounds(p["start"])[0] <= NOW, where
        assert p["source"].split(";")[0].strip(), where


def test_people_names() -> None:
    for p in PEOPLE:
        aliases = [a for a in p["aliases"].split(";") if a]
        assert not AMBIGUOUS_SURNAMES & set(aliases), f"ambiguous alias for {p['name']}"
        pairs = [f.split("=", 1) for f in p["other_names"].split(";") if f]
        assert all(len(x) == 2 and re.fullmatch(r"[a-z]{2}", x[0]) and x[1].strip() for x in pairs), p["name"]
        russian = [x[1] for x in pairs if x[0] == "ru"]
        assert russian, f"no Russian form for {p['name']}"
        assert all(RU_RE.match(r) for r in russian), f"{p['name']}: {russian}"


def test_one_head_at_a_time() -> None:
    """Terms of one position (org + first part of source) do not overlap beyond a day."""
    terms: dict[tuple[str, str], list[tuple[date, date, str]]] = defaultdict(list)
    for p in PEOPLE:
        position = p["source"].split(";")[0].split(" (")[0]
        end = _bounds(p["end"])[0] if p["end"] else NOW
        terms[(p["org"], position)].append((_bounds(p["start"])[1], end, p["name"]))
    for key, spans in terms.items():
        spans.sort()
        for (_, prev_end, prev), (nxt_start, _, nxt) in zip(spans, spans[1:]):
            assert (nxt_start - prev_end).days >= -1, f"{key}: {prev} overlaps {nxt}"
        assert sum(1 for _, end, _ in spans if end == NOW) <= 1, f"{key}: several open terms"


def test_people_ids_consistent_with_state_files() -> None:
    """A person named in a state file and in IGO.tsv carries the same Wikidata id (or none in both)."""
    names: dict[str, set[str]] = defaultdict(set)
    for path in (DATA / "people").glob("*.tsv"):
        for ln in _lines(path):
            if ln.startswith("#") or not ln.strip() or ln.startswith("wikidata_id"):
                continue
            cells = ln.split("\t")
            if len(cells) > 1:
                names[cells[1]].add(cells[0])
    clashes = {name: ids for name, ids in names.items() if len(ids) > 1}
    assert not clashes, f"same name, different ids: {clashes}"
    by_qid = Counter((p["wikidata_id"], p["name"]) for p in PEOPLE if p["wikidata_id"])
    qids = Counter(q for q, _ in by_qid)
    assert all(n == 1 for n in qids.values()), "one id on two names"
