"""Segment: sentences with offsets into Document.text, rule-based and fast."""

from __future__ import annotations

import pytest

from dyads import segment
from dyads.config import Config
from dyads.model import Document, Processed
from dyads.pipeline import Context

CTX = Context(Config.load())


def _sentences(text: str, lang: str = "en", removed: tuple[tuple[int, int], ...] = ()) -> list[str]:
    (item,) = segment.process([Processed(Document(id="d", text=text, lang=lang, removed=removed))], CTX)
    for s in item.sentences:
        assert text[s.start : s.end] == s.text and s.doc_id == "d"
    return [s.text for s in item.sentences]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Russia attacked. Ukraine responded! Will talks resume? Nobody knows.",
         ["Russia attacked.", "Ukraine responded!", "Will talks resume?", "Nobody knows."]),
        ("en", "Pact signed in Astana\nALMATY, June 12 (Reuters) - Kazakhstan signed a deal.",
         ["Pact signed in Astana", "ALMATY, June 12 (Reuters) - Kazakhstan signed a deal."]),
        ("en", "Mr. Smith of the U.S. State Dept. met Gen. Jones at 3 p.m. on Monday. They agreed.",
         ["Mr. Smith of the U.S. State Dept. met Gen. Jones at 3 p.m. on Monday.", "They agreed."]),
        ("en", 'He said: "We will respond." The minister left.', ['He said: "We will respond."', "The minister left."]),
        ("en", "J. R. Doe resigned. Then prices rose 2.5 percent.", ["J. R. Doe resigned.", "Then prices rose 2.5 percent."]),
        ("en", "This line was wrapped\nin the middle of a sentence. Next one.", ["This line was wrapped\nin the middle of a sentence.", "Next one."]),
        ("ru", "Москва, 12 июня. /ТАСС/. Президент В. Путин провел переговоры. Стороны подписали соглашение.",
         ["Москва, 12 июня. /ТАСС/. Президент В. Путин провел переговоры.", "Стороны подписали соглашение."]),
        ("ru", "Сумма составила 5 млн. руб. в год. «Мы довольны», — сказал он.",
         ["Сумма составила 5 млн. руб. в год.", "«Мы довольны», — сказал он."]),
        ("de", "Am 12. Juni trafen sich Dr. Müller und Prof. Weber, z.B. in Berlin. Sie einigten sich.",
         ["Am 12. Juni trafen sich Dr. Müller und Prof. Weber, z.B. in Berlin.", "Sie einigten sich."]),
        ("fr", "M. Dupont a rencontré Mme Martin. Ils ont signé un accord.", ["M. Dupont a rencontré Mme Martin.", "Ils ont signé un accord."]),
        ("it", "Il Sig. Rossi ha incontrato il Dott. Bianchi. Hanno firmato.", ["Il Sig. Rossi ha incontrato il Dott. Bianchi.", "Hanno firmato."]),
        ("es", "El Sr. García viajó a EE.UU. ayer. ¿Habrá acuerdo? Nadie lo sabe.", ["El Sr. García viajó a EE.UU. ayer.", "¿Habrá acuerdo?", "Nadie lo sabe."]),
        # a capital letter and period before a word that opens sentences is no initial: the platform X
        ("en", "The minister wrote on X. The ministry deleted the post.", ["The minister wrote on X.", "The ministry deleted the post."]),
        ("de", "Er schrieb auf der Plattform X. Zugleich kritisierte er Teheran.", ["Er schrieb auf der Plattform X.", "Zugleich kritisierte er Teheran."]),
        ("ru", "Он написал в X. Однако позже удалил пост.", ["Он написал в X.", "Однако позже удалил пост."]),
        ("it", "Il ministro ha scritto su X. Il governo ha risposto.", ["Il ministro ha scritto su X.", "Il governo ha risposto."]),
        ("en", "US President Donald J. Trump met Putin.", ["US President Donald J. Trump met Putin."]),
    ],
)
def test_split(lang: str, text: str, expected: list[str]) -> None:
    assert _sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Showers continued throughout the week in\nthe Bahia zone, improving prospects for the\nComissaria Smith review, it said on Monday.\n"
         "    The dry period means the harvest will be\nlate this year, and arrivals for the week\nended February 22 were 155,221 bags.",
         ["Showers continued throughout the week in\nthe Bahia zone, improving prospects for the\nComissaria Smith review, it said on Monday.",
          "The dry period means the harvest will be\nlate this year, and arrivals for the week\nended February 22 were 155,221 bags."]),
        ("Kazakhstan and Russia sign a defence pact\nALMATY, June 12 - The two states signed a pact.\nThe talks took place in the capital Astana.",
         ["Kazakhstan and Russia sign a defence pact", "ALMATY, June 12 - The two states signed a pact.", "The talks took place in the capital Astana."]),
    ],
)
def test_hard_wrapped_text_is_joined_but_paragraph_lines_are_not(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_removed_spans_are_skipped_and_offsets_kept() -> None:
    text = "First sentence here.\nShare\nTweet\nSecond sentence here."
    start = text.index("Share")
    end = text.index("Tweet") + len("Tweet")
    assert _sentences(text, removed=((start, end),)) == ["First sentence here.", "Second sentence here."]


def test_very_long_line_is_capped() -> None:
    text = " ".join(["word"] * 3000)
    pieces = _sentences(text)
    assert len(pieces) > 1 and all(len(p) <= segment.MAX_CHARS for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_unbroken_run_is_cut_hard() -> None:
    pieces = _sentences("x" * 2500)
    assert [len(p) for p in pieces] == [1000, 1000, 500]


def test_empty_and_whitespace_give_no_sentences() -> None:
    assert _sentences("  \n\n \t") == []
