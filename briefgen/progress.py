"""Progress and the closing summary of a build.

On a terminal a rich progress bar shows; in pipes and CI (the `CI` environment variable, or
`TERM=dumb`) nothing is printed while the build runs, and afterwards only failures and the
summary (with `--verbose`, one line per input too), so logs stay readable. rich is imported
only when a bar is actually shown.

The bar refreshes only when an input finishes (no refresh thread): build workers are forked
processes, and forking while another thread holds a lock can hang the child.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .build import BuildReport, Outcome
from .errors import one_line


def wants_progress_bar(stream: Any) -> bool:
    """A bar only for a person watching a terminal, never in CI logs or dumb terminals."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class Reporter:
    """Context manager that follows a build's outcomes and prints the summary at the end."""

    def __init__(self, quiet: bool = False, stream: Any = None, verbose: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.verbose = verbose and not quiet
        self.interactive = not quiet and wants_progress_bar(self.stream)
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Reporter:
        if self.interactive:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("building"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=Console(file=self.stream),
                transient=True,
                auto_refresh=False,
            )
            self._progress.start()
            self._task = self._progress.add_task("", total=None)
            self._progress.refresh()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def plan(self, total: int) -> None:
        """The number of inputs found, so the bar can show N of M."""
        if self._progress is not None:
            self._progress.update(self._task, total=total)
            self._progress.refresh()

    def advance(self, outcome: Outcome) -> None:
        if self._progress is not None:
            name = one_line(outcome.input)
            self._progress.update(self._task, advance=1, description=name[-40:])
            self._progress.refresh()

    def finish(self, report: BuildReport) -> None:
        out = self.stream
        if self.verbose:
            for note in report.notes:
                print(f"note: {note}", file=out)
            for o in report.outcomes:
                if o.status != "failed":
                    label = "built" if o.status == "built" else "current"
                    print(f"{label:8}{one_line(o.input)}", file=out)
        for warning in report.warnings:
            print(f"note: {one_line(warning)}", file=out)
        for o in report.outcomes:
            if o.note:
                print(f"note: {one_line(o.note)}", file=out)
        for o in report.failures:
            print(f"FAILED  {o.message}", file=out)
        print(f"briefgen build: {report.summary()}", file=out)
        if report.failures:
            print("failed inputs: " + ", ".join(one_line(o.input) for o in report.failures), file=out)
