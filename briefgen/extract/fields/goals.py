"""The goal an undertaking is made for, as an undertaking of its own.

"agreed to open border talks by March, with the aim of closing them by the autumn" makes two
undertakings with two deadlines: to open the talks, and to conclude them. The goal phrase ("with the
goal / aim / objective of …ing", "with a view to …ing") is cut from the first action and becomes the
second, its verb in the base form and "them"/"it" replaced by what the first action acts on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lexicon.data import word_set

_PRONOUN_OBJECTS = {"them", "it"}


@dataclass(frozen=True)
class Goal:
    cut: int  # where the first action now ends (the comma or "with" before the goal phrase)
    first: int  # the goal's first token (its verb)
    end: int  # one past its last token
    action: str  # the goal as an action: "conclude the technical negotiations within four months"


def goal_after(verb: Any, end: int) -> Goal | None:
    """The goal phrase hanging on `verb` inside [verb, end), or None."""
    doc = verb.doc
    nouns = word_set("cues", "goal_nouns")
    for prep in (c for c in verb.children if c.dep_ == "prep" and verb.i < c.i < end and c.lower_ == "with"):
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in nouns), None)
        if noun is None:
            continue
        link = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "to"}), None)
        gerund = next((c for c in link.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if link else None
        if gerund is None:
            continue
        words = [gerund.lemma_]
        for tok in doc[gerund.i + 1 : min(gerund.right_edge.i + 1, end)]:
            if tok.lower_ in _PRONOUN_OBJECTS and tok.head.i == gerund.i and tok.dep_ == "dobj":
                words.append(_object_of(verb) or tok.text)
            else:
                words.append(tok.text_with_ws.rstrip() if tok.whitespace_ else tok.text)
        action = " ".join(w for w in words if w).replace(" ,", ",").strip(" ,;.")
        cut = prep.i - 1 if prep.i > verb.i and doc[prep.i - 1].text == "," else prep.i
        return Goal(cut, gerund.i, gerund.right_edge.i + 1, action)
    return None


def _object_of(verb: Any) -> str | None:
    """What the first action acts on, without its own modifiers after it: "the technical negotiations"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ not in {"poss"}]
    text = obj.doc[words[0].i : obj.i + 1].text if words else obj.text
    return text if text.lower().startswith(("the ", "a ", "an ")) else f"the {text}"
