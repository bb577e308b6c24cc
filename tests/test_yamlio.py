"""Data files are word lists: bare YAML 1.1 booleans such as `on` or `no` stay words."""

from __future__ import annotations

from briefgen.yamlio import load_data_yaml


def test_bare_english_words_stay_strings() -> None:
    assert load_data_yaml("next: [to, on, that, no, yes, off, y, n]\n") == {
        "next": ["to", "on", "that", "no", "yes", "off", "y", "n"]
    }


def test_true_and_false_are_still_booleans_and_numbers_numbers() -> None:
    assert load_data_yaml("a: true\nb: False\nc: 300\nd: 0.5\n") == {"a": True, "b": False, "c": 300, "d": 0.5}
