"""Shared helpers for tests that run the real `briefgen` command in a subprocess.

Each run that extracts pays for loading spaCy (about 1.5 s), so tests batch several inputs
into one build where they can, and build from model files (no spaCy) where extraction is not
the point.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from briefgen.model import Evidence, Meeting, Person, Quote, Setting, SourceInfo

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "seeds"
TRACEBACK = "Traceback (most recent call last)"


def run_cli(
    *args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 300, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run `python -m briefgen ARGS` in `cwd`, with no terminal and CI set (no progress bar)."""
    full_env = {**os.environ, "CI": "1", "PYTHONUTF8": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=full_env,
    )


def run_python(code: str, *, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run a snippet in a fresh interpreter (to inspect sys.modules or patch the OS layer)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "CI": "1", "PYTHONUTF8": "1"},
    )


def stderr_of(result: subprocess.CompletedProcess) -> str:
    return result.stderr.decode("utf-8", errors="replace")


def assert_clean_failure(result: subprocess.CompletedProcess, names: str, status: int = 1) -> str:
    """Exit status as expected, no traceback, and a single stderr line naming the input."""
    err = stderr_of(result)
    assert result.returncode == status, (result.returncode, err)
    assert TRACEBACK not in err, err
    lines = [line for line in err.splitlines() if names in line]
    assert lines, f"no line names {names!r}: {err}"
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    """Temporary or partial files a failed write might leave behind."""
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".~"))


def docx_text(path: Path | bytes) -> str:
    """All text of a DOCX: body paragraphs, tables, headers and footers."""
    import docx

    document = docx.Document(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
    return "\n".join(parts)


def pdf_text(path: Path | bytes) -> str:
    from pypdf import PdfReader

    source = io.BytesIO(path) if isinstance(path, bytes) else str(path)
    return "\n".join(page.extract_text() or "" for page in PdfReader(source).pages)


def sample_meeting(name: str = "Sergei Lavrov") -> Meeting:
    """A small, valid meeting with evidence, for builds that must not need spaCy."""
    text = f"{name} met Olivier Nduhungirehe in Cairo. “We value our warm relations,” {name} said."
    ev = Evidence(start=0, end=len(text), text=text)
    return Meeting(
        source=SourceInfo(path="sample.txt", title="Ministers meet in Cairo", chars=len(text)),
        participants=[
            Person(name=name, title="Foreign Minister", affiliation="Russia", evidence=[ev], confidence=0.9),
            Person(name="Olivier Nduhungirehe", title="Foreign Minister", affiliation="Rwanda", evidence=[ev]),
        ],
        setting=Setting(occasion="the Russia–Africa Partnership Forum", evidence=[ev]),
        quotes=[Quote(speaker=name, text="We value our warm relations", evidence=[ev])],
    )


def write_model(path: Path, meeting: Meeting | None = None) -> Path:
    from briefgen.modelfile import dump_meeting

    path.write_text(dump_meeting(meeting or sample_meeting(), "yaml"), encoding="utf-8")
    return path
