"""Implicit agents: an agentless passive arrest or sentence is an act of the authorities where it happens."""

from __future__ import annotations

import pytest

from dyads.code import load_coder
from dyads.code.coder import DEFAULT_MODEL
from dyads.code.implicit import implicit_phrases
from dyads.code.story import code_item
from dyads.config import Config
from dyads.lang import available_languages
from dyads.model import Document, Entity, Event, Mention, Place, Processed, Sentence

pytestmark = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")
CODER = load_coder(Config())
Coded = tuple[str, tuple[str, ...], tuple[str, ...]]


def _events(text: str, lang: str, actors: dict[str, str], place: tuple[str, str] | None) -> list[Event]:
    mentions = []
    for name, code in actors.items():
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "actor", Entity(name=name, code=code, sector=code[-3:], kind="group")))
    if place is not None:
        start = text.index(place[0])
        mentions.append(Mention(start, start + len(place[0]), place[0], "place", place=Place(place[0], place[1])))
    doc = Document(id="d1", text=text, lang=lang, published="2026-05-01")
    item = Processed(doc, (Sentence("d1", 0, len(text), text),), tuple(sorted(mentions, key=lambda m: m.start)))
    return list(code_item(CODER, item).events)


def _coded(text: str, lang: str, actors: dict[str, str], place: tuple[str, str] | None) -> list[Coded]:
    return [(e.event, tuple(m.entity.code for m in e.actor if m.entity), tuple(m.entity.code for m in e.recipient if m.entity))
            for e in _events(text, lang, actors, place)]


@pytest.mark.parametrize(
    ("text", "lang", "actors", "place", "expected"),
    [
        ("A journalist was arrested in Minsk on Tuesday.", "en", {"journalist": "MED"}, ("Minsk", "BLR"), ("COERCE", ("BLRCOP",), ("MED",))),
        ("The former mayor was sentenced in Boston to six years in prison.", "en", {}, ("Boston", "USA"), ("COERCE", ("USAJUD",), ())),
        ("G. V. è stato arrestato in flagrante a Modena.", "it", {}, ("Modena", "ITA"), ("COERCE", ("ITACOP",), ())),
        ("Er wurde am Flughafen von Chicago festgenommen.", "de", {}, ("Chicago", "USA"), ("COERCE", ("USACOP",), ())),
        ("В Москве задержан журналист.", "ru", {"журналист": "MED"}, ("Москве", "RUS"), ("COERCE", ("RUSCOP",), ("MED",))),
        ("Deux hommes ont été interpellés à Lyon dimanche.", "fr", {}, ("Lyon", "FRA"), ("COERCE", ("FRACOP",), ())),
        ("El exalcalde fue condenado en Sevilla a seis años de prisión.", "es", {}, ("Sevilla", "ESP"), ("COERCE", ("ESPJUD",), ())),
        ("The fugitive was captured in Houston on Monday.", "en", {}, ("Houston", "USA"), ("COERCE", ("USACOP",), ())),
        ("He was given two life sentences in Houston.", "en", {}, ("Houston", "USA"), ("COERCE", ("USAJUD",), ())),
        ("L'ex sindaco è stato rinviato a giudizio a Modena.", "it", {}, ("Modena", "ITA"), ("ACCUSE", ("ITAJUD",), ())),
        ("Der Mann wurde nach Serbien abgeschoben, teilte Wien mit.", "de", {}, ("Wien", "AUT"), ("COERCE", ("AUTGOV",), ())),
        ("В Москве оштрафованы двое активистов.", "ru", {}, ("Москве", "RUS"), ("COERCE", ("RUSJUD",), ())),
        # acquittals, releases from custody and executions
        ("The former mayor was acquitted in Boston on Monday.", "en", {}, ("Boston", "USA"), ("RETREAT", ("USAJUD",), ())),
        ("L'ex sindaco è stato assolto a Modena.", "it", {}, ("Modena", "ITA"), ("RETREAT", ("ITAJUD",), ())),
        ("Il giornalista è stato scarcerato a Modena.", "it", {"giornalista": "MED"}, ("Modena", "ITA"), ("RETREAT", ("ITAGOV",), ("MED",))),
        ("Der Journalist wurde am Montag in Chicago freigelassen.", "de", {"Journalist": "MED"}, ("Chicago", "USA"),
         ("RETREAT", ("USAGOV",), ("MED",))),
        ("Журналист был оправдан в Москве.", "ru", {"Журналист": "MED"}, ("Москве", "RUS"), ("RETREAT", ("RUSJUD",), ("MED",))),
        ("L'opposant a été exécuté à Lyon.", "fr", {}, ("Lyon", "FRA"), ("ASSAULT", ("FRAGOV",), ())),
        ("El exalcalde fue absuelto en Sevilla.", "es", {}, ("Sevilla", "ESP"), ("RETREAT", ("ESPJUD",), ())),
        # charges, investigations and releases from custody
        ("В Москве журналист обвинен в госизмене.", "ru", {"журналист": "MED"}, ("Москве", "RUS"), ("ACCUSE", ("RUSJUD",), ("MED",))),
        ("В Москве журналисту предъявлено обвинение.", "ru", {}, ("Москве", "RUS"), ("ACCUSE", ("RUSJUD",), ())),
        ("Журналист освобожден из-под стражи в Москве.", "ru", {"Журналист": "MED"}, ("Москве", "RUS"), ("RETREAT", ("RUSJUD",), ("MED",))),
        ("Il sindaco è indagato per corruzione a Modena.", "it", {}, ("Modena", "ITA"), ("ACCUSE", ("ITAJUD",), ())),
        ("The activist was released from prison in Minsk.", "en", {"activist": "CVL"}, ("Minsk", "BLR"), ("RETREAT", ("BLRGOV",), ("CVL",))),
        ("Le maire a été inculpé à Lyon.", "fr", {}, ("Lyon", "FRA"), ("ACCUSE", ("FRAJUD",), ())),
        ("El exalcalde fue imputado en Sevilla.", "es", {}, ("Sevilla", "ESP"), ("ACCUSE", ("ESPJUD",), ())),
        ("Der Journalist wurde in Chicago aus der Haft entlassen.", "de", {"Journalist": "MED"}, ("Chicago", "USA"),
         ("RETREAT", ("USAGOV",), ("MED",))),
        # the pluperfect and the narrative past
        ("A Modena l'uomo fu arrestato nel 1998.", "it", {}, ("Modena", "ITA"), ("COERCE", ("ITACOP",), ())),
        ("Il giornalista era stato condannato a Modena.", "it", {"giornalista": "MED"}, ("Modena", "ITA"), ("COERCE", ("ITAJUD",), ("MED",))),
        ("El exalcalde había sido detenido en Sevilla.", "es", {}, ("Sevilla", "ESP"), ("COERCE", ("ESPCOP",), ())),
        ("Le maire avait été interpellé à Lyon.", "fr", {}, ("Lyon", "FRA"), ("COERCE", ("FRACOP",), ())),
        # a subjectless plural verb: "they arrested"
        ("На акции в Москве задержали 39 человек.", "ru", {"39 человек": "CVL"}, ("Москве", "RUS"), ("COERCE", ("RUSCOP",), ("CVL",))),
        ("Журналиста в Москве приговорили к трем годам.", "ru", {"Журналиста": "MED"}, ("Москве", "RUS"), ("COERCE", ("RUSJUD",), ("MED",))),
    ],
)
def test_an_agentless_arrest_is_the_local_authorities_act(text: str, lang: str, actors: dict[str, str], place: tuple[str, str],
                                                           expected: Coded) -> None:
    assert _coded(text, lang, actors, place) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "actors", "place"),
    [
        ("The journalist was not arrested in Minsk.", "en", {"journalist": "MED"}, ("Minsk", "BLR")),  # negated
        ("Er wurde in Chicago nicht festgenommen.", "de", {}, ("Chicago", "USA")),
        ("Nessuno è stato arrestato a Modena.", "it", {}, ("Modena", "ITA")),
        ("A man was arrested on Tuesday.", "en", {}, None),  # no place, so no country for the police
        ("Журналист был задержан сотрудниками полиции в Москве.", "ru", {"Журналист": "MED", "сотрудниками полиции": "RUSCOP"},
         ("Москве", "RUS")),  # the agent is named: the coder reads it, no implicit police
        ("Полицейские задержали в Москве 39 человек.", "ru", {"Полицейские": "COP", "39 человек": "CVL"}, ("Москве", "RUS")),  # a subject
    ],
)
def test_no_implicit_agent(text: str, lang: str, actors: dict[str, str], place: tuple[str, str] | None) -> None:
    assert not [e for e in _events(text, lang, actors, place) if any(m.rule == "implicit" for m in e.actor)]


def test_a_named_agent_leaves_the_sentence_to_the_coder() -> None:
    coded = _coded("A journalist was arrested by police in Minsk.", "en", {"journalist": "MED", "police": "BLRCOP"}, ("Minsk", "BLR"))
    assert [c for c in coded if c[0] == "COERCE"] == [("COERCE", ("BLRCOP",), ("MED",))]


@pytest.mark.parametrize("lang", ["en", "ru", "it", "de", "fr", "es"])
def test_every_language_has_implicit_phrases(lang: str) -> None:
    assert lang in available_languages()
    matcher, sectors = implicit_phrases(lang)
    assert len(matcher) >= 10 and set(sectors.values()) <= {"COP", "JUD", "GOV"}


@pytest.mark.parametrize(
    ("text", "lang", "party", "found"),
    [
        ("Лидеры протеста были арестованы полицией.", "ru", "полицией", False),  # the agent follows: the coder reads it
        ("Лидеры протеста были арестованы, правительство промолчало.", "ru", "правительство", True),  # next clause's subject
    ],
)
def test_an_agent_right_after_the_phrase_must_be_in_its_clause(text: str, lang: str, party: str, found: bool) -> None:
    from dyads.code.implicit import find_acts
    from dyads.code.triggers import lexicon_for, tokenize

    tokens = tokenize(text)
    start = text.index(party)
    first = next(i for i, t in enumerate(tokens) if t.start == start)
    acts = find_acts(tokens, lexicon_for(lang).cues.find(tokens), [((first, first), "GOV")], lang)
    assert bool(acts) == found


def test_an_implicit_act_keeps_the_sentences_aux_flags() -> None:
    (event,) = _events("In 2009 she was arrested in Lahore.", "en", {}, ("Lahore", "PAK"))
    assert event.event == "COERCE" and "historical" in event.aux


def test_an_office_holder_before_a_subjectless_plural_verb_is_its_patient() -> None:
    text = "Бывшего мэра в Москве приговорили к трем годам."
    start = text.index("Бывшего мэра")
    mayor = Mention(start, start + len("Бывшего мэра"), "Бывшего мэра", "actor", Entity(name="мэр", code="RUSGOV", country="RUS", sector="GOV", kind="title"))
    where = text.index("Москве")
    moscow = Mention(where, where + len("Москве"), "Москве", "place", place=Place("Москве", "RUS"))
    doc = Document(id="d1", text=text, lang="ru", published="2026-05-01")
    events = code_item(CODER, Processed(doc, (Sentence("d1", 0, len(text), text),), (mayor, moscow))).events
    assert [(e.event, [m.entity.code for m in e.actor], [m.entity.code for m in e.recipient]) for e in events] == [
        ("COERCE", ["RUSJUD"], ["RUSGOV"])]
