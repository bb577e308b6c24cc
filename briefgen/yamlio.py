"""The one YAML reader and writer of briefgen, with one policy for every file it reads.

Model files, sidecars, front matter, themes, the memo's own front matter and briefgen's data
files are all parsed here, so a rule holds everywhere or nowhere:

* **Duplicate keys are errors.** PyYAML lets the later key win silently; a model file with
  two `participants:` blocks then loses the first without a word.
* **No anchors or aliases.** No file briefgen reads needs them, and refusing them defuses
  "billion laughs" expansion before it starts.
* **Only `true`/`false` are booleans.** YAML 1.1 reads `on`, `no`, `y` as booleans, which
  turned the cue word "agreed on" into "agreed True" in a word list.
* **Dates stay text.** YAML 1.1 builds a date from `2023-02-30` and fails deep inside the
  parser; kept as text, the date is checked by whoever reads the field, and the error names
  that field.
* **An integer too long to convert** (over 4,300 digits, CPython's limit) becomes a
  `TooLong` marker instead of an exception, so the schema reports the field that holds it.

PyYAML rather than ruamel.yaml: with libyaml its C parser reads a model file about six times
faster than a pure-Python parser, which a batch of hundreds of model files feels; the policy
above is a constructor subclass and works with either parser.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml

try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None


class YamlError(ValueError):
    """A YAML document breaks the syntax or the policy; `line` is 1-based when known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        self.problem = problem
        self.line = line
        super().__init__(f"{problem} (line {line})" if line else problem)


class TooLong:
    """Stands in for an integer too long to convert; validation reports the field holding it."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {self.digits} digits>"


class _Constructor(yaml.constructor.SafeConstructor):
    """SafeConstructor with briefgen's policy: no duplicate keys, no aliases, text dates."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            seen: dict[Any, yaml.Node] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    hash(key)
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        None, None, "a mapping key must be text or a number", key_node.start_mark
                    ) from None
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {str(key)[:60]!r}", key_node.start_mark
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        digits = sum(ch.isdigit() for ch in str(node.value))
        limit = getattr(sys, "get_int_max_str_digits", lambda: 0)() or 10**9
        if digits > limit:
            return TooLong(digits)
        return super().construct_yaml_int(node)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


class _Resolver(yaml.resolver.Resolver):
    """Implicit types as YAML 1.1 minus its wide booleans: only true/false are booleans."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


if _CParser is not None:

    class _Loader(_CParser, _Constructor, _Resolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _Constructor, _Resolver
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)


#: Most YAML events (a scalar is one, a list or mapping two) one document may hold. A meeting
#: needs a few thousand; two million empty mappings in a 10 MB file took 1.5 GB to build.
MAX_EVENTS = 1_000_000


def _scan_anchors(text: str) -> None:
    """Refuse anchors and aliases, and documents of too many nodes, before anything is built."""
    loader = _Loader(text)
    count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            count += 1
            if count > MAX_EVENTS:
                raise yaml.constructor.ConstructorError(
                    None, None, f"more than {MAX_EVENTS:,} values in one document", event.start_mark
                )
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise yaml.constructor.ConstructorError(
                    None, None, "anchors and aliases are not allowed", event.start_mark
                )
    finally:
        loader.dispose()


def load(text: str) -> Any:
    """Parse one YAML document under briefgen's policy; raises YamlError with the line."""
    if type(text) is not str:  # libyaml takes exact str only, not Markup and other subclasses
        text = str.__str__(text)
    try:
        _scan_anchors(text)
        loader = _Loader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise YamlError(problem, mark.line + 1 if mark is not None else None) from None
    except (RecursionError, MemoryError):
        raise YamlError("nested too deeply") from None
    except (ValueError, OverflowError) as err:
        raise YamlError(f"invalid value: {err}") from None


def load_data_yaml(text: str) -> Any:
    """briefgen's own data files (word lists, gazetteer): the same policy as every other file."""
    return load(text)


# --------------------------------------------------------------------------- writing


_LINE_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """Double-quote strings holding NEL or U+2028/9: raw, a YAML reader folds them to spaces."""
    style = '"' if any(ch in value for ch in _LINE_BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_DumperBase: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_DumperBase):  # type: ignore[misc, valid-type]
    """libyaml's emitter when present (ten times faster than PyYAML's) with the string rule."""


_Dumper.add_representer(str, _represent_str)


def dump(data: Any) -> str:
    """Deterministic YAML: key order kept, Unicode as is, lines up to 100 characters."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


__all__ = ["TooLong", "YamlError", "dump", "load", "load_data_yaml"]
