"""Extraction, third round: names with particles, commitment phrases, topic substance, BLUF and outlook wording."""

from __future__ import annotations

import pytest

from briefgen.extract import extract
from briefgen.extract.entities import _person_spans
from briefgen.extract.people import grab_name
from briefgen.extract.pipeline import load_pipeline
from briefgen.model import Meeting, Source, SourceInfo


def run(text: str) -> Meeting:
    return extract(Source(text=text, info=SourceInfo(path="t.txt")))


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
    assert (start, end) in _person_spans(doc, set())


@pytest.mark.parametrize("name", PARTICLE_NAMES[:3])
def test_participant_with_particles_is_one_person(name):
    m = run(
        f"Commission President {name} met with Prime Minister Tomas Lindqvist of Sweden in Stockholm on Tuesday. "
        f"{name.split()[-1]} said the two sides would deepen cooperation on energy security."
    )
    names = [p.name for p in m.participants]
    assert name in names
    assert len(m.participants) == 2
