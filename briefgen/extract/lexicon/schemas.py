"""One pydantic schema per data file: a typo, a dead key or a wrong type fails when the file loads.

Why: the rules read word lists by key; a misspelt key would silently give an empty list (a rule that
never fires), and YAML 1.1 once turned a bare `on` into `true`. Each schema forbids unknown keys.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Words = list[str]


def _compiles(pattern: str) -> str:
    """A pattern that does not compile fails when the file loads, not in the middle of a batch."""
    try:
        re.compile(pattern)
    except re.error as e:
        raise ValueError(f"not a regular expression ({e}): {pattern[:60]}") from e
    return pattern


Patterns = list[Annotated[str, AfterValidator(_compiles)]]


class CommitmentCue(_Strict):
    lemma: str
    next: Words | None
    confidence: float = Field(ge=0, le=1)
    future_only: bool = False  # the past tense reports an outcome ("signed"), not an undertaking


class FrameVerbs(_Strict):
    direct: Words
    with_meeting_noun: Words
    with_preposition: dict[str, Words]
    with_person_object: Words


class Cues(_Strict):
    meeting_verbs: Words
    frame_verbs: FrameVerbs
    meeting_nouns: Words
    speech_verbs: Words
    participant_verbs: Words
    reporter_phrases: Words
    commitment_cues: list[CommitmentCue]
    shared_only_commitment_nouns: Words
    commitment_nouns: Words
    urgency_deadlines: Words
    hope_words: Words
    provision_verbs: Words
    deadline_events: Words
    impersonal_agreement_verbs: Words
    presence_predicates: Words
    talked_about_verbs: Words
    programme_nouns: Words
    committed_adjectives: Words
    goal_nouns: Words
    created_bodies: Words
    tasking_verbs: Words
    quoted_agreement_verbs: Words
    agreement_nouns: Words
    agreement_reached_verbs: Words
    praise_verbs: Words
    readiness_adjectives: Words
    commitment_frame_verbs: Words
    agreed_step_nouns: dict[str, str]
    past_step_modifiers: Words
    weak_reporting_verbs: Words
    need_nouns: Words
    need_adjectives: Words
    stance_giving_verbs: Words
    verbal_commitment_nouns: Words
    not_commitment_verbs: Words
    outlook_cues: Words
    named_by_a_place: Words
    region_prefixes: Words
    arrival_verbs: Words
    weak_outlook_cues: Words
    place_intro_nouns: Words
    ahead_words: Words
    matter_nouns: Words
    presence_after_name: Words
    presence_before_names: Words
    occasion_openers: Words
    occasion_purpose_verbs: Words
    occasion_heads: Words
    occasion_strong_heads: Words
    news_agencies: Words
    agency_homes: dict[str, str]
    place_nouns: Words
    call_words: Words
    background_markers: Words
    occasion_leads_not_printed: Words
    occasion_patterns: Patterns
    own_visit_nouns: Words
    speaking_bodies: Words
    arrangement_verbs: Words
    own_country_events: Words
    calendar_verbs: Words
    guest_steps: Words
    actor_bodies: Words
    not_party_contexts: Words
    side_nouns: Words
    side_leading_verbs: Words
    stating_verbs: Words
    invitation_words: Words
    joint_frame_verbs: Words
    invitation_giving_verbs: Words
    joint_body_modifiers: Words
    shared_seats: Words
    document_nouns: Words
    partner_markers: Words


class TitleEntry(_Strict):
    title: str
    affiliation: str | None = None


class Titles(_Strict):
    titles: list[TitleEntry]
    title_modifiers: Words
    title_suffixes: Words
    title_heads: Words
    title_abbreviations: dict[str, str]
    generic_offices: Words
    reporter_titles: Words
    honorifics: Words
    name_particles: Words
    office_nouns: Words
    head_offices: Words
    counterpart_offices: dict[str, str]
    honorific_addresses: dict[str, Words]
    side_person_nouns: Words
    styles: Words
    office_aliases: dict[str, Words]
    group_office_synonyms: dict[str, str]
    post_nominals: Words
    passing_modifiers: Words
    title_extension_words: Words


class Gazetteer(_Strict):
    countries: Words = Field(description='"Name | other names | demonyms | capitals | other cities"')
    regions: dict[str, Words]
    bodies: Words
    event_words: Words
    seats: dict[str, str]
    venues: dict[str, str]


class Names(_Strict):
    calendar_words: Words
    not_name_words: Words
    place_name_ends: Words
    place_name_starts: Words
    body_name_ends: Words
    surname_articles: Words
    area_name_ends: Words
    inner_honorifics: Words
    month_surnames: Words
    given_name_titles: Words
    outlet_name_ends: Words
    irregular_past_verbs: Words


class Category(_Strict):
    name: str
    words: Words


class Taxonomy(_Strict):
    categories: list[Category]
    generic_words: Words
    topic_verbs: Words
    topic_list_verbs: Words
    topic_nouns: Words
    label_lead_phrases: Words
    evaluative_words: Words
    harvest_skip_heads: Words
    audience_nouns: Words
    event_heads: Words
    place_heads: Words
    framing_not_topic_heads: Words
    pronouns: Words
    label_cut_words: Words


SCHEMAS: dict[str, type[BaseModel]] = {
    "cues": Cues,
    "titles": Titles,
    "gazetteer": Gazetteer,
    "names": Names,
    "taxonomy": Taxonomy,
}
