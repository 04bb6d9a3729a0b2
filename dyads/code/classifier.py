"""The linear dyad classifier: hashed sparse features -> softmax over 16 PLOVER types + NONE.

Trained with scikit-learn's logistic regression; calibrated by temperature scaling on
out-of-fold predictions; stored as the nonzero weight rows in a compressed ``.npz``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import numpy as np

from ..errors import CoderError
from ..ontology import NO_EVENT, PLOVER_TYPES
from .features import DIM

CLASSES: tuple[str, ...] = (*PLOVER_TYPES, NO_EVENT)
FORMAT_VERSION = 1


@dataclass
class LinearModel:
    weights: np.ndarray  # (DIM, n_classes) float32
    bias: np.ndarray  # (n_classes,)
    classes: tuple[str, ...] = CLASSES
    temperature: float = 1.0
    meta: dict[str, object] = field(default_factory=dict)

    def scores(self, ids: Sequence[int]) -> np.ndarray:
        return self.weights[np.asarray(ids, dtype=np.int64)].sum(axis=0) + self.bias

    def proba(self, ids: Sequence[int]) -> np.ndarray:
        return softmax(self.scores(ids) / self.temperature)

    def scores_many(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        """``scores`` of every row, bit for bit: rows of one length are gathered and summed together
        (a flat gather with ``np.add.reduceat`` would sum in another order and change the last bits)."""
        out = np.empty((len(rows), len(self.classes)), dtype=np.result_type(self.weights, self.bias))
        by_length: dict[int, list[int]] = {}
        for i, ids in enumerate(rows):
            by_length.setdefault(len(ids), []).append(i)
        for length, members in by_length.items():
            if length == 0:
                out[members] = self.bias
                continue
            flat = np.fromiter(chain.from_iterable(rows[i] for i in members), dtype=np.int64, count=length * len(members))
            out[members] = np.add.reduce(self.weights[flat].reshape(len(members), length, -1), axis=1) + self.bias
        return out

    def proba_many(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        return softmax(self.scores_many(rows) / self.temperature)

    def contributions(self, ids: Sequence[int], label: str) -> np.ndarray:
        """Per-feature weight toward ``label`` (same order as ``ids``)."""
        column = self.classes.index(label)
        return self.weights[np.asarray(ids, dtype=np.int64), column]

    def save(self, path: str | Path) -> None:
        rows = np.flatnonzero(np.any(self.weights != 0, axis=1)).astype(np.int32)
        header = {"version": FORMAT_VERSION, "classes": list(self.classes), "temperature": self.temperature,
                  "dim": int(self.weights.shape[0]), "meta": self.meta}
        np.savez_compressed(path, rows=rows, values=self.weights[rows].astype(np.float32), bias=self.bias.astype(np.float32),
                            header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8))

    @classmethod
    def load(cls, path: str | Path) -> LinearModel:
        path = Path(path)
        if not path.is_file():
            raise CoderError(f"model file {path} not found", fix="run `dyads train` or set model_file to an existing .npz")
        try:
            with np.load(path) as data:
                header = json.loads(bytes(data["header"]).decode("utf-8"))
                weights = np.zeros((int(header["dim"]), len(header["classes"])), dtype=np.float32)
                weights[data["rows"]] = data["values"]
                bias = data["bias"].astype(np.float32)
        except (OSError, KeyError, ValueError, EOFError) as exc:
            raise CoderError(f"model file {path} is unreadable: {exc}", fix="retrain it with `dyads train`") from exc
        if header.get("version") != FORMAT_VERSION or int(header["dim"]) != DIM:
            raise CoderError(f"model file {path} has an incompatible format", fix="retrain it with `dyads train`")
        return cls(weights, bias, tuple(header["classes"]), float(header["temperature"]), dict(header.get("meta", {})))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def to_matrix(rows: Sequence[Sequence[int]]):  # type: ignore[no-untyped-def]
    from scipy.sparse import csr_matrix

    indptr = np.cumsum([0, *(len(r) for r in rows)])
    indices = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.float32)
    matrix = csr_matrix((data, indices, indptr), shape=(len(rows), DIM))
    matrix.sum_duplicates()
    return matrix


def _fit_raw(rows: Sequence[Sequence[int]], labels: Sequence[str], c: float,
             sample_weight: Sequence[float] | np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    y = np.array([CLASSES.index(label) for label in labels])
    present = sorted(set(y.tolist()))
    if len(present) < 2:
        raise CoderError("training data has fewer than two distinct labels", fix="add examples of more event types (and NONE)")
    sw = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    clf = LogisticRegression(C=c, max_iter=3000, solver="lbfgs", class_weight=_weights(y, sw))
    matrix = to_matrix(rows)
    used = np.unique(matrix.indices)  # fit on the columns that occur: far faster than all DIM
    clf.fit(matrix[:, used], y, sample_weight=sw)
    weights = np.zeros((DIM, len(CLASSES)), dtype=np.float32)
    bias = np.full(len(CLASSES), -30.0, dtype=np.float32)  # labels never seen stay improbable
    coef, intercept = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:  # binary fits give one row for the second class: split it symmetrically
        coef, intercept = np.vstack([-coef[0] / 2, coef[0] / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
    for k, cls_index in enumerate(clf.classes_):
        weights[used, cls_index] = coef[k]
        bias[cls_index] = intercept[k]
    return weights, bias


NONE_SHARE = 1.5  # NONE may weigh at most this many times the mean event type


def _weights(y: np.ndarray, sample_weight: np.ndarray | None = None) -> dict[int, float]:
    """NONE is the most frequent label by far (more so with the NONE readings training adds); weigh
    it down to at most NONE_SHARE times the mean event type's total weight, so that a short sentence
    with a clear trigger is not pulled to NONE by the prior alone."""
    mass = np.bincount(y, weights=sample_weight, minlength=len(CLASSES))
    events = mass[:-1][mass[:-1] > 0]
    none_weight = min(1.0, NONE_SHARE * float(events.mean()) / mass[-1]) if mass[-1] else 1.0
    return {i: (none_weight if i == len(CLASSES) - 1 else 1.0) for i in range(len(CLASSES))}


def fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that minimises held-out negative log-likelihood."""
    best_t, best_nll = 1.0, float("inf")
    for t in np.exp(np.linspace(np.log(0.25), np.log(6.0), 60)):
        p = softmax(scores / t)
        nll = -float(np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return best_t


def fold_of(key: str, folds: int) -> int:
    import zlib

    return zlib.crc32(key.encode("utf-8")) % folds


def fit(rows: Sequence[Sequence[int]], labels: Sequence[str], groups: Sequence[str], c: float = 8.0, folds: int = 4,
        meta: dict[str, object] | None = None, temperature: float | None = None,
        sample_weight: Sequence[float] | None = None) -> tuple[LinearModel, np.ndarray]:
    """Fit on everything; calibrate the temperature on out-of-fold scores (folds by ``groups``),
    unless a ``temperature`` is given (then no inner folds are fitted). ``sample_weight`` scales
    each example's loss (in-domain gold records may count more than hand-written ones).

    Returns the model and the out-of-fold probability matrix (for reports; empty when not calibrated)."""
    if temperature is not None:
        weights, bias = _fit_raw(rows, labels, c, sample_weight)
        return LinearModel(weights, bias, CLASSES, temperature, dict(meta or {})), np.zeros((0, len(CLASSES)))
    y = np.array([CLASSES.index(label) for label in labels])
    fold = np.array([fold_of(g, folds) for g in groups])
    sw = np.ones(len(rows)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    oof = np.zeros((len(rows), len(CLASSES)), dtype=np.float64)
    for k in range(folds):
        test = np.flatnonzero(fold == k)
        train = np.flatnonzero(fold != k)
        if len(test) == 0 or len(set(y[train].tolist())) < 2:
            continue
        w, b = _fit_raw([rows[i] for i in train], [labels[i] for i in train], c, sw[train])
        oof[test] = np.stack([w[np.asarray(rows[i], dtype=np.int64)].sum(axis=0) + b for i in test])
    temperature = fit_temperature(oof, y)
    weights, bias = _fit_raw(rows, labels, c, sw)
    model = LinearModel(weights, bias, CLASSES, temperature, dict(meta or {}))
    return model, softmax(oof / temperature)
