"""Web pages: the article's text through trafilatura, the metadata from the page's own tags.

trafilatura finds the main text and leaves out navigation, comments, share widgets and cookie
banners. It is given the parsed page and no URL, so it never fetches anything, with
deduplication off (its cache would make one page's text depend on pages read earlier in the
process) and a bound on the tree size. When it finds nothing (a page that is one bare list of
paragraphs, say) or the page is too large for it, the paragraphs of the page outside
navigation, headers, footers, forms, asides and blocks whose class names furniture are the
fallback; when even that is empty the page has no article text and that is an error. Either
way, short lines that occur on the page only inside furniture are dropped afterwards, because
trafilatura itself falls back to the whole page when the article is short.

Metadata is read from explicit tags only, so nothing is guessed from the page's prose:
`article:published_time` (and its common relatives, then JSON-LD `datePublished`), og:title or
<title>, the canonical link or og:url, and the author meta tag or JSON-LD author.
"""

from __future__ import annotations

import json
import re

from ..errors import SourceError
from .encoding import decode
from .meta import Metadata, clean_value, iso_date

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
#: trafilatura's time grows faster than linearly with the page (17 s for 20 MB of paragraphs);
#: a news page has a few thousand elements, so past this many the plain fallback reads the page.
_MAX_TREE_SIZE = 30_000
_DATE_PROPERTIES = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date", "pubdate")
_LEAF_TAGS = ("p", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "span", "label", "td", "dt", "dd")
_FALLBACK_SKIP = frozenset(("nav", "header", "footer", "aside", "form", "script", "style", "noscript", "button"))


def decode_html(raw: bytes, subject: str) -> tuple[str, str]:
    """Decode a page: a byte-order mark, then the page's declared charset, then detection."""
    if not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _CHARSET.search(raw[:4096])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            try:
                return raw.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; detect instead
    return decode(raw, subject)


def read_html(page: str, subject: str) -> tuple[str, Metadata]:
    """(article text, metadata) of an HTML page given as text."""
    import lxml.html
    from lxml import etree

    page = _XML_DECLARATION.sub("", page)
    try:
        tree = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError) as err:
        raise SourceError(subject, f"cannot parse the HTML: {err}") from None
    meta = _metadata(tree)
    # Code is never article text: without this, a page holding only <script> or <style> became
    # a memo of its JavaScript (the last-resort fallback reads the body's whole text). The
    # JSON-LD metadata was read above, before its <script> goes.
    etree.strip_elements(tree, "script", "style", "noscript", "template", etree.Comment, with_tail=False)
    furniture = _furniture_lines(tree)
    text = _drop_lines(_article_text(tree), furniture) or _drop_lines(_fallback_text(tree), furniture)
    if not text.strip():
        raise SourceError(subject, "no article text found in the HTML page")
    return _without_headline(text, meta.title), meta


def _article_text(tree) -> str:  # noqa: ANN001 - lxml element
    import copy

    import trafilatura
    from trafilatura.settings import use_config

    if sum(1 for _ in tree.iter()) > _MAX_TREE_SIZE:
        return ""
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    config.set("DEFAULT", "MAX_TREE_SIZE", str(_MAX_TREE_SIZE))
    try:
        text = trafilatura.extract(
            copy.deepcopy(tree),  # trafilatura prunes the tree it is given
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            config=config,
        )
    except Exception:  # noqa: BLE001 - a third-party parser failing on odd markup: use the fallback
        return ""
    return text or ""


def _fallback_text(tree) -> str:  # noqa: ANN001 - lxml element
    """Paragraph-like elements outside page furniture, one per line."""
    furniture = _furniture_hint()
    lines = []
    for element in tree.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td"):
        if _inside_furniture(element, furniture):
            continue
        if element.tag in ("li", "td") and element.xpath(".//p"):
            continue  # its paragraphs come on their own
        text = " ".join(element.text_content().split())
        if text:
            lines.append(text)
    if not lines:
        body = tree.find("body")
        if body is not None:
            lines = [" ".join(line.split()) for line in body.text_content().splitlines()]
    return "\n".join(line for line in lines if line)


def _furniture_hint() -> re.Pattern[str]:
    from .boilerplate import rules

    return rules().html_furniture


def _inside_furniture(element, furniture: re.Pattern[str]) -> bool:  # noqa: ANN001 - lxml element
    """True inside navigation, headers, footers, forms, or a block whose class or id names furniture."""
    node = element
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _FALLBACK_SKIP:
            return True
        if furniture.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


def _furniture_lines(tree) -> set[str]:  # noqa: ANN001 - lxml element
    """Short texts that occur on the page only inside furniture (menus, share bars, comment forms).

    trafilatura falls back to all of a page's text when its article is short; this set lets
    those lines be dropped again.
    """
    hint = _furniture_hint()
    furniture: set[str] = set()
    content: set[str] = set()
    for element in tree.iter(*_LEAF_TAGS):
        text = " ".join(element.text_content().split())
        if not text or len(text) > 300:
            continue
        (furniture if _inside_furniture(element, hint) else content).add(text)
    return furniture - content


def _drop_lines(text: str, furniture: set[str]) -> str:
    return "\n".join(line for line in text.split("\n") if " ".join(line.split()) not in furniture).strip()


def _without_headline(text: str, title: str | None) -> str:
    """The headline is metadata (info.title); drop it when it opens the text as well."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if " ".join(first.split()).casefold() == title.casefold():
        return rest
    return text


def _metadata(tree) -> Metadata:  # noqa: ANN001 - lxml element
    metas: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = element.get("content")
        if key and content and key not in metas:
            metas[key] = content
    ld = _json_ld(tree)
    title = metas.get("og:title") or ld.get("headline") or _title_tag(tree)
    published = next((d for p in _DATE_PROPERTIES if (d := iso_date(metas.get(p, ""))) is not None), None)
    if published is None:
        published = iso_date(str(ld.get("datePublished") or ""))
    url = _canonical(tree) or metas.get("og:url")
    author = metas.get("author") or metas.get("article:author") or _ld_author(ld.get("author"))
    if author and author.startswith(("http://", "https://")):
        author = None  # article:author is often a profile URL, not a name
    return Metadata(title=clean_value(title), published=published, url=clean_value(url), author=clean_value(author))


def _title_tag(tree) -> str | None:  # noqa: ANN001
    element = tree.find(".//title")
    return element.text_content() if element is not None else None


def _canonical(tree) -> str | None:  # noqa: ANN001
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href")
    return None


def _json_ld(tree) -> dict:  # noqa: ANN001
    """The first JSON-LD object that describes an article (NewsArticle, Article, Report …)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict) and ("datePublished" in item or "headline" in item):
                return item
    return {}


def _ld_author(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return value.get("name") if isinstance(value.get("name"), str) else None
    if isinstance(value, list):
        names = [n for v in value if (n := _ld_author(v))]
        return ", ".join(names) or None
    return None
