"""Aho–Corasick matching of dictionary forms over normalised text.

Patterns are stored with a leading space and the haystack gets one in front, so every match
starts at a word boundary by construction; the end boundary is checked (the next character
must be a space, i.e. not a letter or digit). Leftmost-longest, non-overlapping. When the
longest candidate fails the end boundary or the case rule, shorter candidates starting at
the same place are tried.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick_rs

from .normalize import capitals, normalise, pattern_and_shape

T = TypeVar("T")


@dataclass(frozen=True)
class Hit(Generic[T]):
    start: int
    end: int
    payloads: tuple[T, ...]


class Matcher(Generic[T]):
    """Maps dictionary forms to payloads; finds them in text."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        index: dict[str, int] = {}
        self._patterns: list[str] = []
        self._payloads: list[list[tuple[tuple[int, ...] | None, T]]] = []
        self._dotted: set[int] = set()  # patterns whose form ends with "." ("U.S.")
        for form, payload in entries:
            pattern, shape = pattern_and_shape(form)
            if not pattern:
                continue
            key = " " + pattern
            slot = index.get(key)
            if slot is None:
                slot = index[key] = len(self._patterns)
                self._patterns.append(key)
                self._payloads.append([])
            entry = (capitals(shape), payload)
            if entry not in self._payloads[slot]:
                self._payloads[slot].append(entry)
            if form.endswith(".") and pattern[-1].isalnum():
                self._dotted.add(slot)
        # A shorter match can only end where the pattern has a space (a word boundary), so
        # retrying is useful only for patterns with a word-prefix that is itself a pattern.
        self._has_prefix = [any(key[:i] in index for i in range(1, len(key)) if key[i] == " ") for key in self._patterns]
        self._ac = ahocorasick_rs.AhoCorasick(self._patterns, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST) if self._patterns else None

    def __len__(self) -> int:
        return len(self._patterns)

    def find(self, text: str, spans: Sequence[tuple[int, int]] | None = None, norm: str | None = None) -> list[Hit[T]]:
        """All hits in ``text`` (inside ``spans`` when given), sorted by start."""
        if self._ac is None:
            return []
        folded = norm if norm is not None else normalise(text)
        regions = spans if spans is not None else [(0, len(text))]
        hits: list[Hit[T]] = []
        for lo, hi in regions:
            lo, hi = max(0, lo), min(len(text), hi)
            if hi > lo:
                hits.extend(self._find_region(text, folded, lo, hi))
        return hits

    def _find_region(self, text: str, folded: str, lo: int, hi: int) -> list[Hit[T]]:
        hay = " " + folded[lo:hi] + " "
        out: list[Hit[T]] = []
        for slot, start, end in self._ac.find_matches_as_indexes(hay):  # type: ignore[union-attr]
            hit = self._accept(text, hay, lo, slot, start, end)
            if hit is None and self._has_prefix[slot]:
                hit = self._shorter(text, hay, lo, start, end)
            if hit is not None:
                out.append(hit)
        return out

    def _accept(self, text: str, hay: str, lo: int, slot: int, start: int, end: int) -> Hit[T] | None:
        if hay[end] != " ":
            return None
        # hay index i corresponds to text index lo + i - 1; the pattern's leading space is dropped.
        t_start, t_end = lo + start, lo + end - 1
        found = text[t_start:t_end]
        payloads = tuple(dict.fromkeys(p for caps, p in self._payloads[slot] if caps is None or all(found[i].isupper() for i in caps)))
        if payloads and slot in self._dotted and text[t_end : t_end + 1] == ".":
            t_end += 1
        return Hit(t_start, t_end, payloads) if payloads else None

    def _shorter(self, text: str, hay: str, lo: int, start: int, end: int) -> Hit[T] | None:
        """Retry with the candidate's last character cut off, keeping matches at ``start``."""
        while end - start > 2:
            matches = self._ac.find_matches_as_indexes(hay[start : end - 1])  # type: ignore[union-attr]
            if not matches or matches[0][1] != 0:
                return None
            slot, _, length = matches[0]
            hit = self._accept(text, hay, lo, slot, start, start + length)
            if hit is not None:
                return hit
            end = start + length
        return None
