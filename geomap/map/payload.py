"""What the page carries: the located events as GeoJSON, and only the outlines they use."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import gzip
import json

import shapely

from ..events import record
from ..gazetteer.places import geometries

SHAPE_DECIMALS = 3  # ~100 m for outlines
SHAPE_TOLERANCE = 0.04  # ~4 km: a pixel at zoom 5, two at zoom 6 (article maps of oblasts)
BASEMAP_DECIMALS = 2
BASEMAP_MARGIN_DEG = 6.0
BASEMAP_TOLERANCE = 0.05  # ~5 km: outlines for orientation, not measurement
BASEMAP_MIN_AREA = 0.05  # square degrees: islets below this add bytes, not orientation
PROPERTIES = record.GEOJSON_PROPERTIES


def events_geojson(located) -> dict:
    """The located events as a GeoJSON FeatureCollection: what the download link serves."""
    features = []
    for row in located.itertuples(index=False):
        props = {name: plain_value(getattr(row, name)) for name in PROPERTIES}
        features.append(
            {
                "type": "Feature",
                "geometry": event_geometry(props["places"], props["route"]),
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def event_geometry(places, route) -> dict:
    """A route is a LineString; one place a Point; several a MultiPoint (as locate_events)."""
    kind, coordinates = record.geometry(places, route)
    return {"type": kind, "coordinates": coordinates}


# --- compact events -------------------------------------------------------------------------
# 100,000 events as row objects are ~90 MB of JSON; as columns of small integers pointing
# into tables of distinct strings and of distinct places they are ~18 MB, half of it prose
# (titles, summaries), and gzip (undone in the page by the browser's DecompressionStream)
# brings that to ~3.5 MB. The prose has a table of its own, `texts`, which the page carries in
# a separate block: drawing needs none of it, so a big map unpacks it after it is drawn.

PLACE_FIELDS = [
    "id",
    "name",
    "kind",
    "country",
    "lat",
    "lon",
    "precision",
    "label",
    "shape",
    "iso_3166_2",
    "drawn_as",
    "countries",
    # Located by the editor (geomap.events.given): how, and the point or code as given.
    "located",
    "given_lat",
    "given_lon",
    "given_precision",
    "given_iso",
]
EPOCH = dt.date(1970, 1, 1)
SOURCE_COLUMN = "source"  # the encoded column of indexes into the sources table


class _Strings:
    """One table of distinct strings; a value becomes its index (None stays None)."""

    def __init__(self):
        self.index: dict[str, int] = {}

    def __call__(self, value):
        return None if value is None else self.index.setdefault(value, len(self.index))

    def column(self, values) -> list:
        index = self.index
        return [None if v is None else index.setdefault(v, len(index)) for v in values]

    def table(self):
        return list(self.index)


@functools.lru_cache(maxsize=8192)  # a big file has many events and few distinct days
def _day(iso):
    return None if iso is None else (dt.date.fromisoformat(iso) - EPOCH).days


def _iso(day):
    return None if day is None else (EPOCH + dt.timedelta(days=day)).isoformat()


def _column(values: list):
    """A constant column as {"c": v}; a mostly empty one as {"s": [[i, v], …]}; else the list."""
    first = values[0] if values else None
    if all(v == first for v in values):
        return {"c": first}
    empty: tuple = (None, [])
    filled = [[i, v] for i, v in enumerate(values) if v not in empty]
    if len(filled) * 4 < len(values):
        return {"s": filled, "e": [] if any(v == [] for v in values) else None}
    return values


def _expand(column, n: int) -> list:
    if isinstance(column, list):
        return column
    if "c" in column:
        return [column["c"]] * n
    out: list = [[] if column.get("e") == [] else None] * n
    for i, v in column["s"]:
        out[i] = v
    return out


# A dataset's map (datasets/columnar.py) groups events into marks, each with the number of
# events it stands for under this count: the page's counts add these up, not the marks.
GROUPED_COUNT = "events"


def events_per_mark(located) -> list[int] | None:
    """How many events each row stands for on a grouped map (`located.attrs["grouped"]`),
    else None: each row is one event. Read from the rows, so it follows any filter or order."""
    if not located.attrs.get("grouped"):
        return None
    return [int(c[GROUPED_COUNT]["value"]) for c in located["counts"]]


def encode_events(located, layers) -> dict:
    """The located events as columns (see the note above), each as `record.COLUMNS` declares
    it; `decode_events` reverses it, and so does the page, from the same declaration."""
    text, prose = _Strings(), _Strings()
    places: dict[str, int] = {}
    place_rows: list[list] = []
    count_names: set[int] = set()

    def refs(records):
        flat = []
        for place in records:
            pid = place["id"]
            if pid not in places:
                places[pid] = len(place_rows)
                place_rows.append([place.get(f) for f in PLACE_FIELDS])
            flat += [
                places[pid],
                -1 if place["written"] == place["name"] else text(place["written"]),
            ]
        return flat

    def counts(values):
        flat = [
            x
            for name, c in values.items()
            for x in (text(name), c["value"], text(c.get("qualifier")))
        ]
        count_names.update(flat[0::3])
        return flat

    layer_index = {layer["id"]: i for i, layer in enumerate(layers)}
    encode = {
        record.PLAIN: lambda values, column: values,
        record.LAYER: lambda values, column: [layer_index[v] for v in values],
        record.PROSE: lambda values, column: prose.column(values),
        record.TEXT: lambda values, column: text.column(values),
        record.TEXT_LIST: lambda values, column: [text.column(v) for v in values],
        record.DAY: lambda values, column: [_day(v) for v in values],
        record.DAYS_AFTER: lambda values, column: [
            _day(v) - s for v, s in zip(values, columns[column.after])
        ],
        record.CHOICE: lambda values, column: [column.choices.index(v) for v in values],
        record.PLACES: lambda values, column: [refs(v) for v in values],
        record.COUNTS: lambda values, column: [counts(v) for v in values],
    }
    columns: dict[str, list] = {}
    source_fields: list[list] = []
    for column in record.COLUMNS:
        values = _plain_list(located[column.name])
        if column.page == record.SOURCE:  # one table of distinct sources, below
            source_fields.append(values)
        else:
            columns[column.name] = encode[column.page](values, column)
    sources: dict[tuple, int] = {}
    columns[SOURCE_COLUMN] = [sources.setdefault(s, len(sources)) for s in zip(*source_fields)]
    strings = text.table()
    weights = events_per_mark(located)
    return {
        "n": len(located),
        **({"weights": weights} if weights is not None else {}),
        "record": record.page_declaration(),
        "count_kinds": {strings[i]: record.count_kind(strings[i]) for i in sorted(count_names)},
        "strings": strings,
        "texts": prose.table(),
        "places": place_rows,
        "sources": [list(s) for s in sources],
        "fields": PLACE_FIELDS,
        "columns": {name: _column(values) for name, values in columns.items()},
    }


def _plain_list(series) -> list:
    """A column as plain Python values. Object columns already hold them; pandas stores text
    columns as strings with NaN for None, and a column of None and numbers as floats."""
    if series.dtype == object:
        return series.tolist()
    return series.astype(object).where(series.notna(), None).tolist()


def decode_events(encoded: dict, layers, texts: list | None = None) -> dict:
    """The inverse of `encode_events`, as GeoJSON, read from the declaration the payload
    carries (as the page's decoder reads it). `texts` is the prose table when the page
    carried it apart from `encoded`."""
    n, strings, fields = encoded["n"], encoded["strings"], encoded["fields"]
    texts = encoded["texts"] if texts is None else texts
    cols = {name: _expand(col, n) for name, col in encoded["columns"].items()}

    def text(i):
        return None if i is None else strings[i]

    def records(flat):
        out = []
        for p, w in zip(flat[0::2], flat[1::2]):
            place = {f: v for f, v in zip(fields, encoded["places"][p]) if v is not None}
            out.append({"written": place["name"] if w == -1 else strings[w], **place})
        return out

    def counts(flat):
        out = {}
        for name, value, qualifier in zip(flat[0::3], flat[1::3], flat[2::3]):
            out[strings[name]] = {
                "value": value,
                **({"qualifier": strings[qualifier]} if qualifier is not None else {}),
            }
        return out

    source_part: dict = {}
    decode = {
        record.PLAIN: lambda v, column, i: v,
        record.LAYER: lambda v, column, i: layers[v]["id"],
        record.PROSE: lambda v, column, i: None if v is None else texts[v],
        record.TEXT: lambda v, column, i: text(v),
        record.TEXT_LIST: lambda v, column, i: [strings[t] for t in v or []],
        record.DAY: lambda v, column, i: _iso(v),
        record.DAYS_AFTER: lambda v, column, i: _iso(cols[column["after"]][i] + v),
        record.CHOICE: lambda v, column, i: column["choices"][v],
        record.PLACES: lambda v, column, i: records(v or []),
        record.COUNTS: lambda v, column, i: counts(v or []),
        record.SOURCE: lambda v, column, i: encoded["sources"][v][source_part[column["name"]]],
    }
    declared = encoded["record"]
    for column in declared:
        if column["kind"] == record.SOURCE:
            source_part[column["name"]] = len(source_part)
    features = []
    for i in range(n):
        props = {}
        for column in declared:
            name = column["name"]
            value = cols[SOURCE_COLUMN if column["kind"] == record.SOURCE else name][i]
            props[name] = decode[column["kind"]](value, column, i)
        props = {name: props[name] for name in PROPERTIES}
        features.append(
            {
                "type": "Feature",
                "geometry": event_geometry(props["places"], props["route"]),
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def pack(payload: dict | list) -> tuple[str, str]:
    """The page's data block: plain JSON when small, gzip+base64 when large."""
    # allow_nan=False: a bare Infinity or NaN is not JSON and would leave the page blank.
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if len(text) < PACK_THRESHOLD:
        return "json", text
    raw = gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)  # mtime=0: same bytes
    return "gzip+base64", base64.b64encode(raw).decode("ascii")


def unpack(encoding: str, block: str) -> dict:
    if encoding == "gzip+base64":
        block = gzip.decompress(base64.b64decode(block)).decode("utf-8")
    return json.loads(block)


PACK_THRESHOLD = 1_000_000  # characters: smaller maps stay plain JSON, readable by any browser


def region_shapes(located) -> dict:
    """Outlines of the regions and groups of regions the events name (a breakaway entity uses
    its host's)."""
    ids = sorted({p["shape"] for places in located["places"] for p in places if "shape" in p})
    outlines = geometries("region")
    regions = [i for i in ids if i in outlines.index]
    # Simplified together, as a coverage, so neighbouring shaded regions still meet.
    simple = shapely.coverage_simplify(outlines.loc[regions, "geometry"].values, SHAPE_TOLERANCE)
    shapes = {i: encode_polygons(geom, SHAPE_DECIMALS) for i, geom in zip(regions, simple)}
    groups = [i for i in ids if i not in outlines.index]
    if groups:  # a group overlaps its members: not part of their coverage, simplified alone
        group_outlines = geometries("group")
        for i in groups:
            if i in group_outlines.index:
                geom = shapely.simplify(group_outlines.at[i, "geometry"], SHAPE_TOLERANCE)
                shapes[i] = encode_polygons(geom, SHAPE_DECIMALS)
    return dict(sorted(shapes.items()))


def basemap_countries(bounds) -> list[dict]:
    """Country outlines around the data, simplified for orientation, for the offline basemap."""
    minx, miny, maxx, maxy = bounds
    box = shapely.box(
        minx - BASEMAP_MARGIN_DEG,
        miny - BASEMAP_MARGIN_DEG,
        maxx + BASEMAP_MARGIN_DEG,
        maxy + BASEMAP_MARGIN_DEG,
    )
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
            flat: list[int] = []
            last_x = last_y = 0
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


def plain_value(value):
    """numpy and pandas scalars, and NaN for a missing value, as plain Python values."""
    if value is None or isinstance(value, (str, bool, int, list, dict)):
        return value
    if isinstance(value, float):
        return None if value != value else value
    if hasattr(value, "item"):
        return plain_value(value.item())
    return value
