"""Generate ``dyads/kb/data/states.tsv`` and ``dyads/lang/<xx>/countries.tsv``.

Run ``python -m dyads.kb.generate`` after editing a seed file. Sources:

- the state list from pycountry (ISO 3166-1) plus the entities ISO does not list (``EXTRA``);
- state names per language from babel (Unicode CLDR);
- hand-written adjectives, demonyms, extra names and metonyms from
  ``dyads/kb/data/seeds/<xx>.tsv``, expanded into all genders/numbers (and, for Russian,
  all cases with pymorphy3).

The output files are plain data; the loader never needs babel or pymorphy3.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
LANG_DIR = Path(__file__).parents[1] / "lang"
LANGS = ("en", "ru", "it", "de", "fr", "es", "uk")

# Entities ISO 3166-1 does not list. X.. codes are from the ISO "user-assigned" range
# (XAA–XZZ), so they can never clash with an official code. XKX is the code the EU and
# the IMF use for Kosovo.
EXTRA = (
    ("XKX", "XK", "Kosovo", "partial", "Q1246"),
    ("XAB", "", "Abkhazia", "partial", "Q23334"),
    ("XSO", "", "South Ossetia", "partial", "Q23427"),
    ("XNC", "", "Northern Cyprus", "partial", "Q23681"),
    ("XTR", "", "Transnistria", "partial", "Q907112"),
    ("XSL", "", "Somaliland", "partial", "Q34754"),
)
PARTIAL_ISO = {"TWN", "PSE", "ESH"}  # in ISO 3166-1 but recognised by only some states
# Wikidata ids the authors checked; the rest come from `dyads kb build --wikidata`.
WIKIDATA = {
    "RUS": "Q159", "USA": "Q30", "KAZ": "Q232", "DEU": "Q183", "FRA": "Q142", "ITA": "Q38", "ESP": "Q29",
    "GBR": "Q145", "CHN": "Q148", "UKR": "Q212", "ARM": "Q399", "AZE": "Q227", "BLR": "Q184", "TUR": "Q43",
    "IRN": "Q794", "SYR": "Q858", "ISR": "Q801", "JPN": "Q17", "IND": "Q668", "GEO": "Q230", "KGZ": "Q813",
    "TJK": "Q863", "UZB": "Q265", "TKM": "Q874", "POL": "Q36", "CAN": "Q16", "ARG": "Q414", "BRA": "Q155",
    "MEX": "Q96", "IRQ": "Q796", "AFG": "Q889", "PAK": "Q843", "EGY": "Q79", "SAU": "Q851", "PRK": "Q423",
    "KOR": "Q884", "MDA": "Q217", "TWN": "Q865", "PSE": "Q219060", "ESH": "Q40362",
}
RU_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
PERSON = "person"  # expand_adj type: a demonym for one person (sector CVL), not the people as a whole


def states() -> list[tuple[str, str, str, str, str]]:
    import pycountry
    from babel import Locale

    english = Locale.parse("en").territories
    rows = []
    for country in pycountry.countries:
        status = "partial" if country.alpha_3 in PARTIAL_ISO else "iso"
        name = english.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
        rows.append((country.alpha_3, country.alpha_2, name, status, WIKIDATA.get(country.alpha_3, "")))
    rows.extend(EXTRA)
    return sorted(rows)


def cldr_names(lang: str, iso2_to_iso3: dict[str, str]) -> Iterator[tuple[str, str, str, str]]:
    from babel import Locale

    territories = Locale.parse(lang).territories
    for iso2, iso3 in iso2_to_iso3.items():
        full = territories.get(iso2) or ""
        for name in _variants(full):
            yield iso3, name, "name" if name == full else "inner", ""
    if lang == "en":
        yield from pycountry_names()


def _variants(name: str) -> list[str]:
    """CLDR display names, cleaned: "Myanmar (Burma)" -> both; "Congo - Kinshasa"; "&" -> "and"."""
    if not name:
        return []
    out = [name]
    if "(" in name:
        outer, inner = name.split("(", 1)
        out = [outer.strip(), inner.rstrip(")").strip()]
    if " - " in name:
        out = [name.split(" - ")[0].strip()] if name.startswith("Congo") is False else [name]
    out += [n.replace(" & ", " and ") for n in out if " & " in n]
    return [n for n in out if n]


def pycountry_names() -> Iterator[tuple[str, str, str, str]]:
    import pycountry

    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                yield country.alpha_3, value, "name", ""


def read_seeds(lang: str) -> list[tuple[str, str, str, str]]:
    path = SEEDS / f"{lang}.tsv"
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + ["", ""]
        rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def expand_adj(lang: str, form: str) -> Iterator[tuple[str, str]]:
    """(form, type) pairs for one seed adjective ("adj" forms and "demonym" nouns)."""
    if "|" in form:
        parts = form.split("|")
        if lang == "en":
            yield parts[0], "adj"
            if parts[1]:
                yield parts[1], "demonym"
            return
        for part in parts:
            if part:
                yield part, "adj"
        return
    yield form, "adj"
    for other in _inflect_adj(lang, form):
        yield other, ("demonym" if lang == "en" else "adj")
    if lang == "fr":  # French demonyms are capitalised nouns: "les Russes", "une Française"
        for other in [form, *_inflect_adj(lang, form)]:
            noun = other[:1].upper() + other[1:]
            yield noun, ("demonym" if noun.endswith(("s", "x")) else PERSON)  # "un Russe" is one person; "Français" also many


def _inflect_adj(lang: str, form: str) -> list[str]:
    if lang == "en":
        return [form + "s"]
    if lang == "de":
        return [form + ending for ending in ("e", "en", "er", "es", "em")]
    if lang == "it":
        return _italian(form)
    if lang == "fr":
        return _french(form)
    if lang == "es":
        return _spanish(form)
    return []


def _italian(form: str) -> list[str]:
    if form.endswith(("co", "go")):
        stem = form[:-1]
        return [stem + "a", stem + "i", stem + "hi", stem + "he"]
    if form.endswith("o"):
        return [form[:-1] + e for e in ("a", "i", "e")]
    if form.endswith("e"):
        return [form[:-1] + "i"]
    if form.endswith("a"):
        return [form[:-1] + "i", form[:-1] + "e", form[:-1] + "hi", form[:-1] + "he"]
    return []


def _french(form: str) -> list[str]:
    if form.endswith("en"):
        return [form + "ne", form + "s", form + "nes"]
    if form.endswith("e"):
        return [form + "s"]
    if form.endswith(("s", "x")):
        return [form + "e", form + "es"]
    return [form + "e", form + "s", form + "es"]


def _spanish(form: str) -> list[str]:
    if form.endswith("o"):
        return [form[:-1] + e for e in ("a", "os", "as")]
    if form.endswith("és"):
        return [form[:-2] + e for e in ("esa", "eses", "esas")]
    if form.endswith("e"):
        return [form + "s"]
    return [form + "es"]


def _german_genitive(name: str) -> list[str]:
    if " " in name or name.endswith(("s", "ß", "x", "z", "e", "ei", "ik")) or name.isupper():
        return []
    return [name + "s"]


class RussianInflector:
    """All case forms of names and all forms of adjectives, with pymorphy3 (ru or uk)."""

    def __init__(self, lang: str) -> None:
        import pymorphy3

        self.morph = pymorphy3.MorphAnalyzer(lang=lang)

    def adjective(self, form: str) -> list[str]:
        for parse in self.morph.parse(form):
            if parse.tag.POS == "ADJF":
                return sorted({f.word for f in parse.lexeme if f.tag.POS == "ADJF"})
        return []

    def phrase(self, phrase: str, numbers: tuple[str, ...] = ("sing", "plur")) -> list[str]:
        """Every case form of a name or noun phrase, in ``numbers`` (both by default)."""
        words = phrase.split(" ")
        if any(w.isupper() and len(w) > 1 for w in words) or "-" in phrase:
            return []
        parses = [self._nominative(w) for w in words]
        out = set()
        for number in numbers:
            for case in RU_CASES:
                forms = []
                for word, parse in zip(words, parses):
                    if parse is None:
                        forms.append(word)
                        continue
                    grams = {case} | ({number} if number in parse.tag else set())
                    inflected = parse.inflect(grams)
                    forms.append(_same_case(word, inflected.word) if inflected else word)
                out.add(" ".join(forms))
        out.discard(phrase)
        return sorted(out)

    def _nominative(self, word: str):  # type: ignore[no-untyped-def]
        for parse in self.morph.parse(word):
            if parse.tag.POS in ("NOUN", "ADJF") and "nomn" in parse.tag:
                return parse
        return None


def _same_case(original: str, word: str) -> str:
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def language_rows(lang: str, iso2_to_iso3: dict[str, str]) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = list(cldr_names(lang, iso2_to_iso3))
    people: list[tuple[str, str, str, str]] = []  # one person of a country ("американец", "un Russe"): sector CVL
    inflector = RussianInflector(lang) if lang in ("ru", "uk") else None
    for iso3, kind, form, sector in read_seeds(lang):
        if kind == "adj":
            if inflector is not None:
                rows.extend((iso3, f, "adj", "") for f in inflector.adjective(form) or [form])
            else:
                for f, t in expand_adj(lang, form):
                    if t == PERSON:
                        people.append((iso3, f, "demonym", "CVL"))
                    else:
                        rows.append((iso3, f, t, ""))
        elif kind == "demonym" and sector:
            people.append((iso3, form, kind, sector))
        else:
            rows.append((iso3, form, kind, sector))
    extra: list[tuple[str, str, str, str]] = []
    for iso3, form, kind, sector in rows:
        if kind in ("name", "metonym", "demonym") and inflector is not None:
            extra.extend((iso3, f, kind, sector) for f in inflector.phrase(form))
        if kind in ("name", "metonym") and lang == "de":  # "Russlands", and capitals as actors: "die Vorwürfe Kiews"
            extra.extend((iso3, f, kind, sector) for f in _german_genitive(form))
    # A person's forms come last, so that the form of a plural demonym or a name wins: "турок" is
    # also "тысячи турок", "Argentine" also the country; only the singular is inflected ("американца").
    names = {form for _, form, kind, _ in rows if kind in ("name", "inner")}
    people = [(iso3, form, kind, "" if form in names else sector) for iso3, form, kind, sector in people]
    if inflector is not None:
        people += [(iso3, f, kind, sector) for iso3, form, kind, sector in people for f in inflector.phrase(form, ("sing",))]
    return _dedupe(rows + extra + people)


def _dedupe(rows: Iterable[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Unique rows; a part of a bracketed CLDR name ("Внешние малые острова (США)") is dropped
    when another state already has that form."""
    rows = list(rows)
    owners: dict[str, set[str]] = {}
    for iso3, form, _, _ in rows:
        owners.setdefault(form, set()).add(iso3)
    seen: dict[tuple[str, str, str], tuple[str, str, str, str]] = {}
    for iso3, form, kind, sector in rows:
        if kind == "inner":
            if owners.get(form, set()) - {iso3}:
                continue
            kind = "name"
        seen.setdefault((iso3, form, kind), (iso3, form, kind, sector))
    return sorted(seen.values(), key=lambda r: (r[0], r[2], r[1]))


def write(path: Path, header: str, columns: str, rows: Iterable[Iterable[str]]) -> None:
    lines = [header, columns] + ["\t".join(row) for row in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    state_rows = states()
    header = (
        "# States: ISO 3166-1 via pycountry (status iso), plus partially recognised entities (status partial). Generated by python -m dyads.kb.generate.\n"
        "# Codes outside ISO 3166-1, from the user-assigned range XAA-XZZ: XKX Kosovo (EU/IMF usage), XAB Abkhazia, XSO South Ossetia,\n"
        "# XNC Northern Cyprus, XTR Transnistria, XSL Somaliland. Taiwan (TWN), Palestine (PSE) and Western Sahara/SADR (ESH) keep their ISO codes.\n"
        "# wikidata_id only where the authors checked it."
    )
    write(DATA / "states.tsv", header, "# iso3\tiso2\tname_en\tstatus\twikidata_id", state_rows)
    iso2_to_iso3 = {r[1]: r[0] for r in state_rows if r[1]}
    for lang in LANGS:
        rows = language_rows(lang, iso2_to_iso3)
        header = (f"# Country forms for {lang}: names from Unicode CLDR (babel); adjectives, demonyms, metonyms from "
                  f"dyads/kb/data/seeds/{lang}.tsv, inflected by rule or pymorphy3. Generated by python -m dyads.kb.generate.\n"
                  "# type: name (country itself), adj (adjective: combines with institutions), demonym (people, as a noun), metonym (capital/seat -> sector)")
        write(LANG_DIR / lang / "countries.tsv", header, "# iso3\tform\ttype\tsector", rows)


if __name__ == "__main__":
    main()
