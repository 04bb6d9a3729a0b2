"""Event dates end to end: the sentence's own time beats the dateline's filing date."""

from __future__ import annotations

import pytest

import dyads

CASES = [
    # (lang, text, publication date, expected event date)
    ("en", "ALMATY, Nov. 20 (dyads wire) — Russia and Kazakhstan signed a defence agreement on Thursday.", "2026-11-20", "2026-11-19"),
    ("en", "ALMATY, Nov. 20 (dyads wire) — Russia and Kazakhstan signed a defence agreement.", "2026-11-20", "2026-11-20"),
    ("ru", "Москва, 20 ноября. Россия и Казахстан подписали соглашение о военном сотрудничестве в четверг.", "2026-11-20", "2026-11-19"),
    ("it", "ROMA, 20 novembre — Russia e Kazakistan hanno firmato un accordo di difesa giovedì.", "2026-11-20", "2026-11-19"),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CASES)
def test_event_date_prefers_the_sentence_over_the_dateline(lang: str, text: str, published: str, expected: str) -> None:
    events = dyads.code_text(text, date=published, lang=lang)
    assert events, "no event coded"
    assert events[0].date == expected
    assert events[0].date_basis == "stated"


PLACES = [
    ("en", "ALMATY, Nov. 20 — The Kazakh foreign minister hosted his counterparts from Russia and Belarus.", "Almaty"),
    ("en", "Russia and Kazakhstan signed a defence agreement in Astana on Tuesday.", "Astana"),
    ("ru", "АСТАНА, 20 ноября. Министр обороны Казахстана принял делегацию из России и Белоруссии.", "Astana"),
    ("it", "ROMA, 20 novembre — Il ministro degli Esteri italiano ha ricevuto una delegazione dalla Russia.", "Rome"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PLACES)
def test_event_place_is_where_it_happens_not_where_people_come_from(lang: str, text: str, expected: str) -> None:
    events = dyads.code_text(text, date="2026-11-20", lang=lang)
    assert events, "no event coded"
    assert events[0].event_loc is not None and events[0].event_loc.name == expected


ANNOUNCED = [
    # (lang, sentence, trigger word, the verb is itself future)
    ("en", "Russia will send two field hospitals to Tajikistan.", "send", True),
    ("en", "The unions struck against the government's plan to freeze pay.", "struck", False),
    ("ru", "Глава МАГАТЭ посетит Москву и Киев в конце марта.", "посетит", True),
    ("ru", "Глава МАГАТЭ посетил Москву и Киев в конце марта.", "посетил", False),
    ("it", "L'Iran sospenderà ogni forma di cooperazione con l'Agenzia.", "sospenderà", True),
    ("it", "L'Iran ha sospeso ogni forma di cooperazione con l'Agenzia.", "sospeso", False),
    ("de", "Der Minister wird am Donnerstag Usbekistan besuchen.", "besuchen", True),
    ("de", "Vermittelt werden die Verhandlungen von Saudi-Arabien.", "Verhandlungen", False),
    ("de", "Österreich habe der Ukraine zehn Millionen Euro überwiesen, es soll helfen.", "überwiesen", False),
]


@pytest.mark.parametrize(("lang", "text", "trigger", "expected"), ANNOUNCED)
def test_act_is_future_only_for_the_verb_itself(lang: str, text: str, trigger: str, expected: bool) -> None:
    from dyads.resolve.dates import act_is_future

    start = text.index(trigger)
    assert act_is_future(text, start, start + len(trigger), lang) is expected


@pytest.mark.parametrize(("lang", "text", "intent"), [
    ("it", "L'Iran sospenderà la cooperazione con l'Agenzia internazionale per l'energia atomica.", "THREATEN"),
    ("en", "Poland will expel three Russian diplomats.", "THREATEN"),
    ("ru", "Генеральный директор МАГАТЭ посетит Москву в конце марта.", "AGREE"),
])
def test_an_act_in_the_future_tense_is_coded_by_its_intent(lang: str, text: str, intent: str) -> None:
    events = dyads.code_text(text, date="2026-05-21", lang=lang)
    assert [e.event for e in events] == [intent]
    assert "future" in events[0].aux


def test_the_intent_recoding_is_explained() -> None:
    events = dyads.code_text("L'Iran sospenderà la cooperazione con l'Agenzia internazionale per l'energia atomica.", lang="it")
    assert any("future tense, so the announced SANCTION is coded THREATEN" in line for line in events[0].explanation)
