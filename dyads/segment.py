"""Segment: split each document's kept text into sentences with offsets into ``Document.text``.

A rule-based splitter, chosen for speed: on English Reuters text pysbd splits about 4,500
sentences/s, this one about 120,000 (``benchmarks/spine_speed.py``, one core). Rules:

- Removed (boilerplate) spans are never part of a sentence.
- A line break ends a sentence (headlines, datelines and list items have no final
  punctuation) unless the next line starts in lower case: then it is a wrapped line.
- ``. ! ? …`` (with closing quotes or brackets) end a sentence when followed by space and
  an upper-case letter, digit, opening quote or dash. A period does not end one after an
  abbreviation from ``dyads/lang/<xx>/abbreviations.txt``, an initial ("J. Smith", but not "on
  X. The": a sentence-opening word from ``function_words.tsv`` after it ends the sentence), a
  dotted acronym ("U.S.", "т.е."), or in German a day number ("am 12. Juni").
- A short agency dateline ("Москва, 12 июня. /ТАСС/.") is joined to the sentence after it.
- No sentence is longer than ``MAX_CHARS``: longer runs are cut at whitespace.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .clean import kept_spans
from .lang import data_path, function_words
from .model import Document, Processed, Sentence

if TYPE_CHECKING:
    from .pipeline import Context

MAX_CHARS = 1000
_TERMINATOR = re.compile(r"(?:[.!?…]+|\.\.\.)[\"'»”’)\]]*(?=\s)")
_STARTER = re.compile(r"[\"'«“„‘(\[—–\-¿¡]|[^\W\d_a-zà-öø-ÿа-яё]|\d", re.UNICODE)
_DOTTED = re.compile(r"^(?:\w{1,2}\.)+\w{1,2}$")
_AGENCY_DATELINE = re.compile(r"/[^/\n]{2,25}/\.?$")
_LINE_END = re.compile(r"[.!?…:][\"'»”’)\]]*$")
_LEADING = "\"'«“„‘(["


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    return [item.with_(sentences=split_document(item.document)) for item in batch]


def split_document(doc: Document) -> tuple[Sentence, ...]:
    spans: list[tuple[int, int]] = []
    wrapped = hard_wrapped(doc.text)
    for start, end in kept_spans(doc.text, doc.removed):
        spans.extend(split_span(doc.text, start, end, doc.lang, wrapped))
    return tuple(Sentence(doc.id, s, e, doc.text[s:e]) for s, e in spans)


def hard_wrapped(text: str) -> bool:
    """Whether the text is wrapped at a fixed width: most lines 30-80 characters long and
    most of them ending mid-sentence (one-paragraph-per-line text ends lines with a period)."""
    lines = [line.strip() for line in text.split("\n", 200)[:200] if line.strip()]
    if len(lines) < 3:
        return False
    in_width = sum(1 for line in lines if 30 <= len(line) <= 80)
    ended = sum(1 for line in lines if _LINE_END.search(line))
    return in_width >= 0.75 * len(lines) and ended < 0.5 * len(lines)


def split_span(text: str, start: int, end: int, lang: str | None, wrapped: bool = False) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, trimmed of surrounding whitespace.

    In ``wrapped`` text a line break is a space unless the line ends a sentence or the
    next line is blank or indented (a paragraph start).
    """
    out: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text, start, end, wrapped):
        pieces = _split_block(text, block_start, block_end, lang)
        out.extend(_cap(text, s, e) for s, e in _join_datelines(text, pieces))
    return [span for spans in out for span in spans]


def _blocks(text: str, start: int, end: int, wrapped_text: bool = False) -> list[tuple[int, int]]:
    """Lines of the span, with wrapped lines joined (next starts in lower case, after a comma, or in wrapped text)."""
    blocks: list[tuple[int, int]] = []
    line_start = start
    for match in re.finditer(r"\n", text[start:end]):
        line_end = start + match.start()
        nxt = start + match.end()
        line = text[line_start:line_end].rstrip()
        following = text[nxt:end]
        wrapped = bool(line.strip()) and (
            following.lstrip(" \t")[:1].islower()
            or line.endswith((",", ";"))
            or (wrapped_text and following[:1] not in (" ", "\t", "\n", "") and not _LINE_END.search(line))
        )
        if not wrapped:
            blocks.append((line_start, line_end))
            line_start = nxt
    blocks.append((line_start, end))
    return [b for b in (_trim(text, s, e) for s, e in blocks) if b[0] < b[1]]


def _split_block(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    segment = text[start:end]
    sent_start = 0
    for match in _TERMINATOR.finditer(segment):
        nxt = _next_nonspace(segment, match.end())
        if nxt >= len(segment) or not _STARTER.match(segment, nxt):
            continue
        mark = match.group(0).rstrip("\"'»”’)]")
        if mark == "." and not _period_ends(segment, match.start(), nxt, lang):
            continue
        pieces.append(_trim(text, start + sent_start, start + match.end()))
        sent_start = nxt
    pieces.append(_trim(text, start + sent_start, end))
    return [p for p in pieces if p[0] < p[1]]


def _period_ends(segment: str, dot: int, nxt: int, lang: str | None) -> bool:
    """Whether the period at ``dot`` ends a sentence, judging the token before it."""
    space = max(segment.rfind(" ", 0, dot), segment.rfind("\n", 0, dot), segment.rfind("\t", 0, dot))
    token = segment[space + 1 : dot].lstrip(_LEADING)
    if not token:
        return True
    if len(token) == 1 and token.isalpha() and token.isupper():
        return _opens_sentence(segment, nxt, lang)  # an initial ("J. Smith", "В. Путин"), unless "on X. The ..." follows
    if _DOTTED.match(token):
        return False
    abbreviations, lowered = _abbreviations(lang or "en")
    if token in abbreviations or token.lower() in lowered:
        return False
    if lang == "de" and token.isdigit() and len(token) <= 2:
        return False  # German ordinals: "am 12. Juni"
    return True


_WORD = re.compile(r"\w+", re.UNICODE)
OPENER_KINDS = frozenset({"sentence_opener", "article", "noun_determiner", "subject_pronoun", "v2_opener"})


def _opens_sentence(segment: str, nxt: int, lang: str | None) -> bool:
    """Whether the word at ``nxt`` opens a sentence and is no surname ("The", "Zugleich", "Однако"), so
    the capital letter and period before it end one: "wrote on X. The ministry ..."."""
    word = _WORD.match(segment, nxt)
    return word is not None and len(word.group()) > 1 and word.group().lower() in _openers(lang or "en")


@lru_cache(maxsize=16)
def _openers(lang: str) -> frozenset[str]:
    return frozenset().union(*(function_words(kind, lang) for kind in OPENER_KINDS))


@lru_cache(maxsize=16)
def _abbreviations(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(case-sensitive set, lower-case set) for ``lang`` plus English, which news in every language quotes."""
    words: set[str] = set()
    for code in dict.fromkeys([lang, "en"]):
        path = data_path(code, "abbreviations.txt")
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                entry = line.strip()
                if entry and not entry.startswith("#"):
                    words.add(entry)
    return frozenset(words), frozenset(w for w in words if w.islower())


def _join_datelines(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for start, end in pieces:
        if pending is not None:
            start, pending = pending, None
        if end - start < 80 and _AGENCY_DATELINE.search(text[start:end]):
            pending = start
            continue
        out.append((start, end))
    if pending is not None:
        out.append((pending, pieces[-1][1]))
    return out


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run longer than MAX_CHARS at the last whitespace before the limit."""
    spans = []
    while end - start > MAX_CHARS:
        cut = text.rfind(" ", start + MAX_CHARS // 2, start + MAX_CHARS)
        cut = cut if cut > start else start + MAX_CHARS
        spans.append(_trim(text, start, cut))
        start = _trim(text, cut, end)[0]
    spans.append((start, end))
    return [s for s in spans if s[0] < s[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _next_nonspace(segment: str, index: int) -> int:
    while index < len(segment) and segment[index].isspace():
        index += 1
    return index
