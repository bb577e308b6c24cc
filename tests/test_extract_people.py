"""People: names, titles, sides, who took part."""

from __future__ import annotations

import pytest
from helpers_extract import run

from briefgen.extract.components.entities import _person_spans, common_words
from briefgen.extract.components.names import grab_name
from briefgen.extract.components.pipeline import load_pipeline

PARTICLE_NAMES = [
    "Ingrid van den Bosch",
    "Marie-Claire de la Fontaine",
    "Karl-Heinz von der Heide",
    "Faisal bin Abdullah al-Rashid",
    "Joana dos Santos",
    "Luca della Rovere",
]


def test_counterpart_takes_the_other_sides_office_and_the_demonym():
    m = run("Ghanaian Foreign Minister Kwame Boateng held talks with his Togolese counterpart Edem Agbeko in Accra.")
    got = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert got["Edem Agbeko"] == ("Foreign Minister", "Togo")


def test_country_condemned_by_the_group_is_nobodys_affiliation():
    m = run(
        "Chancellor Greta Lindqvist hosted President Paul Moreau of France and Prime Minister Sergio Bellini of "
        "the Italian Republic for a three-way meeting. The three leaders denounced the drone incursions "
        "attributed to Belarus."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got["Sergio Bellini"] == "Italy"
    assert got["Greta Lindqvist"] != "Belarus"  # empty is better than wrong
    assert "Belarus" not in got.values()


def test_the_country_a_person_speaks_for():
    m = run(
        "Prime Minister Olu Adeyemi met President Laura Chen of Canada in Lagos. "
        "Prime Minister Adeyemi stated that Nigeria will host the next round. The leaders deplored the raids "
        "by armed groups from Chad."
    )
    assert {p.name: p.affiliation for p in m.participants}["Olu Adeyemi"] == "Nigeria"


def test_statement_without_a_meeting_is_empty_of_meeting_fields():
    m = run(
        "OTTAWA: The Ministry of Foreign Affairs expresses deep concern over the escalation of violence in eastern "
        "Democratic Republic of the Congo.\n\n"
        '"Those responsible must be held to account," said Foreign Minister Claire Dubois. '
        "The Ministry calls on all parties to cease hostilities and will continue to support mediation."
    )
    assert m.participants == []
    assert m.setting.location.city is None and m.setting.date is None
    assert m.commitments == [] and m.outlook == []


def test_agency_trailer_is_not_content():
    m = run(
        "LISBON, Dec 6 (Reuters) - Portuguese Foreign Minister Rui Tavares met Moroccan Foreign Minister "
        "Karim Alaoui in Lisbon on Wednesday.\n\n"
        "(Reporting by Maria Economou in Athens; Editing by Tom Hale)\n\n"
        "Our Standards: The Thomson Reuters Trust Principles."
    )
    names = {p.name for p in m.participants + m.mentioned}
    assert "Maria Economou" not in names and "Tom Hale" not in names
    assert m.setting.location.city == "Lisbon"


def test_four_ministers_named_after_a_group_frame():
    m = run(
        "TOKYO, July 29 (Reuters) - The foreign ministers of the United States, Japan, India and Australia met in "
        "Tokyo on Monday.\n\nU.S. Secretary of State Antony Blinken, Japanese Foreign Minister Yoko Kamikawa, Indian "
        "External Affairs Minister Subrahmanyam Jaishankar and Australian Foreign Minister Penny Wong also agreed to "
        "launch a cable connectivity initiative.\n\n(Reporting by Tim Kelly; Editing by Ed Davies)"
    )
    assert {p.affiliation for p in m.participants} == {"United States", "Japan", "India", "Australia"}
    assert m.setting.location.city == "Tokyo"


def test_host_at_a_seat_of_government_and_a_spokesman_in_the_previous_sentence():
    m = run(
        "President Emmanuel Macron received King Abdullah II of Jordan at the Élysée Palace on Wednesday. "
        "The two heads of state discussed the humanitarian situation in Gaza, the Élysée said."
    )
    assert {p.affiliation for p in m.participants} == {"France", "Jordan"}
    assert m.setting.location.city == "Paris"
    m = run(
        "German Chancellor Olaf Scholz and French President Emmanuel Macron agreed on Tuesday to coordinate their "
        "positions, a German government spokesman said. Scholz hosted Macron at the Chancellery in Berlin."
    )
    assert {p.name for p in m.participants} == {"Olaf Scholz", "Emmanuel Macron"}


@pytest.mark.parametrize("name", PARTICLE_NAMES)
def test_name_rule_keeps_particles(name):
    """The rule path (the default) reads the name whole, particles included."""
    doc = load_pipeline()(f"Yesterday the delegation of {name} arrived late.")
    first = next(t.i for t in doc if t.text == name.split()[0].split("-")[0])
    start, end = grab_name(doc, first)
    assert doc[start:end].text == name
    assert (start, end) in _person_spans(doc, set(), common_words(load_pipeline()))


@pytest.mark.parametrize("name", PARTICLE_NAMES[:3])
def test_participant_with_particles_is_one_person(name):
    m = run(
        f"Commission President {name} met with Prime Minister Tomas Lindqvist of Sweden in Stockholm on Tuesday. "
        f"{name.split()[-1]} said the two sides would deepen cooperation on energy security."
    )
    names = [p.name for p in m.participants]
    assert name in names
    assert len(m.participants) == 2


# ---------------------------------------------------------------- titles as stated
@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Deputy Prime Minister and Foreign Minister Karim Nasser of Lebanon met Foreign Minister Eva Lind of "
            "Sweden in Beirut.",
            "Karim Nasser",
            "Deputy Prime Minister and Foreign Minister",
        ),
        (
            "Acting President Grace Obi of Nigeria received President Yaw Asante of Ghana in Abuja.",
            "Grace Obi",
            "Acting President",
        ),
        (
            "Unification Minister Park Min-ho met his counterpart Kim Chol in Kaesong on Friday.",
            "Park Min-ho",
            "Unification Minister",
        ),
    ],
)
def test_compound_and_acting_titles(text, name, title):
    got = {p.name: p.title for p in run(text).participants}
    assert got[name] == title


def test_a_plural_title_over_a_list_of_names_with_their_countries():
    m = run(
        "Foreign Ministers Tomas Vidal of Paraguay and Elena Cruz of Bolivia agreed on Friday to reopen the "
        "border crossing."
    )
    got = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert got == {
        "Tomas Vidal": ("Foreign Minister", "Paraguay"),
        "Elena Cruz": ("Foreign Minister", "Bolivia"),
    }


def test_possessive_country_before_a_name_ties_the_side():
    m = run(
        "The ministerial meeting was attended by Canada's Mark Tilley, Mexico's Rosa Ibarra and Chile's Diego Soto."
    )
    assert {p.name: p.affiliation for p in m.participants} == {
        "Mark Tilley": "Canada",
        "Rosa Ibarra": "Mexico",
        "Diego Soto": "Chile",
    }


def test_agencies_buildings_and_compass_words_are_not_people():
    m = run(
        "ASTANA. KAZINFORM – President Nurlan Abenov received Prime Minister Aibek Osmonov of Kyrgyzstan at "
        "Akmola Guest House, Kazinform reports.\n\nSouth and North Korea were also discussed."
    )
    names = {p.name for p in m.participants + m.mentioned}
    assert not names & {"Kazinform", "Akmola Guest", "Akmola", "South"}
    assert {"Nurlan Abenov", "Aibek Osmonov"} <= names


def test_groups_named_by_office_and_sides_are_participants():
    m = run("The foreign ministers of Peru and Ecuador on Monday signed three border protocols in Tumbes.")
    assert {(p.name, p.title, p.affiliation) for p in m.participants} == {
        (None, "foreign minister", "Peru"),
        (None, "foreign minister", "Ecuador"),
    }


def test_a_visitor_named_in_the_possessive_is_a_side():
    m = run(
        "President Daniel Mokoena said his Zambian counterpart Joseph Banda's state visit to Botswana was a "
        "milestone.\n\nThe two leaders held talks in Gaborone on Friday."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got.get("Joseph Banda") == "Zambia"
    assert got.get("Daniel Mokoena") != "Zambia"  # the counterpart's country is the other side's


def test_people_only_spoken_of_are_not_sides():
    m = run(
        "President Lina Haddad of Jordan received Foreign Minister Omar Said of Oman in Amman on Tuesday, where he "
        "conveyed a message from Sultan Haitham bin Tarik. The talks also covered detained citizen Karim Adel and "
        "the legacy of former President Fuad Nasser."
    )
    assert [p.name for p in m.participants] == ["Lina Haddad", "Omar Said"]
    assert {"Haitham bin Tarik", "Karim Adel", "Fuad Nasser"} <= {p.name for p in m.mentioned}


def test_a_city_name_is_a_given_name_before_a_surname():
    m = run("Foreign Ministers Santiago Rivas of Colombia and Florence Martin of France met in Bogota on Friday.")
    assert {p.name: p.affiliation for p in m.participants} == {
        "Santiago Rivas": "Colombia",
        "Florence Martin": "France",
    }


def test_a_plural_office_in_the_opening_gives_the_group_its_title():
    m = run(
        "Defence ministers of the Nordic group met in Oslo on Monday. The meeting was attended by Norway's Ola Berg, "
        "Denmark's Mette Holm and Finland's Aino Virta."
    )
    assert {p.title for p in m.participants} == {"defence minister"}


def test_a_meeting_to_come_does_not_frame_the_one_reported():
    m = run(
        "Chilean President Ana Torres and her U.S. counterpart Mark Davis agreed Thursday to set up a high-level "
        "group on trade.\n\nTorres said the group, which will be led by U.S. Vice President Tom Reed, would meet "
        "for the first time this autumn."
    )
    assert {p.name for p in m.participants} == {"Ana Torres", "Mark Davis"}


def test_a_counted_group_takes_the_titled_people_the_opening_names():
    m = run(
        "Three Andean leaders met in the Bolivian capital on Sunday to discuss water sharing.\n\n"
        "Peruvian President Rosa Paz was welcomed at the airport by Bolivian President Juan Quispe.\n\n"
        "Later, Ecuadorian President Luis Mora arrived for the trilateral session."
    )
    assert {p.name for p in m.participants} == {"Rosa Paz", "Juan Quispe", "Luis Mora"}
    assert m.setting.location.city == "La Paz"


def test_the_country_of_the_meeting_place_is_nobodys_side_and_a_platform_is_no_person():
    m = run(
        "Trade Minister Arun Rao held talks with his Nepali counterpart Hari Thapa in Kunming, southwest China, "
        "on Monday. Thapa later took to Twitter to praise the talks."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got == {"Arun Rao": None, "Hari Thapa": "Nepal"}


def test_a_call_between_two_titled_leaders_reported_with_messy_grammar():
    m = run(
        "Lagos - Daily Wire\nUS President Adam Kline and Kenyan President Ruth Wambui have discussed trade and "
        "security in a telephonic conversation on Saturday.\n\n"
        '"The call was a good start," the White House said in a statement.'
    )
    assert {(p.name, p.affiliation) for p in m.participants} == {
        ("Adam Kline", "United States"),
        ("Ruth Wambui", "Kenya"),
    }
    assert m.setting.occasion == "telephonic conversation" and m.setting.location.city is None
    assert m.quotes[0].speaker == "White House"


def test_a_country_ending_one_sentence_is_not_the_side_of_the_title_opening_the_next():
    m = run(
        "President Tom Hale met with Fiji President Jone Rabuka this afternoon. President Hale praised the ties "
        "the United States shares with Fiji. President Hale and President Rabuka agreed to meet again."
    )
    got = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert got["Tom Hale"][1] != "Fiji" and got["Jone Rabuka"] == ("President", "Fiji")


def test_relatives_are_two_people_and_a_frame_cut_before_its_object_keeps_the_guest():
    m = run(
        "Manama: His Majesty King Faisal bin Saad Al Nouri received at Riffa Palace today Omani Foreign Minister, "
        "Salim bin Nasser Al Harthy, who brought him a message from HM Sultan Khalid bin Saad Al Nouri.\n"
        "Also present was His Royal Highness Prince Omar bin Faisal Al Nouri, the Crown Prince."
    )
    names = {p.name for p in m.participants}
    assert {"Faisal bin Saad Al Nouri", "Salim bin Nasser Al Harthy"} <= names
    assert "Khalid bin Saad Al Nouri" not in names
    assert "Highness" not in names and "Majesty" not in names


def test_an_apposition_with_particles_and_a_compound_title_and_a_venue_that_fixes_the_city():
    m = run(
        "H.H. Sheikh Khalid bin Saif Al Mansoori, Deputy Prime Minister and Minister of Foreign Affairs, "
        "hosted Amina Diallo, who chairs the African Union Commission. The two held talks at the AU Headquarters "
        "on Tuesday, 4 March 2025."
    )
    got = {p.name: p.title for p in m.participants}
    assert got["Khalid bin Saif Al Mansoori"] == "Deputy Prime Minister and Minister of Foreign Affairs"
    assert "Amina Diallo" in got
    assert m.setting.location.city == "Addis Ababa" and str(m.setting.date) == "2025-03-04"


def test_an_article_opening_with_another_meeting_keeps_this_ones_people_and_place():
    m = run(
        "A day after Russian President Pavel Orlov hosted Chinese leader Wen Bo in Moscow, Indian Prime Minister "
        "Ravi Kumar met German Chancellor Lena Vogel in Berlin on Tuesday to discuss trade."
    )
    assert [p.name for p in m.participants] == ["Ravi Kumar", "Lena Vogel"]
    assert (m.setting.location.city, m.setting.location.country) == ("Berlin", "Germany")


def test_a_time_clause_that_holds_the_only_meeting_still_frames_it():
    m = run(
        "President Ana Paz said the visit mattered.\n\nPaz was briefing reporters after the two leaders held talks in "
        "Asuncion following the arrival of the Paraguayan delegation on Friday."
    )
    assert m.setting.location.city == "Asunción"  # the gazetteer spelling


def test_the_outlet_a_dateline_names_is_never_a_person():
    m = run(
        "TIRANA (Adriatic Wire) – Foreign Minister Elira Hoxha of Albania met Foreign Minister Marko Petric of "
        "Montenegro in Tirana on Monday, Adriatic Wire reported."
    )
    assert {p.name for p in m.participants + m.mentioned} == {"Elira Hoxha", "Marko Petric"}


def test_a_capital_that_names_a_process_gives_no_one_its_country():
    m = run(
        "Secretary of Foreign Affairs Ana Ribeiro spoke today with President Luis Mora of Chile. "
        "Ribeiro and President Mora agreed on the importance of the Lima Process and the Quito accords."
    )
    assert {p.name: p.affiliation for p in m.participants}["Ana Ribeiro"] != "Peru"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kask said he had asked Foreign Minister Jaan Tamm, who was present, to brief parliament.",
        "Also present were Foreign Minister Jaan Tamm and the two ambassadors.",
    ],
)
def test_people_the_text_says_were_present_are_participants(sentence):
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday. " + sentence
    )
    assert "Jaan Tamm" in [p.name for p in m.participants]


def test_a_delegation_accompanying_a_leader_is_mentioned_not_a_participant():
    # the README's convention: participants are those who took part; an entourage is named, not a side
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday. "
        "Kask was accompanied by Defence Minister Mari Saar and Foreign Minister Jaan Tamm."
    )
    assert sorted(p.name for p in m.participants) == ["Ana Lind", "Ivo Kask"]
    assert {"Jaan Tamm", "Mari Saar"} <= {p.name for p in m.mentioned}


def test_a_person_met_elsewhere_after_an_accompanied_by_is_not_present():
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday. "
        "Lind, accompanied by her husband, later visited a school where she met teacher Olof Nyberg."
    )
    assert "Olof Nyberg" not in [p.name for p in m.participants]


def test_the_visitor_whose_visit_the_text_reports_is_a_side_and_the_destination_is_the_hosts():
    m = run(
        "President Ivo Kask said his Swedish counterpart Ana Lind’s state visit to Estonia was a sign of trust. "
        "The two leaders discussed energy."
    )
    assert [(p.name, p.affiliation) for p in m.participants] == [("Ivo Kask", "Estonia"), ("Ana Lind", "Sweden")]


def test_a_possessive_that_owns_something_else_is_not_a_side():
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday. "
        "They discussed the remarks of Igor Sechin's deputy."
    )
    assert "Igor Sechin" not in [p.name for p in m.participants]


def test_the_host_who_received_the_visitors_is_a_participant():
    m = run(
        "Two regional leaders arrived in Riga on Sunday. Both leaders were taken to be received by Latvian Prime "
        "Minister Karlis Ozols. President Ivo Kask of Estonia and President Ana Lind of Lithuania then held talks "
        "on the Rail Baltica Mini-Summit plan."
    )
    assert ("Karlis Ozols", "Latvia") in [(p.name, p.affiliation) for p in m.participants]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lopes stressed the need for a settlement of the Palestinian issue.",
        "Lopes briefed her guest on the security situation in Sudan and Somalia.",
        "On North Korea, Lopes said the missile tests posed a threat.",
    ],
)
def test_a_country_that_is_only_a_matter_discussed_gives_no_one_its_side(sentence):
    m = run("Foreign Minister Ana Lopes met President Jane Doe in Lisbon on Friday. " + sentence)
    assert {p.name: p.affiliation for p in m.participants}["Ana Lopes"] in {None, "Portugal"}


def test_two_countries_equally_near_give_neither():
    m = run(
        "Foreign Minister Roberto Silva met in Lima with the foreign ministers of Argentina and Brazil. "
        "Silva discussed trade with Argentina and Brazil."
    )
    assert {p.name: p.affiliation for p in m.participants}.get("Roberto Silva") is None


def test_un_offices_and_permanent_representatives():
    m = run(
        "The President of the General Assembly, Dr. Ali Treki, met with Mr. Gerard Araud, Permanent "
        "Representative of France. President Treki stressed the need for a settlement of the Palestinian issue."
    )
    assert [(p.name, p.affiliation) for p in m.participants] == [
        ("Ali Treki", "United Nations"),
        ("Gerard Araud", "France"),
    ]


def test_a_generic_foreign_office_names_no_country():
    m = run(
        "Foreign Minister Ana Lopes met her Russian counterpart Sergey Lavrov in Goa on Thursday. "
        "The Foreign Office spokesperson said the talks were useful."
    )
    assert {p.name: p.affiliation for p in m.participants}["Ana Lopes"] != "United Kingdom"


def test_the_ministry_a_story_cites_ties_the_side_left_untied():
    m = run(
        "Foreign Minister Park Min-ho and his Japanese counterpart, Kenji Sato, held talks in Lima, Seoul's "
        "foreign ministry said Friday. They discussed trilateral cooperation involving the United States."
    )
    assert {p.name: p.affiliation for p in m.participants} == {"Park Min-ho": "South Korea", "Kenji Sato": "Japan"}


def test_a_country_in_a_list_after_a_matter_gives_no_side():
    m = run(
        "President Samuel Okoro held a telephone conversation with Secretary of State Marco Rubio on Monday. "
        "Okoro then briefed Rubio on the security situation in Chad, Niger and Mali."
    )
    assert {p.name: p.affiliation for p in m.participants}["Samuel Okoro"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Secretary-General and President Ana Lind held talks at UN Headquarters on Monday.",
            [("Ana Lind", "President"), (None, "Secretary-General")],
        ),
        (
            "Deputy Prime Minister and Foreign Minister Ishaq Dar met Foreign Minister Ana Lind of Estonia.",
            [("Ishaq Dar", "Deputy Prime Minister and Foreign Minister"), ("Ana Lind", "Foreign Minister")],
        ),
    ],
)
def test_two_head_offices_joined_are_two_people_but_a_compound_title_is_one(text, expected):
    assert [(p.name, p.title) for p in run(text).participants] == expected


def test_a_counterpart_holds_the_common_name_of_the_office_and_assistant_is_kept():
    m = run("External Affairs Minister Ravi Menon held talks with his Pakistani counterpart Ali Khan in Qingdao.")
    assert [(p.name, p.title) for p in m.participants] == [
        ("Ravi Menon", "External Affairs Minister"),
        ("Ali Khan", "Foreign Minister"),
    ]
    m = run("Assistant Foreign Minister Li Wen met Ambassador Tom Reed in Beijing.")
    assert m.participants[0].title == "Assistant Foreign Minister"


def test_the_ministers_opening_a_sentence_titles_an_untitled_participant():
    m = run(
        "On May 3, Jaan Tamm held talks in Oslo with Norway's Minister of Foreign Affairs Eva Berg.\n\n"
        "The ministers reviewed fisheries and energy links."
    )
    assert [(p.name, p.title) for p in m.participants] == [
        ("Jaan Tamm", "minister"),
        ("Eva Berg", "Minister of Foreign Affairs"),
    ]


def test_an_office_another_country_names_differently_joins_its_holder_without_a_default_country():
    m = run(
        "Foreign Minister Roberto Silva met in Lima with the foreign ministers of Argentina and Brazil. "
        "The Secretary of State discussed the agenda of the Inter-American summit with both ministers. "
        "The Secretary of State said that “it is important that there are free elections”."
    )
    silva = next(p for p in m.participants if p.name == "Roberto Silva")
    assert silva.affiliation != "United States"
    assert [q.speaker for q in m.quotes] == ["Roberto Silva"]


@pytest.mark.parametrize(
    "opening",
    [
        "Foreign Minister Ana Ruiz of Chile met the foreign ministers of Peru and Bolivia, Jorge Paz and Luis Soto, "
        "in Quito on Monday.",
        "Foreign Minister Ana Ruiz of Chile met her counterparts from Peru and Bolivia, Jorge Paz and Luis Soto, "
        "in Quito on Monday.",
    ],
)
def test_sides_listed_before_as_many_names_pair_in_order(opening):
    m = run(opening + " The ministers discussed fisheries.")
    assert [(p.name, p.title.lower(), p.affiliation) for p in m.participants] == [
        ("Ana Ruiz", "foreign minister", "Chile"),
        ("Jorge Paz", "foreign minister", "Peru"),
        ("Luis Soto", "foreign minister", "Bolivia"),
    ]


def test_the_side_left_is_the_country_the_text_pairs_with_the_known_side():
    # Ghana's one other mention is as a giver of help, which on its own marks a partner, not a side.
    m = run(
        "Vice President Ama Mensah and Vice President Tunde Bello of Nigeria held talks on Friday. Mensah praised "
        "the ties between Ghana and Nigeria and announced help from Ghana for Nigerian schools."
    )
    assert {p.name: p.affiliation for p in m.participants} == {"Ama Mensah": "Ghana", "Tunde Bello": "Nigeria"}


def test_a_side_named_by_office_first_is_the_person_the_opening_names_for_it():
    m = run(
        "The Swiss president welcomed the leaders of Laos and Cambodia to talks in Geneva.\n\n"
        "On Monday he thanked Lao President Ana Phomvihane and Cambodian Prime Minister Sok Rithy for their courage."
    )
    assert [(p.name, p.affiliation) for p in m.participants] == [
        ("Ana Phomvihane", "Laos"),
        ("Sok Rithy", "Cambodia"),
    ]


def test_rounds_of_talks_frame_the_meeting_and_an_apposition_may_end_with_the_office():
    m = run(
        "Ana Lind, deputy leader of the Social Democratic Party and Swedish foreign minister, had two rounds of "
        "talks with Finnish Foreign Minister Pekka Virta on Monday."
    )
    assert [(p.name, p.title, p.affiliation) for p in m.participants] == [
        ("Ana Lind", "foreign minister", "Sweden"),
        ("Pekka Virta", "Foreign Minister", "Finland"),
    ]


def test_a_spouse_who_accompanied_a_leader_is_mentioned_not_a_participant():
    m = run(
        "President Ana Sousa of Angola met President Rui Costa of Portugal in Lisbon on Tuesday. Sousa was "
        "accompanied by her husband Joao Sousa Neto, and Costa by his wife Maria Costa Lima."
    )
    assert {p.name for p in m.participants} == {"Ana Sousa", "Rui Costa"}


def test_people_the_meeting_was_attended_by_take_part_and_a_side_opener_ties_them():
    m = run(
        "President Ana Lutz of Austria received Foreign Minister Jan Novak of Slovakia in Vienna on Monday.\n\n"
        "Prince Karl Lichten, Minister of Foreign Affairs, was also in attendance.\n\n"
        "On the Slovak side, the meeting was attended by Deputy Foreign Minister Eva Kralova."
    )
    people = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert people["Karl Lichten"][0] == "Minister of Foreign Affairs"
    assert people["Eva Kralova"] == ("Deputy Foreign Minister", "Slovakia")


def test_a_story_filed_from_home_ties_the_side_left_and_an_arrival_names_the_host():
    m = run(
        "King in Doha\n\nBy Staff\n\nAMMAN — King Talal and the Qatari Emir, Hamad bin Khalid, held talks "
        "at the Amiri Diwan in Doha on Monday."
    )
    assert {p.name: p.affiliation for p in m.participants} == {"Talal": "Jordan", "Hamad bin Khalid": "Qatar"}
    m = run(
        "President Kofi Mensah held talks with Belarus President Ivan Petrov on Monday.\n"
        "Petrov, who is from Belarus, arrived in Ghana on Sunday and stays until Tuesday."
    )
    assert {p.name: p.affiliation for p in m.participants} == {"Kofi Mensah": "Ghana", "Ivan Petrov": "Belarus"}
    m = run(
        "Belarus President Ivan Petrov landed in Kumasi this morning. President Kofi Mensah greeted him "
        "there, and the two leaders held talks on trade."
    )
    assert {p.name: p.affiliation for p in m.participants} == {"Kofi Mensah": "Ghana", "Ivan Petrov": "Belarus"}


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Ivo Kask, Minister for Foreign Affairs of Estonia, held a telephone talk on Monday with Hon. Ana Lind "
        "MP, Minister for Foreign Affairs of Sweden.",
        "Ana Lind, the newly appointed Minister for Foreign Affairs of Sweden, paid a courtesy call on Ivo Kask, "
        "Minister for Foreign Affairs of Estonia, on Monday.",
        "Ivo Kask, Minister for Foreign Affairs of Estonia, spoke of the meeting he held in Tallinn with Ana Lind, "
        "Minister for Foreign Affairs of Sweden.",
    ],
)
def test_meeting_frames_and_names_across_house_styles(text):
    m = run(text)
    assert {(p.name, p.affiliation) for p in m.participants} == {("Ivo Kask", "Estonia"), ("Ana Lind", "Sweden")}


def test_a_headline_with_no_verb_frames_nothing():
    # the headline's words come back as a line of their own under an agency's name; the sentence after
    # them, not they, frames the meeting, so the counterpart is the person it names
    m = run(
        "Kask in talks with Swedish counterpart for royal Stockholm visit next year\n\nFrom the Baltic News "
        "Agency (Dec 6): Kask in talks with Swedish counterpart for royal Stockholm visit next year\n\n"
        "Secretary of Foreign Affairs Ivo R. Kask, Jr. is in Stockholm to talk to Swedish Foreign Minister Ana "
        "Lind about how the two ministries should plan the visit to Sweden of President Tamm next year.\n\n"
        "It followed talks between President Tamm and Swedish Prime Minister Ulf Berg at the Nordic Summit in Oslo."
    )
    assert [p.name for p in m.participants] == ["Ivo R. Kask, Jr.", "Ana Lind"]


def test_a_body_named_with_its_acronym_in_brackets_and_a_matter_discussed():
    m = run(
        "Ana Lind met the Chair of the African Union (AU) Council, Lars Berg, in Oslo on 3 May 2024, with Jon Dahl, "
        "the newly appointed Ambassador of Norway. The AU Reform was also discussed."
    )
    people = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert people["Lars Berg"] == ("Chair", "African Union")
    assert people["Jon Dahl"] == ("Ambassador", "Norway")
    assert [p.name for p in m.mentioned] == []


def test_a_counted_group_of_an_office_is_the_holders_named_later():
    m = run(
        "Three top diplomats of the Baltic states held talks in Parnu on May 3.\n"
        "Estonian Prime Minister Eva Tamm said the leaders may meet later this year.\n"
        "Estonian Foreign Minister Ivo Kask said cooperation would grow.\n"
        "Latvian Foreign Minister Anna Berzina agreed, and Lithuanian Foreign Minister Tomas Valys said more "
        "talks would follow."
    )
    assert [p.name for p in m.participants] == ["Ivo Kask", "Anna Berzina", "Tomas Valys"]


def test_people_a_sentence_says_were_also_present_take_part():
    m = run(
        "Prime Minister Ivo Kask of Estonia held a video call with President Ana Lind of Finland on Monday.\n\n"
        "Defence Minister Mart Tamm and Finance Minister Liis Kuusk, who had flown in for a budget forum, were "
        "also present, as were Defence Minister Pekka Virta and Finance Minister Aino Salo of Finland."
    )
    assert {p.name for p in m.participants} == {
        "Ivo Kask", "Ana Lind", "Mart Tamm", "Liis Kuusk", "Pekka Virta", "Aino Salo",
    }  # fmt: skip


def test_particles_joined_by_hyphens_and_offices_in_lower_case_after_a_country():
    m = run(
        "Ahmed Al-Rashid, Kuwait's oil minister, held talks in Muscat with Energy Minister Prince Talal bin Saud "
        "of Oman on Monday. Later His Excellency Omar Al -Hakim, President of Syria, telephoned both."
    )
    people = {p.name: (p.title, p.affiliation) for p in m.participants + m.mentioned}
    assert people["Talal bin Saud"] == ("Energy Minister", "Oman")
    assert people["Ahmed Al-Rashid"] == ("oil minister", "Kuwait")
    assert "Omar Al -Hakim" in people


def test_a_title_that_lists_its_portfolios_after_a_comma():
    m = run(
        "Anna Berzina of Latvia was received in Tallinn by the Minister of Foreign Affairs, Trade and Estonians "
        "Abroad, Ivo Kask, on Wednesday."
    )
    assert sorted(p.name for p in m.participants + m.mentioned) == ["Anna Berzina", "Ivo Kask"]
    titles = {p.name: p.title for p in m.participants}
    assert titles["Ivo Kask"] == "Minister of Foreign Affairs, Trade and Estonians Abroad"


def test_an_office_the_text_ties_to_another_body_takes_that_body_not_the_usual_one():
    m = run(
        "In Vienna on Friday, OSCE Secretary General Anna Frei received the Secretary General of the Organisation "
        "of Baltic Ports Ambassador Karen Holm. Secretary General Holm spoke about port security."
    )
    sides = {p.name: p.affiliation for p in m.participants}
    assert sides["Karen Holm"] == "Organisation of Baltic Ports"
    assert sides["Anna Frei"] == "OSCE"


def test_a_headline_ending_in_a_country_gives_it_to_nobody_on_the_next_line():
    m = run(
        "Premier speaks with Chancellor of Austria\n\n"
        "Premier Tomasz Wrona spoke with the Chancellor of Austria, Lena Huber, on Monday.\n\n"
        "The two leaders discussed energy security."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got["Lena Huber"] == "Austria"
    assert got["Tomasz Wrona"] != "Austria"


@pytest.mark.parametrize("inviter", ["Wrona", "Premier", "The Premier"])
def test_a_host_invites_to_their_own_country(inviter):
    m = run(
        "Premier Tomasz Wrona spoke with the Chancellor of Austria, Lena Huber, on Monday.\n\n"
        f"The two leaders discussed energy security. {inviter} invited Chancellor Huber to visit Poland at a "
        "mutually convenient time."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got == {"Tomasz Wrona": "Poland", "Lena Huber": "Austria"}


def test_an_office_of_a_city_belongs_to_its_country_and_a_ruler_is_titled():
    m = run(
        "President Amani Njoroge of Kenya received Foreign Minister Kofi Mensah of Ghana in Nairobi.\n\n"
        "The meeting was attended by Sheikh Saif bin Rashid, Deputy Ruler of Dubai, and Jean Morel, Mayor of Lyon."
    )
    got = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert got["Saif bin Rashid"] == ("Deputy Ruler", "United Arab Emirates")
    assert got["Jean Morel"] == ("Mayor", "France")


@pytest.mark.parametrize(
    "visit",
    [
        "President Lucas Ferreira of Brazil, who is on an official visit to Peru",
        "President Lucas Ferreira of Brazil, who paid a working visit to Peru this week",
    ],
)
def test_the_host_of_a_visit_the_guest_is_making_is_the_destination(visit):
    m = run(f"Prime Minister Elena Quispe held talks in Lima on Monday with {visit}.\n\nTrade was discussed.")
    got = {p.name: p.affiliation for p in m.participants}
    assert got == {"Elena Quispe": "Peru", "Lucas Ferreira": "Brazil"}


def test_a_family_name_in_capitals_before_the_given_name_is_one_name():
    m = run(
        "On June 2, Mr. TANAKA Hiroshi, Minister for Foreign Affairs of Japan, held a meeting with "
        "Mr. Rui Matos, Minister of Foreign Affairs of Portugal.\n\n"
        '"Portugal is a trusted partner," Minister Tanaka said.\n\n'
        "TOKYO Governor races were not discussed."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got == {"TANAKA Hiroshi": "Japan", "Rui Matos": "Portugal"}
    assert [q.speaker for q in m.quotes] == ["TANAKA Hiroshi"]


def test_a_counterpart_of_a_double_office_shares_the_portfolio_and_a_colon_dateline_is_home():
    m = run(
        "Chile, Peru ministers talk trade\n\n"
        "SANTIAGO: Deputy Prime Minister and Foreign Minister Ana Soto on Monday held a telephone conversation "
        "with her Peruvian counterpart Luis Paredes.\n\n"
        "The two ministers agreed to stay in touch."
    )
    got = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert got == {
        "Ana Soto": ("Deputy Prime Minister and Foreign Minister", "Chile"),
        "Luis Paredes": ("Foreign Minister", "Peru"),
    }


def test_a_guest_who_accepts_an_invitation_is_not_from_the_country_invited_to():
    m = run(
        "Premier Tomasz Wrona of Poland received Chancellor Lena Huber in Warsaw on Monday.\n\n"
        "Huber accepted an invitation to visit Poland again next year. Wrona extended an invitation to the "
        "Chancellor to visit Poland."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got["Lena Huber"] != "Poland"


def test_a_counterpart_called_the_leader_later_still_holds_the_other_sides_office():
    m = run(
        "Prime Minister Tomasz Wrona of Poland held talks with his Austrian counterpart Lena Huber in Vienna.\n\n"
        '"We agreed to link our rail networks," the Austrian leader told reporters.'
    )
    got = {p.name: p.title for p in m.participants}
    assert got["Lena Huber"] == "Prime Minister"


def test_a_headlines_capitalised_verbs_are_not_names():
    m = run(
        "US Ambassador Carl R. Berg Meets Minister of Foreign Affairs, Ana Soto to Review Chile-US Relations\n\n"
        "US Ambassador to Chile, Carl R. Berg met Minister of Foreign Affairs, Ana Soto. The meeting took place at "
        "the ministry in Santiago on Friday. Ambassador Berg said that he and Minister Ana Soto discussed trade."
    )
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Carl R. Berg"]


def test_a_visit_by_invitation_frames_the_meeting_without_a_meeting_verb():
    m = run(
        "VIENTIANE, Oct 3 (NNN) - Thai Prime Minister, Anan Chai, arrived in Vientiane on Monday for a two-day state "
        "visit, on the invitation of his Lao counterpart, Prime Minister Khamla Vong.\n\n"
        "A welcoming ceremony in honour of Chai was held at the Government Office.\n\n"
        "In their talks, the two prime ministers went over cooperation in energy and tourism."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got == {"Anan Chai": "Thailand", "Khamla Vong": "Laos"}


def test_delegations_led_by_name_are_the_participants():
    m = run(
        "The third round of consultations between Chile and Peru was held by videoconference on Monday. "
        "The Chilean side was led by Ana Soto, Vice Minister of Foreign Affairs, and the Peruvian side was led "
        "by Luis Paredes, Director General for the Americas.\n\nThe two sides reviewed trade."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got == {"Ana Soto": "Chile", "Luis Paredes": "Peru"}


@pytest.mark.parametrize(
    ("text", "name", "title", "affiliation"),
    [
        (
            "Assistant Secretary of State for South and Central Asian Affairs Dana Holt met Vice Minister Li Wen "
            "of China in Tianjin.",
            "Dana Holt",
            "Assistant Secretary of State for South and Central Asian Affairs",
            "United States",
        ),
        (
            "President Ilham Karimov welcomed Deputy Chairman of the Council of Ministers of Belarus Ivan "
            "Zhuk in Tashkent.",
            "Ivan Zhuk",
            "Deputy Chairman of the Council of Ministers",
            "Belarus",
        ),
        (
            "Foreign Minister Sana Baloch hosted Acting Foreign Minister of Afghanistan Amir Gul Rahimi in Islamabad.",
            "Amir Gul Rahimi",
            "Acting Foreign Minister",
            "Afghanistan",
        ),
    ],
)
def test_long_portfolios_and_a_given_name_that_is_also_a_title(text, name, title, affiliation):
    got = {p.name: (p.title, p.affiliation) for p in run(text).participants}
    assert got[name] == (title, affiliation)
    assert len(got) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "The Prime Minister reaffirmed that Norway does not and will not recognise the annexation.",
        "The Prime Minister reiterated Norway's firm support for Chile's energy transition.",
        "The Prime Minister looked forward to welcoming President Soto to Norway next year.",
    ],
)
def test_an_office_holder_speaking_for_welcoming_to_or_restating_a_country_is_of_it(sentence):
    m = run(
        "Today, Prime Minister Erik Dahl spoke with the President of Chile, Ana Soto.\n\n"
        "Prime Minister Dahl praised Denmark's offshore wind plan. " + sentence
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got == {"Erik Dahl": "Norway", "Ana Soto": "Chile"}


def test_a_country_the_leaders_condemn_is_nobodys_side():
    m = run(
        "Today, Prime Minister Erik Dahl spoke with the President of Chile, Ana Soto.\n\n"
        "Prime Minister Dahl denounced Russia's sham referendums and Russia's attacks on Ukraine's grid."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got["Erik Dahl"] != "Russia"


def test_a_country_that_belongs_to_another_persons_name_is_not_a_participants_side():
    m = run(
        "After months of delay, President Amani Njoroge spoke by phone with Ukrainian President Olena "
        "Marchenko.\n\nNjoroge, who has already spoken with China's Li Wei and Brazil's Lucas Ferreira, "
        "confirmed the call on Thursday."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got["Amani Njoroge"] is None


def test_a_rank_worn_as_a_style_after_the_title_and_comma_is_not_the_title():
    m = run(
        "Ghana's Minister of Foreign Affairs, Ambassador Kofi Mensah, has met with the British Foreign "
        "Secretary in London to discuss trade."
    )
    got = {(p.name, p.title, p.affiliation) for p in m.participants}
    assert got == {
        ("Kofi Mensah", "Minister of Foreign Affairs", "Ghana"),
        (None, "Foreign Secretary", "United Kingdom"),
    }


def test_an_outlet_opening_the_story_and_a_plural_office_abbreviation_are_not_people():
    m = run(
        "Chilean, Peruvian FMs discuss ways to promote trade\n\n"
        "Chilean Foreign Minister Ana Soto and her Peruvian counterpart Luis Paredes on Thursday discussed ways "
        "to promote trade. The Andes Daily News reported that Andes Daily News said more talks would follow."
    )
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Luis Paredes"]
    assert all(p.name != "Andes Daily News" for p in m.mentioned)


def test_a_titled_name_after_a_comma_is_the_next_person_of_a_list_not_an_apposition():
    m = run(
        "Foreign Minister Aiko Tanabe, U.S. Secretary of State Dana Holt and South Korean Foreign Minister Lee "
        "Jun-ho held a videoconference on Tuesday.\n\nPrime Minister Kenji Mori, U.S. President Sam Ford and "
        "South Korean President Kim Ha-neul are set to meet on Friday."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got["Aiko Tanabe"] != "United States"
    assert got["Dana Holt"] == "United States" and got["Lee Jun-ho"] == "South Korea"


def test_two_people_joined_as_subject_of_a_joint_verb_frame_the_meeting_when_no_meeting_verb_does():
    m = run(
        "Chile, Peru sign five accords\n\n"
        "Chilean President Ana Soto and Peruvian Prime Minister Luis Paredes signed five memoranda of "
        "understanding in Lima on Tuesday.\n\nSoto was accompanied by a business delegation."
    )
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Luis Paredes"]


def test_a_meeting_verb_frame_wins_over_an_earlier_joint_verb_with_people_only_talked_about():
    m = run(
        "Foreign Ministers Ana Soto of Chile and Luis Paredes of Peru agreed on Friday to prepare a summit "
        "between Presidents Carlos Vega and Rosa Quispe in April.\n\nSoto and Paredes met in Lima."
    )
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Luis Paredes"]


def test_names_listed_under_one_plural_title_in_the_first_sentence_all_took_part():
    m = run(
        "The Baltic foreign ministers: Ministers Ivo Kask of Estonia, Janis Ozols of Latvia and Ruta Jonaite of "
        "Lithuania, found common ground in Riga on Thursday.\n\n"
        "Ozols, who hosted the Riga meeting, said it had focused on the poisoning of Russian opposition leader "
        "Pavel Orlov and on energy."
    )
    assert sorted(p.name for p in m.participants) == ["Ivo Kask", "Janis Ozols", "Ruta Jonaite"]


def test_districts_and_oblasts_are_places_not_people():
    m = run(
        "Foreign Minister Ivo Kask of Estonia welcomed his Latvian counterpart Janis Ozols in the village of "
        "Rapla, Harju District, Tartu Oblast on 3 February."
    )
    assert sorted(p.name for p in m.participants) == ["Ivo Kask", "Janis Ozols"]


def test_the_pair_of_countries_whose_ties_are_praised_names_the_side_left_even_in_a_longer_list():
    m = run(
        "President Omar Haddad held talks today with the Crown Prince of the Kingdom of Jordan, Prince Zaid "
        "bin Talal, at the Arab League meeting.\n\n"
        "Haddad praised the long friendship between Tunisia and Jordan and the family ties "
        "their peoples keep."
    )
    got = {p.name: p.affiliation for p in m.participants}
    assert got["Omar Haddad"] == "Tunisia"


def test_a_peer_is_a_counterpart():
    m = run("Cuban Foreign Minister Ana Diaz held talks in Rome with her Italian peer, Marco Bassi, at the ministry.")
    got = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert got["Marco Bassi"] == ("Foreign Minister", "Italy")


def test_a_counterpart_shares_the_office_not_a_portfolio_listed_after_it():
    m = run(
        "Minister of Foreign Affairs, African Cooperation and Nationals Abroad, Karim Idrissi, held talks in "
        "Rabat with his Senegalese counterpart, Awa Ndiaye."
    )
    got = {p.name: p.title for p in m.participants}
    assert got["Awa Ndiaye"] == "Minister of Foreign Affairs"


def test_an_office_then_an_untitled_name_opening_the_next_sentence_are_one_person():
    m = run(
        "Yerevan hosted a meeting of the foreign ministers of Armenia, Georgia and Iran.\n\n"
        "The Georgian Foreign Minister spoke about trade corridors. Nika Beridze also emphasized regional "
        "stability."
    )
    got = {(p.name, p.title, p.affiliation) for p in m.participants}
    assert ("Nika Beridze", "Foreign Minister", "Georgia") in got
    assert not any(p.name is None and p.affiliation == "Georgia" for p in m.participants)


def test_a_side_represented_by_a_person_gives_its_country():
    m = run(
        "Foreign Minister Ana Soto of Chile held a meeting today with Peruvian Foreign Minister Luis Paredes.\n\n"
        "Paredes was accompanied by Vice Minister Rosa Vega. The Chilean side was represented by the "
        "Undersecretary for the Americas, Carla Ibanez."
    )
    people = {p.name: p.affiliation for p in [*m.participants, *m.mentioned]}
    assert people["Carla Ibanez"] == "Chile"


def test_a_title_word_that_is_also_a_name_stays_inside_a_name():
    m = run(
        "TEHRAN - Iranian Foreign Minister Reza Amir Tabrizi and his Omani counterpart Salim Harthy spoke over "
        "the phone on Thursday."
    )
    got = {p.name: (p.title or "").lower() for p in m.participants}
    assert got == {"Reza Amir Tabrizi": "foreign minister", "Salim Harthy": "foreign minister"}


def test_a_headlines_past_tense_verb_is_not_part_of_a_name():
    m = run(
        "Prime Minister Soto Held Talks With Peru's Luis Paredes\n\n"
        "Chilean Prime Minister Ana Soto has concluded official talks with her Peruvian counterpart, Luis "
        "Paredes, in Lima yesterday."
    )
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Luis Paredes"]
    assert not any("Held" in (p.name or "") for p in m.mentioned)


def test_a_readouts_own_principal_named_by_office_is_not_the_other_sides_holder_of_that_office():
    m = run(
        "PM call with Prime Minister Tane of Samoa\n\n"
        "The Prime Minister spoke to Prime Minister Ioane Tane of Samoa this morning.\n\n"
        "The Prime Minister thanked Prime Minister Tane for Samoa's support."
    )
    assert sorted((p.name or "", p.title) for p in m.participants) == [
        ("", "Prime Minister"),
        ("Ioane Tane", "Prime Minister"),
    ]


def test_a_bare_office_after_its_holder_was_named_is_that_holder():
    m = run(
        "Prime Minister Ioane Tane of Samoa met President Ana Soto of Chile in Apia.\n\n"
        "The Prime Minister said the talks were useful."
    )
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Ioane Tane"]


@pytest.mark.parametrize(
    ("tail", "affiliation"),
    [
        ("Soto also hailed Mongolia's role in the region. Rahimi thanked her for the call.", "Mongolia"),
        # two countries named twice that no side holds: a guess between them is no evidence
        ("Soto also hailed Peru's role and Peru's and Mongolia's reforms. Rahimi thanked her.", None),
    ],
)
def test_the_one_country_named_again_that_no_side_holds_is_the_untied_sides(tail, affiliation):
    m = run(
        "President Rahimi received a phone call today from Chilean President Ana Soto.\n\n"
        "Soto praised Mongolia's reforms. " + tail
    )
    assert sorted((p.name, p.affiliation) for p in m.participants) == [("Ana Soto", "Chile"), ("Rahimi", affiliation)]


@pytest.mark.parametrize("support", ["U.S. support", "American support"])
def test_support_a_person_pledges_as_their_countrys_is_their_side(support):
    m = run(
        "Vice President Dana Ward spoke today with President Ana Soto of Chile.\n\n"
        f"Ward pledged {support} for a rail plan drawn up by Chile, Peru, Mongolia and Bolivia, and spoke of "
        "Mongolia's copper and Mongolia's partners."
    )
    assert {p.name: p.affiliation for p in m.participants}["Dana Ward"] == "United States"


@pytest.mark.parametrize(
    ("title", "expected"),
    [("President-elect", "President-elect"), ("Prime Minister-designate", "Prime Minister-designate")],
)
def test_an_office_not_yet_taken_up_is_the_title(title, expected):
    m = run(f"President Dana Ward called {title} Ana Soto of Chile today to congratulate her.")
    assert {p.name: p.title for p in m.participants} == {"Dana Ward": "President", "Ana Soto": expected}


def test_a_single_name_calling_a_titled_person_frames_the_call():
    # the parser reads "Ward called Prime Minister Soto" as naming, with Soto an object predicate
    m = run("President Kagame called Prime Minister Ana Soto of Chile today.")
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Kagame"]


def test_the_head_of_a_body_and_a_titled_name_are_two_people():
    m = run(
        "Readout of the Secretary-General's meeting\n\nThe Secretary-General and Foreign Minister Ana Soto of "
        "Chile met today.\n\nThe Secretary-General and the Minister discussed Haiti."
    )
    assert sorted((p.name or "", p.title) for p in m.participants) == [
        ("", "Secretary-General"),
        ("Ana Soto", "Foreign Minister"),
    ]


def test_a_title_alone_after_a_headline_without_a_stop_stays_with_its_name():
    m = run("Readout of the call\n\nPresident Dana Ward spoke with Ana Soto today.")
    assert {p.name: p.title for p in m.participants}["Dana Ward"] == "President"


def test_an_envoys_hyphenated_brief_is_part_of_the_title():
    m = run(
        "President Ana Soto of Chile met Prime Minister Ioane Tane of Samoa in Apia.\n\n"
        "Ambassador-at-Large Rosa Vega was present."
    )
    vega = next(p for p in [*m.participants, *m.mentioned] if p.name and "Vega" in p.name)
    assert (vega.name, vega.title) == ("Rosa Vega", "Ambassador-at-Large")


@pytest.mark.parametrize("venue", ["Palacio de la Moneda", "Palazzo Chigi", "Palais Schwarzenberg"])
def test_a_venue_in_its_own_language_is_no_person(venue):
    m = run(f"Foreign Minister Ana Soto of Chile went to {venue} to meet with Peruvian Foreign Minister Luis Paredes.")
    assert sorted(p.name for p in [*m.participants, *m.mentioned]) == ["Ana Soto", "Luis Paredes"]


def test_an_office_greeted_before_a_comma_is_not_the_subject_after_it():
    m = run(
        "President Aziz Karimov of Uzbekistan received Minister of Foreign Affairs of Azerbaijan Elnur "
        "Aliyev.\n\nWelcoming the Azerbaijani Foreign Minister, Karimov praised the growth of trade."
    )
    assert {p.name: p.title for p in m.participants} == {
        "Aziz Karimov": "President",
        "Elnur Aliyev": "Minister of Foreign Affairs",
    }


def test_a_headline_short_form_joins_the_person_it_is_bracketed_after():
    m = run(
        "President Bamsut Receives Chilean President\n\nJakarta - President Bambang Sutrisno (Bamsut) received "
        'President Ana Soto of Chile today.\n\n"The visit was useful," President Bamsut said.'
    )
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Bambang Sutrisno"]
    assert [q.speaker for q in m.quotes] == ["Bambang Sutrisno"]


def test_plural_office_with_its_portfolio_over_a_list_of_sides_gives_an_office_per_side():
    m = run(
        "Joint statement\n\nThe Ministers of Foreign Affairs of Chile and Norway sat down today in Santiago.\n\n"
        "Both ministers agreed to relaunch the business council."
    )
    assert sorted((p.name, p.title, p.affiliation) for p in m.participants) == [
        (None, "minister of foreign affairs", "Chile"),
        (None, "minister of foreign affairs", "Norway"),
    ]


@pytest.mark.parametrize("body", ["the United Nations Multi-Donor Fund", "the Central Committee"])
def test_a_body_written_like_a_name_is_no_person(body):
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n"
        f"Chile also joined {body} this year."
    )
    assert sorted(p.name for p in [*m.participants, *m.mentioned]) == ["Ana Soto", "Luis Paredes"]


def test_the_other_side_of_a_visitor_arriving_in_a_city_is_the_host():
    m = run(
        "Talks fruitful\n\nPrime Minister Ioane Tane and President Ana Soto discussed fisheries and shipping.\n\n"
        "Tane said President Soto's arrival in Valparaiso opens a new chapter."
    )
    assert {p.name: p.affiliation for p in m.participants}["Ioane Tane"] == "Chile"


def test_a_portfolio_joined_by_and_before_the_name_and_a_surname_without_its_article():
    m = run(
        "Haddad meets Chilean counterpart in Amman\n\nJordanian Minister of Foreign Affairs and Expatriates, Omar "
        "Al-Haddad and his Chilean counterpart, Ana Soto spoke to reporters in Amman after their talks.\n\n"
        '"We agreed on much," Haddad said.'
    )
    people = {p.name: (p.title, p.affiliation) for p in m.participants}
    assert people["Omar Al-Haddad"] == ("Minister of Foreign Affairs and Expatriates", "Jordan")
    assert [q.speaker for q in m.quotes] == ["Omar Al-Haddad"]


def test_capitalised_plural_office_over_sides_then_names_respectively():
    m = run(
        "Three FMs discuss trade\n\nForeign Ministers of Chile, Peru and Norway, Ana Soto, Luis Paredes and Eva Berg, "
        "respectively, discussed trade at the ministerial meeting in Lima."
    )
    assert sorted((p.name, p.affiliation) for p in m.participants) == [
        ("Ana Soto", "Chile"),
        ("Eva Berg", "Norway"),
        ("Luis Paredes", "Peru"),
    ]


@pytest.mark.parametrize(
    ("sentence", "stray"),
    [
        ("They met on the sidelines of the Mekong Ministers' Meeting (FMM MLC).", "FMM MLC"),
        ("Soto later flew to St. Vincent for the summit.", "St. Vincent"),
    ],
)
def test_acronyms_and_saints_places_are_no_people(sentence, stray):
    m = run("Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru.\n\n" + sentence)
    assert stray not in {p.name for p in [*m.participants, *m.mentioned]}


def test_a_malaysian_style_before_a_name_is_no_name():
    m = run(
        "Foreign Minister Datuk Seri Zambry Abdul Kadir met Foreign Minister Ana Soto of Chile in Putrajaya.\n\n"
        "They also spoke of a trip to Chile that Prime Minister Datuk Seri Ahmad Rosli plans."
    )
    names = {p.name for p in [*m.participants, *m.mentioned]}
    assert "Zambry Abdul Kadir" in names and "Datuk Seri" not in names


def test_a_call_of_three_ministers_frames_all_three():
    m = run(
        "Foreign Office on the joint call\n\nAfter a phone call of Foreign Minister Hanna Vogel, her Chilean "
        "counterpart Ana Soto and Peruvian Foreign Minister Luis Paredes a spokesperson issued a statement today."
        "\n\nThe call focused on fisheries."
    )
    assert sorted(p.name for p in m.participants) == ["Ana Soto", "Hanna Vogel", "Luis Paredes"]
