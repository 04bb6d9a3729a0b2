"""Explain how a piece of text is coded: mentions, candidate pairs, roles, scores, features."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Document, Event, Mention, Processed, Sentence
from ..recognize import place_country
from .coder import detect_language
from .extract import coded_sentences, sentence_candidates, to_event
from .story import answer_accusations

if TYPE_CHECKING:
    from ..pipeline import Context


@dataclass(frozen=True)
class CandidateRow:
    sentence: int
    actor: str
    recipient: str
    event: str
    confidence: float
    score: float
    trigger: str | None
    kept: bool
    dropped: str | None
    rule: str | None
    notes: tuple[str, ...]
    features: tuple[str, ...]


@dataclass
class Explanation:
    text: str
    lang: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[CandidateRow] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def _prepare(text: str, lang: str, date: str | None, ctx: Context) -> Processed:
    """Run the stages before coding; fall back to one sentence + knowledge-base actors."""
    document = Document(id="explain", text=text, lang=lang, published=date, lang_given=True)
    try:
        from ..pipeline import Pipeline

        runner = Pipeline(ctx.config, stages=("segment", "recognize"))
        runner.ctx = ctx
        (item,) = runner.run_batch([Processed(document)])
        if item.document.ok and item.sentences:
            return item
    except Exception:  # noqa: BLE001 - stages still missing: use the simple fallback below
        pass
    sentence = Sentence(document.id, 0, len(text), text)
    mentions = ctx.kb.find_mentions(text, lang=lang, date=date, spans=[(0, len(text))])
    return Processed(document, (sentence,), tuple(mentions))


def explain(text: str, lang: str | None = None, date: str | None = None, ctx: Context | None = None) -> Explanation:
    from ..pipeline import Context as _Context

    ctx = ctx or _Context()
    lang = lang or detect_language(text)
    item = _prepare(text, lang, date, ctx)
    coder = ctx.coder
    out = Explanation(text, lang, list(item.sentences), [m for m in item.mentions])
    where = place_country(item)
    coded = []
    for n, sentence, actors in coded_sentences(item):
        out.mentions.extend(m for m in actors if m.rule.startswith("coref:"))  # what coreference added
        stext = sentence.text or text[sentence.start : sentence.end]
        places = [m for m in item.mentions if m.kind == "place" and sentence.start <= m.start < sentence.end]
        cands, chosen = sentence_candidates(coder, stext, sentence.start, actors, lang, where(sentence), places=places)
        kept = {id(c) for c in chosen}
        for c in cands:
            out.candidates.append(_row(n, c, id(c) in kept))
            if id(c) in kept:
                coded.append((c, to_event(c, item.document, sentence, lang)))
    out.events.extend(answer_accusations(coded))
    return out


def _row(n: int, c: Any, kept: bool) -> CandidateRow:
    names = lambda g: " + ".join(f"{m.text or '(implicit)'}[{m.entity.code if m.entity else '?'}]" for m in g.mentions) if g else "-"  # noqa: E731
    return CandidateRow(n, names(c.actor), names(c.recipient), c.result.event, c.result.confidence, c.score,
                        c.result.trigger_text, kept, c.dropped, c.result.rule, c.notes, c.result.features)
