"""`briefgen review`: a local page to check and correct a meeting model beside its source.

The page shows the source text with every evidence span highlighted and the model as
editable sections; edits are validated by the model itself, saved atomically to the model
file, and built into the memo with the settings `briefgen build` uses. See
docs/REVIEW_PAGE.md.

The web stack (Starlette, uvicorn) is an optional extra, `briefgen[review]`. This module
imports nothing heavy, so the CLI can ask `missing_extra()` before it imports the server.
"""

from __future__ import annotations

import importlib.util

__all__ = ["EXTRA_HINT", "missing_extra"]

#: What to run when the extra is not installed; the CLI prints it in one line.
EXTRA_HINT = "pip install 'briefgen[review]'"

_REQUIRED = ("starlette", "uvicorn")


def missing_extra() -> str | None:
    """The first web-stack module that cannot be imported, or None when the extra is there."""
    for name in _REQUIRED:
        try:
            if importlib.util.find_spec(name) is None:
                return name
        except (ImportError, ValueError):
            return name
    return None
