"""Geocode validated events: every place name becomes a gazetteer place, or an error.

The result is a GeoDataFrame with one row per event (EPSG:4326): a Point for one place,
a MultiPoint for several, a LineString for a route. The resolved places ride along as
lists of plain dicts, so nothing downstream needs the gazetteer again.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import EventsError
from ..gazetteer import Match, default_gazetteer
from ..gazetteer.groups import GROUP_PRECISIONS
from ..gazetteer.user_places import (
    CONFLICT,
    WithUserPlaces,
    conflict_message,
    not_found_advice,
    with_user_places,
)
from . import given
from . import record as event_record
from .carried import fix as carried_fix
from .carried import place_of_id, same_geometry
from .csv_reader import PLACE_COLUMNS
from .dates import DAY, span_end
from .schema import Count, Event, EventsFile, written

# From coarsest to finest: an event is only as precise as its vaguest place.
PRECISION_ORDER = (
    "country",
    *GROUP_PRECISIONS,  # named groups of regions: Donbas, Siberia, federal districts
    "region (approximate)",
    "region",
    "approximate",
    "checkpoint",
    "town",
)
_RANK = {name: i for i, name in enumerate(PRECISION_ORDER)}
MAX_REPORTED = 20


def locate_events(events: EventsFile, gazetteer=None, places_files=()):
    """Resolve every place of every event; raise one EventsError listing all failures.

    `places_files` (and the events file's own `places_file:`) extend the gazetteer with the
    user's places for this call. The located events carry, in `attrs["warnings"]`, what the
    user should look at: points far from the gazetteer's place of the same name, and names
    of the places files that conflict with bundled places."""
    import geopandas as gpd
    import numpy as np
    import shapely

    bundled = gazetteer or default_gazetteer()
    files = [*places_files, *given.places_file_of(events)]
    gazetteer = with_user_places(bundled, files)
    records: dict = {}  # written name or given place -> shared place record (None: unresolved)
    matches = {}
    problems: list[str] = []
    first_problem: tuple[int, str | tuple] | None = None  # (event index, field): the error's line
    warnings: list[str] = list(gazetteer.conflicts()) if files else []
    far: dict = {}  # given place -> its warning, or None
    far_seen: list[str] = []  # each use of a point far from its namesake

    def report(index, where, text):
        nonlocal first_problem
        first_problem = first_problem or (index, where)
        if len(problems) <= MAX_REPORTED:
            problems.append(text)

    def resolve(index, field, names):
        nonlocal first_problem
        found = []
        carried = events.carried[index] if index < len(events.carried) else None
        ids = carried.ids(field) if carried is not None else ()
        for position, name in enumerate(names):
            if ids and ids[position]:  # resolved by the export: placed by its id
                record, wrong = _carried_record(name, ids[position], carried, field, position)
                if wrong:
                    part, text = wrong
                    where = carried.field(part)
                    report(index, where, f"{_where(events, index, where)}: {text}.")
                else:
                    found.append(record)
                continue
            record = records.get(name, False)
            if record is False and not isinstance(name, str):
                record, problem = given.place_record(name, gazetteer)
                records[name] = record
                if problem:  # a code or point that locates nothing: its own field's line
                    matches[name] = problem
            elif record is False:
                match = matches[name] = gazetteer.lookup(name)
                record, problem = (
                    _place_record(name, match.place, gazetteer) if match.ok else (None, None)
                )
                records[name] = record
                if problem:  # a place of the places file that locates nothing
                    matches[name] = problem
            if record is None:
                where = (field, position, matches[name][0]) if not isinstance(name, str) else field
                first_problem = first_problem or (index, where)
                if len(problems) <= MAX_REPORTED:
                    problems.append(_problem(events, index, where, name, matches[name], gazetteer))
            else:
                found.append(record)
                if not isinstance(name, str) and name.lat is not None:
                    if name not in far:  # once per distinct point: a lookup can take ms
                        far[name] = given.far_from_namesake(name, gazetteer)
                    if far[name]:
                        far_seen.append(
                            _where(events, index, (field, position, "lat")) + ": " + far[name]
                        )
        return found

    by_id: dict = {}  # (name, id, how the file names its fields) -> (record, what is wrong)

    def _carried_record(name, place_id, carried, field, position):
        """An entry placed by the id an export carried, or (None, (part, what is wrong))."""
        key = (name, place_id, field, carried.fields, carried.noun)
        if key not in by_id:  # a dataset names the same few places again and again
            by_id[key] = _placed_by_id(name, place_id, carried, field)
        record, wrong = by_id[key]
        if wrong:
            return None, wrong
        kinds = carried.kinds if field == "places" else ()
        if kinds and kinds[position] and kinds[position] != record["kind"]:
            return None, (
                "kinds",
                f"the kind {kinds[position]!r} given for {written(name)!r} is not that of its "
                f"id {place_id!r}, a {record['kind']}; {carried_fix(carried, 'kinds')}",
            )
        return record, None

    def _placed_by_id(name, place_id, carried, field):
        if not isinstance(name, str):  # the editor's point or code: its id must be its own
            record, wrong = given.place_record(name, gazetteer)
            if wrong is None and record["id"] != place_id:
                wrong = (
                    f"the place {name.written!r} is given as {_given_as(name)}, which is the "
                    f"place {record['id']!r}, not {place_id!r}: the point or code was changed "
                    f"after the export; {carried_fix(carried, 'places')}"
                )
            elif wrong is not None:
                return None, (field, f"{name.written!r}: {wrong[1]}")
        else:
            place, wrong = place_of_id(name, place_id, gazetteer)
            if wrong is None:
                record, wrong = _place_record(name, place, gazetteer)
                wrong = wrong and wrong[1]
            else:
                wrong = f"{wrong}; {carried_fix(carried, field)}"
        if wrong:
            return None, (field, wrong)
        return record, None

    places = [resolve(i, "places", e.places) for i, e in enumerate(events.events)]
    route = [resolve(i, "route", e.route) if e.route else [] for i, e in enumerate(events.events)]
    for index, carried in enumerate(events.carried):
        if carried is None or carried.geometry is None or problems:
            continue
        if not same_geometry(carried.geometry, places[index], route[index], carried.regions):
            kind, points = event_record.geometry(places[index], route[index])
            shape = f"{kind} {points}" if carried.regions == "points" else "outlines and points"
            shape = shape if len(shape) <= 120 else shape[:119] + "…"  # 200 places: not all
            where = carried.field("geometry")
            report(
                index,
                where,
                f"{_where(events, index, where)}: the geometry is not where the event's places "
                f"are ({shape}); geomap draws the places, so a point is moved by its "
                f"lat and lon, not by the geometry; {carried_fix(carried, 'geometry')}.",
            )
    if problems:
        shown = problems[:MAX_REPORTED]
        more = "\n… and more unresolved places" if len(problems) > MAX_REPORTED else ""
        missing = (n for n, m in matches.items() if isinstance(m, Match) and m.not_found)
        first_missing = next(missing, None)
        if first_missing is not None:
            more += "\n" + not_found_advice(first_missing)
        index, field = first_problem or (0, "places")  # set whenever there are problems
        raise EventsError(
            "\n".join(shown) + more,
            path=events.origin.path,
            line=events.origin.line_of(index, field),
            field=_field_label(events, field),
        )

    columns = _event_columns(events)
    columns.update(
        places=places, route=route, precision=[_precision(p + r) for p, r in zip(places, route)]
    )
    columns = {
        name: columns[name] for name in event_record.NAMES
    }  # the record's columns, in its order
    # Points in one vectorised call; the few lines and multipoints one by one.
    where = [r or p for p, r in zip(places, route)]
    geometry = np.empty(len(where), dtype=object)
    single = [i for i, g in enumerate(where) if len(g) == 1]
    if single:
        xy = np.array([(where[i][0]["lon"], where[i][0]["lat"]) for i in single])
        geometry[single] = shapely.points(xy)
    shapes = {"LineString": shapely.LineString, "MultiPoint": shapely.MultiPoint}
    for i, found in enumerate(where):
        if len(found) > 1:
            kind, coords = event_record.geometry(places[i], route[i])
            geometry[i] = shapes[kind](coords)
    frame = gpd.GeoDataFrame(columns, geometry=geometry, crs=4326)
    frame.attrs.update(
        title=events.title,
        description=events.description,
        language=events.language,
        layers=[layer.model_dump() for layer in events.layers],
        datasets=[events.dataset.model_dump(mode="json")] if events.dataset else [],
        warnings=list(dict.fromkeys(warnings + _at_most(far_seen, MAX_REPORTED))),
    )
    return frame


def _given_as(place) -> str:
    if place.iso is not None:
        return f"the code {place.iso}"
    return f"the point {place.lat},{place.lon} ({place.precision})"


def _at_most(lines: list[str], limit: int) -> list[str]:
    """A whole dataset with lat and lon swapped would warn on every row: say the first few."""
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], f"… and {len(lines) - limit:,} more places far from their namesakes"]


def _place_record(written: str, place, gazetteer=None):
    """The record of a gazetteer place, and None; or None and (field, what is wrong)."""
    if isinstance(gazetteer, WithUserPlaces) and gazetteer.is_users(place):
        # A place of the user's places file: located by the editor, as a point in an event is.
        return given.point_record(
            written,
            place.name,
            place.lat,
            place.lon,
            place.kind,
            given.PLACES_FILE,
            gazetteer,
            place_id=place.id,
            country=place.country,
        )
    record = {"written": written, **place.to_dict()}
    record.pop("parent", None)
    if place.drawn_as or place.kind in ("region", "group"):
        record["shape"] = place.drawn_as or place.id
    return record, None


def _precision(places) -> str:
    if len(places) == 1:
        return places[0]["precision"]
    # A kind another part of geomap adds before it has a rank here counts as the vaguest.
    return min((p["precision"] for p in places), key=lambda p: _RANK.get(p, -1))


def _count(value) -> dict:
    if not isinstance(value, Count):
        return {"value": value}
    return (
        {"value": value.value, "qualifier": value.qualifier}
        if value.qualifier
        else {"value": value.value}
    )


@lru_cache(maxsize=4096)
def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _event_columns(events: EventsFile) -> dict:
    """The events' own fields as the record's columns (one list per field, built field by
    field); locate_events adds the places, the route and the precision."""
    evs = events.events
    starts = [e.date or e.start for e in evs]
    sources = [e.source or events.source for e in evs]
    columns = {name: [getattr(e, name) for e in evs] for name in _SAME_AS_EVENT}
    columns.update(
        {
            "start": [_iso(s) for s in starts],
            # A week or a month covers its whole span: the page's window and the exports
            # read [start, end] the same way for it as for a range.
            "end": [
                _iso(
                    e.end
                    or (
                        s
                        if e.date is None or e.date_precision == DAY
                        else span_end(e.date, e.date_precision)
                    )
                )
                for e, s in zip(evs, starts)
            ],
            "as_of": [_iso(e.as_of) for e in evs],
            "counts": [{name: _count(value) for name, value in e.counts.items()} for e in evs],
            "source_title": [s.title if s else None for s in sources],
            "source_publisher": [s.publisher if s else None for s in sources],
            "source_url": [e.url or (s.url if s else None) for e, s in zip(evs, sources)],
            "source_date": [_iso(s.date) if s else None for s in sources],
            "tags": [list(e.tags) for e in evs],
        }
    )
    return columns


# Record columns that are an event's field of the same name, taken as they are.
_SAME_AS_EVENT = tuple(
    c.name
    for c in event_record.COLUMNS
    if c.page
    in (
        event_record.PLAIN,
        event_record.LAYER,
        event_record.PROSE,
        event_record.TEXT,
        event_record.CHOICE,
    )
    and c.name in Event.model_fields
)


def _where(events: EventsFile, index: int, field) -> str:
    """'events.yaml, line 12 (event rally), field places': where a message points."""
    origin = events.origin
    line = origin.line_of(index, field)
    where = f"{origin.path}, {origin.unit} {line}" if line else str(origin.path)
    return f"{where} (event {events.events[index].id}), field {_field_label(events, field)}"


def _field_label(events: EventsFile, field) -> str:
    """`places`, or for a given place's part `places.iso` (YAML) or its column `iso` (CSV)."""
    if isinstance(field, str):
        return field
    if events.origin.unit == "row" and field[-1] in _CSV_PLACE_COLUMN:
        return _CSV_PLACE_COLUMN[field[-1]]
    return ".".join(f for f in field if isinstance(f, str))


_CSV_PLACE_COLUMN = {key: column for column, key in PLACE_COLUMNS.items()}


def _problem(events: EventsFile, index: int, field, name, match, gazetteer) -> str:
    if isinstance(match, tuple):  # a given point or code, or a place file's: (field, message)
        shown = "" if not isinstance(name, str) else f" {name!r}:"
        return f"{_where(events, index, field)}:{shown} {match[1]}"
    shown = name if len(name) <= 80 else name[:79] + "…"
    if match.reason == CONFLICT:
        mine, *rivals = match.alternatives
        return f"{_where(events, index, field)}: {conflict_message(shown, gazetteer, mine, rivals)}"
    if match.feature is not None:  # a river, sea or range: the reason says what to write
        also = f" ({'; '.join(match.suggestions[:4])})" if match.suggestions else ""
        fix = f"{match.reason}{also}."
    elif match.reason == "ambiguous":
        options = "; ".join(match.suggestions[:4])
        fix = f'more than one place has this name: {options}. Add the region, e.g. "{shown} (Region)".'
    elif match.suggestions:  # what the gazetteer holds, how to add a place: once, at the end
        fix = "unknown place. Did you mean: " + "; ".join(match.suggestions[:4]) + "?"
    else:
        fix = f"{match.reason or 'unknown place'}; check the spelling with `geomap geocode`."
    return f"{_where(events, index, field)}: {shown!r}: {fix}"


__all__ = ["locate_events"]
