"""Approximate points (issue 15): a point the editor gives at "approximate" precision, or an
ACLED row of geo_precision 2, wears a wide broken rim, so that a reader tells it from a town's
exact mark; the legend explains the rim, in the map's language, only where there is one."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

DATA = Path(__file__).resolve().parents[1] / "datasets"
EVENTS = """\
title: Approximate and exact points
events:
  - {id: woods, layer: desertion, title: Deserters hid in the woods, summary: Somewhere east.,
     date: 2022-03-01, certainty: reported,
     places: [{name: woods east of Izium, lat: 49.25, lon: 37.6, precision: approximate}]}
  - {id: farm, layer: desertion, title: A farm, summary: Exactly here., date: 2022-03-02,
     certainty: reported, places: [{name: Farm by Lozova, lat: 48.9, lon: 36.3, precision: town}]}
  - {id: town, layer: desertion, title: In Poltava, summary: The town itself., date: 2022-03-03,
     certainty: reported, places: [Poltava]}
  - {id: vague, layer: protests, title: A rumoured rally near Sumy, summary: Unconfirmed.,
     date: 2022-03-04, certainty: unverified,
     places: [{name: near Sumy, lat: 50.8, lon: 34.9, precision: approximate}]}
"""
MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"
# Every point mark: where, its classes, and how its outline is drawn.
POINTS = f"""() => {{
    const map = {MAP}, out = [];
    map.eachLayer(l => {{ if (l instanceof L.CircleMarker && /geomap-event/.test(l.options.className || ''))
        out.push({{lat: l.getLatLng().lat, lon: l.getLatLng().lng, cls: l.options.className,
                   dash: l.options.dashArray, weight: l.options.weight, fill: l.options.fillOpacity,
                   stroke: getComputedStyle(l.getElement()).strokeDasharray}}); }});
    return out;
}}"""
KEY = "Wide broken rim: an approximate point, not an exact place"


@pytest.fixture(scope="module")
def pages(site):
    from geomap.pipeline import build

    root, origin = site
    (root / "approx.yaml").write_text(EVENTS, encoding="utf-8")
    build([root / "approx.yaml"], root / "approx.html", self_contained=True, basemap="vector")
    build([root / "approx.yaml"], root / "approx-uk.html", self_contained=True, basemap="vector",
          lang="uk")  # fmt: skip
    events = root / "acled-approx.yaml"
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(DATA / "acled-2023.csv"), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "-o", str(events)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    build([events], root / "acled-approx.html", self_contained=True, basemap="vector")
    return {name: f"{origin}/{name}.html" for name in ("approx", "approx-uk", "acled-approx")}


def _near(points, lat, lon):
    (found,) = [p for p in points if abs(p["lat"] - lat) < 0.05 and abs(p["lon"] - lon) < 0.05]
    return found


def test_an_approximate_point_is_drawn_apart_from_exact_ones(visit, pages):
    v = visit()
    page = v.open(pages["approx"])
    points = page.evaluate(POINTS)
    assert len(points) == 4
    woods, farm = _near(points, 49.25, 37.6), _near(points, 48.9, 36.3)
    poltava, sumy = _near(points, 49.59, 34.55), _near(points, 50.8, 34.9)
    for exact in (farm, poltava):  # a town of the gazetteer and an exact point of the editor
        assert "geomap-approximate" not in exact["cls"] and exact["dash"] is None, exact
        assert exact["weight"] == 2 and exact["stroke"] == "none", exact
    for approximate in (woods, sumy):
        assert "geomap-approximate" in approximate["cls"], approximate
        assert approximate["weight"] > 2 * farm["weight"] and approximate["stroke"] != "none"
    # Full colour: an approximate point is no unverified report (pale), unless it is one.
    assert woods["fill"] == farm["fill"] and sumy["fill"] < 0.2
    legend = page.locator(".geomap-legend li", has_text=KEY)
    assert legend.count() == 1
    assert legend.locator("svg.geomap-key-approximate").count() == 1
    assert v.page_errors == [] and v.console_errors == []


def test_the_key_is_in_the_maps_language_and_absent_without_approximate_points(
    visit, pages, report_page
):
    page = visit().open(pages["approx-uk"])
    assert page.locator(".geomap-legend li", has_text="Широкий переривчастий контур").count() == 1
    assert page.locator(".geomap-legend li", has_text=KEY).count() == 0
    report = visit().open(report_page)
    assert report.locator(".geomap-legend").count() == 1
    assert report.locator(".geomap-legend li", has_text=KEY).count() == 0
    assert report.locator(".geomap-approximate").count() == 0


def test_an_acled_row_of_geo_precision_2_is_an_approximate_point(visit, pages):
    page = visit().open(pages["acled-approx"])
    points = page.evaluate(POINTS)
    korosten, odesa = _near(points, 50.95, 28.65), _near(points, 46.4825, 30.7233)
    assert "geomap-approximate" in korosten["cls"] and korosten["weight"] > 2, korosten
    assert "geomap-approximate" not in odesa["cls"] and odesa["dash"] is None, odesa
    assert page.locator(".geomap-legend li", has_text=KEY).count() == 1
