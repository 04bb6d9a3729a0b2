"""classify_dyad with the shipped model: the brief's examples in each language (table-driven)."""

from __future__ import annotations

import pytest

from dyads.code import DyadResult, classify_dyad
from dyads.code.coder import DEFAULT_MODEL, as_span, detect_language
from dyads.code.features import HIDDEN, DyadView, Party, dyad_view
from dyads.code.triggers import lexicon_for
from dyads.errors import CoderError
from dyads.ontology import PLOVER_TYPES

pytestmark = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped model absent")

# (lang, text, actor, recipient, event, aux flag expected or None)
CASES = [
    ("en", "Putin and Tokayev met in Astana.", ["Putin", "Tokayev"], None, "CONSULT", None),
    ("en", "Rogozin said US policy is divide and rule.", "Rogozin", "US", "ACCUSE", None),
    ("en", "The memorandum was signed by the defence ministers of Russia and Kazakhstan.", ["Russia", "Kazakhstan"], None, "SUPPORT", None),
    ("en", "NATO is not interested in joint activities with the CSTO.", "NATO", "CSTO", "REJECT", None),
    ("en", "Russia did not attack Ukraine.", "Russia", "Ukraine", "NONE", "negation"),
    ("en", "Russian forces attacked Ukrainian positions near the river.", "Russian forces", "Ukrainian positions", "ASSAULT", None),
    ("ru", "Путин и Токаев встретились в Астане.", ["Путин", "Токаев"], None, "CONSULT", None),
    ("ru", "Рогозин заявил, что политика США — это «разделяй и властвуй».", "Рогозин", "США", "ACCUSE", None),
    ("ru", "Меморандум был подписан министрами обороны России и Казахстана.", ["России", "Казахстана"], None, "SUPPORT", None),
    ("ru", "НАТО не заинтересовано в совместной деятельности с ОДКБ.", "НАТО", "ОДКБ", "REJECT", None),
    ("ru", "Россия не нападала на Украину.", "Россия", "Украину", "NONE", "negation"),
    ("ru", "Российские войска атаковали украинские позиции.", "Российские войска", "украинские позиции", "ASSAULT", None),
    ("it", "Putin e Tokayev si sono incontrati ad Astana.", ["Putin", "Tokayev"], None, "CONSULT", None),
    ("it", "Rogozin ha detto che la politica degli Stati Uniti è divide et impera.", "Rogozin", "Stati Uniti", "ACCUSE", None),
    ("it", "Il memorandum è stato firmato dai ministri della Difesa della Federazione Russa e del Kazakistan.",
     ["Federazione Russa", "Kazakistan"], None, "SUPPORT", None),
    ("it", "La NATO non è interessata ad attività congiunte con la CSTO.", "NATO", "CSTO", "REJECT", None),
    ("it", "La Russia non ha attaccato l'Ucraina.", "Russia", "Ucraina", "NONE", "negation"),
    ("it", "Le forze russe hanno attaccato le posizioni ucraine.", "Le forze russe", "posizioni ucraine", "ASSAULT", None),
    ("de", "Putin und Tokajew trafen sich in Astana.", ["Putin", "Tokajew"], None, "CONSULT", None),
    ("de", "Rogosin sagte, die Politik der USA sei „teile und herrsche“.", "Rogosin", "USA", "ACCUSE", None),
    ("de", "Das Memorandum wurde von den Verteidigungsministern Russlands und Kasachstans unterzeichnet.",
     ["Russlands", "Kasachstans"], None, "SUPPORT", None),
    ("de", "Die NATO ist an einer Zusammenarbeit mit der OVKS nicht interessiert.", "NATO", "OVKS", "REJECT", None),
    ("de", "Russland hat die Ukraine nicht angegriffen.", "Russland", "Ukraine", "NONE", "negation"),
    ("de", "Russische Truppen griffen ukrainische Stellungen an.", "Russische Truppen", "ukrainische Stellungen", "ASSAULT", None),
    ("fr", "Poutine et Tokaïev se sont rencontrés à Astana.", ["Poutine", "Tokaïev"], None, "CONSULT", None),
    ("fr", "Rogozine a déclaré que la politique des États-Unis consiste à diviser pour régner.", "Rogozine", "États-Unis", "ACCUSE", None),
    ("fr", "Le mémorandum a été signé par les ministres de la Défense de la Russie et du Kazakhstan.",
     ["Russie", "Kazakhstan"], None, "SUPPORT", None),
    ("fr", "L'OTAN n'est pas intéressée par des activités communes avec l'OTSC.", "OTAN", "OTSC", "REJECT", None),
    ("fr", "La Russie n'a pas attaqué l'Ukraine.", "Russie", "Ukraine", "NONE", "negation"),
    ("fr", "Les forces russes ont attaqué les positions ukrainiennes.", "Les forces russes", "positions ukrainiennes", "ASSAULT", None),
    ("es", "Putin y Tokáyev se reunieron en Astaná.", ["Putin", "Tokáyev"], None, "CONSULT", None),
    ("es", "Rogozin dijo que la política de Estados Unidos es divide y vencerás.", "Rogozin", "Estados Unidos", "ACCUSE", None),
    ("es", "El memorando fue firmado por los ministros de Defensa de Rusia y Kazajistán.", ["Rusia", "Kazajistán"], None, "SUPPORT", None),
    ("es", "La OTAN no está interesada en actividades conjuntas con la OTSC.", "OTAN", "OTSC", "REJECT", None),
    ("es", "Rusia no atacó a Ucrania.", "Rusia", "Ucrania", "NONE", "negation"),
    ("es", "Las fuerzas rusas atacaron posiciones ucranianas.", "Las fuerzas rusas", "posiciones ucranianas", "ASSAULT", None),
]


@pytest.mark.parametrize(("lang", "text", "actor", "recipient", "event", "aux"), CASES, ids=[f"{c[0]}-{c[4]}-{i}" for i, c in enumerate(CASES)])
def test_classify_dyad(lang: str, text: str, actor: object, recipient: object, event: str, aux: str | None) -> None:
    result = classify_dyad(text, actor, recipient, lang=lang)
    assert isinstance(result, DyadResult)
    assert result.event == event, (result.probabilities, result.rule, result.features)
    if aux:
        assert aux in result.aux
    if event in PLOVER_TYPES:
        assert result.cameo and result.quad_code in (1, 2, 3, 4)
        assert result.trigger is not None and result.trigger_text


def test_result_fields_and_spans() -> None:
    text = "Russian forces attacked Ukrainian positions near the river."
    by_text = classify_dyad(text, "Russian forces", "Ukrainian positions", lang="en")
    by_span = classify_dyad(text, (0, 14), (24, 43), lang="en")
    assert by_text == by_span
    assert 0.0 <= by_text.confidence <= 1.0
    assert by_text.features and all("(" in f for f in by_text.features)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Russia attacked the town.", "en"), ("Россия атаковала город.", "ru"), ("La Russia ha attaccato la città e il porto.", "it"),
     ("Russland hat die Stadt und den Hafen angegriffen.", "de"),
     ("El canciller ruso llegó ayer a Madrid. Además, acusó a Ucrania de sabotear las negociaciones.", "es"),
     ("Le ministre russe est arrivé hier à Madrid et a accusé l'Ukraine de saboter les négociations.", "fr")],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_bad_actor_raises_coder_error() -> None:
    with pytest.raises(CoderError):
        as_span("Russia attacked Ukraine.", "Belarus")


def _actor_view(text: str, actor: tuple[int, int], lang: str) -> DyadView:
    """The dyad view of an actor with no recipient, as the coder sees it."""
    return dyad_view(text, Party((actor,)), None, lang, lexicon_for(lang))


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        ("Arvania will support the plan of Borduria.", (0, 7), {"AV=will", "AV2=will_support"}),
        ("Arvania lifted the blockade on Borduria.", (0, 7), {"AV=lifted", "TX=RETREAT|on"}),
        ("Talks ended when Arvania left.", (17, 24), {"AV=left"}),
        # asides are hidden: after the actor between commas, and between a speech verb and its clause
        ("Arvania, in remarks published on Monday, urged Borduria to talk.", (0, 7), {"A+1=urged", "AV=urged"}),
        ("Arvania said in a statement on Monday that Borduria had attacked.", (0, 7), {"A+2=that", "AV2=said_that"}),
    ],
)
def test_lexicon_free_features(text: str, actor: tuple[int, int], expected: set[str]) -> None:
    assert expected <= set(_actor_view(text, actor, "en").features)


# PLOVER codes an announced act by its intent: cooperative -> AGREE, conflictual -> THREATEN;
# the act itself keeps its own type.
INTENT_CASES = [
    ("en", "Japan will send humanitarian aid to Kyrgyzstan next month.", "Japan", "Kyrgyzstan", "AGREE"),
    ("en", "Japan sent humanitarian aid to Kyrgyzstan on Monday.", "Japan", "Kyrgyzstan", "AID"),
    ("en", "Poland intends to expel the Belarusian consul in Bialystok.", "Poland", "Belarusian consul", "THREATEN"),
    ("en", "Poland expelled the Belarusian consul in Bialystok.", "Poland", "Belarusian consul", "SANCTION"),
    ("de", "Kasachstan wird Kirgistan nächste Woche Hilfsgüter schicken.", "Kasachstan", "Kirgistan", "AGREE"),
    ("ru", "Казахстан направит Киргизии гуманитарную помощь на следующей неделе.", "Казахстан", "Киргизии", "AGREE"),
    ("en", "Arvania contributed 5 million euros to Borduria on Monday.", "Arvania", "Borduria", "AID"),
]


@pytest.mark.parametrize(("text", "actor", "hidden"), [
    ("Arvania, which hosts the talks, urged Borduria to attend.", (0, 7), False),  # holds a trigger: an act of its own
    ("Arvania, Borduria and Carpania urged Dorvia to attend.", (0, 7), False),  # a list of parties
    ("Arvania, however, rejected the plan.", (0, 7), True),
])
def test_an_aside_is_hidden_only_when_it_holds_no_act_and_no_party(text: str, actor: tuple[int, int], hidden: bool) -> None:
    assert (HIDDEN in _actor_view(text, actor, "en").masked) == hidden


@pytest.mark.parametrize(("text", "actor", "label"), [
    ("Die UN hat den Angriff auf das Krankenhaus in Aleppo scharf verurteilt.", (4, 6), "ACCUSE"),  # the bracket's verb
    ("Am Montag hat die UN den Angriff auf das Krankenhaus verurteilt.", (18, 20), "ACCUSE"),  # subject after the auxiliary
    ("Kasachstan hatte am Montag Rettungsteams in das Gebiet entsandt.", (0, 10), "AID"),  # aid sent stays the act
    ("Kasachstan hat den Angriff verurteilt, sagte der Sprecher.", (0, 10), "ACCUSE"),
])
def test_a_german_verb_bracket_decides_over_the_act_it_encloses(text: str, actor: tuple[int, int], label: str) -> None:
    view = _actor_view(text, actor, "de")
    assert view.trigger is not None and view.trigger.label == label


def test_events_only_never_answers_none() -> None:
    text = "Russia did not attack Ukraine."
    assert classify_dyad(text, "Russia", "Ukraine", lang="en").event == "NONE"
    result = classify_dyad(text, "Russia", "Ukraine", lang="en", events_only=True)
    assert result.event in PLOVER_TYPES and 0.0 < result.confidence <= 1.0


def test_trigger_phrase_may_end_on_the_recipient() -> None:
    """'expelled ~ diplomats' spans the recipient; its verb still decides the type."""
    result = classify_dyad("Switzerland said it had expelled two Russian diplomats for spying.", "Switzerland", "Russian diplomats", lang="en")
    assert result.event == "SANCTION" and result.trigger_text is not None and result.trigger_text.startswith("expelled")


COORDINATED_CASES = [
    ("en", "Arvania rejected the ultimatum and urged Borduria to withdraw its troops.", "Arvania", "Borduria", "urged"),
    ("it", "L'Italia ha condannato l'attacco e ha chiesto a Washington di spiegare.", "L'Italia", "Washington", "chiesto"),
    ("en", "Arvania rejected the ultimatum of Borduria.", "Arvania", "Borduria", "rejected"),
    # an adjective after "and" is no verb: the act towards Borduria is the withdrawal
    ("en", "Arvania will withdraw its inspectors and humanitarian workers from Borduria.", "Arvania", "Borduria", "withdraw"),
]


@pytest.mark.parametrize(("lang", "text", "actor", "recipient", "trigger"), COORDINATED_CASES)
def test_second_coordinated_verb_decides_when_recipient_is_its_object(lang: str, text: str, actor: str, recipient: str,
                                                                      trigger: str) -> None:
    """'rejected the ultimatum and urged Borduria': the act towards Borduria is the urging."""
    result = classify_dyad(text, actor, recipient, lang=lang)
    assert result.trigger_text is not None and result.trigger_text.startswith(trigger)


# What a speaker says the recipient must do is a REQUEST to it.
OBLIGATION_CASES = [
    ("en", "The EU said Belarus must release all political prisoners.", "EU", "Belarus", "REQUEST"),
    ("it", "L'Ue ha dichiarato che Minsk deve rilasciare tutti i prigionieri politici.", "Ue", "Minsk", "REQUEST"),
    ("ru", "Брюссель заявил, что Минск должен освободить всех политзаключенных.", "Брюссель", "Минск", "REQUEST"),
    ("de", "Die EU erklärte, dass Minsk alle politischen Gefangenen freilassen muss.", "EU", "Minsk", "REQUEST"),
    ("es", "El Gobierno español afirmó que Caracas debe liberar a los presos.", "Gobierno español", "Caracas", "REQUEST"),
    # what the actor must do it has not done
    ("it", "L'Ue ha dichiarato che Minsk deve rilasciare tutti i prigionieri politici.", "Minsk", "Ue", "NONE"),
    ("en", "The EU said Belarus released all political prisoners.", "EU", "Belarus", "NONE"),
]


SANCTION_CASES = [  # expelling a diplomat and freezing participation reduce relations (deporting a person is COERCE)
    ("ru", "Правительство Арвании решило выслать дипломата Бордурии.", "Правительство Арвании", "Бордурии", "SANCTION"),
    ("ru", "Арвания, заморозившая свое участие в работе союза, на встрече не была.", "Арвания", None, "SANCTION"),
    # "does not accept" is a refusal, not a negated act
    ("ru", "МИД Арвании заявил, что не приемлет попыток давления со стороны Бордурии.", "МИД Арвании", "Бордурии", "REJECT"),
]

SENTENCE_CASES = [  # a sentence to a term is COERCE; the condemnation of an act stays ACCUSE
    ("es", "Un tribunal de Arvania condenó a cuatro activistas a 30 días de arresto.", "tribunal de Arvania", "activistas", "COERCE"),
    ("es", "Un tribunal de Arvania condenó al opositor a cinco años de prisión.", "tribunal de Arvania", "opositor", "COERCE"),
    ("fr", "Le tribunal de Minsk a condamné le journaliste à huit ans de prison.", "tribunal de Minsk", "journaliste", "COERCE"),
    ("de", "Ein Gericht in Minsk verurteilte den Journalisten zu acht Jahren Haft.", "Gericht in Minsk", "Journalisten", "COERCE"),
    ("es", "El Gobierno de Arvania condenó el ataque contra la embajada de Borduria.", "Gobierno de Arvania", "Borduria", "ACCUSE"),
]

REACTION_CASES = [  # dismay, concern and blame phrased without a verb of accusing
    ("de", "Die EU reagierte besorgt auf das Vorgehen der Behörden Arvaniens.", "EU", "Behörden Arvaniens", "ACCUSE"),
    ("de", "Die Opposition Arvaniens bezeichnete die Wahl als illegal.", "Opposition Arvaniens", None, "ACCUSE"),
    ("en", "Borduria's media regulator has singled out the Arvanian channel for its bias.", "Borduria", "Arvanian channel", "ACCUSE"),
    ("en", "Police escorted the Arvanian envoy off the premises.", "Police", "Arvanian envoy", "COERCE"),
    ("it", "L'Arvania ha replicato alle accuse della Borduria definendole infondate.", "Arvania", "Borduria", "REJECT"),
    ("it", "Il presidente arvano si dimise dal suo incarico nel febbraio 2011.", "presidente arvano", None, "RETREAT"),
]


REFUSAL_CASES = [  # "will not accept" / "nicht anerkennen" / "не согласовали" refuse; they are no negated acceptance
    ("en", "Arvania will not accept Borduria as a nuclear power, its foreign minister said.", "Arvania", "Borduria", "REJECT"),
    ("de", "Arvanien werde die Annexion durch Borduria nicht anerkennen, sagte der Minister.", "Arvanien", "Borduria", "REJECT"),
    ("it", "L'Arvania non riconosce il governo di Borduria.", "Arvania", "governo di Borduria", "REJECT"),
    ("ru", "Власти Арвании не согласовали митинг оппозиции.", "Власти Арвании", "оппозиции", "REJECT"),
    ("en", "Under pressure from unions, Arvania backed out of the trade agreement with Borduria.", "Arvania", "Borduria", "REJECT"),
    ("it", "Il partito arvano ha detto no al governo di Borduria.", "partito arvano", "governo di Borduria", "REJECT"),
]


DISMISSAL_CASES = [  # calling an accusation absurd rejects it; a promised "response" to an act is a threat
    ("ru", "МИД Арвании назвал обвинения бордурийской стороны \"абсурдными и надуманными\".", "МИД Арвании",
     "бордурийской стороны", "REJECT"),
    ("en", "The Arvanian government called the accusations by Borduria absurd.", "Arvanian government", "Borduria", "REJECT"),
    ("de", "Arvanien bezeichnete die Vorwürfe Bordurias als absurd.", "Arvanien", "Bordurias", "REJECT"),
    ("es", "Arvania calificó las acusaciones de Borduria de absurdas.", "Arvania", "Borduria", "REJECT"),
    ("fr", "L'Arvanie a qualifié les accusations de la Bordurie d'absurdes.", "Arvanie", "Bordurie", "REJECT"),
    ("it", "L'Arvania ha promesso una \"risposta adeguata\" alle espulsioni decise dalla Borduria.", "Arvania", "Borduria", "THREATEN"),
]


@pytest.mark.parametrize(("lang", "text", "actor", "recipient", "event"),
                         INTENT_CASES + OBLIGATION_CASES + SANCTION_CASES + SENTENCE_CASES + REACTION_CASES
                         + REFUSAL_CASES + DISMISSAL_CASES)
def test_event_type_of_the_dyad(lang: str, text: str, actor: str, recipient: str | None, event: str) -> None:
    assert classify_dyad(text, actor, recipient, lang=lang).event == event


DENIAL_CASES = [  # a denial of responsibility is a rejection of the accusation, not a negated act
    ("fr", "L'Arvanie a démenti mardi toute responsabilité dans l'explosion.", "Arvanie"),
    ("es", "Borduria, por su parte, negó el martes haber violado el alto el fuego.", "Borduria"),
    ("es", "Las milicias de Arvania negaron cualquier implicación en el ataque contra el convoy.", "milicias de Arvania"),
    ("en", "Arvania's Foreign Ministry denied that its border guards had opened fire.", "Arvania"),
    ("ru", "Бывший президент Арвании обвинения отрицал.", "Бывший президент Арвании"),  # the object before the verb
]


@pytest.mark.parametrize(("lang", "text", "actor"), DENIAL_CASES)
def test_a_denial_is_a_rejection(lang: str, text: str, actor: str) -> None:
    result = classify_dyad(text, actor, None, lang=lang)
    assert (result.event, result.rule) == ("REJECT", "denial of an accusation -> REJECT")
