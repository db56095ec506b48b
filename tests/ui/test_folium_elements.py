"""Stock folium elements added to a built map, opened in Chromium with no network.

What the page asks for from a CDN is answered here, never from the internet:
- Leaflet (script, stylesheet, marker pictures) with the real files of the installed package
  django-js-lib-leaflet;
- jQuery with Debian's real file (libjs-jquery) when the machine has it, otherwise with a
  stand-in that does the one thing folium's Popup asks of it, $(`<html>`)[0];
- awesome-markers, Leaflet-MiniMap and leaflet.fullscreen with small stand-ins written below:
  no installed package ships them. The stand-ins show that the page asks for each library,
  in time, and runs without errors once it has them; not how the real libraries draw.
Tile requests are blocked (and counted) as in every browser test.
"""

import functools
from pathlib import Path

import folium
import folium.plugins
import pytest

from geomap.map import assemble_map
from geomap.map.assets import _leaflet_dir
from geomap.outputs import save

pytestmark = pytest.mark.browser

DEBIAN_JQUERY = Path("/usr/share/javascript/jquery/jquery.min.js")
STAND_INS = {
    "jquery-3.7.1.min.js": """
window.jQuery = window.$ = function (markup) {
  var box = document.createElement("template"); box.innerHTML = String(markup).trim();
  return [box.content.firstChild];
};""",
    "leaflet.awesome-markers.js": """
L.AwesomeMarkers = {icon: function (options) {
  return L.divIcon({className: "awesome-marker stand-in awesome-marker-icon-" + options.markerColor,
                    iconSize: [35, 45], iconAnchor: [17, 42]});
}};""",
    "Control.MiniMap.js": """
L.Control.MiniMap = L.Control.extend({
  initialize: function (layer, options) { L.setOptions(this, options); },
  onAdd: function () { return L.DomUtil.create("div", "leaflet-control-minimap stand-in"); }
});""",
    "Control.FullScreen.min.js": """
L.control.fullscreen = function (options) {
  var control = L.control(options);
  control.onAdd = function () { return L.DomUtil.create("div", "leaflet-control-zoom-fullscreen stand-in"); };
  return control;
};""",
}
LEAFLET_FILES = (
    "leaflet.js",
    "leaflet.css",
    "marker-icon.png",
    "marker-icon-2x.png",
    "marker-shadow.png",
)


class Assets:
    """Answers the page's CDN requests (see the module's docstring) and lists them."""

    def __init__(self):
        self.asked, self.stand_ins = [], []

    def handle(self, route):
        url = route.request.url
        name = url.rsplit("/", 1)[-1].split("?")[0]
        if "{" in url or "tile" in url:  # tiles: data, blocked by the visit's own rule
            route.fallback()
            return
        self.asked.append(name)
        if name in LEAFLET_FILES:
            folder = _leaflet_dir()
            path = folder / name if name.startswith("leaflet") else folder / "images" / name
            route.fulfill(path=str(path))
        elif name == "jquery-3.7.1.min.js" and DEBIAN_JQUERY.exists():
            route.fulfill(path=str(DEBIAN_JQUERY), content_type="text/javascript")
        elif name in STAND_INS:
            self.stand_ins.append(name)
            route.fulfill(body=STAND_INS[name], content_type="text/javascript")
        elif name.endswith(".css"):
            self.stand_ins.append(name)
            route.fulfill(body="/* stand-in */", content_type="text/css")
        else:
            route.fallback()  # anything else: blocked and counted


def cdn_host(url):
    return not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))


@pytest.fixture(scope="module")
def located(tmp_path_factory):
    from geomap.pipeline import locate

    path = tmp_path_factory.mktemp("events") / "events.csv"
    path.write_text(
        "id,layer,title,summary,date,places,certainty\n"
        "a,protests,Rally,People gathered.,2022-03-01,Kharkiv,confirmed\n"
        "b,protests,Vigil,People stood.,2022-03-02,Lviv,reported\n",
        encoding="utf-8",
    )
    return locate([path])


def open_with_assets(visit, site, fmap, name):
    root, origin = site
    save(fmap, root / f"{name}.html")
    v = visit()
    assets = Assets()
    v.page.route(lambda url: cdn_host(url), functools.partial(Assets.handle, assets))
    page = v.open(f"{origin}/{name}.html")
    page.wait_for_timeout(300)  # the folium elements' script runs after geomap's
    return v, page, assets


def test_a_plain_map_asks_for_leaflet_alone(visit, site, located):
    v, page, assets = open_with_assets(visit, site, assemble_map(located), "plain")
    assert sorted(set(assets.asked) - {"marker-icon.png"}) == ["leaflet.css", "leaflet.js"]
    assert v.page_errors == [] and v.errors_besides_blocked() == []
    assert page.evaluate("typeof window.jQuery") == "undefined"
    assert page.locator(".geomap-legend").count() == 1


def test_stock_elements_and_plugins_work_on_a_built_map(visit, site, located):
    fmap = assemble_map(located)
    folium.Marker(
        [50.45, 30.52],
        popup="Kyiv: a popup from folium",
        icon=folium.Icon(color="red", icon="info-sign"),
    ).add_to(fmap)
    folium.CircleMarker([46.48, 30.72], radius=9, color="#123456", tooltip="Odesa").add_to(fmap)
    folium.GeoJson(
        {
            "type": "Feature",
            "properties": {},
            "geometry": {"type": "LineString", "coordinates": [[24.0, 49.8], [30.5, 50.4]]},
        },
        style_function=lambda _: {"color": "#654321"},
    ).add_to(fmap)
    folium.plugins.MiniMap().add_to(fmap)
    folium.plugins.Fullscreen().add_to(fmap)
    v, page, assets = open_with_assets(visit, site, fmap, "stock-elements")

    assert v.page_errors == [], v.page_errors
    assert v.errors_besides_blocked() == []
    asked = set(assets.asked)
    assert {
        "leaflet.js",
        "jquery-3.7.1.min.js",
        "leaflet.awesome-markers.js",
        "leaflet.awesome-markers.css",
        "all.min.css",
        "bootstrap-glyphicons.css",
        "Control.MiniMap.js",
        "Control.FullScreen.min.js",
    } <= asked
    assert "bootstrap.bundle.min.js" not in asked and "bootstrap.min.css" not in asked
    # Each element is on the map.
    assert page.locator(".awesome-marker-icon-red").count() == 1
    assert page.locator("path[stroke='#123456']").count() == 1
    assert page.locator("path[stroke='#654321']").count() == 1
    assert page.locator(".leaflet-control-minimap").count() == 1
    assert page.locator(".leaflet-control-zoom-fullscreen").count() == 1
    # The popup's content went through jQuery (real or stand-in) into Leaflet.
    page.locator(".awesome-marker-icon-red").click()
    assert page.locator(".leaflet-popup-content").inner_text() == "Kyiv: a popup from folium"
    # geomap's own map is untouched: its marks and legend are there.
    assert page.locator(".geomap-legend").count() == 1
    print("answered with stand-ins:", sorted(set(assets.stand_ins)))


def test_self_contained_map_with_leaflet_only_elements_asks_for_nothing(visit, site, located):
    fmap = assemble_map(located, self_contained=True, basemap="vector")
    folium.Marker([50.45, 30.52], tooltip="a default marker").add_to(fmap)
    folium.CircleMarker([46.48, 30.72], radius=9, color="#123456").add_to(fmap)
    v, page, assets = open_with_assets(visit, site, fmap, "offline-elements")
    assert assets.asked == [] and v.blocked == []
    assert v.page_errors == [] and v.errors_besides_blocked() == []
    icon = page.locator("img.leaflet-marker-icon")
    assert icon.count() == 1
    assert icon.get_attribute("src").startswith("data:image/png;base64,")
    assert icon.evaluate("img => img.complete && img.naturalWidth") == 25  # Leaflet's marker, drawn
    assert page.locator("path[stroke='#123456']").count() == 1
