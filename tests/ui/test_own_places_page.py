"""Places of your own in the page (issue 15): a point from a places file named by the events file
and a point given in an event are drawn where the editor put them, a point given to the region
is drawn as that region's outline (never a point), and each popup says the editor located it."""

import os
from pathlib import Path

import pytest

PLACES = "name,lat,lon,kind,country\nVelyka Hlynianka,48.61,37.02,town,UA\n"
EVENTS = """\
title: Places of our own
places_file: own-places.csv
events:
  - {id: shelling, layer: protests, title: Shelling of a village, summary: Houses were hit.,
     date: 2022-03-01, places: [Velyka Hlynianka], certainty: reported}
  - {id: crossing, layer: crossings, title: A field crossing, summary: Men crossed at night.,
     date: 2022-03-02, certainty: unverified,
     places: [{name: Kordon Pishchanyi, lat: 51.32, lon: 33.95, precision: checkpoint}]}
  - {id: rally, layer: desertion, title: Refusal somewhere south of Poltava,
     summary: A unit refused orders., date: 2022-03-03, certainty: reported,
     places: [{name: south of Poltava, lat: 49.3, lon: 34.6, precision: region}]}
"""
MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"
MARK_AT = f"""() => {{
    const map = {MAP}, out = [];
    map.eachLayer(l => {{ if (l.getLatLng && l.options && /geomap-event/.test(l.options.className || ''))
        out.push([l.getLatLng().lat, l.getLatLng().lng, l.options.className]); }});
    return out;
}}"""


@pytest.fixture(scope="module")
def own_page(site):
    from geomap.pipeline import build

    root, origin = site
    (root / "own-places.csv").write_text(PLACES, encoding="utf-8")
    (root / "own.yaml").write_text(EVENTS, encoding="utf-8")
    build([root / "own.yaml"], root / "own.html", self_contained=True, basemap="vector")
    return f"{origin}/own.html"


def popup_of(page, selector):
    page.locator(selector).first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    page.evaluate(f"() => {MAP}.closePopup()")
    page.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    return text


def test_editor_located_points_show_with_their_popup_line(visit, own_page):
    v = visit()
    page = v.open(own_page)
    marks = page.evaluate(MARK_AT)
    points = sorted((round(lat, 2), round(lon, 2)) for lat, lon, _ in marks)
    assert points == [(48.61, 37.02), (51.32, 33.95)]  # the region point is not a point
    text = popup_of(page, ".geomap-town.geomap-layer-protests")
    assert "Shelling of a village" in text
    assert "Located by the editor: Velyka Hlynianka (48.61, 37.02, town)" in text
    text = popup_of(page, ".geomap-checkpoint.geomap-layer-crossings")
    assert "Located by the editor: Kordon Pishchanyi (51.32, 33.95, checkpoint)" in text
    assert v.page_errors == [] and v.console_errors == [] and v.blocked == []


def test_a_region_precision_point_is_drawn_as_its_region(visit, own_page):
    v = visit()
    page = v.open(own_page)
    regions = page.locator("path.geomap-region.geomap-layer-desertion")
    assert regions.count() == 1
    box = regions.bounding_box()
    assert box["width"] > 40 and box["height"] > 40  # an oblast's outline, not a dot
    text = popup_of(page, "path.geomap-region.geomap-layer-desertion")
    assert "Located by the editor: south of Poltava (49.3, 34.6, region)" in text
    assert "located at region level" in text
    assert v.page_errors == []


@pytest.mark.parametrize("width, height", [(1280, 800), (360, 640)])
def test_screenshots_of_a_map_with_own_places(visit, own_page, width, height):
    """Pictures for a person to look at (GEOMAP_SCREENSHOTS=folder keeps them)."""
    v = visit(width, height)
    page = v.open(own_page)
    popup_of(page, ".geomap-town.geomap-layer-protests")
    page.locator(".geomap-town.geomap-layer-protests").first.click()
    page.locator(".leaflet-popup-content").wait_for()
    page.wait_for_function(  # faded in
        "() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )
    page.mouse.move(0, height - 1)  # no tooltip over the popup
    folder = os.environ.get("GEOMAP_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"own-places-{width}x{height}.png"))
    assert page.locator(".leaflet-popup-content").is_visible()
    assert v.page_errors == []
