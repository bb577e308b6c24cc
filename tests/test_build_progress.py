"""The build's progress output: a bar only for a person at a terminal, a summary everywhere."""

from __future__ import annotations

import io

import pytest

from briefgen.build import BuildReport, Outcome
from briefgen.progress import Reporter, wants_progress_bar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def report() -> BuildReport:
    return BuildReport(
        outcomes=[
            Outcome("a.txt", "built"),
            Outcome("b\nevil\x1b[2J.txt", "failed", "b\\nevil\\x1b[2J.txt: no text"),
            Outcome("c.txt", "skipped"),
        ],
        seconds=1.5,
    )


def test_pipes_get_failures_and_summary_only() -> None:
    stream = io.StringIO()
    with Reporter(stream=stream) as reporter:
        reporter.plan(3)
        for o in report().outcomes:
            reporter.advance(o)
    reporter.finish(report())
    assert stream.getvalue().splitlines() == [
        "FAILED  b\\nevil\\x1b[2J.txt: no text",
        "briefgen build: 1 built, 1 up to date, 1 failed in 1.50 s",
        "failed inputs: b\\nevil\\x1b[2J.txt",
    ]


def test_verbose_lists_every_input() -> None:
    stream = io.StringIO()
    Reporter(stream=stream, verbose=True).finish(report())
    assert stream.getvalue().splitlines()[:2] == ["built   a.txt", "current c.txt"]


@pytest.mark.parametrize(("env", "expected"), [({}, True), ({"CI": "true"}, False), ({"TERM": "dumb"}, False)])
def test_bar_only_on_a_real_terminal(monkeypatch: pytest.MonkeyPatch, env: dict, expected: bool) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert wants_progress_bar(FakeTerminal()) is expected
    assert wants_progress_bar(io.StringIO()) is False


def test_bar_draws_on_a_terminal_and_leaves_only_the_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = FakeTerminal()
    with Reporter(stream=stream) as reporter:
        assert reporter.interactive
        reporter.plan(3)
        for o in report().outcomes:
            reporter.advance(o)
    reporter.finish(report())
    assert "3/3" in stream.getvalue()
    assert stream.getvalue().rstrip().endswith("failed inputs: b\\nevil\\x1b[2J.txt")
