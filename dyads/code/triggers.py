"""Tokenising and lexicon matching: trigger phrases and cue phrases from ``dyads/lang/<xx>/``.

Phrase syntax (shared by ``triggers.tsv`` and ``cues.tsv``): lowercase tokens separated by
spaces; a token ending in ``*`` matches any token with that prefix (``*`` alone: any one token); a token ``~`` is a gap of
0-6 tokens (``MAX_GAP``), and ``~~`` one of 0-16 tokens that stays within the clause (``LONG_GAP``);
a token ``$`` matches where the clause ends (punctuation, a coordinator such as "und", or the end of the
text) without taking the boundary into the match: "lehnt* ~~ ab $" closes a verb bracket before "und".
Matching works on word tokens, so offsets are exact character spans of the text.

A ``triggers.tsv`` row of type ``NONE`` names a phrase that is no event although a trigger occurs
in it ("declined to comment", CAMEO's 011, which PLOVER does not code): it wins the overlap with
that trigger and is then dropped, so neither it nor the trigger inside it is a hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang import function_words, read_tsv
from ..ontology import NO_EVENT, PLOVER_TYPES, normalise_type

# An elided article or pronoun ("l'", "dell'", "d'", "s'", "n'", "un'") is its own token, so
# "l'attacco", "dell'attacco" and "attacco" share the word token that lexicons and features see.
ELISION = r"(?<!\w)(?:[cdjlmnstv]|dell|dall|nell|sull|all|coll|degl|dagl|quell|quest|un|qu|jusqu|lorsqu|puisqu)['’](?=\w)"
TOKEN_RE = re.compile(ELISION + r"|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE | re.IGNORECASE)
MAX_GAP = 6
LONG_GAP = 16  # ``~~``: a verb bracket ("warf Polen ... Vernachlässigung seiner Pflichten vor.") within one clause
CLAUSE_ENDS = frozenset(".;:!?")
CLAUSE_MARK = "$"
CLAUSE_BOUNDARY = CLAUSE_ENDS | {","} | (function_words("coordinator") - {"as", "well"})  # where a ``$`` matches


@dataclass(frozen=True)
class Token:
    text: str  # lowercase
    start: int
    end: int


@dataclass(frozen=True)
class Pattern:
    tokens: tuple[str, ...]
    label: str  # PLOVER type for triggers, cue name for cues
    mode: str | None = None
    context: tuple[str, ...] = ()

    @property
    def phrase(self) -> str:
        return " ".join(self.tokens)


@dataclass(frozen=True)
class Hit:
    """One lexicon match: token span [first, last] and the character span."""

    first: int
    last: int
    start: int
    end: int
    pattern: Pattern

    @property
    def label(self) -> str:
        return self.pattern.label


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Lowercased word and punctuation tokens with their offsets; a typographic apostrophe reads as
    a plain one, so "l’attacco" matches the lexicon's "l'attacco"."""
    return [Token(m.group().lower().replace("’", "'"), m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(text)]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase's tokens, with elisions split off as ``tokenize`` splits them ("l'accordo")."""
    out: list[str] = []
    for part in phrase.lower().split():
        head = re.match(ELISION, part, re.IGNORECASE)
        out += [head.group(), part[head.end():]] if head and head.end() < len(part) else [part]
    return tuple(out)


def _token_ok(pattern_token: str, token: str) -> bool:
    if pattern_token.endswith("*"):
        return token.startswith(pattern_token[:-1])
    return token == pattern_token


COMPOUND_TAIL_LANGS = frozenset({"de"})  # German joins a name and a noun with a hyphen: "EU-Sanktionen"
COMPOUND_TAIL_MIN = 4  # letters of the last part: "U-Haft" is a word of its own


class Matcher:
    """Finds lexicon patterns in token lists. Indexed by the first pattern token."""

    def __init__(self, patterns: Iterable[Pattern], compound_tails: bool = False) -> None:
        self.patterns = tuple(p for p in patterns if p.tokens and p.tokens[0] not in ("~", "~~"))
        self.compound_tails = compound_tails
        self._exact: dict[str, list[Pattern]] = {}
        self._prefix: dict[str, list[Pattern]] = {}  # keyed by the first 2 chars of the prefix
        self._short_prefix: list[Pattern] = []
        self._cache: dict[str, list[Pattern]] = {}  # token -> patterns that may start there
        for p in self.patterns:
            head = p.tokens[0]
            if head.endswith("*"):
                stem = head[:-1]
                if len(stem) >= 2:
                    self._prefix.setdefault(stem[:2], []).append(p)
                else:
                    self._short_prefix.append(p)
            else:
                self._exact.setdefault(head, []).append(p)

    def __len__(self) -> int:
        return len(self.patterns)

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        """All matches, then overlaps resolved: longer (more tokens) wins, then earlier."""
        hits: list[Hit] = []
        for i, tok in enumerate(tokens):
            for p in self._candidates(tok.text):
                last = _match_at(p.tokens, tokens, i)
                if last is not None:
                    hits.append(Hit(i, last, tok.start, tokens[last].end, p))
            if self.compound_tails and "-" in tok.text:
                hits += self._tail_hits(tokens, i)
        return [h for h in _resolve_overlaps(hits) if h.pattern.label != NO_EVENT]

    def _tail_hits(self, tokens: Sequence[Token], i: int) -> list[Hit]:
        """Matches on the last part of a hyphenated compound ("US-Luftangriff", "EU-Sanktionen"): its
        head word says what it is. The hit spans the whole compound."""
        tok = tokens[i]
        tail = tok.text.rsplit("-", 1)[1]
        if len(tail) < COMPOUND_TAIL_MIN:
            return []
        hits = []
        for p in self._candidates(tail):
            last = _match_rest(p.tokens, 1, tokens, i + 1, i) if _token_ok(p.tokens[0], tail) else None
            if last is not None:
                hits.append(Hit(i, last, tok.start, tokens[last].end, p))
        return hits

    def _candidates(self, token: str) -> list[Pattern]:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        found = self._lookup(token)
        if len(self._cache) < 200_000:
            self._cache[token] = found
        return found

    def _lookup(self, token: str) -> list[Pattern]:
        found = list(self._exact.get(token, ()))
        found.extend(p for p in self._prefix.get(token[:2], ()) if token.startswith(p.tokens[0][:-1]))
        found.extend(p for p in self._short_prefix if token.startswith(p.tokens[0][:-1]))
        return found


def _match_at(pattern: tuple[str, ...], tokens: Sequence[Token], i: int) -> int | None:
    """Index of the last token matched by ``pattern`` starting at token ``i``, or None."""
    if not _token_ok(pattern[0], tokens[i].text):
        return None
    return _match_rest(pattern, 1, tokens, i + 1, i)


def _match_rest(pattern: tuple[str, ...], k: int, tokens: Sequence[Token], j: int, last: int) -> int | None:
    if k == len(pattern):
        return last
    gap_token = pattern[k]
    if gap_token in ("~", "~~"):
        if k + 1 == len(pattern):
            return last
        within_clause, wanted = gap_token == "~~", pattern[k + 1]
        for i in range(j, min(len(tokens), j + (LONG_GAP if within_clause else MAX_GAP) + 1)):
            text = tokens[i].text
            if within_clause and text in CLAUSE_ENDS:
                return None
            if _token_ok(wanted, text):
                end = _match_rest(pattern, k + 2, tokens, i + 1, i)
                if end is not None:
                    return end
        return None
    if gap_token == CLAUSE_MARK:
        return _match_rest(pattern, k + 1, tokens, j, last) if j == len(tokens) or tokens[j].text in CLAUSE_BOUNDARY else None
    if j < len(tokens) and _token_ok(pattern[k], tokens[j].text):
        return _match_rest(pattern, k + 1, tokens, j + 1, j)
    return None


def _resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (-(h.last - h.first), h.pattern.label != NO_EVENT, -len(h.pattern.tokens), h.first))
    kept: list[Hit] = []
    for h in hits:
        if all(h.last < k.first or h.first > k.last for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.first)


def _rows_without_header(rows: Sequence[tuple[str, ...]], first: str) -> list[tuple[str, ...]]:
    return [r for r in rows if r and r[0] and r[0].lower() != first]


def trigger_patterns(rows: Sequence[tuple[str, ...]]) -> list[Pattern]:
    """Parse ``triggers.tsv`` rows (phrase, event, mode, context); unknown types are skipped, and
    ``NONE`` rows name phrases that are no event (see the module docstring)."""
    out = []
    for row in _rows_without_header(rows, "phrase"):
        if len(row) < 2:
            continue
        event = normalise_type(row[1])
        if event not in PLOVER_TYPES and event != NO_EVENT:
            continue
        mode = row[2] if len(row) > 2 and row[2] else None
        context = tuple(c for c in re.split(r"[;,\s]+", row[3]) if c) if len(row) > 3 else ()
        out.append(Pattern(phrase_tokens(row[0]), event, mode, context))
    return out


def cue_patterns(rows: Sequence[tuple[str, ...]]) -> list[Pattern]:
    out = []
    for row in _rows_without_header(rows, "phrase"):
        if len(row) >= 2 and row[1]:
            out.append(Pattern(phrase_tokens(row[0]), row[1].strip().lower()))
    return out


@dataclass(frozen=True)
class Lexicon:
    """The trigger and cue matchers of one language."""

    lang: str
    triggers: Matcher
    cues: Matcher

    @classmethod
    def from_rows(cls, lang: str, trigger_rows: Sequence[tuple[str, ...]], cue_rows: Sequence[tuple[str, ...]]) -> Lexicon:
        tails = lang in COMPOUND_TAIL_LANGS
        return cls(lang, Matcher(trigger_patterns(trigger_rows), tails), Matcher(cue_patterns(cue_rows), tails))


@lru_cache(maxsize=16)
def lexicon_for(lang: str) -> Lexicon:
    """The lexicon shipped in ``dyads/lang/<lang>/`` (empty matchers when the files are absent)."""
    return Lexicon.from_rows(lang, read_tsv(lang, "triggers.tsv"), read_tsv(lang, "cues.tsv"))
