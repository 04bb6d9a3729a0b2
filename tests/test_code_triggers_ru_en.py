"""Trigger-lexicon coverage in Russian and English: verb forms and phrasal verbs of the speech acts
and acts news reports most (other tenses, genders, aspects, reflexive forms, 'hit back at', 'denying
the charges', 'backs down') are coded, and look-alike words and fixed phrases are not.

Every positive sentence below was coded wrongly or not at all before these forms were added to
``dyads/lang/{ru,en}/triggers.tsv``. The sentences are invented for these tests."""

from __future__ import annotations

import pytest

import dyads
from dyads.code.coder import DEFAULT_MODEL

pytestmark = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")

Event = tuple[str, tuple[str | None, ...], tuple[str | None, ...]]


def _events(text: str, lang: str) -> list[Event]:
    return [(e.event, tuple(m.entity.code if m.entity else None for m in e.actor),
             tuple(m.entity.code if m.entity else None for m in e.recipient))
            for e in dyads.code_text(text, lang=lang, date="2026-11-20")]


def _has(events: list[Event], event: str, actor: str, recipient: str | None) -> bool:
    return any(kind == event and actor in actors and (recipient in recipients if recipient else not recipients)
               for kind, actors, recipients in events)


@pytest.mark.parametrize(("lang", "text", "event", "actor", "recipient"), [
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
])
def test_a_news_form_of_the_verb_is_coded(lang: str, text: str, event: str, actor: str, recipient: str | None) -> None:
    events = _events(text, lang)
    assert _has(events, event, actor, recipient), events


@pytest.mark.parametrize(("lang", "text", "not_coded"), [
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
])
def test_a_look_alike_is_not_that_event(lang: str, text: str, not_coded: str) -> None:
    events = _events(text, lang)
    assert not_coded not in {kind for kind, _, _ in events}, events
