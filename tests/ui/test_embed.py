"""The map inside an article, embedded with exactly what `geomap embed` prints."""

from click.testing import CliRunner

from geomap.cli import cli

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>An article</title></head>
<body style="max-width:720px;margin:2rem auto;font-family:serif">
<h1>War resistance</h1>
<p>Some paragraphs of the article.</p>
{snippet}
<p>More of the article.</p>
</body></html>
"""


def test_embedded_map_renders_toggles_and_opens_links_outside_the_frame(visit, site, report_page):
    root, origin = site
    snippet = (
        CliRunner()
        .invoke(
            cli,
            ["embed", str(root / "report.html"), "--height", "16:9", "--url", report_page],
            catch_exceptions=False,
        )
        .output
    )
    (root / "article.html").write_text(ARTICLE.format(snippet=snippet), encoding="utf-8")

    v = visit(1280, 900)
    page = v.page
    page.goto(f"{origin}/article.html")
    iframe = page.locator("iframe")
    iframe.scroll_into_view_if_needed()  # loading="lazy": it loads when near the viewport
    frame = page.frame_locator("iframe")
    frame.locator("html[data-geomap-ready]").wait_for(state="attached", timeout=15_000)

    # it renders, at the width of the article column and 16:9
    box = iframe.bounding_box()
    assert box["width"] == 720 and abs(box["height"] - 720 * 9 / 16) <= 1
    assert frame.locator(".geomap-event").count() >= 40
    # allow="fullscreen" in the snippet: the frame may go full screen, so the button shows
    assert frame.locator(".geomap-fullscreen button").is_visible()

    # a short frame shows the layer control as a button: open it, then toggle a layer
    frame.locator(".leaflet-control-layers-toggle").press("Enter")
    crossings = frame.locator(".geomap-layer-crossings")
    before = crossings.count()
    toggle = frame.locator(
        ".leaflet-control-layers-overlays label", has_text="Border crossings"
    ).locator("input")
    toggle.hover()  # Leaflet ignores a click in the same instant the pointer enters the control
    page.wait_for_timeout(50)
    toggle.uncheck()
    assert before > 0 and crossings.count() == 0
    toggle.check()
    assert crossings.count() == before

    # a source link in a popup opens a new tab; the frame and the article stay put
    frame.locator('.geomap-checkpoint[aria-label^="Mohyliv-Podilskyi"]').click(force=True)
    link = frame.locator(".leaflet-popup-content a").first
    with v.context.expect_page() as new_tab:
        link.click()
    assert new_tab.value is not page
    assert (
        "https://aitrus.info/node/5941" in v.blocked
    )  # the new tab asked for the source (blocked here)
    assert page.url == f"{origin}/article.html"
    # the frame is where it was (its fragment keeps the reader's view: state.js)
    assert page.frames[1].url.split("#")[0] == report_page
    assert v.page_errors == []
    assert all(url.startswith("https://aitrus.info/") for url in v.blocked)
