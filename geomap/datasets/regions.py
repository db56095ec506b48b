"""Which bundled region holds a point: how a dataset's region-level rows find their region.

ACLED gives an event known only to its region (geo_precision 3) the coordinates of the
region's capital. geomap draws such an event as the region, found by the point in the
bundled outlines, never as a point at that town.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _regions():
    """A spatial index of the bundled regions' outlines, and their ISO 3166-2 codes."""
    import shapely

    from ..gazetteer import default_gazetteer
    from ..gazetteer.places import geometries

    frame = geometries("region")
    gazetteer = default_gazetteer()
    codes = []
    for region_id in frame.index:
        place = gazetteer.get(str(region_id))
        codes.append(place.iso_3166_2 if place and place.iso_3166_2 else None)
    return shapely.STRtree(frame.geometry.to_numpy()), codes


def regions_of(lats, lons) -> list[list[str]]:
    """Per point, the codes of the bundled regions that contain it (none, one, or, on a
    disputed line, two). One vectorised query for all the points."""
    import numpy as np
    import shapely

    tree, codes = _regions()
    points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
    found: list[list[str]] = [[] for _ in range(len(points))]
    point_index, region_index = tree.query(points, predicate="within")
    for p, r in zip(point_index.tolist(), region_index.tolist()):
        if codes[r]:
            found[p].append(codes[r])
    return [sorted(set(f)) for f in found]


def covered_countries() -> list[str]:
    """The countries whose regions geomap bundles (said when a point lies in none)."""
    _, codes = _regions()
    return sorted({code.split("-")[0] for code in codes if code})
