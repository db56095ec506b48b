"""Maps whose events all sit at one place: one town, one checkpoint, one region, one country.

Such data has bounds of no size, which Leaflet cannot fit: the page used to throw
"Invalid LatLng object: (NaN, NaN)" and draw nothing (no tile layer, so no maximum zoom), or
zoom to street level (tiles), and `--png` waited 20 s for a map that never came. Now the map
opens on the place's surroundings (geomap/map/view.py), in both basemaps and in the PNG.

The expected extents below are geographic facts, written out by hand, not read from geomap.
"""

import base64
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

CORPUS = Path(__file__).parent.parent / "corpus" / "one-place"

# [[south, west], [north, east]], each a little inside the true outline.
KHARKIV_OBLAST = [[48.6, 34.9], [50.4, 38.0]]
UKRAINE = [[44.4, 22.2], [52.3, 40.1]]
RUSSIA = [[41.2, 19.7], [81.8, 190.3]]  # Kaliningrad to Chukotka (-169.7° drawn as 190.3°)
LVIV_OBLAST = [[48.8, 22.7], [50.6, 25.4]]
KHARKIV, SHEHYNI, MUKACHEVO = [49.98, 36.25], [49.80, 23.01], [48.44, 22.72]

# name: (events file, events, marks drawn, [boxes that must be in view], [points in view], a town-sized view)
CASES = {
    "town": ("kharkiv.yaml", 1, 1, [KHARKIV_OBLAST], [KHARKIV], True),
    "region": ("kharkiv-oblast.yaml", 1, 1, [KHARKIV_OBLAST], [], True),
    "country": ("ukraine.yaml", 2, 2, [UKRAINE], [], False),
    "russia": ("russia.yaml", 2, 2, [RUSSIA], [], False),
    "checkpoint": ("shehyni-checkpoint.yaml", 3, 1, [], [SHEHYNI], True),
    "round-trip": ("round-trip.csv", 1, 1, [], [MUKACHEVO], True),
}

MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"
VIEW = f"""() => {{
    const map = {MAP}, b = map.getBounds();
    return {{zoom: map.getZoom(), maxZoom: map.getMaxZoom(),
             bounds: [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]]}};
}}"""
# Marks on screen: elements of events placed inside the map's frame (NaN compares false).
# Not by size: a route from a town back to itself is a line of no length (see round-trip.csv).
MARKS_SHOWN = """() => {
    const frame = document.querySelector('.leaflet-container').getBoundingClientRect();
    return [...document.querySelectorAll('.geomap-event')].filter(e => {
        const r = e.getBoundingClientRect();
        return r.right >= frame.left && r.left <= frame.right && r.bottom >= frame.top && r.top <= frame.bottom;
    }).length;
}"""


@pytest.fixture(scope="module")
def one_place_pages(site):
    """Every case built self-contained in both basemaps: {(case, basemap): url}."""
    from geomap.pipeline import build

    root, origin = site
    urls = {}
    for case, (name, *_rest) in CASES.items():
        for basemap in ("tiles", "vector"):
            out = root / f"one-place-{case}-{basemap}.html"
            build([CORPUS / name], out, self_contained=True, basemap=basemap)
            urls[case, basemap] = f"{origin}/{out.name}"
    return urls


def contains(view, box):
    (s, w), (n, e) = view
    return s <= box[0][0] and w <= box[0][1] and n >= box[1][0] and e >= box[1][1]


@pytest.mark.parametrize("basemap", ["tiles", "vector"])
@pytest.mark.parametrize("case", list(CASES))
def test_one_place_map_opens_on_its_surroundings(visit, one_place_pages, case, basemap):
    _name, events, marks, boxes, points, town_sized = CASES[case]
    v = visit()
    page = v.open(one_place_pages[case, basemap])
    assert v.page_errors == []
    assert v.errors_besides_blocked() == []
    view = page.evaluate(VIEW)
    for box in boxes:
        assert contains(view["bounds"], box), (box, view)
    for lat, lon in points:
        assert contains(view["bounds"], [[lat, lon], [lat, lon]]), ((lat, lon), view)
    span = view["bounds"][1][0] - view["bounds"][0][0]
    if town_sized:  # about an oblast: not a street, not a continent
        assert 0.5 <= span <= 15, view
    assert view["zoom"] <= 10 and view["zoom"] < view["maxZoom"], view
    assert page.evaluate(MARKS_SHOWN) == marks
    page.locator(".geomap-table summary").click()
    page.locator(".geomap-table tbody tr").first.wait_for()
    assert page.locator(".geomap-table tbody tr").count() == events


@pytest.mark.parametrize("case", ["country", "russia", "town"])
def test_one_place_fits_a_phone(visit, one_place_pages, case):
    _name, _events, marks, boxes, points, _town = CASES[case]
    v = visit(360, 640)
    page = v.open(one_place_pages[case, "vector"])
    assert v.page_errors == []
    view = page.evaluate(VIEW)
    for box in boxes:
        assert contains(view["bounds"], box), (box, view)
    for lat, lon in points:
        assert contains(view["bounds"], [[lat, lon], [lat, lon]]), ((lat, lon), view)
    assert page.evaluate(MARKS_SHOWN) == marks


# The PNG, decoded by the browser: how many colours it has, and how many pixels of `colors`
# (within a small distance, for antialiasing) lie inside `box` (CSS pixels, the same size).
PNG_PIXELS = """async ({src, box, colors}) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data, colours = new Set();
    for (let i = 0; i < d.length; i += 4) colours.add((d[i] >> 3) << 10 | (d[i + 1] >> 3) << 5 | d[i + 2] >> 3);
    const wanted = colors.map(c => [1, 3, 5].map(k => parseInt(c.slice(k, k + 2), 16)));
    let near = 0;
    for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(img.height, box.y + box.height); y++) {
        for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(img.width, box.x + box.width); x++) {
            const i = 4 * (y * img.width + x);
            if (wanted.some(([r, g, b]) => Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40)) near++;
        }
    }
    return {colours: colours.size, near: near};
}"""
MARK_BOX = """() => { const r = document.querySelector('.geomap-event').getBoundingClientRect();
                      return {x: r.x, y: r.y, width: r.width, height: r.height}; }"""


LAND = "#f4f1ea"  # the outline basemap's land (draw.js)


def over_land(color, opacity):
    """`color` drawn at `opacity` over the land, as the PNG has it."""
    mix = [
        round(opacity * int(color[k : k + 2], 16) + (1 - opacity) * int(LAND[k : k + 2], 16))
        for k in (1, 3, 5)
    ]
    return "#" + "".join(f"{v:02x}" for v in mix)


# The colours of each case's mark (draw.js): a town's ring is its layer's colour, a country's
# hatched badge too; a checkpoint's ring is black, its fill the layer's colour at 0.75.
@pytest.mark.parametrize(
    "case, colors",
    [("town", ["#d7301f"]), ("country", ["#238b45"]), ("checkpoint", [over_land("#0570b0", 0.75)])],
)
def test_one_place_png_is_drawn_quickly(chromium, visit, one_place_pages, tmp_path, case, colors):
    name = CASES[case][0]
    png = tmp_path / f"{case}.png"
    started = time.monotonic()
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(CORPUS / name),
            "-o",
            str(tmp_path / f"{case}.html"),
            "--basemap",
            "vector",
            "--png",
            str(png),
            "--png-size",
            "1200x800",
        ],
        catch_exceptions=False,
    )
    elapsed = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert png.exists() and elapsed < 12, elapsed  # the broken page used to time out at 20 s
    # Where the page draws the (first) mark at this size; the PNG must have its colour there.
    v = visit(1200, 800)
    box = v.open(one_place_pages[case, "vector"]).evaluate(MARK_BOX)
    src = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode("ascii")
    pixels = v.page.evaluate(PNG_PIXELS, {"src": src, "box": box, "colors": colors})
    assert pixels["colours"] >= 8, pixels  # land, sea, borders, the title box, the legend, the mark
    assert pixels["near"] >= 10, (pixels, box)  # the mark itself, where the page drew it


FAILING_DRAW = 'L.geomap.fitView = function () { throw new Error("test: drawing broke"); };'
FAILING_PAGE = 'throw new Error("test: the page broke before drawing");'


@pytest.mark.parametrize(
    "script, reason",
    [
        (FAILING_DRAW, "the page failed while drawing it: test: drawing broke"),
        # An uncaught error anywhere in the page reaches the one failure path (page.js).
        (FAILING_PAGE, "the page failed while drawing it: test: the page broke before drawing"),
    ],
)
def test_png_of_a_failing_page_says_why_at_once(chromium, tmp_path, script, reason):
    from branca.element import Element

    from geomap.errors import GeomapError
    from geomap.pipeline import make_map
    from geomap.png import save_png

    fmap = make_map(CORPUS / "kharkiv.yaml", self_contained=True, basemap="vector")
    fmap.get_root().script.add_child(Element(script))
    started = time.monotonic()
    with pytest.raises(GeomapError, match="Chromium could not render the map: " + reason):
        save_png(fmap, tmp_path / "broken.png")
    assert time.monotonic() - started < 10  # not the 20 s timeout meant for big, slow maps
    assert not (tmp_path / "broken.png").exists()
