"""Document-level gold scoring: type, sentence and actor codes must agree; one match each."""

from __future__ import annotations

import pytest

from dyads.evaluate.documents import DocumentGoldEvent, score_documents
from dyads.model import Entity, Event, Mention


def ev(eid: str, kind: str, actor: str, recipient: str | None, text: str = "Russia and Kazakhstan signed a pact.") -> Event:
    side = lambda code: (Mention(0, 1, code, entity=Entity(code, code=code)),) if code else ()  # noqa: E731
    return Event(eid, "d1", kind, side(actor), side(recipient), 0, len(text), text)


GOLD = DocumentGoldEvent("d1", "signed a pact", "AGREE", ("RUSGOV",), ("KAZ",))

CASES = [
    # predicted events, matched, matched with recipients
    ([ev("a", "AGREE", "RUS", "KAZ")], 1, 1),
    ([ev("a", "AGREE", "RUSGOV", "KAZGOV")], 1, 1),
    ([ev("a", "AGREE", "RUSMIL", "KAZ")], 0, 0),
    ([ev("a", "CONSULT", "RUS", "KAZ")], 0, 0),
    ([ev("a", "AGREE", "RUS", "UZB")], 1, 0),
    ([ev("a", "AGREE", "RUS", "KAZ", "Another sentence.")], 0, 0),
    ([ev("a", "AGREE", "RUS", "KAZ"), ev("b", "AGREE", "RUS", "KAZ")], 1, 1),
]


@pytest.mark.parametrize(("predicted", "matched", "roles"), CASES)
def test_score_documents(predicted: list[Event], matched: int, roles: int) -> None:
    score = score_documents([GOLD], {"d1": predicted})
    assert (score.matched, score.matched_roles) == (matched, roles)
    assert score.predicted == len(predicted)
    assert len(score.extras) == len(predicted) - matched
