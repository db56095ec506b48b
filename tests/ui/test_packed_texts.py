"""A map whose prose is big enough to be packed draws first and unpacks its titles and
summaries after (events.js): popups, tooltips, the table and the download wait for them,
and then show every event's own words."""

import json
from pathlib import Path

import pytest

N = 1_500


@pytest.fixture(scope="module")
def prose_map(site, csv_map, gazetteer):
    towns = [t for t in gazetteer.find(kind="town") if t.country == "UA" and t.parent][:40]
    names = [f"{t.name} ({gazetteer.get(t.parent).name})" for t in towns]
    names = [n for n, t in zip(names, towns) if gazetteer.lookup(n).place == t]
    rows = [
        {
            "id": f"e{i}",
            "layer": "protests",
            "title": f"Long report {i}",
            "summary": f"Report {i}: " + "people gathered and spoke at length. " * 20,
            "date": "2022-03-01",
            "places": names[i % len(names)],
            "certainty": "reported",
        }
        for i in range(N)
    ]
    url = csv_map("prose", rows)
    html = (site[0] / "prose.html").read_text(encoding="utf-8")
    assert 'id="geomap-data-texts" data-encoding="gzip+base64"' in html  # the case under test
    return url, rows


def test_popup_table_and_download_show_the_unpacked_prose(visit, prose_map):
    url, rows = prose_map
    v = visit()
    page = v.open(url)
    # Straight after drawing, as a quick reader would: open the first mark's popup.
    page.evaluate("""() => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        let mark = null;
        map.eachLayer(l => { if (!mark && l.geomap && l.getLatLng) mark = l; });
        mark.fire('click', {latlng: mark.getLatLng()}, true);
    }""")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    titles = popup.locator("h3").all_inner_texts()
    by_title = {r["title"]: r for r in rows}
    assert titles and all(t in by_title for t in titles)
    first = popup.locator("article").first.inner_text()
    assert by_title[titles[0]]["summary"].strip()[:60] in first

    with page.expect_download() as info:
        page.locator("#geomap-download").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    got = {f["properties"]["id"]: f["properties"]["summary"] for f in data["features"]}
    assert got == {r["id"]: r["summary"].strip() for r in rows}

    page.locator(".geomap-table summary").click()
    page.locator(".geomap-table tbody tr").first.wait_for()
    assert page.locator(".geomap-table tbody th").first.inner_text() == rows[0]["title"]
    assert v.page_errors == []
