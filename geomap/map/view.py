"""The view a map opens on: the events' extent, widened when the events all sit at one place.

Leaflet cannot fit a view to bounds of no size (one town, or every event at "Ukraine", whose
mark is one point near its centre): with tiles it zooms to street level, with no tile layer
it has no maximum zoom and computes NaN. So a map whose events span less than `MIN_SPAN_DEG`
opens on their surroundings instead: a region's or a country's whole outline, and around a
town or checkpoint the region it lies in (its oblast), or `POINT_SPAN_DEG` where geomap has
no region outline for it.
"""

from __future__ import annotations

import math

import shapely

from ..gazetteer.places import geometries

MIN_SPAN_DEG = 1.0  # events closer together than this, both ways, are "one place"
POINT_SPAN_DEG = (
    3.0  # around a town with no region outline: about an oblast (Kharkiv's: 1.9° × 3.3°)
)
BORDER_DEG = 0.15  # a town just outside every simplified outline takes the region this near
MAIN_PART_AREA = 0.05  # square degrees: islets below this (and stray slivers) frame nothing
MAX_FIT_ZOOM = 10  # the page never fits closer than this (~150 m a pixel): not street level


FRAMING_MIN_PLACES = 3  # a country with fewer places carrying events gets no button of its own
FRAMING_MAX_SHARE = 0.25  # ...nor one whose events fill more than this share of the first view


def view_bounds(located) -> list[list[float]]:
    """[[south, west], [north, east]]: what the map should show of `located` (as Leaflet wants).

    It frames the places that carry town-, checkpoint- and region-level events; a country-wide
    fact's mark (under the country's name) does not stretch it, unless nothing else is mapped.
    """
    bounds = _finite_bounds(_precise(located))
    if bounds is None or max(bounds[2] - bounds[0], bounds[3] - bounds[1]) < MIN_SPAN_DEG:
        bounds = _union(bounds, *surroundings(_distinct_places(located)))
    minx, miny, maxx, maxy = bounds
    return [[round(miny, 4), round(minx, 4)], [round(maxy, 4), round(maxx, 4)]]


def framings(located, names) -> list[dict]:
    """Buttons that frame part of the events, derived from the data: one for each country
    whose places carry several events but fill a small part of the first view (the report's
    Ukraine, beside its regions from the Baltic to the Pacific). [{"name", "bounds"}], named
    by `names` (a labels.NameSource); none when the first view frames them all well.
    """
    first = _box_area(_finite_bounds(_precise(located)))
    by_country: dict = {}
    for place in _distinct_places(located):
        if place["kind"] != "country" and place.get("country"):
            by_country.setdefault(place["country"], []).append(place)
    out = []
    for country, places in sorted(by_country.items(), key=lambda item: -len(item[1])):
        if len(places) < FRAMING_MIN_PLACES or not first:
            continue
        box = _union(*surroundings(places))
        if _box_area(box) <= FRAMING_MAX_SHARE * first:
            name = names.label(country, names.language) or country
            minx, miny, maxx, maxy = box
            out.append(
                {
                    "name": name,
                    "bounds": [[round(miny, 4), round(minx, 4)], [round(maxy, 4), round(maxx, 4)]],
                }
            )
    return out


def _precise(located):
    """The points of the places that carry events below country level (all, if none does)."""
    points = [
        shapely.Point(p["lon"], p["lat"])
        for records in located["places"]
        for p in records or ()
        if p["kind"] != "country" and not math.isnan(p["lat"])
    ]
    routes = [g for g, r in zip(located.geometry, located["route"]) if r]
    return points + routes if points or routes else list(located.geometry.values)


def _box_area(box):
    return 0.0 if box is None else (box[2] - box[0]) * (box[3] - box[1])


def surroundings(places) -> list[tuple[float, float, float, float]]:
    """(minx, miny, maxx, maxy) of what a reader needs around each place to know where it is."""
    regions, countries = geometries("region"), geometries("country")
    out = []
    for place in places:
        if "shape" in place and place["shape"] in regions.index:  # a region, or drawn as one
            out.append(main_bounds(regions.loc[place["shape"], "geometry"]))
        elif place["kind"] == "country" and place["id"] in countries.index:
            out.append(main_bounds(countries.loc[place["id"], "geometry"]))
        else:
            out.append(_around_point(place, regions))
    return out


def main_bounds(geom) -> tuple[float, float, float, float]:
    """The bounds of an outline's main parts: a stray sliver far away must not frame the map
    (Natural Earth gives Chernihiv Oblast, and so Ukraine, a speck in the Arctic)."""
    parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= MAIN_PART_AREA]
    return tuple(shapely.MultiPolygon(parts).bounds) if parts else tuple(geom.bounds)


def _around_point(place, regions):
    """The region a town or checkpoint lies in, among its own country's (ids are ISO 3166-2,
    "UA-63"): a Polish town by the border is not framed by the Ukrainian oblast next to it."""
    lon, lat = place["lon"], place["lat"]
    point = shapely.Point(lon, lat)
    own = regions.geometry[regions.index.str.startswith(place["country"] + "-")].to_numpy()
    containing = own[shapely.contains(own, point)]
    if len(containing) == 0:
        containing = own[shapely.dwithin(own, point, BORDER_DEG)]
    if len(containing):
        return _union(*(main_bounds(g) for g in containing))
    half_lat = POINT_SPAN_DEG / 2
    half_lon = half_lat / max(math.cos(math.radians(lat)), 0.2)  # as wide as tall, on screen
    return (lon - half_lon, lat - half_lat, lon + half_lon, lat + half_lat)


def _distinct_places(located):
    seen = {}
    for column in ("places", "route"):
        for records in located[column]:
            for record in records or ():
                seen.setdefault(record["id"], record)
    return list(seen.values())


def _finite_bounds(geometries):
    """The total bounds of the geometries that have finite coordinates; None if none has."""
    boxes = [b for b in shapely.bounds(list(geometries)) if all(math.isfinite(v) for v in b)]
    return _union(*boxes) if boxes else None


def _union(*boxes):
    boxes = [b for b in boxes if b is not None]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
