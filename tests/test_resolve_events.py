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
