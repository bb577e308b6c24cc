"""Every bad model file, setting, path or name is one error naming the file (and field), via the CLI."""

from __future__ import annotations

import datetime as dt
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from helpers_cli import TRACEBACK, assert_clean_failure, docx_text, pdf_text, sample_meeting, stderr_of, write_model

HEAD = "schema_version: 1\n"
BAD_MODELS = {
    "feb30.yaml": (HEAD + "setting: {date: 2023-02-30}\n", "setting.date"),
    "bigint.yaml": (HEAD + "source: {chars: " + "9" * 5000 + "}\n", "source.chars"),
    "bigint.json": ('{"source": {"chars": ' + "9" * 5000 + "}}", "source.chars"),
    "surrogate.json": ('{"quotes": [{"text": "a\\ud800b"}]}', "quotes.0.text: holds a lone surrogate"),
    "empty_label.yaml": (HEAD + 'topics: [{label: ""}]\n', "topics.0.label: must not be empty"),
    "empty_quote.yaml": (HEAD + 'quotes: [{text: "  "}]\n', "quotes.0.text: must not be empty"),
    "dup.yaml": (HEAD + "participants: [{name: A}]\nparticipants: [{name: B}]\n", "duplicate key 'participants'"),
    "dup.json": ('{"quotes": [{"text": "x"}], "quotes": []}', "duplicate key 'quotes'"),
    # Bounds that keep any accepted file renderable in seconds and well under 1 GB.
    "crowd.yaml": (HEAD + "participants:\n" + "- {}\n" * 1001, "participants: 1,001 items"),
    "swarm.json": ('{"mentioned": [' + ",".join(["{}"] * 200_001) + "]}", "more than 200,000 objects"),
    "events.yaml": (HEAD + "source: {removed: [" + ", ".join(["a"] * 1_000_001) + "]}\n", "more than 1,000,000 values"),
}


def test_bad_model_files_name_the_file_and_field_in_validate_and_build(tmp_path: Path, cli) -> None:
    for name, (text, _) in BAD_MODELS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in ("surrogate.json", "dup.yaml"):  # validate and build say the same
        line = assert_clean_failure(cli("validate", name), name)
        assert BAD_MODELS[name][1] in line, line
    batch = cli("build", *BAD_MODELS, "-o", "out")
    err = stderr_of(batch)
    assert batch.returncode == 1 and TRACEBACK not in err and "internal error" not in err
    for name, (_, problem) in BAD_MODELS.items():
        assert any(name in line and problem in line for line in err.splitlines()), (name, err)


def test_any_date_the_model_accepts_renders(tmp_path: Path, cli) -> None:
    meeting = sample_meeting()
    meeting.source.published = dt.date(2150, 6, 1)
    write_model(tmp_path / "late.yaml", meeting)
    result = cli("build", "late.yaml", "-o", "out")
    assert result.returncode == 0, stderr_of(result)
    assert "2150" in docx_text(tmp_path / "out" / "late.docx")
    epoch = cli("build", "late.yaml", "-o", "epoch", env={"SOURCE_DATE_EPOCH": str(2**32 + 10**9)})
    assert epoch.returncode == 0, stderr_of(epoch)


def test_odd_bytes_in_names_options_and_stdout(tmp_path: Path, cli) -> None:
    odd = os.fsencode(tmp_path) + b"/caf\xe9.yaml"
    write_model(Path(os.fsdecode(odd)))
    built = cli("build", os.fsdecode(b"caf\xe9.yaml"), "-o", "out")
    assert built.returncode == 0, stderr_of(built)
    assert (tmp_path / "out" / "caf.docx").exists()
    latin1 = cli("build", os.fsdecode(b"caf\xe9.yaml"), "-o", "out2", "--to", os.fsdecode(b"Minist\xe8re"))
    assert latin1.returncode == 2 and "--to: not UTF-8 text" in stderr_of(latin1)
    write_model(tmp_path / "Ωmega.yaml")
    ascii_out = cli("validate", "Ωmega.yaml", env={"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"})
    assert ascii_out.returncode == 0 and TRACEBACK not in stderr_of(ascii_out)
    assert b"\\u03a9mega.yaml: valid" in ascii_out.stdout


def _png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width × height pixels (a "decompression bomb")."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (140 * 2**20))


SETTINGS = {
    "corrupt logo": ("logo: logo.png\n", "logo.png", "not a readable image"),
    "logo bomb": ("logo: bomb.png\n", "bomb.png", "pixels"),
    "not a font": ("font: {regular: font.ttf}\n", "font.ttf", "not a TrueType font file"),
    "margins": ("page: {margin_left: 3.5, margin_right: 3.5}\n", "theme.yaml", "leave less than 2 inches"),
}


@pytest.mark.parametrize("case", sorted(SETTINGS))
def test_bad_theme_is_one_error_before_any_input(tmp_path: Path, cli, case: str) -> None:
    theme, names, problem = SETTINGS[case]
    (tmp_path / "theme.yaml").write_text(theme, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    (tmp_path / "bomb.png").write_bytes(_png_header(60_000, 60_000))
    (tmp_path / "font.ttf").write_text("not a font", encoding="utf-8")
    write_model(tmp_path / "a.yaml")
    write_model(tmp_path / "b.yaml")
    result = cli("build", "a.yaml", "b.yaml", "-o", "out", "--theme", "theme.yaml")
    line = assert_clean_failure(result, names)
    assert problem in line and len(stderr_of(result).strip().splitlines()) == 1, stderr_of(result)
    assert not (tmp_path / "out").exists()


def test_bad_template_and_zip_bomb_letterhead_fail_once_up_front(tmp_path: Path, cli) -> None:
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "memo.md.j2").write_text("# Memo\n{% if %}\n", encoding="utf-8")
    _zip_bomb(tmp_path / "bomb.docx")
    write_model(tmp_path / "a.yaml")
    syntax = cli("build", "a.yaml", "-o", "out", "--template-dir", "tpl")
    assert "memo.md.j2, line 2" in assert_clean_failure(syntax, "memo.md.j2")
    bomb = cli("build", "a.yaml", "-o", "out", "--reference-docx", "bomb.docx")
    assert "zip bomb" in assert_clean_failure(bomb, "bomb.docx")
    assert not (tmp_path / "out").exists()


def test_pipes_and_devices_never_hang(tmp_path: Path, cli) -> None:
    os.mkfifo(tmp_path / "model.yaml")
    os.mkfifo(tmp_path / "theme.yaml")
    (tmp_path / "tpl").mkdir()
    os.mkfifo(tmp_path / "tpl" / "piped.md.j2")
    write_model(tmp_path / "a.yaml")
    assert "is a named pipe" in assert_clean_failure(cli("validate", "model.yaml", timeout=60), "model.yaml")
    for theme in ("theme.yaml", "/dev/zero"):
        result = cli("build", "a.yaml", "-o", "out", "--theme", theme, timeout=60)
        assert "not a regular file" in assert_clean_failure(result, theme)
    listing = cli("templates", "--template-dir", "tpl", timeout=60)
    assert listing.returncode == 0 and b"piped" not in listing.stdout
    built = cli("build", "a.yaml", "-o", "out", "--template-dir", "tpl", timeout=60)
    assert built.returncode == 0, stderr_of(built)


def test_long_inputs_render(tmp_path: Path, cli) -> None:
    from briefgen.model import Commitment, Quote

    meeting = sample_meeting()
    meeting.commitments = [Commitment(actor="Rwanda", action="x" * 5000, deadline="y" * 5000)]
    write_model(tmp_path / "token.yaml", meeting)
    meeting = sample_meeting()
    meeting.source.chars = None
    words = " ".join(f"word{i}" for i in range(150_000))  # about a megabyte
    meeting.quotes = [Quote(speaker="Sergei Lavrov", text=words)]
    write_model(tmp_path / "quote.yaml", meeting)
    result = cli("build", "token.yaml", "quote.yaml", "-o", "out", timeout=240)
    assert result.returncode == 0, stderr_of(result)
    assert "xxxxxxxx" in pdf_text(tmp_path / "out" / "token.pdf")
    assert "word149999" in pdf_text(tmp_path / "out" / "quote.pdf").replace("\n", "")


def test_long_file_name_and_script_only_page(tmp_path: Path, cli) -> None:
    text = "Foreign Minister Amara Okonjo of Nigeria met Foreign Minister Lena Vasquez of Chile in Cairo.\n"
    long_name = "a" * 250 + ".txt"  # its sidecar's name would pass 255 bytes
    (tmp_path / long_name).write_text(text, encoding="utf-8")
    page = (
        "<html><head><style>p{color:red}</style></head>"
        "<body><script>var ministers = 'met in Cairo';</script></body></html>"
    )
    (tmp_path / "code.html").write_text(page, encoding="utf-8")
    result = cli("build", long_name, "code.html", "-o", "out")
    err = stderr_of(result)
    assert result.returncode == 1 and TRACEBACK not in err
    assert "code.html: no article text found" in err
    assert "1 built" in err, err
