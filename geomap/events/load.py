"""Read an events file (YAML or CSV) into a validated `EventsFile`.

Every problem becomes an `EventsError` that names the file, the line (YAML) or row (CSV),
the field, what was expected, and a fix. Nothing is read past the first broken line of
YAML; CSV rows are checked independently and all problems reported together.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import EventsError
from ..textio import decode_text, read_bounded
from .csv_numbers import row_ranges
from .csv_reader import PLACE_COLUMNS, parse_csv
from .geojson_reader import parse_geojson
from .schema import (
    MAX_WHOLE_NUMBER,
    TEXT_FORMS,
    TRANSLATABLE_FIELDS,
    UNION_TAGS,
    EventsFile,
    Origin,
)
from .yaml_reader import parse_yaml

MAX_BYTES = 20 * 1024 * 1024  # far above any article's events; a 50 MB file is a mistake
MAX_REPORTED = 10


@dataclass(frozen=True)
class ReadOptions:
    """How to read a file that is not written the way geomap writes one: its encoding (default
    UTF-8, or UTF-16 with its byte-order mark), dates written day first (31.12.2022), and, in
    CSV, numbers with a decimal comma (2,75). Each is the user's say, never a guess."""

    encoding: str | None = None
    dayfirst: bool = False
    decimal_comma: bool = False


def load_events(path, options: ReadOptions | None = None) -> EventsFile:
    """Load and validate an events file; `.csv` is read as CSV, `.geojson` as geomap's
    GeoJSON export, anything else as YAML."""
    path = Path(path)
    options = options or ReadOptions()
    raw = _read_bytes(path)
    text = _decode(path, raw, options.encoding)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data, lines = parse_csv(path, text, decimal_comma=options.decimal_comma)
    elif suffix == ".geojson":
        data, lines = parse_geojson(path, text)
    else:
        data, lines = parse_yaml(path, text)
    if options.dayfirst:
        _dates_day_first(data)
    return _validate(path, data, lines)


def _read_bytes(path: Path) -> bytes:
    try:  # bounded whatever the path is: a pipe, /dev/stdin or /dev/zero has no size to check
        raw = read_bounded(
            path,
            MAX_BYTES,
            what="an events file",
            expected="YAML or CSV text",
            error=EventsError,
            path=path,
            advice="Split it, or check that this is the right file.",
        )
    except FileNotFoundError:
        raise EventsError(
            f"{path}: no such file. Check the path, or run `geomap build` "
            "without arguments for the bundled report.",
            path=path,
        ) from None
    except IsADirectoryError:
        raise EventsError(
            f"{path}: is a folder; give an events file (.yaml, .csv or .geojson).", path=path
        ) from None
    except OSError as exc:
        raise EventsError(f"{path}: cannot be read ({exc.strerror}).", path=path) from None
    if not raw.strip():
        raise EventsError(
            f"{path}: the file is empty; expected events (see README, Events file).", path=path
        )
    return raw


def _decode(path: Path, raw: bytes, encoding: str | None) -> str:
    return decode_text(
        raw,
        path,
        encoding=encoding,
        error=EventsError,
        path=path,
        save="save it as CSV UTF-8" if path.suffix.lower() == ".csv" else "save it as UTF-8",
    )


# 31.12.2022, 31/12/2022 or 31-12-2022: a day, a month and a four-digit year, as spreadsheets
# in most of Europe write them. Read only with --dayfirst: 03/04/2022 is 3 April there and
# 4 March in the United States.
DAY_FIRST = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$")
DATE_FIELDS = ("date", "start", "end", "as_of")


def _dates_day_first(data) -> None:
    """Every date written day first, in place, as YYYY-MM-DD (the dicts keep their identity,
    so each field keeps its line)."""

    def fix(mapping, key):
        value = mapping.get(key) if isinstance(mapping, dict) else None
        found = DAY_FIRST.match(value) if isinstance(value, str) else None
        if found:
            day, _, month, year = found.groups()
            mapping[key] = f"{year}-{int(month):02d}-{int(day):02d}"

    if not isinstance(data, dict):
        return
    fix(data.get("source"), "date")
    for event in data.get("events") or []:
        if isinstance(event, dict):
            for key in DATE_FIELDS:
                fix(event, key)
            fix(event.get("source"), "date")


# --- validation ----------------------------------------------------------------------------------


def _validate(path: Path, data, lines) -> EventsFile:
    try:
        events = EventsFile.model_validate(data)
    except ValidationError as exc:
        errors = _merge_count_errors(exc.errors())
        messages = _summarised(path, data, lines, errors)
        first = errors[0]
        loc = _error_loc(first)
        line, unit = lines.line_for(data, loc)
        extra = len(messages) - MAX_REPORTED
        text = "\n".join(messages[:MAX_REPORTED]) + (
            f"\n… and {extra} more problems" if extra > 0 else ""
        )
        raise EventsError(text, path=path, line=line, field=_field_name(loc, unit)) from None
    unit = lines.line_for(data, ())[1]
    if events.places_file:
        _check_places_file(path, events.places_file, lines.line_for(data, ("places_file",))[0])
    return events.with_origin(
        Origin(
            path=str(path),
            unit=unit,
            finder=lambda index, field: lines.line_for(
                data, ("events", index, *((field,) if isinstance(field, str) else field))
            )[0],
        ),
        getattr(lines, "carried", ()),
    )


def _summarised(path, data, lines, errors) -> list[str]:
    """One line per problem; but one line for a problem that many rows (or events) share, with
    their rows, so 21 dates written 12.03.2023 are one line that says how to fix them all."""
    groups: dict[tuple, list] = {}
    for error in errors:
        loc = _error_loc(error)
        line, unit = lines.line_for(data, loc)
        value = error.get("input")
        day_first = (
            error["type"] == "iso_date" and isinstance(value, str) and DAY_FIRST.match(value)
        )
        key = (_field_name(loc, unit), error["type"], "day first" if day_first else error["msg"])
        groups.setdefault(key, []).append((error, line, unit))
    messages = []
    for (field, _, kind), members in groups.items():
        error, line, unit = members[0]
        described = _describe_error(path, data, lines, error)
        at = sorted({m[1] for m in members if m[1] is not None})
        if kind == "day first":
            example = error["input"]
            iso = _day_first_as_iso(example)
            if len(at) > 1:
                messages.append(
                    f"{path}, {unit}s {row_ranges(at)}, field {field}: {len(at)} {unit}s have "
                    f"dates like {example}: pass --dayfirst or write {iso}."
                )
            else:
                messages.append(
                    f"{described}: this date is written day first; pass --dayfirst or write {iso}."
                )
        elif len(at) > 2:
            messages.append(
                f"{described} (and the same in {len(at) - 1} more {unit}s: {row_ranges(at[1:])})"
            )
        else:
            messages.extend(_describe_error(path, data, lines, m[0]) for m in members)
    return list(dict.fromkeys(messages))


def _day_first_as_iso(text: str) -> str:
    day, _, month, year = DAY_FIRST.split(text)[1:5]
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _check_places_file(path: Path, name: str, line) -> None:
    """`places_file:` is read relative to the events file, so the map rebuilds from its files
    alone wherever they are: say so when it is not there."""
    places = path.parent / name
    if not places.is_file():
        raise EventsError(
            f"{path}, line {line}, field places_file: no places file {name!r} (it is read "
            "relative to the events file's folder). Check the name, or give the file with "
            "--places.",
            path=path,
            line=line,
            field="places_file",
        )


def _merge_count_errors(errors):
    """A bad count fails every branch of its union (int, float, {value, qualifier}): say it once."""
    merged, seen = [], set()
    for error in errors:
        loc = error["loc"]
        if len(loc) >= 4 and loc[0] == "events" and loc[2] == "counts":
            key = loc[:4]
            if key in seen:
                continue
            seen.add(key)
            value = error.get("input")
            number = value.get("value") if isinstance(value, dict) else value
            if isinstance(number, bool):
                why = "expected a number, not true/false"
            elif isinstance(number, float) and not math.isfinite(number):
                why = (
                    "expected a finite number such as 15000, not infinity or not-a-number "
                    "(what YAML makes of .inf, .nan or 1.0e+400)"
                )
            elif isinstance(number, (int, float)) and number < 0:
                why = "expected a number of 0 or more (greater than or equal to 0)"
            elif isinstance(number, int) and number > MAX_WHOLE_NUMBER:
                why = (
                    f"expected a whole number up to {MAX_WHOLE_NUMBER:,}, the largest a web page "
                    "shows exactly"
                )
            else:
                why = "expected a number such as 15000, or {value: 15000, qualifier: about}"
            error = {"type": "count", "loc": key, "msg": f"{why}, got {str(value)[:40]!r}"}
        merged.append(error)
    return merged


def _error_loc(error):
    """Where in the data the error is: pydantic's location, less the tags of a place entry's
    two forms (a name, or a mapping), plus the field a cross-field check names."""
    ctx_error = (error.get("ctx") or {}).get("error")
    loc = tuple(error["loc"])
    if len(loc) >= 5 and loc[2] == "places" and loc[4] in UNION_TAGS:
        loc = loc[:4] + loc[5:]
    # A text field's two forms (a text, or texts by language): the field, not the form.
    loc = tuple(
        part
        for k, part in enumerate(loc)
        if not (part in TEXT_FORMS and k and loc[k - 1] in TRANSLATABLE_FIELDS)
    )
    return loc + tuple(getattr(ctx_error, "loc", None) or ())


def _field_name(loc, unit="line") -> str:
    if unit == "row" and len(loc) == 5 and loc[2] == "places" and loc[4] in _CSV_PLACE_COLUMN:
        return _CSV_PLACE_COLUMN[loc[4]]  # a CSV gives a place's point in columns of its own
    parts = [str(p) for p in loc if not isinstance(p, int)]
    if unit == "feature" and parts[:1] == ["events"]:  # a GeoJSON event's fields: properties
        parts[0] = "properties"
    return ".".join(parts) or "(file)"


_CSV_PLACE_COLUMN = {key: column for column, key in PLACE_COLUMNS.items()}


# What a pattern means, in words, for the fields that have one.
_PATTERN_HINTS = {
    "id": "lowercase letters, digits and hyphens, e.g. kyiv-rally-8-march",
    "layer": "a layer id: lowercase letters, digits and hyphens, e.g. protests",
    "currency": "a three-letter currency code such as EUR, USD or UAH",
    "color": "a colour as #rrggbb, e.g. #d7301f",
    "tags": "lowercase letters, digits, dots and hyphens, e.g. article-207.3",
    "counts": "a count name in lowercase letters, digits and underscores, e.g. forced_labour",
    "url": "a web address starting with http:// or https://, without spaces, quotes or angle "
    "brackets (percent-encode them)",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _describe_error(path, data, lines, error) -> str:
    loc = _error_loc(error)
    line, unit = lines.line_for(data, loc)
    where = f"{path}, {unit} {line}" if line else f"{path}"
    event_id = _event_id(data, loc)
    if event_id:
        where += f" (event {event_id})"
    field = _field_name(loc, unit)
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "required field is missing"
    elif error["type"] == "extra_forbidden":
        message = "unknown field; check the spelling (see README, Events file)"
    elif error["type"] == "literal_error":  # certainty, a qualifier, a place's precision
        expected = (error.get("ctx") or {}).get("expected", "")
        message = f"expected one of {expected}, got {error['input']!r}"
    elif error["type"] == "model_type" and len(loc) == 2:
        message = (
            "expected an event: a mapping with id, layer, title, summary, date, places and "
            f"certainty, got {str(error.get('input'))[:60]!r}"
        )
    elif error["type"] == "string_pattern_mismatch":
        control = _CONTROL.search(str(error["input"]))
        hint = next((_PATTERN_HINTS[p] for p in reversed(loc) if p in _PATTERN_HINTS), None)
        if hint:
            message = f"expected {hint}, got {str(error['input'])[:60]!r}"
        elif control:
            message = (
                f"contains the control character U+{ord(control.group()):04X}, which a page "
                "cannot show; remove it (often a paste from a PDF or spreadsheet)"
            )
        else:
            message = f"not in the expected format, got {str(error['input'])[:60]!r}"
    elif "input" in error and error["type"] not in ("value_error", "assertion_error"):
        value = error["input"]
        shown = str(value) if isinstance(value, dt.date) else repr(value)  # 2022-03-05 12:00:00
        message += f", got {shown[:60]}{'…' if len(shown) > 60 else ''}"
    return f"{where}, field {field}: {message}"


def _event_id(data, loc):
    if len(loc) >= 2 and loc[0] == "events" and isinstance(loc[1], int):
        events = data.get("events") if isinstance(data, dict) else None
        if isinstance(events, list) and loc[1] < len(events) and isinstance(events[loc[1]], dict):
            value = events[loc[1]].get("id")
            return value if isinstance(value, str) else None
    return None
