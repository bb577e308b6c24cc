"""Model files for the merge and dossier tests, built from the project's own small texts.

The texts live in tests/fixtures/merge/ and tests/fixtures/dossier/ (written for these tests).
The models say exactly what an ideal extraction would, with evidence pointing at the texts'
sentences, so the merge and dossier tests do not depend on how well extraction does.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from briefgen.model import (
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
from briefgen.modelfile import dump_meeting

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _meeting(path: Path, spec: dict) -> Meeting:
    text = path.read_text(encoding="utf-8")

    def ev(prefix: str) -> list[Evidence]:
        start = text.index(prefix)
        end = text.index("\n", start) if "\n" in text[start:] else len(text)
        sentence = re.sub(r"<[^>]+>", "", text[start:end]).strip()  # the HTML account: its text only
        return [Evidence(start=start, end=end, text=sentence)]

    first = spec["people_ev"]
    return Meeting(
        source=SourceInfo(path=path.name, title=spec.get("title"), chars=len(text), format=path.suffix[1:]),
        participants=[
            Person(name=n, title=t, affiliation=a, side=a, evidence=ev(first), confidence=c)
            for n, t, a, c in spec["people"]
        ],
        setting=Setting(
            date=dt.date.fromisoformat(spec["date"]) if spec.get("date") else None,
            date_text=spec.get("date_text"),
            location=Location(city=spec.get("city"), country=spec.get("country")),
            occasion=spec.get("occasion"),
            evidence=ev(first),
        ),
        topics=[Topic(label=label, evidence=ev(p)) for label, p in spec.get("topics", [])],
        commitments=[
            Commitment(actor=a, action=x, deadline=d, evidence=ev(p), confidence=c)
            for a, x, d, p, c in spec.get("commitments", [])
        ],
        quotes=[Quote(speaker=s, text=q, evidence=ev(p)) for s, q, p in spec.get("quotes", [])],
        background=[BackgroundEvent(text=t, date_text=d, evidence=ev(p)) for t, d, p in spec.get("background", [])],
    )


# --------------------------------------------------------------------------- two accounts

ACCOUNTS = {
    "oslo_readout.txt": {
        "date": "2026-03-14",
        "date_text": "14 March 2026",
        "city": "Santiago",
        "country": "Chile",
        "occasion": "annual political consultations",
        "people_ev": "Norwegian Foreign Minister",
        "people": [
            ("Ingrid Halvorsen", "Foreign Minister", "Norway", 0.9),
            ("Tomás Echeverría", "Foreign Minister", "Chile", 0.9),
        ],
        "topics": [("renewable energy cooperation", "The ministers discussed")],
        "commitments": [
            (
                "Norway",
                "open a green hydrogen research office in Valparaíso",
                "by the end of 2026",
                "Norway will open",
                0.7,
            ),
            ("Chile", "host the next round of consultations", "in 2027", "Chile agreed", 0.8),
        ],
        "quotes": [("Halvorsen", "Our partnership on the oceans has never been stronger", '"Our partnership')],
    },
    "santiago_readout.html": {
        "title": "Minister Echeverría receives Norway's Foreign Minister",
        "date": "2026-03-15",
        "date_text": "15 March 2026",
        "city": "Santiago",
        "country": "Chile",
        "occasion": "annual political consultations",
        "people_ev": "<p>Minister of Foreign Affairs",
        "people": [
            ("Echeverría", "Minister of Foreign Affairs", "Chile", 0.9),
            ("Halvorsen", "Deputy Foreign Minister", "Norway", 0.9),
        ],
        "topics": [("cooperation on renewable energy", "<p>The two delegations")],
        "commitments": [
            (
                "Norway",
                "open a green hydrogen research office in Valparaíso",
                "by mid-2027",
                "<p>Norway will open",
                0.7,
            ),
            ("Chile", "ratify the high seas biodiversity treaty", "before the end of the year", "<p>Chile will", 0.8),
        ],
        "quotes": [
            ("Ingrid Halvorsen", "Our partnership on the oceans has never been stronger", '<p>"Our partnership')
        ],
    },
    "unrelated_readout.txt": {
        "date": "2026-06-02",
        "city": "Vienna",
        "country": "Austria",
        "people_ev": "Austrian Foreign Minister",
        "people": [
            ("Klaus Brandstätter", "Foreign Minister", "Austria", 0.9),
            ("Nguyen Thi Lan", "Foreign Minister", "Vietnam", 0.9),
        ],
    },
}


def account(name: str) -> Meeting:
    return _meeting(FIXTURES / "merge" / name, ACCOUNTS[name])


# --------------------------------------------------------------------------- a series of meetings

_PT, _MZ = "Portugal", "Mozambique"
SERIES = {
    "m1_maputo_2024.txt": {
        "date": "2024-02-10",
        "city": "Maputo",
        "country": "Mozambique",
        "occasion": "first session of the bilateral commission",
        "people_ev": "Portuguese Foreign Minister",
        "people": [
            ("Rui Carvalho", "Foreign Minister", _PT, 0.9),
            ("Amélia Nhantumbo", "Foreign Minister", _MZ, 0.9),
        ],
        "commitments": [
            (_PT, "open a vocational training centre in Beira", "by the end of 2024", "Portugal will open", 0.85),
            (_MZ, "sign the maritime security memorandum", "within six months", "Mozambique will sign", 0.85),
            ("Portugal and Mozambique", "hold annual political consultations", None, "The two ministers agreed", 0.8),
        ],
        "topics": [("maritime security", "They discussed"), ("vocational training", "They discussed")],
        "quotes": [("Carvalho", "We are building a partnership for the next generation", '"We are building')],
        "background": [("First meeting of the two ministers, Lisbon", "May 2019", "The visit follows")],
    },
    "m2_lisbon_2024.txt": {
        "date": "2024-09-18",
        "city": "Lisbon",
        "country": "Portugal",
        "people_ev": "Foreign Minister Rui Carvalho received",
        "people": [("Rui Carvalho", "Foreign Minister", _PT, 0.9), ("Nhantumbo", "Foreign Minister", _MZ, 0.9)],
        "commitments": [
            (_PT, "open the vocational training centre in Beira", "by the end of 2024", "Portugal reaffirmed", 0.8),
            (
                _PT,
                "provide 20 million euros for flood recovery in Sofala province",
                "by March 2025",
                "Portugal will provide",
                0.85,
            ),
        ],
        "topics": [("flood recovery", "The ministers discussed"), ("maritime security", "The ministers discussed")],
        "quotes": [("Nhantumbo", "Mozambique keeps its word", '"Mozambique keeps')],
        "background": [("Maritime security memorandum signed in Maputo", "June 2024", "The maritime security")],
    },
    "m3_call_2025.txt": {
        "date": "2025-05-06",
        "occasion": "telephone conversation",
        "people_ev": "Foreign Minister Rui Carvalho spoke",
        "people": [("Carvalho", "Foreign Minister", _PT, 0.9), ("Amélia Nhantumbo", "Foreign Minister", _MZ, 0.9)],
        "commitments": [
            (
                _PT,
                "provide 20 million euros for flood recovery in Sofala province",
                None,
                "Portugal confirmed",
                0.8,
            ),
        ],
        "topics": [
            ("flood recovery", "The ministers discussed"),
            ("vocational training", "The vocational training centre"),
        ],
    },
    "m4_new_york_2025.txt": {
        "date": "2025-11-20",
        "city": "New York",
        "country": "United States",
        "occasion": "sidelines of the UN General Assembly",
        "people_ev": "Minister of State and Foreign Affairs",
        "people": [
            ("Rui Carvalho", "Minister of State and Foreign Affairs", _PT, 0.9),
            ("Amélia Nhantumbo", "Prime Minister", _MZ, 0.9),
        ],
        "commitments": [
            (_MZ, "host a Portugal–Mozambique business forum", "in 2026", "Mozambique will host", 0.85),
            ("Portugal and Mozambique", "hold annual political consultations", None, "The two sides agreed", 0.8),
        ],
        "topics": [
            ("trade and investment", "They discussed trade"),
            ("maritime security", "They discussed trade"),
        ],
        "quotes": [("Rui Carvalho", "Our cooperation has moved from promises to results", '"Our cooperation')],
        "background": [("First meeting of the two ministers in Lisbon", "May 2019", "The two ministers first met")],
    },
    "m5_maputo_2026.txt": {
        "date": "2026-04-02",
        "city": "Maputo",
        "country": "Mozambique",
        "people_ev": "Minister of State and Foreign Affairs",
        "people": [
            ("Rui Carvalho", "Minister of State and Foreign Affairs", _PT, 0.9),
            ("Amélia Nhantumbo", "Prime Minister", _MZ, 0.9),
        ],
        "commitments": [
            (None, "hold annual political consultations", None, "The two sides agreed", 0.8),
            (_PT, "send a trade mission to Nampula", None, "Portugal will send", 0.8),
        ],
        "topics": [
            ("trade and investment", "The ministers reviewed"),
            ("flood recovery", "Portugal has not yet"),
        ],
        "quotes": [("Nhantumbo", "Mozambique keeps its word", '"Mozambique keeps')],
    },
    "other_brasilia_2025.txt": {
        "date": "2025-03-01",
        "city": "Brasília",
        "country": "Brazil",
        "people_ev": "Foreign Minister Rui Carvalho met",
        "people": [
            ("Rui Carvalho", "Foreign Minister", _PT, 0.9),
            ("Helena Duarte", "Foreign Minister", "Brazil", 0.9),
        ],
        "commitments": [("Brazil", "reopen its consulate in Porto", "in 2026", "Brazil will reopen", 0.8)],
    },
}


#: A second account of the first meeting, from the other side: the dossier merges it into M1.
SECOND_ACCOUNT = {
    "m1_mozambique_readout.txt": {
        "date": "2024-02-10",
        "city": "Maputo",
        "country": "Mozambique",
        "occasion": "first session of the bilateral commission",
        "people_ev": "Maputo, 10 February 2024.",
        "people": [
            ("Amélia Nhantumbo", "Minister of Foreign Affairs", _MZ, 0.9),
            ("Rui Carvalho", "Foreign Minister", _PT, 0.9),
        ],
        "commitments": [
            (_PT, "open a vocational training centre in Beira", "by the end of 2024", "Portugal will open", 0.85),
            (_MZ, "sign the maritime security memorandum", "within six months", "Mozambique will sign", 0.85),
        ],
    }
}


def series_meeting(name: str) -> Meeting:
    spec = SERIES.get(name) or SECOND_ACCOUNT[name]
    return _meeting(FIXTURES / "dossier" / name, spec)


def write_models(folder: Path, meetings: dict[str, Meeting]) -> list[Path]:
    """Write each meeting as <stem>.yaml into `folder`; returns the paths in the given order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, meeting in meetings.items():
        path = folder / (Path(name).stem + ".yaml")
        path.write_text(dump_meeting(meeting, "yaml"), encoding="utf-8")
        paths.append(path)
    return paths
