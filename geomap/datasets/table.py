"""Any table of events → an events file: one row, one event, its columns named by the user.

For the many datasets that are not ACLED: a monitor's table of detentions by region
(region names or ISO codes, a count per region), or a table of points (lat, lon). Which
column is what is said with options or a small spec file of the same names:

    region: region             # a region's name (resolved by the gazetteer) or ISO code
    date: month                # 2022-03-01, 01 March 2022, 01-03-2022, or 2022-03 / 2022-W10
    layer_from: kind           # the layer is this column's value (or `layer: protests`)
    counts: [detained]         # count columns, as the popup names them
    types: {Detentions: prosecutions}   # optional: the column's values → layer ids
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import NoReturn

import yaml
from pydantic import ValidationError

from ..errors import EventsError
from ..events import dates
from ..events.schema import DEFAULT_LAYERS, Event
from .layout import DATE_FORMS, DateForm, detect_date_form, parse_date

ISO_CODE = re.compile(r"^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$")
# Colours for layers made from a column's values, in order of first appearance.
PALETTE = ("#d7301f", "#2166ac", "#238b45", "#6a51a3", "#ec7014", "#525252", "#b2182b", "#0570b0")
PRECISIONS = ("town", "checkpoint", "approximate", "region", "country")


@dataclass
class TableSpec:
    """Which column is what. Either `lat` and `lon`, or `region`, or `place`."""

    date: str | None = None
    lat: str | None = None
    lon: str | None = None
    precision: str = "approximate"  # how exactly a table's point is known: say it, or this
    region: str | None = None
    place: str | None = None
    layer: str | None = None
    layer_from: str | None = None
    id_from: str | None = None
    title_from: str | None = None
    summary_from: str | None = None
    counts: list[str] = field(default_factory=list)
    certainty: str = "reported"
    title: str | None = None
    source_title: str | None = None
    types: dict[str, str] = field(default_factory=dict)


def read_spec(path) -> TableSpec:
    """A spec file: the options' names (underscores) and their values."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EventsError(
            f"{path}: cannot read the table's spec ({exc}).", path=str(path)
        ) from None
    known = {f.name for f in fields(TableSpec)}
    if not isinstance(data, dict) or set(data) - known:
        unknown = sorted(set(data) - known) if isinstance(data, dict) else ["(not a mapping)"]
        raise EventsError(
            f"{path}: unknown key {unknown[0]!r}; a table's spec names columns with: "
            f"{', '.join(sorted(known))}.",
            path=str(path),
        )
    values: dict = {k: (list(v) if k == "counts" else v) for k, v in data.items()}
    return TableSpec(**values)


def read_table(path, spec: TableSpec) -> dict:
    """The events file (as a mapping) that the table makes, or one error naming the row."""
    path = Path(path)
    _check_spec(spec)
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EventsError(
            f"{path}: cannot be read as a UTF-8 CSV table ({exc}).", path=str(path)
        ) from None
    if len(rows) < 2:
        raise EventsError(f"{path}: expected a header row and rows of events.", path=str(path))
    header = [cell.strip() for cell in rows[0]]
    named = [
        getattr(spec, n)
        for n in ("date", "lat", "lon", "region", "place", "layer_from", "id_from", "title_from",
                  "summary_from")
    ] + list(spec.counts)  # fmt: skip
    missing = [c for c in named if c and c not in header]
    if missing:
        raise EventsError(
            f"{path}, row 1: no column {missing[0]!r}; the columns are: {', '.join(header)}.",
            path=str(path),
            line=1,
            field=missing[0],
        )
    body = [
        (number, dict(zip(header, cells)))
        for number, cells in enumerate(rows[1:], start=2)
        if any(c.strip() for c in cells)
    ]
    form = _date_form(path, spec, body)
    layers, layer_of = _layers(spec, body)
    events = [_event(path, spec, number, row, form, layer_of) for number, row in body]
    ids: dict[str, int] = {}
    for (number, _), event in zip(body, events):
        if event["id"] in ids:
            raise EventsError(
                f"{path}, row {number}: the id {event['id']!r} is also row {ids[event['id']]}; "
                "give --id-from a column whose values differ row by row.",
                path=str(path),
                line=number,
            )
        ids[event["id"]] = number
    document: dict = {"title": spec.title or f"Events from {path.name}"}
    if spec.source_title:
        document["source"] = {"title": spec.source_title}
    document.update(layers=layers, events=events)
    return document


def _check_spec(spec: TableSpec) -> None:
    where = [bool(spec.lat or spec.lon), bool(spec.region), bool(spec.place)]
    if sum(where) != 1 or (where[0] and not (spec.lat and spec.lon)):
        raise EventsError(
            "say where each row is with one of: --lat and --lon (columns of degrees), "
            "--region (a column of region names or ISO codes), or --place (a column of place "
            "names the gazetteer knows)."
        )
    if not spec.date:
        raise EventsError("say which column holds each row's date: --date COLUMN.")
    if bool(spec.layer) == bool(spec.layer_from):
        raise EventsError(
            "say which layer the rows go to: --layer ID (all of them) or --layer-from COLUMN."
        )
    if spec.precision not in PRECISIONS:
        raise EventsError(
            f"--precision {spec.precision!r}: expected one of {', '.join(PRECISIONS)}."
        )


def _date_form(path, spec: TableSpec, body) -> DateForm:
    """The form of the table's full days, from the first; a month or week is its own form."""
    for number, row in body:
        value = row[spec.date].strip()
        if value and not _short(value):
            return detect_date_form(path, number, value, spec.date or "date")
    return DATE_FORMS[0]


def _short(value: str) -> bool:
    try:
        return dates.read_short(value) is not None
    except dates.DateFormError:
        return False


def _layers(spec: TableSpec, body) -> tuple[list[dict], dict[str, str]]:
    """The file's layers, and each value of the layer column → a layer id."""
    if spec.layer:
        by_id = {layer.id: layer.model_dump(exclude_none=True) for layer in DEFAULT_LAYERS}
        if spec.layer in by_id:
            return [by_id[spec.layer]], {}
        return [{"id": spec.layer, "name": spec.layer, "color": PALETTE[0]}], {}
    column = spec.layer_from or ""  # _check_spec: one of the two is given
    values = list(dict.fromkeys(row[column].strip() for _, row in body))
    layer_of: dict[str, str] = {}
    layers: list[dict] = []
    for value in values:
        layer_id = spec.types.get(value) or _slug(value) or "other"
        layer_of[value] = layer_id
        if layer_id not in (layer["id"] for layer in layers):
            colour = PALETTE[len(layers) % len(PALETTE)]
            layers.append({"id": layer_id, "name": value or "Other", "color": colour})
    return layers, layer_of


def _region(name: str) -> dict | str:
    """A region column's name as its region's code, so a table by region is drawn by region;
    or what is wrong. A city that is a region of its own (Moscow, Kyiv: the region bears the
    city's name) is that region; any other town is refused, never widened to the region
    around it."""
    from ..gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    match = gazetteer.lookup(name)
    found = match.place if match.ok else None
    if found is None:
        return (
            f"{name!r} is not a region the gazetteer knows ({match.reason}); write the "
            "region's name or its ISO code (`geomap places --kind region` lists them)."
        )
    if found.kind != "region" and found.parent:
        parent = gazetteer.get(found.parent)
        if parent is not None and parent.kind == "region" and parent.name == found.name:
            found = parent
    if found.kind != "region" or not found.iso_3166_2:
        return (
            f"{name!r} is the gazetteer's {found.kind} {found.name} ({found.id}), not a "
            "region; write the region's name or ISO code, or use --place for towns."
        )
    return {"name": name, "iso": found.iso_3166_2}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-")


def _event(path, spec: TableSpec, number: int, row: dict, form, layer_of) -> dict:
    def fail(column, text) -> NoReturn:
        raise EventsError(
            f"{path}, row {number}, field {column}: {text}",
            path=str(path),
            line=number,
            field=column,
        )

    when = row[spec.date].strip()
    if not when:
        fail(spec.date, "empty; every row needs its date.")
    date = (
        when
        if _short(when)
        else parse_date(path, number, form, when, spec.date or "date").isoformat()
    )
    place: dict | str
    if spec.region:
        written = row[spec.region].strip()
        region = {"iso": written} if ISO_CODE.match(written) else _region(written)
        if isinstance(region, str):
            fail(spec.region, region)
        place = region
    elif spec.place:
        place = written = row[spec.place].strip()
    else:
        numbers = []
        for column in (spec.lat, spec.lon):
            try:
                numbers.append(float(row[column]))
            except ValueError:
                fail(column, f"{row[column]!r} is not a number of degrees.")
        written = f"{numbers[0]},{numbers[1]}"
        place = {"name": written, "lat": numbers[0], "lon": numbers[1]}
        place["precision"] = spec.precision
    layer = spec.layer or layer_of[row[spec.layer_from or ""].strip()]
    counts = {}
    for column in spec.counts:
        value = row[column].strip().replace(" ", "")
        if not value:
            continue
        if not value.isdigit():
            fail(column, f"{value!r} is not a whole number of 0 or more.")
        counts[_slug(column).replace("-", "_") or "count"] = int(value)
    title = row[spec.title_from].strip() if spec.title_from else f"{written}, {when}"
    event = {
        "id": _slug(row[spec.id_from]) if spec.id_from else f"row-{number}",
        "layer": layer,
        "title": title,
        "summary": row[spec.summary_from].strip() if spec.summary_from else title,
        "date": date,
        "places": [place],
        "counts": counts or None,
        "certainty": spec.certainty,
    }
    event = {k: v for k, v in event.items() if v is not None}
    try:
        Event.model_validate(event)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        fail(where or "row", f"{error['msg']}.")
    return event
