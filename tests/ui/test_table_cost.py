"""The events table's cost (issue 16, and issue 20's big maps): the page's HTML carries the
first TABLE_ROWS events; table.js lists the others, cell for cell as Python writes them, only
when a reader asks; with scripts off the table says how many it leaves out."""

import pytest

from geomap.i18n import sort_key
from geomap.map import table

ROWS = "() => [...document.querySelectorAll('.geomap-table tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()))"


@pytest.fixture(scope="module")
def mixed_pages(site, mixed_events):
    """The mixed record (counts of every kind, a route, sources, notes, unverified) twice: every
    row written by Python, and only the first row, the rest left to the page."""
    from geomap.map import assemble_map
    from geomap.outputs import save
    from geomap.pipeline import locate

    root, origin = site
    located = locate([mixed_events])
    assert len(located) >= 4
    save(assemble_map(located, self_contained=True, basemap="vector"), root / "table-all.html")
    saved = table.TABLE_ROWS
    table.TABLE_ROWS = 1
    try:
        save(assemble_map(located, self_contained=True, basemap="vector"), root / "table-one.html")
    finally:
        table.TABLE_ROWS = saved
    return f"{origin}/table-all.html", f"{origin}/table-one.html", len(located)


def test_rows_listed_by_the_page_read_as_the_rows_python_writes(visit, mixed_pages):
    whole, capped, n = mixed_pages
    page = visit().open(whole)
    expected = page.evaluate(ROWS)
    assert len(expected) == n
    page = visit().open(capped)
    page.locator(".geomap-table summary").click()
    assert page.locator(".geomap-table tbody tr").count() == 1
    more = page.locator(".geomap-table-more button")
    assert more.inner_text() == f"Show {n - 1} more events ({n - 1} not listed yet)"
    more.click()
    assert page.evaluate(ROWS) == expected
    assert more.is_hidden()  # nothing left to list
    # Links only to http(s) sources, as in the Python rows.
    links = page.locator(".geomap-table tbody a").evaluate_all("as => as.map(a => a.href)")
    assert links and all(link.startswith(("http://", "https://")) for link in links)


def test_without_scripts_the_table_says_how_many_events_it_leaves_out(visit, mixed_pages):
    _, capped, n = mixed_pages
    page = visit(java_script_enabled=False).page
    page.goto(capped)
    assert page.locator(".geomap-table tbody tr").count() == 1
    line = page.locator(".geomap-table-more").inner_text()
    assert line.startswith(f"…and {n - 1} more events, not listed here"), line
    assert (
        page.locator(".geomap-table .geomap-closed").text_content()
        == f"Show the {n} events as a table"
    )


def test_a_big_map_carries_a_bounded_table(site, csv_map, visit):
    """2,000 events: TABLE_ROWS rows in the HTML, and the page lists the rest a page at a time."""
    rows = [
        {
            "id": f"e{i}",
            "layer": "protests",
            "title": f"Rally {i}",
            "summary": "People gathered.",
            "date": "2022-03-06",
            "places": ("Lviv", "Dnipro", "Sumy", "Poltava")[i % 4],
            "certainty": "reported",
        }
        for i in range(2000)
    ]
    url = csv_map("table-big", rows)
    html = (site[0] / "table-big.html").read_text(encoding="utf-8")
    assert html.count('<th scope="row">') == table.TABLE_ROWS
    page = visit().open(url)
    page.locator(".geomap-table summary").click()
    page.locator(".geomap-table-more button").click()
    assert page.locator(".geomap-table tbody tr").count() == 2 * table.TABLE_ROWS
    # In the order of the titles, as Python sorts them (the payload is in that order).
    titles = sorted((row["title"] for row in rows), key=lambda t: sort_key(t, "en"))
    shown = page.locator(".geomap-table tbody th").all_inner_texts()
    assert shown == titles[: 2 * table.TABLE_ROWS]
