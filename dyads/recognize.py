"""Recognize: find actor, place and time mentions in each document's sentences.

Actors come from the knowledge base (``dyads.kb``), times from ``dyads.resolve.dates`` and
places from ``dyads.resolve.places``. Mentions are sorted by offset; offsets refer to
``Document.text``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .kb.compose import NEEDS_SEAT
from .kb.sources import DATA_DIR, rows
from .lang import read_tsv
from .model import Entity, Mention, Processed, Sentence

if TYPE_CHECKING:
    from .pipeline import Context
    from .resolve.gazetteer import Gazetteer
    from .resolve.inference import DateInference


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    from .resolve.dates import find_times
    from .resolve.inference import infer_publication_date
    from .resolve.places import find_places

    kb = ctx.kb
    gazetteer = ctx.gazetteer
    out = []
    for item in batch:
        doc = item.document
        spans = [(s.start, s.end) for s in item.sentences]
        inferred = None if doc.published else infer_publication_date(doc, item.sentences)
        actors = kb.find_mentions(doc.text, lang=doc.lang, date=doc.published or text_date(inferred), spans=spans, bare_titles=True, seats=True)
        actors = sectors_in_context(actors, doc.text, doc.lang, spans)
        times = find_times(doc, item.sentences, inferred)
        places = find_places(doc, item.sentences, actors, gazetteer)
        # A name the place finder read as a location ("in Moscow") is not also an actor.
        actors = [a for a in actors if not any(p.start < a.end and a.start < p.end for p in places)]
        actors, places = shared_short_names(actors, places, doc.text)
        actors = shared_party_names(actors, home_country(places, actors, doc.lang))
        actors = seated(actors, places, doc.text, gazetteer)
        actors = localise_agents(actors, places, item.sentences, doc.text, doc.lang)
        actors = [a for a in actors if not _unplaced_title(a)]
        mentions: list[Mention] = sorted([*actors, *times, *places], key=lambda m: (m.start, -m.end, m.kind))
        out.append(item.with_(mentions=tuple(mentions)))
    return out


TEXT_DATE_CONFIDENCE = 0.5  # a dateline's date, or the latest full date of the text


def text_date(guess: DateInference | None) -> str | None:
    """For a document that came without a publication date, the date its text gives ("АНКАРА, 14
    апреля 2025."), so that people are read in the offices they held then: Navalny in 2019 is the
    opposition, not a private Russian."""
    if guess is not None and guess.value and guess.precision in ("day", "month") and guess.confidence >= TEXT_DATE_CONFIDENCE:
        return guess.value
    return None


def sectors_in_context(actors: list[Mention], text: str, lang: str | None, spans: Sequence[tuple[int, int]]) -> list[Mention]:
    """Words whose sector the story decides (``lang/<xx>/context_sectors.tsv``): Italian "i militari"
    are carabinieri (COP) in a story that names the carabinieri, German "die Beamten" police officers
    in a story that names the police. Such a word becomes a party of that sector even where it is
    too generic to be one elsewhere. When the context names a country's body ("the Obama administration"),
    the word is that country's ("the administration" is USAGOV)."""
    out = list(actors)
    for form, sector, context in _context_sectors(lang) if lang else ():
        named = context.search(text)
        if named is None:
            continue
        why = f"{sector} in a story that names {named.group(0)!r} (context_sectors.tsv)"
        country = next((m.entity.country for m in actors if m.entity is not None and m.entity.country
                        and m.start < named.end() and named.start() < m.end), None)
        code = f"{country}{sector}" if country else sector
        for match in form.finditer(text):
            a, b = match.span()
            if not any(lo <= a and b <= hi for lo, hi in spans):
                continue
            same = next((k for k, m in enumerate(out) if (m.start, m.end) == (a, b)), None)
            if same is not None:
                e = out[same].entity
                if e is not None and e.kind == "group" and not e.country and not e.org:
                    out[same] = replace(out[same], entity=replace(e, country=country, sector=sector, code=code, source=f"{e.source}; {why}"))
            elif not any((m.start < b and a < m.end) or text[m.end : a] == " " or text[b : m.start] == " " for m in out):
                # a word right beside a mention is part of its phrase: "the Obama administration", "Administration officials"
                entity = Entity(text[a:b], country=country, sector=sector, code=code, kind="group", source=why)
                out.append(Mention(a, b, text[a:b], "actor", entity, rule="kb:sector"))
    return sorted(out, key=lambda m: (m.start, -m.end))


@lru_cache(maxsize=16)
def _context_sectors(lang: str) -> tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...]:
    rules = []
    for row in read_tsv(lang, "context_sectors.tsv"):
        if len(row) < 3 or row[0] == "form":
            continue
        words = "|".join(re.escape(w.strip()) for w in row[2].split(";") if w.strip())
        rules.append((re.compile(rf"(?<!\w){re.escape(row[0])}(?!\w)", re.IGNORECASE), row[1], re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)))
    return tuple(rules)


def shared_short_names(actors: list[Mention], places: list[Mention], text: str) -> tuple[list[Mention], list[Mention]]:
    """A state's bare short name shared with another (``kb/data/shared_names.tsv``) stands for the other
    in a story that names the other and never the first outright: "Congo's government" after "the
    Democratic Republic of Congo" is the DRC's."""
    for short, full, outright in _shared_names():
        mentions = (*actors, *places)
        if not any(_country_of(m) == short for m in mentions) or not any(_country_of(m) == full for m in mentions):
            continue
        if outright.search(text):
            continue
        actors = [_moved(m, short, full) if _country_of(m) == short else m for m in actors]
        places = [_moved(m, short, full) if _country_of(m) == short else m for m in places]
    return actors, places


def shared_party_names(actors: list[Mention], home: str | None) -> list[Mention]:
    """A party name several countries' parties share (``kb/data/shared_party_names.tsv``) stands for
    the party of the document's home country: "die Grünen" in an Austrian story are Austria's."""
    if home is None:
        return actors
    out = []
    for actor in actors:
        e = actor.entity
        code = _shared_parties().get(_without_article(actor.text), {}).get(home) if e is not None and e.kind == "group" else None
        if e is None or code is None or code == e.code:
            out.append(actor)
            continue
        note = f"{e.source}; the party of the story's country {home}"
        out.append(replace(actor, entity=replace(e, country=home, code=code, sector=code[3:] or e.sector, wikidata_id=None, source=note)))
    return out


_ARTICLE = re.compile(r"(?i)^(?:die|der|den|the)\s+")


def _without_article(text: str) -> str:
    return _ARTICLE.sub("", text.strip())


@lru_cache(maxsize=1)
def _shared_parties() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for _, cols in rows(DATA_DIR / "shared_party_names.tsv"):
        if len(cols) < 2:
            continue
        codes = dict(pair.split("=", 1) for pair in cols[1].split(";") if "=" in pair)
        for form in cols[0].split(";"):
            table[form.strip()] = codes
    return table


def _country_of(mention: Mention) -> str | None:
    return mention.entity.country if mention.entity is not None else mention.place.country if mention.place is not None else None


def _moved(mention: Mention, short: str, full: str) -> Mention:
    if mention.entity is not None:
        e = mention.entity
        code = full + e.code[len(short):] if e.code and e.code.startswith(short) else e.code
        return replace(mention, entity=replace(e, country=full, code=code, source=f"{e.source}; {full}, which the story names outright"))
    return replace(mention, place=replace(mention.place, country=full)) if mention.place is not None else mention


@lru_cache(maxsize=1)
def _shared_names() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((c[0], c[1], re.compile("|".join(re.escape(w.strip()) for w in c[2].split(";") if w.strip()) or "(?!)"))
                 for _, c in rows(DATA_DIR / "shared_names.tsv") if len(c) >= 3)


def _unplaced_title(mention: Mention) -> bool:
    """A bare title ("the president") that neither an antecedent nor the story's places could tie to a country."""
    e = mention.entity
    return e is not None and e.kind == "title" and not e.country and not e.org


UNLOCATED = frozenset({"UAF"})  # "gunmen", "armed men": unidentified, so of no country
HOME_SHARE = 0.6  # a document's places must point this much to one country for it to be the home country
HOME_MIN = 2


SEAT_MIN_POPULATION = 20_000  # a town name read from the gazetteer alone must be this large: alternate names are noisy
_SEAT_WORD = re.compile(r"\s+(?:(?P<prep>[^\W\d_]{1,5})\s+)?(?P<name>[^\W\d_][\w'’-]+)")  # "di Modena", "in Istanbul", "Казани"


def seated(actors: list[Mention], places: list[Mention], text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """A word too generic to be a party alone ("court", "tribunale", "суд") is one with the place it
    sits in right after it, across one preposition at most: "a court in Istanbul" is TURJUD, "il
    tribunale di Modena" ITAJUD. The place is a place mention there, else a town the gazetteer knows
    in one country only. Without such a place the word is no party."""
    out = []
    for actor in actors:
        if actor.rule != NEEDS_SEAT:
            out.append(actor)
            continue
        seat = _seat(actor, places, text, gazetteer)
        if seat is None or actor.entity is None:
            continue
        (end, country, name) = seat
        entity = replace(actor.entity, country=country, code=f"{country}{actor.entity.sector}", source=f"{actor.entity.source}; seat {name!r}")
        out.append(replace(actor, end=end, text=text[actor.start : end], entity=entity, rule="kb:sector+seat"))
    return out


def _seat(actor: Mention, places: list[Mention], text: str, gazetteer: Gazetteer | None) -> tuple[int, str, str] | None:
    located = [p for p in places if p.place is not None and p.place.country]
    place = _place_after(actor, located, text, min_words=0)
    if place is not None and place.place is not None and place.place.country:
        return place.end, place.place.country, place.place.name
    match = _SEAT_WORD.match(text, actor.end)
    if gazetteer is None or match is None or not match["name"][0].isupper() or not (match["prep"] or "a").islower():
        return None
    countries = {e.country for e in gazetteer.lookup(match["name"]) if e.country and e.population >= SEAT_MIN_POPULATION}
    return (match.end(), countries.pop(), match["name"]) if len(countries) == 1 else None


def localise_agents(actors: list[Mention], places: list[Mention], sentences: tuple[Sentence, ...], text: str = "",
                    lang: str | None = None) -> list[Mention]:
    """Give a bare agent ("police", "protesters") the country of where it acts (``_where``).

    A place right beside it wins ("police in Minsk"), else the nearest earlier mention of its
    sector with a country ("the army" after "Sudan's army"), else one in the next sentences (a
    headline's "Army rejects truce" before the lead's "Sudan's army"), else, for a group word, the place
    named in its sentence or the dateline, else the document's home country: the one most of its
    places and country-bound actors point to ("the jury" in a story set in Houston, Dallas and
    Austin). A person the KB does not list, named with an office ("Rep. Adam Schiff"), is placed the
    same way. Agents already tied to a country or an organisation keep it, and unidentified armed
    men (UAF) stay of no country.
    """
    dateline = dateline_place(places)
    home = home_country(places, actors, lang)
    out = []
    for actor in actors:
        entity = actor.entity
        if (entity is None or entity.country or entity.org or not entity.sector or entity.kind not in ("group", "title", "individual", "person")
                or entity.sector in UNLOCATED):
            out.append(actor)
            continue
        named = _named_before(actor, out)
        country, where = ((named.entity.country, f"the earlier {named.text!r}") if named is not None and named.entity is not None
                          else _where(actor, actors, places, sentences, dateline, home, text))
        if country is None:
            out.append(actor)
            continue
        note = f"{entity.source or 'kb'}; country from {where}"
        actor = replace(actor, entity=replace(entity, country=country, code=f"{country}{entity.sector}", source=note))
        out.append(_with_seat(actor, places, text))
    return out


def _named_before(actor: Mention, placed: list[Mention]) -> Mention | None:
    """The placed first mention of a named individual this one repeats ("Boufes" after "Said Boufes, 42 anni")."""
    entity = actor.entity
    if entity is None or entity.kind != "individual" or actor.rule != "kb:coref-name":
        return None
    return next((m for m in placed if m.entity is not None and m.entity.kind == "individual" and m.entity.name == entity.name
                 and m.entity.country), None)


SEAT_GAP_CHARS = 20  # the preposition alone: "police in Houston", "полиция в Москве"


def _with_seat(actor: Mention, places: list[Mention], text: str) -> Mention:
    """A bare agent with the place it is of right after it, across its preposition only, is one party:
    "Police in Houston arrested ..." reads like "Houston police arrested ...", so the mention spans
    the place too ("Ein 39-Jähriger hat in Graz" does not: a verb stands between)."""
    seat = _place_after(actor, [p for p in places if p.rule == "place:locative"], text, min_words=1)
    return actor if seat is None else replace(actor, end=seat.end, text=text[actor.start : seat.end])


def _place_after(actor: Mention, places: list[Mention], text: str, min_words: int) -> Mention | None:
    """The first of ``places`` right after the actor, across one word at most (``min_words`` at least)
    and no punctuation: "police in Houston", "суд в Казани", "суд Бишкека"."""
    return next((p for p in places if 0 < p.start - actor.end <= SEAT_GAP_CHARS
                 and min_words <= len(text[actor.end : p.start].split()) <= 1
                 and not re.search(r"[^\w\s'’]", text[actor.end : p.start])), None)


ATTACHED_CHARS = 40  # "police in Paris", "власти в Ньямее", "In Minsk, police ..."


def _attached_place(actor: Mention, places: list[Mention], text: str = "") -> Mention | None:
    near = [p for p in places if p.place is not None and p.place.country
            and (0 <= p.start - actor.end <= ATTACHED_CHARS or 0 <= actor.start - p.end <= ATTACHED_CHARS)
            and not _SEPARATOR.search(text, min(p.end, actor.end), max(p.start, actor.start))]
    return min(near, key=lambda p: min(abs(p.start - actor.end), abs(actor.start - p.end)), default=None)


# A dash, colon or line break between a place and an agent ends the place's phrase: in the headline
# "Talks in Jeddah – Army rejects truce" the army is not Jeddah's, nor is the dateline after it.
_SEPARATOR = re.compile(r"[–—:;|\n]| - ")


def _antecedent(actor: Mention, actors: list[Mention]) -> Mention | None:
    """The nearest earlier mention of the same sector tied to a country: "the army" after "Sudan's
    army" is Sudan's, wherever the story was filed from."""
    found = None
    for other in actors:
        if other.start >= actor.start:
            break
        if _placed_namesake(other, actor):
            found = other
    return found


def _placed_namesake(other: Mention, actor: Mention) -> bool:
    """Whether ``other`` is of the actor's sector and tied to a country (not an organisation's body)."""
    entity, sector = other.entity, actor.entity.sector if actor.entity is not None else None
    return entity is not None and bool(entity.country) and not entity.org and entity.sector == sector


LATER_SENTENCES = 2  # a headline's agent is named in full in the lead
NAMED_OFFICER = "kb:title+name"  # a person the KB does not list, named with an office: "Bundesinnenminister Alexander Dobrindt"
APPOSITION_GAP = 2  # characters between a bare agent and the name it is apposed to: a space, a comma


def _later_namesake(actor: Mention, actors: list[Mention], sentences: tuple[Sentence, ...], text: str = "") -> Mention | None:
    """The first later mention of the same sector tied to a country, in the actor's sentence or the next
    two (a headline's bare agent is named in full in the lead). A person the KB does not list, named with
    an office, takes the country only of a mention right after his name, an apposition: a later one is
    another party, as in "Bundesinnenminister Alexander Dobrindt warf Moskau vor. Die russische Botschaft
    wies ... zurück"."""
    index = next((n for n, s in enumerate(sentences) if s.start <= actor.start < s.end), None)
    if index is None:
        return None
    limit = sentences[min(index + LATER_SENTENCES, len(sentences) - 1)].end
    person = actor.rule == NAMED_OFFICER
    return next((o for o in actors if actor.start < o.start < limit and _placed_namesake(o, actor)
                 and (not person or _apposition(actor, o, text))), None)


def _apposition(actor: Mention, other: Mention, text: str) -> bool:
    return 0 <= other.start - actor.end <= APPOSITION_GAP and not text[actor.end : other.start].strip(" ,")


def _where(actor: Mention, actors: list[Mention], places: list[Mention], sentences: tuple[Sentence, ...],
           dateline: Mention | None, home: str | None, text: str = "") -> tuple[str | None, str]:
    """(country, why) for a bare agent: a place right beside it, else the nearest earlier mention of its
    sector with a country, else (groups) the nearest place in its sentence or the dateline, else home.
    A bare head of state ("der Bundespräsident") is not of where he stands or whom he meets: the
    dateline's country, else home."""
    if actor.entity is not None and actor.entity.kind == "title":
        if dateline is not None and dateline.place is not None:
            return dateline.place.country, f"the dateline {dateline.place.name!r}"
        return home, "the document's places"
    attached = _attached_place(actor, places, text)
    if attached is not None and attached.place is not None:
        return attached.place.country, f"the place {attached.place.name!r}"
    antecedent = _antecedent(actor, actors)
    if antecedent is not None and antecedent.entity is not None:
        return antecedent.entity.country, f"the earlier {antecedent.text!r}"
    namesake = _later_namesake(actor, actors, sentences, text)
    if namesake is not None and namesake.entity is not None:
        return namesake.entity.country, f"the later {namesake.text!r}"
    if actor.entity is not None and actor.entity.kind in ("group", "individual"):
        sentence = next((s for s in sentences if s.start <= actor.start < s.end), None)
        local = [p for p in places if sentence and sentence.start <= p.start < sentence.end and p.place and p.place.country]
        where = min(local, key=lambda p: abs(p.start - actor.start)) if local else dateline
        if where is not None and where.place is not None:
            return where.place.country, f"the place {where.place.name!r}"
    return home, "the document's places"


def dateline_place(places: list[Mention]) -> Mention | None:
    """The place a story was filed from: the place finder's dateline, at the start of the text or of the
    line after its headline."""
    return next((p for p in places if p.rule == "place:dateline" and p.place and p.place.country), None)


def place_country(item: Processed) -> Callable[[Sentence], str | None]:
    """Where each sentence of a document happens: the first place it names, else the dateline's
    country, else the document's home country."""
    places = [m for m in item.mentions if m.kind == "place" and m.place is not None and m.place.country]
    actors = [m for m in item.mentions if m.kind == "actor"]
    dateline = dateline_place(places)
    home = home_country(places, actors, item.document.lang)
    fallback = dateline.place.country if dateline is not None and dateline.place is not None else home

    def where(sentence: Sentence) -> str | None:
        local = next((p for p in places if sentence.start <= p.start < sentence.end), None)
        return local.place.country if local is not None and local.place is not None else fallback

    return where


def home_country(places: list[Mention], actors: Sequence[Mention] = (), lang: str | None = None) -> str | None:
    """The country most of the document's places and country-bound actors lie in, when it clearly
    dominates. With too little to go on, the language's home country (``lang/<xx>/home.txt``), unless
    what little there is points elsewhere: a story in Italian that names no place is set in Italy."""
    countries = Counter(p.place.country for p in places if p.place is not None and p.place.country)
    countries.update(a.entity.country for a in actors if a.entity is not None and a.entity.country and not a.entity.org)
    language_home = _language_home(lang) if lang else None
    if not countries:
        return language_home
    country, n = countries.most_common(1)[0]
    if n >= HOME_MIN and n / sum(countries.values()) >= HOME_SHARE:
        return country
    return language_home if language_home is not None and n < HOME_MIN and country == language_home else None


def _language_home(lang: str) -> str | None:
    return next((row[0] for row in read_tsv(lang, "home.txt") if row[0]), None)
