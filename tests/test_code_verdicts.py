"""A speaker's verdict on a party is an accusation ("Rogozin said US policy is divide and rule");
the narrator's own verdict words, and verdicts with no party judged, are not."""

from __future__ import annotations

import pytest

from dyads.code import load_coder
from dyads.code.coder import DEFAULT_MODEL
from dyads.code.cues import Verdict, evaluation_triggers
from dyads.code.story import code_item
from dyads.code.triggers import lexicon_for, tokenize
from dyads.config import Config
from dyads.model import Document, Entity, Mention, Processed, Sentence

pytestmark = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")
CODER = load_coder(Config())


def _coded(text: str, actors: dict[str, str], lang: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    mentions = []
    for name, code in actors.items():
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "actor", Entity(name=name, code=code)))
    doc = Document(id="d1", text=text, lang=lang, title="T", url="http://example.org/a", published="2024-05-01", source="test")
    item = Processed(doc, (Sentence("d1", 0, len(text), text),), tuple(sorted(mentions, key=lambda m: m.start)))
    return [(e.event, tuple(m.entity.code for m in e.actor), tuple(m.entity.code for m in e.recipient))
            for e in code_item(CODER, item).events]


@pytest.mark.parametrize(("lang", "text", "actors", "expected"), [
    ("en", "The Russian foreign minister said Washington's policy in the region was a dangerous mistake.",
     {"Russian foreign minister": "RUSGOV", "Washington": "USAGOV"}, ("ACCUSE", ("RUSGOV",), ("USAGOV",))),
    ("en", "Washington's line on the talks is hypocritical, the Kremlin said.",
     {"Washington": "USAGOV", "Kremlin": "RUSGOV"}, ("ACCUSE", ("RUSGOV",), ("USAGOV",))),
    ("ru", "Лавров заявил, что политика Вашингтона в регионе является ошибкой.",
     {"Лавров": "RUSGOV", "Вашингтона": "USAGOV"}, ("ACCUSE", ("RUSGOV",), ("USAGOV",))),
    ("de", "Der Außenminister sagte, die Blockade durch Belgrad sei völkerrechtswidrig.",
     {"Außenminister": "ALBGOV", "Belgrad": "SRBGOV"}, ("ACCUSE", ("ALBGOV",), ("SRBGOV",))),
    ("it", "Il ministro ha detto che la decisione di Ankara è vergognosa.",
     {"ministro": "GRCGOV", "Ankara": "TURGOV"}, ("ACCUSE", ("GRCGOV",), ("TURGOV",))),
])
def test_a_verdict_said_of_a_party_accuses_it(lang: str, text: str, actors: dict[str, str],
                                              expected: tuple[str, tuple[str, ...], tuple[str, ...]]) -> None:
    assert expected in _coded(text, actors, lang)


@pytest.mark.parametrize(("lang", "text", "actors"), [
    # the narrator's verdict word: description, not an act
    ("en", "The illegal blockade by Belgrade entered its third week.", {"Belgrade": "SRBGOV"}),
    # said, but of no party
    ("en", "The Kremlin said the weather was dangerous for the convoy.", {"Kremlin": "RUSGOV"}),
    ("de", "Der Kreml sagte, die Lage sei gefährlich.", {"Kreml": "RUSGOV"}),
])
def test_a_verdict_without_a_judged_party_is_no_accusation(lang: str, text: str, actors: dict[str, str]) -> None:
    assert [e for e in _coded(text, actors, lang) if e[0] == "ACCUSE"] == []


@pytest.mark.parametrize(("lang", "text", "verdicts"), [
    ("en", "Lavrov said the plan was hypocritical.", ["hypocritical"]),
    ("en", "Lavrov called the plan hypocritical.", ["hypocritical"]),
    ("en", "The hypocritical plan failed.", []),  # no speaker
    ("en", "Schiff called on Obama to answer the meddling.", []),  # "called on" is a request, not a naming
    ("ru", "Захарова назвала заявление Госдепа лицемерным.", ["лицемерным"]),
    ("de", "Das ist alles rechtswidrig, sagte der Anwalt.", ["rechtswidrig"]),
    ("it", "Il portavoce ha detto che la mossa è irresponsabile.", ["irresponsabile"]),
    ("it", "Il portavoce ha definito la mossa una provocazione irresponsabile.", []),  # a lexicon trigger spans the verdict
])
def test_verdict_words_are_triggers_only_when_said(lang: str, text: str, verdicts: list[str]) -> None:
    lexicon, tokens = lexicon_for(lang), tokenize(text)
    triggers = lexicon.triggers.find(tokens)
    made = [h for h in evaluation_triggers(tokens, triggers, lexicon.cues.find(tokens)) if isinstance(h, Verdict)]
    assert [text[h.start : h.end] for h in made] == verdicts


@pytest.mark.parametrize(("text", "actors", "expected"), [
    # the brief's own example: a copula before a noun phrase is no passive
    ("Rogozin said US policy is divide and rule.", {"Rogozin": "RUSGOV", "US": "USA"}, ("ACCUSE", ("RUSGOV",), ("USA",))),
    ("The activists were arrested by the police.", {"activists": "CVL", "police": "COP"}, ("COERCE", ("COP",), ("CVL",))),
])
def test_an_english_passive_needs_a_participle(text: str, actors: dict[str, str], expected: tuple[str, tuple[str, ...], tuple[str, ...]]) -> None:
    assert expected in _coded(text, actors, "en")
