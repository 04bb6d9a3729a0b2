"""The coder commands: classify, explain, train, evaluate (typer's CliRunner, no terminal)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyads.cli import app
from dyads.code.coder import DEFAULT_MODEL

RUNNER = CliRunner()
needs_model = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")


@needs_model
def test_classify_writes_jsonl(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [{"id": "a", "text": "Putin and Tokayev met in Astana.", "actor": ["Putin", "Tokayev"], "recipient": None, "lang": "en"},
            {"id": "b", "text": "Nothing here.", "actor": "Belarus", "recipient": None}]
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = RUNNER.invoke(app, ["classify", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert got[0]["id"] == "a" and got[0]["event"] == "CONSULT" and set(got[0]) == {"id", "event", "mode", "context", "aux", "cameo", "confidence"}
    assert "error" in got[1]


@needs_model
@pytest.mark.parametrize(("flags", "none_allowed"), [([], True), (["--events-only"], False)])
def test_classify_events_only(tmp_path: Path, flags: list[str], none_allowed: bool) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "n", "text": "Russia did not attack Ukraine.", "actor": "Russia", "recipient": "Ukraine", "lang": "en"}),
                   encoding="utf-8")
    result = RUNNER.invoke(app, ["classify", str(src), "-o", str(out), *flags])
    assert result.exit_code == 0, result.output
    assert (json.loads(out.read_text(encoding="utf-8"))["event"] == "NONE") == none_allowed


@pytest.mark.parametrize(("args", "code"), [(["classify", "absent.jsonl"], 2), (["evaluate", "absent.xml"], 2), (["train", "absent.jsonl"], 2)])
def test_usage_errors(args: list[str], code: int) -> None:
    assert RUNNER.invoke(app, args).exit_code == code


@needs_model
def test_explain_prints_candidates() -> None:
    result = RUNNER.invoke(app, ["explain", "Russia and Kazakhstan signed a defence agreement.", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "candidate dyads" in result.output and "language: en" in result.output


def test_train_and_evaluate_jsonl(tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    rows = []
    for i, (verb, event) in enumerate([("attacked", "ASSAULT"), ("met", "CONSULT"), ("praised the weather of", "NONE")] * 4):
        rows.append({"id": f"r{i}", "sid": f"s{i}", "lang": "en", "text": f"Arvania {verb} Borduria {i}.", "actor": "Arvania",
                     "recipient": "Borduria", "event": event})
    data.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    model, manifest = tmp_path / "m.npz", tmp_path / "MANIFEST.md"
    result = RUNNER.invoke(app, ["train", str(data), "-o", str(model), "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    assert model.is_file() and "| examples |" in manifest.read_text(encoding="utf-8")
    cfg = tmp_path / "c.cfg"
    cfg.write_text(f"[dyads]\nmodel_file = {model}\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["evaluate", str(data), "--split", "all", "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert "accuracy (16 types)" in result.output and "per type" in result.output
