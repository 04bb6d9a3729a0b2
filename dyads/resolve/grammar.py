"""Per-language temporal grammar: compiled regular expressions built once from ``lang/<xx>/dates.tsv``.

Each pattern names what it found in its groups (``d``, ``m``, ``y``, ``wd``, ``s``, ``rel``,
``rd``, ``mod``, ``n``, ``unit``, ``du``, ``ref``, ``set``, ``q``, ``dec``, ``we``, ``hh``/``mi``/``ap``,
``tod``); ``dates.py`` turns those into TimeML values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from ..lang import read_tsv

FLAGS = regex.IGNORECASE | regex.VERSION1 | regex.UNICODE
# what a pattern cannot match without: a digit, a date word, or both (sentences lacking it skip the pattern)
NEEDS_DIGIT = frozenset({"iso", "numeric", "year", "year_sfx", "decade", "year_bare", "clock"})
NEEDS_BOTH = frozenset({"dmy", "mdy", "my", "s_y"})
# what cannot match without a number from 1600 to 2099 in the text (a cheap test first)
NEEDS_YEAR = frozenset({"year", "year_sfx", "year_bare", "decade", "my", "s_y"})
PARTABLE = frozenset({"my", "s_y", "rel", "rd", "year", "year_sfx", "year_bare", "month", "season", "m_rel", "decade"})

_DAY = r"(?<![\d.,:])(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|º|°|-?го|-?е)?"
_YEAR = r"(?P<y>(?:1[6-9]|20)\d\d)(?![\d.,]\d)(?!['’]?s\b)"  # not "1990s" (a decade)
_GENERIC_CONN = ("of", "de", "del", "di")
# "by 2000 soldiers": a number before a plural noun is a count, not a year (English plurals)
_NOT_COUNT = {"en": r"(?!\s+\p{Ll}+s\b)"}


@dataclass
class Grammar:
    lang: str
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    seasons: dict[str, int] = field(default_factory=dict)
    reldays: dict[str, int] = field(default_factory=dict)
    rels: dict[str, tuple[str, int]] = field(default_factory=dict)
    mods: dict[tuple[str, str], int] = field(default_factory=dict)  # (position, word) -> offset
    units: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)  # number words: "three" -> 3
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)  # fixed TimeML values: "now" -> (PRESENT_REF, DATE)
    sets: dict[str, str] = field(default_factory=dict)  # "daily" -> P1D
    dunits: dict[str, str] = field(default_factory=dict)  # duration units: "years" -> Y, "hours" -> H
    vague: frozenset[str] = frozenset()  # "several", "a few": an unspecified number (X)
    quarters: dict[str, int] = field(default_factory=dict)  # "third quarter" -> 3
    weekends: dict[str, int] = field(default_factory=dict)  # "last weekend" -> -1 ("the weekend": 0, by tense)
    relday_tod: dict[str, str] = field(default_factory=dict)  # "tonight" -> NI (TimeML part of day)
    tods: dict[str, str] = field(default_factory=dict)  # "morning" -> MO
    tod_after: regex.Pattern[str] | None = None  # " morning" right after a day ("Tuesday morning")
    future: regex.Pattern[str] | None = None
    weekday_before: regex.Pattern[str] | None = None  # "Tuesday, " right before a day and month
    word_anchor: regex.Pattern[str] | None = None  # any date word: sentences without one skip the word patterns
    part_before: regex.Pattern[str] | None = None  # "early", "the second half of" ending right before a match
    dur_before: regex.Pattern[str] | None = None  # "the past", "at least" ending right before a duration
    patterns: list[tuple[str, regex.Pattern[str]]] = field(default_factory=list)
    # pattern name -> word kinds it cannot match without (see ``kinds_present``)
    requires: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _anchors: Any = None  # Aho-Corasick automaton over one anchor word per form
    _anchor_kinds: list[frozenset[str]] = field(default_factory=list)
    _unanchored: frozenset[str] = frozenset()  # kinds with a form that has no anchor word

    def month(self, word: str) -> int:
        return self.months[_key(word)]

    def kinds_present(self, text: str) -> frozenset[str]:
        """Word kinds that may occur in ``text``: a kind absent here cannot be matched by any pattern.

        Each form contributes its longest run of letters/digits (kept verbatim by the
        patterns); finding none of a kind's anchors in the case-folded text rules the kind out.
        Running one automaton per sentence is much cheaper than running every pattern.
        """
        found = set(self._unanchored)
        if self._anchors is not None:
            for index, _, _ in self._anchors.find_matches_as_indexes(text.casefold(), overlapping=True):
                found |= self._anchor_kinds[index]
        return frozenset(found)

    def weekday(self, word: str) -> int:
        return self.weekdays[_key(word)]


def _key(word: str) -> str:
    return " ".join(word.casefold().replace("’", "'").rstrip(".").split())


def _alt(forms: list[str], cs: set[str] | None = None) -> str:
    """Longest-first alternation; forms in ``cs`` match only with their capitalisation."""
    out = []
    for form in sorted(set(forms), key=len, reverse=True):
        body = regex.escape(form).replace(r"\ ", r"\s+").replace("'", "['’]")
        out.append(f"(?-i:{body})" if cs and form in cs else body)
    if not out:
        return "(?!)"
    # a one-character look-ahead lets the engine skip most positions before trying the words
    firsts = sorted({ch for f in forms if f for ch in (f[0].lower(), f[0].upper())})
    head = "".join(regex.escape(ch) for ch in firsts)
    return f"(?=[{head}])(?:" + "|".join(out) + ")"


def _bounded(alt: str) -> str:
    return rf"(?<![\w-]){alt}(?![\w])"


@lru_cache(maxsize=16)
def grammar(lang: str) -> Grammar:
    rows = read_tsv(lang, "dates.tsv") or read_tsv("en", "dates.tsv")
    g = Grammar(lang)
    kinds: dict[str, list[str]] = {}
    cs: set[str] = set()
    abbr: set[str] = set()
    pre_mods: list[str] = []
    post_mods: list[str] = []
    for row in rows:
        kind, form = row[0], row[1]
        value = row[2] if len(row) > 2 else ""
        flags = set((row[3] if len(row) > 3 else "").split(","))
        flag = "post" if "post" in flags else ("pre" if "pre" in flags else "")
        kinds.setdefault(kind, []).append(form)
        if "cs" in flags:
            cs.add(form)
        if "abbr" in flags:
            abbr.add(form)
        k = _key(form)
        if kind == "month":
            g.months[k] = int(value)
        elif kind == "weekday":
            g.weekdays[k] = int(value)
        elif kind == "season":
            g.seasons[k] = int(value)
        elif kind == "relday":
            offset, _, tod = value.partition(":")
            g.reldays[k] = int(offset)
            if tod:
                g.relday_tod[k] = tod
        elif kind == "rel":
            unit, offset = value.split(":")
            g.rels[k] = (unit, int(offset))
        elif kind in ("prev", "next", "this"):
            g.mods[(flag or "pre", k)] = int(value)
            (post_mods if flag == "post" else pre_mods).append(form)
        elif kind == "unit":
            g.units[k] = value
        elif kind == "num":
            g.numbers[k] = int(value)
        elif kind == "ref":
            g.refs[k] = (value, (row[3] if len(row) > 3 and row[3] else "DATE"))
        elif kind == "set":
            g.sets[k] = value
        elif kind == "dunit":
            g.dunits[k] = value
        elif kind == "quarter":
            g.quarters[k] = int(value)
        elif kind == "weekend":
            g.weekends[k] = int(value)
        elif kind == "tod":
            g.tods[k] = value
    g.vague = frozenset(_key(f) for f in kinds.get("vague", []))
    if kinds.get("tod"):
        g.tod_after = regex.compile(rf"\s+(?P<tod>{_alt(kinds['tod'], cs)})(?!\w)", FLAGS)
    g.future = regex.compile(_bounded(_alt(kinds.get("future", []))), FLAGS) if kinds.get("future") else None
    g.patterns = _patterns(g, kinds, cs, abbr, pre_mods, post_mods)
    _build_anchors(g, {**kinds, "pre_mod": pre_mods, "post_mod": post_mods})
    return g


# the word kinds each pattern needs (one form of each must occur); patterns not listed have no gate
_REQUIRES: dict[str, tuple[str, ...]] = {
    "dmy": ("month",), "mdy": ("month",), "my": ("month",), "m_rel": ("month", "rel"), "month": ("month",),
    "s_y": ("season",), "season": ("season",), "rel": ("rel",), "rd": ("relday",), "weekday": ("weekday",),
    "year": ("yearprep",), "year_sfx": ("yearsuffix",), "mod_pre": ("pre_mod",), "mod_post": ("post_mod",),
    "ago": ("ago", "unit"), "ref": ("ref",), "set": ("set",), "dur": ("dunit",), "quarter": ("quarter",), "weekend": ("weekend",),
    "every": ("every",), "clock": ("ampm",),
}
_RUN = regex.compile(r"[\p{L}\p{N}]+")


def _build_anchors(g: Grammar, kinds: dict[str, list[str]]) -> None:
    import ahocorasick_rs

    needed = {kind for kinds_ in _REQUIRES.values() for kind in kinds_}
    by_anchor: dict[str, set[str]] = {}
    unanchored: set[str] = set()
    for kind in needed:
        for form in kinds.get(kind, []):
            runs = _RUN.findall(form)
            if not runs:
                unanchored.add(kind)
                continue
            anchor = max(runs, key=len)
            if len(anchor) < 2 and " " not in form and "'" not in form:
                anchor = form  # "a.m.": one letter alone would anchor nothing
            by_anchor.setdefault(anchor.casefold(), set()).add(kind)
    anchors = sorted(by_anchor)
    g._anchor_kinds = [frozenset(by_anchor[a]) for a in anchors]
    g._anchors = ahocorasick_rs.AhoCorasick(anchors) if anchors else None
    g._unanchored = frozenset(unanchored)
    g.requires = {name: _REQUIRES[name] for name, _ in g.patterns if name in _REQUIRES}


def _patterns(g: Grammar, kinds: dict[str, list[str]], cs: set[str], abbr: set[str], pre_mods: list[str], post_mods: list[str]) -> list[tuple[str, regex.Pattern[str]]]:
    month_forms = kinds.get("month", [])
    M = rf"(?P<m>{_alt(month_forms, cs)})(?:\.|(?![\w]))"
    W = rf"(?P<wd>{_alt(kinds.get('weekday', []), cs)})(?![\w])"
    S = rf"(?P<s>{_alt(kinds.get('season', []), cs)})(?![\w])"
    conn = _alt([*_GENERIC_CONN, *kinds.get("conn", [])])
    ys = kinds.get("yearsuffix", [])
    YS = rf"(?:\s*{_alt(ys)}(?!\w))?" if ys else ""
    part = kinds.get("part", [])
    # words like "early", "the second half of" are attached after matching (see part_before):
    # an optional group at the head of every pattern would be tried at every position
    PART = ""
    g.part_before = regex.compile(
        rf"(?<![\w-]){_alt(part, cs)}(?:\s+(?:{conn}|the|des|de\s+la|de\s+l'|dell'|della|del))?\s*$", FLAGS
    ) if part else None
    REL = rf"(?P<rel>{_alt(kinds.get('rel', []), cs)})(?![\w])"
    RD = rf"(?P<rd>{_alt(kinds.get('relday', []), cs)})(?![\w])"
    prep = _alt(kinds.get("yearprep", []), cs)
    units = _alt(kinds.get("unit", []))
    N = rf"(?P<n>\d{{1,3}}|{_alt(kinds.get('num', []))})" if kinds.get("num") else r"(?P<n>\d{1,3})"
    ago = kinds.get("ago", [])
    ago_post = [r[1] for r in read_tsv(g.lang, "dates.tsv") if r[0] == "ago" and len(r) > 3 and r[3] == "post"]
    wd_opt = ""  # a weekday before a date is attached after matching (see weekday_before)
    g.weekday_before = regex.compile(rf"(?<![\w]){W},?\s+$", FLAGS)
    pats: dict[str, str] = {
        "iso": r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)",
        "numeric": r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d])",
        "dmy": rf"{wd_opt}{_DAY}\s*\.?\s*(?:{conn}\s+)?{M}(?:\s*,?\s*(?:{conn}\s+)?{_YEAR}{YS})?",
        "mdy": rf"{wd_opt}(?<![\w]){M}\s*{_DAY}(?![\d:])(?:\s*,\s*{_YEAR}|\s+{_YEAR})?",
        "my": rf"{PART}(?<![\w]){M}\s*,?\s*(?:{conn}\s+)?{_YEAR}{YS}",
        "m_rel": rf"(?<![\w]){M}\s+(?:{conn}\s+)?{REL}",
        "s_y": rf"{PART}(?<![\w]){S}\s+(?:{conn}\s+)?{_YEAR}{YS}",
        "rel": rf"{PART}(?<![\w]){REL}",
        "rd": rf"(?<![\w]){RD}",
        "year": rf"(?=(?:1[6-9]|20)\d\d)(?<=(?<![\w]){prep}(?:\s+|(?<=-))(?:the\s+|el\s+|l'|la\s+)?){_YEAR}{YS}{_NOT_COUNT.get(g.lang, '')}",
        "year_sfx": rf"(?<![\w]){_YEAR}\s*{_alt(ys)}(?!\w)" if ys else "(?!)",
    }
    if pre_mods:
        pats["mod_pre"] = rf"(?<![\w])(?P<mod>{_alt(pre_mods, cs)})\s+(?:{W}|{M}|{S})"
    if post_mods:
        pats["mod_post"] = rf"(?<![\w])(?:{W}|{M}|{S})\s+(?P<mod>{_alt(post_mods, cs)})(?!\w)"
    if ago:
        if ago_post:
            pats["ago"] = rf"(?<![\w]){N}\s+(?P<unit>{units})\s+{_alt(ago)}(?!\w)"
        else:
            pats["ago"] = rf"(?<![\w]){_alt(ago)}\s+{N}\s+(?P<unit>{units})(?!\w)"
    bare_months = [f for f in month_forms if f not in abbr and f not in cs]
    cs_months = [f for f in month_forms if f in cs and f not in abbr]
    bare = [rf"(?<![\w]){_alt(bare_months)}(?![\w])"] if bare_months else []
    if cs_months:
        bare.append(rf"(?=\p{{Lu}})(?<=(?<![\w]){prep}\s+){_alt(cs_months, cs)}(?![\w])")
    pats["month"] = rf"{PART}(?P<m>{'|'.join(bare) or '(?!)'})"
    pats.update(_span_patterns(g, kinds, cs, W, M))
    if kinds.get("ampm"):
        tz = rf"(?:\s+{_alt(kinds['tz'], cs)}(?!\w))?" if kinds.get("tz") else ""
        clock = rf"(?=\d)(?<![\w.:])(?P<hh>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{_alt(kinds['ampm'])})(?!\w)"
        pats["clock"] = rf"{clock}{tz}(?:\s+(?:on\s+)?(?:{W}|{RD}))?"
    pats["weekday"] = rf"(?<![\w]){W}"
    # a season word that is also a common word ("fall") stands alone only after a determiner
    det = [r[1] for r in read_tsv(g.lang, "dates.tsv") if r[0] == "season" and len(r) > 3 and "det" in r[3].split(",")]
    plain = [f for f in kinds.get("season", []) if f not in det]
    S_bare = rf"(?P<s>{_alt(plain, cs)})(?![\w])"
    if det:
        S_bare = rf"(?:{S_bare}|(?<=(?<![\w])(?:the|this|that)\s+)(?P<s>{_alt(det, cs)})(?![\w]))"
    pats["season"] = rf"{PART}(?<![\w]){S_bare}"
    words = [*month_forms, *kinds.get("weekday", []), *kinds.get("season", []), *kinds.get("relday", []), *kinds.get("rel", []), *pre_mods, *post_mods, *kinds.get("unit", [])]
    g.word_anchor = regex.compile(rf"(?<![\w]){_alt(words, cs)}", FLAGS)
    return [(name, regex.compile(p, FLAGS)) for name, p in pats.items()]


def _span_patterns(g: Grammar, kinds: dict[str, list[str]], cs: set[str], W: str, M: str) -> dict[str, str]:
    """Durations, sets, fixed references (PRESENT_REF...), bare quarters and decades."""
    pats: dict[str, str] = {}
    dunits = _alt(kinds.get("dunit", []), cs)
    if kinds.get("ref"):
        # "the past" but not "the past week" (a duration or a relative date)
        pats["ref"] = rf"(?<![\w])(?P<ref>{_alt(kinds['ref'], cs)})(?![\w-])(?!\s+(?:\d|(?:{dunits}|{_alt([*kinds.get('num', []), *kinds.get('vague', [])])})(?!\w)))"
    if kinds.get("set"):
        pats["set"] = rf"(?<![\w])(?P<set>{_alt(kinds['set'], cs)})(?![\w-])"
    if kinds.get("dunit"):
        pre = kinds.get("durpre", [])
        PRE = rf"(?:{_alt(pre)}\s+){{1,2}}" if pre else ""
        vague = kinds.get("vague", [])
        n = rf"(?P<n>\d{{1,4}}|{_alt([*kinds.get('num', []), *vague])})" if kinds.get("num") or vague else r"(?P<n>\d{1,4})"
        mid = rf"(?:{_alt(kinds['durmid'])}\s+)?" if kinds.get("durmid") else ""  # "two more weeks"
        # anchored on the unit (rare) and looking back for the number (common words like "a")
        pats["dur"] = rf"(?<![\w])(?=(?:{dunits})(?![\w]))(?<=(?<![\w]){n}(?:\s+|-){mid})(?P<du>{dunits})(?![\w]|-old)"
        g.dur_before = regex.compile(rf"(?<![\w]){PRE}$", FLAGS) if pre else None
    if kinds.get("quarter"):
        not_year = r"(?!\s+(?:of\s+|del?\s+)?(?:1[6-9]|20)\d\d)"
        pats["quarter"] = rf"(?<![\w])(?P<q>{_alt(kinds['quarter'], cs)})(?![\w]){not_year}"
    if kinds.get("every"):
        pats["every"] = rf"(?<![\w]){_alt(kinds['every'], cs)}\s+(?:{W}|{M})"
    if kinds.get("weekend"):
        pats["weekend"] = rf"(?<![\w])(?P<we>{_alt(kinds['weekend'], cs)})(?![\w])"
    pats["decade"] = r"(?=\d)(?<![\w'’])(?P<dec>(?:1[6-9]|20)\d)0['’]?s(?!\w)"
    if "bare_year" in kinds.get("option", []):
        # "the 1996 campaign": a year with no preposition, unless a count ("1999 people") or an amount follows
        count = kinds.get("count", [])
        not_count = _NOT_COUNT.get(g.lang, "") + (rf"(?!\s+{_alt(count)}(?!\w))" if count else "")
        year = r"(?P<y>(?:19|20)\d\d)(?![\d.,:/-]\d)(?!['’]?s\b)(?!\s*(?:%|per\s*cent))"
        pats["year_bare"] = rf"(?=[12])(?<![\w$€£¥.,/:'’-]){year}{not_count}"
    return pats
