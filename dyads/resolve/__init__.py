"""Resolve: give each event its date, date precision and basis, its location, and tense flags.

An event takes the time expression of its own clause (else of its sentence) as a *stated*
date; without one it falls back to the document's publication date (*publication*) or, where
the document has none, to a date inferred from its text (*inferred*). Its location is the
nearest place mention in its sentence, else the dateline's place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..model import Event, Mention, Processed, TimeRef
from ..ontology import INTENT_OF, cameo_for, goldstein, quad_class
from .dates import act_is_future, calendar_time, clause_is_future
from .inference import DateInference, infer_publication_date
from .places import is_origin

if TYPE_CHECKING:
    from ..pipeline import Context

__all__ = ["process", "resolve_item", "DateInference", "infer_publication_date"]


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    kb = _kb(ctx)
    default = ctx.config.default_date
    return [resolve_item(item, kb=kb, default_date=default) for item in batch]


def _kb(ctx: Context) -> Any:
    try:
        return ctx.kb
    except Exception:  # noqa: BLE001 - without a KB, inference just lacks terms of office
        return None


def resolve_item(item: Processed, kb: Any = None, default_date: str | None = None) -> Processed:
    """Fill date, date precision/basis, location and tense flags of each event of ``item``."""
    if not item.events:
        return item
    doc = item.document
    fallback = _fallback(item, kb, default_date)
    times = [m for m in item.mentions if m.kind == "time" and m.time is not None]
    times = [c for c in map(calendar_time, times) if c is not None]  # calendar dates only: no durations, sets, PRESENT_REF
    places = [m for m in item.mentions if m.kind == "place" and m.place is not None]
    dateline = next((p for p in places if p.rule.endswith("dateline")), None)
    if dateline is not None and len(times) > 1:
        # The dateline's date says when the story was filed; a time in the sentence itself
        # ("on Thursday") says when the event happened, so it wins.
        head = _dateline_end(doc.text, dateline)
        body = [t for t in times if t.start >= head]
        times = body + [t for t in times if t.start < head and not _shares_sentence(t, body, item)]
    events = tuple(_resolve_event(e, doc.text, doc.lang or "en", times, places, dateline, fallback) for e in item.events)
    return item.with_(events=events)


_DATELINE_END = re.compile(r"\s[—–-]{1,2}\s|\)\s*[—–-]|\.\s|:\s")


def _dateline_end(text: str, dateline: Mention) -> int:
    match = _DATELINE_END.search(text, dateline.end, dateline.end + 100)
    return match.end() if match else dateline.end


def _shares_sentence(time: Mention, others: list[Mention], item: Processed) -> bool:
    sentence = next((s for s in item.sentences if s.start <= time.start < s.end), None)
    return sentence is not None and any(sentence.start <= o.start < sentence.end for o in others)


def _fallback(item: Processed, kb: Any, default_date: str | None) -> tuple[str, str, str] | None:
    """(value, precision, basis) to date events whose sentence states no time."""
    doc = item.document
    if doc.published:
        return doc.published[:10], "day", "publication"
    guess = infer_publication_date(doc, item.sentences, item.mentions, kb)
    if guess.value and guess.precision:
        return guess.value, guess.precision, "inferred"
    if default_date:
        return default_date[:10], "day", "publication"
    return None


def _resolve_event(
    event: Event,
    text: str,
    lang: str,
    times: list[Mention],
    places: list[Mention],
    dateline: Mention | None,
    fallback: tuple[str, str, str] | None,
) -> Event:
    anchor = event.trigger_start if event.trigger_start is not None else event.sentence_start
    time = _nearest(times, event, anchor, text)
    aux = list(event.aux)
    changes: dict[str, Any] = {}
    announced = _act_is_future(event, text, lang, anchor)
    future = announced or _future_tense(event, text, lang, anchor)
    if time is not None and time.time is not None and _dates_intended_act(event, time.time, future):
        time = None  # "agreed to hold exercises next year": the agreement is dated when made, not next year
    if time is not None and time.time is not None:
        changes.update(date=time.time.value, date_precision=time.time.precision, date_basis="stated")
        if time.time.aux:
            aux.append(time.time.aux)
    elif fallback is not None:
        changes.update(date=fallback[0], date_precision=fallback[1], date_basis=fallback[2])
    if future:
        aux.append("future")
    if announced:
        changes.update(_as_intent(event))
    if "future" in aux and "historical" in aux:
        aux.remove("historical")
    place = _nearest([p for p in places if not is_origin(text, p.start, lang)], event, anchor, text) or dateline
    if place is not None and place.place is not None:
        changes["event_loc"] = place.place
    changes["aux"] = tuple(dict.fromkeys(aux))
    return replace(event, **changes)


def _nearest(mentions: list[Mention], event: Event, anchor: int, text: str) -> Mention | None:
    """The mention in the event's sentence closest to its trigger, same clause first."""
    inside = [m for m in mentions if event.sentence_start <= m.start and m.end <= event.sentence_end]
    if not inside:
        return None
    return min(inside, key=lambda m: (_crosses_clause(text, anchor, m), abs(m.start - anchor)))


def _crosses_clause(text: str, anchor: int, m: Mention) -> bool:
    lo, hi = (anchor, m.start) if m.start > anchor else (m.end, anchor)
    return any(ch in ";:" for ch in text[lo:hi])


INTENT_TYPES = frozenset({"AGREE", "THREATEN"})


def _dates_intended_act(event: Event, time: TimeRef, future_clause: bool) -> bool:
    """Whether a future time in a done intent ("agreed to ... next year", "ha accettato l'invito a visitare
    ... nel marzo 2027") dates the intended act rather than the agreement or threat itself. An intent
    announced in the future tense ("will meet next month") is dated by its time."""
    return event.event in INTENT_TYPES and time.aux == "future" and not future_clause


# An act in the future tense ("will visit", "посетит", "sospenderà") is only announced: PLOVER codes the
# announcement by its intent. Announced deployments stay MOBILIZE, as the training data codes them.
_INTENT = {act: intent for intent, acts in INTENT_OF.items() for act in acts if act != "MOBILIZE"}


def _as_intent(event: Event) -> dict[str, Any]:
    intent = _INTENT.get(event.event)
    if intent is None:
        return {}
    cameo = cameo_for(intent, None, event.context)
    return {"event": intent, "mode": None, "cameo": cameo, "quad_code": quad_class(cameo), "event_scale": goldstein(cameo),
            "explanation": (*event.explanation, f"resolve: future tense, so the announced {event.event} is coded {intent}")}


def _act_is_future(event: Event, text: str, lang: str, anchor: int) -> bool:
    return event.trigger_start is not None and act_is_future(*_trigger_in_sentence(event, text, anchor), lang)


def _future_tense(event: Event, text: str, lang: str, anchor: int) -> bool:
    return clause_is_future(*_trigger_in_sentence(event, text, anchor), lang)


def _trigger_in_sentence(event: Event, text: str, anchor: int) -> tuple[str, int, int]:
    """The event's sentence and the trigger's [start, end) within it."""
    at = max(0, anchor - event.sentence_start)
    return text[event.sentence_start : event.sentence_end], at, at + len(event.trigger_text or "")

