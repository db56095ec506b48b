"""One schema for events, whether they come from YAML or CSV.

An event is one fact of an article: who did what, where, when, how many, according to
whom, how certain. Field names follow geodata/events/*.yaml; see README "Events file".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Strict,
    model_validator,
)
from pydantic import (
    Tag as UnionTag,
)
from pydantic_core import core_schema

from ..gazetteer.places import KINDS
from . import dates
from .record import CERTAINTIES

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Tag = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=60)]
CountName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
# Checked in pydantic-core's Rust regex engine: a Python validator per field costs seconds
# at 100,000 events. The loader turns a mismatch into a message naming the character.
NO_CONTROL_CHARACTERS = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
Text = Annotated[str, Field(min_length=1, max_length=2000, pattern=NO_CONTROL_CHARACTERS)]
Name = Annotated[str, Field(min_length=1, max_length=200, pattern=NO_CONTROL_CHARACTERS)]
WebAddress = Annotated[str, Field(max_length=2000, pattern=r"^(?i:https?)://[^\s<>\"'`]+$")]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
# A language, as ISO 639-1 (or 639-3) writes it: en, ru, uk, crh.
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]


def _text_or_translations(value) -> str:
    return "translations" if isinstance(value, dict) else "text"


# A text field that may also be given in several languages, `{en: …, ru: …}` (issue 17;
# geomap.i18n.texts). The mapping must hold the file's own `language:` (EventsFile).
_Languages = Field(min_length=1, max_length=20)
TranslatableName = Annotated[
    Annotated[Name, UnionTag("text")]
    | Annotated[dict[Language, Name], _Languages, UnionTag("translations")],
    Discriminator(_text_or_translations),
]
TranslatableText = Annotated[
    Annotated[Text, UnionTag("text")]
    | Annotated[dict[Language, Text], _Languages, UnionTag("translations")],
    Discriminator(_text_or_translations),
]
# One declaration: record.CERTAINTIES. Literal[tuple] is Literal[*tuple] at run time (what
# pydantic reads); a type checker wants the values spelled out.
Certainty = Literal[CERTAINTIES]  # type: ignore[valid-type]
Qualifier = Literal["about", "at least", "more than", "up to", "fewer than", "exactly"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


MAX_WHOLE_NUMBER = 2**53 - 1  # the largest whole number a web page holds exactly


class _Number:
    """A count: a whole number, or a float that is finite. Never true/false (strict). Never
    infinity or NaN, which would reach the page as a bare `Infinity`, not JSON. Never a whole
    number past MAX_WHOLE_NUMBER: the page would round it, or read 400 digits as Infinity;
    and only a real float takes the float branch, so such a number is refused, not rounded.
    All checked in pydantic-core."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        whole = core_schema.int_schema(strict=True, ge=0, le=MAX_WHOLE_NUMBER)
        real = core_schema.chain_schema(
            [
                core_schema.is_instance_schema(float),
                core_schema.float_schema(strict=True, ge=0, allow_inf_nan=False),
            ]
        )
        return core_schema.union_schema(
            [whole, real],
            custom_error_type="count_number",
            custom_error_message=f"expected a finite number of 0 or more (not true/false, infinity "
            f"or NaN; a whole number at most {MAX_WHOLE_NUMBER:,})",
        )


Number = Annotated[int | float, _Number]


class _Day:
    """A date: a `datetime.date`, or a string written YYYY-MM-DD (CSV, JSON). Never a number:
    pydantic would read 0 as 1970-01-01 and 1648771200 as a Unix time."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        iso = core_schema.chain_schema(
            [core_schema.str_schema(pattern=r"^\d{4}-\d{2}-\d{2}$"), core_schema.date_schema()]
        )
        return core_schema.union_schema(
            [core_schema.date_schema(strict=True), iso],
            custom_error_type="iso_date",
            custom_error_message="expected a real date written YYYY-MM-DD, e.g. 2022-03-01",
        )


Day = Annotated[dt.date, _Day]


class _EventDay(_Day):
    """An event's `date`: as _Day, and the message names the month and week forms too (the
    event's validator reads those before this type sees them). The same error type, so a
    date written day first still gets its own advice."""

    message = f"expected {dates.FORMS}"

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        schema = super().__get_pydantic_core_schema__(source, handler)
        schema["custom_error_message"] = cls.message
        return schema


EventDay = Annotated[dt.date, _EventDay]
DatePrecision = Literal[dates.PRECISIONS]  # type: ignore[valid-type]
# The fields that take a day only, and why a month or week is refused there.
_DAY_ONLY = {
    "start": "a range is given day by day",
    "end": "a range is given day by day",
    "as_of": "a running total is as of one day",
}


class _Degrees:
    """A latitude or longitude in degrees: a finite number within ±limit, never true/false or
    text. Subclassed once per axis so the message names the axis and its range."""

    limit = 90
    axis = "latitude"

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        return core_schema.union_schema(
            [
                core_schema.int_schema(strict=True, ge=-cls.limit, le=cls.limit),
                core_schema.float_schema(
                    strict=True, ge=-cls.limit, le=cls.limit, allow_inf_nan=False
                ),
            ],
            custom_error_type="coordinate",
            custom_error_message=f"expected a {cls.axis} in degrees from -{cls.limit} to "
            f"{cls.limit}, e.g. {'47.44' if cls.limit == 90 else '35.84'}",
        )


class _Longitude(_Degrees):
    limit = 180
    axis = "longitude"


Latitude = Annotated[float, _Degrees]
Longitude = Annotated[float, _Longitude]
# How exactly the editor knows where a place is: the gazetteer's kinds, or only roughly.
# "region" and "country" draw the region or country that contains the point, never a point.
GIVEN_PRECISIONS = (*KINDS, "approximate")
GivenPrecision = Literal[GIVEN_PRECISIONS]  # type: ignore[valid-type]
# ISO 3166-2 (UA-23, RU-MOW) or, for a country, ISO 3166-1 alpha-2 (UA).
IsoCode = Annotated[str, Field(pattern=r"^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$")]


class GivenPlace(_Strict):
    """A place the editor locates: by a point (`name`, `lat`, `lon`, `precision`) or by a
    region code (`iso`, with an optional `name` as the article writes it)."""

    name: Name | None = None
    lat: Latitude | None = None
    lon: Longitude | None = None
    precision: GivenPrecision | None = None
    iso: IsoCode | None = None

    @model_validator(mode="after")
    def _point_or_code(self):
        point = self.lat is not None or self.lon is not None
        if self.iso is not None:
            if point or self.precision:
                raise _FieldError(
                    ("iso",),
                    "give either a region code (iso) or a point (lat, lon, precision), not both",
                )
            return self
        if not point:
            raise _FieldError(
                ("lat",),
                "a place written as a mapping needs lat and lon (with name and precision), or "
                "iso (a region code such as UA-23); a place the gazetteer knows is written "
                "as its name alone",
            )
        for axis, value in (("lat", self.lat), ("lon", self.lon)):
            if value is None:
                word = "latitude" if axis == "lat" else "longitude"
                raise _FieldError((axis,), f"the {word} is missing; give both lat and lon")
        if self.name is None:
            raise _FieldError(("name",), "a place given by its point needs a name to show")
        if self.precision is None:
            raise _FieldError(
                ("precision",),
                f"say how exactly the point is known: one of {', '.join(GIVEN_PRECISIONS)}",
            )
        return self

    @property
    def written(self) -> str:
        return self.name or self.iso or ""


PlaceEntry = Annotated[
    Annotated[
        str, Field(min_length=1, max_length=200, pattern=NO_CONTROL_CHARACTERS), UnionTag("name")
    ]
    | Annotated[GivenPlace, UnionTag("given")],
    Discriminator(lambda value: "given" if isinstance(value, (dict, GivenPlace)) else "name"),
]
# The tags pydantic puts in an error's location; the loader leaves them out of field names.
UNION_TAGS = ("name", "given")
# The two forms of a text field, and the fields that take both (the loader names the field).
TEXT_FORMS = ("text", "translations")
TRANSLATABLE_FIELDS = ("title", "summary", "precision_note", "description", "name")


def written(place) -> str:
    """An entry of `places` or `route` as the article writes it."""
    return place if isinstance(place, str) else place.written


class Count(_Strict):
    """A number as the article gives it: `15000`, or `{value: 15000, qualifier: about}`."""

    value: Number
    qualifier: Qualifier | None = None

    @property
    def label(self) -> str:
        number = f"{self.value:,}" if isinstance(self.value, int) else f"{self.value:,.2f}"
        return f"{self.qualifier} {number}" if self.qualifier else number


class Source(_Strict):
    title: TranslatableName
    publisher: Name | None = None
    url: WebAddress | None = None
    date: Day | None = None


class Dataset(_Strict):
    """A dataset the events were imported from (geomap import), and its terms. `shareable:
    false` (ACLED's terms: no direct access to the raw data for others) leaves the map's
    download link and `geomap export` off unless the user passes --share-data. The access
    date and the filters are what the user said, never the clock: a build is repeatable."""

    name: Name
    url: WebAddress | None = None
    accessed: Day
    filters: Text | None = None
    shareable: bool = True


class Layer(_Strict):
    id: Slug
    name: TranslatableName
    color: Colour
    description: TranslatableText | None = None


DEFAULT_LAYERS = (
    Layer(
        id="protests",
        name="Protests",
        color="#d7301f",
        description="Street protests and other public anti-war actions",
    ),
    Layer(
        id="prosecutions",
        name="Prosecutions",
        color="#6a51a3",
        description="Arrests, charges and court cases for opposing the war or evading service",
    ),
    Layer(
        id="crossings",
        name="Border crossings",
        color="#0570b0",
        description="Men crossing or trying to cross borders to avoid the call-up",
    ),
    Layer(
        id="desertion",
        name="Refusals and desertion",
        color="#238b45",
        description="Soldiers and police refusing orders, resigning or leaving their units",
    ),
    Layer(
        id="civil-resistance",
        name="Civil resistance",
        color="#ec7014",
        description="Residents stopping troops or negotiating with them",
    ),
    Layer(
        id="mobilisation",
        name="Forced mobilisation",
        color="#525252",
        description="Men forced into military service",
    ),
)


class Event(_Strict):
    # List fields take a list, never a set or a mapping (Strict): those have no order of
    # their own, so a route could change direction from one run to the next.
    id: Slug
    layer: Slug
    title: TranslatableName
    summary: TranslatableText
    date: EventDay | None = None
    # How exactly `date` is known: a day, or only its ISO week or month, whose first day is
    # `date`. An events file writes the short form (`date: 2022-03`), read by _short_dates.
    date_precision: DatePrecision = dates.DAY
    start: Day | None = None
    end: Day | None = None
    as_of: Day | None = None
    places: Annotated[list[PlaceEntry], Strict()] = Field(default_factory=list, max_length=200)
    # A route's places are names (of the gazetteer or of a places file): the CSV's lat/lon
    # columns go with `places`, so a point in a route could not be exported and read back.
    route: Annotated[list[Name], Strict()] = Field(default_factory=list, max_length=50)
    counts: dict[CountName, Number | Count] = Field(default_factory=dict)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    reported_by: Name | None = None
    source: Source | None = None
    url: WebAddress | None = None
    certainty: Certainty
    precision_note: TranslatableText | None = None
    tags: Annotated[list[Tag], Strict()] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _short_dates(cls, data):
        """`date: 2022-03` or `2022-W10` as the span's first day and its precision; and a
        week or month an export wrote as its first and last day (start, end, date_precision)
        as that date again. One Python call per event, and cheap: most dates are not strings."""
        if not isinstance(data, dict):
            return data
        value = data.get("date")
        if isinstance(value, str):
            try:
                short = dates.read_short(value)
            except dates.DateFormError as exc:
                raise _FieldError(("date",), str(exc)) from None
            if short:
                given = data.get("date_precision")
                if given is not None and given != short[1]:
                    raise _FieldError(
                        ("date_precision",),
                        f"date {value!r} is known to the {short[1]}, but date_precision says "
                        f"{given!r}; leave date_precision out",
                    )
                data = {**data, "date": short[0], "date_precision": short[1]}
        for field, why in _DAY_ONLY.items():
            value = data.get(field)
            if isinstance(value, str) and not _FULL_DAY.match(value):
                try:
                    short = dates.read_short(value)
                except dates.DateFormError:
                    short = None
                if short:
                    raise _FieldError(
                        (field,),
                        f"expected a day written YYYY-MM-DD, got {value!r}: {why}. An event "
                        f"known only to the {short[1]} is written date: {value}; a range of "
                        f"{short[1]}s as its first and last day, e.g. start: "
                        f"{short[0].isoformat()}, end: "
                        f"{dates.span_end(short[0], short[1]).isoformat()}",
                    )
        if (
            data.get("date_precision") in (dates.WEEK, dates.MONTH)
            and data.get("date") is None
            and data.get("start") is not None
        ):
            data = _span_as_date(data)
        return data

    @model_validator(mode="after")
    def _dates_and_places(self):
        if self.date_precision != dates.DAY:
            if self.date is None:
                raise _FieldError(
                    ("date_precision",),
                    "date_precision goes with a date; write date: 2022-03 (a month) or "
                    "date: 2022-W10 (a week)",
                )
            if not dates.starts_span(self.date, self.date_precision):
                raise _FieldError(
                    ("date",),
                    f"a date known to the {self.date_precision} is written as its "
                    f"{self.date_precision}: date: {dates.written(self.date, self.date_precision)}"
                    f" (and no date_precision), not {self.date.isoformat()}",
                )
        if self.date and (self.start or self.end):
            raise ValueError("give either date, or start (and end), not both")
        if not (self.date or self.start):
            raise ValueError("give a date, or a start date (with an end date for a range)")
        if self.end and not self.start:
            raise ValueError("end needs a start")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if not (self.places or self.route):
            raise ValueError("give at least one place (places) or a route of two or more places")
        if len(self.route) == 1:
            raise ValueError("a route needs two or more places, from first to last")
        return self


_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _as_day(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _FULL_DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _span_as_date(data: dict) -> dict:
    """A week or month an export wrote as start, end and date_precision (the CSV of several
    files, the GeoJSON) is the date it was: the same event, written the same way again."""
    precision = data["date_precision"]
    start, end = _as_day(data.get("start")), _as_day(data.get("end"))
    if start is None or (data.get("end") is not None and end is None):
        return data  # the day schema says what is wrong with them
    if not dates.starts_span(start, precision) or (end or start) != dates.span_end(
        start, precision
    ):
        raise _FieldError(
            ("date_precision",),
            f"date_precision {precision} goes with a date such as "
            f"{dates.written(start, precision)}; start {start.isoformat()} and end "
            f"{(end or start).isoformat()} are not one {precision}",
        )
    rest = {key: value for key, value in data.items() if key not in ("start", "end")}
    return {**rest, "date": start}


@dataclass(frozen=True)
class Origin:
    """Where the events came from, so later steps can point at the right line."""

    path: str = "<events>"
    unit: str = "line"  # "line" for YAML, "row" for CSV
    finder: Callable[[int, str | tuple], int | None] | None = (
        None  # (event index, field or path in the event) -> line or row; looked up only on error
    )

    def line_of(self, index: int, field_name: str | tuple):
        """The line of an event's field, or of a path in it: ("places", 1, "iso")."""
        return self.finder(index, field_name) if self.finder else None


class EventsFile(_Strict):
    _origin: Origin = PrivateAttr(default_factory=Origin)
    # Per event, the places an export already resolved (events/carried.py), or None.
    _carried: tuple = PrivateAttr(default=())

    title: TranslatableName | None = None
    description: TranslatableText | None = None
    # The language of the file's texts; a text given as a mapping must include it.
    language: Language = "en"
    source: Source | None = None
    dataset: Dataset | None = None  # imported from a dataset (geomap import): its terms
    # A user places file for this events file, relative to it: the map rebuilds from its files.
    places_file: (
        Annotated[str, Field(min_length=1, max_length=1000, pattern=NO_CONTROL_CHARACTERS)] | None
    ) = None
    layers: Annotated[list[Layer], Strict()] = Field(
        default_factory=lambda: list(DEFAULT_LAYERS), min_length=1
    )
    events: Annotated[list[Event], Strict()] = Field(min_length=1, max_length=1_000_000)

    @property
    def origin(self) -> Origin:
        return self._origin

    @property
    def carried(self) -> tuple:
        """Per event, the ids (and geometry) an export gave its places, or None: a CSV or
        GeoJSON export read back places them by id instead of by name."""
        return self._carried

    def with_origin(self, origin: Origin, carried=()) -> EventsFile:
        """A copy that knows where its events came from (and, read from an export, the
        places it resolved); this one is left as it is. Shallow: the events themselves are
        shared (they are frozen)."""
        copy = self.model_copy()
        copy._origin = origin
        copy._carried = tuple(carried)
        return copy

    @model_validator(mode="after")
    def _texts_in_own_language(self):
        """Every text given in several languages gives it in the file's own: the map shows
        that text where it has none in the reader's language."""

        def check(value, loc):
            if isinstance(value, dict) and self.language not in value:
                raise _FieldError(
                    loc,
                    f"the texts by language ({', '.join(value)}) lack one in the file's own "
                    f"language, {self.language!r} (its `language:`); add `{self.language}: …` "
                    "or set `language:` to the language of the file's texts",
                )

        check(self.title, ("title",))
        check(self.description, ("description",))
        if self.source is not None:
            check(self.source.title, ("source", "title"))
        for index, layer in enumerate(self.layers):
            check(layer.name, ("layers", index, "name"))
            check(layer.description, ("layers", index, "description"))
        for index, event in enumerate(self.events):
            if isinstance(event.title, dict) or isinstance(event.summary, dict):
                check(event.title, ("events", index, "title"))
                check(event.summary, ("events", index, "summary"))
            if event.precision_note is not None:
                check(event.precision_note, ("events", index, "precision_note"))
            if event.source is not None:
                check(event.source.title, ("events", index, "source", "title"))
        return self

    @model_validator(mode="after")
    def _ids_and_layers(self):
        layer_ids = [layer.id for layer in self.layers]
        if len(set(layer_ids)) != len(layer_ids):
            raise ValueError("layer ids must be unique")
        seen: dict[str, int] = {}
        for index, event in enumerate(self.events):
            if event.id in seen:
                raise _FieldError(
                    ("events", index, "id"),
                    f"duplicate id {event.id!r} (also event {seen[event.id] + 1})",
                )
            seen[event.id] = index
            if event.layer not in layer_ids:
                raise _FieldError(
                    ("events", index, "layer"),
                    f"unknown layer {event.layer!r}; expected one of: {', '.join(layer_ids)}",
                )
        return self


class _FieldError(ValueError):
    """A cross-field problem that still belongs to one field (for the error location)."""

    def __init__(self, loc, message):
        super().__init__(message)
        self.loc = loc
