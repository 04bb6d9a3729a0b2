"""People over time, organisations and user actors, on small fixture files (formats of
dyads/kb/data/people/*.tsv, orgs.tsv, org_bodies.tsv, org_members.tsv, lang/<xx>/orgs.tsv)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyads.kb import KnowledgeBase, load_sources
from dyads.kb.petrarch import read_actor_file, read_petrarch
from dyads.kb.sources import DATA_DIR
from dyads.lang import LANG_DIR

PEOPLE = """# fixture written for the tests
wikidata_id\tname\taliases\tcountry\torg\toffice\tstart\tend\tother_names\tsource
Q1001\tAlma Testova\tTestova;A. Testova\tKAZ\t\tforeign_minister\t2010-03-01\t2014-06-30\tru=Алма Тестова;ru=Тестова\ttest
Q1001\tAlma Testova\tTestova\tKAZ\t\thead_of_government\t2016\t\t\ttest
Q1002\tBoris Fictiv\tFictiv\tRUS\t\tdefence_minister\t2012-11\t2020-01-21\tde=Boris Fiktiw\ttest
"""
IGO_PEOPLE = """wikidata_id\tname\taliases\tcountry\torg\toffice\tstart\tend\tother_names\tsource
Q1003\tCarla Secgen\tSecgen\tITA\tTSTO\tigo_head\t2018-01-01\t2021-12-31\t\ttest
"""
ORGS = "acronym\twikidata_id\tname_en\tcode\tkind\tfounded\tsource\nTSTO\tQ2001\tTest Security Treaty Organisation\tIGOTSTO\tmilitary\t1999\ttest\n"
BODIES = "acronym\tbody_en\tsector\trole\tsource\nTSTO\tJoint Staff\tMIL\tforces\ttest\nTSTO\tSecretary General\tIGO\thead\ttest\n"
MEMBERS = "acronym\tiso3\tstart\tend\tsource\nTSTO\tKAZ\t1999\t\ttest\nTSTO\tUZB\t1999\t2012-06\ttest\n"
LANG_ORGS = "# acronym\tform\ttype\nTSTO\tTest Treaty\tshort\nTSTO\tTSTO Joint Staff\tbody:Joint Staff\nTSTO\tTSTO Secretary General\tbody:Secretary General\n"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root = tmp_path_factory.mktemp("kb")
    data, lang = root / "data", root / "lang"
    (data / "people").mkdir(parents=True)
    shutil.copy(DATA_DIR / "states.tsv", data / "states.tsv")
    (data / "people" / "KAZ.tsv").write_text(PEOPLE, encoding="utf-8")
    (data / "people" / "IGO.tsv").write_text(IGO_PEOPLE, encoding="utf-8")
    (data / "orgs.tsv").write_text(ORGS, encoding="utf-8")
    (data / "org_bodies.tsv").write_text(BODIES, encoding="utf-8")
    (data / "org_members.tsv").write_text(MEMBERS, encoding="utf-8")
    for code in ("en", "ru", "de"):
        shutil.copytree(LANG_DIR / code, lang / code, ignore=shutil.ignore_patterns("orgs.tsv"))
    (lang / "en" / "orgs.tsv").write_text(LANG_ORGS, encoding="utf-8")
    return KnowledgeBase(load_sources(("en", "ru", "de"), data_dir=data, lang_dir=lang), ("en", "ru", "de"))


def one(kb: KnowledgeBase, text: str, lang: str, date: str | None) -> tuple:
    found = kb.find_mentions(text, lang, date)
    assert len(found) == 1, found
    e = found[0].entity
    return found[0].text, e.country, e.org, e.sector, e.wikidata_id, e.code


@pytest.mark.parametrize(
    ("text", "lang", "date", "expected"),
    [
        ("Testova spoke.", "en", "2012-05-01", ("Testova", "KAZ", None, "GOV", "Q1001", "KAZGOV")),
        ("Testova spoke.", "en", "2015-01-01", ("Testova", "KAZ", None, None, "Q1001", "KAZ")),  # between terms
        ("Testova spoke.", "en", "2017-01-01", ("Testova", "KAZ", None, "GOV", "Q1001", "KAZGOV")),  # head of government, open term
        ("Testova spoke.", "en", None, ("Testova", "KAZ", None, "GOV", "Q1001", "KAZGOV")),
        ("Тестова заявила.", "ru", "2012-05-01", ("Тестова", "KAZ", None, "GOV", "Q1001", "KAZGOV")),
        ("Boris Fictiv arrived.", "en", "2015-06-01", ("Boris Fictiv", "RUS", None, "MIL", "Q1002", "RUSMIL")),
        ("Boris Fictiv arrived.", "en", "2021-06-01", ("Boris Fictiv", "RUS", None, None, "Q1002", "RUS")),
        ("Boris Fictiv arrived.", "en", "2012-11-15", ("Boris Fictiv", "RUS", None, "MIL", "Q1002", "RUSMIL")),  # month-precision start
        ("Boris Fiktiw kam.", "de", "2015-06-01", ("Boris Fiktiw", "RUS", None, "MIL", "Q1002", "RUSMIL")),
        ("Carla Secgen said.", "en", "2019-01-01", ("Carla Secgen", None, "TSTO", "IGO", "Q1003", "IGOTSTO")),
        ("Carla Secgen said.", "en", "2023-01-01", ("Carla Secgen", "ITA", None, None, "Q1003", "ITA")),
        ("The TSTO met.", "en", None, ("TSTO", None, "TSTO", "IGO", "Q2001", "IGOTSTO")),
        ("The Test Treaty met.", "en", None, ("Test Treaty", None, "TSTO", "IGO", "Q2001", "IGOTSTO")),
        ("The TSTO Joint Staff met.", "en", None, ("TSTO Joint Staff", None, "TSTO", "MIL", "Q2001", "IGOTSTOMIL")),
    ],
)
def test_people_and_orgs(kb: KnowledgeBase, text: str, lang: str, date: str | None, expected: tuple) -> None:
    assert one(kb, text, lang, date) == expected


def test_acronym_needs_capitals(kb: KnowledgeBase) -> None:
    assert kb.find_mentions("the tsto met.", "en") == []


def test_title_before_known_person(kb: KnowledgeBase) -> None:
    found = kb.find_mentions("Kazakh Foreign Minister Alma Testova met Boris Fictiv.", "en", "2012-01-01")
    assert [(m.text, m.entity.code, m.rule) for m in found] == [
        ("Kazakh Foreign Minister Alma Testova", "KAZGOV", "kb:title+person"),
        ("Boris Fictiv", "RUS", "kb:person"),  # not yet defence minister in January 2012
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # out of office on the date, the KB places him in Russia only: the text's title gives the sector
    ("Defence Minister Boris Fictiv arrived.", ("Defence Minister Boris Fictiv", "RUSMIL")),
    ("Minister Boris Fictiv arrived.", ("Minister Boris Fictiv", "RUSGOV")),
    ("Former Defence Minister Boris Fictiv arrived.", ("Defence Minister Boris Fictiv", "RUS")),
])
def test_a_title_without_country_gives_its_sector_to_a_known_person(kb: KnowledgeBase, text: str, expected: tuple) -> None:
    (found,) = kb.find_mentions(text, "en", "2021-06-01")
    assert (found.text, found.entity.code) == expected


def test_lookup_explains_dates(kb: KnowledgeBase) -> None:
    (result,) = kb.lookup("Testova", date="2015-01-01", lang="en")
    assert result.entity.sector is None
    assert "former foreign_minister of KAZ" in result.why and "people/KAZ.tsv:3" in result.why
    (result,) = kb.lookup("Testova", date="2005-01-01", lang="en")
    assert "not yet" in result.why


def test_members(kb: KnowledgeBase) -> None:
    assert kb.members("TSTO", "2010-01-01") == ["KAZ", "UZB"]
    assert kb.members("TSTO", "2013-01-01") == ["KAZ"]
    assert kb.members("TSTO") == ["KAZ"]


def test_broken_rows_are_skipped_not_fatal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "people").mkdir(parents=True)
    shutil.copy(DATA_DIR / "states.tsv", data / "states.tsv")
    (data / "people" / "XXX.tsv").write_text("wikidata_id\tname\n\t\t\nQ9\tOnly Name\n", encoding="utf-8")
    src = load_sources(("en",), data_dir=data)
    assert "Q9" in src.people and src.skipped


PETRARCH = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "petrarch2_unittests" / "PETR.Validate.actors.txt"


def test_user_actors_from_petrarch_fixture(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "mini.actors"
    path.write_text("GOLLUM  # comment\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nWHITE_DOWNS [SHR]\n", encoding="utf-8")
    extended = kb.with_extra(read_actor_file(path))
    codes = [extended.find_mentions("Smeagol ran.", "en", d)[0].entity.code for d in ("1990-01-01", "1997-01-01", "2001-01-01")]
    assert codes == ["HOB", "HOBGOV", "HOBREB"]
    assert extended.find_mentions("White Downs", "en")[0].entity.code == "SHR"
    assert kb.find_mentions("Smeagol ran.", "en") == []  # the original is unchanged


@pytest.mark.skipif(not PETRARCH.is_file(), reason="shared PETRARCH validation dictionary absent")
def test_petrarch_validation_dictionary(kb: KnowledgeBase) -> None:
    records = {r.name: r for r in read_petrarch(PETRARCH)}
    assert records["UNITED STATES"].aliases == ["USA", "U.S."]
    sam = kb.with_extra(records.values())
    dated = {d: sam.find_mentions("Sam Gamgee left.", "en", d)[0].entity.code for d in ("2005-01-01", "2010-01-10", "2011-01-01", "2013-01-01", "2014-01-01")}
    assert dated == {"2005-01-01": "HOBCIV", "2010-01-10": "ORCHOB", "2011-01-01": "HOBMIL", "2013-01-01": "HOBGOV", "2014-01-01": "HOBELI"}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("The Kazakh foreign minister spoke.", "2012-05-01", ("Alma Testova", "KAZGOV", "kb:title→holder")),
        ("The Kazakh foreign minister spoke.", "2015-05-01", ("Kazakh foreign minister", "KAZGOV", "kb:title")),  # nobody listed then
        ("The TSTO Secretary General spoke.", "2019-05-01", ("Carla Secgen", "IGOTSTO", "kb:title→holder")),
        ("The TSTO Secretary General spoke.", "2023-05-01", ("Test Security Treaty Organisation: Secretary General", "IGOTSTO", "kb:body")),
        # a name after the office says who holds it, also when the date is outside the listed term
        ("TSTO Secretary General Carla Secgen spoke.", "2023-05-01", ("Carla Secgen", "IGOTSTO", "kb:title+person")),
    ],
)
def test_title_resolves_to_office_holder(kb: KnowledgeBase, text: str, date: str, expected: tuple) -> None:
    (m,) = kb.find_mentions(text, "en", date)
    assert (m.entity.name, m.entity.code, m.rule) == expected


def test_term_years_hook(kb: KnowledgeBase) -> None:
    (m,) = kb.find_mentions("Testova spoke.", "en", "2012-05-01")
    assert sorted(kb.term_years(m.entity), key=str) == [(2010, 2014), (2016, None)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a listed surname after another given name is a namesake, and so is the story's bare surname after it
        ("Herbert Testova spoke. Testova left.", "en", []),
        ("Ирина Тестова заявила. Тестова добавила.", "ru", []),
        # the person's own given name, inflected or transliterated, and titles keep the person
        ("Alma Testova spoke. Testova left.", "en", ["Alma Testova", "Testova"]),
        ("Borys Fictiv spoke.", "en", ["Fictiv"]),
        ("Minister Fictiv spoke.", "en", ["Minister Fictiv"]),
        # a story that names the person in full keeps its other bare surnames
        ("Alma Testova spoke. Herbert Testova, a farmer, disagreed. Testova left.", "en", ["Alma Testova", "Testova"]),
    ],
)
def test_a_surname_after_another_given_name_is_a_namesake(kb: KnowledgeBase, text: str, lang: str, expected: list[str]) -> None:
    found = kb.find_mentions(text, lang, "2012-05-01")
    assert [m.text for m in found if m.entity is not None and m.entity.wikidata_id in ("Q1001", "Q1002")] == expected
