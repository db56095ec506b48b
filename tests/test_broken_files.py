"""A corpus of broken events files: each gets one clear error (file, line or row, field),
exit code 2, and leaves the existing map byte-for-byte as it was."""

import pytest
from click.testing import CliRunner

from geomap.cli import cli

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

# (case id, file name, content, words the message must contain, says where (line/row), field)
CORPUS = [
    ("yaml-unclosed-bracket", "e.yaml", edit("[Kharkiv]", "[Kharkiv"), "line", True, None),
    ("yaml-bad-indent", "e.yaml", edit("    layer: protests", "  layer: protests"), "line", True, None),
    ("yaml-tab-indent", "e.yaml", edit("    title: Rally", "\ttitle: Rally"), "line", True, None),
    ("yaml-colon-in-value", "e.yaml", edit("title: Rally", "title: Rally: day one: x"), "line", True, None),
    ("events-not-a-list", "e.yaml", b"events:\n  id: x\n", "valid list", True, "events"),
    ("event-not-a-mapping", "e.yaml", b"events:\n  - just text\n", "expected an event", True, "events"),
    ("title-is-a-list", "e.yaml", edit("title: Rally", "title: [a, b]"), "valid string", True, "title"),
    ("places-is-a-string", "e.yaml", edit("places: [Kharkiv]", "places: Kharkiv"), "valid list", True, "places"),
    ("counts-is-a-list", "e.yaml", edit("certainty: reported", "certainty: reported\n    counts: [1, 2]"),
     "valid dictionary", True, "counts"),
    ("missing-certainty", "e.yaml", edit("    certainty: reported\n", ""), "required field is missing", True, "certainty"),
    ("missing-summary", "e.yaml", edit("    summary: People gathered.\n", ""), "required field is missing", True, "summary"),
    ("unknown-layer", "e.yaml", edit("layer: protests", "layer: riots"), "unknown layer 'riots'", True, "layer"),
    ("unknown-place", "e.yaml", edit("[Kharkiv]", "[Atlantis]"), "'Atlantis'", True, "places"),
    ("ambiguous-place", "e.yaml", edit("[Kharkiv]", "[Pervomaisk]"), "more than one place", True, "places"),
    ("not-a-place", "e.yaml", edit("[Kharkiv]", "[NATO]"), "'NATO'", True, "places"),
    ("impossible-date", "e.yaml", edit("2022-03-01", "2022-02-30"), "not a real date", True, None),
    ("date-in-words", "e.yaml", edit("2022-03-01", "early March 2022"), "valid date", True, "date"),
    ("end-before-start", "e.yaml", edit("date: 2022-03-01", "start: 2022-03-05\n    end: 2022-03-01"),
     "is before start", True, "events"),
    ("date-and-start", "e.yaml", edit("date: 2022-03-01", "date: 2022-03-01\n    start: 2022-03-01"),
     "either date", True, "events"),
    ("negative-count", "e.yaml", edit("certainty: reported", "certainty: reported\n    counts: {detained: -3}"),
     "greater than or equal to 0", True, "counts"),
    ("text-count", "e.yaml", edit("certainty: reported", "certainty: reported\n    counts: {detained: many}"),
     "many", True, "counts"),
    ("boolean-count", "e.yaml", edit("certainty: reported", "certainty: reported\n    counts: {detained: yes}"),
     "not true/false", True, "counts"),
    ("duplicate-id", "e.yaml", (GOOD + GOOD_EVENT).encode(), "duplicate id 'rally'", True, "id"),
    ("bad-id", "e.yaml", edit("id: rally", "id: Kyiv Rally!"), "lowercase letters, digits and hyphens", True, "id"),
    ("unknown-field", "e.yaml", edit("certainty: reported", "certainty: reported\n    colour: red"),
     "unknown field", True, "colour"),
    ("javascript-url", "e.yaml", edit("certainty: reported", "certainty: reported\n    url: javascript:alert(1)"),
     "http:// or https://", True, "url"),
    ("one-place-route", "e.yaml", edit("places: [Kharkiv]", "route: [Kharkiv]"), "two or more places", True, "events"),
    ("title-too-long", "e.yaml", edit("title: Rally", "title: " + "x" * 300), "at most 200 characters", True, "title"),
    ("bad-layer-colour", "e.yaml", ("layers:\n  - {id: x, name: X, color: red}\n" + GOOD.replace("protests", "x")).encode(),
     "#rrggbb", True, "color"),
    ("no-events", "e.yaml", b"title: T\nevents: []\n", "at least 1 item", True, "events"),
    ("list-of-numbers", "e.yaml", b"- 1\n- 2\n", "expected an event", True, "events"),
    ("scalar-document", "e.yaml", b"just a sentence\n", "expected a mapping", False, None),
    ("empty", "e.yaml", b"", "the file is empty", False, None),
    ("whitespace-only", "e.yaml", b"  \n\t\n", "the file is empty", False, None),
    ("binary", "e.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", False, None),
    ("utf16", "e.yaml", GOOD.encode("utf-16"), "binary file", False, None),
    ("cp1251", "e.yaml", edit("Rally", "Митинг").decode().encode("cp1251"), "not valid UTF-8", True, None),
    ("deep-nesting", "e.yaml", b"events: " + b"[" * 100 + b"]" * 100 + b"\n", "nested more than", True, None),
    ("anchor-bomb", "e.yaml", b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nevents: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
     "anchors and aliases", True, None),
    ("csv-no-header", "e.csv", CSV_ROW.encode(), "header row", True, None),
    ("csv-extra-cells", "e.csv", (CSV_HEAD + CSV_ROW.replace("\n", ",extra,cells\n")).encode(), "more cells", True, None),
    ("csv-bad-counts", "e.csv", (CSV_HEAD + CSV_ROW.replace("detained: 5", "five detained")).encode(),
     "name: number", True, "counts"),
    ("csv-unknown-place", "e.csv", (CSV_HEAD + CSV_ROW.replace("Kharkiv", "Kharkof")).encode(), "Did you mean", True, "places"),
    ("csv-bad-certainty", "e.csv", (CSV_HEAD + CSV_ROW.replace("reported", "sure")).encode(),
     "'confirmed', 'reported' or 'unverified'", True, "certainty"),
]


@pytest.mark.parametrize("case, name, content, words, says_where, field", CORPUS, ids=[c[0] for c in CORPUS])
def test_broken_file_gets_one_clear_error_and_damages_nothing(tmp_path, case, name, content, words, says_where, field):
    events = tmp_path / name
    events.write_bytes(content)
    out = tmp_path / "map.html"
    previous = b"<!-- the map already published -->\n"
    out.write_bytes(previous)

    result = CliRunner().invoke(cli, ["build", str(events), "-o", str(out)])

    message = result.output
    assert result.exit_code == 2, message
    assert message.startswith("Error: ") and "Traceback" not in message
    assert str(events) in message
    assert words in message, message
    if says_where:
        assert " line " in message or " row " in message, message
    if field:
        assert f"field {field}" in message or f"field events.{field}" in message or field in message, message
    assert out.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "map.html"])


def test_corpus_is_big_enough():
    assert len(CORPUS) >= 30


def test_fifty_megabyte_file_is_refused_quickly(tmp_path):
    events = tmp_path / "huge.yaml"
    with events.open("wb") as fh:  # sparse: no 50 MB written to disk
        fh.truncate(50 * 1024 * 1024)
    out = tmp_path / "map.html"
    out.write_bytes(b"old")
    result = CliRunner().invoke(cli, ["build", str(events), "-o", str(out)])
    assert result.exit_code == 2 and "too big for an events file" in result.output
    assert out.read_bytes() == b"old"
