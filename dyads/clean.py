"""Clean: mark web boilerplate lines without changing ``Document.text``.

Removed lines are recorded as ``(start, end)`` spans in ``Document.removed``; later stages
skip them, and every offset still indexes the original text. Two signals:

1. Rules, kept as data in ``dyads/lang/<xx>/boilerplate.txt`` (one regex per line, matched
   against a whole line): share bars, "Follow us on ...", photo credits, cookie notices,
   "Read more" links. Cleaning runs before language detection, so the rules of every
   configured language apply; they are specific enough not to collide.
2. jusText's paragraph classifier, used only for runs of three or more short "bad" lines
   without sentence punctuation (navigation menus, tag lists). A single short line is never
   dropped on that signal alone, so headlines and short news sentences stay.

The first non-empty line (usually the headline) and dateline-like lines are never removed
by the jusText signal. A document left with fewer than ``min_chars`` characters is skipped.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .lang import data_path
from .model import Processed

if TYPE_CHECKING:
    from .pipeline import Context

MAX_RULE_LINE = 250  # rules only judge lines shorter than this; longer lines are prose
NAV_RUN = 3  # this many consecutive short bad lines make a menu
NAV_MAX_WORDS = 6

# Language-neutral rules: copyright lines, bare symbols, icon rows.
_NEUTRAL = (
    r"(©|\(c\)|copyright)\s*.{0,150}",
    r"[\W_]{1,40}",
    r"((facebook|twitter|x|telegram|vk|vkontakte|whatsapp|linkedin|instagram|youtube|email|e-mail|rss|ok|pinterest|reddit)[\s|•·,/]*){2,}",
    r"(facebook|twitter|telegram|vk|whatsapp|linkedin|instagram|youtube|rss)",
)
# A line that opens with a copyright sign is a site's notice however long ("© Использование материалов ...").
_COPYRIGHT = re.compile(r"(©|\(c\)\s|copyright\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"»”)]\s*$")
_DATELINE = re.compile(r"(\(\w[\w .-]{1,30}\)\s*[-–—]|/[^/\n]{2,25}/\.?|^[A-ZА-ЯЁ][\w .'-]{1,40},\s*\d{1,2}\s+\w+)")


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    rules = boilerplate_regex(tuple(ctx.config.languages))
    out = []
    for item in batch:
        doc = item.document
        removed = find_boilerplate(doc.text, rules, tuple(ctx.config.languages))
        kept = len(doc.text) - sum(end - start for start, end in removed)
        kept_chars = len(_kept_text(doc.text, removed).strip())
        cleaned = replace(doc, removed=removed)
        if kept_chars < ctx.config.min_chars:
            reason = f"too short ({kept_chars} characters of text < min_chars {ctx.config.min_chars})"
            if kept < len(doc.text) and len(doc.text.strip()) >= ctx.config.min_chars:
                reason = f"only boilerplate ({kept_chars} characters left after cleaning)"
            cleaned = cleaned.skip("clean", reason)
        out.append(item.with_(document=cleaned))
    return out


def find_boilerplate(text: str, rules: re.Pattern[str], languages: tuple[str, ...] = ()) -> tuple[tuple[int, int], ...]:
    """Spans of the lines judged boilerplate, merged where adjacent."""
    lines = _lines(text)
    flagged = [False] * len(lines)
    first = next((i for i, (s, e) in enumerate(lines) if text[s:e].strip()), -1)
    for i, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        if line and ((len(line) <= MAX_RULE_LINE and rules.fullmatch(line)) or _COPYRIGHT.match(line)):
            flagged[i] = True
    _flag_nav_runs(text, lines, flagged, first, languages)
    spans: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(lines):
        if not flagged[i]:
            continue
        if spans and _only_space(text, spans[-1][1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def _flag_nav_runs(text: str, lines: list[tuple[int, int]], flagged: list[bool], first: int, languages: tuple[str, ...]) -> None:
    """Flag runs of NAV_RUN+ short, jusText-bad lines (blank lines do not break a run)."""
    candidates = [i for i, (s, e) in enumerate(lines) if i != first and not flagged[i] and _nav_like(text[s:e].strip())]
    if len(candidates) < NAV_RUN:
        return
    bad = _justext_bad(text, lines, candidates, languages)
    run: list[int] = []
    for i, (start, end) in enumerate(lines):
        if not text[start:end].strip() or (flagged[i] and run):
            continue
        if i in bad:
            run.append(i)
            continue
        _close_run(run, flagged)
        run = []
    _close_run(run, flagged)


def _close_run(run: list[int], flagged: list[bool]) -> None:
    if len(run) >= NAV_RUN:
        for i in run:
            flagged[i] = True


def _nav_like(line: str) -> bool:
    if not line or _SENTENCE_END.search(line) or _DATELINE.search(line):
        return False
    return len(line.split()) <= NAV_MAX_WORDS


def _justext_bad(text: str, lines: list[tuple[int, int]], candidates: list[int], languages: tuple[str, ...]) -> set[int]:
    """Indices among ``candidates`` that jusText's context-free classifier calls bad/short."""
    import justext

    body = "".join(f"<p>{html.escape(text[lines[i][0]:lines[i][1]].strip())}</p>" for i in candidates)
    try:
        paragraphs = justext.justext(f"<html><body>{body}</body></html>", _stoplist(languages))
    except Exception:  # noqa: BLE001 - jusText is one signal; without it nothing is dropped
        return set()
    if len(paragraphs) != len(candidates):
        return set()
    return {i for i, p in zip(candidates, paragraphs, strict=True) if p.cf_class in ("bad", "short")}


_JUSTEXT_NAMES = {"en": "English", "ru": "Russian", "de": "German", "fr": "French", "it": "Italian", "es": "Spanish"}


@lru_cache(maxsize=8)
def _stoplist(languages: tuple[str, ...]) -> frozenset[str]:
    import justext

    words: set[str] = set()
    for lang in languages or tuple(_JUSTEXT_NAMES):
        name = _JUSTEXT_NAMES.get(lang)
        if name:
            words |= justext.get_stoplist(name)
    return frozenset(words)


@lru_cache(maxsize=8)
def boilerplate_regex(languages: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the neutral rules and every language's boilerplate.txt."""
    patterns = list(_NEUTRAL)
    for lang in languages:
        path = data_path(lang, "boilerplate.txt")
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    patterns.append(line.strip())
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _only_space(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()


def _kept_text(text: str, removed: tuple[tuple[int, int], ...]) -> str:
    parts, last = [], 0
    for start, end in removed:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return "".join(parts)


def kept_spans(text: str, removed: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The complement of ``removed`` within ``text``: the spans later stages read."""
    spans, last = [], 0
    for start, end in sorted(removed):
        if start > last:
            spans.append((last, start))
        last = max(last, end)
    if last < len(text):
        spans.append((last, len(text)))
    return spans
