"""Local parallelism: a pool of worker processes, each loading the pipeline once.

Documents are coded independently, and results come back in input order, so
``--workers N`` gives exactly the events of ``--workers 1``.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..config import Config
from ..model import Document, Processed
from ..pipeline import Pipeline, batched

_WORKER: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = Pipeline(config)


def _code_batch(documents: list[Document]) -> tuple[list[Processed], dict[str, float]]:
    assert _WORKER is not None, "worker used before _init_worker"
    before = dict(_WORKER.ctx.timings)
    done = _WORKER.run_batch([Processed(d) for d in documents])
    spent = {k: v - before.get(k, 0.0) for k, v in _WORKER.ctx.timings.items()}
    return done, spent


def code_parallel(
    documents: Iterable[Document],
    config: Config,
    workers: int = 1,
    timings: dict[str, float] | None = None,
) -> Iterator[Processed]:
    """Code documents with ``workers`` processes; yields results in input order."""
    if workers <= 1:
        pipeline = Pipeline(config)
        yield from pipeline.run(documents)
        if timings is not None:
            timings.update(pipeline.ctx.timings)
        return
    context = multiprocessing.get_context("spawn")  # fork is unsafe with the native threads of lingua/duckdb
    size = max(1, config.batch_size)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(config,)) as pool:
        pending: deque[Future[tuple[list[Processed], dict[str, float]]]] = deque()
        for batch in batched(documents, size):
            pending.append(pool.submit(_code_batch, batch))
            if len(pending) >= 2 * workers:
                yield from _collect(pending.popleft(), timings)
        while pending:
            yield from _collect(pending.popleft(), timings)


def _collect(future: Future[tuple[list[Processed], dict[str, float]]], timings: dict[str, float] | None) -> list[Processed]:
    done, spent = future.result()
    if timings is not None:
        for key, value in spent.items():
            timings[key] = timings.get(key, 0.0) + value
    return done
