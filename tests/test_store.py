"""Store: DuckDB tables, replacement on re-coding, queries and counts."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dyads.errors import StoreError
from dyads.export import event_to_record
from dyads.model import Document, Entity, Mention, Processed
from dyads.store import Store
from test_export import TEXT, make_event


def _doc(doc_id: str, **changes: object) -> Document:
    return Document(id=doc_id, text=TEXT, lang="en", **changes)  # type: ignore[arg-type]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "s.duckdb") as s:
        yield s  # type: ignore[misc]


def test_tables_and_round_trip(store: Store) -> None:
    event = make_event()
    assert store.write([Processed(_doc("doc1", removed=((1, 3),), meta=(("feed", "x"),)), events=(event,))]) == 1
    assert store.query_events() == [event_to_record(event)]
    (doc,) = store.documents()
    assert (doc["id"], doc["status"], doc["removed"], doc["meta"]) == ("doc1", "ok", [(1, 3)], {"feed": "x"})
    roles = store.con.execute("SELECT role, idx, code FROM event_entities ORDER BY role").fetchall()
    assert roles == [("actor", 0, "RUS"), ("recipient", 0, "KAZGOV")]


def test_recoding_replaces_events_never_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "r.duckdb"
    batch = [Processed(_doc("doc1"), events=(make_event("e1"), make_event("e2")))]
    for _ in range(3):
        with Store(path) as s:
            s.write(batch)
    with Store(path) as s:
        assert s.counts() == {"documents": 1, "ok": 1, "failed": 0, "skipped": 0, "events": 2}
        s.write([Processed(_doc("doc1"), events=(make_event("e3"),))])
        assert [r["id"] for r in s.query_events()] == ["e3"]
        assert s.con.execute("SELECT count(*) FROM event_entities").fetchone() == (2,)


def test_document_that_now_fails_loses_its_old_events(store: Store) -> None:
    store.write([Processed(_doc("doc1"), events=(make_event(),))])
    store.write([Processed(_doc("doc1").fail("code", "boom"), events=(make_event(),))])
    assert store.query_events() == []
    assert store.documents(status="failed")[0]["error"] == "code: boom"


def test_same_document_twice_in_a_batch_keeps_the_last(store: Store) -> None:
    store.write([Processed(_doc("d"), events=(make_event("a", doc_id="d"),)), Processed(_doc("d"), events=(make_event("b", doc_id="d"),))])
    assert [r["id"] for r in store.query_events()] == ["b"]


def test_failed_and_skipped_documents_are_stored(store: Store) -> None:
    store.write([Processed(_doc("a")), Processed(_doc("b").skip("language", "unsupported language 'pl'")), Processed(_doc("c").fail("ingest", "binary file"))])
    assert store.counts() == {"documents": 3, "ok": 1, "failed": 1, "skipped": 1, "events": 0}
    assert [d["id"] for d in store.documents(status="skipped")] == ["b"]


@pytest.fixture()
def filled(store: Store) -> Store:
    nato = Mention(0, 4, "NATO", entity=Entity("North Atlantic Treaty Organization", org="NATO", code="IGONAT", kind="org"))
    mil = Mention(0, 14, "Russian troops", entity=Entity("Russia", country="RUS", sector="MIL", code="RUSMIL"))
    store.write([
        Processed(_doc("d1"), events=(make_event("e1", doc_id="d1", date="2024-01-05"),)),
        Processed(_doc("d2"), events=(make_event("e2", doc_id="d2", event="ASSAULT", cameo="190", actor=(mil,), date="2024-03-01", language="ru"),)),
        Processed(_doc("d3"), events=(make_event("e3", doc_id="d3", event="ACCUSE", cameo="112", actor=(nato,), recipient=(mil,), date="2024-05"),)),
    ])
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["e1", "e2", "e3"]),
        ({"actor": "KAZ"}, ["e1", "e2"]),  # country of the recipient
        ({"actor": "kazgov"}, ["e1", "e2"]),
        ({"actor": "NATO"}, ["e3"]),  # organisation
        ({"actor": "RUSMIL"}, ["e2", "e3"]),  # actor in e2, recipient in e3
        ({"actor": "RUS*"}, ["e1", "e2", "e3"]),
        ({"actor": "russia"}, ["e1", "e2", "e3"]),  # name
        ({"event": "assault"}, ["e2"]),
        ({"event": "fight"}, ["e2"]),  # legacy PLOVER name
        ({"event": "11"}, ["e3"]),  # CAMEO prefix
        ({"since": "2024-02-01"}, ["e2", "e3"]),
        ({"until": "2024-03-01"}, ["e1", "e2"]),
        ({"since": "2024-05-01", "until": "2024-05"}, ["e3"]),
        ({"lang": "ru"}, ["e2"]),
        ({"doc_id": "d3"}, ["e3"]),
        ({"limit": 2}, ["e1", "e2"]),
    ],
)
def test_query_events(filled: Store, filters: dict[str, object], expected: list[str]) -> None:
    assert [r["id"] for r in filled.query_events(**filters)] == expected  # type: ignore[arg-type]


def test_read_only_store_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "ro.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as s, pytest.raises(StoreError, match="writing a batch"):
        s.write([Processed(_doc("x"))])
    assert isinstance(duckdb.__version__, str) and duckdb.__version__.startswith("2.")
