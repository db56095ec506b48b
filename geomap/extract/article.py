"""An article as geomap reads it: a file or bytes (text, Markdown or HTML) → its text, the
report's paragraphs, and the spans of site furniture (navigation, author box, related links)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GeomapError
from ..textio import decode_utf8, read_bounded
from .html import html_text
from .words import WORD

MAX_BYTES = 5 * 1024 * 1024  # a long report is 100 KB; 5 MB is a book or the wrong file
# Paragraphs from here to the end are the site's, not the report's (when most text is above).
_END_MARKERS = re.compile(
    r"(?i)^(related( articles| posts| stories)?|read (more|next)|"
    r"more stories|you (may|might) also like|recommended|"
    r"photo of (the )?author|about the authors?|comments|"
    r"leave a (comment|reply)|notify of|share( this( article)?| to)?"
    r"(\.\.\.|…)?|tags)\s*:?$"
)
# A breadcrumb trail is sections between spaced separators ("Home » News » Russia"); a line
# that opens with » (a quotation or bullet in Russian text) or closes a «quote» is the report's.
_CRUMB = r"[^\s»›«.!?][^»›«.!?]*"
_NAVIGATION = re.compile(
    rf"^({_CRUMB}(\s[»›]\s+{_CRUMB})+\s*[»›]?|(?i:home)\s*[>/|].*|\d+\s*(?i:min(ute)?s?\s+read)|"
    r"(?i:by)(\s+[A-Z][^\s.]*){1,4})$"
)
_ITEM = re.compile(r"(?:[#>*+-]+|\d+[.)])\s")  # Markdown: a heading, quote or list item


class ArticleError(GeomapError):
    """The article cannot be read: missing, not text, not UTF-8 or empty."""


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """An article as geomap reads it. `paragraphs` are the report's; `skipped` the site's."""

    text: str
    format: str = "text"  # text, markdown or html
    name: str = "<text>"
    paragraphs: tuple[tuple[int, int], ...] = ()
    skipped: tuple[tuple[int, int, str], ...] = ()
    meta: dict = field(default_factory=dict, compare=False)  # from HTML: h1, title, date

    @classmethod
    def from_text(
        cls,
        text: str,
        format: str = "text",
        name: str = "<text>",
        whole: bool = False,
        skipped=(),
        meta=None,
    ) -> Article:
        """Split into paragraphs and, unless `whole`, set the site's furniture aside."""
        blocks = _paragraphs(text)
        skipped = [] if whole else list(skipped)
        if not whole:
            skipped += _furniture(text, blocks)
        merged: list[tuple[int, int, str]] = []  # a span inside another says nothing new
        for span in sorted(skipped, key=lambda span: (span[0], -span[1])):
            if not merged or span[1] > merged[-1][1]:
                merged.append(span)
        # merged spans start and end in increasing order: the last one starting at or before a
        # paragraph is the only one that can hold it (a scan of all of them per paragraph is
        # quadratic on a page of many small navigation boxes)
        starts = [span[0] for span in merged]
        kept = tuple(
            p for p in blocks if not (k := bisect_right(starts, p[0])) or p[0] >= merged[k - 1][1]
        )
        return cls(text, format, name, kept, tuple(merged), meta or {})


_NOT_BINARY = "an article (text, Markdown or HTML)"


def read_article(path, whole: bool = False) -> Article:
    """Read a UTF-8 article file ('-': standard input): `.html`/`.htm` (or text that starts like
    HTML) has its tags stripped; anything else is read as plain text (Markdown too)."""
    name = "<stdin>" if path == "-" else str(path)
    try:  # bounded: a pipe or a device (/dev/zero) has no size to check beforehand
        raw = read_bounded(
            path if path == "-" else Path(path),
            MAX_BYTES,
            what="an article",
            expected=_NOT_BINARY,
            error=ArticleError,
        )
    except FileNotFoundError:
        raise ArticleError(f"{name}: no such file. Check the path.") from None
    except IsADirectoryError:
        raise ArticleError(
            f"{name}: is a folder; give an article file (.txt, .md or .html)."
        ) from None
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror}).") from None
    return article_from_bytes(raw, name, whole=whole)


def article_from_bytes(raw: bytes, name: str = "<stdin>", whole: bool = False) -> Article:
    if len(raw) > MAX_BYTES:
        raise ArticleError(
            f"{name}: {len(raw):,} bytes is too big for an article "
            f"(limit {MAX_BYTES:,}). Check that this is the right file."
        )
    if b"\x00" in raw:
        raise ArticleError(f"{name}: looks like a binary file, not {_NOT_BINARY}.")
    text = decode_utf8(
        raw, name, error=ArticleError, advice="Save the article as UTF-8 and try again."
    )
    head = text.lstrip()[:200].lower()
    if name.lower().endswith((".html", ".htm", ".xhtml")) or head.startswith(
        ("<!doctype html", "<html")
    ):
        text, skipped, meta = html_text(text)
        fmt = "html"
    else:
        skipped, meta = [], {}
        fmt = "markdown" if name.lower().endswith((".md", ".markdown")) else "text"
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty; expected its text.")
    return Article.from_text(text, fmt, name, whole=whole, skipped=skipped, meta=meta)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks between blank lines. A block with a line longer than 150 characters is one
    paragraph per line (a saved web page); otherwise Markdown list items and headings start
    paragraphs and other lines continue them (wrapped text)."""
    out = []
    for block in re.finditer(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", text):
        lines = [
            (m.start() + block.start(), m.end() + block.start())
            for m in re.finditer(r"\S(?:.*\S)?", block.group())
        ]
        if max(e - s for s, e in lines) > 150:
            out += lines
            continue
        for n, (s, e) in enumerate(lines):
            if n == 0 or _ITEM.match(text[s:e]) or text[lines[n - 1][0]] == "#":
                out.append((s, e))
            else:
                out[-1] = (out[-1][0], e)
    return out


def _furniture(text, blocks) -> list[tuple[int, int, str]]:
    """Navigation lines, and everything from an end marker ("Related Articles", "Photo of author")
    on, when the report's text lies mostly above it."""
    out = []
    total = sum(e - s for s, e in blocks)
    seen = 0
    for s, e in blocks:
        line = re.sub(r"^[#>*_\s-]+|[*_\s]+$", "", text[s:e])  # Markdown: "### Related articles"
        if _END_MARKERS.match(line) and seen > total - seen - (e - s):
            out.append((s, len(text), "site furniture after " + repr(line)))
            break
        if e - s < 100 and _NAVIGATION.match(line):
            out.append((s, e, "navigation"))
        seen += e - s
    return out


def is_heading(para: str) -> bool:
    """A title or heading: short, no full stop, most long words capitalised."""
    if len(para) > 120 or para.rstrip()[-1:] in ".!?…:;,":
        return False
    words = [w for w in WORD.findall(para)[1:] if len(w) > 3]
    return not words or sum(w[0].isupper() for w in words) * 2 >= len(words)
