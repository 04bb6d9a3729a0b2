"""The Ray Data engine: the same coding function, run by ``map_batches`` on a Ray cluster.

    dyads code --engine ray [--address ray://head:10001] s3://bucket/news/*.jsonl --output s3://bucket/events/

Input is JSONL or Parquet shards (local paths or any URI pyarrow/fsspec understands);
output is Parquet with the event schema under ``OUTPUT/events/`` (partitioned by
language) plus one row per document under ``OUTPUT/documents/``. Map tasks have no side
effects and the output files are named by block, so a retried task writes no duplicates.
Ray is an optional extra: ``pip install 'dyads[ray]'``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..config import Config
from ..errors import EngineError
from ..model import Processed
from ..pipeline import Pipeline

_PIPELINES: dict[Config, Pipeline] = {}

DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("language", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published", pa.string()),
        ("n_events", pa.int64()),
        ("events", pa.list_(pa.string())),
    ]
)


@dataclass(frozen=True)
class RaySummary:
    output: str
    documents: int
    ok: int
    failed: int
    skipped: int
    events: int


def _pipeline(config: Config) -> Pipeline:
    """One pipeline per worker process, loaded on first use and reused by later tasks."""
    if config not in _PIPELINES:
        _PIPELINES[config] = Pipeline(config)
    return _PIPELINES[config]


def _maybe_fail_for_test() -> None:
    # Test hook: fail the first task that sees this marker path, to exercise retries.
    marker = os.environ.get("DYADS_RAY_FAIL_ONCE")
    if marker and not Path(marker).exists():
        Path(marker).write_text("failed once", encoding="utf-8")
        raise RuntimeError("injected failure (DYADS_RAY_FAIL_ONCE)")


def code_table(batch: pa.Table, config: Config) -> pa.Table:
    """Code one Arrow batch of input rows; returns one row per document, events as JSON."""
    from ..export import event_to_record
    from ..ingest import as_document

    _maybe_fail_for_test()
    rows = [{k: v for k, v in row.items() if v is not None} for row in batch.to_pylist()]
    documents = [as_document(row, index) for index, row in enumerate(rows)]
    results = _pipeline(config).run_batch([Processed(d) for d in documents])
    out = [_document_row(result, event_to_record) for result in results]
    return pa.Table.from_pylist(out, schema=DOCUMENT_SCHEMA)


def _document_row(result: Processed, to_record: Any) -> dict[str, Any]:
    doc = result.document
    return {
        "doc_id": doc.id,
        "status": doc.status,
        "error": doc.error,
        "language": doc.lang,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published,
        "n_events": len(result.events),
        "events": [json.dumps(to_record(event), ensure_ascii=False, sort_keys=True) for event in result.events],
    }


def explode_events(batch: pa.Table) -> pa.Table:
    """Document rows -> one Arrow row per event, with the event schema."""
    from ..export import EVENT_ARROW_SCHEMA

    records = [json.loads(item) for events in batch.column("events").to_pylist() for item in events or ()]
    return pa.Table.from_pylist(records, schema=EVENT_ARROW_SCHEMA)


def _read(ray_data: Any, inputs: list[str]) -> Any:
    parquet = [p for p in inputs if p.rstrip("/").endswith(".parquet") or _is_parquet_dir(p)]
    if parquet and len(parquet) != len(inputs):
        raise EngineError("mixed Parquet and JSONL inputs", fix="run Parquet and JSONL inputs in separate runs")
    if parquet:
        return ray_data.read_parquet(inputs)
    return ray_data.read_json(inputs, lines=True)


def _is_parquet_dir(path: str) -> bool:
    local = Path(path)
    return local.is_dir() and any(local.rglob("*.parquet"))


def run_ray(
    inputs: list[str],
    output: str,
    config: Config,
    address: str | None = None,
    num_cpus: int | None = None,
) -> RaySummary:
    """Code JSONL/Parquet shards on Ray and write Parquet; connects to ``address`` or starts local Ray."""
    try:
        import ray
        import ray.data
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise EngineError("Ray is not installed", fix="pip install 'dyads[ray]'") from exc
    from ray.data._internal.savemode import SaveMode

    if not ray.is_initialized():
        ray.init(address=address, num_cpus=num_cpus, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    ray.data.DataContext.get_current().enable_progress_bars = False
    coded = (
        _read(ray.data, inputs)
        .map_batches(
            code_table,
            fn_kwargs={"config": config},
            batch_format="pyarrow",
            batch_size=config.batch_size,
            max_retries=3,
            retry_exceptions=True,
        )
        .materialize()
    )
    coded.drop_columns(["events"]).write_parquet(f"{output.rstrip('/')}/documents", mode=SaveMode.OVERWRITE)
    events = coded.map_batches(explode_events, batch_format="pyarrow")
    events.write_parquet(f"{output.rstrip('/')}/events", partition_cols=["language"], mode=SaveMode.OVERWRITE)
    return _summarise(coded, output)


def _summarise(coded: Any, output: str) -> RaySummary:
    table = pa.concat_tables([pa.Table.from_pylist(coded.select_columns(["status", "n_events"]).take_all())])
    statuses = table.column("status").to_pylist()
    return RaySummary(
        output=output,
        documents=len(statuses),
        ok=statuses.count("ok"),
        failed=statuses.count("failed"),
        skipped=statuses.count("skipped"),
        events=int(sum(table.column("n_events").to_pylist())),
    )
