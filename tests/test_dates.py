"""Dates known only to the month or the ISO week (issue 18): read from YAML, CSV and GeoJSON,
spanned in the located record, written back in the same short form; near misses refused with
the fix."""

import datetime as dt

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import EventsError
from geomap.events import load_events
from geomap.events.dates import read_short, span_end, weeks_in, written
from geomap.outputs import export_csv, export_geojson
from geomap.pipeline import locate

EVENT = """\
  - id: {id}
    layer: protests
    title: T {id}
    summary: S.
    {when}
    places: [Poltava]
    certainty: reported
"""


def yaml_file(tmp_path, *whens, name="e.yaml"):
    text = "events:\n" + "".join(
        EVENT.format(id=f"e{n}", when=when) for n, when in enumerate(whens)
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, first, precision, last",
    [
        ("2023-02", dt.date(2023, 2, 1), "month", dt.date(2023, 2, 28)),
        ("2024-02", dt.date(2024, 2, 1), "month", dt.date(2024, 2, 29)),  # a leap year
        ("2022-12", dt.date(2022, 12, 1), "month", dt.date(2022, 12, 31)),
        ("2022-W10", dt.date(2022, 3, 7), "week", dt.date(2022, 3, 13)),
        ("2021-W01", dt.date(2021, 1, 4), "week", dt.date(2021, 1, 10)),
        ("2020-W53", dt.date(2020, 12, 28), "week", dt.date(2021, 1, 3)),  # across a new year
    ],
)
def test_a_month_or_week_reads_as_its_first_day_and_spans_to_its_last(
    tmp_path, text, first, precision, last
):
    event = load_events(yaml_file(tmp_path, f"date: {text}")).events[0]
    assert (event.date, event.date_precision, event.start, event.end) == (
        first,
        precision,
        None,
        None,
    )
    assert span_end(first, precision) == last and written(first, precision) == text
    located = locate([yaml_file(tmp_path, f"date: {text}")])
    assert (located["start"][0], located["end"][0], located["date_precision"][0]) == (
        first.isoformat(),
        last.isoformat(),
        precision,
    )


def test_a_plain_day_keeps_day_precision(tmp_path):
    event = load_events(yaml_file(tmp_path, "date: 2022-06-15")).events[0]
    assert (event.date, event.date_precision) == (dt.date(2022, 6, 15), "day")


def test_weeks_in_a_year():
    assert [weeks_in(y) for y in (2015, 2019, 2020, 2021, 2026)] == [53, 52, 53, 52, 53]


@pytest.mark.parametrize(
    "when, field, words",
    [
        ("date: 2023-00", "date", "there is no month 0 in '2023-00'; write a month as YYYY-MM"),
        ("date: 2019-7", "date", "write the month with two digits: 2019-07"),
        ("date: 2019-W53", "date", "2019 has ISO weeks 01 to 52, not 53"),
        ("date: 2023-W00", "date", "2023 has ISO weeks 01 to 52, not 0"),
        ("date: 2023-W7", "date", "write an ISO week as 2023-W07 (capital W, two digits)"),
        ("date: 2023W07", "date", "write an ISO week as 2023-W07"),
        ("date: Feb 2023", "date", "YYYY-MM (2022-03) or YYYY-Www (2022-W10), got 'Feb 2023'"),
        ("date: 2023/02", "date", "expected a real date written YYYY-MM-DD"),
        ("start: 2023-02", "start", "got '2023-02': a range is given day by day"),
        ("as_of: 2023-W05", "as_of", "a running total is as of one day"),
        (
            "date: 2023-02-03\n    date_precision: month",
            "date",
            "written as its month: date: 2023-02 (and no date_precision), not 2023-02-03",
        ),
        (
            "date: 2023-02-07\n    date_precision: week",
            "date",
            "date: 2023-W06 (and no date_precision), not 2023-02-07",
        ),
        ("date: 2023-W06\n    date_precision: month", "date_precision", "known to the week"),
        ("date: 2023-02-01\n    date_precision: fortnight", "date_precision", "'month'"),
        (
            "start: 2023-02-01\n    date_precision: month",
            "date_precision",
            "start 2023-02-01 and end 2023-02-01 are not one month",
        ),
    ],
)
def test_near_misses_are_refused_with_line_field_and_fix(tmp_path, when, field, words):
    path = yaml_file(tmp_path, "date: 2022-01-01", when)
    with pytest.raises(EventsError) as info:
        load_events(path)
    message = str(info.value)
    lines = [n for n, part in enumerate(when.split("\n")) if part.strip().startswith(field + ":")]
    assert f"{path}, line {13 + lines[0]} (event e1), field events.{field}: " in message
    assert words in message
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_start_end_and_as_of_still_take_days(tmp_path):
    when = "start: 2023-02-01\n    end: 2023-03-31\n    as_of: 2023-03-31"
    event = load_events(yaml_file(tmp_path, when)).events[0]
    assert (event.start, event.end, event.as_of, event.date_precision) == (
        dt.date(2023, 2, 1),
        dt.date(2023, 3, 31),
        dt.date(2023, 3, 31),
        "day",
    )


def test_csv_export_writes_the_short_form_and_reads_back_equal(tmp_path):
    source = yaml_file(tmp_path, "date: 2023-02", "date: 2023-W06", "date: 2023-02-09")
    located = locate([source])
    text = export_csv(located, load_events(source))
    rows = [line.split(",")[:8] for line in text.splitlines()]
    assert rows[0][4:8] == ["date", "start", "end", "date_precision"]
    assert [r[4:8] for r in rows[1:]] == [
        ["2023-02", "", "", "month"],
        ["2023-W06", "", "", "week"],
        ["2023-02-09", "", "", "day"],
    ]
    again = tmp_path / "again.csv"
    again.write_text(text, encoding="utf-8")
    assert load_events(again).model_dump() == load_events(source).model_dump()


def test_exports_without_the_file_give_the_span_and_read_back_equal(tmp_path):
    """The CSV of several files, and the GeoJSON, write a week or month as its first and last
    day with its precision: read back, it is the short-form date again."""
    source = yaml_file(tmp_path, "date: 2023-02", "date: 2023-W06")
    located = locate([source])
    csv_path, geojson_path = tmp_path / "x.csv", tmp_path / "x.geojson"
    csv_path.write_text(export_csv(located), encoding="utf-8")
    assert ",2023-02-01,2023-02-28,month," in csv_path.read_text(encoding="utf-8")
    geojson_path.write_text(export_geojson(located), encoding="utf-8")
    for path in (csv_path, geojson_path):
        events = load_events(path).events
        assert [(e.date, e.date_precision, e.start, e.end) for e in events] == [
            (dt.date(2023, 2, 1), "month", None, None),
            (dt.date(2023, 2, 6), "week", None, None),
        ]


def test_read_short_leaves_days_and_other_text_to_the_day_schema():
    assert read_short("2022-03-01") is None and read_short("March") is None
