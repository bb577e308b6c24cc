"""The date grammar and deadlines as written."""

from __future__ import annotations

import pytest
from helpers_extract import run

from briefgen.extract.components.entities import rule_spans


@pytest.mark.parametrize(
    "deadline",
    [
        "before the summer",
        "early next year",
        "in the coming weeks",
        "later this year",
        "by the end of 2026",
        "within six months",
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
