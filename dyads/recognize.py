"""Recognize: find actor, place and time mentions in each document's sentences.

Actors come from the knowledge base (``dyads.kb``), times from ``dyads.resolve.dates`` and
places from ``dyads.resolve.places``. Mentions are sorted by offset; offsets refer to
``Document.text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Mention, Processed

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
        mentions: list[Mention] = sorted([*actors, *times, *places], key=lambda m: (m.start, -m.end, m.kind))
        out.append(item.with_(mentions=tuple(mentions)))
    return out
