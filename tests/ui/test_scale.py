"""A 10,000-event map in Chromium: every event is in it, layers toggle, counts are right,
and a mark still opens its events' popup."""

import json
import random
from pathlib import Path

import pytest

LAYERS = ["protests", "prosecutions", "crossings", "desertion", "civil-resistance", "mobilisation"]
N = 10_000


@pytest.fixture(scope="module")
def big_map(csv_map, gazetteer):
    towns = sorted(
        (t for t in gazetteer.find(kind="town") if t.country in ("RU", "UA") and t.parent),
        key=lambda t: -t.population,
    )[:800]
    names = [f"{t.name} ({gazetteer.get(t.parent).name})" for t in towns]
    names = [n for n, t in zip(names, towns) if gazetteer.lookup(n).place == t]
    rng = random.Random(7)
    rows = [
        {
            "id": f"busy{i}",
            "layer": "protests",
            "title": f"Busy {i}",
            "summary": "Again.",
            "date": "2022-03-01",
            "places": names[0],
            "counts": "people: 1",
            "certainty": "reported",
        }
        for i in range(50)
    ]  # one place with more events than a popup shows at once
    for i in range(N - len(rows)):
        rows.append(
            {
                "id": f"e{i}",
                "layer": rng.choice(LAYERS),
                "title": f"Event {i}",
                "summary": "Something happened.",
                "date": f"2022-03-{rng.randint(1, 28):02d}",
                "places": rng.choice(names),
                "counts": f"people: {rng.randint(1, 900)}",
                "certainty": "reported",
            }
        )
    return csv_map("big", rows), rows


# The events a layer's marks stand for: a place's own mark, or a numbered circle that gathers
# several places at this zoom. Every event must be reachable from one of them.
MARKS_OF = """(layer) => {
    const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
    let n = 0;
    map.eachLayer(l => {
        if (l.geomap && l.options.className.includes('geomap-layer-' + layer)) n += l.geomap.events.length;
        if (l.geomapGathered && l.geomapGathered.layer === layer) n += l.geomapGathered.events;
    });
    return n;
}"""


def test_every_event_is_in_the_download(visit, big_map):
    url, rows = big_map
    v = visit()
    page = v.open(url)
    with page.expect_download() as info:
        page.locator("#geomap-download").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert len(data["features"]) == N
    got = {
        f["properties"]["id"]: f["properties"]["counts"]["people"]["value"]
        for f in data["features"]
    }
    assert got == {r["id"]: int(r["counts"].split(": ")[1]) for r in rows}
    assert v.page_errors == []


def test_layers_toggle_and_legend_counts_are_right(visit, big_map):
    url, rows = big_map
    page = visit().open(url)
    legend = page.locator("#geomap-legend").inner_text()
    for layer, name in zip(
        LAYERS,
        [
            "Protests",
            "Prosecutions",
            "Border crossings",
            "Refusals and desertion",
            "Civil resistance",
            "Forced mobilisation",
        ],
    ):
        count = sum(r["layer"] == layer for r in rows)
        assert f"{name} ({count:,})" in legend  # grouped as the map's language writes it
    before = {layer: page.evaluate(MARKS_OF, layer) for layer in LAYERS}
    assert before == {layer: sum(r["layer"] == layer for r in rows) for layer in LAYERS}
    box = page.locator(".leaflet-control-layers-overlays label", has_text="Protests").locator(
        "input"
    )
    box.uncheck()
    assert page.evaluate(MARKS_OF, "protests") == 0
    assert page.evaluate(MARKS_OF, "crossings") == before["crossings"]
    box.check()
    assert page.evaluate(MARKS_OF, "protests") == before["protests"]


def test_a_mark_opens_its_events_when_zoomed_in(visit, big_map):
    url, _rows = big_map
    page = visit().open(url)
    point = page.evaluate("""() => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        let mark = null;
        map.eachLayer(l => {  // the busiest town: its popup has to page
            if (l.geomap && l.getLatLng && l.geomap.place && (!mark || l.geomap.events.length > mark.geomap.events.length)) mark = l;  // events: indexes
        });
        map.setView(mark.getLatLng(), 11, {animate: false});  // every place has its own mark here
        const p = map.latLngToContainerPoint(mark.getLatLng());
        const titles = [];  // every layer's events at that place: the click hits the topmost mark
        map.eachLayer(l => { if (l.geomap && l.geomap.place && l.geomap.place.id === mark.geomap.place.id)
                                 l.geomap.events.forEach(i => titles.push(map.geomapEvents.get(i).title)); });
        return {x: p.x, y: p.y, titles: titles, place: mark.geomap.place.name};
    }""")
    page.mouse.click(point["x"], point["y"])
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".geomap-where").inner_text().lower().startswith(point["place"].lower())
    shown = popup.locator("h3").all_inner_texts()
    assert shown and set(shown) <= set(point["titles"])


def test_a_busy_place_pages_its_popup(visit, big_map):
    page = visit().open(big_map[0])
    page.evaluate("""() => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        const events = map.geomapEvents;
        let busy = null;
        for (let i = 0; i < events.n; i++) if (events.get(i).id === 'busy0') busy = events.get(i).places[0];
        map.setView([busy.lat, busy.lon], 11, {animate: false});  // its own mark, not a gathered one
        map.eachLayer(l => { if (l.geomap && l.geomap.events.some(i => events.get(i).id === 'busy0'))
                                 l.fire('click', {latlng: l.getLatLng()}, true); });
    }""")
    popup = page.locator(".leaflet-popup-content")
    titles = popup.locator("h3")
    titles.nth(19).wait_for()  # the popup may open a moment after the click (events.js whenTexts)
    assert titles.count() == 20
    rows = big_map[1]
    here = sum(r["places"] == rows[0]["places"] and r["layer"] == "protests" for r in rows)
    assert popup.locator(".geomap-where").text_content().endswith(f" · {here} events")
    popup.locator(".geomap-more").click()
    titles.nth(39).wait_for()
    assert titles.count() == 40


def test_gathered_marks_zoom_in_when_clicked(visit, big_map):
    page = visit().open(big_map[0])
    zoom = page.evaluate("window[Object.keys(window).find(k => k.startsWith('map_'))].getZoom()")
    # One that no other mark covers (gathered marks of different layers may overlap).
    on_top = page.evaluate(
        """() => [...document.querySelectorAll(".geomap-gathered.geomap-layer-protests")].findIndex(m => {
            const r = m.getBoundingClientRect();
            return m.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
        })"""
    )
    assert on_top >= 0, "every gathered protests mark is covered by another mark"
    gathered = page.locator(".geomap-gathered.geomap-layer-protests").nth(on_top)
    gathered.click()
    page.wait_for_function(
        f"window[Object.keys(window).find(k => k.startsWith('map_'))].getZoom() > {zoom}"
    )
