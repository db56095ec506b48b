"""draw.js `Shading` extends private methods of Leaflet 1.9's Polygon (_setLatLngs, _project,
_update) so layers that shade one region share its outline. These tests pin what it relies
on: the Leaflet version, the methods, one projection per outline for all its layers, and each
layer drawing the path a plain polygon would."""

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

CHECK = """(zoom) => {
    const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
    const shaded = [];
    map.eachLayer(l => { if (l instanceof L.geomap.Shading) shaded.push(l); });
    let projected = 0;
    const project = L.Polygon.prototype._project;
    L.Polygon.prototype._project = function () { if (this instanceof L.geomap.Shading) projected++; return project.call(this); };
    map.setView([50, 37], zoom, {animate: false});
    L.Polygon.prototype._project = project;
    const paths = shaded.map(l => {
        const plain = L.polygon(l.getLatLngs(), {weight: l.options.weight}).addTo(map);
        const same = plain.getElement().getAttribute('d') === l.getElement().getAttribute('d');
        plain.remove();
        return same;
    });
    const byOutline = new Map();
    shaded.forEach(l => byOutline.set(l.options.outline, (byOutline.get(l.options.outline) || []).concat([l])));
    const shared = [...byOutline.values()].every(ls => ls.every(l => l._rings === ls[0]._rings && l._parts === ls[0]._parts));
    return {version: L.version, layers: shaded.length, outlines: byOutline.size, projected, paths, shared};
}"""


@pytest.fixture(scope="module")
def shared_page(yaml_map):
    return yaml_map("shading", EVENTS)


def test_leaflet_has_what_shading_extends(visit, shared_page):
    page = visit().open(shared_page)
    assert page.evaluate("L.version") == "1.9.4"
    for method in (
        "_setLatLngs",
        "_project",
        "_update",
        "_clipPoints",
        "_simplifyPoints",
        "_updatePath",
        "_updateBounds",
    ):
        assert page.evaluate(f"typeof L.Polygon.prototype.{method}") == "function", method


@pytest.mark.parametrize("zoom", [7, 5])
def test_one_projection_per_outline_and_each_layer_draws_its_path(visit, shared_page, zoom):
    page = visit().open(shared_page)
    found = page.evaluate(CHECK, zoom)
    assert (found["layers"], found["outlines"]) == (3, 2)
    assert found["projected"] == 2  # once per outline, not once per layer
    assert found["shared"] and found["paths"] == [True, True, True]
