"""Bad input never stops a run: each bad file gets one clear message and a documents row."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
from charset_normalizer import from_bytes
from typer.testing import CliRunner

from dyads.cli import app
from dyads.config import Config
from dyads.run import code_inputs
from dyads.store import Store
from test_cli import fake_downstream  # noqa: F401 - fixture

BIG = 50 * 1024 * 1024
GOOD_EN = "Kazakhstan signed a defence agreement with Russia on Tuesday in Astana, officials said."
GOOD_DE = "Deutschland und Frankreich haben am Montag in Berlin ein neues Abkommen über Verteidigung unterzeichnet."
POLISH = "Rząd w Warszawie ogłosił w poniedziałek nowe sankcje wobec firm, które współpracują z przemysłem zbrojeniowym."


def _undecodable() -> bytes:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    assert from_bytes(data).best() is None  # the fixture really defeats detection
    return data


EXPECTED = {  # doc id -> (status, reason fragment)
    "binary.bin": ("failed", "binary file"),
    "empty.txt": ("skipped", "empty file"),
    "garbage.txt": ("failed", "cannot detect the text encoding"),
    "huge.txt": ("skipped", f"too large ({BIG} bytes > max_bytes 10000000)"),
    "feed.jsonl:2": ("failed", "malformed JSON on line 2"),
    "menu.html": ("skipped", "no main text found in the HTML page"),
    "polish.txt": ("skipped", "unsupported language 'pl'"),
}
GOOD = ["de.txt", "en.txt", "feed.jsonl:1", "feed.jsonl:3"]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    root.mkdir()
    (root / "en.txt").write_text(GOOD_EN, encoding="utf-8")
    (root / "de.txt").write_text(GOOD_DE, encoding="utf-8")
    (root / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (root / "empty.txt").write_bytes(b"")
    (root / "garbage.txt").write_bytes(_undecodable())
    with open(root / "huge.txt", "wb") as stream:  # one 50 MB line
        stream.truncate(BIG)
    lines = [json.dumps({"text": GOOD_EN}), '{"id": "broken", "text": ', json.dumps({"text": GOOD_DE})]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "menu.html").write_text("<html><head><title>Site</title></head><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>", encoding="utf-8")
    (root / "polish.txt").write_text(POLISH, encoding="utf-8")
    return root


def test_every_bad_input_is_recorded_and_good_ones_stored(fake_downstream: None, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    read: list[str] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or original(self))
    db = tmp_path / "bad.duckdb"
    started = time.perf_counter()
    summary = code_inputs([str(folder)], Config.load(), db=str(db))
    assert time.perf_counter() - started < 60  # loose: a hang or a 50 MB read into lingua would blow this
    assert "huge.txt" not in read  # skipped on its size alone
    problems = {doc_id: (status, reason) for doc_id, status, reason in summary.problems}
    assert set(problems) == set(EXPECTED)
    for doc_id, (status, fragment) in EXPECTED.items():
        assert problems[doc_id][0] == status and fragment in problems[doc_id][1], (doc_id, problems[doc_id])
    assert (summary.documents, summary.ok, summary.failed, summary.skipped) == (11, 4, 3, 4)
    with Store(db, read_only=True) as store:
        rows = {d["id"]: d for d in store.documents()}
    assert sorted(d for d, row in rows.items() if row["status"] == "ok") == GOOD
    for doc_id, (status, fragment) in EXPECTED.items():
        assert rows[doc_id]["status"] == status and fragment in rows[doc_id]["error"]


def test_cli_names_each_document_once_and_exits_1(fake_downstream: None, folder: Path, tmp_path: Path) -> None:  # noqa: F811
    result = CliRunner().invoke(app, ["code", str(folder), "--db", str(tmp_path / "bad.duckdb")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    for doc_id, (status, fragment) in EXPECTED.items():
        (line,) = [line for line in lines if line.startswith(f"{status} {doc_id}: ")]
        assert fragment in line
    assert lines[-1].startswith("11 documents: 4 ok, 4 skipped, 3 failed; 2 events;")
    assert len(lines) == len(EXPECTED) + 1


def test_only_skips_exit_0(fake_downstream: None, folder: Path, tmp_path: Path) -> None:  # noqa: F811
    result = CliRunner().invoke(app, ["code", str(folder / "polish.txt"), str(folder / "en.txt"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines()[-1].startswith("2 documents: 1 ok, 1 skipped, 0 failed;")
