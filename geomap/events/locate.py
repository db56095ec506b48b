"""Geocode validated events: every place name becomes a gazetteer place, or an error.

The result is a GeoDataFrame with one row per event (EPSG:4326): a Point for one place,
a MultiPoint for several, a LineString for a route. The resolved places ride along as
lists of plain dicts, so nothing downstream needs the gazetteer again.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import EventsError
from ..gazetteer import default_gazetteer
from .schema import Count, EventsFile

# From coarsest to finest: an event is only as precise as its vaguest place.
PRECISION_ORDER = ("country", "region (approximate)", "region", "checkpoint", "town")
_RANK = {name: i for i, name in enumerate(PRECISION_ORDER)}
MAX_REPORTED = 20
COLUMNS = ["id", "layer", "title", "summary", "start", "end", "as_of", "counts", "currency",
           "reported_by", "source_title", "source_publisher", "source_url", "source_date",
           "certainty", "precision_note", "tags", "places", "route", "precision"]


def locate_events(events: EventsFile, gazetteer=None):
    """Resolve every place of every event; raise one EventsError listing all failures."""
    import geopandas as gpd
    import numpy as np
    import shapely

    gazetteer = gazetteer or default_gazetteer()
    records: dict[str, dict | None] = {}  # written name -> shared place record (None: unresolved)
    matches = {}
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    geometries: list = []
    problems: list[str] = []
    for index, event in enumerate(events.events):
        resolved = {}
        for field in ("places", "route"):
            found = []
            for name in getattr(event, field):
                if name not in records:
                    match = matches[name] = gazetteer.lookup(name)
                    records[name] = _place_record(name, match.place) if match.ok else None
                if records[name] is None:
                    if len(problems) <= MAX_REPORTED:
                        problems.append(_problem(events, index, field, name, matches[name]))
                else:
                    found.append(records[name])
            resolved[field] = found
        if problems:
            continue  # keep collecting errors; nothing will be built
        for name, value in _event_columns(events, event).items():
            columns[name].append(value)
        columns["places"].append(resolved["places"])
        columns["route"].append(resolved["route"])
        columns["precision"].append(_precision(resolved["places"] + resolved["route"]))
        geometries.append(resolved["route"] or resolved["places"])
    if problems:
        shown = problems[:MAX_REPORTED]
        more = "\n… and more unresolved places" if len(problems) > MAX_REPORTED else ""
        raise EventsError("\n".join(shown) + more, path=events.origin.path,
                          line=events.origin.line_of(0, "places"), field="places")

    # Points in one vectorised call; the few lines and multipoints one by one.
    geometry = np.empty(len(geometries), dtype=object)
    single = [i for i, g in enumerate(geometries) if len(g) == 1]
    if single:
        xy = np.array([(geometries[i][0]["lon"], geometries[i][0]["lat"]) for i in single])
        geometry[single] = shapely.points(xy)
    for i, places in enumerate(geometries):
        if len(places) > 1:
            coords = [(p["lon"], p["lat"]) for p in places]
            geometry[i] = (shapely.LineString(coords) if columns["route"][i]
                           else shapely.MultiPoint(coords))
    frame = gpd.GeoDataFrame(columns, geometry=geometry, crs=4326)
    frame.attrs.update(title=events.title, description=events.description,
                       layers=[layer.model_dump() for layer in events.layers])
    return frame


def _place_record(written: str, place) -> dict:
    record = {"written": written, **place.to_dict()}
    record.pop("parent", None)
    if place.drawn_as or place.kind == "region":
        record["shape"] = place.drawn_as or place.id
    return record


def _precision(places) -> str:
    if len(places) == 1:
        return places[0]["precision"]
    return min((p["precision"] for p in places), key=_RANK.__getitem__)


def _count(value) -> dict:
    count = Count.of(value)
    return {"value": count.value, "qualifier": count.qualifier} if count.qualifier else {"value": count.value}


@lru_cache(maxsize=4096)
def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _event_columns(events: EventsFile, event) -> dict:
    source = event.source or events.source
    start = event.date or event.start
    return {
        "id": event.id, "layer": event.layer, "title": event.title, "summary": event.summary,
        "start": _iso(start),
        "end": _iso(event.end or start),
        "as_of": _iso(event.as_of),
        "counts": {name: _count(value) for name, value in event.counts.items()},
        "currency": event.currency,
        "reported_by": event.reported_by,
        "source_title": source.title if source else None,
        "source_publisher": source.publisher if source else None,
        "source_url": event.url or (source.url if source else None),
        "source_date": source.date.isoformat() if source and source.date else None,
        "certainty": event.certainty,
        "precision_note": event.precision_note,
        "tags": list(event.tags),
    }


def _problem(events: EventsFile, index: int, field: str, name: str, match) -> str:
    origin = events.origin
    line = origin.line_of(index, field)
    where = f"{origin.path}, {origin.unit} {line}" if line else str(origin.path)
    event_id = events.events[index].id
    shown = name if len(name) <= 80 else name[:79] + "…"
    if match.reason == "ambiguous":
        options = "; ".join(match.suggestions[:4])
        fix = f"more than one place has this name: {options}. Add the region, e.g. \"{shown} (Region)\"."
    elif match.suggestions:
        fix = "unknown place. Did you mean: " + "; ".join(match.suggestions[:4]) + "?"
    else:
        fix = f"{match.reason or 'unknown place'}; check the spelling with `geomap geocode`."
    return f"{where} (event {event_id}), field {field}: {shown!r}: {fix}"


__all__ = ["locate_events"]
