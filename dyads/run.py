"""The main job as a library function: read inputs, run the pipeline, store, write events.

``dyads code`` is a thin wrapper around ``code_inputs``; notebooks and services call it
directly. Nothing here prints: progress goes to the ``on_progress`` callback and the
outcome comes back as a ``RunSummary``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from .config import Config
from .errors import DyadsError
from .export import event_to_record, write_jsonl
from .ingest import read_inputs
from .model import Document, Processed
from .pipeline import STAGES, Pipeline, batched

DEMO_DIR = Path(__file__).parent / "data" / "demo"
Progress = Callable[[Processed], None]


@dataclass(frozen=True)
class RunSummary:
    """What a run did. ``problems`` lists (doc_id, status, reason) for every failed/skipped document."""

    documents: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    problems: tuple[tuple[str, str, str], ...] = ()
    elapsed: float = 0.0
    timings: tuple[tuple[str, float], ...] = ()  # (stage or "load:resource" or "store", seconds)
    sentences: int = 0
    db: str | None = None
    output: str | None = None

    @property
    def reasons(self) -> tuple[tuple[str, str, str], ...]:
        return self.problems

    def line(self) -> str:
        """A one-line human summary."""
        rate = f", {self.sentences / self.elapsed:,.0f} sentences/s" if self.elapsed > 0 and self.sentences else ""
        return (
            f"{self.documents} documents: {self.ok} ok, {self.skipped} skipped, {self.failed} failed; "
            f"{self.events} events; {self.elapsed:.1f}s{rate}"
        )


@dataclass
class _Tally:
    documents: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    sentences: int = 0
    problems: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, item: Processed) -> None:
        doc = item.document
        self.documents += 1
        self.sentences += len(item.sentences)
        if doc.status == "ok":
            self.ok += 1
            self.events += len(item.events)
        else:
            setattr(self, doc.status, getattr(self, doc.status) + 1)
            self.problems.append((doc.id, doc.status, doc.error or doc.status))


def code_inputs(
    inputs: Iterable[str],
    config: Config,
    db: str | None,
    output: str | IO[str] | None = None,
    on_progress: Progress | None = None,
    lang: str | None = None,
    stdin: IO[str] | None = None,
    stages: Iterable[str] = STAGES,
    workers: int = 1,
    published: dict[str, str] | None = None,
) -> RunSummary:
    """Code files, folders or ``-`` (stdin); store in ``db`` and/or write JSONL to ``output``.

    ``output`` is a path or an open text stream. ``lang`` forces the language of every
    document that does not name its own. Per-document problems never raise; they are in
    the summary's ``problems``. Raises ``DyadsError`` only for run-level problems
    (the database or the output file cannot be opened). ``workers`` > 1 codes in that many
    processes (``dyads.engine.local``) with the same results, in input order.
    """
    started = time.perf_counter()
    stages = tuple(stages)
    documents = read_inputs(inputs, config, stdin=stdin)
    if lang:
        documents = _force_lang(documents, lang)
    if published:
        documents = _with_published(documents, published)
    tally = _Tally()
    store_time = 0.0
    timings: dict[str, float] = {}
    with ExitStack() as stack:
        store = stack.enter_context(_open_store(db)) if db else None
        stream = _open_output(output, stack)
        for batch in batched(_coded(documents, config, stages, workers, timings), max(1, config.batch_size)):
            if store is not None:
                t = time.perf_counter()
                store.write(batch)
                store_time += time.perf_counter() - t
            if stream is not None:
                write_jsonl((event_to_record(e) for item in batch if item.document.ok for e in item.events), stream)
            for item in batch:
                tally.add(item)
                if on_progress is not None:
                    on_progress(item)
    if db:
        timings["store"] = store_time
    return RunSummary(
        documents=tally.documents, ok=tally.ok, failed=tally.failed, skipped=tally.skipped, events=tally.events,
        problems=tuple(tally.problems), elapsed=time.perf_counter() - started,
        timings=tuple(sorted(timings.items())), sentences=tally.sentences, db=db,
        output=output if isinstance(output, str) else None,
    )


def _coded(documents: Iterable[Document], config: Config, stages: tuple[str, ...], workers: int, timings: dict[str, float]) -> Iterator[Processed]:
    if workers > 1 and stages == STAGES:
        from .engine.local import code_parallel

        yield from code_parallel(documents, config, workers=workers, timings=timings)
        return
    pipeline = Pipeline(config, stages=stages)
    yield from pipeline.run(documents)
    timings.update(pipeline.ctx.timings)


def demo(db_path: str, config: Config | None = None, on_progress: Progress | None = None) -> RunSummary:
    """Code the bundled demo corpus (``dyads/data/demo/``) into ``db_path``."""
    files = sorted(str(p) for p in DEMO_DIR.glob("*") if p.is_file() and p.suffix in (".txt", ".html") and not p.name.upper().startswith("README"))
    if not files:
        raise DyadsError(f"the demo corpus is missing from {DEMO_DIR}", fix="reinstall dyads from a full checkout")
    return code_inputs(files, config or Config.load(), db=db_path, on_progress=on_progress, published=_demo_dates())


def _demo_dates() -> dict[str, str]:
    """The demo's feed metadata: plain-text files cannot carry their publication date."""
    path = DEMO_DIR / "published.tsv"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    return {name.strip(): date.strip() for name, date in rows}


def _open_store(db: str) -> Any:
    from .store import Store

    return Store(db)


def _open_output(output: str | IO[str] | None, stack: ExitStack) -> IO[str] | None:
    if output is None:
        return None
    if not isinstance(output, str):
        return output
    try:
        return stack.enter_context(open(output, "w", encoding="utf-8"))
    except OSError as exc:
        raise DyadsError(f"cannot write {output}: {exc.strerror or exc}", fix="check the folder exists and is writable") from exc


def _with_published(documents: Iterable[Document], published: dict[str, str]) -> Iterator[Document]:
    """Publication dates from a feed's metadata, for documents that carry none themselves."""
    for doc in documents:
        yield replace(doc, published=published[doc.id]) if doc.published is None and doc.id in published else doc


def _force_lang(documents: Iterable[Document], lang: str) -> Iterator[Document]:
    for doc in documents:
        yield doc if doc.lang_given else replace(doc, lang=lang, lang_given=True)


