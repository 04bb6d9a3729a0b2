"""The data model: small frozen dataclasses that every stage passes along.

Offsets (``start``/``end``) always index into ``Document.text``, the exact text
stored in the database. Cleaning never rewrites that text; it records the spans
it judged to be boilerplate in ``Document.removed`` and later stages skip them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Status = Literal["ok", "failed", "skipped"]
MentionKind = Literal["actor", "place", "time"]
# calendar precisions first (only these date events); then TimeML values: 2024-W23, 2024-SU, 2024-Q2,
# 199 (the 1990s), 2024-06-11TMO / 2024-06-11T09:30 ("time"), and "none" for durations, sets, PRESENT_REF
Precision = Literal["day", "month", "year", "week", "season", "quarter", "decade", "time", "none"]
DateBasis = Literal["stated", "publication", "inferred"]

AUX_FLAGS = ("negation", "future", "hypothetical", "historical")


@dataclass(frozen=True)
class Document:
    """One news item as it entered the pipeline."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    lang: str | None = None
    source: str | None = None
    path: str | None = None  # file the document came from, for messages
    status: Status = "ok"
    error: str | None = None
    removed: tuple[tuple[int, int], ...] = ()  # boilerplate spans, see clean.py
    lang_given: bool = False  # True when ``lang`` came from the input, not detection
    meta: tuple[tuple[str, str], ...] = ()  # extra source metadata (key, value)

    def fail(self, stage: str, reason: str) -> Document:
        return replace(self, status="failed", error=f"{stage}: {reason}")

    def skip(self, stage: str, reason: str) -> Document:
        return replace(self, status="skipped", error=f"{stage}: {reason}")

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def body_start(self) -> int:
        """Offset of the first kept, non-blank character (after leading boilerplate)."""
        start = 0
        for a, b in sorted(self.removed):
            if a <= start < b:
                start = b
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        return start


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """What an actor mention resolves to."""

    name: str
    country: str | None = None  # ISO-3166 alpha-3
    org: str | None = None  # English acronym of an international organisation
    sector: str | None = None  # PLOVER sector code: GOV, MIL, COP, ...
    wikidata_id: str | None = None
    code: str | None = None  # CAMEO-style actor code, e.g. KAZGOV, IGOCSTO
    kind: str = "state"  # state | org | person | group | title | individual (an unnamed person: "a man")
    source: str | None = None  # which knowledge-base entry or rule resolved it


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    resolution: str | None = None  # city | admin1 | country | region


@dataclass(frozen=True)
class TimeRef:
    value: str  # ISO date, YYYY-MM-DD / YYYY-MM / YYYY; else a TimeML value (P3Y, 1998-Q4, 199, PRESENT_REF)
    precision: Precision
    basis: DateBasis = "stated"
    aux: str | None = None  # "future" / "historical" when the expression implies it
    type: str = "DATE"  # TimeML type: DATE, TIME, DURATION, SET


@dataclass(frozen=True)
class Mention:
    """A span of the document that names an actor, a place or a time."""

    start: int
    end: int
    text: str
    kind: MentionKind = "actor"
    entity: Entity | None = None
    place: Place | None = None
    time: TimeRef | None = None
    rule: str = ""  # which matcher or pattern found it (for explanations)


@dataclass(frozen=True)
class Event:
    id: str
    doc_id: str
    event: str  # PLOVER event type
    actor: tuple[Mention, ...]
    recipient: tuple[Mention, ...]
    sentence_start: int
    sentence_end: int
    text: str  # the sentence
    trigger_start: int | None = None
    trigger_end: int | None = None
    trigger_text: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    aux: tuple[str, ...] = ()
    cameo: str | None = None
    quad_code: int | None = None
    event_scale: float | None = None
    date: str | None = None
    date_precision: Precision | None = None
    date_basis: DateBasis | None = None
    event_loc: Place | None = None
    language: str | None = None
    confidence: float = 0.0
    explanation: tuple[str, ...] = ()
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Processed:
    """A document and everything the stages found in it so far."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[tuple[str, str], ...] = field(default=())  # (stage, message) warnings

    def with_(self, **changes: object) -> Processed:
        return replace(self, **changes)  # type: ignore[arg-type]


def stable_id(*parts: object) -> str:
    """A short deterministic id: the same parts always give the same id."""
    import hashlib

    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=10).hexdigest()
