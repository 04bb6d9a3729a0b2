"""The actor knowledge base: states, organisations, people, offices, and mention finding.

    kb = load_kb(config)
    kb.find_mentions("Kazakh defence ministry said ...", lang="en", date="2024-05-01")
    kb.lookup("Lavrov", date="2010-01-01")

Data: ``dyads/kb/data/`` (states, organisations, people, named groups in ``groups.tsv``) and ``dyads/lang/<xx>/``
(countries, orgs, sectors, titles). User actor files (``config.actor_files``) are dyads
actor TSVs or PETRARCH ``.actors`` dictionaries (see ``petrarch.py``); they can also be
added to a loaded knowledge base with ``KnowledgeBase.with_extra(records)``.

Codes: a bare state is its ISO alpha-3 (RUS); a state institution is country + sector
(RUSMIL); an organisation is ``IGO`` + acronym (IGOCSTO), + sector for its organs.
Sector-only mentions ("police", "rebels") carry no country (code = sector) for a later
stage to place. Demonym nouns ("Russians", "россияне") resolve to the bare country, as
in CAMEO dictionaries, because news uses them for the government, the army and the people
alike. Bare adjectives ("Russian oil") are not actors.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import SUPPORTED_LANGUAGES, Config
from ..model import Entity, Mention
from .compose import NEEDS_SEAT, Composer, Found, aged_names, coreference, to_mention
from .entries import Actor, Entry, Person, pad_date
from .matcher import Hit, Matcher
from .namesakes import namesakes
from .petrarch import ActorRecord, read_actor_file, to_actor
from .sources import SECTORS, Sources, read_countries, read_non_actors, read_orgs, read_people, read_sectors, read_states

__all__ = ["KnowledgeBase", "Resolution", "load_kb"]


@dataclass(frozen=True)
class Resolution:
    """What a name resolves to, and why (file:line, rule, date reasoning)."""

    entity: Entity
    why: str
    start: int = 0
    end: int = 0


@dataclass
class KnowledgeBase:
    sources: Sources
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES
    _matchers: dict[str, Matcher[Entry]] = field(default_factory=dict)
    _resolved: dict[tuple[Entry, str | None], tuple[Entity, str | None]] = field(default_factory=dict)
    _holders: dict[tuple[str | None, str], list[Person]] = field(default_factory=dict)

    # --- building ------------------------------------------------------------------------
    def matcher(self, lang: str | None) -> Matcher[Entry]:
        """The automaton for ``lang`` (all languages for None), built on first use."""
        key = lang if lang in self.sources.by_lang else "*"
        if key not in self._matchers:
            if key == "*":
                forms = [fe for entries in self.sources.by_lang.values() for fe in entries]
            else:
                forms = list(self.sources.by_lang.get(key, []))
            self._matchers[key] = Matcher([*self.sources.common, *forms])
        return self._matchers[key]

    def with_extra(self, records: Iterable[ActorRecord]) -> KnowledgeBase:
        """A copy with more actors (e.g. a PETRARCH dictionary read with ``read_actor_file``)."""
        src = copy.copy(self.sources)
        src.common, src.actors = list(self.sources.common), dict(self.sources.actors)
        add_actors(src, records)
        return KnowledgeBase(src, self.languages)

    def connectors_for(self, lang: str | None) -> set[str]:
        if lang is None:
            return set().union(*self.sources.connectors.values()) if self.sources.connectors else set()
        return self.sources.connectors.get(lang, set())

    def alone_for(self, lang: str | None) -> set[str]:
        if lang is None:
            return set().union(*self.sources.alone_ok.values()) if self.sources.alone_ok else set()
        return self.sources.alone_ok.get(lang, set())

    # --- resolving -----------------------------------------------------------------------
    def plain_entity(self, entry: Entry) -> Entity:
        if entry.kind in ("org", "body"):
            return Entity(entry.name or entry.org or "", None, entry.org, entry.sector or "IGO", entry.wikidata_id, entry.code, "org", entry.source)
        sector = entry.sector if entry.kind in ("metonym", "demonym") else None
        code = f"{entry.country}{sector or ''}"
        kind = "individual" if entry.kind == "demonym" and sector else "state"  # "американец", "a Briton": one citizen (CVL)
        return Entity(entry.name or "", entry.country, None, sector, entry.wikidata_id if sector is None else None, code, kind, entry.source)

    def resolve_entry(self, entry: Entry, date: str | None) -> tuple[Entity, str | None]:
        key = (entry, date)
        cached = self._resolved.get(key)
        if cached is None:
            if len(self._resolved) > 100_000:
                self._resolved.clear()
            entity, _, role = self.explain_entry(entry, date)
            cached = self._resolved[key] = (entity, role)
        return cached

    def explain_entry(self, entry: Entry, date: str | None) -> tuple[Entity, str, str | None]:
        if entry.kind == "person" and entry.key in self.sources.people:
            return self.sources.people[entry.key].resolve(date)
        if entry.kind == "actor" and entry.key in self.sources.actors:
            actor = self.sources.actors[entry.key]
            code, why = actor.code_at(date)
            return self.code_entity(actor.name, code, actor.wikidata_id, actor.source), f"{why} ({actor.source})", None
        return self.plain_entity(entry), entry.source, None

    def code_entity(self, name: str, code: str | None, wikidata_id: str | None, source: str) -> Entity:
        """An entity from a CAMEO-style code (RUSGOV, IGONATO, HOB)."""
        if not code:
            return Entity(name, None, None, None, wikidata_id, None, "group", source)
        if code.startswith("IGO"):
            return Entity(name, None, code[3:] or None, "IGO", wikidata_id, code, "org", source)
        country = code[:3] if code[:3] in self.sources.states else None
        rest = code[3:6]
        sector = rest if rest in SECTORS else None
        return Entity(name, country, None, sector, wikidata_id, code, "group" if sector else "state", source)

    def office_holder(self, country: str | None, org: str | None, role: str | None, date: str | None) -> tuple[Entity, str] | None:
        """The one KB person holding ``role`` for ``country``/``org`` at ``date`` (None = now)."""
        if role is None or (country is None and org is None):
            return None
        if not self._holders:
            for person in self.sources.people.values():
                for term in person.terms:
                    self._holders.setdefault((term.org or term.country, term.office), []).append(person)
        day = pad_date(date) if date else None
        people = {p.key: p for p in self._holders.get((org or country, role), []) if any(
            t.office == role and (t.org or t.country) == (org or country) and t.covers(day) for t in p.terms)}
        if len(people) != 1:
            return None
        person = next(iter(people.values()))
        entity, role_now = self.resolve_entry(self.sources.person_entries[person.key], day)
        return entity, role_now or role

    def term_years(self, entity: Entity) -> list[tuple[int, int | None]]:
        """(first year, last year or None if open) of each office term of a KB person.

        Used by ``dyads.resolve.inference`` to bound the date of an undated document.
        """
        person = self.sources.people.get(entity.wikidata_id or "") or self.sources.people.get(entity.name)
        if person is None:
            return []
        spans = []
        for term in person.terms:
            if term.start[:4].isdigit():
                spans.append((int(term.start[:4]), int(term.end[:4]) if term.end[:4].isdigit() else None))
        return spans

    # --- the interface -------------------------------------------------------------------
    def find_mentions(self, text: str, lang: str | None, date: str | None = None, spans: Sequence[tuple[int, int]] | None = None,
                      bare_titles: bool = False, seats: bool = False) -> list[Mention]:
        """Actor mentions in ``text`` (inside ``spans`` when given), resolved at ``date``; with
        ``bare_titles``, also titles that name no country and have no antecedent ("the president");
        with ``seats``, also court and police words that are parties only with a place after them
        ("a court in Istanbul", rule ``kb:needs-seat``, for ``recognize.seated`` to decide)."""
        day = pad_date(date) if date else None
        hits = self.matcher(lang).find(text, spans=spans)
        numbered = self._numbered_hits(text, lang, spans, hits)
        if numbered:
            hits = sorted([*hits, *numbered], key=lambda h: (h.start, -h.end))
        found = Composer(text, lang, day, hits, self).run()
        found += aged_names(text, lang, spans, found)
        found = coreference(text, found, spans, lang, bare_titles)
        found = namesakes(text, found, lang, self._given_names)
        if not seats:
            found = [f for f in found if f.rule != NEEDS_SEAT]
        return [to_mention(text, f) for f in sorted(found, key=lambda f: (f.start, -f.end))]

    def _given_names(self, item: Found) -> frozenset[str]:
        """The given names in a KB person's listed forms ("Abdullah", "Ahmad" of Abdullah Ahmad Badawi)."""
        entity = item.entity
        person = self.sources.people.get(entity.wikidata_id or "") or self.sources.people.get(entity.name)
        return frozenset(person.given) if person is not None else frozenset()

    def _numbered_hits(self, text: str, lang: str | None, spans: Sequence[tuple[int, int]] | None,
                       hits: Sequence[Hit[Entry]]) -> list[Hit[Entry]]:
        """Hits of the forms with a number in them ("il 32enne", "der 39-Jährige"), where no dictionary hit is."""
        patterns = self.sources.numbered.get(lang, []) if lang else [p for ps in self.sources.numbered.values() for p in ps]
        out: list[Hit[Entry]] = []
        for lo, hi in spans if spans is not None else [(0, len(text))]:
            for pattern, entry in patterns:
                out += [Hit(m.start(), m.end(), (entry,)) for m in pattern.finditer(text, lo, hi)
                        if not any(h.start < m.end() and m.start() < h.end for h in hits)]
        return out

    def lookup(self, name: str, date: str | None = None, lang: str | None = None) -> list[Resolution]:
        """What ``name`` resolves to (each reading, with the reason)."""
        results: list[Resolution] = []
        for candidate in dict.fromkeys((name, name.title(), name.upper())):
            for mention in self.find_mentions(candidate, lang, date):
                why = self._why(candidate, mention, date, lang)
                results.append(Resolution(mention.entity, why, mention.start, mention.end))  # type: ignore[arg-type]
            if any(r.start == 0 and r.end == len(candidate) for r in results):
                break
        full = [r for r in results if r.start == 0 and r.end == len(name)]
        return full or results

    def _why(self, text: str, mention: Mention, date: str | None, lang: str | None) -> str:
        hits = self.matcher(lang).find(text, spans=[(mention.start, mention.end)])
        reasons = []
        for hit in hits:
            for entry in hit.payloads:
                _, why, _ = self.explain_entry(entry, pad_date(date) if date else None)
                reasons.append(f"{text[hit.start:hit.end]!r} → {entry.kind} from {why}")
        return f"rule {mention.rule}: " + "; ".join(dict.fromkeys(reasons))

    def members(self, org: str, date: str | None = None) -> list[str]:
        """Member states of ``org`` at ``date`` (now when None), from org_members.tsv."""
        day = pad_date(date) if date else None
        out = []
        for iso3, start, end in self.sources.members.get(org, []):
            if day is None and end:
                continue
            if day and ((start and pad_date(start) > day) or (end and pad_date(end, end=True) < day)):
                continue
            out.append(iso3)
        return sorted(set(out))


def add_actors(src: Sources, records: Iterable[ActorRecord]) -> None:
    for record in records:
        if not record.codes:
            continue
        actor: Actor = to_actor(record)
        key = f"actor:{record.name}"
        actor.key = key
        src.actors[key] = actor
        entry = Entry("actor", record.source, key=key, name=record.name, wikidata_id=record.wikidata_id)
        for form in [record.name, *record.aliases]:
            src.common.append((_user_form(form), entry))
            if _title_case_acronym(form):  # Italian, Spanish and French papers write "le Rsf", "il Pkk", "las Farc"
                src.common.append((form.title(), entry))


def _title_case_acronym(form: str) -> bool:
    """An acronym whose title-case spelling is no word: four letters or more ("Farc", "Psoe"), or no
    vowel ("Rsf", "Pkk"); "ETA" and "PAS" stay upper case only."""
    letters = form.strip()
    return letters.isalpha() and letters.isupper() and len(letters) >= 3 and (len(letters) >= 4 or not set(letters.lower()) & set("aeiouy"))


def _user_form(form: str) -> str:
    """PETRARCH forms are upper case; keep short ones as acronyms (UAE), others any case."""
    letters = [c for c in form if c.isalpha()]
    if form.isupper() and len(letters) > 4:
        return form.lower()
    return form


def load_sources(languages: Iterable[str], data_dir: Path | None = None, lang_dir: Path | None = None) -> Sources:
    """Read every data file; ``data_dir``/``lang_dir`` replace the packaged folders (tests)."""
    langs = tuple(languages)
    src = Sources()
    if data_dir is not None:
        src.data_dir = data_dir
    if lang_dir is not None:
        src.lang_dir = lang_dir
    read_states(src)
    for lang in langs:
        read_countries(src, lang)
        read_sectors(src, lang, "sectors.tsv")
        read_sectors(src, lang, "titles.tsv")
        read_non_actors(src, lang)
    read_orgs(src, langs)
    read_people(src)
    return src


GROUPS_FILE = "groups.tsv"


def load_kb(config: Config) -> KnowledgeBase:
    """Load the knowledge base for ``config.languages`` plus ``config.actor_files``."""
    from ..lang import available_languages

    langs = tuple(dict.fromkeys([*config.languages, *(lang for lang in ("uk", "kk") if lang in available_languages())]))
    src = load_sources(langs)
    groups = src.data_dir / GROUPS_FILE
    if groups.is_file():  # named non-state actors: armed groups, parties, unions, companies, media
        add_actors(src, read_actor_file(groups))
    for path in config.actor_files:
        add_actors(src, read_actor_file(path))
    return KnowledgeBase(src, langs)
