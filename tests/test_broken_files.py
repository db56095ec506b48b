"""A corpus of broken events files: each gets one clear error (file, line or row, field),
exit code 2, and leaves the existing map byte-for-byte as it was. Cases written out here, and
one file per case in tests/corpus/broken/ with its exact message in expected.tsv."""

import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import EventsError
from geomap.events import load_events
from geomap.events.locate import locate_events

GOOD_EVENT = """\
  - id: rally
    layer: protests
    title: Rally
    summary: People gathered.
    date: 2022-03-01
    places: [Kharkiv]
    certainty: reported
"""
GOOD = "title: T\nevents:\n" + GOOD_EVENT


def edit(old, new):
    return GOOD.replace(old, new, 1).encode("utf-8")


CSV_HEAD = "id,layer,title,summary,date,places,counts,certainty\n"
CSV_ROW = "rally,protests,Rally,People gathered.,2022-03-01,Kharkiv,detained: 5,reported\n"

# (case id, file name, content, where the message points (None: the file as a whole),
#  the field it names (None: none), words it must contain)
CORPUS = [
    (
        "yaml-unclosed-bracket",
        "e.yaml",
        edit("[Kharkiv]", "[Kharkiv"),
        "line 9",
        None,
        "expected ',' or ']'",
    ),
    (
        "yaml-bad-indent",
        "e.yaml",
        edit("    layer: protests", "  layer: protests"),
        "line 4",
        None,
        "block end",
    ),
    (
        "yaml-tab-indent",
        "e.yaml",
        edit("    title: Rally", "\ttitle: Rally"),
        "line 5",
        None,
        "line 5, column 1: a tab; indent with spaces, not tabs",
    ),
    (
        "yaml-colon-in-value",
        "e.yaml",
        edit("title: Rally", "title: Rally: day one: x"),
        "line 5",
        None,
        "mapping values are not allowed here",
    ),
    ("events-not-a-list", "e.yaml", b"events:\n  id: x\n", "line 1", "events", "valid list"),
    (
        "event-not-a-mapping",
        "e.yaml",
        b"events:\n  - just text\n",
        "line 2",
        "events",
        "expected an event",
    ),
    (
        "title-is-a-list",
        "e.yaml",
        edit("title: Rally", "title: [a, b]"),
        "line 5",
        "events.title",
        "valid string",
    ),
    (
        "places-is-a-string",
        "e.yaml",
        edit("places: [Kharkiv]", "places: Kharkiv"),
        "line 8",
        "events.places",
        "valid list",
    ),
    (
        "counts-is-a-list",
        "e.yaml",
        edit("certainty: reported", "certainty: reported\n    counts: [1, 2]"),
        "line 10",
        "events.counts",
        "valid dictionary",
    ),
    (
        "missing-certainty",
        "e.yaml",
        edit("    certainty: reported\n", ""),
        "line 3",
        "events.certainty",
        "required field is missing",
    ),
    (
        "missing-summary",
        "e.yaml",
        edit("    summary: People gathered.\n", ""),
        "line 3",
        "events.summary",
        "required field is missing",
    ),
    (
        "unknown-layer",
        "e.yaml",
        edit("layer: protests", "layer: riots"),
        "line 4",
        "events.layer",
        "unknown layer 'riots'",
    ),
    ("unknown-place", "e.yaml", edit("[Kharkiv]", "[Lilliput]"), "line 8", "places", "'Lilliput'"),
    (
        "ambiguous-place",
        "e.yaml",
        edit("[Kharkiv]", "[Pervomaisk]"),
        "line 8",
        "places",
        "more than one place",
    ),
    ("not-a-place", "e.yaml", edit("[Kharkiv]", "[NATO]"), "line 8", "places", "'NATO'"),
    (
        "impossible-date",
        "e.yaml",
        edit("2022-03-01", "2022-02-30"),
        "line 7",
        None,
        "not a real date",
    ),
    (
        "date-in-words",
        "e.yaml",
        edit("2022-03-01", "early March 2022"),
        "line 7",
        "events.date",
        "expected a real date written YYYY-MM-DD",
    ),
    (
        "end-before-start",
        "e.yaml",
        edit("date: 2022-03-01", "start: 2022-03-05\n    end: 2022-03-01"),
        "line 3",
        "events",
        "is before start",
    ),
    (
        "date-and-start",
        "e.yaml",
        edit("date: 2022-03-01", "date: 2022-03-01\n    start: 2022-03-01"),
        "line 3",
        "events",
        "either date",
    ),
    (
        "negative-count",
        "e.yaml",
        edit("certainty: reported", "certainty: reported\n    counts: {detained: -3}"),
        "line 10",
        "events.counts.detained",
        "greater than or equal to 0",
    ),
    (
        "text-count",
        "e.yaml",
        edit("certainty: reported", "certainty: reported\n    counts: {detained: many}"),
        "line 10",
        "events.counts.detained",
        "'many'",
    ),
    (
        "boolean-count",
        "e.yaml",
        edit("certainty: reported", "certainty: reported\n    counts: {detained: yes}"),
        "line 10",
        "events.counts.detained",
        "not true/false",
    ),
    (
        "duplicate-id",
        "e.yaml",
        (GOOD + GOOD_EVENT).encode(),
        "line 10",
        "events.id",
        "duplicate id 'rally'",
    ),
    (
        "bad-id",
        "e.yaml",
        edit("id: rally", "id: Kyiv Rally!"),
        "line 3",
        "events.id",
        "lowercase letters, digits and hyphens",
    ),
    (
        "unknown-field",
        "e.yaml",
        edit("certainty: reported", "certainty: reported\n    colour: red"),
        "line 10",
        "events.colour",
        "unknown field",
    ),
    (
        "javascript-url",
        "e.yaml",
        edit("certainty: reported", "certainty: reported\n    url: javascript:alert(1)"),
        "line 10",
        "events.url",
        "http:// or https://",
    ),
    (
        "one-place-route",
        "e.yaml",
        edit("places: [Kharkiv]", "route: [Kharkiv]"),
        "line 3",
        "events",
        "two or more places",
    ),
    (
        "title-too-long",
        "e.yaml",
        edit("title: Rally", "title: " + "x" * 300),
        "line 5",
        "events.title",
        "at most 200 characters",
    ),
    (
        "bad-layer-colour",
        "e.yaml",
        ("layers:\n  - {id: x, name: X, color: red}\n" + GOOD.replace("protests", "x")).encode(),
        "line 2",
        "layers.color",
        "#rrggbb",
    ),
    ("no-events", "e.yaml", b"title: T\nevents: []\n", "line 2", "events", "at least 1 item"),
    ("list-of-numbers", "e.yaml", b"- 1\n- 2\n", "line 1", "events", "expected an event"),
    ("scalar-document", "e.yaml", b"just a sentence\n", None, None, "expected a mapping"),
    ("empty", "e.yaml", b"", None, None, "the file is empty"),
    ("whitespace-only", "e.yaml", b"  \n\t\n", None, None, "the file is empty"),
    ("binary", "e.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, None, "binary file"),
    (
        "utf16-without-mark",
        "e.yaml",
        GOOD.encode("utf-16-le"),
        None,
        None,
        "this looks like UTF-16, little-endian, without a byte-order mark; save it as UTF-8, "
        "or pass --encoding utf-16-le",
    ),
    (
        "cp1251",
        "e.yaml",
        edit("Rally", "Митинг").decode().encode("cp1251"),
        "line 5",
        None,
        "not UTF-8: this looks like Windows-1251; save it as UTF-8, or pass --encoding cp1251",
    ),
    (
        "deep-nesting",
        "e.yaml",
        b"events: " + b"[" * 100 + b"]" * 100 + b"\n",
        "line 1",
        None,
        "nested more than",
    ),
    (
        "anchor-bomb",
        "e.yaml",
        (
            b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nevents: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        ),
        "line 2",
        None,
        "anchors and aliases",
    ),
    ("csv-no-header", "e.csv", CSV_ROW.encode(), "row 1", None, "header row"),
    (
        "csv-extra-cells",
        "e.csv",
        (CSV_HEAD + CSV_ROW.replace("\n", ",extra,cells\n")).encode(),
        "row 2",
        None,
        "more cells",
    ),
    (
        "csv-bad-counts",
        "e.csv",
        (CSV_HEAD + CSV_ROW.replace("detained: 5", "five detained")).encode(),
        "row 2",
        "counts",
        "name: number",
    ),
    (
        "csv-unknown-place",
        "e.csv",
        (CSV_HEAD + CSV_ROW.replace("Kharkiv", "Kharkof")).encode(),
        "row 2",
        "places",
        "Did you mean",
    ),
    (
        "csv-bad-certainty",
        "e.csv",
        (CSV_HEAD + CSV_ROW.replace("reported", "sure")).encode(),
        "row 2",
        "events.certainty",
        "'confirmed', 'reported' or 'unverified'",
    ),
    # Issue 11's own examples; the classes they stand for are in tests/corpus/broken/.
    (
        "second-events-list",
        "e.yaml",
        (GOOD + "events:\n" + GOOD_EVENT.replace("rally", "march")).encode(),
        "line 10",
        None,
        "`events` is given twice (lines 2 and 10) at the top level of the file; keep one.",
    ),
    (
        "places-twice",
        "e.yaml",
        edit("certainty: reported", "certainty: reported\n    places: [Kyiv]"),
        "line 10",
        None,
        "`places` is given twice (lines 8 and 10) in event rally; keep one.",
    ),
    (
        "infinite-count",
        "e.yaml",
        edit("certainty: reported", "certainty: reported\n    counts: {detained: .inf}"),
        "line 10",
        "events.counts.detained",
        "expected a finite number",
    ),
    ("date-zero", "e.yaml", edit("2022-03-01", "0"), "line 7", "events.date", "YYYY-MM-DD"),
    (
        "set-of-places",
        "e.yaml",
        edit("[Kharkiv]", "!!set {Kharkiv, Kyiv}"),
        "line 8",
        None,
        "`!!set` values are not supported",
    ),
    (
        "csv-decimal-comma",
        "e.csv",
        (CSV_HEAD + CSV_ROW.replace("detained: 5", '"detained: 1,5"')).encode(),
        "row 2",
        "counts",
        "a decimal comma is read only with --decimal-comma, so pass --decimal-comma or write 1.5.",
    ),
    (
        "csv-cell-past-the-csv-limit",
        "e.csv",
        (CSV_HEAD + CSV_ROW + CSV_ROW.replace("People gathered.", "x" * 140_000)).encode(),
        "row 3",
        None,
        "cannot be read as CSV (field larger than field limit",
    ),
]


@pytest.mark.parametrize(
    "case, name, content, where, field, words", CORPUS, ids=[c[0] for c in CORPUS]
)
def test_broken_file_gets_one_clear_error_and_damages_nothing(
    tmp_path, case, name, content, where, field, words
):
    message = _build_fails_cleanly(tmp_path, name, content)
    _assert_points_at(message, tmp_path / name, where, field)
    assert words in message, message


def _build_fails_cleanly(tmp_path, name, content):
    """`geomap build` of a broken file: exit 2, one message, the old map untouched, no litter."""
    events = tmp_path / name
    events.write_bytes(content)
    out = tmp_path / "map.html"
    previous = b"<!-- the map already published -->\n"
    out.write_bytes(previous)

    result = CliRunner().invoke(cli, ["build", str(events), "-o", str(out)])

    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and "Traceback" not in result.output
    assert out.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "map.html"])
    return result.output


def _assert_points_at(message, path, where, field):
    """The message starts with the file and exactly this line/row, and names exactly this field."""
    start = f"Error: {path}, {where}" if where else f"Error: {path}:"
    assert message.startswith(start), message
    if where:
        assert message[len(start)] in " :,", message  # line 9, not line 90
    if field:
        assert re.search(rf", field {re.escape(field)}:", message), message
    else:
        assert ", field " not in message, message


# --- the corpus directory: one broken file per case, what it must print in expected.tsv ------

BROKEN = Path(__file__).parent / "corpus" / "broken"


def _manifest():
    with (BROKEN / "expected.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        (
            row["file"],
            None if row["line"] == "-" else int(row["line"]),
            None if row["field"] == "-" else row["field"],
            row["message after the file's path"],
        )
        for row in rows
    ]


MANIFEST = _manifest()


def test_every_corpus_file_has_an_expected_message_and_every_message_a_file():
    listed = [file for file, *_ in MANIFEST]
    on_disk = sorted(p.name for p in BROKEN.iterdir() if p.name != "expected.tsv")
    assert sorted(listed) == on_disk
    assert len(set(listed)) == len(listed)


@pytest.mark.parametrize("file, line, field, expected", MANIFEST, ids=[row[0] for row in MANIFEST])
def test_corpus_file_prints_its_exact_message(tmp_path, file, line, field, expected):
    content = (BROKEN / file).read_bytes()
    message = _build_fails_cleanly(tmp_path, file, content)
    assert message == f"Error: {tmp_path / file}{expected}\n"
    # The library says the same, with the line/row and field as attributes.
    with pytest.raises(EventsError) as info:
        locate_events(load_events(tmp_path / file))
    assert (info.value.line, info.value.field) == (line, field)
    unit = "row" if file.endswith(".csv") else "line"
    if "not UTF-8" in expected:  # bytes that are not text yet: a line of bytes, or none
        unit = "line"
    if line is None:
        assert expected.startswith(": "), "the message names a line the attribute lacks"
    else:
        assert re.match(rf", {unit}s? {line}[ :,–]", expected), "the message and attribute disagree"


# --- what reaches the page and the export -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["geojson", "csv"])
def test_export_of_an_infinite_count_is_refused_not_written(tmp_path, fmt):
    events = tmp_path / "e.yaml"
    events.write_bytes(
        edit(
            "certainty: reported", "certainty: reported\n    counts: {detained: -.inf, fined: .nan}"
        )
    )
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli, ["export", str(events), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "expected a finite number" in result.output
    assert not out.exists()


def test_json_writers_refuse_a_non_finite_number_that_got_past_validation(tmp_path):
    from geomap.map.payload import pack
    from geomap.outputs import export_geojson
    from geomap.pipeline import locate

    events = tmp_path / "e.yaml"
    events.write_bytes(GOOD.encode())
    located = locate([events])
    located.at[0, "counts"] = {"detained": {"value": float("inf")}}  # as a future bug might
    with pytest.raises(ValueError, match="not JSON compliant"):
        export_geojson(located)
    with pytest.raises(ValueError, match="not JSON compliant"):
        pack({"counts": [float("nan")]})


# --- several files at once ----------------------------------------------------------------------

STRIKES = """\
layers:
  - {id: strikes, name: Strikes, color: "#b2182b", description: %s}
events:
  - {id: %s, layer: strikes, title: Strike, summary: Workers stopped., date: 2022-03-01,
     places: [Kharkiv], certainty: reported}
"""


def test_a_layer_defined_differently_in_two_files_is_refused(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(STRIKES % ("Work stoppages", "strike-a"), encoding="utf-8")
    second.write_text(STRIKES % ("Walkouts", "strike-b"), encoding="utf-8")
    out = tmp_path / "map.html"
    out.write_bytes(b"old")
    result = CliRunner().invoke(cli, ["build", str(first), str(second), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"Error: the layer 'strikes' is defined differently in {first} (description 'Work stoppages') "
        f"and in {second} (description 'Walkouts'); give it the same name, colour and description in "
        "both files, or a different id in one.\n"
    )
    assert out.read_bytes() == b"old"


def test_the_same_layer_defined_twice_the_same_way_is_fine(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(STRIKES % ("Work stoppages", "strike-a"), encoding="utf-8")
    second.write_text(STRIKES % ("Work stoppages", "strike-b"), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["build", str(first), str(second), "-o", str(tmp_path / "map.html")]
    )
    assert result.exit_code == 0, result.output
    assert "Strikes: 2" in result.output


def test_fifty_megabyte_file_is_refused_quickly(tmp_path):
    events = tmp_path / "huge.yaml"
    with events.open("wb") as fh:  # sparse: no 50 MB written to disk
        fh.truncate(50 * 1024 * 1024)
    out = tmp_path / "map.html"
    out.write_bytes(b"old")
    result = CliRunner().invoke(cli, ["build", str(events), "-o", str(out)])
    assert result.exit_code == 2 and "too big for an events file" in result.output
    assert out.read_bytes() == b"old"
