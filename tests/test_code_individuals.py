"""Unnamed people ("a man", "una donna", "мужчина") as actors: their country, and the criminal role
that attacking someone or being arrested by the police gives them."""

from __future__ import annotations

import pytest

import dyads
from dyads.code.coder import DEFAULT_MODEL
from dyads.ingest import document_from_text
from dyads.model import Processed
from dyads.pipeline import Pipeline

pytestmark = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")


def _events(text: str, lang: str) -> list[tuple[str, tuple[str | None, ...], tuple[str | None, ...]]]:
    events = dyads.code_text(text, lang=lang, date="2026-11-20")
    return [(e.event, tuple(m.entity.code if m.entity else None for m in e.actor),
             tuple(m.entity.code if m.entity else None for m in e.recipient)) for e in events]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # arrested or sentenced by the police or a court: a criminal (CRM), of the country where it happens
    ("en", "Police arrested a man in Houston on Tuesday.", ("COERCE", ("USACOP",), ("USACRM",))),
    ("de", "Die Polizei hat in Graz einen Mann festgenommen.", ("COERCE", ("AUTCOP",), ("AUTCRM",))),
    ("ru", "Полиция задержала мужчину в Москве.", ("COERCE", ("RUSCOP",), ("RUSCRM",))),
    ("fr", "La police a arrêté un homme à Lyon.", ("COERCE", ("FRACOP",), ("FRACRM",))),
    ("es", "La policía detuvo a un hombre en Sevilla.", ("COERCE", ("ESPCOP",), ("ESPCRM",))),
    # the attacker is a criminal, the person attacked a civilian: two people of one code are no self-dyad
    ("en", "A man stabbed a woman in Houston on Monday.", ("ASSAULT", ("USACRM",), ("USACVL",))),
    ("it", "Un uomo ha accoltellato la moglie a Napoli.", ("ASSAULT", ("ITACRM",), ("ITACVL",))),
    ("ru", "В Казани мужчина напал на женщину с ножом.", ("ASSAULT", ("RUSCRM",), ("RUSCVL",))),
    # an unnamed person and a group of its code are two parties, not one mention ("einen Passanten")
    ("de", "Ein 39-Jähriger hat in Graz einen Passanten mit einem Messer verletzt.", ("ASSAULT", ("AUTCRM",), ("AUTCVL",))),
    # a story in Italian that names no place is set in Italy (dyads/lang/it/home.txt)
    ("it", "I carabinieri hanno arrestato un uomo.", ("COERCE", ("ITACOP",), ("ITACRM",))),
    # "police in Houston" is one party, read like "Houston police"
    ("en", "Police in Houston arrested a man on Tuesday.", ("COERCE", ("USACOP",), ("USACRM",))),
    # an age is a person: "un 32enne", "einen 39-Jährigen", "a 39-year-old" ({N} forms in sectors.tsv)
    ("it", "La polizia municipale ha arrestato a Carpi un 32enne.", ("COERCE", ("ITACOP",), ("ITACRM",))),
    ("it", "Il 18enne è stato fermato dai carabinieri.", ("COERCE", ("ITACOP",), ("ITACRM",))),  # "Il" is no town in Kenya
    ("de", "Die Polizei hat in Graz einen 39-Jährigen festgenommen.", ("COERCE", ("AUTCOP",), ("AUTCRM",))),
    ("en", "Police in Houston arrested a 39-year-old on Tuesday.", ("COERCE", ("USACOP",), ("USACRM",))),
    # a person named by nationality is of that country, wherever it happens ("a Briton", "россиянин")
    ("ru", "Полиция Турции задержала россиянина.", ("COERCE", ("TURCOP",), ("RUSCRM",))),
    ("de", "Eine Russin wurde in Wien von der Polizei festgenommen.", ("COERCE", ("AUTCOP",), ("RUSCRM",))),
    ("fr", "La police a arrêté un Russe à Paris.", ("COERCE", ("FRACOP",), ("RUSCRM",))),
    ("en", "Gunmen kidnapped a Briton in Mali.", ("ASSAULT", ("UAF",), ("GBRCVL",))),
])
def test_unnamed_people_and_their_roles(lang: str, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _events(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # named groups keep their sector: protesters arrested are civilians, not criminals
    ("en", "Police in Houston arrested three protesters on Tuesday.", ("COERCE", ("USACOP",), ("USACVL",))),
])
def test_groups_keep_their_sector(lang: str, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _events(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A man visited the museum in Paris on Sunday."),
    ("de", "Drei Männer besuchten am Sonntag das Museum in Wien."),
    ("ru", "Женщину обвинили в краже в Москве."),  # the woman is acted on: no actor of her own
    ("it", "La donna ha raccontato tutto al ragazzo che la aspettava davanti alla scuola."),  # two people, no crime
])
def test_an_unnamed_person_alone_is_coded_only_as_an_attacker(lang: str, text: str) -> None:
    assert _events(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "mention", "code"), [
    # English has no home country: no country without a place
    ("en", "A man was arrested after a robbery on Monday evening, a spokesman said.", "man", "CVL"),
    ("it", "Un uomo è stato arrestato dopo una rapina lunedì sera, ha detto un portavoce.", "uomo", "ITACVL"),
    ("de", "Die Polizei sucht nach dem Überfall vom Montagabend einen Mann mit grauer Jacke.", "Mann", "DEUCVL"),
    # a place named in the story outweighs the language's home country
    ("it", "A Parigi la polizia ha fermato un uomo dopo una rapina in una gioielleria.", "uomo", "FRACVL"),
])
def test_an_unnamed_person_takes_the_country_of_the_story(lang: str, text: str, mention: str, code: str) -> None:
    pipeline = Pipeline(stages=("clean", "language", "segment", "recognize"))
    (item,) = pipeline.run_batch([Processed(document_from_text(text, lang=lang, published="2026-11-21"))])
    found = {m.text: (m.entity.code, m.entity.kind) for m in item.mentions if m.kind == "actor" and m.entity}
    assert found.get(mention) == (code, "individual"), found


def test_a_subject_pronoun_continues_the_unnamed_person_of_the_sentence_before() -> None:
    events = _events("A man stabbed a shopkeeper in Houston on Monday. He was arrested by police an hour later.", "en")
    assert ("COERCE", ("USACOP",), ("USACRM",)) in events


def test_a_court_hearing_of_violence_is_no_assault_by_the_court() -> None:
    events = _events("Davanti al giudice il 40enne deve rispondere dell'accusa di violenza sessuale sulla moglie.", "it")
    assert ("ASSAULT", ("ITACRM",), ("ITACVL",)) in events
    assert not [e for e in events if e[0] == "ASSAULT" and any(code and code.endswith("JUD") for code in e[1])]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a name the knowledge base does not list, introduced with an age (lang/<xx>/ages.tsv) ...
    ("it", "Mario Rossi, 32 anni, è stato arrestato ieri a Modena.", ("COERCE", ("ITACOP",), ("ITACRM",))),
    ("de", "Hasan E. (23) wurde am Flughafen von Chicago festgenommen.", ("COERCE", ("USACOP",), ("USACRM",))),
    ("fr", "Jean Dupont, 45 ans, a été arrêté à Lyon.", ("COERCE", ("FRACOP",), ("FRACRM",))),
    # ... or right after the word for the person ("the suspect Andrew Lopez", "il 32enne Mario Rossi")
    ("it", "I carabinieri hanno arrestato a Modena il 32enne Mario Rossi.", ("COERCE", ("ITACOP",), ("ITACRM",))),
    ("en", "Police in Houston arrested the 18-year-old suspect Andrew Lopez.", ("COERCE", ("USACOP",), ("USACRM",))),
    ("ru", "53-летняя Анна Петрова была арестована в Казани.", ("COERCE", ("RUSCOP",), ("RUSCRM",))),
])
def test_a_named_person_the_kb_does_not_list_is_an_individual(lang: str, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _events(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a later surname refers back to the named person, who keeps the country of the first mention
    ("it", "Mario Rossi, 32 anni, vive a Modena. Ieri Rossi è stato condannato a otto anni.", ("COERCE", ("ITAJUD",), ("ITACRM",))),
    ("en", "The suspect Andrew Lopez was charged on Monday. Police in Houston arrested Lopez on Tuesday.",
     ("COERCE", ("USACOP",), ("USACRM",))),
    ("de", "Der 23-jährige Hasan E. lebte in Chicago. Hasan E. wurde am Flughafen festgenommen.", ("COERCE", ("USACOP",), ("USACRM",))),
])
def test_a_later_surname_is_the_named_person(lang: str, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _events(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Dahinter rangieren Nordrhein-Westfalen (17), Baden-Württemberg (10) und Bayern (8)."),  # counts, not ages
    ("en", "It runs on Windows XP, Vista, 7, 8 and 10."),  # a list of numbers
    ("de", "Der Angeklagte (45) schwieg."),  # a German noun, not a name
    ("de", "Die 20-jährige Soldatin erlitt Stichwunden."),  # a capitalised German noun after the age is no name
    ("en", "A 39-year-old Troy man was arrested."),  # the capitalised word before the person word is a place
])
def test_no_named_person_in(lang: str, text: str) -> None:
    pipeline = Pipeline(stages=("clean", "language", "segment", "recognize"))
    (item,) = pipeline.run_batch([Processed(document_from_text(text, lang=lang, published="2026-11-21"))])
    named = [m.text for m in item.mentions if m.kind == "actor" and m.rule in ("kb:aged-name", "kb:individual+name")]
    assert named == []


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a court or police word too generic alone is a party with the place it sits in
    ("it", "Il tribunale di Bologna ha condannato un 32enne a tre anni.", "ITAJUD"),
    ("it", "Il tribunale di Modena ha condannato un 32enne a tre anni.", "ITAJUD"),  # a town the place finder passes over
    ("en", "A court in Istanbul sentenced a 32-year-old man to three years.", "TURJUD"),
    ("ru", "Суд в Казани приговорил мужчину к трем годам.", "RUSJUD"),
    ("de", "Ein Gericht in München verurteilte einen 39-Jährigen.", "DEUJUD"),
])
def test_a_court_with_its_seat_is_a_party(lang: str, text: str, expected: str) -> None:
    assert expected in {code for _, actors, _ in _events(text, lang) for code in actors}


def test_a_court_without_a_seat_is_no_party() -> None:
    pipeline = Pipeline(stages=("clean", "language", "segment", "recognize"))
    (item,) = pipeline.run_batch([Processed(document_from_text("The court said nothing new.", lang="en", published="2026-11-21"))])
    assert [m.text for m in item.mentions if m.kind == "actor"] == []


def test_a_name_with_a_turkish_capital_is_whole() -> None:
    pipeline = Pipeline(stages=("clean", "language", "segment", "recognize"))
    text = "Il sindaco Ekrem İmamoğlu ha protestato."
    (item,) = pipeline.run_batch([Processed(document_from_text(text, lang="it", published="2026-11-21"))])
    assert "sindaco Ekrem İmamoğlu" in [m.text for m in item.mentions if m.kind == "actor"]


def test_a_named_opposition_politician_is_a_party_who_answers_the_court() -> None:
    """'opposition politician Davit Melikishvili' is one named person; later 'Melikishvili' alone is him, and his
    denial answers the court that sentenced him."""
    events = _events("TBILISI, June 16, 2026 - A Tbilisi court on Tuesday sentenced opposition politician Davit Melikishvili "
                     "to four years in prison. Melikishvili, who leads a small party, denied the charges throughout the trial.", "en")
    assert ("COERCE", ("GEOJUD",), ("GEOOPP",)) in events
    assert ("REJECT", ("GEOOPP",), ("GEOJUD",)) in events
