"""The pipeline: batches of documents flow through one stage function after another.

Every stage module exposes ``process(batch, ctx) -> batch`` over ``Processed`` items.
Stages are pure; storing is done by the caller (``store.py``). A document that makes a
stage raise is isolated, marked ``failed`` with the stage and the reason, and the rest of
its batch goes on.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .config import Config
from .model import Document, Event, Processed

T = TypeVar("T")
StageFn = Callable[[list[Processed], "Context"], list[Processed]]

STAGES: tuple[str, ...] = ("clean", "language", "segment", "recognize", "code", "resolve", "dedup")
_STAGE_MODULES = {
    "clean": "dyads.clean",
    "language": "dyads.language",
    "segment": "dyads.segment",
    "recognize": "dyads.recognize",
    "code": "dyads.code",
    "resolve": "dyads.resolve",
    "dedup": "dyads.dedup",
}


@dataclass
class Context:
    """What a process loads once: options, knowledge base, lexicons, model, gazetteer.

    Heavy resources load on first use, so a run that never needs one never pays for it.
    """

    config: Config = field(default_factory=Config.load)
    timings: dict[str, float] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict)

    def resource(self, name: str, loader: Callable[[Config], Any]) -> Any:
        if name not in self._cache:
            started = time.perf_counter()
            self._cache[name] = loader(self.config)
            self.timings[f"load:{name}"] = self.timings.get(f"load:{name}", 0.0) + time.perf_counter() - started
        return self._cache[name]

    @property
    def kb(self) -> Any:
        from .kb import load_kb

        return self.resource("kb", load_kb)

    @property
    def coder(self) -> Any:
        from .code import load_coder

        return self.resource("coder", load_coder)

    @property
    def gazetteer(self) -> Any:
        from .resolve.places import load_gazetteer

        return self.resource("gazetteer", load_gazetteer)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to ``size`` items, in order."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= max(1, size):
            yield batch
            batch = []
    if batch:
        yield batch


def stage_function(name: str) -> StageFn:
    module = importlib.import_module(_STAGE_MODULES[name])
    return module.process  # type: ignore[no-any-return]


class Pipeline:
    """Runs the stages over batches. One per process; cheap to reuse."""

    def __init__(self, config: Config | None = None, stages: Iterable[str] = STAGES) -> None:
        self.ctx = Context(config or Config.load())
        self.stages = [(name, stage_function(name)) for name in stages]

    def run_batch(self, batch: list[Processed]) -> list[Processed]:
        for name, fn in self.stages:
            batch = self._run_stage(name, fn, batch)
        return batch

    def run(self, documents: Iterable[Document]) -> Iterator[Processed]:
        for batch in batched((Processed(d) for d in documents), self.ctx.config.batch_size):
            yield from self.run_batch(batch)

    def code_text(self, text: str, date: str | None = None, lang: str | None = None, doc_id: str | None = None) -> list[Event]:
        from .ingest import document_from_text

        document = document_from_text(text, doc_id=doc_id, published=date, lang=lang)
        (result,) = self.run_batch([Processed(document)])
        return list(result.events)

    def _run_stage(self, name: str, fn: StageFn, batch: list[Processed]) -> list[Processed]:
        live = [i for i, item in enumerate(batch) if item.document.ok]
        if not live:
            return batch
        started = time.perf_counter()
        out = list(batch)
        try:
            done = fn([batch[i] for i in live], self.ctx)
            for i, item in zip(live, done, strict=True):
                out[i] = item
        except Exception:  # isolate the document(s) that made the stage fail
            for i in live:
                out[i] = _run_one(name, fn, batch[i], self.ctx)
        self.ctx.timings[name] = self.ctx.timings.get(name, 0.0) + time.perf_counter() - started
        return out


def _run_one(name: str, fn: StageFn, item: Processed, ctx: Context) -> Processed:
    try:
        (done,) = fn([item], ctx)
        return done
    except Exception as exc:  # noqa: BLE001 - any failure becomes the document's status
        reason = str(exc) or type(exc).__name__
        return item.with_(document=item.document.fail(name, f"{type(exc).__name__}: {reason}"))
