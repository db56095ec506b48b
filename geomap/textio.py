"""Reading text that users give us: never more than a limit, and UTF-8 or an error that says
on which line it is not."""

from __future__ import annotations

import os
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
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            break
        if expected and b"\x00" in chunk:
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
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"{where}, line {line}: not valid UTF-8 (byte {raw[exc.start]:#04x}). {advice}"
        raise error(message, **({"line": line, **error_fields} if error_fields else {})) from None
