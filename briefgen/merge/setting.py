"""Where and when: one setting from several accounts, with each disagreement made a conflict.

The model keeps the value most accounts give (a tie goes to the earliest source) so that the
memo has something to print, and a `Conflict` beside it lists what each account says; the
memo prints "Sources differ" right there. A relative date ("on Tuesday") beside a calendar
date is no disagreement: only two calendar dates, or two different dates as written, are.
"""

from __future__ import annotations

import datetime as dt

from ..model import Conflict, ConflictValue, Evidence, Location, Meeting, Setting
from .items import differ, vote
from .people import merged_evidence
from .text import combined_confidence, same_statement

Account = tuple[Meeting, list[str]]


def _values(accounts: list[Account], get) -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    for meeting, sids in accounts:
        value = get(meeting.setting)
        if value:
            for sid in sids:
                out.setdefault(sid, value)
    return sorted(out.items(), key=lambda sv: (len(sv[0]), sv[0]))


def _conflict(field: str, values: list[tuple[str, str]], accounts: list[Account]) -> Conflict:
    evidence: dict[str, list[Evidence]] = {}
    for meeting, _ in accounts:
        for ev in meeting.setting.evidence:
            evidence.setdefault(ev.source or "", []).append(ev)
    return Conflict(
        field=field,
        subject=None,
        values=[ConflictValue(source=sid, value=v, evidence=evidence.get(sid, [])) for sid, v in values],
    )


def merge_setting(accounts: list[Account]) -> tuple[Setting, list[Conflict]]:
    """The merged setting and its conflicts; `accounts` pairs each input with its source ids."""
    conflicts: list[Conflict] = []
    dates = _values(accounts, lambda s: s.date.isoformat() if s.date else None)
    texts = _values(accounts, lambda s: s.date_text)
    date = vote(dates)
    if differ(dates):
        conflicts.append(_conflict("setting.date", dates, accounts))
    elif not dates and differ(texts):
        conflicts.append(_conflict("setting.date_text", texts, accounts))
    if date:  # the date as written by an account that gives this calendar date
        with_date = {sid for sid, v in dates if v == date}
        date_text = next((v for sid, v in texts if sid in with_date), None)
    else:
        date_text = vote(texts)
    location = {}
    for part in ("city", "country", "venue"):
        values = _values(accounts, lambda s, part=part: getattr(s.location, part))
        location[part] = vote(values)
        if differ(values):
            conflicts.append(_conflict(f"setting.location.{part}", values, accounts))
    occasions = _values(accounts, lambda s: s.occasion)
    if differ(occasions, same_statement):
        conflicts.append(_conflict("setting.occasion", occasions, accounts))
    settings = [m.setting for m, _ in accounts]
    # Only accounts that ground their setting in evidence count as agreeing.
    grounded = [s.confidence for s in settings if s.evidence]
    merged = Setting(
        date=dt.date.fromisoformat(date) if date else None,
        date_text=date_text,
        location=Location(**location),
        occasion=vote(occasions),
        evidence=merged_evidence(settings),
        confidence=combined_confidence(grounded) if grounded else min(s.confidence for s in settings),
    )
    return merged, conflicts
