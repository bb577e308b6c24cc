"""Quotes and their speakers."""

from __future__ import annotations

from helpers_extract import run
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---------------------------------------------------------------- speakers through the one coreference step
def test_speakers_named_by_office_side_abbreviation_and_pronoun_resolve_to_the_fullest_name():
    m = run(
        "Kazakh President Nurlan Abenov held talks with Kyrgyz President Temir Osmonov in Astana on Monday.\n\n"
        '"Our countries have no disagreements at all," said the Kazakh Head of State.\n\n'
        'Briefing reporters, the Kyrgyz president said the visit was "a sign of our shared commitment to '
        'friendship."\n\n'
        'Osmonov thanked his host. "We are grateful for the warm welcome," he added.'
    )
    assert [q.speaker for q in m.quotes] == ["Nurlan Abenov", "Temir Osmonov", "Temir Osmonov"]


def test_the_pm_is_the_prime_minister_named_earlier():
    m = run(
        "Portugal's Prime Minister, Miguel Sousa, met Spanish President Carlos Ortega on Wednesday in Madrid.\n\n"
        '"We raised every issue, and both sides agreed to keep talking," the PM underlined.'
    )
    assert m.quotes[0].speaker == "Miguel Sousa"


def test_a_short_form_in_brackets_and_a_bare_office_speak_for_the_same_person():
    m = run(
        "Jakarta: Indonesian President Budi Santoso (Busan) held a bilateral meeting with his Lao counterpart, "
        "Somsak Vongsa, on Friday.\n\n"
        '"Trade grew by nine percent last year," President Busan told reporters after the meeting.\n\n'
        '"We agreed on a new target," President added.'
    )
    assert [q.speaker for q in m.quotes] == ["Budi Santoso", "Budi Santoso"]


def test_a_body_speaks_and_a_fragment_never_does():
    m = run(
        "Foreign Minister Lena Holm of Sweden met Foreign Minister Ivo Maric of Croatia in Zagreb.\n\n"
        'The Swedish embassy posted: "A productive day for Nordic-Adriatic ties."'
    )
    speakers = [q.speaker for q in m.quotes]
    assert speakers and speakers[0] and "embassy" in speakers[0].lower()


def test_a_later_titled_short_form_is_the_same_person():
    m = run(
        "Indonesian President Budi Santoso (Busan) held talks with Lao President Somsak Vongsa in Bogor.\n\n"
        '"Trade grew by nine percent," President Busan told reporters.'
    )
    assert [q.speaker for q in m.quotes] == ["Budi Santoso"]
    assert len(m.participants) == 2


def test_attribution_forms_across_outlets():
    m = run(
        "Kenyan President William Ochieng met Ugandan President Samuel Okello in Kampala on Monday.\n\n"
        '"We have agreed to finish the railway link," said Ochieng.\n\n'
        '"Our traders deserve open borders," Okello was quoted as saying by the state broadcaster.\n\n'
        'According to Ochieng, "the two economies are now one market in all but name."\n\n'
        'In a post on X, the Ugandan leader wrote: "A productive day for East African unity."\n\n'
        'The Kenyan foreign ministry said in a statement that "both delegations reviewed the security situation."'
    )
    assert [q.speaker for q in m.quotes] == [
        "William Ochieng",
        "Samuel Okello",
        "William Ochieng",
        "Samuel Okello",
        "Kenyan foreign ministry",
    ]


def test_a_word_or_two_a_participant_is_saying_is_a_quote_but_a_scare_quote_is_not():
    m = run(
        "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday. "
        "Kask described the talks as “constructive” and said the ferry deal was a “win-win”. "
        "The so-called “Baltic corridor” was not discussed."
    )
    assert [(q.speaker, q.text) for q in m.quotes] == [("Ivo Kask", "constructive"), ("Ivo Kask", "win-win")]
    assert {q.confidence for q in m.quotes} == {0.6}


_TALKS = "Prime Minister Ivo Kask of Estonia met Prime Minister Ana Lind of Sweden in Stockholm on Monday. "


def test_a_participle_of_speech_speaks_for_the_subject_it_hangs_on():
    m = run(_TALKS + "Swedish Prime Minister Lind agreed, describing the talks as a “frank and useful exchange”.")
    assert [(q.speaker, q.text) for q in m.quotes] == [("Ana Lind", "frank and useful exchange")]


def test_according_to_a_participant_attributes_a_short_quote():
    m = run(_TALKS + "According to Lind, trade between the two countries was “steadily improving.”")
    assert [q.speaker for q in m.quotes] == ["Ana Lind"]


def test_a_statement_that_specifies_is_the_speaker():
    m = run(_TALKS + "A joint statement specified that the ministers were “honouring the old pledge to deepen ties.”")
    assert [q.speaker for q in m.quotes] == ["joint statement"]


def test_an_agency_reporting_a_speakers_words_is_not_the_speaker():
    m = run(_TALKS + "Kask said the ties were “important and growing”, according to Xinhua.")
    assert [q.speaker for q in m.quotes] == ["Ivo Kask"]


def test_a_plural_office_is_no_person():
    m = run("Secretary Ana Lind met Secretary Tom Reed in Washington on Monday. The Secretaries discussed trade.")
    assert "Secretaries" not in [p.name for p in m.participants + m.mentioned]


def test_a_release_that_states_words_is_their_source():
    m = run(
        _TALKS + "Both ministers agreed on closer cooperation in shipbuilding, “pooling know-how and sharing "
        "yards,” the release stated."
    )
    assert [q.speaker for q in m.quotes] == ["release"]


def test_a_curly_opening_closed_by_a_straight_mark_is_one_quotation():
    from briefgen.extract.text.quotemarks import find_quote_spans

    text = 'She told reporters, “We agreed to meet again in May."\n\nThen “soon” and "later" were said.'
    assert [s.text(text) for s in find_quote_spans(text)] == ["We agreed to meet again in May.", "soon", "later"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list('ab ,.\n“”"«»„') + ["said", "We"]), max_size=60).map("".join))
def test_quotation_spans_stay_inside_their_marks(text):
    from briefgen.extract.text.quotemarks import find_quote_spans

    spans = find_quote_spans(text)
    assert [s.open_mark for s in spans] == sorted(s.open_mark for s in spans)
    for s in spans:
        assert 0 <= s.open_mark < s.start <= s.end <= s.close_mark < len(text)
        # a paragraph of a quotation that runs on in curly marks ends at the paragraph's end, with no mark
        assert text[s.open_mark] in '“«„"' and text[s.close_mark] in '”»“"\n'


def test_a_body_named_once_keeps_its_name_when_called_the_document_later():
    m = run(
        _TALKS + "The Rosenbad statement said the premiers “would meet again in June to sign the grid accord.” "
        "Both premiers also welcomed the shipyard pact, “a model for the whole Baltic region,” the document noted."
    )
    assert [q.speaker for q in m.quotes] == ["Rosenbad statement", "Rosenbad statement"]


def test_single_quotation_marks_quote_and_apostrophes_do_not():
    text = "Kask's aides called it 'a fine day' and Lind's team agreed. The ministers' talks ran late."
    assert [s.text(text) for s in find_quote_spans(text)] == ["a fine day"]


def test_the_verb_a_quotation_hangs_on_names_its_speaker_and_the_duo_is_both():
    m = run(
        _TALKS + "The duo called the evening 'long but very useful'.\n"
        "Kask then told journalists 'we agree on almost everything' while Lind said the talks would go on."
    )
    assert [q.speaker for q in m.quotes] == ["Ivo Kask and Ana Lind", "Ivo Kask"]


def test_the_head_of_a_ministry_of_a_country_is_that_sides_minister():
    m = run(
        "Foreign Minister Ivo Kask of Estonia spoke by phone with Foreign Minister Ana Lind of Sweden on Monday.\n\n"
        "After the call, the head of the Foreign Ministry of Sweden posted: “Good news for the ferry line and "
        "for our islands.”"
    )
    assert [q.speaker for q in m.quotes] == ["Ana Lind"]


def test_descriptive_names_of_an_office_are_its_one_holder_for_that_side():
    m = run(
        _TALKS + '"Good to see an old ally in Stockholm," the head of government said. The Latvian top '
        'diplomat called the talks "very useful indeed". The Estonian top diplomat called them "useful for us all".'
    )
    # two heads of government and no foreign minister: no one holder, no speaker guessed
    assert [q.speaker for q in m.quotes] == [None, None, None]
    m = run(
        "Prime Minister Ivo Kask of Estonia met Foreign Minister Ana Lind of Sweden in Stockholm on Monday. "
        '"Good to see an old ally in Stockholm," the Swedish top diplomat said. "The talks were useful '
        'indeed," the head of government said.'
    )
    assert [q.speaker for q in m.quotes] == ["Ana Lind", "Ivo Kask"]


def test_a_document_speaks_for_the_body_the_text_says_issued_it():
    m = run(
        _TALKS + "A note from the Office of the Prime Minister reads: “both sides will expand the ferry "
        "service next year.” The Baltic News Agency reported on Tuesday that the talks went well. “The two "
        "leaders reviewed energy links in detail,” according to the report."
    )
    assert [q.speaker for q in m.quotes] == ["Office of the Prime Minister", "Baltic News Agency"]


def test_a_shared_seat_speaks_and_it_after_it_is_that_body():
    m = run(
        "President Amani Njoroge hosted President Didier Habimana of Burundi at State House on Friday.\n\n"
        'In a statement, State House said the two presidents "resolved to reopen the lake ferry route '
        'soon." It added that the route "will carry goods and passengers alike."'
    )
    got = {q.text[:14]: q.speaker for q in m.quotes}
    assert got == {"resolved to re": "State House", "will carry goo": "State House"}


def test_it_after_a_person_spoke_is_no_body():
    m = run(
        "Foreign Minister Ivo Kask of Estonia met Foreign Minister Ana Lind of Sweden in Tallinn.\n\n"
        'The ministry said the talks were useful. Lind said the Baltic "needs more patrols at sea." '
        'It was also noted that the region "must guard its cables better."'
    )
    speakers = {q.text[:10]: q.speaker for q in m.quotes}
    assert speakers.get("needs more") == "Ana Lind"
    assert speakers.get("must guard") != "ministry"


def test_a_surname_with_particles_is_the_person_named_in_full_before():
    m = run(
        "Chancellor Karl van der Berg of Austria met Prime Minister Ana Lind of Sweden in Vienna.\n\n"
        '"Sweden is a close partner of ours," said Chancellor van der Berg.'
    )
    assert [q.speaker for q in m.quotes] == ["Karl van der Berg"]


def test_an_office_that_said_in_a_release_speaks_and_it_said_it_added_follow_it():
    m = run(
        "The fourth round of consultations between Chile and Peru was held in Lima on Monday. The Chilean side "
        "was led by Ana Soto, Vice Minister of Foreign Affairs, and the Peruvian side was led by Luis Paredes, "
        "Director General for the Americas.\n\n"
        '"The two sides reviewed trade and mining ties in depth," Directorate of Foreign Relations said in a '
        "release. According to the release, both delegations agreed to meet again.\n\n"
        '"They agreed to hold the next round in Santiago," it said. "Both sides also discussed the '
        'pandemic response," it added.'
    )
    assert [q.speaker for q in m.quotes] == ["Directorate of Foreign Relations"] * 3


def test_a_side_named_by_a_demonym_and_a_person_noun_speaks_and_he_follows_it():
    m = run(
        "Foreign Minister Ivo Kask of Estonia met Foreign Minister Ana Lind of Sweden in Stockholm on Monday.\n\n"
        "They also discussed Belarus, where opposition figure Pavel Orlov remains in prison. Referring to new "
        'sanctions on Minsk, the Estonian official recalled that the bloc had acted. "But we want more '
        'dialogue", he added.'
    )
    assert [q.speaker for q in m.quotes] == ["Ivo Kask"]


def test_an_inverted_attribution_with_the_name_after_the_verb_names_the_speaker():
    m = run(
        "President Amani Njoroge spoke by phone on Tuesday with Ukrainian President Olena Marchenko.\n\n"
        '"Had a call with President Njoroge. We discussed grain exports and food security," tweeted Marchenko '
        "on Wednesday evening."
    )
    assert [q.speaker for q in m.quotes] == ["Olena Marchenko"]


def test_a_quotation_standing_alone_after_someone_confirmed_or_said_something_is_theirs():
    m = run(
        "President Amani Njoroge spoke by phone on Tuesday with Ukrainian President Olena Marchenko.\n\n"
        'He said they had discussed the "human cost of the war, and its wider effects."\n\n'
        '"Both of us want talks that end this war, which has cut food supplies to our region."\n\n'
        "Ukrainian ambassador to Kenya Iryna Bondar had confirmed to reporters earlier that the call did take "
        'place.\n\n"The call took place yesterday evening, as planned with the presidency."'
    )
    assert [q.speaker for q in m.quotes] == ["Amani Njoroge", "Amani Njoroge", "Iryna Bondar"]


def test_a_body_speaking_by_its_acronym_is_named_in_full():
    m = run(
        "Soto holds talks with Samoan leader\n\nThe Ministry of Foreign Relations said on Tuesday that President "
        "Ana Soto of Chile held talks with Prime Minister Ioane Tane of Samoa.\n\n"
        'The MFR added, "Several agreements on fisheries were also exchanged."'
    )
    assert [q.speaker for q in m.quotes] == ["Ministry of Foreign Relations"]


def test_the_agency_is_the_body_whose_statement_the_text_cites():
    m = run(
        "President Ana Soto of Chile spoke with Prime Minister Ioane Tane of Samoa on Monday.\n\n"
        "In a statement provided by the Office of the President, the agency said Soto "
        '"renewed the interest of Chile in the fisheries accord".'
    )
    assert [q.speaker for q in m.quotes] == ["Office of the President"]


def test_a_quotation_running_over_paragraphs_in_curly_marks_gives_one_quote_per_paragraph():
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Eva Berg of Norway in Oslo on Monday.\n\n"
        "In a post on X, Soto said the meeting went well.\n\n"
        "\u201cOur talks covered salmon exports and polar research.\n\n"
        "\u201cWe also agreed that our shipping agencies should share data on ice.\n\n"
        "\u201cThey lay the ground for a visit next year.\u201d"
    )
    assert [(q.speaker, q.text[:20]) for q in m.quotes] == [
        ("Ana Soto", "Our talks covered sa"),
        ("Ana Soto", "We also agreed that "),
        ("Ana Soto", "They lay the ground "),
    ]


def test_he_after_a_spokesperson_took_the_floor_is_the_spokesperson():
    m = run(
        "President Ana Soto of Chile had a phone conversation with Prime Minister Ioane Tane of Samoa.\n\n"
        "The spokesperson for the Samoan government revealed that Tane assured Soto of his support.\n\n"
        '"The Prime Minister thanked Chile for its help with the fisheries pact," he said.'
    )
    assert [q.speaker for q in m.quotes] == ["spokesperson for the Samoan government"]


def test_he_after_a_person_took_the_floor_is_that_person():
    m = run(
        "President Ana Soto of Chile had a phone conversation with Prime Minister Ioane Tane of Samoa.\n\n"
        "Tane said the spokesperson would brief reporters later.\n\n"
        '"We thanked Chile for its help with the fisheries pact," he said.'
    )
    assert [q.speaker for q in m.quotes] == ["Ioane Tane"]


def test_the_person_who_says_the_words_speaks_them_even_after_according_to():
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Eva Berg of Norway in Oslo on Monday.\n\n"
        "According to the Chilean foreign ministry, Soto said salmon trade is growing "
        "\u201cwith a shared sense of purpose and steady rules.\u201d"
    )
    assert [q.speaker for q in m.quotes] == ["Ana Soto"]
