"""Front matter, sidecar files and boilerplate removal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sources_fixtures as fx

from briefgen.errors import SourceError
from briefgen.sources import read_source
from briefgen.sources.boilerplate import is_boilerplate, remove_boilerplate

BODY = "The ministers met in Cairo on Wednesday.\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- front matter


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_front_matter(tmp_path: Path, suffix: str) -> None:
    text = (
        "---\ntitle: Talks in Cairo\npublished: 2025-12-20\nurl: https://example.org/a\nauthor: [A. One, B. Two]\n---\n"
    )
    source = read_source(write(tmp_path, f"a{suffix}", text + BODY))
    assert source.text == BODY.strip()
    info = source.info
    assert (info.title, info.published, info.url, info.author) == (
        "Talks in Cairo",
        dt.date(2025, 12, 20),
        "https://example.org/a",
        "A. One, B. Two",
    )


def test_front_matter_of_site_generators(tmp_path: Path) -> None:
    """Jekyll and Hugo keys are ignored; `date` (a timestamp) is the published date; CRLF works."""
    text = "---\r\nlayout: post\r\ntags: [diplomacy]\r\ndate: 2025-03-04 10:00:00 +01:00\r\n---\r\n" + BODY
    source = read_source(write(tmp_path, "post.md", text))
    assert source.info.published == dt.date(2025, 3, 4)
    assert source.text == BODY.strip()


def test_rules_around_prose_are_not_front_matter(tmp_path: Path) -> None:
    text = "---\nNote: the ministers met twice.\n---\n" + BODY
    source = read_source(write(tmp_path, "rules.txt", text))
    assert "Note: the ministers met twice." in source.text
    assert source.info.title is None


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("title: [unclosed\n", r"front matter: invalid YAML \(line \d+\)"),
        ("title: &t Talks\nauthor: *t\n", "aliases are not allowed"),
        ("published: someday\n", "published must be a date"),
        ("title: {a: 1}\n", "title must be text"),
    ],
)
def test_bad_front_matter_is_an_error_naming_the_file(tmp_path: Path, front: str, problem: str) -> None:
    with pytest.raises(SourceError, match=rf"bad\.md: .*{problem}"):
        read_source(write(tmp_path, "bad.md", f"---\n{front}---\n{BODY}"))


def test_billion_laughs_in_front_matter_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    with pytest.raises(SourceError, match="aliases are not allowed"):
        read_source(write(tmp_path, "bomb.md", "---\ntitle: x\n" + "\n".join(lines) + "\n---\n" + BODY))


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "h.md", "# Talks in *Cairo*\n\n## Background\n\n" + BODY))
    assert source.info.title == "Talks in Cairo"
    assert source.text == "Background\n" + BODY.strip()


def test_markdown_structure_becomes_lines(tmp_path: Path) -> None:
    md = "Intro with a [link](https://x.org) and **bold**.\n\n- first item\n- second\n\n"
    md += "| a | b |\n|---|---|\n| 1 | 2 |\n"
    md += "\n> quoted line\n\n![a picture](p.png)\n"
    source = read_source(write(tmp_path, "s.md", md))
    assert source.text == "Intro with a link and bold.\nfirst item\nsecond\na | b\n1 | 2\nquoted line"


# --------------------------------------------------------------------------- sidecar


def test_sidecar_overrides_the_source(tmp_path: Path) -> None:
    write(tmp_path, "a.meta.yaml", "title: From the sidecar\npublished: 2024-06-01\n")
    text = "---\ntitle: From front matter\nurl: https://example.org/a\n---\n" + BODY
    info = read_source(write(tmp_path, "a.md", text)).info
    assert info.title == "From the sidecar"
    assert info.published == dt.date(2024, 6, 1)
    assert info.url == "https://example.org/a"  # not overridden: kept


def test_sidecar_for_every_format(tmp_path: Path) -> None:
    (tmp_path / "seed.docx").write_bytes(fx.docx_variant())
    write(tmp_path, "seed.meta.yaml", f"url: {fx.URL}\nauthor: Desk Officer\n")
    info = read_source(tmp_path / "seed.docx").info
    assert (info.url, info.author, info.title) == (fx.URL, "Desk Officer", fx.TITLE)


def test_published_argument_beats_the_sidecar(tmp_path: Path) -> None:
    write(tmp_path, "a.meta.yaml", "published: 2024-06-01\n")
    given = dt.date(2020, 1, 1)
    assert read_source(write(tmp_path, "a.txt", BODY), published=given).info.published == given


@pytest.mark.parametrize(
    ("sidecar", "problem"),
    [
        ("titel: typo\n", r"unknown key\(s\) titel; allowed: title, published, url, author"),
        ("title: [x\n", "invalid YAML"),
        ("- a list\n", "must be a mapping"),
        ("published: 2024-13-45\n", "published must be a date as YYYY-MM-DD"),
        ("title: &x T\nauthor: *x\n", "aliases are not allowed"),
    ],
)
def test_bad_sidecar_is_an_error_naming_the_sidecar(tmp_path: Path, sidecar: str, problem: str) -> None:
    write(tmp_path, "a.meta.yaml", sidecar)
    with pytest.raises(SourceError, match=rf"a\.meta\.yaml: .*{problem}"):
        read_source(write(tmp_path, "a.txt", BODY))


def test_empty_sidecar_is_fine(tmp_path: Path) -> None:
    write(tmp_path, "a.meta.yaml", "# nothing yet\n")
    assert read_source(write(tmp_path, "a.txt", BODY)).info.title is None


# --------------------------------------------------------------------------- boilerplate

FURNITURE = [
    "Leave a Reply",
    "Leave a Reply Cancel reply",
    "Share this:",
    "• Share on Facebook",
    "Click to share on Twitter (Opens in new window)",
    "Related posts",
    "Related Articles:",
    "We use cookies to ensure that we give you the best experience on our website.",
    "Accept all cookies",
    "Sign up for our newsletter to get the latest news.",
    "Subscribe to our newsletter",
    "© 2025 Example News. All rights reserved.",
    "All rights reserved",
    "Copyright 2024 Example Media Group",
    "Your email address will not be published. Required fields are marked *",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Like this:",
    "Tags: diplomacy, Rwanda, Russia",
    "Facebook Twitter LinkedIn Email",
    "Advertisement",
]

ARTICLE_LINES = [
    "The ministers agreed to share this information with the African Union.",
    "Lavrov said the two sides would leave a reply to the proposal for later.",
    "Related talks are planned for next year in Kigali.",
    "All rights reserved by the treaty remain in force, the minister said.",
    "Copyright law and intellectual property were also discussed.",
    "The site uses cookies, the embassy's press office confirmed, when asked about data.",
    "Subscribers to the agreement include twelve African states.",
    "Comments made by the minister drew criticism.",
    "“We will share this with our partners,” he said.",
    "2030",  # a year on its own line in a text file is not a page number
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_removed(line: str) -> None:
    assert is_boilerplate(line), line


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_sentences_are_kept(line: str) -> None:
    assert not is_boilerplate(line), line


def test_page_numbers_only_in_paged_formats() -> None:
    assert is_boilerplate("Page 3 of 7", "pdf") and is_boilerplate("12", "docx")
    assert not is_boilerplate("Page 3 of 7", "txt")


def test_removed_lines_are_recorded_in_order() -> None:
    text, removed = remove_boilerplate("Share this:\nThe ministers met.\n\n\n\nLeave a Reply\nThey agreed.")
    assert text == "The ministers met.\n\nThey agreed."
    assert removed == ["Share this:", "Leave a Reply"]


def test_seed_loses_leave_a_reply_and_nothing_else() -> None:
    source = read_source(fx.SEED)
    assert source.info.removed == ["Leave a Reply"]
    assert source.text.split("\n") == fx.seed_paragraphs()
