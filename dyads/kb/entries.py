"""What a dictionary form points to (``Entry``) and people/actors whose reading depends on the date."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Entity

SECTOR_OF_OFFICE = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "MIL",
    "igo_head": "IGO",
    "opposition": "OPP",  # an opposition leader or figure while out of power: Navalny, Tsvangirai, Suu Kyi before 2016
    "rebel_leader": "REB",  # the leader of an armed movement against the government: Hemedti since April 2023
}
# When several terms are open on one date, the higher office names the role.
OFFICE_RANK = ("head_of_state", "head_of_government", "igo_head", "foreign_minister", "defence_minister", "rebel_leader", "opposition")


@dataclass(frozen=True)
class Entry:
    """One dictionary form's meaning.

    kind: state (a country name), adj (adjective), demonym (people of a country, as a noun),
    metonym (capital/seat of government: "the Kremlin"), sector (institution or group word),
    title (office title), tail (second half of a split institution/title phrase:
    "ministère [russe] de la Défense"), org, body (organ of an organisation), person, actor
    (a user or PETRARCH dictionary entry).
    """

    kind: str
    source: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    name: str | None = None
    wikidata_id: str | None = None
    code: str | None = None
    key: str | None = None  # person / actor key
    heads: tuple[str, ...] = ()  # for tails: normalised head forms they complete


def pad_date(value: str, end: bool = False) -> str:
    """'2019' -> '2019-01-01' (or '2019-12-31' for an end); '2019-05' -> '2019-05-01'/'-31'."""
    value = value.strip()
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-31" if end else "-01")
    return value[:10]


@dataclass(frozen=True)
class Term:
    office: str
    country: str | None
    org: str | None
    start: str  # as written ("" = unknown)
    end: str  # "" = still in office
    source: str

    def covers(self, date: str | None) -> bool:
        if date is None:
            return not self.end
        if self.start and pad_date(self.start) > date:
            return False
        return not self.end or pad_date(self.end, end=True) >= date

    def describe(self) -> str:
        where = self.org or self.country or "?"
        return f"{self.office} of {where} {self.start or '?'}–{self.end or 'present'}"


@dataclass
class Person:
    key: str
    name: str
    wikidata_id: str | None
    country: str | None
    terms: list[Term] = field(default_factory=list)
    given: set[str] = field(default_factory=set)  # the words before the surname in each listed form ("Abdullah", "Ahmad")

    def resolve(self, date: str | None) -> tuple[Entity, str, str | None]:
        """The entity at ``date`` (None = now), why, and the office held then (or None)."""
        day = pad_date(date) if date else None
        open_terms = [t for t in self.terms if t.covers(day)]
        when = f"on {date}" if date else "now (no date given)"
        if open_terms:
            term = min(open_terms, key=lambda t: OFFICE_RANK.index(t.office) if t.office in OFFICE_RANK else 99)
            sector = SECTOR_OF_OFFICE.get(term.office, "GOV")
            if term.office == "igo_head" or (term.org and not term.country):
                entity = Entity(self.name, None, term.org, "IGO", self.wikidata_id, f"IGO{term.org}", "person", term.source)
            else:
                entity = Entity(self.name, term.country, term.org, sector, self.wikidata_id, f"{term.country}{sector}", "person", term.source)
            return entity, f"{self.name}: {term.describe()} covers {when} ({term.source})", term.office
        ended = sorted((t for t in self.terms if t.end and (day is None or pad_date(t.end, end=True) < day)), key=lambda t: pad_date(t.end, end=True))
        later = sorted((t for t in self.terms if day is not None and t.start and pad_date(t.start) > day), key=lambda t: pad_date(t.start))
        country = ended[-1].country if ended and ended[-1].country else self.country or (later[0].country if later else None)
        if ended:
            why = f"{self.name}: no office held {when}; former {ended[-1].describe()} ({ended[-1].source}), so no sector"
            source = ended[-1].source
        elif later:
            why = f"{self.name}: no office held {when}; not yet {later[0].describe()} ({later[0].source}), so no sector"
            source = later[0].source
        else:
            why = f"{self.name}: no office terms listed"
            source = None
        return Entity(self.name, country, None, None, self.wikidata_id, country, "person", source), why, None


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: str = ""  # YYYY-MM-DD or ""
    end: str = ""


@dataclass
class Actor:
    """A user/PETRARCH actor: a default code and date-restricted codes."""

    key: str
    name: str
    codes: list[DatedCode] = field(default_factory=list)
    wikidata_id: str | None = None
    source: str = ""

    def code_at(self, date: str | None) -> tuple[str | None, str]:
        day = pad_date(date) if date else None
        restricted = [c for c in self.codes if c.start or c.end]
        if day:
            for dated in restricted:
                if (not dated.start or dated.start <= day) and (not dated.end or day <= dated.end):
                    return dated.code, f"{self.name}: {dated.code} for {dated.start or '…'}–{dated.end or '…'} covers {date}"
        plain = [c for c in self.codes if not (c.start or c.end)]
        if plain:
            return plain[0].code, f"{self.name}: default code {plain[0].code}"
        if not day and restricted:
            latest = max(restricted, key=lambda c: c.end or "9999")
            return latest.code, f"{self.name}: no date, latest code {latest.code}"
        return None, f"{self.name}: no code covers {date}"
