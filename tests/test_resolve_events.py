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
