"""A named group of regions is drawn as one shaded area with the group's name and precision;
a river is refused when the map is built, so its event sits at a town on it, with a note.

Set GEOMAP_SHOTS=/some/dir to keep the screenshots (1280×800 and 360×640) for a look."""

import os
from pathlib import Path

import pytest

from geomap.errors import EventsError

EVENTS = """\
title: Groups and a river
events:
  - {id: donbas, layer: protests, title: Strikes across the Donbas, summary: Miners struck.,
     date: 2022-03-01, places: [the Donbas], certainty: reported}
  - {id: volga, layer: prosecutions, title: Cases in the Volga district, summary: Cases opened.,
     date: 2022-03-02, places: [Privolzhsky Federal District], certainty: confirmed}
  - {id: sloboda, layer: civil-resistance, title: Help in Slobozhanshchyna, summary: Aid sent.,
     date: 2022-03-03, places: [Slobozhanshchyna], certainty: reported}
  - {id: tisza, layer: crossings, title: Swam the river, summary: Men swam to Romania.,
     date: 2022-03-04, places: [Solotvyno], certainty: reported,
     precision_note: crossed the Tisza river near Solotvyno}
"""

PATHS = """() => [...document.querySelectorAll('path.geomap-region')].map(p => ({
    layer: [...p.classList].find(c => c.startsWith('geomap-layer-')),
    dashed: p.getAttribute('stroke-dasharray'), segments: (p.getAttribute('d').match(/L/g) || []).length}))"""


@pytest.fixture(scope="module")
def groups_page(yaml_map):
    return yaml_map("groups", EVENTS)


def test_a_river_in_the_same_file_is_refused_with_its_reason(tmp_path):
    from geomap.pipeline import build

    path = tmp_path / "river.yaml"
    path.write_text(EVENTS.replace("places: [Solotvyno]", "places: [the Tisza]"), encoding="utf-8")
    with pytest.raises(EventsError, match=r"'the Tisza': Tisza is a river; geomap maps places"):
        build([path], tmp_path / "river.html", self_contained=True, basemap="vector")
    assert not (tmp_path / "river.html").exists()


@pytest.mark.parametrize("width, height", [(1280, 800), (360, 640)])
def test_groups_are_shaded_areas_with_their_name_and_precision(visit, groups_page, width, height):
    v = visit(width, height)
    page = v.open(groups_page)
    paths = page.evaluate(PATHS)
    by_layer = {p["layer"]: p for p in paths}
    assert set(by_layer) == {
        "geomap-layer-protests",
        "geomap-layer-prosecutions",
        "geomap-layer-civil-resistance",
    }
    assert all(p["segments"] > 20 for p in paths)  # outlines, not stubs
    # approximate extents are dashed; a federal district (exactly its regions) is not
    assert by_layer["geomap-layer-protests"]["dashed"]
    assert by_layer["geomap-layer-civil-resistance"]["dashed"]
    assert not by_layer["geomap-layer-prosecutions"]["dashed"]

    page.locator("path.geomap-layer-protests").first.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Donbas" in popup.inner_text()
    assert "located at historical region (approximate) level" in popup.inner_text()

    shots = os.environ.get("GEOMAP_SHOTS")
    if shots:
        page.wait_for_timeout(500)  # the popup fades in
        page.screenshot(path=str(Path(shots) / f"groups-{width}x{height}.png"))
    assert v.page_errors == [] and v.errors_besides_blocked() == []
