"""End-to-end role assignment with hand-made actor mentions (no knowledge base needed)."""

from __future__ import annotations

import pytest

import dyads
from dyads.code import load_coder
from dyads.code.coder import DEFAULT_MODEL
from dyads.code.cues import Verdict, evaluation_triggers
from dyads.code.groups import group_mentions
from dyads.code.story import code_item
from dyads.code.triggers import lexicon_for, tokenize
from dyads.config import Config
from dyads.model import Document, Entity, Mention, Processed, Sentence, stable_id

pytestmark = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")
CODER = load_coder(Config())


def _triples(events: list) -> list[tuple[str, list[str], list[str]]]:  # type: ignore[type-arg]
    """(type, actor codes, recipient codes) of each event."""
    return [(e.event, [m.entity.code for m in e.actor if m.entity], [m.entity.code for m in e.recipient if m.entity]) for e in events]


def _item(text: str, actors: dict[str, str], lang: str = "en") -> Processed:
    mentions = []
    for name, code in actors.items():
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "actor", Entity(name=name, code=code)))
    doc = Document(id="d1", text=text, lang=lang, title="T", url="http://example.org/a", published="2024-05-01", source="test")
    return Processed(doc, (Sentence("d1", 0, len(text), text),), tuple(sorted(mentions, key=lambda m: m.start)))


def _coded(text: str, actors: dict[str, str], lang: str = "en") -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    events = code_item(CODER, _item(text, actors, lang)).events
    return [(e.event, tuple(m.entity.code for m in e.actor), tuple(m.entity.code for m in e.recipient)) for e in events]


@pytest.mark.parametrize(
    ("text", "actors", "lang", "expected"),
    [
        ("Putin and Tokayev met in Astana.", {"Putin": "RUSGOV", "Tokayev": "KAZGOV"}, "en", ("CONSULT", ("RUSGOV", "KAZGOV"), ())),
        ("Russia and Kazakhstan signed a defence agreement.", {"Russia": "RUS", "Kazakhstan": "KAZ"}, "en", ("SUPPORT", ("RUS", "KAZ"), ())),
        ("The memorandum was signed by the defence ministers of Russia and Kazakhstan.", {"Russia": "RUSMIL", "Kazakhstan": "KAZMIL"},
         "en", ("SUPPORT", ("RUSMIL", "KAZMIL"), ())),
        ("Il memorandum è stato firmato dai ministri della Difesa della Federazione Russa e del Kazakistan.",
         {"Federazione Russa": "RUSMIL", "Kazakistan": "KAZMIL"}, "it", ("SUPPORT", ("RUSMIL", "KAZMIL"), ())),
        ("NATO is not interested in joint activities with the CSTO.", {"NATO": "IGONATO", "CSTO": "IGOCSTO"}, "en",
         ("REJECT", ("IGONATO",), ("IGOCSTO",))),
        ("Russian troops attacked Ukrainian positions.", {"Russian troops": "RUSMIL", "Ukrainian": "UKR"}, "en",
         ("ASSAULT", ("RUSMIL",), ("UKR",))),
    ],
)
def test_roles(text: str, actors: dict[str, str], lang: str, expected: tuple[str, tuple[str, ...], tuple[str, ...]]) -> None:
    assert expected in _coded(text, actors, lang)


def test_reported_speech_belongs_to_the_reported_actor() -> None:
    coded = _coded("The Ukrainian defence minister said Russia attacked Ukraine.",
                   {"Ukrainian defence minister": "UKRMIL", "Russia": "RUS", "Ukraine": "UKR"})
    assert ("ASSAULT", ("RUS",), ("UKR",)) in coded
    assert not any(e == "ASSAULT" and a == ("UKRMIL",) for e, a, _ in coded)


@pytest.mark.parametrize(
    ("text", "actors", "forbidden"),
    [
        ("Russia did not attack Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"}, "ASSAULT"),
        ("Lukashenko did not meet the Lithuanian delegation.", {"Lukashenko": "BLRGOV", "Lithuanian delegation": "LTUGOV"}, "CONSULT"),
        # a negated denial or refusal is neither
        ("Russia did not deny the charges brought by Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"}, "REJECT"),
        ("Russia did not reject the proposal made by Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"}, "REJECT"),
        ("Moskau hat die Vorwürfe Kiews nicht zurückgewiesen.", {"Moskau": "RUSGOV", "Kiews": "UKRGOV"}, "REJECT"),
    ],
)
def test_negated_actions_are_not_coded(text: str, actors: dict[str, str], forbidden: str) -> None:
    lang = "de" if " die " in text else "en"
    assert [e for e in _coded(text, actors, lang) if e[0] == forbidden] == []


def test_a_negation_before_a_negated_refusal_agrees_with_it() -> None:
    events = dyads.code_text("Иран заявил, что никогда не признает Израиль.", lang="ru", date="2026-01-01")
    assert [(e.event, e.actor[0].entity.code, e.recipient[0].entity.code) for e in events if e.recipient] == [("REJECT", "IRN", "ISR")]


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die NATO hat kein Interesse an einer Zusammenarbeit mit der OVKS."),
    ("de", "Die NATO ist nicht an einer Zusammenarbeit mit der OVKS interessiert."),
    ("en", "NATO has no interest in cooperating with the CSTO."),
    ("ru", "НАТО не заинтересовано в сотрудничестве с ОДКБ."),
    ("it", "La NATO non è affatto interessata a collaborare con la CSTO."),
    ("fr", "L'OTAN n'a aucun intérêt à coopérer avec l'OTSC."),
    ("es", "La OTAN no tiene ningún interés en cooperar con la OTSC."),
])
def test_no_interest_is_a_refusal(lang: str, text: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert [(e.event, e.actor[0].entity.code, e.recipient[0].entity.code) for e in events if e.recipient] == [("REJECT", "IGONATO", "IGOCSTO")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sudan accused the RSF of attacking civilians in Darfur.", ("ACCUSE", ("SDN",), ("SDNREB",))),
    ("Colombia signed a peace deal with the FARC rebels.", ("SUPPORT", ("COL",), ("COLREB",))),
])
def test_a_state_and_its_rebels_are_two_parties(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    events = dyads.code_text(text, lang="en")
    assert expected in [(e.event, tuple(m.entity.code for m in e.actor), tuple(m.entity.code for m in e.recipient)) for e in events]


def test_self_dyads_are_dropped() -> None:
    coded = _coded("Russia criticised Moscow's critics.", {"Russia": "RUS", "Moscow": "RUS"})
    assert all(a != r for _, a, r in coded)


def _people_item(text: str, people: dict[str, str], lang: str) -> Processed:
    mentions = []
    for name, code in people.items():
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "actor", Entity(name=name, code=code, country=code[:3], kind="person"),
                                rule="kb:person"))
    doc = Document(id="d1", text=text, lang=lang, published="2016-10-18")
    return Processed(doc, (Sentence("d1", 0, len(text), text),), tuple(sorted(mentions, key=lambda m: m.start)))


@pytest.mark.parametrize(("lang", "text", "people", "expected"), [
    ("en", "President Barack Obama accused Donald Trump of showering praise on Moscow.",
     {"Barack Obama": "USAGOV", "Donald Trump": "USA"}, ("ACCUSE", ("USAGOV",), ("USA",))),
    ("de", "Donald Trump kritisierte Hillary Clinton scharf.", {"Donald Trump": "USA", "Hillary Clinton": "USA"},
     ("ACCUSE", ("USA",), ("USA",))),
    ("it", "Beppe Grillo ha criticato duramente Matteo Renzi.", {"Beppe Grillo": "ITA", "Matteo Renzi": "ITAGOV"},
     ("ACCUSE", ("ITA",), ("ITAGOV",))),
])
def test_two_people_of_one_country_are_two_parties(lang: str, text: str, people: dict[str, str], expected: tuple) -> None:  # type: ignore[type-arg]
    events = code_item(CODER, _people_item(text, people, lang)).events
    assert expected in [(e.event, tuple(m.entity.code for m in e.actor), tuple(m.entity.code for m in e.recipient)) for e in events]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Five former presidents are under investigation: Alberto Fujimori (1990-2000), Alejandro Toledo (2001-2006) and Alan Garcia."),
    ("ru", ("Под расследование попали три бывших президента: Альберто Фухимори (1990—2000 годы), Алехандро Толедо (2001—2006 годы) "
            "и Алан Гарсия (1985—1990 годы).")),
])
def test_people_listed_after_the_act_are_no_pair(lang: str, text: str) -> None:
    names = ("Alberto Fujimori", "Alejandro Toledo", "Alan Garcia") if lang == "en" else ("Альберто Фухимори", "Алехандро Толедо", "Алан Гарсия")
    events = code_item(CODER, _people_item(text, dict.fromkeys(names, "PER"), lang)).events
    assert [e for e in events if e.recipient] == []


def test_event_fields() -> None:
    item = code_item(CODER, _item("Russian troops attacked Ukrainian positions.", {"Russian troops": "RUSMIL", "Ukrainian": "UKR"}))
    (event,) = [e for e in item.events if e.event == "ASSAULT"]
    assert event.trigger_text == "attacked" and event.text[event.trigger_start : event.trigger_end] == "attacked"
    assert event.cameo and event.cameo.startswith("1") and event.quad_code == 4 and event.event_scale is not None
    assert event.id == stable_id("d1", 0, "ASSAULT", ("RUSMIL",), ("UKR",), event.trigger_start)
    assert event.language == "en" and event.title == "T" and event.published == "2024-05-01" and event.source == "test"
    assert event.explanation and event.explanation[0].startswith("trigger 'attacked'")
    assert event.date is None and event.event_loc is None


def test_min_confidence_filters() -> None:
    """Kept events reach the confidence floor: min_confidence, or a share of it where the model and the
    trigger agree on the type."""
    from dyads.code.extract import AGREED_FACTOR

    item = _item("Russian troops attacked Ukrainian positions and then met Ukrainian officials.",
                 {"Russian troops": "RUSMIL", "Ukrainian": "UKR"})
    lenient = code_item(load_coder(Config(min_confidence=0.0)), item).events
    strict = code_item(load_coder(Config(min_confidence=0.999)), item).events
    assert len(strict) < len(lenient)
    assert all(e.confidence >= 0.999 * AGREED_FACTOR for e in strict)


@pytest.mark.parametrize(
    ("text", "names", "groups"),
    [
        ("Putin and Tokayev met.", ["Putin", "Tokayev"], 1),
        ("Russia, Belarus and Kazakhstan signed.", ["Russia", "Belarus", "Kazakhstan"], 1),
        ("Russia, Belarus, Armenia and Kazakhstan signed.", ["Russia", "Belarus", "Armenia", "Kazakhstan"], 1),
        ("Russia, Belarus, Armenia said Kazakhstan lied.", ["Russia", "Belarus", "Armenia", "Kazakhstan"], 4),
        ("Russia attacked Ukraine.", ["Russia", "Ukraine"], 2),
    ],
)
def test_compound_grouping(text: str, names: list[str], groups: int) -> None:
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "actor", Entity(name=n, code=n[:3].upper())) for n in names]
    assert len(group_mentions(mentions, text, 0)) == groups


def test_state_and_its_government_are_one_party() -> None:
    coded = _coded("France accused Rwanda of making unacceptable accusations, the French government said.",
                   {"France": "FRA", "Rwanda": "RWA", "French government": "FRAGOV"})
    assert not any(set(a) | set(r) == {"FRA", "FRAGOV"} for _, a, r in coded)
    assert len([1 for e, a, r in coded if e == "ACCUSE" and "RWA" in r]) <= 1


def test_process_stage_interface() -> None:
    from types import SimpleNamespace

    from dyads.code import process

    batch = [_item("Russian troops attacked Ukrainian positions.", {"Russian troops": "RUSMIL", "Ukrainian": "UKR"}),
             _item("Nothing of note happened.", {})]
    done = process(batch, SimpleNamespace(coder=CODER))  # type: ignore[arg-type]
    assert len(done) == 2 and done[0].events and done[1].events == ()
    assert done[0].document is batch[0].document and done[0].mentions == batch[0].mentions


@pytest.mark.parametrize(
    ("text", "actors", "lang"),
    [
        ("QUITO (AFP) - Los campesinos bloquearon las carreteras contra el gobierno.", {"QUITO": "ECUGOV", "campesinos": "AGR",
                                                                                       "gobierno": "GOV"}, "es"),
        ("MOSCOW, May 3 (Reuters) - Ukrainian troops shelled Russian positions.", {"MOSCOW": "RUSGOV", "Ukrainian troops": "UKRMIL",
                                                                                  "Russian": "RUS"}, "en"),
    ],
)
def test_dateline_is_no_actor(text: str, actors: dict[str, str], lang: str) -> None:
    place = next(iter(actors.values()))
    coded = _coded(text, actors, lang)
    assert coded and not any(place in a or place in r for _, a, r in coded)


@pytest.mark.parametrize(
    ("text", "actors", "lang", "word"),
    [
        ("La policía vigilaba a los manifestantes frente al congreso.", {"policía": "COP", "manifestantes": "CVL"}, "es",
         "manifestantes"),
        ("Police watched the protesters outside parliament.", {"Police": "COP", "protesters": "CVL"}, "en", "protesters"),
    ],
)
def test_trigger_naming_a_party_is_not_the_others_event(text: str, actors: dict[str, str], lang: str, word: str) -> None:
    """ "protesters" says the protesters protest, not that the police did."""
    events = code_item(CODER, _item(text, actors, lang)).events
    assert not any(e.trigger_text == word and word not in [m.text for m in e.actor] for e in events)


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    from dyads.kb import load_kb

    return load_kb(Config(languages=("en", "es")))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Miles de trabajadores marcharon hacia el centro.", "es", ("trabajadores", "LAB")),
        ("LOS COLONOS BLOQUEAN UN CAMINO RURAL", "es", ("COLONOS", "SET")),
        ("Los estudiantes chilenos protestaron.", "es", ("estudiantes chilenos", "CHLEDU")),
        ("Doscientos presos iniciaron un motín.", "es", ("presos", "CVL")),
        ("Los pescadores pidieron ayuda al ministerio.", "es", ("pescadores", "AGR")),
        ("Los maestros votaron ir a la huelga.", "es", ("maestros", "EDU")),
        ("Thousands of workers marched on parliament.", "en", ("workers", "LAB")),
        ("Israeli settlers blocked the road.", "en", ("Israeli settlers", "ISRSET")),
        ("Gunmen attacked a checkpoint.", "en", ("Gunmen", "UAF")),
    ],
)
def test_generic_groups_are_actors(kb, text: str, lang: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    found = [(m.text, m.entity.code if m.entity else None) for m in kb.find_mentions(text, lang=lang)]
    assert expected in found


def test_model_overruling_its_trigger_needs_confidence() -> None:
    from dyads.code.extract import OFF_TRIGGER_MIN, candidates

    text = "Los campesinos protestaron contra el gobierno y exigieron tierras."
    item = _item(text, {"campesinos": "AGR", "gobierno": "GOV"}, "es")
    groups = group_mentions(item.mentions, text, 0)
    disagreeing = [c for c in candidates(CODER, text, 0, groups, "es") if c.view.trigger is not None and c.result.event != c.view.trigger.label]
    assert all(c.dropped is not None or c.result.confidence >= OFF_TRIGGER_MIN for c in disagreeing)


@pytest.mark.parametrize(
    ("text", "actors", "lang", "target"),
    [
        ("Miles de manifestantes marcharon contra el gobierno en Lima.", {"manifestantes": "CVL", "gobierno": "PERGOV"}, "es", "PERGOV"),
        ("Thousands of students rallied against the government.", {"students": "EDU", "government": "GOV"}, "en", "GOV"),
    ],
)
def test_party_after_against_is_no_actor(text: str, actors: dict[str, str], lang: str, target: str) -> None:
    coded = _coded(text, actors, lang)
    assert coded and not any(target in a for _, a, _ in coded)


def test_refusal_rule_survives_the_trigger_check() -> None:
    coded = _coded("Russia refused to sign the agreement with Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"})
    assert any(e == "REJECT" and "RUS" in a for e, a, _ in coded)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russia's ambassador to the UN accused Washington of hypocrisy.", "en"),
        ("Постпред России при ОБСЕ обвинил Вашингтон в дестабилизации Центральной Азии.", "ru"),
        ("L'ambasciatore russo presso l'ONU ha accusato Washington di ipocrisia.", "it"),
        ("Der russische Botschafter bei der UNO warf Washington Heuchelei vor.", "de"),
    ],
)
def test_an_envoys_posting_is_no_party_and_the_active_reading_wins(text: str, lang: str) -> None:
    """The organisation an envoy is posted to is part of the title; of the two directions of a
    pair, the one with the actor before the verb and the recipient after it is kept."""
    coded = _triples(dyads.code_text(text, lang=lang))
    assert coded == [("ACCUSE", ["RUSGOV"], ["USAGOV"])]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Выступая в Вене, российский дипломат обвинил США в поддержке антиправительственных групп.", "ru"),
        ("Ein russischer Diplomat warf den USA Einmischung vor.", "de"),
        ("Un diplomatico russo ha accusato gli Stati Uniti di ingerenza.", "it"),
        ("Un diplomático ruso acusó a Estados Unidos de injerencia.", "es"),
    ],
)
def test_a_countrys_diplomat_is_its_government(text: str, lang: str) -> None:
    coded = _triples(dyads.code_text(text, lang=lang))
    assert ("ACCUSE", ["RUSGOV"], ["USA"]) in coded


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (("Постоянный представитель России при ОБСЕ заявил, что Вашингтон пытается расколоть страны региона. "
          "Он также призвал ОБСЕ осудить попытки вмешательства."), "ru", ("REQUEST", ["RUSGOV"], ["IGOOSCE"])),
        ("Il ministro degli Esteri russo ha criticato Washington. Lui ha anche chiesto all'OSCE di condannare le ingerenze.", "it",
         ("REQUEST", ["RUSGOV"], ["IGOOSCE"])),
        # a state body with a country stands for its head too
        ("Глава украинской делегации заявил, что Киев отвергает идею перемирий. Он потребовал от России прекращения огня.", "ru",
         ("REQUEST", ["UKRGOV"], ["RUS"])),
        ("Die ukrainische Außenministerin kritisierte Moskau. Sie rief die EU auf, die Sanktionen zu verschärfen.", "de",
         ("REQUEST", ["UKRGOV"], ["IGOEU"])),
        # after the verb of a sentence that opens with an adverb, or after an opening phrase's comma
        ("Der russische Botschafter Sergej Andrejew sprach in Warschau. Zudem warf er Polen eine Mitschuld am Krieg vor.", "de",
         ("ACCUSE", ["RUSGOV"], ["POL"])),
        ("Посол России Сергей Андреев выступил в Варшаве. Кроме того, он обвинил Польшу во лжи.", "ru",
         ("ACCUSE", ["RUSGOV"], ["POL"])),
        ("Russian envoy Vasily Nebenzia spoke on Monday. On Tuesday, he accused Poland of lying.", "en",
         ("ACCUSE", ["RUSGOV"], ["POL"])),
        # a dropped subject: the sentence opens with an auxiliary
        ("Il ministro degli Esteri georgiano ha parlato con i giornalisti. Ha incolpato inoltre la Russia per gli attacchi.", "it",
         ("ACCUSE", ["GEOGOV"], ["RUS"])),
        ("Il ministro degli Esteri georgiano ha parlato. Poi ha chiesto all'OSCE di intervenire.", "it",
         ("REQUEST", ["GEOGOV"], ["IGOOSCE"])),
        ("El canciller georgiano habló con la prensa. Además, ha acusado a Rusia de los ataques.", "es", ("ACCUSE", ["GEOGOV"], ["RUS"])),
        # or with an adverb and a preterite, the tense Spanish news is told in
        ("El canciller georgiano habló con la prensa. Además, acusó a Rusia de los ataques.", "es", ("ACCUSE", ["GEOGOV"], ["RUS"])),
        ("El canciller georgiano habló con la prensa. Luego pidió a la OSCE una misión de observación.", "es",
         ("REQUEST", ["GEOGOV"], ["IGOOSCE"])),
    ],
)
def test_a_subject_pronoun_continues_the_previous_sentences_office_holder(text: str, lang: str, expected: tuple) -> None:  # type: ignore[type-arg]
    coded = _triples(dyads.code_text(text, lang=lang))
    assert expected in coded


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (("Die AU-Delegation traf am Montag Burundis Präsident Pierre Nkurunziza. Dieser lehnt die Entsendung von Truppen "
          "der Afrikanischen Union vehement ab."), "de", ("REJECT", ["BDIGOV"], ["IGOAUMIL"])),
        (("The AU envoy met Burundi's President Pierre Nkurunziza on Monday. The latter rejected the deployment of African "
          "Union troops."), "en", ("REJECT", ["BDIGOV"], ["IGOAUMIL"])),
        (("L'inviato dell'ONU ha incontrato il presidente del Burundi Pierre Nkurunziza. Quest'ultimo ha respinto la proposta "
          "dell'Unione africana."), "it", ("REJECT", ["BDIGOV"], ["IGOAU"])),
    ],
)
def test_a_demonstrative_continues_the_previous_sentences_last_office_holder(text: str, lang: str, expected: tuple) -> None:  # type: ignore[type-arg]
    coded = _triples(dyads.code_text(text, lang=lang))
    assert expected in coded


def test_a_german_demonstrative_before_a_noun_is_an_article() -> None:
    text = "Die AU-Delegation traf Präsident Pierre Nkurunziza. Dieser Schritt wurde von der EU begrüßt."
    second = [e for e in dyads.code_text(text, lang="de") if e.text.startswith("Dieser")]
    assert all(m.entity.code != "BDIGOV" for e in second for m in e.actor)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le Kazakhstan a accueilli le sommet. Il y a eu des manifestations contre la Russie.", "fr"),
        ("El gobierno ruso habló con la prensa. Ha habido protestas en Moscú.", "es"),
    ],
)
def test_impersonal_pronouns_are_no_actors(text: str, lang: str) -> None:
    import dyads

    events = dyads.code_text(text, lang=lang)
    assert not any(m.rule.startswith("coref") for e in events for m in (*e.actor, *e.recipient))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("“NATO is not interested in joint activities with the CSTO,” the spokesperson told reporters in Brussels.", "en",
         ("REJECT", ["IGONATO"], ["IGOCSTO"])),
        ("En 2023 la policía de Azerbaiyán arrestó a periodistas de un medio independiente.", "es", None),  # arrested: a recipient
        # the journalists are the audience even with the place they are in ("Journalisten in Moskau")
        ("Die russischen Streitkräfte griffen ausschließlich militärische Ziele an, sagte er vor Journalisten in Moskau.", "de",
         ("ASSAULT", ["RUSMIL"], [])),
    ],
)
def test_reporters_told_are_no_recipient(text: str, lang: str, expected: tuple | None) -> None:  # type: ignore[type-arg]
    import dyads

    events = dyads.code_text(text, lang=lang)
    coded = _triples(events)
    if expected is not None:
        assert expected in coded
    else:
        assert any(m.text == "periodistas" for e in events for m in e.recipient), coded


def test_reporters_told_are_no_actor() -> None:
    import dyads

    events = dyads.code_text("Kazakh Trade Minister Arman Shakkaliyev told reporters yesterday the new tariff plan is designed to avoid a deadlock when customs talks resume.", lang="en")
    assert not any(m.text == "reporters" for e in events for m in e.actor)



@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Streik in Frankreich\n\nParis, 12. Februar 2026 (dpa) – Die französischen Gewerkschaften haben gegen die Regierung protestiert."),
    ("de", "Astana, 14. Mai 2025 (dpa) – Der deutsche Außenminister ist zu einem Besuch in Kasachstan eingetroffen."),
])
def test_a_mixed_case_dateline_city_is_no_actor(lang: str, text: str) -> None:
    events = dyads.code_text(text, lang=lang)
    city = text.split("\n")[-1].split(",")[0]
    assert events, "no event coded"
    assert all(m.text != city for e in events for m in (*e.actor, *e.recipient))



def test_every_name_of_a_dateline_is_no_actor() -> None:
    text = "KABUL, Afghanistan, April 22, 2026 (AP) — Iran sent two planeloads of relief supplies to Afghanistan."
    (event,) = dyads.code_text(text, lang="en")
    assert [m.text for m in event.actor] == ["Iran"]
    assert all(m.start > 40 for m in event.recipient)


def test_a_list_of_states_at_the_start_is_no_dateline() -> None:
    (event,) = dyads.code_text("Russia, Belarus and Kazakhstan held talks on Monday.", lang="en", date="2026-04-22")
    assert [m.text for m in event.actor] == ["Russia", "Belarus", "Kazakhstan"]


@pytest.mark.parametrize(("lang", "text"), [
    ("it", "Ieri le Rsf hanno bombardato un campo per sfollati alla periferia di El Fasher, uccidendo dodici civili."),
    ("ru", "По данным ведомства, в ходе разгона задержаны 37 человек и несколько демонстрантов."),
])
def test_civilians_after_a_violent_verb_are_no_actor(lang: str, text: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert not any(m.entity is not None and m.entity.sector in ("CVL", "REF") for e in events for m in e.actor)


def test_protesters_before_a_violent_verb_stay_its_actor() -> None:
    events = dyads.code_text("Protesters attacked police officers in Athens on Sunday.", lang="en", date="2026-01-01")
    assert any(e.event == "ASSAULT" and e.actor[0].entity.sector == "CVL" for e in events)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Germany delivered two Patriot systems to Ukraine on Monday.", ("AID", "DEU", "UKR")),
    ("de", "Die Ukraine griff in der Nacht eine Ölraffinerie in Saratow an.", ("ASSAULT", "UKR", "RUS")),
    ("en", "Russia withdrew its troops from Syria in May.", ("RETREAT", "RUS", "SYR")),
    ("en", "Xi Jinping visited Kazakhstan on Monday.", ("CONSULT", "CHNGOV", "KAZ")),  # a visit's host
    ("de", "Außenminister Wadephul ist am Montag zu einem Besuch in Kasachstan eingetroffen.", ("CONSULT", "DEUGOV", "KAZ")),
])
def test_a_place_in_another_country_is_the_target_of_an_act_without_recipient(lang: str, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    found = [(e.event, e.actor[0].entity.code, e.recipient[0].entity.code) for e in events if e.actor and e.recipient]
    assert expected in found


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("en", "French police detained three activists in Paris on Friday.", "Paris"),  # the actor's own country
    ("en", "The UN office allocated 2 million dollars from the Central Emergency Response Fund in Geneva.", "Geneva"),  # where it comes from
])
def test_a_place_is_no_target_at_home_or_as_an_origin(lang: str, text: str, place: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert not any(m.text == place for e in events for m in e.recipient)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The foreign ministers of the CSTO met in Almaty on Thursday."),  # an organisation's meeting
    ("en", "The Congolese government and the M23 rebels resumed talks in Doha on Thursday."),  # two parties of one state
    ("en", "Blinken met Lavrov in Geneva on Friday."),  # a meeting of two states
])
def test_a_meeting_place_hosts_no_one(lang: str, text: str) -> None:
    events = [e for e in dyads.code_text(text, lang=lang, date="2026-01-01") if e.event == "CONSULT"]
    assert events and not any(m.rule == "place:target" for e in events for m in e.recipient)


def test_a_speaker_named_after_the_act_does_not_do_it() -> None:
    text = ("Police fired tear gas and used water cannon against masked protesters in Lyon after they threw bottles at officers, "
            "the Interior Ministry said.")
    coded = _coded(text, {"Police": "FRACOP", "protesters": "FRACVL", "Interior Ministry": "FRAGOV"})
    assert ("ASSAULT", ("FRACOP",), ("FRACVL",)) in coded  # the second act, coordinated with the first trigger, is kept
    assert not any(actor == ("FRAGOV",) for _, actor, _ in coded)


def test_the_subject_of_a_german_verb_final_passive_is_acted_on() -> None:
    events = dyads.code_text("Mindestens 54 Menschen wurden am Abend in Paris festgenommen.", lang="de", date="2026-01-01")
    assert not any(m.entity is not None and m.entity.sector == "CVL" for e in events for m in e.actor)
    assert any(e.event == "COERCE" and e.recipient and e.recipient[0].text == "Mindestens 54 Menschen" for e in events)


def test_the_subject_after_a_german_passive_auxiliary_is_acted_on() -> None:
    text = "In Kiew und Charkiw wurden nach Behördenangaben mindestens vier Zivilisten getötet und 17 weitere verletzt."
    events = dyads.code_text(text, lang="de", date="2026-01-01")
    assert not any(m.text == "Zivilisten" for e in events for m in e.actor)


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran on Monday refused a request by the International Atomic Energy Agency to send inspectors.", [("REJECT", "IRN", "IGOIAEA")]),
    # the noun may carry one adjective; a participle before "by" makes a passive ("the agreement signed by")
    ("Russia condemned an unfriendly step by Poland.", [("ACCUSE", "RUS", "POL")]),
])
def test_by_after_a_noun_names_its_author_not_a_passive_agent(text: str, expected: list[tuple[str, str, str]]) -> None:
    events = dyads.code_text(text, lang="en", date="2026-01-01")
    assert [(e.event, e.actor[0].entity.code, e.recipient[0].entity.code) for e in events] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # "Congo" in a story about the M23 is the DRC (kb/data/shared_names.tsv), and its rebels are a party of their own
    ("en", "Congo accused the M23 rebels of breaking the truce on Monday. The rebels denied the charge and said the army had fired first.",
     ("REJECT", "CODREB", "COD")),
    ("de", "Der Kreml warf Berlin Spionagehysterie vor. Die Bundesregierung wies die Vorwürfe zurück.", ("REJECT", "DEUGOV", "RUSGOV")),
    # the model alone reads no event in this one; the denial phrase decides
    ("de", "Die Bundesregierung warf Moskau Sabotage vor. Die russische Botschaft wies die Anschuldigungen als „absurd“ zurück.",
     ("REJECT", "RUSGOV", "DEUGOV")),
])
def test_a_denial_answers_the_earlier_accusation(lang: str, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _later_dyads(dyads.code_text(text, lang=lang, date="2026-01-01"))


def _later_dyads(events: list) -> list[tuple[str, str | None, str | None]]:  # type: ignore[type-arg]
    """(type, first actor code, first recipient code) of the events after the first sentence."""
    return [(e.event, e.actor[0].entity.code, e.recipient[0].entity.code if e.recipient else None) for e in events
            if e.sentence_start > 0]


def test_a_denial_takes_no_recipient_from_another_clause() -> None:
    events = dyads.code_text("The rebels denied the charge and said the army had fired first.", lang="en", date="2026-01-01")
    assert [(e.event, [m.text for m in e.recipient]) for e in events if e.event == "REJECT"] == [("REJECT", [])]
    assert all("negation" not in e.aux for e in events if e.event == "REJECT")  # "denied" negates nothing here


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Unions announced a new day of strikes for March 10."),
    ("ru", "Пилоты Ryanair объявили новую забастовку на 12 сентября."),
    ("de", "Die Gewerkschaft Verdi rief für Montag zu einem Warnstreik an den Flughäfen auf."),
    ("it", "I sindacati hanno annunciato uno sciopero generale per lunedì."),
])
def test_a_strike_announced_for_later_is_a_threat(lang: str, text: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-03-02")
    assert [e.event for e in events] == ["THREATEN"]
    assert events[0].cameo == "133"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # an act addressed to someone whom no sentence names is addressed to the story's other side
    ("en", "Russia and Ukraine held talks in Istanbul on Thursday. Ukraine's delegation demanded a full ceasefire.",
     ("REQUEST", "UKRGOV", "RUS")),
    ("ru", "В четверг в Стамбуле прошли переговоры России и Украины. Глава украинской делегации потребовал полного прекращения огня.",
     ("REQUEST", "UKRGOV", "RUS")),
    ("de", "Die EU verhängte neue Sanktionen gegen Belarus. Das belarussische Außenministerium verurteilte die Sanktionen als illegal.",
     ("ACCUSE", "BLRGOV", "IGOEU")),
])
def test_an_unnamed_addressee_is_the_storys_other_side(lang: str, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert expected in _later_dyads(events)
    inferred = next(e for e in events if e.sentence_start > 0 and e.event == expected[0])
    assert "other side" in " ".join(inferred.explanation)


@pytest.mark.parametrize(("lang", "text"), [
    # a story with no single other side: three parties named equally often
    ("en", "Russia, China and India held talks in Moscow on Monday. The Indian foreign ministry demanded an end to the fighting."),
    # what the police do is aimed at people at home, not at the story's other party
    ("en", "France and Algeria traded accusations on Monday. Police in Paris arrested three men on Tuesday."),
])
def test_no_other_side_is_inferred(lang: str, text: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert not any("other side" in " ".join(e.explanation) for e in events), [(e.event, e.explanation) for e in events]


def test_a_state_and_its_rebels_are_the_two_sides() -> None:
    events = dyads.code_text("Delegations from Congo's government and the M23 rebels resumed talks in Doha on Thursday. "
                             "The two sides signed a declaration of principles.", lang="en", date="2026-01-01")
    signed = [sorted(m.entity.code for m in e.actor) for e in events if e.event == "SUPPORT"]
    assert signed == [["CODGOV", "CODREB"]]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a meeting has one compound actor and no recipient, however the sentence words it
    ("en", "Chinese Foreign Minister Wang Yi held talks with Kazakh President Kassym-Jomart Tokayev in Astana on Wednesday.",
     ["CHNGOV", "KAZGOV"]),
    ("it", "Il ministro degli Esteri Antonio Tajani è stato ricevuto oggi ad Algeri dal presidente algerino.", ["DZAGOV", "ITAGOV"]),
])
def test_a_meeting_is_one_compound_actor(lang: str, text: str, expected: list[str]) -> None:
    meetings = [e for e in dyads.code_text(text, lang=lang, date="2026-01-01") if e.event == "CONSULT"]
    assert [(sorted(m.entity.code for m in e.actor), e.recipient) for e in meetings] == [(expected, ())]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Iran on Monday refused a request by the International Atomic Energy Agency to send inspectors."),
    ("it", "L'Iran ha respinto la richiesta dell'Agenzia internazionale per l'energia atomica di inviare ispettori."),
])
def test_what_a_rejection_rejects_is_no_act_of_its_own(lang: str, text: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert [e.event for e in events] == ["REJECT"], [(e.event, e.explanation) for e in events]


@pytest.mark.parametrize(
    ("text", "actors", "lang", "expected"),
    [
        ("The Arvanian Foreign Ministry condemned the attack and called on Borduria to secure the border.",
         {"Arvanian Foreign Ministry": "ARVGOV", "Borduria": "BOR"}, "en", {"ACCUSE", "REQUEST"}),
        ("El Consejo de Europa criticó las detenciones y pidió la liberación inmediata de los activistas.",
         {"Consejo de Europa": "IGOCOE"}, "es", {"ACCUSE", "REQUEST"}),
        ("Il ministero degli Esteri bielorusso ha condannato la decisione e ha minacciato misure di ritorsione.",
         {"ministero degli Esteri bielorusso": "BLRGOV"}, "it", {"ACCUSE", "THREATEN"}),
        ("Das belarussische Außenministerium verurteilte die Sanktionen und kündigte Gegenmaßnahmen an.",
         {"belarussische Außenministerium": "BLRGOV"}, "de", {"ACCUSE", "THREATEN"}),
        # a trigger noun inside a coordinated object is no second act
        ("Лавров и Фидан обсудили в Анкаре ситуацию в Сирии и энергетическое сотрудничество.",
         {"Лавров": "RUSGOV", "Фидан": "TURGOV"}, "ru", {"CONSULT"}),
    ],
)
def test_a_second_coordinated_act_of_the_actor_is_its_own_event(text: str, actors: dict[str, str], lang: str,
                                                                 expected: set[str]) -> None:
    assert {event for event, *_ in _coded(text, actors, lang)} == expected


@pytest.mark.parametrize(
    ("text", "actors", "lang"),
    [
        ("Moscow accused Kyiv of terrorist attacks on power plants in Belgorod.", {"Moscow": "RUS", "Kyiv": "UKR", "Belgorod": "RUS"}, "en"),
        ("Douchanbé a accusé les gardes-frontières kirghiz d'avoir ouvert le feu sur des civils tadjiks.",
         {"Douchanbé": "TJKGOV", "gardes-frontières kirghiz": "KGZMIL", "civils tadjiks": "TJKCVL"}, "fr"),
        ("Правительство Арвании обвинило Бордурию в поставках оружия повстанцам.",
         {"Правительство Арвании": "ARVGOV", "Бордурию": "BOR", "повстанцам": "ARVREB"}, "ru"),
    ],
)
def test_an_act_the_actor_is_accused_of_is_no_event(text: str, actors: dict[str, str], lang: str) -> None:
    assert {event for event, *_ in _coded(text, actors, lang)} == {"ACCUSE"}


@pytest.mark.parametrize(
    ("text", "actors", "lang", "expected"),
    [
        # a party's act restated or asked for in another's act on it is not the party's ...
        ("Министр обороны Казахстана поблагодарил российскую сторону за поддержку.",
         {"Министр обороны Казахстана": "KAZMIL", "российскую сторону": "RUSGOV"}, "ru", [("SUPPORT", ("KAZMIL",), ("RUSGOV",))]),
        ("The African Union urged Arvania to release the detained opposition leaders.",
         {"African Union": "IGOAU", "Arvania": "ARV"}, "en", [("REQUEST", ("IGOAU",), ("ARV",))]),
        # ... nor is what it offers and is turned down
        ("NATO rejects CSTO offer of joint work.", {"NATO": "IGONATO", "CSTO": "IGOCSTO"}, "en", [("REJECT", ("IGONATO",), ("IGOCSTO",))]),
        # a refusal does not govern a verb coordinated after it: the accusation is Borduria's, the rejection the protest's
        ("Arvania's foreign ministry rejected the protest on Tuesday and accused Borduria of sending the vessel into its waters.",
         {"Arvania's foreign ministry": "ARVGOV", "Borduria": "BOR"}, "en", [("ACCUSE", ("ARVGOV",), ("BOR",)), ("REJECT", ("ARVGOV",), ())]),
    ],
)
def test_one_act_is_coded_once(text: str, actors: dict[str, str], lang: str,
                               expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    """'thanked Russia for its support': only the thanks happened; Russia's support is no event of its own."""
    assert _coded(text, actors, lang) == expected


def test_an_act_said_with_its_recipient_is_not_also_the_actors_alone() -> None:
    """One strike against the government: not also the workers' protest with no recipient."""
    text = ("ROME, Feb. 26, 2026 (AFP) - Hundreds of thousands of workers walked off the job across Italy on Thursday in a "
            "nationwide strike called by unions against the government's plan to freeze public sector pay, disrupting trains and schools.")
    events = [(e.event, tuple(m.entity.code for m in e.actor if m.entity), tuple(m.entity.code for m in e.recipient if m.entity))
              for e in dyads.code_text(text, lang="en")]
    assert [e for e in events if e[0] == "PROTEST"] == [("PROTEST", ("ITALAB",), ("ITAGOV",))]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the party right before the verb, in a later clause, is its subject, not the party named earlier
        ("Американские власти потребовали выдать беглеца США, но российский президент Владимир Путин в этом отказал.", "ru",
         ("REJECT", ["RUSGOV"], ["USA"])),
        # without a new clause the party before the verb belongs to the actor's phrase
        ("Iran's ambassador to the IAEA accused Israel of double standards.", "en", ("ACCUSE", ["IRNGOV"], ["ISR"])),
    ],
)
def test_the_nearer_subject_of_a_later_clause_acts(text: str, lang: str, expected: tuple) -> None:  # type: ignore[type-arg]
    coded = _triples(dyads.code_text(text, lang=lang))
    assert expected in coded


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # an opening adverbial or subordinate clause puts the subject after the verb-second verb
        ("Am Freitag forderte die EU den Iran zur Zusammenarbeit auf.", {"EU": "IGOEU", "Iran": "IRN"}, [("REQUEST", ("IGOEU",), ("IRN",))]),
        ("Noch während Lawrow redete, widersprach ihm das ukrainische Außenministerium.",
         {"Lawrow": "RUSGOV", "ukrainische Außenministerium": "UKRGOV"}, [("REJECT", ("UKRGOV",), ("RUSGOV",))]),  # "ihm": Lawrow
        # a subject pronoun after the verb makes the party its object
        ("Am Montag kritisierte er die EU scharf.", {"EU": "IGOEU"}, []),
        # subject first, as before
        ("Die Regierung kritisierte die EU scharf.", {"Regierung": "DEUGOV", "EU": "IGOEU"}, [("ACCUSE", ("DEUGOV",), ("IGOEU",))]),
        # a party in the genitive after an event noun is no subject; after an officer it speaks through him
        ("Ein türkisches Gericht hat am Dienstag die Freilassung des inhaftierten Istanbuler Bürgermeisters Ekrem İmamoğlu abgelehnt.",
         {"türkisches Gericht": "TURJUD", "Bürgermeisters Ekrem İmamoğlu": "TUROPP"}, [("REJECT", ("TURJUD",), ("TUROPP",))]),
        ("Der Sprecher des Außenministeriums kritisierte Russland scharf.", {"Außenministeriums": "DEUGOV", "Russland": "RUS"},
         [("ACCUSE", ("DEUGOV",), ("RUS",))]),
    ],
)
def test_german_verb_second_order(text: str, actors: dict[str, str], expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _coded(text, actors, "de") == expected


@pytest.mark.parametrize(
    ("text", "actors", "lang", "expected"),
    [
        # a party after "a" right after the verb is its object, whoever stands where
        ("Ayer criticó duramente a Rusia el gobierno polaco.", {"Rusia": "RUS", "gobierno polaco": "POLGOV"}, "es",
         [("ACCUSE", ("POLGOV",), ("RUS",))]),
        ("El gobierno polaco criticó duramente a Rusia.", {"Rusia": "RUS", "gobierno polaco": "POLGOV"}, "es",
         [("ACCUSE", ("POLGOV",), ("RUS",))]),
        ("Ieri ha chiesto alla Russia il governo polacco di ritirare le truppe.", {"Russia": "RUS", "governo polacco": "POLGOV"}, "it", []),
        # "в адрес X" names the target
        ("В понедельник с резкой критикой в адрес Варшавы выступил МИД России.", {"Варшавы": "POLGOV", "МИД России": "RUSGOV"},
         "ru", [("ACCUSE", ("RUSGOV",), ("POLGOV",))]),
    ],
)
def test_a_party_after_a_verbs_object_marker_is_no_actor(text: str, actors: dict[str, str], lang: str,
                                                          expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _coded(text, actors, lang) == expected


@pytest.mark.parametrize(
    ("text", "actors", "lang", "expected"),
    [
        # a speaker named after the clause only reports the announced act of the parties before it
        (("Les deux parties retireront leurs troupes des positions avancées d'ici vendredi, a indiqué le service de presse du "
          "gouvernement kirghiz."), {"Les deux parties": "KGZ", "gouvernement kirghiz": "KGZGOV"}, "fr", [("AGREE", ("KGZ",), ())]),
    ],
)
def test_a_speaker_after_the_clause_only_reports_it(text: str, actors: dict[str, str], lang: str,
                                                     expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _coded(text, actors, lang) == expected


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # an accusation participle after a noun describes it: nobody in the sentence accuses, and the arrest is the event
        ("Iranian security forces have arrested dozens of people accused of spying for Israel since last June.",
         {"Iranian security forces": "IRNCOP", "dozens of people": "CVL", "Israel": "ISR"}, [("COERCE", ("IRNCOP",), ("CVL",))]),
        ("Police detained two men suspected of smuggling weapons for Hamas.", {"Police": "ISRCOP", "two men": "CVL", "Hamas": "PSEREB"},
         [("COERCE", ("ISRCOP",), ("CVL",))]),
        # with its object, or after an auxiliary, it is the verb
        ("Russia accused Ukraine of shelling the plant.", {"Russia": "RUS", "Ukraine": "UKR"}, [("ACCUSE", ("RUS",), ("UKR",))]),
    ],
)
def test_an_accusation_participle_after_a_noun_is_no_event(text: str, actors: dict[str, str],
                                                           expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    assert _coded(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # two confident acts of different types between one pair of parties are two events
        ("Estonia expelled a Russian diplomat and accused Moscow of interference.", {"Estonia": "EST", "Russian diplomat": "RUSGOV",
                                                                                     "Moscow": "RUSGOV"},
         {("SANCTION", ("EST",), ("RUSGOV",)), ("ACCUSE", ("EST",), ("RUSGOV",))}),
        # one act said twice stays one event
        ("Estonia condemned Moscow and accused the Russian government of interference.",
         {"Estonia": "EST", "Moscow": "RUSGOV", "Russian government": "RUSGOV"}, {("ACCUSE", ("EST",), ("RUSGOV",))}),
    ],
)
def test_a_pair_may_have_two_acts_of_different_types(text: str, actors: dict[str, str],
                                                     expected: set[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    coded = _coded(text, actors)
    assert set(coded) == expected and len(coded) == len(expected)


@pytest.mark.parametrize(("text", "actors", "lang", "accuser", "bystander"), [
    # what the actor accuses another party of is no act of the actor's, however far into the clause it stands
    (("Poland expelled three Russian diplomats, accusing Russian military intelligence of recruiting people to burn warehouses storing "
      "aid for Ukraine."), {"Poland": "POL", "Russian diplomats": "RUSGOV", "Russian military intelligence": "RUSSPY", "Ukraine": "UKR"},
     "en", "POL", "UKR"),
    ("La Russia accusa la Georgia di aver sparato colpi di mortaio nel territorio dell'Ossezia del Sud.",
     {"La Russia": "RUS", "la Georgia": "GEO", "Ossezia del Sud": "XSO"}, "it", "RUS", "XSO"),
])
def test_an_act_inside_an_allegation_is_not_the_accusers(text: str, actors: dict[str, str], lang: str, accuser: str, bystander: str) -> None:
    coded = _coded(text, actors, lang)
    assert any(event == "ACCUSE" and actor == (accuser,) for event, actor, _ in coded), coded
    assert not any(event != "ACCUSE" and actor == (accuser,) and recipient == (bystander,) for event, actor, recipient in coded), coded


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("de", "Russische Truppen hätten die Stadt angegriffen, teilte das ukrainische Verteidigungsministerium mit.", "UKRMIL"),
    ("ru", "Российские войска обстреляли город, заявили в ВСУ.", "UKRMIL"),
])
def test_the_speaker_of_a_report_is_not_the_target_of_the_act(lang: str, text: str, speaker: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert any(e.event == "ASSAULT" and e.actor[0].entity.code == "RUSMIL" for e in events)
    assert not any(m.entity is not None and m.entity.code == speaker for e in events for m in e.recipient)


def test_a_party_that_answers_an_accusation_stays_its_recipient() -> None:
    events = dyads.code_text("Russia accused Ukraine, which said it was not involved.", lang="en", date="2026-01-01")
    assert any(e.event == "ACCUSE" and [m.entity.code for m in e.recipient] == ["UKR"] for e in events)


# --- a speaker's verdict on a party is an accusation ("Rogozin said US policy is divide and rule"); the
# narrator's own verdict words, and verdicts with no party judged, are not
@pytest.mark.parametrize(("lang", "text", "actors", "expected"), [
    ("en", "The Russian foreign minister said Washington's policy in the region was a dangerous mistake.",
     {"Russian foreign minister": "RUSGOV", "Washington": "USAGOV"}, ("ACCUSE", ("RUSGOV",), ("USAGOV",))),
    ("en", "Washington's line on the talks is hypocritical, the Kremlin said.",
     {"Washington": "USAGOV", "Kremlin": "RUSGOV"}, ("ACCUSE", ("RUSGOV",), ("USAGOV",))),
    ("ru", "Лавров заявил, что политика Вашингтона в регионе является ошибкой.",
     {"Лавров": "RUSGOV", "Вашингтона": "USAGOV"}, ("ACCUSE", ("RUSGOV",), ("USAGOV",))),
    ("de", "Der Außenminister sagte, die Blockade durch Belgrad sei völkerrechtswidrig.",
     {"Außenminister": "ALBGOV", "Belgrad": "SRBGOV"}, ("ACCUSE", ("ALBGOV",), ("SRBGOV",))),
    ("it", "Il ministro ha detto che la decisione di Ankara è vergognosa.",
     {"ministro": "GRCGOV", "Ankara": "TURGOV"}, ("ACCUSE", ("GRCGOV",), ("TURGOV",))),
])
def test_a_verdict_said_of_a_party_accuses_it(lang: str, text: str, actors: dict[str, str],
                                              expected: tuple[str, tuple[str, ...], tuple[str, ...]]) -> None:
    assert expected in _coded(text, actors, lang)


@pytest.mark.parametrize(("lang", "text", "actors"), [
    # the narrator's verdict word: description, not an act
    ("en", "The illegal blockade by Belgrade entered its third week.", {"Belgrade": "SRBGOV"}),
    # said, but of no party
    ("en", "The Kremlin said the weather was dangerous for the convoy.", {"Kremlin": "RUSGOV"}),
    ("de", "Der Kreml sagte, die Lage sei gefährlich.", {"Kreml": "RUSGOV"}),
])
def test_a_verdict_without_a_judged_party_is_no_accusation(lang: str, text: str, actors: dict[str, str]) -> None:
    assert [e for e in _coded(text, actors, lang) if e[0] == "ACCUSE"] == []


@pytest.mark.parametrize(("lang", "text", "verdicts"), [
    ("en", "Lavrov said the plan was hypocritical.", ["hypocritical"]),
    ("en", "Lavrov called the plan hypocritical.", ["hypocritical"]),
    ("en", "The hypocritical plan failed.", []),  # no speaker
    ("en", "Schiff called on Obama to answer the meddling.", []),  # "called on" is a request, not a naming
    ("ru", "Захарова назвала заявление Госдепа лицемерным.", ["лицемерным"]),
    ("de", "Das ist alles rechtswidrig, sagte der Anwalt.", ["rechtswidrig"]),
    ("it", "Il portavoce ha detto che la mossa è irresponsabile.", ["irresponsabile"]),
    ("it", "Il portavoce ha definito la mossa una provocazione irresponsabile.", []),  # a lexicon trigger spans the verdict
])
def test_verdict_words_are_triggers_only_when_said(lang: str, text: str, verdicts: list[str]) -> None:
    lexicon, tokens = lexicon_for(lang), tokenize(text)
    triggers = lexicon.triggers.find(tokens)
    made = [h for h in evaluation_triggers(tokens, triggers, lexicon.cues.find(tokens)) if isinstance(h, Verdict)]
    assert [text[h.start : h.end] for h in made] == verdicts


@pytest.mark.parametrize(("text", "actors", "expected"), [
    # the brief's own example: a copula before a noun phrase is no passive
    ("Rogozin said US policy is divide and rule.", {"Rogozin": "RUSGOV", "US": "USA"}, ("ACCUSE", ("RUSGOV",), ("USA",))),
    ("The activists were arrested by the police.", {"activists": "CVL", "police": "COP"}, ("COERCE", ("COP",), ("CVL",))),
])
def test_an_english_passive_needs_a_participle(text: str, actors: dict[str, str], expected: tuple[str, tuple[str, ...], tuple[str, ...]]) -> None:
    assert expected in _coded(text, actors)


# --- an attack noun that heads a party's mention is the party's act; the party after its preposition the target
@pytest.mark.parametrize(("lang", "text", "attacker"), [
    ("en", "A Russian attack on Kyiv killed five people.", "RUSMIL"),
    ("en", "Israeli strikes on Gaza killed 20 people.", "ISRMIL"),
    ("it", "Un attacco russo contro Kiev ha ucciso tre civili.", "RUSMIL"),  # the country after the noun
    ("de", "Ein russischer Angriff auf Kiew hat fünf Menschen getötet.", "RUSMIL"),
    ("ru", "Российский удар по Киеву унёс жизни пяти человек.", "RUSMIL"),
    ("es", "Un ataque ruso contra Kiev mató a cinco personas.", "RUSMIL"),
])
def test_an_attack_noun_with_a_country_is_that_countrys_assault(lang: str, text: str, attacker: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert [(e.event, [m.entity.code for m in e.actor]) for e in events] == [("ASSAULT", [attacker])]


def test_a_party_joined_to_an_attack_noun_is_no_target() -> None:
    events = dyads.code_text("Новые ракеты сделают любой удар США или Израиля слишком дорогим.", lang="ru", date="2026-01-01")
    assert not any(e.event == "ASSAULT" for e in events)


@pytest.mark.parametrize(("lang", "text", "target"), [
    ("en", "Russia's strikes on Kyiv killed five people.", "Kyiv"),
    ("en", "The attack on Kyiv killed five people.", "Kyiv"),
    ("de", "Der Angriff auf Kiew hat fünf Menschen getötet.", "Kiew"),
])
def test_the_party_after_an_attack_and_its_preposition_is_no_actor(lang: str, text: str, target: str) -> None:
    events = dyads.code_text(text, lang=lang, date="2026-01-01")
    assert not any(m.text == target for e in events for m in e.actor)


@pytest.mark.parametrize(("text", "actors", "expected"), [
    ("The Secretary General condemned what he called a brazen breach of the resolutions.", {"Secretary General": "IGOUN"},
     ("ACCUSE", ("IGOUN",), ())),
    ("The minister demanded an apology, calling the remarks hypocritical.", {"minister": "FRAGOV"}, ("REQUEST", ("FRAGOV",), ())),
])
def test_a_verdict_after_the_speakers_own_act_only_comments_on_it(text: str, actors: dict[str, str],
                                                                  expected: tuple[str, tuple[str, ...], tuple[str, ...]]) -> None:
    assert _coded(text, actors) == [expected]


def test_a_verdict_is_only_its_speakers_act() -> None:
    # "illegal" is the court sources' word, nothing the judge did to the minister
    text = "The judge ordered the former minister to appear for questioning over illegal arms sales to Croatia, court sources said."
    result = dyads.classify_dyad(text, "judge", "former minister", lang="en")
    assert result.trigger_text is None or "illegal" not in result.trigger_text
