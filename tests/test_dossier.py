"""The relationship dossier: five meetings between Portugal and Mozambique, and one other.

The texts (tests/fixtures/dossier/) were written for these tests: commitments are made,
restated, reported done, left overdue. Exact checks use their hand-made models
(helpers_series); the run on the texts asserts only what does not depend on extraction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from helpers_cli import assert_clean_failure, docx_text, pdf_text, run_cli
from helpers_series import FIXTURES, SERIES, series_meeting, write_models

from briefgen.dossier import build_dossier
from briefgen.dossier.deadlines import resolve_deadline
from briefgen.dossier.tracker import reports_done
from briefgen.errors import DossierError
from briefgen.model import Dossier

PAIR = [n for n in SERIES if not n.startswith("other")]


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    names = list(reversed(SERIES))  # input order must not matter
    return build_dossier([series_meeting(n) for n in names], names)


def _row(d: Dossier, words: str):
    return next(c for c in d.commitments if words in c.action)


def test_default_parties_and_meetings_in_date_order(dossier: Dossier) -> None:
    assert dossier.parties == ["Mozambique", "Portugal"]
    assert [m.input for m in dossier.meetings] == PAIR  # the Brasília meeting is left out
    assert [m.id for m in dossier.meetings] == ["M1", "M2", "M3", "M4", "M5"]
    assert dossier.as_of == dt.date(2026, 4, 2)


def test_tracker_statuses_come_from_the_texts(dossier: Dossier) -> None:
    centre = _row(dossier, "vocational training centre")
    assert (centre.first_made, centre.restated_at, centre.reported_done_at) == ("M1", ["M2"], "M3")
    assert centre.status == "reported done"
    assert "opened in January 2025" in centre.evidence[-1].evidence.text
    memo = _row(dossier, "maritime security memorandum")
    assert (memo.status, memo.reported_done_at) == ("reported done", "M2")
    flood = _row(dossier, "flood recovery")
    assert (flood.first_made, flood.restated_at, flood.status) == ("M2", ["M3"], "overdue")
    assert flood.deadline == "by March 2025" and flood.deadline_date == dt.date(2025, 3, 31)
    assert _row(dossier, "annual political consultations").restated_at == ["M4", "M5"]
    assert _row(dossier, "annual political consultations").status == "restated"
    assert _row(dossier, "business forum").status == "due"
    assert _row(dossier, "trade mission").status == "no deadline"
    assert len(dossier.commitments) == 6
    assert all(row.evidence for row in dossier.commitments)


def test_as_of_changes_due_and_overdue() -> None:
    names = PAIR
    early = build_dossier([series_meeting(n) for n in names], names, ["Portugal", "Mozambique"], dt.date(2025, 1, 1))
    assert _row(early, "flood recovery").status == "due"
    assert early.parties == ["Portugal", "Mozambique"]
    # Reported done only at M3 (May 2025): as of 1 January 2025 the centre was overdue.
    assert _row(early, "vocational training centre").status == "overdue"
    assert _row(early, "vocational training centre").reported_done_at == "M3"  # what the texts say stays


def test_timeline_topics_quotes_and_people(dossier: Dossier) -> None:
    kinds = [(e.kind, e.meeting, e.date_text if e.kind == "background" else str(e.date)) for e in dossier.timeline]
    assert kinds == [
        ("background", "M1", "May 2019"),  # mentioned in M1 and M4: one entry
        ("meeting", "M1", "2024-02-10"),
        ("background", "M2", "June 2024"),
        ("meeting", "M2", "2024-09-18"),
        ("meeting", "M3", "2025-05-06"),
        ("meeting", "M4", "2025-11-20"),
        ("meeting", "M5", "2026-04-02"),
    ]
    m2 = dossier.timeline[3]
    assert m2.place == "Lisbon, Portugal" and "Amélia Nhantumbo (Foreign Minister, Mozambique)" in m2.participants
    topics = {t.label: (len(t.meetings), t.first_raised, t.last_raised) for t in dossier.topics}
    assert topics["maritime security"] == (3, "M1", "M4") and topics["flood recovery"] == (3, "M2", "M5")
    quotes = {q.speaker: [x.meeting for x in q.quotes] for q in dossier.quotes}
    assert quotes == {"Rui Carvalho": ["M1", "M4"], "Amélia Nhantumbo": ["M2", "M5"]}
    titles = {p.name: [(t.title, t.first, t.last) for t in p.titles] for p in dossier.people}
    assert titles["Amélia Nhantumbo"] == [("Foreign Minister", "M1", "M3"), ("Prime Minister", "M4", "M5")]
    assert titles["Rui Carvalho"][1] == ("Minister of State and Foreign Affairs", "M4", "M5")


def test_two_accounts_of_one_meeting_become_one_timeline_entry() -> None:
    names = [*PAIR, "m1_mozambique_readout.txt"]
    d = build_dossier([series_meeting(n) for n in names], names)
    assert len(d.meetings) == 5
    first = d.meetings[0]
    assert [s.path for s in first.sources] == ["m1_maputo_2024.txt", "m1_mozambique_readout.txt"]
    assert first.input == "m1_maputo_2024.txt + m1_mozambique_readout.txt"
    centre = _row(d, "vocational training centre")
    assert (centre.first_made, centre.restated_at, centre.status) == ("M1", ["M2"], "reported done")
    assert {c.evidence.source for c in centre.evidence if c.meeting == "M1"} == {"A", "B"}


def test_no_meeting_between_the_parties_is_an_error() -> None:
    with pytest.raises(DossierError, match="no meeting between these parties"):
        build_dossier([series_meeting(PAIR[0])], ["m1"], ["Portugal", "Japan"])


@pytest.mark.parametrize(
    ("text", "meeting", "expected"),
    [
        ("by the end of 2024", None, dt.date(2024, 12, 31)),
        ("within six months", dt.date(2024, 2, 10), dt.date(2024, 8, 10)),
        ("within six months", None, None),
        ("by mid-2027", None, dt.date(2027, 6, 30)),
        ("before the end of the year", dt.date(2025, 5, 1), dt.date(2025, 12, 31)),
        ("by 15 June 2025", None, dt.date(2025, 6, 15)),
        ("soon", dt.date(2025, 5, 1), None),
    ],
)
def test_deadlines_are_dated_only_as_far_as_their_words_go(text, meeting, expected) -> None:
    assert resolve_deadline(text, meeting) == expected


def test_done_needs_a_completion_word_and_nothing_future_or_negated() -> None:
    assert reports_done("The embassy in Kigali opened in March.")
    assert not reports_done("Norway reaffirmed that it would open the embassy.")
    assert not reports_done("The treaty has not yet been signed.")


def test_cli_dossier_writes_docx_pdf_and_yaml(tmp_path: Path) -> None:
    write_models(tmp_path / "models", {n: series_meeting(n) for n in SERIES})
    result = run_cli("dossier", "models", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    stem = tmp_path / "out" / "dossier-mozambique-portugal"
    data = yaml.safe_load(stem.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert [c["status"] for c in data["commitments"]] == [
        "reported done",
        "reported done",
        "restated",
        "overdue",
        "due",
        "no deadline",
    ]
    for text in (docx_text(stem.with_suffix(".docx")), pdf_text(stem.with_suffix(".pdf"))):
        flat = " ".join(text.split())
        assert "5 meetings between Mozambique and Portugal" in flat
        assert "1 overdue, 1 due, 1 restated, 1 no deadline, 2 reported done" in flat
        assert "First meeting of the two ministers, Lisbon (mentioned in M1)" in flat
        assert "M3: The vocational training centre in Beira opened in January 2025" in flat  # cited
        assert "Foreign Minister (M1–M3); Prime Minister (M4–M5)" in flat
        assert "Brasília" not in flat
    for suffix in (".docx", ".pdf", ".yaml"):  # a dossier in the folder read is not a meeting
        (tmp_path / "models" / stem.name).with_suffix(suffix).write_bytes(stem.with_suffix(suffix).read_bytes())
    again = run_cli("dossier", "models", "-o", "out2", cwd=tmp_path)
    assert again.returncode == 0
    for suffix in (".docx", ".pdf", ".yaml"):
        assert (tmp_path / "out2" / stem.name).with_suffix(suffix).read_bytes() == stem.with_suffix(suffix).read_bytes()

    none = run_cli("dossier", "models", "--parties", "Portugal", "Japan", "-o", "out3", cwd=tmp_path)
    line = assert_clean_failure(none, "Portugal and Japan")
    assert "no meeting between these parties among the 6 inputs" in line
    assert len(none.stderr.splitlines()) == 1 and not (tmp_path / "out3").exists()


def test_cli_dossier_template_can_be_overridden(tmp_path: Path) -> None:
    write_models(tmp_path / "models", {n: series_meeting(n) for n in PAIR[:2]})
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "dossier.md.j2").write_text(
        "# Our own dossier\n\n{% for c in dossier.commitments %}- {{ c.action }}: {{ c.status }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    result = run_cli(
        "dossier", "models", "--parties", "Portugal", "Mozambique", "--template-dir", "tpl", "-o", "out", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = docx_text(tmp_path / "out" / "dossier-portugal-mozambique.docx")
    assert "Our own dossier" in text and "sign the maritime security memorandum: reported done" in text
    listed = run_cli("templates", cwd=tmp_path)
    assert b"dossier " in listed.stdout and b"memo " in listed.stdout


def test_cli_dossier_from_the_texts(tmp_path: Path) -> None:
    """From the texts themselves (extraction may change): only what any extraction gives."""
    texts = [str(FIXTURES / "dossier" / n) for n in PAIR]
    result = run_cli("dossier", *texts, "--parties", "Portugal", "Mozambique", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((tmp_path / "out" / "dossier-portugal-mozambique.yaml").read_text(encoding="utf-8"))
    assert data["meetings"] and data["parties"] == ["Portugal", "Mozambique"]
    dates = [m["date"] for m in data["meetings"] if m["date"]]
    assert dates == sorted(dates)
    assert "Relationship Dossier" in pdf_text(tmp_path / "out" / "dossier-portugal-mozambique.pdf")


def test_pdf_written_beside_the_docx_is_the_same_pdf(dossier: Dossier) -> None:
    """Long dossiers write the PDF in a second process: same bytes as writing it here."""
    from briefgen.config import MemoSettings
    from briefgen.dossier.context import build_context
    from briefgen.render import render_context_files
    from briefgen.render.determinism import timestamp_for

    settings = MemoSettings(template="dossier")
    context = build_context(dossier, settings)
    when = timestamp_for(dossier.as_of)
    extra = {".yaml": b"model"}
    forked = render_context_files(context, settings, when, parallel=True, alongside=lambda: extra)
    here = render_context_files(context, settings, when, parallel=False, alongside=lambda: extra)
    assert forked == here and forked[".yaml"] == b"model"
    assert "Commitment tracker" in pdf_text(forked[".pdf"])


def test_seed_background_engagements_are_marked_background() -> None:
    from briefgen.modelfile import load_meeting

    seed = load_meeting(FIXTURES / "meetings" / "seed_000.yaml")
    d = build_dossier([seed], ["seed_000.yaml"], ["Russia", "Rwanda"])
    entries = [(e.kind, e.date_text, e.outcome) for e in d.timeline]
    assert entries[:2] == [
        ("background", "July 2023", "Second Russia–Africa Summit, St. Petersburg"),
        ("background", "November 2024", "First ministerial conference of the Russia–Africa Partnership Forum, Sochi"),
    ]
    assert entries[2][0] == "meeting" and d.timeline[2].place == "Cairo, Egypt"
