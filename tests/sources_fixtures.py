"""Build the seed article as every source format briefgen reads, at test time.

Generated rather than committed: the seed stays the single copy of the article, and each
variant wraps it the way real sources do (a web page with navigation, a cookie banner, share
buttons and a comments section; a Word file with properties; a PDF with wrapped lines, a
running header and page numbers).
"""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = next(iter(sorted((ROOT / "seeds").glob("000_*.txt"))))

TITLE = "Lavrov and Nduhungirehe meet in Cairo"
PUBLISHED = dt.date(2025, 12, 20)
URL = "https://news.example.org/2025/12/20/lavrov-nduhungirehe-cairo"
AUTHOR = "Jane Example"

#: Lines of page furniture that appear in the wrapped variants and must never reach the text.
FURNITURE = (
    "Home",
    "World News",
    "Subscribe",
    "We use cookies to improve your experience on our site.",
    "Accept all cookies",
    "Share this:",
    "Click to share on Facebook",
    "Leave a Reply",
    "Your email address will not be published.",
    "Great article, thanks for sharing!",
    "Related posts",
    "All rights reserved",
)


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    """The article's paragraphs, without the trailing "Leave a Reply" of the saved page."""
    lines = [line.strip() for line in seed_text().splitlines()]
    return [line for line in lines if line and line != "Leave a Reply"]


def markdown_variant() -> str:
    front = "\n".join(
        ["---", f'title: "{TITLE}"', f"published: {PUBLISHED.isoformat()}", f"url: {URL}", f"author: {AUTHOR}"]
        + ["layout: post", "---", ""]
    )
    body = "\n\n".join(seed_paragraphs())
    # Markdown markup that must not reach the text: emphasis, a link.
    body = body.replace("Lavrov said the", "*Lavrov* said the", 1)
    body = body.replace("the United Nations", "the [United Nations](https://un.org)", 1)
    return front + "\n" + body + "\n\nShare this:\n\nLeave a Reply\n"


def html_variant() -> str:
    paragraphs = "\n".join(f"      <p>{html.escape(p, quote=False)}</p>" for p in seed_paragraphs())
    e = html.escape
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(TITLE)} | Example News</title>
  <meta property="og:title" content="{e(TITLE)}">
  <meta property="article:published_time" content="{PUBLISHED.isoformat()}T09:30:00+00:00">
  <meta name="author" content="{e(AUTHOR)}">
  <link rel="canonical" href="{URL}">
  <script>window.dataLayer = [];</script>
  <style>.nav {{ color: red; }}</style>
</head>
<body>
  <div id="cookie-banner" class="cookie-notice">
    <p>We use cookies to improve your experience on our site.</p>
    <button>Accept all cookies</button>
  </div>
  <header class="site-header">
    <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World News</a></li>
    <li><a href="/subscribe">Subscribe</a></li></ul></nav>
  </header>
  <main>
    <article class="post">
      <h1 class="entry-title">{e(TITLE)}</h1>
      <div class="byline">By <span class="author">{e(AUTHOR)}</span></div>
{paragraphs}
      <div class="sharedaddy sd-sharing-enabled">
        <h3 class="sd-title">Share this:</h3>
        <ul><li><a class="share-facebook" href="#">Click to share on Facebook</a></li></ul>
      </div>
    </article>
    <section class="related-posts"><h3>Related posts</h3>
      <ul><li><a href="/x">Minister visits a factory in another country</a></li></ul>
    </section>
    <div id="comments" class="comments-area">
      <h2 class="comments-title">2 comments</h2>
      <ol class="comment-list"><li class="comment"><p>Great article, thanks for sharing!</p></li></ol>
      <div id="respond" class="comment-respond">
        <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
        <form><p class="comment-notes">Your email address will not be published.</p></form>
      </div>
    </div>
  </main>
  <footer><p>© 2025 Example News. All rights reserved</p></footer>
</body>
</html>
"""


def docx_variant() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = AUTHOR
    document.core_properties.created = dt.datetime(PUBLISHED.year, PUBLISHED.month, PUBLISHED.day, 8, 0)
    for paragraph in seed_paragraphs():
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_variant() -> bytes:
    """A two-page PDF with wrapped paragraphs, a running header and page numbers (Roboto font)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = _register_font(pdfmetrics, TTFont)
    style = ParagraphStyle("body", fontName=font, fontSize=11, leading=15, spaceAfter=9)
    buffer = io.BytesIO()

    def furniture(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(72, A4[1] - 40, "Example News")
        canvas.drawCentredString(A4[0] / 2, 30, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=TITLE, author=AUTHOR, invariant=1, topMargin=300, bottomMargin=200
    )
    story = [Paragraph(html.escape(p, quote=False), style) for p in seed_paragraphs()]
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return _with_creation_date(buffer.getvalue())


def _with_creation_date(pdf: bytes) -> bytes:
    """reportlab's invariant mode stamps 2000-01-01; set the article's date as a real file would carry."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/CreationDate": f"D:{PUBLISHED:%Y%m%d}093000+00'00'"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _register_font(pdfmetrics, TTFont) -> str:  # noqa: N803 - reportlab class passed in
    """Roboto from the font-roboto package (a project dependency) covers the seed's dashes and quotes."""
    import font_roboto

    folder = Path(font_roboto.__file__).parent
    regular = next(iter(sorted(folder.rglob("Roboto-Regular.ttf"))))
    if "Roboto" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Roboto", str(regular)))
    return "Roboto"


def scanned_pdf() -> bytes:
    """A PDF with only a drawing on it: no text layer, as a scan has none."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    return buffer.getvalue()
