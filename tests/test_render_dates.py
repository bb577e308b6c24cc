"""A relative meeting date is shown as written and flagged as unresolved, never as a calendar date."""

from __future__ import annotations

import datetime as dt

from briefgen.config import MemoSettings
from briefgen.model import Meeting, Setting
from briefgen.render import render_markdown


def setting_line(meeting: Meeting) -> str:
    markdown = render_markdown(meeting, MemoSettings())
    return next(line for line in markdown.splitlines() if line.startswith("- **Date:**"))


def test_relative_date_is_marked_unresolved() -> None:
    line = setting_line(Meeting(setting=Setting(date_text="on Wednesday")))
    assert "on Wednesday" in line and "no calendar date" in line


def test_resolved_date_is_shown_as_a_date() -> None:
    line = setting_line(Meeting(setting=Setting(date=dt.date(2021, 5, 19), date_text="on Wednesday")))
    assert "2021" in line and "no calendar date" not in line


def test_no_date_says_not_stated() -> None:
    assert "Not stated in the source" in setting_line(Meeting())
