"""Dossier benchmark: `python benchmarks/dossier.py [--meetings 200]` prints a Markdown table.

Writes N synthetic meeting model files between two invented-but-plausible parties (about six
commitments each, some restated later, some reported done; topics, quotes, background
mentions, changing titles) into a temporary folder, then times each stage in-process and the
whole `briefgen dossier` command in a fresh process. Target: 200 meetings in under 5 s.
Nothing is downloaded; the sentences are written here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefgen.model import (  # noqa: E402
    BackgroundEvent,
    Commitment,
    Evidence,
    Location,
    Meeting,
    Person,
    Quote,
    Setting,
    SourceInfo,
    Topic,
)
from briefgen.modelfile import dump_meeting  # noqa: E402

ACTIONS = [
    "open a {x} office in {c}",
    "fund a {x} study for the port of {c}",
    "sign a {x} agreement",
    "send a {x} delegation to {c}",
    "build a {x} centre in {c}",
    "launch a {x} programme in {c}",
]
THINGS = ["trade", "energy", "water", "health", "fisheries", "rail", "digital", "education", "customs", "tourism"]
CITIES = ["Beira", "Nampula", "Porto", "Braga", "Tete", "Coimbra", "Pemba", "Faro"]
DEADLINES = [None, "by the end of {y}", "within six months", "by March {y}", "in {y}", "by mid-{y}"]
TOPICS = ["maritime security", "trade and investment", "flood recovery", "vocational training", "energy transition"]
TITLES = [["Foreign Minister", "Minister of State and Foreign Affairs"], ["Foreign Minister", "Prime Minister"]]


def _name(i: int) -> str:
    """A made-up two-word project name, unique per i, so that each new commitment is distinct."""
    syllables = ["ba", "ko", "ri", "mu", "te", "lo", "sa", "ne", "vi", "du"]
    word = "".join(syllables[int(d)] for d in f"{i:04d}")
    return f"{word.capitalize()} {word[::-1]}"


def synthetic_meeting(n: int, rng: random.Random, made: list[tuple[str, str]]) -> Meeting:
    """Meeting n (every ~11 days from 2020), restating and reporting earlier commitments."""
    date = dt.date(2020, 1, 6) + dt.timedelta(days=11 * n)
    sentences: list[str] = []

    def ev(sentence: str) -> list[Evidence]:
        start = sum(len(s) + 1 for s in sentences)
        sentences.append(sentence)
        return [Evidence(start=start, end=start + len(sentence), text=sentence)]

    stage = 0 if n < 100 else 1
    people_ev = ev(f"Minister Rui Carvalho met Amélia Nhantumbo in Maputo on {date.day} {date:%B} {date.year}.")
    commitments = []
    for k in range(4):
        actor = rng.choice(["Portugal", "Mozambique"])
        action = rng.choice(ACTIONS).format(x=rng.choice(THINGS), c=rng.choice(CITIES)) + f" ({_name(4 * n + k)})"
        deadline = rng.choice(DEADLINES)
        deadline = deadline.format(y=date.year + rng.randint(0, 2)) if deadline else None
        commitments.append(
            Commitment(actor=actor, action=action, deadline=deadline, evidence=ev(f"{actor} will {action}."))
        )
        made.append((actor, action))
    for actor, action in rng.sample(made[:-4], k=min(2, len(made) - 4)) if len(made) > 4 else []:
        commitments.append(
            Commitment(actor=actor, action=action, evidence=ev(f"{actor} reaffirmed it would {action}."))
        )
    background = []
    if len(made) > 4:
        actor, action = rng.choice(made[:-4])
        background.append(
            BackgroundEvent(
                text=f"{actor} completed its pledge to {action}",
                evidence=ev(f"{actor} has completed its pledge to {action}."),
            )
        )
    topics = [Topic(label=t, evidence=ev(f"They discussed {t}.")) for t in rng.sample(TOPICS, 3)]
    quote = "We keep our word"
    text = " ".join(sentences) + f' "{quote}," Carvalho said.'
    quotes = [
        Quote(speaker="Carvalho", text=quote, evidence=[Evidence(start=len(text) - 30, end=len(text), text=text[-30:])])
    ]
    return Meeting(
        source=SourceInfo(path=f"meeting_{n:03d}.txt", chars=len(text), published=date),
        participants=[
            Person(
                name="Rui Carvalho", title=TITLES[0][stage], affiliation="Portugal", side="Portugal", evidence=people_ev
            ),
            Person(
                name="Amélia Nhantumbo",
                title=TITLES[1][stage],
                affiliation="Mozambique",
                side="Mozambique",
                evidence=people_ev,
            ),
        ],
        setting=Setting(date=date, location=Location(city="Maputo", country="Mozambique"), evidence=people_ev),
        topics=topics,
        commitments=commitments,
        quotes=quotes,
        background=background,
    )


def write_models(folder: Path, count: int) -> list[Path]:
    rng = random.Random(13)
    made: list[tuple[str, str]] = []
    paths = []
    for n in range(count):
        path = folder / f"meeting_{n:03d}.yaml"
        path.write_text(dump_meeting(synthetic_meeting(n, rng, made)), encoding="utf-8")
        paths.append(path)
    return paths


def timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=200)
    args = parser.parse_args()
    from briefgen.config import MemoSettings
    from briefgen.dossier import build_dossier, read_meetings
    from briefgen.dossier.context import build_context
    from briefgen.render import render_context_files
    from briefgen.render.determinism import timestamp_for

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "models"
        folder.mkdir()
        write_models(folder, args.meetings)
        (meetings, labels, texts), t_load = timed(lambda: read_meetings([str(folder)]))
        dossier, t_build = timed(lambda: build_dossier(meetings, labels, None, None, texts))
        settings = MemoSettings(template="dossier")
        files, t_render = timed(
            lambda: render_context_files(
                build_context(dossier, settings), settings, timestamp_for(dossier.as_of), parallel=True
            )
        )
        cmd = [sys.executable, "-m", "briefgen", "dossier", str(folder), "-o", str(Path(tmp) / "out")]
        runs, cpu = [], []
        for _ in range(3):  # other work on the machine adds noise: the best and worst of three
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            result, seconds = timed(lambda: subprocess.run(cmd, capture_output=True, cwd=tmp))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if result.returncode != 0:
                sys.exit(result.stderr.decode())
            runs.append(seconds)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        statuses: dict[str, int] = {}
        for c in dossier.commitments:
            statuses[c.status] = statuses.get(c.status, 0) + 1
        pages = files[".pdf"].count(b"/Type /Page\n") or files[".pdf"].count(b"/Type /Page")
        print(
            f"Dossier of {args.meetings} meetings from model files ({len(dossier.commitments)} tracked commitments: "
            + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))
            + f"; PDF {pages} pages)\n"
        )
        print("| stage | seconds |")
        print("|---|---|")
        print(f"| load and validate {args.meetings} model files | {t_load:.2f} |")
        print(f"| build the dossier (tracker, timeline, threads) | {t_build:.2f} |")
        print(f"| render DOCX and PDF (PDF in a second process) | {t_render:.2f} |")
        print(f"| `briefgen dossier` whole command, fresh process, best of 3 (target < 5 s) | {min(runs):.2f} |")
        print(f"| the same, worst of 3 | {max(runs):.2f} |")
        print(f"| CPU time of that command, both processes (best of 3) | {min(cpu):.2f} |")
        print(f"\nLoad average during the run: {os.getloadavg()[0]:.1f} on {len(os.sched_getaffinity(0))} cores.")


if __name__ == "__main__":
    main()
