"""Dedup: merge repeated mentions of the same event within a document.

News repeats itself: the headline, the lead and a later paragraph often report one event
three times. Events of a document that share type, actors and recipients (by code), have compatible dates
and no people named in one that the other lacks (both ways) are one event; the best-supported mention is kept and the others
are listed in its explanation, so nothing is lost from view.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .code.coref import OTHER_SIDE_RULE
from .model import Event, Mention, Processed

if TYPE_CHECKING:
    from .pipeline import Context

# For these types the two sides are interchangeable ("X met Y" is "X and Y met").
SYMMETRIC = frozenset({"CONSULT"})


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    return [item.with_(events=tuple(merge_events(item.events, _title_end(item)))) for item in batch]


def _title_end(item: Processed) -> int:
    """End offset of the headline line, when the document starts with one."""
    first = item.sentences[0] if item.sentences else None
    if first is None or "\n" not in item.document.text[: first.end + 1]:
        return 0
    return first.end if first.start == 0 else 0


def _codes(mentions: tuple[Mention, ...]) -> frozenset[str]:
    return frozenset(m.entity.code or m.entity.name for m in mentions if m.entity is not None)


def _key(event: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    """Type, actors and recipients; a recipient only inferred from the story (no sentence names it) does
    not make two mentions one event."""
    actors = _codes(event.actor)
    recipients = _codes(tuple(m for m in event.recipient if not m.rule.startswith(OTHER_SIDE_RULE)))
    if event.event in SYMMETRIC:
        return event.event, actors | recipients, frozenset()
    return event.event, actors, recipients


def _dates_agree(a: Event, b: Event) -> bool:
    """Dates stated in both sentences must be compatible; a fallback date agrees with any. An
    earlier event recalled ("has turned down such offers since 2009") is never today's event."""
    if ("historical" in a.aux) != ("historical" in b.aux):
        return False
    if a.date is None or b.date is None or "stated" not in (a.date_basis, b.date_basis) or a.date_basis != b.date_basis:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _people(event: Event) -> frozenset[str]:
    return frozenset(m.entity.wikidata_id or m.entity.name for m in (*event.actor, *event.recipient)
                     if m.entity is not None and m.entity.kind == "person")


def _same_people(a: Event, b: Event) -> bool:
    """The people one mention names must all be among those the other names: Lavrov's talks with
    Fidan and his reception by Erdogan are two Russian-Turkish meetings, not one."""
    pa, pb = _people(a), _people(b)
    return pa <= pb or pb <= pa


def _rank(event: Event, title_end: int) -> tuple[bool, bool, bool, float, int]:
    """Prefer body sentences, aux-free readings, parties named rather than referred to ("the sides"),
    confidence, then earliest position."""
    named = not any(m.rule.startswith("coref:") for m in (*event.actor, *event.recipient))
    return (event.sentence_start >= title_end, not event.aux, named, event.confidence, -event.sentence_start)


def _drop_headline_repeats(events: tuple[Event, ...], title_end: int) -> tuple[Event, ...]:
    """A headline summarises the story: its event is dropped when the body codes the same type."""
    if title_end <= 0:
        return events
    body_types = {e.event for e in events if e.sentence_start >= title_end}
    return tuple(e for e in events if e.sentence_start >= title_end or e.event not in body_types)


def merge_events(events: tuple[Event, ...], title_end: int = 0) -> list[Event]:
    """Merge duplicates; keeps input order of the surviving events."""
    events = _drop_headline_repeats(events, title_end)
    groups: list[list[Event]] = []
    for event in events:
        key = _key(event)
        home = next((g for g in groups if _key(g[0]) == key and all(_dates_agree(event, other) and _same_people(event, other) for other in g)),
                    None)
        if home is None:
            groups.append([event])
        else:
            home.append(event)
    merged = []
    for group in groups:
        best = max(group, key=lambda e: _rank(e, title_end))
        others = [e for e in group if e is not best]
        if others:
            spans = ", ".join(f"{e.sentence_start}-{e.sentence_end}" for e in others)
            best = replace(best, explanation=(*best.explanation, f"dedup: merged {len(others)} repeated mention(s) at {spans}"))
        merged.append((events.index(group[0]), best))
    return [event for _, event in sorted(merged, key=lambda pair: pair[0])]
