"""A page that loses nothing: with scripts off, with Leaflet unreachable, with tiles offline,
and when it throws; and `--png` that never pictures grey tiles."""

import pytest

from geomap.errors import GeomapError

ALERT = ".folium-map [role=alert]"


def table_titles(page):
    return page.locator(".geomap-table tbody th").all_inner_texts()


@pytest.mark.parametrize("which", ["report", "mixed"])
def test_without_scripts_the_page_is_its_title_description_and_every_event(
    visit, report_page, mixed_page, mixed_events, report_events, which
):
    import yaml

    url, events = (
        (report_page, report_events)
        if which == "report"
        else (mixed_page, yaml.safe_load(mixed_events.read_text(encoding="utf-8"))["events"])
    )
    v = visit(java_script_enabled=False)
    page = v.page
    page.goto(url)
    heading = page.locator("h1")
    assert heading.is_visible() and heading.inner_text()
    assert page.locator(".folium-map").is_hidden()  # no empty frame above the text
    box = heading.bounding_box()
    assert box["y"] < 100  # the title opens the page
    assert page.locator(".geomap-table table").is_visible()
    assert sorted(table_titles(page)) == sorted(e["title"] for e in events)
    rows = page.locator(".geomap-table tbody tr").all_inner_texts()
    for event in events:  # each row carries the event's summary, not only its title
        assert any(event["summary"].split()[0] in row and event["title"] in row for row in rows)


def test_with_leaflet_unreachable_the_page_says_so_and_keeps_every_event(
    visit, site, report_located, report_events
):
    """A --cdn map where the CDN is blocked (the test's browser reaches only its own host)."""
    from geomap.map import assemble_map
    from geomap.outputs import save

    root, origin = site
    save(assemble_map(report_located, basemap="tiles"), root / "cdn.html")
    v = visit()
    page = v.page
    page.goto(f"{origin}/cdn.html")
    page.wait_for_selector("html[data-geomap-error]", state="attached", timeout=10_000)
    assert any("leaflet" in url for url in v.blocked)
    assert "Leaflet did not load" in page.get_attribute("html", "data-geomap-error")
    alert = page.locator(ALERT)
    assert alert.is_visible() and alert.bounding_box()["y"] < 200
    assert page.locator(ALERT).count() == 1  # folium's own `L is not defined` adds none
    # no blank frame: the title follows the message, in the first screenful
    assert page.locator("h1").is_visible() and page.locator("h1").bounding_box()["y"] < 300
    assert page.locator(".geomap-table table").is_visible()
    assert sorted(table_titles(page)) == sorted(e["title"] for e in report_events)


def test_two_uncaught_errors_give_one_message_the_first(visit, mixed_page):
    page = visit().open(mixed_page)
    page.evaluate("""() => {
        setTimeout(() => { throw new Error('first failure'); });
        setTimeout(() => Promise.reject(new Error('second failure')), 50);
    }""")
    page.wait_for_selector("html[data-geomap-error]", state="attached", timeout=5_000)
    page.wait_for_timeout(300)
    assert page.get_attribute("html", "data-geomap-error") == "first failure"
    assert page.locator(ALERT).count() == 1
    assert page.locator(ALERT).inner_text() == "The map could not be drawn: first failure"


@pytest.fixture(scope="module")
def tiles_page(site, mixed_events):
    """The mixed map, self-contained but opening on the tile basemap."""
    from geomap.pipeline import build

    root, origin = site
    build([mixed_events], root / "tiles-first.html", self_contained=True, basemap="tiles")
    return f"{origin}/tiles-first.html"


def test_tiles_that_cannot_load_give_way_to_the_outline_map(visit, tiles_page):
    v = visit()
    page = v.open(tiles_page)
    page.wait_for_selector("html[data-geomap-tiles=failed]", state="attached", timeout=10_000)
    assert any("tile" in url for url in v.blocked)  # the tiles were asked for, and blocked
    notice = page.locator(".geomap-notice[role=status]")
    notice.wait_for()  # the switch follows the tile layer's last event
    assert notice.is_visible() and "outline map" in notice.inner_text()
    assert page.locator(".leaflet-tile-pane img").count() == 0
    assert page.locator(".leaflet-geomap-basemap-pane path").count() > 10
    outline = page.locator(".leaflet-control-layers-base label", has_text="Outline map")
    assert outline.locator("input").is_checked()
    assert page.get_attribute("html", "data-geomap-error") is None


def test_png_with_unreachable_tiles_stops_and_writes_nothing(chromium, mixed_events, tmp_path):
    import xyzservices

    from geomap.map import assemble_map
    from geomap.pipeline import locate
    from geomap.png import save_png

    # Port 9 of this machine: refused at once, online or not.
    nowhere = xyzservices.TileProvider(
        name="Nowhere", url="http://127.0.0.1:9/{z}/{x}/{y}.png", attribution="nobody"
    )
    fmap = assemble_map(locate([mixed_events]), self_contained=True, basemap="tiles", tiles=nowhere)
    target = tmp_path / "card.png"
    with pytest.raises(GeomapError, match=r"tile basemap could not be loaded.*--basemap vector"):
        save_png(fmap, target)
    assert not target.exists()


def test_png_layout_hides_the_legend_toggle_and_opens_the_legend(visit, mixed_page):
    """What png.py does to the page before the picture (at 500 px the legend starts folded)."""
    from geomap.png import OPEN_LEGEND, STATIC_CSS

    page = visit(500, 400).open(mixed_page)
    assert page.locator(".geomap-legend summary").is_visible()
    page.add_style_tag(content=STATIC_CSS)
    page.evaluate(OPEN_LEGEND)
    assert page.locator(".geomap-legend summary").is_hidden()
    assert page.locator(".geomap-legend li").first.is_visible()
    # the whole legend is in the picture, its sources too (the marks' key left out when short)
    legend = page.locator(".geomap-legend").bounding_box()
    assert legend["y"] >= 0 and legend["y"] + legend["height"] <= 400
    assert page.locator(".geomap-legend p.geomap-note", has_text="Source").is_visible()
    assert page.locator(".geomap-legend h2", has_text="Marks").is_hidden()
    for hidden in (".leaflet-control-zoom", ".geomap-fullscreen", ".geomap-table"):
        assert page.locator(hidden).is_hidden(), hidden
