"""Extraction, third round: names with particles, commitment phrases, topic substance, BLUF and outlook wording."""

from __future__ import annotations

import pytest
from helpers_extract import run

from briefgen.extract.components.entities import _person_spans, common_words
from briefgen.extract.components.names import grab_name
from briefgen.extract.components.pipeline import load_pipeline
from briefgen.extract.fields.topics import clean_labels

# ---------------------------------------------------------------- 1. names with lower-case particles
PARTICLE_NAMES = [
    "Ingrid van den Bosch",
    "Marie-Claire de la Fontaine",
    "Karl-Heinz von der Heide",
    "Faisal bin Abdullah al-Rashid",
    "Joana dos Santos",
    "Luca della Rovere",
]


@pytest.mark.parametrize("name", PARTICLE_NAMES)
def test_name_rule_keeps_particles(name):
    """The rule path (BRIEFGEN_FAST_NER=1) reads the name whole, particles included."""
    doc = load_pipeline()(f"Yesterday the delegation of {name} arrived late.")
    first = next(t.i for t in doc if t.text == name.split()[0].split("-")[0])
    start, end = grab_name(doc, first)
    assert doc[start:end].text == name
    assert (start, end) in _person_spans(doc, set(), common_words(load_pipeline()))


@pytest.mark.parametrize("name", PARTICLE_NAMES[:3])
def test_participant_with_particles_is_one_person(name):
    m = run(
        f"Commission President {name} met with Prime Minister Tomas Lindqvist of Sweden in Stockholm on Tuesday. "
        f"{name.split()[-1]} said the two sides would deepen cooperation on energy security."
    )
    names = [p.name for p in m.participants]
    assert name in names
    assert len(m.participants) == 2


# ---------------------------------------------------------------- 2. commitment phrases, readiness, "agreed not to"
def test_noun_commitment_to_a_party_keeps_the_whole_phrase():
    m = run(
        "Defence Minister Lars Holm of Denmark met Defence Minister Anna Berzina of Latvia in Riga on Friday. "
        "Minister Holm renewed Denmark's steadfast commitment to Latvia under the 1949 North Atlantic Treaty."
    )
    actions = [c.action for c in m.commitments]
    assert "steadfast commitment to Latvia under the 1949 North Atlantic Treaty" in actions
    assert all(c.deadline is None for c in m.commitments)  # the treaty's year is not a deadline


def test_readiness_is_an_undertaking_of_the_subject():
    m = run(
        "Foreign Minister Hana Sato of Japan held talks with Foreign Minister Ravi Menon of India in Tokyo. "
        "Japan is willing to cooperate with India to modernise port facilities in the Bay of Bengal. "
        "India stands ready to host a joint working group on critical minerals."
    )
    got = {(c.actor, c.action) for c in m.commitments}
    assert ("Japan", "cooperate with India to modernise port facilities in the Bay of Bengal") in got
    assert ("India", "host a joint working group on critical minerals") in got


def test_agreed_not_to_keeps_the_negation():
    m = run(
        "President Omar Farah of Somalia met President Luis Ortega of Panama in New York on Monday. "
        "The two presidents agreed not to impose new visa requirements before the end of the year."
    )
    assert len(m.commitments) == 1
    assert m.commitments[0].action.startswith("not to impose new visa requirements")
    assert m.commitments[0].deadline == "before the end of the year"


# ---------------------------------------------------------------- 3. topics: substance, short, no fragments


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("“outstanding maritime cooperation” between the two navies", ["maritime cooperation"]),
        ("the deepening of defence education exchanges", ["defence education exchanges"]),
        ("progress in the digital economy", ["digital economy"]),
        ("expanding it", []),
        (
            "investment in renewable energy and critical minerals",
            ["investment in renewable energy", "critical minerals"],
        ),
        (
            "cultural ties between the American and Nigerian people",
            ["cultural ties between the American and Nigerian people"],
        ),
        ("held in Sochi in November 2024", []),
    ],
)
def test_labels_name_the_substance(raw, want):
    assert clean_labels(raw) == want


def test_topics_after_gerund_lists_reaffirmations_and_progress():
    m = run(
        "OSLO — Norwegian Foreign Minister Ingrid Solberg met Chilean Foreign Minister Pablo Rojas in "
        "Oslo on the morning of June 3.\n\nThe ministers discussed salmon exports, including through the "
        "new polar shipping route, and investment in offshore wind and copper refining. "
        "Solberg condemned the illegal trawling near Bouvet Island. Both ministers welcomed progress on "
        "the reciprocal licensing of marine engineers."
    )
    labels = [t.label for t in m.topics]
    for want in (
        "salmon exports",
        "new polar shipping route",
        "investment in offshore wind",
        "copper refining",
        "illegal trawling near Bouvet Island",
        "reciprocal licensing of marine engineers",
    ):
        assert want in labels
    assert all(len(label.split()) <= 8 and "May" not in label for label in labels)


# ---------------------------------------------------------------- 4-5. bottom line and outlook wording
BLUF_TEXT = (
    "LIMA — Peruvian Foreign Minister Rosa Quispe received Korean Foreign Minister Park Min-ho in Lima on Monday "
    "on the sidelines of the Pacific Alliance Summit.\n\n"
    "The two ministers agreed to sign a critical minerals partnership before the end of the year. "
    "She said the visit offered a chance to assess the “very productive energy dialogue” between the two "
    "governments and to look for ways of broadening it."
)


def test_bluf_lines_read_as_a_bottom_line():
    lines = run(BLUF_TEXT).summary.lines
    assert len(lines) <= 4
    assert lines[0].startswith("Foreign Minister Rosa Quispe (Peru) met Foreign Minister Park Min-ho")
    assert "Lima" in lines[0] and "Pacific Alliance Summit" in lines[0]
    assert any("critical minerals partnership" in line and "before the end of the year" in line for line in lines)
    assert not any(line.split()[0].lower() in {"he", "she", "they", "it"} for line in lines)


def test_outlook_keeps_the_forward_clause_and_the_whole_sentence_as_evidence():
    m = run(BLUF_TEXT)
    texts = [o.text for o in m.outlook]
    assert "look for ways of broadening energy dialogue" in texts
    item = m.outlook[texts.index("look for ways of broadening energy dialogue")]
    assert item.evidence[0].text.startswith("She said the visit offered")
