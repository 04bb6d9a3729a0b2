"""A sentence's parties: its actor mentions grouped into the sides of candidate dyads.

Mentions of one entity side by side merge, coordinated parties ("A and B", "A, B and C")
become one compound side, a dateline's place and an envoy's posting ("Russia's envoy to the
OSCE") are no parties of their own, and people are told apart from the institutions they serve.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..kb.compose import NAMED_RULES
from ..lang import function_words
from ..model import Mention, Sentence
from .coref import same_reference
from .features import Party
from .triggers import tokenize

COORDINATORS = function_words("coordinator") | {",", "&"}
ARTICLES = function_words("article")
# "withdraw their troops", "retireront leurs troupes", "отвели свои войска": the actor's own forces
POSSESSIVES = function_words("possessive")
PREPOSITIONS = function_words("preposition")
LINKING_WORDS = ARTICLES | function_words("noun_determiner") | PREPOSITIONS | POSSESSIVES  # between coordinated parties
NAMED = NAMED_RULES | {"kb:coref-name"}  # a person the KB does not list, named in the story

@dataclass(frozen=True)
class Group:
    """One side of a candidate dyad: one or more actor mentions (a compound when several)."""

    mentions: tuple[Mention, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted({actor_code(m) for m in self.mentions}))

    @property
    def first(self) -> int:
        return self.mentions[0].start

    def party(self, offset: int) -> Party:
        entity = self.mentions[0].entity
        spans = tuple((m.start - offset, m.end - offset) for m in self.mentions)
        return Party(spans, entity.sector if entity else None, entity.kind if entity else None)


def actor_code(mention: Mention) -> str:
    e = mention.entity
    if e is None:
        return mention.text
    return e.code or e.country or e.org or e.wikidata_id or e.name


def sentence_mentions(mentions: Sequence[Mention], sentence: Sentence) -> list[Mention]:
    inside = [m for m in mentions if m.kind == "actor" and sentence.start <= m.start and m.end <= sentence.end]
    inside.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in inside:  # nested or overlapping mentions: keep the first, longest
        if kept and same_reference(kept[-1], m):  # "the two sides": both parties on one span
            kept.append(m)
            continue
        if kept and m.start >= kept[-1].end and _posted_to(kept[-1], m, sentence):  # part of the envoy's title
            envoy = kept[-1]
            kept[-1] = replace(envoy, end=m.end, text=sentence.text[envoy.start - sentence.start : m.end - sentence.start])
            continue
        if (kept and m.start < kept[-1].end) or _dateline(m, sentence):
            continue
        kept.append(m)
    return kept


# "Russia's envoy to the OSCE", "постпред России при ОБСЕ", "ambasciatore presso l'ONU": the
# organisation names the envoy's posting, not a party of its own.
_POSTING_RE = re.compile(r"\s*(?:to|at|при|presso|bei|auprès|ante|beim|в)\b(?:\s+(?:the|der|den|dem|de|des|la|l['’]|las|los|del))?\s*$",
                         re.IGNORECASE)


def _posted_to(left: Mention, right: Mention, sentence: Sentence) -> bool:
    if right.entity is None or right.entity.kind != "org" or left.entity is None:
        return False
    if left.entity.kind not in ("title", "person") and not (left.entity.country and left.entity.sector == "GOV"):
        return False
    if right.start - left.end > 20:
        return False
    gap = sentence.text[left.end - sentence.start : right.start - sentence.start]
    return _POSTING_RE.fullmatch(gap) is not None


_DASH_DATELINE_RE = re.compile(r"(?:/[^\s–—]{2,30})?\s+[–—-]\s")  # "Beirut – ", "Gaza/Jerusalem – "
DATELINE_HEAD_CHARS = 40
_DATELINE_HEAD_RE = re.compile(r"[^\W\d_][\w .'-]{1,30},\s*")
_DATELINE_RE = re.compile(r"\s*(?:,[^-–—:()]{1,25})?(?:\([^()]{1,40}\))?\s*[-–—:]")


def _dateline(mention: Mention, sentence: Sentence) -> bool:
    """ "QUITO (AFP) - ...", "MOSCOW, May 3 (Reuters) -", "Madrid – ...": the place a story was filed from is no actor."""
    text = sentence.text
    at = mention.start - sentence.start
    if not text or at > DATELINE_HEAD_CHARS or (at > 3 and not _DATELINE_HEAD_RE.fullmatch(text, 0, at)):
        return False  # the second part of "KABUL, Afghanistan, April 22 (AP) —" is part of the dateline too
    tail = _DATELINE_RE.match(text, mention.end - sentence.start)
    if at > 3:
        return _dated_tail(tail)
    if mention.text.isupper():
        return tail is not None
    # "Paris, 12. Februar 2026 (dpa) –", "Madrid – "
    return _dated_tail(tail) or _DASH_DATELINE_RE.match(text, mention.end - sentence.start) is not None


def _dated_tail(tail: re.Match[str] | None) -> bool:
    return tail is not None and any(ch.isdigit() or ch == "(" for ch in tail.group())


def group_mentions(mentions: Sequence[Mention], text: str, offset: int) -> list[Group]:
    """Adjacent mentions of one entity merge; "A and B" / "A, B and C" become one compound group."""
    groups: list[list[Mention]] = []
    for n, m in enumerate(mentions):
        if groups:
            words = _gap(text, groups[-1][-1], m, offset)
            # an unnamed person is no other mention of its code ("ein 39-Jähriger ... einen Passanten")
            same = ((actor_code(groups[-1][-1]) == actor_code(m) and len(words) <= 1
                     and not (is_individual(groups[-1][-1]) or is_individual(m) or two_people(groups[-1][-1], m)))
                    or same_reference(groups[-1][-1], m))
            coordinated = _coordinated(words)
            if same or coordinated or (words == [","] and _list_ends(mentions, n, text, offset)):
                groups[-1].append(m)
                continue
        groups.append([m])
    return [Group(tuple(g)) for g in groups]


def _gap(text: str, left: Mention, right: Mention, offset: int) -> list[str]:
    return [t.text for t in tokenize(text[left.end - offset : right.start - offset])] if right.start > left.end else []


def _list_ends(mentions: Sequence[Mention], n: int, text: str, offset: int) -> bool:
    """ "A, B, C and D": after a comma, the list goes on through commas to a coordinator."""
    for k in range(n, len(mentions)):
        if _list_continues(text, mentions[k], offset):
            return True
        if k + 1 >= len(mentions) or _gap(text, mentions[k], mentions[k + 1], offset) != [","]:
            return False
    return False


def _coordinated(words: list[str]) -> bool:
    """ "and", ", and", "e del", "und des", "et du": a coordinator plus at most two short function words."""
    if not words or not any(w in COORDINATORS and w != "," for w in words) or len(words) > 4:
        return False
    others = [w for w in words if w not in COORDINATORS]
    return len(others) <= 2 and all(w.lower() in LINKING_WORDS for w in others)  # "und rief die Regierung" is a new clause


def _list_continues(text: str, mention: Mention, offset: int) -> bool:
    after = [t.text for t in tokenize(text[mention.end - offset : mention.end - offset + 30])][:2]
    return bool(after) and after[0] in COORDINATORS and after[0] != ","


def is_individual(mention: Mention) -> bool:
    """Whether the mention is an unnamed person ("a man", "il 32enne"), not a named actor or institution."""
    return mention.entity is not None and mention.entity.kind == "individual"



def is_person(mention: Mention) -> bool:
    """A named or titled person, or an unnamed individual: never the authorities themselves."""
    return mention.entity is not None and mention.entity.kind in ("person", "title", "individual")


def named_only(group: Group) -> bool:
    """Named individuals ("opposition politician Davit Melikishvili", later "Melikishvili") are
    parties of their own, who may speak alone ("Melikishvili denied the charges"); what is done
    to them ("Jean Dupont a été arrêté") still needs its agent."""
    return all(m.rule in NAMED for m in group.mentions)


def named_people(group: Group) -> set[str]:
    """The names of a group made only of named people, or the empty set."""
    if not all(m.entity is not None and m.entity.kind == "person" for m in group.mentions):
        return set()
    return {m.entity.name for m in group.mentions if m.entity is not None}


def two_people(left: Mention, right: Mention) -> bool:
    return other_people(Group((left,)), Group((right,)))


def other_people(a: Group, r: Group) -> bool:
    people, others = named_people(a), named_people(r)
    return bool(people) and bool(others) and not people & others



def individuals_only(group: Group) -> bool:
    return all(is_individual(m) for m in group.mentions)


def civilian_individual(group: Group) -> bool:
    return individuals_only(group) and all(m.entity is not None and m.entity.sector == "CVL" for m in group.mentions)


def as_criminal(group: Group) -> Group:
    return Group(tuple(replace(m, entity=replace(m.entity, sector="CRM", code=f"{m.entity.country or ''}CRM")) if m.entity else m
                       for m in group.mentions))

