"""Cues around a trigger: negation, modality (future, hypothetical), history, speech, sources, voice.

The cue words come from ``cues.tsv``; this module only decides which cue hits bear on a
given trigger and dyad (distance windows in tokens, on the same clause side).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang import available_languages, function_words, quantity_forms, read_tsv
from .triggers import Hit, Pattern, Token

AUX_CUES = ("negation", "future", "hypothetical", "historical")
NEAR = 4  # tokens: how close a negation or modal cue must be to the trigger
AGENT_WINDOW = 8  # "par les ministres de la Défense de la Russie": the marker may sit a few words before
CLAUSE_BREAKS = frozenset({".", ";", ":", "!", "?"})


@dataclass(frozen=True)
class CueView:
    """The cue facts one dyad's features and role rules need."""

    negated: bool
    refusal: bool
    aux: tuple[str, ...]
    actor_speaks: bool  # "A said ..." - the actor is the speaker of the clause
    recipient_speaks: bool
    actor_is_agent: bool  # "... by A" - passive agent marker right before the actor
    recipient_is_agent: bool
    passive: bool
    meeting: bool
    names: tuple[str, ...]  # every cue type present in the sentence
    speech: Hit | None = None  # the actor's reporting verb ("said"), when the actor speaks
    patient_subject: bool = False  # "A was arrested": a passive auxiliary right before the trigger, A before it
    actor_is_source: bool = False  # "according to A, ...": A only reports the event
    recipient_is_source: bool = False
    obliged: bool = False  # "R must <trigger>", "dass R ... freilassen muss": what R is told to do
    actor_obliged: bool = False  # "A must <trigger>": not done
    actor_attributes: bool = False  # "..., said A", "..., a indiqué le service de presse du gouvernement": A said the clause before
    recipient_attributes: bool = False
    actor_names: bool = False  # "A called the plan a mistake": the actor is the subject of a naming verb


def _before(hit: Hit, index: int, window: int) -> bool:
    return 0 <= index - hit.last <= window


def _near_trigger(hit: Hit, trigger: Hit | None, window: int = NEAR) -> bool:
    if trigger is None:
        return False
    if _overlaps(hit, trigger):
        return True  # the cue overlaps the trigger ("not interested in")
    if hit.last < trigger.first:
        return trigger.first - hit.last <= window
    return hit.first > trigger.last and hit.first - trigger.last <= 2


def _within(cue: Hit, trigger: Hit | None) -> bool:
    """The cue is part of the trigger phrase, whose meaning already holds it: "did not recognise",
    "не поддержала", "non riconosce" are refusals, not negated acts."""
    return trigger is not None and trigger.first <= cue.first and cue.last <= trigger.last


# A demand or warning takes a clause, and a negation right after its verb belongs to that clause:
# "urged Comey not to announce", "попросил не проводить встречу", "invitato a non votare". Not in
# German, which negates a main-clause verb after it: "Berlin forderte keine Entschädigung".
COMPLEMENT_NEGATED = frozenset({"REQUEST", "THREATEN"})
NEGATION_AFTER_VERB = frozenset({"de"})


def _complement_negated(cue: Hit, trigger: Hit | None, lang: str | None) -> bool:
    return (trigger is not None and cue.first > trigger.last and trigger.label in COMPLEMENT_NEGATED
            and lang not in NEGATION_AFTER_VERB)


def _negated_refusal(refusal: Hit, cues: Sequence[Hit], tokens: Sequence[Token]) -> bool:
    """A negation right before a refusal undoes it: "did not reject", "hat ... nicht zurückgewiesen". A
    refusal that holds a negation word agrees with one before it: "никогда не признает" never recognises."""
    if any(t.text in _negators() for t in tokens[refusal.first : refusal.last + 1]):
        return False
    return any(c.label == "negation" and c.last < refusal.first and refusal.first - c.last <= 2 for c in cues)


@lru_cache(maxsize=1)
def _negators() -> frozenset[str]:
    """The one-word negations of every language's cues.tsv ("not", "не", "nicht", "ningún")."""
    return frozenset(row[0] for code in available_languages() for row in read_tsv(code, "cues.tsv")
                     if len(row) >= 2 and row[1] == "negation" and " " not in row[0] and "*" not in row[0])


DENIAL_MODE = "deny"  # the trigger mode of "denied the charges", "wies die Vorwürfe zurück"


def _the_denial(cue: Hit, trigger: Hit | None) -> bool:
    """A negation word that is the denial itself ("a démenti", "отрицает"), not a negation of it."""
    return trigger is not None and trigger.pattern.mode == DENIAL_MODE and _overlaps(cue, trigger)


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.first <= b.last and b.first <= a.last


def _in_trigger(hit: Hit, triggers: Sequence[Hit]) -> bool:
    return any(_overlaps(hit, h) for h in triggers)


def _speech_hit(cues: Sequence[Hit], span: tuple[int, int] | None, label: str = "speech") -> Hit | None:
    """The party's verb of saying (or, with ``label``, of naming) right after it: "Lavrov said"."""
    if span is None:
        return None
    return next((c for c in cues if c.label == label and 0 < c.first - span[1] <= 3), None)


def _speaks(cues: Sequence[Hit], span: tuple[int, int] | None) -> bool:
    return _speech_hit(cues, span) is not None


SPEAKER_REACH = 6  # tokens from a closing speech verb to its speaker: "a indiqué le service de presse du gouvernement"
CLAUSE_CLOSERS = frozenset({",", "»", '"', "”", "“", "'"})


def _attributes(cues: Sequence[Hit], span: tuple[int, int] | None, tokens: Sequence[Token]) -> bool:
    """The party names who said the clause before it: a speech verb after a comma or a closing quote,
    then the party ("..., said the ministry", "..., a indiqué le service de presse du gouvernement kirghiz")."""
    if span is None:
        return False
    return any(c.label == "speech" and c.first > 0 and tokens[c.first - 1].text in CLAUSE_CLOSERS and _speaker_at(c, span, tokens)
               for c in cues)


def _speaker_at(speech: Hit, span: tuple[int, int], tokens: Sequence[Token]) -> bool:
    """The party is the speech verb's speaker: right after it ("..., said the ministry") or inside its
    bracket ("..., teilte das Ministerium mit")."""
    if speech.first < span[0] < speech.last:
        return one_clause(tokens[speech.first + 1 : span[0]])
    return 0 < span[0] - speech.last <= SPEAKER_REACH and one_clause(tokens[speech.last + 1 : span[0]])


def _agent(cues: Sequence[Hit], span: tuple[int, int] | None, tokens: Sequence[Token]) -> bool:
    """An agent marker ("by", "dai", "von", "par", "por") shortly before the party, same clause."""
    if span is None:
        return False
    first = span[0]
    for c in cues:
        if c.label == "agent" and 0 < first - c.last <= AGENT_WINDOW and not _after_noun(c, tokens) and one_clause(tokens[c.last + 1 : first]):
            return True
    return False


def one_clause(between: Sequence[Token]) -> bool:
    """Whether no clause break or comma separates what ``between`` joins."""
    return not any(t.text in CLAUSE_BREAKS or t.text == "," for t in between)


# "a request by the IAEA", "der Angriff von Rebellen": "by" after a noun with its article marks the
# author of that noun, not the agent of a passive verb
NOUN_DETERMINERS = function_words("noun_determiner")


IRREGULAR_PARTICIPLES = function_words("irregular_participle")
ADJECTIVE_GAP_MARKERS = function_words("adjective_gap_marker")  # English "by": its noun may take one adjective


def _after_noun(marker: Hit, tokens: Sequence[Token]) -> bool:
    """The marker follows a noun with its article, or with its article and one adjective: "a request
    by the IAEA", "an unfriendly step by Warsaw" (not "the agreement signed by")."""
    if marker.last >= 2 and tokens[marker.last - 2].text.lower() in NOUN_DETERMINERS:
        return True
    if marker.last < 3 or tokens[marker.last].text not in ADJECTIVE_GAP_MARKERS or tokens[marker.last - 3].text.lower() not in NOUN_DETERMINERS:
        return False
    noun, adjective = tokens[marker.last - 1].text.lower(), tokens[marker.last - 2].text.lower()
    return (noun.isalpha() and adjective.isalpha() and not noun.endswith(("ed", "en", "wn"))
            and noun not in IRREGULAR_PARTICIPLES and adjective not in NOUN_DETERMINERS)


# "is shelling", "будет атаковать": an auxiliary that makes a progressive or a future, not a passive
NOT_PASSIVE_AUX = function_words("not_passive_aux")
# Prepositions of circumstance: an actor after one is no subject ("during Israeli strikes", "при обстреле")
CIRCUMSTANCE = function_words("circumstance")
SHORT_PASSIVES = function_words("short_passive")


def _patient_subject(cues: Sequence[Hit], tokens: Sequence[Token], trigger: Hit | None, actor: tuple[int, int] | None) -> bool:
    """Whether the actor is the subject of a passive trigger: "A was arrested", "A è stato arrestato"."""
    if trigger is None or actor is None or actor[1] >= trigger.first:
        return False
    if any(t.text.lower() in CIRCUMSTANCE for t in tokens[max(0, actor[0] - 2) : actor[0]]):
        return False  # "Bei israelischen Luftangriffen wurden zwölf Menschen getötet": the attack is no subject
    word = tokens[trigger.first].text
    if word.endswith(("ing", "ть", "ться")):
        return False
    if word in SHORT_PASSIVES:
        return True  # "бывший президент приговорён к 20 годам": Russian drops the auxiliary
    for c in cues:
        if c.label != "passive" or tokens[c.last].text in NOT_PASSIVE_AUX:
            continue
        if tokens[c.last].text in PARTICIPLE_AUX and not _participle(word):
            continue  # "US policy is divide and rule": a copula before a noun or base verb
        if c.first > actor[1] and (c.last == trigger.first - 1 or _verb_final(c, tokens, trigger)):
            return True  # "A was arrested", "A wurde am Abend festgenommen"
        if c.last < actor[0] and _verb_final(c, tokens, trigger):
            return True  # "In Kiew wurden mindestens vier Zivilisten getötet": the subject after the auxiliary
    return False


# English passive auxiliaries: a passive only before a past participle
PARTICIPLE_AUX = function_words("participle_aux")
NOUN_ENDINGS = ("ion", "ment", "ism", "ance", "ence", "ity")


def _participle(word: str) -> bool:
    """Whether an English word may be a past participle: "arrested", "shot", "done", not "divide" or "aggression"."""
    if word in IRREGULAR_PARTICIPLES:
        return True
    return not (word.endswith(NOUN_ENDINGS) or (word.endswith("e") and not word.endswith(("ne", "me"))))


# German past passive auxiliaries: the participle closes the clause ("wurden am Abend festgenommen")
VERB_FINAL_PASSIVE = function_words("verb_final_passive")
VERB_FINAL_SPAN = 10  # words between the auxiliary and the participle


def _verb_final(cue: Hit, tokens: Sequence[Token], trigger: Hit) -> bool:
    between = tokens[cue.last + 1 : trigger.first]
    return tokens[cue.last].text in VERB_FINAL_PASSIVE and len(between) <= VERB_FINAL_SPAN and not any(t.text in ",;:" for t in between)


SOURCE_REACH = 3  # tokens from the marker to the party: "according to the Russian ministry", "laut dem Kreml"
# Words after which a counted party still belongs to the source phrase: "nach Angaben von zwölf Zeugen"
SOURCE_LINKS = function_words("article") | function_words("preposition") | function_words("noun_determiner")


def _source(cues: Sequence[Hit], span: tuple[int, int] | None, tokens: Sequence[Token]) -> bool:
    """A source marker ("according to", "по словам", "laut", "selon") right before the party. A count
    after the source's own noun opens the next phrase: in "nach Angaben der Anwälte zwölf Menschen
    fest", the twelve people are the ones arrested."""
    if span is None:
        return False
    for c in cues:
        gap = tokens[c.last + 1 : span[0]]
        if c.label != "source" or not 0 < span[0] - c.last <= SOURCE_REACH or any(t.text == "," for t in gap):
            continue
        if gap and gap[-1].text not in SOURCE_LINKS and _counted(tokens[span[0]].text):
            continue
        return True
    return False


COUNT_WORDS = frozenset(form.split()[0].lower() for form in quantity_forms("count") | quantity_forms("about"))


def _counted(word: str) -> bool:
    return word[:1].isdigit() or word in COUNT_WORDS


OBLIGED_GAP = 2  # tokens from the party to "must" and from "must" to the trigger: "Minsk also must immediately release"
OBLIGED_REACH = 6  # tokens from "must" to a clause-final trigger: "müsse alle Gefangenen freilassen"


def _clause_final(hit: Hit, tokens: Sequence[Token]) -> bool:
    return hit.last + 1 >= len(tokens) or tokens[hit.last + 1].text in CLAUSE_BREAKS or tokens[hit.last + 1].text == ","


def _obliged(cues: Sequence[Hit], tokens: Sequence[Token], trigger: Hit | None, party: tuple[int, int] | None) -> bool:
    """The party is the subject of an obligation on the trigger: "Minsk must release", "Минск
    должен освободить", "dass Minsk die Gefangenen freilassen muss"."""
    if trigger is None or party is None or party[1] >= trigger.first:
        return False
    reach = OBLIGED_REACH if _clause_final(trigger, tokens) else OBLIGED_GAP  # "müsse alle Gefangenen freilassen."
    for c in cues:
        if c.label != "obligation":
            continue
        if 0 < c.first - party[1] <= OBLIGED_GAP and 0 < trigger.first - c.last <= reach and one_clause(tokens[c.last + 1 : trigger.first]):
            return True
        if c.first == trigger.last + 1 and trigger.first - party[1] <= 2 * AGENT_WINDOW:
            return True  # German verb-final: the modal closes the clause
    return False


# "and", "e", "und", "и": a second verb may follow ("as well as", "sowie" join parties only)
JOINS = function_words("coordinator") - {"as", "well", "sowie"}


def _joined_after(cue: Hit, trigger: Hit, tokens: Sequence[Token]) -> bool:
    """A coordinator between the cue and a trigger after it: the trigger is a second verb."""
    return cue.last < trigger.first and any(t.text in JOINS for t in tokens[cue.last + 1 : trigger.first])


def cue_view(
    cues: Sequence[Hit],
    tokens: Sequence[Token],
    trigger: Hit | None,
    actor: tuple[int, int] | None,
    recipient: tuple[int, int] | None,
    lang: str | None = None,
) -> CueView:
    names = tuple(sorted({c.label for c in cues}))
    negated = any(c.label == "negation" and _near_trigger(c, trigger) and not _complement_negated(c, trigger, lang) and not _within(c, trigger)
                  and not _the_denial(c, trigger) for c in cues) or (
        trigger is None and actor is not None and any(c.label == "negation" and 0 < c.first - actor[1] <= 3 for c in cues)
    )
    # A refusal belongs to the actor before it: "NATO refused to cooperate with the CSTO"; it does not
    # govern a verb coordinated after it ("rejected the ultimatum and urged Tehran to ...").
    refusal = actor is not None and any(
        c.label == "refusal" and c.first > actor[1] and (trigger is None or (_near_trigger(c, trigger, 6) and not _joined_after(c, trigger, tokens)))
        and not _negated_refusal(c, cues, tokens) for c in cues
    )
    aux = []
    if negated and not refusal:
        aux.append("negation")
    for name in ("future", "hypothetical"):
        if any(c.label == name and (_near_trigger(c, trigger, 6) or trigger is None) for c in cues):
            aux.append(name)
    if "historical" in names:
        aux.append("historical")
    passive = any(c.label == "passive" and _near_trigger(c, trigger, 3) for c in cues)
    meeting = "meeting" in names or (trigger is not None and trigger.label == "CONSULT")
    return CueView(
        negated=negated and not refusal,
        refusal=refusal,
        aux=tuple(aux),
        actor_speaks=_speaks(cues, actor),
        recipient_speaks=_speaks(cues, recipient),
        actor_is_agent=_agent(cues, actor, tokens),
        recipient_is_agent=_agent(cues, recipient, tokens),
        passive=passive,
        meeting=meeting,
        names=names,
        speech=_speech_hit(cues, actor),
        patient_subject=_patient_subject(cues, tokens, trigger, actor),
        actor_is_source=_source(cues, actor, tokens),
        recipient_is_source=_source(cues, recipient, tokens),
        obliged=_obliged(cues, tokens, trigger, recipient),
        actor_obliged=_obliged(cues, tokens, trigger, actor),
        actor_attributes=_attributes(cues, actor, tokens),
        recipient_attributes=_attributes(cues, recipient, tokens),
        actor_names=_speech_hit(cues, actor, "naming") is not None,  # "Zakharova called ...", "Berlin bezeichnete ..."
    )


# --- evaluations: a speaker's verdict on a party is an accusation ------------------------------
VERDICT_MODE = "disapprove"  # PLOVER's mode of criticism (CAMEO 111): what a verdict said of a party is
VERDICT_LINKS = frozenset({"speech", "naming"})


@dataclass(frozen=True)
class Verdict(Hit):
    """An ACCUSE trigger made from a verdict word; ``said`` is the token of its speech or naming verb."""

    said: int = -1

    def speaker_side(self, actor: tuple[int, int]) -> bool:
        """Whether the party stands where the verdict's speaker does, outside the judged clause."""
        return actor[1] < self.said < self.first if self.said < self.first else self.last < self.said and self.last < actor[0]


def evaluation_triggers(tokens: Sequence[Token], triggers: Sequence[Hit], cues: Sequence[Hit]) -> tuple[Hit, ...]:
    """ACCUSE triggers on verdict words ("hypocritical", "лицемерным", "rechtswidrig") that someone says
    or names a thing by: after a speech or naming verb in the same sentence ("Lavrov said Washington's
    policy was a dangerous mistake", "Захарова назвала заявление лицемерным"), or before a closing
    attribution ("..., das ist alles rechtswidrig, sagte X"). In the narrator's own voice a verdict word
    is description, not an act. A lexicon trigger over the word wins."""
    out = []
    for c in cues:
        if c.label != "verdict" or _in_trigger(c, triggers):
            continue
        said = _said_before(c, cues, tokens, triggers)
        if said is None:
            said = next((s.first for s in cues if s.label == "speech" and s.first > c.last and _closed(c, s, tokens)), None)
        if said is not None:
            out.append(Verdict(c.first, c.last, c.start, c.end, Pattern(c.pattern.tokens, "ACCUSE", VERDICT_MODE), said))
    return tuple(sorted((*triggers, *out), key=lambda h: h.first)) if out else tuple(triggers)


def _said_before(verdict: Hit, cues: Sequence[Hit], tokens: Sequence[Token], triggers: Sequence[Hit]) -> int | None:
    """The token of a speech verb earlier in the sentence, or of a naming verb earlier in the clause, that is
    no part of a trigger ("called on Obama to ..." is a request, not a naming)."""
    for s in reversed(cues):
        if s.label not in VERDICT_LINKS or s.last >= verdict.first or _in_trigger(s, triggers):
            continue
        between = tokens[s.last + 1 : verdict.first]
        if not any(t.text in CLAUSE_BREAKS for t in between) and (s.label == "speech" or one_clause(between)):
            return s.first
    return None


def _closed(verdict: Hit, speech: Hit, tokens: Sequence[Token]) -> bool:
    """A comma or closing quote ends the judged clause before the speech verb: "..., Lavrov said"."""
    between = tokens[verdict.last + 1 : speech.first]
    return any(t.text in CLAUSE_CLOSERS for t in between) and not any(t.text in CLAUSE_BREAKS for t in between)

