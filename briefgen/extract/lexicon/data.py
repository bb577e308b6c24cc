"""The data files behind the rules (titles, gazetteer, cue words, taxonomy), loaded once, lazily.

Why lazily: `import briefgen.extract` must stay cheap for commands that never extract.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ...yamlio import load_data_yaml


@cache
def load(name: str) -> dict[str, Any]:
    """One YAML file from briefgen/data/, parsed once per process."""
    text = resources.files("briefgen.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = load_data_yaml(text)
    return data if isinstance(data, dict) else {}


def cues() -> dict[str, Any]:
    return load("cues")


def titles() -> dict[str, Any]:
    return load("titles")


def taxonomy() -> list[dict[str, Any]]:
    return list(load("taxonomy").get("categories", []))
