"""Toponyms: find place names used as locations and resolve them against the gazetteer.

A name counts as a location after a locative preposition (``in Moscow``, ``в Москве``,
``a Mosca``, ``in Moskau``, ``à Moscou``, ``en Moscú``), in a dateline (``ALMATY, June 12``),
or bare when it is a lesser city or region that names no actor. A capital or a country on its
own is left to the knowledge base, which reads it as a metonymic actor (``Moscow said``).
Ambiguous names are settled by population, the countries and regions the document names, and
one reading per name per document.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..config import Config
from ..lang import available_languages, read_tsv
from ..model import Document, Mention, Place, Sentence
from .gazetteer import Entry, Gazetteer, fold, load

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
    by_country = {e.country: i for i, e in enumerate(gaz.entries) if e.kind == "country"}
    by_id = {e.geonameid: i for i, e in enumerate(gaz.entries)}
    for lang in available_languages():
        for row in read_tsv(lang, "places.tsv"):
            if row[0] != "alias" or len(row) < 3:
                continue
            idx = by_id.get(int(row[2])) if row[2].isdigit() else by_country.get(row[2])
            if idx is not None:
                bucket = gaz.index.setdefault(fold(row[1]), [])
                if idx in bucket:
                    bucket.remove(idx)
                bucket.insert(0, idx)  # an alias names its place first


@dataclass(frozen=True)
class _Rules:
    locative: regex.Pattern[str]
    name: regex.Pattern[str]
    stop: frozenset[str]
    heads: frozenset[str]  # words that make a longer name of another thing: "Laurel County", "Paris Street"


@lru_cache(maxsize=16)
def _rules(lang: str) -> _Rules:
    rows = read_tsv(lang, "places.tsv") or read_tsv("en", "places.tsv")
    preps = sorted({r[1] for r in rows if r[0] == "prep"}, key=len, reverse=True)
    spaced = [regex.escape(p).replace(r"\ ", r"\s+") for p in preps if not p.endswith("'")]
    glued = [regex.escape(p) for p in preps if p.endswith("'")]
    alts = [rf"(?:{'|'.join(spaced)})\s+(?:{_ARTICLES}\s*)?" if spaced else "", rf"(?:{'|'.join(glued)})" if glued else ""]
    prep = "|".join(a for a in alts if a)
    prep = prep.replace(rf"(?:{_ARTICLES}\s*)?", rf"(?P<art>{_ARTICLES}\s*)?")
    locative = regex.compile(rf"(?<![\w])(?:{prep})(?P<name>{NAME})", regex.VERSION1)
    stop = frozenset(fold(r[1]) for r in rows if r[0] == "stop")
    heads = frozenset(fold(r[1]) for r in rows if r[0] == "head")
    return _Rules(locative, regex.compile(NAME, regex.VERSION1), stop, heads)


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


def _dateline(doc: Document, gaz: Gazetteer, rules: _Rules, lang: str) -> list[_Hit]:
    start = _text_start(doc)
    head = doc.text[start : start + DATELINE_CHARS]
    m = regex.match(rf"\W{{0,3}}(?P<name>{NAME})(?:\s+city)?\s*(?=[,(—–\-]|\d|\s+\(|\s*/)", head, regex.VERSION1)
    if not m:
        return []
    found = _longest(m.group("name"), gaz, rules, lang)
    if found is None:
        return []
    length, key, cands = found
    a = start + m.start("name")
    return [_Hit(a, a + length, doc.text[a : a + length], key, cands, "dateline")]


def _text_start(doc: Document) -> int:
    start = 0
    for a, b in sorted(doc.removed):
        if a <= start < b:
            start = b
    while start < len(doc.text) and doc.text[start].isspace():
        start += 1
    return start


def _sentence_hits(text: str, s: Sentence, gaz: Gazetteer, rules: _Rules, lang: str, actors: list[Mention], taken: list[_Hit]) -> list[_Hit]:
    chunk = text[s.start : s.end]
    out: list[_Hit] = []
    busy = [(h.start, h.end) for h in taken]
    for m in rules.locative.finditer(chunk):
        group = "name"
        found = None
        if m.group("art"):  # "Los Angeles", "Le Havre": the article may belong to the name
            found = _longest(chunk[m.start("art") : m.end("name")], gaz, rules, lang)
            group = "art" if found is not None else "name"
        found = found or _longest(m.group("name"), gaz, rules, lang)
        if found is None:
            continue
        length, key, cands = found
        a = s.start + m.start(group)
        if any(a < e and b0 < a + length for b0, e in busy):
            continue
        out.append(_Hit(a, a + length, text[a : a + length], key, cands, "locative"))
        busy.append((a, a + length))
    for m in rules.name.finditer(chunk):
        a = s.start + m.start()
        if any(a < e and b0 < s.start + m.end() for b0, e in busy):
            continue
        found = _longest(m.group(), gaz, rules, lang)
        if found is None:
            continue
        length, key, cands = found
        b = a + length
        if not _bare_ok(cands, text, a, b, actors):
            continue
        out.append(_Hit(a, b, text[a:b], key, cands, "bare"))
        busy.append((a, b))
    return out


def _bare_ok(cands: list[Entry], text: str, a: int, b: int, actors: list[Mention]) -> bool:
    top = cands[0]
    if top.kind in ("country", "capital", "continent"):
        return False  # countries and capitals on their own are actors (metonymy), not locations
    if top.kind == "city" and top.population < BARE_MIN_POPULATION:
        return False
    if any(m.start < b and a < m.end for m in actors):
        return False
    before = text[max(0, a - 2) : a]
    return not (before.endswith(" ") and a >= 2 and _capitalised_word_ends_at(text, a - 1))


def _capitalised_word_ends_at(text: str, pos: int) -> bool:
    """Whether a capitalised word ends right before ``pos`` (``Michael Jackson``)."""
    i = pos
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i < pos and text[i].isupper()


def _longest(name: str, gaz: Gazetteer, rules: _Rules, lang: str) -> tuple[int, str, list[Entry]] | None:
    """The longest leading run of words of ``name`` that the gazetteer knows."""
    words = list(regex.finditer(r"\S+", name))
    for n in range(min(len(words), gaz.max_words), 0, -1):
        if n < len(words) and fold(words[n].group().rstrip(".,;:")) in rules.heads:
            continue
        end = words[n - 1].end()
        surface = name[:end].rstrip(".,")
        if surface.endswith(("'s", "’s")):
            surface = surface[:-2]  # "in Russia's east"
        surface = surface.rstrip("'’")
        key = fold(surface)
        if key in rules.stop:
            continue
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


def choose(hits: Sequence[_Hit], countries: set[str]) -> dict[str, Entry]:
    """One reading per name: population, plus the countries and regions the document names.

    Only unambiguous names (all readings in one country / one region) set the context, so an
    ambiguous name cannot vote for its own reading.
    """
    context = set(countries)
    regions: set[str] = set()
    for h in hits:
        if len({c.country for c in h.candidates}) == 1 and h.candidates[0].country:
            context.add(h.candidates[0].country)
        if len(h.candidates) == 1 and h.candidates[0].kind == "admin1":
            regions.add(h.candidates[0].admin1)
    return {h.key: best(h.candidates, context, regions) for h in hits}


def best(cands: Sequence[Entry], countries: set[str], regions: set[str]) -> Entry:
    def score(e: Entry) -> float:
        value = math.log10(e.population + 10)
        # a region loses to a city of its name unless it is ~4 times larger ("New York")
        value += {"continent": 1.0, "country": 1.0, "capital": 1.0, "admin1": -0.6}.get(e.kind, 0.0)
        value += 1.5 if e.country in countries else 0.0
        value += 2.0 if e.admin1 and e.admin1 in regions and e.kind != "admin1" else 0.0
        return value

    return max(cands, key=score)


def resolve_names(names: Sequence[str], gazetteer: Gazetteer, countries: Iterable[str] = (), lang: str = "en") -> list[Entry | None]:
    """Resolve toponyms already found elsewhere (e.g. gold spans), coherently for one document."""
    rules = _rules(lang)
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
