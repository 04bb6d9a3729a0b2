"""Document-level gold: the events a human coded for whole articles, scored against a run.

Gold lines (JSONL) look like::

    {"doc": "01_en_csto_almaty.txt", "sentence": "unique substring of the sentence",
     "event": "CONSULT", "actor": ["IGOCSTO"], "recipient": [], "date": "2026-11-19", "place": "Almaty"}

A predicted event matches a gold event when it comes from the same document and a sentence
containing the gold substring, has the same PLOVER type, and shares at least one actor
code with the gold actors (codes match when one is a prefix of the other: RUS ~ RUSGOV).
Each gold and each predicted event is matched at most once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Event


@dataclass(frozen=True)
class DocumentGoldEvent:
    doc: str
    sentence: str
    event: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    date: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class DocumentScore:
    gold: int
    predicted: int
    matched: int  # type + sentence + actor
    matched_roles: int  # ... and recipients agree too
    type_only: int  # type + sentence, any actors
    dates_right: int  # among matched events with a gold date
    dates_gold: int
    misses: tuple[DocumentGoldEvent, ...]
    extras: tuple[Event, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_document_gold(path: str | Path) -> list[DocumentGoldEvent]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [_gold_event(row) for row in rows]


def _gold_event(row: Mapping[str, Any]) -> DocumentGoldEvent:
    return DocumentGoldEvent(
        doc=row["doc"],
        sentence=row["sentence"],
        event=row["event"],
        actor=tuple(row.get("actor") or ()),
        recipient=tuple(row.get("recipient") or ()),
        date=row.get("date"),
        place=row.get("place"),
    )


def _codes_meet(gold: Sequence[str], predicted: Iterable[str | None]) -> bool:
    found = [code for code in predicted if code]
    return any(g.startswith(p) or p.startswith(g) for g in gold for p in found)


def _same_side(gold: Sequence[str], predicted: Iterable[str | None]) -> bool:
    found = [code for code in predicted if code]
    return (not gold and not found) or _codes_meet(gold, found)


def _codes(event: Event, role: str) -> list[str | None]:
    side = event.actor if role == "actor" else event.recipient
    return [mention.entity.code if mention.entity else None for mention in side]


def score_documents(gold: Sequence[DocumentGoldEvent], events: Mapping[str, Sequence[Event]]) -> DocumentScore:
    """Match gold events to predicted events per document (``events`` keyed by document id)."""
    used: set[str] = set()
    matched = roles = type_only = dates_right = dates_gold = 0
    misses: list[DocumentGoldEvent] = []
    for item in gold:
        candidates = [e for e in events.get(item.doc, ()) if item.sentence in e.text and e.event == item.event]
        type_only += bool(candidates)
        hit = next((e for e in candidates if e.id not in used and _codes_meet(item.actor, _codes(e, "actor"))), None)
        if hit is None:
            misses.append(item)
            continue
        used.add(hit.id)
        matched += 1
        roles += _same_side(item.recipient, _codes(hit, "recipient"))
        if item.date:
            dates_gold += 1
            dates_right += hit.date == item.date
    predicted = [e for doc_events in events.values() for e in doc_events]
    extras = tuple(e for e in predicted if e.id not in used)
    return DocumentScore(len(gold), len(predicted), matched, roles, type_only, dates_right, dates_gold, tuple(misses), extras)
