"""Template Markdown → one block tree that both writers walk.

markdown-it-py (with the front_matter, footnote, container, attrs and table extensions) parses
the Markdown; this module folds its flat token stream into a few block types. A fix to how a
block reads lands here once; docx.py and pdf.py only decide how each block looks.

* front matter (YAML) → `Document.meta`: title, subject, author, keywords, classification,
  organisation and the memo header rows (TO / FROM / DATE / SUBJECT …);
* ``::: kind Title`` → `Box`; footnotes ``[^label]`` → `Span(ref=n)` and a final `Footnotes`
  block (the sources annex), numbered in order of first citation;
* ``[text]{.review}`` → spans with a class the theme styles (e.g. "for review" in red).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import TemplateError

META_KEYS = {"title", "subject", "author", "keywords", "classification", "organisation", "header"}


@dataclass(frozen=True)
class Span:
    """A run of inline text with its emphasis; `ref` is a citation number, `brk` a line break."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None
    classes: tuple[str, ...] = ()
    ref: int | None = None
    brk: bool = False


@dataclass
class Heading:
    level: int
    spans: list[Span]
    text: str = ""


@dataclass
class Paragraph:
    spans: list[Span]


@dataclass
class ListBlock:
    ordered: bool
    items: list[list[Any]]
    start: int = 1


@dataclass
class Table:
    header: list[list[Span]]
    rows: list[list[list[Span]]]
    align: list[str | None]


@dataclass
class Box:
    kind: str
    title: str
    blocks: list[Any]


@dataclass
class Quote:
    blocks: list[Any]


@dataclass
class Code:
    text: str


@dataclass
class Rule:
    pass


@dataclass
class Footnote:
    number: int
    label: str
    blocks: list[Any]


@dataclass
class Footnotes:
    entries: list[Footnote]


@dataclass
class Document:
    meta: dict[str, Any]
    blocks: list[Any] = field(default_factory=list)

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]


def plain_text(spans: list[Span]) -> str:
    return "".join(" " if s.brk else s.text for s in spans if s.ref is None)


def _markdown_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_plugin
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    md.use(footnote_plugin)
    md.use(container_plugin, name="box", validate=lambda params, *args: bool(params.strip()))
    md.use(attrs_plugin, spans=True)
    md.inline.ruler.before("escape", "escaped_run", _escaped_run)
    return md


_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _escaped_run(state, silent: bool) -> bool:  # noqa: ANN001 - markdown-it's StateInline
    """Read a run of escaped punctuation and plain text as ONE text token.

    Every source value reaches the parser with each ASCII punctuation mark backslash-escaped
    (templates.md_escape). markdown-it makes one token per escape, so a quote of a million
    punctuation marks became a million tokens and gigabytes. This rule, placed before
    markdown-it's own `escape`, gives the same text with one token per run; the run ends at
    the first unescaped markup character, a line break or a backslash before anything else.
    """
    src, pos, end = state.src, state.pos, state.posMax
    if src[pos] != "\\" or pos + 1 >= end or src[pos + 1] not in _ASCII_PUNCT:
        return False
    terminators = state.md.inline.terminator_re
    parts: list[str] = []
    while pos < end:
        if src[pos] == "\\" and pos + 1 < end and src[pos + 1] in _ASCII_PUNCT:
            parts.append(src[pos + 1])
            pos += 2
            continue
        found = terminators.search(src, pos, end)
        stop = found.start() if found else end
        if stop == pos:
            break
        parts.append(src[pos:stop])
        pos = stop
    if not silent:
        state.push("text", "", 0).content = "".join(parts)
    state.pos = pos
    return True


_PARSER = None


def parser():
    global _PARSER
    if _PARSER is None:
        _PARSER = _markdown_parser()
    return _PARSER


def _front_matter(content: str, subject: str) -> dict[str, Any]:
    from .. import yamlio

    try:
        data = yamlio.load(content) if content.strip() else {}
    except yamlio.YamlError as err:
        raise TemplateError(subject, f"front matter is not valid YAML: {err}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise TemplateError(subject, "front matter must be a mapping")
    unknown = sorted(str(k) for k in data if k not in META_KEYS)
    if unknown:
        raise TemplateError(subject, f"unknown front matter key(s): {', '.join(unknown)}")
    meta: dict[str, Any] = {}
    for key in ("title", "subject", "author", "classification", "organisation"):
        value = data.get(key)
        meta[key] = None if value is None or str(value).strip() == "" else str(value)
    keywords = data.get("keywords") or []
    meta["keywords"] = [str(k) for k in keywords] if isinstance(keywords, list) else [str(keywords)]
    rows = data.get("header") or []
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == 2 for r in rows):
        raise TemplateError(subject, "front matter 'header' must be a list of [label, value] pairs")
    meta["header"] = [(str(label), "" if value is None else str(value)) for label, value in rows]
    return meta


def _inline(token) -> list[Span]:
    """Fold an inline token's children into spans, tracking nested emphasis."""
    spans: list[Span] = []
    bold = italic = strike = 0
    href: list[str] = []
    classes: list[tuple[str, ...]] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            if child.content:
                spans.append(
                    Span(
                        text=child.content,
                        bold=bold > 0,
                        italic=italic > 0,
                        strike=strike > 0,
                        code=kind == "code_inline",
                        href=href[-1] if href else None,
                        classes=tuple(c for cs in classes for c in cs),
                    )
                )
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "s_open":
            strike += 1
        elif kind == "s_close":
            strike -= 1
        elif kind == "link_open":
            href.append(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            href.pop() if href else None
        elif kind == "span_open":
            classes.append(tuple(str(child.attrs.get("class", "")).split()))
        elif kind == "span_close":
            classes.pop() if classes else None
        elif kind == "softbreak":
            spans.append(Span(text=" "))
        elif kind == "hardbreak":
            spans.append(Span(brk=True))
        elif kind == "footnote_ref":
            spans.append(Span(ref=int(child.meta["id"]) + 1, text=str(child.meta["id"] + 1)))
        elif kind == "image":
            spans.append(Span(text=child.content or ""))
    return spans


class _Folder:
    """Walks the flat token list once, building nested blocks."""

    def __init__(self, tokens: list, subject: str) -> None:
        self.tokens = tokens
        self.pos = 0
        self.subject = subject
        self.meta: dict[str, Any] = _front_matter("", subject)

    def blocks(self, until: str | None = None) -> list[Any]:
        out: list[Any] = []
        while self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            if until is not None and tok.type == until:
                self.pos += 1
                return out
            block = self.block(tok)
            if block is not None:
                out.append(block)
        return out

    def block(self, tok) -> Any:
        kind = tok.type
        self.pos += 1
        if kind == "front_matter":
            self.meta = _front_matter(tok.content, self.subject)
            return None
        if kind == "heading_open":
            spans = _inline(self.tokens[self.pos])
            self.pos += 2  # inline, heading_close
            return Heading(level=int(tok.tag[1]), spans=spans, text=plain_text(spans).strip())
        if kind == "paragraph_open":
            spans = _inline(self.tokens[self.pos])
            self.pos += 2
            return Paragraph(spans)
        if kind in ("bullet_list_open", "ordered_list_open"):
            items: list[list[Any]] = []
            close = kind.replace("_open", "_close")
            while self.tokens[self.pos].type != close:
                if self.tokens[self.pos].type == "list_item_open":
                    self.pos += 1
                    items.append(self.blocks(until="list_item_close"))
                else:
                    self.pos += 1
            self.pos += 1
            start = int(tok.attrs.get("start", 1)) if kind == "ordered_list_open" else 1
            return ListBlock(ordered=kind == "ordered_list_open", items=items, start=start)
        if kind == "table_open":
            return self.table()
        if kind == "container_box_open":
            words = tok.info.strip().split(None, 1)
            inner = self.blocks(until="container_box_close")
            return Box(kind=words[0].lower(), title=words[1] if len(words) > 1 else "", blocks=inner)
        if kind == "blockquote_open":
            return Quote(self.blocks(until="blockquote_close"))
        if kind in ("fence", "code_block"):
            return Code(tok.content.rstrip("\n"))
        if kind == "hr":
            return Rule()
        if kind == "footnote_block_open":
            entries: list[Footnote] = []
            while self.tokens[self.pos].type != "footnote_block_close":
                ft = self.tokens[self.pos]
                self.pos += 1
                if ft.type == "footnote_open":
                    number = int(ft.meta["id"]) + 1
                    entries.append(Footnote(number, str(ft.meta.get("label", number)), self.blocks("footnote_close")))
            self.pos += 1
            return Footnotes(entries)
        if kind == "inline":
            return Paragraph(_inline(tok))
        return None  # closing tokens we do not need, footnote anchors, html (disabled)

    def table(self) -> Table:
        header: list[list[Span]] = []
        rows: list[list[list[Span]]] = []
        align: list[str | None] = []
        row: list[list[Span]] = []
        in_head = False
        while self.tokens[self.pos].type != "table_close":
            tok = self.tokens[self.pos]
            self.pos += 1
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                row = []
            elif tok.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(row)
            elif tok.type in ("th_open", "td_open"):
                style = str(tok.attrs.get("style", ""))
                if in_head:
                    align.append(style.replace("text-align:", "") or None)
                inline = self.tokens[self.pos]
                row.append(_inline(inline) if inline.type == "inline" else [])
        self.pos += 1
        width = len(header)
        rows = [(r + [[] for _ in range(width - len(r))])[:width] for r in rows]
        return Table(header=header, rows=rows, align=align)


#: Most lines and unescaped markup characters a memo's Markdown may hold. markdown-it needs
#: about 2 KB per paragraph and 750 bytes per emphasis mark, so these keep the parse well under
#: 1 GB; a memo from any valid model stays far below them (source text is escaped, and an
#: escaped run is one token, see _escaped_run).
MAX_LINES = 200_000
MAX_MARKUP = 300_000
_MARKUP = "*_[`<~!|"


def _check_structure(markdown: str, subject: str) -> None:
    lines = markdown.count("\n")
    if lines > MAX_LINES:
        raise TemplateError(subject, f"the memo has {lines:,} lines, more than {MAX_LINES:,}")
    markup = sum(markdown.count(c) - markdown.count("\\" + c) for c in _MARKUP)
    if markup > MAX_MARKUP:
        raise TemplateError(subject, f"the memo holds {markup:,} Markdown marks, more than {MAX_MARKUP:,}")


def parse(markdown: str, subject: str = "template") -> Document:
    """Parse template output into a Document; malformed front matter is a TemplateError."""
    _check_structure(markdown, subject)
    env: dict[str, Any] = {}
    tokens = parser().parse(markdown, env)
    folder = _Folder(tokens, subject)
    blocks = folder.blocks()
    return Document(meta=folder.meta, blocks=blocks)


#: Average advance width of a character, in ems, for regular and bold text (Roboto, with a margin).
_EM_REGULAR = 0.56
_EM_BOLD = 0.62
#: A header or cell of at most this many characters is kept on one line ("Confidence", "Not stated").
_SHORT_HEADER = 12
#: Longer words than this (URLs, codes) may break rather than widen their column.
_LONGEST_UNBREAKABLE = 18


def column_widths(table: Table, total: float, size: float, padding: float) -> list[float]:
    """Column widths in points, shared by both writers so the tables look the same.

    The CSS auto-layout rule in small: every column gets at least the width of its longest
    word (a short header, such as "Confidence", its whole text in bold) so no word is ever
    broken; the rest of the width goes to the columns in proportion to how much more they
    would need to hold their longest cell on one line. `padding` is the cell's left plus
    right padding.
    """
    n = max(len(table.header), 1)
    minimum, maximum = [], []
    for col in range(n):
        head = plain_text(table.header[col]).strip() if col < len(table.header) else ""
        cells = [plain_text(row[col]) for row in table.rows if col < len(row)]
        head_chars = len(head) if len(head) <= _SHORT_HEADER else max((len(w) for w in head.split()), default=1)
        # A short cell ("Not stated", "by 2030") stays on one line; a longer one may break between words.
        units = [len(c) if len(c) <= _SHORT_HEADER else max((len(w) for w in c.split()), default=1) for c in cells]
        word_chars = min(max(units, default=1), _LONGEST_UNBREAKABLE)
        low = max(head_chars * size * _EM_BOLD, word_chars * size * _EM_REGULAR, size * 2) + padding
        high = max(low, max((len(c) for c in cells), default=0) * size * _EM_REGULAR + padding)
        minimum.append(low)
        maximum.append(high)
    if sum(minimum) >= total:  # too many columns for the page: shrink all alike
        return [w * total / sum(minimum) for w in minimum]
    if sum(maximum) <= total:  # everything fits on one line: share the spare room alike
        return [w * total / sum(maximum) for w in maximum]
    spare = total - sum(minimum)
    stretch = [hi - lo for lo, hi in zip(minimum, maximum, strict=True)]
    return [lo + spare * st / sum(stretch) for lo, st in zip(minimum, stretch, strict=True)]
