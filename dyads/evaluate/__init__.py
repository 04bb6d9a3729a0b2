"""Evaluation harness: score the coder on gold sets and return a ``Report``.

- Dyad sets (PLOVER GSR, project JSONL dyad lines): the gold actor/recipient are given and
  only the event type is predicted. ``split="test"`` runs 5-fold cross-validation grouped by
  sentence: each fold's model is trained on the other folds plus the shipped model's other
  training files (never on the fold it is scored on). ``split="all"`` scores the shipped model
  on everything (optimistic when the model was trained on that file).
- End-to-end sets (PETRARCH unit tests, UniversalPetrarch, JSONL sentence lines): actors are
  found (PETRARCH: its own dictionaries; otherwise the knowledge base) and the whole coder runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..config import Config
from ..model import Document, Event, Mention, Processed, Sentence
from .metrics import Report, confusion, dyad_scores, per_type
from .readers import DyadExample, EvaluateError, GoldEvent, GoldSet, SentenceGold, in_test_split, read_gold

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


def _predict(coder: object, examples: Sequence[DyadExample]) -> tuple[list[str], np.ndarray]:
    from ..code.classifier import CLASSES
    from ..code.features import Party

    preds, probs = [], np.zeros((len(examples), len(CLASSES)))
    for i, ex in enumerate(examples):
        view, result = coder.analyse(ex.text, Party(ex.actor), Party(ex.recipient) if ex.recipient else None, ex.lang)  # type: ignore[attr-defined]
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
    if split == "all":
        preds, probs = _predict(coder, examples)
        notes.append("split=all: shipped model on every record (optimistic if it was trained on this file)")
    else:
        base, files = _base_examples(coder, Path(gold.path))
        model_now = getattr(coder, "model", None)
        temperature = model_now.temperature if model_now is not None else None  # calibrated on similar data
        preds, probs = [""] * len(examples), np.zeros((len(examples), 17))
        for k in range(folds):
            test = [i for i, ex in enumerate(examples) if fold_of(ex.group, folds) == k]
            train = [ex for ex in examples if fold_of(ex.group, folds) != k]
            model, _ = fit_examples(base + train, temperature=temperature)
            fold_preds, fold_probs = _predict(Coder(model, getattr(coder, "config", None)), [examples[i] for i in test])
            for j, i in enumerate(test):
                preds[i], probs[i] = fold_preds[j], fold_probs[j]
        notes.append(f"split=test: {folds}-fold cross-validation grouped by sentence; each fold model trained on the "
                     f"other folds + {len(base)} examples from {len(files)} other training files; the shipped model's temperature")
    golds = [ex.event for ex in examples]
    accuracy, merged, types, table = dyad_scores(golds, preds)
    ece, rel = reliability(probs, golds)
    notes.append("accuracy_15 merges CONCEDE and RETREAT (the 16 PLOVER types less one distinction)")
    return Report(Path(gold.path).name, gold.format, split, len(examples), len(examples), accuracy=accuracy,
                  accuracy_15=merged, dyad_accuracy=accuracy, predicted_events=sum(p != "NONE" for p in preds),
                  per_type=types, confusion=table, ece=ece, reliability=rel, notes=notes)


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
    from ..code.extract import code_item

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


def _evaluate_sentences(gold: GoldSet, sentences: list[SentenceGold], coder: object, config: Config, split: str) -> Report:
    finder, source = _mention_finder(gold, config)
    by_code = gold.format == "petrarch"
    n_gold = matched = dyads_found = extra = n_pred = 0
    tp, gold_types, pred_types = Counter(), Counter(), Counter()
    pairs: list[tuple[str, str]] = []
    unmapped = 0
    for item in sentences:
        events = code_sentence_gold(coder, item, finder)
        unmapped += item.unmapped
        used: set[int] = set()
        for g in item.events:
            n_gold += 1
            gold_types[g.event] += 1
            hit = next((i for i, e in enumerate(events) if i not in used and _match(g, e, item.text, by_code)), None)
            same_dyad = next((e for e in events if _match(g, e, item.text, by_code, typed=False)), None)
            dyads_found += same_dyad is not None
            if hit is not None:
                used.add(hit)
                matched += 1
                tp[g.event] += 1
            pairs.append((g.event, events[hit].event if hit is not None else same_dyad.event if same_dyad else "MISSED"))
        n_pred += len(events)
        pred_types.update(e.event for e in events)
        extra += sum(1 for i, e in enumerate(events) if i not in used and not any(_match(g, e, item.text, by_code) for g in item.events))
    denominator = max(1, n_gold)
    report = Report(Path(gold.path).name, gold.format, split, len(sentences), n_gold, predicted_events=n_pred,
                    correct=matched / denominator, dyad_accuracy=dyads_found / denominator, extra_rate=extra / denominator,
                    per_type=per_type(tp, gold_types, pred_types), confusion=confusion(pairs))
    if by_code:
        report.events_right = matched / denominator
    report.notes.append(f"end-to-end; actors from the {source}; {unmapped} gold codings with no PLOVER type left out")
    report.notes.append("correct = gold type found with a matching actor" + (" and target code" if by_code else " (text overlap)")
                        + "; a compound actor with no recipient matches both directed dyads between its members")
    return report
