"""The page's time window as Python decides it (issue 18): whether the map has a time control,
and the window `geomap build --from --to` opens it on. What the page does with it is in
tests/ui/test_time.py."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import GeomapError
from geomap.map.window import time_payload
from geomap.pipeline import locate

WINDOW = Path(__file__).parent / "corpus" / "time" / "window.yaml"

ONE_DAY = """\
events:
  - {id: a, layer: protests, title: A, summary: S, date: 2022-05-09, places: [Lviv], certainty: reported}
  - {id: b, layer: protests, title: B, summary: S, date: 2022-05-09, places: [Sumy], certainty: reported}
  - {id: c, layer: protests, title: C, summary: S, date: 2022-05-09, as_of: 2022-05-09, places: [Kyiv], counts: {held: 4}, certainty: reported}
"""


@pytest.fixture(scope="module")
def located():
    return locate([WINDOW])


@pytest.fixture
def one_day(tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text(ONE_DAY, encoding="utf-8")
    return locate([path])


def test_the_window_spans_the_events_dates(located):
    # From the month-known event (February) to the last day, 5 April.
    assert time_payload(located) == {"window": ["2022-02-01", "2022-04-05"]}


@pytest.mark.parametrize(
    "window, expected",
    [
        (("2022-03-01", "2022-03-15"), ["2022-03-01", "2022-03-15"]),
        (("2022-03", "2022-03"), ["2022-03-01", "2022-03-31"]),  # a month: all of it
        (("2022-W11", None), ["2022-03-14", "2022-04-05"]),  # a week starts on its Monday
        ((None, "2022-W11"), ["2022-02-01", "2022-03-20"]),  # and ends on its Sunday
        (("2021-12-01", "2022-12-31"), ["2022-02-01", "2022-04-05"]),  # within the events' dates
    ],
)
def test_from_and_to_choose_the_first_window(located, window, expected):
    assert time_payload(located, window=window) == {"window": expected}


@pytest.mark.parametrize(
    "window, message",
    [
        (("2022-3-01", None), "--from: expected a day YYYY-MM-DD, a month YYYY-MM or an ISO week"),
        ((None, "yesterday"), "--to: expected a day YYYY-MM-DD"),
        ((None, "2022-13"), "--to: there is no month 13"),
        (("2022-02-30", None), "--from: expected a day YYYY-MM-DD"),
        (("2022-04-01", "2022-03-01"), "--from 2022-04-01 is after --to 2022-03-01"),
        (
            ("2023-01-01", None),
            "no events in the window 2023-01-01 to 2022-04-05: the events' dates run from "
            "2022-02-01 to 2022-04-05",
        ),
        ((None, "2021-W05"), "no events in the window 2022-02-01 to 2021-02-07"),
    ],
)
def test_a_bad_window_is_one_clear_error(located, window, message):
    with pytest.raises(GeomapError) as info:
        time_payload(located, window=window)
    assert message in str(info.value)


def test_no_control_when_every_event_shares_one_date(one_day):
    assert time_payload(one_day) is None
    assert time_payload(one_day, window=("2022-05", None)) is None  # a window holding it: fine
    with pytest.raises(GeomapError, match="no events in the window 2022-06-01"):
        time_payload(one_day, window=("2022-06-01", None))


def test_no_time_leaves_the_control_out_and_refuses_a_window(located):
    assert time_payload(located, time=False) is None
    with pytest.raises(GeomapError, match="leave out --no-time"):
        time_payload(located, time=False, window=("2022-03-01", None))


def test_build_takes_no_time_from_and_to(tmp_path, page_data):
    run = CliRunner().invoke
    out = tmp_path / "m.html"
    result = run(
        cli, ["build", str(WINDOW), "-o", str(out), "--from", "2022-03", "--to", "2022-W12"]
    )
    assert result.exit_code == 0, result.output
    assert page_data(out.read_text(encoding="utf-8"))["time"] == {
        "window": ["2022-03-01", "2022-03-27"]
    }
    result = run(cli, ["build", str(WINDOW), "-o", str(out), "--no-time"])
    assert result.exit_code == 0, result.output
    assert page_data(out.read_text(encoding="utf-8"))["time"] is None


def test_build_refuses_a_bad_window_and_writes_nothing(tmp_path):
    out = tmp_path / "m.html"
    result = CliRunner().invoke(cli, ["build", str(WINDOW), "-o", str(out), "--to", "2022-02-31"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: --to: expected a day YYYY-MM-DD")
    assert "Traceback" not in result.output and not out.exists()


def test_the_python_api_takes_time_and_window(located, page_data):
    from geomap.map import assemble_map
    from geomap.outputs import render_html

    html = render_html(assemble_map(located, time=False))
    assert page_data(html)["time"] is None and "geomap-time" not in html.split("<body>")[1]
    html = render_html(assemble_map(located, window=("2022-03-10", "2022-03-12")))
    assert page_data(html)["time"] == {"window": ["2022-03-10", "2022-03-12"]}
