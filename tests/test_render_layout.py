"""Layout of the memo built from the REAL extracted seed (not only the hand-written fixture).

Page budgets, table column widths, the sources annex, titles and dates as a memo presents
them, the embedded font in the DOCX, and LibreOffice's view of that DOCX.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from helpers_render import extract_seed, load_fixture_seed
from pypdf import PdfReader

from briefgen.config import MemoSettings
from briefgen.model import Commitment, Evidence, Meeting, OutlookItem, Person, SourceInfo, Summary, Topic
from briefgen.render import render_docx, render_markdown, render_pdf
from briefgen.render.fonts import font_files, obfuscate
from briefgen.render.theme import load_theme
from briefgen.render.tree import Table, column_widths, parse, plain_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SETTINGS = MemoSettings(
    to="The Secretary", **{"from": "Africa Desk"}, classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY"
)


@pytest.fixture(scope="module")
def extracted() -> Meeting:
    """The seed through today's extractor: the memo must fit whatever it finds, not one hand-tuned model."""
    return extract_seed()


@pytest.fixture(scope="module")
def fixture_seed() -> Meeting:
    return load_fixture_seed()


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


# --------------------------------------------------------------------------- page budgets


@pytest.mark.parametrize("which", ["extracted", "fixture_seed"])
def test_seed_memo_two_pages_one_pager_one(which, request):
    meeting = request.getfixturevalue(which)
    memo = render_pdf(meeting, SETTINGS)
    assert pages(memo) <= 2
    assert pages(render_pdf(meeting, SETTINGS.model_copy(update={"template": "one-pager"}))) == 1
    text = pdf_text(memo)
    assert "Lavrov" in text and "Nduhungirehe" in text and "Cairo" in text


def test_long_lists_are_capped_with_a_count_not_overflowing():
    ev = [Evidence(start=i * 10, end=i * 10 + 9, text=f"Sentence number {i} of the source.") for i in range(40)]
    meeting = Meeting(
        participants=[Person(name="Ana Diaz", title="foreign minister", affiliation="Chile", evidence=[ev[0]])],
        topics=[Topic(label=f"topic {i}", points=[f"point {i}"], evidence=[ev[i]]) for i in range(12)],
        outlook=[OutlookItem(text=f"Step {i} follows.", evidence=[ev[20 + i]]) for i in range(9)],
    )
    markdown = render_markdown(meeting, SETTINGS)
    assert "(4 more in the model file.)" in markdown  # 12 topics, 8 shown
    assert "(5 more in the model file.)" in markdown  # 9 next steps, 4 shown
    assert "**Topic 7**" in markdown and "**Topic 8**" not in markdown
    annex = pdf_text(render_pdf(meeting, SETTINGS))
    assert "Sentence number 7 " in annex and "Sentence number 11 " not in annex, "capped items stay out of the annex"
    assert pages(render_pdf(meeting, SETTINGS)) <= 2


# --------------------------------------------------------------------------- content as a memo presents it


def test_titles_in_title_case_and_generic_titles_dropped_from_the_bluf(extracted):
    meeting = extracted.model_copy(deep=True)
    meeting.participants[0].title = "minister"
    meeting.participants[1].title = "foreign minister"
    a, b = meeting.participants[0].name, meeting.participants[1].name
    meeting.summary = Summary(lines=[f"minister {a} (Russia) met foreign minister {b} (Rwanda) in Cairo."])
    markdown = render_markdown(meeting, SETTINGS)
    bluf = markdown[markdown.index("::: bluf") : markdown.index(":::\n", markdown.index("::: bluf") + 5)]
    assert f"- {a} \\(Russia\\) met Foreign Minister {b} \\(Rwanda\\)" in bluf
    assert "minister" not in bluf.replace("Minister", "")
    assert "| Minister |" in markdown and "| Foreign Minister |" in markdown
    assert meeting.participants[1].title == "foreign minister", "the model keeps the title as written"


def test_date_line_memo_date_then_published_then_not_stated(fixture_seed):
    def date_line(meeting, **settings) -> str:
        doc = parse(render_markdown(meeting, SETTINGS.model_copy(update=settings)))
        return dict(doc.meta["header"])["DATE"]

    assert date_line(fixture_seed) == "Date not stated"
    published = fixture_seed.model_copy(update={"source": SourceInfo(published="2025-02-14")})
    assert date_line(published) == "14 February 2025"
    assert date_line(published, memo_date="3 March 2025") == "3 March 2025"


def test_each_source_sentence_is_one_excerpt_and_next_steps_skip_commitments(extracted):
    markdown = render_markdown(extracted, SETTINGS)
    definitions = re.findall(r"^\[\^s\d+\]: (.*)$", markdown, re.M)
    assert definitions and len(definitions) == len(set(definitions))
    next_steps = markdown[markdown.index("# Next steps") : markdown.index("# Sources")]
    for c in extracted.commitments:
        for ev in c.evidence:
            assert ev.text.split(",")[0] not in next_steps.replace("\\", ""), "a commitment repeated in Next steps"


def test_same_sentence_at_other_offsets_is_cited_once(fixture_seed):
    meeting = fixture_seed.model_copy(deep=True)
    sentence = meeting.quotes[0].evidence[0]
    meeting.commitments.append(
        Commitment(actor="Rwanda", action="test", evidence=[sentence.model_copy(update={"start": 1, "end": 2})])
    )
    markdown = render_markdown(meeting, SETTINGS)
    assert len(re.findall(r"^\[\^s\d+\]: " + re.escape(sentence.text[:30]), markdown, re.M)) == 1


# --------------------------------------------------------------------------- tables and annex


def _tables(meeting: Meeting) -> list[Table]:
    return [b for b in parse(render_markdown(meeting, SETTINGS)).blocks if isinstance(b, Table)]


@pytest.mark.parametrize("which", ["extracted", "fixture_seed"])
def test_header_words_and_short_cells_fit_their_columns(which, request):
    """Measured with the real bold font: no header word ("Confidence") and no short cell wraps."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from briefgen.render.fonts import reportlab_fonts

    theme = load_theme(None)
    fonts = reportlab_fonts(theme)
    size = theme.sizes.table
    for table in _tables(request.getfixturevalue(which)):
        widths = column_widths(table, 6.6 * 72, size, 8)
        for col, width in enumerate(widths):
            head = plain_text(table.header[col])
            assert stringWidth(head, fonts["bold"], size) + 8 <= width, (head, width)
            for row in table.rows:
                cell = plain_text(row[col])
                if len(cell) <= 12:
                    assert stringWidth(cell, fonts["regular"], size) + 8 <= width, (cell, width)


def test_annex_numbers_small_aligned_and_in_the_body_font(extracted):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from briefgen.render.fonts import reportlab_fonts

    theme = load_theme(None)
    numbers: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if re.fullmatch(r"\u2007*\d{1,3}\.", text.strip(" ")):  # not a year ending a wrapped line
            numbers.append((text, size * tm[0], cm[4] + tm[4]))

    for page in PdfReader(io.BytesIO(render_pdf(extracted, SETTINGS))).pages:
        page.extract_text(visitor_text=visit)
    assert len(numbers) >= 9, numbers
    assert {size for _, size, _ in numbers} == {theme.sizes.annex}
    assert len({round(x, 2) for _, _, x in numbers}) == 1, "numbers start at one x"
    regular = reportlab_fonts(theme)["regular"]
    assert stringWidth("\u2007", regular, 10) == stringWidth("0", regular, 10), "figure space = digit: right-aligned"


# --------------------------------------------------------------------------- DOCX font and LibreOffice


def test_docx_embeds_roboto_so_word_needs_no_installed_font(extracted):
    data = render_docx(extracted, SETTINGS)
    assert render_docx(extracted, SETTINGS) == data, "byte-identical"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        table = z.read("word/fontTable.xml").decode()
        rels = z.read("word/_rels/fontTable.xml.rels").decode()
        assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in z.read("[Content_Types].xml").decode()
        match = re.search(r'<w:embedRegular r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})"/>', table)
        assert match and '<w:font w:name="Roboto">' in table and "w:embedBold" in table
        target = re.search(rf'Id="{match.group(1)}"[^>]*Target="([^"]+)"', rels).group(1)
        embedded = z.read("word/" + target)
    assert obfuscate(embedded, match.group(2)) == font_files(load_theme(None))["regular"].read_bytes()
    d = docx.Document(io.BytesIO(data))
    assert any("Lavrov" in p.text for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs)
    header = next(t for t in d.tables if t.rows[0].cells[0].text == "Who")
    assert header.rows[0]._tr.trPr.find(W + "tblHeader") is not None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_lays_the_seed_docx_out_in_two_pages_with_roboto(extracted, tmp_path):
    (tmp_path / "memo.docx").write_bytes(render_docx(extracted, SETTINGS))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "memo.docx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pdf = (tmp_path / "memo.pdf").read_bytes()
    assert pages(pdf) <= 2
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts |= {str(f.get_object().get("/BaseFont")) for f in page["/Resources"]["/Font"].values()}
    assert any("Roboto" in f for f in fonts), fonts
