"""The report's map in Chromium: loads clean, layers toggle, popups, controls, sizes, keyboard."""

import struct
import zlib

import pytest

LAYERS = ["protests", "prosecutions", "crossings", "desertion", "civil-resistance", "mobilisation"]


def zoom_to(page, lat, lon, zoom):
    page.evaluate(
        """([lat, lon, zoom]) => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        map.setView([lat, lon], zoom, {animate: false});
    }""",
        [lat, lon, zoom],
    )


def layer_counts(page):
    return {layer: page.locator(f".geomap-layer-{layer}").count() for layer in LAYERS}


def test_loads_with_no_errors_and_no_network(visit, report_page):
    v = visit()
    page = v.open(report_page)
    assert v.console_errors == [] and v.page_errors == []
    assert v.blocked == [], "a self-contained map asked for something off this machine"
    assert page.locator(".geomap-event").count() >= 40


def test_every_layer_toggles_exactly_its_own_marks(visit, report_page):
    v = visit()
    page = v.open(report_page)
    before = layer_counts(page)
    assert all(count > 0 for count in before.values()), before
    control = page.locator(".leaflet-control-layers-overlays")
    for layer, label in zip(LAYERS, control.locator("label").all_inner_texts()):
        box = control.locator("label", has_text=label.strip()).locator("input")
        box.uncheck()
        after = layer_counts(page)
        assert after[layer] == 0, f"unchecking {label!r} left marks of {layer}"
        assert {k: n for k, n in after.items() if k != layer} == {
            k: n for k, n in before.items() if k != layer
        }
        box.check()
        assert layer_counts(page) == before
    assert v.page_errors == []


def test_clicking_a_town_opens_its_event(visit, report_page, report_events):
    v = visit()
    page = v.open(report_page)
    event = next(e for e in report_events if e["id"] == "ua-koryukovka")
    zoom_to(page, 51.77, 32.25, 7)  # as a reader would, to single out a town
    page.locator('.geomap-town.geomap-layer-civil-resistance[aria-label^="Koriukivka"]').click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert event["title"] in text
    assert "27 February 2022" in text and "Source:" in text and event["certainty"] in text
    link = popup.locator("a")
    assert link.get_attribute("href") == "https://aitrus.info/node/5941"
    assert link.get_attribute("target") == "_blank"


def test_legend_title_and_scale_are_visible(visit, report_page):
    page = visit().open(report_page)
    title = page.locator("#geomap-title h1")
    assert title.is_visible() and "War resistance" in title.inner_text()
    legend = page.locator("#geomap-legend")
    assert legend.is_visible() and "Protests (4)" in legend.inner_text()
    assert page.locator(".leaflet-control-scale").is_visible()


def one_pixel_png() -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xdd\xdd\xdd"))
        + chunk(b"IEND", b"")
    )


def test_basemap_switch(visit, report_page):
    v = visit()
    page = v.open(report_page)
    asked = []  # the tiles, served by the test (offline, the page falls back: test_offline_page)
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: (
            asked.append(route.request.url)
            or route.fulfill(body=one_pixel_png(), content_type="image/png")
        ),
    )
    outlines = page.locator(".leaflet-geomap-basemap-pane path")
    assert outlines.count() > 20 and page.locator("img.leaflet-tile").count() == 0
    page.locator(".leaflet-control-layers-base label", has_text="Light map").locator(
        "input"
    ).check()
    page.wait_for_selector("html[data-geomap-tiles=loaded]", state="attached")
    assert page.locator("img.leaflet-tile-loaded").count() > 0 and asked
    assert outlines.count() == 0
    page.locator(".leaflet-control-layers-base label", has_text="Outline map").locator(
        "input"
    ).check()
    assert outlines.count() > 20
    assert v.page_errors == [] and v.errors_besides_blocked() == []


@pytest.mark.parametrize("width, height", [(360, 640), (1280, 800)])
def test_map_fills_the_frame_and_controls_stay_usable(visit, report_page, width, height):
    page = visit(width, height).open(report_page)
    box = page.locator(".folium-map").bounding_box()
    assert (box["width"], box["height"]) == (width, height)
    control = page.locator(".leaflet-control-layers")
    expanded = "leaflet-control-layers-expanded"
    if width < 600:
        assert expanded not in control.get_attribute("class")
        assert page.locator("#geomap-legend details").get_attribute("open") is None
        page.locator(".leaflet-control-layers-toggle").press("Enter")  # keyboard users open it too
        assert expanded in control.get_attribute("class")
        assert page.locator(".leaflet-control-layers-overlays input").first.is_visible()
    else:
        assert page.locator(".leaflet-control-layers-overlays input").first.is_visible()
    for selector in (
        "#geomap-title",
        ".leaflet-control-layers",
        "#geomap-legend",
        ".leaflet-control-zoom",
    ):
        b = page.locator(selector).bounding_box()
        assert (
            b["x"] >= 0
            and b["y"] >= 0
            and b["x"] + b["width"] <= width
            and b["y"] + b["height"] <= height
        ), selector


def test_keyboard_reaches_the_layer_control_and_opens_popups(visit, report_page):
    page = visit().open(report_page)
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("""() => {
            const a = document.activeElement;
            if (a.closest('.leaflet-control-layers')) return 'layers';
            if (a.classList && a.classList.contains('geomap-event')) return 'mark';
            return '';
        }""")
        )
        if "layers" in reached and "mark" in reached:
            break
    assert "layers" in reached and "mark" in reached
    first_mark = page.locator(".geomap-event[tabindex='0']").first
    first_mark.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content h3").first.wait_for()
    assert (
        first_mark.get_attribute("aria-label")
        .split(": ", 1)[-1]
        .startswith(page.locator(".leaflet-popup-content h3").first.inner_text()[:20])
    )


def test_page_is_described_for_screen_readers(visit, report_page):
    page = visit().open(report_page)
    assert page.title().startswith("War resistance in Russia and Ukraine")
    assert page.evaluate("document.documentElement.lang") == "en"
    container = page.locator(".folium-map")
    assert container.get_attribute("role") == "region"
    described = page.locator("#" + container.get_attribute("aria-describedby")).inner_text()
    assert "resisted the war" in described


def test_table_lists_every_event(visit, report_page, report_events):
    page = visit().open(report_page)
    page.locator(".geomap-table summary").click()
    page.locator(".geomap-table tbody tr").first.wait_for()  # the rows are in the page
    rows = page.locator(".geomap-table tbody tr")
    assert rows.count() == len(report_events)
    titles = rows.locator("th").all_inner_texts()
    assert sorted(titles) == sorted(e["title"] for e in report_events)
    assert page.locator(".geomap-table table").is_visible()
