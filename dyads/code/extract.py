"""End-to-end extraction: sentences + actor mentions -> candidate dyads -> roles -> events.

Per sentence: actor mentions are grouped (``groups``: same entity side by side, coordinated "A and B"
compounds), every ordered pair of groups (and each group alone) is scored by the coder,
role rules adjust the candidates (speakers, passive agents, meetings), and at most one
event is kept per trigger and one per pair of parties, besides a second act the actor's verb
is coordinated with ("condemned ... and called on ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from ..lang import function_words
from ..model import Document, Entity, Event, Mention, Processed, Sentence, stable_id
from ..ontology import INTENT_OF, NO_EVENT, goldstein
from ..resolve.places import is_origin
from . import coref
from .case import may_be_subject, oblique_subject, short_passive_patient
from .coder import Coder, DyadResult, anchored
from .coref import CHALLENGER_SECTORS
from .cues import CLAUSE_CLOSERS, JOINS, Verdict
from .features import (
    DyadView,
    SentenceFacts,
    attack_target,
    sentence_facts,
    token_span,
)
from .groups import (
    ARTICLES,
    COORDINATORS,
    LINKING_WORDS,
    POSSESSIVES,
    PREPOSITIONS,
    Group,
    as_criminal,
    civilian_individual,
    group_mentions,
    individuals_only,
    is_person,
    named_only,
    other_people,
    sentence_mentions,
)
from .implicit import CONFIDENCE as IMPLICIT_CONFIDENCE
from .implicit import act_result, act_view, agent_mention, find_acts, may_have_acts
from .order import (
    genitive_attribute,
    in_subordinate_clause,
    object_after_pronoun,
    object_after_verb,
)
from .triggers import Hit, Token

MAX_GROUPS = 8
CASE_LANGS = frozenset({"ru"})  # where a party's case tells whether it can be a verb's subject
WORD = re.compile(r"\w+(?:-\w+)*")
NO_TRIGGER_MIN = 0.9  # a dyad with no trigger in the sentence needs this much confidence
OFF_TRIGGER_MIN = 0.7  # the model overruling its own trigger needs this much confidence
AGREED_FACTOR = 0.7  # share of min_confidence needed when model and trigger agree on the type
CANONICAL_BONUS = 0.15  # actor before the trigger and recipient after it (active voice)
NEARER_SUBJECT_COST = 0.2  # a third party right before the trigger is likelier its subject than a farther actor
NEAR_SUBJECT_TOKENS = 3
RECIPIENT_BONUS = 0.25  # per trigger, a full dyad beats the actor alone unless clearly less likely
# "told reporters", "заявил журналистам", "ha detto ai giornalisti": the audience of a statement
AUDIENCE = function_words("audience")
SPEECH_BEFORE_AUDIENCE = function_words("speech_before_audience")
AGAINST = function_words("against")
OWN = function_words("own")
# What opens a reported clause after a speech verb, and prepositions that mark a noun phrase instead
CLAUSE_OPENERS = function_words("clause_opener") | {",", ":", "«", "\"", "“", "„", "—", "–"}
MATERIAL = frozenset({"AID", "RETREAT", "COOPERATE", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"})
INTENTS = frozenset({"AGREE", "THREATEN"})  # an announced act: the intent of whoever is to do it

@dataclass(frozen=True)
class Candidate:
    actor: Group
    recipient: Group | None
    view: DyadView
    result: DyadResult
    score: float
    notes: tuple[str, ...]
    dropped: str | None = None  # why a role rule or threshold set it aside (kept for explanations)


def candidates(coder: Coder, text: str, offset: int, groups: Sequence[Group], lang: str, explain: bool = True,
               facts: SentenceFacts | None = None) -> list[Candidate]:
    facts = facts or sentence_facts(text, coder.lexicon(lang))
    pairs = _pairs(groups[:MAX_GROUPS])
    parties = {id(g): g.party(offset) for g in groups[:MAX_GROUPS]}
    analysed = coder.analyse_many(text, [(parties[id(a)], parties[id(r)] if r else None) for a, r in pairs], lang, facts, explain)
    return [_roles(Candidate(a, r, view, result, result.confidence, ()), groups, facts.tokens, offset, text, lang)
            for (a, r), (view, result) in zip(pairs, analysed, strict=True)]


def _pairs(groups: Sequence[Group]) -> list[tuple[Group, Group | None]]:
    """Every ordered pair of groups and each group alone, self-dyads left out; an unnamed person and
    another party of its code ("a man stabbed a woman", "attacked passers-by") are two parties, and
    so are two named people ("Obama accused Trump": USAGOV and a candidate coded USA)."""
    out: list[tuple[Group, Group | None]] = []
    for a in groups:
        codes = a.codes
        for r in [None, *groups]:
            if r is a or (r is not None and covers(codes, r.codes) and not (individuals_only(a) or individuals_only(r) or other_people(a, r))):
                continue  # a self-dyad: Russia -> Russia, France -> the French government
            out.append((a, r))
    return out


def _drop(c: Candidate, reason: str) -> Candidate:
    return Candidate(c.actor, c.recipient, c.view, c.result, c.score, c.notes, reason)


def _swapped(c: Candidate, subject: Group, note: str) -> Candidate:
    """The pair with its roles exchanged, as grammar reads them (``subject`` is the recipient); the model's
    view and type are kept."""
    return Candidate(subject, c.actor, c.view, c.result, c.result.confidence + RECIPIENT_BONUS, (note,))


def _roles(c: Candidate, groups: Sequence[Group], tokens: Sequence[Token], offset: int, text: str, lang: str = "") -> Candidate:
    """Role rules: speakers, passive agents, compound meetings; a dropped candidate says why."""
    if c.result.event == NO_EVENT:
        return _drop(c, "classified NONE" + (f" ({c.result.rule})" if c.result.rule else ""))
    second = _second_act(c.view, c.result.event, tokens)
    if second is not None:  # the pair's type is that of a later trigger: anchor the event there
        c = replace(c, view=replace(c.view, trigger=second), result=anchored(c.result, second, text))
    res, view = c.result, c.view
    if view.actor is not None and _after_against(tokens, view.actor[0]):
        return _drop(c, "the actor follows 'against' ('contra', 'gegen'): it is the target")
    if view.actor is not None and _attack_target(tokens, view.triggers, view.actor[0]):
        return _drop(c, "the actor follows an attack and its preposition ('the attack on Kyiv killed five'): it is the target")
    if lang in CASE_LANGS and _oblique_actor(c, tokens):
        if c.recipient is not None and _subject_recipient(c, tokens):  # the model read the roles from the word order
            return _swapped(c, c.recipient, "roles by case: the recipient is the nominative subject, the actor its object")
        return _drop(c, "the actor is in an oblique case ('журналистку арестовало ФБР'): not the subject of the verb")
    if lang in CASE_LANGS and view.trigger is not None and view.actor is not None and short_passive_patient(
            WORD.findall(c.actor.mentions[0].text), tokens, view.actor[0], view.trigger):
        return _drop(c, "the party after a short passive ('задержан журналист') is acted on")
    if view.trigger is not None and view.actor is not None and in_subordinate_clause(text, tokens, view.trigger, view.actor, lang):
        return _drop(c, "the actor stands in the subordinate clause before the verb ('Während Lawrow redete, widersprach ...')")
    if view.actor is not None and genitive_attribute(text, tokens, view.actor, lang):
        return _drop(c, "the actor is a genitive attribute ('die Freilassung des Bürgermeisters'): not the subject of the verb")
    if view.trigger is not None and view.actor is not None and object_after_verb(tokens, view.trigger, view.actor, lang):
        if c.recipient is not None and view.recipient is not None and not object_after_verb(tokens, view.trigger, view.recipient, lang):
            return _swapped(c, c.recipient, "roles by 'a': the actor follows 'a' after the verb, so it is the object ('criticó a Rusia')")
        return _drop(c, "the actor follows 'a' after the verb ('criticó a Rusia'): it is the verb's object, not its subject")
    if view.trigger is not None and view.actor is not None and object_after_pronoun(text, tokens, view.trigger, view.actor, view.recipient, lang):
        return _drop(c, "a subject pronoun follows the verb ('kritisierte er die EU'): the party is its object")
    if view.cues.actor_is_source or view.cues.recipient_is_source:
        return _drop(c, "a party is the source of the report ('according to X'), not a party to the event")
    if _own_forces(c.actor, tokens, offset) or (c.recipient is not None and _own_forces(c.recipient, tokens, offset)):
        return _drop(c, "'their troops' are some party's own forces, not a party of their own")
    if c.recipient is not None and _audience(c.recipient, tokens, offset):
        return _drop(c, "reporters are the audience of a statement, not its recipient")
    if _audience(c.actor, tokens, offset):
        return _drop(c, "reporters told something are its audience, not an actor")
    if view.trigger is not None and _names_party(view.trigger.start, view.trigger.end, groups, c, offset):
        return _drop(c, "the trigger word names another party ('los huelguistas', 'protesters'): that party is the actor")
    if _victim_as_actor(c):
        return _drop(c, "civilians or refugees after a violent verb are its victims, not its actor")
    verdict = _verdict_fails(view)
    if verdict:
        return _drop(c, verdict)
    if _rejected_object(view, tokens):
        return _drop(c, "the trigger is what a rejection rejects ('refused a request by X'): no act of its own")
    if _alleged(view, c.result.event) or _in_allegation(view, c.result.event, tokens, groups, offset):
        return _drop(c, "the act is what the actor is accused of ('accused Kyiv of shelling'): the accusation is the event")
    if (individuals_only(c.actor) and not (named_only(c.actor) and c.result.event in SAID)
            and (c.recipient is None or (individuals_only(c.recipient) and c.result.event not in CRIMES))):
        return _drop(c, "unnamed people are coded as actors only towards a named party, or when one attacks, robs or threatens another")
    if _listed_people(c):
        return _drop(c, "two people of one country are a pair only when the actor comes before the act ('Obama accused Trump')")
    if c.result.event == "ASSAULT" and any(m.entity is not None and m.entity.sector == "JUD" for m in c.actor.mentions):
        return _drop(c, "courts and prosecutors do not assault: the violence is the crime they deal with")
    notes: list[str] = []
    score = res.confidence + (RECIPIENT_BONUS if c.recipient is not None else 0.0)
    if (view.cues.actor_speaks or view.cues.actor_attributes) and view.trigger is not None and view.actor is not None:
        subject_between = _group_between(groups, c.actor, tokens, view.actor[1], view.trigger.first, offset)
        # "Y will withdraw, X said": Y's intent; but "X said Y must withdraw" is X's demand
        material = res.event in MATERIAL or (res.event in INTENTS and view.trigger.label in MATERIAL)
        if material and (subject_between or _subject_before(groups, c, tokens, offset)):
            return _drop(c, "the actor only reports another actor's action")  # "X said Y attacked Z", "Y attacked Z, X said"
        if view.cues.actor_speaks:
            notes.append("actor is the speaker of a statement")
            score += 0.05
    if _recipient_reports(view, tokens):
        return _drop(c, "the recipient reports the act ('Y attacked the city, X said'): the speaker, not its target")
    if view.cues.patient_subject and not view.cues.actor_is_agent:
        return _drop(c, "the actor is the subject of a passive ('A was arrested'): it is acted on")
    if view.cues.recipient_is_agent and not view.cues.actor_is_agent:
        return _drop(c, "the recipient is a passive agent ('by R'), so it is an actor")
    if view.cues.actor_is_agent:
        notes.append("actor is the agent of a passive ('by' marker)")
        score += 0.05
    elif _canonical(view):
        notes.append("actor before the trigger, recipient after it")
        score += CANONICAL_BONUS  # breaks near-ties between the two directions of a pair in favour of the active reading
    if _nearer_subject(groups, c, tokens, offset):
        notes.append("another party stands right before the trigger, nearer than the actor")
        score -= NEARER_SUBJECT_COST
    if view.cues.meeting and res.event == "CONSULT" and len(c.actor.codes) > 1 and c.recipient is not None:
        return _drop(c, "a compound actor's meeting has no recipient")
    if res.event == "CONSULT" and len(c.actor.codes) > 1 and c.recipient is None:
        notes.append("meeting of a compound actor: no recipient")
        score += 0.1
    if (view.trigger is not None and res.rule is None and res.event != view.trigger.label and res.confidence < OFF_TRIGGER_MIN
            and view.trigger.label not in INTENT_OF.get(res.event, ())):  # an announced act may be recoded to its intent type
        return _drop(c, f"the model's type differs from the trigger's ({view.trigger.label}) at confidence below {OFF_TRIGGER_MIN}")
    if view.trigger is None and res.confidence < NO_TRIGGER_MIN:
        return _drop(c, f"no trigger and confidence below {NO_TRIGGER_MIN}")
    return Candidate(c.actor, c.recipient, view, res, score, tuple(notes))


COORDINATED_TRIGGER_GAP = 4  # "fired tear gas and used water cannon": two acts of one clause


def _oblique_actor(c: Candidate, tokens: Sequence[Token]) -> bool:
    """Whether the actor's case rules it out as the subject of the trigger's verb (``case``)."""
    view = c.view
    if view.trigger is None or view.actor is None or view.cues.actor_is_agent:
        return False
    return oblique_subject(WORD.findall(c.actor.mentions[0].text), tokens, view.actor[0], view.trigger)


def _subject_recipient(c: Candidate, tokens: Sequence[Token]) -> bool:
    """Whether the recipient may be the verb's subject: nominative, and not after a preposition ("в ФБР")."""
    recipient = c.view.recipient
    if c.recipient is None or recipient is None or (recipient[0] > 0 and tokens[recipient[0] - 1].text in PREPOSITIONS):
        return False
    return may_be_subject(WORD.findall(c.recipient.mentions[0].text))


def _second_act(view: DyadView, event: str, tokens: Sequence[Token]) -> Hit | None:
    """A later trigger of the event's type, when the chosen one has another type: coordinated with it
    ("fired tear gas and used water cannon") or standing between it and the recipient ("condemned the
    verdict and called on the Georgian authorities to ...")."""
    hit = view.trigger
    if hit is None or hit.label == event:
        return None
    for h in view.triggers:
        if h.label != event or h.first <= hit.last:
            continue
        coordinated = h.first - hit.last <= COORDINATED_TRIGGER_GAP and any(t.text in COORDINATORS for t in tokens[hit.last + 1 : h.first])
        before_recipient = view.actor is not None and view.recipient is not None and view.actor[1] < hit.first and h.last < view.recipient[0]
        if coordinated or before_recipient:
            return h
    return None


VICTIM_SECTORS = frozenset({"CVL", "REF", "LAB"})
VIOLENT = frozenset({"ASSAULT", "COERCE"})


def _verdict_fails(view: DyadView) -> str | None:
    """Why a verdict word ("hypocritical", "rechtswidrig") is no accusation between this pair, if it is not:
    it accuses only what its speaker says it of, the party in the clause it judges."""
    hit, cues = view.trigger, view.cues
    if not isinstance(hit, Verdict):
        return None
    if view.recipient is None or view.actor is None:
        return "a verdict word accuses the party it is said of: no recipient, no accusation"
    if cues.actor_attributes or (cues.speech is not None and cues.speech.first > hit.last):  # "..., Lavrov said"
        return None if view.recipient[1] < view.actor[0] else "the recipient stands after the speaker, outside the judged clause"
    if not (cues.actor_speaks or cues.actor_names):
        return "a verdict word is an accusation only by the party who says it ('X said Y's policy is hypocritical')"
    return None if view.recipient[0] > view.actor[1] else "the recipient stands before the speaker, outside the judged clause"


def _rejected_object(view: DyadView, tokens: Sequence[Token]) -> bool:
    """A trigger noun right after a rejection, across a determiner at most: "refused a request",
    "отклонил предложение", "ha respinto la proposta"."""
    hit = view.trigger
    if hit is None or hit.label == "REJECT":
        return False
    return any(h.label == "REJECT" and h.last < hit.first and hit.first - h.last <= 2
               and all(t.text.lower() in LINKING_WORDS for t in tokens[h.last + 1 : hit.first]) for h in view.triggers)


ALLEGATION_REACH = 10  # tokens from "accused" to the act it names


def _allegations(view: DyadView, hit: Hit, event: str) -> list[Hit]:
    """The accusations of a wrong done before the trigger ``hit`` ("accused", "обвинило"; not charges
    in court, which are followed by real acts), when the candidate's act is one an accusation may name."""
    if event in ("ACCUSE", "REJECT"):
        return []
    return [h for h in view.triggers
            if h.label == "ACCUSE" and h.pattern.mode == "allege" and "legal" not in h.pattern.context and h.first < hit.first]


def _alleged(view: DyadView, event: str) -> bool:
    """The actor is named right after an accusation and the trigger is what it is accused of: "accused
    Kyiv of terrorist attacks", "обвинило ОАЭ в поставках оружия", "warf Moskau vor, ... anzugreifen".
    The keys and PLOVER code the accusation only; the alleged act is no fact of the story."""
    hit, actor = view.trigger, view.actor
    if hit is None or actor is None:
        return False
    return any(h.first < actor[0] and actor[1] < hit.first and hit.first - h.first <= ALLEGATION_REACH for h in _allegations(view, hit, event))


def _in_allegation(view: DyadView, event: str, tokens: Sequence[Token], groups: Sequence[Group], offset: int) -> bool:
    """The trigger stands in what the actor accuses a party named after the accusation of, in the
    same clause: in "Poland expelled three diplomats, accusing Russian intelligence of recruiting
    people to burn warehouses storing aid for Ukraine" the aid is no act of Poland's. Without an
    accused party the actor is the accused ("il 40enne deve rispondere dell'accusa di violenza")."""
    hit, actor = view.trigger, view.actor
    if hit is None or actor is None:
        return False
    accusations = [h for h in _allegations(view, hit, event) if actor[1] < h.first and h.last < hit.first
                   and not any(t.text in ",;:" for t in tokens[h.last + 1 : hit.first])]
    if not accusations:
        return False
    parties = _party_tokens(tokens, groups, offset)  # only now: most candidates have no accusation before them
    return any(h.last < i < hit.first for h in accusations for i in parties)


def _recipient_reports(view: DyadView, tokens: Sequence[Token]) -> bool:
    """The recipient speaks the clause that holds the trigger, after a comma or a closing quote:
    "..., Ukraine's defence ministry said", "..., заявили в ВСУ", "..., teilte das Ministerium mit"."""
    if view.trigger is None or view.recipient is None or view.recipient[0] <= view.trigger.last:
        return False
    if view.cues.recipient_attributes:
        return True
    between = tokens[view.trigger.last + 1 : view.recipient[0]]
    return view.cues.recipient_speaks and any(t.text in CLAUSE_CLOSERS for t in between)


def _victim_as_actor(c: Candidate) -> bool:
    """ "Rsf shelled a camp for displaced people, killing twelve civilians", "задержаны 37 человек":
    civilians named after a violent verb are what it was done to."""
    mention = c.actor.mentions[0]
    view = c.view
    if c.result.event not in VIOLENT or mention.entity is None or mention.entity.sector not in VICTIM_SECTORS:
        return False
    if mention.rule == "kb:count":  # "zwei Menschen starben", "Mindestens 691 Personen verletzt": counted people are its casualties
        return True
    return view.actor is not None and any(h.label in VIOLENT and h.last < view.actor[0] for h in view.triggers)


def _audience(group: Group, tokens: Sequence[Token], offset: int) -> bool:
    """Whether the group is reporters addressed by a speech verb ("told reporters", "a dit aux journalistes")."""
    if not all((m.entity.name if m.entity else m.text).lower() in AUDIENCE for m in group.mentions):  # "Journalisten in Moskau"
        return False
    return any(w in SPEECH_BEFORE_AUDIENCE for w in _words_before(group, tokens, offset, 3))


def _own_forces(group: Group, tokens: Sequence[Token], offset: int) -> bool:
    """Whether the group is a bare group word after a possessive ("their troops", "ses soldats")."""
    if any(m.entity is None or m.entity.kind != "group" for m in group.mentions):
        return False
    before = _words_before(group, tokens, offset, 2)
    return bool(before) and (before[-1] in POSSESSIVES or (before[-1] in OWN and before[0] in POSSESSIVES))


def _words_before(group: Group, tokens: Sequence[Token], offset: int, n: int) -> list[str]:
    """The ``n`` words right before the group."""
    start = group.mentions[0].start - offset
    return [t.text for t in tokens if t.end <= start][-n:]


def _canonical(view: DyadView) -> bool:
    hit, actor, recipient = view.trigger, view.actor, view.recipient
    if hit is None or actor is None or recipient is None or view.cues.passive:
        return False
    return actor[1] < hit.first < recipient[0]  # a separable verb ("warf ... vor") may close after the recipient


def _after_against(tokens: Sequence[Token], first: int) -> bool:
    """ "protests against X", "marcharon contra el gobierno de X": X is the target of the action."""
    before = [t.text for t in tokens[max(0, first - 3) : first]]
    while before and before[-1] in ARTICLES:
        before.pop()
    return bool(before) and before[-1] in AGAINST


def _attack_target(tokens: Sequence[Token], triggers: Sequence[Hit], first: int) -> bool:
    """A party after a violent act noun and its preposition is the act's target: "the attack on Kyiv",
    "strikes on Kyiv", "удара по Харькову", "Angriff auf Kiew"."""
    return any(h.label in VIOLENT and h.last < first and attack_target(tokens, first, h.last) for h in triggers)


def _names_party(start: int, end: int, groups: Sequence[Group], c: Candidate, offset: int) -> bool:
    """Whether the trigger span lies inside a mention of a party other than the candidate's."""
    return any(m.start - offset <= start and end <= m.end - offset
               for g in groups if g is not c.actor and g is not c.recipient for m in g.mentions)


def _group_between(groups: Sequence[Group], actor: Group, tokens: Sequence[Token], after_token: int, before_token: int,
                   offset: int) -> bool:
    """Whether another actor group sits between the speaker and the trigger as the subject of a
    reported clause ("X said that Y attacked Z", "X said Y attacked Z") - not as the recipient of
    the speaker's own announced act ("X announced aid to Y", "X объявил о выделении Y помощи")."""
    if before_token <= after_token:
        return False
    lo, hi = tokens[after_token].end, tokens[before_token].start
    for g in groups:
        if g is actor or not lo <= g.first - offset < hi:
            continue
        gap = [t.text for t in tokens[after_token + 1 :] if t.end <= g.first - offset]
        if any(w in CLAUSE_OPENERS for w in gap) or (len(gap) <= 2 and not any(w in PREPOSITIONS for w in gap)):
            return True
    return False


def _nearer_subject(groups: Sequence[Group], c: Candidate, tokens: Sequence[Token], offset: int) -> bool:
    """Whether a third party ends right before the trigger, in a later clause than the actor: that
    party is the nearer subject ("... to hand him over to the US, but Putin refused": not the US).
    Without the comma it may belong to the actor's phrase ("Iran's ambassador to the IAEA accused")."""
    view = c.view
    if view.trigger is None or view.actor is None or view.actor[1] >= view.trigger.first:
        return False
    lo, hi = tokens[view.actor[1]].end, tokens[view.trigger.first].start
    near = tokens[max(view.actor[1] + 1, view.trigger.first - NEAR_SUBJECT_TOKENS)].start
    for g in groups:
        if set(c.actor.codes) & set(g.codes) or not (lo <= g.first - offset and near <= g.mentions[-1].end - offset <= hi):
            continue
        gap = [t.text for t in tokens[view.actor[1] + 1 : view.trigger.first] if t.end <= g.first - offset]
        if "," in gap and not AGAINST & set(gap):  # a new clause, and no target: "gegen die Regierung ... protestiert"
            return True
    return False


def _subject_before(groups: Sequence[Group], c: Candidate, tokens: Sequence[Token], offset: int) -> bool:
    """Whether a speaker named after the act ("Police fired tear gas ..., the ministry said") follows
    another party named before the trigger: that party did it."""
    view = c.view
    if view.trigger is None or view.actor is None or view.actor[0] <= view.trigger.last:
        return False
    start = tokens[view.trigger.first].start
    return any(g is not c.actor and g is not c.recipient and g.first - offset < start for g in groups)


def _better(c: Candidate, incumbent: Candidate) -> bool:
    """Higher score wins; but when the actor alone and the full dyad agree on the event, the
    full dyad wins (it says more)."""
    if c.actor is incumbent.actor and c.result.event == incumbent.result.event and (c.recipient is None) != (incumbent.recipient is None):
        return c.recipient is not None
    return c.score > incumbent.score


def choose(cands: Sequence[Candidate], tokens: Sequence[Token], min_confidence: float = 0.0) -> list[Candidate]:
    """At most one event per trigger (and one per dyad without a trigger): the best-scored."""
    best: dict[object, Candidate] = {}
    for c in cands:
        if c.dropped is not None or c.result.confidence < _floor(c, min_confidence):
            continue
        key: object = ("T", c.view.trigger.first) if c.view.trigger is not None else ("P", c.actor.codes, c.recipient.codes if c.recipient else ())
        if key not in best or _better(c, best[key]):
            best[key] = c
    chosen = sorted(best.values(), key=lambda c: -c.score)
    kept: list[Candidate] = []
    for c in chosen:  # one event per pair of parties in a sentence (either direction), unless a confident second act
        if not any(_same_pair(c, k) and not _second_act_of_pair(c, k) for k in kept):
            kept.append(c)
    return [c for c in kept if not any(_embedded_in(c, k, tokens) or _said_with_recipient(c, k) for k in kept)]


SECOND_ACT_CONFIDENCE = 0.85  # a pair's second event needs this much: most second readings of a pair restate its first


def _second_act_of_pair(c: Candidate, k: Candidate) -> bool:
    """``c`` is another act of ``k``'s pair, of another type, with its own trigger: "Estonia expelled
    a Russian diplomat and accused Moscow of interference" is SANCTION and ACCUSE."""
    return (c.result.event != k.result.event and c.view.trigger is not None and k.view.trigger is not None
            and c.result.confidence >= SECOND_ACT_CONFIDENCE)


def _said_with_recipient(c: Candidate, k: Candidate) -> bool:
    """``c`` is the actor alone with the type ``k`` codes towards a recipient in the same sentence:
    one act, said once with whom it concerns ("rejected the protest and accused Manila")."""
    return (c.recipient is None and k.recipient is not None and c.result.event == k.result.event
            and _same_side(c.actor.codes, k.actor.codes))


UNDONE = frozenset({"REQUEST", "REJECT"})  # what is asked for or turned down has not happened


def _embedded_in(c: Candidate, k: Candidate, tokens: Sequence[Token]) -> bool:
    """``c`` is a party alone whose act restates, is asked for or is turned down in ``k``'s act on it:
    "thanked Russia for its support", "urged Minsk to release them", "NATO rejects CSTO offer of joint
    work". Only ``k`` happened.
    An act of another type stays ("thanked Tashkent for the aid it sent" is also AID by Tashkent)."""
    hit, outer, actor = c.view.trigger, k.view.trigger, c.view.actor
    if c.recipient is not None or k.recipient is None or hit is None or outer is None or actor is None:
        return False
    return ((c.result.event == k.result.event or k.result.event in UNDONE) and covers(k.recipient.codes, c.actor.codes)
            and outer.last < actor[0] and actor[1] < hit.first
            and all(t.text in LINKING_WORDS for t in tokens[outer.last + 1 : actor[0]]))


def _floor(c: Candidate, min_confidence: float) -> float:
    """The confidence a candidate needs: lower when the model and the lexicon agree on its type."""
    hit = c.view.trigger
    return min_confidence * AGREED_FACTOR if hit is not None and c.result.event == hit.label else min_confidence


def _related(x: str, y: str) -> bool:
    """The same actor at two levels of detail: FRA and FRAGOV (not RUSGOV and RUSOPP, nor SDN and SDNREB)."""
    short, long = sorted((x, y), key=len)
    return long.startswith(short) and not (len(short) == 3 and long[3:6] in CHALLENGER_SECTORS)


def covers(big: Sequence[str], small: Sequence[str]) -> bool:
    return bool(small) and all(any(_related(s, b) for b in big) for s in small)


def _same_side(x: Sequence[str], y: Sequence[str]) -> bool:
    return (not x and not y) or (covers(x, y) and covers(y, x))


def _same_pair(c: Candidate, k: Candidate) -> bool:
    cr, kr = (c.recipient.codes if c.recipient else ()), (k.recipient.codes if k.recipient else ())
    straight = _same_side(c.actor.codes, k.actor.codes) and _same_side(cr, kr)
    crossed = _same_side(c.actor.codes, kr) and _same_side(cr, k.actor.codes)
    return straight or crossed


def to_event(c: Candidate, doc: Document, sentence: Sentence, lang: str) -> Event:
    res = c.result
    offset = sentence.start
    trig = (res.trigger[0] + offset, res.trigger[1] + offset) if res.trigger else (None, None)
    recipient = c.recipient.mentions if c.recipient else ()
    explanation = []
    if res.trigger_text:
        explanation.append(f"trigger '{res.trigger_text}' ({c.view.trigger.label if c.view.trigger else '?'})")
    else:
        explanation.append("no trigger phrase: model confidence alone")
    if res.rule:
        explanation.append(f"rule: {res.rule}")
    explanation += [f"role: {n}" for n in c.notes]
    explanation.append("features: " + ", ".join(res.features))
    return Event(
        id=event_id(doc.id, sentence.start, res.event, c.actor, c.recipient, trig[0]),
        doc_id=doc.id, event=res.event, actor=c.actor.mentions, recipient=recipient,
        sentence_start=sentence.start, sentence_end=sentence.end, text=sentence.text,
        trigger_start=trig[0], trigger_end=trig[1], trigger_text=res.trigger_text, mode=res.mode, context=res.context,
        aux=res.aux, cameo=res.cameo, quad_code=res.quad_code, event_scale=goldstein(res.cameo), language=lang,
        confidence=round(res.confidence, 4), explanation=tuple(explanation), title=doc.title, url=doc.url,
        source=doc.source, published=doc.published,
    )


def event_id(doc_id: str, sentence_start: int, event: str, actor: Group, recipient: Group | None, trigger_start: int | None) -> str:
    """The stable id of an event: the same dyad, type and trigger in the same sentence give the same id."""
    return stable_id(doc_id, sentence_start, event, actor.codes, recipient.codes if recipient else (), trigger_start)


def code_sentence(coder: Coder, doc: Document, sentence: Sentence, actors: Sequence[Mention], lang: str,
                  country: str | None = None, places: Sequence[Mention] = ()) -> list[tuple[Candidate, Event]]:
    """The events of one sentence, from its actor mentions (``coded_sentences``); ``country`` is
    where it happens, for implicit agents (``implicit``); ``places`` are its place mentions, for
    the targets of acts with no named recipient (``_place_recipient``)."""
    text = sentence.text or doc.text[sentence.start : sentence.end]
    _, kept = sentence_candidates(coder, text, sentence.start, actors, lang, country, explain=False, places=places)
    return [(c, to_event(c, doc, sentence, lang)) for c in (_explained(coder, c, lang) for c in kept)]


def sentence_candidates(coder: Coder, text: str, offset: int, actors: Sequence[Mention], lang: str, country: str | None = None,
                        explain: bool = True, places: Sequence[Mention] = ()) -> tuple[list[Candidate], list[Candidate]]:
    """Every candidate of a sentence, and those kept: the coded dyads, then the implicit agents."""
    if not actors and not (country and may_have_acts(text, lang)):
        return [], []
    groups = group_mentions(actors, text, offset) if actors else []
    facts = sentence_facts(text, coder.lexicon(lang))
    cands = candidates(coder, text, offset, groups, lang, explain, facts) if groups else []
    cands, kept = _revised(cands, choose(cands, facts.tokens, coder.config.min_confidence), lambda c: _place_recipient(c, places, text, offset, lang))
    taken = {c.view.trigger.first for c in kept if c.view.trigger is not None}
    further = [f for c in kept if (f := _further_act(coder, c, text, facts, groups, offset, lang)) is not None
               and f.view.trigger is not None and f.view.trigger.first not in taken]
    cands += further
    kept += [c for c in further if c.dropped is None]
    if country:
        implied, misread = _implicit(facts, groups, kept, text, offset, lang, country, coder.config.min_confidence)
        if misread:
            cands = [_drop(c, PATIENT_READ_AS_AGENT) if id(c) in misread else c for c in cands]
            kept = [c for c in kept if id(c) not in misread]
        cands += implied
        kept += [c for c in implied if c.dropped is None]
    return _revised(cands, kept, lambda c: _meeting_of_both(_criminal_roles(c)))


VERB_JOINS = JOINS | {","}  # ", пригрозив": a comma right before the second verb
VERB_LINKS = function_words("verb_link")  # "and HAS called", "e HA minacciato"
FURTHER_REACH = 12  # tokens from the coded verb to the second one at most
FURTHER_MIN = 0.5  # a pair's second act needs the model to agree with its trigger at this confidence


def _further_act(coder: Coder, c: Candidate, text: str, facts: SentenceFacts, groups: Sequence[Group], offset: int,
                 lang: str) -> Candidate | None:
    """A second act of the same actor in the same sentence, coordinated with the coded one: "condemned
    the arrests and called on Baku to free them" is ACCUSE and REQUEST. The later verb is coded as if
    it were the sentence's only trigger, and kept when the model agrees with its type."""
    hit, view = c.view.trigger, c.view
    if hit is None or view.actor is None or view.actor[1] > hit.first:
        return None
    second = _coordinated_after(hit, facts, groups, offset)
    if second is None:
        return None
    later = replace(facts, triggers=tuple(h for h in facts.triggers if h.first >= second.first))
    ((view2, result),) = coder.analyse_many(text, [(c.actor.party(offset), c.recipient.party(offset) if c.recipient else None)],
                                            lang, later, explain=False)
    if (view2.trigger != second or result.event in (NO_EVENT, c.result.event) or result.confidence < FURTHER_MIN
            or (result.event != second.label and second.label not in INTENT_OF.get(result.event, ()))):
        return None
    return _roles(Candidate(c.actor, c.recipient, view2, result, result.confidence, ()), groups, facts.tokens, offset, text, lang)


def _coordinated_after(hit: Hit, facts: SentenceFacts, groups: Sequence[Group], offset: int) -> Hit | None:
    """The first trigger of another type that a coordinator joins to ``hit`` as a second verb of its
    subject: right after "and" ("y pidió", ", пригрозив") or after an auxiliary ("e ha minacciato").
    A trigger noun after other words is part of a coordinated object ("обсудили ситуацию и
    энергетическое сотрудничество"), and one after a party has a subject of its own."""
    tokens, blocked = facts.tokens, _party_tokens(facts.tokens, groups, offset)
    for h in facts.triggers:
        if h.first <= hit.last or h.label == hit.label or h.first in blocked:
            continue
        if h.first - hit.last > FURTHER_REACH:
            return None
        joints = [k for k in range(hit.last + 1, h.first) if tokens[k].text in VERB_JOINS]
        if joints and all(t.text in VERB_LINKS for t in tokens[joints[-1] + 1 : h.first]) and (
                tokens[joints[-1]].text != "," or h.first == joints[-1] + 1):
            return h
    return None


def _party_tokens(tokens: Sequence[Token], groups: Sequence[Group], offset: int) -> set[int]:
    spans = [(m.start - offset, m.end - offset) for g in groups for m in g.mentions]
    return token_span(tokens, spans)[1]


def _revised(cands: list[Candidate], kept: Sequence[Candidate], revise: Callable[[Candidate], Candidate]
             ) -> tuple[list[Candidate], list[Candidate]]:
    """The kept candidates revised, in the full list too (explanations show what was coded)."""
    new = {id(c): revise(c) for c in kept}
    return [new.get(id(c), c) for c in cands], list(new.values())


CRIMES = frozenset({"ASSAULT", "COERCE", "THREATEN"})  # what an unnamed individual does as a criminal
AUTHORITIES = frozenset({"COP", "JUD"})
AUTHORITY_ACTS = frozenset({"COERCE", "ACCUSE"})  # arrests, sentences, charges


def _criminal_roles(c: Candidate) -> Candidate:
    """An unnamed individual who attacks, robs or threatens ("a man stabbed his wife") or whom the
    police or a court arrest, sentence or charge ("a 29-year-old was arrested") is a criminal (CRM),
    as POLECAT codes such people. Named groups keep their sector: protesters arrested stay civilians."""
    event, notes = c.result.event, c.notes
    actor, recipient = c.actor, c.recipient
    if event in CRIMES and civilian_individual(actor):
        actor, notes = as_criminal(actor), (*notes, f"actor: an individual who commits {event} is coded CRM")
    authority = {m.entity.sector for m in c.actor.mentions if m.entity is not None} & AUTHORITIES
    if recipient is not None and event in AUTHORITY_ACTS and authority and civilian_individual(recipient):
        recipient, notes = as_criminal(recipient), (*notes, f"recipient: an individual the {min(authority)} acts against is coded CRM")
    return c if notes == c.notes else replace(c, actor=actor, recipient=recipient, notes=notes)


def _meeting_of_both(c: Candidate) -> Candidate:
    """A meeting has one compound actor and no recipient: "Wang Yi held talks with Tokayev" is a meeting
    of China and Kazakhstan, as "Wang Yi and Tokayev held talks" is (the parties in text order)."""
    if c.result.event != "CONSULT" or c.recipient is None or any(m.rule == PLACE_TARGET_RULE for m in c.recipient.mentions):
        return c  # a visit's host country stays its recipient
    both = Group(tuple(sorted((*c.actor.mentions, *c.recipient.mentions), key=lambda m: m.start)))
    return replace(c, actor=both, recipient=None, notes=(*c.notes, "a meeting: its parties are one compound actor"))


SAID = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT"})  # what a named person does alone


def _listed_people(c: Candidate) -> bool:
    """A pair of same-country people (see ``_pairs``) whose actor does not precede the trigger, as in
    a list of names after it ("five ex-presidents were investigated: Fujimori, Toledo, ...")."""
    if c.recipient is None or not covers(c.actor.codes, c.recipient.codes) or not other_people(c.actor, c.recipient):
        return False
    view = c.view
    return view.trigger is None or view.actor is None or view.actor[0] > view.trigger.first


PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "AID", "MOBILIZE", "RETREAT"})
HOSTED = frozenset({"CONSULT", "AGREE"})  # a visit, or one announced: the host is the recipient of one state's party
_AT_PLACES = PLACE_TARGETED | HOSTED
PLACE_TARGET_RULE = "place:target"
PLACE_TARGET_CHARS = 80  # the place must follow the trigger this closely: "struck energy facilities in and around Kharkiv"


def _place_recipient(c: Candidate, places: Sequence[Mention], text: str, offset: int, lang: str) -> Candidate:
    """An act aimed at a place in another country, with no recipient named, is aimed at that country:
    "Russia struck energy facilities around Kharkiv" (UKR), "Germany delivered Patriot systems to
    Ukraine" (UKR), "withdrew its troops from Syria" (SYR). The place must follow the trigger closely
    and lie outside the actor's own country; the dateline place never counts, nor a place something
    comes from ("funds from the Central fund") unless the act is a withdrawal. A visit, or an act
    announced towards a place, of one state's party has the host as recipient ("Xi visited Kazakhstan")."""
    trigger = c.result.trigger
    if c.recipient is not None or trigger is None or c.result.event not in _AT_PLACES:
        return c
    if c.result.event in HOSTED and not _one_state_side(c.actor):
        return c
    own = {m.entity.country for m in c.actor.mentions if m.entity is not None}
    start, end = trigger[0] + offset, trigger[1] + offset  # a verb bracket may enclose it: "griff ... in Saratow an"
    target = next((p for p in places if p.place is not None and p.place.country and p.place.country not in own
                   and p.rule != "place:dateline" and start < p.start and p.start - end <= PLACE_TARGET_CHARS
                   and (c.result.event == "RETREAT" or not is_origin(text, p.start - offset, lang))), None)
    if target is None or target.place is None:
        return c
    country = target.place.country
    entity = Entity(target.place.name, country=country, code=country, kind="state", source=f"place:{target.place.name}")
    mention = replace(target, kind="actor", entity=entity, place=None, rule=PLACE_TARGET_RULE)
    note = f"recipient: the act is aimed at {target.text!r}, a place in {country}"
    return replace(c, recipient=Group((mention,)), notes=(*c.notes, note))


def _one_state_side(actor: Group) -> bool:
    """A visit's host is its recipient ("Xi visited Kazakhstan") only when one party of a state
    travels: an organisation's ministers meeting in Almaty, or a government and its rebels resuming
    talks in Doha, are hosted by no one."""
    codes = {m.entity.code if m.entity is not None and m.entity.country and m.entity.sector != "IGO" else None for m in actor.mentions}
    return len(codes) == 1 and None not in codes


PATIENT_READ_AS_AGENT = "the party before a subjectless plural verb is its patient ('Журналиста приговорили'): the authorities acted"


def _implicit(facts: SentenceFacts, groups: Sequence[Group], kept: Sequence[Candidate], text: str, offset: int, lang: str,
              country: str, min_confidence: float) -> tuple[list[Candidate], set[int]]:
    """Candidates for the agentless passive arrests and sentences of a sentence (``implicit``), and the
    ids of kept candidates that read the patient of a subjectless plural verb as its actor."""
    spans = [token_span(facts.tokens, [(m.start - offset, m.end - offset) for m in g.mentions])[0] or (-1, -1) for g in groups]
    sectors = [g.mentions[0].entity.sector if g.mentions[0].entity else None for g in groups]
    out: list[Candidate] = []
    misread: set[int] = set()
    people = [all(is_person(m) for m in g.mentions) for g in groups]
    for act in find_acts(facts.tokens, facts.cues, list(zip(spans, sectors, strict=True)), lang, people):
        recipient = groups[act.recipient] if act.recipient is not None else None
        view = act_view(act, facts.tokens, spans[act.recipient] if act.recipient is not None else None)
        c = Candidate(Group((agent_mention(act, country, offset),)), recipient, view, act_result(act, text), IMPLICIT_CONFIDENCE,
                      (f"implicit agent: the {act.sector} of {country}, where the sentence happens",))
        taken = [k for k in kept if k.view.trigger is not None and k.view.trigger.first <= act.hit.last and act.hit.first <= k.view.trigger.last]
        if act.active and recipient is not None:
            wrong = {id(k) for k in taken if k.actor is recipient}
            misread |= wrong
            taken = [k for k in taken if id(k) not in wrong]
        if taken:
            c = _drop(c, "the phrase already triggered a coded event")
        elif IMPLICIT_CONFIDENCE < min_confidence:
            c = _drop(c, f"an implicit agent's confidence ({IMPLICIT_CONFIDENCE}) is below the minimum")
        out.append(c)
    return out, misread


def _explained(coder: Coder, c: Candidate, lang: str) -> Candidate:
    """Top features are worked out only for the candidates that become events."""
    return replace(c, result=replace(c.result, features=coder.top_features(c.view, c.result.event, lang)))


def coded_sentences(item: Processed) -> Iterator[tuple[int, Sentence, list[Mention]]]:
    """(index, sentence, actor mentions) for each sentence outside removed boilerplate, with the
    mentions coreference adds: "He ...", "the two sides", "the alliance" (see ``coref``)."""
    return coref.coded_sentences(item, sentence_mentions)
