"""Places an export already resolved: the ids, kinds and geometry a CSV or GeoJSON export
carries beside the names, so the file rebuilds without looking the names up again.

A place whose id the gazetteer (or a places file) holds is that place; a place the editor
located is its point, and its id (`editor:49.83910,24.00560`, `UA-46@…`, a region's code)
must be the one that point gives. A name and an id that are not one place — a name changed in
a spreadsheet, the old id left beside it — are an error naming both, never a silent choice:
clearing the id cell resolves the name again. An empty id is a place to resolve by its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import EventsError
from ..gazetteer.normalize import normalize, skeleton, split_descriptor
from ..gazetteer.user_places import lookup_if_known
from . import record
from .csv_numbers import LIST_SEPARATOR  # between the entries of a CSV cell, as in `places`

# Coordinates written with 5 decimals (ids) or as the float's repr (wkt, GeoJSON): within a
# hundred-thousandth of a degree (about a metre) they are the same point.
TOLERANCE = 1e-5


@dataclass(frozen=True)
class CarriedPlaces:
    """One event's places as an export resolved them. `fields` names, for messages, the
    column (CSV) or property (GeoJSON) each part came from."""

    places: tuple[str, ...] = ()  # one id per entry of `places`; "" where none is given
    route: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # one kind per entry of `places`, or none at all
    geometry: object | None = None  # shapely geometry of the event, as the file gives it
    regions: str = "points"  # how that geometry draws regions (REGIONS)
    noun: str = "cell"  # what holds a field in the file: a CSV cell, a GeoJSON property
    fields: tuple[tuple[str, str], ...] = (
        ("places", "place_ids"),
        ("route", "route_ids"),
        ("kinds", "place_kinds"),
        ("geometry", "wkt"),
    )

    def ids(self, field: str) -> tuple[str, ...]:
        return self.places if field == "places" else self.route

    def field(self, part: str) -> str:
        return dict(self.fields)[part]


def fix(carried: CarriedPlaces, part: str) -> str:
    """The one way out of a disagreement, in the file's own words."""
    if part == "geometry":
        return f"clear the {carried.field(part)} {carried.noun} to have it written from the places again"
    if part == "kinds":
        return (
            f"clear the {carried.field('kinds')} and {carried.field('places')} {carried.noun}s to "
            "resolve the names again, or put back what the export wrote"
        )
    return (
        f"clear the {carried.field(part)} {carried.noun} (or that entry of it) to resolve the names "
        "again, or put back what the export wrote"
    )


def names_the_place(written: str, place) -> bool:
    """Whether `written` is one of the place's own spellings: its name, label or aliases,
    with or without a descriptor ("Vinnitsa area") or a "(Region)" / ", Country" hint, up to
    the transliteration variants the gazetteer merges (Vinnitsa, Vinnytsia)."""
    spellings = (place.name, place.label or "", *place.aliases, *place.informal)
    own = {normalize(s) for s in spellings if s}
    own |= {skeleton(split_descriptor(key)[0]) for key in own}
    text = written.strip()
    for opening in ("(", ","):  # the hint picks between places; the name must still be theirs
        if opening in text:
            text = text.split(opening, 1)[0].strip()
    key = normalize(text)
    base = split_descriptor(key)[0]
    return key in own or base in own or skeleton(base) in own


def place_of_id(written: str, place_id: str, gazetteer):
    """(the place, None) or (None, what is wrong) for a name and the id carried beside it.

    Known spellings need no lookup; another spelling (a case form, a nickname) is accepted
    when the gazetteer reads it as that same place."""
    try:
        place = gazetteer.get(place_id)
    except KeyError:
        return None, (
            f"no place has the id {place_id!r} (not in the bundled gazetteer, nor in a places "
            "file given to this run: for a place of your own, give its places file with "
            "--places)"
        )
    if names_the_place(written, place):
        return place, None
    match = lookup_if_known(gazetteer, written)
    if match is not None and match.ok and match.place.id == place.id:
        return place, None
    if match is not None and match.ok:
        read = f"the gazetteer reads {written!r} as {match.place.name} ({match.place.id})"
    else:
        read = f"{written!r} is not a name of it"
    return None, (
        f"the name {written!r} and the id {place_id!r} ({place.name}, {place.kind}, "
        f"{place.country}) are not one place: {read}"
    )


def from_csv_cells(path, row_number, cells, event) -> CarriedPlaces:
    """The export's place_ids, place_kinds, route_ids and wkt cells of a row, checked against
    the row's places and route: one entry per place, in the same order."""
    import shapely

    def entries(column, names):
        if column not in cells:
            return ()
        parts = tuple(part.strip() for part in cells[column].split(LIST_SEPARATOR))
        count = len(names) if isinstance(names, list) else 0
        if len(parts) != count:
            raise EventsError(
                f"{path}, row {row_number}, field {column}: {len(parts)} "
                f"{'entry' if len(parts) == 1 else 'entries'} for {count} "
                f"{'place' if count == 1 else 'places'} of `{_OF[column]}`; `geomap export` "
                "writes one per place, in the same order. Clear the cell to resolve the names "
                "again.",
                path=path,
                line=row_number,
                field=column,
            )
        return parts

    geometry = None
    if "wkt" in cells:
        try:
            geometry = shapely.from_wkt(cells["wkt"])
        except shapely.errors.GEOSException:
            geometry = None
        if geometry is None or geometry.is_empty:
            raise EventsError(
                f"{path}, row {row_number}, field wkt: expected the event's geometry as WKT, "
                f"e.g. POINT (36.25475 49.98177) (longitude first), got {cells['wkt'][:60]!r}. "
                "Clear the cell to have it worked out from the places again.",
                path=path,
                line=row_number,
                field="wkt",
            )
    return CarriedPlaces(
        places=entries("place_ids", event.get("places")),
        route=entries("route_ids", event.get("route")),
        kinds=entries("place_kinds", event.get("places")),
        geometry=geometry,
    )


_OF = {"place_ids": "places", "place_kinds": "places", "route_ids": "route"}


REGIONS = ("points", "outline")  # how an export draws a region: its centre, or its outline


def event_geometry(places: list, route: list, regions: str = "points"):
    """The event's geometry as an export writes it (shapely): its route as a line, its places
    as points; with regions="outline", a region or group of regions (or a point given to a
    region) as the outline it is drawn with. One declaration for the export and the check."""
    import shapely

    kind, points = record.geometry(places, route)
    if regions == "points" or route or not any("shape" in p for p in places):
        return {
            "Point": shapely.Point,
            "MultiPoint": shapely.MultiPoint,
            "LineString": shapely.LineString,
        }[kind](points)
    parts = [
        _outline(p["shape"]) if "shape" in p else shapely.Point(p["lon"], p["lat"]) for p in places
    ]
    if len(parts) == 1:
        return parts[0]
    polygons = [g for part in parts for g in getattr(part, "geoms", [part])]
    if all(g.geom_type == "Polygon" for g in polygons):
        return shapely.MultiPolygon(polygons)
    return shapely.GeometryCollection(parts)


def _outline(shape_id: str):
    """The outline of a region or group of regions, by its id."""
    from ..gazetteer.places import geometries

    for kind in ("region", "group"):
        frame = geometries(kind)
        if shape_id in frame.index:
            return _counterclockwise(shape_id, kind)
    raise KeyError(shape_id)  # a record's shape is always a region's or a group's id


@lru_cache(maxsize=256)
def _counterclockwise(shape_id: str, kind: str):
    """An outline with its rings as RFC 7946 wants them: outer rings counterclockwise, holes
    clockwise (the right-hand rule)."""
    from shapely.geometry.polygon import orient

    from ..gazetteer.places import geometries

    outline = geometries(kind).geometry[shape_id]
    parts = getattr(outline, "geoms", None)
    if parts is None:
        return orient(outline, 1.0)
    return type(outline)([orient(part, 1.0) for part in parts])


def same_geometry(carried_geometry, places: list, route: list, regions: str = "points") -> bool:
    """Whether the file's geometry is the one the places give."""
    import shapely

    expected = event_geometry(places, route, regions)
    return bool(
        carried_geometry.geom_type == expected.geom_type
        and shapely.equals_exact(carried_geometry, expected, tolerance=TOLERANCE)
    )


__all__ = [
    "CarriedPlaces",
    "event_geometry",
    "from_csv_cells",
    "names_the_place",
    "place_of_id",
    "same_geometry",
]
