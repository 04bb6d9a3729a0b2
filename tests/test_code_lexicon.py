"""Lexicon matching (prefixes, gaps, overlaps) and cue windows, on small fixtures of our own."""

from __future__ import annotations

import pytest

from dyads.code.cues import cue_view
from dyads.code.triggers import Lexicon, lexicon_for, tokenize

TRIGGERS = [
    ("phrase", "event", "mode", "context"),
    ("sign*", "AGREE", "", ""),
    ("signed ~ agreement", "AGREE", "", "diplomatic"),
    ("attack*", "ASSAULT", "", ""),
    ("met", "CONSULT", "meet", ""),
    ("подписа*", "AGREE", "", ""),
    ("not interested in", "REJECT", "", ""),
    ("bogus", "NOT_A_TYPE", "", ""),
]
CUES = [
    ("not", "negation"), ("did not", "negation"), ("said", "speech"), ("by", "agent"),
    ("refused to", "refusal"), ("not interested in", "refusal"), ("will", "future"), ("met", "meeting"),
]
LEX = Lexicon.from_rows("xx", TRIGGERS, CUES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia signed the agreement.", [("signed the agreement", "AGREE")]),
        ("Russia signed a long awaited trade agreement.", [("signed a long awaited trade agreement", "AGREE")]),
        ("They signs nothing.", [("signs", "AGREE")]),
        ("Россия подписала договор.", [("подписала", "AGREE")]),
        ("Troops attacked the town and met resistance.", [("attacked", "ASSAULT"), ("met", "CONSULT")]),
        ("Nothing happened here.", []),
    ],
)
def test_trigger_matching(text: str, expected: list[tuple[str, str]]) -> None:
    hits = LEX.triggers.find(tokenize(text))
    assert [(text[h.start : h.end].lower(), h.label) for h in hits] == expected


def test_unknown_event_types_are_skipped() -> None:
    assert all(p.label != "NOT_A_TYPE" for p in LEX.triggers.patterns)


def test_gap_is_at_most_six_tokens() -> None:
    far = "Russia signed one two three four five six seven agreement."
    assert [h.pattern.phrase for h in LEX.triggers.find(tokenize(far))] == ["sign*"]


def test_a_separable_verb_spans_a_long_gap() -> None:
    text = "Lawrow warf der OSZE in seiner Rede vor, parteiisch zu sein."
    hits = lexicon_for("de").triggers.find(tokenize(text))
    assert any(h.label == "ACCUSE" and h.pattern.phrase.startswith("warf* ~") and " vor" in h.pattern.phrase for h in hits)


@pytest.mark.parametrize(("text", "found"), [
    ("Russland warf Polen daraufhin Vernachlässigung seiner Pflichten zum Schutz sowjetischer Gedenkstätten vor.", True),
    ("Nordkorea warf der Regierung in einer von den Staatsmedien verbreiteten Erklärung vor, einen Angriff zu planen.", True),
    ("Die Polizei warf Tränengas. Vor dem Parlament blieb es ruhig.", False),  # no bracket across sentences
    ("Burundi lehnt die Entsendung von Truppen zur Stabilisierung seines Landes vehement ab.", True),
    # closed before a coordinator, or at the end of the text
    ("Burundi lehnt die Entsendung von Truppen zur Stabilisierung seines Landes vehement ab und hat die Mission kritisiert.", True),
    ("Burundi lehnt die Entsendung von Truppen zur Stabilisierung seines Landes vehement ab", True),
    ("Burundi lehnt die Entsendung von Truppen zur Stabilisierung seines Landes vehement abstrakt und ruhig.", False),
    ("Die Regierung hob die seit Monaten geltende Ausgangssperre in der Hauptstadt am Montag wieder auf, sagte er.", True),
    # a call is no long bracket: "rief für Montag zu einem Warnstreik ... auf" is the strike's announcement
    ("Die Gewerkschaft Verdi rief für Montag zu einem Warnstreik an den Flughäfen auf.", False),
])
def test_a_long_verb_bracket_stays_within_its_clause(text: str, found: bool) -> None:
    hits = lexicon_for("de").triggers.find(tokenize(text))
    assert any("~~" in h.pattern.phrase for h in hits) == found


@pytest.mark.parametrize(
    ("text", "negated", "refusal", "actor_speaks"),
    [
        ("Russia did not attack Ukraine.", True, False, False),
        ("Russia attacked Ukraine.", False, False, False),
        ("NATO is not interested in joint work.", False, True, False),
        ("Lavrov said Russia attacked Ukraine.", False, False, True),
    ],
)
def test_cue_view(text: str, negated: bool, refusal: bool, actor_speaks: bool) -> None:
    tokens = tokenize(text)
    trigger = LEX.triggers.find(tokens)[0]
    view = cue_view(LEX.cues.find(tokens), tokens, trigger, (0, 0), None)
    assert (view.negated, view.refusal, view.actor_speaks) == (negated, refusal, actor_speaks)
    assert ("negation" in view.aux) == negated


@pytest.mark.parametrize(("lang", "text", "negated"), [
    # a negation inside the trigger phrase is its meaning, not a negated act
    ("en", "Hungary did not recognise Kosovo.", False),
    ("ru", "Венгрия не поддержала санкции.", False),
    ("ru", "Россия не исключает ударов.", False),
    ("it", "La Russia non esclude l'uso della forza.", False),
    ("ru", "Венгрия не подписала соглашение.", True),  # the negation outside "подписала"
])
def test_a_negation_within_the_trigger_phrase_is_no_negated_act(lang: str, text: str, negated: bool) -> None:
    from dyads.code.triggers import lexicon_for

    lex = lexicon_for(lang)
    tokens = tokenize(text)
    trigger = lex.triggers.find(tokens)[0]
    assert cue_view(lex.cues.find(tokens), tokens, trigger, (0, 0), None, lang).negated == negated


@pytest.mark.parametrize(("lang", "text", "negated"), [
    ("en", "Lynch urged Comey not to announce the review.", False),  # the demand stands; its clause is negated
    ("ru", "Макрон попросил не проводить встречу.", False),
    ("it", "Il sindacato ha invitato a non votare.", False),
    ("en", "Lynch did not urge Comey to wait.", True),
    ("de", "Die Regierung unterzeichnete es nicht.", True),  # German negates after the verb
    ("de", "Berlin forderte keine Entschädigung.", True),  # even a demand
])
def test_a_negation_after_a_demand_belongs_to_its_clause(lang: str, text: str, negated: bool) -> None:
    from dyads.code.triggers import lexicon_for

    lex = lexicon_for(lang)
    tokens = tokenize(text)
    trigger = lex.triggers.find(tokens)[0]
    assert cue_view(lex.cues.find(tokens), tokens, trigger, (0, 0), None, lang).negated == negated


@pytest.mark.parametrize(
    ("lang", "text", "event"),
    [
        ("en", "Arvania urged Borduria to free the prisoners.", "REQUEST"),
        ("en", "Arvania severed diplomatic relations with Borduria.", "SANCTION"),
        ("en", "Arvania said it was willing to host the talks.", "AGREE"),
        ("en", "Arvanian forces fired rockets at Borduria.", "ASSAULT"),
        ("de", "Arvanien verhängte Einfuhrverbote gegen Bordurien.", "SANCTION"),
        ("de", "Arvanien finanziert den Bau einer Brücke in Bordurien.", "AID"),
        ("it", "I servizi di Arvania hanno condiviso informazioni con Borduria.", "COOPERATE"),
        ("ru", "Арвания передаст Бордурии вакцины.", "AID"),
        ("it", "Borduria ha condannato l'attacco di Arvania.", "ASSAULT"),  # elided article before the noun
        ("it", "Roma ha convocato l'ambasciatore di Arvania.", "ACCUSE"),
        ("fr", "Paris a condamné l'attaque menée par l'Arvanie.", "ASSAULT"),
        ("en", "Borduria lifted the blockade of Arvania's ports.", "RETREAT"),
        ("de", "Die Stadt verhängte ein Demonstrationsverbot für das Wochenende.", "COERCE"),  # not a demonstration
        # words found missing by running the coder over real news (2026-11-23)
        ("it", "I ladri hanno svaligiato la tabaccheria di via Roma.", "COERCE"),
        ("it", "Il pensionato ha chiamato subito i carabinieri.", "REQUEST"),
        ("ru", "Верховный суд отменил смертный приговор.", "CONCEDE"),
        ("ru", "Арвания выступила против санкций.", "REJECT"),
        ("de", "Die Opposition brachte einen Misstrauensantrag gegen die Ministerin ein.", "ACCUSE"),
        ("en", "The opposition raised a strong objection to the tax plan.", "REJECT"),
        ("de", "Deutschland hat der Ukraine ein weiteres Flugabwehrsystem übergeben.", "AID"),
        ("de", "Arvanien blockiert seit Monaten die Verabschiedung des Haushalts.", "REJECT"),
        ("de", "Die Polizei habe ihre Streifen an den Bahnhöfen verstärkt.", "MOBILIZE"),
        ("de", "Arvanien hat die Zusammenarbeit mit der Behörde weitgehend eingeschränkt.", "SANCTION"),
        # rows added in the fourteenth session
        ("en", "The Arvanian Supreme Court cancelled restrictions on minority newspapers.", "CONCEDE"),
        ("en", "Arvania is pushing hard for Borduria to join the customs union.", "REQUEST"),
        ("en", "An Arvanian newspaper violated a ban imposed by the governor.", "REJECT"),
        ("en", "Arvania on Monday reduced fuel supplies to Borduria.", "SANCTION"),
        ("en", "Arvanian doctors handed over two tonnes of medicine to the Red Crescent.", "AID"),
        ("en", "Arvania backed out of the trade agreement with Borduria.", "REJECT"),
        ("de", "Der Sprecher sagte, Arvanien lehne die Forderungen Bordurias ab.", "REJECT"),  # Konjunktiv I
        ("de", "Arvanien warne Borduria vor weiteren Provokationen.", "THREATEN"),
        ("de", "Arvanien verurteile die Angriffe auf Zivilisten.", "ACCUSE"),
        ("de", "Arvanien verlange eine Entschuldigung.", "REQUEST"),
        ("it", "Il governo sta trattando con il Fondo monetario internazionale.", "CONSULT"),
        ("it", "I sindacati hanno deciso di indire uno sciopero generale.", "THREATEN"),
        ("it", "Il leader del partito ha detto no a un governo tecnico.", "REJECT"),
        ("it", "Le minoranze si sono dette favorevoli al nuovo governo.", "SUPPORT"),
        ("it", "Richiamando le parti all'autocontrollo, la missione ha chiesto una tregua.", "REQUEST"),
        ("ru", "Президент заявил, что готов предоставить убежище журналисту.", "AGREE"),
        ("it", "I pretoriani, ovvero la guardia del raìs, si sono arresi.", "RETREAT"),
        ("ru", "Оппозиция назвала выборы фундаментальным мошенничеством.", "ACCUSE"),
        ("de", "Die Ministerin sagte dem Welternährungsprogramm zudem weitere fünf Millionen Euro zu.", "AGREE"),  # a long bracket
        # fifteenth session
        ("de", "Der Abgeordnete bestreitet den Vorwurf, er habe Geld angenommen.", "REJECT"),
        ("de", "Das Ministerium bestritt die Anschuldigungen der Opposition.", "REJECT"),
        ("en", "The senator disputed the claim that he had lobbied the agency.", "REJECT"),
        ("en", "The ministry rebutted the charges point by point.", "REJECT"),
        ("en", "Several hundred supporters gathered outside the court building.", "PROTEST"),
        ("de", "Vor dem Gericht hatten sich am Morgen Hunderte Anhänger versammelt.", "PROTEST"),
        ("it", "Centinaia di sostenitori si sono radunati davanti al tribunale.", "PROTEST"),
        ("ru", "Сотни сторонников собрались у здания суда.", "PROTEST"),
        ("ru", 'Суд признал лидера партии "Новый путь" виновным в призывах к беспорядкам.', "ACCUSE"),  # a long gap
        ("en", "The court found the former opposition leader guilty of fraud.", "ACCUSE"),
        ("de", "Das Gericht sprach den Oppositionsführer der Anstiftung schuldig.", "ACCUSE"),
        ("it", "Il tribunale ha dichiarato l'ex sindaco colpevole di corruzione.", "ACCUSE"),
        ("fr", "Le tribunal a déclaré l'ancien maire coupable de corruption.", "ACCUSE"),
        ("es", "El tribunal declaró al exalcalde culpable de corrupción.", "ACCUSE"),
        ("ru", "Россия готова направить в республику мобильный госпиталь.", "AGREE"),  # readiness: a stated intention
        ("it", "Il governo è pronto a inviare una missione di osservatori.", "AGREE"),
        ("es", "El gobierno está dispuesto a liberar a los detenidos.", "AGREE"),
        ("fr", "Le gouvernement est prêt à libérer les détenus.", "AGREE"),
        ("en", "Poland has already closed all Russian consulates on its territory.", "SANCTION"),  # CAMEO 161
        ("de", "Polen hat alle russischen Konsulate geschlossen.", "SANCTION"),
        ("it", "La Polonia ha chiuso tutti i consolati russi.", "SANCTION"),
        ("fr", "La Pologne a fermé les consulats russes.", "SANCTION"),
        ("es", "Polonia cerró los consulados rusos.", "SANCTION"),
        ("ru", "Стороны передали друг другу по 300 военнопленных.", "RETREAT"),
        # calling another's act unacceptable, illegal or shameful
        ("de", "Polen nannte das Vorgehen Russlands inakzeptabel.", "ACCUSE"),
        ("de", "Berlin bezeichnete die Festnahme als politisch motiviert.", "ACCUSE"),
        ("ru", "Оппозиция назвала действия полиции непропорциональными.", "ACCUSE"),
        ("it", "Il patriarca ha definito la manifestazione una vergogna.", "ACCUSE"),
        ("fr", "Paris a qualifié la décision d'inacceptable.", "ACCUSE"),
        ("es", "Madrid calificó la decisión de inaceptable.", "ACCUSE"),
    ],
)
def test_shipped_lexicon_covers_common_verbs(lang: str, text: str, event: str) -> None:
    from dyads.code.triggers import lexicon_for

    assert event in {h.label for h in lexicon_for(lang).triggers.find(tokenize(text))}


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("l'attacco dell'esercito", ["l'", "attacco", "dell'", "esercito"]),
        ("l’attacco dell’esercito", ["l'", "attacco", "dell'", "esercito"]),  # typographic apostrophes
        ("la France n'a pas condamné l'attaque", ["la", "france", "n'", "a", "pas", "condamné", "l'", "attaque"]),
        ("Côte d'Ivoire", ["côte", "d'", "ivoire"]),
        ("Russia's envoy didn't come", ["russia's", "envoy", "didn't", "come"]),  # English contractions stay whole
    ],
)
def test_elided_articles_are_tokens_of_their_own(text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == tokens


def test_lexicon_phrases_split_elisions_like_the_text() -> None:
    from dyads.code.triggers import phrase_tokens

    assert phrase_tokens("convoc* ~ l'ambasciator*") == ("convoc*", "~", "l'", "ambasciator*")
    assert phrase_tokens("n' ~ pas") == ("n'", "~", "pas")


FUNCTION_WORD_KINDS = {"coordinator", "audience", "speech_before_audience", "against", "article", "possessive", "own",
                       "clause_opener", "preposition", "noun_determiner", "not_passive_aux", "circumstance",
                       "verb_final_passive", "modal", "feature_article", "verb_particle", "impersonal_next", "verb_link",
                       "bracket_aux", "officer", "short_passive", "v2_opener", "subordinator", "object_pronoun", "subject_pronoun",
                       "object_marker", "genitive_article", "participle_tail", "participle_auxiliary", "irregular_participle", "adjective_gap_marker",
                       "sentence_opener", "participle_aux", "attack_target"}


def test_function_word_files_name_only_kinds_the_code_reads() -> None:
    from dyads.lang import available_languages, read_tsv

    kinds = {row[1] for lang in available_languages() for row in read_tsv(lang, "function_words.tsv") if len(row) >= 2}
    assert kinds == FUNCTION_WORD_KINDS


@pytest.mark.parametrize(("kind", "word"), [
    ("coordinator", "und"), ("coordinator", "и"), ("possessive", "leurs"), ("against", "против"),
    ("circumstance", "während"), ("audience", "giornalisti"), ("preposition", "sobre"),
])
def test_function_words_are_the_union_of_the_languages(kind: str, word: str) -> None:
    from dyads.lang import function_words

    assert word in function_words(kind)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("bei einem US-Luftangriff auf ein Lager", "ASSAULT"),
        ("neue EU-Sanktionen gegen Russland", "SANCTION"),
        ("die Anti-Regierungs-Proteste gingen weiter", "PROTEST"),
    ],
)
def test_a_german_compounds_last_part_is_its_trigger(text: str, label: str) -> None:
    from dyads.code.triggers import lexicon_for, tokenize

    tokens = tokenize(text)
    hits = lexicon_for("de").triggers.find(tokens)
    compound = next(t for t in tokens if "-" in t.text)
    assert [(h.label, h.start, h.end) for h in hits] == [(label, compound.start, compound.end)]


def test_compound_tails_are_german_only() -> None:
    from dyads.code.triggers import lexicon_for, tokenize

    assert lexicon_for("en").triggers.find(tokenize("a pro-sanctions lobby")) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Arvania will not accept Borduria as a nuclear power."),
    ("en", "Arvania does not, and never will, accept the annexation."),
    ("de", "Arvanien werde die Annexion nicht anerkennen."),
    ("de", "Arvanien werde die Annexion niemals akzeptieren."),
    ("de", "Der Sprecher sagte, Arvanien lehne die Forderungen ab."),
    ("it", "L'Arvania non riconosce il governo di Borduria."),
    ("fr", "L'Arvanie n'accepte pas les conditions de la Bordurie."),
    ("es", "Arvania no acepta las condiciones de Borduria."),
    ("ru", "Арвания не признает независимость Бордурии."),
    ("ru", "Власти Арвании не согласовали митинг оппозиции."),
])
def test_not_accepting_is_a_refusal_cue(lang: str, text: str) -> None:
    """Not accepting or recognising something refuses it (REJECT); it is no negated acceptance."""
    assert "refusal" in {h.label for h in lexicon_for(lang).cues.find(tokenize(text))}


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia rejected it and left.", [("rejected it", "REJECT")]),
    ("Russia rejected it, then left.", [("rejected it", "REJECT")]),
    ("Russia rejected it", [("rejected it", "REJECT")]),
    ("Russia rejected it firmly.", []),
])
def test_a_clause_mark_matches_the_boundary_without_taking_it(text: str, expected: list[tuple[str, str]]) -> None:
    lex = Lexicon.from_rows("xx", [("phrase", "event", "mode", "context"), ("rejected ~~ it $", "REJECT", "", "")], [])
    hits = lex.triggers.find(tokenize(text))
    assert [(text[h.start : h.end].lower(), h.label) for h in hits] == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Kremlin declined to comment on the report."),
    ("de", "Der Kreml lehnte eine Stellungnahme ab."),
    ("it", "Il Cremlino si è rifiutato di commentare."),
    ("ru", "В Кремле отказались от комментариев."),
    ("fr", "Le Kremlin a refusé de commenter."),
    ("es", "El Kremlin se negó a comentar."),
])
def test_declining_to_comment_is_no_event(lang: str, text: str) -> None:
    """CAMEO 011 "decline comment" has no PLOVER type: the NONE row blocks the refusal inside it."""
    from dyads.code.triggers import lexicon_for

    assert lexicon_for(lang).triggers.find(tokenize(text)) == []


def test_a_none_row_blocks_only_the_triggers_it_covers() -> None:
    from dyads.code.triggers import Lexicon

    lex = Lexicon.from_rows("en", [("refus*", "REJECT"), ("refus* to comment", "NONE")], [])
    assert lex.triggers.find(tokenize("They refused to comment.")) == []
    assert [h.pattern.label for h in lex.triggers.find(tokenize("They refused to sign."))] == ["REJECT"]


@pytest.mark.parametrize(("text", "labels"), [
    ("Die von Russland unterstützten Separatisten griffen an.", []),  # an attributive participle describes a party
    ("Das von Saudi-Arabien finanzierte Zentrum schloss.", []),
    ("Die vom Westen unterstützte Regierung trat zurück.", ["RETREAT"]),
    ("Die Resolution wurde von 20 Staaten unterstützt, die USA unterstützten sie nicht.", ["SUPPORT", "SUPPORT"]),  # verbs
])
def test_a_german_attributive_participle_is_no_act(text: str, labels: list[str]) -> None:
    from dyads.code.triggers import lexicon_for

    found = [h.pattern.label for h in lexicon_for("de").triggers.find(tokenize(text))]
    assert [label for label in found if label in ("SUPPORT", "AID", "RETREAT")] == labels


@pytest.mark.parametrize(("text", "labels"), [
    ("Поддерживаемые Россией сепаратисты обстреляли город.", []),  # a participle describes a party
    ("Мы поддерживаем Украину.", ["SUPPORT"]),  # the verb
])
def test_a_russian_present_passive_participle_is_no_act(text: str, labels: list[str]) -> None:
    from dyads.code.triggers import lexicon_for

    assert [h.pattern.label for h in lexicon_for("ru").triggers.find(tokenize(text)) if h.pattern.label == "SUPPORT"] == labels
