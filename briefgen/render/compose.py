"""Lines a memo composes from the model's structured data: the BLUF and the talking points.

This module is the one owner of the bottom line: extraction writes no summary lines, only facts.
The BLUF is composed from the structured fields: who met whom, where and on what occasion; the
main topics; the key commitment; the next step. Lines an analyst writes into the model's
`summary` are kept when they read well (not pronoun-led, not cut short, not running on). The
talking points recombine topics, commitments, quotes and outlook into what a principal can say
at the next meeting. Nothing here adds a fact:
every word that is not fixed framing ("Main topics:", "committed to") comes from the model.
"""

from __future__ import annotations

from typing import Any

from ..model import Item, Meeting
from .wording import clip, drop_opener, first_word, key, presentation, pronoun_led, truncated

#: A model summary line longer than this (in words) is no bottom line.
MAX_LINE_WORDS = 45
#: A quotation shorter than this is a phrase, not a position one can recall to a counterpart.
MIN_POSITION_WORDS = 4


def evidence_keys(item: Item) -> set[str]:
    return {key(ev.text) for ev in item.evidence if ev.text and ev.text.strip()}


def _line(text: str, cite: Any = "", review: bool = False, origin: str = "composed") -> dict[str, Any]:
    return {"text": text, "cite": cite, "review": review, "origin": origin}


def _end(text: str) -> str:
    """One full stop at the end, none after an ellipsis."""
    return text if text.endswith("…") else text.rstrip(".") + "."


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _person_phrase(p: dict[str, Any], with_title: bool) -> str:
    """'Foreign Minister Lavrov (Russia)'; a generic title ('minister') is left out."""
    from .wording import is_generic_title

    name = p["name"] or p["title"] or ""
    if with_title and p["name"] and p["title"] and not is_generic_title(p["title"]):
        name = f"{p['title']} {name}"
    return f"{name} ({p['affiliation']})" if p["affiliation"] and p["name"] else name


def meeting_line(sides: list[dict[str, Any]], setting: dict[str, Any]) -> str | None:
    """'Lavrov (Russia) met Nduhungirehe (Rwanda) in Cairo, Egypt, on the sidelines of …'."""
    people = [p for side in sides for p in side["people"] if p["name"] or p["title"]]
    if not people:
        return None
    with_title = len(people) <= 2
    first = [_person_phrase(p, with_title) for p in sides[0]["people"] if p["name"] or p["title"]]
    rest = [_person_phrase(p, with_title) for side in sides[1:] for p in side["people"] if p["name"] or p["title"]]
    if len(rest) > 4:
        rest = [*rest[:3], f"{len(rest) - 3} others"]
    text = f"{_join(first)} met {_join(rest)}" if first and rest else f"Meeting of {_join(first or rest)}"
    differ = setting.get("differ") or {}  # accounts that disagree: say so where the fact is stated
    if setting["location"]:
        text += f" in {setting['location']}" + (" (sources differ)" if differ.get("location") else "")
    if setting["date"]:
        text += f" on {setting['date']}" + (" (sources differ)" if differ.get("date") else "")
    occasion = setting["occasion"]
    if occasion:
        opener = occasion.split()[0].casefold()
        text += f", {occasion}" if opener in presentation()["occasion_openers"] else f" ({occasion})"
    return text.rstrip(".") + "."


def topics_line(topics: list[dict[str, Any]]) -> str | None:
    """'Main topics: A; B; C': one short label per policy category, in the source's order."""
    data = presentation()
    chosen: list[str] = []
    categories: set[str | None] = set()
    length = 0
    for t in topics:
        short = t["short"]
        if t["poor"] or t["category"] in categories or len(chosen) >= data["bluf_topics_max"]:
            continue
        if chosen and length + len(short) > data["bluf_topics_chars"]:
            continue
        chosen.append(short)
        categories.add(t["category"])
        length += len(short) + 2
    if not chosen:
        return None
    return ("Main topics: " if len(chosen) > 1 else "Main topic: ") + "; ".join(chosen) + "."


def _deadline_suffix(action: str, deadline: str | None) -> str:
    return f" ({deadline})" if deadline and key(deadline) not in key(action) else ""


def key_commitment(commitments: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first commitment with a deadline (the most checkable), else the first one; never a pronoun-led one."""
    usable = [c for c in commitments if c["raw_action"] and not pronoun_led(c["raw_action"])]
    ranked = sorted(usable, key=lambda c: (c["review"], c["deadline"] is None))
    return ranked[0] if ranked else None


def commitment_line(c: dict[str, Any]) -> str:
    words = presentation()["bluf_clause_words"]
    action = clip(c["raw_action"], words)
    actor = c["actor"] or "Actor not stated in the source"
    return _end(f"Key commitment: {actor} to {action}{_deadline_suffix(c['raw_action'], c['deadline'])}")


def next_item(next_steps: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((o for o in next_steps if o["text"] and not pronoun_led(drop_opener(o["text"]))), None)


def _weak(line: str) -> bool:
    return pronoun_led(line) or truncated(line) or len(line.split()) > MAX_LINE_WORDS


def _covers(line: str, view: dict[str, Any]) -> str | None:
    """Which composed line a good model line already says: topics, commitment, next or meeting."""
    folded = key(line)
    labels = [key(t["label"]) for t in view["topics"]]
    if sum(label in folded for label in labels) >= min(2, len(labels)) and labels:
        return "topics"
    if any(" ".join(key(c["raw_action"]).split()[:5]) in folded for c in view["commitments"] if c["raw_action"]):
        return "commitment"
    if any(" ".join(key(o["text"]).split()[:6]) in folded for o in view["outlook"] if o["text"]):
        return "next"
    names = [key(p["name"].split()[-1]) for p in view["participants"] if p["name"]]
    if names and sum(n in folded for n in names) >= min(2, len(names)):
        return "meeting"
    return None


def bluf(model_lines: list[str], summary: dict[str, Any], view: dict[str, Any]) -> list[dict[str, Any]]:
    """At most four BLUF lines: the model's good lines, composed lines where its lines are weak or missing."""
    composed: dict[str, dict[str, Any]] = {}
    meeting = meeting_line(view["sides"], view["setting"])
    if meeting:
        composed["meeting"] = _line(meeting, view["setting"]["cite"], view["setting"]["review"])
    topics = topics_line(view["topics"])
    if topics:
        composed["topics"] = _line(topics)
    commitment = key_commitment(view["commitments"])
    if commitment:
        composed["commitment"] = _line(commitment_line(commitment), commitment["cite"], commitment["review"])
    step = next_item(view["next_steps"])
    if step:
        text = clip(drop_opener(step["text"]), presentation()["bluf_clause_words"])
        composed["next"] = _line(_end(f"Next: {text}"), step["cite"], step["review"])

    kept: list[dict[str, Any]] = []
    covered: set[str] = set()
    for text in model_lines:
        if _weak(text):
            continue
        kept.append(_line(text, origin="model"))
        covered.add(_covers(text, view) or "")
    if kept:
        kept[-1]["cite"], kept[-1]["review"] = summary["cite"], summary["review"]
    # The model's good lines keep their order; the meeting line leads, the others follow them.
    lines = [composed["meeting"]] if "meeting" in composed and "meeting" not in covered else []
    lines += kept
    lines += [composed[s] for s in ("topics", "commitment", "next") if s in composed and s not in covered]
    while len(lines) > 4:
        drop = next((ln for ln in reversed(lines) if ln["origin"] == "composed"), lines[-1])
        lines.remove(drop)
    return lines


# --------------------------------------------------------------------------- talking points


def own_side_index(sides: list[dict[str, Any]], own_side: str | None) -> int:
    """Which side is the principal's: the `own_side` setting when it names one, else the first-named
    side (readouts name their own side first)."""
    if own_side:
        for i, side in enumerate(sides):
            if side["label"] and key(side["label"]) == key(own_side):
                return i
    return 0


def counterpart_sides(sides: list[dict[str, Any]], own_side: str | None = None) -> list[dict[str, Any]]:
    """Every side but the principal's. With one side only, that side."""
    if len(sides) < 2:
        return sides
    own = own_side_index(sides, own_side)
    return [side for i, side in enumerate(sides) if i != own]


def _people_keys(people: list[dict[str, Any]]) -> list[str]:
    """The folded names, affiliations and sides of people, computed once per memo."""
    return [key(value) for p in people for value in (p["name"], p["affiliation"], p["side"]) if value]


def _mentions(actor: str | None, people_keys: list[str]) -> bool:
    if not actor:
        return False
    folded = key(actor)
    return any(k in folded for k in people_keys)


def _resolve_pronoun(point: str, keys: set[str], quotes: list[tuple[dict[str, Any], set[str]]]) -> str | None:
    """'He said …' → 'Nduhungirehe said …' when the model gives that sentence's quote a speaker."""
    if first_word(point) not in ("he", "she"):
        return point if not pronoun_led(point) else None
    speakers = {q["speaker"] for q, qkeys in quotes if q["speaker"] and qkeys & keys}
    if len(speakers) != 1:
        return None
    rest = point.split(" ", 1)
    return f"{speakers.pop()} {rest[1]}" if len(rest) == 2 else None


def talking_points(meeting: Meeting, view: dict[str, Any], own_side: str | None = None) -> dict[str, Any]:
    """Topics grouped by the sentence they rest on, each with the positions stated on it."""
    sides = view["sides"]
    counterparts = [p for side in counterpart_sides(sides, own_side) for p in side["people"]]
    own_index = own_side_index(sides, own_side)
    own = sides[own_index]["people"] if len(sides) > 1 else []
    commitments = [(c, evidence_keys(m)) for c, m in zip(view["commitments"], meeting.commitments, strict=True)]
    quotes = [(q, evidence_keys(m)) for q, m in zip(view["quotes"], meeting.quotes, strict=True)]
    their_keys, own_keys = _people_keys(counterparts), _people_keys(own)
    actions = {id(c): key(c["raw_action"] or "") for c, _ in commitments}
    for c, _ in commitments:
        theirs, ours = _mentions(c["actor"], their_keys), _mentions(c["actor"], own_keys)
        c["by_counterpart"], c["joint"] = theirs and not ours, theirs and ours
    groups: list[dict[str, Any]] = []
    by_key: dict[str, dict[str, Any]] = {}
    used: set[int] = set()
    for topic, model_topic in zip(view["topics"], meeting.topics, strict=True):
        keys = evidence_keys(model_topic)
        group = next((by_key[k] for k in sorted(keys) if k in by_key), None)
        if group is not None:
            if not topic["poor"]:
                group["also"].append(topic["short"])
            continue
        positions = []
        label = key(topic["label"])
        for c, ckeys in commitments:
            if id(c) not in used and (ckeys & keys or label in actions[id(c)]):
                positions.append({"kind": "commitment", **c})
                used.add(id(c))
        for q, qkeys in quotes:
            if qkeys & keys and len(q["text"].split()) >= MIN_POSITION_WORDS and id(q) not in used:
                positions.append({"kind": "quote", **q})
                used.add(id(q))
        point = next(iter(topic["points"]), None)
        point = _resolve_pronoun(drop_opener(point), keys, quotes) if point else None
        group = {
            "heading": topic["heading"],
            "label": topic["short"],
            "also": [],
            "positions": positions[:2],
            "point": point,
            "point_names_label": bool(point) and key(topic["short"]) in key(point),
            "cite": topic["cite"],
            "review": topic["review"],
        }
        groups.append(group)
        by_key.update({k: group for k in keys})
    steps = [o for o in view["next_steps"] if o["text"] and not pronoun_led(drop_opener(o["text"]))]
    return {
        "counterpart_sides": counterpart_sides(sides, own_side),
        "own_side": sides[own_index] if len(sides) > 1 else None,
        "groups": groups,
        "next_steps": [{**o, "text": drop_opener(o["text"])} for o in steps],
        "their_commitments": [c for c, _ in commitments if c["by_counterpart"]],
    }
