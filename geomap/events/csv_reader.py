"""CSV events files: one event per row, lists joined with `;`, counts as `name: number`.

The file's separator is `,`, `;` or a tab (what spreadsheets write in each locale): the one
that makes the header row name an `id` column. Lists inside a cell are separated by `;`
whatever the file's separator, so in a `;`-separated file such a cell is quoted, as every
spreadsheet writes it. Rows before the header whose first cell begins with `#` carry the file's
own fields (`#title`, `#description`, `#source_title`…, one `#layer` row per layer), so a CSV
holds all a YAML file does.

Every row is checked; a quote out of place, a column named twice, a count named twice or a
decimal comma (without `decimal_comma`) is refused with its row, never read as a guess.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..csvcells import read_cells  # cells geomap export escaped for spreadsheets
from ..errors import EventsError
from ..i18n.texts import TRANSLATABLE_COLUMNS
from .carried import from_csv_cells
from .csv_numbers import (
    DECIMAL_COMMA,
    LIST_SEPARATOR,
    NUMBER,
    DecimalCommas,
    parse_counts,
)

SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
# The file's own fields, as `#` rows before the header; each takes one cell after its name.
META_FIELDS = ("title", "description", "places_file", "language")
META_SOURCE = {
    "source_title": "title",
    "source_publisher": "publisher",
    "source_url": "url",
    "source_date": "date",
}
# A `#layer` row: id, name, colour, and optionally a description.
LAYER_CELLS = ("id", "name", "color", "description")
# Texts in other languages than the file's own (`language`, default en) go in columns and `#`
# rows of their own, the field's name and the language in brackets: `title[ru]`,
# `summary[uk]`, `#title[ru]`, `#layer[ru],strikes,Забастовки,description`. The plain field
# holds the text in the file's own language, so a spreadsheet without them reads as before.
TRANSLATED = re.compile(r"^(?P<field>[a-z_]+)\[(?P<lang>[a-z]{2,3})\]$")
TRANSLATABLE_META = ("title", "description", "source_title", "layer")

# Written by `geomap export` for people and GIS tools: each place's resolved id and kind, and the
# event's geometry. Read back, the ids place the names without looking them up again
# (events/carried.py); a row whose id cells are empty is resolved by its names.
DERIVED_COLUMNS = ("place_ids", "place_kinds", "route_ids", "wkt")

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


def parse_csv(path: Path, text: str, *, decimal_comma: bool = False):
    separator = _separator(text)
    # strict: a stray quote (`"a"b`, or one never closed) is an error, not a silent guess.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=separator or ",")
    events: list[dict] = []
    carried: list = []  # per event, the places an export resolved (CarriedPlaces), or None
    rows: list[int] = []  # filled row by row: on a CSV error, the last row read whole is known
    meta: dict = {}
    meta_rows: dict = {}  # a file field (or ("layers", k)) -> its row, for messages
    header_end = 0
    commas = DecimalCommas(path, decimal_comma)
    try:
        header = _read_meta(path, reader, meta, meta_rows)
        if separator is None or not header:
            raise EventsError(
                f"{path}, row {reader.line_num or 1}: expected a header row naming the columns "
                "(id, layer, title, summary, date, places, …), separated by commas, "
                "semicolons or tabs.",
                path=path,
                line=reader.line_num or 1,
            )
        header = _check_header(path, [h.strip() for h in header], reader.line_num)
        header_end = reader.line_num
        _read_rows(path, reader, header, events, rows, commas, carried)
        _merge_translations(path, meta, meta_rows, events, header)
    except csv.Error as exc:
        start = (rows[-1] if rows else header_end) + 1  # the record that broke starts here
        raise _csv_error(path, exc, start, reader.line_num) from None
    commas.raise_any()
    return {**meta, "events": events}, _CsvRows(rows, meta_rows, carried)


def _separator(text: str) -> str | None:
    """The separator that makes the first row after the `#` rows a header naming `id`.

    csv.Sniffer guesses from how often each character appears in a sample, and a title full
    of commas in a `;` file can outvote the separator; the header names known columns, so
    the separator that splits it into them is certain."""
    for separator in SEPARATORS:
        rows = csv.reader(io.StringIO(text[:1_000_000], newline=""), delimiter=separator)
        try:
            for cells in rows:
                if not cells or cells[0].lstrip().startswith("#"):
                    continue
                if "id" in (cell.strip() for cell in cells):
                    return separator
                break
        except csv.Error:
            continue
    return None


def _read_meta(path, reader, meta, meta_rows):
    """The `#` rows before the header into `meta`, as a YAML file's top level; the header."""
    for cells in reader:
        if not cells or not any(cell.strip() for cell in cells):
            continue
        first = cells[0].strip()
        if not first.startswith("#"):
            return cells
        row = reader.line_num
        key = first[1:].strip()
        values = read_cells(cells[1:])
        while values and not values[-1]:  # spreadsheets pad every row to the widest
            values.pop()
        translated = TRANSLATED.match(key)
        if translated and translated["field"] in TRANSLATABLE_META:
            _meta_translation(path, row, first, translated, values, meta, meta_rows)
            continue
        if key == "layer":
            if not 3 <= len(values) <= 4:
                raise EventsError(
                    f"{path}, row {row}: a `#layer` row takes 3 or 4 cells after its name: "
                    f"{', '.join(LAYER_CELLS)} (optional), e.g. #layer,strikes,Strikes,#b2182b; "
                    f"got {len(values)}.",
                    path=path,
                    line=row,
                    field="layers",
                )
            layers = meta.setdefault("layers", [])
            meta_rows[("layers", len(layers))] = row
            layers.append({k: v for k, v in zip(LAYER_CELLS, values) if v})
            continue
        if key not in META_FIELDS and key not in META_SOURCE:
            names = ", ".join(f"#{name}" for name in (*META_FIELDS, *META_SOURCE, "layer"))
            raise EventsError(
                f"{path}, row {row}: unknown file field `{first}`; rows before the header "
                f"that begin with # give the file's own fields: {names}.",
                path=path,
                line=row,
            )
        if len(values) > 1:
            raise EventsError(
                f"{path}, row {row}, field {key}: `{first}` takes one cell, got {len(values)}; "
                "quote a value that contains the separator.",
                path=path,
                line=row,
                field=key,
            )
        where = (key,) if key in META_FIELDS else ("source", META_SOURCE[key])
        if where in meta_rows:
            raise EventsError(
                f"{path}, row {row}: `{first}` is given twice (rows {meta_rows[where]} and "
                f"{row}); keep one.",
                path=path,
                line=row,
                field=key,
            )
        meta_rows[where] = row
        if values:
            if key in META_FIELDS:
                meta[key] = values[0]
            else:
                meta.setdefault("source", {})[META_SOURCE[key]] = values[0]
    return None


def _meta_translation(path, row, first, translated, values, meta, meta_rows):
    """A `#title[ru]`, `#description[ru]`, `#source_title[ru]` or `#layer[ru]` row: kept
    apart until the file's own text is read (see _merge_translations)."""
    field, lang = translated["field"], translated["lang"]
    texts = meta.setdefault("_translations", {})
    if field == "layer":
        if not 2 <= len(values) <= 3:
            raise EventsError(
                f"{path}, row {row}: a `{first}` row takes the layer's id, its name in {lang} "
                f"and optionally its description in {lang}, e.g. "
                f"#layer[{lang}],strikes,…; got {len(values)} cells.",
                path=path,
                line=row,
                field="layers",
            )
        where: tuple = ("layer", values[0], lang)
        texts[where] = values[1:]
    else:
        if len(values) != 1:
            raise EventsError(
                f"{path}, row {row}, field {field}: `{first}` takes one cell, got "
                f"{len(values)}; quote a value that contains the separator.",
                path=path,
                line=row,
                field=field,
            )
        where = (field, lang)
        texts[where] = values[0]
    if where in meta_rows:
        raise EventsError(
            f"{path}, row {row}: `{first}` is given twice (rows {meta_rows[where]} and {row}); "
            "keep one.",
            path=path,
            line=row,
            field=field,
        )
    meta_rows[where] = row


def _merge_translations(path, meta, meta_rows, events, header):
    """The texts in other languages joined to the file's own: `title` and `title[ru]` become
    {en: …, ru: …}, as a YAML file writes them. A translation without the text in the file's
    own language stays a mapping without it, which the schema refuses with its row."""
    own = meta.get("language", "en")

    def joined(text, lang, translation):
        if not translation:  # an empty cell: no text in that language
            return text
        texts = dict(text) if isinstance(text, dict) else ({own: text} if text else {})
        texts[lang] = translation
        return texts

    for where, value in meta.pop("_translations", {}).items():
        if where[0] == "layer":
            _, layer_id, lang = where
            layer = next((x for x in meta.get("layers", []) if x.get("id") == layer_id), None)
            if layer is None:
                ids = ", ".join(x.get("id", "?") for x in meta.get("layers", [])) or "none"
                raise EventsError(
                    f"{path}, row {meta_rows[where]}: `#layer[{lang}]` translates the layer "
                    f"{layer_id!r}, which no `#layer` row defines (this file's layers: {ids}); "
                    "give its `#layer` row, or correct the id.",
                    path=path,
                    line=meta_rows[where],
                    field="layers",
                )
            layer["name"] = joined(layer.get("name"), lang, value[0])
            if len(value) > 1 and value[1]:
                layer["description"] = joined(layer.get("description"), lang, value[1])
        elif where[0] == "source_title":
            source = meta.setdefault("source", {})
            source["title"] = joined(source.get("title"), where[1], value)
        else:
            meta[where[0]] = joined(meta.get(where[0]), where[1], value)
    translated = [(c, TRANSLATED.match(c)) for c in header if TRANSLATED.match(c)]
    if not translated:
        return
    for event in events:
        for column, found in translated:
            cell = event.pop(column, None)
            if cell is None:
                continue
            field = found["field"]
            if field == "source_title":
                source = event.setdefault("source", {})
                source["title"] = joined(source.get("title"), found["lang"], cell)
            else:
                event[field] = joined(event.get(field), found["lang"], cell)


def _check_header(path, header, row=1):
    """A column named twice would keep only its last cells; `source` beside source_* would mix."""
    first = {}
    for position, column in enumerate(header, 1):
        translated = TRANSLATED.match(column)
        if translated and translated["field"] not in TRANSLATABLE_COLUMNS:
            raise EventsError(
                f"{path}, row {row}: the column `{column}` gives `{translated['field']}` in "
                f"{translated['lang']}, but only these fields take texts in other languages: "
                f"{', '.join(TRANSLATABLE_COLUMNS)} (e.g. title[{translated['lang']}]).",
                path=path,
                line=row,
                field=column,
            )
        if column and column in first:
            raise EventsError(
                f"{path}, row {row}: the column `{column}` is given twice (columns "
                f"{_column_label(first[column])} and {_column_label(position)}); "
                "keep one.",
                path=path,
                line=row,
                field=column,
            )
        first.setdefault(column, position)
    if "source" in first:
        raise EventsError(
            f"{path}, row {row}: a CSV gives the source as the columns "
            f"{', '.join(_SOURCE_FIELDS)}; rename the column `source`.",
            path=path,
            line=row,
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


def _read_rows(path, reader, header, events, rows, commas, carried):
    """Each row as an event dict (in `events`) and its line number (in `rows`)."""
    width = len(header)
    lists = [c for c in header if c in _LIST_FIELDS]
    sources = [c for c in header if c in _SOURCE_FIELDS]
    has_counts = "counts" in header
    given = [c for c in header if c in PLACE_COLUMNS]
    derived = [c for c in header if c in DERIVED_COLUMNS]
    counts_cache: dict[str, tuple] = {}
    count_parts: dict[str, tuple] = {}
    strip = str.strip
    for cells in reader:
        row_number = reader.line_num
        if len(cells) > width:
            raise EventsError(
                f"{path}, row {row_number}: more cells than header columns. "
                + _QUOTE_ADVICE[reader.dialect.delimiter],
                path=path,
                line=row_number,
            )
        if cells and cells[0].startswith("#"):  # read as an event, it would be a wrong id
            raise EventsError(
                f"{path}, row {row_number}: `{cells[0].strip()}` comes after the header row; "
                "rows that begin with # (the file's own fields) go before it.",
                path=path,
                line=row_number,
            )
        # Every cell as text first (one comprehension, no branches), then the few columns
        # that mean more than text.
        event = {column: cell for column, cell in zip(header, read_cells(cells)) if cell}
        resolved = {column: event.pop(column) for column in derived if column in event}
        for column in lists:
            cell = event.get(column)
            if cell is not None:
                event[column] = [part for part in map(strip, cell.split(LIST_SEPARATOR)) if part]
        if has_counts:
            cell = event.get("counts")
            if cell is not None:
                known = counts_cache.get(cell)
                if known is None:
                    known = counts_cache[cell] = parse_counts(
                        path, row_number, cell, count_parts, commas.decimal_comma
                    )
                event["counts"], comma = known
                if comma:
                    commas.add("counts", row_number, comma)
        if given:
            _given_places(path, row_number, event, given, commas)
        for column in sources:
            cell = event.pop(column, None)
            if cell is not None:
                event.setdefault("source", {})[_SOURCE_FIELDS[column]] = cell
        carried.append(from_csv_cells(path, row_number, resolved, event) if resolved else None)
        events.append(event)
        rows.append(row_number)


_QUOTE_ADVICE = {
    ",": "Quote cells that contain commas.",
    ";": "In a file separated by semicolons, quote a cell that holds a list or counts "
    '(places, route, tags, counts, lat, lon), as in "Kyiv;Lviv": `;` also separates the '
    "entries of a list.",
    "\t": "Quote cells that contain tabs.",
}


def _given_places(path, row_number, event, columns, commas):
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
        if parts.get("iso") == name:  # a region given by its code alone: no name of its own
            entries.append(parts)
            continue
        for axis in ("lat", "lon"):  # a number as a number; anything else the schema refuses
            if axis not in parts:
                continue
            text = parts[axis]
            if commas.decimal_comma and DECIMAL_COMMA.match(text):
                parts[axis] = float(text.replace(",", "."))
            elif DECIMAL_COMMA.match(text):
                commas.add(axis, row_number, text)
            elif NUMBER.match(text):
                number = float(text)
                parts[axis] = int(number) if number.is_integer() and "." not in text else number
        entries.append({"name": name, **parts})
    event["places"] = entries


class _CsvRows:
    def __init__(self, rows, meta_rows=None, carried=None):
        self._rows = rows
        self._meta = meta_rows or {}
        self.carried = carried or []

    def line_for(self, data, loc):
        for key in (tuple(loc[:2]), tuple(loc[:1])):  # a `#` row: ("layers", k) or ("title",)
            if key and key in self._meta:
                return self._meta[key], "row"
        if (
            len(loc) >= 2
            and loc[0] == "events"
            and isinstance(loc[1], int)
            and loc[1] < len(self._rows)
        ):
            return self._rows[loc[1]], "row"
        return None, "row"
