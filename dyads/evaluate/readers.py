"""Readers for gold data: PLOVER GSR JSON, PETRARCH unit-test XML, UniversalPetrarch XML and
the project's own JSONL (dyad lines and sentence lines). No dependency on the coder.

Dyad-level sets give ``DyadExample`` (text + actor/recipient spans + label); end-to-end sets
give ``SentenceGold`` (text + the events that should be found).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DyadsError
from ..ontology import NO_EVENT, PLOVER_TYPES, cameo_to_plover, normalise_type

Span = tuple[int, int]
FORMATS = ("auto", "plover", "petrarch", "up", "jsonl")
HELD_OUT_TENTHS = 3  # PETRARCH records: a fixed 30% test split by record id (see ``in_test_split``)


def in_test_split(record_id: str) -> bool:
    """The deterministic held-out 30% of a gold set that training may use (PETRARCH records)."""
    import zlib

    return zlib.crc32(record_id.encode("utf-8")) % 10 < HELD_OUT_TENTHS
_UP_TYPOS = {"SACTION": "SANCTION"}


class EvaluateError(DyadsError):
    stage = "evaluate"


@dataclass(frozen=True)
class DyadExample:
    id: str
    group: str  # sentence id: examples of one sentence always share a fold
    lang: str
    text: str
    actor: tuple[Span, ...]
    recipient: tuple[Span, ...]
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    aux: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class GoldEvent:
    event: str
    actor_text: tuple[str, ...] = ()
    recipient_text: tuple[str, ...] = ()
    actor_code: str | None = None
    recipient_code: str | None = None


@dataclass(frozen=True)
class SentenceGold:
    id: str
    lang: str
    text: str
    events: tuple[GoldEvent, ...]
    date: str | None = None
    category: str = ""
    unmapped: int = 0  # gold codings whose type has no PLOVER equivalent (left out)


@dataclass
class GoldSet:
    path: str
    format: str
    dyads: list[DyadExample] = field(default_factory=list)
    sentences: list[SentenceGold] = field(default_factory=list)
    dyads_for_training: list[DyadExample] = field(default_factory=list)  # end-to-end sets usable for training


def detect_format(path: Path) -> str:
    head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    if path.suffix == ".jsonl":
        return "jsonl"
    if head.lstrip().startswith("["):
        return "plover"
    if "<Validation" in head and "<EventText" in head or "UniversalPetrarch" in head or "CoNLL" in head:
        return "up"
    if "<Validation" in head or "<Sentence " in head:
        return "up" if re.search(r"<Sentence [^>]*/>", head) else "petrarch"
    raise EvaluateError(f"cannot tell the format of {path}", fix="pass --format plover|petrarch|up|jsonl")


def read_gold(path: str | Path, fmt: str = "auto") -> GoldSet:
    p = Path(path)
    if not p.is_file():
        raise EvaluateError(f"gold file {p} not found", fix="pass an existing file")
    fmt = detect_format(p) if fmt == "auto" else fmt
    if fmt not in FORMATS:
        raise EvaluateError(f"unknown format {fmt!r}", fix="use one of " + ", ".join(FORMATS))
    gold = GoldSet(str(p), fmt)
    if fmt == "plover":
        gold.dyads = read_plover_gsr(p)
    elif fmt == "petrarch":
        gold.sentences = read_petrarch(p)
        gold.dyads_for_training = petrarch_training_dyads(p, gold.sentences)
    elif fmt == "up":
        gold.sentences = read_up(p)
    else:
        gold.dyads, gold.sentences = read_jsonl(p)
    return gold


def _spans(text: str, parts: Iterable[str]) -> tuple[Span, ...]:
    out = []
    for part in parts:
        start = text.find(part) if part else -1
        if start >= 0:
            out.append((start, start + len(part)))
    return tuple(out)


def read_plover_gsr(path: Path) -> list[DyadExample]:
    """PLOVER GSR records: one dyad per record with the gold actor and target texts."""
    records = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for rec in records:
        event = normalise_type(str(rec.get("event", "")))
        if event not in PLOVER_TYPES or not rec.get("text"):
            continue
        text = rec["text"]
        actor = _spans(text, _actor_texts(rec.get("source")))
        recipient = _spans(text, _actor_texts(rec.get("target")))
        if not actor:
            continue
        context = tuple(c for c in re.split(r"[;,\s]+", str(rec.get("context", "") or "")) if c)
        out.append(DyadExample(rec["id"], rec["id"], rec.get("language", "en") or "en", text, actor, recipient, event,
                               None, context, (), path.name))
    return out


def _actor_texts(value: Any) -> list[str]:
    """GSR actor lists hold {"actorText": ...} objects; a few records give a bare string."""
    if isinstance(value, str):
        return [value] if value else []
    return [str(a.get("actorText", "")) for a in value or [] if isinstance(a, dict)]


def _jsonl_rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise EvaluateError(f"{path}:{n} is not valid JSON ({exc.msg})", fix="one JSON object per line") from exc
    return rows


def read_jsonl(path: Path) -> tuple[list[DyadExample], list[SentenceGold]]:
    """Project JSONL: dyad lines (training format) and/or sentence lines with an "events" list."""
    dyads, sentences = [], []
    for n, row in enumerate(_jsonl_rows(path), 1):
        if "events" in row:
            sentences.append(_sentence_row(row, f"{path.name}:{n}"))
        elif row.get("text") and row.get("event"):
            ex = dyad_row(row, f"{path.name}:{n}", path.name)
            if ex is not None:
                dyads.append(ex)
    return dyads, sentences


def dyad_row(row: dict[str, Any], fallback_id: str, source: str = "") -> DyadExample | None:
    text = row["text"]
    actor = _anchored(text, _as_list(row.get("actor")), row.get("actor_start"))
    recipient = _anchored(text, _as_list(row.get("recipient")), row.get("recipient_start"))
    event = normalise_type(str(row["event"]))
    if not actor or (event not in PLOVER_TYPES and event != NO_EVENT):
        return None
    rid = str(row.get("id") or fallback_id)
    return DyadExample(rid, str(row.get("sid") or rid), str(row.get("lang") or "en"), text, actor, recipient, event,
                       row.get("mode") or None, tuple(row.get("context") or ()), tuple(row.get("aux") or ()), source)


def _anchored(text: str, parts: list[str], start: Any) -> tuple[Span, ...]:
    """Spans of ``parts``; a given ``*_start`` offset picks the occurrence of a single part that
    appears more than once (else the first occurrence is taken)."""
    if isinstance(start, int) and len(parts) == 1 and text[start : start + len(parts[0])] == parts[0]:
        return ((start, start + len(parts[0])),)
    return _spans(text, parts)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _sentence_row(row: dict[str, Any], fallback_id: str) -> SentenceGold:
    events = tuple(
        GoldEvent(normalise_type(str(e["event"])), tuple(_as_list(e.get("actor"))), tuple(_as_list(e.get("recipient"))))
        for e in row.get("events", []) if normalise_type(str(e.get("event", ""))) in PLOVER_TYPES
    )
    return SentenceGold(str(row.get("id") or fallback_id), str(row.get("lang") or "en"), row["text"], events, row.get("date"))


_ATTR_RE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_SENTENCE_RE = re.compile(r"<Sentence\b([^>]*?)/?>")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class _Record:
    """One <Sentence> record: its attributes, its coding/text elements' attributes, its text."""

    attrs: dict[str, str]
    codings: list[dict[str, str]]
    texts: list[dict[str, str]]
    text: str

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.attrs.get(key, default)


def _xml_sentences(path: Path) -> list[_Record]:
    """A tolerant scan of PETRARCH-style XML (the files are not always well-formed): records run
    from one <Sentence> tag to the next, whether the tag is self-closing or wraps its content."""
    import html

    raw = _COMMENT_RE.sub("", path.read_text(encoding="utf-8", errors="replace"))
    marks = list(_SENTENCE_RE.finditer(raw))
    records = []
    for i, m in enumerate(marks):
        body = raw[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(raw)]
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        records.append(_Record(
            dict(_ATTR_RE.findall(m.group(1))),
            [dict(_ATTR_RE.findall(x)) for x in re.findall(r"<EventCoding\b([^>]*)>", body)],
            [{k: html.unescape(v) for k, v in _ATTR_RE.findall(x)} for x in re.findall(r"<EventText\b([^>]*)>", body)],
            html.unescape(" ".join(text.group(1).split())) if text else "",
        ))
    return records


def _plover_of(coding: dict[str, str]) -> tuple[str | None, bool]:
    label = coding.get("plover")
    if label:
        event = normalise_type(_UP_TYPOS.get(label.upper(), label))
        return (event if event in PLOVER_TYPES else None), True
    code = (coding.get("eventcode") or "").strip()
    if not code:
        return None, False
    hit = cameo_to_plover(code.split("_")[0])
    return (hit.event if hit and hit.event in PLOVER_TYPES else None), True


def _mapped_codings(codings: Sequence[dict[str, str]]) -> tuple[list[tuple[str, dict[str, str]]], int]:
    """(PLOVER type, coding) for the codings that map to PLOVER, and how many present ones did not."""
    mapped, unmapped = [], 0
    for coding in codings:
        event, present = _plover_of(coding)
        if event is None:
            unmapped += int(present)
        else:
            mapped.append((event, coding))
    return mapped, unmapped


def read_petrarch(path: Path) -> list[SentenceGold]:
    out = []
    for s in _xml_sentences(path):
        if s.get("id") is None:
            continue
        mapped, unmapped = _mapped_codings(s.codings)
        events = [GoldEvent(event, actor_code=c.get("sourcecode"), recipient_code=c.get("targetcode")) for event, c in mapped]
        out.append(SentenceGold(s.get("id") or "", "en", s.text, tuple(events), s.get("date"), s.get("category", "") or "", unmapped))
    return out


def read_up(path: Path) -> list[SentenceGold]:
    lang = "es" if "spanish" in path.name.lower() else "en"
    out = []
    for s in _xml_sentences(path):
        if s.get("id") is None or (s.get("evaluate") or "true").lower() == "false":
            continue
        texts = {t.get("eid"): t for t in s.texts}
        mapped, unmapped = _mapped_codings(s.codings)
        events = []
        for event, coding in mapped:
            span = texts.get(coding.get("eid"))
            actor = (span.get("sourcetext"),) if span is not None and span.get("sourcetext") else ()
            recipient = (span.get("targettext"),) if span is not None and span.get("targettext") else ()
            events.append(GoldEvent(event, actor, recipient, coding.get("sourcecode"), coding.get("targetcode")))
        out.append(SentenceGold(s.get("id") or "", lang, s.text, tuple(events), s.get("date"), s.get("category", "") or "", unmapped))
    return out


def petrarch_training_dyads(path: Path, sentences: Sequence[SentenceGold]) -> list[DyadExample]:
    """Dyads of the PETRARCH records outside the held-out 30%: actors located with the records'
    own dictionaries (codings whose source cannot be found are left out)."""
    from .petrarch import PetrarchActors

    if not (path.parent / "PETR.Validate.actors.txt").is_file():
        return []
    actors = PetrarchActors.from_folder(path.parent)
    out = []
    for s in sentences:
        if in_test_split(s.id):
            continue
        mentions = actors.find(s.text, s.date)
        for n, e in enumerate(s.events):
            source = tuple((m.start, m.end) for m in mentions if m.entity and m.entity.code == e.actor_code)
            target = tuple((m.start, m.end) for m in mentions if m.entity and m.entity.code == e.recipient_code)
            if source:
                out.append(DyadExample(f"{s.id}#{n}", s.id, "en", s.text, source[:1], target[:1], e.event, source=path.name))
    return out
