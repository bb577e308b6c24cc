"""No bad input breaks briefgen: a table of cases, each run through the real CLI.

Every case ends in one of two ways: a clear one-line error naming the input (no traceback,
no partial or temporary file, exit status 1), or a valid memo (the DOCX opens with
python-docx, the PDF with pypdf, the YAML validates). To keep this quick, all source and
model-file cases go through ONE `briefgen build` run (one spaCy load); the batch also shows
that good inputs still build beside bad ones and that the summary names every failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers_cli import (
    TRACEBACK,
    assert_clean_failure,
    docx_text,
    leftovers,
    pdf_text,
    run_cli,
    run_python,
    sample_meeting,
    stderr_of,
    write_model,
)

from briefgen.build import safe_stem
from briefgen.modelfile import load_meeting

ARTICLE = (
    "GENEVA, 14 March 2025 - Foreign Minister Amara Okonjo of Nigeria met Foreign Minister "
    "Lena Vasquez of Chile on the sidelines of the Human Rights Council session in Geneva. "
    "The two ministers discussed trade, renewable energy and security in the Sahel. "
    "“We see great promise in this partnership,” Okonjo said. "
    "Both sides agreed to hold a joint economic commission in Abuja by the end of the year.\n"
)


@dataclass(frozen=True)
class Case:
    name: str  # file name inside the batch folder
    content: bytes
    expect: str  # "error", "memo" or "either"
    must_show: str | None = None  # text the memo must carry through unchanged


def _model_bytes(text: str) -> bytes:
    return text.encode("utf-8")


BILLION_LAUGHS = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "participants: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
)

CASES = [
    # sources
    Case("empty.txt", b"", "error"),
    Case("whitespace.txt", b"  \n\t \n\r\n", "error"),
    Case("binary.txt", bytes(range(256)) * 64, "error"),
    Case("binary-zip.docx", b"PK\x03\x04" + os.urandom(2000), "error"),
    Case("not-a-pdf.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 100, "error"),
    Case("invalid-utf8.txt", ARTICLE.encode() + b"\xff\xfe\xc3(\x80 more text.\n", "either"),
    Case("utf16-bom.txt", ARTICLE.encode("utf-16"), "memo", "Okonjo"),
    Case("cp1252.txt", (ARTICLE + "Café déjà vu – “fine”.\n").encode("cp1252"), "memo", "Okonjo"),
    Case("control-chars.txt", ARTICLE.replace(" met ", " met\x00\x01\x0b\x1b[31m ").encode(), "memo"),
    Case(
        "template-syntax.txt",
        (ARTICLE + "“{{ 7*7 }} {% for x in range(9) %}loop{% endfor %} {# c #}”, Okonjo said.\n").encode(),
        "memo",
        "Okonjo",
    ),
    Case("markup.txt", (ARTICLE + "AT&T < 5 & x > 3 ]]> <b>bold</b> <script>x</script>\n").encode(), "memo"),
    Case(
        "rtl-emoji.txt",
        (ARTICLE + "وزير الخارجية التقى نظيره في جنيف 🤝🇳🇬🇨🇱 ‏שלום‎ 👍🏽\n").encode(),
        "memo",
        "Okonjo",
    ),
    Case(
        "non-english.txt",
        "Le ministre des Affaires étrangères Jean Dupont a rencontré son homologue à Paris. "
        "Министр иностранных дел встретился с коллегой в Москве.\n".encode(),
        "either",
    ),
    Case(
        "no-meeting.txt",
        b"Preheat the oven. Mix flour, sugar and butter. Bake for twenty minutes and let it cool.\n",
        "memo",
    ),
    Case("one-line-1mb.txt", (("word " * 210_000).strip() + ".").encode(), "either"),
    Case("$(touch pwned) 'q' \"dq\" ;ls.txt", ARTICLE.encode(), "memo", "Okonjo"),
    Case("-leading-dash.txt", ARTICLE.encode(), "memo"),
    Case("ctrl\x1bname\x07.txt", ARTICLE.encode(), "memo"),
    # model files
    Case("model-invalid.yaml", b"participants: [\n", "error"),
    Case("model-wrong-type.yaml", b"participants:\n  - name: [1]\n", "error"),
    Case("model-unknown-field.yaml", b"participants:\n  - nmae: x\n", "error"),
    Case("model-missing-field.yaml", b"quotes:\n  - speaker: x\n", "error"),
    Case(
        "model-offsets.yaml",
        b"source: {chars: 5}\nquotes: [{text: x, evidence: [{start: 1, end: 99, text: y}]}]\n",
        "error",
    ),
    Case("model-bomb.yaml", _model_bytes(BILLION_LAUGHS), "error"),
    Case("model-deep.json", b'{"participants": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "error"),
    Case("model-list.json", b"[1, 2, 3]", "error"),
]


def _model_case(name: str, meeting_name: str) -> Case:
    from briefgen.modelfile import dump_meeting

    return Case(name, dump_meeting(sample_meeting(meeting_name), "yaml").encode(), "memo", meeting_name)


RTL_EMOJI_NAME = "Amir 🤝 مرحبا שלום"

CASES += [
    _model_case("model-good.yaml", "Sergei Lavrov"),
    _model_case("model-hostile-text.yaml", "Ré {{ 7*7 }} <b>&amp; ]]> \\n $x"),
    _model_case("model-rtl-emoji.yaml", RTL_EMOJI_NAME),
    _model_case("model..dots...yaml", "Dot Name"),
]

#: What the PDF must show where it differs from `must_show`. The PDF font (Roboto) covers Latin,
#: Latin Extended, Greek and Cyrillic only (docs/RENDERING.md, "Scripts the PDF shows"): Arabic,
#: Hebrew and emoji have no glyph there, so the PDF shows their Latin neighbours; the DOCX keeps all.
PDF_SHOWS: dict[str, str] = {"model-rtl-emoji.yaml": "Amir"}


@dataclass
class Batch:
    root: Path
    out: Path
    result: subprocess.CompletedProcess
    stderr: str


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("robust")
    inputs = root / "in"
    inputs.mkdir()
    for case in CASES:
        (inputs / case.name).write_bytes(case.content)
    os.mkfifo(inputs / "pipe.txt")  # a reader would block forever
    (root / "empty-folder").mkdir()
    (root / "loop.txt").symlink_to(root / "loop.txt")
    out = root / "out"
    out.mkdir()
    # an older memo of the same name: must be replaced by a complete new one
    (out / "model-good.docx").write_bytes(b"old and broken")
    result = run_cli(
        "build",
        "-j",
        "2",
        "-o",
        "out",
        "--",
        "in",
        "empty-folder",
        "missing-file.txt",
        "loop.txt",
        cwd=root,
        timeout=600,
    )
    return Batch(root, out, result, stderr_of(result))


def test_batch_exit_status_and_summary(batch: Batch) -> None:
    assert batch.result.returncode == 1, batch.stderr
    assert TRACEBACK not in batch.stderr
    assert "failed inputs: " in batch.stderr
    summary = next(line for line in batch.stderr.splitlines() if line.startswith("briefgen build: "))
    assert " built, " in summary and " failed in " in summary
    assert leftovers(batch.root) == []
    assert not (batch.root / "pwned").exists() and not (batch.root / "in" / "pwned").exists()


@pytest.mark.parametrize("name", ["empty-folder", "missing-file.txt", "loop.txt", "in/pipe.txt"])
def test_paths_that_are_not_sources(batch: Batch, name: str) -> None:
    lines = [line for line in batch.stderr.splitlines() if line.startswith(f"FAILED  {name}: ")]
    assert len(lines) == 1, batch.stderr


def test_outputs_stay_inside_the_output_folder(batch: Batch) -> None:
    produced = sorted(p for p in batch.root.rglob("*") if p.suffix in (".docx", ".pdf") and "in" not in p.parts)
    assert produced and all(p.parent == batch.out for p in produced)
    for p in produced:
        assert not p.name.startswith(("-", ".")) and all(c.isprintable() and c not in "$'\"; " for c in p.name)


@pytest.mark.parametrize("case", CASES, ids=[safe_stem(c.name) for c in CASES])
def test_case(batch: Batch, case: Case) -> None:
    stem = safe_stem(Path(case.name).stem)
    shown = case.name.encode("unicode_escape").decode("ascii") if not case.name.isprintable() else case.name
    failed = [line for line in batch.stderr.splitlines() if line.startswith("FAILED") and shown in line]
    outputs = sorted(batch.out.glob(f"{stem}.*"))
    if failed:
        assert case.expect in ("error", "either"), f"expected a memo: {failed[0]}"
        assert len(failed) == 1
        assert "internal error" not in failed[0], failed[0]
        assert outputs == [], "a failed input leaves no output"
        return
    assert case.expect in ("memo", "either"), f"expected a clear error for {case.name}"
    assert [p.suffix for p in outputs] == [".docx", ".pdf", ".yaml"], outputs
    load_meeting(batch.out / f"{stem}.yaml")
    text = docx_text(batch.out / f"{stem}.docx")
    pdf = pdf_text(batch.out / f"{stem}.pdf")
    if case.must_show:
        assert case.must_show in text
        assert PDF_SHOWS.get(case.name, case.must_show) in pdf.replace("\n", " ")
    assert "49" not in text.replace(case.must_show or "", ""), "template syntax in the input must not run"


def test_rtl_and_emoji_names_kept_exactly_in_docx_latin_parts_in_pdf(batch: Batch) -> None:
    """Arabic, Hebrew and emoji: the DOCX holds the exact text; the PDF opens and holds the Latin parts."""
    import docx

    document = docx.Document(str(batch.out / "model-rtl-emoji.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(RTL_EMOJI_NAME in cell for cell in cells), "participants table"
    text = docx_text(batch.out / "model-rtl-emoji.docx")
    assert f"{RTL_EMOJI_NAME} (Russia) met" in text, "BLUF"
    assert f"{RTL_EMOJI_NAME}: “We value our warm relations”" in text, "quotes"
    pdf = " ".join(pdf_text(batch.out / "model-rtl-emoji.pdf").split())
    for latin in ("Foreign Minister Amir", "Olivier Nduhungirehe (Rwanda)", "We value our warm relations", "Cairo"):
        assert latin in pdf, latin


def test_single_bad_input_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("participants: [\n", encoding="utf-8")
    result = run_cli("build", "bad.yaml", "-o", "out", cwd=tmp_path)
    line = assert_clean_failure(result, "bad.yaml")
    assert line == "FAILED  bad.yaml: invalid YAML at line 2: did not find expected node content"


def test_output_path_is_a_file(tmp_path: Path) -> None:
    write_model(tmp_path / "m.yaml")
    (tmp_path / "out").write_text("I am a file", encoding="utf-8")
    line = assert_clean_failure(run_cli("build", "m.yaml", "-o", "out", cwd=tmp_path), "out")
    assert line == "briefgen build: out: output path exists and is not a folder"
    assert (tmp_path / "out").read_text(encoding="utf-8") == "I am a file"


def test_output_folder_not_writable(tmp_path: Path) -> None:
    # Tests run as root, so permissions cannot stop a write; a folder under a regular file can.
    write_model(tmp_path / "m.yaml")
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    line = assert_clean_failure(run_cli("build", "m.yaml", "-o", "plain/out", cwd=tmp_path), "plain/out")
    assert "cannot create the output folder" in line


def test_disk_full_keeps_the_old_memo(tmp_path: Path) -> None:
    write_model(tmp_path / "m.yaml")
    first = run_cli("build", "m.yaml", "-o", "out", cwd=tmp_path)
    assert first.returncode == 0, stderr_of(first)
    old = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("m.*")}
    write_model(tmp_path / "m.yaml", sample_meeting("Someone Else"))
    # the disk fills up while the third file (the PDF) is being flushed
    code = (
        "import errno, os, sys\n"
        "real, calls = os.fsync, []\n"
        "def fsync(fd):\n"
        "    calls.append(fd)\n"
        "    if len(calls) == 3:\n"
        "        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
        "    return real(fd)\n"
        "os.fsync = fsync\n"
        "from briefgen.cli import run\n"
        "sys.exit(run(['build', 'm.yaml', '-o', 'out']))\n"
    )
    result = run_python(code, cwd=tmp_path)
    line = assert_clean_failure(result, "m.pdf")
    assert "No space left on device" in line
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").glob("m.*")} == old
    assert leftovers(tmp_path) == []


def test_extract_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert_clean_failure(run_cli("extract", "empty.txt", cwd=tmp_path), "empty.txt")
    assert_clean_failure(run_cli("extract", "missing.txt", cwd=tmp_path), "missing.txt")


def test_memo_replaced_old_file(batch: Batch) -> None:
    assert "Sergei Lavrov" in docx_text(batch.out / "model-good.docx")
    assert pdf_text(batch.out / "model-good.pdf")


def test_rebuild_after_fixing_only_redoes_the_failures(batch: Batch, tmp_path: Path) -> None:
    root = tmp_path / "again"
    shutil.copytree(batch.root / "in", root / "in", symlinks=True, ignore=shutil.ignore_patterns("pipe.txt"))
    kept = 0
    for case in CASES:
        if case.expect == "error" or not case.name.startswith("model-"):
            (root / "in" / case.name).unlink()
        else:
            kept += 1
    shutil.copytree(batch.out, root / "out")
    result = run_cli("build", "in", "-o", "out", cwd=root)
    assert result.returncode == 0, stderr_of(result)
    assert kept >= 3 and f"0 built, {kept} up to date, 0 failed" in stderr_of(result)
