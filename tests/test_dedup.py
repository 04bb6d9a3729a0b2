"""Dedup merges repeated mentions of one event within a document and nothing else."""

from __future__ import annotations

import pytest

from dyads.dedup import merge_events
from dyads.model import Entity, Event, Mention


def side(*codes: str) -> tuple[Mention, ...]:
    return tuple(Mention(0, 1, code, entity=Entity(code, code=code)) for code in codes)


def event(eid: str, kind: str, actor: tuple[str, ...], recipient: tuple[str, ...], start: int, date: str | None = None, conf: float = 0.8) -> Event:
    basis = "stated" if date else None
    return Event(eid, "d", kind, side(*actor), side(*recipient), start, start + 10, "s", date=date, date_basis=basis, confidence=conf)


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


def _person(name: str, code: str) -> Mention:
    return Mention(0, 1, name, entity=Entity(name, code=code, kind="person"))


def _coref(code: str) -> Mention:
    return Mention(0, 1, "the sides", entity=Entity(code, code=code), rule="coref:pair -> x")


def test_meetings_of_different_people_are_two_events() -> None:
    lavrov, fidan, erdogan = _person("Lavrov", "RUSGOV"), _person("Fidan", "TURGOV"), _person("Erdogan", "TURGOV")
    talks = Event("talks", "d", "CONSULT", (lavrov,), (fidan,), 0, 10, "s", confidence=0.6)
    sides = Event("sides", "d", "CONSULT", (_coref("RUSGOV"), _coref("TURGOV")), (), 20, 30, "s", confidence=0.9)
    reception = Event("reception", "d", "CONSULT", (erdogan,), (lavrov,), 40, 50, "s", confidence=0.9)
    # the sides' talks are Lavrov's with Fidan; the one named outright is kept
    assert [e.id for e in merge_events((talks, sides, reception))] == ["talks", "reception"]


def test_merged_event_says_what_it_absorbed() -> None:
    (kept,) = merge_events((event("a", "AGREE", ("RUS",), ("KAZ",), 20), event("b", "AGREE", ("RUS",), ("KAZ",), 50, conf=0.9)))
    assert kept.id == "b"
    assert kept.explanation[-1] == "dedup: merged 1 repeated mention(s) at 20-30"


def test_headline_event_is_dropped_when_the_body_codes_the_same_type() -> None:
    headline = event("h", "ASSAULT", ("REB",), (), 0)
    body = event("b", "ASSAULT", ("TJKREB",), ("TJKMIL",), 50)
    other = event("o", "ACCUSE", ("TJKGOV",), ("AFG",), 90)
    assert [e.id for e in merge_events((headline, body, other), 40)] == ["b", "o"]
    assert [e.id for e in merge_events((headline, other), 40)] == ["h", "o"]


def test_a_fallback_date_does_not_keep_repeats_apart() -> None:
    stated = Event("a", "d", "CONSULT", side("IGOCSTO"), (), 50, 60, "s", date="2026-11-19", date_basis="stated")
    fallback = Event("b", "d", "CONSULT", side("IGOCSTO"), (), 90, 99, "s", date="2026-11-20", date_basis="publication")
    assert len(merge_events((stated, fallback))) == 1


def test_an_event_recalled_as_history_is_not_todays_event() -> None:
    from dataclasses import replace

    today = event("a", "REJECT", ("IGONATO",), ("IGOCSTO",), 0)
    recalled = replace(event("b", "REJECT", ("IGONATO",), ("IGOCSTO",), 50, "2009"), aux=("historical",))
    assert [e.id for e in merge_events((today, recalled))] == ["a", "b"]
