"""A fixed, deterministic sample of real news from ../shared/corpora, for benchmarks.

The corpora are research-only: they are read from ../shared at run time and never copied
into the repository.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _reuters(limit: int) -> Iterator[tuple[str, str, str]]:
    with gzip.open(SHARED / "reuters21578_en" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as handle:
        count = 0
        for line in handle:
            row = json.loads(line)
            body = (row.get("body") or "").strip()
            if row.get("text_type") != "NORM" or len(body) < 200:
                continue
            text = f"{row.get('title') or ''}\n{row.get('dateline') or ''} {body}"
            yield f"reuters-{row['id']}", "en", text
            count += 1
            if count >= limit:
                return


def _rusentrel(limit: int) -> Iterator[tuple[str, str, str]]:
    files = sorted((SHARED / "rusentrel_ru").glob("*/art*.txt"))
    files = [f for f in files if not f.name.endswith((".opin.txt", ".author.txt"))]
    for path in files[:limit]:
        yield f"rusentrel-{path.parent.name}-{path.stem}", "ru", path.read_text(encoding="utf-8")


def _slavic_ru(limit: int) -> Iterator[tuple[str, str, str]]:
    with gzip.open(SHARED / "slavic_ner_bsnlp" / "slavicner.jsonl.gz", "rt", encoding="utf-8") as handle:
        count = 0
        for line in handle:
            row = json.loads(line)
            if row.get("lang") != "ru":
                continue
            yield f"bsnlp-{count}", "ru", row["text"]
            count += 1
            if count >= limit:
                return


def _dice(limit: int) -> Iterator[tuple[str, str, str]]:
    with gzip.open(SHARED / "dice_italian_crime_news" / "dice_articles_text.jsonl.gz", "rt", encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if count >= limit:
                return
            row = json.loads(line)
            yield f"dice-{row['id']}", "it", row["text"]


def _gnad(limit: int) -> Iterator[tuple[str, str, str]]:
    path = SHARED / "10kgnad_de_test" / "test.csv"
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter=";", quotechar="'")
        for count, row in enumerate(reader):
            if count >= limit:
                return
            yield f"gnad-{count}", "de", row[1]


def sample(per_language: int = 500) -> list[tuple[str, str, str]]:
    """(doc id, language, text) triples: Reuters-21578 en, Russian, Italian and German news."""
    if not SHARED.is_dir():
        raise SystemExit(f"benchmark corpora not found at {SHARED} (expected ../shared next to the repo)")
    russian = list(_rusentrel(per_language))
    russian += list(_slavic_ru(max(0, per_language - len(russian))))
    return [*_reuters(per_language), *russian, *_dice(per_language), *_gnad(per_language)]
