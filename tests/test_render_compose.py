"""What the built-in templates compose from the model: the BLUF, short headings, talking points.

Checked on the real extracted seed (whatever today's extractor finds) and on the hand-written
seed model, so the templates are held to what a principal can read, not to one model's wording.
"""

from __future__ import annotations

import io
import re

import pytest
from helpers_render import extract_seed, load_fixture_seed
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefgen.config import MemoSettings
from briefgen.model import Commitment, Evidence, Meeting, OutlookItem, Person, Quote, Summary, Topic
from briefgen.render import render_markdown, render_pdf
from briefgen.render.context import build_context
from briefgen.render.wording import presentation, pronoun_led, short_label

SETTINGS = MemoSettings(to="The Secretary", **{"from": "Africa Desk"}, classification="UNCLASSIFIED")
TALKING = SETTINGS.model_copy(update={"template": "talking-points"})
PRONOUNS = presentation()["pronouns"]


@pytest.fixture(scope="module")
def extracted() -> Meeting:
    return extract_seed()


@pytest.fixture(scope="module")
def fixture_seed() -> Meeting:
    return load_fixture_seed()


def section(markdown: str, heading: str) -> str:
    """The Markdown between '# heading' and the next top-level heading."""
    start = markdown.index(f"\n# {heading}\n")
    end = markdown.find("\n# ", start + 3)
    return markdown[start : end if end != -1 else None]


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def bluf_lines(markdown: str) -> list[str]:
    box = markdown[markdown.index("::: bluf") : markdown.index("\n:::", markdown.index("::: bluf") + 5)]
    return [unescape(re.sub(r"\[\^s\d+\]", "", line[2:])) for line in box.splitlines() if line.startswith("- ")]


def starts_with_pronoun(line: str) -> bool:
    body = re.sub(r"^[\w’' -]{1,30}:\s+", "", line)
    return body.split()[0].strip("“”\"',.").casefold() in PRONOUNS


# --------------------------------------------------------------------------- BLUF


@pytest.mark.parametrize("which", ["extracted", "fixture_seed"])
@pytest.mark.parametrize("template", ["memo", "one-pager"])
def test_bluf_lines_never_start_with_a_pronoun(which, template, request):
    meeting = request.getfixturevalue(which)
    lines = bluf_lines(render_markdown(meeting, SETTINGS.model_copy(update={"template": template})))
    assert 2 <= len(lines) <= 4, lines
    assert not [line for line in lines if starts_with_pronoun(line)], lines
    assert not any(line.rstrip(".").endswith("…") and line.startswith("Main topics") for line in lines)


def test_seed_bluf_composes_topics_commitment_and_next_from_the_model(extracted):
    lines = bluf_lines(render_markdown(extracted, SETTINGS))
    assert "Lavrov" in lines[0] and "Nduhungirehe" in lines[0] and "Cairo" in lines[0]
    topics = next(line for line in lines if line.startswith("Main topics: "))
    labels = topics.removeprefix("Main topics: ").rstrip(".").split("; ")
    assert 2 <= len(labels) <= 4
    model_labels = [t.label for t in extracted.topics]
    assert all(any(label in full for full in model_labels) for label in labels), "labels come from the model"
    # the key commitment: the model's own outcome line when it is good, else a composed one
    commitment = next(line for line in lines if line.startswith(("Key commitment: ", "Outcome: ")))
    assert "Rwanda" in commitment and "establish a nuclear research centre" in commitment and "2030" in commitment


def test_good_model_lines_are_kept_weak_ones_replaced():
    ev = Evidence(start=0, end=40, text="Ana Diaz met Bo Li in Lima on trade talks.")
    people = [
        Person(name="Ana Diaz", title="foreign minister", affiliation="Chile", evidence=[ev]),
        Person(name="Bo Li", title="minister", affiliation="China", evidence=[ev]),
    ]
    commitment = Commitment(actor="Chile", action="open a trade office", deadline="in 2026", evidence=[ev])
    good = ["Ana Diaz (Chile) met Bo Li (China) in Lima.", "Both sides agreed to expand copper trade."]
    weak = ["Topics: trade; copper; the…", "Next: They will meet again."]
    meeting = Meeting(
        participants=people,
        topics=[
            Topic(label="copper trade", category="trade and investment", evidence=[ev]),
            Topic(label="port access", category="transport", evidence=[ev]),
        ],
        commitments=[commitment],
        outlook=[OutlookItem(text="He said more talks would follow.", evidence=[ev])],
        summary=Summary(lines=good + weak),
    )
    lines = [line["text"] for line in build_context(meeting, SETTINGS)["meeting"]["bluf"]]
    assert lines[:2] == good, "the model's good lines, in its order"
    assert lines[2:] == [
        "Main topics: copper trade; port access.",
        "Key commitment: Chile to open a trade office (in 2026).",
    ]
    assert not any(line.startswith("Next") for line in lines), "a pronoun-led outlook item is no next step"


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(st.text(min_size=1, max_size=80), max_size=4),
    outlook=st.lists(st.text(min_size=1, max_size=60).filter(str.strip), max_size=3),
    labels=st.lists(st.text(min_size=1, max_size=60).filter(str.strip), max_size=5),
)
def test_bluf_at_most_four_lines_none_pronoun_led(lines, outlook, labels):
    meeting = Meeting(
        participants=[Person(name="Ana Diaz", affiliation="Chile")],
        topics=[Topic(label=label) for label in labels],
        outlook=[OutlookItem(text=text) for text in outlook],
        summary=Summary(lines=lines),
    )
    bluf = build_context(meeting, SETTINGS)["meeting"]["bluf"]
    assert len(bluf) <= 4
    assert not [line["text"] for line in bluf if pronoun_led(line["text"])]


# --------------------------------------------------------------------------- headings and key points


HEADINGS = [
    ("severe fiscal pressures facing Peru in light of the drought", "severe fiscal pressures facing Peru"),
    ("“excellent cooperation” between the two countries", "excellent cooperation between the two countries"),
    ("their shared resolve to act", "shared resolve to act"),
    ("deep concerns regarding Russia’s deployments in and near", "deep concerns regarding Russia’s deployments"),
    ("security situation in eastern Democratic Republic of Congo (DRC)", None),  # a name is not cut
    ("nuclear energy cooperation", None),
]


@pytest.mark.parametrize(("label", "heading"), HEADINGS)
def test_short_headings_only_cut_words(label, heading):
    heading = heading or label
    assert short_label(label) == heading
    assert set(heading.split()) <= set(label.replace("“", "").replace("”", "").split())


def test_a_sentence_several_topics_rest_on_is_shown_once():
    sentence = "The ministers reviewed cooperation and ways of expanding it further."
    ev = Evidence(start=0, end=len(sentence), text=sentence)
    meeting = Meeting(
        topics=[
            Topic(label="cooperation", category="bilateral relations", points=[sentence], evidence=[ev]),
            Topic(label="expanding it", category="bilateral relations", points=[sentence], evidence=[ev]),
        ]
    )
    key_points = section(render_markdown(meeting, SETTINGS), "Key points by topic")
    assert unescape(key_points).count(sentence) == 1
    assert "- **Expanding it** (bilateral relations)[^s1]" in key_points, "cited by number only"


# --------------------------------------------------------------------------- talking points


@pytest.mark.parametrize("which", ["extracted", "fixture_seed"])
def test_talking_points_are_a_read_ahead_not_raw_sentences(which, request):
    meeting = request.getfixturevalue(which)
    markdown = render_markdown(meeting, TALKING)
    for heading in ("Objectives", "Points to make", "What they said last time", "Anticipate"):
        assert f"\n# {heading}\n" in markdown
    points = section(markdown, "Points to make")
    topics = re.split(r"\n## ", points)[1:]
    assert len(topics) >= 3
    recalls = 0
    for topic in topics:
        bullets = [line for line in topic.splitlines() if line.startswith("- ")]
        assert bullets, topic
        assert sum("Recall" in b for b in bullets) <= 1, topic
        recalls += sum("Recall from the last meeting" in b for b in bullets)
    assert recalls < len(topics), "some points are built from positions, not recalled sentences"
    assert "committed to" in points, "a commitment made a point"
    objectives = unescape(section(markdown, "Objectives"))
    assert re.search(r"Follow up on the commitment: Rwanda to establish a nuclear research centre.*2030", objectives)
    assert "(deadline: by 2030)" in objectives
    assert objectives.count("Follow up on the commitment") == min(6, len(meeting.commitments))
    said = unescape(section(markdown, "What they said last time"))
    for q in meeting.quotes[:5]:
        assert f"{q.speaker}:** “{q.text}”" in said
    assert "Nduhungirehe, Minister" in markdown or "Nduhungirehe, Foreign Minister" in markdown, "counterpart title"


def test_talking_points_invent_nothing_for_an_empty_meeting():
    markdown = render_markdown(Meeting(), TALKING)
    for heading in ("Objectives", "Points to make", "Anticipate"):
        assert "Not stated in the source" in section(markdown, heading), heading
    assert "No direct quotations in the source." in markdown


def test_talking_points_fit_two_pages_for_the_seed(extracted):
    assert len(PdfReader(io.BytesIO(render_pdf(extracted, TALKING))).pages) <= 2


def test_talking_points_quote_position_names_its_speaker():
    sentence = "“We will open the border crossing this spring,” Diaz said."
    ev = Evidence(start=0, end=len(sentence), text=sentence)
    meeting = Meeting(
        participants=[Person(name="Bo Li", affiliation="China"), Person(name="Ana Diaz", affiliation="Chile")],
        topics=[Topic(label="border crossing", points=[sentence], evidence=[ev])],
        quotes=[Quote(speaker="Ana Diaz", text="We will open the border crossing this spring", evidence=[ev])],
    )
    points = unescape(section(render_markdown(meeting, TALKING), "Points to make"))
    assert "On border crossing, recall what Ana Diaz said: “We will open the border crossing this spring”" in points
    assert "Recall from the last meeting" not in points
