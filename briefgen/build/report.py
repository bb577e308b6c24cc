"""What a build reports: one outcome per input, in input order, and a summary line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["built", "skipped", "failed"]


@dataclass
class Outcome:
    """What happened to one input. `note` says something the user must know even on success
    (for instance that a memo was rebuilt from a hand-edited model file)."""

    input: str
    status: Status
    message: str = ""
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    note: str = ""


@dataclass
class BuildReport:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # files skipped; shown with --verbose
    warnings: list[str] = field(default_factory=list)  # always shown
    seconds: float = 0.0
    workers: int = 1
    interrupted: bool = False

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failures and not self.interrupted

    def summary(self) -> str:
        text = (
            f"{self.count('built')} built, {self.count('skipped')} up to date, "
            f"{self.count('failed')} failed in {self.seconds:.2f} s"
        )
        return text + " (interrupted; finished work is recorded)" if self.interrupted else text
