"""Byte-identical output: one fixed timestamp and a normalised DOCX package.

The date written into both files (DOCX core properties and ZIP member times, PDF
CreationDate/ModDate) is, in order of preference:

1. ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention);
2. the source's published date at 00:00 UTC, so a memo carries a date that means something;
3. 2000-01-01 00:00 UTC.

Never the wall clock: two builds of the same input seconds apart must not differ.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import struct
import zipfile
import zlib

from ..model import Meeting

FALLBACK = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ZIP_MIN = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
#: The last moment a ZIP (MS-DOS) time can hold; a later date (a memo dated 2108 or after,
#: which a source, --published or SOURCE_DATE_EPOCH can ask for) is stored as this.
ZIP_MAX = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)


def zip_time(when: dt.datetime) -> dt.datetime:
    """`when` within what a ZIP member time can hold (1980 to 2107)."""
    return min(max(when, ZIP_MIN), ZIP_MAX)


def fixed_timestamp(meeting: Meeting) -> dt.datetime:
    """The one timestamp written into the files for this meeting (UTC, whole seconds)."""
    return timestamp_for(meeting.source.published)


def timestamp_for(published: dt.date | None) -> dt.datetime:
    """SOURCE_DATE_EPOCH, else `published` at 00:00 UTC, else FALLBACK (see the module docstring)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            pass
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
    stamp = zip_time(when)
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


@dataclasses.dataclass(frozen=True)
class ZipEntry:
    """One ZIP member, already compressed (raw deflate), so unchanged parts are compressed once."""

    name: str
    crc: int
    size: int
    data: bytes


def zip_entry(name: str, content: bytes, level: int = 6) -> ZipEntry:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return ZipEntry(name, zlib.crc32(content), len(content), packer.compress(content) + packer.flush())


def write_entries(entries: list[ZipEntry], when: dt.datetime) -> bytes:
    """A ZIP archive of pre-compressed entries, with fixed times, order and attributes.

    The same layout zipfile writes (deflate, no data descriptors, Unix mode 0644), assembled
    directly so that parts compressed once per process are not compressed again.
    """
    stamp = zip_time(when)
    dos_time = (stamp.hour << 11) | (stamp.minute << 5) | (stamp.second // 2)
    dos_date = ((stamp.year - 1980) << 9) | (stamp.month << 5) | stamp.day
    local, central = [], []
    offset = 0
    for entry in sorted(entries, key=lambda e: _member_order(e.name)):
        name = entry.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800
        common = struct.pack("<HHHHHIII", 20, flags, 8, dos_time, dos_date, entry.crc, len(entry.data), entry.size)
        header = b"PK\x03\x04" + common + struct.pack("<HH", len(name), 0) + name
        local += [header, entry.data]
        central.append(
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + common
            + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0o644 << 16, offset)
            + name
        )
        offset += len(header) + len(entry.data)
    directory = b"".join(central)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join(local) + directory + end
