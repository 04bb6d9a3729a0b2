"""Text normalisation for matching, one character in, one character out.

Every character maps to exactly one character, so an offset in the normalised text is the
same offset in the original: no offset map is needed and ``text[start:end]`` always gives
back the exact original span. Normalising lower-cases, strips accents from Latin letters
(é→e, ü→u; ß stays), folds ё→е and turns every character that is not a letter or a digit
(punctuation, apostrophes, dashes, any whitespace) into a plain space. Word boundaries are
then simply spaces.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_TABLE_LIMIT = 0x3000  # Latin, Greek, Cyrillic, Armenian, Georgian, punctuation blocks


def _fold(char: str) -> str:
    lower = char.lower()
    if len(lower) != 1:
        lower = char
    if not lower.isalnum():
        return " "
    if lower in "ёЁ":
        return "е"
    if lower == "ї" or lower == "й" or lower == "і":
        return lower
    decomposed = unicodedata.normalize("NFD", lower)
    base = decomposed[0]
    if len(decomposed) > 1 and base.isascii() and base.isalpha():
        return base
    return lower


@lru_cache(maxsize=1)
def table() -> dict[int, str]:
    """The translation table (only entries that change something)."""
    mapping: dict[int, str] = {}
    for code in range(_TABLE_LIMIT):
        char = chr(code)
        folded = _fold(char)
        if folded != char:
            mapping[code] = folded
    for code in (0x3000, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060):
        mapping[code] = " "
    return mapping


def normalise(text: str) -> str:
    """Normalise ``text`` for matching; the result has exactly ``len(text)`` characters."""
    return text.translate(table())


def normalise_form(form: str) -> str:
    """Normalise a dictionary form: like ``normalise`` plus collapsed, stripped spaces."""
    return " ".join(normalise(form).split())


def collapse_spaces(form: str) -> str:
    """Collapse runs of whitespace in a dictionary form (keeps it aligned with its pattern)."""
    return " ".join(form.split())


def pattern_and_shape(form: str) -> tuple[str, str]:
    """The normalised pattern of a form and the form's characters aligned with it.

    ``shape[i]`` is the original character behind ``pattern[i]``; the case rules compare it
    with the text (see ``case_ok``).
    """
    folded = normalise(form)
    if "  " not in folded and not folded.startswith(" ") and not folded.endswith(" "):
        return folded, form  # nothing to collapse: the common case, without the loop below
    pattern: list[str] = []
    shape: list[str] = []
    for char, orig in zip(folded, form):
        if char == " " and (not pattern or pattern[-1] == " "):
            continue
        pattern.append(char)
        shape.append(orig)
    while pattern and pattern[-1] == " ":
        pattern.pop()
        shape.pop()
    return "".join(pattern), "".join(shape)


def capitals(shape: str) -> tuple[int, ...] | None:
    """Positions of ``shape`` that must be capitals in the text (None: no constraint).

    A capitalised word must be capitalised in the text ("Turkey", not "turkey"). A form with
    no lower-case letter is an acronym: every capital must be a capital ("US", not "us").
    """
    if shape.islower() or not any(c.isupper() for c in shape):  # islower(): a fast exit for most forms
        return None
    acronym = not any(c.islower() for c in shape)
    return tuple(i for i, c in enumerate(shape) if c.isupper() and (acronym or i == 0 or not shape[i - 1].isalnum()))


def case_ok(shape: str, found: str) -> bool:
    """Whether ``found`` (text span) respects the capitalisation of ``shape`` (a form).

    Lower-case forms match any case. A capitalised word must be capitalised in the text
    ("Turkey", not "turkey"). A form with no lower-case letter is an acronym: every capital
    must be a capital in the text ("US", not "us" or "Us").
    """
    if not any(c.isupper() for c in shape):
        return True
    acronym = not any(c.islower() for c in shape)
    for i, char in enumerate(shape):
        if not char.isupper():
            continue
        if acronym or i == 0 or not shape[i - 1].isalnum():
            if i >= len(found) or not found[i].isupper():
                return False
    return True
