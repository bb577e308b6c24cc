"""Several accounts of one meeting: schema v2, merging, conflicts, the memo, and refusals.

The two accounts (tests/fixtures/merge/) were written for these tests: a readout from each
side of one meeting that differ on the date, a title, a deadline and which commitments they
report. Exact checks use the hand-made models of helpers_series; the one run on the texts
themselves asserts only what does not depend on extraction quality.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from helpers_cli import assert_clean_failure, docx_text, pdf_text, run_cli
from helpers_series import FIXTURES, account, write_models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import MergeError, ModelFileError
from briefgen.merge import merge_meetings
from briefgen.model import Commitment, Evidence, Meeting, Person, Quote, Setting, SourceInfo, Topic
from briefgen.modelfile import dump_meeting, load_meeting

A, B = "oslo_readout.txt", "santiago_readout.html"


@pytest.fixture(scope="module")
def merged() -> Meeting:
    return merge_meetings([account(B), account(A)])


def test_people_are_unified_with_the_fullest_name_and_evidence_from_both(merged: Meeting) -> None:
    names = [p.name for p in merged.participants]
    assert names == ["Ingrid Halvorsen", "Tomás Echeverría"]
    echeverria = merged.participants[1]
    assert echeverria.title == "Minister of Foreign Affairs"  # fits "Foreign Minister"; the fuller form
    assert {ev.source for ev in echeverria.evidence} == {"A", "B"}
    assert echeverria.confidence > 0.9


def test_same_commitment_is_one_item_whose_confidence_rises(merged: Meeting) -> None:
    office = [c for c in merged.commitments if "hydrogen" in c.action]
    assert len(office) == 1
    assert {ev.source for ev in office[0].evidence} == {"A", "B"}
    assert office[0].confidence == pytest.approx(0.91)  # 1 - 0.3 * 0.3
    assert len(merged.commitments) == 3
    assert len(merged.quotes) == 1 and merged.quotes[0].speaker == "Ingrid Halvorsen"
    assert len(merged.topics) == 1


def test_every_difference_is_an_explicit_conflict(merged: Meeting) -> None:
    by_field = {c.field: {v.source: v.value for v in c.values} for c in merged.conflicts}
    assert by_field["setting.date"] == {"A": "2026-03-14", "B": "2026-03-15"}
    assert by_field["participants.0.title"] == {"A": "Foreign Minister", "B": "Deputy Foreign Minister"}
    office = next(i for i, c in enumerate(merged.commitments) if "hydrogen" in c.action)
    assert by_field[f"commitments.{office}.deadline"] == {"A": "by the end of 2026", "B": "by mid-2027"}
    one_sided = {f: v for f, v in by_field.items() if f.count(".") == 1 and f.startswith("commitments.")}
    assert sorted(one_sided.values(), key=str) == [
        {"A": "host the next round of consultations", "B": None},
        {"A": None, "B": "ratify the high seas biodiversity treaty"},
    ]
    date_conflict = next(c for c in merged.conflicts if c.field == "setting.date")
    assert all(v.evidence and v.evidence[0].source == v.source for v in date_conflict.values)
    assert "location" not in " ".join(by_field)  # both put it in Santiago, Chile


def test_merged_model_round_trips_and_sources_are_named(merged: Meeting, tmp_path: Path) -> None:
    assert [s.id for s in merged.sources] == ["A", "B"]
    assert [s.path for s in merged.sources] == [A, B]
    path = tmp_path / "m.yaml"
    path.write_text(dump_meeting(merged), encoding="utf-8")
    assert load_meeting(path) == merged


def test_version_1_file_is_upgraded_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "v1.yaml"
    path.write_text(
        "schema_version: 1\nsource: {path: a.txt, chars: 20}\n"
        "participants:\n- name: X\n  evidence: [{start: 0, end: 5, text: Hello}]\n",
        encoding="utf-8",
    )
    meeting = load_meeting(path)
    assert meeting.schema_version == 2
    assert [s.path for s in meeting.sources] == ["a.txt"] and meeting.source.path == "a.txt"
    assert meeting.participants[0].evidence[0].source == "A"
    meeting.source = SourceInfo(path="b.txt")  # version-1 style assignment replaces the first source
    assert [(s.id, s.path) for s in meeting.sources] == [("A", "b.txt")]


def test_broken_source_reference_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "schema_version: 2\nsources: [{id: A, path: a.txt}, {id: B, path: b.txt}]\n"
        "quotes:\n- text: hi\n  evidence: [{start: 0, end: 2, text: hi, source: C}]\n",
        encoding="utf-8",
    )
    with pytest.raises(ModelFileError, match=r"quotes\.0\.evidence\.0\.source: 'C' is not one of the sources"):
        load_meeting(path)
    v1 = FIXTURES / "meetings" / "seed_000.yaml"  # a version-1 file: `validate` accepts it
    assert "schema_version: 1" in v1.read_text(encoding="utf-8")
    assert run_cli("validate", str(v1), cwd=tmp_path).returncode == 0
    result = run_cli("validate", str(path), cwd=tmp_path)
    line = assert_clean_failure(result, "broken.yaml")
    assert "'C' is not one of the sources (A, B)" in line and len(result.stderr.splitlines()) == 1


def test_accounts_of_different_meetings_are_refused() -> None:
    with pytest.raises(MergeError, match="not accounts of the same meeting") as err:
        merge_meetings([account(A), account("unrelated_readout.txt")])
    assert A in str(err.value) and "unrelated_readout.txt" in str(err.value)
    undated = account("unrelated_readout.txt").model_copy(update={"setting": Setting()})
    with pytest.raises(MergeError, match="names Klaus Brandstätter"):
        merge_meetings([account(A), undated])


def test_cli_merge_builds_one_memo_with_conflicts_sources_and_citations(tmp_path: Path) -> None:
    a, b, other = write_models(tmp_path / "in", {n: account(n) for n in (A, B, "unrelated_readout.txt")})
    result = run_cli("build", str(b), str(a), "--merge", "-o", "out", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    stem = "santiago_readout-merged"
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == [
        f"{stem}.docx",
        f"{stem}.pdf",
        f"{stem}.yaml",
    ]
    model = yaml.safe_load((tmp_path / "out" / f"{stem}.yaml").read_text(encoding="utf-8"))
    assert model["schema_version"] == 2 and len(model["sources"]) == 2 and len(model["conflicts"]) == 5
    for text in (docx_text(tmp_path / "out" / f"{stem}.docx"), pdf_text(tmp_path / "out" / f"{stem}.pdf")):
        flat = " ".join(text.split())
        assert "Sources differ: A: 14 March 2026; B: 15 March 2026" in flat
        assert "on 14 March 2026 (sources differ)" in flat  # the BLUF does not state it as settled
        assert "Sources differ: A: Foreign Minister; B: Deputy Foreign Minister" in flat
        assert "A: by the end of 2026; B: by mid-2027" in flat
        assert "B: does not report it" in flat
        assert "(file oslo_readout.txt)" in flat and "(file santiago_readout.html)" in flat
        assert "A: Norway will open a green hydrogen research office" in flat  # a citation names its source
        assert "B: Norway will open a green hydrogen research office in Valparaíso by mid-2027." in flat

    refused = run_cli("extract", str(a), str(other), "--merge", cwd=tmp_path)
    line = assert_clean_failure(refused, "unrelated_readout.yaml")
    assert "not accounts of the same meeting" in line and "oslo_readout.yaml" in line
    assert len(refused.stderr.splitlines()) == 1
    several = run_cli("extract", str(a), str(b), cwd=tmp_path)
    assert "--merge" in assert_clean_failure(several, "oslo_readout.yaml")


def test_cli_merge_of_the_texts_in_a_folder(tmp_path: Path) -> None:
    """From the texts themselves (extraction may change): only what any extraction gives."""
    folder = tmp_path / "meeting"
    folder.mkdir()
    for name in (A, B):
        shutil.copy(FIXTURES / "merge" / name, folder / name)
    result = run_cli("build", str(folder), "--merge", "-o", "out", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    model = load_meeting(tmp_path / "out" / "meeting.yaml")
    assert [Path(s.path).name for s in model.sources] == [A, B]
    assert all(ev.source in {"A", "B"} for _, item in model.iter_items() for ev in item.evidence)
    text = " ".join(pdf_text(tmp_path / "out" / "meeting.pdf").split())
    assert "(file oslo_readout.txt)" in text and "(file santiago_readout.html)" in text
    validated = run_cli("validate", str(tmp_path / "out" / "meeting.yaml"), cwd=tmp_path)
    assert validated.returncode == 0 and b"2 sources" in validated.stdout
    again = run_cli("build", str(folder), "--merge", "-o", "out", "-v", cwd=tmp_path)  # the group is up to date
    assert again.returncode == 0 and b"1 up to date" in again.stderr, again.stderr
    edited = (tmp_path / "out" / "meeting.yaml").read_text(encoding="utf-8").replace("Halvorsen", "Hagenberg")
    (tmp_path / "out" / "meeting.yaml").write_text(edited, encoding="utf-8")
    (folder / A).write_text((FIXTURES / "merge" / A).read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    kept = run_cli("build", str(folder), "--merge", "-o", "out", cwd=tmp_path)  # a member changed: rebuilt
    assert kept.returncode == 0 and b"hand-edited" in kept.stderr, kept.stderr
    assert (tmp_path / "out" / "meeting.yaml").read_text(encoding="utf-8") == edited
    assert "Hagenberg" in pdf_text(tmp_path / "out" / "meeting.pdf")


# --------------------------------------------------------------------------- properties

_NAMES = ["Ingrid Halvorsen", "Tomás Echeverría", "Ana Silva", "Kofi Mensah"]
_ACTIONS = ["open an embassy in Oslo", "sign a fisheries agreement", "host a trade fair", "fund a port study"]


@st.composite
def accounts(draw, path: str) -> Meeting:
    """A small account of the same meeting: shared first participant and date, varied rest."""
    text = "x" * 200
    ev = [Evidence(start=draw(st.integers(0, 100)), end=150, text=draw(st.sampled_from(["One.", "Two.", "Three."])))]
    people = [_NAMES[0], *draw(st.lists(st.sampled_from(_NAMES[1:]), unique=True, max_size=2))]
    return Meeting(
        source=SourceInfo(path=path, chars=len(text)),
        participants=[
            Person(
                name=draw(st.sampled_from([n, n.split()[-1]])),
                title=draw(st.sampled_from([None, "Foreign Minister", "Deputy Foreign Minister"])),
                evidence=ev,
                confidence=draw(st.sampled_from([0.5, 0.8])),
            )
            for n in people
        ],
        setting=Setting(evidence=ev),
        topics=[Topic(label=draw(st.sampled_from(["fisheries", "trade", "energy"])), evidence=ev)],
        commitments=[
            Commitment(
                actor=draw(st.sampled_from([None, "Norway"])),
                action=a,
                deadline=draw(st.sampled_from([None, "in 2027", "by 2028"])),
                evidence=ev,
            )
            for a in draw(st.lists(st.sampled_from(_ACTIONS), unique=True, max_size=3))
        ],
        quotes=[Quote(speaker=draw(st.sampled_from(people)), text="We agree", evidence=ev)],
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=accounts("a.txt"), b=accounts("b.txt"), c=accounts("c.txt"))
def test_merging_does_not_depend_on_input_order(a: Meeting, b: Meeting, c: Meeting) -> None:
    first = merge_meetings([a, b, c])
    assert merge_meetings([c, a, b]) == first
    assert merge_meetings([b, c, a]) == first


@settings(max_examples=40, deadline=None)
@given(a=accounts("a.txt"), b=accounts("b.txt"))
def test_merging_a_model_with_itself_changes_nothing(a: Meeting, b: Meeting) -> None:
    assert merge_meetings([a, a]) == a
    both = merge_meetings([a, b])
    assert merge_meetings([both, both]) == both
