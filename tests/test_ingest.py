"""Ingest: files, folders, JSONL, HTML, stdin, encodings, ids and dates."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dyads.config import Config
from dyads.ingest import as_document, decode_bytes, document_from_text, normalise_date, read_inputs
from dyads.model import Document

CONFIG = Config.load()
TEXT_EN = "Kazakhstan and Russia signed a defence agreement on Tuesday in Astana."
TEXT_RU = "Россия и Казахстан подписали во вторник соглашение о совместной противовоздушной обороне."
ARTICLE_HTML = """<html><head><title>Pact signed in Astana</title>
<meta property="article:published_time" content="2024-03-05"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Pact signed in Astana</h1>
<p>Kazakhstan and Russia signed a defence agreement on Tuesday in Astana, officials said after the meeting.</p>
<p>The agreement covers joint air defence and the training of officers over the next five years.</p>
</article><footer>Share</footer></body></html>"""


def _read(paths: list[Path | str], config: Config = CONFIG) -> list[Document]:
    return list(read_inputs([str(p) for p in paths], config))


def test_document_from_text_id_is_stable_content_hash() -> None:
    a, b = document_from_text(TEXT_EN), document_from_text(TEXT_EN)
    assert a.id == b.id and a.id != document_from_text(TEXT_RU).id
    assert not a.lang_given
    given = document_from_text(TEXT_EN, doc_id="x", published="2024-05-01T10:00:00Z", lang="EN-us")
    assert (given.id, given.published, given.lang, given.lang_given) == ("x", "2024-05-01", "en", True)


@pytest.mark.parametrize(
    ("item", "expected_id", "expected_text"),
    [
        (Document(id="d1", text="hello"), "d1", "hello"),
        ({"id": "r1", "text": TEXT_EN, "date": "2024-01-02"}, "r1", TEXT_EN),
        ({"text": TEXT_EN}, "item:3", TEXT_EN),
        (TEXT_EN, document_from_text(TEXT_EN).id, TEXT_EN),
    ],
)
def test_as_document(item: object, expected_id: str, expected_text: str) -> None:
    doc = as_document(item, 3)  # type: ignore[arg-type]
    assert (doc.id, doc.text, doc.status) == (expected_id, expected_text, "ok")


def test_folder_is_read_recursively_in_sorted_order_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT_EN, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT_RU, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT_EN, encoding="utf-8")
    docs = _read([tmp_path])
    assert [d.id for d in docs] == ["a.txt", "b/z.txt"]
    assert docs[0].text == TEXT_RU


def test_jsonl_fields_and_malformed_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "n1", "text": TEXT_EN, "date": "2024-05-01", "url": "https://example.org/1", "title": "T", "lang": "en", "source": "Wire"}),
        "{not json",
        "",
        json.dumps({"text": TEXT_RU}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "n5"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = {d.id: d for d in _read([tmp_path / "feed.jsonl"])}
    assert list(docs) == ["n1", "feed.jsonl:2", "feed.jsonl:4", "feed.jsonl:5", "n5"]
    first = docs["n1"]
    assert (first.published, first.url, first.title, first.lang, first.lang_given, first.source) == ("2024-05-01", "https://example.org/1", "T", "en", True, "Wire")
    assert docs["feed.jsonl:2"].status == "failed" and "malformed JSON on line 2" in (docs["feed.jsonl:2"].error or "")
    assert docs["feed.jsonl:4"].text == TEXT_RU and docs["feed.jsonl:4"].ok
    assert docs["feed.jsonl:5"].status == "failed" and "not an object" in (docs["feed.jsonl:5"].error or "")
    assert docs["n5"].status == "failed" and "no 'text' or 'html'" in (docs["n5"].error or "")


def test_jsonl_html_field_is_extracted() -> None:
    doc = as_document({"id": "h", "html": ARTICLE_HTML, "date": "2024-06-01"}, 0)
    assert doc.ok and "defence agreement" in doc.text and "<p>" not in doc.text
    assert doc.published == "2024-06-01"  # the input date beats page metadata
    assert doc.title == "Pact signed in Astana"


def test_html_file_keeps_title_and_page_date(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (doc,) = _read([tmp_path / "page.html"], Config.load(default_date="2020-01-01"))
    assert doc.ok and doc.title == "Pact signed in Astana" and doc.published == "2024-03-05"
    assert "officers over the next five years" in doc.text and "Home" not in doc.text


def test_unreadable_input_date_falls_back_and_is_kept_in_meta() -> None:
    doc = as_document({"id": "x", "text": TEXT_EN, "date": "last Tuesday"}, 0)
    assert doc.published is None and ("unparsed_date", "last Tuesday") in doc.meta


def test_default_date_applies_when_document_has_none(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT_EN, encoding="utf-8")
    (doc,) = _read([tmp_path / "a.txt"], Config.load(default_date="2024-02-03"))
    assert doc.published == "2024-02-03"


@pytest.mark.parametrize(("encoding", "text"), [("utf-8", TEXT_RU), ("cp1251", TEXT_RU * 3), ("utf-16", TEXT_EN), ("latin-1", "Le président français a rencontré à Genève son homologue et a signé un accord.")])
def test_text_in_any_encoding(tmp_path: Path, encoding: str, text: str) -> None:
    (tmp_path / "t.txt").write_bytes(text.encode(encoding))
    (doc,) = _read([tmp_path / "t.txt"])
    assert doc.ok and doc.text == text


def test_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\r\n")
    (doc,) = _read([tmp_path / "t.txt"])
    assert doc.text == "Line one.\nLine two.\n"


@pytest.mark.parametrize(
    ("name", "content", "status", "reason"),
    [
        ("empty.txt", b"", "skipped", "empty file"),
        ("blank.txt", b"   \n\n", "skipped", "only whitespace"),
        ("blob.dat", bytes(range(256)) * 4, "failed", "binary file"),
        ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "skipped", "no main text"),
    ],
)
def test_unreadable_files_become_failed_or_skipped(tmp_path: Path, name: str, content: bytes, status: str, reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    (doc,) = _read([tmp_path / name])
    assert doc.status == status and reason in (doc.error or "") and doc.id == name


def test_too_large_file_is_skipped_without_reading(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"a" * 2000)
    (doc,) = _read([tmp_path / "big.txt"], Config.load(max_bytes=1000))
    assert doc.status == "skipped" and doc.error == "ingest: too large (2000 bytes > max_bytes 1000)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<!DOCTYPE html>" + ARTICLE_HTML.encode(), "defence agreement"),
        ((json.dumps({"id": "s1", "text": TEXT_EN}) + "\n").encode(), TEXT_EN),
        (TEXT_EN.encode(), TEXT_EN),
    ],
)
def test_unknown_suffix_is_sniffed(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "item.dat").write_bytes(content)
    docs = _read([tmp_path / "item.dat"])
    assert docs[0].ok and expected in docs[0].text


def test_missing_path_yields_failed_document() -> None:
    (doc,) = _read(["/definitely/not/here.txt"])
    assert doc.status == "failed" and "no such file" in (doc.error or "")


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (json.dumps({"id": "a", "text": TEXT_EN}) + "\n\n" + json.dumps({"text": TEXT_RU}) + "\n", ["a", "stdin:3"]),
        (TEXT_EN + "\n{\"id\": 1}\n", [document_from_text(TEXT_EN + "\n{\"id\": 1}\n").id]),
        ("", ["stdin"]),
    ],
)
def test_stdin_is_jsonl_only_when_every_line_is_an_object(data: str, ids: list[str]) -> None:
    docs = list(read_inputs(["-"], CONFIG, stdin=io.StringIO(data)))
    assert [d.id for d in docs] == ids


def test_too_large_stdin_is_skipped() -> None:
    (doc,) = read_inputs(["-"], Config.load(max_bytes=100), stdin=io.StringIO("x" * 500))
    assert doc.status == "skipped" and "too large" in (doc.error or "")


def test_undecodable_bytes_fail_detection() -> None:
    text, reason = decode_bytes(bytes([0x81, 0x00, 0xFE, 0x9F]) * 50)
    assert text is None and reason


@pytest.mark.parametrize(("value", "expected"), [("2024-05-01", "2024-05-01"), ("2024-05-01T23:10:00+02:00", "2024-05-01"), ("yesterday", None), (None, None)])
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected
