"""Implicit agents: the police behind "was arrested", the court behind "was sentenced", the
government behind "was deported".

A passive arrest or sentence that names no agent ("G. V. è stato arrestato in flagrante",
"Er wurde am Flughafen festgenommen", "был задержан в Москве") still reports a coercive act of
the authorities where it happened. The phrases, with the event and the agent's sector, are plain
data: ``dyads/lang/<xx>/implicit.tsv``. The agent's country is the place the sentence names,
else the dateline, else the document's home country (``recognize.place_country``); with no
country there is no event, since an arrest by unknown authorities says little.

The act's subject, when it is an actor mention ("a journalist was arrested"), is the recipient.
A sentence that names the agent ("by police", "dai carabinieri", "сотрудниками полиции") is left
to the coder, and so is a phrase that already triggered a kept event. Russian also reports arrests
with a subjectless plural verb ("на акции задержали 39 человек", "Навального задержали"); such rows
are marked ``active``, and the party before the verb is its patient unless it is authorities or a
state, which would be its subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang import read_tsv
from ..model import Entity, Mention
from ..ontology import PLOVER_TYPES, cameo_for, quad_class
from .coder import DyadResult
from .cues import CLAUSE_BREAKS, CueView, cue_view, one_clause
from .features import DyadView
from .triggers import Hit, Matcher, Pattern, Token, phrase_tokens, tokenize

# A rule's prior, not a model score, kept below the coder's typical confidence: on 80 hand-annotated
# real articles (en, ru, de, it), 5 of the 6 implicit-agent events matched the annotators' events.
CONFIDENCE = 0.6
SUBJECT_GAP = 2  # tokens: at most this many between the subject and the phrase
AFTER = 3  # tokens: an actor this close after the phrase is its agent or, in free word order, its subject
AGENT_SECTORS = frozenset({"COP", "MIL", "JUD", "GOV", "SPY", "REB"})
NEAR_NEGATION = 3


@dataclass(frozen=True)
class ImplicitAct:
    """One implicit-agent phrase found in a sentence, with the agent it implies."""

    hit: Hit  # the phrase; its pattern carries the event, mode and context
    sector: str  # the implied agent's sector: COP, JUD
    recipient: int | None  # index of the actor group it is done to, if one is named
    cues: CueView  # for its aux flags: "in 2009 she was arrested" is historical
    active: bool = False  # a subjectless plural verb ("задержали"), not a passive


@lru_cache(maxsize=16)
def implicit_phrases(lang: str) -> tuple[Matcher, dict[tuple[str, ...], str]]:
    """The language's ``implicit.tsv`` (phrase, event, mode, context, sector[, voice]) as a matcher and a sector table."""
    patterns = [Pattern(tokens, row[1], row[2] or None, tuple(c for c in row[3].split(";") if c)) for tokens, row in _rows(lang)]
    return Matcher(patterns), {tokens: row[4] for tokens, row in _rows(lang)}


@lru_cache(maxsize=16)
def _active_phrases(lang: str) -> frozenset[tuple[str, ...]]:
    """Phrases marked ``active`` in the sixth column: a verb in the third person plural with no subject
    (Russian "задержали", "приговорили": "they arrested"), whose patient may stand before or after it."""
    return frozenset(tokens for tokens, row in _rows(lang) if len(row) > 5 and row[5] == "active")


@lru_cache(maxsize=16)
def _rows(lang: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The file's usable rows, read once: (phrase tokens, row)."""
    return tuple((phrase_tokens(row[0]), tuple(row)) for row in read_tsv(lang, "implicit.tsv")
                 if len(row) >= 5 and row[0].lower() != "phrase" and row[1] in PLOVER_TYPES)


def may_have_acts(text: str, lang: str) -> bool:
    """A cheap test for a sentence with no actors: does any implicit-agent phrase occur in it?"""
    lowered = text.lower()
    if not any(word in lowered for word in _last_words(lang)):  # most sentences: a few substring tests, no tokenising
        return False
    matcher, _ = implicit_phrases(lang)
    return bool(matcher.find(tokenize(text)))


@lru_cache(maxsize=16)
def _last_words(lang: str) -> tuple[str, ...]:
    """The last word of each phrase ("arrested", "festgenommen", "задержан"): one must occur for a phrase to."""
    matcher, _ = implicit_phrases(lang)
    return tuple(sorted({p.tokens[-1].rstrip("*") for p in matcher.patterns}))


def find_acts(tokens: Sequence[Token], cues: Sequence[Hit], parties: Sequence[tuple[tuple[int, int], str | None]],
              lang: str, people: Sequence[bool] = ()) -> list[ImplicitAct]:
    """The agentless passive acts of a sentence. ``parties`` are the token span and sector of each actor
    group, ``people`` whether each is a person (who, before a subjectless plural verb, is its patient
    whatever their office: "экс-президента приговорили")."""
    matcher, sectors = implicit_phrases(lang)
    if not matcher.patterns:
        return []
    acts = []
    active = _active_phrases(lang)
    for hit in matcher.find(tokens):
        if _negated(hit, cues) or _agent_marked(hit, cues, tokens):
            continue
        after = next((n for n, ((first, _), _) in enumerate(parties) if 0 < first - hit.last <= AFTER
                      and one_clause(tokens[hit.last + 1 : first])), None)
        if after is not None and parties[after][1] in AGENT_SECTORS:
            continue  # "задержан сотрудниками полиции": the agent is named, so the coder reads the sentence
        subject = _subject(hit, parties, tokens)
        if (hit.pattern.tokens in active and subject is not None and not (people and people[subject])
                and (parties[subject][1] is None or parties[subject][1] in AGENT_SECTORS)):
            continue  # "Полицейские задержали", "США арестовали": a subject that can act, so the coder reads it
        acts.append(ImplicitAct(hit, sectors[hit.pattern.tokens], subject if subject is not None else after,
                                cue_view(cues, tokens, hit, None, None), hit.pattern.tokens in active))
    return acts


def _negated(hit: Hit, cues: Sequence[Hit]) -> bool:
    """A negation just before the phrase or inside it ("wurde nicht festgenommen")."""
    return any(c.label == "negation" and hit.first - NEAR_NEGATION <= c.last and c.first <= hit.last for c in cues)


def _agent_marked(hit: Hit, cues: Sequence[Hit], tokens: Sequence[Token]) -> bool:
    """An agent marker later in the clause: "by", "dai", "von", "par", "por"."""
    for k in range(hit.last + 1, len(tokens)):
        if tokens[k].text in CLAUSE_BREAKS:
            return False
        if any(c.label == "agent" and c.first == k for c in cues):
            return True
    return False


def _subject(hit: Hit, parties: Sequence[tuple[tuple[int, int], str | None]], tokens: Sequence[Token]) -> int | None:
    """The actor group right before the phrase: who was arrested ("a journalist was arrested")."""
    for n, ((first, last), _) in enumerate(parties):
        between = tokens[last + 1 : hit.first]
        if 0 <= first and last < hit.first and len(between) <= SUBJECT_GAP and one_clause(between):
            return n
    return None


def agent_mention(act: ImplicitAct, country: str, offset: int) -> Mention:
    """A zero-width actor mention at the phrase, standing for the authorities it implies."""
    phrase = act.hit.pattern.phrase
    entity = Entity(name=f"{country} {act.sector} (implicit)", country=country, sector=act.sector, code=f"{country}{act.sector}",
                    kind="group", source=f"implicit agent of '{phrase}'")
    return Mention(act.hit.start + offset, act.hit.start + offset, "", "actor", entity, rule="implicit")


def act_result(act: ImplicitAct, text: str) -> DyadResult:
    p = act.hit.pattern
    cameo = cameo_for(p.label, p.mode, p.context)
    return DyadResult(event=p.label, mode=p.mode, context=p.context, aux=act.cues.aux, cameo=cameo, quad_code=quad_class(cameo),
                      confidence=CONFIDENCE, trigger=(act.hit.start, act.hit.end), trigger_text=text[act.hit.start : act.hit.end],
                      features=(), rule=f"implicit agent: '{p.phrase}' names none")


def act_view(act: ImplicitAct, tokens: Sequence[Token], recipient: tuple[int, int] | None) -> DyadView:
    return DyadView(tuple(tokens), (), None, recipient, act.hit, (act.hit,), act.cues, ())
