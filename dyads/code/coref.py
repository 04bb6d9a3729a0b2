"""Coreference for coding: words that stand for actors named in earlier sentences.

Wire reports name the parties once and then refer back to them:

- a subject pronoun opening a sentence ("He also called on the OSCE ...", "Он также призвал ...")
  stands for the previous sentence's first named person or office holder;
- a pair reference ("the two sides", "стороны", "i due leader", "les deux parties", "beide
  Seiten") stands for the two parties of the nearest earlier sentence that names exactly two, and a
  trio reference ("the three countries", "i tre paesi", "die drei Staaten") for the three of one that
  names exactly three;
- an organisation reference ("the alliance", "альянс", "das Bündnis", "il blocco") stands for
  the nearest organisation named in the last few sentences;
- a group reference ("the ministers", "the delegations", "i ministri", "die Minister") stands for the
  organisation of the nearest earlier sentence that names one, else for that sentence's parties.

The phrases are plain data, one file per language: ``dyads/lang/<xx>/references.tsv`` (phrase,
kind ``pair``, ``trio``, ``org`` or ``group``, and optionally words after which the phrase is no subject, e.g. Russian
"со стороны" - "on the part of"). The added mentions carry a ``coref:`` rule naming the antecedent,
so explanations show where an actor came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..lang import function_words, read_tsv
from ..model import Document, Entity, Mention, Processed, Sentence
from .triggers import Token, phrase_tokens, tokenize

LOOKBACK = 3  # sentences searched for an antecedent
MentionFilter = Callable[[Sequence[Mention], Sentence], list[Mention]]
PAIR_RULE = "coref:pair"
OTHER_SIDE_RULE = "coref:other-side"  # a recipient no sentence names: the story's other side (story.address_other_side)
GROUP_MAX = 6  # parties a group reference ("the ministers") may stand for
COUNTED = {"pair": 2, "trio": 3}  # reference kinds that name how many parties they stand for

# A sentence that opens with "He"/"Он"/"Elle" continues the story of the previous sentence's first
# named person or office holder ("... the Russian envoy said. He also called on the OSCE to ...").
SUBJECT_PRONOUNS = {"en": {"he", "she"}, "ru": {"он", "она"}, "de": {"er", "sie"}, "it": {"lui", "lei"}, "fr": {"il", "elle"},
                    "es": {"él", "ella"}}
IMPERSONAL_NEXT = function_words("impersonal_next")  # "Il y a", "Il faut"


@dataclass(frozen=True)
class Reference:
    tokens: tuple[str, ...]
    kind: str  # "pair" | "trio" | "org" | "group"
    not_after: frozenset[str]


@lru_cache(maxsize=16)
def references(lang: str) -> tuple[dict[str, tuple[Reference, ...]], frozenset[str]]:
    """The language's reference phrases by first word (longest first), and their last words (a
    cheap pre-test on the lowercased sentence)."""
    refs = [Reference(phrase_tokens(row[0]), row[1], frozenset(row[2].split()) if len(row) > 2 else frozenset())
            for row in read_tsv(lang, "references.tsv") if len(row) >= 2 and row[1] in (*COUNTED, "org", "group")]
    refs.sort(key=lambda r: -len(r.tokens))
    by_first: dict[str, list[Reference]] = {}
    for ref in refs:
        by_first.setdefault(ref.tokens[0], []).append(ref)
    return {k: tuple(v) for k, v in by_first.items()}, frozenset(r.tokens[-1] for r in refs)


def coded_sentences(item: Processed, actor_mentions: MentionFilter) -> Iterator[tuple[int, Sentence, list[Mention]]]:
    """(index, sentence, actor mentions) for each sentence outside removed boilerplate, the mentions
    coreference adds included. ``actor_mentions(mentions, sentence)`` picks a sentence's actor
    mentions (``groups.sentence_mentions``)."""
    doc = item.document
    lang = doc.lang or "en"
    earlier: list[list[Mention]] = []  # actor mentions of the preceding coded sentences, nearest last
    for n, sentence in enumerate(item.sentences):
        if in_removed(doc, sentence):
            continue
        added = _added(doc, sentence, earlier, item.mentions, lang, actor_mentions)
        actors = actor_mentions((*item.mentions, *added) if added else item.mentions, sentence)
        yield n, sentence, actors
        earlier = [*earlier[-(LOOKBACK - 1):], [m for m in actors if m.entity is not None]]


def in_removed(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence lies in text the clean stage removed as boilerplate."""
    return any(s <= sentence.start and sentence.end <= e for s, e in doc.removed)


def _added(doc: Document, sentence: Sentence, earlier: list[list[Mention]], mentions: Sequence[Mention], lang: str,
           actor_mentions: MentionFilter) -> list[Mention]:
    if not earlier:
        return []
    text = sentence.text or doc.text[sentence.start : sentence.end]
    out: list[Mention] = []
    pronoun = _pronoun_subject(text, sentence.start, earlier[-1], lang)
    if pronoun is not None:
        out.append(pronoun)
    refs, heads = references(lang)
    lowered = text.lower()
    if refs and any(h in lowered for h in heads):
        own = actor_mentions(mentions, sentence)
        out += _phrase_references(text, sentence.start, refs, earlier, own)
    return out


# Pronouns that are subjects wherever they stand, found a few words into the sentence: after the
# verb of a German or Russian sentence that opens with an adverb ("Zudem warf er Polen ... vor",
# "Кроме того, он заявил"), or after an English opening phrase and its comma ("On Monday, he said").
NOMINATIVE_PRONOUNS = {"de": {"er"}, "ru": {"он", "она"}}
PRONOUN_REACH = 3  # tokens before the pronoun, the comma included
# Italian and Spanish drop the subject: a sentence that opens with a singular auxiliary, or with an
# adverb and one, continues the previous sentence's speaker ("Ha incolpato inoltre la Russia ...",
# "Poi ha chiesto ...", "Además, ha acusado ..."). The auxiliary stands in for the subject.
DROPPED_SUBJECT_AUX = {"it": {"ha", "aveva", "avrebbe"}, "es": {"ha", "había", "habría"}}
# Spanish news tells in the preterite, whose third person singular ends in a stressed -ó ("acusó",
# "pidió", "advirtió"; nouns with that ending are rare), or is one of the irregular forms.
PRETERITE_3SG = {"es": frozenset({"dijo", "hizo", "puso", "propuso", "impuso", "expuso", "sostuvo", "mantuvo", "tuvo", "quiso",
                                  "dio", "condujo", "fue", "estuvo", "pudo", "supo", "vino", "trajo", "retuvo"})}
PRETERITE_ENDING = {"es": "ó"}
OPENING_ADVERBS = {"it": {"poi", "inoltre", "intanto", "anche", "quindi", "infine", "successivamente"},
                   "es": {"además", "también", "luego", "después", "asimismo", "finalmente"}}
OPENING_REACH = 6  # tokens of an English opening phrase before its comma
_NONE: frozenset[str] = frozenset()


def _pronoun_subject(text: str, offset: int, previous: list[Mention], lang: str) -> Mention | None:
    end = _demonstrative_end(text, lang)
    if end is not None:
        speakers = [m for m in previous if _speaker_like(m)]
        return _reference(text, offset, 0, end, speakers[-1], "demonstrative") if speakers else None
    head = text[:60].lower().replace(",", " ").split()[: OPENING_REACH + 1]
    if (not (SUBJECT_PRONOUNS.get(lang, _NONE) | DROPPED_SUBJECT_AUX.get(lang, _NONE)).intersection(head)
            and not any(_preterite(w, lang) for w in head[1:3])):
        return None  # cheap test first: most sentences open otherwise
    tokens = tokenize(text)
    at = _pronoun_at(tokens, lang)
    if at is None:
        return None
    antecedent = previous[0] if previous else None
    if antecedent is None or not _speaker_like(antecedent):
        return None
    return _reference(text, offset, tokens[at].start, tokens[at].end, antecedent, "pronoun")


def _reference(text: str, offset: int, start: int, end: int, antecedent: Mention, kind: str) -> Mention:
    """The words text[start:end] as a mention of the antecedent's actor."""
    return Mention(offset + start, offset + end, text[start:end], "actor", antecedent.entity, rule=f"coref:{kind} -> {antecedent.text}")


# A demonstrative opening the sentence as its subject stands for the previous sentence's last named
# person or office holder, not its first: "... traf Präsident Nkurunziza. Dieser lehnt die Entsendung ab",
# "... met President Nkurunziza. The latter rejected ...". German "Dieser" is a pronoun only before a
# lower-case word (a verb); before a capitalised one it is an article ("Dieser Schritt").
DEMONSTRATIVES = {"de": ("Dieser ", "Letzterer "), "en": ("The latter ",), "it": ("Quest'ultimo ", "Quest’ultimo "),
                  "fr": ("Ce dernier ",), "es": ("Este último ",), "ru": ("Последний ",)}


def _demonstrative_end(text: str, lang: str) -> int | None:
    """Where a demonstrative opening the sentence ends, if one does."""
    for form in DEMONSTRATIVES.get(lang, ()):
        if text.startswith(form) and len(text) > len(form) and (lang != "de" or text[len(form)].islower()):
            return len(form) - 1
    return None


def _preterite(word: str, lang: str) -> bool:
    """Whether the word is a third person singular preterite of a language that drops its subject."""
    ending = PRETERITE_ENDING.get(lang)
    return ending is not None and ((len(word) > 3 and word.endswith(ending) and word.isalpha()) or word in PRETERITE_3SG[lang])


def _pronoun_at(tokens: Sequence[Token], lang: str) -> int | None:
    """The index of the subject pronoun that opens the sentence's main clause, if one does."""
    words = [t.text for t in tokens]
    if len(words) < 3:
        return None
    if words[0] in SUBJECT_PRONOUNS.get(lang, ()):
        return None if words[1] in IMPERSONAL_NEXT else 0
    aux = DROPPED_SUBJECT_AUX.get(lang, _NONE)
    i = 0
    if words[0] in OPENING_ADVERBS.get(lang, ()):
        i = 2 if words[1] == "," else 1  # "Además, ha acusado"
    if words[i] in aux and i + 1 < len(words):
        return None if words[i + 1] in IMPERSONAL_NEXT else i  # "Ha habido protestas": there have been
    if i > 0 and _preterite(words[i], lang):
        return 0  # "Además, acusó a Ucrania ...": the adverb stands in, the verb stays the trigger
    nominative = NOMINATIVE_PRONOUNS.get(lang, _NONE)
    for i in range(1, min(PRONOUN_REACH + 1, len(words) - 1)):
        if words[i] in nominative:
            return i
    if lang == "en" and "," in words[:OPENING_REACH]:
        i = words.index(",") + 1
        if i < len(words) - 1 and words[i] in SUBJECT_PRONOUNS["en"]:
            return i
    return None


SPEAKER_SECTORS = frozenset({"GOV", "MIL", "OPP", "LEG"})  # "The Ukrainian delegation's head said ... He demanded"


def _speaker_like(mention: Mention) -> bool:
    """An office holder, an unnamed person ("Ein 39-Jähriger ... Er wurde festgenommen"), or a state
    body with a country ("Глава украинской делегации ... Он потребовал")."""
    entity = mention.entity
    if entity is None:
        return False
    return entity.kind in ("person", "title", "individual") or (entity.kind == "group" and bool(entity.country) and entity.sector in SPEAKER_SECTORS)


def _phrase_references(text: str, offset: int, refs: dict[str, tuple[Reference, ...]], earlier: list[list[Mention]],
                       own: Sequence[Mention]) -> list[Mention]:
    tokens = tokenize(text)
    taken = {i for i, t in enumerate(tokens) for m in own if m.start < offset + t.end and offset + t.start < m.end}
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        ref = next((r for r in refs.get(tokens[i].text, ()) if _at(tokens, i, r) and not taken & set(range(i, i + len(r.tokens)))),
                   None)
        if ref is None:
            i += 1
            continue
        span = tokens[i : i + len(ref.tokens)]
        if ref.kind in COUNTED:
            out += _counted_mentions(text, offset, span, earlier, COUNTED[ref.kind])
        elif ref.kind == "group":
            out += _group_mentions(text, offset, span, earlier)
        else:
            out += _org_mention(text, offset, span, earlier)
        i += len(ref.tokens)
    return out


def _at(tokens: Sequence[Token], i: int, ref: Reference) -> bool:
    n = len(ref.tokens)
    if tuple(t.text for t in tokens[i : i + n]) != ref.tokens:
        return False
    return not (i > 0 and tokens[i - 1].text in ref.not_after)


# Who a state's bare name never stands for: its rebels, opposition, parties and criminals ("Sudan
# accused the RSF" is a dyad, SDN -> SDNREB; "Ukraine" and Ukraine's civilians are still one side).
CHALLENGER_SECTORS = frozenset({"REB", "OPP", "PTY", "RAD", "UAF", "CRM"})


def _party_key(entity: Entity) -> str | None:
    """The side a mention stands for: its country or organisation, and a state's challengers apart
    ("Congo's government and the M23 rebels" are two sides)."""
    side = entity.country or entity.org
    return f"{side}:{entity.sector}" if side and entity.sector in CHALLENGER_SECTORS else side


def _counted_mentions(text: str, offset: int, span: Sequence[Token], earlier: list[list[Mention]], n: int) -> list[Mention]:
    """``n`` mentions over the whole phrase, one per party of the nearest earlier sentence that names
    exactly ``n`` ("the two sides", "the three countries"); none when that is ambiguous."""
    for mentions in reversed(earlier):
        parties = _parties(mentions)
        if len(parties) < n:
            continue
        if len(parties) > n:
            parties = _listed(parties, n) if n > 2 else []
        return [_mention(text, offset, span[0].start, span[-1].end, m, PAIR_RULE) for m in parties]
    return []


LIST_GAP_CHARS = 8  # ", " or " and " between the items of a list of parties


def _listed(parties: Sequence[Mention], n: int) -> list[Mention]:
    """The ``n`` parties named as one list ("France, Germany and Britain") among more: "the three
    countries" after "Araghchi gave France, Germany and Britain ten days" are the three listed."""
    runs = [list(parties[i : i + n]) for i in range(len(parties) - n + 1)]
    listed = [run for run in runs if all(0 <= b.start - a.end <= LIST_GAP_CHARS for a, b in pairwise(run))]
    return listed[0] if len(listed) == 1 else []


def _group_mentions(text: str, offset: int, span: Sequence[Token], earlier: list[list[Mention]]) -> list[Mention]:
    """ "The ministers", "the delegations": the organisation of the nearest earlier sentence that names one,
    else that sentence's parties as one compound actor (at most ``GROUP_MAX``)."""
    for mentions in reversed(earlier):
        orgs = _orgs(mentions)
        if orgs:
            return [_mention(text, offset, span[0].start, span[-1].end, orgs[0], "coref:group")]
        parties = _parties(mentions)
        if len(parties) >= 2:
            if len(parties) > GROUP_MAX:
                return []
            return [_mention(text, offset, span[0].start, span[-1].end, m, PAIR_RULE) for m in parties]
    return []


def _org_mention(text: str, offset: int, span: Sequence[Token], earlier: list[list[Mention]]) -> list[Mention]:
    for mentions in reversed(earlier):
        orgs = _orgs(mentions)
        if orgs:
            return [_mention(text, offset, span[0].start, span[-1].end, orgs[0], "coref:org")]
    return []


def _parties(mentions: Sequence[Mention]) -> list[Mention]:
    """The first mention of each party (country or organisation) among ``mentions``, in order."""
    parties: dict[str, Mention] = {}
    for m in mentions:
        key = _party_key(m.entity) if m.entity else None
        if key and key not in parties:
            parties[key] = m
    return list(parties.values())


def _orgs(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of international organisations (not of a country's body) among ``mentions``."""
    return [m for m in mentions if m.entity is not None and m.entity.org and not m.entity.country]


def _mention(text: str, offset: int, start: int, end: int, antecedent: Mention, rule: str) -> Mention:
    return Mention(offset + start, offset + end, text[start:end], "actor", antecedent.entity, rule=f"{rule} -> {antecedent.text}")


def same_reference(left: Mention, right: Mention) -> bool:
    """The two mentions of one pair reference ("the two sides"): one compound actor."""
    return left.rule.startswith(PAIR_RULE) and right.rule.startswith(PAIR_RULE) and (left.start, left.end) == (right.start, right.end)
