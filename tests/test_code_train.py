"""Training on a tiny file, model save/load round trip, calibration helpers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dyads.code import Coder, train
from dyads.code.classifier import CLASSES, LinearModel, fit_temperature, softmax
from dyads.code.features import DIM, Party
from dyads.code.train import reliability
from dyads.config import Config
from dyads.errors import CoderError

ROWS = [
    ("Arvania attacked Borduria at dawn.", "Arvania", "Borduria", "ASSAULT"),
    ("Arvania shelled Borduria again.", "Arvania", "Borduria", "ASSAULT"),
    ("Borduria attacked Arvania overnight.", "Borduria", "Arvania", "ASSAULT"),
    ("Arvania met Borduria in the capital.", "Arvania", "Borduria", "CONSULT"),
    ("Borduria met Arvania for talks.", "Borduria", "Arvania", "CONSULT"),
    ("Arvania held talks with Borduria.", "Arvania", "Borduria", "CONSULT"),
    ("Arvania praised the Borduria weather.", "Arvania", "Borduria", "NONE"),
    ("Arvania and Borduria had lunch.", "Arvania", "Borduria", "NONE"),
]


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    lines = [json.dumps({"id": f"t{i}", "sid": f"s{i}", "lang": "en", "text": t, "actor": a, "recipient": r, "event": e})
             for i, (t, a, r, e) in enumerate(ROWS * 2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_train_tiny_file_and_round_trip(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.npz"
    report = train([tiny], output=out, c=4.0)
    assert report.examples == 16 and report.labels["ASSAULT"] == 6 and out.is_file()
    assert 0.0 <= report.ece <= 1.0 and report.temperature > 0
    loaded = LinearModel.load(out)
    coder = Coder(loaded, Config())
    text = "Arvania attacked Borduria at noon."
    _, result = coder.analyse(text, Party(((0, 7),)), Party(((17, 25),)), "en")
    assert result.event == "ASSAULT"
    ids = [1, 5, 99]
    model = LinearModel(np.random.default_rng(0).normal(size=(DIM, len(CLASSES))).astype(np.float32) * (np.arange(DIM) < 200)[:, None],
                        np.zeros(len(CLASSES), dtype=np.float32), CLASSES, 1.7, {"files": {}})
    model.save(tmp_path / "r.npz")
    again = LinearModel.load(tmp_path / "r.npz")
    assert np.allclose(model.proba(ids), again.proba(ids)) and again.temperature == pytest.approx(1.7)


@pytest.mark.parametrize("content", [b"not a model", b""])
def test_unreadable_model_raises(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(CoderError):
        LinearModel.load(path)


def test_missing_training_path_raises(tmp_path: Path) -> None:
    with pytest.raises(CoderError):
        train([tmp_path / "absent.jsonl"], output=None)


def test_temperature_recovers_scale() -> None:
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(2000, 4)) * 3
    y = np.array([rng.choice(4, p=p) for p in softmax(logits)])
    assert fit_temperature(logits * 2.0, y) == pytest.approx(2.0, rel=0.15)


def test_reliability_of_perfect_predictions_is_zero_gap() -> None:
    probs = np.zeros((4, len(CLASSES)))
    probs[np.arange(4), [0, 1, 2, 16]] = 1.0
    ece, table = reliability(probs, [CLASSES[0], CLASSES[1], CLASSES[2], "NONE"])
    assert ece == pytest.approx(0.0) and table[-1][1] == 4


def test_gold_records_weigh_more(tiny: Path) -> None:
    from dataclasses import replace

    from dyads.code.train import GOLD_WEIGHT, example_weight, load_examples

    examples, _ = load_examples([tiny])
    assert example_weight(examples[0]) == 1.0
    assert example_weight(replace(examples[0], source="PLOVER_GSR_CAMEO.txt")) == GOLD_WEIGHT > 1.0


def test_sample_weight_moves_the_decision() -> None:
    from dyads.code.classifier import fit

    rows = [[1, 2], [1, 2], [1, 3], [1, 3]]
    labels = ["ASSAULT", "CONSULT", "ASSAULT", "CONSULT"]  # feature 2 is a tie unless weighted
    groups = ["a", "b", "c", "d"]
    plain, _ = fit(rows, labels, groups, temperature=1.0)
    heavy, _ = fit(rows, labels, groups, temperature=1.0, sample_weight=[5.0, 1.0, 1.0, 1.0])
    a, c = CLASSES.index("ASSAULT"), CLASSES.index("CONSULT")
    assert plain.proba([1, 2])[a] == pytest.approx(plain.proba([1, 2])[c], abs=1e-3)
    assert heavy.proba([1, 2])[a] > heavy.proba([1, 2])[c] + 0.2


def test_jsonl_actor_start_picks_the_right_occurrence(tmp_path: Path) -> None:
    from dyads.evaluate.readers import read_gold

    text = "Norland accused Sudmark; Sudmark rejected the claim from Norland."
    row = {"id": "x1", "lang": "en", "text": text, "actor": "Sudmark", "recipient": "Norland", "event": "REJECT",
           "actor_start": 25, "recipient_start": 57}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    ex = read_gold(path).dyads[0]
    assert ex.actor == ((25, 32),) and ex.recipient == ((57, 64),)
