"""Nothing a user does loses work: outputs, inputs, hand edits and interrupts (through the CLI)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

from helpers_cli import TRACEBACK, leftovers, pdf_text, run_python, sample_meeting, stderr_of, write_model

from briefgen.build import MANIFEST_NAME
from briefgen.modelfile import load_meeting

ARTICLE = (
    "CAIRO, 3 May 2025 - Foreign Minister Amara Okonjo of Nigeria met Foreign Minister Lena Vasquez "
    "of Chile in Cairo. The two ministers discussed trade and security in the Sahel.\n"
)


def test_extract_writes_into_a_fifo_and_build_through_a_symlink(tmp_path: Path, cli, model_file) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("extract", "a.txt", "-o", "pipe.yaml")
    reader.join(timeout=30)
    assert result.returncode == 0, stderr_of(result)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe was replaced by a regular file"
    assert b"participants:" in received[0]
    model_file("m.yaml")
    real = tmp_path / "kept.pdf"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "m.pdf").symlink_to(real)
    result = cli("build", "m.yaml", "-o", "out")
    assert result.returncode == 0, stderr_of(result)
    assert (tmp_path / "out" / "m.pdf").is_symlink(), "the symbolic link was replaced"
    assert real.read_bytes().startswith(b"%PDF-")


def test_build_refuses_to_replace_a_pipe_among_its_outputs(tmp_path: Path, cli, model_file) -> None:
    model_file("m.yaml")
    (tmp_path / "out").mkdir()
    os.mkfifo(tmp_path / "out" / "m.pdf")
    result = cli("build", "m.yaml", "-o", "out", timeout=60)
    err = stderr_of(result)
    assert result.returncode == 1 and TRACEBACK not in err
    assert "m.pdf: is a named pipe" in err
    assert stat.S_ISFIFO(os.lstat(tmp_path / "out" / "m.pdf").st_mode)
    assert not (tmp_path / "out" / "m.docx").exists(), "outputs are replaced together or not at all"


def test_a_build_never_reads_its_own_output_or_another_builds(tmp_path: Path, cli, model_file) -> None:
    model_file("m.yaml")
    first = cli("build", ".", "-o", "output")
    assert first.returncode == 0, stderr_of(first)
    (tmp_path / "older").mkdir()
    (tmp_path / "older" / MANIFEST_NAME).write_text("{}", encoding="utf-8")
    write_model(tmp_path / "older" / "copy.yaml")
    again = cli("build", ".", "-o", "output")
    err = stderr_of(again)
    assert again.returncode == 0, err
    assert "0 built, 1 up to date, 0 failed" in err, err
    assert "older: skipped, a briefgen output folder" in err
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == [MANIFEST_NAME, "m.docx", "m.pdf", "m.yaml"]
    direct = cli("build", "output", "-o", "elsewhere")
    assert direct.returncode == 1 and "output: is a briefgen output folder" in stderr_of(direct)


def test_an_empty_input_is_a_usage_error(tmp_path: Path, cli, model_file) -> None:
    model_file("m.yaml")
    for command in (("build", ""), ("build", "m.yaml", ""), ("extract", "")):
        result = cli(*command)
        assert result.returncode == 2, (command, stderr_of(result))
        assert "empty path" in stderr_of(result)
    assert not (tmp_path / "output").exists()


def test_a_hand_edited_output_model_is_rebuilt_from_not_overwritten(tmp_path: Path, cli, model_file) -> None:
    source = model_file("m.yaml")
    assert cli("build", "m.yaml", "-o", "out").returncode == 0
    edited = tmp_path / "out" / "m.yaml"
    text = edited.read_text(encoding="utf-8").replace("Olivier Nduhungirehe", "Corrected Name")
    edited.write_text(text, encoding="utf-8")
    result = cli("build", "m.yaml", "-o", "out")
    err = stderr_of(result)
    assert result.returncode == 0, err
    assert "hand-edited; the memo was rebuilt from it and it was kept" in err
    assert edited.read_text(encoding="utf-8") == text
    assert "Corrected Name" in pdf_text(tmp_path / "out" / "m.pdf")
    # The input changes too: the edit still wins, and the note says how to extract again.
    write_model(source, sample_meeting("Another Minister"))
    result = cli("build", "m.yaml", "-o", "out")
    assert "the source changed since" in stderr_of(result)
    assert edited.read_text(encoding="utf-8") == text
    # Deleting the edited file hands control back to the input.
    edited.unlink()
    assert cli("build", "m.yaml", "-o", "out").returncode == 0
    assert "Another Minister" in edited.read_text(encoding="utf-8")
    # An edit that does not validate fails, naming the file and field, and is kept.
    edited.write_text(edited.read_text(encoding="utf-8").replace("confidence: 0.9", "confidence: 9"), "utf-8")
    result = cli("build", "m.yaml", "-o", "out")
    assert result.returncode == 1 and "out/m.yaml: participants.0.confidence" in stderr_of(result)
    assert "confidence: 9" in edited.read_text(encoding="utf-8")


def test_the_three_outputs_are_replaced_together(tmp_path: Path, model_file) -> None:
    model_file("m.yaml")
    write_model(tmp_path / "m.yaml")
    before = run_python(
        "from briefgen.cli import run; raise SystemExit(run(['build', 'm.yaml', '-o', 'out']))", cwd=tmp_path
    )
    assert before.returncode == 0
    old = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.suffix in (".yaml", ".docx", ".pdf")}
    write_model(tmp_path / "m.yaml", sample_meeting("Changed Minister"))
    code = (
        "import os\n"
        "real = os.replace\n"
        "def replace(src, dst, *a, **k):\n"
        "    if str(dst).endswith('m.pdf'):\n"
        "        raise OSError(28, 'No space left on device')\n"
        "    return real(src, dst, *a, **k)\n"
        "os.replace = replace\n"
        "from briefgen.cli import run\n"
        "raise SystemExit(run(['build', 'm.yaml', '-o', 'out', '--force']))\n"
    )
    result = run_python(code, cwd=tmp_path)
    assert result.returncode == 1 and "m.pdf: cannot write: No space left on device" in stderr_of(result)
    after = {name: (tmp_path / "out" / name).read_bytes() for name in old}
    assert after == old, "a failed last rename must put the earlier outputs back"
    assert leftovers(tmp_path) == []


BATCH = 40


def _many_models(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        write_model(folder / f"m{i:03}.yaml", sample_meeting(f"Minister Number{i}"))


def _interrupt(tmp_path: Path, sig: int, jobs: str) -> tuple[int, float]:
    """Start a batch of BATCH model files, signal it once a few memos exist; its exit status."""
    _many_models(tmp_path / "in", BATCH)
    env = {**os.environ, "CI": "1", "PYTHONUTF8": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "build", "in", "-o", "out", "-j", jobs],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((tmp_path / "out").glob("*.pdf"))) < 4:
        time.sleep(0.05)
    proc.send_signal(sig)
    try:
        proc.communicate(timeout=30)  # "promptly": far less than the rest of the batch would take
    finally:
        proc.kill()
    return proc.returncode, 0.0


def _assert_finished_work_recorded(tmp_path: Path, exact: bool) -> None:
    """Stopped early, no temporary files, every recorded memo complete; with `exact`, every
    complete memo is recorded (in parallel, a worker may finish one the parent never heard of)."""
    out = tmp_path / "out"
    assert leftovers(tmp_path) == [], "temporary files were left behind"
    built = sorted(p.stem for p in out.glob("*.pdf"))
    assert 0 < len(built) < BATCH, "the batch must stop, not run to the end"
    entries = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["entries"]
    complete = {stem for stem in built if all((out / f"{stem}{s}").exists() for s in (".docx", ".yaml"))}
    assert set(entries) <= complete
    if exact:
        assert complete == set(entries), "finished work must be in the manifest"
    for stem in entries:
        assert load_meeting(out / f"{stem}.yaml")


def test_ctrl_c_stops_a_batch_and_keeps_the_record(tmp_path: Path) -> None:
    status, _ = _interrupt(tmp_path, signal.SIGINT, "1")
    assert status == 130
    _assert_finished_work_recorded(tmp_path, exact=True)
    again = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", "in", "-o", "out", "-j", "1", "-q"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "CI": "1"},
        timeout=300,
    )
    recorded = len(json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))["entries"])
    assert recorded == BATCH
    assert "0 failed" in again.stderr.decode()
    assert " 0 up to date" not in again.stderr.decode(), "the first run's finished work was redone"


def test_sigterm_stops_parallel_workers_and_cleans_up(tmp_path: Path) -> None:
    status, _ = _interrupt(tmp_path, signal.SIGTERM, "2")
    assert status == 130
    _assert_finished_work_recorded(tmp_path, exact=False)
