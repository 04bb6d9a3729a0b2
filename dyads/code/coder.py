"""The dyad coder: lexicons + the linear model -> a ``DyadResult`` for one (actor, recipient) pair."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..config import SUPPORTED_LANGUAGES, Config
from ..errors import CoderError
from ..language import detect
from ..ontology import NO_EVENT, PLOVER_TYPES, cameo_for, quad_class
from .classifier import CLASSES, LinearModel
from .cues import DENIAL_MODE
from .features import (
    DyadView,
    Party,
    SentenceFacts,
    Span,
    dyad_view,
    feature_names,
    hash_features,
    sentence_facts,
)
from .triggers import Hit, Lexicon, Token, lexicon_for

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
DEFAULT_MODEL = MODEL_DIR / "coder.npz"
TOP_FEATURES = 6


@dataclass(frozen=True)
class DyadResult:
    event: str  # PLOVER type or "NONE"
    mode: str | None
    context: tuple[str, ...]
    aux: tuple[str, ...]
    cameo: str | None
    quad_code: int | None
    confidence: float
    trigger: tuple[int, int] | None  # character span of the trigger in the text
    trigger_text: str | None
    features: tuple[str, ...]  # the top features behind the decision, "name (+weight)"
    rule: str | None = None  # a rule that overrode the model, if any
    probabilities: tuple[tuple[str, float], ...] = ()  # the three most probable labels

    def as_dict(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode, "context": list(self.context), "aux": list(self.aux),
                "cameo": self.cameo, "quad_code": self.quad_code, "confidence": round(self.confidence, 4),
                "trigger": list(self.trigger) if self.trigger else None, "trigger_text": self.trigger_text,
                "features": list(self.features), "rule": self.rule}


class Coder:
    """Holds the model and the per-language lexicons; cheap to call, load once per process."""

    def __init__(self, model: LinearModel | None, config: Config | None = None, lexicons: dict[str, Lexicon] | None = None) -> None:
        self.model = model
        self.config = config or Config()
        self._lexicons = dict(lexicons or {})

    @property
    def classes(self) -> tuple[str, ...]:
        """The labels of the probability vectors: the model's, or the 16 types and NONE without one."""
        return self.model.classes if self.model is not None else CLASSES

    def lexicon(self, lang: str) -> Lexicon:
        if lang not in self._lexicons:
            self._lexicons[lang] = lexicon_for(lang)
        return self._lexicons[lang]

    def analyse(self, text: str, actor: Party, recipient: Party | None, lang: str, tokens: Sequence[Token] | None = None,
                triggers: Sequence[Hit] | None = None, cues: Sequence[Hit] | None = None,
                explain: bool = True, events_only: bool = False) -> tuple[DyadView, DyadResult]:
        """Classify one dyad; ``explain=False`` skips the top features (see ``top_features``);
        ``events_only`` picks the most probable event type, never "no event" (see ``decide``)."""
        lexicon = self.lexicon(lang)
        view = dyad_view(text, actor, recipient, lang, lexicon, facts=sentence_facts(text, lexicon, tokens, triggers, cues))
        return view, self.decide(view, lang, explain, text, events_only)

    def analyse_many(self, text: str, pairs: Sequence[tuple[Party, Party | None]], lang: str,
                     facts: SentenceFacts | None = None, explain: bool = True) -> list[tuple[DyadView, DyadResult]]:
        """Classify every (actor, recipient) pair of one sentence, scored in one model call."""
        lexicon = self.lexicon(lang)
        if facts is None:
            facts = sentence_facts(text, lexicon)
        views = [dyad_view(text, actor, recipient, lang, lexicon, facts=facts) for actor, recipient in pairs]
        rows = [hash_features(view.features, lang) for view in views]
        probs = self._proba(views, rows)
        orders = np.argsort(-probs, axis=1)
        return [(view, self._decided(view, ids, p, order, lang, explain, text))
                for view, ids, p, order in zip(views, rows, probs, orders, strict=True)]

    def decide(self, view: DyadView, lang: str, explain: bool = True, text: str | None = None,
               events_only: bool = False) -> DyadResult:
        """Classify an analysed dyad; with ``text`` (the sentence) the result carries its trigger's text.

        ``events_only``: the caller knows the dyad is an event (a gold set of event sentences, a
        corpus already filtered to events), so the answer is the most probable of the 16 types and
        the confidence is that type's probability given that there is an event."""
        ids = hash_features(view.features, lang)
        probs = self.model.proba(ids) if self.model is not None else _lexicon_only(view)
        classes = self.classes
        if events_only and NO_EVENT in classes and probs[classes.index(NO_EVENT)] < 1.0:
            probs = probs.copy()
            probs[classes.index(NO_EVENT)] = 0.0
            probs = probs / probs.sum()
        result = self._decided(view, ids, probs, np.argsort(-probs), lang, explain, text)
        if events_only and result.event == NO_EVENT:  # a rule (negated trigger) said no event: take the best type
            top = int(np.argmax(probs))
            result = self._result(view, classes[top], float(probs[top]), result.rule, ids if explain else None, lang,
                                  list(result.probabilities), text)
        return result

    def _proba(self, views: Sequence[DyadView], rows: Sequence[Sequence[int]]) -> np.ndarray:
        if self.model is None:
            return np.stack([_lexicon_only(view) for view in views]) if views else np.zeros((0, len(CLASSES)))
        return self.model.proba_many(rows)

    def _decided(self, view: DyadView, ids: list[int], probs: np.ndarray, order: np.ndarray, lang: str, explain: bool,
                 text: str | None = None) -> DyadResult:
        classes = self.classes
        event, confidence = classes[int(order[0])], float(probs[int(order[0])])
        event, confidence, rule = _apply_rules(view, event, confidence, probs, classes)
        top = [(classes[int(i)], float(probs[int(i)])) for i in order[:3]]
        return self._result(view, event, confidence, rule, ids if explain else None, lang, top, text)

    def top_features(self, view: DyadView, event: str, lang: str) -> tuple[str, ...]:
        """The features that pushed ``view`` towards ``event`` most, "name (+weight)"."""
        return self._top_features(view, hash_features(view.features, lang), event, lang)

    def _result(self, view: DyadView, event: str, confidence: float, rule: str | None, ids: list[int] | None, lang: str,
                top: list[tuple[str, float]], text: str | None = None) -> DyadResult:
        hit = view.trigger
        if hit is None and event != NO_EVENT and view.cues.speech is not None:
            hit = view.cues.speech  # a statement's content decided it: anchor the event on the reporting verb
        mode, context, cameo = _coding(event, hit if hit is not None and hit.label == event else None)
        aux = tuple(a for a in view.cues.aux if a != "negation") if rule == DENIAL_RULE else view.cues.aux  # "denied" is no negation here
        return DyadResult(
            event=event, mode=mode, context=context, aux=aux, cameo=cameo, quad_code=quad_class(cameo),
            confidence=confidence, trigger=(hit.start, hit.end) if hit else None,
            trigger_text=text[hit.start : hit.end] if hit and text is not None else None, features=self._top_features(view, ids, event, lang) if ids is not None else (),
            rule=rule, probabilities=tuple((label, round(p, 4)) for label, p in top),
        )

    def _top_features(self, view: DyadView, ids: list[int], event: str, lang: str) -> tuple[str, ...]:
        if self.model is None:
            return tuple(f for f in view.features if f.startswith("T="))
        names = [n.split("|", 1)[1] if n[:3].endswith("|") else n for n in feature_names(view.features, lang)]
        weights = self.model.contributions(ids, event)
        best: dict[str, float] = {}
        for name, w in zip(names, weights, strict=True):
            best[name] = best.get(name, 0.0) + float(w)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:TOP_FEATURES]
        return tuple(f"{name} ({w:+.2f})" for name, w in ranked if w > 0)


def anchored(result: DyadResult, hit: Hit, text: str) -> DyadResult:
    """The result anchored on another trigger of its type: the second act of a sentence ("condemned the
    verdict and called on the authorities to ..."), with that trigger's mode, context and CAMEO code."""
    mode, context, cameo = _coding(result.event, hit)
    return replace(result, mode=mode, context=context, cameo=cameo, quad_code=quad_class(cameo), trigger=(hit.start, hit.end),
                   trigger_text=text[hit.start : hit.end])


def _coding(event: str, hit: Hit | None) -> tuple[str | None, tuple[str, ...], str | None]:
    """(mode, context, CAMEO code) of an event: its trigger's mode and context when the trigger has its type."""
    mode, context = (hit.pattern.mode, tuple(hit.pattern.context)) if hit is not None else (None, ())
    return mode, context, _cameo(event, mode, context) if event in PLOVER_TYPES else None


@lru_cache(maxsize=4096)
def _cameo(event: str, mode: str | None, context: tuple[str, ...]) -> str:
    return cameo_for(event, mode, context)


def _lexicon_only(view: DyadView) -> np.ndarray:
    """Without a model: the trigger's type at a modest fixed probability, else NONE."""
    probs = np.full(len(CLASSES), 0.01)
    probs[CLASSES.index(view.trigger.label if view.trigger else NO_EVENT)] = 0.6
    return probs / probs.sum()


DENIAL_RULE = "denial of an accusation -> REJECT"
OBLIGATION_RULE = "what the speaker says the recipient must do -> REQUEST"
OBLIGED_ACTOR_RULE = "what the actor must do it has not done -> not coded"
DENIAL_RECIPIENT_GAP = 3  # "rejected Kyiv's accusations", "dismissed the criticism by Brussels"


def _apply_rules(view: DyadView, event: str, confidence: float, probs: np.ndarray, classes: Sequence[str]) -> tuple[str, float, str | None]:
    """Explicit rules the model must not overturn: refusals are REJECT, negated actions are not coded,
    and what a speaker says the recipient must do is a demand on it."""
    cues = view.cues
    if cues.refusal and view.trigger is not None:
        return "REJECT", max(confidence, float(probs[classes.index("REJECT")])), "refusal cue near the trigger -> REJECT"
    hit = view.trigger
    if hit is not None and hit.pattern.mode == DENIAL_MODE and view.actor is not None and view.actor[1] < hit.first:
        if view.recipient is not None and not hit.first <= view.recipient[0] <= hit.last + DENIAL_RECIPIENT_GAP:
            return NO_EVENT, 1.0, "a denial's recipient is the accuser named with the accusation"
        if cues.negated:  # not one inside the phrase ("не признал вину") nor the denial word itself ("a démenti")
            return NO_EVENT, 1.0, "a negated denial ('did not deny the charges') -> not coded"
        court = view.actor_sector == "JUD"  # a court that "dismissed the charges" drops them; it denies nothing
        if not court or event != NO_EVENT:
            return "REJECT", max(confidence, float(probs[classes.index("REJECT")])), DENIAL_RULE
    if cues.obliged and cues.actor_speaks and view.trigger is not None:  # the model finds an act; the rule says which
        some_event = 1.0 - float(probs[classes.index(NO_EVENT)]) if NO_EVENT in classes else confidence
        return "REQUEST", max(some_event, float(probs[classes.index("REQUEST")])), OBLIGATION_RULE
    if cues.actor_obliged:
        return NO_EVENT, 1.0 - confidence if event != NO_EVENT else confidence, OBLIGED_ACTOR_RULE
    if cues.negated and event != NO_EVENT and view.trigger is not None and event == view.trigger.label:
        return NO_EVENT, 1.0 - confidence, "negated trigger -> not coded"
    return event, confidence, None


def load_coder(config: Config) -> Coder:
    """The coder for a run: the model in ``config.model_file`` or the shipped one."""
    path = Path(config.model_file) if config.model_file else DEFAULT_MODEL
    if config.model_file and not path.is_file():
        raise CoderError(f"model file {path} not found", fix="set model_file to a file written by `dyads train`")
    model = LinearModel.load(path) if path.is_file() else None
    return Coder(model, config)


_LANG_HINTS = {
    "en": ("the", "and", "of", "to", "said", "with", "was", "has"),
    "it": ("il", "della", "di", "che", "e", "per", "ha", "dei", "gli", "è"),
    "de": ("der", "die", "und", "das", "mit", "von", "den", "hat", "nicht", "ist"),
    "fr": ("le", "la", "les", "des", "et", "du", "avec", "a", "est", "une"),
    "es": ("el", "la", "los", "las", "y", "del", "con", "por", "que", "una"),
}


def detect_language(text: str) -> str:
    """The pipeline's detector (lingua, among the supported languages and their neighbours) when it names
    a supported language; otherwise a cheap script + stop-word guess."""
    try:
        code, _ = detect(text, SUPPORTED_LANGUAGES)
        if code is not None and code in SUPPORTED_LANGUAGES:
            return code
    except ImportError:  # without lingua the heuristic below decides
        pass
    if re.search(r"[а-яё]", text.lower()):
        return "ru"
    words = re.findall(r"\w+", text.lower())
    scores = {lang: sum(words.count(w) for w in hints) for lang, hints in _LANG_HINTS.items()}
    return max(scores, key=lambda k: scores[k]) if any(scores.values()) else "en"


def as_span(text: str, part: str | tuple[int, int] | Sequence[Any] | None) -> tuple[Span, ...]:
    """A substring (first occurrence), a (start, end) pair, or a list of either -> spans."""
    if part is None:
        return ()
    if isinstance(part, str):
        start = text.find(part)
        if start < 0:
            raise CoderError(f"{part!r} is not a substring of the text", fix="pass an exact substring or a (start, end) span")
        return ((start, start + len(part)),)
    if len(part) == 2 and all(isinstance(x, int) for x in part):
        start, end = int(part[0]), int(part[1])
        if not 0 <= start < end <= len(text):
            raise CoderError(f"span {part!r} is outside the text", fix="use character offsets into the text")
        return ((start, end),)
    return tuple(span for item in part for span in as_span(text, item))
