"""Coreference for coding: pair references ("the two sides"), organisation references ("the
alliance"), and the role rules for report sources ("according to X") and a party's own forces."""

from __future__ import annotations

import pytest

from dyads.code.extract import coded_sentences
from dyads.code.groups import group_mentions
from dyads.model import Document, Mention
from dyads.pipeline import Pipeline

RECOGNIZE = ("clean", "language", "segment", "recognize")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(stages=RECOGNIZE)


def _added(pipeline: Pipeline, text: str, lang: str) -> list[tuple[int, Mention]]:
    """(sentence index, mention) for every mention coreference adds."""
    (item,) = pipeline.run([Document(id="d", text=text, lang=lang, lang_given=True)])
    own = set(item.mentions)
    return [(n, m) for n, _, actors in coded_sentences(item) for m in actors if m not in own]


@pytest.mark.parametrize(
    ("text", "lang", "phrase"),
    [
        ("Kyrgyzstan and Tajikistan agreed on a ceasefire on Tuesday. The two sides will pull back by Friday.", "en", "The two sides"),
        ("Киргизия и Таджикистан договорились о прекращении огня. Стороны отведут войска к пятнице.", "ru", "Стороны"),
        ("Kirgistan und Tadschikistan einigten sich auf eine Waffenruhe. Beide Seiten wollen bis Freitag abziehen.", "de", "Beide Seiten"),
        ("Il presidente kazako Tokayev ha telefonato al presidente uzbeko Mirziyoyev. I due leader hanno concordato una visita.", "it",
         "I due leader"),
        ("Le Kirghizistan et le Tadjikistan ont conclu un cessez-le-feu. Les deux parties retireront leurs troupes.", "fr",
         "Les deux parties"),
        ("Kirguistán y Tayikistán acordaron un alto el fuego. Ambas partes retirarán sus tropas.", "es", "Ambas partes"),
        # the warring parties
        ("Kirgistan und Tadschikistan verhandeln in Bischkek. Die Konfliktparteien wollen bis Freitag abziehen.", "de", "Die Konfliktparteien"),
        ("Kyrgyzstan and Tajikistan held talks on Tuesday. The warring parties will pull back by Friday.", "en", "The warring parties"),
    ],
)
def test_a_pair_reference_stands_for_the_two_parties_named_before(pipeline: Pipeline, text: str, lang: str, phrase: str) -> None:
    added = _added(pipeline, text, lang)
    assert {m.text for _, m in added} == {phrase}
    assert all(n == 1 and m.rule.startswith("coref:pair") for n, m in added)
    codes = sorted(m.entity.country for _, m in added if m.entity)
    assert codes in (["KGZ", "TJK"], ["KAZ", "UZB"])


@pytest.mark.parametrize(
    ("text", "lang", "phrase"),
    [
        ("Britain, France and Germany sent a letter to the IAEA on Monday. The three countries urged Iran to admit inspectors.", "en",
         "The three countries"),
        # four parties before, three of them listed: "the three" are the list
        ("Araghchi ha dato a Francia, Germania e Regno Unito dieci giorni di tempo. I tre paesi hanno respinto l'ultimatum.", "it",
         "I tre paesi"),
        ("Frankreich, Deutschland und Großbritannien legten einen Entwurf vor. Die drei Staaten forderten Zugang.", "de",
         "Die drei Staaten"),
        ("Francia, Alemania y el Reino Unido presentaron un borrador. Los tres países pidieron acceso a los inspectores.", "es",
         "Los tres países"),
    ],
)
def test_a_trio_reference_stands_for_the_three_parties_listed_before(pipeline: Pipeline, text: str, lang: str, phrase: str) -> None:
    added = _added(pipeline, text, lang)
    assert {m.text for _, m in added} == {phrase}
    assert sorted(m.entity.country for _, m in added if m.entity) == ["DEU", "FRA", "GBR"]


def test_no_trio_reference_without_one_list_of_three(pipeline: Pipeline) -> None:
    text = "Russia, Belarus, Armenia and Kazakhstan held talks in Minsk. The three countries agreed to meet again."
    assert _added(pipeline, text, "en") == []


def test_the_pair_is_one_compound_group(pipeline: Pipeline) -> None:
    text = "Kyrgyzstan and Tajikistan agreed on a ceasefire. The two sides will pull back."
    (item,) = pipeline.run([Document(id="d", text=text, lang="en", lang_given=True)])
    _, sentence, actors = list(coded_sentences(item))[1]
    groups = group_mentions(actors, sentence.text, sentence.start)
    assert [g.codes for g in groups] == [("KGZ", "TJK")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # three parties before: "the two sides" is ambiguous
        ("Russia, Belarus and Kazakhstan held talks in Minsk. The two sides agreed to meet again.", "en"),
        # "со стороны" is "on the part of", not "the sides"
        ("Россия и Казахстан провели переговоры. Критика со стороны оппозиции усилилась.", "ru"),
        # nothing named before
        ("The two sides agreed to meet again.", "en"),
    ],
)
def test_no_pair_reference_without_a_clear_pair(pipeline: Pipeline, text: str, lang: str) -> None:
    assert not [m for _, m in _added(pipeline, text, lang) if m.rule.startswith("coref:pair")]


@pytest.mark.parametrize(
    ("text", "lang", "org"),
    [
        ("NATO foreign ministers met in Brussels on Tuesday. The alliance agreed to send more air defence to Poland.", "en", "NATO"),
        ("Министры ОДКБ встретились в Алматы. Альянс договорился о совместных учениях.", "ru", "CSTO"),
        ("Die Außenminister der NATO trafen sich in Brüssel. Das Bündnis beschloss neue Übungen.", "de", "NATO"),
    ],
)
def test_an_organisation_reference_stands_for_the_organisation_named_before(pipeline: Pipeline, text: str, lang: str,
                                                                           org: str) -> None:
    added = _added(pipeline, text, lang)
    assert [(m.entity.org if m.entity else None) for _, m in added] == [org]
    assert added[0][1].rule.startswith("coref:org")


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        # the organisation of the nearest earlier sentence naming one
        ("Foreign ministers of the CSTO member states met in Almaty. The ministers agreed to hold joint exercises.", "en", ["IGOCSTO"]),
        ("I ministri degli Esteri della NATO si sono riuniti a Bruxelles. I ministri hanno concordato nuove esercitazioni.", "it",
         ["IGONATO"]),
        # else that sentence's parties, as one compound actor
        ("Russia and China held talks in Moscow. The delegations agreed to meet again in May.", "en", ["RUS", "CHN"]),
        ("Russland und China führten Gespräche in Moskau. Die Delegationen vereinbarten ein neues Treffen.", "de", ["RUS", "CHN"]),
        ("Лавров и Фидан провели переговоры в Анкаре. Министры подписали план консультаций.", "ru", ["RUSGOV", "TURGOV"]),
    ],
)
def test_a_group_reference_stands_for_the_organisation_or_the_parties_before(pipeline: Pipeline, text: str, lang: str,
                                                                            codes: list[str]) -> None:
    added = _added(pipeline, text, lang)
    assert sorted(m.entity.code for _, m in added if m.entity) == sorted(codes)
    assert {n for n, _ in added} == {1}


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("According to the Kazakh foreign minister, Russia will train Kazakh officers next year.", "en", "KAZGOV"),
        ("По словам казахстанского министра, Россия будет обучать казахстанских офицеров.", "ru", "KAZGOV"),
    ],
)
def test_the_source_of_a_report_is_no_party(text: str, lang: str, source: str) -> None:
    import dyads

    events = dyads.code_text(text, lang=lang)
    assert events
    assert not any(m.entity is not None and m.entity.code == source for e in events for m in (*e.actor, *e.recipient))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a count after the source's own noun opens the next phrase: the twelve people are those arrested
        ("Die türkische Polizei nahm nach Angaben der Anwälte zwölf Menschen fest.", "de", ("COERCE", "TURCOP", "CVL")),
        # a count after a preposition is still the source: the witnesses only report
        ("Die Polizei nahm nach Angaben von zwölf Zeugen den Bürgermeister fest.", "de", ("COERCE", "DEUCOP", None)),
    ],
)
def test_a_count_after_the_source_noun_is_a_party(text: str, lang: str, expected: tuple[str, str, str | None]) -> None:
    import dyads

    coded = [(e.event, e.actor[0].entity.code if e.actor[0].entity else None,
              e.recipient[0].entity.code if e.recipient and e.recipient[0].entity else None) for e in dyads.code_text(text, lang=lang)]
    assert coded[:1] == [expected]


def test_their_own_troops_are_no_recipient() -> None:
    import dyads

    events = dyads.code_text("Kyrgyzstan and Tajikistan will withdraw their troops from the border by Friday.", lang="en")
    assert events
    assert all(not e.recipient for e in events)


@pytest.mark.parametrize("lang", ["en", "ru", "de", "it", "fr", "es"])
def test_reference_files_are_well_formed(lang: str) -> None:
    from dyads.lang import read_tsv

    rows = read_tsv(lang, "references.tsv")
    assert {row[1] for row in rows} == {"pair", "trio", "org", "group"}
    phrases = [row[0].lower() for row in rows]
    assert len(phrases) == len(set(phrases)), "duplicate phrase"
    assert all(len(row) in (2, 3) and row[0].strip() for row in rows)


@pytest.mark.parametrize(
    ("text", "lang", "patient"),
    [
        ("The Belarusian opposition leader was arrested in Minsk on Sunday.", "en", "BLROPP"),
        ("Белорусский оппозиционный лидер был арестован в Минске.", "ru", "BLROPP"),
        ("Il leader dell'opposizione bielorussa è stato arrestato a Minsk.", "it", "BLROPP"),
        # Russian drops the auxiliary before a short participle
        ("Белорусский оппозиционный лидер арестован в Минске.", "ru", "BLROPP"),
        ("Бывший президент Египта Мухаммед Мурси умер в Каире. В 2015 году бывший президент приговорён к 20 годам тюрьмы.", "ru",
         "EGY"),
    ],
)
def test_the_subject_of_a_passive_is_no_actor(text: str, lang: str, patient: str) -> None:
    import dyads

    actors = [m.entity.code for e in dyads.code_text(text, lang=lang) for m in e.actor if m.entity]
    assert patient not in actors


def test_a_progressive_is_no_passive() -> None:
    import dyads

    events = dyads.code_text("Russian troops are shelling Ukrainian villages near Kharkiv.", lang="en")
    assert [(e.event, [m.entity.code for m in e.actor if m.entity]) for e in events][:1] == [("ASSAULT", ["RUSMIL"])]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a capital stands for its government in every language
        ("Douchanbé a accusé les gardes-frontières kirghiz d'avoir ouvert le feu.", "fr", ("ACCUSE", ["TJKGOV"], ["KGZMIL"])),
        ("Taschkent kritisierte Duschanbe scharf.", "de", ("ACCUSE", ["UZBGOV"], ["TJKGOV"])),
        # "approved sanctions": the sanctions, not the approval, are the event
        ("I ministri degli Esteri dell'Unione europea hanno approvato nuove sanzioni contro la Bielorussia.", "it",
         ("SANCTION", ["IGOEU"], ["BLR"])),
        ("Die EU-Außenminister beschlossen neue Sanktionen gegen Belarus.", "de", ("SANCTION", ["IGOEU"], ["BLR"])),
        # a named armed group is an actor
        ("Hezbollah fired drones at northern Israel on Sunday.", "en", ("ASSAULT", ["LBNREB"], ["ISR"])),
    ],
)
def test_capitals_groups_and_light_verbs(text: str, lang: str, expected: tuple) -> None:  # type: ignore[type-arg]
    import dyads

    coded = [(e.event, [m.entity.code for m in e.actor if m.entity], [m.entity.code for m in e.recipient if m.entity])
             for e in dyads.code_text(text, lang=lang)]
    assert expected in coded


@pytest.mark.parametrize(
    ("text", "lang", "kept"),
    [
        ("Brazil and Latin America criticised the United States.", "en", ["BRA", "USA"]),
        ("Страны Латинской Америки осудили санкции США против Кубы.", "ru", ["USA", "CUB"]),
        ("Washington sent 500 million US dollars to Kyiv.", "en", ["USAGOV"]),  # Kyiv: a place here
        ("Россия выделила Киргизии 500 млн долларов США.", "ru", ["RUS", "KGZ"]),
        ("Партия пришла к власти в Армении в 2018 году и осталась у власти.", "ru", []),  # "power", not the authorities
        ("Местные власти Армении закрыли рынок.", "ru", ["ARMGOV"]),
    ],
)
def test_regions_and_currencies_name_no_party(pipeline: Pipeline, text: str, lang: str, kept: list[str]) -> None:
    (item,) = pipeline.run([Document(id="d", text=text, lang=lang, lang_given=True)])
    assert [m.entity.code for m in item.mentions if m.kind == "actor" and m.entity] == kept
