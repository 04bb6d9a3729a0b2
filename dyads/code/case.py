"""Russian grammatical case: a party in an oblique case is not the subject of a finite verb.

Russian word order is free, so "журналистку арестовало ФБР" (the FBI arrested the journalist)
puts the patient first. Case marks the roles instead: the subject of a finite verb is nominative.
A party whose every reading is genitive, dative, accusative, instrumental or prepositional
("журналистку", "Оттавы", "суде") cannot be the actor of the verb it stands beside, unless it
qualifies a nominative noun before it ("лидеры России", "Представительство Евросоюза"), or is the
body a subjectless plural verb speaks for ("В Министерстве обороны предупредили"). When the other
party may be nominative, the two swap roles: the model reads roles from word order, case overrules it.

Only words the pymorphy3 dictionary knows are judged; a name it only guesses at ("Фухимори",
"Эр-Рияд") may be nominative.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..lang import russian_morphology
from .cues import SHORT_PASSIVES  # "задержан", "приговорён": the subject is acted on
from .triggers import Hit, Token

NOMINAL = frozenset({"NOUN", "ADJF", "NPRO", "PRTF", "NUMR"})
SUBJECT_CASE = "nomn"
ATTRIBUTE_CASE = "gent"
INSTRUMENTAL = "ablt"
LOCATIVE = "loct"
IN_WORDS = frozenset({"в", "во"})
LIST_WORDS = frozenset({",", "и"})
PREPOSITIONS = frozenset({"в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "обо", "от", "до", "из", "у", "за", "над", "под",
                          "при", "без", "для", "через", "перед", "между", "про", "против", "после", "вокруг", "среди"})
REFLEXIVE_ENDINGS = ("ся", "сь")
# Verbs whose subject is the victim ("погибли два человека"): the act they report is someone else's,
# named in any case ("в боях с исламистами погибло ..."), so case says nothing of its actor.
VICTIM_VERBS = ("погиб", "гибн", "пострада", "умер", "умир", "скончал")


@lru_cache(maxsize=65536)
def cases(word: str) -> frozenset[str] | None:
    """The cases a known Russian noun or adjective form can be in; None when the dictionary does not
    know the word or it is no nominal form. Of a hyphenated word ("59-летнюю", "Премьер-министр")
    the part after the last hyphen is read."""
    word = word.lower().rsplit("-", 1)[-1]
    morph = _knowing(word)
    if morph is None:
        return None
    found = {str(p.tag.case) for p in morph.parse(word) if p.tag.POS in NOMINAL and p.tag.case}  # type: ignore[attr-defined]
    return frozenset(found) or None


@lru_cache(maxsize=16384)
def finite_verb(word: str) -> str | None:
    """The number ("sing" or "plur") of a finite verb ("арестовало", "отклонили"), when that is the
    dictionary's likeliest reading of the word; else None."""
    word = word.lower()
    morph = _knowing(word)
    if morph is None:
        return None
    tag = morph.parse(word)[0].tag  # type: ignore[attr-defined]
    return (str(tag.number) if tag.number else "sing") if tag.POS == "VERB" else None


def _knowing(word: str) -> object | None:
    """The analyser, when it knows the lower-case word from its dictionary (not by guessing); else None."""
    morph = russian_morphology()
    if morph is None or not word.isalpha() or not morph.word_is_known(word):  # type: ignore[attr-defined]
        return None
    return morph


def head_cases(words: Sequence[str]) -> frozenset[str] | None:
    """The cases of a party's phrase: those of its first word (an adjective agrees with its noun,
    and a noun heads what follows it: "главы МИД России")."""
    return cases(words[0]) if words else None


def may_be_subject(words: Sequence[str]) -> bool:
    """Whether a party's phrase is known to have a nominative reading ("ФБР", "Кремль", "власти")."""
    found = head_cases(words)
    return found is not None and SUBJECT_CASE in found


def oblique_subject(party_words: Sequence[str], tokens: Sequence[Token], first: int, trigger: Hit) -> bool:
    """Whether a party starting at token ``first`` is in a case that cannot be the subject of the
    trigger's finite verb. An instrumental beside a reflexive verb may be a passive agent
    ("принимается правительством") and is not judged."""
    verbs = [t.text for t in tokens[trigger.first : trigger.last + 1] if finite_verb(t.text)]
    if any(v.startswith(VICTIM_VERBS) for v in verbs):
        return False
    found = head_cases(party_words)
    if not verbs or found is None or SUBJECT_CASE in found:
        return False
    if INSTRUMENTAL in found and any(v.endswith(REFLEXIVE_ENDINGS) for v in verbs):
        return False
    if (LOCATIVE in found and first > 0 and tokens[first - 1].text in IN_WORDS
            and any(finite_verb(v) == "plur" for v in verbs)):
        return False  # "В МИД России заявили": a plural verb with no subject is said by the body it is in
    return not (ATTRIBUTE_CASE in found and _qualifies_subject(tokens, first))


def _qualifies_subject(tokens: Sequence[Token], first: int) -> bool:
    """Whether a genitive starting at ``first`` (or a list of them) follows a noun that may be nominative:
    "лидеры России, Белоруссии", "Сотни сторонников". A noun after a preposition is no subject, nor
    is its genitive: "с критикой в адрес Варшавы"."""
    i = first - 1
    while i >= 0:
        word = tokens[i].text
        found = cases(word)
        if word in LIST_WORDS or (found is not None and ATTRIBUTE_CASE in found and SUBJECT_CASE not in found):
            i -= 1
            continue
        return found is not None and SUBJECT_CASE in found and not (i > 0 and tokens[i - 1].text in PREPOSITIONS)
    return False


def short_passive_patient(party_words: Sequence[str], tokens: Sequence[Token], first: int, trigger: Hit) -> bool:
    """A party after a short passive participle ("В Москве задержан журналист") is its subject, the one
    acted on; only an instrumental there, or a genitive after one, is the agent ("задержан сотрудниками
    полиции", "убиты сторонниками «Исламского государства»")."""
    if tokens[trigger.first].text not in SHORT_PASSIVES or first <= trigger.last:
        return False
    found = head_cases(party_words)
    head = next((t.text for t in reversed(tokens[trigger.last + 1 : first]) if t.text.isalpha()), None)
    governing = cases(head) if head is not None else None  # "сторонниками «Исламского государства»"
    return not any(f is not None and INSTRUMENTAL in f for f in (found, governing))
