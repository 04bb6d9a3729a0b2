"""Knowledge-base tools: Wikidata dump build, PETRARCH import, and the kb CLI commands."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from dyads.cli import app
from dyads.kb.petrarch import import_petrarch, read_actor_tsv
from dyads.kb.wikidata import build


def _item(qid: str, labels: dict[str, str], claims: dict[str, list[dict]], aliases: list[str] = ()) -> dict:
    return {
        "id": qid,
        "type": "item",
        "labels": {lang: {"language": lang, "value": value} for lang, value in labels.items()},
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
        "claims": claims,
    }


def _claim(value: object, qualifiers: dict[str, str] | None = None) -> dict:
    data = {"id": value} if isinstance(value, str) and value.startswith("Q") else value
    kind = "wikibase-entityid" if isinstance(data, dict) and "id" in data else "string"
    snak = {"mainsnak": {"snaktype": "value", "property": "P", "datavalue": {"value": data, "type": kind}}}
    if qualifiers:
        snak["qualifiers"] = {p: [{"datavalue": {"value": {"time": f"+{t}T00:00:00Z", "precision": 11}}}] for p, t in qualifiers.items()}
    return snak


def write_dump(path: Path) -> None:
    entities = [
        _item("Q90", {"en": "Testland"}, {"P298": [_claim("TSL")], "P463": [_claim("Q95", {"P580": "2001-05-01"})]}),
        _item("Q95", {"en": "Test Pact"}, {"P1813": [_claim({"text": "TPO", "language": "en"})]}),
        _item("Q50", {"en": "head of state"}, {}),
        _item("Q51", {"en": "President of Testland"}, {"P279": [_claim("Q50")], "P1001": [_claim("Q90")]}),
        _item("Q52", {"en": "Secretary General of the Test Pact"}, {"P31": [_claim("Q53")], "P1001": [_claim("Q95")]}),
        _item("Q7", {"en": "Ana Example", "ru": "Ана Экзампл"}, {
            "P27": [_claim("Q90")],
            "P39": [_claim("Q51", {"P580": "2004-01-01", "P582": "2009-12-31"}), _claim("Q52", {"P580": "2012-02-01"})],
        }, aliases=["A. Example"]),
        _item("Q8", {"en": "Not A Politician"}, {"P27": [_claim("Q90")]}),
    ]
    lines = ["["] + [json.dumps(e) + "," for e in entities[:-1]] + [json.dumps(entities[-1]), "]"]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def test_wikidata_build(tmp_path: Path) -> None:
    dump = tmp_path / "latest-all.json.gz"
    write_dump(dump)
    counts = build(dump, tmp_path / "out", offices={"Q50": "head_of_state", "Q53": "igo_head"})
    assert counts == {"people/IGO.tsv": 1, "people/TSL.tsv": 1, "org_members.tsv": 1}
    row = (tmp_path / "out" / "people" / "TSL.tsv").read_text(encoding="utf-8").splitlines()[-1].split("\t")
    assert row[:8] == ["Q7", "Ana Example", "A. Example", "TSL", "", "head_of_state", "2004-01-01", "2009-12-31"]
    assert row[8] == "ru=Ана Экзампл"
    igo = (tmp_path / "out" / "people" / "IGO.tsv").read_text(encoding="utf-8").splitlines()[-1].split("\t")
    assert igo[3:8] == ["TSL", "TPO", "igo_head", "2012-02-01", ""]
    members = (tmp_path / "out" / "org_members.tsv").read_text(encoding="utf-8").splitlines()[-1].split("\t")
    assert members[:4] == ["TPO", "TSL", "2001-05-01", ""]


def test_import_petrarch_roundtrip(tmp_path: Path) -> None:
    source = tmp_path / "x.actors"
    source.write_text("<!-- header -->\nNORTH_KOREA  [PRK]\n+PYONGYANG\nU.S.S.R\n+USSR\n\t[USR <911226]\n", encoding="utf-8")
    out = tmp_path / "actors.tsv"
    assert import_petrarch(source, out) == 2
    records = {r.name: r for r in read_actor_tsv(out)}
    assert records["NORTH KOREA"].aliases == ["PYONGYANG"]
    assert (records["U.S.S.R"].codes[0].code, records["U.S.S.R"].codes[0].end) == ("USR", "1991-12-25")


def test_cli_lookup_and_import(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["kb", "lookup", "Kazakh defence ministry", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "KAZMIL" in result.output and "sectors.tsv" in result.output
    result = runner.invoke(app, ["kb", "lookup", "zzqx", "--lang", "en"])
    assert result.exit_code == 1
    source = tmp_path / "x.actors"
    source.write_text("GONDOR [GON]\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "import-petrarch", str(source), "-o", str(tmp_path / "o.tsv")])
    assert result.exit_code == 0 and (tmp_path / "o.tsv").read_text(encoding="utf-8").count("GONDOR") == 1


def test_cli_build_missing_dump(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["kb", "build", "--wikidata", str(tmp_path / "none.json")])
    assert result.exit_code == 2
