"""Text from users, made safe to show in a terminal and checked to be text at all.

Names, paths and article words reach geomap's messages as the user wrote them. A name may
carry terminal escape sequences (`ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears the
screen, C1 `CSI` does the same in one character) or bidirectional overrides that reorder the
line, so every character of that kind is shown as a Python-style escape: ESC as `\\x1b`, tab
as `\\t`, a right-to-left override as `\\u202e`, a byte of the command line that was not UTF-8
as `\\xff`.
Backslashes themselves are left as they are: Windows paths stay readable.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL; the bidirectional marks, embeddings, overrides and isolates;
# the Unicode line and paragraph separators; lone surrogates (bytes of argv that were not
# UTF-8, kept by Python's surrogateescape, which no terminal encoding can print).
_OTHER_UNSHOWABLE = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_UNSHOWABLE_IN_FIELD = re.compile(f"[\x00-\x1f{_OTHER_UNSHOWABLE}]")
_UNSHOWABLE_IN_MESSAGE = re.compile(f"[\x00-\x09\x0b-\x1f{_OTHER_UNSHOWABLE}]")  # keeps \n
_SURROGATE = re.compile("[\ud800-\udfff]")


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(found: re.Match) -> str:
    char = found.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text, *, newlines: bool = False) -> str:
    """`text` with every control, bidi or undecodable character shown as an escape.
    `newlines=True` keeps line breaks (for messages of several lines)."""
    pattern = _UNSHOWABLE_IN_MESSAGE if newlines else _UNSHOWABLE_IN_FIELD
    return pattern.sub(_escape, str(text))


def undecodable(text: str) -> str | None:
    """None when `text` is valid Unicode; else a description of its first byte that was not
    UTF-8 on the command line ("byte 0xff at character 3")."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = f"byte {code - 0xDC00:#04x}" if 0xDC80 <= code <= 0xDCFF else f"surrogate U+{code:04X}"
    return f"{what} at character {found.start() + 1}"
