"""Memo settings: briefgen.toml in the working directory, options win, errors name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import CONFIG_NAME, resolve_settings
from briefgen.errors import ConfigError


def test_toml_values_are_used_and_options_win(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).write_text(
        'to = "The Secretary"\nfrom = "Policy Planning"\nclassification = "UNCLASSIFIED"\n', encoding="utf-8"
    )
    settings = resolve_settings(tmp_path, to="The Deputy Secretary", from_=None)
    assert settings.to == "The Deputy Secretary"
    assert settings.from_ == "Policy Planning"
    assert settings.classification == "UNCLASSIFIED"


def test_no_config_file_gives_defaults(tmp_path: Path) -> None:
    settings = resolve_settings(tmp_path)
    assert settings.to is None and settings.classification is None
    assert settings.template == "memo"


def test_relative_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).write_text('theme = "look/theme.toml"\n', encoding="utf-8")
    settings = resolve_settings(tmp_path)
    assert settings.theme == (tmp_path / "look" / "theme.toml").resolve()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("to = [unclosed\n", ["invalid TOML"]),
        ('colour = "red"\n', ["colour", "unknown setting"]),
        ("to = 5\n", ["to"]),
        (b"to = '\xff'\n", ["invalid TOML"]),
    ],
)
def test_bad_config_is_an_error_naming_the_file(tmp_path: Path, content: str | bytes, words: list[str]) -> None:
    path = tmp_path / CONFIG_NAME
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        resolve_settings(tmp_path)
    message = str(info.value)
    assert CONFIG_NAME in message and "\n" not in message
    for word in words:
        assert word in message


def test_fingerprint_follows_settings_and_the_files_they_name(tmp_path: Path) -> None:
    from briefgen.render import settings_fingerprint

    theme = tmp_path / "theme.yaml"
    theme.write_text("sizes: {body: 10}\n", encoding="utf-8")
    before = settings_fingerprint(resolve_settings(tmp_path, theme=theme))
    assert before == settings_fingerprint(resolve_settings(tmp_path, theme=theme))
    assert before != settings_fingerprint(resolve_settings(tmp_path, theme=theme, classification="SECRET"))
    theme.write_text("sizes: {body: 11}\n", encoding="utf-8")
    assert before != settings_fingerprint(resolve_settings(tmp_path, theme=theme))
