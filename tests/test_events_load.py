"""Loading events: YAML and CSV through one schema; every error names file, line, field, fix."""

import pytest

from geomap.errors import EventsError
from geomap.events import Count, load_events
from geomap.events.locate import locate_events
from geomap.events.schema import Origin

GOOD = """\
title: T
events:
  - id: rally
    layer: protests
    title: Rally
    summary: People gathered.
    date: 2022-03-01
    places: [Kharkiv]
    counts: {detained: 15, fined: {value: 3, qualifier: at least}}
    certainty: reported
"""


def load_text(tmp_path, text, name="events.yaml"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_events(path)


def error_for(tmp_path, text, name="events.yaml"):
    with pytest.raises(EventsError) as info:
        located = load_text(tmp_path, text, name)
        locate_events(located)
    return info.value


def test_good_yaml_loads(tmp_path):
    events = load_text(tmp_path, GOOD)
    event = events.events[0]
    assert event.counts["detained"] == 15  # a plain number stays a number
    assert event.counts["fined"].label == "at least 3"


@pytest.mark.parametrize(
    "change, line, field, words",
    [
        (
            ("certainty: reported", "certainty: maybe"),
            10,
            "certainty",
            "'confirmed', 'reported' or 'unverified'",
        ),
        (("detained: 15", "detained: -15"), 9, "counts", "greater than or equal to 0"),
        (("detained: 15", "detained: lots"), 9, "counts", "lots"),
        (("detained: 15", "detained: true"), 9, "counts", "not true/false"),
        (
            ("layer: protests", "layer: protest"),
            4,
            "layer",
            "unknown layer 'protest'; expected one of",
        ),
        (
            ("date: 2022-03-01", "start: 2022-03-05\n    end: 2022-03-01"),
            3,
            "events",
            "is before start",
        ),
        (("    title: Rally\n", ""), 3, "title", "required field is missing"),
        (
            ("summary: People gathered.", "summary: People gathered.\n    colour: red"),
            7,
            "colour",
            "unknown field",
        ),
    ],
)
def test_yaml_errors_name_line_and_field(tmp_path, change, line, field, words):
    error = error_for(tmp_path, GOOD.replace(*change))
    text = str(error)
    assert f"line {line}" in text, text
    assert field in text and words in text, text
    assert "(event rally)" in text


def test_impossible_date_names_the_line(tmp_path):
    text = str(error_for(tmp_path, GOOD.replace("2022-03-01", "2022-02-30")))
    assert "line 7" in text and "YYYY-MM-DD" in text


def test_duplicate_ids_are_refused(tmp_path):
    twice = GOOD + GOOD.split("events:\n", 1)[1]
    text = str(error_for(tmp_path, twice))
    assert "duplicate id 'rally'" in text and "line 11" in text


def test_unknown_place_gets_suggestions_and_its_line(tmp_path):
    text = str(error_for(tmp_path, GOOD.replace("[Kharkiv]", "[Kharkof]")))
    assert "line 8" in text and "'Kharkof'" in text and "Kharkiv (town, Kharkiv Oblast, UA)" in text


def test_unresolved_place_error_points_at_its_own_event_and_field(tmp_path):
    second = (
        GOOD.split("events:\n")[1]
        .replace("id: rally", "id: march")
        .replace("places: [Kharkiv]", "route: [Kharkiv, Lilliput]")
    )
    error = error_for(tmp_path, GOOD + second)
    assert (error.line, error.field) == (16, "route"), (error.line, error.field)


def test_ambiguous_place_asks_for_the_region(tmp_path):
    text = str(error_for(tmp_path, GOOD.replace("[Kharkiv]", "[Pervomaisk]")))
    assert "more than one place has this name" in text and "(Region)" in text


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("title: Ковель\n".encode("cp1251"), "not UTF-8: this looks like Windows-1251"),
        (b"events: [\n", "line 2"),
        (b"a: &x [1, 2]\nb: *x\n", "anchors and aliases"),
        (b"events:" + b" [" * 50 + b"]" * 50 + b"\n", "nested more than"),
        (b"just a string\n", "expected a mapping with an `events:` list"),
        (b"events: []\n", "events"),
    ],
)
def test_broken_files_get_one_clear_error(tmp_path, content, words):
    text = str(error_for(tmp_path, content))
    assert words in text
    assert "events.yaml" in text


def test_oversized_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(EventsError, match="too big for an events file"):
        load_events(path)


def test_missing_file(tmp_path):
    with pytest.raises(EventsError, match="no such file"):
        load_events(tmp_path / "nope.yaml")


CSV = """\
id,layer,title,summary,date,places,counts,certainty,source_title,source_url
rally,protests,Rally,People gathered.,2022-03-01,Kharkiv;Kyiv,detained: about 15000; fined: 3,reported,Report,https://example.org/r
"""


def test_csv_rows_load_with_lists_and_counts(tmp_path):
    events = load_text(tmp_path, CSV, "events.csv")
    event = events.events[0]
    assert event.places == ["Kharkiv", "Kyiv"]
    assert event.counts["detained"] == Count(value=15000, qualifier="about")
    assert event.source.url == "https://example.org/r"


def test_csv_errors_name_the_row(tmp_path):
    bad = CSV + CSV.splitlines()[1].replace("rally", "march").replace("reported", "sure") + "\n"
    text = str(error_for(tmp_path, bad, "events.csv"))
    assert "row 3" in text and "certainty" in text and "(event march)" in text


def test_csv_bad_counts_cell(tmp_path):
    text = str(error_for(tmp_path, CSV.replace("fined: 3", "fined three"), "events.csv"))
    assert "row 2, field counts" in text and "name: number" in text


def test_links_must_be_http(tmp_path):
    text = str(
        error_for(
            tmp_path, CSV.replace("https://example.org/r", "javascript:alert(1)"), "events.csv"
        )
    )
    assert "http:// or https://" in text


def test_control_characters_are_refused_with_the_reason(tmp_path):
    text = str(error_for(tmp_path, GOOD.replace("title: Rally", 'title: "Ral\\0ly"')))
    assert "line 5" in text and "U+0000" in text


# --- no silently lost or changed data (issue 11) -------------------------------------------------

PYTHON_EVENT = {
    "id": "rally",
    "layer": "protests",
    "title": "Rally",
    "summary": "People gathered.",
    "date": "2022-03-01",
    "places": ["Kharkiv"],
    "certainty": "reported",
}


def validate(**changes):
    from geomap.events.schema import EventsFile

    return EventsFile.model_validate({"events": [{**PYTHON_EVENT, **changes}]})


@pytest.mark.parametrize(
    "count",
    [
        float("inf"),
        float("-inf"),
        float("nan"),
        {"value": float("nan")},
        {"value": float("inf"), "qualifier": "about"},
        2**53,
        True,
    ],
)
def test_schema_refuses_counts_a_page_cannot_show_from_python_too(count):
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="expected a finite number of 0 or more"):
        validate(counts={"detained": count})


def test_schema_keeps_finite_counts_as_given():
    counts = (
        validate(counts={"a": 0, "b": 2**53 - 1, "c": 2.5, "d": {"value": 1e300}}).events[0].counts
    )
    assert counts["a"] == 0 and counts["b"] == 2**53 - 1 and isinstance(counts["b"], int)
    assert counts["c"] == 2.5 and counts["d"].value == 1e300


@pytest.mark.parametrize(
    "field, value",
    [
        ("date", 0),
        ("date", 20220301),
        ("date", "1648771200"),
        ("start", 1.5),
        ("as_of", "2022-3-1"),
        ("date", "2022-02-30"),
    ],
)
def test_dates_are_dates_never_numbers(field, value):
    from pydantic import ValidationError

    changes = {field: value} if field != "start" else {"date": None, "start": value}
    with pytest.raises(ValidationError, match="expected a real date written YYYY-MM-DD"):
        validate(**changes)


def test_source_date_is_a_date_never_a_number():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=r"source\.date"):
        validate(source={"title": "OVD-Info", "date": 0})
    assert (
        str(validate(source={"title": "OVD-Info", "date": "2022-04-01"}).events[0].source.date)
        == "2022-04-01"
    )


@pytest.mark.parametrize(
    "field, value",
    [
        ("places", {"Kharkiv", "Kyiv"}),
        ("route", ("Kharkiv", "Kyiv")),
        ("tags", frozenset({"a"})),
        ("places", {"Kharkiv": 1}),
    ],
)
def test_list_fields_take_lists_only(field, value):
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="valid list"):
        validate(**{field: value})


def test_a_key_given_three_times_names_its_first_two_lines(tmp_path):
    text = GOOD.replace(
        "    certainty: reported\n", "    certainty: reported\n    title: Two\n    title: Three\n"
    )
    error = error_for(tmp_path, text)
    assert str(error) == (
        f"{tmp_path / 'events.yaml'}, line 11: `title` is given twice (lines 5 and 11) "
        "in event rally; keep one."
    )
    assert (error.line, error.field) == (11, "events.title")


def test_a_key_twice_in_an_event_without_an_id_says_where_the_event_starts(tmp_path):
    text = GOOD.replace("  - id: rally\n", "  - layer: protests\n")
    text = text.replace("    layer: protests\n", "", 1)
    text += "    layer: crossings\n"
    assert "event at line 3" in str(error_for(tmp_path, text))


def test_same_key_in_different_mappings_is_fine(tmp_path):
    text = GOOD.replace(
        "title: T\n", "title: T\nsource: {title: Report, date: 2022-04-01}\n"
    ).replace(
        "    certainty: reported\n",
        "    certainty: reported\n    source: {title: OVD-Info, date: 2022-03-02}\n",
    )
    events = load_text(tmp_path, text)
    assert events.source.title == "Report" and events.events[0].source.title == "OVD-Info"


def test_csv_thousands_separators_are_read_in_their_strict_form_only(tmp_path):
    def counts_cell(cell):
        return CSV.replace("detained: about 15000; fined: 3", f'"{cell}"')

    counts = (
        load_text(tmp_path, counts_cell("detained: about 15,000,000; fined: 1,500.5"), "events.csv")
        .events[0]
        .counts
    )
    assert counts["detained"].value == 15_000_000 and counts["fined"] == 1500.5
    for bad in ("1,5", "1,50", "1,5000", "15,00,000", "1,500,5"):
        with pytest.raises(
            EventsError, match=f"row 2, field counts: cannot read '{bad}': a comma is read only"
        ):
            load_text(tmp_path, counts_cell(f"fined: {bad}"), "events.csv")


def test_csv_header_naming_a_column_twice_is_refused_even_with_spaces(tmp_path):
    text = CSV.replace("source_title,source_url", "source_title, places ")
    error = error_for(tmp_path, text, "events.csv")
    assert "the column `places` is given twice (columns 6 (F) and 10 (J))" in str(error)
    assert (error.line, error.field) == (1, "places")


def test_with_origin_returns_a_copy_and_leaves_the_original_alone(tmp_path):
    events = load_text(tmp_path, GOOD)
    moved = events.with_origin(Origin(path="elsewhere.yaml"))
    assert moved is not events and moved.events == events.events
    assert moved.origin.path == "elsewhere.yaml"
    assert events.origin.path.endswith("events.yaml")
