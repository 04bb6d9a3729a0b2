"""The actor knowledge base. (Placeholder until the knowledge base lands.)"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Config
from ..model import Mention


class KnowledgeBase:
    def find_mentions(self, text: str, lang: str | None, date: str | None = None, spans: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
        return []


def load_kb(config: Config) -> KnowledgeBase:
    return KnowledgeBase()
