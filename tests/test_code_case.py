"""Russian case: a party in an oblique case is not the subject of the finite verb beside it."""

from __future__ import annotations

import pytest

from dyads.code import load_coder
from dyads.code.case import cases, finite_verb, oblique_subject
from dyads.code.coder import DEFAULT_MODEL
from dyads.code.story import code_item
from dyads.code.triggers import Hit, Pattern, tokenize
from dyads.config import Config
from dyads.model import Document, Entity, Mention, Processed, Sentence


@pytest.mark.parametrize(
    ("word", "nominative"),
    [
        ("журналистку", False),
        ("Оттавы", False),
        ("суде", False),
        ("Кремль", True),
        ("власти", True),  # genitive singular or nominative plural
        ("Премьер-министр", True),  # read by the part after the hyphen
        ("Экс-президента", False),
    ],
)
def test_cases_of_known_words(word: str, nominative: bool) -> None:
    found = cases(word)
    assert found is not None and ("nomn" in found) is nominative


@pytest.mark.parametrize("word", ["Фухимори", "Эр-Рияд", "Reuters", "2019"])
def test_unknown_words_are_not_judged(word: str) -> None:
    assert cases(word) is None


@pytest.mark.parametrize(("word", "number"), [("арестовало", "sing"), ("отклонили", "plur"), ("протестов", None), ("арестовать", None)])
def test_finite_verbs(word: str, number: str | None) -> None:
    assert finite_verb(word) == number


def _oblique(text: str, party: str, verb: str) -> bool:
    tokens = tokenize(text)
    first = next(i for i, t in enumerate(tokens) if t.start == text.index(party))
    at = next(i for i, t in enumerate(tokens) if t.text == verb)
    trigger = Hit(at, at, tokens[at].start, tokens[at].end, Pattern((verb,), "ACCUSE"))
    return oblique_subject(party.split(), tokens, first, trigger)


@pytest.mark.parametrize(
    ("text", "party", "verb", "oblique"),
    [
        ("Журналистку арестовало ФБР.", "Журналистку", "арестовало", True),
        ("Журналистку арестовало ФБР.", "ФБР", "арестовало", False),
        ("Компания согласилась выплатить Бразилии штраф.", "Бразилии", "согласилась", True),
        # a genitive after a noun that may be nominative is not judged: the noun may be the subject
        ("Власти в Ньямее отклонили требование Оттавы.", "Оттавы", "отклонили", False),
        ("Лидеры России и Белоруссии подписали декларацию.", "России", "подписали", False),  # the leaders' country
        ("Представительство Евросоюза осудило приговор.", "Евросоюза", "осудило", False),
        ("В Министерстве обороны предупредили о новых ударах.", "Министерстве обороны", "предупредили", False),
        ("В суде Бруклина обсуждал взятку свидетель.", "суде Бруклина", "обсуждал", True),
        ("В боях с исламистами погибло много мирных жителей.", "исламистами", "погибло", False),  # a victim's verb
        # a noun after a preposition is no subject, nor is its genitive
        ("До объявления вердикта Верховного суда он обещал протесты.", "Верховного суда", "обещал", True),
    ],
)
def test_oblique_subject(text: str, party: str, verb: str, oblique: bool) -> None:
    assert _oblique(text, party, verb) is oblique


def _coded(text: str, actors: dict[str, str]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    mentions = []
    for name, code in actors.items():
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "actor", Entity(name=name, code=code)))
    doc = Document(id="d1", text=text, lang="ru", published="2024-05-01")
    item = Processed(doc, (Sentence("d1", 0, len(text), text),), tuple(sorted(mentions, key=lambda m: m.start)))
    events = code_item(load_coder(Config()), item).events
    return [(e.event, tuple(m.entity.code for m in e.actor if m.entity), tuple(m.entity.code for m in e.recipient if m.entity))
            for e in events]


@pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")
@pytest.mark.parametrize(
    ("text", "actors", "wrong_actor"),
    [
        ("Журналистку арестовало ФБР в аэропорту.", {"Журналистку": "IRNMED", "ФБР": "USACOP"}, "IRNMED"),
        ("Экс-президента Мексики обвинили в получении взятки.", {"Экс-президента Мексики": "MEXGOV"}, "MEXGOV"),
        # after a short passive the nominative is the one acted on
        ("В Москве задержан журналист.", {"журналист": "MED"}, "MED"),
        ("Вчера в Минске арестован известный блогер.", {"известный блогер": "BLRMED"}, "BLRMED"),
    ],
)
def test_an_oblique_party_is_no_actor(text: str, actors: dict[str, str], wrong_actor: str) -> None:
    assert not any(wrong_actor in a for _, a, _ in _coded(text, actors))


@pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")
@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # an instrumental after a short passive, or a genitive after one, is its agent
        ("Две туристки были жестоко убиты в Марокко сторонниками «Исламского государства».", {"Исламского государства": "SYRREB"},
         ("ASSAULT", "SYRREB")),
        ("Журналистку арестовало ФБР в аэропорту.", {"Журналистку": "IRNMED", "ФБР": "USACOP"}, ("COERCE", "USACOP")),
        ("В МИД России резко осудили удар по посольству.", {"МИД России": "RUSGOV"}, ("ACCUSE", "RUSGOV")),
        ("Лидеры России и Белоруссии подписали декларацию.", {"России": "RUSGOV", "Белоруссии": "BLRGOV"}, ("SUPPORT", "RUSGOV")),
    ],
)
def test_a_nominative_or_speaking_body_stays_actor(text: str, actors: dict[str, str], expected: tuple[str, str]) -> None:
    assert any(e == expected[0] and expected[1] in a for e, a, _ in _coded(text, actors))


@pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")
@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        ("Журналистку арестовало ФБР в аэропорту.", {"Журналистку": "IRNMED", "ФБР": "USACOP"}, ("COERCE", ("USACOP",), ("IRNMED",))),
        ("Украинского дипломата выслала Молдавия.", {"Украинского дипломата": "UKRGOV", "Молдавия": "MDA"}, ("SANCTION", ("MDA",), ("UKRGOV",))),
    ],
)
def test_case_reverses_the_roles_of_an_object_first_sentence(text: str, actors: dict[str, str], expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _coded(text, actors)
