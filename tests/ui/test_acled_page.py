"""An ACLED import on the page (issue 20): region-level rows are their regions, never a point
at the provincial capital ACLED stands them at; no download link without --share-data; the
credit names ACLED, the access date and the filters."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

DATA = Path(__file__).resolve().parents[1] / "datasets"
# The points the fixture's geo_precision 3 rows carry: the capitals of Kharkiv and
# Belgorod oblasts.
CAPITALS = [(49.9935, 36.2304), (50.5997, 36.5983)]
MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"
MARKS = f"""() => {{
    const map = {MAP}, out = [];
    map.eachLayer(l => {{ if (l.getLatLng && l.options && /geomap-event/.test(l.options.className || ''))
        out.push([l.getLatLng().lat, l.getLatLng().lng]); }});
    return out;
}}"""


@pytest.fixture(scope="module")
def acled_pages(site):
    from geomap.pipeline import build

    root, origin = site
    events = root / "acled.yaml"
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(DATA / "acled-2023.csv"), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "--filters", "Ukraine and Russia, March 2022",
         "-o", str(events)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    build([events], root / "acled.html", self_contained=True, basemap="vector")
    build([events], root / "acled-shared.html", self_contained=True, basemap="vector",
          share_data=True)  # fmt: skip
    return f"{origin}/acled.html", f"{origin}/acled-shared.html"


def test_region_level_rows_are_regions_not_points_at_the_capital(visit, acled_pages):
    v = visit()
    page = v.open(acled_pages[0])
    marks = page.evaluate(MARKS)
    assert len(marks) == 2  # Odesa (a point) and Korosten (approximate)
    for lat, lon in CAPITALS:
        near = [m for m in marks if abs(m[0] - lat) < 0.3 and abs(m[1] - lon) < 0.3]
        assert near == [], f"a mark at the capital {lat},{lon}: {near}"
    for layer in ("violence", "protests"):
        region = page.locator(f"path.geomap-region.geomap-layer-{layer}")
        assert region.count() == 1
        box = region.bounding_box()
        assert box["width"] > 30 and box["height"] > 30  # an oblast's outline, not a dot
    assert v.page_errors == [] and v.console_errors == [] and v.blocked == []


def test_no_download_link_without_the_flag_and_acled_credited(visit, acled_pages):
    closed, shared = acled_pages
    page = visit().open(closed)
    assert page.get_by_role("link", name="Download the mapped events (GeoJSON)").count() == 0
    assert page.locator("#geomap-download").count() == 0
    credit = page.locator(".leaflet-control-attribution").inner_text()
    assert "ACLED (https://acleddata.com), accessed 2024-05-02" in credit
    assert "filters: Ukraine and Russia, March 2022" in credit
    page = visit().open(shared)
    assert page.get_by_role("link", name="Download the mapped events (GeoJSON)").count() == 1


@pytest.fixture(scope="module")
def grouped_page(site):
    """A dataset's map (`--map`) whose marks stand for several events: three protests at Odesa
    on 1 March 2022 (one mark), two attacks in Kharkiv oblast in the week of 7 March (one
    region), Korosten's and Belgorod's one each; Saint Petersburg's arrest is skipped. Seven
    events in four marks."""
    root, origin = site
    lines = (DATA / "acled-2023.csv").read_text().splitlines()
    odesa, kharkiv = lines[1], lines[2]
    lines += [odesa.replace("UKR90001", "UKR90011"), odesa.replace("UKR90001", "UKR90012"),
              kharkiv.replace("UKR90002", "UKR90021")]  # fmt: skip
    export = root / "grouped.csv"
    export.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(export), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "--map", str(root / "grouped.html")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "as 4 marks" in result.output
    return f"{origin}/grouped.html"


def counts_beside_layers(page, selector) -> dict:
    out = {}
    for text in page.locator(selector).all_inner_texts():
        name, _, count = text.strip().rpartition(" (")
        out[name] = int(count.rstrip(")"))
    return out


MOVE = """([end, iso]) => {
  const input = document.querySelector(".geomap-time-" + end);
  input.value = Date.parse(iso) / 86400000;
  input.dispatchEvent(new Event("input", {bubbles: true}));
}"""

POPUP_AT = f"""([lat, lon]) => {{
    const map = {MAP};
    let mark = null;
    map.eachLayer(l => {{ if (!mark && l.getLatLng && /geomap-event/.test(l.options.className || '')
        && Math.abs(l.getLatLng().lat - lat) < 0.01 && Math.abs(l.getLatLng().lng - lon) < 0.01) mark = l; }});
    mark.fire('click', {{latlng: mark.getLatLng()}}, true);
}}"""


def test_a_grouped_map_counts_events_not_marks(visit, grouped_page):
    v = visit()
    page = v.open(grouped_page)
    every = {"Protests": 5, "Violence against civilians": 2}
    assert counts_beside_layers(page, ".leaflet-control-layers-overlays label") == every
    assert counts_beside_layers(page, ".geomap-legend li:has(.geomap-swatch)") == every
    assert "Show the 7 events as a table" in page.locator(".geomap-table summary").inner_text()
    assert page.locator(".geomap-time-count").inner_text() == "7 of 7 events"
    # As on an imported events file's map: regions, not capitals; no download by default.
    capitals = [(lat, lon) for lat, lon in CAPITALS for m in page.evaluate(MARKS)
                if abs(m[0] - lat) < 0.3 and abs(m[1] - lon) < 0.3]  # fmt: skip
    assert capitals == [] and page.locator("path.geomap-region").count() == 2
    assert page.locator("#geomap-download").count() == 0
    page.evaluate(POPUP_AT, [46.4825, 30.7233])  # Odesa: one mark of three events
    heading = page.locator(".leaflet-popup-content .geomap-where")
    assert heading.text_content() == "Odesa · 3 events"
    search = page.get_by_role("combobox")
    search.fill("Odesa")
    assert "3 events" in page.locator(".geomap-search-option").first.inner_text()
    search.fill("")
    # From 2 March: Odesa's three are out; Kharkiv's week (2), Korosten's March and
    # Belgorod's day are in.
    page.evaluate(MOVE, ["from", "2022-03-02"])
    page.wait_for_selector('html[data-geomap-time^="2022-03-02/"]', state="attached")
    assert page.locator(".geomap-time-count").inner_text() == "4 of 7 events"
    in_window = {"Protests": 2, "Violence against civilians": 2}
    assert counts_beside_layers(page, ".leaflet-control-layers-overlays label") == in_window
    assert counts_beside_layers(page, ".geomap-legend li:has(.geomap-swatch)") == in_window
    assert "Show the 4 events as a table" in page.locator(".geomap-table summary").inner_text()
    assert v.page_errors == [] and v.console_errors == [] and v.blocked == []
