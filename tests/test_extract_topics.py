"""Topics, the bottom line and the outlook."""

from __future__ import annotations

import pytest
from helpers_extract import run

from briefgen.extract.fields.topics import clean_labels

BLUF_TEXT = (
    "LIMA — Peruvian Foreign Minister Rosa Quispe received Korean Foreign Minister Park Min-ho in Lima on Monday "
    "on the sidelines of the Pacific Alliance Summit.\n\n"
    "The two ministers agreed to sign a critical minerals partnership before the end of the year. "
    "She said the visit offered a chance to assess the “very productive energy dialogue” between the two "
    "governments and to look for ways of broadening it."
)


def test_topics_are_list_items_never_dates_or_places():
    m = run(
        "On May 21, Foreign Minister Ana Ribeiro met Foreign Minister Pablo Sosa of Uruguay in Ankara. "
        "The two ministers discussed trade in critical minerals, green hydrogen, reform of the multilateral "
        "development banks and the situation in Sudan. They also touched upon debt relief and biodiversity finance."
    )
    labels = [t.label for t in m.topics]
    assert not {"May 21", "Ankara", "Uruguay"} & set(labels)
    for expected in ("trade in critical minerals", "green hydrogen", "situation in Sudan", "biodiversity finance"):
        assert any(expected in label for label in labels), (expected, labels)
    assert all(t.category for t in m.topics if "hydrogen" in t.label)


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
            "trade links between the Chilean and Peruvian peoples",
            ["trade links between the Chilean and Peruvian peoples"],
        ),
        ("held in Sochi in November 2024", []),
        ("bilateral relations in Trondheim", ["bilateral relations"]),
        ("current issues at the Rosenau Palace", ["current issues"]),
        ("maritime security in the Celtic Sea", ["maritime security in the Celtic Sea"]),
        ("the motto of the summit on ‘Blue", ["motto of the summit"]),
        ("priority goals including: Peace and Security", ["Peace and Security"]),
        ("the situation in Sudan", ["situation in Sudan"]),
    ],
)
def test_labels_name_the_substance(raw, want):
    assert clean_labels(raw) == want


def test_venues_cities_and_programme_events_are_not_topics():
    m = run(
        "Prime Minister Ivo Kask of Estonia held talks with Prime Minister Ana Lind of Sweden in Trondheim on "
        "Monday. They discussed the joint press conference, the Grand Harbour Hotel and fisheries quotas."
    )
    assert [t.label for t in m.topics] == ["fisheries quotas"]


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


def test_bluf_lines_read_as_a_bottom_line():
    """The bottom line is composed by the memo (one owner: render) from what extraction found."""
    from briefgen.config import MemoSettings
    from briefgen.render import render_markdown

    markdown = render_markdown(run(BLUF_TEXT), MemoSettings())
    box = markdown[markdown.index("::: bluf") : markdown.index("\n:::", markdown.index("::: bluf") + 5)]
    lines = [ln[2:].replace("\\", "").strip() for ln in box.splitlines() if ln.startswith("- ")]
    assert 1 <= len(lines) <= 4
    assert "Rosa Quispe" in lines[0] and "Park Min-ho" in lines[0] and "Lima" in lines[0]
    assert any("critical minerals partnership" in line for line in lines)
    assert not any(line.split()[0].lower() in {"he", "she", "they", "it"} for line in lines)


def test_outlook_keeps_the_forward_clause_and_the_whole_sentence_as_evidence():
    m = run(BLUF_TEXT)
    texts = [o.text for o in m.outlook]
    assert "look for ways of broadening energy dialogue" in texts
    item = m.outlook[texts.index("look for ways of broadening energy dialogue")]
    assert item.evidence[0].text.startswith("She said the visit offered")


def test_policy_phrases_said_of_the_participants_are_topics_without_a_verb_of_discussion():
    m = run(
        "Foreign Minister Lena Maris of Estonia met Foreign Minister Tomas Varga of Hungary in Tallinn on Monday. "
        "Maris warned against cyber attacks on the power grid. "
        "Varga appealed for more aid to refugees."
    )
    labels = {t.label: t.confidence for t in m.topics}
    assert any("cyber attacks" in label for label in labels) and any("refugees" in label for label in labels)
    assert set(labels.values()) == {0.5}  # found this way, they are marked for review


def test_a_list_after_talks_centred_on_gives_one_topic_per_item():
    m = run(
        "Foreign Minister Lena Maris of Estonia met Foreign Minister Tomas Varga of Hungary in Tallinn on Monday. "
        "The talks centred on migration, the EU budget and rail connections. "
        "They explored ways to collaborate on grid resilience."
    )
    labels = [t.label for t in m.topics]
    assert {"migration", "EU budget", "rail connections", "grid resilience"} <= set(labels)


def test_phrases_naming_who_or_where_are_not_gathered_as_topics():
    m = run(
        "Foreign Minister Lena Maris of Estonia met Foreign Minister Tomas Varga of Hungary in Tallinn on Monday. "
        "Maris warned of cyber attacks in the volatile region at a joint press conference. "
        "Varga praised the Baltic Council for its work on grid security."
    )
    labels = [t.label for t in m.topics]
    assert not any(
        label in {"region", "volatile region", "joint press conference", "Baltic Council"} for label in labels
    )
    assert any("cyber attacks" in label for label in labels) and any("grid security" in label for label in labels)


def test_a_two_word_place_name_joined_by_and_stays_whole_and_a_source_is_no_topic():
    m = run(
        "Foreign Minister Lena Maris of Estonia met Foreign Minister Tomas Varga of Hungary in Tallinn on Monday. "
        "The ministers discussed trade, energy and Jammu and Kashmir, according to a statement issued later."
    )
    labels = [t.label for t in m.topics]
    assert "Kashmir" not in labels and not any(label.lower().startswith("according") for label in labels)


def test_phrases_of_sentences_in_which_the_sides_act_by_name_are_gathered():
    m = run(
        "Foreign Minister Lena Maris of Estonia met Foreign Minister Tomas Varga of Hungary in Tallinn on Monday. "
        "Estonia pressed for more investment in cyber defence."
    )
    assert any("cyber defence" in t.label for t in m.topics)


def test_a_capital_named_by_its_demonym_and_a_sides_willingness_are_not_topics():
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden on the sidelines of a forum in "
        "the Swedish capital.\n\nThey discussed fisheries quotas, the Estonian capital and the willingness of "
        "both countries."
    )
    assert [t.label for t in m.topics] == ["fisheries quotas"]


def test_a_friend_welcomed_is_no_topic():
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Tallinn.\n\n"
        'Kask wrote: "Glad to welcome my dear friend Ana Lind." They discussed fisheries quotas.'
    )
    assert [t.label for t in m.topics] == ["fisheries quotas"]


def test_pleasantries_positions_and_a_press_release_are_not_topics():
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Tallinn.\n\n"
        "They exchanged pleasantries and discussed their positions, the press release, shared challenges and "
        "fisheries quotas."
    )
    assert [t.label for t in m.topics] == ["fisheries quotas"]


@pytest.mark.parametrize("word", ["ties", "friendship"])
def test_a_bare_word_for_the_relationship_is_no_topic(word):
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n"
        f"They discussed {word} and the salmon export quota."
    )
    labels = [t.label for t in m.topics]
    assert word not in labels and any("salmon" in label for label in labels)
