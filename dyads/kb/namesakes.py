"""Namesakes: a listed person's surname, written after another first name, is someone else.

The knowledge base finds its people by surname alone ("Badawi", "Stocker", "Лебедев"), so a story
about the blogger Raif Badawi would be about Malaysia's former prime minister Abdullah Badawi, and
the footballer Valentin Stocker would be Austria's chancellor. When the story writes the surname
after a given name that is not the listed person's own, it names a namesake: that surname is no
KB person anywhere in the story.

A word is a given name when it is in ``dyads/kb/data/given_names.txt`` or, in Russian and Ukrainian,
when pymorphy3 reads it as one. It is the listed person's own given name when it matches one of the
words before the surname in the person's listed forms, allowing for inflection ("Павла" for "Павел")
and transliteration ("Michail" for "Mikheil").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from ..lang import russian_morphology
from .compose import PERSON_SURNAME_RULE, Found

GIVEN_NAMES = Path(__file__).parent / "data" / "given_names.txt"
MORPHOLOGY_LANGS = frozenset({"ru", "uk"})  # pymorphy3 marks given names ("Name") in these
SAME_PREFIX = 3  # letters an inflected form shares with its name: "Павла", "Павел"; "Терезу", "Тереза"
BARE_RULES = frozenset({"kb:person", PERSON_SURNAME_RULE})  # a listed form, or a later surname of a listed person ("Badawis")
SAME_RATIO = 0.5  # similarity of one name in two transliterations: "Michail", "Mikheil"; "Wladimir", "Vladimir"
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \u00a0]$")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    lines = GIVEN_NAMES.read_text(encoding="utf-8").splitlines() if GIVEN_NAMES.is_file() else []
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def namesakes(text: str, found: Sequence[Found], lang: str | None,
              given_of: Callable[[Found], frozenset[str]]) -> list[Found]:
    """``found`` without the bare surnames of listed people that name namesakes. ``given_of(item)``
    gives the listed person's own given names (empty when the KB lists none).

    A story that also names the listed person in full or with a title keeps its other bare surnames:
    only the one after the other first name goes ("Christian Stocker ... Valentin Stocker ... Stocker")."""
    bare = [f for f in found if _bare_surname(text, f)]
    if not bare:
        return list(found)
    after_other = [f for f in bare if _namesake(text, f, lang, given_of(f))]
    if not after_other:
        return list(found)
    named = {f.entity.name for f in found if f not in bare and not f.rule.startswith("kb:coref")}
    gone = {f.entity.name for f in after_other} - named
    return [f for f in found if f not in after_other and not (f.entity.name in gone and f in bare)]


def _bare_surname(text: str, item: Found) -> bool:
    surface = text[item.start : item.end]
    return item.rule in BARE_RULES and surface[:1].isupper() and surface.isalpha()


def _namesake(text: str, item: Found, lang: str | None, own: frozenset[str]) -> bool:
    match = _WORD_BEFORE.search(text, max(0, item.start - 40), item.start)
    if match is None or not own:
        return False
    word = match.group(1)
    return _given_name(word, lang) and not any(_same_name(word, name) for name in own)


def _given_name(word: str, lang: str | None) -> bool:
    if word in given_names():
        return True
    morph = russian_morphology() if lang in MORPHOLOGY_LANGS else None
    return morph is not None and word[:1].isupper() and "Name" in morph.parse(word)[0].tag  # type: ignore[attr-defined]


def _same_name(word: str, name: str) -> bool:
    a, b = _folded(word), _folded(name)
    return a[:SAME_PREFIX] == b[:SAME_PREFIX] or SequenceMatcher(None, a, b).ratio() >= SAME_RATIO


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
