"""Mention recognition over the packaged knowledge base: states, institutions, titles, case rules."""

from __future__ import annotations

import pytest

from dyads.config import Config
from dyads.kb import KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(Config.load(actor_files=()))


def spans(kb: KnowledgeBase, text: str, lang: str | None, date: str | None = None) -> dict[str, tuple]:
    found = kb.find_mentions(text, lang, date)
    for m in found:
        assert text[m.start : m.end] == m.text  # offsets are exact
    return {m.text: (m.entity.country, m.entity.org, m.entity.sector, m.entity.code) for m in found}


CASES = [
    # lang, text, mention, (country, org, sector, code)
    ("en", "Russia said on Monday.", "Russia", ("RUS", None, None, "RUS")),
    ("en", "Talks in Moscow ended.", "Moscow", ("RUS", None, "GOV", "RUSGOV")),
    ("en", "The Kremlin denied it.", "The Kremlin", ("RUS", None, "GOV", "RUSGOV")),
    ("en", "Washington and the White House agreed.", "the White House", ("USA", None, "GOV", "USAGOV")),
    ("en", "Downing Street was silent.", "Downing Street", ("GBR", None, "GOV", "GBRGOV")),
    ("en", "Beijing and Ankara disagreed.", "Ankara", ("TUR", None, "GOV", "TURGOV")),
    ("en", "The Kazakh defence ministry said.", "Kazakh defence ministry", ("KAZ", None, "MIL", "KAZMIL")),
    ("en", "The defence ministry of Kazakhstan said.", "defence ministry of Kazakhstan", ("KAZ", None, "MIL", "KAZMIL")),
    ("en", "Russian troops crossed.", "Russian troops", ("RUS", None, "MIL", "RUSMIL")),
    ("en", "Syrian rebels fired.", "Syrian rebels", ("SYR", None, "REB", "SYRREB")),
    ("en", "Russia's army moved.", "Russia's army", ("RUS", None, "MIL", "RUSMIL")),
    ("en", "Turkish police detained him.", "Turkish police", ("TUR", None, "COP", "TURCOP")),
    ("en", "Iranian protesters marched.", "Iranian protesters", ("IRN", None, "CVL", "IRNCVL")),
    ("en", "Iranians marched.", "Iranians", ("IRN", None, None, "IRN")),
    ("en", "The US and the U.S. agreed.", "U.S.", ("USA", None, None, "USA")),
    ("en", "Kosovo and Taiwan and Abkhazia.", "Abkhazia", ("XAB", None, None, "XAB")),
    ("en", "The Kazakh Defence Minister arrived.", "Kazakh Defence Minister", ("KAZ", None, "MIL", "KAZMIL")),
    ("en", "Several hundred supporters gathered.", "Several hundred supporters", (None, None, "CVL", "CVL")),  # counted: a crowd
    ("de", "Hunderte Anhänger versammelten sich.", "Hunderte Anhänger", (None, None, "CVL", "CVL")),
    ("it", "Centinaia di sostenitori si sono radunati.", "Centinaia di sostenitori", (None, None, "CVL", "CVL")),
    ("ru", "Сотни сторонников собрались.", "Сотни сторонников", (None, None, "CVL", "CVL")),
    ("ru", "Сотни сторонников Навального собрались.", "Сотни сторонников Навального", ("RUS", None, "CVL", "RUSCVL")),  # his crowd
    ("en", "Rep. Jane Doering called on the president to act.", "Rep. Jane Doering", ("USA", None, "LEG", "USALEG")),  # an office of one country
    ("en", "Senator Jane Doering spoke.", "Senator Jane Doering", (None, None, "LEG", "LEG")),  # senators sit in many countries
    ("ru", "Минобороны России сообщило.", "Минобороны России", ("RUS", None, "MIL", "RUSMIL")),
    ("ru", "российские военные вошли.", "российские военные", ("RUS", None, "MIL", "RUSMIL")),
    ("ru", "Кремль ответил.", "Кремль", ("RUS", None, "GOV", "RUSGOV")),
    ("ru", "СК России возбудил дело.", "СК России", ("RUS", None, "JUD", "RUSJUD")),  # Следственный комитет
    ("ru", "Генпрокуратура Украины потребовала ареста.", "Генпрокуратура Украины", ("UKR", None, "JUD", "UKRJUD")),
    ("ru", "Белый дом ответил.", "Белый дом", ("USA", None, "GOV", "USAGOV")),
    ("ru", "визит в Казахстан и из Казахстана.", "Казахстана", ("KAZ", None, None, "KAZ")),
    ("ru", "встреча с Казахстаном.", "Казахстаном", ("KAZ", None, None, "KAZ")),
    ("ru", "договор с Россией.", "Россией", ("RUS", None, None, "RUS")),
    ("ru", "министр иностранных дел России заявил.", "министр иностранных дел России", ("RUS", None, "GOV", "RUSGOV")),
    ("ru", "казахстанские пограничники и казахстанскому правительству.", "казахстанскому правительству", ("KAZ", None, "GOV", "KAZGOV")),
    ("it", "il ministero della Difesa russo ha detto.", "ministero della Difesa russo", ("RUS", None, "MIL", "RUSMIL")),
    ("it", "il ministro della Difesa kazako ha detto.", "ministro della Difesa kazako", ("KAZ", None, "MIL", "KAZMIL")),
    ("it", "le truppe russe e i militari russi.", "militari russi", ("RUS", None, "MIL", "RUSMIL")),
    ("it", "la Farnesina ha convocato.", "la Farnesina", ("ITA", None, "GOV", "ITAGOV")),
    ("it", "Palazzo Chigi tace.", "Palazzo Chigi", ("ITA", None, "GOV", "ITAGOV")),
    ("de", "Das russische Verteidigungsministerium teilte mit.", "russische Verteidigungsministerium", ("RUS", None, "MIL", "RUSMIL")),
    ("de", "der russische Außenminister sagte.", "russische Außenminister", ("RUS", None, "GOV", "RUSGOV")),
    ("de", "Russlands Armee rückte vor.", "Russlands Armee", ("RUS", None, "MIL", "RUSMIL")),
    ("de", "die Rolle Deutschlands wächst.", "Deutschlands", ("DEU", None, None, "DEU")),
    ("de", "Der Kreml wies die Vorwürfe Kiews zurück.", "Kiews", ("UKR", None, "GOV", "UKRGOV")),  # a capital in the genitive
    ("de", "Die Bundesregierung schweigt.", "Bundesregierung", ("DEU", None, "GOV", "DEUGOV")),
    ("de", "Die US-Regierung kritisierte Russland.", "US-Regierung", ("USA", None, "GOV", "USAGOV")),  # German compounds
    ("de", "Die US-Streitkräfte verlegten Jets.", "US-Streitkräfte", ("USA", None, "MIL", "USAMIL")),
    ("de", "Die Carabinieri ermitteln.", "Carabinieri", ("ITA", None, "COP", "ITACOP")),  # a national institution
    ("it", "I carabinieri della stazione hanno arrestato un uomo.", "carabinieri", ("ITA", None, "COP", "ITACOP")),
    ("en", "The FBI arrested him.", "FBI", ("USA", None, "COP", "USACOP")),
    ("ru", "Сотрудники Росгвардии задержали мужчину.", "Росгвардии", ("RUS", None, "COP", "RUSCOP")),
    # an armed group's fighters are the group
    ("en", "Hamas fighters attacked.", "Hamas fighters", ("PSE", None, "REB", "PSEREB")),
    ("ru", "Боевики ИГИЛ атаковали позиции.", "Боевики ИГИЛ", ("SYR", None, "REB", "SYRREB")),
    ("it", "I miliziani di Hezbollah hanno attaccato.", "miliziani di Hezbollah", ("LBN", None, "REB", "LBNREB")),
    # a company's workers are its country's labour
    ("en", "Volkswagen workers walked out.", "Volkswagen workers", ("DEU", None, "LAB", "DEULAB")),
    ("ru", "Пилоты Ryanair объявили забастовку.", "Пилоты Ryanair", ("IRL", None, "LAB", "IRLLAB")),
    ("it", "I piloti di Ryanair scioperano.", "piloti di Ryanair", ("IRL", None, "LAB", "IRLLAB")),
    ("de", "Die Lufthansa-Piloten streiken.", "Lufthansa-Piloten", ("DEU", None, "LAB", "DEULAB")),
    ("en", "Ryanair cancelled 190 flights.", "Ryanair", ("IRL", None, "BUS", "IRLBUS")),
    ("fr", "le ministère russe de la Défense a dit.", "ministère russe de la Défense", ("RUS", None, "MIL", "RUSMIL")),
    ("fr", "le ministre français des Affaires étrangères a dit.", "ministre français des Affaires étrangères", ("FRA", None, "GOV", "FRAGOV")),
    ("fr", "L'Élysée et le Quai d'Orsay.", "le Quai d'Orsay", ("FRA", None, "GOV", "FRAGOV")),
    ("es", "el Ministerio de Defensa ruso dijo.", "Ministerio de Defensa ruso", ("RUS", None, "MIL", "RUSMIL")),
    ("es", "el canciller argentino viajó.", "canciller argentino", ("ARG", None, "GOV", "ARGGOV")),
    ("es", "las tropas rusas avanzan.", "tropas rusas", ("RUS", None, "MIL", "RUSMIL")),
    # a counterpart is the government of its country
    ("en", "Lavrov met his Turkish counterpart.", "Turkish counterpart", ("TUR", None, "GOV", "TURGOV")),
    ("ru", "Лавров провел переговоры с турецким коллегой.", "турецким коллегой", ("TUR", None, "GOV", "TURGOV")),
    ("de", "Sie traf ihren ukrainischen Amtskollegen.", "ukrainischen Amtskollegen", ("UKR", None, "GOV", "UKRGOV")),
    ("it", "Tajani ha incontrato il suo omologo algerino.", "omologo algerino", ("DZA", None, "GOV", "DZAGOV")),
    # bare "forces" with a country or its capital
    ("it", "Kharkiv è stata bombardata dalle forze di Mosca.", "forze di Mosca", ("RUS", None, "MIL", "RUSMIL")),
    ("fr", "Les forces russes ont avancé.", "forces russes", ("RUS", None, "MIL", "RUSMIL")),
    # the foreign ministry's acronym is no former Mexican minister transliterated "Мид"
    ("ru", "В МИД России заявили о протесте.", "МИД России", ("RUS", None, "GOV", "RUSGOV")),
    # a country's side in talks or a dispute is its government
    ("ru", "Песков поблагодарил турецкую сторону.", "турецкую сторону", ("TUR", None, "GOV", "TURGOV")),
    ("ru", "В МИД Украины отвергли заявления российской стороны.", "российской стороны", ("RUS", None, "GOV", "RUSGOV")),
    ("de", "Von russischer Seite hieß es, man sei bereit.", "russischer Seite", ("RUS", None, "GOV", "RUSGOV")),
    ("en", "The Russian side rejected the proposal.", "Russian side", ("RUS", None, "GOV", "RUSGOV")),
    ("it", "La parte russa ha respinto la proposta.", "parte russa", ("RUS", None, "GOV", "RUSGOV")),
    # opposition parties and politicians
    ("ru", "Суд признал лидера оппозиционной партии виновным.", "оппозиционной партии", (None, None, "OPP", "OPP")),
    ("en", "Georgian opposition politicians walked out.", "Georgian opposition politicians", ("GEO", None, "OPP", "GEOOPP")),
    # attacks with a country stand for its military
    ("fr", "Des tirs tadjiks ont tué trois civils.", "tirs tadjiks", ("TJK", None, "MIL", "TJKMIL")),
    ("fr", "Des frappes russes ont touché Kharkiv.", "frappes russes", ("RUS", None, "MIL", "RUSMIL")),
    ("es", "Ataques rusos mataron a cinco civiles.", "Ataques rusos", ("RUS", None, "MIL", "RUSMIL")),
    # an organisation's office in lower case after its acronym
    ("en", "The CSTO secretary general had asked NATO to help.", "CSTO secretary general", (None, "CSTO", "IGO", "IGOCSTO")),
    ("en", "The CSTO Secretary General had asked NATO to help.", "CSTO Secretary General", (None, "CSTO", "IGO", "IGOCSTO")),
    # human rights groups named by kind
    ("de", "Syrische Menschenrechtsgruppen machten die Armee verantwortlich.", "Syrische Menschenrechtsgruppen", ("SYR", None, "NGO", "SYRNGO")),
    ("en", "Human rights organizations condemned the arrests.", "Human rights organizations", (None, None, "NGO", "NGO")),
    ("it", "Le organizzazioni per i diritti umani hanno protestato.", "organizzazioni per i diritti umani", (None, None, "NGO", "NGO")),
    ("ru", "Правозащитные организации осудили приговор.", "Правозащитные организации", (None, None, "NGO", "NGO")),
]


@pytest.mark.parametrize(("lang", "text", "mention", "expected"), CASES)
def test_mention(kb: KnowledgeBase, lang: str, text: str, mention: str, expected: tuple) -> None:
    assert spans(kb, text, lang).get(mention) == expected


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        ("en", "Let us go.", "us"),
        ("en", "We ate turkey.", "turkey"),
        ("en", "The woman spoke.", "man"),
        ("en", "A woman from Oman.", "oman"),
        ("en", "Russian oil prices rose.", "Russian"),
        ("en", "Turkeys are birds.", "Turkeys"),
        ("en", "On the other side, prices rose.", "side"),  # a side with no country is no party
        ("fr", "La France a condamné les frappes.", "frappes"),  # an attack with no country is no party
    ],
)
def test_not_a_mention(kb: KnowledgeBase, lang: str, text: str, absent: str) -> None:
    assert absent not in spans(kb, text, lang)


def test_word_boundaries_take_the_longest(kb: KnowledgeBase) -> None:
    found = spans(kb, "Iranians and Iranian officials.", "en")
    assert found["Iranians"] == ("IRN", None, None, "IRN")
    assert found["Iranian officials"] == ("IRN", None, "GOV", "IRNGOV")


def test_spans_limit_matching(kb: KnowledgeBase) -> None:
    text = "Russia said. France said."
    found = kb.find_mentions(text, "en", spans=[(13, len(text))])
    assert [m.text for m in found] == ["France"]


def test_offsets_survive_accents_and_odd_whitespace(kb: KnowledgeBase) -> None:
    text = "Ça va\u00a0! Le ministère\u00a0russe de la Défense et l’Élysée."
    for m in kb.find_mentions(text, "fr"):
        assert text[m.start : m.end] == m.text
    assert {m.entity.code for m in kb.find_mentions(text, "fr")} >= {"FRAGOV"}


def test_unknown_language_uses_every_language(kb: KnowledgeBase) -> None:
    found = spans(kb, "Минобороны России и Russian troops.", None)
    assert found["Минобороны России"][3] == "RUSMIL" and found["Russian troops"][3] == "RUSMIL"


TITLE_CASES = [
    ("en", "Foreign Minister of Armenia Ararat Vardanyan met them. Later Vardanyan said the minister agreed.",
     [("Foreign Minister of Armenia Ararat Vardanyan", "Ararat Vardanyan", "ARMGOV", "kb:title+name"), ("Vardanyan", "Ararat Vardanyan", "ARMGOV", "kb:coref-name"),
      ("minister", "Ararat Vardanyan", "ARMGOV", "kb:coref-title")]),
    ("en", "Kazakh Defence Minister Nurlan Zhakupov spoke; Zhakupov left.",
     [("Kazakh Defence Minister Nurlan Zhakupov", "Nurlan Zhakupov", "KAZMIL", "kb:title+name"), ("Zhakupov", "Nurlan Zhakupov", "KAZMIL", "kb:coref-name")]),
    ("en", "Defence Minister Ivan Testov's plan failed. Testov resigned.",
     [("Defence Minister Ivan Testov", "Ivan Testov", "MIL", "kb:title+name"), ("Testov", "Ivan Testov", "MIL", "kb:coref-name")]),
    ("it", "Il ministro degli Esteri russo Ivan Petrov ha parlato. Poi il ministro russo ha aggiunto.",
     [("ministro degli Esteri russo Ivan Petrov", "Ivan Petrov", "RUSGOV", "kb:title+name"), ("ministro russo", "Ivan Petrov", "RUSGOV", "kb:coref-title")]),
    ("de", "Der russische Botschafter Sergej Andrejew gab ein Interview. Nach Andrejews Worten ist die Lage ernst.",
     [("russische Botschafter Sergej Andrejew", "Sergej Andrejew", "RUSGOV", "kb:title+name"), ("Andrejews", "Sergej Andrejew", "RUSGOV", "kb:coref-name")]),
    ("ru", "Министр обороны Казахстана Нурлан Жакупов заявил. Министр добавил, что Жакупова поддержали.",
     [("Министр обороны Казахстана Нурлан Жакупов", "Нурлан Жакупов", "KAZMIL", "kb:title+name"), ("Министр", "Нурлан Жакупов", "KAZMIL", "kb:coref-title"),
      ("Жакупова", "Нурлан Жакупов", "KAZMIL", "kb:coref-name")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), TITLE_CASES)
def test_titles_names_and_coreference(kb: KnowledgeBase, lang: str, text: str, expected: list) -> None:
    found = [(m.text, m.entity.name, m.entity.code, m.rule) for m in kb.find_mentions(text, lang) if m.entity.kind in ("person", "title")]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "lang", "person", "code"),
    [
        ("ÖGB-Präsident Erich Foglar warf dem Minister vor, Lohndumping zu fördern.", "de", "ÖGB-Präsident Erich Foglar", "AUTLAB"),
        ("SPÖ-Chefin Anna Beispiel widersprach.", "de", "SPÖ-Chefin Anna Beispiel", "AUTPTY"),
        ("Labour leader John Testman said the plan had failed.", "en", "Labour leader John Testman", "GBRPTY"),
        # the officer word before the group
        ("Il leader della Cgil Maurizio Testini ha criticato il governo.", "it", "Cgil Maurizio Testini", "ITALAB"),
        ("Die Vorsitzende der SPÖ Anna Beispiel widersprach.", "de", "SPÖ Anna Beispiel", "AUTPTY"),
        ("Лидер КПРФ Иван Тестов заявил о нарушениях.", "ru", "КПРФ Иван Тестов", "RUSOPP"),
    ],
)
def test_a_groups_officer_acts_for_the_group(kb: KnowledgeBase, text: str, lang: str, person: str, code: str) -> None:
    found = {m.text: m.entity for m in kb.find_mentions(text, lang)}
    assert found[person].code == code and found[person].kind == "person"


@pytest.mark.parametrize(
    ("text", "lang", "date", "person", "code"),
    [
        # the state office the text names outranks the one the KB has for the date (Davutoğlu later led the opposition)
        ("Der türkische Premier Ahmet Davutoglu drohte mit Vergeltung.", "de", "2024-01-01", "türkische Premier Ahmet Davutoglu",
         "TURGOV"),
        # a party title does not outrank a state office
        ("SPÖ-Chef Christian Kern widersprach.", "de", "2017-01-01", "SPÖ-Chef Christian Kern", "AUTGOV"),
        # nor does a title after "former"
        ("Former Turkish Prime Minister Ahmet Davutoglu founded a party.", "en", "2024-01-01", "Ahmet Davutoglu", "TUROPP"),
    ],
)
def test_a_state_office_in_the_text_outranks_the_kbs_for_the_date(kb: KnowledgeBase, text: str, lang: str, date: str,
                                                                  person: str, code: str) -> None:
    found = {m.text: m.entity.code for m in kb.find_mentions(text, lang, date)}
    assert any(t.endswith(person) and c == code for t, c in found.items()), found


def test_a_group_without_an_officers_name_is_the_group(kb: KnowledgeBase) -> None:
    found = {m.text: m.entity.code for m in kb.find_mentions("Der ÖVP-Chef sagte nichts.", "de")}
    assert found.get("ÖVP") == "AUTPTY"


@pytest.mark.parametrize(
    ("text", "person"),
    [("Rep. Jason Testfield said subpoenas are not optional.", "Rep. Jason Testfield"),
     ("Sen. Mary Example voted against the bill.", "Sen. Mary Example")],
)
def test_us_congress_abbreviations_are_legislators(kb: KnowledgeBase, text: str, person: str) -> None:
    found = {m.text: m.entity for m in kb.find_mentions(text, "en")}
    assert found[person].sector == "LEG"


@pytest.mark.parametrize(
    ("text", "lang", "surname", "code"),
    [
        # surnames the KB leaves out as too common or shared, settled by the story's own full name
        ("Hillary Clinton spoke in Ohio. Later Clinton called for a no-fly zone.", "en", "Clinton", "USA"),
        ("UN Secretary-General Ban Ki-moon arrived. Ban condemned the attack.", "en", "Ban", "IGOUN"),
        ("Хиллари Клинтон выступила в Огайо. Позже Клинтон призвала Россию к диалогу.", "ru", "Клинтон", "USA"),
    ],
)
def test_a_listed_persons_surname_refers_back_to_the_full_name(kb: KnowledgeBase, text: str, lang: str, surname: str,
                                                               code: str) -> None:
    found = [m for m in kb.find_mentions(text, lang, "2016-10-11") if m.text == surname]
    assert [(m.entity.code, m.rule) for m in found] == [(code, "kb:coref-person")]


def test_a_surname_before_the_full_name_is_not_resolved(kb: KnowledgeBase) -> None:
    assert "Clinton" not in [m.text for m in kb.find_mentions("Clinton won. Hillary Clinton spoke.", "en", "2016-10-11")
                             if m.rule == "kb:coref-person"]


def test_two_ministers_make_the_bare_title_ambiguous(kb: KnowledgeBase) -> None:
    text = "Armenian Foreign Minister Ararat Vardanyan met Georgian Foreign Minister Levan Beridze. The minister said."
    assert "minister" not in [m.text for m in kb.find_mentions(text, "en")]


def test_igo_title(kb: KnowledgeBase) -> None:
    if "CSTO" not in kb.sources.orgs:
        pytest.skip("orgs.tsv has no CSTO yet")
    found = {m.text: m.entity for m in kb.find_mentions("CSTO Secretary General spoke.", "en")}
    entity = next(e for t, e in found.items() if t.startswith("CSTO"))
    assert (entity.org, entity.sector, entity.code[:7]) == ("CSTO", "IGO", "IGOCSTO")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Talks with Russia. Troops moved.", ["Russia", "Troops"]),
        ("en", "Russia, army and police.", ["Russia", "army", "police"]),
        ("ru", "Россия. Военные ушли.", ["Россия", "Военные"]),
    ],
)
def test_punctuation_splits_phrases(kb: KnowledgeBase, lang: str, text: str, expected: list) -> None:
    assert [m.text for m in kb.find_mentions(text, lang)] == expected


def test_institution_spokesman_with_name(kb: KnowledgeBase) -> None:
    (m,) = kb.find_mentions("Kazakh Foreign Ministry spokesman Aidos Testov said.", "en")
    assert (m.text, m.entity.name, m.entity.code, m.entity.kind) == ("Kazakh Foreign Ministry spokesman Aidos Testov", "Aidos Testov", "KAZGOV", "person")


def test_actor_files_in_config(tmp_path) -> None:  # type: ignore[no-untyped-def]
    actors = tmp_path / "mini.actors"
    actors.write_text("MORDOR_ORCS [MORMIL]\n+ORC_ARMY\n", encoding="utf-8")
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("# name\tcode\tstart\tend\taliases\twikidata_id\nAcme Rebels\tSYRREB\t\t\tAcme Front\t\n", encoding="utf-8")
    kb = load_kb(Config.load(actor_files=(str(actors), str(tsv))))
    found = {m.text: m.entity.code for m in kb.find_mentions("The orc army met Acme Front near Mordor Orcs.", "en")}
    assert found == {"orc army": "MORMIL", "Acme Front": "SYRREB", "Mordor Orcs": "MORMIL"}
    assert kb.find_mentions("Acme Front", "en")[0].entity.country == "SYR"


SHARED = __import__("pathlib").Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


@pytest.mark.shared
def test_offsets_exact_on_real_news(kb: KnowledgeBase) -> None:
    import gzip
    import json

    path = SHARED / "reuters21578_en" / "reuters21578.jsonl.gz"
    if not path.is_file():
        pytest.skip("shared corpora absent")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        texts = [json.loads(next(handle)).get("body") or "" for _ in range(300)]
    count = 0
    for text in texts:
        for m in kb.find_mentions(text, "en", "1987-03-01"):
            assert text[m.start : m.end] == m.text and m.start < m.end
            count += 1
    assert count > 100


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "pro-Russian separatists and anti-government protesters", [("separatists", "REB"), ("protesters", "CVL")]),
        ("fr", "Les Russes et les soldats russes.", [("Russes", "RUS"), ("soldats russes", "RUSMIL")]),
        ("de", "Die Russen und die Amerikaner.", [("Russen", "RUS"), ("Amerikaner", "USA")]),
        ("ru", "россияне и американцы", [("россияне", "RUS"), ("американцы", "USA")]),
    ],
)
def test_demonyms_and_pro_prefixes(kb: KnowledgeBase, lang: str, text: str, expected: list) -> None:
    assert [(m.text, m.entity.code) for m in kb.find_mentions(text, lang)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "date", "code"),
    [
        ("ru", "Министр иностранных дел Германии Хайко Маас отверг критику.", None, "DEUGOV"),  # no date: the title says it
        ("en", "German Foreign Minister Heiko Maas said so.", "2019-01-10", "DEUGOV"),
        ("ru", "Бывший министр иностранных дел Германии Хайко Маас отверг критику.", "2023-05-01", "DEU"),  # former: no sector
        ("en", "Former German foreign minister Heiko Maas said so.", "2023-05-01", "DEU"),
        ("en", "Heiko Maas said so.", "2023-05-01", "DEU"),  # a bare name out of office
    ],
)
def test_a_named_office_holder_takes_the_titles_sector_unless_former(kb: KnowledgeBase, lang: str, text: str, date: str | None,
                                                                      code: str) -> None:
    persons = [m for m in kb.find_mentions(text, lang, date=date) if "Maas" in m.text or "Маас" in m.text]
    assert [m.entity.code for m in persons] == [code]


@pytest.mark.parametrize(("lang", "text", "mention"), [
    ("en", "Police detained 57 people on Friday.", "57 people"),
    ("en", "Riot police detained at least nine people.", "at least nine people"),
    ("en", "Tens of thousands of people marched.", "Tens of thousands of people"),
    ("ru", "Несколько тысяч человек собрались у парламента.", "Несколько тысяч человек"),
    ("ru", "В ходе разгона задержаны 37 человек.", "37 человек"),
    ("de", "Mindestens 54 Menschen wurden festgenommen.", "Mindestens 54 Menschen"),
    ("it", "Decine di migliaia di persone hanno manifestato.", "Decine di migliaia di persone"),
    ("fr", "Des centaines de personnes ont défilé.", "Des centaines de personnes"),
    ("it", "La polizia ha arrestato quindici persone.", "quindici persone"),  # the teens are counts too
    ("it", "Quindici persone sono state arrestate.", "Quindici persone"),
    ("fr", "La police a interpellé douze personnes.", "douze personnes"),
    ("de", "Die Polizei nahm siebzehn Menschen fest.", "siebzehn Menschen"),
    ("ru", "Полиция задержала двенадцать человек.", "двенадцать человек"),
    ("ru", "Суд оштрафовал около десятка человек.", "около десятка человек"),
])
def test_counted_people_are_a_group(kb: KnowledgeBase, lang: str, text: str, mention: str) -> None:
    found = {m.text: m for m in kb.find_mentions(text, lang)}
    assert mention in found and found[mention].entity.sector == "CVL" and found[mention].rule == "kb:count"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The people of the region were consulted."),
    ("en", "He talked about people in need."),
    ("fr", "Des personnes ont été vues."),
])
def test_uncounted_people_are_no_group(kb: KnowledgeBase, lang: str, text: str) -> None:
    assert not any(m.entity is not None and m.entity.sector == "CVL" for m in kb.find_mentions(text, lang))


@pytest.mark.parametrize(("lang", "text", "mention", "code"), [
    ("en", "Hours later, Ukrainian drones attacked an oil refinery.", "Ukrainian drones", "UKRMIL"),
    ("it", "In mattinata un drone russo ha colpito un autobus.", "drone russo", "RUSMIL"),
    ("ru", "Российские беспилотники атаковали Харьков.", "Российские беспилотники", "RUSMIL"),
    ("de", "Russische Drohnen griffen Kiew an.", "Russische Drohnen", "RUSMIL"),
    # an interior minister or ministry is the government, as CAMEO's agents dictionary codes it (INTERIOR_MINISTER [~GOV])
    ("de", "Der französische Innenminister Laurent Nuñez verurteilte die Ausschreitungen.", "französische Innenminister Laurent Nuñez",
     "FRAGOV"),
    ("en", "The French interior ministry condemned the riots.", "French interior ministry", "FRAGOV"),
    ("it", "Il ministero dell'Interno italiano ha vietato il corteo.", "ministero dell'Interno italiano", "ITAGOV"),
    ("ru", "МВД России возбудило дело.", "МВД России", "RUSCOP"),  # Russia's МВД is its police
    ("ru", "Накануне киевский режим атаковал Белгород.", "киевский режим", "UKRGOV"),  # Moscow's name for Kyiv's government
])
def test_a_countrys_weapons_are_its_military_and_its_interior_ministry_its_government(kb: KnowledgeBase, lang: str, text: str, mention: str, code: str) -> None:
    assert spans(kb, text, lang).get(mention, (None,) * 4)[3] == code


def test_weapons_alone_are_no_actor(kb: KnowledgeBase) -> None:
    assert not kb.find_mentions("The drones were shot down over the sea.", "en")


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("de", "Tausende Anhänger der Opposition demonstrierten.", ["Opposition"]),  # the supporters of a group are that group
    ("ru", "Сотни сторонников оппозиции собрались.", ["оппозиции"]),
    ("it", "Centinaia di sostenitori di İmamoğlu si sono radunati.", ["Centinaia di sostenitori di İmamoğlu"]),  # a person's: a crowd
    ("en", "The supporters of the plan said so.", []),  # uncounted supporters are no party
])
def test_counted_supporters_are_a_crowd_unless_a_group_follows(kb: KnowledgeBase, lang: str, text: str, found: list[str]) -> None:
    assert [m.text for m in kb.find_mentions(text, lang)] == found


FILLER = " Die Gespräche dauerten bis in den späten Abend, sie drehten sich um Syrien, den Irak, die Ukraine und die Sanktionen." * 3


@pytest.mark.parametrize(("text", "expected"), [
    ("Außenminister Sergej Lawrow traf US-Außenminister John Kerry." + FILLER
     + " Der russische Außenminister machte sich für Gespräche stark. Der Minister rief die USA auf.",
     [("Minister", "Sergey Lavrov", "RUSGOV")]),  # of two ministers, the only one named just before
    ("Außenminister Sergej Lawrow traf US-Außenminister John Kerry. Der Minister rief die USA auf.", []),  # both just named
    ("Außenminister Sergej Lawrow traf US-Außenminister John Kerry." + FILLER + " Der Minister rief die USA auf.", []),  # neither
])
def test_a_bare_minister_is_the_minister_just_named(kb: KnowledgeBase, text: str, expected: list) -> None:
    found = [(m.text, m.entity.name, m.entity.code) for m in kb.find_mentions(text, "de", "2016-05-01") if m.rule == "kb:coref-title"]
    assert found == expected
