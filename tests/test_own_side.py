"""The `own_side` setting decides who the talking points treat as the counterpart."""

from __future__ import annotations

from briefgen.config import MemoSettings
from briefgen.model import Meeting, Person
from briefgen.render import render_markdown


def meeting() -> Meeting:
    return Meeting(
        participants=[
            Person(name="Alda Brenner", title="Foreign Minister", affiliation="Austria", side="Austria"),
            Person(name="Tomas Kiril", title="Foreign Minister", affiliation="Bulgaria", side="Bulgaria"),
        ]
    )


def counterpart_box(markdown: str) -> str:
    """The first line of the Counterpart box: the side the principal will face."""
    start = markdown.index("::: context Counterpart")
    return markdown[start:].splitlines()[1]


def test_without_the_setting_the_second_named_side_is_the_counterpart() -> None:
    box = counterpart_box(render_markdown(meeting(), MemoSettings(template="talking-points")))
    assert "Kiril" in box and "Brenner" not in box


def test_own_side_makes_the_other_side_the_counterpart() -> None:
    settings = MemoSettings(template="talking-points", own_side="bulgaria")
    box = counterpart_box(render_markdown(meeting(), settings))
    assert "Brenner" in box and "Kiril" not in box
