"""Bad and odd sources: every one gives clean text or a one-line SourceError naming the file."""

from __future__ import annotations

import os
import random
import unicodedata
from pathlib import Path

import pytest
import sources_fixtures as fx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import SourceError
from briefgen.model import Source
from briefgen.sources import rawfile as rawfile_module
from briefgen.sources import read_source

ENGLISH = "The minister said: “We value our warm relations with Rwanda” — café, naïve. Déjà vu à Genève."
RUSSIAN = "Министр иностранных дел России Сергей Лавров провёл переговоры с министром иностранных дел Руанды в Каире."
POLISH = (
    "Minister spraw zagranicznych Radosław Sikorski spotkał się z ministrem w Kairze. Rozmowy dotyczyły współpracy."
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_clean(source: Source) -> None:
    """What every Source promises extraction and the writers."""
    text = source.text
    assert text and text == text.strip()
    assert source.info.chars == len(text)
    assert not any(ord(ch) < 0x20 and ch not in "\n\t" for ch in text)
    assert "\r" not in text and "\x85" not in text
    assert unicodedata.is_normalized("NFC", text)


# --------------------------------------------------------------------------- encodings

ENCODINGS = [
    # (bytes, encoding recorded, text expected)
    (ENGLISH.encode("utf-8"), "utf-8", ENGLISH),
    (b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), "utf-8 (BOM)", ENGLISH),
    (ENGLISH.encode("utf-16"), "utf-16 (BOM)", ENGLISH),
    (b"\xfe\xff" + ENGLISH.encode("utf-16-be"), "utf-16 (BOM)", ENGLISH),
    (ENGLISH.encode("utf-32"), "utf-32 (BOM)", ENGLISH),
    (ENGLISH.encode("cp1252"), "windows-1252", ENGLISH),
    ("Café".encode("cp1252"), "windows-1252", "Café"),
    ("Déjà vu à Genève".encode("latin-1"), "windows-1252", "Déjà vu à Genève"),
    (RUSSIAN.encode("cp1251"), "windows-1251", RUSSIAN),
    (POLISH.encode("cp1250"), "windows-1250", POLISH),
    (ENGLISH.encode("utf-16-le"), "utf-16-le", ENGLISH),
    (ENGLISH.encode() + b"\xff", "utf-8 (1 invalid byte sequences replaced)", ENGLISH + "\ufffd"),
]


@pytest.mark.parametrize(("data", "encoding", "text"), ENCODINGS, ids=[e[1] + f"-{i}" for i, e in enumerate(ENCODINGS)])
def test_encodings(tmp_path: Path, data: bytes, encoding: str, text: str) -> None:
    source = read_source(write(tmp_path, "article.txt", data))
    assert source.info.encoding == encoding
    assert source.text == text


def test_windows_1252_seed(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "seed.txt", fx.seed_text().encode("cp1252")))
    assert source.info.encoding == "windows-1252"
    assert "Africa’s first demonstration" in source.text and "Russia–Africa" in source.text


# --------------------------------------------------------------------------- not text

BINARY = {
    "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(4000),
    "random.txt": random.Random(2).randbytes(8192),
    "zip.txt": b"PK\x03\x04" + random.Random(3).randbytes(2000),
    "elf.md": b"\x7fELF\x02\x01\x01\x00" + bytes(200) + random.Random(4).randbytes(500),
    "nuls.txt": b"\x00" * 1000,
    "utf16-odd.txt": b"\xff\xfe" + b"a\x00b",
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_data_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(SourceError, match=rf"{name.replace('.', '[.]')}: binary data, not text"):
        read_source(write(tmp_path, name, BINARY[name]))


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n ", "\ufeff \n".encode(), "  \n".encode("utf-16")])
def test_empty_or_whitespace_is_no_text(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(SourceError, match=r"empty\.txt: no text"):
        read_source(write(tmp_path, "empty.txt", data))


def test_only_furniture_is_no_text(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no text besides page furniture"):
        read_source(write(tmp_path, "footer.txt", b"Share this:\nLeave a Reply\n"))


def test_control_characters_and_newlines_are_normalised(tmp_path: Path) -> None:
    data = "Lavrov\x00 met\x07 Nduhungirehe\x0bin Cairo.\r\nThey spoke\rat length.\x1b\n\n\n\n"
    data += "Cafe\u0301\u00a0talks.\u2028End"
    source = read_source(write(tmp_path, "controls.txt", data.encode()))
    assert source.text == "Lavrov met Nduhungirehe\nin Cairo.\nThey spoke\nat length.\n\nCafé talks.\nEnd"
    assert_clean(source)


LITERAL = "AT&T said 3 < 4 && 5 > 2 <b>bold</b> ]]> {{ 7*7 }} {% for x in y %} ${HOME} $(rm -rf /) ~id~"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_markup_and_template_syntax_stay_literal(tmp_path: Path, suffix: str) -> None:
    source = read_source(write(tmp_path, f"literal{suffix}", LITERAL.encode()))
    assert source.text == LITERAL


def test_html_entities_become_literal_characters(tmp_path: Path) -> None:
    page = (
        "<html><body><article><p>"
        + "AT&amp;T &lt;b&gt; {{ 7*7 }} met the minister. " * 5
        + "</p></article></body></html>"
    )
    source = read_source(write(tmp_path, "entities.html", page.encode()))
    assert "AT&T <b> {{ 7*7 }} met the minister." in source.text


def test_right_to_left_and_emoji(tmp_path: Path) -> None:
    text = "التقى وزير الخارجية نظيره في القاهرة. השרים נפגשו. 🇷🇼🤝🇷🇺 Talks went well 👍."
    assert read_source(write(tmp_path, "rtl.txt", text.encode())).text == text


# --------------------------------------------------------------------------- size


def test_twenty_megabytes_of_text(tmp_path: Path) -> None:
    paragraph = "\n".join(fx.seed_paragraphs()) + "\nShare this:\n"
    data = (paragraph * (20 * 2**20 // len(paragraph.encode()))).encode()
    path = write(tmp_path, "big.txt", data)
    source = read_source(path)
    assert source.info.chars > 19_000_000
    assert "Share this:" not in source.text[:100_000]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_one_line_of_a_megabyte(tmp_path: Path, suffix: str) -> None:
    body = "The ministers met in Cairo and talked at length " * 21_000
    data = f"<html><body><p>{body}</p></body></html>" if suffix == ".html" else body + " " * 100_000 + "end"
    source = read_source(write(tmp_path, f"line{suffix}", data.encode()))
    assert source.info.chars > 1_000_000 and "\n" not in source.text


def test_pathological_markdown_is_bounded(tmp_path: Path) -> None:
    data = "[" * 50_000 + "x" + "](y)" * 1000 + "\n" + "_a_ " * 50_000
    source = read_source(write(tmp_path, "nested.md", data.encode()))
    assert source.text.rstrip().endswith("a") and source.info.chars > 100_000


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(rawfile_module.MAX_BYTES + 1)  # sparse: instant, and never read
    with pytest.raises(SourceError, match=r"huge\.txt: is 25\.0 MB, larger than the 25 MB limit"):
        read_source(path)


# --------------------------------------------------------------------------- paths


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"nothere\.txt: no such file$"):
        read_source(tmp_path / "nothere.txt")


def test_folder_passed_as_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(SourceError, match=r"folder\.txt: is a folder, not a file"):
        read_source(tmp_path / "folder.txt")


def test_symlink_loop(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    with pytest.raises(SourceError, match=r"a\.txt: symlink loop"):
        read_source(tmp_path / "a.txt")


def test_devices_and_pipes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"/dev/zero: is not a regular file"):
        read_source("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(SourceError, match=r"pipe\.txt: is not a regular file"):
        read_source(tmp_path / "pipe.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"The ministers met.")
    path.chmod(0)
    with pytest.raises(SourceError, match=r"secret\.txt: permission denied"):
        read_source(path)


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root here, so a permission failure is simulated at the open() call."""
    path = write(tmp_path, "secret.txt", b"The ministers met.")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(rawfile_module, "open", refuse, raising=False)
    with pytest.raises(SourceError, match=r"secret\.txt: permission denied, cannot read the file$"):
        read_source(path)


HOSTILE_NAMES = [
    "with space.txt",
    'quote\'s "double".txt',
    "$(touch pwned).txt",
    "-leading-dash.txt",
    "--help.md",
    "..dots...txt",
    "line\nbreak.txt",
    "tab\tand\x1bescape.txt",
    "ünïcødé 日本.txt",
    "-",  # a file literally named "-" in a folder is a file, not standard input
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_names_read_fine(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, b"The ministers met in Cairo.\n")
    assert read_source(path).text == "The ministers met in Cairo."
    assert read_source(str(path)).info.path == str(path)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_names_in_errors_stay_on_one_line(tmp_path: Path, name: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_source(write(tmp_path, name, b""))
    message = str(caught.value)
    assert (
        "\n" not in message
        and "\x1b" not in message
        and message.endswith("no text (the file is empty or only whitespace)")
    )


def test_embedded_nul_in_the_name() -> None:
    with pytest.raises(SourceError, match="invalid file name"):
        read_source("bad\x00name.txt")


# --------------------------------------------------------------------------- properties

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_any_bytes_give_a_source_or_a_source_error(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "any.txt", data)
    try:
        source = read_source(path)
    except SourceError as err:
        assert str(err).startswith(str(path))
        assert "\n" not in str(err)
    else:
        assert_clean(source)


@SETTINGS
@given(text=st.text(max_size=2000), suffix=st.sampled_from([".md", ".html", ".txt"]))
def test_any_text_in_any_text_format(tmp_path: Path, text: str, suffix: str) -> None:
    path = write(tmp_path, f"any{suffix}", text.encode("utf-8", "surrogatepass"))
    try:
        source = read_source(path)
    except SourceError as err:
        assert "\n" not in str(err)
    else:
        assert_clean(source)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=2000), suffix=st.sampled_from([".pdf", ".docx"]))
def test_any_bytes_as_a_container_format(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = write(tmp_path, f"any{suffix}", (b"%PDF-1.4\n" if suffix == ".pdf" else b"PK\x03\x04") + data)
    try:
        source = read_source(path)
    except SourceError:
        return
    assert_clean(source)


# --------------------------------------------------------------------------- odd web pages


def _paragraphs_html() -> str:
    return "".join(f"<div class='c'><p>{p}</p></div>" for p in fx.seed_paragraphs())


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("xhtml.html", ('<?xml version="1.0" encoding="utf-8"?><html><body>' + _paragraphs_html()).encode(), "utf-8"),
        ("utf16.html", f"<html><body>{_paragraphs_html()}</body></html>".encode("utf-16"), "utf-16 (BOM)"),
        ("lying.html", f"<meta charset='utf-8'><body>{_paragraphs_html()}".encode("cp1252"), "windows-1252"),
        ("bogus.htm", f"<meta charset='x-bogus'><body>{_paragraphs_html()}".encode(), "utf-8"),
    ],
)
def test_odd_pages_read(tmp_path: Path, name: str, data: bytes, encoding: str) -> None:
    source = read_source(write(tmp_path, name, data))
    assert source.text.split("\n") == fx.seed_paragraphs()
    assert source.info.encoding == encoding


def test_absurdly_deep_page_is_a_clear_error(tmp_path: Path) -> None:
    data = ("<div>" * 100_000 + "The ministers met." + "</div>" * 100_000).encode()
    with pytest.raises(SourceError, match=r"deep\.html: no article text"):
        read_source(write(tmp_path, "deep.html", data))


def test_twenty_megabytes_of_html(tmp_path: Path) -> None:
    """trafilatura is superlinear on huge pages; past its bound the plain fallback reads them."""
    block = _paragraphs_html()
    page = "<html><body><nav><p>Home</p></nav><article>" + block * (20 * 2**20 // len(block.encode())) + "</article>"
    source = read_source(write(tmp_path, "big.html", page.encode()))
    assert source.text.startswith(fx.seed_paragraphs()[0]) and "Home" not in source.text[:1000]
