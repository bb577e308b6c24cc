"""Batch builds in-process, from model files (no spaCy): order, incremental, atomic writes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from helpers_cli import docx_text, leftovers, pdf_text, sample_meeting, write_model

from briefgen import build as build_mod
from briefgen.build import MANIFEST_NAME, build, discover, safe_stem, write_files
from briefgen.config import MemoSettings
from briefgen.errors import OutputError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report", "report"),
        ("my report (final)", "my_report_final"),
        ("$(rm -rf ~)", "rm_-rf"),
        ("..", "source"),
        ("../../etc/passwd", "etc_passwd"),
        ("--force", "force"),
        ("'quoted' \"name\"", "quoted_name"),
        ("bell\x07\nnewline\x1b[31m", "bell_newline_31m"),
        ("Лавров встреча", "Лавров_встреча"),
        ("", "source"),
    ],
)
def test_safe_stem(name: str, expected: str) -> None:
    assert safe_stem(name) == expected


def test_long_stems_fit_a_file_name() -> None:
    stem = safe_stem("ж" * 500)
    assert len(stem.encode()) <= build_mod.MAX_STEM_BYTES
    assert len((f".{stem}.docx.abcdefgh.tmp").encode()) < 255


def test_discover_keeps_input_order_and_reports_problems(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("b.yaml", "a.yaml", "notes.csv", "a.meta.yaml"):
        (folder / name).write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    os.mkfifo(folder / "pipe.txt")  # would block a reader forever
    (folder / "dangling.md").symlink_to(tmp_path / "gone.md")
    jobs, notes, failures = discover([str(folder), str(tmp_path / "missing"), str(tmp_path / "empty"), str(loop)])
    assert [Path(j.path).name for j in jobs] == ["a.yaml", "b.yaml"]
    assert any("notes.csv" in n for n in notes)
    assert [f.message for f in failures] == [
        f"{folder / 'dangling.md'}: broken symbolic link",
        f"{folder / 'pipe.txt'}: not a regular file (a device, pipe or socket)",
        f"{tmp_path / 'missing'}: no such file or folder",
        f"{tmp_path / 'empty'}: no sources in this folder",
        f"{loop}: symbolic link loop",
    ]


def test_same_stems_get_distinct_outputs(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "x.json").write_text("x", encoding="utf-8")
    (tmp_path / "x y.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "x_y.yaml").write_text("x", encoding="utf-8")
    jobs, _, _ = discover([str(tmp_path)])
    stems = [j.stem for j in jobs]
    assert len(set(stems)) == 4


@pytest.fixture()
def models(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    for i in range(6):
        write_model(folder / f"m{i}.yaml", sample_meeting(f"Person Number{i}"))
    return folder


def test_parallel_batch_reports_in_input_order_with_failures_named(tmp_path: Path, models: Path) -> None:
    (models / "m3.yaml").write_text("participants: [\n", encoding="utf-8")
    out = tmp_path / "out"
    report = build([str(models), str(tmp_path / "nowhere")], out, jobs=2)
    assert [Path(o.input).name for o in report.outcomes] == [f"m{i}.yaml" for i in range(6)] + ["nowhere"]
    assert [o.status for o in report.outcomes] == ["built"] * 3 + ["failed"] + ["built"] * 2 + ["failed"]
    assert report.workers == 2
    assert "m3.yaml: invalid YAML at line 2" in report.failures[0].message
    assert not report.ok
    assert "Person Number5" in docx_text(out / "m5.docx")
    assert pdf_text(out / "m5.pdf")
    assert not (out / "m3.docx").exists()
    assert leftovers(out) == []


def test_rebuild_skips_unchanged_and_redoes_what_changed(tmp_path: Path, models: Path) -> None:
    out = tmp_path / "out"
    assert build([str(models)], out, jobs=1).count("built") == 6

    again = build([str(models)], out, jobs=1)
    assert again.count("skipped") == 6

    os.utime(out / "m0.pdf", ns=(1, 1))  # touched, same content: still up to date
    (out / "m1.pdf").write_bytes(b"edited by hand")  # changed output: rebuilt
    (out / "m2.docx").unlink()  # missing output: rebuilt
    write_model(models / "m3.yaml", sample_meeting("Changed Name"))  # changed input: rebuilt
    report = build([str(models)], out, jobs=1)
    assert [o.status for o in report.outcomes] == ["skipped", "built", "built", "built", "skipped", "skipped"]
    assert "Changed Name" in docx_text(out / "m3.docx")

    other = build([str(models)], out, MemoSettings(classification="UNCLASSIFIED"), jobs=1)
    assert other.count("built") == 6, "a settings change rebuilds everything"
    assert build([str(models)], out, MemoSettings(classification="UNCLASSIFIED"), force=True).count("built") == 6


def test_sidecar_metadata_is_part_of_the_key(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("text", encoding="utf-8")
    job = build_mod.Job(str(source), "a")
    before = build_mod.build_key(job, "settings", None)
    (tmp_path / "a.meta.yaml").write_text("published: 2024-01-02\n", encoding="utf-8")
    assert build_mod.build_key(job, "settings", None) != before
    assert build_mod.build_key(job, "other settings", None) != build_mod.build_key(job, "settings", None)


def test_corrupt_manifest_means_rebuild_not_crash(tmp_path: Path, models: Path) -> None:
    out = tmp_path / "out"
    build([str(models)], out, jobs=1)
    (out / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert build([str(models)], out, jobs=1).count("built") == 6


def test_disk_full_leaves_the_old_files_and_no_temp_files(tmp_path: Path, monkeypatch) -> None:
    old = {tmp_path / "a.yaml": b"old yaml", tmp_path / "a.docx": b"old docx", tmp_path / "a.pdf": b"old pdf"}
    for path, data in old.items():
        path.write_bytes(data)
    real_fsync, calls = os.fsync, []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:  # the third file, the PDF, does not fit
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(build_mod.os, "fsync", full_disk)
    with pytest.raises(OutputError) as info:
        write_files({path: b"new " + data for path, data in old.items()})
    assert str(info.value) == f"{tmp_path / 'a.pdf'}: cannot write: No space left on device"
    for path, data in old.items():
        assert path.read_bytes() == data, "nothing is renamed before every file is complete"
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf", "a.yaml"]


def test_failed_write_of_data_keeps_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build_mod.os, "fsync", no_space)
    with pytest.raises(OutputError, match="No space left"):
        write_files({target: b"new"})
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    write_files({tmp_path / "a.pdf": b"x"})
    assert (tmp_path / "a.pdf").stat().st_mode & 0o044 == 0o044 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_unusable_output_folders(tmp_path: Path, models: Path) -> None:
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        build([str(models)], afile)
    with pytest.raises(OutputError, match="cannot create the output folder"):
        build([str(models)], afile / "sub")  # a folder under a regular file: fails even as root
    out = tmp_path / "out"
    (out / "m0.docx").mkdir(parents=True)
    report = build([str(models / "m0.yaml")], out)
    assert report.failures[0].message == f"{out / 'm0.docx'}: is a folder, cannot write a file there"
