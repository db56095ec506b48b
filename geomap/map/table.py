"""Every event as a row of plain text: the page's events table, written into the HTML.

The table is the page's one rendering of the events as text outside the map: readers who
cannot use the map open it, and it is what a reader, a search engine or a screen reader gets
when the page's scripts do not run or fail (elements.TitleBox carries it). So it is made here,
in Python, and the page's scripts only move it into the map.

Written out, a row costs about 1 KB of HTML and a dozen elements the browser parses before the
map draws: 10,000 events made the page 8 times bigger and drew 4 times slower, and 100,000 did
not draw at all. So the page carries the first `TABLE_ROWS` events as HTML, says how many
more there are, and the page's script (table.js) lists the rest a page at a time from the
events it already holds, only when a reader opens the table and asks for them.
"""

from __future__ import annotations

import re

from ..events import record
from ..i18n import Words, sort_key
from .payload import plain_value

TABLE_ROWS = 500  # events written into the page's HTML; the rest are listed by table.js


def date_label(
    start: str, end: str, as_of: str | None, words: Words | None = None, precision: str = "day"
) -> str:
    """'21 September 2022', a range of two days, and the day the figures are as of; a date
    known to the week or month as such ('March 2022')."""
    return (words or Words()).dates(start, end, as_of, precision)


def number_label(value, words: Words | None = None) -> str:
    """15000 → '15,000' (en), '15 000' (ru, uk); 1.5 → '1.5' (grouped, at most three decimals)."""
    return (words or Words()).number(value)


def count_label(name: str, count: dict, currency: str | None, words: Words | None = None) -> str:
    """'fined: about 861', with the event's currency when the count is an amount of money."""
    words = words or Words()
    value = words.number(count["value"])
    if currency and record.count_kind(name) == record.MONEY:
        value += f" {currency}"
    if count.get("qualifier"):
        value = words(f"qualifier.{count['qualifier']}", n=value)
    return f"{name.replace('_', ' ')}: {value}"


# A link only to an http(s) address with nothing that could leave the attribute (as text.js).
SAFE_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


def _text(value) -> str | None:
    value = plain_value(value)
    return None if value is None else str(value)


def where_label(place: dict, words: Words) -> str:
    """'Odessa area (Odesa Oblast, region)': as written, the place it was read as and its
    precision; 'Lviv (town)' where the two are one."""
    precision = words("precision." + place["precision"])
    if place["written"] == place["name"]:
        return f"{place['name']} ({precision})"
    return f"{place['written']} ({place['name']}, {precision})"


def table_rows(located, layers, words: Words | None = None, limit: int | None = None) -> list[dict]:
    """One dict of display texts per event, in the order of their titles in the map's
    language (i18n.collation), the template escapes them: the first `limit` (default:
    TABLE_ROWS). `located` as i18n.localize gives it: the texts in the map's language, and in
    attrs["languages"] the language of each text that is in another."""
    words = words or Words()
    names = {layer["id"]: layer for layer in layers}
    languages = located.attrs.get("languages", {})
    rows = []
    order = title_order(located, words.lang)[: TABLE_ROWS if limit is None else limit]
    located = located.iloc[order]
    columns = ["layer", "title", "summary", "start", "end", "as_of", "places", "route", "counts"]
    columns += ["currency", "reported_by", "source_title", "source_publisher", "source_url"]
    columns += ["certainty", "precision_note"]
    # Event.date_precision ("day" | "week" | "month") where the events give it (issue 18).
    precisions = (
        [p or "day" for p in located["date_precision"]]
        if "date_precision" in located
        else ["day"] * len(located)
    )
    for i, row in enumerate(located[columns].itertuples(index=False)):
        route = list(plain_value(row.route) or [])
        where = [where_label(p, words) for p in (route or plain_value(row.places) or [])]
        currency = _text(row.currency)
        counts = plain_value(row.counts) or {}
        url = _text(row.source_url)
        rows.append(
            {
                "index": order[i],  # the event's place in the payload: the time window's filter
                "title": _text(row.title) or "",
                "summary": _text(row.summary),
                "note": _text(row.precision_note),
                "layer": names[row.layer]["name"] if row.layer in names else row.layer,
                "layer_lang": names[row.layer].get("name_lang") if row.layer in names else None,
                "when": date_label(row.start, row.end, _text(row.as_of), words, precisions[i]),
                "where": (" → " if route else "; ").join(where),
                "numbers": "; ".join(count_label(n, c, currency, words) for n, c in counts.items()),
                "certainty": words(f"certainty.{row.certainty}"),
                "source": _text(row.source_title),
                "publisher": _text(row.source_publisher),
                "url": url if url and SAFE_URL.fullmatch(url) else None,
                "reported_by": _text(row.reported_by),
                **{
                    f"{key}_lang": languages[column][order[i]] if column in languages else None
                    for key, column in _LANGUAGE_COLUMNS.items()
                },
            }
        )
    return rows


def in_table_order(located, lang: str):
    """`located` as the page's payload carries it. A table longer than the HTML's first
    TABLE_ROWS rows is listed on by the page (table.js) from its payload, in the payload's
    order: there the events go in the table's order (their titles, in the map's language). A
    shorter one is sorted here alone, and the payload keeps the events file's order (one
    file's maps in three languages then differ only in their text)."""
    if len(located) <= TABLE_ROWS:
        return located
    order = title_order(located, lang)
    if order == list(range(len(located))):
        return located
    languages = located.attrs.get("languages", {})
    located = located.iloc[order]
    # A new attrs dict: the caller's frame (and its languages) may be mapped again.
    located.attrs = {
        **located.attrs,
        "languages": {column: [values[i] for i in order] for column, values in languages.items()},
    }
    return located


def title_order(located, lang: str) -> list[int]:
    """The positions of the events in the order of their titles in the language `lang`
    (i18n.collation), ties in the events' order."""
    titles = ["" if t is None else str(t) for t in located["title"]]
    return sorted(range(len(titles)), key=lambda i: sort_key(titles[i], lang))


# The row's texts that may be in another language than the map's, and their columns.
_LANGUAGE_COLUMNS = {
    "title": "title",
    "summary": "summary",
    "note": "precision_note",
    "source": "source_title",
}
