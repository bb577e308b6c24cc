"""Each private-API fast path of the writers equals the public path it replaces.

The DOCX shell is serialised through python-docx's private PackageWriter steps, its ZIP is
assembled by hand from pre-compressed entries, and the PDF's common inline spans become
reportlab ParaFrags without its markup parser. These tests pin each against the public way
(`Document.save`, `zipfile`, `Paragraph(markup)`), so a version bump that breaks one fails here
instead of producing subtly different files.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.render.determinism import write_entries, write_zip, zip_entry
from briefgen.render.tree import Span

WHEN = dt.datetime(2025, 5, 3, 10, 20, 30, tzinfo=dt.UTC)


@settings(max_examples=25, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[a-z]{1,8}(/[a-z]{1,8})?\.xml", fullmatch=True), st.binary(max_size=2000), min_size=1
    )
)
def test_hand_built_zip_is_the_zip_zipfile_writes(members: dict[str, bytes]) -> None:
    fast = write_entries([zip_entry(name, data) for name, data in members.items()], WHEN)
    assert fast == write_zip(members, WHEN)
    with zipfile.ZipFile(io.BytesIO(fast)) as archive:
        assert archive.testzip() is None
        assert {name: archive.read(name) for name in archive.namelist()} == members


def test_package_members_are_what_document_save_writes() -> None:
    import docx

    from briefgen.render.docx.package import _package_members

    document = docx.Document()
    document.add_paragraph("A paragraph so the body is not empty.")
    members = _package_members(document)
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == members


SPANS = st.lists(
    st.builds(
        Span,
        text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20),
        bold=st.booleans(),
        italic=st.booleans(),
        classes=st.sampled_from([(), ("review",)]),
    )
    | st.builds(Span, ref=st.integers(1, 99)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(SPANS)
def test_paragraph_fragments_equal_what_the_markup_parser_makes(spans: list[Span]) -> None:
    from reportlab.platypus import Paragraph

    from briefgen.render.pdf.inline import spans_frags, spans_markup
    from briefgen.render.pdf.styles import _styles_for
    from briefgen.render.theme import load_theme

    theme = load_theme(None)
    styles = _styles_for(theme)
    style = styles.body
    fast = spans_frags(spans, style, theme, styles.rl_colors)
    parsed = Paragraph(spans_markup(spans, theme), style).frags
    keys = ("text", "fontName", "fontSize", "rise", "bold", "italic")

    def norm(frags):
        """Runs as (text, style…), adjacent runs of one style merged (the parser merges them)."""
        runs: list[list] = []
        for f in frags:
            if not getattr(f, "text", ""):
                continue
            style_key = [getattr(f, k) for k in keys[1:]] + [str(f.textColor)]
            if runs and runs[-1][1:] == style_key:
                runs[-1][0] += f.text
            else:
                runs.append([f.text, *style_key])
        return runs

    assert "".join(f.text for f in fast) == "".join(f.text for f in parsed)
    assert norm(Paragraph("", style, frags=fast).frags) == norm(parsed)
