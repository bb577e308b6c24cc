"""The Meeting model is the contract: its shape, its validation and its file round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.errors import ModelFileError
from briefgen.model import Commitment, Evidence, Meeting, Person, Quote, SourceInfo
from briefgen.modelfile import dump_meeting, load_meeting


def sample_meeting() -> Meeting:
    text = "Lavrov met Nduhungirehe in Cairo."
    ev = Evidence(start=0, end=len(text), text=text)
    return Meeting(
        source=SourceInfo(path="x.txt", chars=len(text)),
        participants=[
            Person(name="Lavrov", title="Foreign Minister", affiliation="Russia", evidence=[ev], confidence=0.9),
            Person(name="Nduhungirehe", title="Foreign Minister", affiliation="Rwanda", evidence=[ev]),
        ],
        commitments=[Commitment(actor="Rwanda", action="establish a research centre", deadline="2030")],
        quotes=[Quote(speaker="Lavrov", text="We value our warm relations", confidence=0.4)],
    )


def test_json_has_the_keys_the_scorer_reads() -> None:
    data = json.loads(dump_meeting(sample_meeting(), "json"))
    assert {"participants", "setting", "topics", "commitments", "quotes", "outlook"} <= set(data)
    assert {"name", "title", "affiliation"} <= set(data["participants"][0])
    assert {"date", "location", "occasion"} <= set(data["setting"])
    assert {"city", "country"} <= set(data["setting"]["location"])
    assert {"actor", "action", "deadline"} <= set(data["commitments"][0])
    assert {"speaker", "text"} <= set(data["quotes"][0])


def test_low_confidence_items_need_review() -> None:
    m = sample_meeting()
    assert m.quotes[0].needs_review
    assert not m.participants[0].needs_review


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_round_trip_through_a_file(tmp_path: Path, fmt: str) -> None:
    m = sample_meeting()
    path = tmp_path / f"m.{fmt}"
    path.write_text(dump_meeting(m, fmt), encoding="utf-8")
    assert load_meeting(path) == m


def test_unknown_field_is_named(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("participants:\n- name: X\n  nickname: Y\n", encoding="utf-8")
    with pytest.raises(ModelFileError) as err:
        load_meeting(path)
    assert "participants.0.nickname: unknown field" in str(err.value)
    assert str(path) in str(err.value)


def test_evidence_outside_the_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "source: {chars: 10}\nquotes:\n- text: hi\n  evidence: [{start: 5, end: 50, text: hi}]\n", encoding="utf-8"
    )
    with pytest.raises(ModelFileError, match="outside the source text"):
        load_meeting(path)


def test_yaml_aliases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ModelFileError, match="not allowed"):
        load_meeting(path)


names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None)
@given(name=names, title=st.none() | names, quote=names.filter(str.strip))
def test_any_text_survives_the_yaml_round_trip(tmp_path_factory, name: str, title: str | None, quote: str) -> None:
    m = Meeting(participants=[Person(name=name, title=title)], quotes=[Quote(text=quote)])
    path = tmp_path_factory.mktemp("rt") / "m.yaml"
    path.write_text(dump_meeting(m, "yaml"), encoding="utf-8")
    assert load_meeting(path) == m
