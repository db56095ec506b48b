"""Loading events: YAML and CSV through one schema; every error names file, line, field, fix."""

import pytest

from geomap.errors import EventsError
from geomap.events import Count, load_events
from geomap.events.locate import locate_events

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


@pytest.mark.parametrize("change, line, field, words", [
    (("certainty: reported", "certainty: maybe"), 10, "certainty", "'confirmed', 'reported' or 'unverified'"),
    (("detained: 15", "detained: -15"), 9, "counts", "greater than or equal to 0"),
    (("detained: 15", "detained: lots"), 9, "counts", "lots"),
    (("detained: 15", "detained: true"), 9, "counts", "not true/false"),
    (("layer: protests", "layer: protest"), 4, "layer", "unknown layer 'protest'; expected one of"),
    (("date: 2022-03-01", "start: 2022-03-05\n    end: 2022-03-01"), 3, "events", "is before start"),
    (("    title: Rally\n", ""), 3, "title", "required field is missing"),
    (("summary: People gathered.", "summary: People gathered.\n    colour: red"), 7, "colour", "unknown field"),
])
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
    second = GOOD.split("events:\n")[1].replace("id: rally", "id: march").replace(
        "places: [Kharkiv]", "route: [Kharkiv, Atlantis]")
    error = error_for(tmp_path, GOOD + second)
    assert (error.line, error.field) == (16, "route"), (error.line, error.field)


def test_ambiguous_place_asks_for_the_region(tmp_path):
    text = str(error_for(tmp_path, GOOD.replace("[Kharkiv]", "[Pervomaisk]")))
    assert "more than one place has this name" in text and "(Region)" in text


@pytest.mark.parametrize("content, words", [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    ("title: Ковель\n".encode("cp1251"), "not valid UTF-8"),
    (b"events: [\n", "line 2"),
    (b"a: &x [1, 2]\nb: *x\n", "anchors and aliases"),
    (b"events:" + b" [" * 50 + b"]" * 50 + b"\n", "nested more than"),
    (b"just a string\n", "expected a mapping with an `events:` list"),
    (b"events: []\n", "events"),
])
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
    text = str(error_for(tmp_path, CSV.replace("https://example.org/r", "javascript:alert(1)"), "events.csv"))
    assert "http:// or https://" in text


def test_control_characters_are_refused_with_the_reason(tmp_path):
    text = str(error_for(tmp_path, GOOD.replace("title: Rally", 'title: "Ral\\0ly"')))
    assert "line 5" in text and "U+0000" in text
