"""Coder speed: model load time, dyads classified per second (one core), model size.

    .venv/bin/python benchmarks/coder_speed.py [--n 5000]

Dyads come from the project's own training files (training/**), so nothing outside the repo
is needed. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from dyads.code import load_coder
from dyads.code.coder import DEFAULT_MODEL
from dyads.code.features import Party
from dyads.code.train import load_examples
from dyads.config import Config

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=0, help="dyads to classify (default: every training dyad once)")
    args = parser.parse_args()
    examples, _ = load_examples([ROOT / "training"])
    started = time.perf_counter()
    coder = load_coder(Config())
    load_s = time.perf_counter() - started
    langs = sorted({ex.lang for ex in examples})
    for lang in langs:  # lexicons load once per process; time them apart from coding
        coder.lexicon(lang)
    n = args.n or len(examples)
    batch = (examples * (n // max(1, len(examples)) + 1))[:n]
    started = time.perf_counter()
    for ex in batch:
        coder.analyse(ex.text, Party(ex.actor), Party(ex.recipient) if ex.recipient else None, ex.lang)
    code_s = time.perf_counter() - started
    table = Table(title="coder speed (one process, one core)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("model file size (MB)", f"{DEFAULT_MODEL.stat().st_size / 1e6:.2f}")
    table.add_row("model load (s)", f"{load_s:.3f}")
    table.add_row("dyads classified", str(len(batch)))
    table.add_row("languages", ", ".join(langs))
    table.add_row("dyads / s", f"{len(batch) / code_s:,.0f}")
    table.add_row("ms / dyad", f"{1000 * code_s / len(batch):.3f}")
    Console().print(table)


if __name__ == "__main__":
    main()
