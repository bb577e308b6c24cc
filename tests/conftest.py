"""Fixtures shared by the test modules (helpers that are plain functions stay in helpers_*.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers_cli import run_cli, sample_meeting, write_model

from briefgen.model import Meeting


@pytest.fixture
def meeting() -> Meeting:
    """A small valid meeting with evidence; rendering it needs no spaCy."""
    return sample_meeting()


@pytest.fixture
def model_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a model file into tmp_path: model_file("name.yaml", meeting=None) -> path."""

    def write(name: str = "meeting.yaml", meeting: Meeting | None = None) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_model(path, meeting)

    return write


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., object]:
    """Run `briefgen ARGS` in tmp_path: cli("build", "x.yaml", env={...})."""

    def run(*args: str, **kwargs):  # noqa: ANN202 - a CompletedProcess
        return run_cli(*args, cwd=tmp_path, **kwargs)

    return run
