"""Store: documents and events in a DuckDB file.

Tables:

- ``documents``: one row per input document with its status and reason (``failed`` and
  ``skipped`` documents are stored too, so a run loses nothing silently).
- ``events``: one row per event, one column per field of the event record
  (``export.event_to_record``); nested fields are JSON columns.
- ``event_entities``: one row per actor/recipient entity of an event, for querying.

``write`` stores one batch in one transaction. Re-coding a document replaces its events
(delete by ``doc_id``, then insert), so running the same input twice never duplicates.
Rows go in as columns (NumPy object arrays DuckDB scans), never one INSERT per row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import StoreError
from .export import NESTED_FIELDS, RECORD_FIELDS, event_to_record
from .model import Processed

_DDL = (
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY, text VARCHAR, title VARCHAR, url VARCHAR, published VARCHAR,
        lang VARCHAR, source VARCHAR, path VARCHAR, status VARCHAR, error VARCHAR,
        removed JSON, meta JSON, coded_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS events (
        schema_version VARCHAR, id VARCHAR, doc_id VARCHAR, event VARCHAR, mode VARCHAR,
        context JSON, aux JSON, actor JSON, recipient JSON, cameo VARCHAR, quad_code INTEGER,
        event_scale DOUBLE, date VARCHAR, date_precision VARCHAR, date_basis VARCHAR,
        event_loc JSON, text VARCHAR, text_info JSON, language VARCHAR, confidence DOUBLE,
        explanation JSON, title VARCHAR, url VARCHAR, source VARCHAR, published VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS event_entities (
        event_id VARCHAR, doc_id VARCHAR, role VARCHAR, idx INTEGER, text VARCHAR,
        start INTEGER, "end" INTEGER, name VARCHAR, country VARCHAR, org VARCHAR,
        sector VARCHAR, wikidata_id VARCHAR, code VARCHAR)""",
    "CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id)",
    "CREATE INDEX IF NOT EXISTS events_id ON events (id)",
    "CREATE INDEX IF NOT EXISTS event_entities_doc_id ON event_entities (doc_id)",
)
_DOC_COLUMNS = ("id", "text", "title", "url", "published", "lang", "source", "path", "status", "error", "removed", "meta", "coded_at")
_ENTITY_COLUMNS = ("event_id", "doc_id", "role", "idx", "text", "start", "end", "name", "country", "org", "sector", "wikidata_id", "code")


class Store:
    """A DuckDB file of documents and events. Use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        try:
            if not read_only:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}", fix="check the path, and that no other process holds it for writing") from exc
        if not read_only:
            for statement in _DDL:
                self.con.execute(statement)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- writing -----------------------------------------------------------------------

    def write(self, results: Iterable[Processed]) -> int:
        """Store a batch in one transaction; returns the number of events written."""
        latest: dict[str, Processed] = {}
        for item in results:
            latest[item.document.id] = item  # the same document twice in a batch: last wins
        if not latest:
            return 0
        items = list(latest.values())
        docs = _documents_table(items)
        events, entities, n_events = _events_tables(items)
        ids = _ids_table([item.document.id for item in items])
        con = self.con
        con.begin()
        try:
            con.register("_doc_ids", ids)
            con.execute("DELETE FROM event_entities WHERE doc_id IN (SELECT id FROM _doc_ids)")
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT id FROM _doc_ids)")
            con.register("_docs", docs)
            con.execute(f"INSERT OR REPLACE INTO documents SELECT {', '.join(_quoted(_DOC_COLUMNS))} FROM _docs")
            if n_events:
                con.register("_events", events)
                con.execute(f"INSERT INTO events SELECT {', '.join(_quoted(RECORD_FIELDS))} FROM _events")
                con.register("_entities", entities)
                con.execute(f"INSERT INTO event_entities SELECT {', '.join(_quoted(_ENTITY_COLUMNS))} FROM _entities")
            con.commit()
        except Exception as exc:
            con.rollback()
            raise StoreError(f"writing a batch to {self.path} failed: {exc}", fix="check disk space and that the file is a dyads database") from exc
        finally:
            for name in ("_doc_ids", "_docs", "_events", "_entities"):
                con.unregister(name)
        return n_events

    # --- reading -----------------------------------------------------------------------

    def query_events(
        self,
        actor: str | None = None,
        event: str | None = None,
        since: str | None = None,
        until: str | None = None,
        lang: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events as schema records, ordered by date, document and position.

        ``actor`` matches an event whose actor OR recipient has that country code (RUS),
        organisation (NATO), actor code (KAZGOV) or name (Kazakhstan), case-insensitively;
        a code ending in ``*`` matches as a prefix (``RUS*`` = RUS, RUSGOV, RUSMIL...).
        ``event`` is a PLOVER type (``ASSAULT``) or a CAMEO code prefix (``19``).
        ``since``/``until`` bound ``date`` inclusively; an event dated only to a month or year
        matches when that period overlaps the range (``2024-05`` is within since=2024-05-20).
        """
        where, params = _filters(actor, event, since, until, lang, doc_id)
        sql = f"SELECT {', '.join(_quoted(RECORD_FIELDS))} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date NULLS LAST, doc_id, CAST(json_extract(text_info, '$.start') AS INTEGER), id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self.con.execute(sql, params).fetchall()
        return [_record(row) for row in rows]

    def documents(self, status: str | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT {', '.join(_quoted(_DOC_COLUMNS))} FROM documents"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        rows = self.con.execute(sql + " ORDER BY id", params).fetchall()
        out = []
        for row in rows:
            doc = dict(zip(_DOC_COLUMNS, row, strict=True))
            doc["removed"] = [tuple(span) for span in json.loads(doc["removed"] or "[]")]
            doc["meta"] = json.loads(doc["meta"] or "{}")
            out.append(doc)
        return out

    def counts(self) -> dict[str, int]:
        """Documents per status (``ok``, ``failed``, ``skipped``), ``documents`` and ``events``."""
        counts = {"documents": 0, "ok": 0, "failed": 0, "skipped": 0}
        for status, n in self.con.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall():
            counts[status] = int(n)
            counts["documents"] += int(n)
        counts["events"] = int(self.con.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]
        return counts


# --- helpers -------------------------------------------------------------------------


def _filters(actor: str | None, event: str | None, since: str | None, until: str | None, lang: str | None, doc_id: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if actor:
        value = actor.strip()
        if value.endswith("*"):
            where.append("id IN (SELECT event_id FROM event_entities WHERE upper(code) LIKE ? OR upper(country) LIKE ?)")
            params += [value[:-1].upper() + "%"] * 2
        else:
            where.append(
                "id IN (SELECT event_id FROM event_entities WHERE upper(country) = ? OR upper(org) = ? OR upper(code) = ? OR lower(name) = ?)"
            )
            params += [value.upper(), value.upper(), value.upper(), value.lower()]
    if event:
        value = event.strip()
        if value.isdigit():
            where.append("cameo LIKE ?")
            params.append(value + "%")
        else:
            from .ontology import normalise_type

            where.append("event = ?")
            params.append(normalise_type(value))
    if since:
        where.append("date >= left(?, length(date))")  # "2024-05" overlaps since=2024-05-20
        params.append(since)
    if until:
        where.append("date <= ?")
        params.append(until + "\uffff")  # "2024-05" includes every day of May
    if lang:
        where.append("language = ?")
        params.append(lang)
    if doc_id:
        where.append("doc_id = ?")
        params.append(doc_id)
    return where, params


def _record(row: tuple[Any, ...]) -> dict[str, Any]:
    record = dict(zip(RECORD_FIELDS, row, strict=True))
    for name in NESTED_FIELDS:
        if record[name] is not None:
            record[name] = json.loads(record[name])
    return record


def _quoted(names: Iterable[str]) -> list[str]:
    return [f'"{name}"' for name in names]


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _frame(rows: list[dict[str, Any]], columns: Iterable[str], types: dict[str, type] | None = None) -> dict[str, Any]:
    """Columns of ``rows`` as NumPy object arrays, which DuckDB scans directly.

    Not Arrow: building an Arrow array makes pyarrow import pandas (~0.4 s of a cold start).
    Numbers are coerced to the column's type, as an Arrow schema would.
    """
    import numpy as np

    types = types or {}
    frame = {}
    for column in columns:
        cast = types.get(column)
        values = (r.get(column) for r in rows)
        if cast is not None:
            values = (None if v is None else cast(v) for v in values)
        frame[column] = np.fromiter(values, dtype=object, count=len(rows))
    return frame


def _ids_table(ids: list[str]) -> dict[str, Any]:
    return _frame([{"id": i} for i in ids], ["id"])


def _documents_table(items: list[Processed]) -> dict[str, Any]:
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for item in items:
        doc = item.document
        rows.append({
            "id": doc.id, "text": doc.text, "title": doc.title, "url": doc.url, "published": doc.published,
            "lang": doc.lang, "source": doc.source, "path": doc.path, "status": doc.status, "error": doc.error,
            "removed": _json([list(span) for span in doc.removed]), "meta": _json(dict(doc.meta)), "coded_at": now,
        })
    return _frame(rows, _DOC_COLUMNS)


def _events_tables(items: list[Processed]) -> tuple[dict[str, Any], dict[str, Any], int]:
    """(events, entities, number of events)."""
    events, entities = [], []
    for item in items:
        if not item.document.ok:
            continue
        for event in item.events:
            record = event_to_record(event)
            events.append({k: _json(v) if k in NESTED_FIELDS else v for k, v in record.items()})
            for role in ("actor", "recipient"):
                for idx, entity in enumerate(record[role]):
                    entities.append({"event_id": record["id"], "doc_id": record["doc_id"], "role": role, "idx": idx, **entity})
    event_types: dict[str, type] = {"quad_code": int, "event_scale": float, "confidence": float}
    entity_types: dict[str, type] = {"idx": int, "start": int, "end": int}
    strings = {c: str for c in RECORD_FIELDS if c not in event_types and c not in NESTED_FIELDS}
    entity_strings = {c: str for c in _ENTITY_COLUMNS if c not in entity_types}
    return (
        _frame(events, RECORD_FIELDS, {**strings, **event_types}),
        _frame(entities, _ENTITY_COLUMNS, {**entity_strings, **entity_types}),
        len(events),
    )
