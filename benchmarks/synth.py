"""Synthetic meeting articles for benchmarks: about 500 words each, varied, written here.

No third-party text is used: every sentence pattern below is our own, filled from small lists
of invented people and real places so that the extractor meets the shapes it meets in news
(datelines, titles, quotes, commitments, background) without copying any article.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST = ["Amara", "Lena", "Tomasz", "Keiko", "Rafael", "Ingrid", "Kwame", "Sofia", "Dmitri", "Aisha", "Mateo", "Hana"]
LAST = ["Okonjo", "Vasquez", "Kowalski", "Tanaka", "Moreira", "Lindqvist", "Mensah", "Rossi", "Volkov", "Haddad"]
COUNTRIES = [
    ("Nigeria", "Nigerian", "Abuja"),
    ("Chile", "Chilean", "Santiago"),
    ("Poland", "Polish", "Warsaw"),
    ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasília"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Italy", "Italian", "Rome"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Jordan", "Jordanian", "Amman"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Canada", "Canadian", "Ottawa"),
]
TITLES = ["Foreign Minister", "Minister of Foreign Affairs", "Prime Minister", "President", "Trade Minister"]
VENUES = [
    ("Geneva", "the Human Rights Council session"),
    ("New York", "the UN General Assembly"),
    ("Addis Ababa", "the African Union summit"),
    ("Cairo", "the regional partnership forum"),
    ("Vienna", "the conference on nuclear security"),
    ("Jakarta", "the ASEAN ministerial meeting"),
]
TOPICS = [
    "trade and investment",
    "renewable energy",
    "nuclear energy cooperation",
    "security in the Sahel",
    "maritime security",
    "food security",
    "climate finance",
    "public health and vaccines",
    "migration and mobility",
    "digital infrastructure",
    "reform of the UN Security Council",
    "humanitarian access",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"]

FILLER = [
    "Officials from both delegations described the atmosphere as frank and constructive.",
    "The talks lasted about two hours and were followed by a working lunch.",
    "Both sides noted the growing volume of bilateral trade over the past five years.",
    "The ministers also exchanged views on the situation in neighbouring regions.",
    "Analysts said the meeting reflected a wider effort to diversify diplomatic partnerships.",
    "The delegations included senior officials from the ministries of trade, energy and defence.",
    "A joint statement released after the meeting listed several areas for closer cooperation.",
    "Observers noted that the two countries have held regular consultations since the early 2000s.",
    "The discussion covered the coordination of positions ahead of upcoming multilateral meetings.",
    "Diplomats said technical teams would continue work on the details in the coming weeks.",
]


def _person(rng: random.Random) -> tuple[str, str, tuple[str, str, str]]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TITLES), rng.choice(COUNTRIES)


def article(seed: int) -> str:
    """One article of roughly 500 words; the same seed gives the same text."""
    rng = random.Random(seed)
    (name_a, title_a, country_a), (name_b, title_b, country_b) = _person(rng), _person(rng)
    while country_b == country_a:
        name_b, title_b, country_b = _person(rng)
    city, occasion = rng.choice(VENUES)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.choice([2023, 2024, 2025])
    topics = rng.sample(TOPICS, 4)
    surname_a, surname_b = name_a.split()[-1], name_b.split()[-1]
    paragraphs = [
        f"{city.upper()}, {day} {month} {year} - {country_a[1]} {title_a} {name_a} met {country_b[1]} "
        f"{title_b} {name_b} on the sidelines of {occasion} in {city}. The meeting focused on "
        f"{topics[0]} and {topics[1]}, according to officials from both governments.",
        f"Opening the talks, {surname_a} said relations between {country_a[0]} and {country_b[0]} had "
        f"reached a new level. “We value our partnership with {country_b[0]} and want to give it real "
        f"substance in {topics[0]},” {surname_a} said. {rng.choice(FILLER)}",
        f"{surname_b} welcomed the discussions and described the meeting as productive. “Our countries "
        f"share a common interest in {topics[2]}, and we intend to act on it together,” {surname_b} said. "
        f"{rng.choice(FILLER)} {rng.choice(FILLER)}",
        f"The two ministers also discussed {topics[2]} and {topics[3]}. {country_a[0]} agreed to send a "
        f"technical delegation to {country_b[2]} before the end of {year}, and {country_b[0]} pledged to "
        f"host a joint commission on {topics[1]} by {rng.choice(MONTHS)} {year + 1}. {rng.choice(FILLER)}",
        f"Both sides reaffirmed their resolve to coordinate positions within the United Nations and other "
        f"multilateral fora. {rng.choice(FILLER)} {rng.choice(FILLER)} {rng.choice(FILLER)}",
        f"The meeting builds on earlier contacts, including a visit by {surname_a} to {country_b[2]} in "
        f"{rng.choice(MONTHS)} {year - 1} and a summit of the two leaders in {country_a[2]} in {year - 2}. "
        f"{rng.choice(FILLER)} {rng.choice(FILLER)}",
        f"The ministers agreed to meet again at the next session of {rng.choice(VENUES)[1]}. "
        f"{rng.choice(FILLER)} {rng.choice(FILLER)} {rng.choice(FILLER)}",
    ]
    words = sum(len(p.split()) for p in paragraphs)
    while words < 480:
        extra = " ".join(rng.sample(FILLER, 3))
        paragraphs.insert(-1, extra)
        words += len(extra.split())
    return "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"article_{i:04d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - a quick look at one article
    text = article(0)
    print(text)
    print(len(text.split()), "words")
