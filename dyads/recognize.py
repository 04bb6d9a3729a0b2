"""Recognize: find actor, place and time mentions in each document's sentences.

Actors come from the knowledge base (``dyads.kb``), times from ``dyads.resolve.dates`` and
places from ``dyads.resolve.places``. Mentions are sorted by offset; offsets refer to
``Document.text``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .model import Mention, Processed, Sentence

if TYPE_CHECKING:
    from .pipeline import Context


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    from .resolve.dates import find_times
    from .resolve.places import find_places

    kb = ctx.kb
    gazetteer = ctx.gazetteer
    out = []
    for item in batch:
        doc = item.document
        spans = [(s.start, s.end) for s in item.sentences]
        actors = kb.find_mentions(doc.text, lang=doc.lang, date=doc.published, spans=spans)
        times = find_times(doc, item.sentences)
        places = find_places(doc, item.sentences, actors, gazetteer)
        # A name the place finder read as a location ("in Moscow") is not also an actor.
        actors = [a for a in actors if not any(p.start < a.end and a.start < p.end for p in places)]
        actors = localise_agents(actors, places, item.sentences)
        mentions: list[Mention] = sorted([*actors, *times, *places], key=lambda m: (m.start, -m.end, m.kind))
        out.append(item.with_(mentions=tuple(mentions)))
    return out


def localise_agents(actors: list[Mention], places: list[Mention], sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Give a bare agent ("police", "protesters") the country of where its sentence happens.

    The place named in the same sentence wins, else the dateline (a place at the very
    start of the document). Agents already tied to a country or an organisation keep it.
    """
    dateline = next((p for p in places if p.place and p.place.country and p.start < 60 and sentences and p.start < sentences[0].end), None)
    out = []
    for actor in actors:
        entity = actor.entity
        if entity is None or entity.country or entity.org or not entity.sector or entity.kind != "group":
            out.append(actor)
            continue
        sentence = next((s for s in sentences if s.start <= actor.start < s.end), None)
        local = [p for p in places if sentence and sentence.start <= p.start < sentence.end and p.place and p.place.country]
        where = min(local, key=lambda p: abs(p.start - actor.start)) if local else dateline
        if where is None or where.place is None:
            out.append(actor)
            continue
        country = where.place.country
        note = f"{entity.source or 'kb'}; country from the place {where.place.name!r}"
        out.append(replace(actor, entity=replace(entity, country=country, code=f"{country}{entity.sector}", source=note)))
    return out
