"""Code: turn sentences with actor mentions into PLOVER events.

- ``classify_dyad(text, actor, recipient)`` classifies one given dyad (``DyadResult``);
- ``process(batch, ctx)`` is the pipeline stage: candidate pairs, roles, one event per trigger;
- ``train(paths)`` retrains the linear model; ``explain(text)`` shows how a sentence was coded.

Lexicons come from ``dyads/lang/<xx>/triggers.tsv`` and ``cues.tsv``; the model from
``dyads/models/coder.npz`` (or ``config.model_file``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import DyadsError
from ..model import Processed
from .coder import Coder, DyadResult, as_span, detect_language, load_coder
from .explain import Explanation, explain
from .features import Party
from .story import code_item
from .train import TrainReport, train

if TYPE_CHECKING:
    from ..pipeline import Context

__all__ = ["Coder", "DyadResult", "Explanation", "TrainReport", "classify_dyad", "classify_records", "explain", "load_coder", "process", "train"]


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    coder: Coder = ctx.coder
    return [code_item(coder, item) for item in batch]


def classify_dyad(text: str, actor: Any, recipient: Any, lang: str | None = None, ctx: Any = None,
                  events_only: bool = False) -> DyadResult:
    """Classify the event ``actor`` does to ``recipient`` in ``text``.

    ``actor``/``recipient`` are exact substrings, ``(start, end)`` spans, or lists of either
    (compound actors); ``recipient`` may be None. With ``events_only`` the answer is one of the
    16 types, never NONE: for dyads already known to be events.
    """
    coder = ctx.coder if ctx is not None else _default_coder()
    lang = lang or detect_language(text)
    actor_party = Party(as_span(text, actor))
    recipient_party = Party(as_span(text, recipient)) if recipient is not None else None
    _, result = coder.analyse(text, actor_party, recipient_party, lang, events_only=events_only)
    return result


_CODER: list[Coder] = []


def _default_coder() -> Coder:
    if not _CODER:
        _CODER.append(load_coder(Config.load()))
    return _CODER[0]


def classify_records(rows: Iterable[dict[str, Any]], ctx: Any = None, events_only: bool = False) -> Iterator[dict[str, Any]]:
    """``dyads classify``: {"id","text","actor","recipient","lang"?} -> {"id","event",...} per row.

    A row that cannot be classified (actor not in the text, ...) yields an "error" field instead.
    """
    for n, row in enumerate(rows, 1):
        rid = row.get("id", n)
        try:
            res = classify_dyad(row["text"], row["actor"], row.get("recipient"), lang=row.get("lang"), ctx=ctx,
                                events_only=events_only)
        except (KeyError, TypeError, DyadsError) as exc:
            yield {"id": rid, "error": str(exc) if not isinstance(exc, KeyError) else f"missing field {exc}"}
            continue
        yield {"id": rid, "event": res.event, "mode": res.mode, "context": list(res.context), "aux": list(res.aux),
               "cameo": res.cameo, "confidence": round(res.confidence, 4)}
