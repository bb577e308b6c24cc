"""Shared helpers for the render tests: the two seed meetings they are checked on.

The real extracted seed holds the templates to whatever today's extractor finds; the
hand-written fixture holds them to a known, complete model. Both are loaded once per module
by thin fixtures in each test file.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.model import Meeting
from briefgen.modelfile import load_meeting

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "meetings"


def extract_seed() -> Meeting:
    """Seed 000 through today's extractor (loads spaCy: call it from a module-scoped fixture)."""
    from briefgen.extract import extract
    from briefgen.sources import read_source

    (seed,) = sorted((ROOT / "seeds").glob("000_*.txt"))
    return extract(read_source(seed))


def load_fixture_seed() -> Meeting:
    """The hand-written model of seed 000."""
    return load_meeting(FIXTURES / "seed_000.yaml")
