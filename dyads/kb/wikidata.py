"""Refresh people, offices and memberships from a Wikidata JSON dump.

Input: the standard dump (``latest-all.json``, ``.gz`` or ``.bz2``): a JSON array with one
entity per line. Three passes over the file, so memory stays small:

1. states (items with P298, ISO 3166-1 alpha-3) and organisations (items with P1813 short
   name that some position or membership points to are kept later);
2. positions: items whose P31/P279 (instance/subclass of) is one of the office classes in
   ``dyads/kb/data/wikidata_offices.tsv``; P1001 (applies to jurisdiction) names the state or
   organisation;
3. people: P39 (position held) with qualifiers P580/P582 (start/end) on those positions;
   P27 (citizenship) gives the country of people whose office does not; labels and aliases
   give the names. States' P463 (member of) with P580/P582 gives memberships.

Output (under ``out_dir``): ``people/<ISO3>.tsv`` and ``people/IGO.tsv`` in the people
format, and ``org_members.tsv``.
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import KnowledgeBaseError
from .sources import DATA_DIR, rows

PEOPLE_HEADER = "wikidata_id\tname\taliases\tcountry\torg\toffice\tstart\tend\tother_names\tsource"
NAME_LANGS = ("ru", "uk", "de", "fr", "it", "es", "kk")


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def entities(path: Path) -> Iterator[dict[str, Any]]:
    """Entities of a dump, one per line; broken lines are skipped."""
    with _open(path) as handle:
        for line in handle:
            line = line.strip().rstrip(",")
            if not line or line in ("[", "]"):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def _ids(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value:
            out.append(value["id"])
    return out


def _strings(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict) and "text" in value:
            out.append(value["text"])
    return out


def _time(claim: dict[str, Any], prop: str) -> str:
    for snak in claim.get("qualifiers", {}).get(prop, []):
        value = snak.get("datavalue", {}).get("value", {})
        raw = value.get("time", "") if isinstance(value, dict) else ""
        precision = value.get("precision", 11) if isinstance(value, dict) else 11
        if raw:
            day = raw.lstrip("+")[:10]
            return day[:4] if precision <= 9 else day[:7] if precision == 10 else day
    return ""


def _label(entity: dict[str, Any], lang: str) -> str:
    return entity.get("labels", {}).get(lang, {}).get("value", "")


def read_office_classes(path: Path | None = None) -> dict[str, str]:
    """Wikidata class id -> dyads office (head_of_state, foreign_minister, ...)."""
    return {c[0]: c[1] for _, c in rows(path or DATA_DIR / "wikidata_offices.tsv") if len(c) > 1}


@dataclass
class Build:
    states: dict[str, str] = field(default_factory=dict)  # item -> ISO3
    orgs: dict[str, str] = field(default_factory=dict)  # item -> acronym
    positions: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)  # item -> office, iso3, org item
    people: dict[str, list[str]] = field(default_factory=dict)  # file stem -> rows
    members: list[str] = field(default_factory=list)


def build(dump: str | Path, out_dir: str | Path, offices: dict[str, str] | None = None) -> dict[str, int]:
    """Write people and membership files from ``dump``; returns counts per output."""
    path = Path(dump)
    if not path.is_file():
        raise KnowledgeBaseError(f"Wikidata dump {dump} not found", fix="pass the path of latest-all.json(.gz|.bz2)")
    classes = offices if offices is not None else read_office_classes()
    state = Build()
    pending_members: list[tuple[str, str, str, str]] = []
    for entity in entities(path):
        qid = entity.get("id", "")
        iso3 = _strings(entity, "P298")
        if iso3:
            state.states[qid] = iso3[0]
            for claim in entity.get("claims", {}).get("P463", []):
                target = claim.get("mainsnak", {}).get("datavalue", {}).get("value", {}).get("id")
                if target:
                    pending_members.append((target, iso3[0], _time(claim, "P580"), _time(claim, "P582")))
        short = _strings(entity, "P1813")
        if short and not iso3:
            state.orgs[qid] = short[0]
        office = next((classes[c] for c in _ids(entity, "P31") + _ids(entity, "P279") if c in classes), None)
        if office:
            where = _ids(entity, "P1001")
            state.positions[qid] = (office, where[0] if where else None, None)
    for entity in entities(path):
        _person(entity, state)
    for org_item, member, since, until in pending_members:
        if org_item in state.orgs:
            state.members.append("\t".join((state.orgs[org_item], member, since, until, f"Wikidata {org_item} P463")))
    return _write(state, Path(out_dir))


def _person(entity: dict[str, Any], state: Build) -> None:
    claims = entity.get("claims", {}).get("P39", [])
    if not claims:
        return
    qid = entity["id"]
    labels: dict[str, dict[str, str]] = entity.get("labels", {})
    name = _label(entity, "en") or next((v.get("value", "") for v in labels.values()), "")
    aliases = ";".join(a["value"] for a in entity.get("aliases", {}).get("en", []))
    other = ";".join(f"{lang}={_label(entity, lang)}" for lang in NAME_LANGS if _label(entity, lang) and _label(entity, lang) != name)
    citizenship = next((state.states[c] for c in _ids(entity, "P27") if c in state.states), "")
    for claim in claims:
        position = claim.get("mainsnak", {}).get("datavalue", {}).get("value", {}).get("id")
        if position not in state.positions:
            continue
        office, where, _ = state.positions[position]
        country = state.states.get(where or "", "")
        org = state.orgs.get(where or "", "")
        if not country and not org:
            country = citizenship
        start, end = _time(claim, "P580"), _time(claim, "P582")
        row = "\t".join((qid, name, aliases, country if not org else citizenship, org, office, start, end, other, f"Wikidata {qid} P39 {position}"))
        state.people.setdefault("IGO" if org else (country or "XXX"), []).append(row)


def _write(state: Build, out: Path) -> dict[str, int]:
    folder = out / "people"
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for stem, lines in sorted(state.people.items()):
        header = f"# generated by dyads kb build --wikidata (Wikidata, CC0)\n{PEOPLE_HEADER}"
        (folder / f"{stem}.tsv").write_text(header + "\n" + "\n".join(sorted(lines)) + "\n", encoding="utf-8")
        counts[f"people/{stem}.tsv"] = len(lines)
    if state.members:
        head = "# generated by dyads kb build --wikidata (Wikidata, CC0)\nacronym\tiso3\tstart\tend\tsource"
        (out / "org_members.tsv").write_text(head + "\n" + "\n".join(sorted(state.members)) + "\n", encoding="utf-8")
        counts["org_members.tsv"] = len(state.members)
    return counts
