"""The `briefgen` command through a real subprocess: commands, options, start-up, review loop."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from helpers_cli import (
    SEED_DIR,
    TRACEBACK,
    assert_clean_failure,
    docx_text,
    leftovers,
    pdf_text,
    run_cli,
    run_python,
    stderr_of,
    write_model,
)

SEED = sorted(SEED_DIR.glob("*.txt"))[0]
HEAVY = ("spacy", "thinc", "docx", "reportlab", "pydantic", "rich", "jinja2")


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from briefgen.cli import run\n"
        "try:\n    run(['--help'])\nexcept SystemExit as e:\n    assert e.code == 0\n"
        f"loaded = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    result = run_python(code, cwd=tmp_path)
    assert result.returncode == 0, stderr_of(result)
    assert b"build" in result.stdout and b"extract" in result.stdout


def test_building_from_a_model_file_does_not_import_spacy(tmp_path: Path) -> None:
    model = write_model(tmp_path / "meeting.yaml")
    code = (
        "import sys\n"
        "from briefgen.cli import run\n"
        "status = run(['build', 'meeting.yaml', '-o', 'out'])\n"
        "assert status == 0, status\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    result = run_python(code, cwd=tmp_path)
    assert result.returncode == 0, stderr_of(result)
    assert model.exists()
    assert "Sergei Lavrov" in docx_text(tmp_path / "out" / "meeting.docx")


def test_default_build_goes_from_seeds_to_output(tmp_path: Path) -> None:
    shutil.copytree(SEED_DIR, tmp_path / "seeds")
    result = run_cli("build", "-j", "1", cwd=tmp_path)
    assert result.returncode == 0, stderr_of(result)
    out = tmp_path / "output"
    assert sorted(p.suffix for p in out.glob(f"{SEED.stem}.*")) == [".docx", ".pdf", ".yaml"]
    assert "1 built, 0 up to date, 0 failed" in stderr_of(result)
    model = yaml.safe_load((out / f"{SEED.stem}.yaml").read_text(encoding="utf-8"))
    names = " ".join(p.get("name") or "" for p in model["participants"])
    assert "Lavrov" in names and "Nduhungirehe" in names
    assert "Lavrov" in docx_text(out / f"{SEED.stem}.docx")
    assert "Nduhungirehe" in pdf_text(out / f"{SEED.stem}.pdf")
    assert leftovers(out) == []

    again = run_cli("build", cwd=tmp_path)
    assert again.returncode == 0 and "0 built, 1 up to date" in stderr_of(again)

    # -o DIR, from the model file just written (no extraction)
    other = run_cli("build", f"output/{SEED.stem}.yaml", "-o", "elsewhere", cwd=tmp_path)
    assert other.returncode == 0, stderr_of(other)
    assert (tmp_path / "elsewhere" / f"{SEED.stem}.pdf").is_file()


def test_extract_json_has_the_scorer_keys(tmp_path: Path) -> None:
    result = run_cli("extract", str(SEED), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, stderr_of(result)
    data = json.loads(result.stdout)
    assert {"participants", "setting", "topics", "commitments", "quotes", "outlook"} <= set(data)
    assert {"date", "location", "occasion"} <= set(data["setting"])
    assert all({"name", "title", "affiliation"} <= set(p) for p in data["participants"])
    assert all({"speaker", "text"} <= set(q) for q in data["quotes"])
    assert data["setting"]["date"] is None, "the seed states no date"


def test_review_loop_edit_the_model_and_rebuild(tmp_path: Path) -> None:
    extracted = run_cli("extract", str(SEED), "-o", "X.yaml", cwd=tmp_path)
    assert extracted.returncode == 0, stderr_of(extracted)
    data = yaml.safe_load((tmp_path / "X.yaml").read_text(encoding="utf-8"))
    lavrov = next(p for p in data["participants"] if "Lavrov" in (p.get("name") or ""))
    lavrov["name"] = "Zebulon Quartermaine"
    (tmp_path / "X.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    built = run_cli("build", "X.yaml", "-o", "out", cwd=tmp_path)
    assert built.returncode == 0, stderr_of(built)
    assert "Zebulon Quartermaine" in docx_text(tmp_path / "out" / "X.docx")
    assert "Zebulon Quartermaine" in pdf_text(tmp_path / "out" / "X.pdf")
    rendered = yaml.safe_load((tmp_path / "out" / "X.yaml").read_text(encoding="utf-8"))
    assert "Zebulon Quartermaine" in [p["name"] for p in rendered["participants"]]


def test_validate(tmp_path: Path) -> None:
    write_model(tmp_path / "good.yaml")
    good = run_cli("validate", "good.yaml", cwd=tmp_path)
    assert good.returncode == 0 and b"good.yaml: valid (2 participants" in good.stdout

    (tmp_path / "bad.yaml").write_text("participants:\n  - name: x\n    rank: 3\nquotes: [{}]\n", encoding="utf-8")
    bad = run_cli("validate", "bad.yaml", cwd=tmp_path)
    line = assert_clean_failure(bad, "bad.yaml")
    assert "participants.0.rank: unknown field" in line and "quotes.0.text" in line


def test_schema_is_a_json_schema_of_the_model(tmp_path: Path) -> None:
    result = run_cli("schema", cwd=tmp_path)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object" and schema["title"] == "Meeting"
    assert {"participants", "setting", "quotes", "commitments"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    # every $ref resolves inside the document
    refs = {v for v in _walk_values(schema) if isinstance(v, str) and v.startswith("#/$defs/")}
    assert refs and all(ref.removeprefix("#/$defs/") in schema["$defs"] for ref in refs)


def _walk_values(node: object):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            yield from _walk_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk_values(value)


def test_templates_lists_the_builtin_memo(tmp_path: Path) -> None:
    result = run_cli("templates", cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert any(line.split()[0] == "memo" and len(line.split()) > 1 for line in lines)


def test_header_options_and_briefgen_toml_options_win(tmp_path: Path) -> None:
    write_model(tmp_path / "m.yaml")
    (tmp_path / "briefgen.toml").write_text(
        'to = "Toml Recipient"\nfrom = "Toml Sender"\nclassification = "TOMLMARK"\n', encoding="utf-8"
    )
    result = run_cli(
        "build", "m.yaml", "-o", "out", "--to", "Option Recipient", "--classification", "OPTMARK", cwd=tmp_path
    )
    assert result.returncode == 0, stderr_of(result)
    for text in (docx_text(tmp_path / "out" / "m.docx"), pdf_text(tmp_path / "out" / "m.pdf")):
        assert "Option Recipient" in text and "Toml Sender" in text and "OPTMARK" in text
        assert "Toml Recipient" not in text and "TOMLMARK" not in text


@pytest.mark.parametrize(
    "args",
    [["build", "-j", "0"], ["frobnicate"], ["extract"], ["build", "--published", "yesterday"], []],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert b"usage:" in result.stderr and TRACEBACK.encode() not in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    plain = run_cli("validate", "missing.yaml", cwd=tmp_path)
    assert_clean_failure(plain, "missing.yaml")
    debug = run_cli("--debug", "validate", "missing.yaml", cwd=tmp_path)
    assert debug.returncode != 0 and TRACEBACK in stderr_of(debug)
