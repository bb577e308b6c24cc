"""How long the review page takes to open for the seed once its model exists (target < 1 s).

Run `python benchmarks/review_open.py` from the repository. The seed's model is extracted
once, untimed; then each run starts the real `briefgen review SEED -o DIR --no-browser` and
times:

  start → page served   from launching the command (Python start-up, imports, reading the
                        model and the source, binding 127.0.0.1) to the page's HTML received;
  CPU time until then   the server's user + system time at that point: wall time grows when
                        other work shares the cores, CPU time hardly does;
  page served (warm)    one more GET of the page from the running server;
  page + assets (warm)  the page, its script and its stylesheet, as a browser's first load;
  page ready in Chromium  navigation start to the page's script having drawn the highlights
                        and the model (the script records it), when Chromium is installed;
  start → ready         the first and the last added: what a person waits for.

Prints a Markdown table with the machine it ran on; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from run import machine  # noqa: E402

sys.path.insert(0, str(HERE.parent / "tests"))
from helpers_browser import chromium_installed, headless_chromium  # noqa: E402

SEED = REPO / "seeds" / "000_d94d85c68b690030.txt"
TARGET_S = 1.0


def _briefgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefgen", *args]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def start_server(out: Path) -> tuple[subprocess.Popen, str, float]:
    """Launch `briefgen review` and wait for its page; returns (process, url, seconds)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        _briefgen("review", str(SEED), "-o", str(out), "--no-browser"),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    while line.startswith("Reopening "):  # the model exists: that is the case measured
        line = proc.stdout.readline()
    if not line.startswith("Reviewing "):
        proc.kill()
        raise SystemExit(f"briefgen review did not start: {line}{proc.stderr.read()}")
    url = line.rsplit(" at ", 1)[1].strip()
    _get(url)
    return proc, url, time.perf_counter() - started


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux): unlike wall time, it hardly
    changes when other work competes for the cores."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=30)


def browser():
    """A headless Chromium through selenium, or None when it is not installed."""
    if not chromium_installed():
        return None
    return headless_chromium(tempfile.mkdtemp(prefix="briefgen-bench-"))


def ready_ms(driver, url: str) -> float:
    """Navigation start to the page script's `data-ready-ms` mark, in ms."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.find_element("tag name", "body").get_attribute("data-ready-ms"))
    return float(driver.find_element("tag name", "body").get_attribute("data-ready-ms"))


def median_max(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms (max {max(values) * 1000:.0f} ms, n={len(values)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="server starts to time (default 5)")
    args = parser.parse_args(argv)
    info = machine()
    with tempfile.TemporaryDirectory(prefix="briefgen-review-bench-") as tmp:
        out = Path(tmp)
        model = out / f"{SEED.stem}.yaml"
        subprocess.run(_briefgen("extract", str(SEED), "-o", str(model)), cwd=REPO, check=True)
        driver = browser()
        cold, cpu, warm, assets, ready, total = [], [], [], [], [], []
        try:
            for _ in range(args.runs):
                proc, url, seconds = start_server(out)
                try:
                    cold.append(seconds)
                    used = cpu_seconds(proc.pid)
                    if used is not None:
                        cpu.append(used)
                    for _ in range(10):
                        t = time.perf_counter()
                        _get(url)
                        warm.append(time.perf_counter() - t)
                        t = time.perf_counter()
                        for part in ("", "static/review.js", "static/review.css"):
                            _get(url + part)
                        assets.append(time.perf_counter() - t)
                    if driver is not None:
                        ms = ready_ms(driver, url)
                        ready.append(ms / 1000)
                        total.append(seconds + ms / 1000)
                finally:
                    stop(proc)
        finally:
            if driver is not None:
                driver.quit()
    rows = [
        ("start → page served (model exists)", median_max(cold), ""),
        ("CPU time of the server until then", median_max(cpu) if cpu else "n/a", ""),
        ("page served (warm)", median_max(warm), ""),
        ("page + script + stylesheet (warm)", median_max(assets), ""),
    ]
    if ready:
        rows.append(("page ready in Chromium (navigation → drawn)", median_max(ready), ""))
        met = "yes" if statistics.median(total) < TARGET_S else "NO"
        rows.append(("start → page ready in Chromium", median_max(total), f"< {TARGET_S:.0f} s: {met}"))
    else:
        met = "yes" if statistics.median(cold) < TARGET_S else "NO"
        rows[0] = (rows[0][0], rows[0][1], f"< {TARGET_S:.0f} s: {met} (no Chromium: browser time not counted)")
    lines = ["| machine | |", "|---|---|", *[f"| {k} | {v} |" for k, v in info], ""]
    lines += ["| opening the review page for the seed | time | target |", "|---|---|---|"]
    lines += [f"| {what} | {result} | {target} |" for what, result, target in rows]
    lines += ["", f"Command: `python benchmarks/review_open.py --runs {args.runs}` ({time.strftime('%Y-%m-%d')})."]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    sys.exit(main())
