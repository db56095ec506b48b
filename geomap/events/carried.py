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

from ..gazetteer.normalize import normalize, skeleton, split_descriptor
from ..gazetteer.user_places import lookup_if_known

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
        return f"clear the {carried.field(part)} cell to have it written from the places again"
    if part == "kinds":
        return (
            f"clear the {carried.field('kinds')} and {carried.field('places')} cells to "
            "resolve the names again, or put back what the export wrote"
        )
    return (
        f"clear the {carried.field(part)} cell (or that entry of it) to resolve the names "
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
            "file given to this run)"
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


def same_geometry(carried_geometry, kind: str, points) -> bool:
    """Whether the file's geometry is the one the places give (record.geometry's kind and
    [lon, lat] points)."""
    import shapely

    expected = {
        "Point": shapely.Point,
        "MultiPoint": shapely.MultiPoint,
        "LineString": shapely.LineString,
    }[kind](points)
    return bool(
        carried_geometry.geom_type == expected.geom_type
        and shapely.equals_exact(carried_geometry, expected, tolerance=TOLERANCE)
    )


__all__ = ["CarriedPlaces", "names_the_place", "place_of_id", "same_geometry"]
