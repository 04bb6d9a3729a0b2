"""How right are the demo's events? Scores `dyads demo` against the hand-coded key.

    python benchmarks/demo_accuracy.py [--show] [--corpus DIR]

The key is tests/data/demo_gold.jsonl (written by hand for the invented demo articles).
``--corpus DIR`` scores another folder of ``.txt`` articles against its ``key.jsonl`` instead,
such as the wire-report development set in benchmarks/data/wire.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from dyads.evaluate.documents import read_document_gold, score_documents
from dyads.export import record_to_event
from dyads.config import Config
from dyads.run import code_inputs, demo
from dyads.store import Store

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "demo_gold.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="list missed and extra events")
    parser.add_argument("--corpus", type=Path, help="a folder of .txt articles with its key.jsonl (default: the demo)")
    args = parser.parse_args()
    key = args.corpus / "key.jsonl" if args.corpus else GOLD
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.duckdb")
        if args.corpus:
            files = sorted(str(p) for p in args.corpus.glob("*.txt") if not p.name.upper().startswith("README"))
            code_inputs(files, Config.load(), db=db)
        else:
            demo(db)
        with Store(db, read_only=True) as store:
            records = store.query_events()
    events = defaultdict(list)
    for record in records:
        events[record["doc_id"]].append(record_to_event(record))
    score = score_documents(read_document_gold(key), events)
    table = Table(title=f"{args.corpus.name if args.corpus else 'demo'} events vs the hand-coded key")
    for column in ("measure", "value"):
        table.add_column(column)
    table.add_row("gold events", str(score.gold))
    table.add_row("predicted events", str(score.predicted))
    table.add_row("matched (type + sentence + actor)", str(score.matched))
    table.add_row("precision", f"{score.precision:.2f}")
    table.add_row("recall", f"{score.recall:.2f}")
    table.add_row("F1", f"{score.f1:.2f}")
    table.add_row("recipients also right", f"{score.matched_roles} / {score.matched}")
    table.add_row("type + sentence (any actor)", f"{score.type_only} / {score.gold}")
    table.add_row("dates right (of matched with gold date)", f"{score.dates_right} / {score.dates_gold}")
    console = Console()
    console.print(table)
    if args.corpus:
        console.print(_by_language(read_document_gold(key), events))
    if args.show:
        for miss in score.misses:
            console.print(f"[red]missed[/red] {miss.doc}: {miss.event} {miss.actor}->{miss.recipient} «{miss.sentence[:70]}»")
        for extra in score.extras:
            codes = [m.entity.code if m.entity else None for m in extra.actor], [m.entity.code if m.entity else None for m in extra.recipient]
            console.print(f"[yellow]extra[/yellow] {extra.doc_id}: {extra.event} {codes[0]}->{codes[1]} «{extra.text[:70]}»")


def _by_language(gold: list, events: dict) -> Table:  # type: ignore[type-arg]
    """The same scores per language, for corpora whose files are named ``<lang>_...``."""
    table = Table(title="by language (file-name prefix)")
    for column in ("lang", "gold", "predicted", "matched", "P", "R", "F1", "recipients"):
        table.add_column(column, justify="right")
    for lang in sorted({g.doc.split("_")[0] for g in gold}):
        part = score_documents([g for g in gold if g.doc.startswith(f"{lang}_")],
                               {doc: evs for doc, evs in events.items() if doc.startswith(f"{lang}_")})
        table.add_row(lang, str(part.gold), str(part.predicted), str(part.matched), f"{part.precision:.2f}", f"{part.recall:.2f}",
                      f"{part.f1:.2f}", f"{part.matched_roles} / {part.matched}")
    return table


if __name__ == "__main__":
    main()
