"""Per-language data: one folder per language, plain files only.

Adding a language means adding ``dyads/lang/<xx>/`` with the files below; no code changes.

- ``countries.tsv``  state names, short forms, adjectives, demonyms, inflections, capitals (kb)
- ``orgs.tsv``       names and acronyms of international organisations (kb)
- ``sectors.tsv``    institution and group words -> PLOVER sector (kb)
- ``titles.tsv``     office titles -> sector and role (kb)
- ``quantities.tsv`` words that count people, so "57 people" and "несколько тысяч человек" are groups (kb)
- ``people.tsv``     native-script name forms of knowledge-base people (kb)
- ``non_actors.tsv`` phrases that look like a party but name none: "Latin America", "долларов США", "к власти" (kb)
- ``triggers.tsv``   event trigger phrases -> PLOVER type, mode, context (coder)
- ``cues.tsv``       negation, modality, future, hypothetical, historical, speech, source, passive cues (coder)
- ``references.tsv`` phrases that refer back to earlier parties: "the two sides", "the alliance" (coder)
- ``implicit.tsv``   passive arrests and sentences that name no agent: "was arrested", "è stato condannato" (coder)
- ``dates.tsv``      month, weekday, season and relative-time words (dates)
- ``places.tsv``     locative prepositions and inflected place-name forms (places)
- ``home.txt``       the country a story in the language is set in when it names none (recognize)
- ``context_sectors.tsv`` words whose sector the story decides: "i militari" of the carabinieri are COP (recognize)
- ``ages.tsv``       forms that give a named person's age: "Said Boufes, 42 anni", "Hasan E. (23)" (kb)
- ``function_words.tsv`` coordinators, possessives, prepositions, audience words ... that role rules and features test (coder)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).parent


def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")))


@lru_cache(maxsize=1)
def russian_morphology() -> object | None:
    """One pymorphy3 analyser per process, shared by the stages that read Russian word forms (dates'
    future tense, the coder's grammatical case); None when it cannot be loaded, and those stages then
    do without it."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer()
    except Exception:  # noqa: BLE001 - a missing or broken dictionary package only disables the morphology rules
        return None


def data_path(lang: str, name: str) -> Path:
    return LANG_DIR / lang / name


@lru_cache(maxsize=256)
def read_tsv(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a language TSV file, without blank lines and ``#`` comments; () if absent."""
    path = data_path(lang, name)
    if not path.is_file():
        return ()
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@lru_cache(maxsize=64)
def function_words(kind: str, lang: str | None = None) -> frozenset[str]:
    """The words of one kind in ``function_words.tsv`` ("coordinator", "possessive", ...): of one language,
    or, when ``lang`` is None, of every language, as the rules that test them run on text of any language."""
    return frozenset(row[0] for code in ([lang] if lang else available_languages()) for row in read_tsv(code, "function_words.tsv")
                     if len(row) >= 2 and row[1] == kind)


@lru_cache(maxsize=64)
def quantity_forms(kind: str, lang: str | None = None) -> frozenset[str]:
    """The forms of one kind in ``quantities.tsv`` ("count", "about", "link"): of one language, or of
    every language when ``lang`` is None."""
    return frozenset(row[1] for code in ([lang] if lang else available_languages())
                     for row in read_tsv(code, "quantities.tsv") if len(row) >= 2 and row[0] == kind)
