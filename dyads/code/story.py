"""The story's roles: what a sentence leaves unnamed, taken from the rest of the document.

``code_item`` codes a document sentence by sentence (``extract``), then two passes over its
events: a denial with no recipient answers the nearest earlier accusation of its actor, and an
addressed act with no recipient goes to the story's other side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..model import Event, Mention, Processed, stable_id
from ..recognize import place_country
from .coder import Coder
from .coref import OTHER_SIDE_RULE
from .extract import (
    AUTHORITIES,
    Candidate,
    code_sentence,
    coded_sentences,
    covers,
    event_id,
)
from .groups import Group, actor_code, is_individual


def code_item(coder: Coder, item: Processed) -> Processed:
    lang = item.document.lang or "en"
    where = place_country(item)
    places = [m for m in item.mentions if m.kind == "place"]
    coded: list[tuple[Candidate, Event]] = []
    for _, sentence, actors in coded_sentences(item):
        local = [p for p in places if sentence.start <= p.start < sentence.end]
        coded += code_sentence(coder, item.document, sentence, actors, lang, where(sentence), local)
    return item.with_(events=tuple(address_other_side(answer_accusations(coded))))


DENIAL_LOOKBACK = 3  # sentences back in which a denial's accusation is sought


def answer_accusations(coded: Sequence[tuple[Candidate, Event]]) -> list[Event]:
    """A denial or rejection with no recipient answers the nearest earlier accusation of its actor: after
    "Kinshasa accused the M23 of breaking the truce", "The rebels denied the charge" is REJECT toward Kinshasa,
    and after a court's sentence, the defendant's denial is toward the court."""
    events: list[Event] = []
    for c, event in coded:
        if event.event == "REJECT" and not event.recipient:
            accusation = _accusation_of(c.actor.codes, event, events)
            if accusation is not None:
                event = replace(event, recipient=accusation.actor,
                                id=event_id(event.doc_id, event.sentence_start, event.event, c.actor, Group(accusation.actor),
                                             event.trigger_start),
                                explanation=(*event.explanation, f"role: answers the accusation in «{accusation.text[:60]}»"))
        events.append(event)
    return events


# Acts addressed to someone, whose unnamed addressee in a story between two sides is the other side:
# "He demanded a full ceasefire", "the ministry rejected the charges". Meetings, signings and intents
# take compound actors or none; arrests, aid and protests, and what police and courts do, are mostly
# aimed at people of the actor's own country.
ADDRESSED = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN", "SANCTION", "CONCEDE", "RETREAT", "ASSAULT"})


def address_other_side(events: Sequence[Event]) -> list[Event]:
    """An event of an ``ADDRESSED`` type that names no recipient is addressed to the story's other side:
    the one side, other than the actor's, that the document's events name more often than any other.
    The recipient is that side's nearest mention in another event."""
    sides = Counter(side for e in events for side in {_side(m) for m in (*e.actor, *e.recipient)} if side)
    out = []
    for event in events:
        if (event.recipient or event.event not in ADDRESSED
                or any(is_individual(m) or (m.entity is not None and m.entity.sector in AUTHORITIES) for m in event.actor)):
            out.append(event)
            continue
        own = {_side(m) for m in event.actor}
        others = [(side, n) for side, n in sides.most_common() if side not in own]
        if not others or (len(others) > 1 and others[0][1] == others[1][1]):
            out.append(event)
            continue
        mentions = tuple(replace(m, rule=f"{OTHER_SIDE_RULE} -> {m.text}") for m in _nearest_side(others[0][0], event, events))
        why = f"role: no recipient named; addressed to the story's other side, «{' '.join(m.text for m in mentions)}»"
        out.append(replace(event, recipient=mentions, id=stable_id(event.id, "recipient", *(actor_code(m) for m in mentions)),
                           explanation=(*event.explanation, why)))
    return out


def _side(mention: Mention) -> str | None:
    """A party's side: its country or organisation ("UKR" for UKRGOV and UKRMIL)."""
    e = mention.entity
    return None if e is None or is_individual(mention) else (e.org or e.country)


def _nearest_side(side: str, event: Event, events: Sequence[Event]) -> tuple[Mention, ...]:
    groups = [(abs(e.sentence_start - event.sentence_start), tuple(m for m in g if _side(m) == side))
              for e in events if e is not event for g in (e.actor, e.recipient)]
    return min((g for g in groups if g[1]), key=lambda g: g[0])[1]


def _accusation_of(codes: Sequence[str], denial: Event, earlier: Sequence[Event]) -> Event | None:
    sentences = sorted({e.sentence_start for e in earlier if e.sentence_start < denial.sentence_start})[-DENIAL_LOOKBACK:]
    for e in reversed(earlier):
        if e.sentence_start not in sentences:
            continue
        accused = [actor_code(m) for m in e.recipient]
        if _accuses(e) and accused and covers(accused, codes):
            return e
    return None


def _accuses(event: Event) -> bool:
    """An accusation, or a court's sentence or charge: "denied the charges throughout the trial" answers the court."""
    return event.event == "ACCUSE" or (event.event == "COERCE" and any(m.entity is not None and m.entity.sector == "JUD"
                                                                       for m in event.actor))
