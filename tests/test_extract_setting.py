"""Setting: the meeting's place, datelines, calls."""

from __future__ import annotations

import pytest
from helpers_extract import run


@pytest.mark.parametrize(
    ("city", "country"),
    [
        ("Rio de Janeiro", "Brazil"),
        ("Buenos Aires", "Argentina"),
        ("Addis Ababa", "Ethiopia"),
        ("Kuala Lumpur", "Malaysia"),
        ("Sharm el-Sheikh", "Egypt"),
        ("The Hague", "Netherlands"),
        ("Mexico City", "Mexico"),
        ("Abu Dhabi", "United Arab Emirates"),
    ],
)
def test_multi_word_city_after_an_event(city, country):
    m = run(
        f"President Thabo Ndlovu held a bilateral meeting with Prime Minister Elena Vasquez of Chile "
        f"on the margins of the Leaders' Summit in {city} on Monday."
    )
    assert m.setting.location.city == city
    assert m.setting.location.country == country
    assert m.setting.occasion == "on the margins of the Leaders' Summit"


def test_a_call_with_a_government_dateline_has_no_place():
    m = run(
        "WASHINGTON: Secretary of State Daniel Reyes held a telephone call today with Kenyan Foreign Minister "
        "Grace Wanjiru. They discussed the situation in Sudan."
    )
    assert len(m.participants) == 2
    assert m.setting.location.city is None
