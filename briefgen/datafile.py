"""Read briefgen's own data files (word lists, gazetteer, taxonomy, presentation rules).

YAML 1.1, which PyYAML follows, reads the bare words `on`, `off`, `yes`, `no`, `y` and `n`
as booleans. In a list of English cue words that silently turns "agreed on" into
"agreed True" (it happened). This loader keeps only `true`/`false` as booleans, so a
word list means what it says whether or not its words are quoted.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class _WordsLoader(yaml.SafeLoader):
    """SafeLoader whose booleans are only true/false."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_data_yaml(text: str) -> Any:
    """Parse a data file's text: safe YAML with booleans limited to true/false."""
    return yaml.load(text, Loader=_WordsLoader)  # noqa: S506 - a SafeLoader subclass
