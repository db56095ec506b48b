"""A region shaded in several layers shares one decoded, projected outline (draw.js `Shading`):
each layer still has its own shape, drawn where the region is, at every zoom, and toggles alone."""

import pytest

EVENTS = """\
title: Shared outlines
events:
  - {id: a, layer: protests, title: Rally, summary: People rallied., date: 2022-03-01,
     places: [Kharkiv Oblast], certainty: reported}
  - {id: b, layer: prosecutions, title: Case, summary: A case was opened., date: 2022-03-02,
     places: [Kharkiv Oblast], certainty: reported}
  - {id: c, layer: desertion, title: Refusal, summary: Soldiers refused., date: 2022-03-03,
     places: [Belgorod Oblast], certainty: unverified}
"""

PATHS = """() => Object.fromEntries(['protests', 'prosecutions', 'desertion'].map(layer => [layer,
    [...document.querySelectorAll('path.geomap-region.geomap-layer-' + layer)].map(p => p.getAttribute('d'))]))"""


@pytest.fixture(scope="module")
def shared_page(yaml_map):
    return yaml_map("shared", EVENTS)


def test_layers_share_a_region_outline_and_toggle_alone(visit, shared_page):
    v = visit()
    page = v.open(shared_page)
    paths = page.evaluate(PATHS)
    assert [len(paths[k]) for k in ("protests", "prosecutions", "desertion")] == [1, 1, 1]
    assert paths["protests"][0] == paths["prosecutions"][0]  # the same region, drawn alike
    assert paths["protests"][0] != paths["desertion"][0]  # a different region is not
    assert paths["protests"][0].count("L") > 20  # an outline, not a stub
    for zoom in (7, 4):  # re-projected at a new zoom, every layer alike, no stale copy
        page.evaluate(f"""() => {{
            const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
            map.setView([50, 36.5], {zoom}, {{animate: false}});
        }}""")
        again = page.evaluate(PATHS)
        assert again["protests"][0] == again["prosecutions"][0] != paths["protests"][0]
        paths = again
    control = page.locator(".leaflet-control-layers-overlays")
    control.locator("label", has_text="Protests").locator("input").uncheck()
    after = page.evaluate(PATHS)
    assert after["protests"] == [] and after["prosecutions"] == paths["prosecutions"]
    assert v.page_errors == []
