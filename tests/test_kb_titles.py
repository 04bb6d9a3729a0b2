"""Office titles (``dyads/lang/<xx>/titles.tsv``): deputies and vice titles, ministers by portfolio and
other offices named with a person, in each language's case and gender forms; and coreference, where
a deputy is no antecedent of the head's bare title ("the president", "the minister")."""

from __future__ import annotations

import pytest

from dyads.config import Config
from dyads.kb import KnowledgeBase, load_kb

DATE = "2026-11-20"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(Config.load(actor_files=()))


def mentions(kb: KnowledgeBase, text: str, lang: str) -> dict[str, str | None]:
    return {m.text: m.entity.code for m in kb.find_mentions(text, lang, DATE)}


CASES = [
    # lang, sentence, mention (the whole title with the name), code
    ("en", "US Vice President Aaron Whitfield arrived in Warsaw on Monday.", "US Vice President Aaron Whitfield", "USAGOV"),
    ("en", "Russian Deputy Prime Minister Oleg Varlamov said the deal was ready.", "Russian Deputy Prime Minister Oleg Varlamov", "RUSGOV"),
    ("en", "Kazakh Deputy Defense Minister Aidar Nurlanov met the delegation.", "Kazakh Deputy Defense Minister Aidar Nurlanov", "KAZMIL"),
    ("en", "Chinese Vice Foreign Minister Li Wenbo visited Hanoi.", "Chinese Vice Foreign Minister Li Wenbo", "CHNGOV"),
    ("en", "Georgian Economy Minister Levan Kipiani signed the accord.", "Georgian Economy Minister Levan Kipiani", "GEOGOV"),
    ("en", "Ukrainian Lieutenant General Taras Danylenko said the line held.", "Ukrainian Lieutenant General Taras Danylenko", "UKRMIL"),
    ("en", "Armenian National Security Adviser Gor Avetisyan flew to Paris.", "Armenian National Security Adviser Gor Avetisyan", "ARMGOV"),
    ("en", "Mexican Undersecretary Laura Ibarra met the envoy.", "Mexican Undersecretary Laura Ibarra", "MEXGOV"),
    ("ru", "Вице-премьер России Олег Варламов заявил, что сделка готова.", "Вице-премьер России Олег Варламов", "RUSGOV"),
    ("ru", "Встреча с вице-премьером Армении Гором Аветисяном прошла в Ереване.", "вице-премьером Армении Гором Аветисяном", "ARMGOV"),
    ("ru", "Заместитель министра иностранных дел России Олег Варламов заявил.", "Заместитель министра иностранных дел России Олег Варламов", "RUSGOV"),
    ("ru", "Об этом сообщил заместителю министра обороны Казахстана Айдару Нурланову посол.", "заместителю министра обороны Казахстана Айдару Нурланову", "KAZMIL"),
    ("ru", "Замглавы МИД России Олег Варламов прибыл в Женеву.", "Замглавы МИД России Олег Варламов", "RUSGOV"),
    ("ru", "Вице-президент США Аарон Уитфилд прибыл в Варшаву.", "Вице-президент США Аарон Уитфилд", "USAGOV"),
    ("ru", "С министром энергетики Казахстана Айдаром Нурлановым встретился посол.", "министром энергетики Казахстана Айдаром Нурлановым", "KAZGOV"),
    ("ru", "Украинский генерал-лейтенант Тарас Даниленко заявил.", "Украинский генерал-лейтенант Тарас Даниленко", "UKRMIL"),
    ("de", "Der russische Vizeaußenminister Oleg Warlamow sagte am Montag.", "russische Vizeaußenminister Oleg Warlamow", "RUSGOV"),
    ("de", "Der polnische stellvertretende Ministerpräsident Adam Nowicki sagte.", "polnische stellvertretende Ministerpräsident Adam Nowicki", "POLGOV"),
    ("de", "Nach Angaben des stellvertretenden Außenministers Russlands Oleg Warlamow ist die Lage ernst.",
     "stellvertretenden Außenministers Russlands Oleg Warlamow", "RUSGOV"),
    ("de", "Die Vize-Außenministerin der Ukraine Olena Danylenko sagte.", "Vize-Außenministerin der Ukraine Olena Danylenko", "UKRGOV"),
    ("de", "US-Vizepräsident Aaron Whitfield traf den Kanzler.", "US-Vizepräsident Aaron Whitfield", "USAGOV"),
    ("de", "Der ukrainische Oberbefehlshaber Taras Danylenko sagte.", "ukrainische Oberbefehlshaber Taras Danylenko", "UKRMIL"),
    ("de", "Der französische Generalstabschef Pierre Vasseur sagte.", "französische Generalstabschef Pierre Vasseur", "FRAMIL"),
    ("it", "Il vicepremier italiano Marco Ferretti ha detto che il governo è unito.", "vicepremier italiano Marco Ferretti", "ITAGOV"),
    ("it", "Il vicepresidente americano Aaron Whitfield ha parlato.", "vicepresidente americano Aaron Whitfield", "USAGOV"),
    ("it", "Il viceministro russo degli Esteri Oleg Varlamov ha detto.", "viceministro russo degli Esteri Oleg Varlamov", "RUSGOV"),
    ("it", "La ministra francese dell'Economia Claire Vasseur ha detto.", "ministra francese dell'Economia Claire Vasseur", "FRAGOV"),
    ("it", "Il sottosegretario ucraino Taras Danylenko è arrivato.", "sottosegretario ucraino Taras Danylenko", "UKRGOV"),
    ("it", "Il presidente della Camera italiano Marco Ferretti ha detto.", "presidente della Camera italiano Marco Ferretti", "ITALEG"),
    ("fr", "La vice-présidente américaine Laura Whitfield a déclaré.", "vice-présidente américaine Laura Whitfield", "USAGOV"),
    ("fr", "Le vice-Premier ministre russe Oleg Varlamov a déclaré.", "vice-Premier ministre russe Oleg Varlamov", "RUSGOV"),
    ("fr", "Le vice-ministre russe des Affaires étrangères Oleg Varlamov a déclaré.", "vice-ministre russe des Affaires étrangères Oleg Varlamov", "RUSGOV"),
    ("fr", "Le ministre allemand des Finances Jens Albrecht a déclaré.", "ministre allemand des Finances Jens Albrecht", "DEUGOV"),
    ("fr", "Le secrétaire d'État américain Aaron Whitfield est arrivé.", "secrétaire d'État américain Aaron Whitfield", "USAGOV"),
    ("fr", "Le chef d'état-major ukrainien Taras Danylenko a déclaré.", "chef d'état-major ukrainien Taras Danylenko", "UKRMIL"),
    ("es", "El vicepresidente estadounidense Aaron Whitfield dijo.", "vicepresidente estadounidense Aaron Whitfield", "USAGOV"),
    ("es", "La vicepresidenta del Gobierno español Lucía Serrano dijo.", "vicepresidenta del Gobierno español Lucía Serrano", "ESPGOV"),
    ("es", "El viceministro ruso de Asuntos Exteriores Oleg Varlamov dijo.", "viceministro ruso de Asuntos Exteriores Oleg Varlamov", "RUSGOV"),
    ("es", "El vicecanciller venezolano Rafael Ortega dijo.", "vicecanciller venezolano Rafael Ortega", "VENGOV"),
    ("es", "La ministra argentina de Economía Lucía Serrano dijo.", "ministra argentina de Economía Lucía Serrano", "ARGGOV"),
    ("es", "El alcalde colombiano Rafael Ortega dijo.", "alcalde colombiano Rafael Ortega", "COLGOV"),
]


@pytest.mark.parametrize(("lang", "text", "mention", "code"), CASES)
def test_titles_with_a_name_are_one_mention(kb: KnowledgeBase, lang: str, text: str, mention: str, code: str) -> None:
    found = mentions(kb, text, lang)
    assert found.get(mention) == code, found


COREF_CASES = [
    # lang, text, bare title, its antecedent's code or None when it has none
    # a vice president is not the president, in every language
    ("en", "Kazakh Vice President Aidar Nurlanov met reporters. The president said later that talks went well.", "president", None),
    ("ru", "Вице-президент Казахстана Айдар Нурланов встретился с журналистами. Президент позже заявил, что переговоры прошли хорошо.", "Президент", None),
    ("de", "Der kasachische Vizepräsident Aidar Nurlanow traf Journalisten. Der Präsident sagte später, die Gespräche seien gut verlaufen.", "Präsident", None),
    ("it", "Il vicepresidente kazako Aidar Nurlanov ha incontrato i giornalisti. Il presidente ha poi detto che i colloqui sono andati bene.", "presidente", None),
    ("fr", "Le vice-président kazakh Aidar Nurlanov a rencontré les journalistes. Le président a ensuite dit que les pourparlers étaient bons.", "président", None),
    ("es", "El vicepresidente kazajo Aidar Nurlanov se reunió con periodistas. El presidente dijo luego que las conversaciones fueron bien.", "presidente", None),
    # a deputy prime minister is not the prime minister
    ("en", "Kazakh Deputy Prime Minister Aidar Nurlanov met reporters. The prime minister said the plan would go ahead.", "prime minister", None),
    ("ru", "Вице-премьер Казахстана Айдар Нурланов встретился с журналистами. Премьер заявил, что план будет выполнен.", "Премьер", None),
    # a deputy minister is neither "the minister" nor "the foreign minister" ...
    ("en", "Kazakh Deputy Foreign Minister Aidar Nurlanov met reporters. The minister said talks went well.", "minister", None),
    ("en", "Kazakh Deputy Foreign Minister Aidar Nurlanov met reporters. The foreign minister said talks went well.", "foreign minister", None),
    ("ru", "Заместитель министра иностранных дел Казахстана Айдар Нурланов встретился с журналистами. Министр заявил, что переговоры прошли хорошо.", "Министр", None),
    ("de", "Der kasachische Vizeaußenminister Aidar Nurlanow traf Journalisten. Der Minister sagte, die Gespräche seien gut verlaufen.", "Minister", None),
    # ... but is "the deputy minister"
    ("en", "Kazakh Deputy Foreign Minister Aidar Nurlanov met reporters. The deputy minister said talks went well.", "deputy minister", "KAZGOV"),
    ("ru", "Замминистра иностранных дел Казахстана Айдар Нурланов встретился с журналистами. Замминистра заявил, что переговоры прошли хорошо.", "Замминистра", "KAZGOV"),
    # a minister of one portfolio is not "the finance minister" of another ...
    ("en", "Kazakh Foreign Minister Aidar Nurlanov met reporters. The finance minister said the budget was ready.", "finance minister", None),
    ("de", "Die kasachische Außenministerin Aigerim Nurlanowa traf Journalisten. Der Finanzminister sagte, der Haushalt sei fertig.", "Finanzminister", None),
    # ... while "the minister" is still any minister named just before, and "the finance minister" the one named
    ("en", "Kazakh Finance Minister Aidar Nurlanov met reporters. The minister said the budget was ready.", "minister", "KAZGOV"),
    ("ru", "Министр финансов Казахстана Айдар Нурланов встретился с журналистами. Министр финансов заявил, что бюджет готов.", "Министр финансов", "KAZGOV"),
    # a vice president is "the vice president"
    ("en", "Kazakh Vice President Aidar Nurlanov met reporters. The vice president said talks went well.", "vice president", "KAZGOV"),
]


@pytest.mark.parametrize(("lang", "text", "bare", "code"), COREF_CASES)
def test_a_bare_title_refers_back_only_to_the_same_office(kb: KnowledgeBase, lang: str, text: str, bare: str, code: str | None) -> None:
    refs = {m.text: m.entity.code for m in kb.find_mentions(text, lang, DATE) if m.rule == "kb:coref-title"}
    assert refs.get(bare) == code, refs


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "The general election was held in May.", "general"),  # an adjective, not the rank
    ("en", "The deputy said the bill would pass.", "deputy"),  # no name, no country, no antecedent: says nothing
    ("en", "Gen Z voters backed the reform.", "Gen"),
    ("it", "Il direttore generale Marco Ferretti ha presentato il bilancio.", "generale"),  # "generale" after a noun is no rank
    ("fr", "Le directeur général Jean Morel a présenté le budget.", "général"),
    ("es", "El director general Rafael Ortega presentó el presupuesto.", "general"),
    # an association's or company's officer, no state's
    ("de", "Der DFB-Vizepräsident Hans Brenner sagte, das Turnier sei sicher.", "Vizepräsident"),
    ("de", "Der DFB-Präsident Hans Brenner sagte, das Turnier sei sicher.", "Präsident"),
    ("de", "Der Siemens-Präsident Hans Brenner kündigte Stellen ab.", "Präsident"),
])
def test_no_state_office_where_there_is_none(kb: KnowledgeBase, lang: str, text: str, word: str) -> None:
    found = kb.find_mentions(text, lang, DATE)
    assert all(word not in m.text or m.entity.sector not in STATE for m in found), [(m.text, m.entity.code) for m in found]


STATE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


@pytest.mark.parametrize(("lang", "text", "mention", "sector"), [
    # a title that holds an institution's name, standing alone, is still that institution (it has no role to drop it by)
    ("ru", "Официальный представитель МИД заявила, что переговоры продолжатся.", "Официальный представитель МИД", "GOV"),
    ("ru", "Замглавы МИД заявил, что переговоры продолжатся.", "Замглавы МИД", "GOV"),
    ("ru", "Председатель Верховного суда рассмотрит дело.", "Председатель Верховного суда", "JUD"),
    ("es", "La vicepresidenta del Gobierno dijo que el plan sigue.", "vicepresidenta del Gobierno", "GOV"),
    ("en", "The police chief said the protesters were detained.", "police chief", "COP"),
])
def test_a_title_holding_an_institution_stands_alone(kb: KnowledgeBase, lang: str, text: str, mention: str, sector: str) -> None:
    found = {m.text: m.entity.sector for m in kb.find_mentions(text, lang, DATE)}
    assert found.get(mention) == sector, found
