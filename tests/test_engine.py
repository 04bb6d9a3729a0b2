"""Engines: --workers N and the Ray Data engine give exactly the local events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.config import Config
from dyads.engine import code_parallel
from dyads.export import event_to_record
from dyads.ingest import as_document

# Our own sentences, written for these tests.
CORPUS = [
    {"id": "e1", "lang": "en", "date": "2026-03-03", "text": "Russia and Kazakhstan signed a defence cooperation agreement in Astana on Tuesday. The Kazakh defence minister praised the deal."},
    {"id": "e2", "lang": "en", "date": "2026-03-04", "text": "NATO refused to cooperate with the CSTO, the alliance said on Wednesday. Protesters rallied in Yerevan against the government."},
    {"id": "r1", "lang": "ru", "date": "2026-03-05", "text": "Министр иностранных дел России встретился в Москве с коллегой из Казахстана. Стороны обсудили сотрудничество."},
    {"id": "i1", "lang": "it", "date": "2026-03-06", "text": "Il ministro degli Esteri italiano ha criticato la Russia per l'attacco. L'Ucraina ha chiesto nuovi aiuti all'Unione europea."},
    {"id": "d1", "lang": "de", "date": "2026-03-07", "text": "Die Bundesregierung hat Sanktionen gegen Belarus verhängt. Polizisten nahmen in Minsk mehrere Demonstranten fest."},
    {"id": "f1", "lang": "fr", "date": "2026-03-08", "text": "La France a condamné l'attaque contre un poste frontière. Le président français s'est entretenu avec son homologue kazakh."},
    {"id": "s1", "lang": "es", "date": "2026-03-09", "text": "El Gobierno de España anunció ayuda humanitaria para Ucrania. Rusia amenazó con nuevas represalias."},
    {"id": "bad", "text": ""},
]


def local_records(config: Config, workers: int) -> list[dict]:
    documents = [as_document(row, i) for i, row in enumerate(CORPUS)]
    results = list(code_parallel(documents, config, workers=workers))
    return [event_to_record(event) for result in results for event in result.events], [r.document.status for r in results]


def test_workers_give_same_events_as_one_worker() -> None:
    config = Config.load(batch_size=2)
    one, statuses_one = local_records(config, 1)
    two, statuses_two = local_records(config, 2)
    assert one == two
    assert statuses_one == statuses_two
    assert statuses_one[-1] in ("failed", "skipped")


@pytest.mark.slow
def test_ray_engine_matches_local_and_retry_writes_no_duplicates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ray = pytest.importorskip("ray")
    duckdb = pytest.importorskip("duckdb")
    from dyads.engine.ray_engine import run_ray

    shard_dir = tmp_path / "in"
    shard_dir.mkdir()
    for index in range(0, len(CORPUS), 3):  # several shards, as on a cluster
        lines = "\n".join(json.dumps(row, ensure_ascii=False) for row in CORPUS[index : index + 3])
        (shard_dir / f"part-{index:03d}.jsonl").write_text(lines + "\n", encoding="utf-8")
    marker = tmp_path / "failed-once"
    config = Config.load(batch_size=2)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": {"DYADS_RAY_FAIL_ONCE": str(marker)}})
    try:
        summary = run_ray([str(shard_dir)], str(tmp_path / "out"), config)
    finally:
        ray.shutdown()
    assert marker.exists(), "the injected failure did not happen, so the retry path was not exercised"
    expected, statuses = local_records(config, 1)
    assert summary.documents == len(CORPUS)
    assert summary.events == len(expected)
    rows = duckdb.sql(f"select id from read_parquet('{tmp_path}/out/events/**/*.parquet', hive_partitioning=true)").fetchall()
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids)), "a retried task wrote duplicate events"
    assert sorted(ids) == sorted(record["id"] for record in expected)
    import pyarrow.dataset as ds

    table = ds.dataset(tmp_path / "out" / "events", format="parquet", partitioning="hive").to_table()
    got = {row["id"]: row for row in table.to_pylist()}
    for record in expected:
        row = got[record["id"]]
        for key in ("doc_id", "event", "mode", "cameo", "date", "text", "confidence", "aux", "context"):
            assert row[key] == record[key], (key, row[key], record[key])
        for role in ("actor", "recipient"):
            assert [e["code"] for e in row[role]] == [e["code"] for e in record[role]]
