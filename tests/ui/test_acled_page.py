"""An ACLED import on the page (issue 20): region-level rows are their regions, never a point
at the provincial capital ACLED stands them at; no download link without --share-data; the
credit names ACLED, the access date and the filters."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

DATA = Path(__file__).resolve().parents[1] / "datasets"
# The points the fixture's geo_precision 3 rows carry: the capitals of Kharkiv and
# Belgorod oblasts.
CAPITALS = [(49.9935, 36.2304), (50.5997, 36.5983)]
MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"
MARKS = f"""() => {{
    const map = {MAP}, out = [];
    map.eachLayer(l => {{ if (l.getLatLng && l.options && /geomap-event/.test(l.options.className || ''))
        out.push([l.getLatLng().lat, l.getLatLng().lng]); }});
    return out;
}}"""


@pytest.fixture(scope="module")
def acled_pages(site):
    from geomap.pipeline import build

    root, origin = site
    events = root / "acled.yaml"
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(DATA / "acled-2023.csv"), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "--filters", "Ukraine and Russia, March 2022",
         "-o", str(events)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    build([events], root / "acled.html", self_contained=True, basemap="vector")
    build([events], root / "acled-shared.html", self_contained=True, basemap="vector",
          share_data=True)  # fmt: skip
    return f"{origin}/acled.html", f"{origin}/acled-shared.html"


def test_region_level_rows_are_regions_not_points_at_the_capital(visit, acled_pages):
    v = visit()
    page = v.open(acled_pages[0])
    marks = page.evaluate(MARKS)
    assert len(marks) == 2  # Odesa (a point) and Korosten (approximate)
    for lat, lon in CAPITALS:
        near = [m for m in marks if abs(m[0] - lat) < 0.3 and abs(m[1] - lon) < 0.3]
        assert near == [], f"a mark at the capital {lat},{lon}: {near}"
    for layer in ("violence", "protests"):
        region = page.locator(f"path.geomap-region.geomap-layer-{layer}")
        assert region.count() == 1
        box = region.bounding_box()
        assert box["width"] > 30 and box["height"] > 30  # an oblast's outline, not a dot
    assert v.page_errors == [] and v.console_errors == [] and v.blocked == []


def test_no_download_link_without_the_flag_and_acled_credited(visit, acled_pages):
    closed, shared = acled_pages
    page = visit().open(closed)
    assert page.get_by_role("link", name="Download the mapped events (GeoJSON)").count() == 0
    assert page.locator("#geomap-download").count() == 0
    credit = page.locator(".leaflet-control-attribution").inner_text()
    assert "ACLED (https://acleddata.com), accessed 2024-05-02" in credit
    assert "filters: Ukraine and Russia, March 2022" in credit
    page = visit().open(shared)
    assert page.get_by_role("link", name="Download the mapped events (GeoJSON)").count() == 1
