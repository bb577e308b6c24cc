"""The spaCy pipeline: speed-ups keep annotations identical."""

from __future__ import annotations

import pytest

SEAT_READOUT = (
    "A Kremlin spokesman said:\n\n"
    '"The President spoke by telephone with Prime Minister Anil Varma of India this morning.\n\n'
    "The two leaders reviewed fertiliser deliveries and the North-South transport corridor.\n\n"
    'The President and the Prime Minister agreed to meet in Delhi in the coming weeks."'
)


def _model():
    """The English model as installed, without its recogniser; skip when there is none."""
    import spacy

    from briefgen.extract.components.pipeline import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    pytest.skip("no spaCy English model")


def test_attribute_table_matches_the_model_ruler():
    from briefgen.extract.components.attributes import install

    plain, table = _model(), _model()
    assert install(table)
    text = SEAT_READOUT + " I'd say they ain't gonna do it. There is nothing here; it's what we've got, isn't it?"
    got = [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in table(text)]
    want = [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in plain(text)]
    assert got == want


def test_cached_lemmatizer_matches_the_model_lemmatizer_and_keeps_its_word_index():
    from briefgen.extract.components.entities import common_words
    from briefgen.extract.components.lemmas import install

    plain, cached = _model(), _model()
    assert install(cached) and "lemmatizer" not in cached.pipe_names
    text = SEAT_READOUT + " They were meeting; he had been told. The ministers' talks are going well, aren't they?"
    for _ in range(2):  # the second pass answers from the cache
        got = [(t.text, t.pos_, t.lemma_) for t in cached(text)]
        assert got == [(t.text, t.pos_, t.lemma_) for t in plain(text)]
    assert common_words(cached) == common_words(plain) and "partnership" in common_words(cached)


def test_every_data_file_matches_its_schema_and_a_typo_is_refused():
    from pydantic import ValidationError

    from briefgen.extract.lexicon.data import load
    from briefgen.extract.lexicon.schemas import SCHEMAS, Cues

    for name in SCHEMAS:
        assert load(name)
    data = dict(load("cues"))
    data["speach_verbs"] = data.pop("speech_verbs")
    with pytest.raises(ValidationError):
        Cues.model_validate(data)


def test_a_pattern_that_does_not_compile_is_refused_when_the_data_loads():
    from pydantic import ValidationError

    from briefgen.extract.lexicon.data import load
    from briefgen.extract.lexicon.schemas import Cues

    data = dict(load("cues"))
    data["occasion_patterns"] = [*data["occasion_patterns"], "(?<=\\b(?:a|an) )visit"]
    with pytest.raises(ValidationError, match="not a regular expression"):
        Cues.model_validate(data)
