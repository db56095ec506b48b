"""The page's one failure path (page.js `L.geomap.fail`): a message in the map and
data-geomap-error on <html>, never a blank map; `--png` of such a page fails at once."""

import re
import time

import pytest

from geomap.errors import GeomapError

ALERT = ".folium-map [role=alert]"


def broken_block(html: str, content: str) -> str:
    """The page with its data block's content replaced."""
    return re.sub(
        r'(<script type="application/json" id="geomap-data" data-encoding="json">).*?(</script>)',
        lambda m: m.group(1) + content + m.group(2),
        html,
        count=1,
        flags=re.DOTALL,
    )


@pytest.fixture(scope="module")
def mixed_html(site, mixed_page):
    return (site[0] / "mixed.html").read_text(encoding="utf-8")


def open_failing(visit, site, name, html):
    (site[0] / name).write_text(html, encoding="utf-8")
    v = visit()
    v.page.goto(f"{site[1]}/{name}")
    v.page.wait_for_selector("html[data-geomap-error]", state="attached", timeout=10_000)
    return v.page


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"layers": [', "JSON"),  # cut short: does not parse
        (
            '{"layers": [], "events": {"n": 3}}',
            "not in the expected form",
        ),  # parses, cannot be decoded
    ],
)
def test_broken_data_shows_a_message_in_the_map(visit, site, mixed_html, content, said):
    page = open_failing(visit, site, "broken.html", broken_block(mixed_html, content))
    error = page.get_attribute("html", "data-geomap-error")
    assert said in error
    alert = page.locator(ALERT)
    assert alert.is_visible()
    assert alert.inner_text() == "The map could not be drawn: " + error
    box, frame = alert.bounding_box(), page.viewport_size
    assert (
        box["x"] >= 0
        and box["x"] + box["width"] <= frame["width"]
        and box["height"] < frame["height"] / 2
    )
    assert page.get_attribute("html", "data-geomap-ready") is None


@pytest.mark.parametrize(
    "throw",
    [
        "setTimeout(() => { throw new Error('late failure') })",  # an uncaught error
        "Promise.reject(new Error('late failure'))",  # an unhandled rejection
    ],
)
def test_uncaught_errors_reach_the_same_message(visit, mixed_page, throw):
    page = visit().open(mixed_page)
    assert page.get_attribute("html", "data-geomap-error") is None
    page.evaluate(f"() => {{ {throw}; }}")
    page.wait_for_selector("html[data-geomap-error]", state="attached", timeout=5_000)
    assert page.get_attribute("html", "data-geomap-error") == "late failure"
    assert page.locator(ALERT).inner_text() == "The map could not be drawn: late failure"


def test_png_of_a_broken_page_fails_fast_with_its_message(chromium, mixed_events):
    from geomap.map import assemble_map
    from geomap.map.elements import EventLayers
    from geomap.pipeline import locate
    from geomap.png import save_png

    fmap = assemble_map(locate([mixed_events]), self_contained=True, basemap="vector")
    layers = next(e for e in fmap._children.values() if isinstance(e, EventLayers))
    block_id, _, _ = layers.blocks[0]
    layers.blocks[0] = (block_id, "json", '{"layers": [], "events": {"n": 3}}')
    started = time.monotonic()
    with pytest.raises(
        GeomapError, match=r"the page failed while drawing it: .*not in the expected form"
    ):
        save_png(fmap, "/nonexistent/never-written.png")
    assert time.monotonic() - started < 10  # not the 20 s wait for a map that never comes
