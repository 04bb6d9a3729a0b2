"""Temporal expressions. (Placeholder.)"""

from __future__ import annotations

from ..model import Document, Mention, Sentence


def find_times(doc: Document, sentences: tuple[Sentence, ...]) -> list[Mention]:
    return []
