"""Language: identify each document's language with lingua; skip unsupported ones.

A ``lang`` given on input wins when it is supported. Otherwise lingua decides among the
configured languages *plus* a set of close neighbours (Polish, Ukrainian, Portuguese,
Dutch, ...). Measured on news sentences, a detector restricted to the six supported
languages reports Ukrainian as Russian and Portuguese as Spanish with confidence 1.0, so
a low-confidence fallback cannot catch them; detecting among the wider set costs about
1 ms per document (``benchmarks/spine_speed.py``) and names the real language in the
skip reason ("unsupported language 'pl'").

Low-accuracy (trigram-only) mode: measured on the 36-language set it starts in under a
millisecond instead of ~5 s (high accuracy loads every n-gram model up front), runs at
the same speed per document, and gave the same answers on news paragraphs.

Texts shorter than ``SHORT_TEXT`` (headline-only items) are misread by trigram models
("Proteste in Tiflis" -> Turkish), so they get a second look with lingua's high-accuracy
models among the supported languages and the best three guesses. Those models load once
per process, per language, on first need (about 0.2-0.5 s each).

Only the first ``SAMPLE_CHARS`` characters of the kept (non-boilerplate) text are read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .clean import kept_spans
from .config import SUPPORTED_LANGUAGES
from .model import Document, Processed

if TYPE_CHECKING:
    from .pipeline import Context

SAMPLE_CHARS = 400  # measured on 1,000 news documents: same decisions as 600 chars, ~20% faster
MIN_CONFIDENCE = 0.5  # below this the language of a long text is "undetermined"
SHORT_TEXT = 120  # lingua's low-accuracy mode is reliable from about this length
# A short text whose low-accuracy guess is a supported language at this confidence skips the
# high-accuracy second look (which loads ~0.2 s of models per language, most of a cold start).
# Measured on 1,800 word windows (2-14 words) of en/ru/it/de news: the second look changed
# none of the 1,035 guesses at or above it (and none of 1,162 at or above 0.999).
SURE = 0.9999
# Languages that are easily confused with a supported one, or common in news feeds.
NEIGHBOURS = (
    "pl", "uk", "be", "bg", "sr", "mk", "kk", "pt", "ca", "gl", "nl", "ro", "cs", "sk",
    "sl", "hr", "bs", "sv", "da", "nb", "fi", "et", "lv", "lt", "hu", "tr", "el", "ar", "fa", "zh", "ja",
)


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    supported = tuple(ctx.config.languages)
    out = []
    for item in batch:
        out.append(item.with_(document=identify(item.document, supported)))
    return out


def identify(doc: Document, supported: tuple[str, ...]) -> Document:
    """The document with ``lang`` set, or skipped with the reason."""
    if doc.lang_given and doc.lang:
        if doc.lang in supported:
            return doc
        return doc.skip("language", f"unsupported language {doc.lang!r} (given on input; supported: {', '.join(supported)})")
    lang, confidence = detect(sample_text(doc), supported)
    if lang is None:
        return doc.skip("language", "could not determine the language")
    if lang not in supported:
        return doc.skip("language", f"unsupported language {lang!r} (supported: {', '.join(supported)})")
    if confidence < MIN_CONFIDENCE:
        return doc.skip("language", f"could not determine the language (best guess {lang!r} at {confidence:.2f})")
    return replace(doc, lang=lang)


def sample_text(doc: Document) -> str:
    parts, total = [], 0
    for start, end in kept_spans(doc.text, doc.removed):
        piece = doc.text[start:end]
        parts.append(piece)
        total += len(piece)
        if total >= SAMPLE_CHARS:
            break
    return "".join(parts)[:SAMPLE_CHARS]


def detect(text: str, supported: tuple[str, ...]) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of the most likely language, or (None, 0.0).

    Texts shorter than SHORT_TEXT (headlines) are decided again by lingua's high-accuracy
    models among the supported languages and the three best low-accuracy guesses, unless the
    low-accuracy guess is a supported language at SURE confidence; for those the top guess
    is taken whatever its confidence, since short texts spread it.
    """
    if not any(ch.isalpha() for ch in text):
        return None, 0.0
    values = _detector(supported).compute_language_confidence_values(text)
    if not values or values[0].value <= 0.0:
        return None, 0.0
    if len(text.strip()) < SHORT_TEXT:
        if values[0].value >= SURE and _code(values[0].language) in supported:
            return _code(values[0].language), 1.0
        candidates = frozenset([*supported, *(_code(v.language) for v in values[:3])])
        values = _precise_detector(candidates).compute_language_confidence_values(text)
        return _code(values[0].language), 1.0
    return _code(values[0].language), float(values[0].value)


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name.lower())


@lru_cache(maxsize=4)
def _detector(supported: tuple[str, ...]) -> Any:
    """One detector per process for the supported set plus neighbours (built once)."""
    from lingua import LanguageDetectorBuilder

    codes = dict.fromkeys([*supported, *SUPPORTED_LANGUAGES, *NEIGHBOURS])
    return LanguageDetectorBuilder.from_languages(*_languages(codes)).with_low_accuracy_mode().build()


@lru_cache(maxsize=64)
def _precise_detector(codes: frozenset[str]) -> Any:
    """High-accuracy detector over a few languages; lingua loads each model once per process."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*_languages(sorted(codes))).build()


def _languages(codes: Iterable[str]) -> list[Any]:
    from lingua import IsoCode639_1, Language

    languages = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            languages.append(Language.from_iso_code_639_1(iso))
    return languages
