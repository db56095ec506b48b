"""The located event, declared once: its columns, the certainty order and the kinds of count.

`locate_events` builds these columns, `geomap.map.payload` encodes them for the page (and
sends the page this declaration, so the page's decoder reads it rather than repeating it),
and `geomap.outputs` exports them as GeoJSON and CSV. A new field is one line here.

The declaration is about columns, not rows: every consumer goes column by column, which is
what keeps 100,000 events (and, later, a million read straight from CSV or Parquet) fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .dates import PRECISIONS

# Most certain first; the last is drawn dashed and pale on the page.
CERTAINTIES = ("confirmed", "reported", "unverified")

# How the page carries a column (payload.encode_events) and reads it back (events.js). No
# kind is spelled like a column or a count word: a page script never needs to spell those.
PLAIN = "plain"  # the value itself
LAYER = "layer_index"  # index into the map's layers
PROSE = "prose"  # index into the prose table, carried apart (drawing needs none of it)
TEXT = "text"  # index into the table of short distinct strings
TEXT_LIST = "text_list"  # list of indexes into that table
DAY = "day_number"  # ISO date as days since 1970-01-01
DAYS_AFTER = "days_after"  # ISO date as days after the column named in `after`
CHOICE = "choice"  # index into the column's `choices`
PLACES = "place_list"  # place records: [place index, written-name index or -1, …]
COUNTS = "count_list"  # {name: {value, qualifier}}: [name index, value, qualifier index, …]
SOURCE = "source_field"  # one field of the event's source; the sources are one shared table
PAGE_KINDS = (PLAIN, LAYER, PROSE, TEXT, TEXT_LIST, DAY, DAYS_AFTER, CHOICE, PLACES, COUNTS, SOURCE)


@dataclass(frozen=True)
class Column:
    name: str
    page: str  # one of PAGE_KINDS
    csv: bool = True  # exported to CSV (and read back from it as an events file)
    after: str | None = None  # DAYS_AFTER: the day column it counts from
    choices: tuple[str, ...] = ()  # CHOICE: the values, in order

    def page_declaration(self) -> dict:
        """What the page's decoder needs to know about this column."""
        out: dict[str, object] = {"name": self.name, "kind": self.page}
        if self.after:
            out["after"] = self.after
        if self.choices:
            out["choices"] = list(self.choices)
        return out


# In the order of an events file (CSV columns follow it). `precision` is derived from the
# places, so it is not exported to CSV: an events file does not give it.
COLUMNS = (
    Column("id", PLAIN),
    Column("layer", LAYER),
    Column("title", PROSE),
    Column("summary", PROSE),
    Column("start", DAY),
    Column("end", DAYS_AFTER, after="start"),
    # How exactly the date is known: a week or a month spans start to end; the CSV's `date`
    # cell writes it back as 2022-W10 or 2022-03 (dates.written).
    Column("date_precision", CHOICE, choices=PRECISIONS),
    Column("as_of", DAY),
    Column("places", PLACES),
    Column("route", PLACES),
    Column("counts", COUNTS),
    Column("currency", TEXT),
    Column("reported_by", PROSE),
    Column("source_title", SOURCE),
    Column("source_publisher", SOURCE),
    Column("source_url", SOURCE),
    Column("source_date", SOURCE),
    Column("certainty", CHOICE, choices=CERTAINTIES),
    Column("precision", TEXT, csv=False),
    Column("precision_note", PROSE),
    Column("tags", TEXT_LIST),
)
NAMES = tuple(column.name for column in COLUMNS)
BY_NAME = {column.name: column for column in COLUMNS}
CSV_COLUMNS = tuple(column.name for column in COLUMNS if column.csv)
# A GeoJSON feature lists the event's own fields first and its place records, which are
# long, last.
GEOJSON_PROPERTIES = tuple(c.name for c in COLUMNS if c.page != PLACES) + tuple(
    c.name for c in COLUMNS if c.page == PLACES
)

# --- kinds of count ---------------------------------------------------------------------------
# A count's kind decides how the page shows it: money takes the event's currency, and only
# plain numbers (people, cases, vehicles) size a mark. The kind comes from the count name's
# words (split on "_"), whole words only, so "summonses" is not read as "sum". "fine" is
# not a money word: `fined` counts people; an amount says so (`fine_amount`).
NUMBER, MONEY, DURATION, AGE = "number", "money_amount", "duration", "age"
COUNT_KINDS = (NUMBER, MONEY, DURATION, AGE)
COUNT_WORDS = {
    MONEY: {
        "cost",
        "costs",
        "price",
        "prices",
        "paid",
        "sum",
        "sums",
        "bribe",
        "bribes",
        "fee",
        "fees",
        "amount",
        "amounts",
        "payment",
        "payments",
        "salary",
        "wage",
        "wages",
        "money",
        "bail",
    },
    DURATION: {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours"},
    AGE: {"age", "ages", "aged"},
}


@lru_cache(maxsize=4096)
def count_kind(name: str) -> str:
    """`cost_per_person` → money, `max_sentence_years` → duration, `summonses` → number."""
    words = set(name.lower().split("_"))
    for kind in (MONEY, DURATION, AGE):
        if COUNT_WORDS[kind] & words:
            return kind
    return NUMBER


def page_declaration() -> list[dict]:
    """The columns as the page's decoder reads them (sent in the payload)."""
    return [column.page_declaration() for column in COLUMNS]


def geometry(places: list, route: list) -> tuple[str, list]:
    """An event's GeoJSON geometry type and [lon, lat] points: its route as a LineString,
    else its one place as a Point or its places as a MultiPoint."""
    points = [[p["lon"], p["lat"]] for p in (route or places)]
    if route:
        return "LineString", points
    return ("Point", points[0]) if len(points) == 1 else ("MultiPoint", points)


__all__ = [
    "CERTAINTIES",
    "COLUMNS",
    "CSV_COLUMNS",
    "GEOJSON_PROPERTIES",
    "Column",
    "count_kind",
    "geometry",
]
