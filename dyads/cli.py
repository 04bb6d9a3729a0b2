"""The command line: parse arguments, call the library, print. No logic lives here."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(help="dyads: political event data (PLOVER/CAMEO) from raw multilingual news.", no_args_is_help=True)
kb_app = typer.Typer(help="Inspect and extend the actor knowledge base.", no_args_is_help=True)
gazetteer_app = typer.Typer(help="Build and extend the place gazetteer.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
app.add_typer(gazetteer_app, name="gazetteer")

out = Console()
err = Console(stderr=True)

# --- pipeline commands: code, events, export, demo -------------------------------------
# Exit codes: 0 all documents ok or skipped (skipping, e.g. an unsupported language, is an
# outcome, not an error), 1 at least one document failed, 2 usage errors (missing input,
# bad date, bad config file, unreadable database).


def _usage_error(message: str) -> typer.Exit:
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    return typer.Exit(code=2)


def _check_date(value: str | None, option: str) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise _usage_error(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None


def _load_config(config_file: str | None, **overrides: object) -> object:
    """Config from an optional file; a bad file is a usage error (shared by every command)."""
    from .config import Config
    from .errors import DyadsError

    try:
        return Config.load(config_file, **overrides)
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None


@app.command("code")
def code_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders (searched recursively) or - for stdin (text or JSONL)."),
    output: str | None = typer.Option(None, "-o", "--output", help="Write events as JSONL to this file, or - for stdout."),
    db: str | None = typer.Option(None, "--db", help="DuckDB file to store documents and events in (default: the config's db)."),
    date: str | None = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for documents that carry none."),
    lang: str | None = typer.Option(None, "--lang", help="Language of documents that do not name one (skips detection)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes; results are identical to --workers 1."),
    config_file: str | None = typer.Option(None, "--config", help="Settings file (see dyads/settings.cfg)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or ray (Ray Data; needs dyads[ray])."),
    address: str | None = typer.Option(None, "--address", help="Ray cluster address (ray://host:10001 or auto); default: start Ray locally."),
) -> None:
    """Code news documents into events. Exit 1 if any document failed, 2 on usage errors.

    With --engine ray, INPUT is JSONL or Parquet shards (local paths or URIs such as
    s3://bucket/news/) and --output is the directory for partitioned Parquet.
    """
    if engine == "ray":
        _code_on_ray(inputs, output, date, config_file, address)
        return
    if engine != "local":
        raise _usage_error(f"--engine {engine!r} is unknown; use local or ray")
    import sys
    from pathlib import Path

    from rich.markup import escape

    from .config import Config
    from .errors import DyadsError
    from .model import Processed
    from .run import code_inputs

    missing = [item for item in inputs if item != "-" and not Path(item).exists()]
    if missing:
        raise _usage_error(f"no such file or directory: {', '.join(missing)}")
    try:
        config = Config.load(config_file, default_date=_check_date(date, "--date"))
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    if lang and lang not in config.languages:
        raise _usage_error(f"--lang {lang!r} is not supported; use one of {', '.join(config.languages)}")
    target_db = db or config.db
    stream = sys.stdout if output == "-" else output

    def report(item: Processed) -> None:
        doc = item.document
        if doc.status != "ok":
            colour = "red" if doc.status == "failed" else "yellow"
            err.print(f"[{colour}]{doc.status}[/{colour}] {escape(doc.id)}: {escape(doc.error or '')}", soft_wrap=True)

    try:
        with _progress() as advance:
            summary = code_inputs(inputs, config, db=target_db, output=stream, lang=lang, workers=workers, on_progress=lambda item: (report(item), advance())[0])
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    err.print(f"{summary.line()} -> {escape(target_db)}", soft_wrap=True)
    raise typer.Exit(code=1 if summary.failed else 0)


def _code_on_ray(inputs: list[str], output: str | None, date: str | None, config_file: str | None, address: str | None) -> None:
    import logging

    from .engine.ray_engine import run_ray
    from .errors import DyadsError

    logging.getLogger("ray").setLevel(logging.WARNING)
    if not output or output == "-":
        raise _usage_error("--engine ray needs --output DIR (a local directory or a URI such as s3://bucket/events)")
    config = _load_config(config_file, default_date=_check_date(date, "--date"))
    try:
        summary = run_ray(inputs, output, config, address=address)  # type: ignore[arg-type]
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    err.print(
        f"{summary.documents} documents: {summary.ok} ok, {summary.skipped} skipped, {summary.failed} failed; "
        f"{summary.events} events -> {summary.output}/events (Parquet, partitioned by language)",
        soft_wrap=True,
        markup=False,
    )
    raise typer.Exit(code=1 if summary.failed else 0)


class _progress:  # noqa: N801 - used like a function in a with-statement
    """A rich spinner with a document count on stderr, only when stderr is a terminal."""

    def __enter__(self) -> object:
        self._bar = None
        if not err.is_terminal:
            return lambda: None
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("coding"), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True)
        self._bar.start()
        task = self._bar.add_task("coding", total=None)
        return lambda: self._bar.advance(task)  # type: ignore[union-attr]

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _print_events(records: list[dict[str, object]]) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for column in ("date", "event", "actor", "recipient", "lang", "conf"):
        wraps = column in ("actor", "recipient")
        table.add_column(column, no_wrap=not wraps, min_width=8 if wraps else None)
    table.add_column("trigger", no_wrap=True, overflow="ellipsis", max_width=18)
    wide = out.width >= 140  # the sentence itself only where there is room to read it
    if wide:
        table.add_column("text", no_wrap=True, overflow="ellipsis", max_width=out.width - 88)
    for r in records:
        event = f"{r['event']} {r.get('cameo') or ''}".strip()
        trigger = ((r.get("text_info") or {}).get("trigger") or {}).get("text") or ""  # type: ignore[union-attr]
        cells = [str(r.get("date") or ""), event, _side(r["actor"]), _side(r["recipient"]), str(r.get("language") or ""), f"{r['confidence']:.2f}", trigger]
        if wide:
            cells.append(str(r["text"]))
        table.add_row(*(Text(cell) for cell in cells))  # Text: no markup parsing of news text
    out.print(table)


def _side(entities: object) -> str:
    return ", ".join(str(e.get("code") or e.get("name")) for e in entities or [])  # type: ignore[union-attr]


def _open_store(db: str) -> object:
    from pathlib import Path

    from .errors import DyadsError
    from .store import Store

    if not Path(db).is_file():
        raise _usage_error(f"database {db} not found; run `dyads code ... --db {db}` first")
    try:
        return Store(db, read_only=True)
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None


@app.command("events")
def events_command(
    db: str = typer.Option("dyads.duckdb", "--db", help="DuckDB file written by `dyads code` (default: the default config's db)."),
    actor: str | None = typer.Option(None, "--actor", help="Actor OR recipient: country (RUS), org (NATO), code (KAZGOV, RUS*) or name."),
    event_type: str | None = typer.Option(None, "--type", help="PLOVER type (ASSAULT) or CAMEO code prefix (19)."),
    since: str | None = typer.Option(None, "--since", help="Earliest event date, YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Latest event date, YYYY-MM-DD."),
    lang: str | None = typer.Option(None, "--lang", help="Only events from documents in this language."),
    limit: int | None = typer.Option(50, "--limit", min=1, help="At most this many events."),
    as_json: bool = typer.Option(False, "--json", help="Print JSONL records instead of a table."),
) -> None:
    """Show stored events as a table (or JSONL with --json)."""
    import json

    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    with _open_store(db) as store:  # type: ignore[attr-defined]
        records = store.query_events(actor=actor, event=event_type, since=since, until=until, lang=lang, limit=limit)
    if as_json:
        for record in records:
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    _print_events(records)
    err.print(f"{len(records)} events", soft_wrap=True)


@app.command("export")
def export_command(
    output: str = typer.Option(..., "-o", "--output", help="File to write: .jsonl, .csv or .parquet."),
    db: str = typer.Option("dyads.duckdb", "--db", help="DuckDB file written by `dyads code`."),
    fmt: str | None = typer.Option(None, "--format", help="jsonl, csv or parquet (default: from the file suffix)."),
) -> None:
    """Export every stored event in the schema's columns (CSV: nested fields as JSON)."""
    from .errors import DyadsError
    from .export import export_events

    try:
        count = export_events(db, output, fmt)
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    err.print(f"wrote {count} events to {output}", soft_wrap=True, markup=False)


@app.command("demo")
def demo_command(db: str = typer.Option("dyads-demo.duckdb", "--db", help="DuckDB file to write the demo events to.")) -> None:
    """Code the bundled demo corpus, print its events and the database path."""
    from .errors import DyadsError
    from .run import demo
    from .store import Store

    try:
        summary = demo(db)
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    with Store(db, read_only=True) as store:
        _print_events(store.query_events())
    err.print(summary.line(), soft_wrap=True, markup=False)
    out.print(f"database: {db}", soft_wrap=True, markup=False)


# --- knowledge-base commands: kb lookup, kb import-petrarch, kb build -------------------


@kb_app.command("lookup")
def kb_lookup_command(
    name: str = typer.Argument(..., help="A name, title or phrase, e.g. 'Lavrov' or 'Kazakh defence ministry'."),
    date: str | None = typer.Option(None, "--date", help="Resolve at this date (YYYY-MM-DD); default: now."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the name (en, ru, it, de, fr, es); default: all."),
    config_file: str | None = typer.Option(None, "--config", help="Settings file (for actor_files)."),
) -> None:
    """Show what NAME resolves to and why."""
    from rich.markup import escape

    from .errors import DyadsError
    from .kb import load_kb

    day = _check_date(date, "--date")
    try:
        results = load_kb(_load_config(config_file)).lookup(name, date=day, lang=lang)  # type: ignore[arg-type]
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    if not results:
        err.print(f"no actor found for {escape(name)!r}", soft_wrap=True)
        raise typer.Exit(code=1)
    for r in results:
        e = r.entity
        fields = ", ".join(f"{k}={v}" for k, v in (("country", e.country), ("org", e.org), ("sector", e.sector), ("wikidata", e.wikidata_id), ("kind", e.kind)) if v)
        out.print(f"[bold]{escape(name[r.start : r.end])}[/bold] → {escape(e.code or '-')} ({escape(fields)}) {escape(e.name)}", soft_wrap=True)
        out.print(f"  why: {escape(r.why)}", soft_wrap=True)


@kb_app.command("import-petrarch")
def kb_import_petrarch_command(
    file: str = typer.Argument(..., help="PETRARCH/TABARI .actors dictionary."),
    output: str = typer.Option("actors.tsv", "-o", "--output", help="dyads actor TSV to write (use it in actor_files)."),
) -> None:
    """Convert a PETRARCH .actors dictionary (dated codes, +synonyms) to a dyads actor file."""
    from pathlib import Path

    from .kb.petrarch import import_petrarch

    if not Path(file).is_file():
        raise _usage_error(f"{file} not found")
    count = import_petrarch(file, output)
    out.print(f"{count} actors written to {output}", soft_wrap=True, markup=False)


@kb_app.command("build")
def kb_build_command(
    wikidata: str = typer.Option(..., "--wikidata", help="Wikidata JSON dump (latest-all.json, .gz or .bz2)."),
    output: str = typer.Option("kb-build", "-o", "--output", help="Folder for people/<ISO3>.tsv and org_members.tsv."),
) -> None:
    """Refresh people, offices and memberships from a Wikidata dump."""
    from .errors import DyadsError
    from .kb.wikidata import build

    try:
        counts = build(wikidata, output)
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    for path, count in counts.items():
        out.print(f"{output}/{path}: {count} rows", soft_wrap=True, markup=False)
    if not counts:
        err.print("no office holders found (check dyads/kb/data/wikidata_offices.tsv against the dump)", soft_wrap=True, markup=False)


# --- coder commands: classify, explain, train, evaluate ----------------------------------


@app.command("classify")
def classify_command(
    input_file: str = typer.Argument(..., help='JSONL with {"id","text","actor","recipient","lang"?} per line.'),
    output: str | None = typer.Option(None, "-o", "--output", help="Write results as JSONL here (default: stdout)."),
    config_file: str | None = typer.Option(None, "--config", help="Settings file (see dyads/settings.cfg)."),
    events_only: bool = typer.Option(False, "--events-only", help="The dyads are known events: never answer NONE."),
) -> None:
    """Classify given dyads: the event the actor does to the recipient in each text."""
    import json
    from pathlib import Path

    from .code import classify_records
    from .errors import DyadsError
    from .pipeline import Context

    path = Path(input_file)
    if not path.is_file():
        raise _usage_error(f"no such file: {input_file}")
    ctx = Context(_load_config(config_file))  # type: ignore[arg-type]
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise _usage_error(f"{input_file} is not JSONL: {exc.msg} (line {exc.lineno})") from None
    try:
        lines = [json.dumps(r, ensure_ascii=False) for r in classify_records(rows, ctx, events_only=events_only)]
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    text = "\n".join(lines) + ("\n" if lines else "")
    if output:
        Path(output).write_text(text, encoding="utf-8")
        err.print(f"{len(lines)} dyads classified -> {output}")
    else:
        out.print(text, end="", markup=False, highlight=False, soft_wrap=True)


@app.command("explain")
def explain_command(
    sentence: str = typer.Argument(..., help="The text to explain."),
    lang: str | None = typer.Option(None, "--lang", help="Language code (default: detected)."),
    date: str | None = typer.Option(None, "--date", help="Publication date YYYY-MM-DD."),
    config_file: str | None = typer.Option(None, "--config", help="Settings file (see dyads/settings.cfg)."),
) -> None:
    """Show mentions, candidate pairs, roles, scores and top features for a sentence."""
    from rich.table import Table

    from .code import explain
    from .errors import DyadsError
    from .pipeline import Context

    ctx = Context(_load_config(config_file))  # type: ignore[arg-type]
    try:
        result = explain(sentence, lang=lang, date=_check_date(date, "--date"), ctx=ctx)
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    out.print(f"language: {result.lang}; sentences: {len(result.sentences)}")
    mentions = Table(title="mentions")
    for column in ("span", "kind", "text", "code", "rule"):
        mentions.add_column(column)
    for m in result.mentions:
        code = (m.entity.code if m.entity else None) or (m.time.value if m.time else None) or (m.place.name if m.place else "")
        mentions.add_row(f"{m.start}-{m.end}", m.kind, m.text, code or "", m.rule)
    out.print(mentions)
    cands = Table(title="candidate dyads")
    for column in ("kept", "actor", "recipient", "event", "conf", "score", "trigger", "rule / roles", "top features"):
        cands.add_column(column, overflow="fold")
    for c in result.candidates:
        cands.add_row("yes" if c.kept else "", c.actor, c.recipient, c.event, f"{c.confidence:.2f}", f"{c.score:.2f}",
                      c.trigger or "", "; ".join(filter(None, [c.rule, *c.notes, c.dropped and f"dropped: {c.dropped}"])),
                      ", ".join(c.features[:4]))
    out.print(cands)
    for e in result.events:
        actor = "+".join(m.entity.code if m.entity and m.entity.code else m.text for m in e.actor)
        recipient = "+".join(m.entity.code if m.entity and m.entity.code else m.text for m in e.recipient) or "-"
        out.print(f"[bold]{e.event}[/bold] {actor} -> {recipient} cameo={e.cameo} conf={e.confidence:.2f} aux={list(e.aux)}")
        for line in e.explanation:
            out.print(f"    {line}", markup=False)


@app.command("train")
def train_command(
    data: list[str] = typer.Argument(..., help="Training files: project JSONL dyad lines, folders of them, or a PLOVER GSR file."),
    output: str | None = typer.Option(None, "-o", "--output", help="Model file to write (default: the shipped dyads/models/coder.npz)."),
    c: float | None = typer.Option(None, "--c", help="Inverse regularisation strength of the logistic regression "
                                   "(default: dyads.code.train.DEFAULT_C, 1.0)."),
    manifest: str | None = typer.Option(None, "--manifest", help="Also write a training-data manifest (Markdown) here."),
) -> None:
    """Retrain the dyad classifier on your own data (set model_file in the config to use it)."""
    from rich.table import Table

    from .code import train
    from .code.coder import DEFAULT_MODEL
    from .code.train import DEFAULT_C
    from .errors import DyadsError

    try:
        report = train(data, output=output or DEFAULT_MODEL, c=DEFAULT_C if c is None else c)
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    if manifest:
        from pathlib import Path

        from .code.train import manifest_text

        Path(manifest).write_text(manifest_text(report, "dyads train " + " ".join(data)), encoding="utf-8")
    table = Table(title=f"trained on {report.examples} dyads -> {report.output}")
    table.add_column("file")
    table.add_column("examples", justify="right")
    for name, count in report.files.items():
        table.add_row(name, str(count))
    out.print(table)
    out.print(f"out-of-fold accuracy {report.oof_accuracy:.3f}; ECE {report.ece:.3f}; temperature {report.temperature:.2f}")
    out.print("labels: " + ", ".join(f"{k} {v}" for k, v in report.labels.items()))


@app.command("evaluate")
def evaluate_command(
    gold: str = typer.Argument(..., help="Gold file: PLOVER GSR JSON, PETRARCH or UniversalPetrarch XML, or project JSONL."),
    split: str = typer.Option("test", "--split", help="test: held-out folds for dyad sets; all: the shipped model on everything."),
    fmt: str = typer.Option("auto", "--format", help="auto|plover|petrarch|up|jsonl"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N records."),
    config_file: str | None = typer.Option(None, "--config", help="Settings file (see dyads/settings.cfg)."),
) -> None:
    """Score the coder on a gold set: per-type P/R/F1, confusion matrix, accuracy, extra events."""
    from rich.table import Table

    from .errors import DyadsError
    from .evaluate import evaluate

    try:
        report = evaluate(gold, split=split, fmt=fmt, config=_load_config(config_file), limit=limit)  # type: ignore[arg-type]
    except DyadsError as exc:
        raise _usage_error(str(exc)) from None
    summary = Table(title=f"{report.name} ({report.format}, split={report.split})")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    for label, value in (("items", report.items), ("gold events", report.gold_events), ("predicted events", report.predicted_events),
                         ("accuracy (16 types)", report.accuracy), ("accuracy (15: CONCEDE+RETREAT merged)", report.accuracy_15),
                         ("accuracy with NONE allowed (16 types + NONE)", report.accuracy_open),
                         ("correct (type + actor)", report.correct), ("events right (PETRARCH)", report.events_right),
                         ("dyad accuracy", report.dyad_accuracy), ("extra-event rate", report.extra_rate), ("ECE", report.ece)):
        if value is not None:
            summary.add_row(label, f"{value:.3f}" if isinstance(value, float) else str(value))
    out.print(summary)
    types = Table(title="per type")
    for column in ("type", "precision", "recall", "F1", "gold", "predicted"):
        types.add_column(column, justify="right" if column != "type" else "left")
    for name, s in report.per_type.items():
        types.add_row(name, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.support), str(s.predicted))
    out.print(types)
    labels = sorted({p for row in report.confusion.values() for p in row} | set(report.confusion))
    matrix = Table(title="confusion (rows gold, columns predicted)")
    matrix.add_column("gold")
    for label in labels:
        matrix.add_column(label[:4], justify="right")
    for g in sorted(report.confusion):
        matrix.add_row(g, *[str(report.confusion[g].get(p, "")) for p in labels])
    out.print(matrix)
    for note in report.notes:
        out.print(f"note: {note}", markup=False)

# --- gazetteer commands: gazetteer build -----------------------------------------------


@gazetteer_app.command("build")
def gazetteer_build(
    geonames: str = typer.Option(..., "--geonames", help="GeoNames dump: allCountries.txt or citiesNNN.txt (tab-separated)."),
    output: str = typer.Option("gazetteer.ext.tsv.gz", "-o", "--output", help="Extension file to write; name it in gazetteer_file."),
    min_population: int = typer.Option(0, "--min-population", help="Skip places smaller than this."),
) -> None:
    """Build a gazetteer extension from a GeoNames dump (set gazetteer_file to use it)."""
    from .errors import DyadsError
    from .resolve.gazetteer import build_from_geonames

    try:
        count = build_from_geonames(geonames, output, min_population=min_population)
    except DyadsError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    out.print(f"wrote {count} places to {output}; set gazetteer_file = {output} in your config to use them")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
