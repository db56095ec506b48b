"""A draft events file from an extraction: one event per paragraph that names places.

Nothing of the article's sentences is copied: a title lists the paragraph's places, a summary
points at the characters to summarise, and the layer, dates and certainty are left for the
editor to fill in or check. `geomap check` refuses the draft, naming every event, until each
has a layer.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from .article import ArticleError, is_heading
from .results import Extraction
from .words import MONTHS

TITLE_PLACES = 4  # more are counted, not named: "Paragraph 11: Russia, Adygea, … and 20 more"
DATE_WINDOW = 2000  # a dateline or byline is near the top; dates further down are the events'
_MONTH = "|".join(MONTHS)
_DATES = (
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), ("y", "m", "d")),  # also 2022-04-01T10:00
    (re.compile(rf"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s+(\d{{4}})\b"), ("d", "b", "y")),
    (
        re.compile(rf"(?i)\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"),
        ("b", "d", "y"),
    ),
)
_SOURCE = re.compile(r"(?im)^\s*source:\s*(https?://[^\s<>\"'`]+)")


def article_date(extraction: Extraction) -> tuple[dt.date, str] | None:
    """The article's date and where it was found: the HTML's metadata, else the first full
    date (with a year) in the first 2,000 characters."""
    article = extraction.article
    found = _first_date(article.meta.get("date", ""))
    if found:
        return found[0], "the page's metadata"
    found = _first_date(article.text[:DATE_WINDOW])
    if found:
        return found[0], f"characters {found[1]}–{found[2]} of the article"
    return None


def _first_date(text: str):
    best = None
    for pattern, order in _DATES:
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups()))
            month = int(parts["m"]) if "m" in parts else MONTHS.index(parts["b"].lower()) + 1
            try:
                day = dt.date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                continue
            if best is None or m.start() < best[1]:
                best = (day, m.start(), m.end())
            break
    return best


def article_title(extraction: Extraction) -> str | None:
    """The page's <h1> or <title>, a Markdown "# " heading, or the last heading before the
    report's first paragraph of prose."""
    article = extraction.article
    if article.meta.get("h1") or article.meta.get("title"):
        return article.meta.get("h1") or article.meta["title"]
    title = None
    for start, end in article.paragraphs:
        text = article.text[start:end]
        if text.startswith("# "):
            return text[2:].strip()
        if is_heading(text):
            title = text
        elif len(text) > 100 or text.rstrip()[-1:] in ".!?…":
            break  # the first paragraph of prose: the title is above it
    return title


def draft_events(extraction: Extraction, date: dt.date | None = None) -> str:
    """The YAML of a draft events file (see the module's docstring)."""
    from ..events.schema import DEFAULT_LAYERS  # pydantic: only when a draft is asked for

    article = extraction.article
    if date is not None:
        where = "given with --date"
    else:
        found = article_date(extraction)
        if not found:
            raise ArticleError(
                f"{article.name}: no date with a year found near the top of the "
                "article; give the article's date for the draft: --date YYYY-MM-DD."
            )
        date, where = found
    layers = ", ".join(layer.id for layer in DEFAULT_LAYERS)
    name = Path(article.name).name
    title = _cut(" ".join((article_title(extraction) or name).split()), 200)
    source = _SOURCE.search(article.text)
    lines = [
        f"# Draft events for {name}, written by `geomap extract --draft`.",
        "# Before publishing: give every event a layer, write its title and summary in your own",
        "# words, check its date, places and certainty, then run `geomap check` on this file.",
        f"# Layers: {layers} (or declare your own: see README, Events file).",
        f"title: {_yaml(title)}",
        "source:",
        f"  title: {_yaml(title)}",
        *([f"  url: {_yaml(source.group(1).rstrip('.,;:)]'))}"] if source else []),
        f"  date: {date.isoformat()}  # {where}: check it",
        "events:",
    ]
    by_paragraph: dict[int, list] = {}
    for mention in extraction.mentions + extraction.unresolved:
        by_paragraph.setdefault(mention.paragraph, []).append(mention)
    for number, mentions in sorted(by_paragraph.items()):
        start, end = article.paragraphs[number - 1]
        resolved = [m for m in sorted(mentions, key=lambda m: m.start) if m.place]
        if not resolved or is_heading(article.text[start:end]):
            continue
        unresolved = [m for m in mentions if not m.place]
        lines += _event(number, start, end, resolved, unresolved, date, layers)
    if lines[-1] == "events:":
        raise ArticleError(
            f"{article.name}: no paragraph of the report names a place the "
            "gazetteer knows, so there is nothing to draft."
        )
    return "\n".join(lines) + "\n"


def _event(number, start, end, resolved, unresolved, date, layers) -> list[str]:
    places: dict = {}  # place id -> its first resolved mention
    for m in resolved:
        places.setdefault(m.place.id, m)
    names = list(dict.fromkeys(m.place.display_name for m in places.values()))
    shown = ", ".join(names[:TITLE_PLACES]) + (
        f" and {len(names) - TITLE_PLACES} more" if len(names) > TITLE_PLACES else ""
    )
    title = f"Paragraph {number}: {shown}"
    lines = [
        f"  - id: paragraph-{number}",
        f'    layer: ""  # TODO: {layers.replace(", mobilisation", " or mobilisation")}',
        f"    title: {_yaml(_cut(title, 200))}  # TODO: in your own words",
        f"    summary: {_yaml(f'TODO: summarise paragraph {number} (characters {start}–{end})')}",
        f"    date: {date.isoformat()}  # TODO: the article's date, not yet the event's",
        f"    places: [{', '.join(_yaml(m.query) for m in places.values())}]",
        "    certainty: unverified  # TODO: confirmed or reported, once checked",
        "    # where the article names them (characters of the text as read):",
    ]
    for m in resolved:
        lines.append(
            f"    #   {_comment(m.text)} {m.start}–{m.end}, sentence "
            f"{m.sentence[0]}–{m.sentence[1]} → {m.place.display_name} "
            f"({m.place.id}), confidence {m.confidence:.2f}"
        )
    for m in unresolved:
        hint = f"; did you mean {' or '.join(m.suggestions[:3])}?" if m.suggestions else ""
        lines.append(
            f"    #   not resolved: {_comment(m.text)} {m.start}–{m.end}, "
            f"{m.reason}{_comment(hint)}"
        )
    return lines


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_draft(extraction: Extraction, path, date: dt.date | None = None) -> int:
    """Write the draft to `path` (atomically); returns the number of events."""
    from ..files import write_atomic

    text = draft_events(extraction, date)
    write_atomic(path, text)
    return text.count("\n  - id: ")
