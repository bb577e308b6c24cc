"""Normalise decoded text so that every reader hands extraction the same shape of text.

Extraction works on character offsets, so the text must be settled before it is measured:
one kind of newline, no control characters (python-docx refuses them when the memo is
written, and they carry no meaning), composed Unicode (NFC) so that "é" typed two ways is one
string, no trailing spaces, and at most one blank line in a row. Markup characters and template
syntax (`<b>`, `&`, `{{ }}`) are ordinary text here and stay as they are.
"""

from __future__ import annotations

import re
import unicodedata

#: Every line break Unicode knows (CR LF, CR, NEL, line and paragraph separators, VT, FF).
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")

#: C0 controls except TAB and LF, DEL, C1 controls, byte-order marks and other invisible format
#: characters that only get in the way of matching (zero-width space, word joiner, soft hyphen).
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\u200b\u2060\u00ad\ufffe\uffff]")

#: Space characters that look like spaces (no-break, thin, ideographic …) become a plain space.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Clean newlines, control characters, spaces and Unicode composition; strip the ends."""
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))  # linear, unlike a regex
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()
