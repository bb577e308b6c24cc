"""The data files behind the rules (titles, gazetteer, cue words, taxonomy), loaded once, lazily.

Why lazily: `import briefgen.extract` must stay cheap for commands that never extract.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from pydantic import ValidationError

from ...errors import BriefgenError
from ...validation import format_validation_error
from ...yamlio import load_data_yaml
from .schemas import SCHEMAS


@cache
def load(name: str) -> dict[str, Any]:
    """One YAML file from briefgen/data/, parsed and checked against its schema once per process."""
    text = resources.files("briefgen.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = load_data_yaml(text)
    schema = SCHEMAS[name]
    try:
        return schema.model_validate(data).model_dump()
    except ValidationError as err:
        raise DataFileError(f"briefgen/data/{name}.yaml", format_validation_error(err)) from None


class DataFileError(BriefgenError):
    """A data file of the package does not match its schema (a broken install or a bad edit)."""


def cues() -> dict[str, Any]:
    return load("cues")


def titles() -> dict[str, Any]:
    return load("titles")


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """A word list of a data file as a set, built once: the rules test membership token by token."""
    return frozenset(str(w) for w in load(name).get(key, []))


def taxonomy() -> list[dict[str, Any]]:
    return list(load("taxonomy").get("categories", []))
