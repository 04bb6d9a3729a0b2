"""Evaluation harness: score the coder on gold sets and return a ``Report``.

- Dyad sets (PLOVER GSR, project JSONL dyad lines): the gold actor/recipient are given and
  only the event type is predicted. ``split="test"`` runs 5-fold cross-validation grouped by
  sentence: each fold's model is trained on the other folds plus the shipped model's other
  training files (never on the fold it is scored on). ``split="all"`` scores the shipped model
  on everything (optimistic when the model was trained on that file).
- End-to-end sets (PETRARCH unit tests, UniversalPetrarch, JSONL sentence lines): actors are
  found (PETRARCH: its own dictionaries; otherwise the knowledge base) and the whole coder runs.

What counts as found, per set (each gold set defines its own unit):
- PETRARCH: a gold coding is (source code, target code, type); predicted events are expanded
  into dyads (a compound actor gives one per member, see ``event_dyads``) and each gold coding
  needs a dyad with exactly its codes; the reverse direction counts only where the gold codes
  both directions (``match_dyads``). "right" = gold codings found / gold codings.
- UniversalPetrarch: "correct" = gold codings for which a predicted event has the same type and
  an actor mention overlapping the gold source text (any actor when the gold gives no text);
  where the gold has codes but no texts (UP English), the country part of the codes, or the
  sector part for a gold code with no country ("---REB").
- "extra" (all sets) = predicted events that match no gold coding of their sentence, divided by
  the number of gold codings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..config import Config
from ..model import Document, Event, Mention, Processed, Sentence
from ..ontology import NO_EVENT
from .metrics import Report, confusion, dyad_scores, per_type
from .readers import (
    DyadExample,
    EvaluateError,
    GoldEvent,
    GoldSet,
    SentenceGold,
    in_test_split,
    read_gold,
)

__all__ = ["EvaluateError", "Report", "evaluate", "read_gold"]
FOLDS = 5
MentionFinder = Callable[[str, str, str | None], list[Mention]]


def evaluate(path: str | Path, split: str = "test", fmt: str = "auto", config: Config | None = None,
             folds: int = FOLDS, limit: int | None = None) -> Report:
    """Score the coder on one gold file (see the module docstring for what each split means)."""
    from ..code import load_coder

    if split not in ("test", "all"):
        raise EvaluateError(f"unknown split {split!r}", fix="use --split test or --split all")
    config = config or Config.load()
    gold = read_gold(path, fmt)
    coder = load_coder(config)
    if gold.dyads:
        dyads = gold.dyads[:limit] if limit else gold.dyads
        return _evaluate_dyads(gold, dyads, split, coder, folds)
    sentences = gold.sentences
    if split == "test" and gold.dyads_for_training:  # trainable end-to-end set: score the held-out 30% only
        sentences = [s for s in sentences if in_test_split(s.id)]
    sentences = sentences[:limit] if limit else sentences
    report = _evaluate_sentences(gold, sentences, coder, config, split)
    if split == "test" and gold.dyads_for_training:
        report.notes.append("split=test: the fixed held-out 30% of records (crc32(id) % 10 < 3); the rest may be trained on")
    return report


# --- dyad sets -------------------------------------------------------------------------------

def _base_examples(coder: object, exclude: Path) -> tuple[list[DyadExample], list[Path]]:
    from ..code.train import load_examples, resolve

    model = getattr(coder, "model", None)
    files = [resolve(f) for f in (model.meta.get("files", {}) if model else {})]
    keep = [f for f in files if f.exists() and f.resolve() != exclude.resolve()]
    examples, _ = load_examples(keep) if keep else ([], {})
    return examples, keep


def _predict(coder: object, examples: Sequence[DyadExample], events_only: bool = False) -> tuple[list[str], np.ndarray]:
    from ..code.classifier import CLASSES
    from ..code.features import Party

    preds, probs = [], np.zeros((len(examples), len(CLASSES)))
    for i, ex in enumerate(examples):
        _, result = coder.analyse(ex.text, Party(ex.actor), Party(ex.recipient) if ex.recipient else None, ex.lang,  # type: ignore[attr-defined]
                                  events_only=events_only)
        preds.append(result.event)
        probs[i, CLASSES.index(result.event)] = result.confidence
        rest = (1.0 - result.confidence) / (len(CLASSES) - 1)
        probs[i] = np.where(probs[i] == 0, rest, probs[i])
    return preds, probs


def _evaluate_dyads(gold: GoldSet, examples: list[DyadExample], split: str, coder: object, folds: int) -> Report:
    from ..code import Coder
    from ..code.classifier import fold_of
    from ..code.train import fit_examples, reliability

    notes = []
    closed = all(ex.event != NO_EVENT for ex in examples)  # every record is an event: a choice among the types
    if split == "all":
        coders = [coder]
        notes.append("split=all: shipped model on every record (optimistic if it was trained on this file)")
    else:
        base, files = _base_examples(coder, Path(gold.path))
        model_now = getattr(coder, "model", None)
        temperature = model_now.temperature if model_now is not None else None  # calibrated on similar data
        coders = [Coder(fit_examples(base + [ex for ex in examples if fold_of(ex.group, folds) != k], temperature=temperature)[0],
                        getattr(coder, "config", None)) for k in range(folds)]
        notes.append(f"split=test: {folds}-fold cross-validation grouped by sentence; each fold model trained on the "
                     f"other folds + {len(base)} examples from {len(files)} other training files; the shipped model's temperature")
    preds, probs = _fold_predictions(coders, examples, folds, events_only=closed)
    golds = [ex.event for ex in examples]
    accuracy, merged, types, table = dyad_scores(golds, preds)
    ece, rel = reliability(probs, golds)
    open_accuracy = None
    if closed:
        open_preds, _ = _fold_predictions(coders, examples, folds, events_only=False)
        open_accuracy = dyad_scores(golds, open_preds)[0]
        notes.append("every gold record is an event, so the type is chosen among the 16 PLOVER types (events_only); "
                     "accuracy_open lets the coder also answer NONE")
    notes.append("accuracy_15 merges CONCEDE and RETREAT (the 16 PLOVER types less one distinction)")
    return Report(Path(gold.path).name, gold.format, split, len(examples), len(examples), accuracy=accuracy,
                  accuracy_15=merged, accuracy_open=open_accuracy, dyad_accuracy=accuracy,
                  predicted_events=sum(p != NO_EVENT for p in preds), per_type=types, confusion=table, ece=ece,
                  reliability=rel, notes=notes)


def _fold_predictions(coders: Sequence[object], examples: Sequence[DyadExample], folds: int,
                      events_only: bool) -> tuple[list[str], np.ndarray]:
    """Predictions of each example by the coder of its fold (one coder: all examples)."""
    from ..code.classifier import CLASSES, fold_of

    if len(coders) == 1:
        return _predict(coders[0], examples, events_only)
    preds, probs = [""] * len(examples), np.zeros((len(examples), len(CLASSES)))
    for k, fold_coder in enumerate(coders):
        test = [i for i, ex in enumerate(examples) if fold_of(ex.group, folds) == k]
        fold_preds, fold_probs = _predict(fold_coder, [examples[i] for i in test], events_only)
        for j, i in enumerate(test):
            preds[i], probs[i] = fold_preds[j], fold_probs[j]
    return preds, probs


# --- end-to-end sets -------------------------------------------------------------------------

def _mention_finder(gold: GoldSet, config: Config) -> tuple[MentionFinder, str]:
    folder = Path(gold.path).parent
    if gold.format == "petrarch" and (folder / "PETR.Validate.actors.txt").is_file():
        from .petrarch import PetrarchActors

        actors = PetrarchActors.from_folder(folder)
        return (lambda text, lang, date: actors.find(text, date)), "PETR.Validate actors + agents dictionaries"
    from ..pipeline import Context

    kb = Context(config).kb
    return (lambda text, lang, date: list(kb.find_mentions(text, lang=lang, date=_iso(date), spans=[(0, len(text))]))), "knowledge base"


def _iso(date: str | None) -> str | None:
    if date and len(date) == 8 and date.isdigit():
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return date


def code_sentence_gold(coder: object, item: SentenceGold, finder: MentionFinder) -> list[Event]:
    from ..code.story import code_item

    doc = Document(id=item.id, text=item.text, lang=item.lang, published=_iso(item.date), lang_given=True)
    mentions = finder(item.text, item.lang, item.date)
    processed = Processed(doc, (Sentence(doc.id, 0, len(item.text), item.text),), tuple(mentions))
    return list(code_item(coder, processed).events)  # type: ignore[arg-type]


def _codes(mentions: Sequence[Mention]) -> list[str]:
    return [(m.entity.code if m.entity and m.entity.code else m.text) for m in mentions] or ["---"]


def _overlaps(text: str, gold_texts: Sequence[str], mentions: Sequence[Mention]) -> bool:
    if not gold_texts:
        return True
    lowered = text.lower()
    for g in gold_texts:
        start = lowered.find(g.lower().strip())
        if start < 0:
            continue
        end = start + len(g.strip())
        if any(m.start < end and start < m.end for m in mentions):
            return True
    return False


def _same_code(gold: str, predicted: list[str], exact: bool) -> bool:
    if exact:
        return gold in predicted
    if gold.startswith("---") and len(gold) >= 6:  # no country in the gold ("---REB"): the sector decides
        return any(gold[3:6] in (p, p[3:6]) for p in predicted)
    return any(p[:3] == gold[:3] for p in predicted)  # other dictionaries: the country/IGO part


def _match(gold: GoldEvent, event: Event, text: str, by_code: bool, typed: bool = True) -> bool:
    """PETRARCH: source and target codes; otherwise actor text overlap, or - when the gold has
    codes but no texts (UniversalPetrarch English) - the country part of the actor codes."""
    if typed and gold.event != event.event:
        return False
    has_code = bool(gold.actor_code) and gold.actor_code != "---"
    if by_code or (not gold.actor_text and has_code):
        target = gold.recipient_code or "---"
        codes = _codes(event.actor)
        if not event.recipient and len(set(codes)) > 1 and target != "---":
            # a compound actor with no recipient ("A and B met") stands for A->B and B->A
            return _same_code(gold.actor_code or "", codes, by_code) and _same_code(target, codes, by_code)
        actor_ok = _same_code(gold.actor_code or "", codes, by_code)
        target_ok = (target == "---" and not event.recipient) or _same_code(target, _codes(event.recipient), by_code)
        return actor_ok and (target_ok or (not by_code and target == "---"))
    return _overlaps(text, gold.actor_text, event.actor)


def event_dyads(event: Event) -> list[tuple[str, str]]:
    """PETRARCH level: a predicted event as (source code, target code) dyads. Compound actors
    ("A and B", or a code written "FRO/BIL/SAM") give one dyad per member and recipient; a
    compound with no recipient also stands for each member with no target and for the
    directed pairs between its members ("A and B met")."""
    actors = list(dict.fromkeys(c for code in _codes(event.actor) for c in code.split("/") if c))
    targets = list(dict.fromkeys(c for code in _codes(event.recipient) for c in code.split("/") if c)) if event.recipient else []
    if targets:
        return [(a, t) for a in actors for t in targets if a != t]
    pairs = [(a, b) for a in actors for b in actors if a != b]
    return [(a, "---") for a in actors] + pairs


def match_dyads(golds: Sequence[GoldEvent], events: Sequence[Event], typed: bool = True) -> list[int | None]:
    """For each PETRARCH gold coding, the index of the predicted event one of whose dyads has its
    source and target codes (and type when ``typed``); each predicted dyad is used once per
    direction. A predicted A->B also answers a gold B->A only when the gold codes both
    directions (symmetric events such as meetings), never otherwise."""
    dyads = [(i, e.event, d) for i, e in enumerate(events) for d in event_dyads(e)]
    coded = {(g.event if typed else "", g.actor_code or "---", g.recipient_code or "---") for g in golds}
    used: set[tuple[int, bool]] = set()
    hits: list[int | None] = []
    for g in golds:
        want = (g.actor_code or "---", g.recipient_code or "---")
        both = (g.event if typed else "", want[1], want[0]) in coded
        hit = None
        for k, (i, event, (a, t)) in enumerate(dyads):
            if typed and event != g.event:
                continue
            crossed = both and (t, a) == want and (k, True) not in used
            if ((a, t) == want and (k, False) not in used) or crossed:
                used.add((k, crossed))
                hit = i
                break
        hits.append(hit)
    return hits


def _score_item(item: SentenceGold, events: list[Event], by_code: bool) -> tuple[list[int | None], list[int | None], int]:
    """(typed hits, untyped hits, extra predictions) for one sentence."""
    if by_code:
        hits, loose = match_dyads(item.events, events), match_dyads(item.events, events, typed=False)
        matched = set(hits)
        extra = sum(1 for i, e in enumerate(events) if i not in matched and not any(h is not None for h in match_dyads(item.events, [e])))
        return hits, loose, extra
    used: set[int] = set()
    hits, loose = [], []
    for g in item.events:
        hit = next((i for i, e in enumerate(events) if i not in used and _match(g, e, item.text, False)), None)
        if hit is not None:
            used.add(hit)
        hits.append(hit)
        loose.append(next((i for i, e in enumerate(events) if _match(g, e, item.text, False, typed=False)), None))
    extra = sum(1 for i, e in enumerate(events) if i not in used and not any(_match(g, e, item.text, False) for g in item.events))
    return hits, loose, extra


def _evaluate_sentences(gold: GoldSet, sentences: list[SentenceGold], coder: object, config: Config, split: str) -> Report:
    finder, source = _mention_finder(gold, config)
    by_code = gold.format == "petrarch"
    n_gold = matched = dyads_found = extra = n_pred = 0
    tp: Counter[str] = Counter()
    tp_pred: Counter[str] = Counter()
    gold_types: Counter[str] = Counter()
    pred_types: Counter[str] = Counter()
    pairs: list[tuple[str, str]] = []
    unmapped = 0
    for item in sentences:
        events = code_sentence_gold(coder, item, finder)
        unmapped += item.unmapped
        hits, loose, item_extra = _score_item(item, events, by_code)
        for g, hit, near in zip(item.events, hits, loose, strict=True):
            n_gold += 1
            gold_types[g.event] += 1
            dyads_found += near is not None
            if hit is not None:
                matched += 1
                tp[g.event] += 1
            pairs.append((g.event, events[hit].event if hit is not None else events[near].event if near is not None else "MISSED"))
        n_pred += len(events)
        pred_types.update(e.event for e in events)
        tp_pred.update(events[i].event for i in {h for h in hits if h is not None})
        extra += item_extra
    denominator = max(1, n_gold)
    report = Report(Path(gold.path).name, gold.format, split, len(sentences), n_gold, predicted_events=n_pred,
                    correct=matched / denominator, dyad_accuracy=dyads_found / denominator, extra_rate=extra / denominator,
                    per_type=per_type(tp, gold_types, pred_types, tp_pred), confusion=confusion(pairs))
    if by_code:
        report.events_right = matched / denominator
    report.notes.append(f"end-to-end; actors from the {source}; {unmapped} gold codings with no PLOVER type left out")
    if by_code:
        report.notes.append("right = gold (source, target, type) found among the dyads of the predicted events (compound actors "
                            "expanded member by member; the reverse direction counts only where the gold codes both)")
    else:
        report.notes.append("correct = gold type found on a predicted event whose actor overlaps the gold source text (any "
                            "actor when the gold gives none); extra = predictions matching no gold coding / gold codings")
        swapped = sum(1 for g, p in pairs if {g, p} == {"PROTEST", "MOBILIZE"})
        if swapped:
            report.notes.append(f"diagnostic only: {swapped} gold codings found with PROTEST and MOBILIZE swapped (the gold uses "
                                f"MOBILIZE for many demonstrations); counted as one type, correct would be "
                                f"{(matched + swapped) / denominator:.3f}")
    return report
