"""Time-window benchmark: how long the page takes to redraw after a slider move.

    python bench/time_window.py                    # 10,000 and 100,000 events
    python bench/time_window.py --sizes 1000       # a quick run

For each size it writes a synthetic events file (bench/synthetic.py: a year of events over
Russia and Ukraine), builds the map (self-contained, outline basemap), opens it in headless
Chromium at 1280×800 and moves the end handle of the time slider to MOVES windows, as a drag
reports it (an `input` event on the range input). Per move it records:

- redraw: the page's own time to filter the events and redraw the marks, shading, counts,
  table rows and download (time.js `lastRedrawMs`);
- to paint: from the input event to the first frame painted after the redraw (the wait for
  the next animation frame included).

Targets (issue 18): 100 ms at 10,000 events, 500 ms at 100,000. A benchmark, not a timed test:
machines here are noisy; the median of the moves is what the table shows, with the worst, and
the machine's load average as the moves began and ended.
Results are appended to bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402  (bench/synthetic.py, beside this file)

from geomap.pipeline import build  # noqa: E402
from geomap.png import CHROMIUM_ARGS, find_chromium  # noqa: E402

SIZES = [10_000, 100_000]
TARGET_MS = {10_000: 100, 100_000: 500}
# Windows as fractions of the year (start, end): narrow and wide, early and late.
MOVES = [(0.0, 0.1), (0.0, 0.5), (0.25, 0.35), (0.5, 1.0), (0.9, 1.0), (0.0, 1.0), (0.4, 0.45)]

# Moves both handles as a drag does and resolves, after the page's redraw, at the first
# painted frame; returns [redraw ms, input-to-paint ms].
MOVE = """([from, to]) => new Promise((done) => {
  const start = document.querySelector(".geomap-time-from"), end = document.querySelector(".geomap-time-to");
  const lo = Number(start.min), hi = Number(start.max), span = hi - lo;
  const map = Object.values(window).find((v) => v && v.geomapTime);
  map.geomapTime.set(null, null);  // a known window before each move: every date
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const began = performance.now(), want = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
    const a = Math.round(lo + from * span), b = Math.round(lo + to * span);
    start.value = a; start.dispatchEvent(new Event("input", {bubbles: true}));
    end.value = b; end.dispatchEvent(new Event("input", {bubbles: true}));
    const target = want(a) + "/" + want(b);
    (function wait() {
      if (document.documentElement.getAttribute("data-geomap-time") !== target) return requestAnimationFrame(wait);
      requestAnimationFrame(() => done([window.geomapBenchRedraw(), performance.now() - began]));
    })();
  }));
})"""
REDRAW_CLOCK = """() => {
  const map = Object.values(window).find((v) => v && v.geomapTime);
  window.geomapBenchRedraw = () => map.geomapTime.lastRedrawMs;
}"""


def measure(n: int, folder: Path, browser) -> dict:
    towns, regions = synthetic.spots()
    events = folder / f"events-{n}.csv"
    synthetic.write(synthetic.events(n, towns, regions), events)
    page_path = folder / f"map-{n}.html"
    began = time.perf_counter()
    build([events], page_path, self_contained=True, basemap="vector")
    built = time.perf_counter() - began
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(page_path.as_uri(), wait_until="commit", timeout=300_000)
    page.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=300_000)
    page.evaluate(REDRAW_CLOCK)
    redraws, paints = [], []
    load = os.getloadavg()[0]  # the machine is shared: figures are read with its load
    for move in MOVES:
        redraw, paint = page.evaluate(MOVE, list(move))
        redraws.append(redraw)
        paints.append(paint)
    context.close()
    return {
        "events": n,
        "build_s": built,
        "redraw": redraws,
        "paint": paints,
        "errors": errors,
        "load": (load, os.getloadavg()[0]),
    }


def markdown(results: list[dict], command: str) -> str:
    lines = [
        "",
        "## Time window: redraw after a slider move",
        "",
        f"`{command}` — {len(MOVES)} moves per size, 1280×800, headless Chromium on 2 shared "
        "cores. *redraw*: the page filtering the events and redrawing marks, shading, counts, "
        "table rows and download; *to paint*: from the slider's input event to the next "
        "painted frame. Target: 100 ms at 10,000 events, 500 ms at 100,000.",
        "",
        "| events | redraw ms, median | redraw ms, worst | to paint ms, median | to paint ms, "
        "worst | target ms | JS errors | load average (1 min) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['events']:,} | {statistics.median(r['redraw']):.0f} | {max(r['redraw']):.0f} "
            f"| {statistics.median(r['paint']):.0f} | {max(r['paint']):.0f} "
            f"| {TARGET_MS.get(r['events'], '–')} | {len(r['errors'])} "
            f"| {r['load'][0]:.1f} → {r['load'][1]:.1f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--no-write", action="store_true", help="print, do not append results")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        for n in sizes:
            result = measure(n, Path(tmp), browser)
            results.append(result)
            print(
                f"{n:>7,} events: build {result['build_s']:.1f} s; redraw ms "
                + ", ".join(f"{x:.0f}" for x in result["redraw"])
                + "; to paint ms "
                + ", ".join(f"{x:.0f}" for x in result["paint"])
                + f"; load average {result['load'][0]:.1f} → {result['load'][1]:.1f}"
                + (f"; errors: {result['errors'][:1]}" if result["errors"] else ""),
                flush=True,
            )
        browser.close()
    text = markdown(results, "python bench/time_window.py --sizes " + args.sizes)
    print(text)
    if not args.no_write:
        with open(BENCH / "results.md", "a", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
