"""Events files as spreadsheets save them (issue 19): separators, encodings, day-first dates and
decimal commas; and the CSV round trip, YAML → CSV → YAML and CSV → build, without losses.

The broken shapes (each with its message) are in tests/corpus/broken/; here, what is read."""

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.cli import cli
from geomap.errors import EventsError
from geomap.events import load_events
from geomap.events.load import ReadOptions
from geomap.outputs import DERIVED_COLUMNS
from geomap.pipeline import build, bundled_events, export

FIXTURES = Path(__file__).parent / "corpus" / "spreadsheets"

HEADER = ["id", "layer", "title", "summary", "date", "places", "counts", "certainty"]
ROWS = [
    ["poltava-vigil", "protests", "Vigil, evening", "People lit candles.", "2022-03-06",
     "Poltava;Sumy", "detained: 3; fined: about 1500", "reported"],
    ["chernivtsi-rally", "protests", "Rally", "Сотні людей вийшли на площу.", "2022-03-08",
     "Chernivtsi", "", "confirmed"],
]  # fmt: skip


def written(tmp_path, name, rows, *, delimiter=",", encoding="utf-8", header=HEADER):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([header, *rows])
    path = tmp_path / name
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def dumped(path, options=None):
    return load_events(path, options).model_dump()


# --- dialects and encodings ---------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_files_read_as_the_comma_file(tmp_path, delimiter):
    comma = dumped(written(tmp_path, "comma.csv", ROWS))
    other = dumped(written(tmp_path, "other.csv", ROWS, delimiter=delimiter))
    assert other == comma
    assert other["events"][0]["places"] == ["Poltava", "Sumy"]  # `;` lists, quoted in the cell


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_utf8_and_utf16_with_their_byte_order_mark_are_read(tmp_path, encoding):
    path = written(tmp_path, "e.csv", ROWS, encoding=encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # the codec writes no mark: write it
        mark = "\ufeff".encode(encoding)
        path.write_bytes(mark + path.read_bytes())
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff", b"\xef\xbb")
    assert dumped(path) == dumped(written(tmp_path, "plain.csv", ROWS))


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-u"])
def test_a_cyrillic_legacy_encoding_is_named_and_read_with_encoding(tmp_path, encoding):
    path = written(tmp_path, "e.csv", ROWS, encoding=encoding)
    with pytest.raises(EventsError, match=rf"pass --encoding {encoding}\.$"):
        load_events(path)
    assert dumped(path, ReadOptions(encoding=encoding)) == dumped(written(tmp_path, "u.csv", ROWS))


def test_a_latin_accent_is_not_named_cyrillic(tmp_path):
    path = tmp_path / "e.csv"
    path.write_bytes("id,title\nx,Café Zürich\n".encode("cp1252"))
    with pytest.raises(EventsError) as info:
        load_events(path)
    assert "Windows-1251" not in str(info.value) and "byte 0xe9" in str(info.value)
    assert "pass --encoding and the encoding the file was saved in" in str(info.value)


def test_an_unknown_or_wrong_encoding_is_said(tmp_path):
    path = written(tmp_path, "e.csv", ROWS)
    with pytest.raises(EventsError, match="--encoding 'cp-9999': not an encoding Python knows"):
        load_events(path, ReadOptions(encoding="cp-9999"))
    with pytest.raises(EventsError, match=r"e\.csv, line 3: not valid ascii \(byte 0xd0\)"):
        load_events(path, ReadOptions(encoding="ascii"))


# --- day-first dates and decimal commas, only when asked ----------------------------------------


def test_dayfirst_reads_every_date_field(tmp_path):
    header = ["id", "layer", "title", "summary", "start", "end", "as_of", "places",
              "source_title", "source_date", "certainty"]  # fmt: skip
    row = ["siege", "civil-resistance", "Siege", "Held out.", "2.3.2022", "20/03/2022",
           "21-03-2022", "Chernihiv", "Paper", "01.04.2022", "reported"]  # fmt: skip
    path = written(tmp_path, "e.csv", [row], header=header)
    with pytest.raises(EventsError, match="pass --dayfirst or write 2022-03-02"):
        load_events(path)
    event = load_events(path, ReadOptions(dayfirst=True)).events[0]
    assert (event.start, event.end, event.as_of, event.source.date) == (
        dt.date(2022, 3, 2),
        dt.date(2022, 3, 20),
        dt.date(2022, 3, 21),
        dt.date(2022, 4, 1),
    )


def test_dayfirst_still_refuses_a_day_that_does_not_exist(tmp_path):
    rows = [[*ROWS[1][:4], "30.02.2022", *ROWS[1][5:]]]
    with pytest.raises(EventsError, match="expected a real date written YYYY-MM-DD"):
        load_events(written(tmp_path, "e.csv", rows), ReadOptions(dayfirst=True))


def test_decimal_comma_reads_counts_and_points(tmp_path):
    header = ["id", "layer", "title", "summary", "date", "places", "lat", "lon",
              "place_precision", "counts", "certainty"]  # fmt: skip
    row = ["bail", "prosecutions", "Bail", "Set by a court.", "2022-03-09", "Hamlet",
           "50,25", "30,5", "town", "bail: 15 000,5; days: about 2,5", "reported"]  # fmt: skip
    path = written(tmp_path, "e.csv", [row], header=header, delimiter=";")
    event = load_events(path, ReadOptions(decimal_comma=True)).events[0]
    assert (event.places[0].lat, event.places[0].lon) == (50.25, 30.5)
    assert event.counts["bail"] == 15000.5
    assert (event.counts["days"].value, event.counts["days"].qualifier) == (2.5, "about")


def test_decimal_comma_refuses_a_point_rather_than_guess(tmp_path):
    rows = [[*ROWS[0][:6], "detained: 1.500", "reported"]]
    with pytest.raises(EventsError, match=r"cannot read '1\.500' with --decimal-comma"):
        load_events(written(tmp_path, "e.csv", rows), ReadOptions(decimal_comma=True))


def test_the_options_reach_build_check_and_export(tmp_path):
    rows = [[*ROWS[0][:4], "06.03.2022", ROWS[0][5], "fined: 2,5", "reported"]]
    path = written(tmp_path, "e.csv", rows, delimiter=";", encoding="cp1251")
    run = CliRunner().invoke
    options = ["--encoding", "cp1251", "--dayfirst", "--decimal-comma"]
    assert run(cli, ["check", str(path)]).exit_code == 2
    assert run(cli, ["check", str(path), *options]).exit_code == 0
    out = tmp_path / "m.html"
    assert run(cli, ["build", str(path), "-o", str(out), *options]).exit_code == 0
    result = run(cli, ["export", str(path), "--format", "csv", *options])
    assert result.exit_code == 0 and ",2022-03-06,,,day,,Poltava;Sumy," in result.output
    assert "fined: 2.5" in result.output


# --- the CSV carries the whole file -------------------------------------------------------------


@pytest.fixture
def strikes(tmp_path):
    for file in FIXTURES.iterdir():
        shutil.copy(file, tmp_path / file.name)
    return tmp_path / "strikes.yaml"


@pytest.mark.parametrize("which", ["report", "strikes"])
def test_yaml_to_csv_to_yaml_gives_the_same_file_and_the_same_map(tmp_path, strikes, which):
    source = bundled_events() if which == "report" else strikes
    _, text = export(source, "csv")
    again = strikes.with_name(f"{which}.csv")  # beside the places file the CSV names
    again.write_text(text, encoding="utf-8", newline="")
    assert dumped(again) == dumped(source)  # title, description, source, layers, every event
    from_yaml = build([source], tmp_path / "from-yaml.html").path.read_bytes()
    from_csv = build([again], tmp_path / "from-csv.html").path.read_bytes()
    assert from_csv == from_yaml
    _, text_again = export(again, "csv")
    assert text_again == text


CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("which", ["report", "strikes", "three-languages", "window"])
def test_a_csv_goes_back_to_the_same_yaml_file(tmp_path, strikes, which):
    """`geomap export edited.csv --format yaml`: the events file an editor writes, read back as
    the file the CSV came from (texts in three languages, months, weeks, running totals,
    editor-given points and a places file included), and mapped as the same map."""
    source = {
        "report": bundled_events(),
        "strikes": strikes,
        "three-languages": CORPUS / "three-languages.yaml",
        "window": CORPUS / "time" / "window.yaml",
    }[which]
    _, text = export(source, "csv")
    spreadsheet = strikes.with_name(f"{which}.csv")  # beside the places file the CSV names
    spreadsheet.write_text(text, encoding="utf-8", newline="")
    _, text = export(spreadsheet, "yaml")
    again = strikes.with_name(f"{which}-again.yaml")
    again.write_text(text, encoding="utf-8")
    assert dumped(again) == dumped(source)
    from_source = build([source], tmp_path / "from-source.html").path.read_bytes()
    from_yaml = build([again], tmp_path / "from-yaml.html").path.read_bytes()
    assert from_yaml == from_source
    assert export(again, "yaml")[1] == text  # and written the same way again


def test_a_csv_whose_name_reads_as_another_place_does_not_become_yaml(tmp_path):
    """A CSV places "Kharkiv" by the id of Kharkiv Oblast (the region's own spelling): a YAML
    file can only name it, and its name would be read as the city."""
    spreadsheet = written(
        tmp_path,
        "edited.csv",
        [["a", "protests", "T", "S", "2022-03-01", "Kharkiv", "reported", "UA-63"]],
        header=["id", "layer", "title", "summary", "date", "places", "certainty", "place_ids"],
    )
    with pytest.raises(EventsError) as caught:
        export(spreadsheet, "yaml")
    assert str(caught.value) == (
        f"{spreadsheet}, event a, field places: 'Kharkiv' is Kharkiv Oblast (UA-63) by its id, "
        "but as a YAML file it would be read by its name as Kharkiv (gn:706483); write the "
        "name as the gazetteer names that place, 'Kharkiv Oblast' (with its region in brackets "
        "where the name is shared), or keep the CSV, which carries the id."
    )
    assert export(spreadsheet, "csv")[1]  # the CSV itself is fine: it carries the id


def test_export_writes_yaml_from_the_command_line(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "export",
            str(CORPUS / "time" / "window.yaml"),
            "--format",
            "yaml",
            "-o",
            str(tmp_path / "w.yaml"),
        ],
    )
    assert result.exit_code == 0, result.output
    text = (tmp_path / "w.yaml").read_text(encoding="utf-8")
    assert "date: 2022-03\n" in text or "date: '2022-03'\n" in text  # a month, as written
    assert "date_precision" not in text
    assert "Wrote" in result.output


def test_the_csv_keeps_the_title_layers_and_each_events_own_fields(strikes):
    _, text = export(strikes, "csv")
    lines = text.splitlines()
    assert lines[0] == '#title,"Strikes and walk-outs, spring 2022"'
    assert "#layer,strikes,Strikes,#b2182b,Work stoppages; walk-outs" in lines
    assert "#layer,walk-outs,Walk-outs,#2166ac" in lines
    assert "#places_file,strikes-places.csv" in lines
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    depot, school, bus = rows
    assert depot["url"] == "https://example.org/depot" and depot["source_title"] == ""
    assert (school["source_title"], school["source_date"]) == ("Local paper", "2022-04-02")
    assert (school["date"], school["start"]) == ("2022-04-01", "")
    assert school["title"] == "'=Teachers walk out"  # a formula start stays text
    # Resolved places for GIS tools: ids, kinds and the event's geometry as WKT.
    assert depot["place_kinds"] == "town;point"
    assert school["place_ids"] == "user:staryi-khutir-2;UA-46"
    assert bus["route_ids"] == "gn:700646;gn:706483"
    assert re.fullmatch(r"LINESTRING \(22\.7\d* 48\.4\d*, 36\.2\d* 49\.9\d*\)", bus["wkt"])
    assert list(rows[0])[-len(DERIVED_COLUMNS) :] == list(DERIVED_COLUMNS)


def test_a_spreadsheet_resave_of_the_export_reads_back_the_same(strikes):
    """Opened in a Ukrainian-locale spreadsheet and saved: `;`, cp1251, day-first dates and
    decimal commas. With the three options, the same file."""
    _, text = export(strikes, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = next(cells for cells in rows if not cells[0].startswith("#"))
    numbers = {header.index(column) for column in ("lat", "lon", "counts")}
    day = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
    resaved = [
        [
            day.sub(lambda m: f"{m[3]}.{m[2]}.{m[1]}", cell)
            if position not in numbers or cells is header
            else re.sub(r"(\d)\.(\d)", r"\1,\2", cell)
            for position, cell in enumerate(cells)
        ]
        for cells in rows
    ]
    excel = strikes.with_name("excel.csv")
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(resaved)
    excel.write_bytes(buffer.getvalue().encode("cp1251"))
    assert b";" in excel.read_bytes() and b"14.03.2022" in excel.read_bytes()
    assert b"49,8391" in excel.read_bytes() and b"fine_amount: 2,5" in excel.read_bytes()
    options = ReadOptions(encoding="cp1251", dayfirst=True, decimal_comma=True)
    assert dumped(excel, options) == dumped(strikes)


# --- the export's ids place the names, without looking them up -------------------------------


@pytest.fixture
def no_lookup(monkeypatch):
    """The gazetteer's name lookup made to fail: what is built must not need it."""
    from geomap.gazetteer.lookup import Gazetteer

    def refuse(self, name, country=None):
        raise AssertionError(f"looked up {name!r}")

    monkeypatch.setattr(Gazetteer, "lookup", refuse)


@pytest.mark.parametrize("which", ["report", "strikes"])
def test_a_csv_export_rebuilds_without_the_gazetteers_lookup(tmp_path, strikes, which, request):
    source = bundled_events() if which == "report" else strikes
    from_yaml = build([source], tmp_path / "from-yaml.html").path.read_bytes()
    _, text = export(source, "csv")
    again = strikes.with_name(f"{which}.csv")
    again.write_text(text, encoding="utf-8", newline="")
    request.getfixturevalue("no_lookup")
    assert build([again], tmp_path / "from-csv.html").path.read_bytes() == from_yaml


def _edited(strikes, old, new):
    """The fixture's CSV export with one piece of text replaced, as an editor would."""
    _, text = export(strikes, "csv")
    assert text.count(old) == 1, old
    path = strikes.with_name("edited.csv")
    path.write_text(text.replace(old, new), encoding="utf-8", newline="")
    return path


def test_a_renamed_place_with_its_old_id_is_refused_naming_both(strikes):
    path = _edited(strikes, ",Mukachevo;Kharkiv,", ",Mukachevo;Poltava,")
    with pytest.raises(EventsError) as info:
        load_and_locate(path)
    assert str(info.value) == (
        f"{path}, row 13 (event bus-route), field route_ids: the name 'Poltava' and the id "
        "'gn:706483' (Kharkiv, town, UA) are not one place: the gazetteer reads 'Poltava' as "
        "Poltava (gn:696643); clear the route_ids cell (or that entry of it) to resolve the "
        "names again, or put back what the export wrote."
    )
    assert (info.value.line, info.value.field) == (13, "route_ids")


def test_clearing_the_id_resolves_the_new_name(strikes):
    path = _edited(strikes, "gn:700646;gn:706483,", ",")
    text = path.read_text(encoding="utf-8").replace(",Mukachevo;Kharkiv,", ",Uzhhorod;Sumy,")
    path.write_text(text.replace("LINESTRING (22.718 48.44248, 36.25475 49.98177)", ""))
    located = load_and_locate(path)
    assert [p["name"] for p in located.loc[2, "route"]] == ["Uzhhorod", "Sumy"]


def test_another_spelling_of_the_same_place_keeps_its_id(strikes):
    """An alias, a transliteration or a descriptor is still the place the id names."""
    path = _edited(strikes, ",Lviv;Depot No. 4,", ",Lvov;Depot No. 4,")
    assert load_and_locate(path).loc[0, "places"][0]["id"] == "gn:702550"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("gn:700646;gn:706483", "gn:700646;gn:0", "route_ids", "no place has the id 'gn:0'"),
        ("gn:700646;gn:706483", "gn:700646", "route_ids", "1 entry for 2 places of `route`"),
        ("town;point", "region;point", "place_kinds", "the kind 'region' given for 'Lviv'"),
        (",;49.8391,", ",;48.5,", "place_ids", "given as the point 48.5,24.0056 (approximate)"),
        ("MULTIPOINT (24.02324", "MULTIPOINT (25.02324", "wkt", "the geometry is not where"),
        ("MULTIPOINT (24.02324", "MULTIPOLNT (24.02324", "wkt", "expected the event's geometry"),
    ],
)
def test_ids_kinds_points_and_geometry_must_agree_with_the_places(
    strikes, old, new, field, message
):
    path = _edited(strikes, old, new)
    with pytest.raises(EventsError) as info:
        load_and_locate(path)
    assert message in str(info.value) and f", field {field}: " in str(info.value)
    assert str(info.value).startswith(f"{path}, row ")
    assert "clear the" in str(info.value).lower()


def test_a_hand_written_id_column_places_the_name(tmp_path):
    rows = [[*ROWS[1], "gn:710719", "town", "", ""]]
    path = written(tmp_path, "e.csv", rows, header=[*HEADER, *DERIVED_COLUMNS])
    assert dumped(path) == dumped(written(tmp_path, "plain.csv", [ROWS[1]]))
    assert load_and_locate(path).loc[0, "places"][0]["name"] == "Chernivtsi"


def load_and_locate(path):
    from geomap.events.locate import locate_events

    return locate_events(load_events(path))


# --- the property: generated files make the round trip ------------------------------------------

TEXT = (
    st.text(st.sampled_from(list("abcxyz ,;:\"'#=+-@/АбвЇї–1")), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
DAY = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))
COUNT = st.one_of(
    st.integers(0, 10**9),
    st.floats(0, 10**6, allow_nan=False).map(lambda x: round(x, 2)),
    st.builds(
        lambda v, q: {"value": v, "qualifier": q},
        st.integers(0, 10**6),
        st.sampled_from(["about", "at least", "more than", "up to", "fewer than", "exactly"]),
    ),
)
POINT = st.builds(
    lambda name, lat, lon, precision: {
        "name": name,
        "lat": lat,
        "lon": lon,
        "precision": precision,
    },
    st.sampled_from(["Hamlet One", "Ferry point"]),
    st.floats(44, 52, allow_nan=False).map(lambda x: round(x, 4)),
    st.floats(23, 40, allow_nan=False).map(lambda x: round(x, 4)),
    st.sampled_from(["town", "approximate"]),
)
PLACE = st.one_of(
    st.sampled_from(["Kharkiv", "Lviv", "Odesa", "Poland"]), POINT, st.just({"iso": "UA-05"})
)


@st.composite
def documents(draw):
    events = []
    for number in range(draw(st.integers(1, 4))):
        event = {
            "id": f"e-{number}",
            "layer": draw(st.sampled_from(["strikes", "vigils"])),
            "title": draw(TEXT),
            "summary": draw(TEXT),
            "certainty": draw(st.sampled_from(["confirmed", "reported", "unverified"])),
        }
        start = draw(DAY)
        if draw(st.booleans()):
            # A day, or the month or ISO week it falls in (written as the file writes them).
            week = "{}-W{:02d}".format(*start.isocalendar()[:2])
            event["date"] = draw(st.sampled_from([start, f"{start:%Y-%m}", week]))
        else:
            event["start"], event["end"] = start, start + dt.timedelta(draw(st.integers(0, 40)))
        if draw(st.booleans()):
            event["route"] = draw(
                st.lists(st.sampled_from(["Mukachevo", "Kyiv", "Poland"]), min_size=2, max_size=3)
            )
        if not event.get("route") or draw(st.booleans()):
            event["places"] = draw(st.lists(PLACE, min_size=1, max_size=3, unique_by=str))
        optional = {
            "counts": st.dictionaries(
                st.sampled_from(["detained", "fine_amount", "days"]), COUNT, min_size=1
            ),
            "currency": st.sampled_from(["UAH", "EUR"]),
            "reported_by": TEXT,
            "url": st.sampled_from(["https://example.org/a", "http://example.org/b?x=1#y"]),
            "source": st.builds(lambda t, d: {"title": t, "date": d}, TEXT, DAY),
            "as_of": DAY,
            "precision_note": TEXT,
            "tags": st.lists(
                st.sampled_from(["rail", "article-207.3", "x1"]), min_size=1, unique=True
            ),
        }
        for field, strategy in optional.items():
            if draw(st.booleans()):
                event[field] = draw(strategy)
        events.append(event)
    document = {"title": draw(TEXT), "events": events}
    if draw(st.booleans()):
        document["description"] = draw(TEXT)
    if draw(st.booleans()):
        document["source"] = {
            "title": draw(TEXT),
            "publisher": draw(TEXT),
            "url": "https://example.org",
        }
    document["layers"] = [
        {"id": "strikes", "name": draw(TEXT), "color": "#b2182b", "description": draw(TEXT)},
        {"id": "vigils", "name": draw(TEXT), "color": "#2166ac"},
    ]
    return document


class _NoAliases(yaml.SafeDumper):
    """Each value written out: geomap refuses YAML anchors, and one drawn place may repeat."""

    def ignore_aliases(self, data):
        return True


@given(documents())
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_yaml_to_csv_to_yaml_is_lossless_for_generated_files(tmp_path, document):
    source = tmp_path / "e.yaml"
    text = yaml.dump(document, Dumper=_NoAliases, allow_unicode=True)
    source.write_text(text, encoding="utf-8")
    _, text = export(source, "csv")
    again = tmp_path / "e.csv"
    again.write_text(text, encoding="utf-8", newline="")
    assert dumped(again) == dumped(source)
    _, text = export(again, "yaml")  # and back to YAML
    back = tmp_path / "back.yaml"
    back.write_text(text, encoding="utf-8")
    assert dumped(back) == dumped(source)


def test_the_readmes_csv_with_file_rows_reads(tmp_path):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```csv\n(#title.*?)```", readme, re.S)
    path = tmp_path / "e.csv"
    path.write_text(block.group(1), encoding="utf-8")
    events = load_events(path)
    assert events.title == "Strikes and walk-outs, spring 2022"
    assert [layer.id for layer in events.layers] == ["strikes", "walk-outs"]
    assert events.source.date == dt.date(2022, 5, 2)
