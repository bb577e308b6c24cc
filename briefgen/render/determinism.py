"""Byte-identical output: one fixed timestamp and a normalised DOCX package.

The date written into both files (DOCX core properties and ZIP member times, PDF
CreationDate/ModDate) is, in order of preference:

1. ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention);
2. the source's published date at 00:00 UTC, so a memo carries a date that means something;
3. 2000-01-01 00:00 UTC.

Never the wall clock: two builds of the same input seconds apart must not differ.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

from ..model import Meeting

FALLBACK = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ZIP_MIN = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def fixed_timestamp(meeting: Meeting) -> dt.datetime:
    """The one timestamp written into the files for this meeting (UTC, whole seconds)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            pass
    published = meeting.source.published
    if published is not None:
        return dt.datetime(published.year, published.month, published.day, tzinfo=dt.UTC)
    return FALLBACK


def _member_order(name: str) -> tuple[int, str]:
    """[Content_Types].xml first and the package rels next, as Word writes them."""
    if name == "[Content_Types].xml":
        return (0, name)
    if name.startswith("_rels/"):
        return (1, name)
    return (2, name)


def write_zip(members: dict[str, bytes], when: dt.datetime) -> bytes:
    """A ZIP package with fixed member times, order and attributes."""
    stamp = max(when, ZIP_MIN)
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(members, key=_member_order):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, members[name], compresslevel=6)
    return out.getvalue()


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite an existing ZIP package with fixed member times, order and attributes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return write_zip({name: src.read(name) for name in src.namelist()}, when)
