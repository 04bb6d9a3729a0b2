"""Throughput of the whole pipeline on one core, with a per-stage breakdown and a floor baseline.

    python benchmarks/throughput.py [--per-language 400] [--workers 1]

Codes a fixed sample of real news (Reuters-21578 English, Russian, Italian and German sets
from ../shared/corpora), end to end from raw text to a DuckDB file, and prints documents/s,
sentences/s, MB/s and peak RSS. In the same run it times a floor: reading the same text and
splitting it into sentences and tokens with plain regular expressions. The ratio
pipeline/floor is the number to compare across noisy machines.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).parent))
from corpus_sample import sample  # noqa: E402

from dyads.config import Config  # noqa: E402
from dyads.engine import code_parallel  # noqa: E402
from dyads.ingest import document_from_text  # noqa: E402
from dyads.store import Store  # noqa: E402

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'«„(]?[A-ZА-ЯЁ0-9])")
TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def floor(texts: list[str]) -> tuple[float, int]:
    """Read, split into sentences and tokens: the least any coder must do."""
    started = time.perf_counter()
    sentences = 0
    for text in texts:
        for sentence in SENTENCE.split(text):
            TOKEN.findall(sentence)
            sentences += 1
    return time.perf_counter() - started, sentences


def run_pipeline(items: list[tuple[str, str, str]], workers: int, db: Path) -> tuple[dict[str, float], int, int, int]:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    documents = [document_from_text(text, doc_id=doc_id) for doc_id, _, text in items]
    timings["ingest"] = time.perf_counter() - started
    config = Config.load(db=str(db), min_chars=1)
    results = []
    coded_started = time.perf_counter()
    for result in code_parallel(documents, config, workers=workers, timings=timings):
        results.append(result)
    timings["(coding wall)"] = time.perf_counter() - coded_started
    started = time.perf_counter()
    with Store(str(db)) as store:
        for start in range(0, len(results), config.batch_size):
            store.write(results[start : start + config.batch_size])
    timings["store"] = time.perf_counter() - started
    sentences = sum(len(r.sentences) for r in results)
    events = sum(len(r.events) for r in results)
    ok = sum(r.document.ok for r in results)
    return timings, sentences, events, ok


def startup_seconds(tmp: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of `dyads code one.txt` in a fresh interpreter."""
    one = tmp / "one.txt"
    one.write_text("Russia and Kazakhstan signed a defence cooperation agreement in Astana on Tuesday.\n", encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dyads.cli", "code", str(one), "--db", str(tmp / "one.duckdb")], check=False, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-language", type=int, default=400, help="documents per language (default 400)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    items = sample(args.per_language)
    texts = [text for _, _, text in items]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    floor_seconds, floor_sentences = floor(texts)
    with tempfile.TemporaryDirectory() as tmp:
        cpu_started = time.process_time()
        timings, sentences, events, ok = run_pipeline(items, args.workers, Path(tmp) / "bench.duckdb")
        cpu = time.process_time() - cpu_started  # on a shared machine, CPU time is steadier than wall time
        cold, cold_cpu = startup_seconds(Path(tmp))
    stages = ["ingest", "clean", "language", "segment", "recognize", "code", "resolve", "dedup", "store"]
    loads = {k: v for k, v in timings.items() if k.startswith("load:")}
    total = sum(timings.get(s, 0.0) for s in stages) + sum(loads.values())
    if args.workers > 1:  # stage times are summed over workers; wall time is what the user waits
        total = timings["ingest"] + timings["(coding wall)"] + timings["store"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    console = Console()
    summary = Table(title=f"dyads throughput — {len(items)} documents, {megabytes:.2f} MB, workers={args.workers}")
    for column in ("metric", "value"):
        summary.add_column(column)
    summary.add_row("documents coded ok", f"{ok} / {len(items)}")
    summary.add_row("sentences", f"{sentences:,}")
    summary.add_row("events", f"{events:,}")
    summary.add_row("wall seconds (incl. loading)", f"{total:.2f}")
    summary.add_row("documents/s", f"{len(items) / total:,.0f}")
    summary.add_row("sentences/s", f"{sentences / total:,.0f}")
    summary.add_row("MB/s", f"{megabytes / total:.3f}")
    summary.add_row("CPU seconds (this process)", f"{cpu:.2f}")
    summary.add_row("sentences per CPU second", f"{sentences / cpu:,.0f}")
    summary.add_row("peak RSS (MB)", f"{peak_mb:,.0f}")
    summary.add_row("floor seconds (read+split)", f"{floor_seconds:.3f}  ({floor_sentences:,} sentences)")
    summary.add_row("pipeline / floor", f"{total / floor_seconds:,.1f}x")
    summary.add_row("`dyads code one.txt` cold start (s)", f"{cold:.2f}  (CPU {cold_cpu:.2f})")
    console.print(summary)

    breakdown = Table(title="time per stage (seconds, summed over workers)")
    for column in ("stage", "seconds", "share"):
        breakdown.add_column(column)
    for stage in stages:
        seconds = timings.get(stage, 0.0)
        breakdown.add_row(stage, f"{seconds:.3f}", f"{seconds / max(total, 1e-9):.0%}")
    for name, seconds in sorted(loads.items()):
        breakdown.add_row(name, f"{seconds:.3f}", f"{seconds / max(total, 1e-9):.0%}")
    console.print(breakdown)


if __name__ == "__main__":
    main()
