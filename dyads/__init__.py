"""dyads: multilingual political event coding (PLOVER, with CAMEO) from raw news.

    >>> import dyads
    >>> events = dyads.code_text("Russia and Kazakhstan signed a defence agreement.", date="2024-05-01")

The same functions serve the CLI, notebooks, the web API and the Ray engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .config import Config
from .errors import DyadsError
from .model import Document, Entity, Event, Mention, Place, Processed, Sentence, TimeRef
from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Config",
    "Document",
    "DyadsError",
    "Entity",
    "Event",
    "Mention",
    "Pipeline",
    "Place",
    "Processed",
    "Sentence",
    "TimeRef",
    "classify_dyad",
    "code_documents",
    "code_text",
    "load_kb",
    "__version__",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def code_text(text: str, date: str | None = None, lang: str | None = None) -> list[Event]:
    """Code one piece of raw text and return its events."""
    return _default_pipeline().code_text(text, date=date, lang=lang)


def code_documents(documents: Iterable[Document | dict[str, Any] | str], pipeline: Pipeline | None = None) -> Iterator[Processed]:
    """Code many documents lazily; yields one ``Processed`` (document + events) per input."""
    from .ingest import as_document

    runner = pipeline or _default_pipeline()
    return runner.run(as_document(item, index) for index, item in enumerate(documents))


def classify_dyad(text: str, actor: str | tuple[int, int], recipient: str | tuple[int, int] | None, lang: str | None = None,
                  events_only: bool = False) -> Any:
    """Classify the event between an actor and a recipient in one sentence (see ``dyads.code``).
    ``events_only``: the dyad is known to be an event, so NONE is never the answer."""
    from .code import classify_dyad as _classify

    return _classify(text, actor, recipient, lang=lang, ctx=_default_pipeline().ctx, events_only=events_only)


def load_kb(config: Config | None = None) -> Any:
    """Load the actor knowledge base (states, organisations, people, titles)."""
    from .kb import load_kb as _load

    return _load(config or Config.load())
