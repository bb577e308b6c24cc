"""The rendered memo, checked on the produced files: python-docx for DOCX, pypdf for PDF."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefgen.config import MemoSettings
from briefgen.modelfile import load_meeting
from briefgen.render import (
    check_settings,
    list_templates,
    render_docx,
    render_markdown,
    render_pdf,
    settings_fingerprint,
)

FIXTURES = Path(__file__).parent / "fixtures" / "meetings"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BANNER = "OFFICIAL – SENSITIVE"


@pytest.fixture(scope="module")
def seed():
    return load_meeting(FIXTURES / "seed_000.yaml")


@pytest.fixture(scope="module")
def multi():
    return load_meeting(FIXTURES / "multilingual_many.yaml")


@pytest.fixture(scope="module")
def settings():
    return MemoSettings(to="The Secretary", **{"from": "Africa Bureau"}, organisation="Ministry", classification=BANNER)


@pytest.fixture(scope="module")
def seed_pdf(seed, settings):
    return render_pdf(seed, settings)


@pytest.fixture(scope="module")
def seed_docx(seed, settings):
    return render_docx(seed, settings)


@pytest.fixture(scope="module")
def multi_pdf(multi, settings):
    return render_pdf(multi, settings)


@pytest.fixture(scope="module")
def multi_docx(multi, settings):
    return render_docx(multi, settings)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def docx_text(data: bytes) -> str:
    """All body text, including table cells, in document order."""
    d = docx.Document(io.BytesIO(data))
    return "\n".join(t.text for t in d.element.body.iter(W + "t") if t.text)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# --------------------------------------------------------------------------- content


def test_seed_pdf_holds_participants_setting_quotes_and_marks(seed_pdf):
    pages = pdf_pages(seed_pdf)
    text = squash(" ".join(pages))
    for needle in (
        "Lavrov",
        "Nduhungirehe",
        "Foreign Minister",
        "Russia",
        "Rwanda",
        "Cairo",
        "Second Ministerial Conference of the Russia–Africa Partnership Forum",
        "Date: Not stated in the source",
        "We value our warm relations with Rwanda",
        "excellent bilateral cooperation",
        "root causes of conflicts",
        "November 2024",
        "July 2023",
        "for review",
        "BOTTOM LINE UP FRONT",
        "TO The Secretary",
        "SUBJECT",
    ):
        assert needle in text, needle
    assert text.index("July 2023") < text.index("November 2024"), "timeline is chronological"
    for number, page in enumerate(pages, start=1):
        assert page.count(BANNER) == 2, f"banner top and bottom of page {number}"
        assert f"Page {number} of {len(pages)}" in page


def test_seed_memo_fits_two_pages_and_one_pager_one(seed, seed_pdf, settings):
    assert len(PdfReader(io.BytesIO(seed_pdf)).pages) <= 2
    one = render_pdf(seed, settings.model_copy(update={"template": "one-pager"}))
    assert len(PdfReader(io.BytesIO(one)).pages) == 1


def test_sources_annex_numbers_the_cited_excerpts(seed_pdf):
    text = squash(" ".join(pdf_pages(seed_pdf)))
    annex = text[text.rindex("Sources") :]
    assert "1. The meeting took place on the sidelines" in annex
    assert "13. “We believe it is high time" in annex


def test_same_content_same_order_in_both_formats(seed_pdf, seed_docx):
    pdf_text = squash(" ".join(pdf_pages(seed_pdf)))
    docx_all = squash(docx_text(seed_docx))
    headings = ["Participants", "Setting", "Key points by topic", "Commitments", "Quotes", "Background", "Next steps"]
    positions_pdf = [pdf_text.index(h) for h in headings]
    positions_docx = [docx_all.index(h) for h in headings]
    assert positions_pdf == sorted(positions_pdf)
    assert positions_docx == sorted(positions_docx)
    for needle in ("We value our warm relations with Rwanda", "Establish a nuclear research centre", "for review"):
        assert needle in pdf_text and needle in docx_all


def test_docx_styles_fields_header_rows_and_metadata(seed_docx):
    d = docx.Document(io.BytesIO(seed_docx))
    styles = {p.style.name for p in d.paragraphs}
    assert {"Heading 1", "List Bullet", "Quote", "Source Excerpt", "Memo Title"} <= styles
    tables = d.tables
    assert any(t.style is not None and t.style.name == "Memo Table" for t in tables)
    commitments = next(t for t in tables if t.rows[0].cells[0].text == "Who")
    tr_pr = commitments.rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(W + "tblHeader") is not None
    assert [c.text for c in commitments.rows[0].cells] == ["Who", "What", "By when", "Confidence"]
    footer_xml = d.sections[0].footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    assert BANNER in d.sections[0].header._element.xml and BANNER in footer_xml
    props = d.core_properties
    assert props.title == "Briefing Memorandum"
    assert "Lavrov" in props.subject and props.author == "Africa Bureau"
    assert "Security in eastern DRC" in props.keywords
    normal = d.styles["Normal"].element.xml
    assert 'w:ascii="Roboto"' in normal


def test_pdf_metadata_outline_and_embedded_fonts(seed_pdf):
    reader = PdfReader(io.BytesIO(seed_pdf))
    meta = reader.metadata
    assert meta.title == "Briefing Memorandum"
    assert meta.author == "Africa Bureau"
    assert "Lavrov" in meta.subject
    assert "Nuclear energy cooperation" in meta["/Keywords"]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:3] == ["Participants", "Setting", "Key points by topic"]
    assert "Sources" in outline
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in font.get("/DescendantFonts", [font]):
                fd = desc.get_object().get("/FontDescriptor")
                if fd is not None:
                    fd = fd.get_object()
                    assert "/FontFile2" in fd, "TrueType font embedded"
                    fonts.add(str(fd["/FontName"]))
    assert fonts and all("Roboto" in f for f in fonts)


def test_commitments_header_repeats_across_pdf_pages(multi, settings, tmp_path):
    # all 30 commitments (the memo shows 12), so the table surely runs over a page break
    (tmp_path / "all.md.j2").write_text(
        '{% import "_common.md.j2" as common %}\n# Commitments\n\n'
        "{{ common.commitments(meeting.commitments, not_stated) }}\n",
        encoding="utf-8",
    )
    pages = pdf_pages(render_pdf(multi, settings.model_copy(update={"template": "all", "template_dir": tmp_path})))
    # table rows, not the BLUF's one "Key commitment" line: pages naming several commitments
    with_commitments = [p for p in pages if len(set(re.findall(r"Commitment \d+:", p))) >= 2]
    assert len(with_commitments) >= 2
    for page in with_commitments:
        assert re.search(r"Who\s+What\s+By when\s+Confidence", page), "header row repeated"


def test_non_latin_names_survive_in_both_formats(multi_pdf, multi_docx):
    text = squash(" ".join(pdf_pages(multi_pdf)))
    docx_all = docx_text(multi_docx)
    for name in ("Сергей Лавров", "Radosław Sikorski", "Nguyễn Minh Vũ", "Marko Đurić", "Γιώργος Γεραπετρίτης"):
        assert name in text, name
        assert name in docx_all, name
    assert "Мы ценим наши тёплые отношения" in text


def test_byte_identical_and_source_date_epoch(seed, settings, seed_pdf, seed_docx, monkeypatch):
    assert render_pdf(seed, settings) == seed_pdf
    assert render_docx(seed, settings) == seed_docx
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    pdf = render_pdf(seed, settings)
    assert "D:20231114221320" in str(PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"])
    d = docx.Document(io.BytesIO(render_docx(seed, settings)))
    assert d.core_properties.created.isoformat().startswith("2023-11-14T22:13:20")


def test_no_banner_invented_when_classification_unset(seed):
    pages = pdf_pages(render_pdf(seed, MemoSettings()))
    assert not any("UNCLASSIFIED" in p for p in pages)
    assert "Page 1 of" in pages[0]


def test_hostile_text_appears_literally(seed, settings):
    hostile = "{{ 7*7 }} AT&T <b>bold</b> *stars* [link](x) back\\slash a|b {% if %}"
    meeting = seed.model_copy(deep=True)
    meeting.quotes[0].text = hostile
    meeting.commitments[0].action = hostile + " \x0bctrl"
    markdown = render_markdown(meeting, settings)
    assert "49" not in markdown
    pdf_text = squash(" ".join(pdf_pages(render_pdf(meeting, settings))))
    docx_all = docx_text(render_docx(meeting, settings))
    for fmt, text in (("pdf", pdf_text), ("docx", docx_all)):
        assert "{{ 7*7 }} AT&T <b>bold</b> *stars* [link](x) back\\slash" in text, fmt
        assert "a|b {% if %}" in text, fmt
        assert "AT&T;" not in text, fmt


def test_templates_listed_and_fingerprint_tracks_template_dir(tmp_path, settings):
    names = dict(list_templates(settings))
    assert {"memo", "one-pager", "talking-points"} <= set(names)
    assert "_common" not in names and names["memo"] != "(no description)"
    base = settings_fingerprint(settings)
    custom = settings.model_copy(update={"template_dir": tmp_path, "template": "mine"})
    (tmp_path / "mine.md.j2").write_text("{# description: mine #}\n# Hello {{ memo.subject }}\n", encoding="utf-8")
    check_settings(custom)
    assert dict(list_templates(custom))["mine"] == "mine"
    assert settings_fingerprint(custom) != base
    assert settings_fingerprint(settings) == base


def test_reference_docx_letterhead_is_used(tmp_path, seed, settings):
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "ACME MINISTRY LETTERHEAD"
    letterhead.sections[0].footer.paragraphs[0].text = "Letterhead footer"
    letterhead.styles["Heading 1"].font.size = docx.shared.Pt(20)
    letterhead.add_paragraph("letterhead body text that must not appear")
    path = tmp_path / "letterhead.docx"
    letterhead.save(path)
    data = render_docx(seed, settings.model_copy(update={"reference_docx": path}))
    out = docx.Document(io.BytesIO(data))
    header = out.sections[0].header._element.xml
    assert "ACME MINISTRY LETTERHEAD" in header and BANNER in header
    assert "Letterhead footer" in out.sections[0].footer._element.xml
    assert out.styles["Heading 1"].font.size == docx.shared.Pt(20)
    assert "letterhead body text" not in docx_text(data)
    assert "Lavrov" in docx_text(data)
