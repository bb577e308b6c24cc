"""A faster stand-in for the model's attribute_ruler: the same rules, matched by a lookup table.

Why: the model's attribute_ruler maps each fine-grained tag to its coarse part of speech and
morphology with about 180 one-token Matcher patterns; spaCy's Matcher tries every pattern at every
token, which costs about a tenth of the whole extraction. Here each pattern is indexed by the tag
or the lower-case form it requires, so a token is checked only against the few patterns that can
match it. The patterns and the attribute values are the model's own (taken from its ruler at load
time), matching happens on the tokens as they are before any rule applies, and the rules are
applied in the ruler's order (a later rule wins), exactly as the ruler does: tests compare both
on every token of the evaluation texts.
"""

from __future__ import annotations

import re
from typing import Any

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH")


class UnsupportedPattern(ValueError):
    """A pattern uses a feature this table does not implement: keep the model's ruler."""


class TableAttributeRuler:
    """Callable pipeline component built from a spaCy AttributeRuler's patterns.

    Each one-token condition becomes a vectorised test over the document's attribute arrays
    (hash ids), so every pattern costs a few array operations per document instead of a Matcher
    state per token.
    """

    def __init__(self, ruler: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._strings = ruler.vocab.strings
        self._attrs = list(ruler.attrs)
        self._indices = list(ruler.indices)
        self._rules: list[tuple[int, list[list[tuple[str, str, Any]]]]] = []
        for k, entry in enumerate(ruler.patterns):
            for alternative in entry["patterns"]:
                self._rules.append((k, [self._compile(spec) for spec in alternative]))

    def _compile(self, spec: dict[str, Any]) -> list[tuple[str, str, Any]]:
        tests = []
        for key, value in spec.items():
            if key not in _KEYS:
                raise UnsupportedPattern(key)
            if key == "IS_SPACE":
                if not isinstance(value, bool):
                    raise UnsupportedPattern(str(value))
                tests.append((key, "eq", int(value)))
            elif isinstance(value, str):
                tests.append((key, "eq", self._strings.add(value)))
            elif isinstance(value, dict) and len(value) == 1:
                op, arg = next(iter(value.items()))
                if op in {"IN", "NOT_IN"}:
                    tests.append((key, op, [self._strings.add(str(v)) for v in arg]))
                elif op == "REGEX":
                    tests.append((key, op, re.compile(arg)))
                else:
                    raise UnsupportedPattern(op)
            else:
                raise UnsupportedPattern(str(value))
        return tests

    def __call__(self, doc: Any) -> Any:
        import numpy as np
        from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG

        n = len(doc)
        if not n:
            return doc
        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE, ORTH]).astype("uint64")
        cols = {"TAG": arr[:, 0], "LOWER": arr[:, 1], "DEP": arr[:, 2], "IS_SPACE": arr[:, 3], "ORTH": arr[:, 4]}
        regex_cache: dict[tuple[str, int], Any] = {}

        def mask(tests: list[tuple[str, str, Any]]) -> Any:
            m = np.ones(n, dtype=bool)
            for key, op, arg in tests:
                col = cols[key]
                if op == "eq":
                    m &= col == arg
                elif op == "IN":
                    m &= np.isin(col, arg)
                elif op == "NOT_IN":
                    m &= ~np.isin(col, arg)
                else:  # REGEX over the string values
                    cached = regex_cache.get((key, id(arg)))
                    if cached is None:
                        values = [self._strings[int(v)] for v in col]
                        cached = np.fromiter((bool(arg.search(v)) for v in values), dtype=bool, count=n)
                        regex_cache[(key, id(arg))] = cached
                    m &= cached
            return m

        matches: list[tuple[int, int]] = []
        for k, tokens in self._rules:
            width = len(tokens)
            if width > n:
                continue
            hit = mask(tokens[0])[: n - width + 1].copy()
            for j in range(1, width):
                hit &= mask(tokens[j])[j : n - width + 1 + j]
            if hit.any():
                index = self._indices[k]
                offset = index if index >= 0 else width + index
                matches.extend((k, int(i) + offset) for i in np.flatnonzero(hit))
        matches.sort()
        for k, target in dict.fromkeys(matches):
            self._set(doc[target], self._attrs[k])
        return doc


def make_attribute_table(nlp: Any, name: str) -> TableAttributeRuler:
    """Factory "briefgen_attribute_table": the table built from this pipeline's own attribute_ruler, which
    must still be in the pipeline when the table is added (install() removes it afterwards)."""
    return TableAttributeRuler(nlp.get_pipe("attribute_ruler"))


def install(nlp: Any) -> bool:
    """Replace the model's attribute_ruler by the table version; False (nothing changed) if it cannot."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    from spacy.language import Language

    name = "briefgen_attribute_table"
    if not Language.has_factory(name):
        Language.factory(name, func=make_attribute_table)
    try:
        nlp.add_pipe(name, before="attribute_ruler")
    except (UnsupportedPattern, AttributeError, KeyError, TypeError):
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
