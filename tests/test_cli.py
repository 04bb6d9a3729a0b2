"""CLI: code, events, export, demo; messages, summary line and exit codes (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyads import pipeline
from dyads.cli import app
from dyads.export import validate_record
from dyads.model import Entity, Event, Mention, Processed, stable_id
from dyads.store import Store

EN = "Kazakhstan signed a defence agreement with Russia on Tuesday in Astana."
RU = "Россия и Казахстан в четверг провели переговоры о безопасности в Астане."
runner = CliRunner()


def fake_code(batch: list[Processed], ctx: object) -> list[Processed]:
    """A stand-in coder: one AGREE event per sentence containing ' signed '."""
    out = []
    for item in batch:
        events = []
        for s in item.sentences:
            if " signed " in s.text:
                first = s.text.split()[0]
                actor = Mention(s.start, s.start + len(first), first, entity=Entity(first, code=first[:3].upper()))
                events.append(Event(id=stable_id(s.doc_id, s.start), doc_id=s.doc_id, event="AGREE", actor=(actor,), recipient=(),
                                    sentence_start=s.start, sentence_end=s.end, text=s.text, language=item.document.lang,
                                    date=item.document.published, date_precision="day" if item.document.published else None,
                                    date_basis="publication" if item.document.published else None, confidence=0.9))
        out.append(item.with_(events=tuple(events)))
    return out


def _identity(batch: list[Processed], ctx: object) -> list[Processed]:
    return batch


@pytest.fixture()
def fake_downstream(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace recognize/code/resolve (other engineers' stages) so these tests pin the spine only."""
    real = pipeline.stage_function
    fakes = {"recognize": _identity, "code": fake_code, "resolve": _identity}
    monkeypatch.setattr(pipeline, "stage_function", lambda name: fakes.get(name) or real(name))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Pact in Astana\n{EN}\nShare\n", encoding="utf-8")
    (folder / "b.txt").write_text(RU, encoding="utf-8")
    return folder


def test_code_stores_and_writes_jsonl(fake_downstream: None, corpus: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "e.duckdb", tmp_path / "e.jsonl"
    result = runner.invoke(app, ["code", str(corpus), "--db", str(db), "-o", str(out), "--date", "2024-06-11"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("2 documents: 2 ok, 0 skipped, 0 failed; 1 events;")
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    validate_record(record)
    assert (record["doc_id"], record["date"], record["text"]) == ("a.txt", "2024-06-11", EN)
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == 1 and store.counts()["documents"] == 2


def test_code_to_stdout(fake_downstream: None, corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", str(corpus), "--db", str(tmp_path / "x.duckdb"), "-o", "-"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["event"] == "AGREE"


def test_code_reads_stdin_jsonl(fake_downstream: None, tmp_path: Path) -> None:
    data = json.dumps({"id": "s1", "text": EN, "date": "2024-01-02"}) + "\n"
    result = runner.invoke(app, ["code", "-", "--db", str(tmp_path / "x.duckdb"), "-o", "-"], input=data)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["doc_id"] == "s1"


def test_recoding_does_not_duplicate(fake_downstream: None, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    for _ in range(2):
        assert runner.invoke(app, ["code", str(corpus), "--db", str(db)]).exit_code == 0
    with Store(db, read_only=True) as store:
        assert store.counts() == {"documents": 2, "ok": 2, "failed": 0, "skipped": 0, "events": 1}


def test_lang_option_forces_language(fake_downstream: None, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    runner.invoke(app, ["code", str(corpus / "b.txt"), "--db", str(db), "--lang", "de"])
    with Store(db, read_only=True) as store:
        assert store.documents()[0]["lang"] == "de"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "/no/such/input"], "no such file or directory: /no/such/input"),
        (["code", ".", "--date", "2024-02-30"], "--date '2024-02-30' is not a date"),
        (["code", ".", "--lang", "pl"], "--lang 'pl' is not supported"),
        (["code", ".", "--config", "/no/such.cfg"], "config file /no/such.cfg not found"),
        (["events", "--db", "/no/such.duckdb"], "database /no/such.duckdb not found"),
        (["events", "--db", "/no/such.duckdb", "--since", "May"], "--since 'May' is not a date"),
        (["export", "--db", "/no/such.duckdb", "-o", "x.jsonl"], "database /no/such.duckdb not found"),
        (["export", "--db", "/no/such.duckdb", "-o", "x.xlsx"], "cannot tell the format"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.fixture()
def coded_db(fake_downstream: None, corpus: Path, tmp_path: Path) -> Path:
    db = tmp_path / "e.duckdb"
    runner.invoke(app, ["code", str(corpus), "--db", str(db), "--date", "2024-06-11"])
    return db


def test_events_table_and_json(coded_db: Path) -> None:
    table = runner.invoke(app, ["events", "--db", str(coded_db)])
    assert table.exit_code == 0 and "AGREE" in table.stdout and "KAZ" in table.stdout
    assert table.stderr.strip() == "1 events"
    as_json = runner.invoke(app, ["events", "--db", str(coded_db), "--json", "--type", "agree", "--actor", "KAZ"])
    assert [json.loads(line)["doc_id"] for line in as_json.stdout.splitlines()] == ["a.txt"]
    none = runner.invoke(app, ["events", "--db", str(coded_db), "--json", "--until", "2024-01-01"])
    assert none.stdout == ""


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
def test_export(coded_db: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out.{suffix}"
    result = runner.invoke(app, ["export", "--db", str(coded_db), "-o", str(out)])
    assert result.exit_code == 0 and out.is_file()
    assert result.stderr.strip() == f"wrote 1 events to {out}"


def test_demo_runs_the_real_pipeline(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = runner.invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert f"database: {db}" in result.stdout
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert counts["documents"] >= 10 and counts["failed"] == 0 and counts["skipped"] == 0


def test_code_inputs_library_call(fake_downstream: None, corpus: Path, tmp_path: Path) -> None:
    import io

    from dyads.config import Config
    from dyads.run import RunSummary, code_inputs

    stream, seen = io.StringIO(), []
    summary = code_inputs([str(corpus), str(tmp_path / "missing.txt")], Config.load(), db=None, output=stream, on_progress=seen.append)
    assert isinstance(summary, RunSummary)
    assert (summary.documents, summary.ok, summary.failed, summary.events) == (3, 2, 1, 1)
    assert summary.problems == ((str(tmp_path / "missing.txt"), "failed", "ingest: no such file or directory"),)
    assert [p.document.id for p in seen] == ["a.txt", "b.txt", str(tmp_path / "missing.txt")]
    assert {"clean", "language", "segment"} <= {name for name, _ in summary.timings}
    assert summary.sentences == 3 and summary.db is None
    assert json.loads(stream.getvalue())["doc_id"] == "a.txt"


def test_workers_give_the_same_events(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[1] / "dyads" / "data" / "demo"
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        result = runner.invoke(app, ["code", str(demo), "--db", str(tmp_path / f"w{workers}.duckdb"), "-o", str(out), "--workers", workers])
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
