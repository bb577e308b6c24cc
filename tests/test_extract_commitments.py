"""Commitments: who undertook what."""

from __future__ import annotations

import pytest
from helpers_extract import run


def test_reported_speech_and_arrangements_are_commitments():
    m = run(
        "President Thabo Ndlovu met Prime Minister Elena Vasquez of Chile in Pretoria.\n\n"
        "President Ndlovu said that South Africa would convene a follow-up meeting of mining ministers early next "
        "year. Vasquez said Chile would send a trade mission to Johannesburg before the summer. "
        "Vasquez is to visit Cape Town in the coming weeks. The two leaders agreed on Monday to resume talks on "
        "lithium processing, adding that progress had been made."
    )
    by_action = {c.action.split()[0]: c for c in m.commitments}
    assert by_action["convene"].actor == "South Africa"
    assert by_action["convene"].deadline == "early next year"
    assert by_action["send"].actor == "Chile" and by_action["send"].deadline == "before the summer"
    assert by_action["visit"].deadline == "in the coming weeks" and "Vasquez" in by_action["visit"].actor
    resume = by_action["resume"]
    assert resume.action == "resume talks on lithium processing"  # the ", adding that …" clause is not the action
    assert "Ndlovu" in resume.actor and "Vasquez" in resume.actor


def test_talk_is_not_a_commitment():
    m = run(
        "Foreign Minister Ana Ribeiro met Foreign Minister Pablo Sosa of Uruguay in Montevideo. "
        "The ministers discussed trade and urged all parties to show restraint. They encouraged dialogue."
    )
    assert m.commitments == []


def test_welcomed_steps_become_whole_verb_actions_and_past_acts_are_not_commitments():
    m = run(
        "Foreign Minister Lena Holm of Sweden met Foreign Minister Tomas Kiri of Estonia in Tallinn.\n\n"
        "The ministers welcomed the resumption of joint naval patrols to protect undersea cables, and creation of "
        "a cyber incident hotline. They agreed on the urgent need to raise defence spending and harmonise export "
        "rules. Holm welcomed the Government of Estonia's recent launch of its digital identity plan."
    )
    actions = [c.action for c in m.commitments]
    assert (
        "resume joint naval patrols to protect undersea cables, and create a cyber incident hotline" in actions
    )  # the whole step, not "resumption of joint naval patrols"
    assert "raise defence spending and harmonise export rules" in actions  # not "the urgent need to …"
    assert not any("digital identity" in a for a in actions)  # a past act of one side
    joint = next(c for c in m.commitments if c.action.startswith("raise"))
    assert "Holm" in joint.actor and "Kiri" in joint.actor


def test_standing_policy_is_kept_for_review_with_low_confidence():
    m = run(
        "Foreign Minister Lena Holm of Sweden met Foreign Minister Tomas Kiri of Estonia in Tallinn.\n\n"
        "Holm stressed that the two countries are close partners, noting that Sweden would continue to invest in "
        "its own defence industry. Kiri reiterated Estonia's determination to defend its borders. "
        "The ministers agreed to hold a joint exercise next spring."
    )
    by_action = {c.action.split()[0]: c for c in m.commitments}
    assert by_action["continue"].confidence < 0.6 and by_action["defend"].confidence < 0.6
    assert by_action["hold"].confidence >= 0.8 and by_action["hold"].deadline == "next spring"


def test_noun_commitment_to_a_party_keeps_the_whole_phrase():
    m = run(
        "Defence Minister Lars Holm of Denmark met Defence Minister Anna Berzina of Latvia in Riga on Friday. "
        "Minister Holm renewed Denmark's steadfast commitment to Latvia under the 1949 North Atlantic Treaty."
    )
    actions = [c.action for c in m.commitments]
    assert "steadfast commitment to Latvia under the 1949 North Atlantic Treaty" in actions
    assert all(c.deadline is None for c in m.commitments)  # the treaty's year is not a deadline


def test_readiness_is_an_undertaking_of_the_subject():
    m = run(
        "Foreign Minister Hana Sato of Japan held talks with Foreign Minister Ravi Menon of India in Tokyo. "
        "Japan is willing to cooperate with India to modernise port facilities in the Bay of Bengal. "
        "India stands ready to host a joint working group on critical minerals."
    )
    got = {(c.actor, c.action) for c in m.commitments}
    assert ("Japan", "cooperate with India to modernise port facilities in the Bay of Bengal") in got
    assert ("India", "host a joint working group on critical minerals") in got


def test_agreed_not_to_keeps_the_negation():
    m = run(
        "President Omar Farah of Somalia met President Luis Ortega of Panama in New York on Monday. "
        "The two presidents agreed not to impose new visa requirements before the end of the year."
    )
    assert len(m.commitments) == 1
    assert m.commitments[0].action.startswith("not to impose new visa requirements")
    assert m.commitments[0].deadline == "before the end of the year"


# ---------------------------------------------------------------- arrangements and deadlines as written
ARRANGEMENTS = (
    "Foreign Minister Ana Ruiz of Spain met Foreign Minister Joao Lopes of Portugal in Madrid on Monday.\n\n"
    "Two joint commissions are to be created to manage the shared rivers. A new water accord is to be "
    "signed in the first week of January.\n\n"
    "The next round of talks will be held in Lisbon next June. Both countries decided to open a consulate in "
    "Badajoz within three months.\n\n"
    "The two sides agreed to review the fisheries accord by the end of the year, and the ministers will meet "
    "again at an early, mutually convenient date."
)


def test_arrangements_without_an_agent_are_the_sides_undertakings_for_review():
    got = {c.action: (c.actor, c.deadline, c.confidence) for c in run(ARRANGEMENTS).commitments}
    assert got["create two joint commissions to manage the shared rivers"] == ("Spain and Portugal", None, 0.6)
    signed = got["sign a new water accord in the first week of January"]
    assert signed[1] == "in the first week of January"
    assert got["hold the next round of talks in Lisbon next June"][1] == "next June"


@pytest.mark.parametrize(
    "deadline", ["within three months", "by the end of the year", "at an early, mutually convenient date"]
)
def test_deadlines_kept_with_their_preposition(deadline):
    assert deadline in {c.deadline for c in run(ARRANGEMENTS).commitments}


def test_a_countrys_side_undertakes():
    m = run(
        "BEIJING, Feb. 13 (Xinhua) -- State Councilor Li Wen met Foreign Minister Tran Duc of Vietnam in Beijing "
        "on Monday.\n\nTran said the Vietnamese side will work with Beijing on a new rail corridor."
    )
    assert [(c.actor, c.action.split()[0]) for c in m.commitments] == [("Vietnam", "work")]
    assert {p.title for p in m.participants} == {"State Councilor", "Foreign Minister"}


# ------------------------------------------------------- undertakings written sideways
_MEETING = "Foreign Minister Lena Maris of Estonia met Foreign Minister Tomas Varga of Hungary in Tallinn on Monday. "


@pytest.mark.parametrize(
    ("sentence", "action", "deadline"),
    [
        ("It was agreed to open a consulate in Tartu by next spring.", "open a consulate in Tartu by next spring",
         "by next spring"),
        ("An agreement was reached to hold the next consultations in Budapest.",
         "hold the next consultations in Budapest", None),
        ("It was decided that a working group on energy would be formed.",
         "a working group on energy would be formed", None),
    ],
)  # fmt: skip
def test_an_impersonal_agreement_is_the_sides_undertaking(sentence, action, deadline):
    (item,) = run(_MEETING + sentence).commitments
    assert (item.actor, item.action, item.deadline) == ("Estonia and Hungary", action, deadline)


@pytest.mark.parametrize(
    "sentence",
    [
        "Maris thanked Varga for his commitment to reopening the rail link.",
        "Maris commended Varga's commitment to reopening the rail link.",
        "Maris praised her counterpart for his willingness to reopen the rail link.",
    ],
)
def test_praise_for_anothers_resolve_is_that_partys_undertaking(sentence):
    found = run(_MEETING + sentence).commitments
    assert [(c.actor, c.action.split(maxsplit=1)[1]) for c in found if "rail" in c.action] == [
        ("Tomas Varga (Hungary)", "the rail link")
    ]


def test_a_date_that_names_a_document_is_no_deadline_but_urgency_is():
    m = run(_MEETING + "The ministers agreed to the immediate implementation of the June 4 declaration.")
    assert [c.deadline for c in m.commitments] == ["immediate"]
    m = run(_MEETING + "The ministers agreed to resume the border talks without delay.")
    assert [c.deadline for c in m.commitments] == ["without delay"]


def test_a_count_of_more_weeks_is_a_deadline():
    m = run(_MEETING + "The ministers agreed to meet again in three more weeks.")
    assert [c.deadline for c in m.commitments] == ["in three more weeks"]


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("The ministers agreed to settle the fishing dispute before the upcoming round of talks.",
         "before the upcoming round of talks"),
        ("The ministers agreed to draft a trade accord by the next summit.", "by the next summit"),
    ],
)  # fmt: skip
def test_a_coming_event_is_a_deadline(sentence, deadline):
    assert [c.deadline for c in run(_MEETING + sentence).commitments] == [deadline]


def test_a_counted_group_is_the_participants():
    m = run(
        "Foreign Minister Ana Ribeiro of Chile, Foreign Minister Jorge Paz of Peru and Foreign Minister Luis Soto "
        "of Bolivia met in Lima on Monday. The three agreed to open a joint border office."
    )
    (item,) = m.commitments
    assert item.actor == "Ana Ribeiro, Jorge Paz and Luis Soto (Chile, Peru and Bolivia)"


def test_the_president_of_the_republic_comma_name_is_titled():
    m = run(
        "Foreign Minister Ana Ribeiro of Chile met Foreign Minister Jorge Paz of Peru in Lima on Monday, together "
        "with the President of the Republic, Luis Mora. The President will meet leaders from Bolivia next week."
    )
    assert ("Luis Mora", "President of the Republic") in [(p.name, p.title) for p in m.participants]
    assert [c.actor for c in m.commitments] == ["Luis Mora"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ribeiro expressed hope that the alliance will emerge as a successful forum.",
        "Brazil is the top destination for Uruguayan exports, worth $12.7 billion in 2022.",
    ],
)
def test_a_hope_or_a_statistic_is_no_undertaking(sentence):
    m = run(
        "Foreign Minister Ana Ribeiro of Brazil met Foreign Minister Pablo Sosa of Uruguay in Montevideo. " + sentence
    )
    assert m.commitments == []


def test_money_given_is_an_undertaking_and_his_majesty_is_the_king():
    m = run(
        "King Harald of Norway received Prime Minister Ana Lind of Estonia in Oslo on Monday. "
        "His Majesty pledged to support the bid. Norway will provide $28 million for flood relief."
    )
    assert [(c.actor, c.action) for c in m.commitments] == [
        ("Harald (Norway)", "support the bid"),
        ("Norway", "provide $28 million for flood relief"),
    ]


def test_a_visit_that_lies_ahead_with_its_time_is_the_visitors_undertaking():
    m = run(
        "Prime Minister Ana Lind of Estonia spoke with President Tom Reed of Latvia on Monday. "
        "They discussed the agenda for the visits Lind will make in two more weeks to Riga and Vilnius. "
        "Lind recalled her visit to Riga last year."
    )
    assert [(c.actor, c.action, c.deadline) for c in m.commitments] == [
        ("Ana Lind (Estonia)", "visit Riga and Vilnius", "in two more weeks")
    ]


def test_an_agreement_a_participant_reports_in_a_quote_is_an_undertaking():
    m = run(_MEETING + '"Both sides agreed to reopen the consulates in Tartu and Pecs," Maris told reporters.')
    assert [(c.actor, c.action) for c in m.commitments] == [
        ("Lena Maris and Tomas Varga (Estonia and Hungary)", "reopen the consulates in Tartu and Pecs")
    ]
    # A quoted promise that is not a report of agreement stays rhetoric.
    m = run(_MEETING + '"We will never stop fighting for our farmers," Maris told reporters.')
    assert m.commitments == []


def test_a_task_a_participant_gives_is_the_undertaking_of_the_one_tasked():
    m = run(_MEETING + "Maris said she had asked Economy Minister Peeter Kask to draft a joint energy plan.")
    assert [(c.actor.split(" (")[0], c.action) for c in m.commitments] == [("Peeter Kask", "draft a joint energy plan")]


def test_one_undertaking_told_twice_is_listed_once():
    m = run(
        _MEETING + "The ministers agreed to raise bilateral trade to 5 billion euros by 2030. "
        '"We agreed to set a bilateral trade target of 5 billion euros by 2030," Maris said.'
    )
    assert [c.action for c in m.commitments] == ["raise bilateral trade to 5 billion euros by 2030"]


def test_it_after_a_body_the_sides_set_up_is_that_body():
    m = run(
        _MEETING + "The ministers set up a joint working group on energy. "
        "Maris said it will hold its first session in the spring."
    )
    assert ("joint working group on energy", "hold its first session in the spring") in [
        (c.actor, c.action) for c in m.commitments
    ]
    # With a country nearer, "it" is not guessed.
    m = run(_MEETING + "The ministers set up a joint working group on energy with Latvia. It will meet in May.")
    assert all("working group" not in (c.actor or "") for c in m.commitments)


def test_an_enumeration_after_a_dash_belongs_to_the_undertaking():
    m = run(_MEETING + "Two joint bodies will be created -- one for the ferry line and the other for the bridge.")
    assert [c.action for c in m.commitments] == [
        "create two joint bodies -- one for the ferry line and the other for the bridge"
    ]


def test_the_goal_of_an_undertaking_is_an_undertaking_with_its_own_deadline():
    m = run(
        _MEETING + "The ministers agreed to open border talks by the end of March, with the objective of "
        "completing them within six months."
    )
    assert [(c.action, c.deadline) for c in m.commitments] == [
        ("open border talks by the end of March", "by the end of March"),
        ("complete the border talks within six months", "within six months"),
    ]


def test_a_byline_on_the_line_above_the_story_is_its_own_sentence():
    m = run(
        "Ferry talks\n\nPress Trust Of Estonia Tallinn\nEstonia and Hungary will hold ministerial talks on May 13 "
        "in Budapest, the Estonian foreign ministry said on Monday."
    )
    assert [c.action for c in m.commitments] == ["hold ministerial talks on May 13 in Budapest"]


def test_remaining_committed_to_a_step_is_an_undertaking_even_when_reported():
    m = run(_MEETING + "According to Maris, Estonia remains committed to expanding the ferry service.")
    assert [(c.actor, c.action) for c in m.commitments] == [("Estonia", "expanding the ferry service")]


def test_agreeing_on_the_importance_of_something_is_a_view_unless_it_is_a_step():
    m = run(_MEETING + "They agreed on the importance of steady dialogue on Arctic matters.")
    assert m.commitments == []
    m = run(_MEETING + "They agreed on the importance of the swift implementation of the fisheries accord.")
    assert len(m.commitments) == 1


def test_a_press_conference_or_a_dinner_on_the_programme_is_no_undertaking():
    m = run(_MEETING + "Maris will host a dinner for Varga, and the two will address a joint press conference.")
    assert m.commitments == []
    m = run(_MEETING + "Estonia will host a regional conference on energy in May.")
    assert [c.action for c in m.commitments] == ["host a regional conference on energy in May"]


def test_an_event_a_date_only_dates_sets_the_deadline():
    m = run(_MEETING + "The ministers agreed to restore the old ferry ahead of the 30th anniversary next year.")
    assert [c.deadline for c in m.commitments] == ["ahead of the 30th anniversary next year"]


def test_the_governments_are_the_sides():
    m = run(_MEETING + "The governments will hold another round of talks in 2027.")
    assert [c.actor for c in m.commitments] == ["Lena Maris and Tomas Varga (Estonia and Hungary)"]


@pytest.mark.parametrize(
    ("sentence", "action", "deadline"),
    [
        ("Both ministers reached a consensus on the main lines to well prepare events to mark the 30th "
         "anniversary of relations in 2027.", "prepare events to mark the 30th anniversary of relations in 2027",
         "in 2027"),
        ("They affirmed to keep close coordination at the United Nations.",
         "keep close coordination at the United Nations", None),
        ("They agreed to hold talks in Budapest on Feb. 10.", "hold talks in Budapest on Feb. 10", "on Feb. 10"),
    ],
)  # fmt: skip
def test_undertakings_as_translated_readouts_word_them(sentence, action, deadline):
    assert [(c.action, c.deadline) for c in run(_MEETING + sentence).commitments] == [(action, deadline)]


def test_a_verb_that_cues_an_infinitive_still_frames_a_noun_of_resolve():
    m = run(_MEETING + "Both parties praised the ties and affirmed their resolve to deepen those bonds of friendship.")
    assert [c.action for c in m.commitments] == ["deepen those bonds of friendship"]


@pytest.mark.parametrize(
    ("opening", "deadline"),
    [("By the end of the year", "By the end of the year"), ("Within two months", "Within two months")],
)
def test_a_limit_put_before_the_undertaking_is_its_deadline(opening, deadline):
    m = run(
        "Foreign Minister Aiko Tanabe of Japan met Foreign Minister Rui Matos of Portugal in Lisbon.\n\n"
        f"{opening}, the two countries will sign an agreement on maritime research."
    )
    (item,) = [c for c in m.commitments if c.action.startswith("sign")]
    assert item.deadline == deadline


def test_a_date_before_the_undertaking_that_only_dates_the_sentence_is_no_deadline():
    m = run(
        "Foreign Minister Aiko Tanabe of Japan met Foreign Minister Rui Matos of Portugal in Lisbon on Monday.\n\n"
        "On Monday, the two countries agreed to sign an agreement on maritime research."
    )
    (item,) = [c for c in m.commitments if c.action.startswith("sign")]
    assert item.deadline is None


def test_a_capital_standing_for_its_government_undertakes():
    m = run(
        "President Amani Njoroge of Kenya received President Kofi Mensah of Ghana in Nairobi.\n\n"
        "Mensah said Accra would host the next round of talks in May."
    )
    (item,) = [c for c in m.commitments if c.action.startswith("host")]
    assert item.actor == "Ghana" and item.deadline == "in May"


def test_it_in_an_undertaking_is_the_agreement_the_sentence_named():
    m = run(
        "Foreign Minister Aiko Tanabe of Japan met Foreign Minister Rui Matos of Portugal in Lisbon.\n\n"
        "The ministers welcomed the conclusion of talks on the Japan-Portugal Youth Mobility Arrangement and "
        "committed to sign it before the summer."
    )
    (item,) = [c for c in m.commitments if c.action.startswith("sign")]
    assert item.action == "sign the Japan-Portugal Youth Mobility Arrangement before the summer"


def test_an_event_a_relative_clause_arranges_is_the_sides_undertaking():
    m = run(
        "Foreign Minister Aiko Tanabe of Japan met Foreign Minister Rui Matos of Portugal in Lisbon.\n\n"
        "They spoke about the next session of the joint economic commission, which will be held in Tokyo "
        "in the autumn."
    )
    (item,) = [c for c in m.commitments if c.action.startswith("hold")]
    assert item.action == "hold the next session of the joint economic commission in Tokyo in the autumn"
    assert item.actor == "Japan and Portugal" and item.deadline == "in the autumn" and item.confidence < 0.7


def test_two_infinitives_each_with_to_are_two_undertakings():
    m = run(
        "Foreign Minister Aiko Tanabe of Japan met Foreign Minister Rui Matos of Portugal in Lisbon.\n\n"
        "The ministers confirmed their shared intention to widen student exchanges and to open a trade office "
        "in Osaka by 2027."
    )
    got = [(c.action, c.deadline) for c in m.commitments]
    assert got == [("widen student exchanges", None), ("open a trade office in Osaka by 2027", "by 2027")]


def test_a_headlines_comma_joined_countries_are_both_actors():
    m = run(
        "Chile, Peru agree to link power grids\n\n"
        "President Ana Soto of Chile received President Luis Paredes of Peru in Santiago on Monday."
    )
    (item,) = [c for c in m.commitments if c.action.startswith("link")]
    assert item.actor == "Chile and Peru"


def test_a_joint_body_and_an_accepted_invitation_undertake():
    m = run(
        "President Kofi Mensah of Ghana held talks with President Edem Agbeko of Togo in Lome on Tuesday.\n\n"
        "The Joint Border Commission will meet in Accra later this year. Agbeko accepted an invitation to "
        "visit Ghana in 2027."
    )
    got = {c.action: (c.actor, c.deadline) for c in m.commitments}
    assert got["meet in Accra later this year"] == ("Ghana and Togo (Joint Border Commission)", "later this year")
    assert got["visit Ghana in 2027"] == ("Edem Agbeko (Togo)", "in 2027")


def test_readiness_a_participant_states_for_their_own_side_is_an_undertaking_for_review():
    m = run(
        "Foreign Minister Aiko Tanabe of Japan met Foreign Minister Rui Matos of Portugal in Lisbon.\n\n"
        "Tanabe said Japan is ready to fund two research vessels. Matos noted that Japan stands ready to "
        "help as well."
    )
    got = [(c.actor, c.action, c.confidence) for c in m.commitments]
    assert got == [("Japan", "fund two research vessels", 0.6)]


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("They agreed to convene the joint commission at an early date.", "at an early date"),
        ("They agreed to meet again in the near future.", "in the near future"),
        ("In the near future, Japan plans to open a consulate in Porto.", "In the near future"),
    ],
)
def test_an_early_date_and_the_near_future_are_deadlines(sentence, deadline):
    m = run(
        "Foreign Minister Aiko Tanabe of Japan met Foreign Minister Rui Matos of Portugal in Lisbon.\n\n" + sentence
    )
    assert [c.deadline for c in m.commitments] == [deadline]


def test_a_spokespersons_statement_quoted_whole_records_undertakings_and_names_two_people():
    m = run(
        "Ana Lind, the Foreign Secretary, has today met with Tomas Kiri, the Estonian Foreign Minister, in "
        "London.\n\nA spokesperson for the Foreign Secretary said:\n\n"
        '"During their meeting, the two ministers discussed a wide range of bilateral and regional issues, '
        "underlining the strength of the partnership between the two countries and the value of their long "
        "cooperation in the Baltic region and beyond.\n\n"
        'The Foreign Secretary and Minister Kiri will meet again in Tallinn next month."'
    )
    (item,) = m.commitments
    assert item.action.startswith("meet again in Tallinn next month")
    assert "Ana Lind" in item.actor and "Tomas Kiri" in item.actor
    assert item.deadline == "next month"


def test_a_remark_in_quotation_marks_is_not_an_undertaking():
    m = run(
        "Foreign Minister Ana Lind of Sweden met Foreign Minister Tomas Kiri of Estonia in Tallinn.\n\n"
        '"We will build a bridge to the moon," Lind joked.'
    )
    assert m.commitments == []


def test_a_country_that_looks_forward_to_its_own_step_undertakes_it_but_a_person_hoping_does_not():
    m = run(
        "Prime Minister Ana Soto of Chile met Prime Minister Luis Paredes of Peru in Lima.\n\n"
        "Paredes said Peru looks forward to opening its chancery in Santiago. Soto looked forward to "
        "welcoming Paredes in Chile."
    )
    assert [(c.actor, c.action, c.confidence) for c in m.commitments] == [
        ("Peru", "opening its chancery in Santiago", 0.6)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers agreed that the two countries should sustain close contacts.",
        "The ministers were in agreement that the two countries should sustain close contacts.",
    ],
)
def test_what_the_sides_agree_they_should_do_is_the_step_without_the_modal(sentence):
    m = run("Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n" + sentence)
    assert [(c.actor, c.action) for c in m.commitments] == [
        ("Ana Soto and Luis Paredes (Chile and Peru)", "sustain close contacts")
    ]


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("They agreed to coordinate their positions ahead of the summit.", "ahead of the summit"),
        ("They agreed to finish the study ahead of the Lima trade summit.", "ahead of the Lima trade summit"),
        ("Soto will visit Peru again from Aug. 17-19.", "from Aug. 17-19"),
    ],
)
def test_an_event_ahead_and_a_span_of_days_are_deadlines(sentence, deadline):
    m = run("Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n" + sentence)
    assert [c.deadline for c in m.commitments] == [deadline]


def test_a_time_since_or_from_which_something_runs_is_no_deadline():
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n"
        "Chile will keep the fund that has run from January."
    )
    assert [c.deadline for c in m.commitments] == [None]


@pytest.mark.parametrize(
    ("sentence", "action", "deadline"),
    [
        (
            "A meeting of the two trade ministers is scheduled to take place in Lima on 4 February.",
            "hold a meeting of the two trade ministers in Lima on 4 February",
            "on 4 February",
        ),
        ("The next round is expected to be held in Cusco in May.", "hold the next round in Cusco in May", "in May"),
    ],
)
def test_an_event_put_on_the_calendar_is_the_sides_undertaking_for_review(sentence, action, deadline):
    m = run("Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n" + sentence)
    assert [(c.actor, c.action, c.deadline, c.confidence) for c in m.commitments] == [
        ("Chile and Peru", action, deadline, 0.6)
    ]


def test_a_shared_desire_and_politicians_agreeing_undertake_but_one_sides_desire_does_not():
    m = run(
        "Foreign Minister Ana Soto of Chile, Foreign Minister Luis Paredes of Peru and Foreign Minister Rosa "
        "Vega of Bolivia held a videoconference on Tuesday.\n\n"
        "The ministers expressed a shared desire to work closely on the summit agenda. The three "
        "politicians then agreed to coordinate on lithium policy. Soto reaffirmed Chile's desire to give "
        "the region a chance at growth."
    )
    actions = [c.action for c in m.commitments]
    assert actions == ["work closely on the summit agenda", "coordinate on lithium policy"]
    assert all("Soto" in c.actor and "Vega" in c.actor for c in m.commitments)


@pytest.mark.parametrize(
    "sentence",
    [
        "Asked about the talks, Soto was not willing to say more to the press.",
        "Paredes will be hosted at a state banquet by President Vega in the evening.",
    ],
)
def test_unwillingness_and_what_a_host_does_for_a_guest_are_no_undertakings(sentence):
    m = run("Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n" + sentence)
    assert m.commitments == []


def test_an_invitation_accepted_to_attend_is_the_guests_undertaking():
    m = run(
        "Prime Minister Ana Soto of Chile met the President of the Andean Council, Luis Paredes, in Santiago.\n\n"
        "Soto accepted the invitation to attend a session of the Andean leaders' retreat in Lima on 3 March."
    )
    assert [(c.action, c.deadline) for c in m.commitments] == [
        ("attend a session of the Andean leaders' retreat in Lima on 3 March", "on 3 March")
    ]


def test_two_verbs_without_an_object_of_their_own_are_one_undertaking():
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n"
        "The ministers agreed to work closely and coordinate with the relevant agencies of each country."
    )
    assert [c.action for c in m.commitments] == [
        "work closely and coordinate with the relevant agencies of each country"
    ]


def test_a_headlines_undertaking_is_not_listed_beside_the_bodys():
    m = run(
        "Chile, Peru commit to stronger cooperation on trade and fisheries\n\n"
        "Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima on Monday.\n\n"
        "The talks ended with both sides pledging to keep up a regular dialogue. They also discussed "
        "fisheries."
    )
    assert [c.action for c in m.commitments] == ["keep up a regular dialogue"]


def test_a_passive_arrangement_keeps_its_whole_subject_and_the_coming_days():
    m = run(
        "The Secretary-General and French President Marc Dubois spoke about the situation in Chad.\n\n"
        "Further talks with Council members and with the regional bloc will be "
        "undertaken in the coming days."
    )
    assert [(c.actor, c.action, c.deadline) for c in m.commitments] == [
        (
            "France and United Nations",
            "undertake further talks with Council members and with the regional bloc in the coming days",
            "in the coming days",
        )
    ]


def test_the_foreign_ministers_are_the_participants_holding_that_office_and_a_shared_view_is_no_step():
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Luis Paredes of Peru in Lima.\n\n"
        "Paredes was accompanied by Vice Minister Rosa Vega. The foreign ministers agreed to continue their "
        "dialogue in Quito in June. They agreed that the coming summit will be a historic opportunity."
    )
    assert [(c.actor, c.action) for c in m.commitments] == [
        ("Ana Soto and Luis Paredes (Chile and Peru)", "continue their dialogue in Quito in June")
    ]


def test_an_event_the_sides_note_the_importance_of_holding_is_theirs_but_a_policy_is_a_view():
    m = run(
        "President Aziz Karimov of Uzbekistan had a telephone conversation with President Elnur Aliyev of "
        "Azerbaijan.\n\nThe importance of holding a business forum in Baku this autumn was noted. The "
        "leaders stressed the importance of deeper trade ties."
    )
    assert [(c.actor, c.action, c.deadline, c.confidence) for c in m.commitments] == [
        ("Uzbekistan and Azerbaijan", "holding a business forum in Baku this autumn", "this autumn", 0.6)
    ]


def test_an_election_a_country_must_hold_is_no_undertaking_of_the_sides():
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Eva Berg of Norway in Santiago.\n\n"
        "They discussed Bolivia. Moreover, a new presidential election has to be held there, Soto said."
    )
    assert m.commitments == []


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        # a stated readiness under a verb of emphasis, the possessor a country
        ("Karimov underscored Uzbekistan's readiness to widen rail transit.", "widen rail transit"),
        # a noun of eagerness the lexicon now names
        ("Karimov stressed Uzbekistan's eagerness to host the trade fair.", "host the trade fair"),
        # the parser hangs the infinitive on the verb, not on the noun
        ("Karimov also stressed his keenness to keep close contact with Baku.", "keep close contact with Baku"),
    ],
)
def test_a_sides_stated_readiness_eagerness_or_keenness_is_its_undertaking(sentence, action):
    m = run(
        "President Aziz Karimov of Uzbekistan had a telephone conversation with President Elnur Aliyev of "
        "Azerbaijan.\n\n" + sentence
    )
    assert [(c.actor, c.action) for c in m.commitments] == [("Aziz Karimov (Uzbekistan)", action)]


def test_a_wish_about_what_another_country_must_be_is_no_undertaking():
    m = run(
        "President Aziz Karimov of Uzbekistan had a telephone conversation with President Elnur Aliyev of "
        "Azerbaijan.\n\nKarimov emphasized his eagerness that the region must remain a zone of calm."
    )
    assert m.commitments == []


@pytest.mark.parametrize("adjective", ["vital", "important", "essential"])
def test_what_the_sides_agree_is_necessary_to_do_is_their_undertaking(adjective):
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Eva Berg of Norway in Santiago.\n\n"
        f"The ministers agreed it was {adjective} to build a broad coalition against illegal fishing."
    )
    assert [(c.actor, c.action) for c in m.commitments] == [
        ("Ana Soto and Eva Berg (Chile and Norway)", "build a broad coalition against illegal fishing")
    ]


@pytest.mark.parametrize(
    ("sentence", "actor", "action"),
    [
        (
            "The ministers expressed interest in opening new routes for trade.",
            "Ana Soto and Eva Berg (Chile and Norway)",
            "opening new routes for trade",
        ),
        (
            "In Santiago the two stressed the will of Chile and Norway to keep widening salmon exports.",
            "Chile and Norway",
            "keep widening salmon exports",
        ),
        (
            "Berg ratified the willingness to strengthen cooperation ties in the Antarctic.",
            "Eva Berg (Norway)",
            "strengthen cooperation ties in the Antarctic",
        ),
    ],
)
def test_interest_will_and_ratified_willingness_with_a_step_are_undertakings(sentence, actor, action):
    m = run("Foreign Minister Ana Soto of Chile met Foreign Minister Eva Berg of Norway in Santiago.\n\n" + sentence)
    assert [(c.actor, c.action) for c in m.commitments] == [(actor, action)]


@pytest.mark.parametrize(
    "sentence",
    ["The ministers expressed interest in the Antarctic region.", "Berg highlighted the will of the people."],
)
def test_interest_or_will_without_a_step_is_no_undertaking(sentence):
    m = run("Foreign Minister Ana Soto of Chile met Foreign Minister Eva Berg of Norway in Santiago.\n\n" + sentence)
    assert m.commitments == []


def test_agreeing_on_the_importance_of_a_step_written_as_a_gerund_agrees_the_step():
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Eva Berg of Norway in Santiago.\n\n"
        "The ministers agreed on the importance of cutting tariffs on farm goods by spring."
    )
    assert [(c.actor, c.action) for c in m.commitments] == [
        ("Ana Soto and Eva Berg (Chile and Norway)", "cutting tariffs on farm goods by spring")
    ]


def test_the_countries_alone_as_subject_are_the_sides():
    m = run(
        "President Ana Soto of Chile met Prime Minister Ioane Tane of Samoa in Apia.\n\n"
        "The countries then vowed to jointly guard the tuna stocks of the Pacific."
    )
    assert [(c.actor, c.action) for c in m.commitments] == [
        ("Ana Soto and Ioane Tane (Chile and Samoa)", "jointly guard the tuna stocks of the Pacific")
    ]


def test_the_countries_of_a_region_are_not_the_sides():
    m = run(
        "President Ana Soto of Chile met Prime Minister Ioane Tane of Samoa in Apia.\n\n"
        "The countries of the region have vowed to work together on fisheries."
    )
    assert m.commitments == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On the ocean, Soto praised the plan for a marine park saying Chile was keen on helping Samoa in "
        "mapping its reefs.",
        "Soto said Chile was keen on helping Samoa in mapping its reefs.",
    ],
)
def test_a_side_a_participant_says_is_keen_on_a_step_undertakes_it(sentence):
    m = run("President Ana Soto of Chile met Prime Minister Ioane Tane of Samoa in Apia.\n\n" + sentence)
    assert [(c.actor, c.action) for c in m.commitments] == [("Chile", "helping Samoa in mapping its reefs")]


@pytest.mark.parametrize("opening", ["In September 2019,", "On 3 May 2021,", "Back in 2018,"])
def test_an_agreement_told_under_a_past_year_is_background_not_a_step(opening):
    m = run(
        "President Ana Soto of Chile met Prime Minister Ioane Tane of Samoa in Apia.\n\n"
        f"{opening} the foreign ministers of the two countries agreed to encourage business ties."
    )
    assert m.commitments == []
    assert m.outlook == []


def test_what_a_side_wants_to_do_is_an_undertaking_for_review():
    m = run(
        "Foreign Minister Ana Soto of Chile met Foreign Minister Eva Berg of Norway in Santiago.\n\n"
        "Together with Peru, they also want to run a joint survey of the krill stocks."
    )
    assert [(c.actor, c.action, c.confidence) for c in m.commitments] == [
        ("Ana Soto and Eva Berg (Chile and Norway)", "run a joint survey of the krill stocks", 0.6)
    ]
