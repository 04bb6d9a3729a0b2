"""Case forms of Russian personal names, by rule (so loading needs no morphology library).

``ru=Владимир Путин`` in a people file also matches "Владимира Путина", "Владимиру Путину",
"Владимиром Путиным", "Владимире Путине". Every word of a name takes the same case.
Indeclinable endings (-о, -е, -и, -у, -ю: Шойгу, Лукашенко) stay as they are. A rule can
over-generate (a foreign woman's name in -ь gets masculine forms); such forms simply never
occur in text, so they cost nothing but a few patterns.
"""

from __future__ import annotations

CASES = 5  # genitive, dative, accusative, instrumental, prepositional
_HUSHING = tuple("гкхжшчщ")


def _endings(word: str) -> tuple[str, tuple[str, ...]] | None:
    """(stem, five endings) for one word, or None when it does not inflect."""
    low = word.lower()
    if len(low) < 3 or not all("а" <= c <= "я" or c in "ё-" for c in low):
        return None
    if low.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return word[:-1], ("ой", "ой", "у", "ой", "ой")
    if low.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return word, ("а", "у", "а", "ым", "е")
    if low.endswith(("ский", "цкий")):
        return word[:-2], ("ого", "ому", "ого", "им", "ом")
    if low.endswith("ий"):
        return word[:-2], ("ия", "ию", "ия", "ием", "ии")
    if low.endswith("ия"):
        return word[:-1], ("и", "и", "ю", "ей", "и")
    if low.endswith(("й", "ь")):
        return word[:-1], ("я", "ю", "я", "ем", "е")
    if low.endswith("а"):
        return word[:-1], ("и" if low[-2] in _HUSHING else "ы", "е", "у", "ой", "е")
    if low.endswith("я"):
        return word[:-1], ("и", "е", "ю", "ей", "е")
    if low[-1] in "оеиуюэы":
        return None
    instrumental = "ем" if low[-1] in "жшчщц" else "ом"
    return word, ("а", "у", "а", instrumental, "е")


def russian_name_forms(name: str) -> list[str]:
    """The oblique-case forms of ``name`` (not including ``name`` itself)."""
    words = name.split()
    rules = [_endings(w) for w in words]
    if all(r is None for r in rules):
        return []
    forms = []
    for case in range(CASES):
        parts = [w if r is None else r[0] + r[1][case] for w, r in zip(words, rules)]
        forms.append(" ".join(parts))
    return sorted(set(forms) - {name})
