"""Outlook: what lies ahead, as the text states it."""

from __future__ import annotations

import pytest
from helpers_extract import run

_MEETING = "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Both leaders prepared for the forthcoming Nordic-Baltic summit in Riga.",
        "The next round of consultations is due to be held in Tallinn in May.",
        "A joint energy forum is scheduled for the autumn.",
        "Kask said he hoped to see the ferry link reopened soon.",
        "The ministers of transport are set to sign the rail accord.",
        "The ferry deal is to be signed in Tallinn next spring.",
        "For Kask the accord is a step toward a shared power grid.",
        "Lind stressed the implementation of the ferry accord.",
        "Both stressed the importance of continued coordination on energy security.",
    ],
)
def test_a_named_next_step_is_outlook(sentence):
    m = run(_MEETING + sentence)
    assert [o.text for o in m.outlook if "Stockholm" not in o.text] != []


def test_a_next_step_a_participant_names_in_quotation_marks_is_outlook_but_a_prediction_is_not():
    m = run(_MEETING + "“We agreed on the agenda of upcoming meetings of our ministers,” Lind said.")
    assert any("upcoming meetings" in o.text for o in m.outlook)
    m = run(_MEETING + "“The weather will be cold,” Lind said.")
    assert not any("weather" in o.text for o in m.outlook)


def test_a_past_event_is_not_outlook():
    m = run(_MEETING + "The leaders recalled the summit held in Riga in 2019.")
    assert not any("Riga" in o.text for o in m.outlook)


def test_a_follow_up_to_an_earlier_meeting_or_thanks_for_an_invitation_look_back():
    m = run(
        _MEETING + "Monday's talks were a follow-up to the previous round in Riga in May. "
        "Lind thanked Kask for the invitation."
    )
    assert not any("follow-up" in o.text or "invitation" in o.text for o in m.outlook)


def test_an_aim_stated_for_the_future_is_outlook():
    m = run(_MEETING + "The two governments aim to double ferry traffic across the Baltic.")
    assert any("double ferry traffic" in o.text for o in m.outlook)


def test_the_meetings_own_sentence_is_outlook_only_when_what_it_discussed_lies_ahead():
    ahead = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday and "
        "discussed the agenda of upcoming ministerial meetings."
    )
    assert len(ahead.outlook) == 1
    framed = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday ahead of "
        "the upcoming Nordic summit."
    )
    assert framed.outlook == []


def test_a_next_step_told_as_a_participle_clause_keeps_its_noun():
    m = run(_MEETING + "He also called a Nordic energy meeting set to be held in June.")
    assert "a Nordic energy meeting set to be held in June" in [o.text for o in m.outlook]


def test_the_headline_is_no_next_step():
    m = run(
        "Chile, Peru commit to stronger cooperation on trade\n\n"
        "Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima on Monday. "
        "They will meet again in Santiago next year."
    )
    assert [o.text for o in m.outlook] == ["meet again in Santiago next year"]


@pytest.mark.parametrize(
    "sentence",
    [
        "They also talked about how the partnership could move forward in the years ahead.",
        "Both sides want to take relations to greater heights.",
        "The ministers discussed intensifying contacts between their parliaments.",
        "The leaders highlighted the opportunities of the new trade accord.",
        "Soto proposed ways of deepening cooperation on fisheries.",
    ],
)
def test_ways_ahead_and_opportunities_are_outlook(sentence):
    m = run(
        "President Ana Soto of Chile met Prime Minister Ioane Tane of Samoa in Apia.\n\n"
        "They discussed fisheries. " + sentence
    )
    assert [o.evidence[0].text for o in m.outlook] == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Steady progress in the implementation of last year's fisheries accords was noted with satisfaction.",
        "Work on the implementation of the new rail tariff has started.",
        "Minister Soto is visiting Apia at the invitation of Prime Minister Tane.",
    ],
)
def test_a_weak_cue_in_a_sentence_that_looks_back_is_no_outlook(sentence):
    m = run(
        "President Ana Soto of Chile met Prime Minister Ioane Tane of Samoa in Apia.\n\n"
        "They discussed fisheries. " + sentence
    )
    assert m.outlook == []
