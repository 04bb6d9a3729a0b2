"""The event record, its JSON Schema, round trips, and JSONL/CSV/Parquet export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from dyads.export import (
    RECORD_FIELDS,
    event_to_record,
    export_events,
    format_for,
    load_schema,
    record_to_event,
    validate_record,
)
from dyads.errors import ExportError
from dyads.model import AUX_FLAGS, Document, Entity, Event, Mention, Place, Processed
from dyads.ontology import NO_EVENT, PLOVER_TYPES, SECTORS
from dyads.store import Store

TEXT = "Russia and Kazakhstan signed a defence agreement in Astana on Tuesday."


def make_event(event_id: str = "e1", doc_id: str = "doc1", **changes: object) -> Event:
    fields: dict[str, object] = dict(
        id=event_id, doc_id=doc_id, event="AGREE",
        actor=(Mention(0, 6, "Russia", entity=Entity("Russia", country="RUS", code="RUS", wikidata_id="Q159")),),
        recipient=(Mention(11, 21, "Kazakhstan", entity=Entity("Kazakhstan", country="KAZ", sector="GOV", code="KAZGOV")),),
        sentence_start=0, sentence_end=len(TEXT), text=TEXT, trigger_start=22, trigger_end=28, trigger_text="signed",
        mode="sign", context=("military",), aux=("historical",), cameo="057", quad_code=1, event_scale=8.0,
        date="2024-06-11", date_precision="day", date_basis="stated",
        event_loc=Place("Astana", country="KAZ", lat=51.18, lon=71.45, geonameid=1526273, resolution="city"),
        language="en", confidence=0.91, explanation=("trigger 'signed' -> AGREE",),
        title="Pact", url="https://example.org/a", source="Wire", published="2024-06-12",
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def test_record_has_every_schema_field_in_order_and_validates() -> None:
    record = event_to_record(make_event())
    assert tuple(record) == RECORD_FIELDS == tuple(load_schema()["required"])
    validate_record(record)
    assert record["actor"][0] == {"text": "Russia", "start": 0, "end": 6, "name": "Russia", "country": "RUS", "org": None, "sector": None, "wikidata_id": "Q159", "code": "RUS"}
    assert record["text_info"] == {"start": 0, "end": len(TEXT), "trigger": {"text": "signed", "start": 22, "end": 28}}
    assert record["schema_version"] == "1.0.0" and "1.0.0" in load_schema()["$id"]


def test_minimal_event_validates() -> None:
    event = Event(id="m", doc_id="d", event=NO_EVENT, actor=(), recipient=(), sentence_start=0, sentence_end=3, text="abc")
    record = event_to_record(event)
    validate_record(record)
    assert record["event_loc"] is None and record["text_info"]["trigger"] is None


@pytest.mark.parametrize(
    ("change", "value"),
    [("event", "FIGHTING"), ("aux", ["maybe"]), ("date_precision", "week"), ("date_basis", "guess"), ("confidence", 1.5), ("schema_version", "0.9")],
)
def test_invalid_records_fail_validation(change: str, value: object) -> None:
    record = event_to_record(make_event())
    record[change] = value
    with pytest.raises(jsonschema.ValidationError):
        validate_record(record)


def test_schema_enums_match_the_ontology() -> None:
    props = load_schema()["properties"]
    assert props["event"]["enum"] == [*PLOVER_TYPES, NO_EVENT]
    assert props["aux"]["items"]["enum"] == list(AUX_FLAGS)
    assert load_schema()["$defs"]["entity"]["properties"]["sector"]["enum"] == [*SECTORS, None]
    jsonschema.Draft202012Validator.check_schema(load_schema())


def test_round_trip() -> None:
    record = event_to_record(make_event())
    assert event_to_record(record_to_event(record)) == record
    assert event_to_record(record_to_event(json.loads(json.dumps(record)))) == record


@pytest.mark.parametrize(("name", "fmt"), [("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.csv", "csv"), ("a.parquet", "parquet")])
def test_format_from_suffix(name: str, fmt: str) -> None:
    assert format_for(name) == fmt


def test_unknown_format_is_an_export_error() -> None:
    with pytest.raises(ExportError, match="cannot tell the format"):
        format_for("events.xlsx")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ev.duckdb"
    doc = Document(id="doc1", text=TEXT, lang="en")
    with Store(path) as store:
        store.write([Processed(doc, events=(make_event("e1"), make_event("e2", event="ASSAULT", cameo="190", quad_code=4)))])
    return path


def test_export_jsonl_lines_validate(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert export_events(db, out) == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in records:
        validate_record(record)
    assert [r["id"] for r in records] == ["e1", "e2"]
    assert records[0] == event_to_record(make_event("e1"))


def test_export_csv_has_schema_columns_with_json_nested(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    export_events(db, out)
    with open(out, encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == list(RECORD_FIELDS)
    assert json.loads(rows[0]["actor"])[0]["country"] == "RUS"
    assert rows[1]["event"] == "ASSAULT"


def test_export_parquet_has_nested_types(db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out.parquet"
    assert export_events(db, out) == 2
    table = pq.read_table(out)
    assert table.column_names == list(RECORD_FIELDS)
    assert table.to_pylist()[0] == event_to_record(make_event("e1"))


def test_arrow_schema_round_trips_records() -> None:
    import pyarrow as pa

    from dyads.export import EVENT_ARROW_SCHEMA

    minimal = event_to_record(Event(id="m", doc_id="d", event="NONE", actor=(), recipient=(), sentence_start=0, sentence_end=1, text="a"))
    records = [event_to_record(make_event()), minimal]
    assert pa.Table.from_pylist(records, schema=EVENT_ARROW_SCHEMA).to_pylist() == records


def test_export_missing_database(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="not found"):
        export_events(tmp_path / "none.duckdb", tmp_path / "x.jsonl")


DOCS = Path(__file__).resolve().parents[1] / "docs" / "events.md"


def test_docs_describe_every_field_and_the_example_validates() -> None:
    text = DOCS.read_text(encoding="utf-8")
    schema = load_schema()
    nested = [*schema["$defs"]["entity"]["properties"], *schema["$defs"]["place"]["properties"]]
    for name in [*RECORD_FIELDS, *nested]:
        assert f"`{name}`" in text, name
    example = text.split("```json", 1)[1].split("```", 1)[0]
    validate_record(json.loads(example))
