"""Turn dictionary hits into mentions: compound phrases, titles with names, coreference.

Hits come from one Aho–Corasick pass (``matcher.py``). Neighbouring hits combine into one
mention when only a connector stands between them:

- country-first: ``Kazakh defence ministry``, ``Russia's army``, ``российские военные``,
  ``der russische Außenminister``, ``CSTO Secretary General``;
- institution-first: ``the defence ministry of Kazakhstan``, ``Минобороны России``,
  ``il ministero della Difesa russo``, ``el canciller argentino``;
- split phrases: ``le ministère [russe] de la Défense`` (a ``tail`` entry completes its head);
- German hyphen compounds: ``US-Regierung``, ``Kreml-Sprecher``;
- a company's workers are its country's labour (``Volkswagen workers``, ``пилоты Ryanair``), and an
  armed group's fighters are the group (``Hamas fighters``, ``боевики ИГИЛ``).

A title (possibly compound) directly followed by a known person or by capitalised words
takes the name. Names introduced that way, and person hits, are antecedents for later bare
surnames and bare titles ("the minister") in the same document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lang import available_languages, function_words, quantity_forms, read_tsv
from ..model import Entity, Mention
from .entries import Entry
from .matcher import Hit
from .normalize import normalise

COUNTRYISH = ("state", "adj", "metonym", "org")
HEADS = ("sector", "title")
LEFT_GAPS = {"", "s"}  # "Kazakh army", "Russia's army"
GENITIVE_LANGS = {"ru", "uk", "de", "kk"}
ROMANCE_ADJ_AFTER = {"it", "fr", "es"}
HYPHEN_COMPOUND_LANGS = {"de"}
GAP_CHARS = 24  # between two pieces of one phrase: " of ", or an adjective and its connector (" speciale di ")
QUALIFIED_SECTORS = frozenset({"JUD", "LEG", "COP", "MIL"})  # institutions an adjective may qualify before their country
MEMBER_SECTORS = frozenset({"REB", "MIL"})  # fighters, militants, troops
ARMED_SECTORS = frozenset({"REB", "MIL", "GOV", "UAF"})  # the Taliban resolve to AFGGOV after August 2021
SEATED_SECTORS = frozenset({"JUD", "COP"})  # "il tribunale di Bologna", "a court in Istanbul", "суд в Казани"
NEEDS_SEAT = "kb:needs-seat"
NAMEABLE_SECTORS = frozenset({"CRM", "OPP"})  # "the suspect Andrew Lopez", "opposition politician Davit Melikishvili": one person
COUNTED_SECTORS = frozenset({"CVL", "REF", "LAB"})  # "57 people", "Tausende Menschen", "200 employees"
COUNT_WORDS = 4  # at most this many counts in a row: "tens of thousands of", "не менее двух"
COUNT_CHARS = 60
_NUMBER = re.compile(r"\d[\d.,\u00a0\u202f]*\+?")
_PRO = re.compile(r"(?i)(?<!\w)(?:pro|anti|про|анти|filo)[-\s]?$")
_FORMER = re.compile(r"(?i)(?<!\w)(?:former|ex|бывш\w*|экс|ehemalig\w*|frühere\w*|ancien\w*|già|antiguo|antigua)[-\s]*(?:\w+\s+)?$")
# Groups whose officers speak for them ("SPÖ-Chef X", "il leader della Cgil X"), and the officer
# words (``function_words.tsv`` kind ``officer``) right after the group's name or before it.
AFFILIATED = frozenset({"PTY", "LAB", "OPP", "NGO", "BUS", "MED", "REB"})
_OFFICER_WORDS = "|".join(re.escape(w) for w in sorted(function_words("officer"), key=len, reverse=True)) or "(?!)"
_OFFICER = re.compile(r"(?:-|\s)(?i:" + _OFFICER_WORDS + r")(?!\w)")
_OFFICER_BEFORE = re.compile(r"(?<!\w)(?i:" + _OFFICER_WORDS + r")\s+(?:(?:of the|of|della|dello|del|dei|degli|di|der|des|du|de la|de)\s+)?$")
OFFICER_BEFORE_CHARS = 40  # "the general secretary of the " before the group's name
_WORD = re.compile(r"[^\W\d_](?:\.|[\w'’-]+)")  # capitalised: checked with str.isupper, which knows "İmamoğlu"
_INITIALS = re.compile(r"(?<!\w)\w\. \w\.$")  # "B. F.": anonymised initials, which end a name
# A capitalised adjective before one of these nouns names a region ("Белгородской области", "Krasnodar Krai").
_REGION_NOUN = re.compile(r" (?:области|края|района|округа|республики|губернии|oblast|krai|region|province|county|district)\b")
TITLE_PREFIXES = frozenset({"ex", "interims", "übergangs", "noch", "vize", "ko", "co", "bundes", "staats"})  # "Ex-Präsident": still the office
_STOP = {"Corp", "Co", "Inc", "Ltd", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
         "The", "A", "An", "On", "In", "He", "She", "It", "They", "Il", "La", "Le", "Les", "El", "Los", "Der", "Die", "Das"}


@dataclass
class Found:
    """A mention being built, plus what coreference needs to know about it."""

    start: int
    end: int
    entity: Entity
    rule: str
    role: str | None = None


class Piece:
    """One dictionary hit: its span and its entries, indexed by kind."""

    __slots__ = ("start", "end", "entries", "_by_kind")

    def __init__(self, start: int, end: int, entries: tuple[Entry, ...]) -> None:
        self.start, self.end, self.entries = start, end, entries
        self._by_kind: dict[str, Entry] = {}
        for entry in entries:
            self._by_kind.setdefault(entry.kind, entry)

    def get(self, *kinds: str) -> Entry | None:
        for kind in kinds:
            entry = self._by_kind.get(kind)
            if entry is not None:
                return entry
        return None


Resolver = Callable[[Entry, str | None], tuple[Entity, str | None]]  # entity, role at date


class Composer:
    def __init__(self, text: str, lang: str | None, date: str | None, hits: Sequence[Hit[Entry]], kb: object) -> None:
        self.text = text
        self.lang = lang
        self.date = date
        self.pieces = [Piece(h.start, h.end, h.payloads) for h in hits]
        self.kb = kb
        self.connectors: set[str] = kb.connectors_for(lang)  # type: ignore[attr-defined]
        self.alone: set[str] = kb.alone_for(lang)  # type: ignore[attr-defined]

    def gap(self, a: int, b: int) -> str | None:
        """The normalised text between two offsets, or None when it holds a line break."""
        raw = self.text[a:b]
        if len(raw) > GAP_CHARS or any(not (c.isalnum() or c.isspace() or c in "'’") for c in raw) or "\n" in raw:
            return None  # punctuation ends a phrase: "with Russia. Troops ..." is two mentions
        return " ".join(normalise(raw).split())

    def run(self) -> list[Found]:
        found: list[Found] = []
        i = 0
        while i < len(self.pieces):
            result, nxt = self.compound(i)
            if result is None:
                result, nxt = self.single(i)
            if result is not None:
                found.append(result)
            i = max(nxt, i + 1)
        return found

    # --- compounds ---------------------------------------------------------------------
    def compound(self, i: int) -> tuple[Found | None, int]:
        p = self.pieces
        if i + 1 >= len(p):
            return None, i + 1
        first, second = p[i], p[i + 1]
        gap = self.gap(first.end, second.start)
        if gap is None:
            return self.hyphenated(i)
        country = first.get(*COUNTRYISH)
        if country is not None and _PRO.search(self.text, max(0, first.start - 5), first.start):
            return None, i + 1  # "pro-Russian separatists" are not Russian
        seat = second.get("metonym")
        if country is not None and country.kind == "state" and seat is not None and seat.country == country.country and gap in LEFT_GAPS:
            # "US State Department", "Russia's Kremlin": the state names the institution's country once more
            return Found(first.start, second.end, self.kb.resolve_entry(seat, None)[0], "kb:metonym", seat.role), i + 2  # type: ignore[attr-defined]
        head = second.get(*HEADS)
        if country is not None and head is not None and gap in LEFT_GAPS and not first.get("person", "actor"):
            return self.build(i, i + 2, country, head)
        members = self.members(i, i + 1, first, head)
        if members is not None and gap in LEFT_GAPS:  # "Hamas fighters", "Taliban militants": the group itself
            return members, i + 2
        employer = self.employer(first, head)
        if employer is not None and gap in LEFT_GAPS:  # "Ryanair pilots", "Amazon workers": the company's labour
            return self.build(i, i + 2, employer, head)
        head = first.get(*HEADS)
        joined = self.joins(gap)
        members = self.members(i, i + 1, second, head)
        if members is not None and joined:
            return members, i + 2  # "боевики ИГИЛ", "i miliziani di Hezbollah", "fighters of Hamas"
        employer = self.employer(second, head)
        if employer is not None and joined:
            return self.build(i, i + 2, employer, head)  # "пилоты Ryanair", "i piloti di Ryanair"
        if head is None or second.get("person", "actor") is not None:
            return None, i + 1
        country = second.get("state", "org", "adj", "metonym")
        if country is None:
            return None, i + 1
        if country.kind == "adj":
            ok = gap == "" and (self.lang in ROMANCE_ADJ_AFTER or self.lang is None)
        else:
            ok = (gap in self.connectors or self.qualified(gap, head)
                  or (gap == "" and (self.lang in GENITIVE_LANGS or self.lang is None)))
        if not ok:
            return None, i + 1
        return self.build(i, i + 2, country, head)

    def qualified(self, gap: str, head: Entry) -> bool:
        """An institution with one adjective before its country ("Tribunale speciale di Baghdad",
        "Corte costituzionale di Kiev", "Tribunal Supremo de España")."""
        words = gap.split()
        return (head.sector in QUALIFIED_SECTORS and len(words) == 2 and words[1] in self.connectors
                and words[0].isalpha() and words[0] not in self.connectors)

    def hyphenated(self, i: int) -> tuple[Found | None, int]:
        """A German compound of country and institution: "US-Regierung", "Kreml-Sprecher", "Lufthansa-Piloten"."""
        first, second = self.pieces[i], self.pieces[i + 1]
        if self.lang not in HYPHEN_COMPOUND_LANGS or self.text[first.end : second.start] != "-":
            return None, i + 1
        head = second.get(*HEADS)
        members = self.members(i, i + 1, first, head)
        if members is not None:
            return members, i + 2  # "IS-Kämpfer", "Hamas-Kämpfer"
        country = self.employer(first, head) or (None if first.get("person", "actor") else first.get(*COUNTRYISH))
        if country is None or head is None:
            return None, i + 1
        return self.build(i, i + 2, country, head)

    def members(self, i: int, j: int, piece: Piece, head: Entry | None) -> Found | None:
        """An armed group next to a word for its fighters ("Hamas fighters", "боевики ИГИЛ"): one mention of the group."""
        actor = piece.get("actor")
        if head is None or head.sector not in MEMBER_SECTORS or actor is None:
            return None
        entity, role = self.kb.resolve_entry(actor, self.date)  # type: ignore[attr-defined]
        if entity.kind != "group" or entity.sector not in ARMED_SECTORS:
            return None
        start, end = self.pieces[i].start, self.pieces[j].end
        return Found(start, end, replace(entity, name=self.text[start:end]), "kb:group+members", role)

    def employer(self, piece: Piece, head: Entry | None) -> Entry | None:
        """A company of known country next to a labour word: its workers are that country's labour (LAB)."""
        actor = piece.get("actor")
        if head is None or head.sector != "LAB" or actor is None:
            return None
        entity, _ = self.kb.resolve_entry(actor, self.date)  # type: ignore[attr-defined]
        if entity.sector != "BUS" or not entity.country:
            return None
        return Entry("state", actor.source, country=entity.country)

    def build(self, i: int, j: int, country: Entry, head: Entry) -> tuple[Found, int]:
        """A compound over pieces i..j-1, extended by a split-phrase tail when one follows."""
        sector, role, end = head.sector, head.role, self.pieces[j - 1].end
        if j < len(self.pieces) and self.pieces[i].get(*HEADS) is head and self.gap(end, self.pieces[j].start) == "":
            head_form = normalise(self.text[self.pieces[i].start : self.pieces[i].end]).strip()
            for tail in self.pieces[j].entries:
                if tail.kind == "tail" and any(head_form == h or head_form.endswith(" " + h) for h in tail.heads):
                    sector, role, end = tail.sector, tail.role, self.pieces[j].end
                    head = Entry("title" if tail.name == "title" else "sector", f"{head.source} + {tail.source}", sector=sector, role=role)
                    j += 1
                    break
        start = self.pieces[i].start
        entity = self.group_entity(country, sector, start, end, f"{country.source} + {head.source}")
        if role == "person":  # "a Tunisian man"
            entity = replace(entity, kind="individual")
        if head.kind != "title" and j < len(self.pieces) and self.gap(end, self.pieces[j].start) == "":
            title = self.pieces[j].get("title")  # "Kazakh Foreign Ministry spokesman ..."
            if title is not None:
                head, role, end, j = title, title.role, self.pieces[j].end, j + 1
                entity = Entity(self.text[start:end], entity.country, entity.org, entity.sector, None, entity.code, "title", f"{entity.source} + {title.source}")
        if head.kind == "title":
            titled = Entity(self.text[start:end], entity.country, entity.org, entity.sector, None, entity.code, "title", entity.source)
            named, nxt = self.with_name(Found(start, end, titled, "kb:title", role), j)
            return (self.holder(named) if named.entity.kind == "title" else named), nxt
        return Found(start, end, entity, "kb:compound"), j

    def holder(self, found: Found) -> Found:
        """"the Russian foreign minister" -> the person in that office on the date, when the KB knows one."""
        e = found.entity
        known = self.kb.office_holder(e.country, e.org, "igo_head" if found.role == "igo_head" else found.role, self.date)  # type: ignore[attr-defined]
        if known is None:
            return found
        entity, role = known
        return Found(found.start, found.end, entity, "kb:title→holder", role)

    def group_entity(self, country: Entry, sector: str | None, start: int, end: int, source: str) -> Entity:
        text = self.text[start:end]
        if country.org:
            code = (country.code or "IGO" + country.org) + (sector if sector and sector not in ("IGO", "NGO") else "")
            return Entity(text, None, country.org, sector or country.sector or "IGO", country.wikidata_id, code, "group", source)
        sector = sector if sector != "IGO" else "GOV"
        return Entity(text, country.country, None, sector, None, f"{country.country}{sector or ''}", "group", source)

    # --- titles and names ----------------------------------------------------------------
    def with_name(self, found: Found, j: int) -> tuple[Found, int]:
        """Attach a person hit or capitalised words right after a title (piece j is next)."""
        if j < len(self.pieces):
            nxt = self.pieces[j]
            person = nxt.get("person", "actor")
            if person is not None and self.gap(found.end, nxt.start) == "":
                entity, role = self.kb.resolve_entry(person, self.date)  # type: ignore[attr-defined]
                if not _FORMER.search(self.text, max(0, found.start - 20), found.start):
                    entity = _titled(entity, found.entity)
                return Found(found.start, nxt.end, entity, "kb:title+person", role or found.role), j + 1
        limit = self.pieces[j].start if j < len(self.pieces) else len(self.text)
        name_end = self.name_after(found.end, limit)
        if name_end is not None and j < len(self.pieces) and self.text[name_end:limit] == " ":
            joined = self._name_then_person(found, name_end, j)
            if joined is not None:
                return joined
        if name_end is not None:
            e = found.entity
            name = self.text[found.end + 1 : name_end]
            entity = Entity(name, e.country, e.org, e.sector, None, e.code, "person", f"title in context: {e.source}")
            return Found(found.start, name_end, entity, "kb:title+name", found.role), j
        return found, j

    def _name_then_person(self, found: Found, name_end: int, j: int) -> tuple[Found, int] | None:
        """"Howard Baker" where only "Baker" is known: the known person only if the first
        names agree with the KB name, else the whole name is a person the KB does not list."""
        nxt = self.pieces[j]
        person = nxt.get("person", "actor")
        if person is None:
            return None
        entity, role = self.kb.resolve_entry(person, self.date)  # type: ignore[attr-defined]
        first = self.text[found.end + 1 : name_end]
        if all(word in entity.name.split() for word in first.split()):
            return Found(found.start, nxt.end, entity, "kb:title+person", role or found.role), j + 1
        e = found.entity
        name = self.text[found.end + 1 : nxt.end]
        unknown = Entity(name, e.country, e.org, e.sector, None, e.code, "person", f"title in context: {e.source}")
        return Found(found.start, nxt.end, unknown, "kb:title+name", found.role), j + 1

    def name_after(self, pos: int, limit: int) -> int | None:
        """End of one to three capitalised words starting right after ``pos`` (a space)."""
        if pos >= len(self.text) or self.text[pos] != " ":
            return None
        end, cursor = None, pos + 1
        for _ in range(3):
            match = _WORD.match(self.text, cursor)
            word = match.group(0) if match else ""
            if (not match or not word[0].isupper() or word in _STOP or match.end() > limit
                    or (word.isupper() and len(word) > 1 and not word.endswith("."))):
                break
            end = match.end()
            if match.group(0).endswith(("'s", "’s")):  # "Prime Minister Boris Johnson's plan"
                end -= 2
                break
            if self.text[end : end + 1] != " " or _INITIALS.search(self.text, pos, end):
                break  # "B. F." : anonymised initials end the name ("il 44enne B. F. Poi ...")
            cursor = end + 1
        if end is not None and _REGION_NOUN.match(self.text, end):
            return None  # "Губернатор Белгородской области ...": the word names a region, not the office holder
        return end


    # --- single pieces -------------------------------------------------------------------
    def single(self, i: int) -> tuple[Found | None, int]:
        piece = self.pieces[i]
        entry = piece.get("actor", "person", "org", "body", "state", "metonym", "demonym")
        if entry is not None:
            kind = entry.kind
            if kind in ("actor", "person"):
                entity, role = self.kb.resolve_entry(entry, self.date)  # type: ignore[attr-defined]
                found = Found(piece.start, piece.end, entity, f"kb:{kind}", role)
                return self.officer(found, i + 1) if entity.kind == "group" and entity.sector in AFFILIATED else (found, i + 1)
            found = Found(piece.start, piece.end, self.kb.resolve_entry(entry, None)[0], f"kb:{kind}", entry.role)  # type: ignore[attr-defined]
            if found.entity.kind == "individual":  # one citizen ("американец", "a Briton"), named by the text like "a Russian man"
                if self.described(i):
                    return None, i + 1
                return self.individual(replace(found, entity=replace(found.entity, name=self.text[piece.start : piece.end])), i + 1)
            if entry.role != "igo_head":
                return found, i + 1
            # "UN Secretary-General Ban Ki-moon": the name after the office says who holds it
            named, nxt = self.with_name(replace(found, entity=replace(found.entity, kind="title")), i + 1)
            return (self.holder(found), i + 1) if named.entity.kind == "title" else (named, nxt)
        text = self.text[piece.start : piece.end]
        title = piece.get("title")
        if title is not None:
            if self.other_compound(piece.start):
                return None, i + 1  # "DFB-Vizepräsident X", "Siemens-Präsident X": an officer of something that is no state
            entity = Entity(text, title.country, None, title.sector, None, f"{title.country or ''}{title.sector}", "title", title.source)
            return self.with_name(Found(piece.start, piece.end, entity, "kb:title", title.role), i + 1)
        sector = piece.get("sector")
        if sector is None or _PRO.search(self.text, max(0, piece.start - 5), piece.start):
            return None, i + 1
        followed = self.pieces[i + 1] if sector.role == "follower" and self.joined(i) else None  # "Anhänger der ...", "сторонников ..."
        if followed is not None and followed.get("person", "title") is None:
            return None, i + 1  # "Tausende Anhänger der Opposition": the group they follow is the party
        alone = normalise(text).strip() in self.alone or sector.role == "person"
        start, rule = (piece.start, "kb:sector") if alone else (None, "kb:count")
        if start is None and sector.sector in COUNTED_SECTORS:
            start = counted_start(self.text, piece.start, self.lang)  # "37 человек": a count makes a generic word a party
        if start is None and sector.sector in SEATED_SECTORS:
            start, rule = piece.start, NEEDS_SEAT  # "a court in Istanbul": a party only with its seat (recognize.seated)
        if start is None:
            return None, i + 1
        end, nxt, country = piece.end, i + 1, None
        leader = followed.get("person") if followed is not None else None
        if followed is not None and leader is not None:  # "Centinaia di sostenitori di İmamoğlu": the person's crowd acts
            end, nxt, country = followed.end, i + 2, self.kb.resolve_entry(leader, self.date)[0].country  # type: ignore[attr-defined]
        text = self.text[start:end]
        found = Found(start, end, Entity(text, country, None, sector.sector, None, f"{country or ''}{sector.sector}",
                                         "individual" if sector.role == "person" else "group", sector.source), rule)
        return self.individual(found, nxt) if sector.role == "person" or sector.sector in NAMEABLE_SECTORS else (found, nxt)

    def other_compound(self, start: int) -> bool:
        """Whether a title at ``start`` is the second half of a German hyphen compound whose first half is
        no state or organisation the knowledge base knows ("DFB-Präsident", "Siemens-Vizepräsident"; a
        known one was composed before: "US-Vizepräsident"), other than "Ex-" or "Interims-"."""
        if self.lang not in HYPHEN_COMPOUND_LANGS or start < 2 or self.text[start - 1] != "-" or not self.text[start - 2].isalnum():
            return False
        word = re.search(r"\w+$", self.text[max(0, start - 30) : start - 1])
        return word is not None and word.group(0).lower() not in TITLE_PREFIXES

    def described(self, i: int) -> bool:
        """Whether piece i, a nationality, describes the listed person right after it ("der Franzose
        Emmanuel Macron", "норвежец Йенс Столтенберг"): the person is the party, not a citizen beside him."""
        nxt = self.pieces[i + 1] if i + 1 < len(self.pieces) else None
        return nxt is not None and self.gap(self.pieces[i].end, nxt.start) == "" and nxt.get("person", "actor") is not None

    def joined(self, i: int) -> bool:
        """Whether piece i is joined to the next (``joins``)."""
        return i + 1 < len(self.pieces) and self.joins(self.gap(self.pieces[i].end, self.pieces[i + 1].start))

    def joins(self, gap: str | None) -> bool:
        """Whether a gap between two pieces joins them: a connector ("of", "di", "der") or, in a
        language that puts the genitive right after its noun, nothing at all."""
        return gap is not None and (gap in self.connectors or (gap == "" and self.lang in GENITIVE_LANGS))

    def officer(self, group: Found, j: int) -> tuple[Found, int]:
        """A party's, union's or company's officer named after it ("ÖGB-Präsident Erich Foglar",
        "Labour leader Keir Starmer"): the person acts for the group, unless the KB knows the
        person in a state office on the date."""
        after = _OFFICER.match(self.text, group.end)
        if after is not None:
            end = after.end()
        elif _OFFICER_BEFORE.search(self.text, max(0, group.start - OFFICER_BEFORE_CHARS), group.start):
            end = group.end  # "il leader della Cgil Maurizio Landini": the name follows the group
        else:
            return group, j
        k = j
        while k < len(self.pieces) and self.pieces[k].start < end:
            k += 1  # the officer word may be a title of its own: "Präsident"
        e = group.entity
        titled = Found(group.start, end, Entity(self.text[group.start : end], e.country, e.org, e.sector, None,
                                                e.code, "title", f"{e.source} + officer"), "kb:title")
        named, nxt = self.with_name(titled, k)
        if named.entity.kind == "title":
            return group, j  # no name follows: "ÖVP-Chef" alone is the party speaking
        return named, nxt

    def individual(self, found: Found, j: int) -> tuple[Found, int]:
        """An unnamed person, with the person word right after it ("37-летний мужчина", "the 18-year-old
        suspect": the more specific sector wins) and the name right after that ("the suspect Andrew
        Lopez", "il 32enne Mario Rossi"): a named individual, whose later surname refers back to it."""
        if found.entity.kind == "individual" and j < len(self.pieces) and self.gap(found.end, self.pieces[j].start) == "":
            nxt = self.pieces[j].get("sector")
            citizen = self.pieces[j].get("demonym")
            if citizen is not None and citizen.country and not found.entity.country:  # "der 31-jährige Franzose", "der 69-jährige Niederländer": of that country
                end, country = self.pieces[j].end, citizen.country
                entity = replace(found.entity, name=self.text[found.start : end], country=country, code=f"{country}{found.entity.sector}")
                found, j = Found(found.start, end, entity, found.rule), j + 1
            elif nxt is not None and (nxt.role == "person" or nxt.sector in NAMEABLE_SECTORS) and not self.pieces[j].get("actor", "person", "state"):
                sector = nxt.sector if found.entity.sector == "CVL" else found.entity.sector
                end = self.pieces[j].end
                entity = replace(found.entity, name=self.text[found.start : end], sector=sector, code=f"{found.entity.country or ''}{sector}")
                found, j = Found(found.start, end, entity, found.rule), j + 1
        limit = self.pieces[j].start if j < len(self.pieces) else len(self.text)
        name_end = self.name_after(found.end, limit)
        if name_end is None or (j < len(self.pieces) and self.text[name_end:limit] == " "):
            return found, j  # "the 39-year-old Troy man": the capitalised word is a place, not a name
        name = self.text[found.end + 1 : name_end]
        if self.lang in HYPHEN_COMPOUND_LANGS and len(name.split()) < 2:
            return found, j  # German nouns are capitalised: "die 20-jährige Soldatin" names no one
        entity = replace(found.entity, name=name, kind="individual", source=f"{found.entity.source}; named {name!r}")
        return Found(found.start, name_end, entity, "kb:individual+name"), j


@lru_cache(maxsize=16)
def _count_pattern(lang: str | None) -> re.Pattern[str]:
    """A count ending right before a group word, from quantities.tsv: "at least nine", "tens of thousands of"."""
    def forms(wanted: str) -> str:
        found = sorted(quantity_forms(wanted, lang), key=len, reverse=True)
        return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in found) or "(?!)"

    count = rf"(?:(?:{forms('about')})\s+)*(?:{_NUMBER.pattern}|{forms('count')})(?:\s+(?:{forms('link')}))?\s+"
    return re.compile(rf"(?<![\w'’])(?:{count}){{1,{COUNT_WORDS}}}$", re.IGNORECASE)


def counted_start(text: str, start: int, lang: str | None) -> int | None:
    """Where a count right before ``start`` begins ("at least nine people", "несколько тысяч человек",
    "decine di persone"), or None when no number or quantity word stands there."""
    window = max(0, start - COUNT_CHARS)
    match = _count_pattern(lang).search(text, window, start)
    return match.start() if match else None


def _titled(person: Entity, title: Entity) -> Entity:
    """A known person named with an office ("Foreign Minister Heiko Maas"): when the knowledge base
    cannot place the person in office on the date (no date, or terms it lacks), the text's title says
    what the person is. A state office the text gives also outranks another the KB has for the date
    ("Der türkische Premier Ahmet Davutoglu" in an undated story is TURGOV, not the opposition he
    later led); a party or union title does not ("SPÖ-Chef Christian Kern" as chancellor is AUTGOV). A title
    with no country gives its sector to a person the KB places in a country only ("Prime Minister Dmitry
    Rogozin" is RUSGOV)."""
    if title.sector is None:
        return person
    if not (title.country or title.org):  # "Prime Minister Dmitry Rogozin": the person's country, the title's sector
        if person.sector is None and person.country and not person.org and title.sector in STATE_SECTORS:
            return replace(person, sector=title.sector, code=f"{person.country}{title.sector}")
        return person
    if person.sector is not None and (title.sector not in STATE_SECTORS or person.sector == title.sector):
        return person
    if person.country and title.country and person.country != title.country:
        return person
    return replace(person, country=title.country, org=title.org, sector=title.sector, code=title.code)


STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})  # offices of the state a title can name


HEAD_ROLES = frozenset({"head_of_state", "head_of_government"})  # a bare one is of the story's country: "der Bundespräsident"


def coreference(text: str, found: list[Found], spans: Sequence[tuple[int, int]] | None, lang: str | None,
                bare_titles: bool = False) -> list[Found]:
    """Resolve bare titles and later bare surnames to their antecedents in the document. A bare
    title with no unique antecedent says nothing on its own; with ``bare_titles``, a head of state's
    or government's is kept for the caller to place (``recognize.localise_agents``: "der
    Bundespräsident" in an Austrian story is Austria's)."""
    out: list[Found] = []
    for item in sorted(found, key=lambda f: f.start):
        if item.entity.kind == "title" and item.role:
            item = _title_antecedent(item, out)
            if (item.entity.kind == "title" and item.entity.country is None and item.entity.org is None
                    and not (bare_titles and item.role in HEAD_ROLES)):
                continue
        out.append(item)
    return out + _surnames(text, out, spans, lang)


def _compatible(bare: str, role: str | None) -> bool:
    """Whether a bare title's role may refer back to an antecedent's: the same role, or a bare
    "the minister" to a minister of any portfolio ("finance_minister", "foreign_minister"), but
    not to a deputy, who the news calls "the deputy minister" (a vice president is no "president",
    a deputy minister no "minister" or "foreign minister": each has a role of its own)."""
    if role is None:
        return False
    if bare == "minister":
        return role.endswith("minister") and not role.startswith(DEPUTY)
    return bare == role


DEPUTY = "deputy_"  # titles.tsv roles of deputies: deputy_head_of_state, deputy_head_of_government, deputy_minister


# Of several ministers named earlier, the only one named within this many characters before a bare
# "the minister" is meant: "Der russische Außenminister machte sich stark. Der Minister rief die USA auf";
# two named just before ("Vardanyan met Beridze. The minister said") leave it ambiguous.
RECENT_TITLE_CHARS = 300


def _title_antecedent(item: Found, before: list[Found]) -> Found:
    e = item.entity
    candidates = {}
    for prev in before:
        pe = prev.entity
        if pe.kind != "person" or not _compatible(item.role or "", prev.role):
            continue
        if e.country and pe.country != e.country:
            continue
        if e.org and pe.org != e.org:
            continue
        candidates[(pe.name, pe.country, pe.org)] = prev
    near = [f for f in candidates.values() if item.start - f.end <= RECENT_TITLE_CHARS]  # each holder's last mention
    if len(candidates) == 1:
        prev = next(iter(candidates.values()))
    elif item.role == "minister" and len(near) == 1:
        prev = near[0]
    else:
        return item  # several holders, and not one minister alone named just before: ambiguous
    return Found(item.start, item.end, prev.entity, "kb:coref-title", prev.role)


NAMED_RULES = frozenset({"kb:title+name", "kb:individual+name", "kb:aged-name"})  # names the KB does not list
# A listed person's surname alone, after the full name in the same document: the KB leaves out
# surnames that are common words or shared ("Clinton", "Ban"), which the story's own first mention settles.
PERSON_SURNAME_RULE = "kb:coref-person"
# Case endings a later surname may carry: Russian and Ukrainian cases, the German genitive ("nach Andrejews Worten").
SURNAME_ENDINGS = {"ru": r"(?:а|у|ом|ым|е|ой|ы|я|ю|ем)?", "uk": r"(?:а|у|ом|ым|е|ой|ы|я|ю|ем)?", "de": r"s?"}
_SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"}


def _surnames(text: str, found: list[Found], spans: Sequence[tuple[int, int]] | None, lang: str | None) -> list[Found]:
    extra: list[Found] = []
    seen: dict[str, Found] = {}
    for item in found:
        if item.rule in NAMED_RULES:
            words = [w for w in item.entity.name.split() if w not in _SUFFIXES]
            keys = [words[-1]] if words and len(words[-1]) > 2 else [item.entity.name]  # "Hasan E." is named in full
            for key in keys:
                seen.setdefault(key, item)
        elif item.entity.kind == "person":
            for key in {*_listed_surnames(item.entity.name), *_listed_surnames(text[item.start : item.end])}:
                seen.setdefault(key, replace(item, rule=PERSON_SURNAME_RULE))
    if not seen:
        return extra
    taken = [(f.start, f.end) for f in found]
    suffix = SURNAME_ENDINGS.get(lang or "", "")
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s in sorted(seen, key=len, reverse=True)) + ")" + suffix + r"(?!\w)")
    regions = spans if spans is not None else [(0, len(text))]
    for lo, hi in regions:
        for match in pattern.finditer(text, lo, hi):
            ante = seen[match.group(1)]
            s, e = match.start(), match.end()
            if s < ante.end or any(a < e and s < b for a, b in taken):
                continue
            extra.append(Found(s, e, ante.entity, PERSON_SURNAME_RULE if ante.rule == PERSON_SURNAME_RULE else "kb:coref-name", ante.role))
    return extra


def _listed_surnames(surface: str) -> list[str]:
    """The surname of a listed person's full name ("Hillary Clinton" -> Clinton; "Ban Ki-moon" ->
    Ban, the family name first); none for a single word, which is already a surname or a title."""
    words = [w for w in surface.split() if w not in _SUFFIXES]
    if len(words) < 2 or not all(_name_word(w) for w in words):
        return []
    if len(words) == 2 and "-" in words[1]:  # Korean order: family name, hyphenated given name
        return [words[0]]
    return [words[-1]] if len(words[-1]) > 2 else []


AGE_NAME_WORDS = 4  # "Arcade Joseph Comeaux Jr., 49,"
_NUMBER_LIST = re.compile(r",?\s?\d")
_NAME_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "al", "el", "bin", "ibn", "ben", "dos", "la", "le"}
_ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"}  # German nouns are capitalised
_NOT_NAMES = {word.capitalize() for word in _ARTICLES} | {"The", "A", "An", "Il", "Lo", "La", "Le", "Les", "Un", "Una", "Uno", "El",
                                                          "Los", "Las", "I", "Gli", "He", "She", "They", "Er", "Sie", "Он", "Она"}


def _name_word(token: str) -> bool:
    """A capitalised word ("Boufes", "İmamoğlu", "Meinl-Reisinger"), an initial ("E.") or a suffix ("Jr.")."""
    if token in _SUFFIXES or (len(token) == 2 and token[0].isupper() and token[1] == "."):
        return True
    return token[:1].isupper() and token[1:2].islower() and all(c.isalpha() or c in "'’-" for c in token)


@lru_cache(maxsize=16)
def _age_pattern(lang: str | None) -> re.Pattern[str] | None:
    forms = sorted({row[0] for code in ([lang] if lang else available_languages()) for row in read_tsv(code, "ages.tsv") if row[0]},
                   key=len, reverse=True)
    if not forms:
        return None
    body = "|".join(r"\d{1,2}".join(re.escape(part).replace(r"\ ", r"\s+") for part in form.split("{N}")) for form in forms)
    return re.compile(rf"(?<=[\w.])\s*(?:{body})(?!\w)")


def aged_names(text: str, lang: str | None, spans: Sequence[tuple[int, int]] | None, found: Sequence[Found]) -> list[Found]:
    """People the knowledge base does not list, named with their age ("Comeaux, 49,", "Said Boufes,
    42 anni", "Hasan E. (23)", forms in ``lang/<xx>/ages.tsv``): individual actors, civilians unless
    their role in an event makes them criminals, whose later surnames refer back to them."""
    pattern = _age_pattern(lang)
    if pattern is None:
        return []
    out: list[Found] = []
    for lo, hi in spans if spans is not None else [(0, len(text))]:
        for match in pattern.finditer(text, lo, hi):
            end = match.start()
            start = _name_start(text, lo, end, lang)
            if start is None or any(f.start < end and start < f.end for f in (*found, *out)):
                continue
            if _NUMBER_LIST.match(text, match.end()) or (match.group(0).strip().startswith("(") and len(text[start:end].split()) < 2):
                continue  # "Vista, 7, 8": a list of numbers; "Bayern (36)": a bare count after one word is no age
            name = text[start:end]
            entity = Entity(name, None, None, "CVL", None, "CVL", "individual", "a name introduced with an age (ages.tsv)")
            stop = match.end() + (text[match.end() : match.end() + 1] == ",")  # the apposition is part of the mention
            out.append(Found(start, stop, entity, "kb:aged-name"))
    return out


def _name_start(text: str, lo: int, end: int, lang: str | None) -> int | None:
    """Where the capitalised name ending at ``end`` begins (at most ``AGE_NAME_WORDS`` words), or None
    when the words before the age are no name ("Der Angeklagte (45)", "On Monday, 12,")."""
    base = max(lo, end - 80)
    words = list(re.finditer(r"\S+", text[base:end]))
    start = None
    for word in reversed(words[-AGE_NAME_WORDS - 1 :]):
        token = word.group(0)
        if _name_word(token) and token not in _NOT_NAMES and token not in _STOP:
            start = base + word.start()
        elif not (token in _NAME_PARTICLES and start is not None):
            break
    if start is None or not text[start:end].split()[-1][:1].isupper():
        return None
    before = text[max(lo, start - 12) : start].split()
    return None if lang in (None, "de") and before and before[-1].lower() in _ARTICLES else start


def to_mention(text: str, item: Found) -> Mention:
    return Mention(item.start, item.end, text[item.start : item.end], kind="actor", entity=item.entity, rule=item.rule)
