"""One options object, read from ``settings.cfg`` (the commented defaults) and overrides."""

from __future__ import annotations

import configparser
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import ConfigError

DEFAULTS_FILE = Path(__file__).with_name("settings.cfg")
SUPPORTED_LANGUAGES = ("en", "ru", "it", "de", "fr", "es")


@dataclass(frozen=True)
class Config:
    db: str = "dyads.duckdb"
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES
    batch_size: int = 64
    max_bytes: int = 10_000_000
    min_chars: int = 20
    min_confidence: float = 0.5
    actor_files: tuple[str, ...] = ()
    gazetteer_file: str | None = None
    model_file: str | None = None
    default_date: str | None = None  # publication date to assume when a document has none
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: object) -> Config:
        """Read the defaults, then ``path`` if given, then keyword overrides."""
        parser = configparser.ConfigParser()
        parser.read(DEFAULTS_FILE, encoding="utf-8")
        if path is not None:
            if not Path(path).is_file():
                raise ConfigError(f"config file {path} not found", fix="pass an existing .cfg file")
            parser.read(path, encoding="utf-8")
        values = dict(parser["dyads"]) if parser.has_section("dyads") else {}
        config = cls()._apply(values)
        return replace(config, **{k: v for k, v in overrides.items() if v is not None})

    def _apply(self, values: dict[str, str]) -> Config:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, object] = {}
        extra: dict[str, str] = {}
        for key, raw in values.items():
            if key not in known:
                extra[key] = raw
                continue
            changes[key] = _parse(key, raw, getattr(self, key))
        return replace(self, extra=extra, **changes)


def _parse(key: str, raw: str, default: object) -> object:
    raw = raw.strip()
    try:
        if isinstance(default, tuple):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        if isinstance(default, bool):
            return raw.lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {key!r} has invalid value {raw!r}", fix="see dyads/settings.cfg") from exc
    return raw or None
