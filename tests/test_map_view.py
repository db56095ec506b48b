"""geomap/map/view.py: the view a map opens on, above all when its events sit at one place.

The browser side (tests/ui/test_one_place.py) checks the page draws these views; here, the
bounds themselves. Expected extents are geographic facts written out by hand.
"""

from pathlib import Path

import pytest
import shapely

from geomap.errors import GeomapError
from geomap.map import assemble_map
from geomap.map.view import MIN_SPAN_DEG, POINT_SPAN_DEG, view_bounds
from geomap.pipeline import locate

CORPUS = Path(__file__).parent / "corpus" / "one-place"
KHARKIV_OBLAST = [[48.6, 34.9], [50.4, 38.0]]
LVIV_OBLAST = [[48.8, 22.7], [50.6, 25.4]]
ZAKARPATTIA = [[48.0, 22.2], [49.0, 24.6]]
UKRAINE = [[44.4, 22.2], [52.3, 40.1]]
RUSSIA = [[41.2, 19.7], [81.8, 190.3]]


def contains(view, box):
    (s, w), (n, e) = view
    return s <= box[0][0] and w <= box[0][1] and n >= box[1][0] and e >= box[1][1]


def span(view):
    return view[1][0] - view[0][0], view[1][1] - view[0][1]


@pytest.mark.parametrize(
    "name, extent",
    [
        ("kharkiv.yaml", KHARKIV_OBLAST),  # one town: its oblast
        ("kharkiv-oblast.yaml", KHARKIV_OBLAST),  # one region: the region
        ("shehyni-checkpoint.yaml", LVIV_OBLAST),  # three events at one checkpoint: its oblast
        ("round-trip.csv", ZAKARPATTIA),  # a route from a town back to itself
    ],
)
def test_one_place_opens_on_its_oblast(name, extent):
    view = view_bounds(locate([CORPUS / name]))
    assert contains(view, extent), view
    assert max(span(view)) < 2 * max(extent[1][1] - extent[0][1], extent[1][0] - extent[0][0]), view


@pytest.mark.parametrize("name, extent", [("ukraine.yaml", UKRAINE), ("russia.yaml", RUSSIA)])
def test_one_country_opens_on_all_of_it(name, extent):
    view = view_bounds(locate([CORPUS / name]))
    assert contains(view, extent), view
    # and on no more: not Natural Earth's speck of Chernihiv Oblast in the Arctic (67° E)
    assert view[1][0] < extent[1][0] + 1 and view[1][1] < extent[1][1] + 1, view


def test_town_with_no_region_outline_gets_a_span_around_it():
    view = view_bounds(locate([CORPUS / "przemysl.yaml"]))  # Poland: no region outlines
    lat, lon = 49.78, 22.77
    assert contains(view, [[lat, lon], [lat, lon]])
    assert span(view)[0] == pytest.approx(POINT_SPAN_DEG, abs=0.01)
    assert (view[0][0] + view[1][0]) / 2 == pytest.approx(lat, abs=0.01)  # centred on it,
    assert (view[0][1] + view[1][1]) / 2 == pytest.approx(lon, abs=0.01)  # not Lviv Oblast's


def test_non_finite_geometry_is_ignored():
    located = locate([CORPUS / "kharkiv.yaml"])
    broken = located.set_geometry([shapely.Point(float("nan"), float("nan"))] * len(located))
    assert view_bounds(broken) == view_bounds(located)


def test_spread_out_events_keep_their_own_extent(report_located):
    minx, miny, maxx, maxy = report_located.total_bounds
    assert max(maxx - minx, maxy - miny) >= MIN_SPAN_DEG
    assert view_bounds(report_located) == [
        [round(miny, 4), round(minx, 4)],
        [round(maxy, 4), round(maxx, 4)],
    ]


def test_choosing_only_layers_without_events_is_an_error(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(
        """\
title: A layer with no events
layers:
  - {id: strikes, name: Strikes, color: "#b2182b"}
  - {id: rallies, name: Rallies, color: "#2166ac"}
events:
  - {id: r, layer: rallies, title: Rally, summary: People rallied., date: 2022-03-01,
     places: [Kharkiv], certainty: reported}
""",
        encoding="utf-8",
    )
    with pytest.raises(
        GeomapError,
        match=r"^the layers chosen \(strikes\) have no events; "
        r"the layers with events are: rallies$",
    ):
        assemble_map(locate([path]), layers=["strikes"])
