"""The time window in the page (issue 18): the slider, and everything that follows it.

At five slider positions over tests/corpus/time/window.yaml (20 events: days, ranges, a month,
a week, a running total reported twice, routes, a country-wide fact), the layer control, the
legend, the marks, the table and the download show exactly the events Python's rule picks:
an event whose [start, end] overlaps the window, a month or week whenever the window touches
it, and for a running total the latest report by the window's end.
"""

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest

from geomap.pipeline import locate

WINDOW = Path(__file__).resolve().parents[1] / "corpus" / "time" / "window.yaml"
EPOCH = dt.date(1970, 1, 1)
POSITIONS = [
    ("2022-02-01", "2022-04-05"),  # every date
    ("2022-03-01", "2022-03-15"),  # the first report of the running total, not the second
    ("2022-02-20", "2022-02-28"),  # before the first report; the February event
    ("2022-03-31", "2022-04-02"),  # touches March (the month events) and the second report
    ("2022-03-16", "2022-03-24"),  # the week event (21-27 March), a range still running
]


def shown_ids(located, first, last):
    """The events a window shows, by the rule, computed here in Python."""
    shown, series = set(), defaultdict(list)
    for row in located.itertuples():
        if isinstance(row.as_of, str):
            places = [p["id"] for p in row.places] or [">".join(p["id"] for p in row.route)]
            for place in places:
                for name in list(row.counts) or [""]:
                    series[(place, row.layer, name)].append((row.as_of, row.id))
        elif row.start <= last and row.end >= first:
            shown.add(row.id)
    for reports in series.values():
        made = [r for r in reports if r[0] <= last]
        if made:
            latest = max(day for day, _ in made)
            shown.update(i for day, i in made if day == latest)
    return shown


def day_number(iso):
    return (dt.date.fromisoformat(iso) - EPOCH).days


@pytest.fixture(scope="module")
def located():
    return locate([WINDOW])


@pytest.fixture(scope="module")
def time_page(site):
    from geomap.pipeline import build

    root, origin = site
    build([WINDOW], root / "time.html", self_contained=True, basemap="vector")
    return f"{origin}/time.html"


MOVE = """([end, day]) => {
  const input = document.querySelector(".geomap-time-" + end);
  input.value = day;
  input.dispatchEvent(new Event("input", {bubbles: true}));
}"""


def slide(page, first, last):
    """Drags the handles (as the range inputs report a drag) to the window; waits for it."""
    page.evaluate(MOVE, ["to", page.evaluate("document.querySelector('.geomap-time-to').max")])
    page.evaluate(MOVE, ["from", day_number(first)])
    page.evaluate(MOVE, ["to", day_number(last)])
    page.wait_for_selector(f'html[data-geomap-time="{first}/{last}"]', state="attached")


def layer_counts(page, selector):
    out = {}
    for text in page.locator(selector).all_inner_texts():
        name, _, count = text.strip().rpartition(" (")
        out[name] = int(count.rstrip(")"))
    return out


def test_five_slider_positions_show_what_python_counts(visit, time_page, located):
    names = {layer["id"]: layer["name"] for layer in located.attrs["layers"]}
    by_id = {row.id: row for row in located.itertuples()}
    page = visit().open(time_page)
    for first, last in POSITIONS:
        expected = shown_ids(located, first, last)
        per_layer = {name: 0 for name in names.values()}
        for i in expected:
            per_layer[names[by_id[i].layer]] += 1
        # The layer control and the legend.
        assert layer_counts(page, ".leaflet-control-layers-overlays label") == per_layer
        assert layer_counts(page, ".geomap-legend li:has(.geomap-swatch)") == per_layer
        # The marks: one per place and layer (a region, town or badge), one line per route.
        for layer_id in names:
            marks = {
                p["id"]
                for i in expected
                if by_id[i].layer == layer_id and not by_id[i].route
                for p in by_id[i].places
            }
            routes = [i for i in expected if by_id[i].layer == layer_id and by_id[i].route]
            drawn = page.locator(f".geomap-event.geomap-layer-{layer_id}").count()
            assert drawn == len(marks) + len(routes), (first, last, layer_id)
        # The table, opened, and the count on its button.
        titles = {by_id[i].title for i in expected}
        summary = page.locator(".geomap-table summary")
        assert f"Show the {len(expected)} events as a table" in summary.inner_text()
        summary.click()
        rows = page.locator(".geomap-table tbody tr:not([hidden]) th").all_inner_texts()
        assert sorted(rows) == sorted(titles), (first, last)
        summary.click()
        # The download.
        with page.expect_download() as info:
            page.get_by_role("link", name="Download the mapped events (GeoJSON)").click()
        features = json.loads(info.value.path().read_text(encoding="utf-8"))["features"]
        assert {f["properties"]["id"] for f in features} == expected, (first, last)
        # The readout.
        assert page.locator(".geomap-time-count").inner_text() == f"{len(expected)} of 20 events"
        slide(page, *POSITIONS[(POSITIONS.index((first, last)) + 1) % len(POSITIONS)])


def popup_text(page, title):
    """The popup of the mark whose table row is titled `title` (via its events' mark)."""
    return page.evaluate(
        """(title) => {
          const map = Object.values(window).find((v) => v && v.geomapTime);
          const E = map.geomapEvents, idx = [...Array(E.n).keys()].find((i) => E.get(i).title === title);
          return L.geomap.dateLabel(E.get(idx));
        }""",
        title,
    )


def test_running_totals_are_never_summed(visit, time_page):
    page = visit().open(time_page)
    rows = page.locator(".geomap-table tbody tr:not([hidden]) th")
    region = ".geomap-region.geomap-layer-arrests"

    def shown_titles():
        page.locator(".geomap-table summary").click()
        titles = set(rows.all_inner_texts())
        page.locator(".geomap-table summary").click()
        return {t for t in titles if t.startswith("Cases in Kharkiv")}

    slide(page, "2022-03-01", "2022-03-15")  # 100, as of 1 March
    assert shown_titles() == {"Cases in Kharkiv Oblast so far"}
    slide(page, "2022-03-20", "2022-04-05")  # 250, as of 1 April; never 350
    assert shown_titles() == {"Cases in Kharkiv Oblast updated"}
    assert popup_text(page, "Cases in Kharkiv Oblast updated") == "as of 1 April 2022"
    page.locator(region).first.click(force=True)
    popup = page.locator(".leaflet-popup-content").inner_text()
    assert "cases: 250" in popup and "cases: 100" not in popup and "as of 1 April 2022" in popup
    slide(page, "2022-02-01", "2022-02-27")  # before the first report: nothing of the series
    assert shown_titles() == set()


def test_a_month_counts_whenever_the_window_touches_it(visit, time_page):
    page = visit().open(time_page)
    slide(page, "2022-03-31", "2022-04-01")
    page.locator(".geomap-table summary").click()
    row = page.locator(".geomap-table tbody tr:not([hidden])", has_text="Fines in Odesa Oblast")
    assert "March 2022" in row.inner_text()
    page.locator(".geomap-table summary").click()
    slide(page, "2022-04-01", "2022-04-05")
    page.locator(".geomap-table summary").click()
    assert (
        page.locator(".geomap-table tbody tr:not([hidden])", has_text="Fines in Odesa").count() == 0
    )
    assert popup_text(page, "Graffiti in Sumy") == "week of 21 March 2022"


def test_keyboard_moves_a_day_or_a_month_and_reads_the_date(visit, time_page):
    page = visit().open(time_page)
    start = page.locator(".geomap-time-from")
    for _ in range(40):  # Tab reaches the handle (after the other controls)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "geomap-time-from":
            break
    else:
        pytest.fail("Tab never reached the start of the time window")
    assert start.get_attribute("aria-valuetext") == "1 February 2022"
    assert start.get_attribute("aria-label") == "Start of the time window"
    page.keyboard.press("ArrowRight")
    assert start.get_attribute("aria-valuetext") == "2 February 2022"
    page.keyboard.press("PageUp")
    assert start.get_attribute("aria-valuetext") == "2 March 2022"
    page.wait_for_selector('html[data-geomap-time="2022-03-02/2022-04-05"]', state="attached")
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowLeft")
    assert start.get_attribute("aria-valuetext") == "1 February 2022"
    page.keyboard.press("Tab")
    end = page.locator(".geomap-time-to")
    assert page.evaluate("document.activeElement.className") == "geomap-time-to"
    page.keyboard.press("PageDown")
    assert end.get_attribute("aria-valuetext") == "5 March 2022"
    got = page.evaluate("Object.values(window).find((v) => v && v.geomapTime).geomapTime.get()")
    assert got == ["2022-02-01", "2022-03-05"]


def test_the_map_api_sets_the_window_and_tells_of_changes(visit, time_page):
    page = visit().open(time_page)
    changes = page.evaluate(
        """() => {
          const map = Object.values(window).find((v) => v && v.geomapTime), seen = [];
          map.on("geomap:timechange", (e) => seen.push([e.from, e.to]));
          const results = [map.geomapTime.set("2022-03-10", "2022-03-12"),
                           map.geomapTime.set("2022-03-12", "2022-03-10"),  // refused
                           map.geomapTime.set("not a day", null),          // refused
                           map.geomapTime.set(null, "2030-01-01")];        // within the dates
          return {results, seen, now: map.geomapTime.get()};
        }"""
    )
    assert changes["results"] == [True, False, False, True]
    assert changes["seen"] == [["2022-03-10", "2022-03-12"], ["2022-02-01", "2022-04-05"]]
    assert changes["now"] == ["2022-02-01", "2022-04-05"]


def test_play_waits_for_the_reader_and_respects_reduced_motion(visit, time_page):
    page = visit().open(time_page)
    page.wait_for_timeout(1000)
    assert page.evaluate("document.documentElement.getAttribute('data-geomap-time')") == (
        "2022-02-01/2022-04-05"
    )  # nothing moved by itself
    page.get_by_role("button", name="Play: move the time window forward").click()
    page.wait_for_function(
        "document.documentElement.getAttribute('data-geomap-time') !== '2022-02-01/2022-04-05'"
    )
    page.get_by_role("button", name="Pause").click()
    calm = visit(reduced_motion="reduce").open(time_page)
    step = calm.get_by_role("button", name="Move the time window forward one step")
    step.click()  # the whole span becomes its first eighth (redrawn at the next frame), and stays
    calm.wait_for_function(
        "document.documentElement.getAttribute('data-geomap-time') !== '2022-02-01/2022-04-05'"
    )
    first = calm.evaluate("document.documentElement.getAttribute('data-geomap-time')")
    calm.wait_for_timeout(1500)
    assert calm.evaluate("document.documentElement.getAttribute('data-geomap-time')") == first
    step.click()
    calm.wait_for_function(
        f"document.documentElement.getAttribute('data-geomap-time') !== {json.dumps(first)}"
    )


def test_no_control_for_one_date_or_with_no_time(visit, site, yaml_map):
    from geomap.pipeline import build

    one = yaml_map(
        "one-date",
        """\
events:
  - {id: a, layer: protests, title: A, summary: S, date: 2022-05-09, places: [Lviv], certainty: reported}
  - {id: b, layer: protests, title: B, summary: S, date: 2022-05-09, places: [Sumy], certainty: reported}
""",
    )
    root, origin = site
    build([WINDOW], root / "no-time.html", self_contained=True, basemap="vector", time=False)
    for url in (one, f"{origin}/no-time.html"):
        v = visit()
        page = v.open(url)
        assert page.locator(".geomap-time").count() == 0
        assert page.evaluate("Object.values(window).some((v) => v && v.geomapTime)") is False
        assert page.evaluate("document.documentElement.hasAttribute('data-geomap-time')") is False
        assert v.page_errors == []


def test_the_control_fits_a_phone_beside_the_other_controls(visit, time_page):
    page = visit(360, 640).open(time_page)
    box = page.locator(".geomap-time").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 640
    for other in (".geomap-legend", ".leaflet-control-layers", ".leaflet-control-zoom",
                  ".leaflet-control-scale", ".geomap-title"):  # fmt: skip
        b = page.locator(other).bounding_box()
        apart = (
            b["x"] >= box["x"] + box["width"]
            or b["x"] + b["width"] <= box["x"]
            or b["y"] >= box["y"] + box["height"]
            or b["y"] + b["height"] <= box["y"]
        )
        assert apart, other


# A map with more town marks than the page draws one by one (data.gather_above, 1,500): two
# layers at each of 800 towns, every town with one event in each half of a 60-day span, so a
# wide window gathers the marks per screen cell and a narrow one spreads each town's own mark.
GATHER_DAYS = 60
GATHER_START = dt.date(2022, 3, 1)


@pytest.fixture(scope="module")
def gathered_page(csv_map, gazetteer):
    towns = sorted(
        (t for t in gazetteer.find(kind="town") if t.country in ("RU", "UA") and t.parent),
        key=lambda t: -t.population,
    )[:1400]
    names = [f"{t.name} ({gazetteer.get(t.parent).name})" for t in towns]
    names = [n for n, t in zip(names, towns) if gazetteer.lookup(n).place == t][:800]
    assert len(names) == 800  # 2 layers × places: past the 1,500 the page draws one by one
    rows, days = [], {}
    for k, name in enumerate(names):
        for layer, step in (("protests", 1), ("desertion", 7)):
            for day in (k % 30, 30 + (k * step) % 30):
                rows.append(
                    {
                        "id": f"{layer}-{k}-{day}",
                        "layer": layer,
                        "title": f"{layer} {k} {day}",
                        "summary": "Something happened.",
                        "date": (GATHER_START + dt.timedelta(days=day)).isoformat(),
                        "places": name,
                        "certainty": "reported",
                    }
                )
                days[rows[-1]["id"]] = (layer, day)
    return csv_map("gathered-time", rows), days


# Per layer: the events its marks stand for (a town's own mark, or a gathered number, whose
# text must say its count); whether any mark is drawn twice or any number misstates itself;
# how far (px) spreading moved a town's mark from its place; and whether the page gathers
# every place per cell (many places) or spreads them (gathering only crowds).
GATHERED_MARKS = """() => {
  const map = Object.values(window).find((v) => v && v.geomapTime);
  const out = {}, seen = new Set(), px = (ll) => map.latLngToContainerPoint(ll);
  let twice = 0, wrong = 0, gathered = 0, furthest = 0;
  map.eachLayer((l) => {
    if (l.geomapGathered) {
      const g = l.geomapGathered, text = l.getElement().textContent;
      out[g.layer] = (out[g.layer] || 0) + g.events;
      gathered += 1;
      const counted = g.entries.reduce((n, e) => n + e.idx.length, 0);
      if (text !== String(g.events) || counted !== g.events) wrong += 1;
    } else if (l.geomap && l.geomap.place && l.options.className.includes("geomap-town")) {
      const layer = l.options.className.match(/geomap-layer-(\\S+)/)[1];
      out[layer] = (out[layer] || 0) + l.geomap.events.length;
      const key = layer + "|" + l.geomap.place.id;
      if (seen.has(key)) twice += 1;
      seen.add(key);
      const place = L.latLng(l.geomap.place.lat, l.geomap.place.lon);
      furthest = Math.max(furthest, px(l.getLatLng()).distanceTo(px(place)));
    }
  });
  return {events: out, twice: twice, wrong: wrong, gathered: gathered, furthest: furthest,
          mode: map.geomapDrawing._gathering ? "gathered" : "spread"};
}"""


def test_gathered_and_spread_marks_follow_the_window(visit, gathered_page):
    """Windows that keep the marks gathered, spread them, and gather them again: the marks
    and numbers drawn stand for exactly the window's events, each town's mark once, and
    spreading moves no mark more than 48 px (draw.js SPREAD_REACH) from its town: a crowd
    it cannot ring that closely is gathered instead (it used to ring 400 towns round the
    middle of Russia, Moscow's marks in Mongolia)."""
    url, days = gathered_page
    page = visit().open(url)
    modes = []
    for first, last in [(0, 59), (5, 59), (0, 14), (40, 44), (3, 20), (0, 29), (0, 59)]:
        iso = [(GATHER_START + dt.timedelta(days=d)).isoformat() for d in (first, last)]
        if page.evaluate("document.documentElement.getAttribute('data-geomap-time')") != "/".join(
            iso
        ):
            slide(page, *iso)
        expected = {"protests": 0, "desertion": 0}
        for layer, day in days.values():
            expected[layer] += first <= day <= last
        drawn = page.evaluate(GATHERED_MARKS)
        assert drawn["events"] == expected, (first, last)
        assert drawn["twice"] == 0 and drawn["wrong"] == 0, (first, last)
        assert drawn["furthest"] <= 48.5, (first, last, drawn["furthest"])
        modes.append(drawn["mode"])
    # Gathered, gathered with other counts, spread, spread, …, gathered again.
    assert modes[:4] == ["gathered", "gathered", "spread", "spread"] and modes[-1] == "gathered"
    # Zoomed in, a spread window's crowds part: more towns have their own mark, none far off.
    slide(page, *[(GATHER_START + dt.timedelta(days=d)).isoformat() for d in (40, 44)])
    before = page.evaluate(GATHERED_MARKS)
    page.evaluate(
        "() => { const m = Object.values(window).find((v) => v && v.geomapTime);"
        " m.setZoom(m.getZoom() + 2, {animate: false}); }"
    )
    after = page.evaluate(GATHERED_MARKS)
    assert after["mode"] == "spread" and after["furthest"] <= 48.5
    assert after["gathered"] < before["gathered"] or before["gathered"] == 0
