"""Dedup merges repeated mentions of one event within a document and nothing else."""

from __future__ import annotations

import pytest

from dyads.dedup import merge_events
from dyads.model import Entity, Event, Mention


def side(*codes: str) -> tuple[Mention, ...]:
    return tuple(Mention(0, 1, code, entity=Entity(code, code=code)) for code in codes)


def event(eid: str, kind: str, actor: tuple[str, ...], recipient: tuple[str, ...], start: int, date: str | None = None, conf: float = 0.8) -> Event:
    return Event(eid, "d", kind, side(*actor), side(*recipient), start, start + 10, "s", date=date, confidence=conf)


CASES = [
    # (events, title_end, surviving ids)
    ([event("a", "AGREE", ("RUS",), ("KAZ",), 0), event("b", "AGREE", ("RUS",), ("KAZ",), 50)], 40, ["b"]),
    ([event("a", "AGREE", ("RUS",), ("KAZ",), 0), event("b", "AGREE", ("KAZ",), ("RUS",), 50)], 0, ["a", "b"]),
    ([event("a", "CONSULT", ("RUS",), ("KAZ",), 0), event("b", "CONSULT", ("KAZ", "RUS"), (), 50)], 0, ["a"]),
    ([event("a", "AGREE", ("RUS",), ("KAZ",), 0, "2026-11-19"), event("b", "AGREE", ("RUS",), ("KAZ",), 50, "2013")], 0, ["a", "b"]),
    ([event("a", "AGREE", ("RUS",), ("KAZ",), 0, "2026-11"), event("b", "AGREE", ("RUS",), ("KAZ",), 50, "2026-11-19", 0.9)], 0, ["b"]),
    ([event("a", "ACCUSE", ("RUS",), ("USA",), 0), event("b", "REJECT", ("RUS",), ("USA",), 50)], 0, ["a", "b"]),
]


@pytest.mark.parametrize(("events", "title_end", "expected"), CASES)
def test_merge_events(events: list[Event], title_end: int, expected: list[str]) -> None:
    assert [e.id for e in merge_events(tuple(events), title_end)] == expected


def test_merged_event_says_what_it_absorbed() -> None:
    (kept,) = merge_events((event("a", "AGREE", ("RUS",), ("KAZ",), 0), event("b", "AGREE", ("RUS",), ("KAZ",), 50)), 40)
    assert kept.explanation[-1] == "dedup: merged 1 repeated mention(s) at 0-10"
