"""TempEval-3 (English) temporal-expression benchmark for dyads.resolve.dates.

Reads the TE3 platinum test set (TimeML, with the document creation time as the publication
date), runs ``find_times`` on each document's TEXT, and prints TempEval-3's measures:
strict and relaxed span P/R/F1, and value F1 (relaxed span match + identical normalised
value), overall and per TimeML type, next to HeidelTime's published TE3 result (value F1 77.61).
Develop on ``--split Training/TBAQ-cleaned`` (TimeBank + AQUAINT); the platinum set is held out.

    .venv/bin/python benchmarks/temporal_tempeval3.py [--corpus DIR] [--split Evaluation/te3-platinum]

The corpus is research-only: it is read here for evaluation and never shipped.
"""

from __future__ import annotations

import argparse
import re
import time
from dataclasses import dataclass
from pathlib import Path

from dyads.model import Document, Sentence
from dyads.resolve.dates import find_times

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "temporal_tempeval3_en"
HEIDELTIME = {"strict F1": 81.34, "relaxed F1": 90.30, "value F1": 77.61}  # TE3 task A, HeidelTime-t (UzZaman et al. 2013)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str
    type: str


def read_timeml(path: Path) -> tuple[str, str, list[Timex]]:
    """(plain TEXT, DCT value, gold TIMEX3s with offsets into the plain text)."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.DOTALL)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    gold: list[Timex] = []
    pos = 0
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(body):
        chunk = _unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1) == "/", m.group(2), dict(_ATTR.findall(m.group(3)))
        if name == "TIMEX3" and not closing:
            open_timex = (length, attrs)
        elif name == "TIMEX3" and closing and open_timex:
            start, a = open_timex
            gold.append(Timex(start, length, "", a.get("value", ""), a.get("type", "")))
            open_timex = None
    out.append(_unescape(body[pos:]))
    text = "".join(out)
    gold = [Timex(g.start, g.end, text[g.start : g.end], g.value, g.type) for g in gold]
    return text, (dct.group(1) if dct else ""), gold


def _unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def _sentences(text: str) -> tuple[Sentence, ...]:
    """Paragraphs as units: a naive full-stop split would cut "Aug. 7" in two."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append(Sentence("d", m.start(), m.end(), m.group()))
    return tuple(out)


def _type(m: object) -> str:
    return getattr(getattr(m, "time", None), "type", "DATE")


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(files: list[Path], types: tuple[str, ...] = ()) -> dict[str, float]:
    """Scores over all gold TIMEX3s, or only those of ``types`` (system spans overlapping others are ignored)."""
    n_sys = n_gold = strict = relaxed_sys = relaxed_gold = value_ok = 0
    chars = 0
    started = time.perf_counter()
    for path in files:
        text, dct, gold = read_timeml(path)
        chars += len(text)
        doc = Document(path.stem, text, lang="en", published=dct[:10])
        found = [m for m in find_times(doc, _sentences(text)) if m.time]
        if types:
            other = [g for g in gold if g.type not in types]
            gold = [g for g in gold if g.type in types]
            found = [m for m in found if not any(g.start < m.end and m.start < g.end for g in other)]
        if types:  # a system mention of another TimeML type is not this column's error
            found = [m for m in found if _type(m) in types or any(g.start < m.end and m.start < g.end for g in gold)]
        n_sys += len(found)
        n_gold += len(gold)
        spans = {(g.start, g.end) for g in gold}
        strict += sum((m.start, m.end) in spans for m in found)
        for m in found:
            match = [g for g in gold if g.start < m.end and m.start < g.end]
            relaxed_sys += bool(match)
            value_ok += any(g.value == m.time.value for g in match)  # type: ignore[union-attr]
        relaxed_gold += sum(any(g.start < m.end and m.start < g.end for m in found) for g in gold)
    elapsed = time.perf_counter() - started
    sp, sr, sf = prf(strict, n_sys, strict, n_gold)
    rp, rr, rf = prf(relaxed_sys, n_sys, relaxed_gold, n_gold)
    vp, vr, vf = prf(value_ok, n_sys, value_ok, n_gold)
    return {
        "docs": len(files), "gold": n_gold, "system": n_sys,
        "strict P": sp, "strict R": sr, "strict F1": sf,
        "relaxed P": rp, "relaxed R": rr, "relaxed F1": rf,
        "value P": vp, "value R": vr, "value F1": vf,
        "value accuracy (of relaxed matches)": value_ok / relaxed_sys if relaxed_sys else 0.0,
        "seconds": elapsed, "chars/s": chars / elapsed if elapsed else 0.0,
    }


def speed(files: list[Path], rounds: int = 5) -> float:
    """Characters per second of ``find_times`` with the grammar compiled and its caches empty."""
    from dyads.resolve import dates

    docs = []
    for path in files:
        text, dct, _ = read_timeml(path)
        docs.append((Document(path.stem, text, lang="en", published=dct[:10]), _sentences(text)))
    dates.find_times(*docs[0])
    best = float("inf")
    for _ in range(rounds):
        dates._scan_cached.cache_clear()
        dates._normalise_cached.cache_clear()
        started = time.perf_counter()
        for doc, sentences in docs:
            dates.find_times(doc, sentences)
        best = min(best, time.perf_counter() - started)
    return sum(len(d.text) for d, _ in docs) / best


COLUMNS = (("DATE/TIME", ("DATE", "TIME")), ("DURATION", ("DURATION",)), ("SET", ("SET",)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--split", default="Evaluation/te3-platinum", help="held-out test set; Training/TBAQ-cleaned is for development")
    args = parser.parse_args()
    folder = args.corpus / args.split
    files = sorted(folder.rglob("*.tml"))
    if not files:
        raise SystemExit(f"no .tml files under {folder}; see {args.corpus}/README.txt")
    result = evaluate(files)
    parts = {name: evaluate(files, types) for name, types in COLUMNS}
    print(f"TempEval-3 {args.split}: {result['docs']} documents, {result['gold']} gold TIMEX3, {result['system']} found")
    print("columns: all types, then each TimeML type alone (system spans overlapping gold of other types ignored)")
    header = "".join(f"{name:>10}" for name, _ in COLUMNS)
    print(f"{'measure':<38}{'dyads':>8}{header}{'HeidelTime':>12}")
    for key in ("strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "value P", "value R", "value F1", "value accuracy (of relaxed matches)"):
        ref = HEIDELTIME.get(key)
        cols = "".join(f"{100 * parts[name][key]:>10.1f}" for name, _ in COLUMNS)
        print(f"{key:<38}{100 * result[key]:>8.1f}{cols}{(f'{ref:.1f}' if ref else '-'):>12}")
    print("gold per type: " + ", ".join(f"{name} {parts[name]['gold']}" for name, _ in COLUMNS))
    print(f"speed: {speed(files):,.0f} characters/s (warm grammar, caches cleared, best of 5)")


if __name__ == "__main__":
    main()
