"""Geocode validated events: every place name becomes a gazetteer place, or an error.

The result is a GeoDataFrame with one row per event (EPSG:4326): a Point for one place,
a MultiPoint for several, a LineString for a route. The resolved places ride along as
lists of plain dicts, so nothing downstream needs the gazetteer again.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import EventsError
from ..gazetteer import default_gazetteer
from ..gazetteer.groups import GROUP_PRECISIONS
from . import record as event_record
from .schema import Count, Event, EventsFile

# From coarsest to finest: an event is only as precise as its vaguest place.
PRECISION_ORDER = (
    "country",
    *GROUP_PRECISIONS,  # named groups of regions: Donbas, Siberia, federal districts
    "region (approximate)",
    "region",
    "checkpoint",
    "town",
)
_RANK = {name: i for i, name in enumerate(PRECISION_ORDER)}
MAX_REPORTED = 20


def locate_events(events: EventsFile, gazetteer=None):
    """Resolve every place of every event; raise one EventsError listing all failures."""
    import geopandas as gpd
    import numpy as np
    import shapely

    gazetteer = gazetteer or default_gazetteer()
    records: dict[str, dict | None] = {}  # written name -> shared place record (None: unresolved)
    matches = {}
    problems: list[str] = []
    first_problem: tuple[int, str] | None = None  # (event index, field): where the error points

    def resolve(index, field, names):
        nonlocal first_problem
        found = []
        for name in names:
            record = records.get(name, False)
            if record is False:
                match = matches[name] = gazetteer.lookup(name)
                record = records[name] = _place_record(name, match.place) if match.ok else None
            if record is None:
                first_problem = first_problem or (index, field)
                if len(problems) <= MAX_REPORTED:
                    problems.append(_problem(events, index, field, name, matches[name]))
            else:
                found.append(record)
        return found

    places = [resolve(i, "places", e.places) for i, e in enumerate(events.events)]
    route = [resolve(i, "route", e.route) if e.route else [] for i, e in enumerate(events.events)]
    if problems:
        shown = problems[:MAX_REPORTED]
        more = "\n… and more unresolved places" if len(problems) > MAX_REPORTED else ""
        index, field = first_problem or (0, "places")  # set whenever there are problems
        raise EventsError(
            "\n".join(shown) + more,
            path=events.origin.path,
            line=events.origin.line_of(index, field),
            field=field,
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
        layers=[layer.model_dump() for layer in events.layers],
    )
    return frame


def _place_record(written: str, place) -> dict:
    record = {"written": written, **place.to_dict()}
    record.pop("parent", None)
    if place.drawn_as or place.kind in ("region", "group"):
        record["shape"] = place.drawn_as or place.id
    return record


def _precision(places) -> str:
    if len(places) == 1:
        return places[0]["precision"]
    return min((p["precision"] for p in places), key=_RANK.__getitem__)


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
            "end": [_iso(e.end or s) for e, s in zip(evs, starts)],
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


def _problem(events: EventsFile, index: int, field: str, name: str, match) -> str:
    origin = events.origin
    line = origin.line_of(index, field)
    where = f"{origin.path}, {origin.unit} {line}" if line else str(origin.path)
    event_id = events.events[index].id
    shown = name if len(name) <= 80 else name[:79] + "…"
    if match.feature is not None:  # a river, sea or range: the reason says what to write
        also = f" ({'; '.join(match.suggestions[:4])})" if match.suggestions else ""
        fix = f"{match.reason}{also}."
    elif match.reason == "ambiguous":
        options = "; ".join(match.suggestions[:4])
        fix = f'more than one place has this name: {options}. Add the region, e.g. "{shown} (Region)".'
    elif match.suggestions:
        fix = "unknown place. Did you mean: " + "; ".join(match.suggestions[:4]) + "?"
    else:
        fix = f"{match.reason or 'unknown place'}; check the spelling with `geomap geocode`."
    return f"{where} (event {event_id}), field {field}: {shown!r}: {fix}"


__all__ = ["locate_events"]
