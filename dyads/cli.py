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

# --- knowledge-base commands: kb lookup, kb import-petrarch, kb build -------------------

# --- coder commands: classify, explain, train, evaluate ----------------------------------

# --- gazetteer commands: gazetteer build -----------------------------------------------


def main() -> None:
    app()


if __name__ == "__main__":
    main()
