"""Export: the canonical event record, and writing stored events to JSONL, CSV or Parquet.

``event_to_record`` is THE record: JSONL output, the database (``store.py``), the web API
and other engines all use it, and ``dyads/schema/event.schema.json`` describes it (see
``docs/events.md``). ``record_to_event`` reverses it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .errors import ExportError
from .model import Entity, Event, Mention, Place

SCHEMA_VERSION = "1.0.0"
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "event.schema.json"
FORMATS = ("jsonl", "csv", "parquet")
_SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}

ENTITY_FIELDS = ("text", "start", "end", "name", "country", "org", "sector", "wikidata_id", "code")
PLACE_FIELDS = ("name", "country", "lat", "lon", "geonameid", "resolution")
RECORD_FIELDS = (
    "schema_version", "id", "doc_id", "event", "mode", "context", "aux", "actor", "recipient",
    "cameo", "quad_code", "event_scale", "date", "date_precision", "date_basis", "event_loc",
    "text", "text_info", "language", "confidence", "explanation", "title", "url", "source", "published",
)
NESTED_FIELDS = ("context", "aux", "actor", "recipient", "event_loc", "text_info", "explanation")


def event_to_record(event: Event) -> dict[str, Any]:
    """The canonical, JSON-ready record of one event (field order is the schema's)."""
    trigger = None
    if event.trigger_start is not None and event.trigger_end is not None:
        trigger = {"text": event.trigger_text, "start": event.trigger_start, "end": event.trigger_end}
    return {
        "schema_version": SCHEMA_VERSION,
        "id": event.id,
        "doc_id": event.doc_id,
        "event": event.event,
        "mode": event.mode,
        "context": list(event.context),
        "aux": list(event.aux),
        "actor": [mention_to_record(m) for m in event.actor],
        "recipient": [mention_to_record(m) for m in event.recipient],
        "cameo": event.cameo,
        "quad_code": event.quad_code,
        "event_scale": event.event_scale,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "event_loc": place_to_record(event.event_loc),
        "text": event.text,
        "text_info": {"start": event.sentence_start, "end": event.sentence_end, "trigger": trigger},
        "language": event.language,
        "confidence": round(float(event.confidence), 4),
        "explanation": list(event.explanation),
        "title": event.title,
        "url": event.url,
        "source": event.source,
        "published": event.published,
    }


def mention_to_record(mention: Mention) -> dict[str, Any]:
    entity = mention.entity or Entity(name=mention.text)
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "name": entity.name,
        "country": entity.country,
        "org": entity.org,
        "sector": entity.sector,
        "wikidata_id": entity.wikidata_id,
        "code": entity.code,
    }


def place_to_record(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {name: getattr(place, name) for name in PLACE_FIELDS}


def record_to_event(record: dict[str, Any]) -> Event:
    """An ``Event`` back from its record (entity ``kind``/``source`` are not in the record)."""
    info = record.get("text_info") or {}
    trigger = info.get("trigger") or {}
    loc = record.get("event_loc")
    return Event(
        id=record["id"],
        doc_id=record["doc_id"],
        event=record["event"],
        actor=tuple(_mention(m) for m in record.get("actor") or ()),
        recipient=tuple(_mention(m) for m in record.get("recipient") or ()),
        sentence_start=int(info.get("start", 0)),
        sentence_end=int(info.get("end", 0)),
        text=record.get("text") or "",
        trigger_start=trigger.get("start"),
        trigger_end=trigger.get("end"),
        trigger_text=trigger.get("text"),
        mode=record.get("mode"),
        context=tuple(record.get("context") or ()),
        aux=tuple(record.get("aux") or ()),
        cameo=record.get("cameo"),
        quad_code=record.get("quad_code"),
        event_scale=record.get("event_scale"),
        date=record.get("date"),
        date_precision=record.get("date_precision"),
        date_basis=record.get("date_basis"),
        event_loc=Place(**{k: loc.get(k) for k in PLACE_FIELDS}) if loc else None,
        language=record.get("language"),
        confidence=float(record.get("confidence") or 0.0),
        explanation=tuple(record.get("explanation") or ()),
        title=record.get("title"),
        url=record.get("url"),
        source=record.get("source"),
        published=record.get("published"),
    )


def _mention(record: dict[str, Any]) -> Mention:
    entity = Entity(
        name=record.get("name") or record.get("text") or "",
        country=record.get("country"),
        org=record.get("org"),
        sector=record.get("sector"),
        wikidata_id=record.get("wikidata_id"),
        code=record.get("code"),
    )
    return Mention(start=int(record.get("start", 0)), end=int(record.get("end", 0)), text=record.get("text") or "", entity=entity)


# --- schema --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The event JSON Schema (draft 2020-12) shipped in ``dyads/schema/event.schema.json``."""
    if not SCHEMA_PATH.is_file():
        raise ExportError(f"event schema not found at {SCHEMA_PATH}", fix="reinstall dyads from a full checkout")
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def validate_record(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``record`` does not follow the schema."""
    import jsonschema

    jsonschema.Draft202012Validator(load_schema()).validate(record)


# --- writing -------------------------------------------------------------------------


def write_jsonl(records: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def format_for(out_path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        if fmt.lower() not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
        return fmt.lower()
    suffix = Path(out_path).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        raise ExportError(f"cannot tell the format from {str(out_path)!r}", fix="name the file .jsonl, .csv or .parquet, or pass --format")
    return _SUFFIX_FORMATS[suffix]


def export_events(db_path: str | Path, out_path: str | Path, fmt: str | None = None, **filters: Any) -> int:
    """Write every stored event (optionally filtered as in ``Store.query_events``); returns the count."""
    from .store import Store

    fmt = format_for(out_path, fmt)
    if not Path(db_path).is_file():
        raise ExportError(f"database {db_path} not found", fix="run `dyads code ... --db FILE` first")
    with Store(db_path, read_only=True) as store:
        records = store.query_events(**filters)
    try:
        if fmt == "jsonl":
            with open(out_path, "w", encoding="utf-8") as stream:
                return write_jsonl(records, stream)
        if fmt == "csv":
            return _write_csv(records, out_path)
        return _write_parquet(records, out_path)
    except OSError as exc:
        raise ExportError(f"cannot write {out_path}: {exc.strerror or exc}", fix="check the folder exists and is writable") from exc


def flat_rows(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Records with nested fields as JSON strings (for CSV)."""
    for record in records:
        yield {k: json.dumps(v, ensure_ascii=False) if k in NESTED_FIELDS and v is not None else v for k, v in record.items()}


def _write_csv(records: list[dict[str, Any]], out_path: str | Path) -> int:
    with open(out_path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(RECORD_FIELDS))
        writer.writeheader()
        count = 0
        for row in flat_rows(records):
            writer.writerow(row)
            count += 1
    return count


def _write_parquet(records: list[dict[str, Any]], out_path: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(records, schema=event_arrow_schema())
    pq.write_table(table, str(out_path))
    return len(records)


def event_arrow_schema() -> Any:
    """The record as an Arrow schema with nested types (lists and structs), for Parquet and Ray."""
    import pyarrow as pa

    string, integer, number = pa.string(), pa.int64(), pa.float64()
    entity = pa.struct([(name, integer if name in ("start", "end") else string) for name in ENTITY_FIELDS])
    place = pa.struct([
        ("name", string), ("country", string), ("lat", number), ("lon", number), ("geonameid", integer), ("resolution", string),
    ])
    span = pa.struct([("text", string), ("start", integer), ("end", integer)])
    types = {
        "context": pa.list_(string), "aux": pa.list_(string), "actor": pa.list_(entity), "recipient": pa.list_(entity),
        "quad_code": integer, "event_scale": number, "event_loc": place,
        "text_info": pa.struct([("start", integer), ("end", integer), ("trigger", span)]),
        "confidence": number, "explanation": pa.list_(string),
    }
    return pa.schema([(name, types.get(name, string)) for name in RECORD_FIELDS])


def __getattr__(name: str) -> Any:
    # EVENT_ARROW_SCHEMA is built on first use so importing this module does not import pyarrow.
    if name == "EVENT_ARROW_SCHEMA":
        return event_arrow_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
