"""Coder accuracy on every visible gold set, with the calibration (reliability) table.

    .venv/bin/python benchmarks/coder_accuracy.py [--shared ../shared] [--limit N]

- PLOVER GSR: dyad classification, 5-fold cross-validation grouped by record (each fold's model
  never sees its test fold; it is trained on the other folds + the project's training files).
  "acc15" merges CONCEDE and RETREAT. Every GSR record is an event, so the type is chosen among
  the 16 (``events_only``); "open" is the 16-class accuracy when the coder may also answer NONE.
- PETRARCH unit tests: end-to-end with the PETR.Validate dictionaries; "right" = (source code,
  target code, PLOVER type) found. Not trained on.
- UniversalPetrarch (English, Spanish): end-to-end with the knowledge base; "correct" = gold type
  found with an overlapping actor; "extra" = unmatched predictions / gold events. Evaluation only.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from dyads.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
SETS = (
    ("PLOVER GSR (5-fold CV)", "gold/plover_gsr/PLOVER_GSR_CAMEO.txt", "test"),
    ("PETRARCH unit tests", "gold/petrarch2_unittests/PETR.UnitTest.records.xml", "test"),
    ("UP English (PETR2 GSR)", "gold/universalpetrarch_validation/PETR2_GSR_validation.xml", "test"),
    ("UP Spanish protest (PLOVER)", "gold/universalpetrarch_validation/spanish_protest_plover_validation.xml", "test"),
)


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    console = Console(width=150)
    table = Table(title="coder accuracy")
    for column in ("set", "items", "gold", "pred", "acc16", "acc15", "open", "correct", "right", "dyad", "extra", "ECE", "s"):
        table.add_column(column, justify="left" if column == "set" else "right")
    reports = []
    for name, relative, split in SETS:
        path = Path(args.shared) / relative
        if not path.is_file():
            table.add_row(name, "absent")
            continue
        started = time.perf_counter()
        r = evaluate(path, split=split, limit=args.limit)
        reports.append((name, r))
        table.add_row(name, str(r.items), str(r.gold_events), str(r.predicted_events), _fmt(r.accuracy), _fmt(r.accuracy_15), _fmt(r.accuracy_open),
                      _fmt(r.correct), _fmt(r.events_right), _fmt(r.dyad_accuracy), _fmt(r.extra_rate), _fmt(r.ece),
                      f"{time.perf_counter() - started:.1f}")
    console.print(table)
    for name, r in reports:
        if r.reliability:
            rel = Table(title=f"reliability: {name}")
            for column in ("confidence", "n", "mean conf", "accuracy"):
                rel.add_column(column, justify="right")
            for bin_name, n, conf, acc in r.reliability:
                rel.add_row(bin_name, str(n), f"{conf:.3f}", f"{acc:.3f}")
            console.print(rel)
        types = Table(title=f"per type: {name}")
        for column in ("type", "P", "R", "F1", "gold", "pred"):
            types.add_column(column, justify="right")
        for t, s in r.per_type.items():
            types.add_row(t, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.support), str(s.predicted))
        console.print(types)
        for note in r.notes:
            console.print(f"  note: {note}", markup=False)


if __name__ == "__main__":
    main()
