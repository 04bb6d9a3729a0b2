"""The PLOVER ontology and its CAMEO correspondence, read from the plain files beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
NO_EVENT = "NONE"
SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "COP", "LEG", "JUD", "PTY", "OPP", "REB", "CVL", "BUS", "MED",
    "NGO", "IGO", "SPY", "EDU", "REL", "HLH", "LAB", "REF", "CRM", "ELI", "UAF",
)
# PLOVER codes an announced act by its intent: a cooperative one is AGREE, a conflictual one THREATEN
# (announced deployments stay MOBILIZE in our data, but "warned it would send troops" is a threat).
INTENT_OF: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}),
    "THREATEN": frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}),
}
# Old PLOVER (0.5) names used by the PLOVER gold records, mapped to current types.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class CameoMapping:
    cameo: str
    event: str | None
    mode: str | None
    context: tuple[str, ...]
    description: str


def _rows(name: str) -> list[list[str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoMapping]:
    """CAMEO code -> PLOVER (event, mode, context), from the PLOVER project's table."""
    table: dict[str, CameoMapping] = {}
    for line in (HERE / "cameo2plover.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        rest, _, description = rest.partition("#")
        parts = [part.strip() for part in rest.split(",")]
        event = parts[0] or None
        mode = parts[1] if len(parts) > 1 and parts[1] else None
        context = tuple(c.strip() for c in (parts[2] if len(parts) > 2 else "").replace(";", " ").split() if c.strip())
        table[code.strip()] = CameoMapping(code.strip(), event, mode, context, description.strip())
    return table


def cameo_to_plover(code: str) -> CameoMapping | None:
    """Map a CAMEO code to PLOVER, falling back to ever shorter prefixes (0212 -> 021 -> 02)."""
    table = cameo_table()
    code = code.strip().split("_")[0]
    for length in range(len(code), 1, -1):
        hit = table.get(code[:length])
        if hit is not None and hit.event:
            return hit
    if code.startswith("02"):  # appeals are REQUEST in PLOVER but absent from the 2021 table
        return CameoMapping(code, "REQUEST", None, (), "Appeal")
    return None


@lru_cache(maxsize=1)
def default_cameo() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("plover.tsv")}


@lru_cache(maxsize=1)
def _roots() -> dict[str, tuple[str, int, float]]:
    return {row[0]: (row[1], int(row[2]), float(row[3])) for row in _rows("cameo_roots.tsv")}


def quad_class(cameo: str | None) -> int | None:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    root = _roots().get((cameo or "")[:2])
    return root[1] if root else None


def goldstein(cameo: str | None) -> float | None:
    root = _roots().get((cameo or "")[:2])
    return root[2] if root else None


def normalise_type(name: str) -> str:
    """Accept current and legacy PLOVER names in any case."""
    upper = name.strip().upper()
    return LEGACY_TYPES.get(upper, upper)


@lru_cache(maxsize=1)
def modes() -> dict[str, tuple[str, ...]]:
    """The PLOVER modes per event type, as used in the CAMEO table."""
    found: dict[str, set[str]] = {t: set() for t in PLOVER_TYPES}
    for mapping in cameo_table().values():
        if mapping.event in found and mapping.mode:
            found[mapping.event].add(mapping.mode)
    return {event: tuple(sorted(values)) for event, values in found.items()}


def cameo_for(event: str, mode: str | None = None, context: tuple[str, ...] = ()) -> str:
    """The most specific CAMEO code that matches a PLOVER event, mode and context."""
    best = default_cameo()[event]
    best_score = 0
    for mapping in cameo_table().values():
        if mapping.event != event:
            continue
        score = (2 if mode and mapping.mode == mode else 0) + (1 if set(context) & set(mapping.context) else 0)
        if mode and mapping.mode not in (None, mode):
            continue
        if score > best_score or (score == best_score and score > 0 and len(mapping.cameo) < len(best)):
            best, best_score = mapping.cameo, score
    return best
