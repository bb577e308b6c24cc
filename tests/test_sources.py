"""The seed article in every format briefgen reads gives the same clean text and its metadata."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sources_fixtures as fx

import briefgen.sources as sources
from briefgen.errors import SourceError
from briefgen.sources import SOURCE_SUFFIXES, read_source

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("variants")
    files = {
        "txt": ("seed.txt", fx.SEED.read_bytes()),
        "md": ("seed.md", fx.markdown_variant().encode()),
        "html": ("seed.html", fx.html_variant().encode()),
        "docx": ("seed.docx", fx.docx_variant()),
        "pdf": ("seed.pdf", fx.pdf_variant()),
    }
    out = {}
    for fmt, (name, data) in files.items():
        (folder / name).write_bytes(data)
        out[fmt] = folder / name
    return out


@pytest.fixture(scope="module")
def read(variants: dict[str, Path]) -> dict[str, sources.Source]:
    return {fmt: read_source(path) for fmt, path in variants.items()}


def test_supported_suffixes() -> None:
    assert set(SOURCE_SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}


def test_plain_seed_loses_its_footer(read: dict) -> None:
    source = read["txt"]
    assert "Leave a Reply" not in source.text
    assert source.info.removed == ["Leave a Reply"]
    assert source.text.endswith("diplomacy and development.")
    assert source.info.chars == len(source.text)
    assert source.info.format == "txt" and source.info.encoding == "utf-8"
    assert source.info.title is None and source.info.published is None  # nothing invented


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_every_format_gives_the_seed_text(read: dict, fmt: str) -> None:
    """The same words in the same order as the plain text: no markup, no furniture, nothing lost."""
    assert words(read[fmt].text) == words(read["txt"].text)
    for paragraph in fx.seed_paragraphs():
        assert words(paragraph) in words(read[fmt].text)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_no_page_furniture(read: dict, fmt: str) -> None:
    text = read[fmt].text
    for furniture in fx.FURNITURE + ("Example News", "Page 1", "Minister visits a factory", "*Lavrov*", "](https"):
        assert furniture.casefold() not in text.casefold(), furniture


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_metadata(read: dict, fmt: str) -> None:
    info = read[fmt].info
    assert info.format == fmt
    assert info.title == fx.TITLE
    assert info.published == fx.PUBLISHED
    assert info.author == fx.AUTHOR
    assert info.url == (fx.URL if fmt in ("md", "html") else None)
    assert info.chars == len(read[fmt].text)
    assert len(info.sha256) == 64


def test_html_one_line_per_paragraph(read: dict) -> None:
    """Paragraph structure survives, so sentence splitting and evidence offsets stay sensible."""
    assert read["html"].text.split("\n") == fx.seed_paragraphs()
    assert read["docx"].text.split("\n") == fx.seed_paragraphs()


def test_pdf_running_heads_are_recorded(read: dict) -> None:
    removed = read["pdf"].info.removed
    assert "Example News" in removed and "Page 2" in removed


def test_published_argument_wins(variants: dict) -> None:
    import datetime as dt

    given = dt.date(2024, 1, 2)
    assert read_source(variants["html"], published=given).info.published == given
    assert read_source(variants["txt"], published=given).info.published == given


def test_sha256_is_of_the_raw_bytes(variants: dict) -> None:
    import hashlib

    info = read_source(variants["docx"]).info
    assert info.sha256 == hashlib.sha256(variants["docx"].read_bytes()).hexdigest()


def test_scanned_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(fx.scanned_pdf())
    with pytest.raises(SourceError, match=r"scan\.pdf: .*no text layer \(scanned\?\)"):
        read_source(path)


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_corrupt_container_is_a_clear_error(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"PK\x03\x04 this is not really an archive" if suffix == ".docx" else b"%PDF-1.4\n garbage")
    with pytest.raises(SourceError, match=r"broken\.(pdf|docx): not a valid"):
        read_source(path)


def test_docx_tables_and_placeholder_properties(tmp_path: Path) -> None:
    """python-docx's template author and date are no metadata; table rows are lines of cells."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("The ministers met in Cairo.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Russia"
    table.rows[0].cells[1].text = "Rwanda"
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "plain.docx"
    path.write_bytes(buffer.getvalue())
    source = read_source(path)
    assert source.text == "The ministers met in Cairo.\nRussia | Rwanda"
    assert source.info.author is None and source.info.published is None and source.info.title is None


def test_html_fallback_when_trafilatura_finds_nothing(tmp_path: Path) -> None:
    page = "<html><body><nav><p>Home</p></nav><p>Ministers met.</p><div class='share'><p>Tweet</p></div></body></html>"
    path = tmp_path / "tiny.htm"
    path.write_text(page)
    assert read_source(path).text == "Ministers met."


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(SourceError, match=r"empty\.html: no (article )?text"):
        read_source(path)


def test_html_declared_charset_and_json_ld(tmp_path: Path) -> None:
    body = "<p>Le ministre a rencontré son homologue à Genève pour des entretiens sur la coopération.</p>" * 3
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Entretiens à Genève",'
        ' "datePublished": "2025-03-04T10:00:00Z", "author": {"@type": "Person", "name": "A. Auteur"}}</script>'
        f"</head><body><article>{body}</article></body></html>"
    )
    path = tmp_path / "geneve.html"
    path.write_bytes(page.encode("cp1252"))
    source = read_source(path)
    assert "rencontré son homologue à Genève" in source.text
    assert source.info.encoding == "windows-1252"
    assert source.info.title == "Entretiens à Genève"
    assert str(source.info.published) == "2025-03-04"
    assert source.info.author == "A. Auteur"


@pytest.mark.parametrize("fmt", ["txt", "html", "pdf"])
def test_standard_input(variants: dict, fmt: str) -> None:
    """`-` reads standard input; the format is sniffed from the bytes."""
    code = "import briefgen.sources as s; i = s.read_source('-').info; print(i.format, i.path, i.chars)"
    done = subprocess.run(
        [sys.executable, "-c", code], input=variants[fmt].read_bytes(), capture_output=True, timeout=60, check=True
    )
    expected = {"txt": "stdin", "html": "html", "pdf": "pdf"}[fmt]
    assert done.stdout.decode().split() == [expected, "-", str(len(read_source(variants["txt"]).text))]


def test_unknown_suffix_is_sniffed(tmp_path: Path, variants: dict) -> None:
    (tmp_path / "article").write_bytes(variants["html"].read_bytes())
    (tmp_path / "notes.text").write_bytes(b"The ministers met.\n")
    assert read_source(tmp_path / "article").info.format == "html"
    assert read_source(tmp_path / "notes.text").text == "The ministers met."


def test_same_meeting_in_every_format(read: dict) -> None:
    """Extraction sees the same participants, setting and quotes whatever the format.

    The variants are compared with each other, not with fixed values: extraction quality is
    tested elsewhere; here only the reading must not change what extraction finds.
    """
    from briefgen.extract import extract

    def essentials(source) -> dict:  # noqa: ANN001 - a Source
        meeting = extract(source)
        return {
            "participants": sorted((p.name or "", p.title or "", p.affiliation or "") for p in meeting.participants),
            "setting": meeting.setting.model_dump(include={"date", "location", "occasion"}),
            "quotes": sorted((q.speaker or "", q.text) for q in meeting.quotes),
        }

    found = {fmt: essentials(src) for fmt, src in read.items()}
    assert found["txt"]["participants"], "the comparison means nothing if nothing was found"
    for fmt, essentials_of_format in found.items():
        assert essentials_of_format == found["txt"], fmt


def test_docx_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A zip bomb is refused from the archive's directory, before anything is inflated."""
    import briefgen.sources.docx as docx_reader

    monkeypatch.setattr(docx_reader, "_MAX_UNPACKED", 1000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(fx.docx_variant())
    with pytest.raises(SourceError, match=r"bomb\.docx: the \.docx unpacks to .* MB, more than"):
        read_source(path)


@pytest.mark.parametrize(("password", "readable"), [("", True), ("secret", False)])
def test_encrypted_pdf(tmp_path: Path, password: str, readable: bool) -> None:
    import io

    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(fx.pdf_variant())))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    if readable:
        assert words(read_source(path).text) == words(read_source(fx.SEED).text)
    else:
        with pytest.raises(SourceError, match=r"locked\.pdf: the PDF is encrypted with a password"):
            read_source(path)


def test_empty_standard_input() -> None:
    code = "\n".join(
        ["import briefgen.sources as s", "try:", "    s.read_source('-')", "except Exception as e:"]
        + ["    print(type(e).__name__, e)"]
    )
    done = subprocess.run([sys.executable, "-c", code], input=b" \n", capture_output=True, timeout=60, check=True)
    assert done.stdout.decode().strip() == "SourceError standard input: no text (the file is empty or only whitespace)"
