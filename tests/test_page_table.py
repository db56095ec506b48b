"""The events table written into the page (map/table.py): every event as plain text, usable
without scripts, escaped, and the same bytes for the same input."""

import re

import pytest

from geomap.map import assemble_map
from geomap.map.table import count_label, date_label, number_label, table_rows
from geomap.outputs import render_html
from geomap.pipeline import locate

STRANGE = """\
title: Table test
events:
  - id: fees
    layer: crossings
    title: "Paid <b>crossings</b> & more"
    summary: "A summary with </td></tr><script>alert(1)</script> in it."
    start: 2023-12-30
    end: 2024-01-02
    as_of: 2024-01-05
    places: [Chop]
    counts:
      fee_per_person: {value: 1500.25, qualifier: up to}
      people: 12000
    currency: UAH
    certainty: unverified
    source: {title: "A source"}
    reported_by: local press
  - id: plain
    layer: protests
    title: One day
    summary: Short.
    date: 2022-03-01
    places: [Lviv]
    certainty: confirmed
    source: {title: Linked, url: "https://example.org/a?b=1&c=2", publisher: Example}
"""


@pytest.fixture(scope="module")
def strange_located(tmp_path_factory):
    path = tmp_path_factory.mktemp("table") / "strange.yaml"
    path.write_text(STRANGE, encoding="utf-8")
    return locate([path])


@pytest.fixture(scope="module")
def strange_page(strange_located):
    return render_html(assemble_map(strange_located, self_contained=True, basemap="vector"))


def rows(page):
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S).group(1)
    return re.findall(r"<tr data-event=\"\d+\">(.*?)</tr>", body, re.S)


def test_every_event_is_a_row_in_the_html(strange_page):
    found = rows(strange_page)
    assert len(found) == 2
    assert "Show the 2 events as a table" in strange_page
    plain, fees = found  # in the order of their titles: "One day", "Paid…"
    assert '<th scope="row">Paid &lt;b&gt;crossings&lt;/b&gt; &amp; more</th>' in fees
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in fees
    assert "30 December 2023 – 2 January 2024 (figures as of 5 January 2024)" in fees
    assert "fee per person: up to 1,500.25 UAH; people: 12,000" in fees
    assert "Chop (town)" in fees and "unverified" in fees
    assert "href" not in fees and "A source; reported by local press" in fees
    assert '<a href="https://example.org/a?b=1&amp;c=2" target="_blank"' in plain
    assert "1 March 2022" in plain and "(figures" not in plain


def test_the_table_is_open_and_shown_until_the_script_moves_it(strange_page):
    box = re.search(r'<div id="geomap-title"[^>]*>', strange_page).group(0)
    assert "hidden" not in box
    assert '<details class="geomap-table" open>' in strange_page
    assert "<noscript><style>.folium-map { display: none; }</style></noscript>" in strange_page


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "0"), (1234567, "1,234,567"), (2.5, "2.5"), (1.0, "1"), (0.125, "0.125")],
)
def test_number_label(value, shown):
    assert number_label(value) == shown


def test_labels_as_the_popups_write_them():
    # A running total on its day says so ("as of"), as the time window marks it.
    assert date_label("2022-02-24", "2022-02-24", "2022-02-24") == "as of 24 February 2022"
    assert date_label("2022-03-01", "2022-03-31", None, precision="month") == "March 2022"
    assert date_label("2022-03-07", "2022-03-13", None, precision="week") == "week of 7 March 2022"
    # A week is named by its Monday, whichever of its days is given.
    assert date_label("2022-03-09", "2022-03-13", None, precision="week") == "week of 7 March 2022"
    assert (
        date_label("2022-03-07", "2022-03-20", None, precision="week")
        == "week of 7 March 2022 – week of 14 March 2022"
    )
    assert (
        date_label("2022-02-24", "2022-03-25", "2022-03-20")
        == "24 February 2022 – 25 March 2022 (figures as of 20 March 2022)"
    )
    assert date_label("2022-02-24", "2022-03-25", None) == "24 February 2022 – 25 March 2022"
    assert (
        count_label("cost", {"value": 2000, "qualifier": "up to"}, "EUR") == "cost: up to 2,000 EUR"
    )
    # a count of people takes no currency
    assert count_label("detained", {"value": 15000}, "EUR") == "detained: 15,000"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", 'https://example.org/"onmouseover=x', "data:text/html,x"]
)
def test_only_plain_http_addresses_become_links(strange_located, url):
    """The loader refuses such addresses already; the table does not rely on it (a located
    frame can come from Python)."""
    located = strange_located.copy()
    located["source_url"] = url
    assert [row["url"] for row in table_rows(located, located.attrs["layers"])] == [None, None]
