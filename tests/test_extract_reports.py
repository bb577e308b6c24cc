"""Shapes of agency reports and ministry readouts: what each mechanism does with our own sentences."""

from __future__ import annotations

import pytest
from helpers_extract import run


def test_a_meeting_dated_the_previous_day_keeps_its_occasion():
    m = run(
        "OSLO, May 6 (NTB) - Estonian Foreign Minister Jaan Tamm has met his Norwegian counterpart, the ministry "
        "said Friday. Tamm's meeting with Norwegian Foreign Minister Eva Berg took place the previous day on the "
        "sidelines of the Arctic Forum."
    )
    assert m.setting.occasion == "on the sidelines of the Arctic Forum"


def test_an_age_of_ties_is_no_deadline_but_no_later_than_is():
    m = run(
        "Foreign Minister Jaan Tamm of Estonia met Foreign Minister Eva Berg of Norway in Oslo. The ministers "
        "agreed to deepen trade, building on more than 30 years of cooperation. They agreed to sign the fisheries "
        "accord no later than June."
    )
    assert [c.deadline for c in m.commitments] == [None, "no later than June"]


def test_an_undertaking_with_a_phrase_before_its_infinitive():
    m = run(
        "Foreign Minister Jaan Tamm of Estonia and Foreign Minister Eva Berg of Norway agreed in bilateral talks "
        "in Oslo, Norway, to strengthen cooperation on Arctic research."
    )
    assert [c.action for c in m.commitments] == ["strengthen cooperation on Arctic research"]


def test_a_news_agency_reporting_a_quote_is_its_source():
    m = run(
        "Foreign Minister Jaan Tamm of Estonia met Foreign Minister Eva Berg of Norway in Oslo. "
        '"They also shared concerns over shipping in the Baltic," NTB added.'
    )
    assert [q.speaker for q in m.quotes] == ["NTB"]


def test_people_named_in_what_the_meeting_discussed_are_not_participants_nor_is_the_visit_its_occasion():
    m = run(
        "Foreign Minister Jaan Tamm held talks with his Norwegian counterpart Eva Berg on Monday to discuss "
        "preparations for the official visit to Estonia by Norwegian Prime Minister Olaf Lunde next month."
    )
    assert [p.name for p in m.participants] == ["Jaan Tamm", "Eva Berg"]
    assert m.setting.occasion is None


def test_a_venue_named_after_a_city_sits_in_the_city_that_follows_it():
    m = run("Prime Minister Ivo Kask of Estonia and President Ana Lind of Sweden met at Tartu House in Riga on Friday.")
    assert m.setting.location.city == "Riga"


def test_a_seat_of_government_ties_the_side_the_elimination_leaves():
    m = run(
        "Prime Minister Ivo Kask called at the White House on Tuesday and was welcomed by President Tom Reed. "
        "Estonian officials said the talks covered defence. Kask said Estonia would buy more air defence systems."
    )
    assert {p.name: p.affiliation for p in m.participants} == {"Ivo Kask": "Estonia", "Tom Reed": "United States"}


def test_a_byname_in_single_quotes_and_a_place_after_at_leave_the_people_right():
    m = run(
        "RIGA: UN Secretary-General Ana Lind has called on Prime Minister Karlis Ozols 'Karlo' at the latter's "
        "office at Jekaba Sēta, Riga. The two discussed climate finance."
    )
    assert [p.name for p in m.participants] == ["Ana Lind", "Karlis Ozols"]


def test_a_seat_of_government_is_a_venue_in_its_city():
    m = run("The Prime Minister met the UN Secretary General, Ana Lind, in Downing Street yesterday for talks.")
    assert m.setting.location.city == "London"


def test_agreeing_on_a_view_is_no_undertaking_but_agreeing_that_something_will_be_done_is():
    m = run(
        "The Prime Minister met the UN Secretary General, Ana Lind, in Downing Street yesterday for talks. "
        "They agreed that they were meeting at a difficult time for the world. "
        "They agreed that a joint task force will be set up on food security."
    )
    assert [c.action for c in m.commitments] == ["a joint task force will be set up on food security"]


def test_a_month_after_a_given_name_is_a_surname():
    m = run("Prime Minister Theresa May received Chancellor Olaf Scholz in London on Monday.")
    assert [p.name for p in m.participants] == ["Theresa May", "Olaf Scholz"]


def test_a_readout_heading_of_place_and_date_on_one_line():
    m = run("Geneva, 3 March 2021\n\nThe Secretary-General met today with President Jane Doe of Estonia.")
    assert (m.setting.location.city, str(m.setting.date)) == ("Geneva", "2021-03-03")


@pytest.mark.parametrize(
    ("phrase", "city"),
    [
        ("in the capital Accra", "Accra"),
        ("in the Black Sea resort of Sochi", "Sochi"),
        ("at State House, Accra", "Accra"),
    ],
)
def test_a_place_introduced_by_a_noun(phrase, city):
    m = run(f"President Ana Lind of Estonia held talks with President John Mensah of Ghana {phrase} on Friday.")
    assert m.setting.location.city == city


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Minister Ana Lopes of Portugal is in Berlin to talk to German Foreign Minister Hans Weber on energy.",
        "Foreign Minister Ana Lopes of Portugal flew to Berlin to meet German Foreign Minister Hans Weber on Friday.",
    ],
)
def test_being_or_going_somewhere_to_meet_reports_the_meeting(sentence):
    m = run(sentence)
    assert ([p.name for p in m.participants], m.setting.location.city) == (["Ana Lopes", "Hans Weber"], "Berlin")


def test_agreeing_to_meet_is_not_the_meeting_and_urging_others_to_come_is_no_place():
    m = run(
        "Foreign Minister Ana Lopes of Portugal met German Foreign Minister Hans Weber today. "
        "Lopes urged the parties to come to Geneva for the peace conference."
    )
    assert m.setting.location.city is None


def test_a_readout_title_then_its_heading_of_place_and_date():
    m = run(
        "Readout of the Secretary-General's meeting with H.E. Mr. Jan Novak, President of Estonia\n\n"
        "New York, 24 September 2013\n\n"
        "The Secretary-General met today with President Jan Novak of Estonia. They discussed climate finance."
    )
    assert (m.setting.location.city, str(m.setting.date)) == ("New York", "2013-09-24")
    assert [(p.name, p.title) for p in m.participants] == [("Jan Novak", "President"), (None, "Secretary-General")]


def test_the_owner_of_a_meeting_with_someone_is_a_side():
    m = run("Foreign Minister Cho Min's meeting with Iranian Foreign Minister Ali Rezai took place in New York.")
    assert {"Cho Min", "Ali Rezai"} <= {p.name for p in m.participants}
