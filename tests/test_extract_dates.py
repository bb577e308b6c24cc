"""The date grammar and deadlines as written."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers_extract import run
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.components.entities import rule_spans
from briefgen.extract.text import dates


@pytest.mark.parametrize(
    "deadline",
    [
        "before the summer",
        "early next year",
        "in the coming weeks",
        "later this year",
        "by the end of 2026",
        "within six months",
        "later this November",
        "in the coming days",
        "in June of this year",
        "tomorrow",
    ],
)
def test_deadline_kept_as_written(deadline):
    m = run(
        "Foreign Minister Ana Ribeiro met Foreign Minister Pablo Sosa of Uruguay in Montevideo. "
        f"The two ministers agreed to sign a memorandum on energy {deadline}."
    )
    assert [c.deadline for c in m.commitments] == [deadline]


def test_date_grammar_skips_the_modal_may():
    spans = [("DATE", "May 2025"), ("DATE", "six months")]
    text = "It may rain. The May 2025 talks will run for six months."
    assert [(label, text[s:e]) for s, e, label in rule_spans(text)] == spans


def test_a_weekday_is_the_day_of_the_dateline_or_the_one_before():
    same = run("LIMA, June 12, 2025 (EFE) - President Ana Paz of Peru met President Luis Mora of Chile on Thursday.")
    before = run("LIMA, June 14, 2025 (EFE) - President Ana Paz of Peru met President Luis Mora of Chile on Thursday.")
    assert str(same.setting.date) == "2025-06-12" and str(before.setting.date) == "2025-06-12"


# ------------------------------------------------- the direct reading agrees with dateparser
_MONTHS = ["January", "Feb", "March", "Apr.", "May", "June", "Jul", "August", "Sept", "October", "Nov", "December"]


@settings(max_examples=150, deadline=None)
@given(
    day=st.integers(1, 31),
    month=st.sampled_from(_MONTHS),
    year=st.integers(1990, 2035),
    shape=st.sampled_from(["{d} {m} {y}", "{m} {d}, {y}", "{d}th of {m} {y}", "{m} {d} {y}"]),
)
def test_calendar_days_read_directly_match_dateparser(day, month, year, shape):
    """The fast path that spares loading dateparser must give what dateparser gives."""
    text = shape.format(d=day, m=month, y=year)
    ref = dates._parser_for(None).get_date_data(text)
    expected = ref.date_obj.date() if ref and ref.date_obj and ref.period == "day" else None
    assert dates._calendar_day(text, None) == expected


@pytest.mark.parametrize("word", ["today", "yesterday", "tonight", "this morning", "last Monday", "last Sunday"])
@pytest.mark.parametrize("base", [dt.date(2024, 3, 10), dt.date(2024, 3, 14)])
def test_relative_days_read_directly_match_dateparser(word, base):
    ref = dates._parser_for(base).get_date_data(word)
    assert dates._calendar_day(word, base) == ref.date_obj.date()


def test_a_shape_it_does_not_know_is_left_to_dateparser():
    assert dates._calendar_day("the day after the summit", dt.date(2024, 3, 10)) is False
