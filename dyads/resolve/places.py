"""Toponyms and the gazetteer. (Placeholder.)"""

from __future__ import annotations

from typing import Any

from ..config import Config
from ..model import Document, Mention, Sentence


def load_gazetteer(config: Config) -> Any:
    return None


def find_places(doc: Document, sentences: tuple[Sentence, ...], actors: list[Mention], gazetteer: Any) -> list[Mention]:
    return []
