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


def _typed(text: str, lang: str, published: str | None = PUB) -> dict[str, tuple[str, str]]:
    doc = Document("d", text, lang=lang, published=published)
    found = find_times(doc, (Sentence("d", 0, len(text), text),))
    return {m.text: (m.time.value, m.time.type) for m in found if m.time}


@pytest.mark.parametrize(
    ("lang", "text", "span", "value", "type_"),
    [
        ("en", "The talks have lasted three years.", "three years", "P3Y", "DURATION"),
        ("en", "Prices rose over the past two months.", "the past two months", "P2M", "DURATION"),
        ("en", "The siege lasted 72 hours.", "72 hours", "PT72H", "DURATION"),
        ("en", "They signed a 10-year lease.", "10-year", "P10Y", "DURATION"),
        ("en", "The conflict has run for several years.", "several years", "PXY", "DURATION"),
        ("en", "The truce held for two decades.", "two decades", "P20Y", "DURATION"),
        ("en", "Patrols run daily along the border.", "daily", "P1D", "SET"),
        ("en", "The council meets every week.", "every week", "P1W", "SET"),
        ("en", "The army is now on alert.", "now", "PRESENT_REF", "DATE"),
        ("en", "The army is currently on alert.", "currently", "PRESENT_REF", "DATE"),
        ("en", "The army recently moved north.", "recently", "PAST_REF", "DATE"),
        ("en", "Talks may resume in the future.", "the future", "FUTURE_REF", "DATE"),
        ("en", "Violence peaked in the 1990s.", "1990s", "199", "DATE"),
        ("en", "Profits fell in the first quarter.", "the first quarter", "2024-Q1", "DATE"),
        ("en", "Profits fell in the third quarter.", "the third quarter", "2023-Q3", "DATE"),
        ("en", "Profits fell in the latest quarter.", "the latest quarter", "2024-Q1", "DATE"),
        ("en", "Profits were higher a year earlier.", "a year earlier", "2023", "DATE"),
        ("en", "It recalled the 1996 campaign.", "1996", "1996", "DATE"),
        ("en", "Sales rose in fiscal 2019.", "fiscal 2019", "2019", "DATE"),
        ("ru", "Переговоры идут уже три года.", "три года", "P3Y", "DURATION"),
        ("ru", "Патрули выходят ежедневно.", "ежедневно", "P1D", "SET"),
        ("ru", "Сейчас армия в боевой готовности.", "Сейчас", "PRESENT_REF", "DATE"),
        ("ru", "Недавно армия ушла на север.", "Недавно", "PAST_REF", "DATE"),
        ("it", "I negoziati durano da tre anni.", "tre anni", "P3Y", "DURATION"),
        ("it", "Le pattuglie escono ogni giorno.", "ogni giorno", "P1D", "SET"),
        ("it", "L'esercito è attualmente in allerta.", "attualmente", "PRESENT_REF", "DATE"),
        ("it", "I colloqui potrebbero riprendere in futuro.", "in futuro", "FUTURE_REF", "DATE"),
        ("de", "Die Verhandlungen dauern seit drei Jahren an.", "drei Jahren", "P3Y", "DURATION"),
        ("de", "Die Patrouillen fahren täglich.", "täglich", "P1D", "SET"),
        ("de", "Die Armee ist derzeit in Alarmbereitschaft.", "derzeit", "PRESENT_REF", "DATE"),
        ("de", "Die Armee zog kürzlich nach Norden.", "kürzlich", "PAST_REF", "DATE"),
        ("fr", "Les négociations durent depuis trois ans.", "trois ans", "P3Y", "DURATION"),
        ("fr", "Les patrouilles sortent chaque jour.", "chaque jour", "P1D", "SET"),
        ("fr", "L'armée est actuellement en alerte.", "actuellement", "PRESENT_REF", "DATE"),
        ("fr", "L'armée a récemment fait mouvement vers le nord.", "récemment", "PAST_REF", "DATE"),
        ("es", "Las negociaciones duran ya tres años.", "tres años", "P3Y", "DURATION"),
        ("es", "Las patrullas salen todos los días.", "todos los días", "P1D", "SET"),
        ("es", "El ejército está actualmente en alerta.", "actualmente", "PRESENT_REF", "DATE"),
        ("es", "Las conversaciones podrían reanudarse en el futuro.", "en el futuro", "FUTURE_REF", "DATE"),
    ],
)
def test_durations_sets_and_references(lang: str, text: str, span: str, value: str, type_: str) -> None:
    assert _typed(text, lang).get(span) == (value, type_)


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        # a duration inside "N units ago" stays part of the date
        ("en", "The treaty was signed two years ago.", "two years ago", "2022"),
        ("ru", "Договор подписали три года назад.", "три года назад", "2021"),
        ("de", "Der Vertrag wurde vor zwei Jahren unterzeichnet.", "vor zwei Jahren", "2022"),
        # a quarter with its year keeps the year-precision date
        ("ru", "Рост возобновился в первом квартале 2020 года.", "в первом квартале 2020 года", "2020"),
        ("it", "La crescita è ripresa nel primo trimestre del 2020.", "nel primo trimestre del 2020", "2020"),
        # a day and month a few weeks ahead is this year's (news gives last year's dates their year)
        ("en", "The vote was set for July 20.", "July 20", "2024-07-20"),
    ],
)
def test_dates_beside_durations(lang: str, text: str, span: str, value: str) -> None:
    assert _values(text, lang).get(span) == value


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("A 6-year-old boy was hurt.", "6-year"),
        ("The company employs 1999 people.", "1999"),
        ("Turnout reached 2010 voters in the district.", "2010"),
        ("The index rose to 1995.5 points.", "1995"),
        ("They paid $2000 for it.", "2000"),
    ],
)
def test_no_false_durations_or_years(text: str, absent: str) -> None:
    assert absent not in _typed(text, "en")


def test_durations_need_no_anchor() -> None:
    assert _typed("The talks have lasted three years.", "en", published=None) == {"three years": ("P3Y", "DURATION")}


@pytest.mark.parametrize(
    ("text", "date", "basis"),
    [
        # a duration, a set or PRESENT_REF never dates an event: the publication date does
        ("Russia and Kazakhstan signed a defence agreement after three years of talks.", "2026-11-20", "publication"),
        ("Russia and Kazakhstan, which currently share a long border, signed a defence agreement.", "2026-11-20", "publication"),
        # a quarter, a week, a part of the day date events by the calendar period they fall in
        ("Russia and Kazakhstan signed a defence agreement in the third quarter.", "2026", "stated"),
        ("Russia and Kazakhstan signed a defence agreement on Thursday morning.", "2026-11-19", "stated"),
        ("Russia and Kazakhstan signed a defence agreement last week.", "2026-11", "stated"),
        ("After three years of talks Russia and Kazakhstan signed a defence agreement on Thursday.", "2026-11-19", "stated"),
    ],
)
def test_only_calendar_dates_date_events(text: str, date: str, basis: str) -> None:
    import dyads

    events = dyads.code_text(text, date="2026-11-20", lang="en")
    assert events, "no event coded"
    assert (events[0].date, events[0].date_basis) == (date, basis)


@pytest.mark.parametrize(
    ("lang", "text", "span", "value", "type_"),
    [
        # TimeML values for weeks, seasons, parts of the day and clock times (publication: Wednesday 2024-06-12)
        ("en", "Ministers met last week.", "last week", "2024-W23", "DATE"),
        ("en", "Ministers meet early next week.", "early next week", "2024-W25", "DATE"),
        ("en", "The treaty lapsed three weeks ago.", "three weeks ago", "2024-W21", "DATE"),
        ("en", "Ministers met last fall.", "last fall", "2023-FA", "DATE"),
        ("en", "Ministers meet this summer.", "this summer", "2024-SU", "DATE"),
        ("en", "The offensive began in spring 2011.", "spring 2011", "2011-SP", "DATE"),
        ("en", "Ministers met Tuesday morning.", "Tuesday morning", "2024-06-11TMO", "TIME"),
        ("en", "Shelling resumed last night.", "last night", "2024-06-11TNI", "TIME"),
        ("en", "The vote is tonight.", "tonight", "2024-06-12TNI", "TIME"),
        ("en", "The blast came at 10:35 a.m. EDT.", "10:35 a.m. EDT", "2024-06-12T10:35", "TIME"),
        ("en", "The blast came at 9 p.m. Tuesday.", "9 p.m. Tuesday", "2024-06-11T21:00", "TIME"),
        ("ru", "Министры встретились на прошлой неделе.", "на прошлой неделе", "2024-W23", "DATE"),
        ("ru", "Министры встретились во вторник утром.", "вторник утром", "2024-06-11TMO", "TIME"),
        ("ru", "Министры встретились прошлым летом.", "прошлым летом", "2023-SU", "DATE"),
        ("it", "I ministri si sono incontrati ieri sera.", "ieri sera", "2024-06-11TEV", "TIME"),
        ("it", "I ministri si sono incontrati la settimana scorsa.", "la settimana scorsa", "2024-W23", "DATE"),
        ("de", "Die Minister trafen sich gestern Abend.", "gestern Abend", "2024-06-11TEV", "TIME"),
        ("de", "Die Minister trafen sich letzte Woche.", "letzte Woche", "2024-W23", "DATE"),
        ("fr", "Les ministres se sont réunis mardi soir.", "mardi soir", "2024-06-11TEV", "TIME"),
        ("fr", "Les ministres se sont réunis l'été dernier.", "l'été dernier", "2023-SU", "DATE"),
        ("es", "Los ministros se reunieron anoche.", "anoche", "2024-06-11TNI", "TIME"),
        ("es", "Los ministros se reunieron el martes por la noche.", "martes por la noche", "2024-06-11TNI", "TIME"),
    ],
)
def test_timeml_values(lang: str, text: str, span: str, value: str, type_: str) -> None:
    assert _typed(text, lang).get(span) == (value, type_)


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2024-06-11", "day", ("2024-06-11", "day")),
        ("2024-06-11TMO", "time", ("2024-06-11", "day")),
        ("2024-06-11T09:30", "time", ("2024-06-11", "day")),
        ("2024-W23", "week", ("2024-06", "month")),
        ("2025-W01", "week", ("2024-12", "month")),  # ISO week 1 of 2025 starts on 30 December 2024
        ("2023-FA", "season", ("2023", "year")),
        ("2024-Q2", "quarter", ("2024", "year")),
        ("199", "decade", None),
        ("P3Y", "none", None),
        ("PRESENT_REF", "none", None),
    ],
)
def test_calendar_value(value: str, precision: str, expected: tuple[str, str] | None) -> None:
    from dyads.resolve.dates import calendar_value

    assert calendar_value(value, precision) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "value", "type_"),
    [
        ("en", "The council meets every Tuesday.", "every Tuesday", "XXXX-WXX-2", "SET"),
        ("en", "Marchers gather each July.", "each July", "XXXX-07", "SET"),
        ("de", "Der Rat tagt jeden Dienstag.", "jeden Dienstag", "XXXX-WXX-2", "SET"),
        ("fr", "Le conseil se réunit chaque mardi.", "chaque mardi", "XXXX-WXX-2", "SET"),
        ("es", "El consejo se reúne cada martes.", "cada martes", "XXXX-WXX-2", "SET"),
        ("it", "Il consiglio si riunisce ogni martedì.", "ogni martedì", "XXXX-WXX-2", "SET"),
        ("ru", "Совет собирается каждый вторник.", "каждый вторник", "XXXX-WXX-2", "SET"),
        # publication Wednesday 2024-06-12: the weekend just past is in ISO week 23, the coming one in 24
        ("en", "Officials met over the weekend.", "the weekend", "2024-W23-WE", "DATE"),
        ("en", "Officials will meet this weekend.", "this weekend", "2024-W24-WE", "DATE"),
        ("de", "Die Minister trafen sich am Wochenende.", "am Wochenende", "2024-W23-WE", "DATE"),
        ("en", "Talks need two more weeks.", "two more weeks", "P2W", "DURATION"),
        ("en", "Prices fell in recent months.", "recent months", "PXM", "DURATION"),
    ],
)
def test_recurring_and_weekends(lang: str, text: str, span: str, value: str, type_: str) -> None:
    assert _typed(text, lang).get(span) == (value, type_)


def test_fall_the_verb_is_no_season() -> None:
    found = _typed("Prices fall when supply rises; in the fall they rose.", "en")
    assert [span for span in found if span.lower().endswith("fall")] == ["fall"]
    assert found["fall"] == ("2023-FA", "DATE")
