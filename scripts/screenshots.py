"""The README's pictures of the report's map, made again from the code as it is.

    python scripts/screenshots.py             # writes output/war-resistance-2022*.png

Needs what `geomap build --png` needs (pip install '.[png]' and a Chromium). The map is built
self-contained on the outline basemap, so nothing here needs the network:

- output/war-resistance-2022.png         the report at 1280×800, as it opens
- output/war-resistance-2022-ukraine.png its "Ukraine" framing button pressed
- output/war-resistance-2022-360.png     a phone, 360×740
- output/war-resistance-2022-dark.png    1280×800 where the reader's system asks for dark colours
- output/war-resistance-2022-card.png    the PNG card, 1200×630 (`geomap build --png`)
- output/three-languages-ru.png          tests/corpus/three-languages.yaml in Russian (--lang ru),
                                         at 1280×800 with a popup open
- output/war-resistance-2022-search.png  the place search, suggestions open (also -search-360)
- output/war-resistance-2022-time.png    the report opened on March 2022 (`--from 2022-03 --to 2022-03`)
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from geomap.map import assemble_map
from geomap.outputs import save
from geomap.pipeline import bundled_events, locate
from geomap.png import CHROMIUM_ARGS, READY, find_chromium, save_png

REPO = Path(__file__).resolve().parents[1]
NAME = "war-resistance-2022"
FRAMING = "Ukraine"  # the button of the Ukraine view (view.py derives it from the data)

# (file suffix, viewport width, height, colour scheme, framing button to press)
SHOTS = [
    ("", 1280, 800, "light", None),
    ("-ukraine", 1280, 800, "light", FRAMING),
    ("-360", 360, 740, "light", None),
    ("-dark", 1280, 800, "dark", None),
]
CARD = ("-card", 1200, 630)
# The place search with its suggestions open: (file suffix, width, height, what is typed)
SEARCH_SHOTS = [("-search", 1280, 800, "Кр"), ("-search-360", 360, 640, "Кр")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "output", help="folder for the PNGs")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("no Chromium found: apt-get install chromium, or set GEOMAP_CHROMIUM")
    located = locate([bundled_events()])
    fmap = assemble_map(located, self_contained=True, basemap="vector")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geomap-shots-") as tmp:
        page = Path(tmp) / f"{NAME}.html"
        save(fmap, page)
        _shoot(chromium, page, args.out)
    suffix, width, height = CARD
    save_png(
        assemble_map(located, self_contained=True, basemap="vector"),
        args.out / f"{NAME}{suffix}.png",
        width=width,
        height=height,
    )
    _shoot_russian(chromium, args.out)
    _shoot_window(chromium, located, args.out)
    print(f"wrote {len(SHOTS) + len(SEARCH_SHOTS) + 3} pictures to {args.out}")


RUSSIAN = REPO / "tests" / "corpus" / "three-languages.yaml"
RUSSIAN_POPUP = "Жители Харькова"  # the mark whose popup the picture shows


def _shoot_russian(chromium: str, out: Path) -> None:
    fmap = assemble_map(locate([RUSSIAN]), self_contained=True, basemap="vector", lang="ru")

    def open_popup(page):
        page.locator(f'.geomap-event[aria-label*="{RUSSIAN_POPUP}"]').first.press("Enter")
        page.wait_for_timeout(400)  # the popup pans clear of the boxes

    _shoot_one(chromium, fmap, out / "three-languages-ru.png", open_popup)


WINDOW = ("2022-03", "2022-03")  # the month the time window picture opens on


def _shoot_window(chromium: str, located, out: Path) -> None:
    fmap = assemble_map(located, self_contained=True, basemap="vector", window=WINDOW)
    _shoot_one(chromium, fmap, out / f"{NAME}-time.png", lambda page: page.wait_for_timeout(200))


def _shoot_one(chromium: str, fmap, picture: Path, then) -> None:
    """`fmap` at 1280×800, after `then(page)` (the labels are placed on the view's moveend)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="geomap-shots-") as tmp, sync_playwright() as pw:
        page_path = Path(tmp) / "map.html"
        save(fmap, page_path)
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(page_path.as_uri())
            page.wait_for_selector(READY, state="attached")
            then(page)
            page.screenshot(path=str(picture))
        finally:
            browser.close()


def _shoot(chromium: str, page_path: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for suffix, width, height, scheme, framing in SHOTS:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                page = context.new_page()
                page.goto(page_path.as_uri())
                page.wait_for_selector(READY, state="attached")
                if page.evaluate("document.documentElement.hasAttribute('data-geomap-error')"):
                    raise SystemExit(f"the map failed in the browser at {width}×{height}")
                if framing:
                    page.locator(".geomap-framings button", has_text=framing).click()
                page.wait_for_timeout(200)  # the labels are placed on the view's moveend
                page.screenshot(path=str(out / f"{NAME}{suffix}.png"))
                context.close()
            for suffix, width, height, typed in SEARCH_SHOTS:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(page_path.as_uri())
                page.wait_for_selector(READY, state="attached")
                page.locator("#geomap-search-input").type(typed)
                page.keyboard.press("ArrowDown")
                page.screenshot(path=str(out / f"{NAME}{suffix}.png"))
                page.close()
        finally:
            browser.close()


if __name__ == "__main__":
    main()
