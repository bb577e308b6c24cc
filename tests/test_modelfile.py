"""Hand-edited model files: every malformed one is a one-line ModelFileError naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_cli import sample_meeting, write_model

from briefgen.errors import ModelFileError
from briefgen.modelfile import MAX_MODEL_BYTES, dump_meeting, load_meeting

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
participants: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
"""

CASES = {
    # name: (file name, content, words the message must contain)
    "invalid YAML": ("m.yaml", "participants: [\n  - name: x\n", ["invalid YAML", "line"]),
    "invalid JSON": ("m.json", '{"participants": [}', ["invalid JSON", "line 1"]),
    "not a mapping": ("m.yaml", "- just\n- a list\n", ["mapping"]),
    "empty file": ("m.yaml", "", ["empty"]),
    "wrong type": ("m.yaml", "participants:\n  - name: [1, 2]\n", ["participants.0.name", "string"]),
    "unknown field": ("m.yaml", "participants:\n  - nmae: Lavrov\n", ["participants.0.nmae", "unknown field"]),
    "missing field": ("m.yaml", "topics:\n  - category: energy\n", ["topics.0.label", "missing"]),
    "confidence out of range": ("m.yaml", "quotes:\n  - text: hi\n    confidence: 7\n", ["quotes.0.confidence"]),
    "evidence outside the text": (
        "m.yaml",
        "source: {chars: 10}\nquotes:\n  - text: hi\n    evidence: [{start: 5, end: 50, text: x}]\n",
        ["m.yaml: quotes.0.evidence.0: end 50 is outside the source text (10 characters)"],
    ),
    "evidence end before start": (
        "m.yaml",
        "quotes:\n  - text: hi\n    evidence: [{start: 9, end: 2, text: x}]\n",
        ["quotes.0.evidence.0: end (2) is before start (9)"],
    ),
    "python tag": ("m.yaml", "participants: !!python/object/apply:os.system ['true']\n", ["invalid YAML"]),
    "billion laughs": ("m.yaml", BILLION_LAUGHS, ["anchors and aliases are not allowed"]),
    "deep YAML nesting": ("m.yaml", "participants: " + "[" * 50_000 + "]" * 50_000, ["nest"]),
    "deep JSON nesting": ("m.json", '{"participants": ' + "[" * 50_000 + "]" * 50_000 + "}", ["nested too deeply"]),
    "not UTF-8": ("m.yaml", b"participants:\n  - name: \xff\xfe\n", ["not UTF-8"]),
    "wrong schema version": ("m.yaml", "schema_version: 9\n", ["schema_version"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_model_file_is_a_one_line_error_naming_the_file(tmp_path: Path, case: str) -> None:
    name, content, words = CASES[case]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFileError) as info:
        load_meeting(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert "\n" not in message
    for word in words:
        assert word in message, message


def test_many_problems_are_capped_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("participants:\n" + "".join(f"  - bogus{i}: 1\n" for i in range(40)), encoding="utf-8")
    with pytest.raises(ModelFileError) as info:
        load_meeting(path)
    assert "and 32 more problems" in str(info.value)
    assert len(str(info.value)) < 1000


def test_huge_model_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:
        f.truncate(MAX_MODEL_BYTES + 10)  # sparse: costs no disk
    with pytest.raises(ModelFileError, match="larger than"):
        load_meeting(path)


def test_folder_and_missing_file_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="is a folder, not a regular file"):
        load_meeting(tmp_path)
    with pytest.raises(ModelFileError, match="cannot read the model file: no such file"):
        load_meeting(tmp_path / "missing.yaml")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_written_model_reads_back_equal(tmp_path: Path, suffix: str) -> None:
    meeting = sample_meeting("Ré’mi “Quoted” <&> ]]> {{ x }}")
    path = tmp_path / f"m{suffix}"
    path.write_text(dump_meeting(meeting, suffix[1:]), encoding="utf-8")
    assert load_meeting(path) == meeting


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = write_model(tmp_path / "m.yaml")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_meeting(path).participants[0].name == "Sergei Lavrov"


def test_json_model_keeps_the_scorer_keys(tmp_path: Path) -> None:
    data = json.loads(dump_meeting(sample_meeting(), "json"))
    assert data["participants"][0]["name"] == "Sergei Lavrov"
    assert data["quotes"][0] == data["quotes"][0] | {"speaker": "Sergei Lavrov", "text": "We value our warm relations"}
