"""briefgen's own errors: each names the input and the problem in one line.

The CLI prints `str(error)` and exits 1, so the message must make sense on its own; anything
that is not a `BriefgenError` is a bug and is shown with a traceback only under `--debug`.
"""

from __future__ import annotations


class BriefgenError(Exception):
    """An expected failure caused by an input, a setting or the environment."""

    def __init__(self, subject: object, problem: str) -> None:
        self.subject = str(subject)
        self.problem = problem
        super().__init__(f"{self.subject}: {problem}" if self.subject else problem)


class SourceError(BriefgenError):
    """A source file cannot be read as text (missing, binary, empty, too large …)."""


class ModelFileError(BriefgenError):
    """A model file (YAML or JSON) is malformed or does not match the Meeting schema."""


class TemplateError(BriefgenError):
    """A memo template cannot be found, parsed or rendered."""


class OutputError(BriefgenError):
    """An output file cannot be written."""


class ConfigError(BriefgenError):
    """briefgen.toml or an option value is invalid."""


def one_line(text: str, limit: int = 1000) -> str:
    """A message fit for one line of a terminal or a log.

    Control characters (a newline or an escape sequence smuggled in through a file name, a
    multi-line library message) are shown escaped, so a message can neither span lines nor
    drive the terminal; very long messages are cut.
    """
    out = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return out if len(out) <= limit else out[: limit - 1] + "…"


class MergeError(BriefgenError):
    """Accounts given to merge do not describe the same meeting."""


class DossierError(BriefgenError):
    """A dossier cannot be made from the inputs (no meeting between the parties …)."""
