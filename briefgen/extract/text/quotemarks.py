"""Where quotations are: pairs of quotation marks, including a quotation that runs over paragraphs.

Why its own module: quotes (speech with a speaker) and commitments (nothing said inside quotation
marks is an undertaking recorded by the text) need the same spans, found once per text.

Curly marks (“…”), guillemets («…») and low-high marks („…“) pair directly; so do single marks ('…',
‘…’) outside them, where an apostrophe cannot be meant; a curly opening mark
left unclosed in its paragraph may close with a straight one (“…"). Straight marks pair
within a paragraph; a straight mark that opens a paragraph and finds no partner before the paragraph
ends opens a quotation that runs on: later paragraphs may open with a mark of their own (the
English convention) and the first mark that is not at the start of a paragraph closes it:

    A Kremlin spokesman said:
    "The Prime Minister spoke to …
    The leaders agreed to …."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CURLY = re.compile(r"“([^“”]{2,5000}?)”|«([^«»]{2,5000}?)»|„([^„“”]{2,5000}?)[“”]")
_MAX_CHARS = 5000


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark
    paragraphs: int = 1

    def text(self, source: str) -> str:
        """The words inside, without the marks that reopen continued paragraphs."""
        inner = source[self.start : self.end]
        if self.paragraphs > 1:
            inner = re.sub(r"(\n[ \t]*)\"", r"\1", inner)
        return inner


def _at_paragraph_start(text: str, i: int) -> bool:
    line_start = text.rfind("\n", 0, i) + 1
    return not text[line_start:i].strip()


#: A curly opening mark closed by a straight one in the same paragraph (“… ." as some pages type it).
_MIXED = re.compile(r'“([^“”"\n]{2,5000}?)"(?=[\s,.;:!?)]|$)')


def _straight(text: str, taken: frozenset[int] = frozenset()) -> list[QuoteSpan]:
    marks = [m.start() for m in re.finditer('"', text) if m.start() not in taken]
    out: list[QuoteSpan] = []
    i = 0
    while i + 1 < len(marks):
        p, q = marks[i], marks[i + 1]
        if "\n" not in text[p + 1 : q]:
            out.append(QuoteSpan(p + 1, q, p, q))
            i += 2
            continue
        if not _at_paragraph_start(text, p) or text[p + 1 : p + 2].isspace():
            i += 1  # a stray mark: the next one may open a proper pair
            continue
        j = i + 1
        while (
            j < len(marks) and _at_paragraph_start(text, marks[j]) and not text[marks[j] + 1 : marks[j] + 2].isspace()
        ):
            j += 1  # a paragraph of the same quotation reopening
        if j >= len(marks) or marks[j] - p > _MAX_CHARS:
            i += 1
            continue
        close = marks[j]
        out.append(QuoteSpan(p + 1, close, p, close, text.count("\n\n", p, close) + 1))
        i = j + 1
    return out


#: Single marks, as many outlets quote ('…' or ‘…’): an opening mark after a space or a bracket and before
#: a letter, a closing one after a letter or a stop and before a space, a stop or the end; never an
#: apostrophe inside a word ("Singh's"), never across a line.
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))(?P<mark>['‘])(?P<inner>[A-Za-z0-9À-ÿ][^'‘’\n\"“”]{1,1000}?[\w.,!?%)])['’]"
    r"(?=[\s,.;:!?)\]—–-]|$)"
)


def _single(text: str, inside: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotations in single marks that no double-marked quotation holds."""
    out = []
    for m in _SINGLE.finditer(text):
        if any(s.open_mark <= m.start() <= s.close_mark for s in inside):
            continue  # "He said 'no' again": a quotation inside a quotation is part of it
        out.append(QuoteSpan(m.start("inner"), m.end("inner"), m.start(), m.end() - 1))
    return out


def _curly_paragraph_runs(text: str, found: list[QuoteSpan]) -> list[QuoteSpan]:
    """Paragraphs of a quotation that runs on in curly marks: each opens with “ and has no closing mark, and the
    next paragraph opens with “ again (the English convention). Each such paragraph is a quotation of its own,
    up to its end; the last paragraph, closed with ”, pairs as usual."""
    out = []
    for m in re.finditer("“", text):
        p = m.start()
        if any(s.open_mark <= p <= s.close_mark for s in found) or not _at_paragraph_start(text, p):
            continue
        end = text.find("\n", p)
        end = len(text) if end < 0 else end
        if "”" in text[p:end] or not text[end:].lstrip().startswith("“"):
            continue
        inner_end = len(text[:end].rstrip())
        if inner_end - p > 2:  # no closing mark: the paragraph's end stands for it
            out.append(QuoteSpan(p + 1, inner_end, p, end))
    return out


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quotations of a text, in order of their opening mark."""
    spans = [
        QuoteSpan(m.start(g), m.end(g), m.start(), m.end() - 1)
        for m in _CURLY.finditer(text)
        for g in (1, 2, 3)
        if m.group(g) is not None
    ]
    opened = {s.open_mark for s in spans}
    mixed = [
        QuoteSpan(m.start(1), m.end(1), m.start(), m.end() - 1)
        for m in _MIXED.finditer(text)
        if m.start() not in opened
    ]
    spans.extend(mixed)
    spans.extend(_curly_paragraph_runs(text, spans))
    spans.extend(_straight(text, frozenset(s.close_mark for s in mixed)))
    spans.extend(_single(text, spans))
    spans.sort(key=lambda s: s.open_mark)
    return spans
