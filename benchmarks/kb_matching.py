"""Knowledge-base load time and mention-matching throughput on real news, per language.

    .venv/bin/python benchmarks/kb_matching.py [--mb 3]

Reads the shared corpora next to the repository (../shared/corpora); a language whose
corpus is absent is skipped. Throughput = UTF-8 megabytes of document text per second of
``KnowledgeBase.find_mentions`` (one call per document, whole text, date set), after the
language's automaton is built (its build time is reported separately). "cpu MB/s" divides by
the process CPU time instead of wall time, which is steadier on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def reuters() -> Iterator[str]:
    with gzip.open(SHARED / "reuters21578_en" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line).get("body") or ""
            if body:
                yield body


def rusentrel() -> Iterator[str]:
    for folder in ("train", "test"):
        for path in sorted((SHARED / "rusentrel_ru" / folder).glob("*.txt")):
            yield path.read_text(encoding="utf-8")


def gnad() -> Iterator[str]:
    csv.field_size_limit(10**8)
    with (SHARED / "10kgnad_de_test" / "test.csv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter=";", quotechar="'"):
            if len(row) > 1:
                yield row[1]


def dice() -> Iterator[str]:
    with gzip.open(SHARED / "dice_italian_crime_news" / "dice_articles_text.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            if text:
                yield text


CORPORA = {"en": ("reuters21578_en", reuters), "ru": ("rusentrel_ru", rusentrel), "de": ("10kgnad_de_test", gnad), "it": ("dice_italian_crime_news", dice)}


def take(docs: Iterator[str], limit_bytes: int) -> list[str]:
    out, size = [], 0
    for doc in docs:
        out.append(doc)
        size += len(doc.encode("utf-8"))
        if size >= limit_bytes:
            break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes of text per language")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    started = time.perf_counter()
    from dyads.config import Config
    from dyads.kb import load_kb

    kb = load_kb(Config.load())
    load_s = time.perf_counter() - started
    print(f"kb load (import + read all data files): {load_s:.3f} s; people {len(kb.sources.people)}, orgs {len(kb.sources.orgs)}")
    print(f"{'lang':4} {'corpus':26} {'docs':>6} {'MB':>6} {'build s':>8} {'match s':>8} {'MB/s':>7} {'cpu MB/s':>9} {'mentions':>9} {'per KB':>7}")
    for lang, (name, reader) in CORPORA.items():
        try:
            docs = take(reader(), int(args.mb * 1_000_000))
        except (FileNotFoundError, OSError):
            print(f"{lang:4} {name:26} (absent)")
            continue
        t0 = time.perf_counter()
        kb.matcher(lang)
        build_s = time.perf_counter() - t0
        size = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
        t0, c0 = time.perf_counter(), time.process_time()
        count = sum(len(kb.find_mentions(d, lang, "2020-01-01")) for d in docs)
        match_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
        print(f"{lang:4} {name:26} {len(docs):6d} {size:6.2f} {build_s:8.3f} {match_s:8.3f} {size / match_s:7.2f} {size / cpu_s:9.2f} {count:9d} {count / (size * 1000):7.2f}")


if __name__ == "__main__":
    main()
