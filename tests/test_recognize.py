"""Recognize: actors, places and times together; bare agents take the country of their place."""

from __future__ import annotations

import pytest

from dyads.ingest import document_from_text
from dyads.model import Processed
from dyads.pipeline import Pipeline


@pytest.fixture(scope="module")
def recognizer() -> Pipeline:
    return Pipeline(stages=("clean", "language", "segment", "recognize"))


CASES = [
    # (lang, text, mention text, expected actor code)
    ("de", "TIFLIS, 21. November — Tausende protestierten. Die Polizei setzte Wasserwerfer ein.", "Polizei", "GEOCOP"),
    ("en", "Police detained dozens of protesters in Minsk on Sunday, witnesses said.", "Police", "BLRCOP"),
    ("es", "La policía detuvo a varios periodistas en Bakú el martes.", "policía", "AZECOP"),
    ("en", "Russian troops shelled the outskirts of Kharkiv on Monday.", "Russian troops", "RUSMIL"),
    ("en", "Police said the rally was peaceful.", "Police", "COP"),
    # no place, but the document keeps naming one country: its police are that country's
    ("en", "Pakistan's supreme court freed Asia Bibi. Pakistan's government said it would appeal. Police guarded the court.",
     "Police", "PAKCOP"),
    ("en", "Russia accused Ukraine. Police said the rally was peaceful.", "Police", "COP"),  # no country dominates
    # an earlier mention of the same sector tied to a country beats the dateline ...
    ("de", "Dschidda, 22. Oktober (dpa) – Vertreter der sudanesischen Armee und der RSF verhandeln. Die RSF stimmten zu. "
           "Saudische Diplomaten vermitteln. Die Gespräche dauern an. Die Armee lehnte ab.", "Armee", "SDNMIL"),
    # ... but not a place right next to the agent
    ("en", "Sudan's army shelled Omdurman. In Khartoum, police detained dozens of protesters.", "police", "SDNCOP"),
    # the place it is of makes one party with it ("Police in Minsk" reads like "Minsk police")
    ("en", "Russian police detained two activists. Police in Minsk dispersed a rally.", "Police in Minsk", "BLRCOP"),
    # a headline's bare agent: not the place across the dash, but the same sector named in the lead
    ("de", "Gespräche in Dschidda – Armee lehnt Waffenruhe ab\n\nDschidda, 22. Oktober (dpa) – Die sudanesische Armee lehnte "
           "den Vorschlag der RSF ab.", "Armee", "SDNMIL"),
    # a bare head of state is the dateline's country's, not of where he is or whom he meets ...
    ("de", "Wien – Der Bundespräsident traf am Montag in Berlin Bundeskanzlerin Merkel.", "Bundespräsident", "AUTGOV"),
    # ... and no actor when nothing says which country's
    ("en", "The president met the German chancellor in Paris on Tuesday.", "president", None),
    # a word whose sector the story decides (context_sectors.tsv): the carabinieri's "militari", the police's "Beamten"
    ("it", "I carabinieri di Sassuolo hanno condotto il blitz. I militari hanno arrestato un 40enne.", "militari", "ITACOP"),
    ("it", "Il ministro ha parlato dei militari italiani in Libano.", "militari italiani", "ITAMIL"),
    ("de", "Die Polizei wurde gerufen. Die Beamten nahmen den Mann in Graz fest.", "Beamten", "AUTCOP"),
    # ... and "the administration" in a story that names one is that country's government
    ("en", "The Obama administration accused Russia of hacking. The administration also blamed Moscow for a second hack.",
     "administration", "USAGOV"),
    # a short name two states share: the one the story names outright (kb/data/shared_names.tsv)
    ("en", "Delegations of the Democratic Republic of Congo and the M23 met in Doha. Congo's government accused the rebels.",
     "Congo's government", "CODGOV"),
    ("en", "Congo's government accused Rwanda of backing rebels, officials in Brazzaville said.", "Congo's government", "COGGOV"),
    # capitalised function words are no places: "Poi" is not Tibet, so the thief is Italian like the carabinieri
    ("it", "Poi i carabinieri hanno arrestato il ladro.", "ladro", "ITACRM"),
    # a person the KB does not list, named with an office, is of the story's country too
    ("en", "Rep. Jason Testfield spoke in Ohio on Monday. Police in Ohio and Texas made arrests.", "Rep. Jason Testfield", "USALEG"),
    # ... not of the party he speaks of later in his sentence, only of the one his name is apposed to
    ("de", "Bundesinnenminister Erich Testmann warf Moskau vor, die Bevölkerung verunsichern zu wollen.", "Bundesinnenminister Erich Testmann",
     "GOV"),
    ("de", "Oppositionsführerin Swetlana Tichanowskaja begrüßte die Entscheidung aus Brüssel.", "Oppositionsführerin", "BLROPP"),
    # a town called The Hill gives no country to Congress
    ("en", "Officials in Ohio said the department sent letters to the Hill after lawmakers demanded answers.", "lawmakers", "USALEG"),
    # a party name several countries share is the party of the story's country (kb/data/shared_party_names.tsv)
    ("de", "Die Regierung in Wien plant Kürzungen. In Österreich kritisierten die Grünen den Plan. Auch in Graz gab es Kritik.",
     "die Grünen", "AUTPTY"),
    ("de", "In Berlin kritisierten die Grünen den Plan der Bundesregierung.", "die Grünen", "DEUPTY"),
]


@pytest.mark.parametrize(("lang", "text", "mention", "code"), [
    # an attack with a country stands for its military
    ("en", "Israeli air strikes killed 12 people in Gaza.", "Israeli air strikes", "ISRMIL"),
    ("it", "Quattro civili sono stati uccisi in un attacco russo su Kharkiv.", "attacco russo", "RUSMIL"),
    ("de", "Bei israelischen Luftangriffen wurden zwölf Menschen getötet.", "israelischen Luftangriffen", "ISRMIL"),
    ("ru", "В результате российского удара по Харькову погибли четыре человека.", "российского удара", "RUSMIL"),
    ("it", "Il governo della Repubblica democratica del Congo ha accusato il Ruanda.", "governo della Repubblica democratica del Congo", "CODGOV"),
    ("it", "Giordania ed Emirati arabi uniti hanno inviato aiuti.", "Emirati arabi uniti", "ARE"),
    ("de", "Das türkische Justizministerium wies die Kritik zurück.", "türkische Justizministerium", "TURGOV"),
    ("de", "Kremlsprecher Dmitri Peskow wies die Vorwürfe zurück.", "Kremlsprecher", "RUSGOV"),
    ("en", "Officials at the Federal Reserve said rates would stay unchanged.", "Federal Reserve", "USAGOV"),  # no place "Federal"
    ("ru", "Минфин России заявил, что бюджет будет исполнен.", "Минфин России", "RUSGOV"),
    ("it", "Ieri le Rsf hanno bombardato un campo per sfollati.", "Rsf", "SDNREB"),  # acronyms in title case
    ("es", "Las Farc firmaron el acuerdo de paz.", "Farc", "COLREB"),
    ("ru", "Профсоюз пилотов угрожает забастовкой, сообщили в Москве.", "Профсоюз", "RUSLAB"),  # a trade union alone is a party
    # an institution with an adjective before its country
    ("it", "Il Tribunale speciale di Baghdad ha confermato la condanna.", "Tribunale speciale di Baghdad", "IRQJUD"),
    ("fr", "La Cour constitutionnelle de Moldavie a annulé le scrutin.", "Cour constitutionnelle de Moldavie", "MDAJUD"),
])
def test_actor_names_in_their_usual_spellings(recognizer: Pipeline, lang: str, text: str, mention: str, code: str) -> None:
    (item,) = recognizer.run_batch([Processed(document_from_text(text, lang=lang, published="2026-11-21"))])
    actors = {m.text: m.entity.code for m in item.mentions if m.kind == "actor" and m.entity}
    assert actors.get(mention) == code, actors


@pytest.mark.parametrize(("lang", "text", "mention", "code"), CASES)
def test_bare_agents_take_the_country_of_their_place(recognizer: Pipeline, lang: str, text: str, mention: str, code: str) -> None:
    doc = document_from_text(text, lang=lang, published="2026-11-21")
    (item,) = recognizer.run_batch([Processed(doc)])
    actors = {m.text: m.entity.code for m in item.mentions if m.kind == "actor" and m.entity}
    assert actors.get(mention) == code, actors


def test_place_read_as_location_is_not_an_actor(recognizer: Pipeline) -> None:
    doc = document_from_text("The ministers met in Moscow on Tuesday. Moscow said the talks were useful.", lang="en", published="2026-11-20")
    (item,) = recognizer.run_batch([Processed(doc)])
    kinds = [(m.kind, m.start) for m in item.mentions if m.text == "Moscow"]
    assert kinds == [("place", 21), ("actor", 40)]


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("it", "Il furto è avvenuto in via Roma a Carpi.", "Roma"),  # a street, not the Italian government
    ("de", "Der Frieden in der Region bleibt brüchig.", "Frieden"),  # peace, not Luxembourg's prime minister
    # a dateline after a teaser on the same line is where the story was filed, not the Austrian government
    ("de", "Die Gewerkschaft fordert mehr Transparenz bei Verträgen. Wien – Die Regierung lehnte die Forderung ab.", "Wien"),
    ("ru", "Её задержали в Москве.", "Её"),  # a pronoun, not the town of Yei
])
def test_words_that_are_no_actors(recognizer: Pipeline, lang: str, text: str, word: str) -> None:
    (item,) = recognizer.run_batch([Processed(document_from_text(text, lang=lang, published="2026-11-21"))])
    assert all(word not in m.text for m in item.mentions if m.kind == "actor"), item.mentions
    assert all(word not in m.text for m in item.mentions if m.kind == "place" and m.rule != "place:dateline"), item.mentions


@pytest.mark.parametrize(("lang", "text", "mention", "code"), [
    # no publication date: the dateline's date decides which office a person held
    ("ru", "МОСКВА, 11 июля 2019. Навальный заявил, что задержания были незаконными.", "Навальный", "RUSOPP"),
    ("en", "MOSCOW, July 11, 2019 (Reuters) - Navalny said the arrests were illegal.", "Navalny", "RUSOPP"),
])
def test_a_document_without_date_is_read_at_its_dateline_date(recognizer: Pipeline, lang: str, text: str, mention: str, code: str) -> None:
    (item,) = recognizer.run_batch([Processed(document_from_text(text, lang=lang))])
    actors = {m.text: m.entity.code for m in item.mentions if m.kind == "actor" and m.entity}
    assert actors.get(mention) == code, actors
