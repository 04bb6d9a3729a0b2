"""Scores: per-type precision/recall/F1, confusion matrix, accuracy (16 types and CONCEDE+RETREAT merged)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..ontology import NO_EVENT, PLOVER_TYPES

MERGED = {"RETREAT": "CONCEDE"}  # the 15-class figure merges CONCEDE and RETREAT


@dataclass(frozen=True)
class TypeScore:
    precision: float
    recall: float
    f1: float
    support: int  # gold count
    predicted: int


@dataclass
class Report:
    name: str
    format: str
    split: str
    items: int  # dyads (dyad sets) or sentences (end-to-end sets)
    gold_events: int
    accuracy: float | None = None  # 16-class dyad accuracy (dyad sets)
    accuracy_15: float | None = None  # CONCEDE and RETREAT merged
    accuracy_open: float | None = None  # 16-class accuracy when NONE may also be answered (all-event dyad sets)
    correct: float | None = None  # end-to-end: share of gold events found (type + actor)
    events_right: float | None = None  # PETRARCH: share of gold (source, target, type) found
    dyad_accuracy: float | None = None  # end-to-end: share of gold events whose actor/recipient pair was found
    extra_rate: float | None = None  # unmatched predictions / gold events
    predicted_events: int = 0
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> predicted -> count
    ece: float | None = None
    reliability: list[tuple[str, int, float, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def per_type(tp: Counter[str], gold: Counter[str], pred: Counter[str], tp_pred: Counter[str] | None = None) -> dict[str, TypeScore]:
    """``tp`` counts gold events found (recall); ``tp_pred`` predicted events that found one (precision),
    which differs when one predicted event answers several gold codings (a compound actor)."""
    tp_pred = tp if tp_pred is None else tp_pred
    out = {}
    for t in (*PLOVER_TYPES, NO_EVENT):
        if not gold[t] and not pred[t]:
            continue
        p = tp_pred[t] / pred[t] if pred[t] else 0.0
        r = tp[t] / gold[t] if gold[t] else 0.0
        out[t] = TypeScore(round(p, 4), round(r, 4), round(f1(p, r), 4), gold[t], pred[t])
    return out


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for gold, pred in pairs:
        row = table.setdefault(gold, {})
        row[pred] = row.get(pred, 0) + 1
    return table


def dyad_scores(golds: Sequence[str], preds: Sequence[str]) -> tuple[float, float, dict[str, TypeScore], dict[str, dict[str, int]]]:
    pairs = list(zip(golds, preds, strict=True))
    n = max(1, len(pairs))
    accuracy = sum(g == p for g, p in pairs) / n
    merged = sum(MERGED.get(g, g) == MERGED.get(p, p) for g, p in pairs) / n
    tp = Counter(g for g, p in pairs if g == p)
    return accuracy, merged, per_type(tp, Counter(golds), Counter(preds)), confusion(pairs)
