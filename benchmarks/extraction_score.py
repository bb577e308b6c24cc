"""Extraction quality against hand-annotated texts, with a floor that CI enforces.

Runs the shared scorer (`../shared/eval/score.py`) over a corpus with `briefgen extract`, prints its
table, and exits 1 when the overall score or any field falls below the floor kept in
`benchmarks/extraction_floor.json`. Raise the floor as the score rises, in the same commit.

    python benchmarks/extraction_score.py [CORPUS_DIR] [--scorer PATH] [-j 2] [--write-floor]

Why a floor per field and not only overall: a rule change can trade one field for another (more
participants, fewer correct affiliations) with the mean unchanged.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = HERE / "extraction_floor.json"
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"
#: How far below the measured value a floor written by --write-floor sits: room for noise-free
#: but harmless rewording of rules, not for a real loss.
MARGIN = 0.02


def run_scorer(scorer: Path, corpus: Path, jobs: int) -> dict:
    cmd = f"{sys.executable} -m briefgen extract {{path}} --format json"
    out = subprocess.run(
        [sys.executable, str(scorer), str(corpus), "--json", "-j", str(jobs), "--cmd", cmd],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def values(result: dict) -> dict[str, float]:
    """Field → F1 or accuracy, plus "score"."""
    got = {name: row.get("f1", row.get("accuracy", 0.0)) for name, row in result["fields"].items()}
    got["score"] = result["score"]
    return got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_EVAL / "dev"))
    ap.add_argument("--scorer", default=str(DEFAULT_EVAL / "score.py"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--write-floor", action="store_true", help="set the floor just below the values measured now")
    a = ap.parse_args()
    corpus, scorer = Path(a.corpus), Path(a.scorer)
    if not corpus.is_dir() or not scorer.is_file():
        print(f"extraction score: no corpus at {corpus} or no scorer at {scorer}; nothing checked")
        return 0
    result = run_scorer(scorer, corpus, a.jobs)
    got = values(result)
    floor = json.loads(FLOOR.read_text(encoding="utf-8")) if FLOOR.exists() else {}
    failed = []
    print(f"{'field':26} {'value':>7} {'floor':>7}   (docs: {result['docs']})")
    for name, value in got.items():
        low = floor.get(name)
        mark = ""
        if low is not None and value < low:
            failed.append(name)
            mark = "  BELOW FLOOR"
        print(f"{name:26} {value:7.3f} {'' if low is None else f'{low:7.3f}'}{mark}")
    for err in result.get("errors", []):
        print(f"error  {err}")
    if a.write_floor:
        FLOOR.write_text(
            json.dumps({k: round(max(0.0, v - MARGIN), 3) for k, v in got.items()}, indent=1) + "\n", encoding="utf-8"
        )
        print(f"floor written to {FLOOR}")
        return 0
    if failed:
        print(f"extraction score below the floor in: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
