"""Ingest: turn files, folders, JSONL and stdin into ``Document`` objects.

Nothing here raises for bad input. Every input yields at least one ``Document``; one that
cannot be read is ``failed`` or ``skipped`` with a reason, so nothing is lost silently.

Document ids are stable across runs: the JSONL ``id`` when given, otherwise the file path
relative to the input root (``file.jsonl:LINE`` for a JSONL line without an id), and a
content hash for text given directly or on stdin.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from .config import Config
from .model import Document, stable_id

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SNIFF_BYTES = 8192
MIN_MAIN_TEXT = 20  # HTML whose extracted text is shorter than this has no article
_META_FIELDS = ("id", "text", "html", "date", "published", "url", "title", "lang", "source")


# --- building documents ----------------------------------------------------------------


def document_from_text(
    text: str,
    doc_id: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """A document from raw text; the id is a content hash when not given."""
    text = normalise_newlines(text)
    return Document(
        id=doc_id or stable_id("text", text),
        text=text,
        title=title,
        url=url,
        published=normalise_date(published),
        lang=_norm_lang(lang),
        source=source,
        lang_given=bool(lang),
    )


def as_document(item: Document | dict[str, Any] | str, index: int) -> Document:
    """Accept a Document, a dict with the JSONL fields, or a plain string."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return document_from_text(item)
    if isinstance(item, dict):
        return document_from_record(item, fallback_id=f"item:{index}")
    return Document(id=f"item:{index}", text="", status="failed", error=f"ingest: cannot read a {type(item).__name__}")


def document_from_record(record: dict[str, Any], fallback_id: str, path: str | None = None, default_date: str | None = None) -> Document:
    """A document from a JSONL-style dict: ``id``, ``text`` or ``html``, ``date``, ``url``, ``title``, ``lang``, ``source``."""
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else fallback_id
    raw_date = record.get("date") or record.get("published")
    published = normalise_date(raw_date) or default_date
    meta = tuple((k, str(v)) for k, v in record.items() if k not in _META_FIELDS and isinstance(v, str | int | float))
    if raw_date and not normalise_date(raw_date):
        meta += (("unparsed_date", str(raw_date)),)  # kept visible rather than silently dropped
    base = Document(
        id=doc_id,
        text="",
        title=_opt_str(record.get("title")),
        url=_opt_str(record.get("url")),
        published=published,
        lang=_norm_lang(record.get("lang")),
        lang_given=bool(record.get("lang")),
        source=_opt_str(record.get("source")),
        path=path,
        meta=meta,
    )
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return replace(base, text=normalise_newlines(text))
    if isinstance(html, str) and html.strip():
        return _from_html(html, base, input_date=normalise_date(raw_date), default_date=default_date)
    if text is None and html is None:
        return base.fail("ingest", "no 'text' or 'html' field")
    return base.skip("ingest", "empty text")


# --- reading inputs ----------------------------------------------------------------------


def read_inputs(inputs: Iterable[str], config: Config, stdin: TextIO | None = None) -> Iterator[Document]:
    """Documents from paths (files or folders, recursively, sorted) and ``-`` for stdin."""
    for raw in inputs:
        if raw == "-":
            yield from read_stdin(stdin or sys.stdin, config)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                yield from read_file(file, file.relative_to(path).as_posix(), config)
        elif path.is_file():
            yield from read_file(path, path.name, config)
        else:
            yield Document(id=raw, text="", path=raw, status="failed", error="ingest: no such file or directory")


def read_stdin(stream: TextIO, config: Config) -> Iterator[Document]:
    data = stream.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        yield Document(id="stdin", text="", path="stdin", status="skipped", error=f"ingest: too large (more than max_bytes {config.max_bytes})")
        return
    lines = [line for line in data.splitlines() if line.strip()]
    if lines and all(_is_json_object(line) for line in lines):
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                yield _jsonl_line(line, f"stdin:{number}", "stdin", config)
        return
    if not data.strip():
        yield Document(id="stdin", text="", path="stdin", status="skipped", error="ingest: empty input")
        return
    yield replace(document_from_text(data, published=config.default_date), path="stdin")


def read_file(path: Path, doc_id: str, config: Config) -> Iterator[Document]:
    """One file: by suffix, or sniffed when the suffix is unknown."""
    base = Document(id=doc_id, text="", path=str(path), published=config.default_date)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield base.fail("ingest", f"cannot read file: {exc.strerror or exc}")
        return
    if size == 0:
        yield base.skip("ingest", "empty file")
        return
    if size > config.max_bytes:
        yield base.skip("ingest", f"too large ({size} bytes > max_bytes {config.max_bytes})")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield base.fail("ingest", f"cannot read file: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, doc_id, str(path), config, base)
    elif suffix in HTML_SUFFIXES:
        yield _html_document(data, base)
    elif suffix in TEXT_SUFFIXES:
        yield _text_document(data, base)
    else:
        yield from _sniffed(data, doc_id, str(path), config, base)


def _sniffed(data: bytes, doc_id: str, path: str, config: Config, base: Document) -> Iterator[Document]:
    """A file with an unknown suffix: binary, HTML, JSONL or plain text, by its content."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield base.fail("ingest", "binary file (not text, HTML or JSONL)")
        return
    lowered = head.lstrip()[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in head.lower():
        yield _html_document(data, base)
        return
    if lowered.startswith(b"{"):
        docs = list(_read_jsonl(data, doc_id, path, config, base))
        if docs and not any(d.status == "failed" and "malformed JSON" in (d.error or "") for d in docs):
            yield from docs
            return
    yield _text_document(data, base)


def _text_document(data: bytes, base: Document) -> Document:
    text, reason = decode_bytes(data)
    if text is None:
        return base.fail("ingest", reason)
    if not text.strip():
        return base.skip("ingest", "no text (only whitespace)")
    return replace(base, text=normalise_newlines(text))


def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode text in any encoding; (None, reason) for binary or undecodable bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if b"\x00" in data[:SNIFF_BYTES] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None, "binary file (contains NUL bytes)"
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            return None, "cannot detect the text encoding (binary or undecodable bytes)"
        text, encoding = str(best), best.encoding
    if _control_ratio(text) > 0.05:
        return None, f"binary file (decoded as {encoding}, but it is mostly control characters)"
    return text, ""


def _control_ratio(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))


def _html_document(data: bytes, base: Document) -> Document:
    text, reason = decode_bytes(data)
    if text is None:
        return base.fail("ingest", reason)
    return _from_html(text, base, input_date=None, default_date=base.published)


def _from_html(html: str, base: Document, input_date: str | None, default_date: str | None) -> Document:
    """Main text and metadata of a page; the date order is input, page metadata, default."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # noqa: BLE001 - a parser crash on one page is that page's problem
        return base.fail("ingest", f"HTML extraction failed: {type(exc).__name__}: {exc}")
    if not isinstance(result, dict):
        result = {} if result is None else result.as_dict()
    text = (result.get("text") or "").strip()
    if len(text) < MIN_MAIN_TEXT:
        return base.skip("ingest", f"no main text found in the HTML page ({len(text)} characters)")
    return replace(
        base,
        text=normalise_newlines(text),
        title=base.title or _opt_str(result.get("title")),
        url=base.url or _opt_str(result.get("url")),
        published=input_date or normalise_date(result.get("date")) or default_date,
        source=base.source or _opt_str(result.get("sitename")),
    )


def _read_jsonl(data: bytes, doc_id: str, path: str, config: Config, base: Document) -> Iterator[Document]:
    text, reason = decode_bytes(data)
    if text is None:
        yield base.fail("ingest", reason)
        return
    produced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        produced = True
        yield _jsonl_line(line, f"{doc_id}:{number}", path, config)
    if not produced:
        yield base.skip("ingest", "no records (only blank lines)")


def _jsonl_line(line: str, line_id: str, path: str, config: Config) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Document(id=line_id, text="", path=path, status="failed", error=f"ingest: malformed JSON on line {line_id.rsplit(':', 1)[-1]}: {exc.msg}")
    if not isinstance(record, dict):
        return Document(id=line_id, text="", path=path, status="failed", error=f"ingest: line is JSON {type(record).__name__}, not an object")
    return document_from_record(record, fallback_id=line_id, path=path, default_date=config.default_date)


# --- small helpers ---------------------------------------------------------------------


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD from a date, datetime or ISO-like string; None when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raw = str(value).strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(raw[:10]).isoformat()
    except ValueError:
        return None


def _norm_lang(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower()


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _is_json_object(line: str) -> bool:
    stripped = line.strip()
    if not stripped.startswith("{"):
        return False
    try:
        return isinstance(json.loads(stripped), dict)
    except json.JSONDecodeError:
        return False


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
