"""Quotes and their speakers."""

from __future__ import annotations

from helpers_extract import run

from briefgen.extract.text.quotemarks import find_quote_spans

SEAT_READOUT = (
    "A Kremlin spokesman said:\n\n"
    '"The President spoke by telephone with Prime Minister Anil Varma of India this morning.\n\n'
    "The two leaders reviewed fertiliser deliveries and the North-South transport corridor.\n\n"
    'The President and the Prime Minister agreed to meet in Delhi in the coming weeks."'
)


def test_unattributed_quote_continues_the_previous_speaker_not_the_next_subject():
    m = run(
        "Ghanaian Foreign Minister Kwame Boateng met his Togolese counterpart Edem Agbeko in Lomé.\n\n"
        '"Our border markets must stay open all year," Boateng told a press briefing. '
        '"Traders on both sides depend on them."\n\n'
        "Agbeko said Togo would publish a customs plan by the rainy season."
    )
    assert [(q.speaker, q.text[:8]) for q in m.quotes] == [
        ("Kwame Boateng", "Our bord"),
        ("Kwame Boateng", "Traders "),
    ]


def test_readout_inside_a_quote_is_both_a_quote_and_a_meeting():
    m = run(SEAT_READOUT)
    assert len(m.quotes) == 1
    assert m.quotes[0].speaker == "Kremlin spokesman"
    assert m.quotes[0].text.startswith("The President spoke by telephone") and m.quotes[0].text.endswith("weeks.")
    people = {(p.name, p.title, p.affiliation) for p in m.participants}
    assert people == {(None, "President", "Russia"), ("Anil Varma", "Prime Minister", "India")}
    assert [c.deadline for c in m.commitments] == ["in the coming weeks"]
    assert m.setting.location.city is None  # a call has no place


def test_multi_paragraph_quote_reopened_at_each_paragraph():
    text = 'She said:\n\n"First paragraph of the statement.\n\n"Second paragraph, reopened.\n\nAfter it."'
    spans = find_quote_spans(text)
    assert len(spans) == 1 and spans[0].paragraphs == 3
    assert spans[0].text(text) == "First paragraph of the statement.\n\nSecond paragraph, reopened.\n\nAfter it."
