"""The docs cannot drift: every command, setting and public name is documented."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import typer.main

import dyads
from dyads.cli import app
from dyads.config import DEFAULTS_FILE, Config

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[str]:
    group = typer.main.get_group(app)
    paths = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        paths += [f"{name} {child}" for child in sub] if sub else [name]
    return paths


def test_every_command_is_in_the_readme() -> None:
    missing = [path for path in command_paths() if f"dyads {path}" not in README]
    assert not missing, f"README does not document: {missing}"


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one() -> None:
    first_block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_every_setting_is_in_the_commented_defaults() -> None:
    text = DEFAULTS_FILE.read_text(encoding="utf-8")
    undocumented = [f.name for f in fields(Config) if f.name not in ("extra", "default_date") and not re.search(rf"^{f.name} =", text, re.M)]
    assert not undocumented


def test_public_api_is_exactly_what_all_names() -> None:
    assert sorted(dyads.__all__) == sorted(
        ["Config", "Document", "DyadsError", "Entity", "Event", "Mention", "Pipeline", "Place", "Processed",
         "Sentence", "TimeRef", "classify_dyad", "code_documents", "code_text", "load_kb", "__version__"]
    )
    for name in dyads.__all__:
        assert hasattr(dyads, name), name
