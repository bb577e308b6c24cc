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


# ---------------------------------------------------------------- place: world cities, capitals, venues, datelines
def test_a_city_missing_from_the_curated_list_comes_from_geonames():
    m = run("Prime Minister Lena Holm of Sweden met President Ivo Maric of Croatia in Uppsala on Friday.")
    assert (m.setting.location.city, m.setting.location.country) == ("Uppsala", "Sweden")


def test_the_capital_of_a_named_country():
    m = run(
        "President Rosa Paz of Chile and President Juan Quispe of Bolivia met in the Peruvian capital on Sunday "
        "for talks on water sharing."
    )
    assert m.setting.location.city == "Lima"


def test_a_venue_named_after_its_city():
    m = run("President Anna Lutz of Austria received Prime Minister Jan Novak of Czechia at Graz Castle on Monday.")
    assert m.setting.location.city == "Graz"


def test_a_country_is_not_read_as_a_town_that_shares_its_first_word():
    m = run(
        "Foreign Minister Ravi Menon met his Nepali counterpart Hari Thapa. Menon is presently in Sri Lanka "
        "for a regional meeting."
    )
    assert m.setting.location.city is None


def test_a_news_agency_in_the_dateline_is_never_a_city():
    m = run("ALBAWABA – Gulf leaders met at a desert resort on Friday to mend ties.")
    assert m.setting.location.city is None


def test_a_readout_heading_names_the_place():
    m = run(
        "Geneva\n\n4 March 2024\n\nThe High Commissioner met with Foreign Minister Lina Haddad of Jordan.\n\n"
        "They discussed refugee support."
    )
    assert m.setting.location.city == "Geneva"


def test_a_place_in_a_sentence_about_a_coming_event_is_not_the_meetings():
    m = run(
        "President Kofi Mensah of Ghana received President Amadou Sow of Mali at his residence on Sunday.\n\n"
        "They discussed the forthcoming regional summit in Dakar."
    )
    assert m.setting.location.city is None


# ---------------------------------------------------------------- occasion frames
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "President Marta Silva of Brazil met President Luis Vega of Peru during Vega's state visit to Brazil.",
            {"state", "visit", "brazil"},
        ),
        (
            "Prime Minister Eva Berg of Norway held a telephone conversation with Prime Minister Ole Dahl of Denmark.",
            {"telephone", "conversation"},
        ),
        (
            "Foreign Minister Omar Said of Oman met Foreign Minister Ali Reza of Iran ahead of the Gulf security "
            "summit in Muscat.",
            {"ahead", "gulf", "security", "summit"},
        ),
        (
            "The foreign ministers of Kenya and Uganda attended a signing ceremony for the new border agreement.",
            {"signing", "ceremony", "border", "agreement"},
        ),
        (
            "Foreign Minister Ana Ruiz of Spain paid an official visit to Portugal, where she met Joao Lopes.",
            {"official", "visit", "portugal"},
        ),
        (
            "President Rui Costa of Portugal met President Ana Sousa of Angola on the sidelines of the U.N. General "
            "Assembly on Wednesday.",
            {"sidelines", "u.n.", "general", "assembly"},
        ),
        (
            "President Ana Lutz of Austria met Chancellor Jan Berg of Germany and Prime Minister Eva Kos of Czechia "
            "in Linz on Friday for a trilateral summit on energy.",
            {"trilateral", "summit"},
        ),
        (
            "President Kofi Mensah of Ghana received President Amadou Sow of Mali in Accra. Sow said the visit was "
            "part of a regional tour of West Africa.",
            {"part", "regional", "tour", "west", "africa"},
        ),
        (
            "This was the first meeting of Nordic and Baltic foreign ministers since 2019, held in Riga, where "
            "Foreign Minister Eva Berg of Norway met Foreign Minister Janis Ozols of Latvia.",
            {"first", "meeting", "nordic", "baltic", "foreign", "ministers"},
        ),
        (
            "President Ana Lutz of Austria received President Jan Novak of Slovakia in Vienna. The two discussed "
            "rail links. Novak arrived on Tuesday evening for a two-day working visit.",
            {"two-day", "working", "visit"},
        ),
        (
            "Foreign Minister Eva Berg of Norway met Foreign Minister Janis Ozols of Latvia in Riga. They discussed "
            "energy. It was the third meeting of Nordic, Baltic and Polish ministers since 2019.",
            {"third", "meeting", "nordic", "baltic", "polish", "ministers"},
        ),
        (
            "President Ana Lutz of Austria held a Summit with President Jan Novak of Slovakia in Vienna.",
            {"summit", "with", "president", "jan", "novak"},
        ),
        (
            "Foreign Minister Ana Ruiz of Spain spoke over the phone with Foreign Minister Joao Lopes of Portugal.",
            {"spoke", "over", "phone"},
        ),
        (
            "Foreign Minister Ana Ruiz of Spain hosted Foreign Minister Joao Lopes of Portugal, who is on visit to "
            "Spain from 3-5 May, in Madrid.",
            {"visit", "to", "spain"},
        ),
        (
            "Foreign Minister Ana Ruiz of Spain, who is visiting Jakarta to attend ASEAN-related Ministerial "
            "Meetings, met Foreign Minister Joao Lopes of Portugal.",
            {"asean-related", "ministerial", "meetings"},
        ),
        (
            "Prime Minister Ana Ruiz of Spain welcomed President Joao Lopes of Portugal to Madrid today, ahead of "
            "His Majesty the King's Jubilee Parade tomorrow.",
            {"ahead", "of", "his", "majesty", "the", "jubilee", "parade"},
        ),
        (
            "On the second leg of a Nordic tour, Foreign Minister Ana Ruiz of Spain met Foreign Minister Eva Berg "
            "of Norway in Oslo.",
            {"second", "leg", "of", "a", "nordic", "tour"},
        ),
        (
            "Foreign Minister Eva Berg of Norway welcomed the visit of the Spanish Foreign Minister Ana Ruiz, "
            "praising the ties between Norway and Spain.",
            {"visit", "of", "the", "spanish", "foreign", "minister", "ana", "ruiz"},
        ),
        (
            "The presidents of Chile, Peru and Bolivia met in Arica for their third trilateral summit.",
            {"third", "trilateral", "summit"},
        ),
        (
            "Foreign Minister Ana Ruiz of Spain spoke on the phone with Foreign Minister Joao Lopes of Portugal.",
            {"spoke", "on", "the", "phone"},
        ),
        (
            "President Ana Lutz of Austria began her first foreign trip since taking office with talks in Rome "
            "with Prime Minister Marco Ricci of Italy.",
            {"her", "first", "foreign", "trip"},
        ),
        (
            "Prime Minister Ivo Kask of Estonia received Foreign Minister Ana Lind of Sweden in Tallinn. Kask "
            "welcomed Lind on her current visit to the Baltic states.",
            {"her", "current", "visit"},
        ),
        (
            "Foreign Minister Ivo Kask of Estonia met President Li Wen of China during Kask's first official "
            "Chinese visit.",
            {"kask", "first", "official", "chinese", "visit"},
        ),
        (
            "Ambassador Jan Berg of Norway made a farewell call on Spain's Foreign Minister, Ana Ruiz, on Tuesday.",
            {"farewell", "call"},
        ),
        (
            "The Chairperson of the Commission, Ana Ruiz, received the credentials of Jan Berg, the new Ambassador "
            "of Norway.",
            {"received", "credentials"},
        ),
    ],
)
def test_occasion_frames(text, words):
    occasion = (run(text).setting.occasion or "").lower()
    assert words <= set(occasion.replace("'s", "").replace(",", "").split()), occasion


def test_a_call_has_no_place():
    m = run(
        "PARIS — President Claire Dubois of France spoke by telephone with Chancellor Max Weber of Germany about "
        "energy prices."
    )
    assert m.setting.location.city is None


def test_a_venue_then_its_city_gives_the_city_and_the_venue_is_no_person():
    m = run(
        "Foreign Minister Ana Ruiz of Spain called on Prime Minister Hari Thapa of Nepal at Singha Durbar, "
        "Kathmandu, on Sunday afternoon."
    )
    assert m.setting.location.city == "Kathmandu"
    assert {p.name for p in m.participants} == {"Ana Ruiz", "Hari Thapa"}


def test_a_headline_is_its_own_sentence_and_a_page_date_dates_the_weekday():
    m = run(
        "Chile's minister meets Peru's counterpart to discuss fisheries\n\n"
        "12 March 2025\n\n"
        "Foreign Minister Rosa Paz of Chile met Foreign Minister Luis Mora of Peru in Lima on Tuesday."
    )
    assert {p.name for p in m.participants} == {"Rosa Paz", "Luis Mora"}
    assert str(m.setting.date) == "2025-03-11"


def test_a_venue_in_the_frame_beats_a_city_of_an_earlier_visit_and_a_coming_summit_is_no_occasion():
    m = run(
        "Prime Minister Tom Hale met President Lea Roux of France at Downing Street this afternoon.\n\n"
        "Both want a summit of European leaders called within weeks.\n\n"
        "Hale thanked Roux for the welcome he had received in Paris last month."
    )
    assert m.setting.location.city == "London"
    assert m.setting.occasion is None


# ---------------------------------------------------------------- occasion: named gatherings and purposes
@pytest.mark.parametrize(
    ("text", "occasion"),
    [
        (
            "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden on the sidelines of a "
            "ceremony to mark the centenary of the Tartu peace treaty.",
            "on the sidelines of a ceremony to mark the centenary of the Tartu peace treaty",
        ),
        (
            "The foreign ministerial meeting in Riga was attended by Foreign Minister Ivo Kask of Estonia and "
            "Foreign Minister Ana Lind of Sweden.",
            "foreign ministerial meeting",
        ),
        (
            "Two Nordic leaders met in Oslo on Friday for what organisers called the Oslo Fjord Summit. "
            "Prime Minister Ivo Kask of Estonia hosted Prime Minister Ana Lind of Sweden.",
            "the Oslo Fjord Summit",
        ),
    ],
)
def test_occasions_named_without_a_usual_opener(text, occasion):
    assert run(text).setting.occasion == occasion


def test_a_named_summit_the_meeting_looked_ahead_to_is_not_its_occasion():
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Tallinn to discuss "
        "preparations for the upcoming Baltic Sea Summit."
    )
    assert m.setting.occasion is None


def test_a_national_agency_filing_from_home_places_a_meeting_the_text_places_nowhere_else():
    text = "RIGA. LETA – Latvian President Karlis Ozols held a meeting with Estonian President Jaan Tamm, LETA reports."
    assert run(text).setting.location.city == "Riga"


def test_a_wire_dateline_or_a_meeting_placed_abroad_is_not_the_meeting_city():
    wire = "RIGA (Reuters) - Latvian President Karlis Ozols held a meeting with Estonian President Jaan Tamm."
    assert run(wire).setting.location.city is None
    abroad = (
        "RIGA. LETA – Latvian President Karlis Ozols held a meeting with Estonian President Jaan Tamm, "
        "who is on a visit to Sweden with him."
    )
    assert run(abroad).setting.location.city != "Riga"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Prime Minister Ivo Kask and President Ana Lind of Latvia held talks at Tartu House in Riga on Friday.",
         "Tartu House"),
        ("President Ana Lind of Latvia was received at the Élysée Palace by President Jean Morel of France.",
         "Élysée Palace"),
        ("President Ana Lind of Latvia met President Jean Morel of France at 10 am in Paris.", None),
    ],
)  # fmt: skip
def test_the_building_the_meeting_sentence_names_is_the_venue(text, venue):
    assert run(text).setting.location.venue == venue


def test_a_summit_the_leaders_want_or_call_for_is_not_their_occasion():
    m = run(
        "Prime Minister Tom Hale met President Lea Roux of France at Downing Street this afternoon.\n\n"
        "Both called for a summit of European leaders within weeks."
    )
    assert (m.setting.occasion, m.setting.location.city) == (None, "London")


def test_a_relation_the_sides_act_within_is_no_occasion():
    m = run(
        "Foreign Minister Ana Ruiz of Spain met Foreign Minister Joao Lopes of Portugal in Madrid. They reviewed "
        "trade within the framework of their strategic partnership."
    )
    assert m.setting.occasion is None


def test_an_occasion_ends_at_a_comma():
    m = run(
        "Prime Minister Tom Hale and Crown Prince Omar bin Faisal held the first meeting of the Anglo-Gulf "
        "Partnership Council, chaired jointly, in London on Wednesday."
    )
    assert m.setting.occasion == "first meeting of the Anglo-Gulf Partnership Council"


def test_a_later_sentence_that_says_when_the_meeting_took_place_dates_it():
    m = run(
        "Prime Minister Tom Hale spoke by phone with President Lea Roux of France, his office said.\n\n"
        "The two discussed energy prices and the war in Ukraine.\n\n"
        "Hale said the call had been friendly.\n\n"
        "Roux later posted a photograph of the two leaders.\n\n"
        "Aides described the mood as warm.\n\n"
        "No joint statement was issued.\n\n"
        "The conversation between the two leaders took place on Thursday, 13 February 2025, officials said."
    )
    assert str(m.setting.date) == "2025-02-13"


@pytest.mark.parametrize(
    "second",
    [
        "The talks took place at State House Accra.",
        "Their two hours of talks took place inside the Jubilee House, Accra.",
    ],
)
def test_a_venue_written_with_its_city_places_the_meeting(second):
    m = run("President Kofi Mensah held talks with President Amadou Sow of Mali on Tuesday.\n\n" + second)
    assert m.setting.location.city == "Accra"


def test_the_place_of_a_meeting_the_sides_work_toward_is_not_this_ones():
    m = run(
        "Foreign Minister Ana Ruiz of Spain held talks with Foreign Minister Joao Lopes of Portugal on Friday.\n\n"
        "Both hope to prepare, step by step, for a summit of their leaders in Seville."
    )
    assert m.setting.location.city is None


def test_places_told_before_the_trip_or_of_an_earlier_meeting_are_not_this_ones():
    m = run(
        "Foreign Minister Ana Ruiz of Spain met Foreign Minister Joao Lopes of Portugal on Tuesday.\n\n"
        "Before leaving for Lisbon, Ruiz spoke to the press in Madrid about fisheries.\n\n"
        "Ruiz recalled her meeting with Lopes last November in Seville."
    )
    assert m.setting.location.city != "Madrid" and m.setting.location.city != "Seville"


def test_a_home_colon_dateline_places_a_visit_but_not_a_summit_elsewhere():
    m = run(
        "Lisbon: Portugal and Estonia on Friday signed four agreements after Prime Minister Rui Costa of Portugal "
        "and President Ivo Kask of Estonia held talks during Kask's three-day visit."
    )
    assert m.setting.location.city == "Lisbon"
    m = run(
        "Lisbon: Prime Minister Rui Costa of Portugal met President Ivo Kask of Estonia on the margins of the "
        "Nordic energy forum."
    )
    assert m.setting.location.city is None


def test_an_aside_looking_back_does_not_hide_the_meetings_own_place():
    m = run(
        "The three top diplomats met on Monday in the Latvian port of Liepaja, the first such meeting since 2019.\n"
        "Latvian Foreign Minister Anna Berzina said ties were strong. Estonian Foreign Minister Ivo Kask agreed, "
        "and Lithuanian Foreign Minister Tomas Valys spoke of energy."
    )
    assert m.setting.location.country == "Latvia"


def test_a_colon_dateline_in_the_country_a_visit_goes_to_places_it():
    m = run(
        "RIGA: President Ilze Kalnina today received a courtesy call from Estonian Economy Minister Mart Tamm, "
        "who is on a two-day working visit to Latvia. Tamm said, “I also extend an invitation to Sweden's "
        "King to visit us.”"
    )
    assert m.setting.location.city == "Riga"


def test_a_kicker_before_a_headline_is_no_dateline_and_a_visit_told_later_is_the_occasion():
    m = run(
        "Fisheries: Chile, Peru agree to share catch data\n\n"
        "SANTIAGO: The foreign ministers of Chile and Peru on Monday agreed to share catch data.\n\n"
        "Foreign Minister Ana Soto hosted Foreign Minister of Peru Luis Paredes at the Foreign Ministry.\n\n"
        "The two ministers discussed fisheries and trade. They also reviewed port projects.\n\n"
        "Paredes and his delegation are on a visit to Chile from 3 to 5 May."
    )
    assert m.setting.location.city == "Santiago"
    assert m.setting.occasion is not None and m.setting.occasion.startswith("a visit to Chile")


@pytest.mark.parametrize(("visiting", "city"), [("Singapore", "Singapore"), ("Lisbon", "Lisbon"), ("Brazil", None)])
def test_the_city_a_participant_is_visiting_in_the_frame_is_the_place(visiting, city):
    m = run(
        f"On May 2, Mr. Taro Nakamura, Minister for Foreign Affairs of Japan, who is visiting {visiting} to attend "
        "a regional forum, held a meeting with Mr. Rui Matos, Minister of Foreign Affairs of Portugal.\n\n"
        "They discussed trade."
    )
    assert m.setting.location.city == city


def test_a_seat_named_in_passing_is_no_venue_and_an_earlier_visit_is_no_occasion():
    m = run(
        "Foreign Minister Eva Berg of Norway met Foreign Minister Ana Ruiz of Spain on Thursday. They discussed "
        "Kremlin politics and energy. Ruiz arrived following her two-day official visit to Denmark."
    )
    assert m.setting.location.city is None
    assert m.setting.occasion is None


def test_a_visitor_welcomed_to_an_alliances_headquarters_is_in_its_city():
    m = run("Secretary General Lena Holm welcomed Prime Minister Ivo Kask of Estonia to NATO Headquarters on Monday.")
    assert m.setting.location.city == "Brussels"


def test_a_participants_visit_named_later_by_its_possessor_is_the_occasion():
    m = run(
        "Ghana's Minister of Foreign Affairs Kofi Mensah has met with Foreign Minister Eva Berg of Norway.\n\n"
        "The two ministers discussed trade, shipping and climate finance. They also reviewed a fisheries "
        "project. Both praised the work of their embassies. They noted growing student exchanges. Cocoa and "
        "timber exports were also raised. The ministers spoke about maritime safety.\n\n"
        "Mensah's three-day visit forms part of Ghana's wider outreach in northern Europe."
    )
    assert m.setting.occasion == "Mensah's three-day visit"


@pytest.mark.parametrize(
    ("opening", "city", "occasion"),
    [
        (
            "Tbilisi hosted a four-party meeting of foreign ministers from Georgia, Armenia, Iran and Turkey.",
            "Tbilisi",
            "four-party meeting of foreign ministers from Georgia, Armenia, Iran and Turkey",
        ),
        (
            "On 18 May, the Estonian city of Tartu hosted the seventh informal seminar of the foreign ministries "
            "of Latvia and Estonia.",
            "Tartu",
            "seventh informal seminar",
        ),
    ],
)
def test_a_city_that_hosted_a_meeting_places_and_names_it(opening, city, occasion):
    m = run(
        opening + "\n\nForeign Minister Nino Beridze of Georgia and Foreign Minister Aram Sargsyan of Armenia "
        "spoke about transit."
    )
    assert m.setting.location.city == city
    assert occasion in (m.setting.occasion or "")


def test_this_capital_on_a_visit_is_the_capital_of_the_country_visited():
    m = run(
        "Chile's top diplomat, Ana Soto, is on the second day of an official visit to Peru and will see the "
        "speaker of Congress on Friday.\n\nSoto landed in this capital on Wednesday evening and met her "
        "Peruvian peer, Luis Paredes, at the ministry."
    )
    assert m.setting.location.city == "Lima"


def test_the_first_sentence_naming_the_sides_places_the_meeting_its_frame_does_not():
    m = run(
        "The Baltic foreign ministers: Ministers Ivo Kask of Estonia, Janis Ozols of Latvia and Ruta Jonaite of "
        "Lithuania, found common ground in Riga on Thursday.\n\n"
        "Ozols, who hosted the meeting, said it had focused on energy and sanctions."
    )
    assert m.setting.location.city == "Riga"


@pytest.mark.parametrize(
    ("headline", "occasion"),
    [
        ("PM call with Prime Minister Tane of Samoa", "call"),
        ("Readout of the President's phone call with President Soto", "phone call"),
        ("Soto, Tane hold video call on fisheries", "video call"),
    ],
)
def test_a_call_only_the_headline_names_is_the_occasion(headline, occasion):
    m = run(
        f"{headline}\n\nPresident Ana Soto of Chile spoke to Prime Minister Ioane Tane of Samoa today.\n\n"
        "The leaders discussed fisheries and climate finance."
    )
    assert m.setting.occasion == occasion


@pytest.mark.parametrize("headline", ["Minister to call on Samoan leaders", "Soto renews call for calm"])
def test_a_headline_that_calls_for_something_names_no_call(headline):
    m = run(
        f"{headline}\n\nPresident Ana Soto of Chile met Prime Minister Ioane Tane of Samoa in Apia today.\n\n"
        "The leaders discussed fisheries and climate finance."
    )
    assert m.setting.occasion is None


def test_a_call_by_teleconference_is_the_occasion():
    m = run("Foreign Minister Ana Soto of Chile spoke via teleconference with Foreign Minister Eva Berg of Norway.")
    assert m.setting.occasion == "teleconference"


def test_a_visit_the_visitor_arrived_for_names_where_it_goes():
    m = run(
        "President Aziz Karimov of Uzbekistan received Foreign Minister Elnur Aliyev of Azerbaijan, who had "
        "arrived in Tashkent on Sunday for a working visit."
    )
    assert m.setting.occasion == "working visit to Tashkent"


def test_a_participants_visit_told_by_the_verb_is_the_occasion():
    m = run(
        "On 3 May 2024, Foreign Minister Ana Soto of Chile visited Lima to meet her colleague, Foreign Minister "
        "Luis Paredes of Peru.\n\nThey discussed fisheries."
    )
    assert m.setting.occasion == "visit to Lima"


def test_the_city_written_after_the_venue_anywhere_is_the_place():
    m = run(
        "President Budi Santoso received a courtesy call from Prime Minister Ana Soto of Chile.\n\n"
        '"We value the partnership," President Budi Santoso said during the meeting at the Merdeka Palace in '
        "Jakarta Thursday."
    )
    assert (m.setting.location.venue, m.setting.location.city) == ("Merdeka Palace", "Jakarta")


@pytest.mark.parametrize(("place", "city"), [("in capital Nairobi", "Nairobi"), ("in Port Moresby", "Port Moresby")])
def test_a_capital_written_without_its_article_is_the_place_and_a_port_name_stays_whole(place, city):
    m = run(
        "Soto tells Tane her priorities\n\nPresident Ana Soto of Chile and Prime Minister Ioane Tane of Samoa met "
        f"{place} on Thursday."
    )
    assert m.setting.location.city == city


def test_a_later_sentence_saying_where_the_meeting_was_held_gives_the_occasion():
    m = run(
        "Foreign Minister Ana Soto of Chile and Foreign Minister Eva Berg of Norway discussed fisheries in a "
        "meeting on Tuesday.\n\nThey also discussed Antarctic research. Soto raised salmon exports. Berg raised "
        "krill quotas. They reviewed port fees. They spoke of shipping lanes. They noted the whaling moratorium."
        "\n\nTheir talks were held on the margins of the 79th United Nations General Assembly."
    )
    assert m.setting.occasion == "on the margins of the 79th United Nations General Assembly"


@pytest.mark.parametrize(
    "tail",
    [
        "Minister Soto is visiting Lima until Friday.",
        "They spoke of trade. Soto raised salmon. Paredes raised copper. They noted port fees. They spoke of "
        "mining.\n\nDuring her visit to Lima, the Chilean minister also met business leaders.",
    ],
)
def test_a_participants_visit_told_later_is_the_occasion(tail):
    m = run(
        "Foreign Minister Ana Soto of Chile called on Foreign Minister Luis Paredes of Peru today.\n\n"
        "They discussed fisheries and a rail link. " + tail
    )
    assert m.setting.occasion == "visit to Lima"


def test_a_place_where_the_sides_will_meet_again_is_not_this_meetings():
    m = run(
        "President Ana Soto of Chile met Prime Minister Ioane Tane of Samoa on Monday and said they would meet "
        "again at a joint council in Valparaiso in the spring.\n\nThey discussed fisheries."
    )
    assert m.setting.location.city is None


def test_the_place_of_the_framing_event_still_places_a_sidelines_meeting():
    m = run(
        "Foreign Minister Ana Soto of Chile held a meeting with Peruvian counterpart Luis Paredes on Tuesday, "
        "within the framework of the Pacific Forum, which will open in Auckland this week."
    )
    assert m.setting.location.city == "Auckland"


def test_a_visit_to_a_city_places_the_meeting():
    m = run(
        "Minister Ana Soto of Chile called on Minister Luis Paredes of Peru today and was hosted to lunch.\n\n"
        "Minister Soto is visiting Lima until Friday."
    )
    assert (m.setting.occasion, m.setting.location.city) == ("visit to Lima", "Lima")
