"""Trigger-lexicon coverage in German, Italian, Russian and English: the inflected forms and phrasal
verbs of the speech acts and acts news reports most (third person plural, past tenses, infinitives,
German verb brackets longer than six words, Italian passato remoto, Russian genders, aspects and
reflexive forms, "hit back at", "denying the charges") are coded, and words that look alike but report
no such act are not. Every positive sentence was coded wrongly or not at all before its forms were added
to ``dyads/lang/{de,it,ru,en}/triggers.tsv``; the sentences are invented for these tests."""

from __future__ import annotations

import pytest

import dyads
from dyads.code.coder import DEFAULT_MODEL
from dyads.resolve.dates import act_is_future

needs_model = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")

Event = tuple[str, tuple[str | None, ...], tuple[str | None, ...]]

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
    # ru: 'опроверг' is a negation cue too; as a denial (mode deny) it is coded, not negated away
    ("ru", "Министерство иностранных дел России опроверг заявление Киева.", "REJECT", "RUSGOV", "UKRGOV"),
    ("ru", "Кремль опроверг сообщения о переговорах.", "REJECT", "RUSGOV", None),
    ("ru", "Пресс-секретарь Кремля Дмитрий Песков опроверг сообщения о встрече с Зеленским.", "REJECT", "RUSGOV", None),
    ("ru", "Иран отметает обвинения Израиля.", "REJECT", "IRN", "ISR"),
    ("ru", "Премьер-министр Венгрии противится санкциям против России.", "REJECT", "HUNGOV", "RUS"),
    ("ru", "Армения воспротивилась решению ОДКБ.", "REJECT", "ARM", "IGOCSTO"),
    ("ru", "Россия применила вето на резолюцию США.", "REJECT", "RUS", "USA"),
    ("ru", "Лавров винит Вашингтон в эскалации конфликта.", "ACCUSE", "RUSGOV", "USAGOV"),
    ("ru", "Зеленский возмутился решением Венгрии.", "ACCUSE", "UKRGOV", "HUN"),
    ("ru", "Москва раскритикует решение Евросоюза.", "ACCUSE", "RUSGOV", "IGOEU"),
    ("ru", "Москва выразила разочарование решением Берлина.", "ACCUSE", "RUSGOV", "DEUGOV"),
    ("ru", "Литва клеймит Белоруссию за провокации.", "ACCUSE", "LTU", "BLR"),
    ("ru", "Киев подозревали в срыве переговоров с Москвой.", "ACCUSE", "UKRGOV", "RUSGOV"),
    ("ru", "Вашингтон призовет Пекин к сдержанности.", "REQUEST", "USAGOV", "CHNGOV"),
    ("ru", "Китай пригласит Путина на саммит.", "REQUEST", "CHN", "RUSGOV"),
    ("ru", "Польша финансирует оборону Украины.", "AID", "POL", "UKR"),
    ("ru", "Израиль финансировал оппозицию Ирана.", "AID", "ISR", "IRNOPP"),
    ("ru", "Литва приостанавливает транзит в Калининград.", "SANCTION", "LTU", None),
    ("ru", "Правительство Франции запрещает акции протеста.", "COERCE", "FRAGOV", None),
    ("ru", "Россия бомбит Харьков.", "ASSAULT", "RUS", "UKR"),
    ("ru", "Россия перебрасывает войска к границе Украины.", "MOBILIZE", "RUS", "UKR"),
    ("ru", "Франция подписывает соглашение с Индией.", "SUPPORT", "FRA", "IND"),
    # en: phrasal verbs, -s/-ing forms and verbs of these types that had no row
    ("en", "The Kremlin hit back at the British prime minister over the new sanctions.", "ACCUSE", "RUSGOV", "GBRGOV"),
    ("en", "Erdogan lashed out at the Swedish government on Tuesday.", "ACCUSE", "TURGOV", "SWEGOV"),
    ("en", "The Iranian foreign ministry took aim at the French president.", "ACCUSE", "IRNGOV", "FRAGOV"),
    ("en", "Germany took issue with Hungary over the veto.", "ACCUSE", "DEU", "HUN"),
    ("en", "Ukraine's president chided NATO for its caution.", "ACCUSE", "UKRGOV", "IGONATO"),
    ("en", "France censured Iran over the detention.", "ACCUSE", "FRA", "IRN"),
    ("en", "Serbia's president vilified the Kosovo government.", "ACCUSE", "SRBGOV", "XKXGOV"),
    ("en", "The Polish president berated the German chancellor.", "ACCUSE", "POLGOV", "DEUGOV"),
    ("en", "Washington holds Tehran responsible for the attack.", "ACCUSE", "USAGOV", "IRNGOV"),
    ("en", "Washington will hold Moscow accountable for the poisoning.", "ACCUSE", "USAGOV", "RUSGOV"),
    ("en", "Beijing pushed back against the European Union over its tariff plan.", "REJECT", "CHNGOV", "IGOEU"),
    ("en", "Armenia is ruling out talks with Azerbaijan.", "REJECT", "ARM", "AZE"),
    ("en", "Germany is denying the claims by Russia.", "REJECT", "DEU", "RUS"),
    ("en", "Netanyahu refuted the claims by Hamas.", "REJECT", "ISRGOV", "PSEREB"),
    ("en", "The Kremlin denied reports of a meeting with Zelensky.", "REJECT", "RUSGOV", None),
    ("en", "Zelensky implored NATO to send more jets.", "REQUEST", "UKRGOV", "IGONATO"),
    ("en", "Zelensky begged NATO for more air defence.", "REQUEST", "UKRGOV", "IGONATO"),
    ("en", "Hungary gives in to EU pressure over Ukraine.", "CONCEDE", "HUN", "IGOEU"),
    ("en", "Serbia is easing sanctions on Kosovo.", "RETREAT", "SRB", "XKX"),
    ("en", "Iran cuts ties with Bahrain.", "SANCTION", "IRN", "BHR"),
    ("en", "Israel carried out strikes against Hezbollah.", "ASSAULT", "ISR", "LBNREB"),
    ("en", "Poland is sending tanks to Ukraine.", "AID", "POL", "UKR"),
    ("en", "Moscow is dispatching warships to the Black Sea.", "MOBILIZE", "RUSGOV", None),
    ("en", "Ukraine's prime minister is speaking with the Polish prime minister.", "CONSULT", "UKRGOV", None),
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
    # having the right of veto is no veto; declining to comment is no refusal
    ("ru", "Россия обладает правом вето в Совете Безопасности ООН.", "REJECT"),
    ("ru", "Франция имеет право вето в Совете Безопасности.", "REJECT"),
    ("ru", "Кремль, отказавшись от комментариев, перенес брифинг.", "REJECT"),
    # 'исключают' of facts that rule something out, tourists visiting, stepping back from principles
    ("ru", "Последние действия России исключают любые попытки примирения с Западом.", "REJECT"),
    ("ru", "Китайские туристы ежегодно посещают Россию.", "CONSULT"),
    ("ru", "Правительство Германии не отступает от своих принципов.", "RETREAT"),
    # neither confirming nor denying, settling without admitting or denying
    ("en", "The Russian defence ministry would neither confirm nor deny reports of a deal with Iran.", "REJECT"),
    ("en", "Without admitting or denying the allegations, the Chinese company settled with the US government.", "REJECT"),
    ("en", "Without admitting or denying the allegations, the Chinese company settled with the US government.", "ACCUSE"),
    # figures coming back down, a market provided, speaking with an accent
    ("en", "Chinese exports came back down to the level of 2019.", "CONCEDE"),
    ("en", "Russia provides a market for Chinese cars.", "AID"),
    ("en", "The Chinese foreign minister speaks with a strong accent.", "CONSULT"),
]


def _events(text: str, lang: str) -> list[Event]:
    return [(e.event, tuple(m.entity.code if m.entity else None for m in e.actor),
             tuple(m.entity.code if m.entity else None for m in e.recipient))
            for e in dyads.code_text(text, lang=lang, date="2026-11-20")]


@needs_model
@pytest.mark.parametrize(("lang", "text", "event", "actor", "recipient"), CODED, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CODED)])
def test_a_news_form_of_the_verb_is_coded(lang: str, text: str, event: str, actor: str, recipient: str | None) -> None:
    events = _events(text, lang)
    assert any(kind == event and actor in actors and (recipient in recipients if recipient else not recipients)
               for kind, actors, recipients in events), events


@needs_model
@pytest.mark.parametrize(("lang", "text", "not_coded"), NOT_CODED, ids=[f"{c[0]}-not-{c[2]}-{i}" for i, c in enumerate(NOT_CODED)])
def test_a_look_alike_is_not_that_event(lang: str, text: str, not_coded: str) -> None:
    events = _events(text, lang)
    assert not_coded not in {kind for kind, _, _ in events}, events


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
