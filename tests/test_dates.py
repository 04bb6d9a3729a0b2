"""Temporal expressions, normalisation and publication-date inference in the six languages."""

from __future__ import annotations

import datetime as dt

import pytest

from dyads.model import Document, Sentence
from dyads.resolve.dates import find_times
from dyads.resolve.inference import infer_publication_date

PUB = "2024-06-12"  # a Wednesday


def _times(text: str, lang: str, published: str | None = PUB) -> list[tuple[str, str, str, str | None]]:
    doc = Document("d", text, lang=lang, published=published)
    sentences = (Sentence("d", 0, len(text), text),)
    return [(m.text, m.time.value, m.time.precision, m.time.aux) for m in find_times(doc, sentences) if m.time]


def _values(text: str, lang: str, published: str | None = PUB) -> dict[str, str]:
    return {span: value for span, value, _, _ in _times(text, lang, published)}


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        ("en", "They met on 12 June 2024 in the capital.", "12 June 2024", "2024-06-12"),
        ("en", "They met on June 12, 2023 in the capital.", "June 12, 2023", "2023-06-12"),
        ("en", "They met on 2021-03-04 in the capital.", "2021-03-04", "2021-03-04"),
        ("de", "Das Treffen fand am 12.06.2022 statt.", "12.06.2022", "2022-06-12"),
        ("en", "The deal was signed 06/12/2022.", "06/12/2022", "2022-06-12"),
        ("ru", "Переговоры прошли 12 июня 2020 года в столице.", "12 июня 2020 года", "2020-06-12"),
        ("it", "L'incontro di martedì 9 novembre 2021 è stato breve.", "martedì 9 novembre 2021", "2021-11-09"),
        ("de", "Das Abkommen wurde am 3. März 2019 unterzeichnet.", "3. März 2019", "2019-03-03"),
        ("fr", "L'accord a été signé le 5 mai 2018.", "5 mai 2018", "2018-05-05"),
        ("es", "El acuerdo se firmó el 7 de julio de 2017.", "7 de julio de 2017", "2017-07-07"),
        ("en", "Officials met in March 2011 and agreed.", "March 2011", "2011-03"),
        ("es", "La crisis empezó en junio de 2015.", "junio de 2015", "2015-06"),
        ("en", "They met on the 12th of June.", "12th of June", "2024-06-12"),
        ("en", "They met on June 3rd, 2020.", "June 3rd, 2020", "2020-06-03"),
        ("ru", "Они встретились 12-го июня.", "12-го июня", "2024-06-12"),
        ("fr", "Ils se sont rencontrés le 1er mai 2020.", "1er mai 2020", "2020-05-01"),
        ("en", "Output recovered by mid-2015.", "mid-2015", "2015"),
        ("ru", "Рост возобновился в первом квартале 2020 года.", "в первом квартале 2020 года", "2020"),
        ("it", "La crescita è ripresa nel secondo semestre del 2020.", "nel secondo semestre del 2020", "2020"),
        ("de", "Das Wachstum kehrte Ende 2019 zurück.", "Ende 2019", "2019"),
    ],
)
def test_absolute_dates(lang: str, text: str, span: str, value: str) -> None:
    assert _values(text, lang).get(span) == value


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        ("en", "The minister spoke yesterday.", "yesterday", "2024-06-11"),
        ("en", "Talks resume tomorrow.", "tomorrow", "2024-06-13"),
        ("ru", "Министр выступил вчера.", "вчера", "2024-06-11"),
        ("ru", "Соглашение подписано в прошлом году.", "в прошлом году", "2023"),
        ("it", "Il ministro ha parlato ieri.", "ieri", "2024-06-11"),
        ("it", "L'accordo è stato firmato l'anno scorso.", "l'anno scorso", "2023"),
        ("de", "Der Minister sprach gestern.", "gestern", "2024-06-11"),
        ("de", "Das Abkommen wurde letztes Jahr unterzeichnet.", "letztes Jahr", "2023"),
        ("fr", "Le ministre a parlé hier.", "hier", "2024-06-11"),
        ("fr", "L'accord a été signé l'an dernier.", "l'an dernier", "2023"),
        ("es", "El ministro habló ayer.", "ayer", "2024-06-11"),
        ("es", "El acuerdo se firmó el año pasado.", "el año pasado", "2023"),
        ("en", "Growth slowed in the second half of 2011.", "the second half of 2011", "2011"),
        ("en", "Elections are due early next year.", "early next year", "2025"),
        ("en", "The border closed in December last year.", "December last year", "2023-12"),
        ("ru", "Граница закрылась в декабре прошлого года.", "декабре прошлого года", "2023-12"),
        ("en", "The treaty lapsed three weeks ago, and 5 years ago it began.", "5 years ago", "2019"),
        ("es", "El tratado se firmó hace 3 años.", "hace 3 años", "2021"),
        ("en", "The treaty was signed two years ago.", "two years ago", "2022"),
        ("ru", "Договор подписали три года назад.", "три года назад", "2021"),
        ("de", "Der Vertrag wurde vor zwei Jahren unterzeichnet.", "vor zwei Jahren", "2022"),
        ("fr", "Le traité a été signé il y a deux ans.", "il y a deux ans", "2022"),
        ("it", "Il trattato è stato firmato due anni fa.", "due anni fa", "2022"),
    ],
)
def test_relative_expressions(lang: str, text: str, span: str, value: str) -> None:
    assert _values(text, lang).get(span) == value


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        # publication 2024-06-12 is a Wednesday: a past Monday is the 10th, a future one the 17th
        ("en", "Ministers met on Monday.", "Monday", "2024-06-10"),
        ("en", "Ministers will meet on Monday.", "Monday", "2024-06-17"),
        ("en", "Ministers met on Friday.", "Friday", "2024-06-07"),
        ("en", "Ministers will meet next Tuesday.", "next Tuesday", "2024-06-18"),
        ("en", "Ministers met last Wednesday.", "last Wednesday", "2024-06-05"),
        ("ru", "Министры встретились в понедельник.", "понедельник", "2024-06-10"),
        ("ru", "Министры будут встречаться в пятницу.", "пятницу", "2024-06-14"),
        ("ru", "Министры встретятся в пятницу.", "пятницу", "2024-06-14"),
        ("ru", "Министры встречались в пятницу.", "пятницу", "2024-06-07"),
        ("it", "I ministri si sono incontrati lunedì.", "lunedì", "2024-06-10"),
        ("it", "I ministri si sono incontrati lunedì scorso.", "lunedì scorso", "2024-06-10"),
        ("de", "Die Minister trafen sich am Montag.", "Montag", "2024-06-10"),
        ("de", "Die Minister treffen sich nächsten Montag.", "nächsten Montag", "2024-06-17"),
        ("fr", "Les ministres se sont réunis lundi.", "lundi", "2024-06-10"),
        ("fr", "Les ministres se sont réunis lundi dernier.", "lundi dernier", "2024-06-10"),
        ("es", "Los ministros se reunieron el lunes.", "lunes", "2024-06-10"),
        ("es", "Los ministros se reunirán el próximo lunes.", "próximo lunes", "2024-06-17"),
    ],
)
def test_weekdays(lang: str, text: str, span: str, value: str) -> None:
    assert _values(text, lang).get(span) == value


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        ("en", "Protests began in May.", "May", "2024-05"),
        ("en", "The summit will take place in September.", "September", "2024-09"),
        ("en", "Protests began in August.", "August", "2023-08"),
        ("ru", "Протесты начались в мае.", "мае", "2024-05"),
        ("it", "Le proteste sono iniziate a marzo.", "marzo", "2024-03"),
        ("de", "Die Proteste begannen im Mai.", "Mai", "2024-05"),
        ("fr", "Les manifestations ont commencé en mai.", "mai", "2024-05"),
        ("es", "Las protestas comenzaron en mayo.", "mayo", "2024-05"),
    ],
)
def test_months_alone(lang: str, text: str, span: str, value: str) -> None:
    assert _values(text, lang).get(span) == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Almaty city12 June , 10:39. The ministry reported a meeting.", "12 June", "2024-06-12"),
        ("May 31. MFA said the talks went well.", "May 31", "2024-05-31"),
        ("ALMATY, June 12 (Reuters) - Talks ended.", "June 12", "2024-06-12"),
    ],
)
def test_datelines(text: str, span: str, value: str) -> None:
    assert _values(text, "en").get(span) == value


def test_ru_dateline() -> None:
    assert _values("Москва, 12 июня. Министр заявил о переговорах.", "ru").get("12 июня") == "2024-06-12"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Theresa May said we may agree.", "May"),
        ("We will march on.", "march"),
        ("The 30th anniversary was marked by 2000 soldiers.", "2000"),
        ("The company employs 1999 people.", "1999"),
        ("Growth was faster in the 1990s.", "1990"),
    ],
)
def test_no_false_dates(text: str, absent: str) -> None:
    assert absent not in _values(text, "en")


def test_aux_flags() -> None:
    found = {span: aux for span, _, _, aux in _times("In 2009 the CSTO established a force; talks will be held next month.", "en")}
    assert found["2009"] == "historical"
    assert found["next month"] == "future"


def test_relative_dates_need_an_anchor() -> None:
    assert _values("The minister spoke yesterday.", "en", published=None) == {}


@pytest.mark.parametrize(
    ("lang", "text", "value", "precision"),
    [
        ("en", "ALMATY, June 12, 2019 (Reuters) - Talks were held.", "2019-06-12", "day"),
        ("it", "Martedì 9 novembre. Il ministro ha ricordato la riunione del 2010.", "2010-11-09", "day"),
        ("de", "Dienstag, 9. November. Der Minister erinnerte an das Treffen von 2010.", "2010-11-09", "day"),
        ("ru", "Москва, 12 июня. Переговоры прошли в 2013 году.", "2013-06-12", "day"),
        ("fr", "Le ministre a évoqué la crise de 2015 et celle de 2017.", "2017", "year"),
    ],
)
def test_publication_inference(lang: str, text: str, value: str, precision: str) -> None:
    doc = Document("d", text, lang=lang)
    guess = infer_publication_date(doc, (Sentence("d", 0, len(text), text),), today=dt.date(2026, 1, 1))
    assert (guess.value, guess.precision) == (value, precision)
    assert guess.evidence


def test_inference_leaves_year_unset_when_several_fit() -> None:
    text = "Martedì 9 novembre. Il ministro ha parlato ieri."
    doc = Document("d", text, lang="it")
    guess = infer_publication_date(doc, (Sentence("d", 0, len(text), text),), today=dt.date(2026, 1, 1))
    assert guess.value is None
    assert 2021 in guess.candidates and 2010 in guess.candidates
    assert all(dt.date(y, 11, 9).weekday() == 1 for y in guess.candidates)


def test_inference_uses_kb_terms_of_office() -> None:
    from dyads.model import Entity, Mention

    class KB:
        def term_years(self, entity: Entity) -> list[tuple[int, int | None]]:
            return [(2019, 2022)] if entity.name == "A. Leader" else []

    text = "Martedì 9 novembre. Il presidente ha parlato."
    doc = Document("d", text, lang="it")
    leader = Mention(22, 32, "presidente", entity=Entity("A. Leader", kind="person"))
    guess = infer_publication_date(doc, (Sentence("d", 0, len(text), text),), [leader], KB(), today=dt.date(2026, 1, 1))
    assert guess.value == "2021-11-09"


def test_undated_document_gets_inferred_basis() -> None:
    text = "ALMATY, June 12, 2019 (Reuters) - Talks were held yesterday."
    doc = Document("d", text, lang="en")
    refs = {m.text: m.time for m in find_times(doc, (Sentence("d", 0, len(text), text),)) if m.time}
    assert refs["yesterday"].value == "2019-06-11"
    assert refs["yesterday"].basis == "inferred"
    assert refs["June 12, 2019"].basis == "stated"
