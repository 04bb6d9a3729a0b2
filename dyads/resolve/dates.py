"""Temporal expressions: find them with the per-language grammar, normalise them to TimeML values.

Normalisation is calendar arithmetic relative to the publication date (the document's, else
one inferred from the text, see ``inference.py``). Expressions that need an anchor and have
none (``yesterday`` in an undated text) are dropped rather than guessed.

Values follow TimeML/TempEval-3: calendar dates (2024-06-12, 2024-06, 2024), weeks (2024-W23,
2024-W23-WE), seasons (2024-SU), quarters (2024-Q2), decades (199), parts of the day and clock
times (2024-06-11TMO, 2024-06-11T09:30; type TIME), durations (P3Y, PT72H, PXY; DURATION), sets
(P1D, XXXX-WXX-2; SET) and PRESENT_REF / PAST_REF / FUTURE_REF. Events are dated only by the
calendar period a DATE or TIME falls in (``calendar_time``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..lang import russian_morphology
from ..model import Document, Mention, Sentence, TimeRef
from .grammar import NEEDS_BOTH, NEEDS_DIGIT, NEEDS_YEAR, PARTABLE, Grammar, grammar

if TYPE_CHECKING:
    from .inference import DateInference

_DIGIT = regex.compile(r"\d")
_YEARISH = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d")  # the standard engine finds this faster
AHEAD_DAYS = 60  # see _year_for
HISTORICAL_DAYS = 30  # a date whose period ended more than this before publication is history


@dataclass(frozen=True)
class Found:
    """A matched span and its parts, before normalisation."""

    start: int
    end: int
    text: str
    rule: str
    parts: tuple[tuple[str, str], ...]
    future: bool  # the sentence speaks of the future

    def get(self, name: str) -> str | None:
        return dict(self.parts).get(name)


def find_times(doc: Document, sentences: tuple[Sentence, ...], inferred: DateInference | None = None) -> list[Mention]:
    """Time mentions of ``doc``, normalised against its publication date (or an inferred one;
    pass ``inferred`` when the caller has already inferred it from the same sentences)."""
    lang = doc.lang or "en"
    found = scan(doc, sentences, lang)
    base, basis = parse_iso(doc.published), "publication"
    if base is None:
        from .inference import infer_from_found

        guess = inferred or infer_from_found(doc, found, lang)
        if guess.value and guess.precision == "day":
            base, basis = parse_iso(guess.value), "inferred"
    out = []
    for f in found:
        ref = normalise(f, base, lang)
        if ref is None:
            continue
        if basis == "inferred" and _is_relative(f):
            ref = replace(ref, basis="inferred")
        out.append(Mention(f.start, f.end, f.text, kind="time", time=ref, rule=f"time:{f.rule}"))
    return out


def scan(doc: Document, sentences: tuple[Sentence, ...], lang: str) -> list[Found]:
    """Every non-overlapping temporal span in the sentences (longest, then earliest, wins)."""
    try:
        return list(_scan_cached(doc, tuple(sentences), lang))
    except TypeError:  # an unhashable field (e.g. odd metadata): scan without the cache
        return list(_scan_cached.__wrapped__(doc, tuple(sentences), lang))


# recognize scans each document, and resolve scans it again to infer a missing publication
# date: a cache bigger than a batch lets the second scan reuse the first
@lru_cache(maxsize=256)
def _scan_cached(doc: Document, sentences: tuple[Sentence, ...], lang: str) -> tuple[Found, ...]:
    g = grammar(lang)
    spans = [(s.start, s.end) for s in sentences] or [(0, len(doc.text))]
    out: list[Found] = []
    for start, end in spans:
        if _removed(doc, start, end):
            continue
        out.extend(_scan_text(g, doc.text[start:end], start))
    return tuple(out)


def _removed(doc: Document, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in doc.removed)


_CLAUSE = regex.compile(r"[;:()]|,\s|\s[-–—]\s|(?<!\w)(?:and|but|while|whereas|и|но|а|e|ma|und|aber|während|et|mais|y|pero|mientras)(?!\w)", regex.I)


def _clause_future(g: Grammar, text: str, start: int, end: int) -> bool:
    """Whether the clause around [start, end) has a future-tense cue."""
    if g.future is None:
        return False
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    if g.future.search(text, left, right):
        return True
    if g.lang == "ru":  # Russian perfective verbs in the present form speak of the future ("встретятся")
        return any(_ru_future_verb(w.casefold()) for w in _CYRILLIC_WORD.findall(text, left, right))
    return False


_CYRILLIC_WORD = regex.compile(r"[а-яё]{4,}", regex.I)


@lru_cache(maxsize=1)
def _future_suffixes() -> tuple[frozenset[str], int] | None:
    """Endings of every future-tense verb form in the analyser's paradigms, and their longest length.

    A word with none of these endings has no future-verb reading (predictions for unknown
    words use the same paradigms), so it need not be parsed: most words are skipped.
    """
    morph = russian_morphology()
    try:
        d = morph.dictionary  # type: ignore[attr-defined]
        futr = {i for i, tag in enumerate(d.gramtab) if "VERB" in str(tag) and "futr" in str(tag)}
        suffixes: set[str] = set()
        for para in d.paradigms:
            n = len(para) // 3
            suffixes.update(d.suffixes[para[i]] for i in range(n) if para[n + i] in futr)
    except Exception:  # noqa: BLE001 - an unexpected dictionary layout: parse every word
        return None
    suffixes |= {s.replace("ё", "е") for s in suffixes}
    if not suffixes or "" in suffixes:
        return None
    return frozenset(suffixes), max(map(len, suffixes))


def _maybe_future_form(word: str) -> bool:
    known = _future_suffixes()
    if known is None:
        return True
    suffixes, longest = known
    return any(word[-k:] in suffixes for k in range(1, min(longest, len(word)) + 1))


@lru_cache(maxsize=65536)
def _ru_future_verb(word: str) -> bool:
    morph = russian_morphology()
    if morph is None or not _maybe_future_form(word):
        return False
    parse = morph.parse(word)[0]  # type: ignore[attr-defined]
    return parse.tag.POS == "VERB" and parse.tag.tense == "futr" and parse.score > 0.5


def _scan_text(g: Grammar, text: str, offset: int) -> list[Found]:
    cands: list[tuple[int, int, int, str, dict[str, str]]] = []
    has_digit = _DIGIT.search(text) is not None
    present = g.kinds_present(text)
    has_word = bool(present)  # any date word at all (a superset of ``g.word_anchor``'s test)
    if not (has_digit or has_word):
        return []
    has_year = has_digit and _YEARISH.search(text) is not None
    for rank, (name, pattern) in enumerate(g.patterns):
        if name in NEEDS_YEAR and not has_year:
            continue
        if name in NEEDS_DIGIT:
            if not has_digit:
                continue
        elif name in NEEDS_BOTH:
            if not (has_digit and has_word):
                continue
        elif not has_word:
            continue
        if not all(kind in present for kind in g.requires.get(name, ())):
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                start = m.start("n") if name == "dur" else m.start()  # the number sits in a look-behind
                cands.append((start, m.end(), rank, name, groups))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for start, end, _, name, groups in cands:
        if any(start < b and a < end for a, b in taken):
            continue
        start, end, groups = _attach(g, text, name, start, end, groups, taken)
        taken.append((start, end))
        span = text[start:end].rstrip(" ,")
        if span.endswith(".") and len(span.rsplit(None, 1)[-1]) > 4:
            span = span[:-1]  # a sentence full stop, not an abbreviation's
        future = name not in _TENSELESS and _clause_future(g, text, start, end)
        out.append(Found(offset + start, offset + start + len(span), span, name, tuple(sorted(groups.items())), future))
    out.sort(key=lambda f: f.start)
    return out


def _attach(
    g: Grammar, text: str, name: str, start: int, end: int, groups: dict[str, str], taken: list[tuple[int, int]]
) -> tuple[int, int, dict[str, str]]:
    """Widen a chosen match over the words around it: a weekday before a date, "early" before a
    year, "the past" before a duration, "morning" after a day (unless already taken)."""
    if name in ("dmy", "mdy") and g.weekday_before is not None:
        window = text[max(0, start - 30) : start]
        wd = g.weekday_before.search(window)
        if wd is not None and not any(start - len(window) + wd.start() < b and a < start for a, b in taken):
            start -= len(window) - wd.start()
            groups = {**groups, "wd": wd.group("wd")}
    if name in PARTABLE and g.part_before is not None:
        window = text[max(0, start - 40) : start]
        part = g.part_before.search(window)
        if part is not None and not any(start - len(window) + part.start() < b and a < start for a, b in taken):
            start -= len(window) - part.start()
    if name == "dur" and g.dur_before is not None:
        start = _extend_left(g.dur_before, text, start, taken)
    if name in _TODABLE and g.tod_after is not None:
        tod = g.tod_after.match(text, end)
        if tod is not None and not any(end < b and a < tod.end() for a, b in taken):
            end, groups = tod.end(), {**groups, "tod": tod.group("tod")}
    return start, end, groups


def _extend_left(before: regex.Pattern[str], text: str, start: int, taken: list[tuple[int, int]]) -> int:
    """``start`` moved back over words ``before`` matches right before it, unless they are taken."""
    window = text[max(0, start - 30) : start]
    m = before.search(window)
    if m is None:
        return start
    new = start - len(window) + m.start()
    return start if any(new < b and a < start for a, b in taken) else new


# rules a part of the day may follow ("Tuesday morning", "yesterday afternoon")
_TODABLE = frozenset({"weekday", "rd", "mod_pre", "mod_post", "dmy", "mdy", "iso"})
# rules whose value does not depend on the tense of the clause (the tense test is the costly part
# of a match); inference.py reads the tense of full dates only (iso, numeric, dmy, mdy)
_TENSELESS = frozenset({"ref", "set", "every", "dur", "decade", "rel", "rd", "ago", "my", "s_y", "m_rel", "mod_pre", "mod_post", "year", "year_sfx", "year_bare"})


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _is_relative(f: Found) -> bool:
    return f.get("y") is None and f.rule not in ("ref", "set", "every", "dur", "decade")


# --- normalisation -----------------------------------------------------------------------


def normalise(f: Found, base: dt.date | None, lang: str) -> TimeRef | None:
    """The ISO value of a found span relative to ``base`` (None where it cannot be anchored)."""
    key = (f.rule, f.parts, f.future, base, lang)
    return _normalise_cached(*key)


@lru_cache(maxsize=65536)
def _normalise_cached(rule: str, parts: tuple[tuple[str, str], ...], future: bool, base: dt.date | None, lang: str) -> TimeRef | None:
    g = grammar(lang)
    p = dict(parts)
    try:
        value, precision = _value(g, rule, p, future, base, lang)
    except (KeyError, ValueError, OverflowError):
        return None
    if value is None:
        return None
    kind = _TYPES.get(rule, "DATE") if rule != "ref" else g.refs[_k(p["ref"])][1]
    tod = g.tods.get(_k(p["tod"])) if "tod" in p else g.relday_tod.get(_k(p["rd"])) if rule == "rd" else None
    if tod and precision == "day":
        value, precision, kind = f"{value}T{tod}", "time", "TIME"
    if precision == "time":
        kind = "TIME"
    cal = calendar_value(value, precision)
    aux = _aux(cal[0], cal[1], base) if cal is not None and kind in ("DATE", "TIME") else None
    return TimeRef(value, precision, "stated", aux, kind)  # type: ignore[arg-type]


_TYPES = {"set": "SET", "every": "SET", "dur": "DURATION"}
# duration unit -> (ISO 8601 designator, multiplier, whether it is a time part)
_DESIGNATORS = {"Y": ("Y", 1, False), "M": ("M", 1, False), "W": ("W", 1, False), "D": ("D", 1, False),
                "H": ("H", 1, True), "MIN": ("M", 1, True), "DE": ("Y", 10, False), "CE": ("Y", 100, False)}


def _span_value(g: Grammar, rule: str, p: dict[str, str], future: bool, base: dt.date | None) -> tuple[str | None, str]:
    """Values that need no calendar (durations, sets, fixed references) or only the year of ``base``."""
    if rule == "ref":
        return g.refs[_k(p["ref"])][0], "none"
    if rule == "set":
        return g.sets[_k(p["set"])], "none"
    if rule == "every":
        return (f"XXXX-WXX-{g.weekday(p['wd']) + 1}" if "wd" in p else f"XXXX-{g.month(p['m']):02d}"), "none"
    if rule == "dur":
        return _duration(g, p["n"], g.dunits[_k(p["du"])]), "none"
    if rule == "decade":
        return p["dec"], "decade"
    if rule == "weekend" and base is not None:
        return _weekend(g.weekends[_k(p["we"])], base, future), "week"
    if rule == "clock" and base is not None:
        return _clock(g, p, future, base), "time"
    if rule == "quarter" and base is not None:
        q = g.quarters[_k(p["q"])]
        year = base.year
        if q == 0:  # "the latest quarter": the last one completed
            year, q = (year, (base.month - 1) // 3) if base.month > 3 else (year - 1, 4)
        elif q > (base.month - 1) // 3 + 1 and not future:
            year -= 1  # a quarter still ahead this year, spoken of in the past: last year's
        return f"{year:04d}-Q{q}", "quarter"
    return None, "none"


def _weekend(offset: int, base: dt.date, future: bool) -> str:
    """The ISO week of a weekend: the last (-1), the next (1), or by tense (0; this one on a weekend)."""
    wd = base.weekday()
    this_saturday = base - dt.timedelta(days=wd - 5) if wd >= 5 else None
    last_saturday = base - dt.timedelta(days=wd + 2 if wd < 5 else wd - 5 + 7)
    next_saturday = base + dt.timedelta(days=5 - wd if wd < 5 else 12 - wd)
    if offset == 0:
        saturday = this_saturday or (next_saturday if future else last_saturday)
    else:
        saturday = last_saturday if offset < 0 else next_saturday
    return f"{_week(saturday)}-WE"


def _clock(g: Grammar, p: dict[str, str], future: bool, base: dt.date) -> str:
    hour, minute = int(p["hh"]) % 12, int(p.get("mi", "0"))
    if _k(p["ap"]).startswith("p"):
        hour += 12
    day = base
    if "rd" in p:
        day = base + dt.timedelta(days=g.reldays[_k(p["rd"])])
    elif "wd" in p:
        day = _weekday(g.weekday(p["wd"]), base, 1 if future else -1, strict=False)
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _duration(g: Grammar, n: str, unit: str) -> str:
    letter, mult, timepart = _DESIGNATORS[unit]
    key = _k(n)
    if key in g.vague:
        amount = "X"
    else:
        count = int(n) if n.isdigit() else g.numbers[key]
        amount = str(count * mult)
    if amount == "X" and mult == 10:
        return "PXDE" if not timepart else "PTX"
    return f"PT{amount}{letter}" if timepart else f"P{amount}{letter}"


def _value(g: Grammar, rule: str, p: dict[str, str], future: bool, base: dt.date | None, lang: str) -> tuple[str | None, str]:
    year = int(p["y"]) if "y" in p else None
    if rule in _SPAN_RULES:
        return _span_value(g, rule, p, future, base)
    if rule == "iso":
        return dt.date(int(p["y"]), int(p["m"]), int(p["d"])).isoformat(), "day"
    if rule == "numeric":
        a, b = int(p["a"]), int(p["b"])
        day, month = (b, a) if lang == "en" and p["sep"] == "/" else (a, b)
        return dt.date(int(p["y"]), month, day).isoformat(), "day"
    if rule in ("dmy", "mdy"):
        month, day = g.month(p["m"]), int(p["d"])
        if year is None:
            year = _year_for(month, day, base, future)
            if year is None:
                return None, "day"
            if "wd" in p:
                year = _weekday_year(year, month, day, g.weekday(p["wd"]))
        return dt.date(year, month, day).isoformat(), "day"
    if rule == "my":
        return f"{year:04d}-{g.month(p['m']):02d}", "month"
    if rule == "s_y":
        return f"{year:04d}-{_SEASONS[g.seasons[_k(p['s'])]]}", "season"
    if rule in ("year", "year_sfx", "year_bare"):
        return f"{year:04d}", "year"
    if base is None:
        return None, "day"
    if rule == "m_rel":
        _unit, offset = g.rels[_k(p["rel"])]
        return f"{base.year + offset:04d}-{g.month(p['m']):02d}", "month"
    if rule == "rel":
        return _relative(g.rels[_k(p["rel"])], base)
    if rule == "rd":
        return (base + dt.timedelta(days=g.reldays[_k(p["rd"])])).isoformat(), "day"
    if rule in ("mod_pre", "mod_post"):
        offset = g.mods[("pre" if rule == "mod_pre" else "post", _k(p["mod"]))]
        return _modified(g, p, offset, base)
    if rule == "ago":
        n = int(p["n"]) if p["n"].isdigit() else g.numbers[_k(p["n"])]
        return _ago(g.units[_k(p["unit"])], n, base)
    if rule == "month":
        return _month_alone(g.month(p["m"]), base, future), "month"
    if rule == "weekday":
        return _weekday(g.weekday(p["wd"]), base, 1 if future else -1, strict=False).isoformat(), "day"
    if rule == "season":
        return _season(g.seasons[_k(p["s"])], base, 1 if future else -1), "season"
    return None, "day"


_SPAN_RULES = frozenset({"ref", "set", "every", "dur", "decade", "quarter", "clock", "weekend"})


def _k(word: str) -> str:
    return " ".join(word.casefold().replace("’", "'").rstrip(".").split())


def _year_for(month: int, day: int, base: dt.date | None, future: bool) -> int | None:
    """The year that puts day/month nearest the publication date, past unless future-tense."""
    if base is None:
        return None
    this = _safe_date(base.year, month, day)
    if this is None:
        return None
    if future:
        return base.year if this >= base - dt.timedelta(days=7) else base.year + 1
    # a day and month up to two months ahead is this year's even in the past tense: news names
    # last year's dates with their year, so "Jan. 14" in a January 6 story is the coming one
    return base.year if this <= base + dt.timedelta(days=AHEAD_DAYS) else base.year - 1


def _weekday_year(year: int, month: int, day: int, weekday: int) -> int:
    """Of ``year`` and its neighbours, the one where day/month falls on ``weekday``."""
    for candidate in (year, year - 1, year + 1):
        date = _safe_date(candidate, month, day)
        if date is not None and date.weekday() == weekday:
            return candidate
    return year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _relative(rel: tuple[str, int], base: dt.date) -> tuple[str, str]:
    unit, offset = rel
    if unit == "year":
        return f"{base.year + offset:04d}", "year"
    if unit == "month":
        y, m = _add_months(base.year, base.month, offset)
        return f"{y:04d}-{m:02d}", "month"
    return _week(base + dt.timedelta(weeks=offset)), "week"


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + offset
    return total // 12, total % 12 + 1


def _modified(g: Grammar, p: dict[str, str], offset: int, base: dt.date) -> tuple[str | None, str]:
    if "wd" in p:
        if offset == 0:
            return _weekday(g.weekday(p["wd"]), base, 0, strict=False).isoformat(), "day"
        return _weekday(g.weekday(p["wd"]), base, offset, strict=True).isoformat(), "day"
    if "m" in p:
        month = g.month(p["m"])
        if offset < 0:
            year = base.year if month < base.month else base.year - 1
        elif offset > 0:
            year = base.year if month > base.month else base.year + 1
        else:
            year = base.year
        return f"{year:04d}-{month:02d}", "month"
    return _season(g.seasons[_k(p["s"])], base, offset, ended=True), "season"


_SEASONS = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}  # TimeML season codes by first month


def _season(first: int, base: dt.date, direction: int, ended: bool = False) -> str:
    """The season starting in month ``first`` nearest ``base``: this one (0), the last (-1) or the next (1).

    Without ``ended``, -1 is the latest season that has begun ("in the spring", past tense);
    with it, the latest that is over ("last spring"). A winter is named by the year it begins.
    """
    starts = [dt.date(y, first, 1) for y in (base.year - 1, base.year, base.year + 1)]
    current = max((s for s in starts if s <= base), default=starts[0])
    if direction == 0:
        start = dt.date(base.year - (first == 12 and base.month < 3), first, 1)
    elif direction > 0:
        start = min(s for s in starts if s > base)
    elif ended:
        start = max(s for s in starts if _add_months(s.year, s.month, 3) <= (base.year, base.month))
    else:
        start = current
    return f"{start.year:04d}-{_SEASONS.get(first, 'XX')}"


def _weekday(weekday: int, base: dt.date, direction: int, strict: bool) -> dt.date:
    """The weekday nearest ``base`` in ``direction`` (-1 past, 1 future, 0 same week)."""
    if direction == 0:
        return base + dt.timedelta(days=weekday - base.weekday())
    if direction > 0:
        days = (weekday - base.weekday()) % 7
        return base + dt.timedelta(days=days or (7 if strict else 0))
    days = (base.weekday() - weekday) % 7
    return base - dt.timedelta(days=days or (7 if strict else 0))


def _month_alone(month: int, base: dt.date, future: bool) -> str:
    if future:
        year = base.year if month >= base.month else base.year + 1
    else:
        year = base.year if month <= base.month else base.year - 1
    return f"{year:04d}-{month:02d}"


def _ago(unit: str, n: int, base: dt.date) -> tuple[str, str]:
    if unit == "decade":
        unit, n = "year", 10 * n
    if unit == "year":
        return f"{base.year - n:04d}", "year"
    if unit == "month":
        y, m = _add_months(base.year, base.month, -n)
        return f"{y:04d}-{m:02d}", "month"
    if unit == "week":
        return _week(base - dt.timedelta(weeks=n)), "week"
    return (base - dt.timedelta(days=n)).isoformat(), "day"


def period(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period an ISO value names."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(parts[0], parts[1], parts[2])
    return day, day


def _aux(value: str, precision: str, base: dt.date | None) -> str | None:
    if base is None:
        return None
    first, last = period(value)
    if first > base:
        return "future"
    if last < base - dt.timedelta(days=HISTORICAL_DAYS):
        return "historical"
    return None


def calendar_value(value: str, precision: str) -> tuple[str, str] | None:
    """The calendar date (YYYY-MM-DD / YYYY-MM / YYYY) a TimeML value falls in, None where it has none.

    A part of the day keeps its day, a week the month of its Monday, a season or quarter its year.
    """
    if precision in ("day", "month", "year"):
        return value, precision
    try:
        if precision == "time":
            return dt.date.fromisoformat(value[:10]).isoformat(), "day"
        if precision == "week":
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return f"{monday.year:04d}-{monday.month:02d}", "month"
    except ValueError:
        return None
    if precision in ("season", "quarter") and value[:4].isdigit():
        return value[:4], "year"
    return None


def calendar_time(mention: Mention) -> Mention | None:
    """``mention`` with its calendar value, for dating events; None for durations, sets, PRESENT_REF, decades."""
    ref = mention.time
    if ref is None or ref.type not in ("DATE", "TIME"):
        return None
    cal = calendar_value(ref.value, ref.precision)
    if cal is None:
        return None
    if cal == (ref.value, ref.precision):
        return mention
    return replace(mention, time=replace(ref, value=cal[0], precision=cal[1]))  # type: ignore[arg-type]


def clause_is_future(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the clause of ``text`` around [start, end) speaks of the future."""
    return _clause_future(grammar(lang), text, start, end)


# Future-tense verb endings of the Romance languages, tested on the trigger's own words ("sospenderà").
# Italian "-rò" is also the passato remoto of a verb whose stem ends in r ("incontrò", "ritirò", "sparò",
# "liberò"), far more common in news than a first-person future, so only the endings no such past has
# count: "attaccherò", "libererò", "colpirò", "avrò", "verrò", "andrò".
_FUTURE_ENDINGS = {"it": ("rà", "ranno", "remo", "herò", "ierò", "rerò", "rirò", "vrò", "rrò", "drò"), "es": ("rá", "rán", "ré", "remos"), "fr": ("era", "eront", "ira", "iront")}
_WORD = regex.compile(r"[\w'-]+")
CUE_REACH = 3  # words between a future auxiliary and its verb ("will also formally sign")


def act_is_future(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the verb at [start, end) is itself in the future tense: a future form ("посетит",
    "visiterà") or a future cue right before it ("will visit", "is to sign"), or, in German, a
    future auxiliary earlier in the clause with the verb as the clause's final infinitive
    ("wird ... besuchen", not the passive "werden ... vermittelt").

    Stricter than ``clause_is_future``: a cue elsewhere in the clause ("the government's plan to
    freeze pay") does not make another verb future."""
    g = grammar(lang)
    words = _WORD.findall(text, start, end)
    if lang == "ru" and any(_ru_future_verb(w.casefold()) for w in words):
        return True
    if any(w.casefold().endswith(_FUTURE_ENDINGS.get(lang, ())) for w in words if len(w) > 4):
        return True
    if g.future is None:
        return False
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    before = list(_WORD.finditer(text, left, start))
    near = before[-CUE_REACH - 1].start() if len(before) > CUE_REACH else left
    if lang != "de" and g.future.search(text, near, start):
        return True
    if lang == "de" and words and g.future.search(text, left, start):  # German puts the infinitive last
        last = words[-1]
        right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
        clause_final = not _WORD.search(text, end, right) or text[end:right].strip(" .!?") == ""
        return clause_final and last.islower() and last.endswith("n") and not last.startswith("ge")
    return False
