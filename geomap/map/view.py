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


def view_bounds(located) -> list[list[float]]:
    """[[south, west], [north, east]]: what the map should show of `located` (as Leaflet wants)."""
    bounds = _finite_bounds(located.geometry)
    if bounds is None or max(bounds[2] - bounds[0], bounds[3] - bounds[1]) < MIN_SPAN_DEG:
        bounds = _union(bounds, *surroundings(_distinct_places(located)))
    minx, miny, maxx, maxy = bounds
    return [[round(miny, 4), round(minx, 4)], [round(maxy, 4), round(maxx, 4)]]


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


def _finite_bounds(geometry):
    """The total bounds of the geometries that have finite coordinates; None if none has."""
    boxes = [b for b in shapely.bounds(geometry.values) if all(math.isfinite(v) for v in b)]
    return _union(*boxes) if boxes else None


def _union(*boxes):
    boxes = [b for b in boxes if b is not None]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
