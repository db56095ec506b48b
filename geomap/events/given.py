"""Places the editor locates: a point or a region code in an event, a place of a places file.

Each becomes a place record like the gazetteer's, with what the editor gave beside it
(`located`, `given_lat`, `given_lon`, `given_precision`, `given_iso`), so the page, the popups
and the exports can say so. A point given "to the region" (or country) is drawn as the
region (or country) that contains it, never as a point.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from ..gazetteer.lookup import describe
from ..gazetteer.user_places import lookup_if_known
from .schema import EventsFile, GivenPlace

EDITOR = "editor"  # `located`: coordinates in the events file
PLACES_FILE = "places file"  # `located`: a place of a places file
# Farther than this from the gazetteer's place of the same name, a given point is suspect.
NAMESAKE_KM = 50
_POINT_KINDS = ("town", "checkpoint")
_AREA_KINDS = ("region", "country")


def places_file_of(events: EventsFile) -> list[Path]:
    """The events file's own `places_file:`, read relative to the events file."""
    if not events.places_file:
        return []
    return [Path(events.origin.path).parent / events.places_file]


def place_record(place: GivenPlace, gazetteer) -> tuple[dict | None, tuple[str, str] | None]:
    """The record of a place given in an event, or (None, (its field, what is wrong))."""
    if place.iso is not None:
        found = _by_code(gazetteer).get(place.iso)
        if found is None:
            country = place.iso.split("-")[0]
            return None, (
                "iso",
                f"no region or country has the code {place.iso!r}; "
                f"`geomap places --kind region --country {country}` lists the codes "
                "(ISO 3166-2, e.g. UA-23)",
            )
        record = {"written": place.name or found.name, **found.to_dict(), "given_iso": place.iso}
        record.pop("parent", None)
        if found.drawn_as or found.kind == "region":
            record["shape"] = found.drawn_as or found.id
        return record, None
    # The schema made sure a place without a code has a name, a point and a precision.
    return point_record(
        place.name, place.name, place.lat, place.lon, place.precision, EDITOR, gazetteer
    )


def point_record(
    written, name, lat, lon, precision, located, gazetteer, place_id=None, country=None
) -> tuple[dict | None, tuple[str, str] | None]:
    """A point the editor gives: as a point for a town, checkpoint or approximate place; as
    the region or country that contains it for those precisions."""
    given = {"located": located, "given_lat": lat, "given_lon": lon, "given_precision": precision}
    inside = _containing(lat, lon)
    if precision in _AREA_KINDS:
        ids = inside[precision]
        if len(ids) != 1:
            where = (
                f"in {' and in '.join(ids)}" if ids else f"in no {precision} the gazetteer outlines"
            )
            return None, (
                "lat",
                f"the point {lat},{lon} given to the {precision} lies {where}; check the "
                "coordinates (lat first), or give the region by its code (iso: UA-23)",
            )
        area = gazetteer.get(ids[0])
        record = {"written": written, **area.to_dict(), **given}
        record.pop("parent", None)
        # Its own id: the page keeps one record per id, and this one carries its own point.
        record["id"] = f"{area.id}@{lat:.5f},{lon:.5f}"
        if area.kind == "region":
            record["shape"] = area.drawn_as or area.id
        return record, None
    countries = inside["country"]
    record = {
        "written": written,
        "id": place_id or f"{EDITOR}:{lat:.5f},{lon:.5f}",
        "name": name,
        "kind": precision if precision in _POINT_KINDS else "point",
        "country": country or (countries[0] if len(countries) == 1 else ""),
        "lat": lat,
        "lon": lon,
        "precision": precision,
        **given,
    }
    return record, None


def far_from_namesake(place: GivenPlace, gazetteer) -> str | None:
    """A warning when the gazetteer knows a town of the point's name far from the point."""
    if place.precision in _AREA_KINDS:  # drawn as a whole region: a namesake may be far
        return None
    match = lookup_if_known(gazetteer, place.name)
    if match is None or not match.ok or match.place.kind not in _POINT_KINDS:
        return None
    known = match.place
    if known.lat == place.lat and known.lon == place.lon:
        return None
    distance = _km(place.lat, place.lon, known.lat, known.lon)
    if distance <= NAMESAKE_KM:
        return None
    label = (
        gazetteer.describe(known) if hasattr(gazetteer, "describe") else describe(known, gazetteer)
    )
    said = (
        f"{place.name!r} is given at {place.lat},{place.lon}, {distance:,.0f} km from the "
        f"gazetteer's {label} at {known.lat:.5f},{known.lon:.5f}"
    )
    swapped = _km(place.lon, place.lat, known.lat, known.lon)
    if swapped <= NAMESAKE_KM:
        return (
            f"{said}; with lat and lon swapped it would be {swapped:,.0f} km from it: "
            "check their order (lat, the degrees north, first)."
        )
    return f"{said}; check the coordinates (or the row), or whether this is another place of that name."


def _km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _containing(lat, lon) -> dict[str, list[str]]:
    """The ids of the regions and of the countries whose outlines contain the point."""
    import shapely

    point = shapely.Point(lon, lat)
    out = {}
    for kind in _AREA_KINDS:
        tree, ids = _outlines(kind)
        out[kind] = sorted(ids[i] for i in tree.query(point, predicate="within"))
    return out


@lru_cache(maxsize=2)
def _outlines(kind: str):
    """A spatial index of the outlines of a kind, and their ids: a dataset of thousands of
    points asks for each point which of hundreds of detailed outlines hold it."""
    import shapely

    from ..gazetteer.places import geometries

    frame = geometries(kind)
    return shapely.STRtree(frame.geometry.to_numpy()), [str(i) for i in frame.index]


_CODES: dict[int, tuple[object, dict]] = {}


def _by_code(gazetteer) -> dict:
    """Regions by ISO 3166-2 code and countries by ISO alpha-2, built once per gazetteer."""
    known = _CODES.get(id(gazetteer))
    if known is None or known[0] is not gazetteer:
        table = {p.iso_3166_2: p for p in gazetteer.find(kind="region") if p.iso_3166_2}
        table.update({p.country: p for p in gazetteer.find(kind="country")})
        known = _CODES[id(gazetteer)] = (gazetteer, table)
    return known[1]
