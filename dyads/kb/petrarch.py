"""User actor files: the dyads actor TSV and PETRARCH/TABARI ``.actors`` dictionaries.

The dyads actor TSV (``config.actor_files``; ``dyads kb import-petrarch`` writes it)::

    # name	code	start	end	aliases	wikidata_id
    Sam Gamgee	HOBCIV		2008-01-19	Samwise;Sam
    Sam Gamgee	HOBMIL	2008-01-20	2012-11-09

One row per name and code; rows of the same name add date-restricted codes (start/end
inclusive, ISO dates, empty = open). A row with neither date is the default code.
The code is CAMEO-style: three letters of country (ISO alpha-3) then a sector
(KAZGOV), or IGO + organisation (IGONATO).

PETRARCH ``.actors`` files: ``NAME_WITH_UNDERSCORES [CODE]``, synonyms on following lines
as ``+SYNONYM``, date restrictions as ``[CODE >YYYYMMDD]``, ``[CODE <YYYYMMDD]`` and
``[CODE YYYYMMDD-YYYYMMDD]`` (six-digit YYMMDD dates are read as 19YY/20YY), comments after
``#`` and ``<!-- -->`` blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import KnowledgeBaseError
from .entries import Actor, DatedCode

HEADER = "# name\tcode\tstart\tend\taliases\twikidata_id"
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class ActorRecord:
    """One actor as read from a dictionary: a name, synonyms and (dated) codes."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    wikidata_id: str | None = None
    source: str = ""


def _pet_date(raw: str) -> str:
    raw = raw.strip()
    if len(raw) == 6:
        year = int(raw[:2])
        raw = ("19" if year > 30 else "20") + raw
    if len(raw) != 8 or not raw.isdigit():
        raise ValueError(raw)
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def parse_code(block: str) -> DatedCode | None:
    """One bracketed code block: ``HOB``, ``HOB <950601``, ``HOBGOV 19950601 - 19990815``."""
    text = block.strip()
    if not text:
        return None
    match = re.fullmatch(r"([A-Za-z0-9/~-]*)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?", text)
    if not match or not match.group(1) or match.group(1).strip("-") == "":
        return None
    code = match.group(1).upper()
    try:
        if match.group(2) == "<":
            return DatedCode(code, "", _shift(_pet_date(match.group(3)), -1))
        if match.group(2) == ">":
            return DatedCode(code, _shift(_pet_date(match.group(3)), 1), "")
        if match.group(4):
            return DatedCode(code, _pet_date(match.group(4)), _pet_date(match.group(5)))
    except ValueError:
        return None
    return DatedCode(code)


def _pet_name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def read_petrarch(path: str | Path) -> list[ActorRecord]:
    """Actors of a PETRARCH/TABARI ``.actors`` dictionary."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    records: list[ActorRecord] = []
    current: ActorRecord | None = None
    for number, line in enumerate(text.splitlines(), 1):
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        stripped = body.strip()
        codes = [c for c in (parse_code(b) for b in _CODE.findall(stripped)) if c is not None]
        head = _CODE.sub("", stripped).strip()
        if stripped.startswith("+") and current is not None:
            current.aliases.append(_pet_name(head[1:]))
        elif not head and current is not None:
            current.codes.extend(codes)
        elif head and not line[:1].isspace():
            current = ActorRecord(_pet_name(head), codes=codes, source=f"{Path(path).name}:{number}")
            records.append(current)
    return records


def read_actor_tsv(path: str | Path) -> list[ActorRecord]:
    """Actors of a dyads actor TSV (format in the module docstring)."""
    by_name: dict[str, ActorRecord] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        c = [x.strip() for x in line.split("\t")] + [""] * 6
        if not c[0] or not c[1]:
            raise KnowledgeBaseError(f"{path}:{number}: a row needs a name and a code", fix="see the actor TSV format in dyads/kb/petrarch.py")
        record = by_name.setdefault(c[0], ActorRecord(c[0], source=f"{Path(path).name}:{number}"))
        record.codes.append(DatedCode(c[1].upper(), c[2], c[3]))
        record.aliases.extend(a.strip() for a in c[4].split(";") if a.strip() and a.strip() not in record.aliases)
        record.wikidata_id = record.wikidata_id or c[5] or None
    return list(by_name.values())


def read_actor_file(path: str | Path) -> list[ActorRecord]:
    """A user actor file, PETRARCH or TSV by its content."""
    file = Path(path)
    if not file.is_file():
        raise KnowledgeBaseError(f"actor file {path} not found", fix="fix actor_files in your config")
    head = file.read_text(encoding="utf-8", errors="replace")[:4000]
    if "\t" in head and "[" not in head.split("\n", 3)[-1][:200]:
        return read_actor_tsv(file)
    return read_petrarch(file)


def to_tsv_rows(records: Iterable[ActorRecord]) -> Iterator[str]:
    """Lines of the dyads actor TSV for ``records`` (header first)."""
    yield HEADER
    for record in records:
        for index, dated in enumerate(record.codes):
            aliases = ";".join(record.aliases) if index == 0 else ""
            yield "\t".join((record.name, dated.code, dated.start, dated.end, aliases, record.wikidata_id or ""))


def import_petrarch(path: str | Path, out: str | Path) -> int:
    """Convert a PETRARCH dictionary to the dyads actor TSV; returns the number of actors."""
    records = [r for r in read_petrarch(path) if r.codes]
    Path(out).write_text("\n".join(to_tsv_rows(records)) + "\n", encoding="utf-8")
    return len(records)


def to_actor(record: ActorRecord) -> Actor:
    return Actor(record.name, record.name, list(record.codes), record.wikidata_id, record.source)
