"""Trigger-lexicon coverage in German and Italian: inflected forms of the speech acts and acts news
reports most (third person plural, past, infinitives, German verb brackets longer than six words,
Italian passato remoto and irregular stems), each one a form the lexicon did not code before, and
words that look alike but report no such act (table-driven, with the shipped model)."""

from __future__ import annotations

import pytest

from dyads import code_text
from dyads.code.coder import DEFAULT_MODEL
from dyads.resolve.dates import act_is_future

# (lang, sentence, expected event type, an actor code, a recipient code or None for no recipient)
CODED = [
    ('de', 'Aktivisten machen Russland für den Angriff auf das Spital verantwortlich.', 'ACCUSE', 'NGO', 'RUS'),
    ('de', 'Nordkorea unterstellt den USA, einen Angriff vorzubereiten.', 'ACCUSE', 'PRK', 'USA'),
    ('de', 'Die Ukraine macht Russland für den Beschuss des Krankenhauses im Osten des Landes verantwortlich.', 'ACCUSE', 'UKR', 'RUS'),
    ('de', 'Die Opposition tadelte die Regierung.', 'ACCUSE', 'DEUOPP', 'DEUGOV'),
    ('de', 'Die Opposition gibt der Regierung die Schuld an der Krise.', 'ACCUSE', 'DEUOPP', 'DEUGOV'),
    ('de', 'Die Grünen lehnen den Vorschlag der Regierung ab.', 'REJECT', 'DEUPTY', 'DEUGOV'),
    ('de', 'Russland und Belarus bestreiten die Vorwürfe der Ukraine.', 'REJECT', 'RUS', 'UKR'),
    ('de', 'Der Kreml bestritt, dass es in Moskau Proteste gegeben habe.', 'REJECT', 'RUSGOV', None),
    ('de', 'Die Ukraine und Polen weisen die Vorwürfe Russlands zurück.', 'REJECT', 'UKR', 'RUS'),
    ('de', 'Die Türkei schloss eine Zusammenarbeit mit Syrien aus.', 'REJECT', 'TUR', 'SYR'),
    ('de', 'Die Opposition verwirft den Plan der Regierung.', 'REJECT', 'DEUOPP', 'DEUGOV'),
    ('de', 'Die EU-Kommission schmetterte die Klage Ungarns ab.', 'REJECT', 'IGOEU', 'HUN'),
    ('de', 'Die Gewerkschaften rufen die Regierung in Wien zu raschen Verhandlungen über die Löhne auf.', 'REQUEST', 'AUTLAB', 'AUTGOV'),
    ('de', 'Die Bauern pochen auf Hilfe der Regierung.', 'REQUEST', 'DEUAGR', 'DEUGOV'),
    ('de', 'Die Ukraine bittet die EU, mehr Munition zu liefern.', 'REQUEST', 'UKR', 'IGOEU'),
    ('de', 'Die USA und Japan warnen Nordkorea vor weiteren Raketentests.', 'THREATEN', 'USA', 'PRK'),
    ('de', 'Russland und China drohen den USA mit Gegenschlägen.', 'THREATEN', 'RUS', 'USA'),
    ('de', 'Russische Soldaten töten Zivilisten in der Ukraine.', 'ASSAULT', 'RUSMIL', 'UKRCVL'),
    ('de', 'Die USA ziehen ihre Truppen aus Syrien zurück.', 'RETREAT', 'USA', 'SYR'),
    ('de', 'Die Taliban lassen die Geiseln frei.', 'RETREAT', 'AFGGOV', 'CVL'),
    ('de', 'Frankreich und Deutschland stimmen dem Plan der EU-Kommission zu.', 'AGREE', 'FRA', 'IGOEU'),
    ('de', 'Die ungarische Polizei nimmt zwei Journalisten fest.', 'COERCE', 'HUNCOP', 'MED'),
    ('de', 'Die USA erkennen die neue Regierung in Kabul an.', 'SUPPORT', 'USA', 'AFGGOV'),
    ('it', 'Il Cremlino ha smentito le notizie di un incontro con Zelensky.', 'REJECT', 'RUSGOV', None),
    ('it', 'Il Senato boccia la proposta del governo.', 'REJECT', 'ITALEG', 'ITAGOV'),
    ('it', 'I partiti di opposizione bocciano la riforma del governo.', 'REJECT', 'ITAOPP', 'ITAGOV'),
    ('it', 'Mosca negò le accuse di Kiev.', 'REJECT', 'RUSGOV', None),
    ('it', 'Il governo italiano si oppose al piano della Commissione europea.', 'REJECT', 'ITAGOV', 'IGOEU'),
    ('it', "I Paesi Bassi si sono opposti all'ingresso della Bulgaria nell'area Schengen.", 'REJECT', 'NLD', 'BGR'),
    ('it', "Kiev ritiene Mosca responsabile dell'attacco alla centrale.", 'ACCUSE', 'UKRGOV', 'RUSGOV'),
    ('it', "L'Ucraina attribuisce la responsabilità dell'attacco alla Russia.", 'ACCUSE', 'UKR', 'RUS'),
    ('it', "La Russia dà la colpa all'Ucraina per l'attacco.", 'ACCUSE', 'RUS', None),
    ('it', 'Il sindacato contesta la decisione del governo.', 'ACCUSE', 'ITALAB', 'ITAGOV'),
    ('it', 'Zelensky chiese al governo tedesco di inviare carri armati.', 'REQUEST', 'UKRGOV', 'DEUGOV'),
    ('it', "L'Ucraina implora la NATO di inviare aiuti.", 'REQUEST', 'UKR', 'IGONATO'),
    ('it', 'La Cina mise in guardia gli Stati Uniti.', 'THREATEN', 'CHN', 'USA'),
    ('it', "La Germania invia armi all'Ucraina.", 'AID', 'DEU', 'UKR'),
    ('it', "Gli Stati Uniti inviano munizioni all'Ucraina.", 'AID', 'USA', 'UKR'),
    ('it', 'Hamas liberò gli ostaggi israeliani.', 'RETREAT', 'PSEREB', 'ISRCVL'),
    ('it', 'Il Niger rompe le relazioni con la Francia.', 'SANCTION', 'NER', 'FRA'),
    ('it', 'I soldati russi sparano sui civili ucraini.', 'ASSAULT', 'RUSMIL', 'UKRCVL'),
    ('it', 'Il soldato russo sparò sui civili ucraini.', 'ASSAULT', 'RUSMIL', 'UKRCVL'),
    ('it', "La Russia invade l'Ucraina.", 'ASSAULT', 'RUS', 'UKR'),
    ('it', 'I jihadisti rapiscono i turisti francesi.', 'ASSAULT', 'REB', 'FRACVL'),
    ('it', 'Putin incontrò Erdogan a Sochi.', 'CONSULT', 'RUSGOV', None),
    ('it', 'La Russia ritirò le truppe dalla Siria.', 'RETREAT', 'RUS', 'SYR'),
    ('it', 'Il governo russo proibisce le manifestazioni.', 'COERCE', 'RUSGOV', None),
]

# (lang, sentence, the event type it must not yield)
NOT_CODED = [
    ('de', 'Die Einheiten sind direkt dem russischen Verteidigungsministerium unterstellt.', 'ACCUSE'),
    ('de', 'Die Universitäten in Wien bieten sich für solche Studien an.', 'AGREE'),
    ('de', 'Die SPÖ versucht in Wien, um Stimmen zu werben.', 'AGREE'),
    ('de', 'Bei dem Unfall gab es nach Angaben der Wiener Polizei drei Verletzte.', 'CONCEDE'),
    ('it', 'I ladri erano entrati nella concessionaria della Fiat a Modena.', 'CONCEDE'),
    ('it', "Il ministro degli Esteri russo sostiene che l'Ucraina abbia torto.", 'SUPPORT'),
    ('it', 'Il governo italiano ha restaurato le chiese di Roma.', 'REQUEST'),
    ('it', 'I ladri colpiscono ancora a Modena.', 'ASSAULT'),
]


def _codes(mentions) -> list[str]:
    return [m.entity.code if m.entity else m.text for m in mentions]


@pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")
@pytest.mark.parametrize(("lang", "text", "event", "actor", "recipient"), CODED, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CODED)])
def test_inflected_trigger_form_is_coded(lang: str, text: str, event: str, actor: str, recipient: str | None) -> None:
    found = [(e.event, _codes(e.actor), _codes(e.recipient)) for e in code_text(text, lang=lang)]
    assert any(t == event and actor in a and (recipient in r if recipient else not r) for t, a, r in found), found


@pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")
@pytest.mark.parametrize(("lang", "text", "event"), NOT_CODED, ids=[f"{c[0]}-not-{c[2]}-{i}" for i, c in enumerate(NOT_CODED)])
def test_look_alike_word_is_not_that_event(lang: str, text: str, event: str) -> None:
    found = [e.event for e in code_text(text, lang=lang)]
    assert event not in found, found


@pytest.mark.parametrize(("text", "verb", "future"), [
    ("Putin incontrò Erdogan.", "incontrò", False),  # passato remoto of a stem in r, not a first-person future
    ("La Russia ritirò le truppe.", "ritirò", False),
    ("Il soldato sparò sui civili.", "sparò", False),
    ("Hamas liberò gli ostaggi.", "liberò", False),
    ("Domani attaccherò la città.", "attaccherò", True),
    ("Non libererò gli ostaggi.", "libererò", True),
    ("La Russia sospenderà le forniture.", "sospenderà", True),
])
def test_italian_past_in_ro_is_not_future(text: str, verb: str, future: bool) -> None:
    start = text.index(verb)
    assert act_is_future(text, start, start + len(verb), "it") is future
