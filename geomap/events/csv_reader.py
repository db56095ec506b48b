"""CSV events files: one event per row, lists joined with `;`, counts as `name: number`.

Every row is checked; a quote out of place, a column named twice, a count named twice or a
decimal comma is refused with its row, never read as a guess.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..csvcells import read_cells  # cells geomap export escaped for spreadsheets
from ..errors import EventsError

LIST_SEPARATOR = ";"

_LIST_FIELDS = {"places", "route", "tags"}
_SOURCE_FIELDS = {
    "source_title": "title",
    "source_publisher": "publisher",
    "source_url": "url",
    "source_date": "date",
}
# A place the editor locates, in CSV: one entry per place of `places`, in the same order,
# separated by `;` and empty for a place the gazetteer knows (`Robotyne;Kyiv` with
# `lat` `47.44;`, `lon` `35.84;`, `place_precision` `town;`). As in YAML: lat, lon and
# precision for a point, or iso for a region code.
PLACE_COLUMNS = {"lat": "lat", "lon": "lon", "place_precision": "precision", "iso": "iso"}
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)$")
_COUNT = re.compile(
    r"^\s*(?P<name>[^:=]+?)\s*[:=]\s*(?P<qualifier>[a-z ]*?)\s*(?P<value>-?[\d.,]+)\s*$"
)


# A comma in a number only between groups of three digits: 1,500 or 15,000,000.5.
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def parse_csv(path: Path, text: str):
    # strict: a stray quote (`"a"b`, or one never closed) is an error, not a silent guess.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    events: list[dict] = []
    rows: list[int] = []  # filled row by row: on a CSV error, the last row read whole is known
    header_end = 0
    try:
        header = next(reader, None)
        if not header or "id" not in [h.strip() for h in header]:
            raise EventsError(
                f"{path}, row 1: expected a header row naming the columns "
                "(id, layer, title, summary, date, places, …).",
                path=path,
                line=1,
            )
        header = _check_header(path, [h.strip() for h in header])
        header_end = reader.line_num
        _read_rows(path, reader, header, events, rows)
    except csv.Error as exc:
        start = (rows[-1] if rows else header_end) + 1  # the record that broke starts here
        raise _csv_error(path, exc, start, reader.line_num) from None
    return {"events": events}, _CsvRows(rows)


def _check_header(path, header):
    """A column named twice would keep only its last cells; `source` beside source_* would mix."""
    first = {}
    for position, column in enumerate(header, 1):
        if column and column in first:
            raise EventsError(
                f"{path}, row 1: the column `{column}` is given twice (columns "
                f"{_column_label(first[column])} and {_column_label(position)}); "
                "keep one.",
                path=path,
                line=1,
                field=column,
            )
        first.setdefault(column, position)
    if "source" in first:
        raise EventsError(
            f"{path}, row 1: a CSV gives the source as the columns "
            f"{', '.join(_SOURCE_FIELDS)}; rename the column `source`.",
            path=path,
            line=1,
            field="source",
        )
    return header


def _column_label(position):
    """3 (C): the column's number and its letters in a spreadsheet."""
    letters, n = "", position
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{position} ({letters})"


def _csv_error(path, exc, start, end):
    runs_on = f" (it runs on to line {end})" if end > start else ""
    return EventsError(
        f"{path}, row {start}{runs_on}: cannot be read as CSV ({exc}). Check its "
        'quotes: a cell that starts with " must end with ", a " inside it is written '
        '"", and a quote never closed swallows the rows below.',
        path=path,
        line=start,
    )


def _read_rows(path, reader, header, events, rows):
    """Each row as an event dict (in `events`) and its line number (in `rows`)."""
    width = len(header)
    lists = [c for c in header if c in _LIST_FIELDS]
    sources = [c for c in header if c in _SOURCE_FIELDS]
    has_counts = "counts" in header
    given = [c for c in header if c in PLACE_COLUMNS]
    counts_cache: dict[str, dict] = {}
    count_parts: dict[str, tuple] = {}
    strip = str.strip
    for cells in reader:
        row_number = reader.line_num
        if len(cells) > width:
            raise EventsError(
                f"{path}, row {row_number}: more cells than header columns. "
                "Quote cells that contain commas.",
                path=path,
                line=row_number,
            )
        # Every cell as text first (one comprehension, no branches), then the few columns
        # that mean more than text.
        event = {column: cell for column, cell in zip(header, read_cells(cells)) if cell}
        for column in lists:
            cell = event.get(column)
            if cell is not None:
                event[column] = [part for part in map(strip, cell.split(LIST_SEPARATOR)) if part]
        if has_counts:
            cell = event.get("counts")
            if cell is not None:
                counts = counts_cache.get(cell)
                if counts is None:
                    counts = counts_cache[cell] = _parse_counts(path, row_number, cell, count_parts)
                event["counts"] = counts
        if given:
            _given_places(path, row_number, event, given)
        for column in sources:
            cell = event.pop(column, None)
            if cell is not None:
                event.setdefault("source", {})[_SOURCE_FIELDS[column]] = cell
        events.append(event)
        rows.append(row_number)


def _given_places(path, row_number, event, columns):
    """The lat, lon, place_precision and iso cells of a row, entry by entry, into `places`:
    an entry with any of them becomes a mapping, as a YAML file writes it."""
    cells = {
        c: [part.strip() for part in event.pop(c).split(LIST_SEPARATOR)]
        for c in columns
        if c in event
    }
    if not cells:
        return
    places = event.get("places") or []
    for column, parts in cells.items():
        if len(parts) != len(places):
            raise EventsError(
                f"{path}, row {row_number}, field {column}: {len(parts)} "
                f"{'entry' if len(parts) == 1 else 'entries'} for {len(places)} "
                f"{'place' if len(places) == 1 else 'places'}; give one per place of `places`, "
                "in the same order, separated by ';' (empty for a place the gazetteer knows).",
                path=path,
                line=row_number,
                field=column,
            )
    entries = []
    for position, name in enumerate(places):
        parts = {PLACE_COLUMNS[c]: cells[c][position] for c in cells if cells[c][position]}
        if not parts:
            entries.append(name)
            continue
        for axis in ("lat", "lon"):  # a number as a number; anything else the schema refuses
            if axis in parts and _NUMBER.match(parts[axis]):
                number = float(parts[axis])
                parts[axis] = (
                    int(number) if number.is_integer() and "." not in parts[axis] else number
                )
        entries.append({"name": name, **parts})
    event["places"] = entries


def _parse_counts(path, row_number, cell, parts_seen):
    """'detained: about 15000; fined: 861' as {name: number or {value, qualifier}}.
    `parts_seen` remembers each part already read: big files repeat them a lot."""
    counts = {}
    for part in cell.split(LIST_SEPARATOR):
        known = parts_seen.get(part)
        if known is None:
            if not part.strip():
                continue
            known = parts_seen[part] = _parse_count(path, row_number, part)
        if known[0] in counts:  # a dict would keep only the last
            raise EventsError(
                f"{path}, row {row_number}, field counts: `{known[0]}` is given twice "
                f"in {cell.strip()!r}; keep one.",
                path=path,
                line=row_number,
                field="counts",
            )
        counts[known[0]] = known[1]
    return counts


def _parse_count(path, row_number, part):
    match = _COUNT.match(part)
    if not match:
        raise EventsError(
            f"{path}, row {row_number}, field counts: cannot read {part.strip()!r}; "
            "expected name: number, e.g. 'detained: about 15000; fined: 861'.",
            path=path,
            line=row_number,
            field="counts",
        )
    number = match["value"]
    if "," in number:
        if not _THOUSANDS.match(number):
            decimal = number.replace(",", ".") if number.count(",") == 1 else "1.5"
            raise EventsError(
                f"{path}, row {row_number}, field counts: cannot read {number!r}: a comma "
                "is read only between groups of three digits, as in 1,500; a decimal "
                f"comma is not read, so for a decimal write {decimal}.",
                path=path,
                line=row_number,
                field="counts",
            )
        number = number.replace(",", "")
    try:
        value = int(number) if number.lstrip("-").isdigit() else float(number)
    except ValueError:
        raise EventsError(
            f"{path}, row {row_number}, field counts: {match['value']!r} is not a number.",
            path=path,
            line=row_number,
            field="counts",
        ) from None
    # A bare number when there is no qualifier: the schema's simplest form, quickest to check.
    qualifier = match["qualifier"]
    return match["name"].strip(), {"value": value, "qualifier": qualifier} if qualifier else value


class _CsvRows:
    def __init__(self, rows):
        self._rows = rows

    def line_for(self, data, loc):
        if (
            len(loc) >= 2
            and loc[0] == "events"
            and isinstance(loc[1], int)
            and loc[1] < len(self._rows)
        ):
            return self._rows[loc[1]], "row"
        return None, "row"
