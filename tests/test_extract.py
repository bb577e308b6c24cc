"""Extraction: people, setting, quotes, commitments on real and synthetic texts, with evidence."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_extract import run

from briefgen.model import Meeting

TEXTS = Path(__file__).parent / "texts"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed() -> tuple[str, Meeting]:
    path = sorted(SEEDS.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    return text, run(text, clean=False)


def test_seed_participants_and_affiliations(seed):
    _, m = seed
    got = {p.name: p.affiliation for p in m.participants}
    assert got == {"Lavrov": "Russia", "Nduhungirehe": "Rwanda"}
    assert all(p.title == "minister" for p in m.participants)


def test_seed_setting_has_no_invented_date(seed):
    _, m = seed
    assert m.setting.date is None
    assert m.setting.location.city == "Cairo"
    assert m.setting.location.country == "Egypt"
    assert m.setting.occasion.startswith("on the sidelines of the Second Ministerial Conference")


def test_seed_quotes_have_their_speakers(seed):
    _, m = seed
    speakers = {q.text[:20]: q.speaker for q in m.quotes}
    assert speakers["We value our warm re"] == "Lavrov"
    assert speakers["We believe it is hig"] == "Nduhungirehe"


def test_seed_footer_is_not_content(seed):
    _, m = seed
    dumped = m.model_dump_json()
    assert "Leave a Reply" not in dumped
    assert all("Leave" not in (p.name or "") for p in m.participants + m.mentioned)


def test_seed_commitment_with_deadline_and_background(seed):
    _, m = seed
    nuclear = [c for c in m.commitments if "nuclear research centre" in c.action]
    assert nuclear and nuclear[0].actor.startswith("Rwanda") and nuclear[0].deadline in {"2030", "by 2030"}
    dates = {b.date_text for b in m.background}
    assert {"November 2024", "July 2023"} <= dates
    assert all(b.date is None for b in m.background)  # month and year do not fix a day


def test_every_item_has_evidence_inside_the_text(seed):
    text, m = seed
    assert m.source.chars == len(text)
    for path, item in m.iter_items():
        if path in {"summary", "setting"}:
            continue
        assert item.evidence, path
        for ev in item.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end].strip() == ev.text
        assert 0.0 <= item.confidence <= 1.0
    assert m.summary.lines == []  # the bottom line is the memo's to compose (render/compose.py)


def test_topics_are_placed_in_the_taxonomy(seed):
    _, m = seed
    assert any("nuclear" in t.label.lower() or "security" in t.label.lower() for t in m.topics) or m.topics
    assert all(t.category for t in m.topics)


READOUT = (
    "WASHINGTON: Secretary of State Jane Q. Doe met on Wednesday with Kenyan Foreign Minister Peter Otieno on the "
    "margins of the Commonwealth Heads of Government Meeting. The Following is attributable to Spokesperson Ann Lee. "
    "The Secretary and the Foreign Minister agreed to hold a strategic dialogue early next year. "
    "Secretary Doe urged Kenya to expand trade ties. The Secretary discussed the situation in Somalia."
)


def test_readout_offices_roles_and_relative_date():
    m = run(READOUT, published=dt.date(2024, 5, 10))  # a Friday
    names = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert names == {
        "Jane Q. Doe": ("Secretary of State", "United States"),
        "Peter Otieno": ("Foreign Minister", "Kenya"),
    }
    assert m.setting.date == dt.date(2024, 5, 8)
    assert m.setting.location.city is None  # the dateline is where the statement was issued
    assert "Commonwealth Heads of Government Meeting" in m.setting.occasion
    assert len(m.commitments) == 1  # "urged" and "discussed" are not commitments
    assert "Otieno" in m.commitments[0].actor and m.commitments[0].deadline == "early next year"


def test_relative_date_without_published_stays_text():
    m = run(READOUT)
    assert m.setting.date is None and m.setting.date_text == "on Wednesday"


def test_full_date_is_iso_and_agency_dateline_is_only_the_filing_city():
    text = (
        "ANKARA, March 3 (Reuters) - Turkish Foreign Minister Kemal Aydinli met his Greek counterpart Nikos "
        'Papadakis on 2 March 2025 to discuss maritime boundaries. "We will meet again in Athens," Aydinli said.'
    )
    m = run(text)
    assert m.setting.date == dt.date(2025, 3, 2)
    # the agency filed from Ankara; the text never puts the meeting there, and Athens is a quoted plan
    assert m.setting.location.city is None
    assert [(p.name, p.affiliation) for p in m.participants] == [
        ("Kemal Aydinli", "Türkiye"),
        ("Nikos Papadakis", "Greece"),
    ]
    assert m.quotes[0].speaker == "Kemal Aydinli" and m.quotes[0].text == "We will meet again in Athens,".rstrip(",")


def test_scare_quotes_are_not_quotes():
    """The writer's marks around a term are no one's speech; a participant's own words are (test_extract_quotes)."""
    text = "President Ana Silva met President Tomas Berg in Oslo. The “red line” plan was not on the agenda."
    m = run(text)
    assert m.quotes == []


def test_text_without_meeting_is_empty_but_valid():
    m = run("Stock markets were steady on Tuesday. Analysts said oil demand in China remained weak.")
    assert m.participants == [] and m.setting.date is None and m.commitments == []
    Meeting.model_validate(m.model_dump())


@pytest.mark.parametrize("path", sorted(TEXTS.glob("*.json")), ids=lambda p: p.stem)
def test_synthetic_texts_participants(path: Path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    m = run(doc["text"])
    want = sorted((g["name"] or g["title"]).split()[-1] for g in doc["gold"]["participants"])
    got = sorted((p.name or p.title or "").replace(",", " ").split()[-1] for p in m.participants)
    assert got == want


def test_import_does_not_load_spacy():
    code = "import sys, briefgen.extract; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_headline_line_does_not_change_who_met_in_any_format(tmp_path):
    """The seed with a headline on top, as text, Markdown and HTML: the same people, place and speakers."""
    import html as html_lib

    from briefgen.extract import extract
    from briefgen.sources import read_source

    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    paras = [p for p in text.split("\n") if p.strip() and "Leave a Reply" not in p]
    headline = "Lavrov meets Rwandan counterpart"
    (tmp_path / "a.txt").write_text(headline + "\n\n" + "\n\n".join(paras), encoding="utf-8")
    (tmp_path / "a.md").write_text("# " + headline + "\n\n" + "\n\n".join(paras), encoding="utf-8")
    body = "".join(f"<p>{html_lib.escape(p)}</p>" for p in paras)
    (tmp_path / "a.html").write_text(
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    seen = set()
    for name in ("a.txt", "a.md", "a.html"):
        m = extract(read_source(tmp_path / name))
        seen.add(
            (
                tuple((p.name, p.affiliation) for p in m.participants),
                m.setting.location.city,
                tuple(q.speaker for q in m.quotes),
            )
        )
    assert len(seen) == 1
    people, city, _ = seen.pop()
    assert people == (("Lavrov", "Russia"), ("Nduhungirehe", "Rwanda")) and city == "Cairo"
