"""Extraction speed on real meeting texts: pipeline load, ms per 500 words, and a cold batch build.

    python benchmarks/extraction_speed.py [CORPUS_DIR] [-j 2]

CORPUS_DIR holds the shared evaluation files (JSON with a "text" field; default ../shared/eval/dev).
Prints a Markdown table against the targets of the extraction issue:

  - loading the pipeline (spaCy, the model, briefgen's components and lexicons): <= 1.5 s;
  - extraction once loaded, per 500 words (median over the texts of each one's median of 3 passes): <= 100 ms;
  - `briefgen build` over the texts with -j 2, cold (new processes, spaCy loaded in each): >= 10 memos/s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def load_texts(corpus: Path) -> list[str]:
    return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(corpus.glob("*.json"))]


def measure_load(runs: int = 5) -> float:
    """Seconds to import and load everything extraction needs, in a fresh process (median of `runs`).

    The median, because one cold start on a shared machine varies by a third from run to run.
    """
    code = (
        "import time; t = time.perf_counter(); from briefgen.extract import warm_up; warm_up(); "
        "print(time.perf_counter() - t)"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=HERE.parent)
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def measure_extraction(texts: list[str], passes: int = 3) -> float:
    """Median milliseconds per 500 words, pipeline already loaded: each text's median over `passes`."""
    from briefgen.extract import extract, warm_up
    from briefgen.model import Source, SourceInfo

    warm_up()
    runs: list[list[float]] = [[] for _ in texts]
    for _ in range(passes):
        for times, text in zip(runs, texts, strict=True):
            words = max(1, len(text.split()))
            start = time.perf_counter()
            extract(Source(text=text, info=SourceInfo(path="t.txt")))
            times.append((time.perf_counter() - start) * 1000 * 500 / words)
    return statistics.median(statistics.median(times) for times in runs)


def measure_build(texts: list[str], jobs: int, runs: int = 3) -> float:
    """Memos per second for a cold `briefgen build` of every text: the median of `runs` builds, each in
    new processes into an empty folder (one build on a shared machine varies by a fifth)."""
    return statistics.median(_build_once(texts, jobs) for _ in range(runs))


def _build_once(texts: list[str], jobs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        for i, text in enumerate(texts):
            (src / f"{i:03d}.txt").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "briefgen", "build", str(src), "-o", str(out), "-j", str(jobs)],
            check=True,
            capture_output=True,
            cwd=HERE.parent,
        )
        return len(texts) / (time.perf_counter() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(HERE.parent.parent / "shared" / "eval" / "dev"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    a = ap.parse_args()
    texts = load_texts(Path(a.corpus))
    if not texts:
        print(f"no texts in {a.corpus}")
        return 2
    rows = [
        ("pipeline load, median of 5 (s)", measure_load(), "<= 1.5"),
        ("extraction, ms per 500 words (median of 3 passes)", measure_extraction(texts), "<= 100"),
        (
            f"cold build of {len(texts)} texts, -j {a.jobs}, median of 3 (memos/s)",
            measure_build(texts, a.jobs),
            ">= 10",
        ),
    ]
    print("| measure | value | target |\n|---|---:|---|")
    for name, value, target in rows:
        print(f"| {name} | {value:.2f} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
