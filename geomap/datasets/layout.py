"""ACLED's file layouts and date forms, recognised once per file, never guessed per row.

A file's layout is read off its header: upper-case names (the files before 2019), the
columns of 2019–2022 (numeric `inter1`/`inter2`, `data_id`, `event_id_no_cnty`, `iso3`), or
those of 2023 on (`disorder_type`, `civilian_targeting`, `tags`; `inter1`/`inter2` as words).
Its date form is read off its first date, and every other row must be written the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from babel.dates import get_month_names

from ..errors import EventsError

# What every layout has, under lower-cased names. The upper-case files came before ACLED
# split event types into sub-event types, so `sub_event_type` is not among them.
REQUIRED = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "actor1",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "notes",
    "fatalities",
)


@dataclass(frozen=True)
class Layout:
    name: str  # said in the import's summary
    numeric_inter: bool  # inter1/inter2 as codes 1–8 (before 2023) or as words


UPPER_CASE = Layout("upper-case headers (before 2019)", numeric_inter=True)
FROM_2019 = Layout("2019–2022 columns", numeric_inter=True)
FROM_2023 = Layout("2023 columns", numeric_inter=False)

# ACLED's actor types: the codes of the files before 2023, the words of those after. Both
# become the same tag, so a file of either layout tags an event alike.
INTER_CODES = {
    "1": "State forces",
    "2": "Rebel groups",
    "3": "Political militias",
    "4": "Identity militias",
    "5": "Rioters",
    "6": "Protesters",
    "7": "Civilians",
    "8": "External/Other forces",
}


def detect_layout(path, header: list[str]) -> tuple[Layout, list[str]]:
    """The layout, and the header's names lower-cased; or one error naming what is missing."""
    names = [cell.strip().lstrip("\ufeff") for cell in header]
    lettered = [n for n in names if any(c.isalpha() for c in n)]
    upper = bool(lettered) and all(n == n.upper() for n in lettered)
    lowered = [n.lower() for n in names]
    if upper:
        layout = UPPER_CASE
    elif "disorder_type" in lowered:
        layout = FROM_2023
    else:
        layout = FROM_2019
    missing = [c for c in REQUIRED if c not in lowered]
    if layout is not UPPER_CASE and "sub_event_type" not in lowered:
        missing.append("sub_event_type")
    if missing:
        raise EventsError(
            f"{path}, row 1: this is not an ACLED export: the header lacks "
            f"{', '.join(missing)}. Expected ACLED's columns (event_id_cnty, event_date, "
            "event_type, sub_event_type, latitude, longitude, geo_precision, …); for another "
            "table of points, use `geomap import table`.",
            path=path,
            line=1,
            field=missing[0],
        )
    return layout, lowered


def actor_type(layout: Layout, value: str) -> str | None:
    """ACLED's actor type as words, from a code (before 2023) or the words themselves."""
    value = value.strip()
    if not value or value == "0":
        return None
    if layout.numeric_inter:
        return INTER_CODES.get(value)
    return value


# --- dates -----------------------------------------------------------------------------------

# English month names, as ACLED writes them ("01 March 2022"), from CLDR (Babel).
MONTHS = {name.lower(): number for number, name in get_month_names("wide", locale="en").items()}


@dataclass(frozen=True)
class DateForm:
    name: str  # said in messages: how the file writes its dates
    example: str
    pattern: re.Pattern

    def parse(self, text: str) -> dt.date | None:
        match = self.pattern.match(text.strip())
        if not match:
            return None
        year, month, day = match.group("y"), match.group("m"), match.group("d")
        number = int(month) if month.isdigit() else MONTHS.get(month.lower())
        if number is None:
            return None
        try:
            return dt.date(int(year), number, int(day))
        except ValueError:
            return None


DATE_FORMS = (
    DateForm(
        "year-month-day", "2022-03-01", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
    ),
    DateForm(
        "day, month's name, year",
        "01 March 2022",
        re.compile(r"^(?P<d>\d{1,2}) (?P<m>[A-Za-z]+) (?P<y>\d{4})$"),
    ),
    DateForm(
        "day-month-year",
        "01-03-2022",
        re.compile(r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})$"),
    ),
)


def detect_date_form(path, row: int, first: str, column: str = "event_date") -> DateForm:
    """The file's date form, from its first date."""
    for form in DATE_FORMS:
        if form.parse(first):
            return form
    forms = ", ".join(f"{f.example} ({f.name})" for f in DATE_FORMS)
    raise EventsError(
        f"{path}, row {row}, field {column}: {first!r} is not a date in a form geomap reads; "
        f"expected one of: {forms}.",
        path=path,
        line=row,
        field=column,
    )


def parse_date(path, row: int, form: DateForm, text: str, column: str = "event_date") -> dt.date:
    day = form.parse(text)
    if day is None:
        raise EventsError(
            f"{path}, row {row}, field {column}: {text!r} is not written like the file's "
            f"first date ({form.name}, e.g. {form.example}); a file writes all its dates "
            "one way, never guessed row by row: write this one like the others.",
            path=path,
            line=row,
            field="event_date",
        )
    return day


def check_size(path: Path, limit: int, reader: str) -> None:
    """Refuse a dataset file bigger than `limit` bytes, before reading it; `reader` says which
    path has that limit ("a dataset import", "a dataset map")."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise EventsError(f"{path}: cannot be read ({exc.strerror}).", path=str(path)) from None
    if size > limit:
        raise EventsError(
            f"{path}: {size:,} bytes, more than {reader} reads ({limit:,}); export fewer rows "
            "(by country or years).",
            path=str(path),
        )
