"""Every event as a row of plain text: the page's events table, written into the HTML.

The table is the page's one rendering of the events as text outside the map: readers who
cannot use the map open it, and it is what a reader, a search engine or a screen reader gets
when the page's scripts do not run or fail (elements.TitleBox carries it). So it is made here,
in Python, and the page's scripts only move it into the map.
"""

from __future__ import annotations

import re
from datetime import date

from ..events import record
from .payload import plain_value

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(iso: str) -> str:
    """'2022-02-24' → '24 Feb 2022' (as the popups write a day)."""
    day = date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def date_label(start: str, end: str, as_of: str | None, precision: str = "day") -> str:
    """'5 Mar 2022', 'March 2022', 'week of 7 Mar 2022', a range; a running total says the day
    it is as of (as text.js `dateLabel`)."""
    if precision == "month":
        text = f"{MONTH_NAMES[int(start[5:7]) - 1]} {start[:4]}"
    elif precision == "week":
        text = f"week of {day_label(start)}"
    else:
        text = day_label(start) if start == end else f"{day_label(start)} – {day_label(end)}"
    if as_of and as_of == start == end:
        text = f"as of {day_label(as_of)}"
    elif as_of and as_of != end:
        text += f" (figures as of {day_label(as_of)})"
    return text


def number_label(value) -> str:
    """15000 → '15,000'; 1.5 → '1.5' (grouped, at most three decimals)."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def count_label(name: str, count: dict, currency: str | None) -> str:
    """'fined: about 861', with the event's currency when the count is an amount of money."""
    value = number_label(count["value"])
    if currency and record.count_kind(name) == record.MONEY:
        value += f" {currency}"
    qualifier = f"{count['qualifier']} " if count.get("qualifier") else ""
    return f"{name.replace('_', ' ')}: {qualifier}{value}"


# A link only to an http(s) address with nothing that could leave the attribute (as text.js).
SAFE_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


def _text(value) -> str | None:
    value = plain_value(value)
    return None if value is None else str(value)


def table_rows(located, layers) -> list[dict]:
    """One dict of display texts per event, in the events' order (the template escapes them)."""
    names = {layer["id"]: layer["name"] for layer in layers}
    rows = []
    columns = ["layer", "title", "summary", "start", "end", "date_precision", "as_of", "places"]
    columns += ["route", "counts"]
    columns += ["currency", "reported_by", "source_title", "source_publisher", "source_url"]
    columns += ["certainty", "precision_note"]
    for row in located[columns].itertuples(index=False):
        route = list(plain_value(row.route) or [])
        where = [
            f"{p['written']} ({p['name']}, {p['precision']})"
            for p in (route or plain_value(row.places) or [])
        ]
        currency = _text(row.currency)
        counts = plain_value(row.counts) or {}
        url = _text(row.source_url)
        rows.append(
            {
                "title": _text(row.title) or "",
                "summary": _text(row.summary),
                "note": _text(row.precision_note),
                "layer": names.get(row.layer, row.layer),
                "when": date_label(row.start, row.end, _text(row.as_of), row.date_precision),
                "where": (" → " if route else "; ").join(where),
                "numbers": "; ".join(count_label(n, c, currency) for n, c in counts.items()),
                "certainty": row.certainty,
                "source": _text(row.source_title),
                "publisher": _text(row.source_publisher),
                "url": url if url and SAFE_URL.fullmatch(url) else None,
                "reported_by": _text(row.reported_by),
            }
        )
    return rows
