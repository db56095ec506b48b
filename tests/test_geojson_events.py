"""The GeoJSON export (issue 19): the file's own fields, regions as outlines, and read back by
`geomap build` as the same map as the YAML it came from and its CSV export."""

import json
import math
import shutil
from pathlib import Path

import pytest
import shapely
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from shapely.geometry import shape
from test_spreadsheets import _NoAliases, documents

from geomap.cli import cli
from geomap.errors import EventsError
from geomap.events import load_events
from geomap.events.locate import locate_events
from geomap.pipeline import build, bundled_events, export, locate

FIXTURES = Path(__file__).parent / "corpus" / "spreadsheets"


@pytest.fixture
def strikes(tmp_path):
    for file in FIXTURES.iterdir():
        shutil.copy(file, tmp_path / file.name)
    return tmp_path / "strikes.yaml"


@pytest.fixture
def no_lookup(monkeypatch):
    """The gazetteer's name lookup made to fail: what is built must not need it."""
    from geomap.gazetteer.lookup import Gazetteer

    def refuse(self, name, country=None):
        raise AssertionError(f"looked up {name!r}")

    monkeypatch.setattr(Gazetteer, "lookup", refuse)


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("which", ["report", "strikes"])
def test_yaml_its_csv_and_its_geojson_build_the_same_map(tmp_path, strikes, which, request):
    source = bundled_events() if which == "report" else strikes
    exports = [
        _write(strikes.parent, f"{which}.csv", export(source, "csv")[1]),
        _write(strikes.parent, f"{which}.geojson", export(source, "geojson")[1]),
        _write(strikes.parent, f"{which}-outline.geojson", export(source, regions="outline")[1]),
    ]
    from_yaml = locate([source])
    html = build([source], tmp_path / "yaml.html").path.read_bytes()
    request.getfixturevalue("no_lookup")
    for path in exports:
        again = locate([path])
        # The same title, layers, events and places: the located events column by column.
        assert again.attrs["title"] == from_yaml.attrs["title"]
        assert again.attrs["layers"] == from_yaml.attrs["layers"]
        assert again.drop(columns="geometry").equals(from_yaml.drop(columns="geometry"))
        assert list(again.geometry.to_wkt()) == list(from_yaml.geometry.to_wkt())
        assert build([path], tmp_path / f"{path.stem}.html").path.read_bytes() == html


def test_the_geojson_carries_the_files_own_fields(strikes):
    document = json.loads(export(strikes)[1])
    assert document["geomap"] == {
        "regions": "points",
        "title": "Strikes and walk-outs, spring 2022",
        "description": "Work stoppages against the war, by town; a test fixture, not a report.",
        "source": {
            "title": "Labour monitor",
            "publisher": "A monitoring group",
            "url": "https://example.org/monitor",
            "date": "2022-05-02",
        },
        "places_file": "strikes-places.csv",
        "layers": [
            {
                "id": "strikes",
                "name": "Strikes",
                "color": "#b2182b",
                "description": "Work stoppages; walk-outs",
            },
            {"id": "walk-outs", "name": "Walk-outs", "color": "#2166ac"},
        ],
    }


# --- regions as outlines ---------------------------------------------------------------------

GROUPS = """\
title: Regions drawn whole
layers: [{id: marches, name: Marches, color: "#1b7837"}]
events:
  - {id: donbas, layer: marches, title: Donbas, summary: s, date: 2022-03-01,
     places: [Donbas], certainty: reported}
  - {id: two-oblasts, layer: marches, title: Two, summary: s, date: 2022-03-02,
     places: [Sumy region, Chernihiv region], certainty: reported}
  - {id: mixed, layer: marches, title: Mixed, summary: s, date: 2022-03-03,
     places: [Poltava, {name: Near Izium, lat: 49.2, lon: 37.25, precision: region}],
     certainty: reported}
  - {id: chukotka, layer: marches, title: Far east, summary: s, date: 2022-03-04,
     places: [Chukotka], certainty: reported}
  - {id: towns, layer: marches, title: Towns, summary: s, date: 2022-03-05,
     places: [Kherson, Mykolaiv], route: [Kherson, Mykolaiv], certainty: reported}
"""


def _positions(geometry):
    if geometry["type"] == "GeometryCollection":
        for part in geometry["geometries"]:
            yield from _positions(part)
        return

    def walk(value):
        if isinstance(value[0], (int, float)):
            yield value
        else:
            for item in value:
                yield from walk(item)

    yield from walk(geometry["coordinates"])


def test_regions_as_outlines_are_valid_geojson(tmp_path):
    path = tmp_path / "groups.yaml"
    path.write_text(GROUPS, encoding="utf-8")
    document = json.loads(export(path, regions="outline")[1])
    by_id = {f["properties"]["id"]: f["geometry"] for f in document["features"]}
    assert by_id["donbas"]["type"] in ("Polygon", "MultiPolygon")  # a group: its outline
    assert by_id["two-oblasts"]["type"] == "MultiPolygon"
    assert by_id["mixed"]["type"] == "GeometryCollection"
    point, region = by_id["mixed"]["geometries"]  # Poltava; the region that holds the point
    assert point["type"] == "Point" and shape(region).contains(shapely.Point(37.25, 49.2))
    assert by_id["towns"]["type"] == "LineString"  # a route stays a line
    # Two oblasts: the union of the two outlines the map draws, not two centre points.
    assert shape(by_id["two-oblasts"]).contains(shapely.Point(34.8, 50.9))  # Sumy
    assert shape(by_id["two-oblasts"]).contains(shapely.Point(31.3, 51.5))  # Chernihiv
    for event_id, geometry in by_id.items():
        positions = list(_positions(geometry))
        assert all(len(p) == 2 and all(math.isfinite(c) for c in p) for p in positions)
        assert all(-90 <= lat <= 90 for _, lat in positions)
        east = max(p[0] for p in positions)
        # RFC 7946 keeps longitudes within ±180, except Chukotka's east of 180° (documented).
        assert east <= 180 or event_id == "chukotka", event_id
        for polygon in _polygons(geometry):
            for ring_number, ring in enumerate(polygon):
                assert ring[0] == ring[-1] and len(ring) >= 4  # closed rings
                ccw = shapely.LinearRing(ring).is_ccw
                assert ccw == (ring_number == 0)  # the right-hand rule
    assert max(p[0] for p in _positions(by_id["chukotka"])) > 180


def _polygons(geometry):
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "GeometryCollection":
        for part in geometry["geometries"]:
            yield from _polygons(part)


def test_outline_exports_build_the_same_map_for_groups_and_given_points(tmp_path, request):
    path = tmp_path / "groups.yaml"
    path.write_text(GROUPS, encoding="utf-8")
    again = _write(tmp_path, "groups.geojson", export(path, regions="outline")[1])
    html = build([path], tmp_path / "yaml.html").path.read_bytes()
    request.getfixturevalue("no_lookup")
    assert build([again], tmp_path / "geojson.html").path.read_bytes() == html


def test_export_regions_option(tmp_path, strikes):
    run = CliRunner().invoke
    help_text = " ".join(run(cli, ["export", "--help"]).output.split())
    assert (
        "--regions [points|outline]" in help_text
        and "centre point, or as its outline. [default: points]" in help_text
    )
    out = tmp_path / "o.geojson"
    result = run(cli, ["export", str(strikes), "--regions", "outline", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["geomap"]["regions"] == "outline"
    result = run(cli, ["export", str(strikes), "--format", "csv", "--regions", "outline"])
    assert result.exit_code == 2
    assert "--regions outline is for --format geojson" in result.output


# --- a GeoJSON that is not what the export wrote ---------------------------------------------


def _edited(strikes, change):
    document = json.loads(export(strikes)[1])
    change(document)
    return _write(strikes.parent, "edited.geojson", json.dumps(document))


def _error(path) -> EventsError:
    with pytest.raises(EventsError) as info:
        locate_events(load_events(path))
    return info.value


def _rename(document):
    document["features"][2]["properties"]["route"][1]["written"] = "Sumy"


def _move(document):
    document["features"][0]["geometry"]["coordinates"][0] = [30.5, 50.45]


def _uncertain(document):
    document["features"][1]["properties"]["certainty"] = "sure"


def _unknown_member(document):
    document["geomap"]["colour"] = "red"


def _moved_point(document):
    document["features"][0]["properties"]["places"][1]["given_lat"] = 48.0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            _rename,
            "edited.geojson, feature 3 (event bus-route), field properties.route.id: the name "
            "'Sumy' and the id 'gn:706483' (Kharkiv, town, UA) are not one place: the "
            "gazetteer reads 'Sumy' as Sumy (gn:692194); clear the properties.route.id value "
            "(or that entry of it) to resolve the names again, or put back what the export "
            "wrote.",
        ),
        (_move, "edited.geojson, feature 1 (event depot-strike), field geometry: the geometry"),
        (
            _uncertain,
            "edited.geojson, feature 2 (event school-walk-out), field properties.certainty: expected one "
            "of 'confirmed', 'reported' or 'unverified', got 'sure'",
        ),
        (_unknown_member, "edited.geojson, field geomap.colour: unknown file field"),
        (
            _moved_point,
            "field properties.places.id: the place 'Depot No. 4' is given as the point 48.0",
        ),
    ],
)
def test_an_edited_geojson_is_refused_with_the_feature_and_field(strikes, change, message):
    assert message in str(_error(_edited(strikes, change)))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "line 1: not valid JSON"),
        ('{"type": "Feature"}', "expected geomap's GeoJSON export"),
        ('{"type": "FeatureCollection", "features": []}', "field features: expected one Feature"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": 3}]}',
            "feature 1, field properties: expected the event's fields as an object",
        ),
    ],
)
def test_a_geojson_that_is_no_export_says_what_was_expected(tmp_path, text, message):
    path = _write(tmp_path, "e.geojson", text)
    assert message in str(_error(path))
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "m.html").exists()


def test_a_hand_made_feature_without_ids_is_resolved_by_its_names(tmp_path):
    feature = {
        "type": "Feature",
        "geometry": None,
        "properties": {
            "id": "vigil",
            "layer": "protests",
            "title": "Vigil",
            "summary": "Candles.",
            "start": "2022-03-06",
            "certainty": "reported",
            "places": [{"written": "Uzhhorod"}],
        },
    }
    path = _write(
        tmp_path, "e.geojson", json.dumps({"type": "FeatureCollection", "features": [feature]})
    )
    located = locate_events(load_events(path))
    assert located.loc[0, "places"][0]["name"] == "Uzhhorod"
    assert located.attrs["layers"][0]["id"] == "protests"  # no `geomap` member: built-in layers


# --- the property: generated files give the same located events from all three -----------------


@given(documents())
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_generated_files_locate_the_same_from_yaml_csv_and_geojson(tmp_path_factory, document):
    folder = tmp_path_factory.mktemp("generated")
    source = folder / "e.yaml"
    source.write_text(yaml.dump(document, Dumper=_NoAliases, allow_unicode=True), encoding="utf-8")
    from_yaml = locate([source])
    exports = [
        _write(folder, "e.csv", export(source, "csv")[1]),
        _write(folder, "e.geojson", export(source)[1]),
        _write(folder, "o.geojson", export(source, regions="outline")[1]),
    ]
    from geomap.gazetteer.lookup import Gazetteer

    def refuse(self, name, country=None):
        raise AssertionError(f"looked up {name!r}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Gazetteer, "lookup", refuse)
        for path in exports:
            again = locate([path])
            assert again.attrs["title"] == from_yaml.attrs["title"]
            assert again.attrs["layers"] == from_yaml.attrs["layers"]
            assert again.drop(columns="geometry").equals(from_yaml.drop(columns="geometry"))


def test_outlines_are_refused_for_a_csv_in_python_too(strikes):
    from geomap.errors import GeomapError

    with pytest.raises(GeomapError, match="regions='outline' is for the GeoJSON export"):
        export(strikes, "csv", regions="outline")
