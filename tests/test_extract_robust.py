"""Arbitrary text through extraction: a valid Meeting or a briefgen error, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefgenError
from briefgen.extract import extract, warm_up
from briefgen.model import Meeting, Source, SourceInfo

warm_up()  # one pipeline for the whole module: the property runs must not pay for loading

SAMPLES = [
    "",
    "   \n\t  ",
    "\x00\x01\x0b\x1f control",
    "🙂🚀 " * 50,
    "وزير الخارجية التقى نظيره في القاهرة",
    "Министр иностранных дел Сергей Лавров встретился с коллегой.",
    "x" * 1_000_000,
    "“unclosed quote by President X met Y " * 20,
    "Foreign Minister" * 300,
    "{{ 7*7 }} <b>AT&T</b> ]]> {% raw %}",
]


def _check(text: str) -> None:
    try:
        m = extract(Source(text=text, info=SourceInfo(path="fuzz.txt")))
    except BriefgenError:
        return
    Meeting.model_validate(m.model_dump())
    for _, item in m.iter_items():
        for ev in item.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)


def test_hostile_samples():
    for text in SAMPLES:
        _check(text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode(text: str):
    _check(text)


words = st.sampled_from(
    ["President", "Minister", "met", "with", "said", "“", "”", '"', "he", "Lavrov", "of", "Rwanda", "in", "Cairo",
     "agreed", "to", "will", ",", ".", "\n", "the", "on", "Wednesday", "2024", "Secretary-General", "—", "(Reuters)"]
)  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(words, max_size=60).map(" ".join))
def test_meeting_like_word_salad(text: str):
    _check(text)
