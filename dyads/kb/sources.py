"""Read the knowledge-base data files into ``Entry`` lists, people and actors.

Every reader tolerates missing files and partial rows: a row that cannot be used is
skipped (and counted in ``Sources.skipped`` with its file and line) rather than failing the
whole load.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..lang import LANG_DIR
from .entries import Actor, Entry, Person, Term
from .inflect import russian_name_forms
from .normalize import normalise_form

DATA_DIR = Path(__file__).parent / "data"
HEADER_WORDS = {"wikidata_id", "acronym", "iso3", "form", "name"}
SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "PTY", "OPP", "REB", "CVL", "BUS", "MED", "NGO", "IGO",
           "SPY", "ELI", "EDU", "HLH", "LAB", "REF", "CRM", "AGR", "ENV", "IMG", "UAF", "SET", "MOD", "RAD", "DEV", "HRI", "REL"}


@lru_cache(maxsize=1024)  # called once per data row; Path.relative_to is slow
def rel(path: Path) -> str:
    """A short path for messages: relative to the package when inside it."""
    try:
        return str(path.relative_to(Path(__file__).parents[2]))
    except ValueError:
        return str(path)


def rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a TSV file, skipping blanks and ``#`` comments; nothing if absent."""
    if not path.is_file():
        return
    first = True
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.rstrip("\n").split("\t")]
        if first and cells[0] in HEADER_WORDS:
            first = False
            continue  # an uncommented column-name row
        first = False
        yield number, cells


def cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


@dataclass
class State:
    iso3: str
    name: str
    wikidata_id: str | None
    status: str


@dataclass
class Org:
    acronym: str
    name: str
    wikidata_id: str | None
    code: str
    sector: str = "IGO"  # NGO for non-governmental organisations


@dataclass
class Sources:
    """Everything read from disk, before any automaton is built."""

    states: dict[str, State] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    members: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # org -> (iso3, start, end)
    people: dict[str, Person] = field(default_factory=dict)
    by_lang: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)  # lang -> (form, entry)
    common: list[tuple[str, Entry]] = field(default_factory=list)  # forms valid in every language
    connectors: dict[str, set[str]] = field(default_factory=dict)
    alone_ok: dict[str, set[str]] = field(default_factory=dict)  # lang -> sector forms that stand alone
    numbered: dict[str, list[tuple[re.Pattern[str], Entry]]] = field(default_factory=dict)  # lang -> "{N}enne" forms (a number in the word)
    person_entries: dict[str, Entry] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    seen_forms: set[tuple[str, str, Entry]] = field(default_factory=set)
    data_dir: Path = DATA_DIR
    lang_dir: Path = LANG_DIR
    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def add(self, lang: str | None, form: str, entry: Entry) -> None:
        if lang is None:
            self.common.append((form, entry))
        else:
            self.by_lang.setdefault(lang, []).append((form, entry))


def read_states(src: Sources) -> None:
    path = src.data_dir / "states.tsv"
    src.files.append(path)
    for _, c in rows(path):
        if len(c[0]) == 3:
            src.states[c[0]] = State(c[0], cell(c, 2) or c[0], cell(c, 4) or None, cell(c, 3))


def read_countries(src: Sources, lang: str) -> None:
    path = src.lang_dir / lang / "countries.tsv"
    src.files.append(path)
    kinds = {"name": "state", "short": "state", "adj": "adj", "demonym": "demonym", "metonym": "metonym", "capital": "metonym"}
    for number, c in rows(path):
        kind = kinds.get(cell(c, 2))
        if kind is None or c[0] not in src.states or not cell(c, 1):
            src.skipped.append(f"{rel(path)}:{number}")
            continue
        state = src.states[c[0]]
        sector = cell(c, 3) or ("GOV" if kind == "metonym" else None)
        entry = Entry(kind, f"{rel(path)}:{number} ({cell(c, 2)})", country=c[0], sector=sector, name=state.name, wikidata_id=state.wikidata_id)
        for form in _with_sentence_case(c[1]) if kind == "state" else (c[1],):
            src.add(lang, form, entry)


def _with_sentence_case(form: str) -> tuple[str, ...]:
    """A multi-word name and, when later words are capitalised, its sentence-case spelling: Italian,
    French and Spanish write "Repubblica democratica del Congo", "Emirati arabi uniti", "Unione europea"."""
    first, _, rest = form.partition(" ")
    if not rest or rest.islower() or form.isupper() or not first[:1].isupper():
        return (form,)
    return form, f"{first} {rest.lower()}"


def read_non_actors(src: Sources, lang: str) -> None:
    """non_actors.tsv: phrases that look like a party but name none ("Latin America", "долларов
    США", "к власти" - "to power"). Matched like any form, they win over the shorter name inside
    them (leftmost-longest) and resolve to nothing."""
    path = src.lang_dir / lang / "non_actors.tsv"
    src.files.append(path)
    for number, c in rows(path):
        if cell(c, 0):
            src.add(lang, c[0], Entry("none", f"{rel(path)}:{number} ({cell(c, 1) or 'no party'})"))


def _split_template(form: str) -> tuple[str, str] | None:
    if "{C}" not in form:
        return None
    head, tail = form.split("{C}", 1)
    return head.strip(), tail.strip()


def read_sectors(src: Sources, lang: str, name: str = "sectors.tsv") -> None:
    """sectors.tsv (form, sector[, alone]) or titles.tsv (form, sector, role[, country]). In sectors.tsv, alone is
    "no" for a word too generic to be an actor without a country, "person" for a word for one or a few
    unnamed people ("a man", "die Frau"), which stands alone and resolves to an individual, and
    "follower" for supporters, who are a party only when counted and give way to a group they are
    said to follow ("Tausende Anhänger der Opposition" is the opposition)."""
    path = src.lang_dir / lang / name
    src.files.append(path)
    is_title = name == "titles.tsv"
    for number, c in rows(path):
        form, sector = cell(c, 0), cell(c, 1)
        where = f"{rel(path)}:{number}"
        if sector == "OF":
            src.connectors.setdefault(lang, set()).add(normalise_form(form))
            continue
        if not form or sector not in SECTORS:
            src.skipped.append(where)
            continue
        alone = cell(c, 2)
        role = alone if is_title else (alone if alone in ("person", "follower") else None)
        if NUMBER_SLOT in form:  # a number in the word: "{N}enne" is "il 32enne", "{N}-Jährige" "die 39-Jährige"
            src.numbered.setdefault(lang, []).append((_numbered(form), Entry("sector", where, sector=sector, role=role)))
            continue
        shaped = _case_free(form)
        split = _split_template(shaped)
        if split is not None:
            head, tail = split
            src.add(lang, tail, Entry("tail", where, sector=sector, role=role, heads=(normalise_form(head),), name="title" if is_title else "sector"))
            continue
        country = (cell(c, 3) or None) if is_title else None  # an office of one country only: "Rep.", "congressman"
        src.add(lang, shaped, Entry("title" if is_title else "sector", where, sector=sector, role=role, country=country))
        if not is_title and alone not in ("no", "follower"):
            src.alone_ok.setdefault(lang, set()).add(normalise_form(form))


NUMBER_SLOT = "{N}"


def _numbered(form: str) -> re.Pattern[str]:
    """A sectors.tsv form with ``{N}`` for a one- or two-digit number, as a whole-word pattern."""
    body = r"\d{1,2}".join(re.escape(part) for part in form.split(NUMBER_SLOT))
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def _case_free(form: str) -> str:
    """Institution words match in any case, unless written as an acronym (МИД, ONG)."""
    return " ".join(w if (w.isupper() and len(w) > 1) or "{" in w else w.lower() for w in form.split())


def read_orgs(src: Sources, langs: tuple[str, ...]) -> None:
    path = src.data_dir / "orgs.tsv"
    src.files.append(path)
    for number, c in rows(path):
        acronym = cell(c, 0)
        if not acronym:
            continue
        ngo = cell(c, 4) == "ngo" or cell(c, 3).startswith("NGO")
        code = cell(c, 3) or ("NGO" if ngo else "IGO") + re.sub(r"[^A-Z0-9]", "", acronym.upper())
        org = Org(acronym, cell(c, 2) or acronym, cell(c, 1) or None, code, "NGO" if ngo else "IGO")
        src.orgs[acronym] = org
        where = f"{rel(path)}:{number}"
        entry = Entry("org", where, org=acronym, sector=org.sector, name=org.name, wikidata_id=org.wikidata_id, code=code)
        src.add(None, acronym, entry)
        if cell(c, 2):
            src.add("en", cell(c, 2), entry)
    bodies: dict[tuple[str, str], tuple[str, str, str]] = {}
    path = src.data_dir / "org_bodies.tsv"
    src.files.append(path)
    for number, c in rows(path):
        bodies[(cell(c, 0), cell(c, 1))] = (cell(c, 2) or "IGO", f"{rel(path)}:{number}", cell(c, 3))
    path = src.data_dir / "org_members.tsv"
    src.files.append(path)
    for _, c in rows(path):
        src.members.setdefault(cell(c, 0), []).append((cell(c, 1), cell(c, 2), cell(c, 3)))
    for lang in langs:
        read_lang_orgs(src, lang, bodies)


SENTENCE_CASE_LANGS = frozenset({"it", "fr", "es", "ru"})  # where names of organisations are often written so


def read_lang_orgs(src: Sources, lang: str, bodies: dict[tuple[str, str], tuple[str, str, str]]) -> None:
    path = src.lang_dir / lang / "orgs.tsv"
    src.files.append(path)
    for number, c in rows(path):
        acronym, form, kind = cell(c, 0), cell(c, 1), cell(c, 2) or "name"
        org = src.orgs.get(acronym)
        if org is None or not form:
            src.skipped.append(f"{rel(path)}:{number}")
            continue
        where = f"{rel(path)}:{number}"
        if kind.startswith("body:"):
            body = kind[5:]
            sector, body_where, role = bodies.get((acronym, body), (org.sector, "", ""))
            code = org.code + (sector if sector not in ("IGO", "NGO", "") else "")
            entry = Entry("body", f"{where} (body {body}{'; ' + body_where if body_where else ''})", org=acronym, sector=sector,
                          role="igo_head" if role == "head" else None, name=f"{org.name}: {body}", wikidata_id=org.wikidata_id, code=code)
            # after the acronym, news writes an office in lower case as often as capitalised ("the CSTO secretary general")
            for variant in _with_sentence_case(form) if _acronym_first(form) else (form,):
                src.add(lang, variant, entry)
        else:
            entry = Entry("org", where, org=acronym, sector=org.sector, name=org.name, wikidata_id=org.wikidata_id, code=org.code)
            for variant in _with_sentence_case(form) if lang in SENTENCE_CASE_LANGS else (form,):
                src.add(lang, variant, entry)


def _acronym_first(form: str) -> bool:
    first = form.partition(" ")[0]
    return first.isupper() and len(first) > 1


def read_people(src: Sources) -> None:
    folder = src.data_dir / "people"
    for path in sorted(folder.glob("*.tsv")) if folder.is_dir() else []:
        src.files.append(path)
        default_country = path.stem.upper() if len(path.stem) == 3 and path.stem.upper() != "IGO" else None
        for number, c in rows(path):
            read_person_row(src, path, number, c, default_country)


def read_person_row(src: Sources, path: Path, number: int, c: list[str], default_country: str | None) -> None:
    wikidata_id, name = cell(c, 0) or None, cell(c, 1)
    if not name:
        src.skipped.append(f"{rel(path)}:{number}")
        return
    key = wikidata_id or name
    country = cell(c, 3) or default_country
    where = f"{rel(path)}:{number}"
    person = src.people.get(key)
    if person is None:
        person = src.people[key] = Person(key, name, wikidata_id, country)
    elif country and not person.country:
        person.country = country
    _person_forms(src, person, name, cell(c, 2), cell(c, 8), where)
    if cell(c, 5):
        person.terms.append(Term(cell(c, 5), country, cell(c, 4) or None, cell(c, 6), cell(c, 7), where))


def _person_forms(src: Sources, person: Person, name: str, aliases: str, other: str, where: str) -> None:
    entry = src.person_entries.setdefault(person.key, Entry("person", where, key=person.key, name=person.name, wikidata_id=person.wikidata_id))
    for alias in [name, *filter(None, (a.strip() for a in aliases.split(";")))]:
        person.given.update(alias.split()[:-1])
        if ("", alias, entry) not in src.seen_forms:
            src.seen_forms.add(("", alias, entry))
            src.add(None, alias, entry)
    for item in filter(None, (a.strip() for a in other.split(";"))):
        lang, _, form = item.partition("=")
        lang, form = lang.strip(), form.strip()
        person.given.update(form.split()[:-1])
        variants = [form, *russian_name_forms(form)] if lang == "ru" else [form]
        for variant in variants:
            if variant and (lang, variant, entry) not in src.seen_forms:
                src.seen_forms.add((lang, variant, entry))
                src.add(lang, variant, entry)
