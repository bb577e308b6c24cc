"""Property: arbitrary Unicode in any Meeting string renders to files that re-open."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefgen.config import MemoSettings
from briefgen.model import Commitment, Meeting, Person, Quote, Summary, Topic
from briefgen.render import render_docx, render_pdf

text = st.text(min_size=0, max_size=80)
#: Text a model requires to be non-empty (a topic label, an action, a quote).
filled = text.filter(str.strip)


@st.composite
def meetings(draw) -> Meeting:
    return Meeting(
        summary=Summary(lines=draw(st.lists(text, max_size=2))),
        participants=[Person(name=draw(text), title=draw(text), affiliation=draw(text), side=draw(text))],
        topics=[Topic(label=draw(filled), points=draw(st.lists(text, max_size=2)))],
        commitments=[Commitment(actor=draw(text), action=draw(filled), deadline=draw(text), confidence=0.3)],
        quotes=[Quote(speaker=draw(text), text=draw(filled))],
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting=meetings(), banner=text)
def test_any_unicode_renders_to_files_that_reopen(meeting, banner):
    memo = MemoSettings(classification=banner, to=banner)
    # Every valid meeting renders: a BriefgenError here would be a failure, not a pass.
    pdf = render_pdf(meeting, memo)
    word = render_docx(meeting, memo)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1
    assert docx.Document(io.BytesIO(word)).paragraphs
