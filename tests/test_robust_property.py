"""Property: any Unicode text after a plain opening sentence gives a memo whose DOCX and PDF
re-open (python-docx, pypdf) and keep a Latin name they were given; only text that control
characters make binary is refused, in one line."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from helpers_cli import docx_text, pdf_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.config import MemoSettings
from briefgen.errors import SourceError

# Text with everything that has broken writers before: controls, surrogates-free astral
# characters, markup and template syntax, quotation marks, right-to-left marks.
SPICE = ["<", "&", "]]>", "{{ x }}", "{% if %}", "“", "”", "\x00", "\x0b", "\u200f", "\u2028", "🤝", "ـ", "\n\n"]
texts = st.lists(
    st.one_of(st.text(min_size=0, max_size=40), st.sampled_from(SPICE)),
    min_size=0,
    max_size=30,
).map("".join)


@pytest.fixture(scope="module")
def pipeline():
    from briefgen.extract import extract, warm_up
    from briefgen.render import render_docx, render_pdf
    from briefgen.sources import read_source

    warm_up()
    return read_source, extract, render_docx, render_pdf


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=texts)
def test_any_text_gives_a_memo_or_a_briefgen_error(pipeline, body: str) -> None:
    read_source, extract, render_docx, render_pdf = pipeline
    text = f"Foreign Minister Amara Okonjo met Lena Vasquez in Geneva. {body}"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        # The text opens with a plain sentence, so it gives a memo unless control characters
        # make it binary; any other error fails the test (one that returned on every error
        # could never fail).
        try:
            source = read_source(path)
        except SourceError as err:
            assert "binary data, not text" in str(err) and "\n" not in str(err)
            return
        meeting = extract(source)
        docx_bytes = render_docx(meeting, MemoSettings(classification="UNCLASSIFIED"))
        pdf_bytes = render_pdf(meeting, MemoSettings())
    assert "UNCLASSIFIED" in docx_text(docx_bytes)
    pdf = pdf_text(pdf_bytes)
    assert pdf.strip(), "the PDF has text"
    assert "Okonjo" in docx_text(docx_bytes) or "Okonjo" in pdf
