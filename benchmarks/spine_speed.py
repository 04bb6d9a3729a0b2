"""Throughput of the pipeline spine (ingest -> clean -> language -> segment -> store) and end to end.

    .venv/bin/python benchmarks/spine_speed.py [--docs 1000]

Reads English Reuters-21578 bodies and German 10kGNAD articles from ../shared/corpora when
present (evaluation use only), else the demo corpus repeated. Prints a table; asserts
nothing. Single process, single core.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import tempfile
import time
from pathlib import Path

from dyads.config import Config
from dyads.ingest import document_from_text
from dyads.model import Document, Processed
from dyads.pipeline import Context, Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"


def load_documents(limit: int) -> list[Document]:
    docs: list[Document] = []
    reuters = SHARED / "reuters21578_en" / "reuters21578.jsonl.gz"
    gnad = SHARED / "10kgnad_de_test" / "test.csv"
    if reuters.is_file():
        with gzip.open(reuters, "rt", encoding="utf-8") as stream:
            for line in stream:
                body = json.loads(line).get("body") or ""
                if len(body) > 200:
                    docs.append(document_from_text(body))
                if len(docs) >= limit * 3 // 4:
                    break
    if gnad.is_file():
        with open(gnad, encoding="utf-8") as stream:
            for row in csv.reader(stream, delimiter=";", quotechar="'"):
                if len(row) == 2:
                    docs.append(document_from_text(row[1]))
                if len(docs) >= limit:
                    break
    if not docs:
        demo = sorted((ROOT / "dyads" / "data" / "demo").glob("*.txt"))
        texts = [p.read_bytes().decode("utf-8", "replace") for p in demo if not p.name.startswith("README")]
        docs = [document_from_text(texts[i % len(texts)] + f"\n{i}") for i in range(limit)]
    return docs[:limit]


def timed(label: str, fn, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn(*args)
    return label, time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    docs = load_documents(args.docs)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters\n")

    ctx = Context(Config.load())
    from dyads import clean, language, segment

    batch = [Processed(d) for d in docs]
    rows = []
    for name, module in (("clean", clean), ("language", language), ("segment", segment)):
        module.process(batch, ctx)  # warm caches and load models outside the timing
        label, seconds, batch = timed(name, module.process, batch, ctx)
        rows.append((label, seconds))
    sentences = sum(len(p.sentences) for p in batch)
    print(f"{'stage':<28}{'seconds':>10}{'docs/s':>12}{'sentences/s':>14}")
    for label, seconds in rows:
        print(f"{label:<28}{seconds:>10.2f}{len(docs) / seconds:>12,.0f}{sentences / seconds:>14,.0f}")

    try:
        import pysbd

        english = [p for p in batch if p.document.lang == "en"][:200]
        seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
        started = time.perf_counter()
        n = sum(len(seg.segment(p.document.text)) for p in english)
        pysbd_rate = n / (time.perf_counter() - started)
        started = time.perf_counter()
        m = sum(len(segment.split_document(p.document)) for p in english)
        ours = m / (time.perf_counter() - started)
        print(f"{'segment (en, 200 docs) ours':<28}{'':>10}{'':>12}{ours:>14,.0f}")
        print(f"{'segment (en, 200 docs) pysbd':<28}{'':>10}{'':>12}{pysbd_rate:>14,.0f}")
    except ImportError:
        pass

    for title, stages in (("spine: clean..segment+store", ("clean", "language", "segment")), ("end to end (all stages)+store", None)):
        from dyads.run import _batches
        from dyads.store import Store

        pipeline = Pipeline(Config.load(), **({"stages": stages} if stages else {}))
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as store:
            list(pipeline.run(docs[:4]))  # load resources outside the timing
            started = time.perf_counter()
            n_sent = n_events = 0
            for chunk in _batches(pipeline.run(docs), 64):
                store.write(chunk)
                n_sent += sum(len(p.sentences) for p in chunk)
                n_events += sum(len(p.events) for p in chunk)
            seconds = time.perf_counter() - started
        print(f"{title:<28}{seconds:>10.2f}{len(docs) / seconds:>12,.0f}{n_sent / seconds:>14,.0f}   ({n_events} events)")
        if stages is None:
            print("  per stage (s): " + ", ".join(f"{k}={v:.2f}" for k, v in sorted(pipeline.ctx.timings.items()) if not k.startswith("load:")))


if __name__ == "__main__":
    main()
