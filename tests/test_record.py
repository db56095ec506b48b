"""The located-event record is declared once (geomap/events/record.py); everything else
derives from it, in Python and in the page's scripts."""

import csv
import io
import json
import re
import typing
from pathlib import Path

import pytest

from geomap.events import record

MIXED = Path(__file__).parent / "corpus" / "mixed-record.yaml"
PAGE_SCRIPTS = sorted((Path(__file__).resolve().parents[1] / "geomap" / "map").glob("*.js"))


@pytest.fixture(scope="module")
def mixed_located():
    from geomap.pipeline import locate

    return locate([MIXED])


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("summonses", record.NUMBER),  # contains "sum", is not money
        ("consumers_affected", record.NUMBER),  # contains "sum" too
        ("fined", record.NUMBER),  # people fined, not an amount
        ("cost_per_person", record.MONEY),
        ("fine_amount", record.MONEY),
        ("bribes_paid", record.MONEY),
        ("max_sentence_years", record.DURATION),
        ("days", record.DURATION),
        ("min_age", record.AGE),
        ("yearsley_residents", record.NUMBER),  # "years" inside a word is not a duration
    ],
)
def test_count_kinds_read_whole_words(name, kind):
    assert record.count_kind(name) == kind


def test_certainty_literal_is_the_record_order():
    from geomap.events.schema import Certainty

    assert typing.get_args(Certainty) == record.CERTAINTIES


def test_located_columns_csv_and_geojson_follow_the_record(mixed_located):
    from geomap.outputs import DERIVED_COLUMNS, export_csv, export_geojson

    assert [c for c in mixed_located.columns if c != "geometry"] == list(record.NAMES)
    rows = csv.reader(io.StringIO(export_csv(mixed_located)))
    header = next(row for row in rows if not row[0].startswith("#"))  # after the file's rows
    assert header == [*record.CSV_COLUMNS, *DERIVED_COLUMNS] and "precision" not in header
    features = json.loads(export_geojson(mixed_located))["features"]
    assert all(list(f["properties"]) == list(record.GEOJSON_PROPERTIES) for f in features)
    assert sorted(record.GEOJSON_PROPERTIES) == sorted(record.NAMES)


def test_geometry_rule(mixed_located):
    from geomap.outputs import export_geojson

    kinds = {
        f["properties"]["id"]: f["geometry"]["type"]
        for f in json.loads(export_geojson(mixed_located))["features"]
    }
    assert kinds == {
        "summons-wave": "Point",
        "paid-exit": "LineString",
        "two-cities": "MultiPoint",
        "oblast-case": "Point",
    }
    assert list(mixed_located.geom_type) == list(kinds.values())  # locate's shapes agree


def test_payload_carries_the_declaration_and_count_kinds(mixed_located):
    from geomap.map.payload import decode_events, encode_events, events_geojson, pack, unpack

    layers = mixed_located.attrs["layers"]
    encoded = encode_events(mixed_located, layers)
    assert [c["name"] for c in encoded["record"]] == list(record.NAMES)
    certainty = next(c for c in encoded["record"] if c["name"] == "certainty")
    assert certainty["choices"] == list(record.CERTAINTIES)
    assert encoded["count_kinds"] == {
        "summonses": "number",
        "consumers_affected": "number",
        "cost_per_person": record.MONEY,
        "fine_amount": record.MONEY,
        "crossed": "number",
        "detained": "number",
        "max_sentence_years": "duration",
    }
    assert decode_events(unpack(*pack(encoded)), layers) == events_geojson(mixed_located)


def test_a_new_column_reaches_the_encoding_and_the_decoding(mixed_located, monkeypatch):
    """Declared once: a column added to the record is carried and read back with no other edit."""
    from geomap.map import payload

    extra = record.Column("note_text", record.TEXT)
    monkeypatch.setattr(record, "COLUMNS", (*record.COLUMNS, extra))
    monkeypatch.setattr(payload, "PROPERTIES", (*record.GEOJSON_PROPERTIES, "note_text"))
    located = mixed_located.assign(note_text=["a", None, "b", "a"])
    layers = located.attrs["layers"]
    decoded = payload.decode_events(payload.encode_events(located, layers), layers)
    assert [f["properties"]["note_text"] for f in decoded["features"]] == ["a", None, "b", "a"]


# --- the page's scripts repeat none of it --------------------------------------------------

_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}


def js_string_literals(source: str) -> list[str]:
    """The string literals of a script: comments and regular-expression literals skipped."""
    out, i, n, last = [], 0, len(source), ""
    while i < n:
        ch = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            i = source.index("*/", i) + 2
        elif ch == "/" and last in _REGEX_BEFORE:  # a regular expression, not a division
            i += 1
            in_class = False
            while source[i] != "/" or in_class:
                if source[i] == "\\":
                    i += 1
                elif source[i] == "[":
                    in_class = True
                elif source[i] == "]":
                    in_class = False
                i += 1
            i += 1
            last = "/"
        elif ch in "\"'`":
            j, chars = i + 1, []
            while source[j] != ch:
                if source[j] == "\\":
                    j += 1
                chars.append(source[j])
                j += 1
            out.append("".join(chars))
            i, last = j + 1, ch
        else:
            if not ch.isspace():
                last = ch
            i += 1
    return out


def test_the_literal_finder_sees_strings_not_regexes_or_comments():
    found = js_string_literals(
        'var a = /["\']x/.test("b") ? \'c\' : 1 / 2; // "d"\n/* "e" */ f("g\\"h")'
    )
    assert found == ["b", "c", 'g"h']


@pytest.mark.parametrize("script", PAGE_SCRIPTS, ids=lambda p: p.name)
def test_page_scripts_spell_no_column_certainty_or_count_word(script):
    forbidden = (
        set(record.NAMES) | set(record.CERTAINTIES) | set().union(*record.COUNT_WORDS.values())
    )
    literals = js_string_literals(script.read_text(encoding="utf-8"))
    assert literals, "the tokenizer found no strings at all"
    repeated = forbidden & {text.strip().lower() for text in literals}
    assert not repeated, f"{script.name} spells {sorted(repeated)}: send them from Python instead"


def test_page_scripts_read_only_declared_columns():
    """Property access by name is allowed (the decoder builds events from the declaration),
    but every event field and column a script reads must be one the record declares."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in PAGE_SCRIPTS)
    used = set(re.findall(r"\b(?:ev|cols|_cols|_column)\.(\w+)", source))
    assert used and used <= set(record.NAMES) | {"source"}, used - set(record.NAMES)


def test_no_page_kind_is_spelled_like_a_column_or_count_word():
    words = set(record.NAMES) | set().union(*record.COUNT_WORDS.values()) | set(record.CERTAINTIES)
    assert not words & (set(record.PAGE_KINDS) | set(record.COUNT_KINDS) - {record.AGE})
