"""A memoising stand-in for the model's rule lemmatizer: the same lemmas, set for a whole document at once.

Why: spaCy's rule lemmatizer already caches its answer per (word, part of speech), but it still walks
every token through several Python calls and sets each lemma one by one, about a tenth of the
extraction time. Here a document's (word, part of speech, morphology) keys, the model's own cache key,
are read as one array, each key
new to the process is lemmatised by the model's own lemmatizer (so every answer is the model's),
and the lemmas are written back as one array. Tests compare both on every token of our texts.
"""

from __future__ import annotations

from typing import Any


class CachedLemmatizer:
    """Callable pipeline component wrapping a spaCy rule Lemmatizer."""

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatizer = lemmatizer
        self._strings = lemmatizer.vocab.strings
        self._cache: dict[tuple[int, ...], int] = {}

    @property
    def lookups(self) -> Any:
        """The wrapped lemmatizer's tables (its word index is the dictionary entities.py reads)."""
        return self._lemmatizer.lookups

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        cache = self._cache
        overwrite = bool(getattr(self._lemmatizer, "overwrite", False))
        lemmas = []
        for k, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:  # set earlier (the attribute rules: "is" → "be"), as the model keeps it
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)  # the model's own cache key: word, part of speech, morphology
            lemma = cache.get(key)
            if lemma is None:
                word = self._lemmatizer.lemmatize(doc[k])[0]
                lemma = cache[key] = self._strings.add(word)
            lemmas.append(lemma)
        import numpy as np

        doc.from_array([LEMMA], np.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


def make_cached_lemmatizer(nlp: Any, name: str) -> CachedLemmatizer:
    """Factory "briefgen_cached_lemmatizer": wraps this pipeline's own lemmatizer (install() removes it)."""
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def install(nlp: Any) -> bool:
    """Replace the model's rule lemmatizer by the cached one; False (nothing changed) if it cannot."""
    if "lemmatizer" not in nlp.pipe_names or getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return False
    from spacy.language import Language

    name = "briefgen_cached_lemmatizer"
    if not Language.has_factory(name):
        Language.factory(name, func=make_cached_lemmatizer)
    nlp.add_pipe(name, before="lemmatizer")
    nlp.remove_pipe("lemmatizer")
    return True
