"""Reading text that users give us: UTF-8, or an error that says on which line it is not."""

from __future__ import annotations

from .errors import GeomapError


def decode_utf8(raw: bytes, where, *, error=GeomapError, advice="Save the file as UTF-8 and try again.",
                **error_fields) -> str:
    """`raw` as text (a UTF-8 byte-order mark is dropped), or `error` naming the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"{where}, line {line}: not valid UTF-8 (byte {raw[exc.start]:#04x}). {advice}"
        raise error(message, **({"line": line, **error_fields} if error_fields else {})) from None
