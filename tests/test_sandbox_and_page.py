"""Templates cannot reach memory or files they should not; the page never loses the banner (CLI)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_cli import TRACEBACK, assert_clean_failure, pdf_text, sample_meeting, stderr_of, write_model

TEN = ", ".join(["{x}"] * 10)
RUNAWAY = {
    "concat": (
        "{% set ns = namespace(s='x' * 900000) %}"
        "{% for i in range(12) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
        "too large",
    ),
    "replace": ("{{ ('x' * 900000) | replace('x', 'y' * 40) | length }}", "too large"),
    "nested": (
        "{% set a = ['x' * 900000] %}"
        + "".join(f"{{% set {n} = [{TEN.format(x=p)}] %}}" for p, n in (("a", "b"), ("b", "c"), ("c", "d")))
        + "{{ d }}",
        "too large",
    ),
    # Small strings, but Markdown so dense that parsing it would take gigabytes.
    "markup": ("{{ ('*a* ' * 1000000) | md }}", "Markdown marks"),
    "paragraphs": ("{{ ('a\\n\\n' * 1000000) | md }}", "lines"),
}


def _limited(memory: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return apply


@pytest.mark.parametrize("case", sorted(RUNAWAY))
def test_template_memory_is_bounded_whatever_it_does(tmp_path: Path, case: str) -> None:
    (tmp_path / "tpl").mkdir()
    template, problem = RUNAWAY[case]
    (tmp_path / "tpl" / "memo.md.j2").write_text(template + "\n", encoding="utf-8")
    write_model(tmp_path / "a.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", "a.yaml", "-o", "out", "--template-dir", "tpl"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        env={**os.environ, "CI": "1"},
        preexec_fn=_limited(1536 * 2**20),  # the 1 GiB string a template once built cannot fit
    )
    line = assert_clean_failure(result, "template memo")
    assert problem in line and "out of memory" not in line, line


def test_a_valid_model_of_punctuation_renders_in_a_gigabyte(tmp_path: Path) -> None:
    """Source text reaches the Markdown parser escaped; a million escapes once took 800 MB."""
    from briefgen.model import Quote

    meeting = sample_meeting()
    meeting.source.chars = None
    meeting.quotes = [Quote(speaker="Sergei Lavrov", text="!?,." * 500_000)]
    write_model(tmp_path / "punct.yaml", meeting)
    result = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", "punct.yaml", "-o", "out"],
        cwd=tmp_path,
        capture_output=True,
        timeout=240,
        env={**os.environ, "CI": "1"},
        preexec_fn=_limited(2**30),
    )
    assert result.returncode == 0, stderr_of(result)
    assert "!?,.!?,." in pdf_text(tmp_path / "out" / "punct.pdf")


def test_symlinks_in_a_template_folder_are_never_loaded(tmp_path: Path, cli) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("PRIVATE-KEY-MATERIAL", encoding="utf-8")
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "_leak.md.j2").symlink_to(secret)
    (tpl / "linked.md.j2").symlink_to(secret)
    (tpl / "memo.md.j2").write_text("# Memo\n\n{% include '_leak.md.j2' %}\n", encoding="utf-8")
    write_model(tmp_path / "a.yaml")
    listing = cli("templates", "--template-dir", "tpl")
    assert b"linked" not in listing.stdout
    result = cli("build", "a.yaml", "-o", "out", "--template-dir", "tpl")
    assert "_leak.md.j2" in assert_clean_failure(result, "template memo")
    assert not (tmp_path / "out" / "a.pdf").exists()


def test_template_listing_shows_no_escape_codes(tmp_path: Path, cli) -> None:
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "evil.md.j2").write_text("{# description: red \x1b[31mALERT\x1b]0;title\x07 #}\n# x\n", "utf-8")
    listing = cli("templates", "--template-dir", "tpl")
    assert listing.returncode == 0
    assert b"\x1b" not in listing.stdout and b"\x07" not in listing.stdout
    assert b"evil" in listing.stdout and b"ALERT" in listing.stdout


def test_a_long_banner_stays_on_the_page(tmp_path: Path, cli) -> None:
    from pypdf import PdfReader

    write_model(tmp_path / "a.yaml")
    banner = "TOP SECRET//" + "//".join(f"COMPARTMENT{i}" for i in range(14)) + "//NOFORN"
    result = cli("build", "a.yaml", "-o", "out", "--classification", banner)
    assert result.returncode == 0, stderr_of(result)
    page = PdfReader(tmp_path / "out" / "a.pdf").pages[0]
    width = float(page.mediabox.width)
    placed: list[tuple[str, float]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: placed.append((text, tm[4] * cm[0] + cm[4])))
    starts = [x for text, x in placed if "TOP SECRET" in text]
    assert starts and all(0 <= x < width for x in starts), starts
    assert any("NOFORN" in text for text, _ in placed)


def test_jobs_capped_and_source_date_epoch_in_the_key(tmp_path: Path, cli) -> None:
    for name in ("a", "b", "c"):
        write_model(tmp_path / f"{name}.yaml")
    first = cli("build", "a.yaml", "b.yaml", "c.yaml", "-o", "out", "-j", "999")
    assert first.returncode == 0 and "note: -j 999 lowered to" in stderr_of(first)
    same = cli("build", "a.yaml", "-o", "out")
    assert "0 built, 1 up to date" in stderr_of(same)
    epoch = cli("build", "a.yaml", "-o", "out", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert "1 built, 0 up to date" in stderr_of(epoch), stderr_of(epoch)
    assert TRACEBACK not in stderr_of(epoch)
