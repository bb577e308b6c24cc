"""People: who took part, who was merely mentioned, their titles and affiliations.

`find_people` reads an analysed text and returns the finished `People`: every person as a cluster of
mentions, the participants marked, implied titles and affiliations filled. Its parts, one job each:

- `clusters`: a person as a cluster of mentions, and the state the other parts share;
- `context`: the clauses of a sentence that are about another event or a matter discussed;
- `mentions`: finding the people a text names and grouping the mentions into clusters;
- `frame`: the sentence that frames the meeting, and whether the meeting was a call;
- `roles`: who took part, who reported, who was only spoken of;
- `groups`: groups the text counts or names by office, and the titles a group gives;
- `affiliations`: the sides the text only implies;
- `lookup`: the coreference lookups the other fields use (`refer`, `owner`, offices, pronouns).
"""

from __future__ import annotations

from typing import Any

from ...components.document import Analysis
from ...lexicon.gazetteer import fold
from ...text.dateline import dateline
from .affiliations import Affiliations
from .clusters import Mention, Person
from .context import discussed_tokens, elsewhere_tokens, low_office, other_time_clause
from .frame import FrameFinder
from .groups import Groups
from .lookup import Lookup
from .mentions import MentionFinder
from .roles import Roles

__all__ = [
    "Mention",
    "People",
    "Person",
    "discussed_tokens",
    "elsewhere_tokens",
    "find_people",
    "low_office",
    "other_time_clause",
]


class People(MentionFinder, FrameFinder, Roles, Groups, Affiliations, Lookup):
    """All people in a text, with the lookups quotes and commitments need to name their actors."""

    def __init__(self, an: Analysis) -> None:
        self.an = an
        self.doc = an.doc
        self.persons: list[Person] = []
        self._owner: dict[int, Person] = {}
        self._refs: list[tuple[int, Person]] = []
        self.frame_sentence: Any = None
        self.listed_groups: list[list[Mention]] = []
        self._dateline = line = dateline(an.text)
        # the agency a dateline names is never a person ("ERBIL (Outlet 24) –")
        self._dateline_agency = fold(line.agency) if line is not None and line.agency else None
        self._find()


def find_people(an: Analysis) -> People:
    """The people of an analysed text, finished: mentions clustered, roles decided, sides filled.

    Construction finds and clusters the mentions; the roles need the whole set. One call does both, so
    no caller reads `participants` before they mean anything.
    """
    people = People(an)
    people.decide_roles()
    return people
