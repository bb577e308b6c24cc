"""Datelines in the forms agencies and ministries write them (the grammar alone, no lexicon)."""

from __future__ import annotations

import pytest
from helpers_extract import run
from hypothesis import given
from hypothesis import strategies as st

from briefgen.extract.text.dateline import dateline


@pytest.mark.parametrize(
    ("head", "city", "date", "agency", "kind"),
    [
        ("HANOI, June 4 (VNA) - Vietnamese leaders", "Hanoi", "June 4", "VNA", "agency"),
        ("Quito, 12 May 2024 (EFE) -- Ecuador's", "Quito", "12 May 2024", "EFE", "agency"),
        ("DAKAR (APS) - Senegal's", "Dakar", None, "APS", "agency"),
        ("BISHKEK. KABAR – The President", "Bishkek", None, "KABAR", "agency"),
        ("MENA (CAIRO, 3 April 2023) – Egypt's", "Cairo", "3 April 2023", "MENA", "agency"),
        ("Tunis - TAP\n\nTunisia and Libya", "Tunis", None, "TAP", "agency"),
        ("NAIROBI, Kenya— President", "Nairobi", None, None, "dash"),
        ("WELLINGTON: The Prime Minister", "Wellington", None, None, "colon"),
        ("Geneva\n\n4 March 2024\n\nThe High Commissioner", "Geneva", "4 March 2024", None, "header"),
        ("Office of the President\n\nReadout of a call with Chancellor Berg\n\nVienna, 2 June 2024\n\nThe President",
         "Vienna", "2 June 2024", None, "header"),
        ("United Nations, Geneva, 5 May 2021\n\nMeeting with the Ombudsman\n\nThe President met",
         "Geneva", "5 May 2021", None, "header"),
        ("Quito, Apr 21 (Prensa Latina) Ecuador's President", "Quito", "Apr 21", "Prensa Latina", "agency"),
        ("Ankara, IRNA – The Minister", "Ankara", None, "IRNA", "agency"),
        ("MINSK, March 2. /BelTA/. The President", "Minsk", "March 2", "BelTA", "agency"),
    ],
)  # fmt: skip
def test_dateline_forms(head, city, date, agency, kind):
    line = dateline(head)
    assert line is not None
    assert (line.city, line.date_text, line.agency, line.kind) == (city, date, agency, kind)


@pytest.mark.parametrize(
    "head",
    [
        "Chile's Foreign Minister - a profile of the",
        "The President met the Premier in Lima.",
        "MAY 3 - the talks",
    ],
)
def test_sentences_and_months_are_not_datelines(head):
    line = dateline(head)
    assert line is None or line.city not in {"Chile's Foreign Minister", "May"}


@given(st.text(max_size=300))
def test_dateline_never_fails_and_ends_inside_the_text(text):
    line = dateline(text)
    if line is not None:
        assert 0 < line.end <= len(text)
        assert line.city is None or line.city.strip() == line.city


def test_a_dateline_may_open_a_paragraph_under_a_headline_and_byline():
    text = "King meets emir in Doha\n\nBy Staff - May 2, 2024\n\nAMMAN — The King met the Emir in Doha on Monday."
    line = dateline(text)
    assert (line.city, line.kind, text[line.start : line.end]) == ("Amman", "dash", "AMMAN — ")
    # an ordinary paragraph that opens with a capitalised word is no dateline
    assert dateline("Talks in Doha\n\nBy Staff\n\nThe King - who arrived on Monday - met the Emir.") is None


def test_a_dotted_date_before_the_place_under_a_headline_dates_and_places_the_meeting():
    m = run(
        "A joint meeting of foreign ministers held in Tbilisi\n\n"
        "14.05.2019, Tbilisi - Tbilisi hosted a meeting of the foreign ministers of Georgia and Armenia, "
        "Nino Beridze and Aram Sargsyan.\n\nThe two ministers discussed transit."
    )
    assert str(m.setting.date) == "2019-05-14"
    assert m.setting.location.city == "Tbilisi"


def test_a_dotted_day_that_is_no_date_is_none():
    from briefgen.extract.text.dates import resolve

    assert resolve("31.02.2019", None) is None
    assert str(resolve("01.12.2020", None)) == "2020-12-01"
