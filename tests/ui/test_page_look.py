"""How the page looks beyond the marks: dark colours, print, full screen, the bottom corners
on narrow screens, and a layer control without empty layers."""

import pytest

# The contrast of each element's text on what is behind it. Semi-transparent boxes are
# composed over white and over black (whatever the map shows under them): the worse counts.
CONTRAST = """(selectors) => {
  function parse(colour) {
    const parts = colour.match(/rgba?\\(([^)]+)\\)/)[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  }
  function luminance(c) {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function over(top, under) { return [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])); }
  function behind(node, under) {
    const layers = [];
    for (let n = node; n && !n.classList.contains("leaflet-container"); n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((colour, layer) => over(layer, colour), under);
  }
  function ratio(a, b) {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }
  const out = {};
  for (const selector of selectors) {
    const node = document.querySelector(selector);
    if (!node) { out[selector] = null; continue; }
    const text = parse(getComputedStyle(node).color);
    out[selector] = {
      ratio: Math.min(ratio(text, behind(node, [255, 255, 255])), ratio(text, behind(node, [0, 0, 0]))),
      background: luminance(behind(node, [255, 255, 255])),
    };
  }
  return out;
}"""

BOXES = [
    ".geomap-title h1",
    ".geomap-title > p",
    ".geomap-table summary .geomap-closed",
    ".geomap-legend summary",
    ".geomap-legend li",
    ".geomap-legend h2",
    ".geomap-legend .geomap-note",
    "#geomap-download",
    ".leaflet-control-attribution",
    ".leaflet-control-attribution a",
    ".leaflet-control-layers label span",
    ".leaflet-control-scale-line",
]
POPUP = [
    ".leaflet-popup-content .geomap-where",
    ".leaflet-popup-content h3",
    ".leaflet-popup-content p",
    ".leaflet-popup-content .geomap-meta",
    ".leaflet-popup-content a",
]
TABLE = [".geomap-table caption", ".geomap-table thead th", ".geomap-table tbody td"]


def open_first_popup(page):
    page.locator(".geomap-region[tabindex='0']").first.focus()  # a place: the popup names it
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content h3").first.wait_for()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_text_contrast_is_at_least_4_5_to_1(visit, report_page, scheme):
    page = visit(color_scheme=scheme).open(report_page)
    open_first_popup(page)
    measured = page.evaluate(CONTRAST, BOXES + POPUP)
    page.keyboard.press("Escape")
    page.locator(".geomap-table summary").click()
    measured.update(page.evaluate(CONTRAST, TABLE))
    missing = [s for s, m in measured.items() if m is None]
    assert missing == []
    low = {s: round(m["ratio"], 2) for s, m in measured.items() if m["ratio"] < 4.5}
    assert low == {}
    # and the colours did change: dark boxes under dark, light ones under light
    for selector in (".geomap-title h1", ".leaflet-popup-content h3", ".geomap-legend li"):
        background = measured[selector]["background"]
        assert background < 0.05 if scheme == "dark" else background > 0.8, selector


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (500, 400)])
def test_print_shows_map_title_legend_and_attribution_without_buttons(
    visit, report_page, width, height
):
    page = visit(width, height).open(report_page)
    page.emulate_media(media="print")
    for shown in (
        ".folium-map",
        ".geomap-title h1",
        ".geomap-legend li",  # even where the legend starts folded
        ".leaflet-control-attribution",
        ".geomap-event",
    ):
        assert page.locator(shown).first.is_visible(), shown
    for hidden in (
        ".leaflet-control-zoom",
        ".leaflet-control-layers",
        ".geomap-fullscreen",
        ".geomap-table",
        ".geomap-legend summary",
        "#geomap-download",
    ):
        assert page.locator(hidden).is_hidden(), hidden
    page.emulate_media(media="screen")
    assert page.locator(".leaflet-control-zoom").is_visible()


def test_fullscreen_button_fills_the_screen_with_the_map_and_back(visit, mixed_page):
    page = visit().open(mixed_page)
    button = page.locator(".geomap-fullscreen button")
    assert button.get_attribute("aria-label") == "Full screen"
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    page.wait_for_function("document.fullscreenElement === document.querySelector('.folium-map')")
    page.wait_for_selector(".geomap-fullscreen button[aria-pressed=true]")  # on fullscreenchange
    assert button.get_attribute("aria-label") == "Leave full screen"
    button.click()
    page.wait_for_function("document.fullscreenElement === null")
    page.wait_for_selector(".geomap-fullscreen button[aria-pressed=false]")
    assert button.get_attribute("aria-label") == "Full screen"


def test_no_fullscreen_button_where_the_browser_cannot(visit, mixed_page):
    v = visit()
    v.page.add_init_script(
        "Object.defineProperty(Document.prototype, 'fullscreenEnabled', {get: () => false})"
    )
    page = v.open(mixed_page)
    assert page.locator(".leaflet-control-zoom").is_visible()
    assert page.locator(".geomap-fullscreen").count() == 0


@pytest.mark.parametrize(("width", "height"), [(320, 568), (360, 640), (700, 525)])
def test_attribution_and_scale_bar_do_not_overlap(visit, report_page, width, height):
    page = visit(width, height).open(report_page)
    attribution = page.locator(".leaflet-control-attribution").bounding_box()
    scale = page.locator(".leaflet-control-scale").bounding_box()
    assert attribution and scale
    apart = (
        attribution["x"] >= scale["x"] + scale["width"]
        or attribution["y"] >= scale["y"] + scale["height"]
        or scale["y"] >= attribution["y"] + attribution["height"]
    )
    assert apart, (attribution, scale)
    assert attribution["x"] + attribution["width"] <= width
    assert attribution["y"] + attribution["height"] <= height


def test_layers_without_events_are_left_out(visit, csv_map):
    url = csv_map(
        "one-layer",
        [
            {"id": "a", "layer": "protests", "title": "Rally", "summary": "People met.",
             "date": "2022-03-01", "places": "Kharkiv", "certainty": "confirmed"},
            {"id": "b", "layer": "crossings", "title": "Crossing", "summary": "They left.",
             "date": "2022-03-02", "places": "Lviv", "certainty": "reported"},
        ],
    )  # fmt: skip
    page = visit().open(url)
    labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert [label.strip() for label in labels] == ["Protests (1)", "Border crossings (1)"]
    legend = page.locator(".geomap-legend ul").first.locator("li").all_inner_texts()
    assert [item.strip() for item in legend] == ["Protests (1)", "Border crossings (1)"]
