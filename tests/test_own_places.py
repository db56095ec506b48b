"""Places of your own (issue 15): points and region codes in events, a user places file beside
the bundled gazetteer, and every output saying the editor located them.

The places here are made up or absent from the gazetteer on purpose (checked below), so that
each test shows what a user can do with a place geomap cannot know."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import EventsError
from geomap.events import load_events
from geomap.events.locate import locate_events
from geomap.gazetteer import default_gazetteer
from geomap.gazetteer.user_places import PlacesFileError, how_to_add, with_user_places
from geomap.map.payload import PLACE_FIELDS, encode_events
from geomap.outputs import export_csv, export_geojson
from geomap.pipeline import build, locate

# Not in the gazetteer (asserted in the first test).
UNKNOWN = ("Velyka Hlynianka", "Staryi Khutir-2", "Kordon Pishchanyi")


def event(event_id, places, layer="protests", date="2022-03-01"):
    return (
        f"  - id: {event_id}\n    layer: {layer}\n    title: Event {event_id}\n"
        f"    summary: Something happened.\n    date: {date}\n    places:\n"
        + "".join(f"      - {p}\n" for p in places)
        + "    certainty: reported\n"
    )


def events_file(tmp_path, *events, head="title: Own places\n", name="events.yaml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + "events:\n" + "".join(events), encoding="utf-8")
    return path


def places_file(tmp_path, text, name="places.csv"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


PLACES = (
    "name,lat,lon,kind,country,aliases,parent\n"
    "Velyka Hlynianka,48.61,37.02,town,UA,Velikaya Glinyanka,UA-14\n"
    "Kordon Pishchanyi,51.32,33.95,checkpoint,UA,,\n"
)


def test_the_test_places_are_unknown_to_the_gazetteer():
    for name in UNKNOWN:
        assert not default_gazetteer().lookup(name).ok, name


# --- a place given by point or by region code ------------------------------------------------


def test_a_map_with_no_place_in_the_gazetteer(tmp_path):
    path = events_file(
        tmp_path,
        event("a", ["{name: Staryi Khutir-2, lat: 49.12, lon: 33.41, precision: approximate}"]),
        event("b", ["{name: Velyka Hlynianka, lat: 48.61, lon: 37.02, precision: town}"]),
    )
    out = tmp_path / "map.html"
    result = build([path], out)
    assert result.places_resolved == 2 and out.exists()
    located = locate([path])
    first = located["places"][0][0]
    assert (first["lat"], first["lon"], first["precision"], first["located"]) == (
        49.12,
        33.41,
        "approximate",
        "editor",
    )
    assert located["precision"].tolist() == ["approximate", "town"]
    assert located.geometry[1].x == 37.02 and located.geometry[1].y == 48.61


def test_a_point_given_to_the_region_is_drawn_as_its_region(tmp_path):
    path = events_file(
        tmp_path,
        event("a", ["{name: Somewhere south of Poltava, lat: 49.3, lon: 34.6, precision: region}"]),
        event("b", ["{name: A Moldovan village, lat: 47.2, lon: 28.6, precision: country}"]),
    )
    located = locate([path])
    region, country = located["places"][0][0], located["places"][1][0]
    assert region["shape"] == "UA-53" and region["kind"] == "region"  # Poltava Oblast
    assert (region["given_lat"], region["given_lon"], region["given_precision"]) == (
        49.3,
        34.6,
        "region",
    )
    assert country["kind"] == "country" and country["name"] == "Moldova"
    assert "shape" not in country  # drawn as a country-wide fact, never as the point


def test_a_region_by_its_code(tmp_path):
    path = events_file(tmp_path, event("a", ["{iso: UA-46}", "{name: the city, iso: RU-MOW}"]))
    places = locate([path])["places"][0]
    assert [p["shape"] for p in places] == ["UA-46", "RU-MOW"]
    assert places[0]["written"] == places[0]["name"]  # no name given: the gazetteer's
    assert places[1]["written"] == "the city" and places[1]["given_iso"] == "RU-MOW"


@pytest.mark.parametrize(
    "place, line, field, words",
    [
        (
            "{name: X, lat: 90.5, lon: 30, precision: town}",
            10,
            "events.places.lat",
            "from -90 to 90",
        ),
        ("{name: X, lat: -45, lon: -190, precision: town}", 10, "events.places.lon", "-180 to 180"),
        ("{name: X, lon: 30, precision: town}", 10, "events.places.lat", "latitude is missing"),
        ("{name: X, lat: 50, lon: true, precision: town}", 10, "events.places.lon", "got True"),
        (
            "{name: X, lat: 50, lon: 30, precision: hamlet}",
            10,
            "events.places.precision",
            "approximate",
        ),
        ("{lat: 50, lon: 30, precision: town}", 10, "events.places.name", "needs a name"),
        ("{iso: ua-23}", 10, "events.places.iso", "not in the expected format"),
        ("{iso: BY-HR}", 10, "places.iso", "no region or country has the code 'BY-HR'"),
        ("{name: Sea, lat: 44.5, lon: 32.5, precision: region}", 10, "places.lat", "in no region"),
    ],
)
def test_a_bad_point_or_code_is_refused_with_line_and_field(tmp_path, place, line, field, words):
    path = events_file(tmp_path, event("a", ["Kyiv", place]))
    with pytest.raises(EventsError) as info:
        locate([path])
    assert (info.value.line, info.value.field) == (line, field)
    assert str(info.value).startswith(f"{path}, line {line} (event a), field {field}: ")
    assert words in str(info.value)


def test_a_point_far_from_the_gazetteer_town_of_its_name_warns_and_says_when_swapped(tmp_path):
    path = events_file(
        tmp_path,
        event("a", ["{name: Uzhhorod, lat: 22.29, lon: 48.62, precision: town}"]),
        event("b", ["{name: Chernivtsi, lat: 48.29, lon: 25.94, precision: town}"]),  # right
        event("c", ["{name: Lutsk, lat: 48.0, lon: 30.0, precision: town}"]),  # wrong row
    )
    warnings = locate([path]).attrs["warnings"]
    assert len(warnings) == 2
    assert warnings[0].startswith(
        f"{path}, line 9 (event a), field places.lat: 'Uzhhorod' is given"
    )
    assert "with lat and lon swapped it would be" in warnings[0]
    assert "Lutsk" in warnings[1] and "swapped" not in warnings[1]
    assert "check the coordinates" in warnings[1]
    result = run("check", path)
    assert result.exit_code == 0 and "Warning: " in result.output and "swapped" in result.output


# --- a user places file -----------------------------------------------------------------------


def test_a_places_file_extends_the_gazetteer_for_the_run(tmp_path):
    places = places_file(tmp_path, PLACES)
    path = events_file(
        tmp_path, event("a", ["Velikaya Glinyanka", "Kharkiv"]), event("b", ["Kordon Pishchanyi"])
    )
    located = locate([path], places=[places])
    mine, bundled = located["places"][0]
    assert (mine["id"], mine["lat"], mine["located"]) == (
        "user:velyka-hlynianka",
        48.61,
        "places file",
    )
    assert "located" not in bundled
    assert located["places"][1][0]["kind"] == "checkpoint"
    assert not default_gazetteer().lookup("Velyka Hlynianka").ok  # for the run only
    with pytest.raises(EventsError, match="To map 'Velikaya Glinyanka' anyway"):
        locate([path])


def test_a_geojson_places_file(tmp_path):
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [33.41, 49.12]},
        "properties": {
            "name": "Staryi Khutir-2",
            "kind": "town",
            "country": "UA",
            "aliases": ["SK-2"],
        },
    }
    places = places_file(
        tmp_path, json.dumps({"type": "FeatureCollection", "features": [feature]}), "p.geojson"
    )
    path = events_file(tmp_path, event("a", ["SK-2"]))
    place = locate([path], places=[places])["places"][0][0]
    assert (place["name"], place["lat"], place["lon"]) == ("Staryi Khutir-2", 49.12, 33.41)


def test_places_file_in_the_events_file_is_read_relative_to_it(tmp_path, monkeypatch):
    places_file(tmp_path / "data" / "shared", PLACES)
    path = events_file(
        tmp_path / "data" / "maps",
        event("a", ["Velyka Hlynianka"]),
        head="title: T\nplaces_file: ../shared/places.csv\n",
    )
    monkeypatch.chdir(tmp_path)  # not the events file's folder
    assert locate([path])["places"][0][0]["located"] == "places file"
    result = run("build", path, "-o", tmp_path / "m.html")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "text, where, field, words",
    [
        ("name,lat,lon,kind,country\nA,91,30,town,UA\n", "row 2", "lat", "from -90 to 90"),
        ("name,lat,lon,kind,country\nA,50,,town,UA\n", "row 2", "lon", "longitude is missing"),
        ("name,lat,lon,kind,country\nA,50,3O,town,UA\n", "row 2", "lon", "got '3O'"),
        ("name,lat,lon,kind,country\nA,50,30,hamlet,UA\n", "row 2", "kind", "got 'hamlet'"),
        ("name,lat,lon,kind,country\nA,50,30,town,Ukraine\n", "row 2", "country", "two-letter"),
        ("name,lat,lon,kind\nA,50,30,town\n", "row 1", None, "country is missing"),
        ("name,lat,lng,kind,country\n", "row 1", None, "unknown column `lng`"),
        (
            "name,lat,lon,kind,country,aliases\nAbc,50,30,town,UA,\nB,51,31,town,UA,ABC\n",
            "row 3",
            "aliases",
            "'ABC' is also a place in",
        ),
        (
            "name,lat,lon,kind,country\nAbc,50,30,town,UA\n\nabc,51,31,town,UA\n",
            "row 4",
            "name",
            "two places of one name",
        ),
        ("name,lat,lon,kind,country,parent\nA,50,30,town,UA,UA-00\n", "row 2", "parent", "UA-00"),
        (
            "name,lat,lon,kind,country,overrides\nA,50,30,town,UA,gn:0\n",
            "row 2",
            "overrides",
            "no bundled place has the id 'gn:0'",
        ),
    ],
)
def test_a_bad_places_file_is_refused_with_row_and_field(tmp_path, text, where, field, words):
    places = places_file(tmp_path, text)
    path = events_file(tmp_path, event("a", ["Kyiv"]))
    with pytest.raises(PlacesFileError) as info:
        locate([path], places=[places])
    message = str(info.value)
    assert message.startswith(f"{places}, {where}" + (f", field {field}: " if field else ": "))
    assert words in message
    result = run("check", path, "--places", places)
    assert result.exit_code == 2 and result.output == f"Error: {message}\n"


def test_a_bad_geojson_places_file_names_the_feature(tmp_path):
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 50]}, "properties": p}
        for p in ({"name": "A", "kind": "town", "country": "UA"}, {"name": "B", "kind": "town"})
    ]
    places = places_file(
        tmp_path, json.dumps({"type": "FeatureCollection", "features": features}), "p.geojson"
    )
    with pytest.raises(
        PlacesFileError, match=r"p\.geojson, feature 2: the column country is missing"
    ):
        with_user_places(default_gazetteer(), [places])


# --- conflicts and the override ---------------------------------------------------------------

CONFLICTING = "name,lat,lon,kind,country,overrides\nLutsk,50.1,25.0,town,UA,{}\n"


def test_a_name_both_know_is_reported_and_not_resolved(tmp_path):
    places = places_file(tmp_path, CONFLICTING.format(""))
    gazetteer = with_user_places(default_gazetteer(), [places])
    [conflict] = gazetteer.conflicts()
    assert "'Lutsk' is your place in" in conflict and "[gn:702569]" in conflict
    assert "write gn:702569 (or all) in its overrides column" in conflict
    assert not gazetteer.lookup("Lutsk").ok and gazetteer.lookup("Lutsk").reason == "conflict"
    path = events_file(tmp_path, event("a", ["Lutsk"]))
    with pytest.raises(EventsError, match="'Lutsk' is your place in") as info:
        locate([path], places=[places])
    assert (info.value.line, info.value.field) == (8, "places")
    assert gazetteer.lookup("Volyn region").place.kind == "region"  # other names: the bundled


@pytest.mark.parametrize("override", ["gn:702569", "all"])
def test_the_users_place_wins_where_the_user_says_so(tmp_path, override):
    places = places_file(tmp_path, CONFLICTING.format(override))
    gazetteer = with_user_places(default_gazetteer(), [places])
    assert gazetteer.conflicts() == []
    path = events_file(tmp_path, event("a", ["Lutsk"]))
    place = locate([path], places=[places])["places"][0][0]
    assert (place["lat"], place["lon"], place["located"]) == (50.1, 25.0, "places file")


# --- every output carries it ------------------------------------------------------------------


@pytest.fixture
def own(tmp_path):
    places = places_file(tmp_path, PLACES)
    path = events_file(
        tmp_path,
        event("a", ["{name: Staryi Khutir-2, lat: 49.12, lon: 33.41, precision: town}", "Odesa"]),
        event("b", ["{name: South of Poltava, lat: 49.3, lon: 34.6, precision: region}"]),
        event("c", ["Velyka Hlynianka", "{iso: UA-46}"]),
    )
    return path, places


def test_the_page_payload_carries_the_given_point_and_precision(own):
    path, places = own
    located = locate([path], places=[places])
    encoded = encode_events(located, located.attrs["layers"])
    rows = [dict(zip(PLACE_FIELDS, row)) for row in encoded["places"]]
    by_name = {r["name"]: r for r in rows}
    assert by_name["Staryi Khutir-2"]["given_lat"] == 49.12
    assert by_name["Staryi Khutir-2"]["located"] == "editor"
    assert by_name["Poltava Oblast"]["given_precision"] == "region"
    assert by_name["Velyka Hlynianka"]["located"] == "places file"
    assert by_name["Odesa"]["located"] is None


def test_geojson_export_carries_the_given_points(own):
    path, places = own
    features = json.loads(export_geojson(locate([path], places=[places])))["features"]
    first = features[0]["properties"]["places"][0]
    assert (first["given_lat"], first["given_lon"], first["given_precision"]) == (
        49.12,
        33.41,
        "town",
    )
    assert features[0]["geometry"]["coordinates"][0] == [33.41, 49.12]
    assert features[2]["properties"]["places"][1]["given_iso"] == "UA-46"


def test_csv_export_carries_the_points_and_loads_back_the_same(own, tmp_path):
    path, places = own
    located = locate([path], places=[places])
    text = export_csv(located)
    rows = list(csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#")))
    assert (rows[0]["places"], rows[0]["lat"], rows[0]["lon"], rows[0]["place_precision"]) == (
        "Staryi Khutir-2;Odesa",
        "49.12;",
        "33.41;",
        "town;",
    )
    assert rows[2]["iso"] == ";UA-46" and rows[2]["lat"] == ";"  # a places file's place: by name
    again = tmp_path / "again.csv"
    again.write_text(text, encoding="utf-8")
    back = locate([again], places=[places])
    assert back["places"].tolist() == located["places"].tolist()


def test_csv_without_given_places_exports_as_before(tmp_path):
    path = events_file(tmp_path, event("a", ["Kyiv"]))
    lines = export_csv(locate([path])).splitlines()
    header = next(line for line in lines if not line.startswith("#"))  # after the file's rows
    columns = header.split(",")  # no lat/lon columns between places and route
    assert columns[columns.index("places") : columns.index("places") + 2] == ["places", "route"]


def test_csv_events_carry_points_in_lat_lon_columns(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(
        "id,layer,title,summary,date,places,lat,lon,place_precision,certainty\n"
        "a,protests,A,S.,2022-03-01,Kordon Pishchanyi;Lviv,51.32;,33.95;,checkpoint;,reported\n"
        "b,protests,B,S.,2022-03-01,Lviv,,,,reported\n",
        encoding="utf-8",
    )
    events = load_events(path)
    given = events.events[0].places[0]
    assert (given.name, given.lat, given.lon, given.precision) == (
        "Kordon Pishchanyi",
        51.32,
        33.95,
        "checkpoint",
    )
    assert events.events[0].places[1] == "Lviv" and events.events[1].places == ["Lviv"]
    assert locate_events(events)["places"][0][0]["kind"] == "checkpoint"


def test_check_lists_what_the_editor_located(own):
    path, places = own
    result = run("check", path, "--places", places)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "  Staryi Khutir-2: located by the editor at 49.12,33.41 (town) (events a)" in lines
    assert (
        "  South of Poltava: located by the editor at 49.3,34.6 (region, drawn as Poltava Oblast)"
        " (events b)" in lines
    )
    assert (
        "  Velyka Hlynianka: located by the editor from the places file at 48.61,37.02 (town) (events c)"
        in lines
    )
    assert any(line.startswith("  Lviv Oblast: region code UA-46") for line in lines)


def test_builds_with_own_places_are_byte_identical(own, tmp_path):
    path, places = own
    first, second = tmp_path / "1.html", tmp_path / "2.html"
    build([path], first, places=[places])
    build([path], second, places=[places])
    assert first.read_bytes() == second.read_bytes()


# --- the commands -----------------------------------------------------------------------------


def test_geocode_with_places(tmp_path):
    places = places_file(tmp_path, PLACES)
    result = run("geocode", "--places", places, "Velikaya Glinyanka", "Kharkiv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        f"Velikaya Glinyanka\tVelyka Hlynianka (town, UA, your place in {places}, row 2)"
        "\tuser:velyka-hlynianka\t48.61000,37.02000"
    )
    missing = run("geocode", "Velikaya Glinyanka")
    assert missing.exit_code == 1
    assert how_to_add("Velikaya Glinyanka") in missing.stderr


def test_extract_with_places(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "A title\n\nOn 3 March 2022 shelling hit Staryi Khutir-2 and Kharkiv; people fled "
        "towards the fields near Velyka Hlynianka.\n",
        encoding="utf-8",
    )
    places = places_file(
        tmp_path, PLACES + "Staryi Khutir-2,49.12,33.41,town,UA,,\n", name="more.csv"
    )
    result = run("extract", article, "--places", places)
    assert result.exit_code == 0, result.output
    assert "\tuser:staryi-khutir-2\t49.12000,33.41000\t" in result.stdout
    assert "\tuser:velyka-hlynianka\t48.61000,37.02000\t" in result.stdout
    without = run("extract", article)
    assert without.exit_code == 1 and "give its point in the event" in without.stderr


def test_export_and_build_refuse_to_write_over_the_places_file(tmp_path):
    places = places_file(tmp_path, PLACES)
    path = events_file(tmp_path, event("a", ["Velyka Hlynianka"]))
    result = run("export", path, "--places", places, "-o", places)
    assert result.exit_code == 2 and "places file" in result.output
    assert places.read_text(encoding="utf-8") == PLACES


def test_the_not_found_message_says_both_ways(tmp_path):
    path = events_file(tmp_path, event("a", ["Velyka Hlynianka"]))
    with pytest.raises(EventsError) as info:
        locate([path])
    message = str(info.value)
    assert (
        "{name: Velyka Hlynianka, lat: DEGREES NORTH, lon: DEGREES EAST, precision: town}"
        in message
    )
    assert "--places FILE" in message and "places_file: FILE" in message


def test_a_users_place_with_its_region_or_country_written_after_it(tmp_path):
    places = places_file(tmp_path, PLACES)
    gazetteer = with_user_places(default_gazetteer(), [places])
    for query in ("Velyka Hlynianka (Donetsk Oblast)", "Velikaya Glinyanka, Ukraine"):
        assert gazetteer.lookup(query).place.id == "user:velyka-hlynianka", query
    assert not gazetteer.lookup("Velyka Hlynianka (Kharkiv Oblast)").ok  # not its region
    assert not gazetteer.lookup("Kordon Pishchanyi, Russia").ok  # not its country


ARTICLE = """\
Night crossings on the northern border

Published 12 March 2022

On 10 March 2022 three men were detained near Kordon Pishchanyi while trying to cross on foot.
Their relatives said they had walked from Kharkiv.

Residents of Velyka Hlynianka told us that shelling hit the school. Volunteers carried the
wounded to hospitals in Sloviansk and outside Staryi Khutir-2.
"""


def test_an_article_whose_villages_no_source_has_is_mapped_with_a_places_file(tmp_path):
    """From the article to the map: extract finds the user's places, the draft names them, and
    check and build resolve them through the same places file."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    places = places_file(tmp_path, PLACES + "Staryi Khutir-2,49.12,33.41,town,UA,,\n")
    draft = tmp_path / "draft.yaml"
    result = run("extract", article, "--places", places, "--draft", draft)
    assert result.exit_code == 0, result.output
    assert "5 mentions of 5 places, 0 not resolved" in result.stderr
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace('layer: ""', "layer: protests"), encoding="utf-8")
    result = run("check", draft, "--places", places)
    assert result.exit_code == 0, result.output
    assert "Velyka Hlynianka: located by the editor from the places file" in result.output
    result = run("build", draft, "--places", places, "-o", tmp_path / "map.html")
    assert result.exit_code == 0 and "Mapped 2 events, 5 places resolved" in result.output


def test_a_dataset_with_every_point_swapped_warns_a_few_times_then_counts(tmp_path):
    rows = "".join(
        f"e{i},protests,E,S.,2022-03-01,Uzhhorod,22.29,48.62,town,reported\n" for i in range(30)
    )
    path = tmp_path / "swapped.csv"
    path.write_text(
        "id,layer,title,summary,date,places,lat,lon,place_precision,certainty\n" + rows,
        encoding="utf-8",
    )
    warnings = locate([path]).attrs["warnings"]
    assert len(warnings) == 21 and warnings[0].startswith(f"{path}, row 2 (event e0), field lat: ")
    assert warnings[-1] == "… and 10 more places far from their namesakes"
