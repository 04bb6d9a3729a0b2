"""Clean: boilerplate lines become removed spans; the text and real news lines stay."""

from __future__ import annotations

import pytest

from dyads import clean
from dyads.config import Config
from dyads.model import Document, Processed
from dyads.pipeline import Context

CTX = Context(Config.load())
BODY = "Kazakhstan and Russia signed a defence agreement on Tuesday, officials said."


def _clean(text: str) -> Document:
    (item,) = clean.process([Processed(Document(id="d", text=text))], CTX)
    return item.document


def _removed_lines(doc: Document) -> list[str]:
    return [line for s, e in doc.removed for line in doc.text[s:e].split("\n") if line.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "Share", "Tweet", "Print", "Email", "Copy link", "Share on Facebook", "Follow us on Telegram",
        "Photo: Reuters", "Фото: ТАСС", "Foto: dpa", "© AFP", "Read more: Talks in Geneva stall",
        "Читайте также: Переговоры в Женеве", "Leggi anche: I colloqui di Ginevra", "Lesen Sie auch: Gespräche in Genf",
        "Lire aussi : Les négociations à Genève", "Lee también: Las negociaciones en Ginebra",
        "We use cookies to improve your experience. Accept cookies", "Подписывайтесь на наш Telegram-канал",
        "Facebook Twitter Telegram", "Reporting by Jane Doe; Editing by John Roe", "Поделиться",
        "Seguici su Instagram", "Síguenos en Twitter", "Suivez-nous sur X", "Folgen Sie uns auf Instagram",
        "Share  Tweet  Email", "Related: Ministers meet in Geneva", "Nous utilisons des cookies pour améliorer votre expérience.",
        "Utilizziamo i cookie per migliorare la tua esperienza", "Wir verwenden Cookies, um unsere Website zu verbessern.",
        "Мы используем файлы cookie для улучшения работы сайта", "Utilizamos cookies propias y de terceros.", "See also:",
        # a copyright notice of any length
        "© Использование материалов сайта допускается только с прямой гиперссылкой на страницу, с которой материал "
        "заимствован. " * 4,
    ],
)
def test_boilerplate_line_is_removed(line: str) -> None:
    doc = _clean(f"{BODY}\n{line}\n{BODY}")
    assert _removed_lines(doc) == [line]
    assert doc.text == f"{BODY}\n{line}\n{BODY}"  # the text itself never changes


@pytest.mark.parametrize(
    "line",
    [
        "Kazakhstan and Russia sign defence pact",
        "ALMATY, June 12 (Reuters) - Kazakhstan signed a deal.",
        "Москва, 12 июня. /ТАСС/. Президент встретился с коллегой.",
        "Talks resumed.",
        "Share prices fell after the sanctions were announced.",
        "The photo agency Reuters said the image was genuine.",
        "Russia",
        "Print media in Russia faces new restrictions.",
        "related to the acquisitions in the middle of the current",
        "Mehr dazu sagte der Minister nicht.",
        "Más información sobre el acuerdo se espera el lunes.",
        "EU regulators tightened cookie consent rules for websites on Monday.",
        "По теме переговоров стороны не договорились.",
        "See also the statement issued by the ministry on Friday.",
    ],
)
def test_news_line_is_kept(line: str) -> None:
    doc = _clean(f"{line}\n{BODY}\n{line}\n{BODY}")
    assert doc.removed == ()


def test_navigation_run_is_removed_but_headline_kept() -> None:
    text = "Pact signed in Astana\nWorld\nPolitics\nSports\nEconomy\nCulture\n" + BODY
    doc = _clean(text)
    assert _removed_lines(doc) == ["World", "Politics", "Sports", "Economy", "Culture"]


def test_two_short_lines_are_not_a_menu() -> None:
    doc = _clean(f"Pact signed\nTalks in Astana\n{BODY}")
    assert doc.removed == ()


def test_adjacent_removed_lines_merge_into_one_span() -> None:
    text = f"{BODY}\nShare\nTweet\nPrint\n{BODY}"
    doc = _clean(text)
    assert len(doc.removed) == 1
    start, end = doc.removed[0]
    assert text[start:end] == "Share\nTweet\nPrint"


@pytest.mark.parametrize(
    ("text", "reason"),
    [("Short.", "too short"), ("Share\nTweet\nPrint\nFollow us on Twitter\nPhoto: Reuters\n© AFP", "only boilerplate")],
)
def test_document_without_text_is_skipped(text: str, reason: str) -> None:
    doc = _clean(text)
    assert doc.status == "skipped" and reason in (doc.error or "") and (doc.error or "").startswith("clean:")


def test_kept_spans_is_the_complement() -> None:
    assert clean.kept_spans("abcdefghij", ((2, 4), (6, 7))) == [(0, 2), (4, 6), (7, 10)]
    assert clean.kept_spans("abc", ((0, 3),)) == []
