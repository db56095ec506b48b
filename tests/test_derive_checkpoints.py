"""scripts/derive_checkpoints.py refuses rows it cannot place, one clear message each.

The script runs at build time with the `build-data` extra; the rules tested here need none of it."""

import importlib.util
from pathlib import Path

import pytest
from pyproj import Transformer
from shapely.geometry import box

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "derive_checkpoints.py"


@pytest.fixture(scope="module")
def derive_module():
    spec = importlib.util.spec_from_file_location("derive_checkpoints", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(**fields):
    row = {
        "id": "a-b",
        "country_a": "RU",
        "country_b": "FI",
        "name_a": "A",
        "name_b": "B",
        "mode": "road",
        "settlement_a_geonameid": "",
        "settlement_b_geonameid": "",
        "lat_override": "",
        "lon_override": "",
        "override_source": "",
    }
    row.update(fields)
    return row


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"country_b": "XX"}, r"a-b: country_b 'XX' is not one of .*ADM0_A3"),
        ({"country_b": "RU"}, r"a-b: country_a and country_b are both RU"),
        ({"mode": "rail"}, r"a-b: mode 'rail' is not one of \['ferry', 'road'\]"),
    ],
)
def test_a_row_with_unknown_countries_or_mode_is_refused(derive_module, fields, message):
    with pytest.raises(derive_module.DeriveError, match=message):
        derive_module.check_countries(_row(**fields))


def test_an_anchor_far_from_the_shared_border_is_refused(derive_module):
    """Two square countries sharing the line x = 0 (metric CRS); an override point 40 km
    inside country A is too far to stand for a crossing."""
    outlines = {"RU": box(-100_000, 0, 0, 100_000), "FI": box(0, 0, 100_000, 100_000)}
    lines = derive_module.border_lines(outlines, {("RU", "FI")})
    to_metric = Transformer.from_crs("EPSG:4326", derive_module.METRIC_CRS, always_xy=True)
    to_wgs84 = Transformer.from_crs(derive_module.METRIC_CRS, "EPSG:4326", always_xy=True)
    lon, lat = to_wgs84.transform(-40_000, 50_000)
    row = _row(lat_override=str(lat), lon_override=str(lon), override_source="test")
    with pytest.raises(
        derive_module.DeriveError, match=r"a-b: the anchor .* is 40\.0 km from the RU–FI border"
    ):
        derive_module.derive(row, {}, outlines, lines, to_metric, to_wgs84)
    lon, lat = to_wgs84.transform(-5_000, 50_000)
    row = _row(lat_override=str(lat), lon_override=str(lon), override_source="test")
    derived = derive_module.derive(row, {}, outlines, lines, to_metric, to_wgs84)
    assert derived["method"].startswith("nearest RU–FI border point to override point")
    assert derived["method"].endswith("moved 5.0 km")


def test_an_override_without_its_source_is_refused(derive_module):
    row = _row(lat_override="60.0", lon_override="30.0")
    with pytest.raises(derive_module.DeriveError, match=r"an override needs .*override_source"):
        derive_module.anchor(row, {}, None)
