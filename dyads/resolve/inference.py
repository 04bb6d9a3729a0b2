"""Publication-date inference for documents that came without one.

Evidence, strongest first: a full date in the dateline; a weekday paired with a day and
month ("Tuesday 9 November" fits only some years); the latest full date in the text; the
years the text mentions; the terms of office of the people it names (only when the knowledge
base offers ``term_years``). Where the evidence does not settle the year, the year stays unset.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Document, Mention, Sentence
from .dates import Found, parse_iso, scan
from .grammar import grammar

EARLIEST_YEAR = 1990
DATELINE_CHARS = 120  # a date this close to the start of the text is the dateline's
_FULL = ("iso", "numeric", "dmy", "mdy")


@dataclass(frozen=True)
class DateInference:
    value: str | None  # ISO date / month / year, None when the evidence does not settle it
    precision: str | None  # day | month | year
    confidence: float
    evidence: tuple[str, ...] = ()
    candidates: tuple[int, ...] = ()  # years that fit when none could be chosen


def infer_publication_date(
    doc: Document,
    sentences: Sequence[Sentence],
    mentions: Iterable[Mention] = (),
    kb: Any = None,
    today: dt.date | None = None,
) -> DateInference:
    """Infer when ``doc`` was published from its own text (and the KB's terms of office)."""
    lang = doc.lang or "en"
    found = scan(doc, tuple(sentences), lang)
    terms = _term_range(mentions, kb)
    return infer_from_found(doc, found, lang, terms=terms, today=today)


def infer_from_found(
    doc: Document,
    found: list[Found],
    lang: str,
    terms: tuple[int, int] | None = None,
    today: dt.date | None = None,
) -> DateInference:
    today = today or dt.date.today()
    evidence: list[str] = []
    start = doc.body_start
    past = [f for f in found if not f.future]
    full = [(f, _full_date(f, lang)) for f in past if f.rule in _FULL and f.get("y")]
    full = [(f, d) for f, d in full if d is not None and d.year <= today.year]
    years = sorted({int(f.get("y")) for f in past if f.get("y") and int(f.get("y")) <= today.year})  # type: ignore[arg-type]
    if terms:
        evidence.append(f"terms of office of named people span {terms[0]}-{terms[1]}")
    for f, date in full:
        if f.start - start <= DATELINE_CHARS:
            return DateInference(date.isoformat(), "day", 0.9, (f"dateline date {f.text!r}", *evidence))
    partial = [f for f in found if f.rule in ("dmy", "mdy") and not f.get("y")]
    for f in partial:
        if f.start - start > DATELINE_CHARS and not f.get("wd"):
            continue
        guess = _year_of_day_month(f, lang, years, terms, today, evidence)
        if guess is not None:
            return guess
    if full:
        f, date = max(full, key=lambda pair: pair[1])
        return DateInference(date.isoformat(), "day", 0.5, (f"latest full date in the text {f.text!r}", *evidence))
    if terms and terms[0] == terms[1]:
        return DateInference(f"{terms[0]:04d}", "year", 0.4, tuple(evidence))
    if years:
        low = max(years)
        if terms and not terms[0] <= low <= terms[1]:
            return DateInference(None, None, 0.0, (*evidence, f"latest year in the text {low} is outside the terms of office"))
        return DateInference(f"{low:04d}", "year", 0.3, (f"latest year in the text {low}", *evidence))
    return DateInference(None, None, 0.0, (*evidence, "no date evidence in the text"))


def _year_of_day_month(
    f: Found, lang: str, years: list[int], terms: tuple[int, int] | None, today: dt.date, evidence: list[str]
) -> DateInference | None:
    g = grammar(lang)
    month, day = g.month(f.get("m") or ""), int(f.get("d") or 0)
    wd = f.get("wd")
    if wd is None:
        if not years:
            return DateInference(None, None, 0.0, (*evidence, f"dateline {f.text!r} has no year and the text names none"))
        year = max(years)
        return DateInference(_iso(year, month, day), "day", 0.4, (f"dateline {f.text!r}", f"latest year in the text {year}", *evidence))
    weekday = g.weekday(wd)
    fits = [y for y in range(EARLIEST_YEAR, today.year + 1) if _weekday_of(y, month, day) == weekday]
    note = f"{f.text!r} fits the years {', '.join(map(str, fits))}"
    if terms:
        fits = [y for y in fits if terms[0] <= y <= terms[1]]
    if years:
        low = max(years)
        agreeing = [y for y in fits if low <= y <= low + 1]
        fits = agreeing
    if len(fits) == 1:
        return DateInference(_iso(fits[0], month, day), "day", 0.8, (note, *evidence))
    return DateInference(None, None, 0.0, (note, *evidence, "several years fit: year left unset"), tuple(fits))


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _full_date(f: Found, lang: str) -> dt.date | None:
    from .dates import normalise

    ref = normalise(f, None, lang)
    return parse_iso(ref.value) if ref is not None and ref.precision == "day" else None


def _term_range(mentions: Iterable[Mention], kb: Any) -> tuple[int, int] | None:
    """Years when every named office holder was in office, if the KB knows (duck-typed hook)."""
    term_years = getattr(kb, "term_years", None)
    if not callable(term_years):
        return None
    low, high = EARLIEST_YEAR, dt.date.today().year
    seen = False
    for m in mentions:
        if m.kind != "actor" or m.entity is None or m.entity.kind != "person":
            continue
        try:
            spans = list(term_years(m.entity) or ())
        except Exception:  # noqa: BLE001 - a KB hook that fails is no evidence
            continue
        if not spans:
            continue
        lo = min(s for s, _ in spans)
        hi = max((e if e is not None else high) for _, e in spans)
        low, high, seen = max(low, lo), min(high, hi), True
    return (low, high) if seen and low <= high else None
