"""Turn raw bytes into text, and name the encoding that was used.

The order matters and is chosen for the texts analysts actually have:

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. valid UTF-8 is UTF-8 (the common case, and the fastest: no guessing);
3. text that is UTF-8 apart from a few broken bytes stays UTF-8, with the broken bytes
   replaced, instead of being re-read as some legacy code page that garbles every accent;
4. otherwise charset-normalizer guesses. It ranks code pages by "chaos"; where Windows-1252
   decodes the bytes about as cleanly and reads as coherently as its first choice (by its
   own language-model score), Windows-1252 wins, because it is by far the
   most common legacy encoding of English-language web and office text, and charset-normalizer
   otherwise often reports a Baltic or Central European sibling that garbles the same bytes;
5. what still looks like control codes is binary data, not text.
"""

from __future__ import annotations

import codecs
import re

from ..errors import SourceError

#: (byte-order mark, Python codec, name recorded in SourceInfo.encoding); longest marks first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32 (BOM)"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32 (BOM)"),
    (codecs.BOM_UTF8, "utf-8", "utf-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16 (BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16 (BOM)"),
)

#: EBCDIC code pages decode any ASCII text "cleanly" into garbage; never accept them as a guess.
_NEVER_GUESS = {"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"}

#: A guess whose chaos is at most this much worse than the best is still considered.
_CHAOS_SLACK = 0.1

#: More than this share of control characters (other than ordinary whitespace) means binary.
_BINARY_SHARE = 0.05

#: Control characters that no text file contains in bulk; \t \n \r \f \v are ordinary whitespace.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")

#: Only this many characters are inspected to decide text or binary (enough, and fast).
_SNIFF_CHARS = 65536


def decode(raw: bytes, subject: str) -> tuple[str, str]:
    """Decode `raw`; returns (text, encoding name). Raises SourceError for binary data."""
    text, name = _by_bom(raw, subject) or _strict_utf8(raw) or _mostly_utf8(raw) or _guess(raw, subject)
    if looks_binary(text):
        raise SourceError(subject, "binary data, not text")
    return text, name


def looks_binary(text: str) -> bool:
    """True when the text is largely control characters, as decoded images or archives are."""
    sample = text[:_SNIFF_CHARS]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > _BINARY_SHARE * len(sample)


def _by_bom(raw: bytes, subject: str) -> tuple[str, str] | None:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), name
            except UnicodeDecodeError:
                raise SourceError(subject, f"binary data, not text (invalid {name})") from None
    return None


def _strict_utf8(raw: bytes) -> tuple[str, str] | None:
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def _mostly_utf8(raw: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few invalid bytes: keep UTF-8 and replace those bytes with U+FFFD."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - raw.count("\ufffd".encode())
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if 0 < broken <= multibyte:
        return text, f"utf-8 ({broken} invalid byte sequences replaced)"
    return None


def _guess(raw: bytes, subject: str) -> tuple[str, str]:
    """charset-normalizer's guess, preferring Windows-1252 where it decodes as well."""
    import charset_normalizer

    has_nul = b"\x00" in raw
    candidates = []
    for match in charset_normalizer.from_bytes(raw):
        family = set(match.could_be_from_charset) | {match.encoding}
        if family & _NEVER_GUESS:
            continue
        if match.encoding.startswith(("utf_16", "utf_32")) and not has_nul:
            continue  # UTF-16 of real text is full of NUL bytes; without them it is a misreading
        candidates.append(match)
    if not candidates:
        raise SourceError(subject, "binary data, not text (no text encoding fits)")
    best = candidates[0]
    for match in candidates:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + _CHAOS_SLACK
            and match.coherence >= best.coherence
        ):
            return raw.decode("cp1252"), "windows-1252"
    codec = best.encoding
    try:
        return raw.decode(codec), _display_name(codec)
    except (UnicodeDecodeError, LookupError):
        raise SourceError(subject, "binary data, not text (no text encoding fits)") from None


def _display_name(codec: str) -> str:
    """Python's codec name in the spelling people know (cp1251 → windows-1251, utf_16_le → utf-16-le)."""
    name = codec.replace("_", "-")
    if re.fullmatch(r"cp12\d\d", name):
        return "windows-" + name[2:]
    return name
