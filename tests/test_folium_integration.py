"""Stock folium elements added to a built map get the scripts they need; a plain geomap map
stays Leaflet-only; self-contained maps refuse what would need a CDN; `tiles=` providers."""

import re

import folium
import folium.plugins
import pytest
import xyzservices
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import GeomapError
from geomap.map import assemble_map
from geomap.outputs import render_html

# folium's stock assets beyond Leaflet, by a word of their URL.
FOLIUM_EXTRAS = ("jquery", "bootstrap.", "awesome-markers", "fontawesome", "glyphicons")


@pytest.fixture(scope="module")
def located(tmp_path_factory):
    from geomap.pipeline import locate

    path = tmp_path_factory.mktemp("events") / "events.yaml"
    path.write_text(
        """\
title: Two events
events:
  - {id: a, layer: protests, title: Rally, summary: People gathered., date: 2022-03-01,
     places: [Kharkiv], certainty: confirmed}
  - {id: b, layer: crossings, title: Crossing, summary: People crossed., date: 2022-03-02,
     route: [Mukachevo, Poland], certainty: reported}
""",
        encoding="utf-8",
    )
    return locate([path])


def linked(page: str) -> list[str]:
    """The URLs of the page's <script src> and <link href> tags, in order."""
    return re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"', page)


def folium_extras(page: str) -> set[str]:
    return {name for name in FOLIUM_EXTRAS for url in linked(page) if name in url.lower()}


def test_a_plain_map_links_leaflet_alone(located):
    page = render_html(assemble_map(located))
    assert [url.rsplit("/", 1)[1] for url in linked(page)] == ["leaflet.js", "leaflet.css"]
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_a_marker_with_an_icon_gets_awesome_markers_and_its_popup_jquery(located):
    fmap = assemble_map(located)
    folium.Marker(
        [50.4, 30.5], popup="Kyiv", icon=folium.Icon(color="red", icon="info-sign")
    ).add_to(fmap)
    page = render_html(fmap)
    urls = linked(page)
    assert folium_extras(page) == {"jquery", "awesome-markers", "fontawesome", "glyphicons"}
    # Bootstrap itself ("bootstrap." above, not its glyphicons): nothing of folium's uses it.
    # Every library is linked in the header, before the map's script uses it.
    script_at = page.index("L.AwesomeMarkers.icon(")
    for url in urls:
        assert page.index(url) < script_at


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda: folium.CircleMarker([50.0, 36.2], radius=8), set()),
        (lambda: folium.PolyLine([[50.0, 36.2], [49.0, 32.0]]), set()),
        (lambda: folium.Marker([50.0, 36.2], tooltip="a tooltip"), set()),
        (lambda: folium.Marker([50.0, 36.2], icon=folium.DivIcon(html="<b>1</b>")), set()),
        (lambda: folium.GeoJson({"type": "Point", "coordinates": [36.2, 50.0]}), set()),
        (lambda: folium.Circle([50.0, 36.2], radius=1000, popup="a popup"), {"jquery"}),
        (
            lambda: folium.plugins.FastMarkerCluster([[50.0, 36.2]]),
            {"awesome-markers", "fontawesome", "glyphicons"},
        ),
    ],
)
def test_each_element_gets_what_it_uses_and_nothing_more(located, make, expected):
    fmap = assemble_map(located)
    make().add_to(fmap)
    assert folium_extras(render_html(fmap)) == expected


def test_plugins_bring_their_own_scripts_and_no_stock_ones(located):
    fmap = assemble_map(located)
    folium.plugins.MiniMap().add_to(fmap)
    folium.plugins.MarkerCluster([[50.0, 36.2], [49.0, 32.0]]).add_to(fmap)
    page = render_html(fmap)
    files = [url.rsplit("/", 1)[1] for url in linked(page)]
    assert {"Control.MiniMap.js", "leaflet.markercluster.js"} <= set(files)
    assert folium_extras(page) == set()


def test_an_element_from_elsewhere_gets_all_of_folium_s_stock_assets(located):
    class Unknown(folium.MacroElement):  # could use $ or Bootstrap: geomap cannot tell
        pass

    fmap = assemble_map(located)
    Unknown().add_to(fmap)
    assert folium_extras(render_html(fmap)) == set(FOLIUM_EXTRAS)


def test_rendering_leaves_the_map_s_own_lists_and_next_render_alone(located):
    fmap = assemble_map(located)
    before = list(fmap.default_js), list(fmap.default_css)
    marker = folium.Marker([50.0, 36.2], icon=folium.Icon()).add_to(fmap)
    assert "awesome-markers" in render_html(fmap)
    assert (fmap.default_js, fmap.default_css) == before
    assert isinstance(fmap, folium.Map)
    del marker


def test_shown_in_a_notebook_then_saved_the_page_has_one_copy_of_each_part(located):
    fmap = assemble_map(located)
    folium.Circle([50.0, 36.2], radius=100, popup="a popup").add_to(fmap)
    fmap._repr_html_()
    page = render_html(fmap)
    assert page.count("geomap: the map's own controls") == 1
    assert page.count('id="geomap-data"') == 1
    assert page.count("jquery-3.7.1.min.js") == 1
    assert page.count("L.circle(") == 1


def test_notebooks_get_the_assets_too(located):
    fmap = assemble_map(located)
    folium.Marker([50.0, 36.2], icon=folium.Icon()).add_to(fmap)
    shown = fmap._repr_html_()  # what Jupyter displays (the page, in an iframe's srcdoc)
    assert "leaflet.awesome-markers.js" in shown


# --- self-contained ---------------------------------------------------------------------------


def test_self_contained_refuses_an_icon_and_says_which_element_needs_the_network(located):
    fmap = assemble_map(located, self_contained=True)
    folium.Marker([50.0, 36.2], icon=folium.Icon(color="red")).add_to(fmap)
    with pytest.raises(
        GeomapError,
        match=r"folium\.Icon needs .*leaflet\.awesome-markers\.js.*"
        r"would not show them offline",
    ) as error:
        render_html(fmap)
    assert "self_contained=True" in str(error.value)


def test_self_contained_refuses_a_plugin_from_a_cdn(located):
    fmap = assemble_map(located, self_contained=True)
    folium.plugins.Fullscreen().add_to(fmap)
    with pytest.raises(GeomapError, match=r"folium\.plugins\.Fullscreen needs Control\.FullScreen"):
        render_html(fmap)


def test_self_contained_refusal_writes_nothing(located, tmp_path):
    from geomap.outputs import save

    fmap = assemble_map(located, self_contained=True)
    folium.Circle([50.0, 36.2], radius=100, popup="needs jQuery").add_to(fmap)
    target = tmp_path / "map.html"
    target.write_text("the previous map", encoding="utf-8")
    with pytest.raises(GeomapError, match=r"folium\.Popup needs jquery"):
        save(fmap, target)
    assert target.read_text(encoding="utf-8") == "the previous map"


def test_self_contained_keeps_leaflet_only_elements_offline(located):
    fmap = assemble_map(located, self_contained=True)
    folium.Marker([50.0, 36.2], tooltip="default marker").add_to(fmap)
    folium.CircleMarker([49.0, 32.0]).add_to(fmap)
    page = render_html(fmap)
    assert linked(page) == []  # nothing fetched: Leaflet inline...
    # ...and the default marker's pictures inline too, after Leaflet (they name L.Icon.Default)
    images = page.index('L.Icon.Default.mergeOptions({"iconRetinaUrl": "data:image/png;base64,')
    assert page.index("* Leaflet 1.9.4") < images < page.rindex("L.marker(")


def test_plain_self_contained_map_carries_no_marker_images(located):
    assert "L.Icon.Default.mergeOptions" not in render_html(
        assemble_map(located, self_contained=True)
    )


# --- tiles ------------------------------------------------------------------------------------


def test_default_tiles_are_openstreetmap(located):
    page = render_html(assemble_map(located))
    assert "tile.openstreetmap.org/{z}/{x}/{y}.png" in page
    assert "Light map" in page


@pytest.mark.parametrize("tiles", [xyzservices.providers.OpenTopoMap, "OpenTopoMap", "opentopomap"])
def test_a_provider_or_its_name_gives_its_tiles_and_attribution(located, tiles):
    page = render_html(assemble_map(located, tiles=tiles))
    assert xyzservices.providers.OpenTopoMap.url in page
    assert "OpenTopoMap" in page and "SRTM" in page  # its attribution
    assert "tile.openstreetmap.org" not in page


def test_a_provider_made_by_hand_is_accepted(located):
    own = xyzservices.TileProvider(
        name="Newsroom.Tiles",
        url="https://tiles.example.org/{z}/{x}/{y}.png",
        attribution="(C) Our newsroom",
    )
    page = render_html(assemble_map(located, tiles=own))
    assert "https://tiles.example.org/{z}/{x}/{y}.png" in page and "Our newsroom" in page
    assert "Newsroom Tiles" in page  # the layer switcher names it


@pytest.mark.parametrize(
    "tiles, message",
    [
        ("OpenTopoMpa", r"no tile provider named 'OpenTopoMpa'; did you mean OpenTopoMap\?"),
        (
            "Stamen",
            r"no tile provider named 'Stamen'; did you mean .*Stadia\.|no tile provider named 'Stamen'",
        ),
        ("Esri", r"did you mean Esri\.\w+"),
        (
            "Thunderforest.Landscape",
            (
                r"'Thunderforest\.Landscape' need an API key: pass "
                r"xyzservices\.providers\.Thunderforest\.Landscape\(apikey="
            ),
        ),
        ("https://tiles.example.org/{z}/{x}/{y}.png", r"looks like a URL; pass a provider instead"),
        (42, r"expected an xyzservices TileProvider or a provider name .*got int 42"),
    ],
)
def test_bad_tiles_get_one_clear_error(located, tiles, message):
    with pytest.raises(GeomapError, match=message):
        assemble_map(located, tiles=tiles)


def test_cli_build_tiles(located, tmp_path):
    events = tmp_path / "events.csv"
    events.write_text(
        "id,layer,title,summary,date,places,certainty\n"
        "a,protests,Rally,People gathered.,2022-03-01,Odesa,confirmed\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    result = CliRunner().invoke(
        cli, ["build", str(events), "-o", str(out), "--tiles", "OpenStreetMap.HOT"]
    )
    assert result.exit_code == 0, result.output
    assert "tile.openstreetmap.fr/hot" in out.read_text(encoding="utf-8")

    result = CliRunner().invoke(
        cli, ["build", str(events), "-o", str(out), "--tiles", "OpenStreetMap.Hott"]
    )
    assert result.exit_code == 2
    assert result.output.startswith(
        "Error: tiles: no tile provider named 'OpenStreetMap.Hott'; did you mean OpenStreetMap.HOT"
    )
    assert "Traceback" not in result.output
