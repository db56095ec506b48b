"""Reading text that users give us: never more than a limit, and UTF-8 or an error that says
on which line it is not."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys

from .errors import GeomapError

CHUNK = 1 << 20


def read_bounded(
    source,
    limit: int,
    *,
    what: str,
    expected: str | None = None,
    head: bool = False,
    error=GeomapError,
    advice: str = "Check that this is the right file.",
    **error_fields,
) -> bytes:
    """The bytes of `source` (a path; the string '-' is standard input), read in chunks and never
    more than `limit` + 1 of them: a pipe that never ends, /dev/zero or a growing file can't fill
    the memory, whatever stat says about its size.

    More than `limit` bytes is `error` naming the source, `what` it should be and the limit —
    unless `head`, when the first `limit` bytes are all that is wanted. With `expected` (the
    text wanted, e.g. "YAML or CSV text"), a NUL byte, which no text has, is refused as soon as
    its chunk is read, so /dev/urandom fails at once. OSError (no such file, a folder, no
    permission) is raised as it is, for the caller's own wording."""
    stdin = isinstance(source, str) and source == "-"  # Path("-") is a file named "-"
    name = "<stdin>" if stdin else str(source)

    def refuse(message):
        raise error(f"{name}: {message}", **error_fields)

    if stdin:
        return _read_chunks(sys.stdin.buffer, limit, expected, head, refuse, what, advice)
    with open(source, "rb", buffering=0) as stream:
        info = os.fstat(stream.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit and not head:
            refuse(f"{info.st_size:,} bytes is too big for {what} (limit {limit:,}). {advice}")
        return _read_chunks(stream, limit, expected, head, refuse, what, advice)


def _read_chunks(stream, limit, expected, head, refuse, what, advice) -> bytes:
    chunks: list[bytes] = []
    size = 0
    wide = False  # UTF-16 text has a NUL in every other byte: named when decoded, not "binary"
    while size <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            break
        if not chunks:
            wide = utf16_order(chunk) is not None
        if expected and not wide and b"\x00" in chunk:
            refuse(f"looks like a binary file, not {expected}.")
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        if head:
            return b"".join(chunks)[:limit]
        refuse(
            f"more than {limit:,} bytes, the limit for {what} (a stream or device that never "
            f"ends?). {advice}"
        )
    return b"".join(chunks)


def decode_utf8(
    raw: bytes,
    where,
    *,
    error=GeomapError,
    advice="Save the file as UTF-8 and try again.",
    **error_fields,
) -> str:
    """`raw` as text (a UTF-8 byte-order mark is dropped), or `error` naming the line."""
    if utf16_order(raw[:4096]):  # let through read_bounded's NUL check to be named here
        name = (name_encoding(raw) or ("", "UTF-16"))[1]
        raise error(f"{where}: this looks like {name}, not UTF-8. {advice}", **error_fields)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = name_encoding(raw)
        looks = f"; this looks like {guess[1]}" if guess else ""
        message = (
            f"{where}, line {line}: not valid UTF-8 (byte {raw[exc.start]:#04x}){looks}. {advice}"
        )
        raise error(message, **({"line": line, **error_fields} if error_fields else {})) from None


def decode_text(
    raw: bytes,
    where,
    *,
    encoding: str | None = None,
    option: str = "--encoding",
    error=GeomapError,
    save="save it as UTF-8",
    **error_fields,
) -> str:
    """`raw` as text: in `encoding` when one is given; else UTF-8, or UTF-16 when the file
    starts with its byte-order mark (the mark declares it: nothing is guessed). Anything else is
    `error` naming what the bytes look like (Windows-1251, UTF-16 without a mark) and `option`,
    with the codec to give it."""
    if encoding is None and raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf-16"  # Python's utf-16 codec reads the mark and drops it
    if encoding is None and utf16_order(raw[:4096]):  # ASCII in UTF-16 is "valid" UTF-8 + NULs
        codec, name = name_encoding(raw) or ("utf-16", "UTF-16")
        raise error(
            f"{where}: not UTF-8: this looks like {name}; {save}, or pass {option} {codec}.",
            **error_fields,
        )
    if encoding is None:
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            guess = name_encoding(raw)
            looks = f"this looks like {guess[1]}" if guess else f"byte {raw[exc.start]:#04x}"
            raise error(
                f"{where}, line {line}: not UTF-8: {looks}; {save}, or pass {option} "
                f"{guess[0] if guess else 'and the encoding the file was saved in'}.",
                **_with_line(line, error_fields),
            ) from None
    try:
        codec_name = codecs.lookup(encoding).name
    except LookupError:
        raise error(
            f"{option} {encoding!r}: not an encoding Python knows; give one such as utf-8, "
            "cp1251, utf-16 or koi8-u.",
            **error_fields,
        ) from None
    try:
        text = raw.decode(codec_name)
    except UnicodeDecodeError as exc:
        # A line of a UTF-16 or UTF-32 file is not counted by b"\n" bytes.
        wide = codec_name.startswith(("utf-16", "utf-32"))
        bad_line = None if wide else raw[: exc.start].count(b"\n") + 1
        at = f", line {bad_line}" if bad_line else ""
        raise error(
            f"{where}{at}: not valid {encoding} (byte {raw[exc.start]:#04x}); check "
            f"{option}, or save the file as UTF-8.",
            **_with_line(bad_line, error_fields),
        ) from None
    return text.removeprefix("\ufeff")


def _with_line(line, fields):
    return {"line": line, **fields} if fields else {}


def utf16_order(head: bytes) -> str | None:
    """'le' or 'be' when `head` (a file's first bytes) is UTF-16: its byte-order mark, or, for
    text without one, many ASCII characters, whose other byte is NUL, at odd (little-endian) or
    even (big-endian) positions and almost no NUL at the others. None otherwise."""
    if head[:2] == codecs.BOM_UTF16_LE:
        return "le"
    if head[:2] == codecs.BOM_UTF16_BE:
        return "be"
    sample = head[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    # A quarter: Cyrillic characters have no NUL byte, but a CSV's header and numbers are ASCII.
    if odd > 0.25 * pairs and even < 0.02 * pairs:
        return "le"
    if even > 0.25 * pairs and odd < 0.02 * pairs:
        return "be"
    return None


# Windows-1251 puts Cyrillic letters at 0xC0-0xFF, lowercase (most of any text) in the upper
# half; KOI8 puts lowercase at 0xC0-0xDF. Decoded with the right table, a Cyrillic text's
# letters are mostly lowercase. charset-normalizer was tried and named short Cyrillic cells
# (a name or two in a CSV) as UTF-16 or Big5, so this narrow test is ours.
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_HIGH_RUNS = re.compile(rb"[\x80-\xff]{2,}")


def name_encoding(raw: bytes) -> tuple[str, str] | None:
    """(codec, name) of what bytes that are not UTF-8 look like: UTF-16 with or without its
    mark, Windows-1251 or KOI8 Cyrillic; None when they look like none of these."""
    order = utf16_order(raw[:4096])
    if order:
        marked = raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        ending = "little" if order == "le" else "big"
        mark = "with" if marked else "without"
        return ("utf-16" if marked else f"utf-16-{order}"), (
            f"UTF-16, {ending}-endian, {mark} a byte-order mark"
        )
    sample = raw[:65536]
    high = bytes(b for b in sample if b >= 0x80)
    # Cyrillic words are runs of such bytes; an accented letter of a Latin-script text (Café in
    # Windows-1252) stands alone between ASCII letters, and is not named as Cyrillic.
    in_runs = sum(map(len, _HIGH_RUNS.findall(sample)))
    if not high or in_runs < 0.6 * len(high):
        return None
    for codec, name in (("cp1251", "Windows-1251"), ("koi8-u", "KOI8")):
        text = high.decode(codec, errors="replace")
        letters = _CYRILLIC.findall(text)
        lower = sum(letter.islower() for letter in letters)
        if len(letters) >= 0.8 * len(text) and lower >= 0.6 * len(letters):
            return codec, name
    return None
