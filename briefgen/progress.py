"""Progress and the closing summary of a build.

On a terminal a rich progress bar shows; in pipes and CI only failures and the summary are
printed, so logs stay readable. rich is imported only when a terminal is attached.
"""

from __future__ import annotations

import sys
from typing import Any

from .build import BuildReport, Outcome


class Reporter:
    """Context manager that follows a build's outcomes and prints the summary at the end."""

    def __init__(self, quiet: bool = False, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.interactive = bool(getattr(self.stream, "isatty", lambda: False)()) and not quiet
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
            )
            self._progress.start()
            self._task = self._progress.add_task("", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, outcome: Outcome) -> None:
        if self._progress is not None:
            self._progress.update(self._task, advance=1, description=outcome.input[-40:])

    def finish(self, report: BuildReport) -> None:
        out = self.stream
        if not self.quiet:
            for note in report.notes:
                print(f"note: {note}", file=out)
            for o in report.outcomes:
                if o.status == "built":
                    print(f"built   {o.input}", file=out)
        for o in report.failures:
            print(f"FAILED  {o.message}", file=out)
        print(f"briefgen build: {report.summary()}", file=out)
        if report.failures:
            print("failed inputs: " + ", ".join(o.input for o in report.failures), file=out)
