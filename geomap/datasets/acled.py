"""An ACLED export → geomap events: one event per row, with ACLED's own precision.

- `geo_precision` 1 is a point (`precision: town`); 2 an approximate point, with a note;
  3 the region that contains ACLED's point, by its ISO code, never a point at the regional
  capital ACLED puts there.
- `time_precision` 1 is the day; 2 the ISO week (`date: 2022-W10`); 3 the month
  (`date: 2022-03`). Never a range of days the source did not give.
- A row whose type the user's mapping gives no layer, or whose region geomap does not
  bundle, is listed; nothing is written until every row has its place.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import EventsError
from ..events.schema import Event
from .layout import actor_type, check_size, detect_date_form, detect_layout, parse_date
from .mapping import SKIP, LayerMapping
from .regions import covered_countries, regions_of

NAME = "ACLED"
URL = "https://acleddata.com"
PUBLISHER = "Armed Conflict Location & Event Data Project (ACLED)"
ID_PREFIX = "acled-"
# An ACLED export is read row by row here (the events file it becomes is capped far lower);
# the columnar path (columnar.py) has its own cap.
MAX_DATASET_BYTES = 2 * 1024**3
MAX_LISTED = 10  # rows named per problem; the rest are counted
GEO_PRECISIONS = {"1": "town", "2": "approximate", "3": "region"}
TIME_PRECISIONS = ("1", "2", "3")


@dataclass
class Imported:
    """What an import made: the events (as an events file's mappings) and what it left out."""

    events: list[dict]
    layout: str
    date_form: str
    rows: int
    skipped: dict[str, int] = field(default_factory=dict)  # type -> rows mapped to `skip`


def week_or_month(day: dt.date, time_precision: str) -> str | dt.date:
    """The event's date at the precision ACLED knows it: the day, its ISO week, its month."""
    if time_precision == "2":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if time_precision == "3":
        return f"{day.year}-{day.month:02d}"
    return day


def event_id(code: str) -> str:
    """`UKR12345` → `acled-ukr12345`: ACLED's id, as the events file's ids are written."""
    return ID_PREFIX + re.sub(r"[^a-z0-9]+", "-", code.strip().lower()).strip("-")


def read_acled(path, mapping: LayerMapping, *, full_notes=False, progress=None) -> Imported:
    """Every row of an ACLED export as an event, or one error listing the rows that have no
    layer or no bundled region."""
    path = Path(path)
    check_size(path, MAX_DATASET_BYTES, "a dataset import")
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return _read(path, csv.reader(stream), mapping, full_notes, progress)
    except UnicodeDecodeError as exc:
        raise EventsError(
            f"{path}: not UTF-8 (byte {exc.start}); ACLED exports are UTF-8: export the file "
            "again, or save it as UTF-8 CSV.",
            path=str(path),
        ) from None
    except csv.Error as exc:
        raise EventsError(f"{path}: not a readable CSV file ({exc}).", path=str(path)) from None


@dataclass
class _Row:
    number: int
    cells: dict[str, str]


def _read(path, reader, mapping, full_notes, progress) -> Imported:
    header = next(reader, None)
    if header is None:
        raise EventsError(f"{path}: the file is empty; expected an ACLED export.", path=str(path))
    layout, names = detect_layout(path, header)
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(names):
            raise EventsError(
                f"{path}, row {number}: {len(cells)} cells where the header names "
                f"{len(names)}; a cell with a comma or a line break needs quotes.",
                path=str(path),
                line=number,
            )
        rows.append(_Row(number, dict(zip(names, cells))))
        if progress and len(rows) % 100_000 == 0:
            progress(f"read {len(rows):,} rows of {path}")
    if not rows:
        raise EventsError(f"{path}: a header and no rows; expected events.", path=str(path))
    form = detect_date_form(path, rows[0].number, rows[0].cells["event_date"])

    unmapped: dict[tuple[str, str], list[int]] = {}
    skipped: dict[str, int] = {}
    kept: list[tuple[_Row, str]] = []
    for row in rows:
        event_type = row.cells["event_type"].strip()
        sub_type = row.cells.get("sub_event_type", "").strip()
        layer = mapping.layer_of(event_type, sub_type)
        if layer is None:
            unmapped.setdefault((event_type, sub_type), []).append(row.number)
        elif layer == SKIP:
            label = f"{event_type} / {sub_type}" if sub_type else event_type
            skipped[label] = skipped.get(label, 0) + 1
        else:
            kept.append((row, layer))
    if unmapped:
        raise EventsError(_unmapped_message(path, mapping.path, unmapped), path=str(path))

    region_rows = [(row, layer) for row, layer in kept if _cell(row, "geo_precision") == "3"]
    points = [_point(path, row) for row, _ in region_rows]
    found = regions_of([p[0] for p in points], [p[1] for p in points]) if points else []
    region_of = {}
    outside = []
    for (row, _), codes in zip(region_rows, found):
        if len(codes) == 1:
            region_of[row.number] = codes[0]
        else:
            outside.append((row, codes))
    if outside:
        raise EventsError(_outside_message(path, outside), path=str(path))

    events: list[dict] = []
    seen: dict[str, int] = {}
    for row, layer in kept:
        event = _event(path, row, layer, layout, form, region_of.get(row.number), full_notes)
        if event["id"] in seen:
            raise EventsError(
                f"{path}, row {row.number}, field event_id_cnty: "
                f"{row.cells['event_id_cnty']!r} is also row {seen[event['id']]}; an export "
                "lists each event once: remove one of them.",
                path=str(path),
                line=row.number,
                field="event_id_cnty",
            )
        seen[event["id"]] = row.number
        events.append(event)
    return Imported(events, layout.name, form.name, len(rows), skipped)


def _cell(row: _Row, name: str) -> str:
    return row.cells.get(name, "").strip()


def _fail(path, row: _Row, name: str, text: str):
    raise EventsError(
        f"{path}, row {row.number}, field {name}: {text}",
        path=str(path),
        line=row.number,
        field=name,
    )


def _point(path, row: _Row) -> tuple[float, float]:
    out = []
    for name, limit in (("latitude", 90), ("longitude", 180)):
        value = _cell(row, name)
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        if not -limit <= number <= limit:  # NaN fails too
            _fail(path, row, name, f"{value!r} is not a {name} from -{limit} to {limit}.")
        out.append(number)
    return out[0], out[1]


def _event(path, row, layer, layout, form, region, full_notes) -> dict:
    code = _cell(row, "event_id_cnty")
    if not re.search(r"[A-Za-z0-9]", code):
        _fail(path, row, "event_id_cnty", "empty; every ACLED event has its id (e.g. UKR12345).")
    day = parse_date(path, row.number, form, _cell(row, "event_date"))
    time_precision = _cell(row, "time_precision")
    if time_precision not in TIME_PRECISIONS:
        _fail(path, row, "time_precision", f"{time_precision!r}; ACLED's codes are 1, 2 and 3.")
    geo_precision = _cell(row, "geo_precision")
    if geo_precision not in GEO_PRECISIONS:
        _fail(path, row, "geo_precision", f"{geo_precision!r}; ACLED's codes are 1, 2 and 3.")
    location, admin1 = _cell(row, "location"), _cell(row, "admin1")
    sub_type = _cell(row, "sub_event_type") or _cell(row, "event_type")
    # At geo_precision 3, ACLED's location is the regional capital it stands the event at:
    # the event is the region's, and its title and summary say so.
    where = (admin1 or region or "") if geo_precision == "3" else location
    note: str | None
    if geo_precision == "3":
        place: dict = {"name": admin1 or location, "iso": region}
        note = (
            f"ACLED knows this event only to the region ({admin1 or region}); it is drawn as "
            "the region, not at the point ACLED gives."
        )
    else:
        lat, lon = _point(path, row)
        place = {
            "name": location,
            "lat": lat,
            "lon": lon,
            "precision": GEO_PRECISIONS[geo_precision],
        }
        note = f"Approximate: near {location}." if geo_precision == "2" else None
    fatalities = _cell(row, "fatalities") or "0"
    if not fatalities.isdigit():
        _fail(path, row, "fatalities", f"{fatalities!r} is not a whole number of 0 or more.")
    actors = [
        actor_type(layout, _cell(row, name)) for name in ("inter1", "inter2") if name in row.cells
    ]
    notes = _cell(row, "notes")
    event = {
        "id": event_id(code),
        "layer": layer,
        "title": f"{sub_type}: {where}",
        "summary": notes if full_notes and notes else _short(row, sub_type, geo_precision),
        "date": week_or_month(day, time_precision),
        "places": [place],
        "counts": {"fatalities": int(fatalities)},
        "reported_by": _cell(row, "source") or None,
        "certainty": "reported",
        "precision_note": note,
        "tags": sorted({_tag(a) for a in actors if a}),
    }
    event = {k: v for k, v in event.items() if v not in (None, [])}
    try:
        Event.model_validate(event)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"]) or "the row"
        _fail(
            path,
            row,
            _COLUMN_OF.get(str(error["loc"][0]) if error["loc"] else "", where),
            f"the event it makes is refused at {where}: {error['msg']}.",
        )
    return event


# Which ACLED column an event field comes from, for messages.
_COLUMN_OF = {
    "title": "location",
    "summary": "notes",
    "date": "event_date",
    "places": "location",
    "reported_by": "source",
    "counts": "fatalities",
}


def _short(row: _Row, sub_type: str, geo_precision: str) -> str:
    """What the popup says when ACLED's notes stay out (its terms): the coded facts only."""
    actors = " and ".join(a for a in (_cell(row, "actor1"), _cell(row, "actor2")) if a)
    names = ("admin1", "country") if geo_precision == "3" else ("location", "admin1", "country")
    where = ", ".join(p for p in (_cell(row, n) for n in names) if p)
    return f"{sub_type} in {where}" + (f"; actors: {actors}" if actors else "") + "."


def _tag(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


def _rows(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:MAX_LISTED])
    more = f" and {len(numbers) - MAX_LISTED:,} more" if len(numbers) > MAX_LISTED else ""
    return ("row " if len(numbers) == 1 else "rows ") + shown + more


def _unmapped_message(path, mapping_path, unmapped) -> str:
    total = sum(len(v) for v in unmapped.values())
    lines = [
        f"{path}: {total:,} row{'s' if total != 1 else ''} of an event type that {mapping_path} "
        "gives no layer:"
    ]
    for (event_type, sub_type), numbers in sorted(unmapped.items()):
        label = f"{event_type} / {sub_type}" if sub_type else event_type
        lines.append(f"  {label}: {_rows(numbers)}")
    lines.append(
        f"Add each type under `types:` in {mapping_path}, with a layer id, or `skip` to leave "
        "its events out; nothing was written."
    )
    return "\n".join(lines)


def _outside_message(path, outside) -> str:
    lines = [
        f"{path}: {len(outside):,} row{'s' if len(outside) != 1 else ''} with geo_precision 3 "
        "(known only to the region) whose point lies in no region geomap bundles, or in two:"
    ]
    for row, codes in outside[:MAX_LISTED]:
        where = f"in {' and '.join(codes)}" if codes else "in none"
        lines.append(
            f"  row {row.number} ({_cell(row, 'event_id_cnty')}, {_cell(row, 'admin1')}, "
            f"{_cell(row, 'country')}): {_cell(row, 'latitude')},{_cell(row, 'longitude')} {where}"
        )
    if len(outside) > MAX_LISTED:
        lines.append(f"  … and {len(outside) - MAX_LISTED:,} more")
    lines.append(
        f"geomap bundles the regions of {', '.join(covered_countries())}: export those countries' "
        "events, or leave these rows out of the file; nothing was written."
    )
    return "\n".join(lines)
