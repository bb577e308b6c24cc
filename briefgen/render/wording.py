"""How extracted phrases read on the page: title case, short headings, pronoun checks, clipping.

The model keeps every value as the source wrote it. A memo needs some of them in another
shape: "foreign minister" as "Foreign Minister", a nine-word topic label as a heading, a
sentence that begins "He said …" kept out of a bottom line that must stand on its own. These
functions only cut, drop or re-case words the model holds; they never add facts. The word
lists live in presentation.yaml.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from ..yamlio import load_data_yaml

OPEN_QUOTES = "“‘\"'«„‹"
CLOSE_QUOTES = "”’\"'»“›"
ELLIPSIS = ("…", "...")
_LABEL_PREFIX = re.compile(r"^\s*([\w’' -]{1,30}):\s+")


@functools.lru_cache(maxsize=1)
def presentation() -> dict[str, Any]:
    """presentation.yaml, with every word list folded for case-free lookups."""

    data = load_data_yaml(Path(__file__).with_name("presentation.yaml").read_text(encoding="utf-8"))
    folded = {
        key: frozenset(str(w).casefold() for w in value) for key, value in data.items() if isinstance(value, list)
    }
    numbers = {key: value for key, value in data.items() if isinstance(value, int)}
    # Longest openers first, so "in addition" wins over "in".
    openers = sorted(folded["discourse_openers"], key=len, reverse=True)
    return {
        **folded,
        **numbers,
        "generic": folded["generic_titles"],
        "small": folded["small_words"],
        "openers": openers,
    }


def key(text: str) -> str:
    """Whitespace and case folded: how two mentions of one sentence are recognised."""
    return " ".join(text.split()).casefold()


def title_case(title: str | None) -> str | None:
    """'foreign minister' → 'Foreign Minister'; words already holding capitals ('UN', 'McDonald') stay.

    The model keeps titles as written; a memo presents them as a title. Small words inside
    ('of', 'and') stay lower case, hyphenated parts are capitalised each ('Secretary-General').
    """
    if not title:
        return title
    small = presentation()["small"]
    out = []
    for i, word in enumerate(title.split(" ")):
        if any(ch.isupper() for ch in word) or (i > 0 and word.casefold() in small):
            out.append(word)
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(out)


def is_generic_title(title: str | None) -> bool:
    return bool(title) and title.strip().casefold() in presentation()["generic"]


def sentence_start(text: str | None) -> str | None:
    """Capitalise the first letter for display ('deepen dialogue' → 'Deepen dialogue')."""
    if not text or not text[0].islower():
        return text
    return text[0].upper() + text[1:]


def _bare(word: str) -> str:
    return word.strip(OPEN_QUOTES + CLOSE_QUOTES + ",;:.!?()").casefold()


def first_word(text: str) -> str:
    """The first word after an optional 'Label:' prefix, folded; '' when the text opens with a quotation."""
    body = _LABEL_PREFIX.sub("", text, count=1).lstrip()
    if body[:1] in OPEN_QUOTES:
        return ""  # a sentence that opens with a quotation names its speaker after it
    words = body.split()
    return _bare(words[0]) if words else ""


def pronoun_led(text: str | None) -> bool:
    """'He said …', 'Next: They discussed …': the sentence does not say who on its own."""
    return bool(text) and first_word(text) in presentation()["pronouns"]


def truncated(text: str) -> bool:
    """A line the extractor already cut short ends in an ellipsis."""
    return text.rstrip(" .").endswith(ELLIPSIS) or text.rstrip().endswith(ELLIPSIS)


def drop_opener(text: str) -> str:
    """'Additionally, Rwanda is preparing …' → 'Rwanda is preparing …' (the link word needs the sentence before)."""
    folded = text.casefold()
    for opener in presentation()["openers"]:
        if folded.startswith(opener + ",") or folded.startswith(opener + " "):
            rest = text[len(opener) :].lstrip(", ")
            if rest and rest[0].isupper():
                return rest
    return text


def clip(text: str, max_words: int) -> str:
    """At most `max_words` words, cut after the last comma or semicolon inside them, then '…'."""
    words = text.split()
    if len(words) <= max_words:
        return text
    head = words[:max_words]
    cut = max((i for i, w in enumerate(head) if w.endswith((",", ";")) and i >= max_words // 2), default=None)
    if cut is not None:
        head = head[: cut + 1]
    return " ".join(head).rstrip(",;:") + "…"


def _strip_enclosing_quote(text: str) -> str:
    """'“excellent cooperation” between them' → 'excellent cooperation between them'."""
    if not text or text[0] not in OPEN_QUOTES:
        return text
    for i in range(1, len(text)):
        if text[i] in CLOSE_QUOTES:
            return (text[1:i] + text[i + 1 :]).strip()
    return text[1:].strip()


def _counted(words: list[str]) -> int:
    """Words outside parentheses: '(DRC)' does not make a label long."""
    return sum(1 for w in words if not (w.startswith("(") and w.endswith(")")))


def _drop_dangling(words: list[str]) -> list[str]:
    dangling = presentation()["dangling_words"]
    words = list(words)
    if words:
        words[-1] = words[-1].rstrip(",;:")
    while len(words) > 2 and words[-1].casefold() in dangling:
        words.pop()
        words[-1] = words[-1].rstrip(",;:")
    return words


def short_label(label: str) -> str:
    """A topic label short enough for a heading, with no leading quote or possessive.

    The full label stays in the model and in the point; only its start and tail are trimmed:
    a leading possessive ('their …'), quote marks around the first words, the words an
    extractor left dangling ('… in and near'), and for a label of more than `heading_max_words`
    words everything from the first preposition after the third word ('severe fiscal
    pressures facing Peru in light of …' → 'severe fiscal pressures facing Peru').
    """
    data = presentation()
    words = _strip_enclosing_quote(label.strip()).split()
    if len(words) > 1 and _bare(words[0]) in data["possessives"]:
        words = words[1:]
    words = _drop_dangling(words)
    limit = data["heading_max_words"]
    if _counted(words) > limit:
        breaks = data["heading_breaks"]
        cut = next(
            (
                i
                for i in range(3, min(len(words) - 1, limit + 1))
                if words[i].casefold() in breaks and not (words[i - 1][:1].isupper() and words[i + 1][:1].isupper())
            ),
            None,
        )
        if cut:
            words = _drop_dangling(words[:cut])
        elif _counted(words) > limit + 3:
            words = [*words[:limit], "…"]
    return " ".join(words) or label
