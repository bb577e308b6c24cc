"""Running the jobs: in this process or in worker processes, and stopping cleanly.

Workers are forked processes (ProcessPoolExecutor); each loads the language pipeline once.
Their number is what `-j` asks for, but never more than the CPUs this process may use or
what the available memory holds (each extracting worker peaks near WORKER_MEMORY), because
more would only thrash; the build says when it lowered the number.

Interrupts. Ctrl-C (SIGINT) and SIGTERM stop a batch promptly: the parent cancels what is
queued and terminates the workers. A worker that is stopped mid-write removes its temporary
files and puts back any output it had already replaced (fsio.write_files runs its cleanup as
the exception passes), then exits at once instead of taking the next job. The caller keeps
the results that arrived, so the manifest records every finished input.

In this process (-j 1) an interrupt waits for the job under way to finish and be recorded:
otherwise a memo whose files were all in place a moment before the signal would be missing
from the manifest, and the next build would redo it. A second signal stops at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

from ..config import MemoSettings
from ..errors import BriefgenError, one_line
from .discover import Job
from .worker import Prior, Result, run_chunk, run_job

#: Most inputs sent to a worker in one message; small enough to keep both cores busy to the end.
MAX_CHUNK = 4
#: Peak memory of one worker that extracts (spaCy and its model loaded); see docs/SCALING.md.
WORKER_MEMORY = 400 * 2**20
#: A worker that only renders model files.
RENDER_WORKER_MEMORY = 120 * 2**20


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_jobs() -> int:
    return cpu_count()


def available_memory() -> int | None:
    """MemAvailable from /proc/meminfo (Linux), in bytes; None where it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def worker_count(requested: int | None, todo: int, needs_language: bool) -> tuple[int, str | None]:
    """How many workers to run, and a note when `-j` was lowered (by CPUs or memory)."""
    cpus = cpu_count()
    memory = available_memory()
    per_worker = WORKER_MEMORY if needs_language else RENDER_WORKER_MEMORY
    by_memory = max(1, memory // per_worker) if memory is not None else cpus
    limit = min(cpus, by_memory)
    wanted = requested or cpus
    note = None
    if requested is not None and requested > limit:
        why = f"{cpus} CPUs" if limit == cpus else f"memory for {by_memory} workers"
        note = f"-j {requested} lowered to {limit} ({why})"
    return max(1, min(wanted, limit, todo)), note


def _chunks(todo: list[tuple[Job, Prior]], workers: int) -> list[list[tuple[Job, Prior]]]:
    """Split into chunks of at most MAX_CHUNK, at least about eight per worker for balance."""
    size = max(1, min(MAX_CHUNK, len(todo) // (workers * 8)))
    return [todo[i : i + size] for i in range(0, len(todo), size)]


@contextlib.contextmanager
def _interrupt_after_this_job() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends, then raise KeyboardInterrupt; a second
    signal raises at once. Outside the main thread signals cannot be caught: run as is."""
    caught: list[int] = []

    def hold(signum: int, frame: object) -> None:
        if caught:
            raise KeyboardInterrupt
        caught.append(signum)

    try:
        previous = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if caught:
        raise KeyboardInterrupt


def _raise_exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _init_worker(needs_language: bool) -> None:
    """In each worker: Ctrl-C is the parent's to handle; SIGTERM unwinds (cleanup runs)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _raise_exit)
    if needs_language:
        try:
            from ..extract import warm_up
        except ImportError:
            return
        with contextlib.suppress(BriefgenError):  # a failure shows up again, per input, in the job
            warm_up()


def _chunk_in_worker(chunk, out_dir, settings, published, debug) -> list[Result]:
    try:
        return run_chunk(chunk, out_dir, settings, published, debug)
    except (SystemExit, KeyboardInterrupt):
        os._exit(143)  # cleanup already ran while the exception unwound; take no next job


def execute(
    todo: list[tuple[Job, Prior]],
    out: Path,
    settings: MemoSettings,
    published: dt.date | None,
    debug: bool,
    jobs: int | None,
    on_result: Callable[[Result], None],
) -> tuple[int, str | None]:
    """Run the jobs, calling `on_result` in this process as each finishes.

    Returns (workers used, a note when -j was lowered). KeyboardInterrupt propagates after
    the workers are stopped; results already passed to `on_result` stand.
    """
    needs_language = any(job.needs_language for job, _ in todo)
    workers, note = worker_count(jobs, len(todo), needs_language)
    if workers == 1 or any(job.reads_stdin for job, _ in todo):
        for job, prior in todo:
            with _interrupt_after_this_job():
                on_result(run_job(job, str(out), settings, published, debug, prior))
        return 1, note
    _execute_parallel(todo, out, settings, published, debug, workers, needs_language, on_result)
    return workers, note


def _execute_parallel(todo, out, settings, published, debug, workers, needs_language, on_result) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # Workers are forked: what the parent has imported they inherit for free. The writers are
    # cheap to share this way; the language pipeline is loaded per worker (initializer).
    from .. import render  # noqa: F401

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(needs_language,))
    try:
        futures = {
            pool.submit(_chunk_in_worker, chunk, str(out), settings, published, debug): chunk
            for chunk in _chunks(todo, workers)
        }
        for fut in as_completed(futures):
            try:
                results = fut.result()
            except BrokenProcessPool:
                reason = "a worker process died (out of memory or killed); rerun with -j 1 to find the input"
                results = [Result(job, "failed", one_line(f"{job.path}: {reason}")) for job, _ in futures[fut]]
            for result in results:
                on_result(result)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool) -> None:
    """Cancel what is queued and stop the workers: SIGTERM (they clean up), then SIGKILL."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=1)
