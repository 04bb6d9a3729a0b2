"""Dyad features: the sentence with the actor and recipient masked (A / R), the trigger the dyad
most plausibly hangs on, its position, cue flags, sectors and language. Hashed to ints.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from ..lang import function_words
from .cues import CueView, Verdict, cue_view, evaluation_triggers
from .order import inverted, without_participles
from .triggers import Hit, Lexicon, Token, tokenize

DIM_BITS = 18
DIM = 1 << DIM_BITS
Span = tuple[int, int]  # character offsets into the text
TokSpan = tuple[int, int]  # first and last token index (inclusive)
PUNCT_SKIP = frozenset(",.;:!?()[]\"'«»“”„-–—")


@dataclass(frozen=True)
class Party:
    """One side of a dyad: its character spans and, when known, what it resolved to."""

    spans: tuple[Span, ...]
    sector: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class DyadView:
    tokens: tuple[Token, ...]
    masked: tuple[str, ...]
    actor: TokSpan | None
    recipient: TokSpan | None
    trigger: Hit | None
    triggers: tuple[Hit, ...]
    cues: CueView
    features: tuple[str, ...]
    actor_sector: str | None = None


def token_span(tokens: Sequence[Token], spans: Sequence[Span]) -> tuple[TokSpan | None, set[int]]:
    inside = {i for i, t in enumerate(tokens) for s, e in spans if t.start < e and s < t.end}
    if not inside:
        return None, inside
    return (min(inside), max(inside)), inside


def pick_trigger(triggers: Sequence[Hit], actor: TokSpan | None, recipient: TokSpan | None, blocked: set[int],
                 agents: Sequence[int] = (), refusals: Sequence[TokSpan] = (), brackets: Sequence[TokSpan] = ()) -> Hit | None:
    """The trigger the dyad most plausibly hangs on: after the actor, before or near the recipient."""
    best: tuple[float, Hit] | None = None
    inside = _bracketed(brackets, actor)
    for hit in triggers:
        if hit.first in blocked:
            continue
        if hit.last in blocked and hit.pattern.tokens[-1] in _PARTICLES:
            continue  # a separable verb's particle ("griff ... an") is no part of a party; "expelled ~ diplomats" may end on one
        cost = _trigger_cost(hit, actor, recipient, agents)
        if any(f <= hit.last and hit.first <= l for f, l in refusals):
            cost -= 8.0  # a refusal ("nicht interessiert", "refused") governs the clause it sits in
        if isinstance(hit, Verdict):
            if actor is None or not hit.speaker_side(actor):
                continue  # a verdict is its speaker's act alone: "..., illegal aliens, Benin police said" is nothing Benin did
            if not _acted_before_saying(hit, actor, triggers):
                cost -= 8.0  # the speaker's verdict governs what it judges: "sagte, die Blockade durch Belgrad sei rechtswidrig"
        if hit.label != "AID" and any(lo < hit.first and hit.last < hi for lo, hi in inside):
            # the object of the bracket's verb: "hat den Angriff ... verurteilt" condemns, it attacks nothing;
            # aid sent stays the act ("hatten Rettungsteams ... entsandt")
            cost += 2.0 * BRACKET_REACH
        if best is None or cost < best[0]:
            best = (cost, hit)
    return best[1] if best else None


ACT_HEADS = frozenset({"ASSAULT"})  # trigger types whose noun can head a party's mention: "Russian attack"
ATTACK_TARGET = function_words("attack_target") | function_words("against")
_TARGET_ARTICLES = function_words("article")


def _act_head(triggers: Sequence[Hit], actor: TokSpan | None, recipient: TokSpan | None, tokens: Sequence[Token]) -> Hit | None:
    """A violent act noun that heads the actor's mention, with the recipient after it: "Russian attack on Kyiv",
    "Israeli strikes on Gaza killed 20 people", "attacco russo contro Kiev". The words beside the noun are the
    party. A recipient right after the mention is no target unless a preposition makes it one: in "любой удар
    США или Израиля" Israel is another attacker."""
    if actor is None or recipient is None or recipient[0] <= actor[1]:
        return None
    if recipient[0] - actor[1] <= 2 and not attack_target(tokens, recipient[0], actor[1]):
        return None
    return next((h for h in triggers if h.label in ACT_HEADS and (actor[0] < h.first <= actor[1] <= h.last  # "Russian attack"
                                                                  or 0 < h.first == actor[0] and h.last < actor[1])), None)  # "attacco russo"


def attack_target(tokens: Sequence[Token], first: int, after: int) -> bool:
    """Whether the party at ``first`` follows a target preposition ("on", "auf", "по", "contro") that stands
    right after token ``after`` (the attack noun), across articles."""
    k = first - 1
    while k > after and tokens[k].text in _TARGET_ARTICLES:
        k -= 1
    return k in (after, after + 1) and tokens[k].text in ATTACK_TARGET


def _acted_before_saying(verdict: Verdict, actor: TokSpan, triggers: Sequence[Hit]) -> bool:
    """Whether the speaker did something else before the words: in "condemned what he called a brazen
    breach", "demanded the withdrawal ..., calling it illegal" the act is the condemnation or the demand."""
    return any(actor[1] < h.first and h.last < verdict.said and not isinstance(h, Verdict) for h in triggers)


_PARTICLES = function_words("verb_particle")
BRACKET_REACH = 16  # tokens from the auxiliary to the participle or infinitive that closes the bracket
_BRACKET_AUX = function_words("bracket_aux")
_BRACKET_END = frozenset(",.;:!?") | function_words("coordinator")


def verb_brackets(tokens: Sequence[Token], triggers: Sequence[Hit]) -> tuple[TokSpan, ...]:
    """German verb brackets that a trigger closes: the auxiliary or modal, and the trigger that ends its
    clause ("Die UN hat den Angriff auf das Krankenhaus scharf verurteilt"). A trigger inside is the
    object of the closing verb, not the act."""
    out: list[TokSpan] = []
    for k, t in enumerate(tokens):
        if t.text not in _BRACKET_AUX:
            continue
        clause_end = next((j for j in range(k + 1, min(len(tokens), k + BRACKET_REACH + 1)) if tokens[j].text in _BRACKET_END), None)
        if clause_end is None:
            continue
        last = next((h for h in reversed(triggers) if k < h.first and h.last == clause_end - 1), None)
        if last is not None and any(k < h.first and h.last < last.first for h in triggers):
            out.append((k, last.first))
    return tuple(out)


def _bracketed(brackets: Sequence[TokSpan], actor: TokSpan | None) -> list[TokSpan]:
    """The brackets whose clause the actor is the subject of: the auxiliary right after it ("Die UN hat"),
    or the actor right after the auxiliary ("Am Montag hat die UN ...")."""
    if actor is None:
        return []
    return [(max(k, actor[1]), end) for k, end in brackets if k - 3 <= actor[1] < end and actor[0] <= k + 3]


OBJECT_GAP = 2  # tokens between a verb and its object: "urged Tehran", "ha chiesto a Washington", "called on the ..."
_COORDINATORS = function_words("coordinator") | {","}
_OBJECT_MARKERS = function_words("preposition") | function_words("verb_particle") | function_words("article") | function_words("feature_article")


def _coordinated_verb(hit: Hit | None, triggers: Sequence[Hit], actor: TokSpan | None, recipient: TokSpan | None,
                      tokens: Sequence[Token]) -> Hit | None:
    """The second of two coordinated verbs when the recipient is its object: in "rejected the ultimatum
    and urged Tehran to ...", "ha condannato l'attacco e ha chiesto a Washington di ...", the act towards
    Tehran or Washington is the urging, not the rejection, however near the first verb is to the actor."""
    if hit is None or actor is None or recipient is None or not actor[1] < hit.first < recipient[0]:
        return None
    for later in triggers:
        if (hit.last < later.first and later.last < recipient[0] and recipient[0] - later.last <= OBJECT_GAP + 1
                and later.label != hit.label and any(t.text in _COORDINATORS for t in tokens[hit.last + 1 : later.first])
                and all(t.text in _OBJECT_MARKERS for t in tokens[later.last + 1 : recipient[0]])):
            return later  # only markers between: "and humanitarian workers from Iraq" is no verb and its object
    return None


def _trigger_cost(hit: Hit, actor: TokSpan | None, recipient: TokSpan | None, agents: Sequence[int] = ()) -> float:
    if actor is None:
        return float(hit.first)
    if hit.first > actor[1]:
        cost = float(hit.first - actor[1])
    elif any(hit.last < a < actor[0] for a in agents):  # passive: "signed by A" - the verb precedes its agent
        cost = 0.5 * (actor[0] - hit.last)
    else:
        cost = 2.0 * (actor[0] - hit.last) + 3.0
    if recipient is not None:
        lo, hi = sorted((actor[1], recipient[0]))
        if lo < hit.first < hi or lo < hit.last < hi:
            cost -= 2.0
        cost += 0.3 * min(abs(hit.first - recipient[0]), abs(hit.last - recipient[1]))
    return cost


def _position(hit: Hit, actor: TokSpan | None, recipient: TokSpan | None) -> str:
    a = "A<" if actor is not None and actor[1] < hit.first else ("A>" if actor is not None else "A?")
    if recipient is None:
        return a + "R-"
    return a + ("R>" if recipient[0] > hit.last else "R<")


def _mask(tokens: Sequence[Token], actor_idx: set[int], recipient_idx: set[int]) -> tuple[str, ...]:
    out = []
    for i, t in enumerate(tokens):
        out.append("A" if i in actor_idx else "R" if i in recipient_idx else t.text)
    return tuple(out)


def _window(masked: Sequence[str], span: TokSpan | None, tag: str) -> list[str]:
    """Up to three words on each side of a party. Articles are skipped: "a court sentenced" and
    "the court sentenced" are the same act, and the article alone had become a strong cue."""
    if span is None:
        return [f"{tag}:none"]
    before = [w for w in masked[max(0, span[0] - 6) : span[0]] if w and w not in _ARTICLES][-3:][::-1]
    after = [w for w in _shown(masked, span[1] + 1)[:6] if w not in _ARTICLES][:3]
    # sentence-final marks are left out: "ends 3 tokens after A" is a length artefact
    feats = [f"{tag}-{k}={w}" for k, w in enumerate(before, 1) if w not in _FINAL]
    feats += [f"{tag}+{k}={w}" for k, w in enumerate(after, 1) if w not in _FINAL]
    return feats


_FINAL = frozenset(".!?")
HIDDEN = ""  # a masked token that no context feature sees (``_hide_asides``)


def _shown(masked: Sequence[str], start: int) -> list[str]:
    return [w for w in masked[start:] if w != HIDDEN]


ASIDE_MAX = 10  # tokens inside the commas at most


def _hide_asides(masked: Sequence[str], actor: TokSpan | None, hit: Hit | None, triggers: Sequence[Hit],
                 speech: Hit | None, also: set[int] | None = None) -> tuple[str, ...]:
    """Asides between the actor and its verb, or between its speech verb and the reported clause, are
    hidden from the context features: "France's foreign minister, in remarks published on Monday,
    urged Iran" reads as "France's foreign minister urged Iran", and "the ministry said in a statement
    on Monday that Georgia had attacked" as "the ministry said that Georgia had attacked". ``also``: more
    tokens to hide (the owner after an attack noun, read where subjects stand)."""
    hidden = set(_comma_aside(masked, actor, hit, triggers)) | set(_speech_aside(masked, hit, triggers, speech)) | (also or set())
    return tuple(HIDDEN if k in hidden else w for k, w in enumerate(masked)) if hidden else tuple(masked)


def _comma_aside(masked: Sequence[str], actor: TokSpan | None, hit: Hit | None, triggers: Sequence[Hit]) -> range:
    """Set off by commas right after the actor, naming no party and holding no trigger; the verb
    follows within three words ("the Kremlin, however, has rejected")."""
    if actor is None or hit is None or hit.first <= actor[1] + 2 or tuple(masked[actor[1] + 1 : actor[1] + 2]) != (",",):
        return range(0)
    opening = actor[1] + 1
    closing = next((k for k in range(opening + 1, min(hit.first, opening + ASIDE_MAX + 2)) if masked[k] == ","), None)
    if closing is None or closing == opening + 1 or hit.first - closing > 3 or "," in masked[closing + 1 : hit.first]:
        return range(0)
    return _clear(masked, range(opening, closing + 1), triggers)


def _speech_aside(masked: Sequence[str], hit: Hit | None, triggers: Sequence[Hit], speech: Hit | None) -> range:
    """Between the actor's speech verb and the word that opens the reported clause ("said in a
    statement on Monday that"), when the act lies in that clause."""
    if speech is None or hit is None or hit.first <= speech.last:
        return range(0)
    opener = next((k for k in range(speech.last + 1, min(hit.first, speech.last + ASIDE_MAX + 2)) if masked[k] in _OPENERS), None)
    if opener is None or opener == speech.last + 1:
        return range(0)
    return _clear(masked, range(speech.last + 1, opener), triggers)


def _clear(masked: Sequence[str], inside: range, triggers: Sequence[Hit]) -> range:
    """``inside`` when it names no party and holds no trigger, else nothing."""
    if any(masked[k] in ("A", "R") for k in inside) or any(inside.start <= h.last and h.first < inside.stop for h in triggers):
        return range(0)
    return inside


def _between(masked: Sequence[str], actor: TokSpan | None, other: TokSpan | None) -> list[str]:
    if actor is None or other is None:
        return []
    lo, hi = (actor[1] + 1, other[0]) if actor[1] < other[0] else (other[1] + 1, actor[0])
    words = [w for w in masked[lo:hi] if w and w not in PUNCT_SKIP][:12]
    feats = [f"B={w}" for w in words]
    feats += [f"BB={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    feats.append(f"BLEN={min(len(words), 8) // 2}")
    return feats


def _actor_verb(masked: Sequence[str], actor: TokSpan | None, hit: Hit | None) -> list[str]:
    """The words right after the actor (its verb group: "will support", "has agreed to"), and
    those words crossed with the trigger's type, independent of the lexicon's coverage."""
    if actor is None:
        return ["AV=none"]
    words = [w for w in _shown(masked, actor[1] + 1)[:7] if w not in PUNCT_SKIP and w not in _ARTICLES and w not in ("A", "R")][:3]
    if not words:
        return ["AV=end"]
    feats = [f"AV={words[0]}", f"AVS={words[0][:5]}"]
    if len(words) > 1:
        feats += [f"AV2={words[0]}_{words[1]}", f"AVS2={words[0][:5]}_{words[1][:5]}"]
    if hit is not None:
        feats.append(f"AVT={words[0][:5]}|{hit.label}")
    return feats


def _trigger_context(masked: Sequence[str], hit: Hit | None, actor: TokSpan | None) -> list[str]:
    """The trigger's object and its left neighbour ("lifted the blockade", "will withdraw"),
    crossed with its type: the same verb codes differently by what it acts on."""
    if hit is None:
        return []
    after = [w for w in masked[hit.last + 1 : hit.last + 6] if w not in PUNCT_SKIP and w not in _ARTICLES][:2]
    feats = [f"TX={hit.label}|{w[:5]}" for w in after]
    if actor is not None and actor[1] < hit.first and any(w in _MODALS for w in masked[actor[1] + 1 : hit.first]):
        feats.append(f"TMOD={hit.label}")  # "A will/would/is ready to <trigger>": an intent, not yet the act
    if hit.first > 0 and masked[hit.first - 1] and masked[hit.first - 1] not in PUNCT_SKIP:
        feats.append(f"TL={hit.label}|{masked[hit.first - 1][:5]}")
    return feats


_MODALS = function_words("modal")
_OPENERS = function_words("clause_opener")
_ARTICLES = function_words("feature_article")


def _cue_features(view: CueView) -> list[str]:
    flags = {
        "NEG": view.negated, "REFUSE": view.refusal, "ASPK": view.actor_speaks, "RSPK": view.recipient_speaks,
        "AAGENT": view.actor_is_agent, "RAGENT": view.recipient_is_agent, "PASSIVE": view.passive,
        "MEET": view.meeting,
    }
    feats = [name for name, on in flags.items() if on]
    feats += [f"AUX={a}" for a in view.aux]
    feats += [f"CUE={c}" for c in view.names]
    return feats


def _trigger_features(hit: Hit | None, others: Sequence[Hit], actor: TokSpan | None, recipient: TokSpan | None, view: CueView) -> list[str]:
    if hit is None:
        feats = ["T=none"]
    else:
        ev = hit.label
        pos = _position(hit, actor, recipient)
        feats = [f"T={ev}", f"TP={ev}|{pos}", f"TPH={hit.pattern.phrase}", f"TM={ev}|{hit.pattern.mode}"]
        if view.negated:
            feats.append(f"TNEG={ev}")
        if view.passive:
            feats.append(f"TPASS={ev}|{pos}")
        feats += [f"TAUX={ev}|{a}" for a in view.aux]
    feats += [f"TO={h.label}" for h in others if h is not hit]
    return feats


def _party_features(actor: Party, recipient: Party | None) -> list[str]:
    feats = [f"AS={actor.sector}", f"AK={actor.kind}"] if actor.sector or actor.kind else []
    if recipient is not None and (recipient.sector or recipient.kind):
        feats += [f"RS={recipient.sector}", f"RK={recipient.kind}"]
    return feats


@dataclass(frozen=True)
class SentenceFacts:
    """What every dyad of one sentence shares: tokens, lexicon hits, and the word features."""

    tokens: tuple[Token, ...]
    triggers: tuple[Hit, ...]
    cues: tuple[Hit, ...]
    agents: tuple[int, ...]
    refusals: tuple[TokSpan, ...]
    words: tuple[tuple[int, str, str | None], ...]  # (token index, "W=w", "S=stem" or None) per content word
    brackets: tuple[TokSpan, ...] = ()  # (auxiliary, closing trigger) token indexes: ``verb_brackets``


def sentence_facts(text: str, lexicon: Lexicon, tokens: Sequence[Token] | None = None, triggers: Sequence[Hit] | None = None,
                   cues: Sequence[Hit] | None = None) -> SentenceFacts:
    toks = tuple(tokens if tokens is not None else tokenize(text))
    cue_hits = tuple(cues if cues is not None else lexicon.cues.find(toks))
    # Masked tokens ("A"/"R") are never lowercase words, so a dyad's words are these minus its parties.
    words = tuple((i, f"W={t.text}", f"S={t.text[:5]}" if len(t.text) > 5 else None)
                  for i, t in enumerate(toks) if t.text not in PUNCT_SKIP)
    found = without_participles(toks, tuple(triggers if triggers is not None else lexicon.triggers.find(toks)), lexicon.lang)
    found = evaluation_triggers(toks, found, cue_hits)
    return SentenceFacts(toks, found, cue_hits, tuple(c.last for c in cue_hits if c.label == "agent"),
                         tuple((c.first, c.last) for c in cue_hits if c.label == "refusal"), words, verb_brackets(toks, found))


def dyad_view(text: str, actor: Party, recipient: Party | None, lang: str, lexicon: Lexicon, tokens: Sequence[Token] | None = None,
              triggers: Sequence[Hit] | None = None, cues: Sequence[Hit] | None = None,
              facts: SentenceFacts | None = None) -> DyadView:
    """Analyse one dyad. Pass ``facts`` (or precomputed tokens/hits) when coding many dyads of one sentence."""
    if facts is None:
        facts = sentence_facts(text, lexicon, tokens, triggers, cues)
    toks, trig = facts.tokens, facts.triggers
    a_span, a_idx = token_span(toks, actor.spans)
    r_span, r_idx = token_span(toks, recipient.spans) if recipient is not None else (None, set())
    head = _act_head(trig, a_span, r_span, toks)
    owner: set[int] = set()
    if head is not None:  # the actor owns the attack, the head noun is its act: "Russian [attack] on Kyiv"
        a_idx = {i for i in a_idx if not head.first <= i <= head.last}
        if min(a_idx) > head.last:  # "attacco russo": read as "russo attacco", the owner where subjects stand
            owner, a_idx = a_idx, {head.first - 1}
        a_span = (min(a_idx), max(a_idx))
    blocked = a_idx | r_idx
    hit = pick_trigger(trig, a_span, r_span, blocked, facts.agents, facts.refusals, facts.brackets)
    hit = _coordinated_verb(hit, trig, a_span, r_span, toks) or hit
    view = cue_view(facts.cues, toks, hit, a_span, r_span, lang)
    masked = _hide_asides(_mask(toks, a_idx, r_idx), a_span, hit, trig, view.speech, owner)
    feats = ["BIAS", "ORD=" + _order(a_span, r_span)]
    # a trigger word inside a party names it ("Protesters attacked ...") and is no other act
    others = [h for h in trig if not any(h.first <= i <= h.last for i in blocked)]
    # the subject after a verb-second verb stands where the model knows subjects: before it
    placed = (hit.first - 1, hit.first - 1) if hit is not None and a_span is not None and inverted(text, toks, hit, a_span, r_span, lang) else a_span
    feats += _trigger_features(hit, others, placed, r_span, view)
    feats += _cue_features(view)
    feats += _window(masked, a_span, "A") + _window(masked, r_span, "R")
    feats += _between(masked, a_span, r_span if r_span is not None else (hit.first, hit.last) if hit else None)
    feats += _party_features(actor, recipient)
    feats += _actor_verb(masked, a_span, hit) + _trigger_context(masked, hit, a_span)
    lo, hi = _dyad_reach(a_span, r_span, hit, len(toks))
    words = [(w, stem) for i, w, stem in facts.words if i not in blocked and lo <= i <= hi and masked[i] != HIDDEN]
    feats += [w for w, _ in words] + [stem for _, stem in words if stem is not None]
    feats += [f"TA={h.label}|{_position(h, a_span, r_span)}" for h in others if h is not hit and lo <= h.first and h.last <= hi]
    return DyadView(toks, masked, a_span, r_span, hit, trig, view, tuple(feats), actor.sector)


WORD_REACH = 8  # tokens: the sentence's words count as far as this beyond the dyad and its trigger


def _dyad_reach(actor: TokSpan | None, recipient: TokSpan | None, hit: Hit | None, n: int) -> tuple[int, int]:
    """The token range whose words describe the dyad: a long sentence's other clauses are other acts."""
    ends = [x for span in (actor, recipient, (hit.first, hit.last) if hit else None) if span for x in span]
    return (max(0, min(ends) - WORD_REACH), max(ends) + WORD_REACH) if ends else (0, n)


def _order(actor: TokSpan | None, recipient: TokSpan | None) -> str:
    if recipient is None:
        return "A"
    if actor is None:
        return "R"
    return "AR" if actor[0] <= recipient[0] else "RA"


CROSSED = ("T=", "TP=", "B=", "W=")  # lexical features also crossed with the language


def feature_names(features: Sequence[str], lang: str) -> list[str]:
    """Every feature name once per id it contributes (``xx|`` prefix: crossed with the language)."""
    names = []
    for f in features:
        names.append(f)
        if f.startswith(CROSSED):
            names.append(f"{lang}|{f}")
    return names


def hash_features(features: Sequence[str], lang: str) -> list[int]:
    """The ids of ``features``, in ``feature_names`` order; each name is hashed once per process."""
    cache = _HASHED.setdefault(lang, {})
    get = cache.get
    return list(chain.from_iterable([get(f) or _hash_new(cache, f, lang) for f in features]))


HASH_CACHE_SIZE = 300_000  # names per language
_HASHED: dict[str, dict[str, tuple[int, ...]]] = {}


def _hash_new(cache: dict[str, tuple[int, ...]], feature: str, lang: str) -> tuple[int, ...]:
    if len(cache) >= HASH_CACHE_SIZE:  # an unbounded vocabulary (W=...) must not grow memory forever
        cache.clear()
    hashed = cache[feature] = _hash_one(feature, lang)
    return hashed


def _hash_one(feature: str, lang: str) -> tuple[int, ...]:
    own = zlib.crc32(feature.encode("utf-8")) & (DIM - 1)
    if feature.startswith(CROSSED):
        return own, zlib.crc32(f"{lang}|{feature}".encode()) & (DIM - 1)
    return (own,)
