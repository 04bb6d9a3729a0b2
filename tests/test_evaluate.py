"""Evaluation readers on small fixtures and on the shared gold sets (skipped where absent), metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.evaluate import _same_code, evaluate, event_dyads, match_dyads
from dyads.evaluate.metrics import dyad_scores
from dyads.evaluate.petrarch import PetrarchActors, read_dictionary
from dyads.evaluate.readers import EvaluateError, GoldEvent, read_gold
from dyads.model import Entity, Event, Mention

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "gold"

GSR = [
    {"id": "DOC", "event": "DOCUMENT"},
    {"id": "G1", "event": "DEMAND", "text": "Arvania demanded that Borduria withdraw.",
     "source": [{"actorText": "Arvania"}], "target": [{"actorText": "Borduria"}]},
    {"id": "G2", "event": "FIGHT", "text": "Arvania and Borduria clashed.", "source": [{"actorText": "Arvania"}, {"actorText": "Borduria"}],
     "target": ""},
]
PETR = """<Validation><Sentences>
<Sentence date="19950101" id="T-01" category="DEMO">
<EventCoding sourcecode="ARV" targetcode="BOR" eventcode="190"></EventCoding>
<Text>Arvania attacked Borduria.</Text>
</Sentence>
<Sentence date="19950101" id="T-02" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences></Validation>"""
UP = """<Validation><Sentences>
<Sentence date="19940611" id="S1" evaluate="true" category="spanish">
<EventText eid="E1" eventtext="protestaron" sourcetext="Los campesinos" targettext="" />
<EventCoding eid="E1" eventcode="14" plover="PROTEST" sourcecode="---" targetcode="---" />
<Text>Los campesinos protestaron en la plaza.</Text>
</Sentence>
<Sentence date="19940611" id="S2" evaluate="true" category="spanish"/>
<EventCoding eid="E1" eventcode="10" plover="SACTION" sourcecode="---" targetcode="---" />
<Text>
Texto &amp; segundo.
</Text>
</Validation>"""
ACTORS = """<!-- test -->
ARVANIA_ [ARV]
+ARVANIAN
BORDURIA [BOR]
GOLLUM
\t[HOB < 950601]
\t[HOBREB > 950601]
"""
AGENTS = "POLICE [~COP]\n"


def test_plover_reader(tmp_path: Path) -> None:
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(GSR), encoding="utf-8")
    gold = read_gold(path)
    assert gold.format == "plover"
    assert [(d.id, d.event, len(d.actor), len(d.recipient)) for d in gold.dyads] == [("G1", "REQUEST", 1, 1), ("G2", "ASSAULT", 2, 0)]


@pytest.mark.parametrize(("content", "name", "fmt", "n"), [(PETR, "p.xml", "petrarch", 2), (UP, "spanish_x.xml", "up", 2)])
def test_xml_readers(tmp_path: Path, content: str, name: str, fmt: str, n: int) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    gold = read_gold(path)
    assert gold.format == fmt and len(gold.sentences) == n
    first = gold.sentences[0]
    assert first.events and first.text.endswith(".")
    if fmt == "up":
        assert first.lang == "es" and first.events[0].actor_text == ("Los campesinos",)
        assert gold.sentences[1].events[0].event == "SANCTION" and gold.sentences[1].text == "Texto & segundo."
    else:
        assert (first.events[0].actor_code, first.events[0].recipient_code, first.events[0].event) == ("ARV", "BOR", "ASSAULT")
        assert gold.sentences[1].events == ()


def test_jsonl_reader_both_shapes(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    rows = [
        {"id": "a", "sid": "s", "lang": "en", "text": "Arvania met Borduria.", "actor": "Arvania", "recipient": "Borduria", "event": "CONSULT"},
        {"id": "b", "lang": "en", "text": "Arvania met Borduria.", "events": [{"event": "CONSULT", "actor": ["Arvania"], "recipient": ["Borduria"]}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gold = read_gold(path)
    assert len(gold.dyads) == 1 and len(gold.sentences) == 1 and gold.sentences[0].events[0].actor_text == ("Arvania",)


def test_unknown_format_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(EvaluateError):
        read_gold(path)


def test_petrarch_dictionary_matching(tmp_path: Path) -> None:
    (tmp_path / "PETR.Validate.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "PETR.Validate.agents.txt").write_text(AGENTS, encoding="utf-8")
    assert len(read_dictionary(tmp_path / "PETR.Validate.actors.txt")) == 4
    actors = PetrarchActors.from_folder(tmp_path)
    found = actors.find("Arvanian police met Borduria and Gollum.", "19990101")
    assert [(m.text, m.entity.code) for m in found] == [("Arvanian police", "ARVCOP"), ("Borduria", "BOR"), ("Gollum", "HOBREB")]
    assert actors.find("Gollum left.", "19900101")[0].entity.code == "HOB"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police from Arvania met Borduria.", [("Police from Arvania", "ARVCOP"), ("Borduria", "BOR")]),
        ("Police met Borduria.", [("Borduria", "BOR")]),  # a lone agent is no actor
        ("Borduria police met Arvania.", [("Borduria police", "BORCOP"), ("Arvania", "ARV")]),
        ("Lawmakers in Arvania and Borduria met.", [("Lawmakers in Arvania", "ARVLEG"), ("Borduria", "BORLEG")]),
        ("Arvanian media and government met.", [("Arvanian media", "ARVMED"), ("government", "ARVGOV")]),
        ("Arvanian Islamist media met Borduria.", [("Arvanian Islamist media", "ARVMUSMED"), ("Borduria", "BOR")]),
        ("Borduria police and Arvania met.", [("Borduria police", "BORCOP"), ("Arvania", "ARV")]),
        # a title before a name of its country is one actor with the title's code
        ("Arvania Prime Minister Tamar met Borduria.", [("Arvania Prime Minister Tamar", "ARVGOV"), ("Borduria", "BOR")]),
    ],
)
def test_petrarch_agents_join(tmp_path: Path, text: str, expected: list[tuple[str, str]]) -> None:
    agents = AGENTS + "MEDIA [~MED]\nGOVERNMENT [~GOV]\nLAWMAKERS [~LEG]\nISLAMIST [~MUS]\n"
    (tmp_path / "PETR.Validate.actors.txt").write_text(ACTORS + "ARVANIA_PRIME_MINISTER [ARVGOV]\nTAMAR [ARV]\n", encoding="utf-8")
    (tmp_path / "PETR.Validate.agents.txt").write_text(agents, encoding="utf-8")
    found = PetrarchActors.from_folder(tmp_path).find(text, "19990101")
    assert [(m.text, m.entity.code) for m in found] == expected


@pytest.mark.parametrize(("date", "code"), [("20121201", "HOBGOV"), ("20140101", "HOB"), (None, "HOB")])
def test_petrarch_date_restriction_beats_default(tmp_path: Path, date: str | None, code: str) -> None:
    (tmp_path / "PETR.Validate.actors.txt").write_text("SAMWISE [HOB]\n\t[HOBGOV 20121109-20130119]\n", encoding="utf-8")
    found = PetrarchActors.from_folder(tmp_path).find("Samwise left.", date)
    assert [m.entity.code for m in found] == [code]


def test_agent_code_not_appended_twice(tmp_path: Path) -> None:
    (tmp_path / "PETR.Validate.actors.txt").write_text("BORDURIA_POLICE_HQ [BORCOP]\n", encoding="utf-8")
    (tmp_path / "PETR.Validate.agents.txt").write_text(AGENTS, encoding="utf-8")
    found = PetrarchActors.from_folder(tmp_path).find("Borduria police HQ police arrested him.", None)
    assert [m.entity.code for m in found] == ["BORCOP"]


def _event(event: str, actors: list[str], recipients: list[str]) -> Event:
    def side(codes: list[str]) -> tuple[Mention, ...]:
        return tuple(Mention(i, i + 1, c, "actor", Entity(name=c, code=c)) for i, c in enumerate(codes))

    return Event(id="e", doc_id="d", event=event, actor=side(actors), recipient=side(recipients), sentence_start=0,
                 sentence_end=10, text="x")


@pytest.mark.parametrize(
    ("actors", "recipients", "dyads"),
    [
        (["ARV", "BOR"], ["GON"], [("ARV", "GON"), ("BOR", "GON")]),
        (["FRO/BIL"], ["ELR"], [("FRO", "ELR"), ("BIL", "ELR")]),
        (["ARV", "BOR"], [], [("ARV", "---"), ("BOR", "---"), ("ARV", "BOR"), ("BOR", "ARV")]),
        (["ARV"], [], [("ARV", "---")]),
    ],
)
def test_event_dyads(actors: list[str], recipients: list[str], dyads: list[tuple[str, str]]) -> None:
    assert event_dyads(_event("CONSULT", actors, recipients)) == dyads


def test_match_dyads_compound_and_direction() -> None:
    compound = _event("CONSULT", ["ARV", "BOR"], ["GON"])
    golds = [GoldEvent("CONSULT", actor_code="ARV", recipient_code="GON"), GoldEvent("CONSULT", actor_code="BOR", recipient_code="GON")]
    assert match_dyads(golds, [compound]) == [0, 0]  # one compound event answers both member dyads
    one_way = [GoldEvent("ASSAULT", actor_code="GON", recipient_code="ARV")]
    assert match_dyads(one_way, [_event("ASSAULT", ["ARV"], ["GON"])]) == [None]  # wrong direction
    both = [GoldEvent("CONSULT", actor_code="ARV", recipient_code="GON"), GoldEvent("CONSULT", actor_code="GON", recipient_code="ARV")]
    assert match_dyads(both, [_event("CONSULT", ["ARV"], ["GON"])]) == [0, 0]  # the gold codes both directions
    assert match_dyads(both, [_event("AGREE", ["ARV"], ["GON"])]) == [None, None]
    assert match_dyads(both, [_event("AGREE", ["ARV"], ["GON"])], typed=False) == [0, 0]


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [("---REB", ["REB"], True), ("---REB", ["SYRREB"], True), ("---REB", ["SYR"], False), ("USAGOV", ["USA"], True),
     ("USAGOV", ["RUSGOV"], False)],
)
def test_code_level_match(gold: str, predicted: list[str], same: bool) -> None:
    assert _same_code(gold, predicted, exact=False) is same


def test_dyad_scores() -> None:
    accuracy, merged, types, table = dyad_scores(["AGREE", "RETREAT", "ASSAULT"], ["AGREE", "CONCEDE", "COERCE"])
    assert accuracy == pytest.approx(1 / 3) and merged == pytest.approx(2 / 3)
    assert types["AGREE"].f1 == 1.0 and types["ASSAULT"].recall == 0.0 and table["ASSAULT"] == {"COERCE": 1}


def test_end_to_end_on_fixture(tmp_path: Path) -> None:
    (tmp_path / "PETR.Validate.actors.txt").write_text(ACTORS, encoding="utf-8")
    path = tmp_path / "records.xml"
    path.write_text(PETR, encoding="utf-8")
    report = evaluate(path, split="all")
    assert report.format == "petrarch" and report.gold_events == 1 and report.events_right is not None
    assert 0.0 <= report.extra_rate <= 10


@pytest.mark.shared
@pytest.mark.parametrize(
    ("relative", "fmt", "minimum"),
    [
        ("plover_gsr/PLOVER_GSR_CAMEO.txt", "plover", 300),
        ("petrarch2_unittests/PETR.UnitTest.records.xml", "petrarch", 280),
        ("universalpetrarch_validation/spanish_protest_plover_validation.xml", "up", 700),
        ("universalpetrarch_validation/PETR2_GSR_validation.xml", "up", 70),
    ],
)
def test_shared_gold_readers(relative: str, fmt: str, minimum: int) -> None:
    path = SHARED / relative
    if not path.is_file():
        pytest.skip("shared gold data absent")
    gold = read_gold(path)
    assert gold.format == fmt
    assert len(gold.dyads) + len(gold.sentences) >= minimum


@pytest.mark.shared
def test_shared_petrarch_evaluation_runs() -> None:
    path = SHARED / "petrarch2_unittests" / "PETR.UnitTest.records.xml"
    if not path.is_file():
        pytest.skip("shared gold data absent")
    report = evaluate(path, limit=40)
    assert report.items == 40 and report.events_right is not None and report.per_type
    assert any("held-out 30%" in note for note in report.notes)


def test_all_event_dyad_sets_are_scored_closed_and_open(tmp_path: Path) -> None:
    """Every GSR record is an event: the main accuracy chooses among the 16 types (events_only);
    accuracy_open also lets the coder answer NONE. A set with NONE gold lines has no open figure."""
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(GSR), encoding="utf-8")
    report = evaluate(path, split="all")
    assert report.accuracy is not None and report.accuracy_open is not None
    assert report.predicted_events == report.items  # never NONE in the closed task
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(json.dumps(r) for r in [
        {"text": "Arvania attacked Borduria.", "actor": "Arvania", "recipient": "Borduria", "event": "ASSAULT"},
        {"text": "Arvania and Borduria play football.", "actor": "Arvania", "recipient": "Borduria", "event": "NONE"},
    ]), encoding="utf-8")
    assert evaluate(mixed, split="all").accuracy_open is None
