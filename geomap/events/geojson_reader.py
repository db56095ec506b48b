"""geomap's own GeoJSON export, read back as an events file.

`geomap export --format geojson` writes one Feature per event: the event's fields as its
properties, each place as the record geomap resolved (its id, kind, point, and the point or
code the editor gave), and the file's title, description, source, places file and layers in
the collection's member `geomap`. Read back, the events go through the same schema as YAML
and CSV, and the places are placed by their ids (events/carried.py), not looked up again;
the geometry must be the one those places give. `precision` is worked out from the places,
as for every events file, so it is not read.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import EventsError
from .carried import REGIONS, CarriedPlaces

MEMBER = "geomap"  # outputs.GEOJSON_MEMBER: the file's own fields
_FILE_FIELDS = ("title", "description", "language", "source", "dataset", "places_file", "layers")
_DERIVED = ("precision",)  # worked out from the places on reading, as from any events file
_EVENT_FIELDS = (
    "id",
    "layer",
    "title",
    "summary",
    "as_of",
    "counts",
    "currency",
    "reported_by",
    "certainty",
    "precision_note",
    "tags",
)
_SOURCE = {
    "source_title": "title",
    "source_publisher": "publisher",
    "source_url": "url",
    "source_date": "date",
}
_FIELDS = (
    ("places", "properties.places.id"),
    ("route", "properties.route.id"),
    ("kinds", "properties.places.kind"),
    ("geometry", "geometry"),
)
_EXPECTED = "expected geomap's GeoJSON export (`geomap export EVENTS --format geojson`)"


def parse_geojson(path: Path, text: str):
    """The export as an events file's data (as YAML gives it) and where each event is."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        raise EventsError(
            f"{path}, line {line}: not valid JSON ({getattr(exc, 'msg', exc)}); {_EXPECTED}.",
            path=path,
            line=line,
        ) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise EventsError(
            f"{path}: {_EXPECTED}: a FeatureCollection, got "
            f"{_kind_of(document)}. An events file is YAML, CSV or that GeoJSON.",
            path=path,
        )
    meta = document.get(MEMBER)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise EventsError(
            f"{path}, field {MEMBER}: expected the file's own fields as an object "
            f"({', '.join(_FILE_FIELDS)}), got {_kind_of(meta)}.",
            path=path,
            field=MEMBER,
        )
    regions = meta.get("regions", "points")
    if regions not in REGIONS:
        raise EventsError(
            f"{path}, field {MEMBER}.regions: expected one of {', '.join(REGIONS)} (how the "
            f"export drew regions), got {regions!r}.",
            path=path,
            field=f"{MEMBER}.regions",
        )
    unknown = sorted(set(meta) - {*_FILE_FIELDS, "regions"})
    if unknown:
        raise EventsError(
            f"{path}, field {MEMBER}.{unknown[0]}: unknown file field; the export writes "
            f"{', '.join(_FILE_FIELDS)}.",
            path=path,
            field=f"{MEMBER}.{unknown[0]}",
        )
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise EventsError(
            f"{path}, field features: expected one Feature per event, got {_kind_of(features)}.",
            path=path,
            field="features",
        )
    events, carried = [], []
    for number, feature in enumerate(features, 1):
        event, resolved = _event(path, number, feature, regions)
        events.append(event)
        carried.append(resolved)
    data = {key: meta[key] for key in _FILE_FIELDS if key in meta}
    return {**data, "events": events}, _Features(len(events), carried)


def _kind_of(value) -> str:
    if isinstance(value, dict):
        return f"an object of type {str(value.get('type'))[:40]!r}"
    return "nothing" if value is None else f"a {type(value).__name__}"


def _event(path, number, feature, regions):
    """A Feature as an event (the schema checks its fields) and its places' ids."""

    def refuse(field, problem):
        raise EventsError(
            f"{path}, feature {number}, field {field}: {problem}.",
            path=path,
            line=number,
            field=field,
        )

    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        refuse("type", f"expected a Feature, got {_kind_of(feature)}")
    props = feature.get("properties")
    if not isinstance(props, dict):
        refuse("properties", f"expected the event's fields as an object, got {_kind_of(props)}")
    event = {k: v for k, v in props.items() if k not in (*_SOURCE, *_DERIVED, "start", "end")}
    event.pop("places", None), event.pop("route", None)
    start, end = props.get("start"), props.get("end")
    if start is not None and end in (None, start):
        event["date"] = start  # a one-day event: the export writes its day as start and end
    else:
        event.update({k: v for k, v in (("start", start), ("end", end)) if v is not None})
    source = {field: props[k] for k, field in _SOURCE.items() if props.get(k) is not None}
    if "title" in source:
        event["source"] = source
    elif "url" in source:  # an event's own link, without a source
        event["url"] = source.pop("url")
    if source and "title" not in source:
        refuse("source_title", "a source's publisher or date needs its title")
    counts = props.get("counts")
    if isinstance(counts, dict):  # {value} alone is the number itself, as YAML writes it
        event["counts"] = {
            name: c["value"] if isinstance(c, dict) and set(c) == {"value"} else c
            for name, c in counts.items()
        }
    entries = {}
    for part in ("places", "route"):
        records = props.get(part, [])
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            refuse(
                f"properties.{part}",
                "expected a list of places as the export writes them, each an object with "
                "`written` (the name) and `id`",
            )
        for position, place in enumerate(records):
            if not isinstance(place.get("written"), str):
                refuse(
                    f"properties.{part}[{position}].written",
                    "expected the place's name as the events file writes it",
                )
        entries[part] = records
        if records:
            event[part] = [
                _entry(place) if part == "places" else place["written"] for place in records
            ]
    geometry = _geometry(feature.get("geometry"), refuse)
    carried = CarriedPlaces(
        places=tuple(str(p.get("id") or "") for p in entries["places"]),
        route=tuple(str(p.get("id") or "") for p in entries["route"]),
        kinds=tuple(str(p.get("kind") or "") for p in entries["places"]),
        geometry=geometry,
        regions=regions,
        noun="value",
        fields=_FIELDS,
    )
    return event, carried


def _entry(place: dict):
    """A place record as the events file wrote the place: its name, or the point or code the
    editor gave (a places file's place is its name: the places file carries its point)."""
    if place.get("given_iso") is not None:
        return {"name": place["written"], "iso": place["given_iso"]}
    if place.get("located") == "editor":
        return {
            "name": place["written"],
            "lat": place.get("given_lat"),
            "lon": place.get("given_lon"),
            "precision": place.get("given_precision"),
        }
    return place["written"]


def _geometry(value, refuse):
    import shapely
    from shapely.geometry import shape

    if value is None:
        return None
    try:
        geometry = shape(value)
    except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.GEOSException):
        geometry = None
    if geometry is None or geometry.is_empty:
        refuse(
            "geometry",
            f"expected a GeoJSON geometry with coordinates [longitude, latitude], got "
            f"{json.dumps(value)[:60]}; remove it to have it written from the places again",
        )
    return geometry


class _Features:
    """Where each event is: its feature's number."""

    def __init__(self, count, carried):
        self._count = count
        self.carried = carried

    def line_for(self, data, loc):
        if (
            len(loc) >= 2
            and loc[0] == "events"
            and isinstance(loc[1], int)
            and loc[1] < self._count
        ):
            return loc[1] + 1, "feature"
        return None, "feature"
