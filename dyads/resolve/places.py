"""Toponyms: find place names used as locations and resolve them against the gazetteer.

A name counts as a location after a locative preposition or a verb of movement (``in Moscow``,
``fled into Turkey``, ``в Москве``, ``a Mosca``, ``in Moskau``, ``à Moscou``, ``en Moscú``), in
a list that follows one (``in Paris, Berlin and Rome``, ``in Paris, France``), before ``-based``
(``a Geneva-based group``), in a dateline (``ALMATY, June 12``), or bare when it is a large
city or region that names no actor. A capital or a country on its own is left to the knowledge
base, which reads it as a metonymic actor (``Moscow said``).

Ambiguous names are settled once per document (same name, same place) by a prior (population
and kind of place: countries and capitals up, regions and districts down) plus the context the
*other* names of the document make: how much of their reading mass falls in each candidate's
country and first-level division, a named division of the candidate (``Paris`` with ``Texas``),
and nearness to the document's clearly-read places.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..config import Config
from ..lang import available_languages, read_tsv
from ..model import Document, Mention, Place, Sentence
from .gazetteer import Entry, Gazetteer, fold, load

if TYPE_CHECKING:
    from ..code.triggers import Matcher

BARE_MIN_POPULATION = 200_000  # bare (preposition-less) cities must be at least this large
DATELINE_CHARS = 80
_WORD = r"\p{Lu}[\p{L}\p{M}'’.]*(?:-\p{L}[\p{L}\p{M}'’.]*)*"
_JOIN = r"(?:\s+(?:(?:de|del|di|of|upon|am|an|der|sur|la|le|los|las|el|do|da|on)\s+)?|-)"
NAME = rf"{_WORD}(?:{_JOIN}{_WORD}){{0,3}}"
_ARTICLES = r"(?:the|la|le|les|l'|l’|el|los|las|il|lo|der|dem|den|die)"
_RU_ENDINGS = (("ии", "ия"), ("ией", "ия"), ("ию", "ия"), ("е", "а"), ("ы", "а"), ("у", "а"), ("ой", "а"), ("и", "ь"),
               ("е", ""), ("а", ""), ("у", ""), ("ом", ""), ("ем", "ь"), ("е", "о"), ("е", "ь"), ("и", "а"), ("и", "я"))


def load_gazetteer(config: Config) -> Gazetteer:
    """The shipped gazetteer, the file named by ``gazetteer_file``, and the languages' aliases."""
    extra = [config.gazetteer_file] if config.gazetteer_file else []
    gaz = load(extra)
    _add_aliases(gaz)
    return gaz


def _add_aliases(gaz: Gazetteer) -> None:
    by_country = gaz.countries()
    for lang in available_languages():
        for row in read_tsv(lang, "places.tsv"):
            if row[0] != "alias" or len(row) < 3:
                continue
            idx = gaz.position(int(row[2])) if row[2].isdigit() else by_country.get(row[2])
            if idx is not None:
                gaz.prefer(idx, fold(row[1]))


@dataclass(frozen=True)
class _Rules:
    locative: regex.Pattern[str]
    name: regex.Pattern[str]
    stop: frozenset[str]
    heads: frozenset[str]  # words that make a longer name of another thing: "Laurel County", "Paris Street"
    dative: frozenset[str] = frozenset()  # verbs after which "a"/"à" + name is whom one asks or gives to
    to_country: frozenset[str] = frozenset()  # prepositions that before a country's name mark whom, not where ("a Francia")
    targets: tuple[str, ...] = ()  # phrases ending in their preposition after which a name is a target ("lashed out at")


@lru_cache(maxsize=16)
def _rules(lang: str) -> _Rules:
    rows = read_tsv(lang, "places.tsv") or read_tsv("en", "places.tsv")
    forms = [r[1] for r in rows if r[0] == "prep"]
    preps = sorted({*forms, *(f[:1].upper() + f[1:] for f in forms)}, key=len, reverse=True)  # "In Boise, ..."
    spaced = [regex.escape(p).replace(r"\ ", r"\s+") for p in preps if not p.endswith("'")]
    glued = [regex.escape(p) for p in preps if p.endswith("'")]
    alts = [rf"(?:{'|'.join(spaced)})\s+(?:{_ARTICLES}\s*)?" if spaced else "", rf"(?:{'|'.join(glued)})" if glued else ""]
    prep = "|".join(a for a in alts if a)
    prep = prep.replace(rf"(?:{_ARTICLES}\s*)?", rf"(?P<art>{_ARTICLES}\s*)?")
    locative = regex.compile(rf"(?<![\w])(?:{prep})(?P<name>{NAME})", regex.VERSION1)
    stop = frozenset(fold(r[1]) for r in rows if r[0] == "stop")
    heads = frozenset(fold(r[1]) for r in rows if r[0] == "head")
    dative = frozenset(fold(r[1]) for r in rows if r[0] == "dative")
    to_country = frozenset(fold(r[1]) for r in rows if r[0] == "to_country")
    targets = tuple(fold(r[1]) for r in rows if r[0] == "target")
    return _Rules(locative, regex.compile(NAME, regex.VERSION1), stop, heads, dative, to_country, targets)


@dataclass
class _Hit:
    start: int
    end: int
    text: str
    key: str
    candidates: list[Entry]
    rule: str


def find_places(doc: Document, sentences: tuple[Sentence, ...], actors: list[Mention], gazetteer: Gazetteer | None) -> list[Mention]:
    """Place mentions of ``doc`` where a name is used as a location."""
    if gazetteer is None:
        return []
    lang = doc.lang or "en"
    rules = _rules(lang)
    hits = _dateline(doc, gazetteer, rules, lang)
    for s in sentences or (Sentence(doc.id, 0, len(doc.text), doc.text),):
        if any(a <= s.start and s.end <= b for a, b in doc.removed):
            continue
        hits.extend(_sentence_hits(doc.text, s, gazetteer, rules, lang, actors, hits))
    countries = {a.entity.country for a in actors if a.entity is not None and a.entity.country}
    chosen = choose(hits, countries)
    return [_mention(h, chosen[h.key]) for h in sorted(hits, key=lambda h: h.start)]


def _mention(hit: _Hit, entry: Entry) -> Mention:
    return Mention(hit.start, hit.end, hit.text, kind="place", place=to_place(entry), rule=f"place:{hit.rule}")


def to_place(entry: Entry) -> Place:
    resolution = {"country": "country", "admin1": "admin1", "continent": "region"}.get(entry.kind, "city")
    return Place(entry.name, entry.country, entry.lat, entry.lon, entry.geonameid, resolution)


# a hyphen glued to a word goes on with it ("UN Secretary-General ..."): no dateline ends there
_DATELINE = regex.compile(rf"\W{{0,3}}(?P<name>{NAME})(?:\s+city)?\s*(?=[,(—–]|-(?!\p{{L}})|\d|\s+\(|\s*/)", regex.VERSION1)


# After "Name," a dateline goes on with a date or an agency ("Berlin, 3. März", "Roma, 12 giugno (ANSA)"); a
# sentence that opens with a list of names ("Russia, Belarus and Kazakhstan held talks") does not.
_DATELINE_TAIL = regex.compile(r",\s*[^,.\n]{0,25}?[\d(—–-]")


def _dateline_tail(head: str, m: regex.Match[str]) -> bool:
    name = m.group("name")
    rest = head[m.end():]
    return name.isupper() or not rest.startswith(",") or _DATELINE_TAIL.match(rest) is not None


HEADLINE_CHARS = 200


def _dateline_starts(doc: Document) -> list[int]:
    """Where a dateline may stand: the start of the text, the line after a headline, or the sentence
    after a teaser run into the same line ("... kritisiert die Reform. Wien – Die Gewerkschaft ...")."""
    start = doc.body_start
    line_end = doc.text.find("\n", start)
    if line_end < 0 or line_end - start > HEADLINE_CHARS:
        starts = [start]
    else:
        after = line_end
        while after < len(doc.text) and doc.text[after].isspace():
            after += 1
        starts = [start, after] if after < len(doc.text) else [start]
    teaser = _RUN_IN_DATELINE.search(doc.text, start, start + RUN_IN_CHARS)
    return [*starts, teaser.end()] if teaser is not None and teaser.end() not in starts else starts


RUN_IN_CHARS = 600
# A sentence end, then a place name and a spaced dash: the dateline of a text whose teaser shares its line.
_RUN_IN_DATELINE = regex.compile(r"[.!?:]\s+(?=\p{Lu}[\p{L}.\- ]{1,40}?\s[–—]\s)", regex.VERSION1)


def _dateline(doc: Document, gaz: Gazetteer, rules: _Rules, lang: str) -> list[_Hit]:
    for start in _dateline_starts(doc):
        hit = _dateline_at(doc, start, gaz, rules, lang)
        if hit:
            return hit
    return []


def _dateline_at(doc: Document, start: int, gaz: Gazetteer, rules: _Rules, lang: str) -> list[_Hit]:
    head = doc.text[start : start + DATELINE_CHARS]
    m = _DATELINE.match(head)
    if not m or not _dateline_tail(head, m):
        return []
    found = _longest(m.group("name"), gaz, rules, lang)
    name = m.group("name")
    if found is None or (found[0] < len(name.rstrip(" .,")) and not name[: found[0]].isupper()):
        return []  # a dateline is a place name alone ("MIRANDOLA Il 26 gennaio" aside): "Die Jihadistenmiliz ... (IS)" is none
    length, key, cands = found
    a = start + m.start("name")
    return [_Hit(a, a + length, doc.text[a : a + length], key, cands, "dateline")]


def _sentence_hits(text: str, s: Sentence, gaz: Gazetteer, rules: _Rules, lang: str, actors: list[Mention], taken: list[_Hit]) -> list[_Hit]:
    chunk = text[s.start : s.end]
    out: list[_Hit] = []
    busy = [(h.start, h.end) for h in taken if h.start < s.end and s.start < h.end]  # every new span lies within s
    # a located name starts with a capital after its preposition: no capital past the first letter, no match
    locatives: Iterable[regex.Match[str]] = () if chunk[1:].islower() else rules.locative.finditer(chunk)
    for m in locatives:
        if rules.dative and _after_dative_verb(chunk, m.start(), rules.dative):
            continue  # "ha chiesto a Washington di ...": Washington is asked, not where it happens
        if rules.targets and _after_target(chunk, m, rules.targets):
            continue  # "lashed out at Sweden": Sweden is the target
        group = "name"
        found = None
        if m.group("art"):  # "Los Angeles", "Le Havre": the article may belong to the name
            found = _longest(chunk[m.start("art") : m.end("name")], gaz, rules, lang)
            if found is not None and found[0] <= len(m.group("art").rstrip()):
                found = None  # the article alone is no place ("presso il Comando" is not the Kenyan town Il)
            group = "art" if found is not None else "name"
        found = found or _longest(m.group("name"), gaz, rules, lang)
        if found is None:
            continue
        length, key, cands = found
        a = s.start + m.start(group)
        if any(a < e and b0 < a + length for b0, e in busy) or _inside_actor(a, a + length, actors):
            continue
        if _to_country(m, cands, rules):
            continue  # "ha dato a Francia, Germania e Regno Unito dieci giorni": the countries are given to
        out.append(_Hit(a, a + length, text[a : a + length], key, cands, "locative"))
        busy.append((a, a + length))
        out.extend(_list_hits(text, a + length, s.end, gaz, rules, lang, busy))
    out.extend(_based_hits(chunk, s.start, text, gaz, rules, lang, busy))
    for m in rules.name.finditer(chunk):
        a = s.start + m.start()
        if any(a < e and b0 < s.start + m.end() for b0, e in busy):
            continue
        found = _longest(m.group(), gaz, rules, lang)
        tail = _SEAT_TAIL.search(m.group()) if found is None else None
        if tail is not None:  # "Polizia Locale di Modena": the name after the joiner may be a place
            a += tail.start("name")
            found = _longest(tail.group("name"), gaz, rules, lang)
        if found is None:
            continue
        length, key, cands = found
        b = a + length
        qualifier = _qualifier(text, b, s.end, cands, gaz, rules, lang)
        if qualifier is not None and not any(x.start < b and a < x.end for x in actors):
            out += [_Hit(a, b, text[a:b], key, cands, "qualified"), qualifier]
            busy += [(a, b), (qualifier.start, qualifier.end)]
            continue
        if not _bare_ok(cands, text, a, b, actors):
            continue
        out.append(_Hit(a, b, text[a:b], key, cands, "bare"))
        busy.append((a, b))
    return out


_LAST_WORD = regex.compile(r"([\w'’]+)\W*$")


def _to_country(m: regex.Match[str], cands: list[Entry], rules: _Rules) -> bool:
    """A preposition that locates towns but not countries: Italian says "a Roma" but "in Francia", so
    "a Francia" is whom something is given to or asked of."""
    if not rules.to_country or not cands or cands[0].kind != "country":  # the namesake hamlets aside
        return False
    prep = m.group()[: m.start("art") - m.start() if m.group("art") else m.start("name") - m.start()]
    return fold(prep.strip()) in rules.to_country


def _after_target(chunk: str, m: regex.Match[str], targets: tuple[str, ...]) -> bool:
    """The preposition ends a phrase whose object is a target ("took aim at", "fired at"), not a location."""
    head = fold(" ".join((chunk[max(0, m.start() - 40) : m.start()] + m.group().split()[0]).split()))
    return any(head == t or head.endswith(" " + t) for t in targets)


def _after_dative_verb(chunk: str, at: int, dative: frozenset[str]) -> bool:
    word = _LAST_WORD.search(chunk, max(0, at - 30), at)
    return word is not None and fold(word.group(1)) in dative


@lru_cache(maxsize=16)
def _comma_name(lang: str) -> regex.Pattern[str]:
    return regex.compile(rf",\s*(?P<name>{NAME})", regex.VERSION1)


def _qualifier(text: str, at: int, end: int, cands: list[Entry], gaz: Gazetteer, rules: _Rules, lang: str) -> _Hit | None:
    """The region or country that qualifies a place right after it ("Gainesville, Va.",
    "Paris, Texas", "Moscow, Russia"): a location by its form, however small the place."""
    m = _comma_name(lang).match(text, at, end)
    if m is None:
        return None
    found = _longest(m.group("name"), gaz, rules, lang)
    if found is None:
        return None
    length, key, regions = found
    for r in regions:
        if r.kind == "country" and any(c.country == r.country and c.kind != "country" for c in cands) or (
            r.kind == "admin1" and any(c.admin1 == r.admin1 and c.kind != "admin1" for c in cands)
        ):
            a = m.start("name")
            return _Hit(a, a + length, text[a : a + length], key, regions, "qualifier")
    return None


_TOKEN = regex.compile(r"\S+")
_AND = {"en": "and|or", "ru": "и|или", "it": "e|ed|o", "de": "und|oder", "fr": "et|ou", "es": "y|e|o"}


@lru_cache(maxsize=16)
def _list_next(lang: str) -> regex.Pattern[str]:
    conj = _AND.get(lang, "and|or")
    return regex.compile(rf"(?:\s*,\s*(?:(?:{conj})\s+)?|\s+(?:{conj}|&)\s+)(?:{_ARTICLES}\s+)?(?P<name>{NAME})", regex.VERSION1)


def _list_hits(text: str, at: int, end: int, gaz: Gazetteer, rules: _Rules, lang: str, busy: list[tuple[int, int]]) -> list[_Hit]:
    """Names listed after a located one share its preposition: "in Paris, Berlin and Rome", "in Paris, France"."""
    out: list[_Hit] = []
    pattern = _list_next(lang)
    while (m := pattern.match(text, at, end)) is not None:
        found = _longest(m.group("name"), gaz, rules, lang)
        if found is None:
            break
        length, key, cands = found
        a = m.start("name")
        if any(a < e and b0 < a + length for b0, e in busy) or _party_follows(text, a + length, end, lang):
            break
        out.append(_Hit(a, a + length, text[a : a + length], key, cands, "list"))
        busy.append((a, a + length))
        at = a + length
    return out


@lru_cache(maxsize=16)
def _speech_verbs(lang: str) -> Matcher:
    """The speech verbs of ``cues.tsv`` ("said", "заявил*", "teilte* ~ mit"), matched as the coder matches them."""
    # imported here: the coder's package imports this module
    from ..code.triggers import Matcher, cue_patterns

    return Matcher(p for p in cue_patterns(read_tsv(lang, "cues.tsv")) if p.label == "speech")


_CAPITALISED_NEXT = regex.compile(r"[ \t]+\p{Lu}", regex.VERSION1)


def _party_follows(text: str, at: int, end: int, lang: str) -> bool:
    """A name that more capitalised words or a speech verb follow names a party, not one more place of
    a list: in "in Aleppo, US Secretary of State John Kerry said" and "in Aleppo, Kerry said" neither
    "US" nor County Kerry is a place the act happened in."""
    if _CAPITALISED_NEXT.match(text, at) is not None:
        return True
    # imported here: the coder's package imports this module
    from ..code.triggers import tokenize

    return any(hit.first == 0 for hit in _speech_verbs(lang).find(tokenize(text[at:end])))


_BASED = regex.compile(rf"(?<![\w-])(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})-based\b", regex.VERSION1)


def _based_hits(chunk: str, offset: int, text: str, gaz: Gazetteer, rules: _Rules, lang: str, busy: list[tuple[int, int]]) -> list[_Hit]:
    """ "Moscow-based", "a London-based firm": the name is a location, not an actor."""
    out: list[_Hit] = []
    if lang != "en" or "-based" not in chunk:
        return out
    for m in _BASED.finditer(chunk):
        words = list(_TOKEN.finditer(m.group("name")))
        for w in words:  # the shortest tail that is a known name: "the Geneva-based" -> Geneva
            tail = m.group("name")[w.start() :]
            found = _longest(tail, gaz, rules, lang)
            if found is not None and found[0] == len(tail):
                a = offset + m.start("name") + w.start()
                b = a + found[0]
                if not any(a < e and b0 < b for b0, e in busy):
                    out.append(_Hit(a, b, text[a:b], found[1], found[2], "based"))
                    busy.append((a, b))
                break
    return out


def _inside_actor(a: int, b: int, actors: list[Mention]) -> bool:
    """Whether a located name is part of a longer actor mention or names a person or organisation:
    "at the Justice Department", "officials at the Federal Reserve", "to Clinton", "в Белом доме"."""
    return any(m.start < b and a < m.end and m.entity is not None and (m.end - m.start > b - a or m.entity.kind in ("person", "org"))
               for m in actors)


def _bare_ok(cands: list[Entry], text: str, a: int, b: int, actors: list[Mention]) -> bool:
    top = max(cands, key=_prior)
    if top.kind in ("country", "capital", "continent"):
        return False  # countries and capitals on their own are actors (metonymy), not locations
    if any(m.start < b and a < m.end for m in actors):
        return False
    if top.kind in ("city", "admin1", "admin2") and top.population < BARE_MIN_POPULATION:
        return _agent_seat(text, a, actors)
    before = text[max(0, a - 2) : a]
    return not (before.endswith(" ") and a >= 2 and _capitalised_word_ends_at(text, a - 1))


_SEAT_TAIL = regex.compile(rf"\s(?:di|del|della|of|de|von|der)\s+(?P<name>{_WORD}(?:\s+{_WORD})?)$", regex.VERSION1)
SEAT_WORDS = frozenset({"di", "del", "della", "dello", "of", "de", "du", "des", "von", "der"})
SEAT_GAP = 30  # characters: "carabinieri della stazione di Castelnuovo"


def _agent_seat(text: str, a: int, actors: list[Mention]) -> bool:
    """Whether the name is the seat of a bare agent just before it: "Polizia Locale di Modena",
    "Procura di Modena", "carabinieri della stazione di Castelnuovo", "police of Houston"."""
    for m in actors:
        if m.entity is None or m.entity.kind not in ("group", "title") or not 0 <= a - m.end <= SEAT_GAP:
            continue
        words = text[m.end : a].split()
        if words and len(words) <= 4 and words[-1].lower() in SEAT_WORDS and "." not in text[m.end : a]:
            return True
    return False


def _capitalised_word_ends_at(text: str, pos: int) -> bool:
    """Whether a capitalised word ends right before ``pos`` (``Michael Jackson``)."""
    i = pos
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i < pos and text[i].isupper()


_Found = tuple[int, str, list[Entry]]
# A place's name that opens a longer "X of Y" name the gazetteer does not know is part of that
# name ("around Bank of America Stadium" is no town called Bank).
NAMED_OF = frozenset({"of", "de", "di", "del", "der", "des", "von"})
MEMO_LIMIT = 50_000  # remembered names per gazetteer; the memo starts over when full


def _longest(name: str, gaz: Gazetteer, rules: _Rules, lang: str) -> _Found | None:
    """The longest leading run of words of ``name`` that the gazetteer knows.

    Remembered in ``gaz.memo`` (names recur across sentences and documents), so the candidate
    lists are shared between hits: nothing may change them.
    """
    memo = gaz.memo
    key = ("longest", lang, name)
    if key in memo:
        return memo[key]  # type: ignore[return-value]
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    found = memo[key] = _search(name, gaz, rules, lang)
    return found


def _search(name: str, gaz: Gazetteer, rules: _Rules, lang: str) -> _Found | None:
    """``_longest`` unremembered: try the longest run first, skipping runs a head word makes another thing."""
    words = list(_TOKEN.finditer(name))
    for n in range(min(len(words), gaz.max_words), 0, -1):
        after = fold(words[n].group().rstrip(".,;:")) if n < len(words) else ""
        if after in rules.heads or after in NAMED_OF:
            continue
        end = words[n - 1].end()
        surface = name[:end].rstrip(".,")
        if surface.endswith(("'s", "’s")):
            surface = surface[:-2]  # "in Russia's east"
        surface = surface.rstrip("'’")
        key = fold(surface)
        if key in rules.stop:
            continue
        dotted = name[len(surface) : len(surface) + 1] == "."
        if dotted and (cands := gaz.lookup(key + ".")):  # an abbreviation: "Va.", "Calif.", "U.S."
            return len(surface) + 1, key + ".", cands
        for variant in _variants(key, lang):
            cands = gaz.lookup(variant)
            if cands:
                return len(surface), variant, cands
    return None


def _variants(key: str, lang: str) -> Iterable[str]:
    yield key
    if lang == "ru":
        for ending, base in _RU_ENDINGS:
            if key.endswith(ending) and len(key) > len(ending) + 2:
                yield key[: -len(ending)] + base
    elif lang == "de" and key.endswith("s"):
        yield key[:-1]


_DEMONYM_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ian", "a"), ("ian", "e"), ("ian", ""), ("ans", "a"), ("an", "a"), ("an", "o"),
                    ("an", ""), ("ese", ""), ("ese", "a"), ("ese", "on"), ("is", ""), ("i", ""), ("ish", "ey"), ("ish", "and"),
                    ("ish", "ain"), ("ns", ""), ("n", ""))


def _demonym_bases(key: str, lang: str) -> Iterable[str]:
    """Country-name guesses for an English demonym ("Russian" -> russia, "Sudanese" -> sudan)."""
    if lang != "en":
        return
    for ending, base in _DEMONYM_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 2:
            yield key[: -len(ending)] + base


# weights of the document context (tuned on GeoWebNews; LGL and TR-News held out)
W_COUNTRY = 1.2  # per unit of other names' reading mass in the candidate's country (capped)
W_REGION = 1.6  # ... in its first-level division
W_NEAR = 1.0  # a confident place of the document within NEAR_KM
W_NAMED = 1.0  # the document names the candidate's own first-level division ("Paris" with "Texas")
NEAR_KM = 150.0
CAP = 2.0
MAX_CONTEXT = 6.0
_KIND_PRIOR = {"continent": 1.0, "country": 1.0, "capital": 1.0, "admin1": -0.6, "admin2": -1.2}


def choose(hits: Sequence[_Hit], countries: set[str]) -> dict[str, Entry]:
    """One reading per name: a population and feature-kind prior, then the document's context.

    The context of a name is made by the *other* names only (so a name cannot vote for its own
    reading): each spreads its prior reading mass over countries and first-level divisions, and
    readings near the other names' confident readings gain. The countries of ``countries``
    (actors of the document) count as named.
    """
    by_key: dict[str, list[Entry]] = {}
    for h in hits:
        by_key.setdefault(h.key, h.candidates)
    masses = {key: _mass(cands) for key, cands in by_key.items()}
    country_total: dict[str, float] = {c: 1.0 for c in countries}
    region_total: dict[str, float] = {}
    for mass in masses.values():
        for (cc, region), m in mass.items():
            if cc:
                country_total[cc] = country_total.get(cc, 0.0) + m
            if region:
                region_total[region] = region_total.get(region, 0.0) + m
    anchors = {key: _confident(cands) for key, cands in by_key.items()}
    out = {}
    for key, cands in by_key.items():
        own = masses[key]
        own_cc: dict[str, float] = {}
        own_region: dict[str, float] = {}
        for (cc, region), m in own.items():
            own_cc[cc] = own_cc.get(cc, 0.0) + m
            own_region[region] = own_region.get(region, 0.0) + m
        points = [a for k, a in anchors.items() if k != key and a is not None]
        out[key] = max(cands, key=lambda e: _score(e, country_total, region_total, own_cc, own_region, points))
    return out


def _prior(e: Entry) -> float:
    return math.log10(e.population + 10) + _KIND_PRIOR.get(e.kind, 0.0)


def _mass(cands: Sequence[Entry]) -> dict[tuple[str, str], float]:
    """How a name's reading probability spreads over (country, division): prior-weighted."""
    weights = [10 ** (_prior(e) / 2) for e in cands]  # square root of population: softer than population itself
    total = sum(weights) or 1.0
    out: dict[tuple[str, str], float] = {}
    for e, w in zip(cands, weights, strict=True):
        region = e.admin1 if e.kind not in ("country", "continent") else ""
        key = (e.country or "", region)
        out[key] = out.get(key, 0.0) + w / total
    return out


def _confident(cands: Sequence[Entry]) -> Entry | None:
    """The reading of a name that is hardly in doubt (a clear favourite by prior), with a point."""
    ranked = sorted(cands, key=_prior, reverse=True)
    top = ranked[0]
    if top.lat is None or top.kind in ("country", "continent"):
        return None
    if len(ranked) == 1 or _prior(top) - _prior(ranked[1]) >= 1.0:
        return top
    return None


def _score(e: Entry, countries: dict[str, float], regions: dict[str, float], own_cc: dict[str, float],
           own_region: dict[str, float], points: list[Entry]) -> float:
    context = 0.0
    if e.country:
        context += W_COUNTRY * min(CAP, countries.get(e.country, 0.0) - own_cc.get(e.country, 0.0))
    if e.admin1 and e.kind not in ("country", "continent"):
        context += W_REGION * min(CAP, regions.get(e.admin1, 0.0) - own_region.get(e.admin1, 0.0))
    if e.kind not in ("admin1", "country", "continent") and any(p.kind == "admin1" and p.admin1 == e.admin1 for p in points):
        context += W_NAMED
    if e.lat is not None and e.lon is not None and any(_km(e, p) <= NEAR_KM for p in points if p.geonameid != e.geonameid):
        context += W_NEAR
    # context moves a name between readings of like size; it does not make a village of a country
    return _prior(e) + min(context, MAX_CONTEXT)


def _km(a: Entry, b: Entry) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def resolve_names(names: Sequence[str], gazetteer: Gazetteer, countries: Iterable[str] = (), lang: str = "en") -> list[Entry | None]:
    """Resolve toponyms already found elsewhere (e.g. gold spans), coherently for one document."""
    hits: list[_Hit | None] = []
    for name in names:
        surface = regex.sub(r"^the\s+|['’]s$", "", name.strip(), flags=regex.I)
        key = fold(surface)
        cands = []
        for variant in (*_variants(key, lang), *_demonym_bases(key, lang)):
            cands = gazetteer.lookup(variant)
            if cands:
                key = variant
                break
        hits.append(_Hit(0, 0, name, key, cands, "given") if cands else None)
    chosen = choose([h for h in hits if h is not None], set(countries))
    return [chosen[h.key] if h is not None else None for h in hits]


@lru_cache(maxsize=16)
def _origin_words(lang: str) -> frozenset[str]:
    return frozenset(row[1].casefold() for row in read_tsv(lang, "places.tsv") if row[0] == "origin" and len(row) > 1)


_LIST_GLUE = frozenset({",", "and", "or", "и", "или", "e", "ed", "o", "und", "oder", "et", "ou", "y"})


def is_origin(text: str, start: int, lang: str) -> bool:
    """Whether the place at ``start`` is where something comes from ("counterparts from Russia and
    Belarus", "funds from the Central fund"), not where the event happens or what it is aimed at."""
    origins = _origin_words(lang)
    tokens = text[max(0, start - 80) : start].replace(",", " , ").split()
    for token in reversed(tokens):
        word = token.casefold()
        if word in origins or word.rstrip("'") + "'" in origins:
            return True
        if word not in _LIST_GLUE and not token[:1].isupper():
            return False
    return False
