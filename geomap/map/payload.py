"""What the page carries: the located events as GeoJSON, and only the outlines they use."""

from __future__ import annotations

import json

import shapely
from shapely.geometry import mapping

from ..gazetteer.places import geometries

COORD_DECIMALS = 4          # ~10 m for points: finer than any screen shows at article zoom levels
SHAPE_DECIMALS = 3          # ~100 m for outlines
SHAPE_TOLERANCE = 0.02      # ~2 km: invisible below zoom 8, where article maps live
BASEMAP_DECIMALS = 2
BASEMAP_MARGIN_DEG = 6.0
BASEMAP_TOLERANCE = 0.05    # ~5 km: outlines for orientation, not measurement
BASEMAP_MIN_AREA = 0.05     # square degrees: islets below this add bytes, not orientation
ATTRIBUTION = "Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)"
PROPERTIES = ["id", "layer", "title", "summary", "start", "end", "as_of", "counts", "currency",
              "reported_by", "source_title", "source_publisher", "source_url", "source_date",
              "certainty", "precision", "precision_note", "tags", "places", "route"]


def events_geojson(located) -> dict:
    """The located events as a GeoJSON FeatureCollection: what the download link serves."""
    features = []
    for row in located.itertuples(index=False):
        props = {name: plain_value(getattr(row, name)) for name in PROPERTIES}
        features.append({"type": "Feature", "geometry": _rounded(row.geometry), "properties": props})
    return {"type": "FeatureCollection", "features": features}


def region_shapes(located) -> dict:
    """Outlines of the regions the events name (a breakaway entity uses its host's)."""
    ids = sorted({p["shape"] for places in located["places"] for p in places if "shape" in p})
    outlines = geometries("region")
    ids = [i for i in ids if i in outlines.index]
    # Simplified together, as a coverage, so neighbouring shaded regions still meet.
    simple = shapely.coverage_simplify(outlines.loc[ids, "geometry"].values, SHAPE_TOLERANCE)
    return {i: encode_polygons(geom, SHAPE_DECIMALS) for i, geom in zip(ids, simple)}


def basemap_countries(bounds) -> dict:
    """Country outlines around the data, simplified for orientation, for the offline basemap."""
    minx, miny, maxx, maxy = bounds
    box = shapely.box(minx - BASEMAP_MARGIN_DEG, miny - BASEMAP_MARGIN_DEG,
                      maxx + BASEMAP_MARGIN_DEG, maxy + BASEMAP_MARGIN_DEG)
    countries = geometries("country")
    near = countries[countries.intersects(box)]
    simple = shapely.coverage_simplify(near.geometry.values, BASEMAP_TOLERANCE)
    features = []
    for cid, geom in zip(near.index, simple):
        parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= BASEMAP_MIN_AREA]
        if parts:
            kept = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
            features.append({"id": cid, "shape": encode_polygons(kept, BASEMAP_DECIMALS)})
    return features


def encode_polygons(geom, decimals: int) -> list:
    """Polygon or MultiPolygon as delta-encoded integers, about half the bytes of GeoJSON.

    [[ring, ring, …], …] per polygon, each ring [x0, y0, dx1, dy1, …] in units of
    10**-decimals degrees; the page's `decodePolygons` turns it back into coordinates.
    """
    scale = 10**decimals
    polygons = []
    for polygon in getattr(geom, "geoms", [geom]):
        rings = []
        for ring in (polygon.exterior, *polygon.interiors):
            flat, last_x, last_y = [], 0, 0
            for x, y in ring.coords:
                ix, iy = round(x * scale), round(y * scale)
                if flat and ix == last_x and iy == last_y:
                    continue  # repeated after rounding
                flat += [ix - last_x, iy - last_y]
                last_x, last_y = ix, iy
            if len(flat) >= 8:  # a ring needs at least four points
                rings.append(flat)
        if rings:
            polygons.append(rings)
    return [scale, polygons]


def _rounded(geom, decimals=COORD_DECIMALS):
    return mapping(shapely.set_precision(geom, 10.0**-decimals)) if geom is not None else None


def plain_value(value):
    """numpy and pandas scalars to JSON-able Python values."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "item"):
        return value.item()
    return json.loads(json.dumps(value, default=str))


def date_label(start: str, end: str, as_of: str | None = None) -> str:
    """'24 Feb 2022 – 13 Mar 2022 (figures as of 13 Mar 2022)', as the popups say it."""
    import datetime as dt

    def day(iso):
        d = dt.date.fromisoformat(iso)
        return f"{d.day} {d:%b %Y}"

    text = day(start) if start == end else f"{day(start)} – {day(end)}"
    if as_of and as_of != end:
        text += f" (figures as of {day(as_of)})"
    return text


def table_rows(located, layers) -> list[dict]:
    """The events as plain rows, for the table readers can open instead of the map."""
    names = {layer["id"]: layer["name"] for layer in layers}
    rows = []
    for row in located.itertuples(index=False):
        places = row.route or row.places
        counts = [f"{name.replace('_', ' ')}: {c.get('qualifier', '') + ' ' if c.get('qualifier') else ''}"
                  f"{c['value']:,}" for name, c in (row.counts or {}).items()]
        url = plain_value(row.source_url)
        rows.append({
            "title": row.title, "layer": names.get(row.layer, row.layer),
            "date": date_label(row.start, row.end, plain_value(row.as_of)),
            "where": (" → " if row.route else "; ").join(
                f"{p['written']} ({p['name']}, {p['precision']})" for p in places),
            "counts": "; ".join(counts), "certainty": row.certainty,
            "source": plain_value(row.source_title) or "",
            "url": url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None,
        })
    return rows
