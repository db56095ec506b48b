"""A static PNG of a map, for places where scripts don't run (social cards, print, email).

Needs Playwright for Python (`pip install 'geomap[png]'`) and a Chromium on the machine
(Debian/Ubuntu: `apt-get install chromium`); geomap never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import GeomapError
from .files import write_atomic
from .outputs import render_html

CHROMIUM_ENV = "GEOMAP_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# Flags for a headless browser with no network chatter of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY_TIMEOUT_MS = 20_000  # a big map (100,000 events) takes seconds to draw: room to spare
WAIT_STEP_MS = 250  # how often the wait looks at what the page has reported
ERROR_GRACE_MS = 1_000  # after an uncaught error, the page has this long to still get ready
MAX_REPORTED_ERRORS = 3
READY = "html[data-geomap-ready], html[data-geomap-error]"  # page.js sets either
# page.js sets data-geomap-tiles while a tile layer shows: "loading", then "loaded" or "failed".
TILES_SETTLED = "!document.documentElement.matches('[data-geomap-tiles=loading]')"
# A picture cannot be clicked: hide the controls that only make sense in a browser, and the
# legend's toggle (the legend is shown open). In a short picture the legend keeps its layers
# and sources, without the key to the marks, which would be cut off half-way.
STATIC_CSS = (
    ".leaflet-control-layers, .leaflet-control-zoom, .geomap-fullscreen, .geomap-framings, "
    ".geomap-table, "
    ".geomap-legend summary, #geomap-download { display: none !important; } "
    ".geomap-legend { max-height: none; overflow: visible; } "  # no scroll bar in a picture
    "@media (max-height: 560px) { .geomap-legend h2 + ul + h2, .geomap-legend h2 + ul + h2 + ul "
    "{ display: none; } }"
)
OPEN_LEGEND = "document.querySelectorAll('.geomap-legend details').forEach(d => { d.open = true; })"
NO_TILES = (
    "the tile basemap could not be loaded: not one of its tiles arrived (no network, or the "
    "tile server is blocked), and the picture would show grey where the map should be. "
    "Nothing was written. For a picture that needs no network, use the outline basemap: "
    '--basemap vector (basemap="vector" in Python).'
)


def find_chromium() -> str | None:
    """The Chromium to use: $GEOMAP_CHROMIUM, else the first on PATH."""
    explicit = os.environ.get(CHROMIUM_ENV)
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def save_png(fmap, path, *, width: int = 1200, height: int = 800) -> Path:
    """Render a folium map (built with self_contained=True for offline use) to a PNG file."""
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise GeomapError(
            f"PNG size {width}×{height} is out of range; use 200 to 8000 pixels a side"
        )
    try:
        import playwright.sync_api  # noqa: F401  (only to say clearly when it is missing)
    except ImportError:
        raise GeomapError(
            "--png needs Playwright: pip install 'geomap[png]' (and a Chromium, "
            "e.g. apt-get install chromium)"
        ) from None
    chromium = find_chromium()
    if chromium is None:
        raise GeomapError(
            "--png needs Chromium; install it (Debian/Ubuntu: apt-get install chromium) "
            f"or point {CHROMIUM_ENV} at a Chromium or Chrome binary"
        )
    with tempfile.TemporaryDirectory(prefix="geomap-png-") as tmp:
        page_path = Path(tmp) / "map.html"
        page_path.write_text(render_html(fmap), encoding="utf-8")
        # Playwright's sync API refuses to run where an asyncio loop is running (Jupyter,
        # or another Playwright session): a thread of its own has none.
        with ThreadPoolExecutor(max_workers=1) as pool:
            png = pool.submit(_screenshot, chromium, page_path, width, height).result()
    return write_atomic(path, png)


def _screenshot(chromium: str, page_path: Path, width: int, height: int) -> bytes:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": width, "height": height})
                # What the page says went wrong, to tell the user if it never draws.
                thrown: list[str] = []
                console: list[str] = []

                def on_console(message):
                    if message.type == "error":
                        console.append(_first_line(message.text))

                page.on("pageerror", lambda error: thrown.append(_first_line(error)))
                page.on("console", on_console)
                page.goto(page_path.as_uri())
                _wait_until_drawn(page, thrown, console)
                page.add_style_tag(content=STATIC_CSS)
                page.evaluate(OPEN_LEGEND)
                # let tiles (when online) load and any zoom animation finish
                page.wait_for_load_state("networkidle", timeout=READY_TIMEOUT_MS)
                page.wait_for_function(TILES_SETTLED, timeout=READY_TIMEOUT_MS)
                if page.get_attribute("html", "data-geomap-tiles") == "failed":
                    raise GeomapError(f"Chromium could not render the map: {NO_TILES}")
                page.wait_for_function(
                    "!document.querySelector('.leaflet-zoom-anim')", timeout=READY_TIMEOUT_MS
                )
                page.wait_for_timeout(300)
                return page.screenshot(type="png")
            finally:
                browser.close()
    except PlaywrightError as exc:
        raise GeomapError(
            f"Chromium could not render the map: {str(exc).splitlines()[0]}"
        ) from None


def _wait_until_drawn(page, thrown: list, console: list) -> None:
    """Wait for the page to draw the map; fail as soon as it says it cannot, with its reason.

    A slow map (many events) gets READY_TIMEOUT_MS; a page that threw an uncaught error gets
    only ERROR_GRACE_MS more, since such a page almost never gets ready. Console errors alone
    do not cut the wait short: offline, every tile that fails to load logs one.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    started = time.monotonic()
    deadline = started + READY_TIMEOUT_MS / 1000
    while True:
        try:
            page.wait_for_selector(READY, state="attached", timeout=WAIT_STEP_MS)
            break
        except PlaywrightTimeout:
            now = time.monotonic()
            if thrown:
                deadline = min(deadline, now + ERROR_GRACE_MS / 1000)
            if now >= deadline:
                reported = list(dict.fromkeys(thrown + console))[:MAX_REPORTED_ERRORS]
                said = (
                    ("; the page reported: " + " | ".join(reported))
                    if reported
                    else "; the page reported no error (a very large map may need a faster machine)"
                )
                raise GeomapError(
                    "Chromium could not render the map: the page was not drawn "
                    f"after {now - started:.1f} s{said}"
                ) from None
    failure = page.get_attribute("html", "data-geomap-error")
    if failure is not None:
        raise GeomapError(
            f"Chromium could not render the map: the page failed while drawing it: {failure}"
        )


def _first_line(error) -> str:
    return (str(error).strip().splitlines() or [""])[0]
