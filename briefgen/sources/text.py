"""Plain text and Markdown sources: front matter off the top, Markdown markup off the prose.

Extraction reads sentences, so Markdown is reduced to the text a reader sees: one line per
paragraph, heading, list item or table row; emphasis marks dropped; links become their text;
images (whose alt text is not prose) are dropped. Inline HTML and code stay as literal text,
because a source's characters are never interpreted as markup beyond Markdown itself.
"""

from __future__ import annotations

from .meta import Metadata, split_front_matter
from .normalize import normalize_text

#: Markdown larger than this is read as plain text: the pure-Python parser is slow on huge
#: inputs and a document that size is not hand-written Markdown anyway.
MAX_MARKDOWN_CHARS = 500_000


def read_text(text: str, subject: str) -> tuple[str, Metadata]:
    """A .txt source: optional front matter, then the text as it is."""
    meta, body = split_front_matter(text, subject)
    return body, meta


def read_markdown(text: str, subject: str) -> tuple[str, Metadata]:
    """A .md source: optional front matter, then the prose of the Markdown."""
    meta, body = split_front_matter(text, subject)
    if len(body) > MAX_MARKDOWN_CHARS:
        return body, meta
    prose, heading = markdown_to_text(normalize_text(body))  # before parsing: the parser turns NUL into U+FFFD
    if meta.title is None and heading:
        meta = Metadata(title=heading, published=meta.published, url=meta.url, author=meta.author)
    return prose, meta


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """(prose, leading H1). A leading level-1 heading is the title and is left out of the prose."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    lines: list[str] = []
    cells: list[str] | None = None
    heading: str | None = None
    in_h1 = False
    for token in tokens:
        if token.type == "heading_open":
            in_h1 = token.tag == "h1" and not lines and heading is None
        elif token.type == "tr_open":
            cells = []
        elif token.type == "tr_close" and cells is not None:
            lines.append(" | ".join(cells))
            cells = None
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if cells is not None:
                cells.append(text.strip())
            elif in_h1:
                heading, in_h1 = " ".join(text.split()) or None, False
            else:
                lines.append(text.strip())
        elif token.type in ("fence", "code_block", "html_block"):
            lines.append(token.content.rstrip("\n"))
    return "\n".join(line for line in lines if line), heading


def _inline_text(children: list) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
