"""Actor mentions from PETRARCH ``.actors`` / ``.agents`` dictionaries, for the unit-test evaluation.

A deliberately small reader: synonyms (``+NAME``), multi-line code blocks with date
restrictions (``[HOB < 950601]``, ``[HOBGOV 19950601 - 19990815]``, ``[HOBREB > 990816]``),
``_`` word joins, a trailing ``_`` for an exact last word (otherwise a prefix), and agents
(``[~GOV]``) that attach to a neighbouring actor as PETRARCH attaches them: "Arnor police",
"police of Arnor", "lawmakers in/from Arnor" -> ARNCOP/ARNLEG; a coordinated list shares the
agent or the actor ("lawmakers in A and B" -> ALEG, BLEG; "Danish media and government" ->
DNKMED, DNKGOV); adjacent agents stack (DNK+MUS+MED); an agent already in the code is not
added twice (WHITE HOUSE [USAGOV] + officials [~GOV] -> USAGOV); a lone agent is no actor; a title
right before a name of its country is one actor ("Bree Prime Minister Romendacil" -> BREGOV).

Why not the knowledge base's importer (``dyads.kb.petrarch``) + ``KnowledgeBase.with_extra``:
it has no agents, and on the unit-test records it finds 216 of the 302 gold source codes
against 271 here (measured 2026-11-22).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Entity, Mention

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_WORD_RE = re.compile(r"[\w.'\-]+", re.UNICODE)


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]  # uppercase; the last one exact when ``exact``
    exact: bool
    codes: tuple[tuple[str, str, str], ...]  # (code, op, date(s))
    agent: bool = False


def _norm_date(value: str) -> str:
    value = value.strip()
    if len(value) == 6:  # YYMMDD
        value = ("19" if int(value[:2]) > 30 else "20") + value
    return value


def _code_at(codes: tuple[tuple[str, str, str], ...], date: str | None) -> str | None:
    """The first date restriction that holds wins; the plain code is the default (PETRARCH order)."""
    default = next((code for code, op, _ in codes if not op), None)
    if date is None:
        return default or (codes[-1][0] if codes else None)
    for code, op, when in codes:
        if op == "<" and date < _norm_date(when):
            return code
        if op == ">" and date > _norm_date(when):
            return code
        if op == "-":
            lo, hi = (_norm_date(x) for x in when.split("|"))
            if lo <= date <= hi:
                return code
    return default


def _parse_code(block: str) -> tuple[str, str, str] | None:
    block = block.strip()
    if not block:
        return None
    if block.startswith("~"):
        return (block[1:], "", "")
    m = re.match(r"(\S+)\s*(<|>)\s*(\d+)$", block)
    if m:
        return (m.group(1), m.group(2), m.group(3))
    m = re.match(r"(\S+)\s+(\d+)\s*-\s*(\d+)$", block)
    if m:
        return (m.group(1), "-", f"{m.group(2)}|{m.group(3)}")
    if re.match(r"^[<>\d]", block):
        return None
    return (block.split()[0], "", "")


def _phrase(name: str) -> tuple[tuple[str, ...], bool]:
    name = name.strip().lstrip("+")
    exact = name.endswith("_")
    words = tuple(w for w in re.split(r"[_\s]+", name.strip("_").upper()) if w)
    return words, exact


def read_dictionary(path: Path, agent: bool = False) -> list[_Entry]:
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8", errors="replace"), flags=re.DOTALL)
    entries: list[_Entry] = []
    names: list[tuple[tuple[str, ...], bool]] = []
    codes: list[tuple[str, str, str]] = []

    def flush() -> None:
        if names and codes:
            entries.extend(_Entry(w, e, tuple(codes), agent) for w, e in names if w)
        names.clear()
        codes.clear()

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or "!" in line:
            continue
        found = [c for c in (_parse_code(b) for b in _CODE_RE.findall(line)) if c]
        head = _CODE_RE.sub("", line).split("{")[0].strip()
        if head and not raw[0].isspace() and not head.startswith("+"):
            flush()
        if head:
            names.append(_phrase(head))
        codes.extend(found)
    flush()
    return entries


class PetrarchActors:
    """Finds dictionary actors in text; longest match wins; agents attach to adjacent actors."""

    def __init__(self, actors: list[_Entry], agents: list[_Entry]) -> None:
        self.entries = sorted(actors + agents, key=lambda e: -len(e.words))

    @classmethod
    def from_folder(cls, folder: Path) -> PetrarchActors:
        actors = read_dictionary(folder / "PETR.Validate.actors.txt")
        agents_file = folder / "PETR.Validate.agents.txt"
        agents = read_dictionary(agents_file, agent=True) if agents_file.is_file() else []
        return cls(actors, agents)

    def find(self, text: str, date: str | None = None) -> list[Mention]:
        words = [_word(m) for m in _WORD_RE.finditer(text)]
        taken: set[int] = set()
        hits: list[tuple[int, int, _Entry, str]] = []
        for entry in self.entries:
            n = len(entry.words)
            for i in range(len(words) - n + 1):
                if any(j in taken for j in range(i, i + n)) or not _matches(entry, words[i : i + n]):
                    continue
                code = _code_at(entry.codes, _norm_date(date) if date else None)
                if code is None or code.startswith("---"):
                    continue
                hits.append((i, i + n - 1, entry, code))
                taken.update(range(i, i + n))
        return _combine(sorted(hits, key=lambda h: h[0]), words, text)


def _word(m: re.Match[str]) -> tuple[str, int, int]:
    """A word with its span; a sentence-final period is not part of it ("Gondor." but "U.N.")."""
    token, end = m.group(), m.end()
    if token.endswith(".") and "." not in token[:-1]:
        token, end = token[:-1], end - 1
    return token.upper().strip("'"), m.start(), end


def _matches(entry: _Entry, window: list[tuple[str, int, int]]) -> bool:
    for k, (want, (got, _, _)) in enumerate(zip(entry.words, window, strict=True)):
        last = k == len(entry.words) - 1
        if got == want or (not (last and entry.exact) and got.startswith(want) and len(want) >= 3):
            continue
        if want.rstrip(".") == got:
            continue
        return False
    return True


_ACTOR_FIRST = (["OF"], ["OF", "THE"])
_AGENT_FIRST = (*_ACTOR_FIRST, ["IN"], ["IN", "THE"], ["FROM"], ["FROM", "THE"])  # "lawmakers in X", "soldiers from X"


def _combine(hits: list[tuple[int, int, _Entry, str]], words: list[tuple[str, int, int]], text: str) -> list[Mention]:
    out: list[Mention] = []
    shared: tuple[str, str, bool] | None = None  # (actor code, agent code, agent came first) a list goes on sharing
    i = 0
    while i < len(hits):
        first, last, entry, code = hits[i]
        if shared is not None and entry.agent and not shared[2] and not text[words[hits[i - 1][1]][2] : words[first][1]].strip():
            # agents stack: "Danish Islamist media" -> DNK+MUS+MED; a list after it shares DNK+MUS
            stacked = out.pop()
            base = stacked.entity.code if stacked.entity and stacked.entity.code else shared[0]
            out.append(_mention(text, stacked.start, words[last][2], _join(base, code)))
            shared = (base, code, False)
            i += 1
            continue
        if shared is not None and entry.agent != shared[2] and _listed(text, words[hits[i - 1][1]][2], words[first][1]):
            # "lawmakers in A and B" -> A+LEG, B+LEG; "Danish media and government" -> DNK+MED, DNK+GOV
            actor_code, agent_code = (shared[0], code) if entry.agent else (code, shared[1])
            out.append(_mention(text, words[first][1], words[last][2], _join(actor_code, agent_code)))
            i += 1
            continue
        shared = None
        if i + 1 < len(hits):
            nf, nl, ne, ncode = hits[i + 1]
            gap = [w[0] for w in words[last + 1 : nf]]
            joins = _AGENT_FIRST if entry.agent else _ACTOR_FIRST
            if entry.agent != ne.agent and (not gap or gap in joins):
                actor_code, agent_code = (ncode, code) if entry.agent else (code, ncode)
                out.append(_mention(text, words[first][1], words[nl][2], _join(actor_code, agent_code)))
                shared = (actor_code, agent_code, entry.agent)
                i += 2
                continue
        if not entry.agent:  # a lone agent ("a senior official") is not an actor: coding it as ---GOV costs more than it finds
            out.append(_mention(text, words[first][1], words[last][2], code))
        i += 1
    return _titled_names(out, text)


def _titled_names(mentions: list[Mention], text: str) -> list[Mention]:
    """A title right before a name of its own country is one actor with the title's code:
    "Bree Prime Minister [BREGOV] Romendacil [BRE]" -> BREGOV, as PETRARCH reads the noun phrase."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and not text[prev.end : m.start].strip() and prev.entity and m.entity and prev.entity.code and m.entity.code:
            a, b = prev.entity.code, m.entity.code
            if a != b and (a.startswith(b) or b.startswith(a)):
                out[-1] = _mention(text, prev.start, m.end, max(a, b, key=len))
                continue
        out.append(m)
    return out


_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", re.IGNORECASE)


def _listed(text: str, end: int, start: int) -> bool:
    """Whether only a list separator (", ", " and ", ", and the ") lies between two hits."""
    match = _LIST_GAP.fullmatch(text, end, start)
    return match is not None and end < start


def _join(actor_code: str, agent_code: str) -> str:
    return actor_code if actor_code.endswith(agent_code) else actor_code + agent_code  # WHITE HOUSE [USAGOV] officials [~GOV]


def _mention(text: str, start: int, end: int, code: str) -> Mention:
    return Mention(start, end, text[start:end], "actor", Entity(name=text[start:end], code=code, kind="state"), rule="petrarch-dict")
