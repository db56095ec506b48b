"""Geocode validated events: every place name becomes a gazetteer place, or an error.

The result is a GeoDataFrame with one row per event (EPSG:4326): a Point for one place,
a MultiPoint for several, a LineString for a route. The resolved places ride along as
lists of plain dicts, so nothing downstream needs the gazetteer again.
"""

from __future__ import annotations

from ..errors import EventsError
from ..gazetteer import default_gazetteer, describe
from .schema import EventsFile

# From coarsest to finest: an event is only as precise as its vaguest place.
PRECISION_ORDER = ("country", "region (approximate)", "region", "checkpoint", "town")


def locate_events(events: EventsFile, gazetteer=None):
    """Resolve every place of every event; raise one EventsError listing all failures."""
    import geopandas as gpd
    from shapely.geometry import LineString, MultiPoint, Point

    gazetteer = gazetteer or default_gazetteer()
    cache: dict[str, object] = {}
    problems: list[str] = []
    rows = []
    for index, event in enumerate(events.events):
        resolved = {}
        for field in ("places", "route"):
            resolved[field] = []
            for name in getattr(event, field):
                match = cache.get(name) or cache.setdefault(name, gazetteer.lookup(name))
                if match.ok:
                    resolved[field].append(_place_record(name, match.place))
                else:
                    problems.append(_problem(events, index, field, name, match))
        if len(resolved["places"]) + len(resolved["route"]) < len(event.places) + len(event.route):
            continue
        points = [(p["lon"], p["lat"]) for p in resolved["route"] or resolved["places"]]
        if resolved["route"]:
            geometry = LineString(points)
        elif len(points) == 1:
            geometry = Point(points[0])
        else:
            geometry = MultiPoint(points)
        rows.append({**_event_columns(events, event), **resolved,
                     "precision": _precision(resolved["places"] + resolved["route"]),
                     "geometry": geometry})
    if problems:
        shown = problems[:20]
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise EventsError("\n".join(shown) + more, path=events.origin.path,
                          line=events.origin.line_of(0, "places"), field="places")
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
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
    return min((p["precision"] for p in places), key=PRECISION_ORDER.index)


def _event_columns(events: EventsFile, event) -> dict:
    source = event.source or events.source
    return {
        "id": event.id, "layer": event.layer, "title": event.title, "summary": event.summary,
        "start": (event.date or event.start).isoformat(),
        "end": (event.end or event.date or event.start).isoformat(),
        "as_of": event.as_of.isoformat() if event.as_of else None,
        "counts": {name: count.model_dump(exclude_none=True) for name, count in event.counts.items()},
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


__all__ = ["locate_events", "describe"]
