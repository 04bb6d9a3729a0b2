"""Word order: who is a verb's subject when the party after it is not.

A German main clause puts its finite verb second. When the first place holds an adverbial ("Am
Freitag", "Daraufhin") or a subordinate clause ("Noch während Lawrow redete,"), the subject follows
the verb: "Am Freitag forderte die EU den Iran zur Zusammenarbeit auf". The model learned roles
mostly from subject-first clauses, so the features place such a subject before the verb
(``inverted``). When a subject pronoun follows the verb instead ("Am Montag kritisierte er die
EU"), the party after it is the verb's object, not its actor (``object_after_pronoun``).

A German party in the genitive after an event noun is no subject either: in "Ein Gericht hat die
Freilassung des Bürgermeisters Ekrem İmamoğlu abgelehnt" the court refused (``genitive_attribute``).

In Spanish, Italian and French a party after "a" / "à" right after the verb is its object or
addressee, never its subject, wherever the subject stands: "Ayer criticó duramente a Rusia el
gobierno polaco" (``object_after_verb``).

An English accusation participle right after a noun, with no auxiliary before it, describes that
noun: in "security forces arrested dozens of people accused of spying" nobody in the sentence
accuses anyone (``reduced_participle``), and the arrest is the event.

The opening words, pronouns, subordinators and object markers are data: ``lang/<xx>/function_words.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lang import function_words
from .triggers import Hit, Token

V2_LANGS = frozenset({"de"})
V2_OPENERS = function_words("v2_opener")
SUBORDINATORS = function_words("subordinator")
ARTICLES = function_words("feature_article")
BEFORE_SUBJECT = ARTICLES | function_words("object_pronoun")  # "widersprach ihm das Ministerium"
SUBJECT_PRONOUNS = function_words("subject_pronoun")  # "kritisierte er die EU"
OBJECT_MARKER_LANGS = frozenset({"es", "it", "fr"})  # English "a" is an article
OBJECT_MARKERS = function_words("object_marker")
MARKER_ENDS = OBJECT_MARKERS | ARTICLES  # "a la policía", "alla Russia"
GENITIVE_ARTICLES = function_words("genitive_article")  # "des", "eines": unambiguous
OFFICERS = frozenset(w.lower() for w in function_words("officer"))  # "der Sprecher des Ministeriums" speaks for it
GENITIVE_REACH = 3  # adjectives between the article and the party: "des inhaftierten Istanbuler Bürgermeisters"
OBJECT_REACH = 3  # tokens from the verb to the party: "criticó duramente a Rusia"
PARTICIPLE_LANGS = frozenset({"en"})
PARTICIPLE_TAILS = function_words("participle_tail")  # "accused of", "blamed for", "charged with"
PARTICIPLE_AUXILIARIES = function_words("participle_auxiliary")  # "was accused of", "who accused ..."
V2_GAP = 2  # tokens between the verb and its subject: an article, an object pronoun ("widersprach ihm das Amt")
TokSpan = tuple[int, int]


def inverted(text: str, tokens: Sequence[Token], hit: Hit, actor: TokSpan, recipient: TokSpan | None, lang: str) -> bool:
    """The actor right after a verb-second verb whose first place an adverbial or a subordinate
    clause holds: "Am Freitag forderte die EU den Iran auf" - the EU is the verb's subject."""
    if not _after_second_verb(text, tokens, hit, actor, recipient, lang):
        return False
    return all(t.text in BEFORE_SUBJECT for t in tokens[hit.first + 1 : actor[0]])


def object_after_pronoun(text: str, tokens: Sequence[Token], hit: Hit, actor: TokSpan, recipient: TokSpan | None, lang: str) -> bool:
    """A subject pronoun between the verb-second verb and the actor: "Am Montag kritisierte er die
    EU" - the EU is the object, and the speaker of "er" the actor."""
    if not _after_second_verb(text, tokens, hit, actor, recipient, lang):
        return False
    between = [t.text for t in tokens[hit.first + 1 : actor[0]]]
    return bool(between) and between[0] in SUBJECT_PRONOUNS and all(w in ARTICLES for w in between[1:])


def _after_second_verb(text: str, tokens: Sequence[Token], hit: Hit, actor: TokSpan, recipient: TokSpan | None, lang: str) -> bool:
    """The actor stands just after a finite verb that comes second in its clause, after an opening
    adverbial or a subordinate clause, and no party of the dyad stands before it."""
    if not _german_verb(text, tokens, hit, lang) or not hit.first < actor[0] <= hit.first + V2_GAP + 1:
        return False
    if recipient is not None and recipient[0] < hit.first:
        return False  # "Den Iran forderte die EU auf": the first place holds a party
    start = _clause_start(tokens, hit)
    if start == 0:
        return hit.first > 0 and tokens[0].text in V2_OPENERS
    return _after_subordinate_clause(tokens, start, hit)


def in_subordinate_clause(text: str, tokens: Sequence[Token], hit: Hit, actor: TokSpan, lang: str) -> bool:
    """The actor stands in the subordinate clause that holds the first place of the verb's clause:
    "Noch während Lawrow redete, widersprach ihm das Ministerium" - Lawrow is not who objected."""
    if not _german_verb(text, tokens, hit, lang) or actor[1] >= hit.first:
        return False
    start = _clause_start(tokens, hit)
    return 0 < start and actor[1] < start and _after_subordinate_clause(tokens, start, hit)


def _german_verb(text: str, tokens: Sequence[Token], hit: Hit, lang: str) -> bool:
    """German nouns are capitalised: a lower-case trigger word is a verb."""
    return lang in V2_LANGS and _cased(text, tokens[hit.first])[:1].islower()


def _clause_start(tokens: Sequence[Token], hit: Hit) -> int:
    """The first token of the trigger's clause: after the last comma, semicolon or colon before it."""
    return max((i + 1 for i in range(hit.first) if tokens[i].text in ",;:"), default=0)


def _after_subordinate_clause(tokens: Sequence[Token], start: int, hit: Hit) -> bool:
    """The verb opens its clause right after a sentence-initial subordinate one: "(Noch) während ..., widersprach"."""
    return start == hit.first and any(t.text in SUBORDINATORS for t in tokens[:2])


def object_after_verb(tokens: Sequence[Token], hit: Hit, party: TokSpan, lang: str) -> bool:
    """The party follows an object marker ("a", "al", "alla", "à") that follows the verb: "criticó
    duramente a Rusia", "ha chiesto all'Ucraina", "a demandé à la Russie"."""
    if lang not in OBJECT_MARKER_LANGS:
        return False
    between = [t.text for t in tokens[hit.last + 1 : party[0]]]
    if not 0 < len(between) <= OBJECT_REACH or any(w in ",;:." for w in between):
        return False
    return any(w in OBJECT_MARKERS for w in between[-2:]) and between[-1] in MARKER_ENDS


def genitive_attribute(text: str, tokens: Sequence[Token], party: TokSpan, lang: str) -> bool:
    """A German party after "des" / "eines" that qualifies a noun other than an officer's: "die
    Freilassung des Bürgermeisters X", not "der Sprecher des Ministeriums"."""
    if lang not in V2_LANGS:
        return False
    i = party[0] - 1
    while i >= 0 and party[0] - i <= GENITIVE_REACH and tokens[i].text not in GENITIVE_ARTICLES and _adjective(_cased(text, tokens[i])):
        i -= 1
    if i < 1 or tokens[i].text not in GENITIVE_ARTICLES:
        return False
    head = _cased(text, tokens[i - 1])
    return head[:1].isupper() and head.lower() not in OFFICERS


def _adjective(word: str) -> bool:
    """An attributive adjective: lower-case ("inhaftierten"), or a capitalised city adjective ("Istanbuler")."""
    return word.isalpha() and (word.islower() or (word[:1].isupper() and word.endswith("er")))


def without_participles(tokens: Sequence[Token], hits: Sequence[Hit], lang: str) -> tuple[Hit, ...]:
    """The trigger hits but reduced accusation participles and the alleged acts they govern: in
    "people accused of spying for Israel" neither "accused" nor "spying" is an event of the sentence."""
    dropped = [h for h in hits if reduced_participle(tokens, h, lang)]
    if not dropped:
        return tuple(hits)
    alleged = {h.last + 2 for h in dropped}  # the word after "of": "accused of spying"
    return tuple(h for h in hits if h not in dropped and h.first not in alleged)


def reduced_participle(tokens: Sequence[Token], hit: Hit, lang: str) -> bool:
    """An accusation participle that qualifies the noun before it: "people accused of spying", "the
    group blamed for the attack", "Iran, accused of ...". An object after the verb ("accused Israel
    of"), an auxiliary or a relative pronoun before it ("was accused of", "who accused ...") makes it a verb."""
    if lang not in PARTICIPLE_LANGS or hit.label != "ACCUSE" or hit.first != hit.last or not 0 < hit.first < len(tokens) - 1:
        return False
    word = tokens[hit.first].text
    return word.endswith("ed") and tokens[hit.last + 1].text in PARTICIPLE_TAILS and tokens[hit.first - 1].text not in PARTICIPLE_AUXILIARIES


def _cased(text: str, token: Token) -> str:
    """A token as written: tokens are lower-cased, and German capitals tell nouns from the rest."""
    return text[token.start : token.end]
