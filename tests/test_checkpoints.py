"""Border checkpoints: every border the gazetteer covers has its crossings, each on the border
of the two countries it joins, found by either side's name with a descriptor, in both scripts,
and never taking a town's bare name."""

import csv
import re
from pathlib import Path

import geopandas as gpd
import pytest

from geomap.gazetteer.normalize import normalize
from geomap.gazetteer.places import geometries

SOURCE = Path(__file__).resolve().parents[1] / "geodata" / "sources" / "checkpoints.csv"
# Countries whose own names for places are written in Cyrillic.
CYRILLIC_WRITING = {"RU", "BY", "UA", "KZ", "MN"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MAX_BORDER_M = 3000


@pytest.fixture(scope="module")
def rows():
    with SOURCE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def checkpoints(gazetteer):
    return gazetteer.find(kind="checkpoint")


def test_every_border_has_crossings(checkpoints):
    borders = {tuple(cp.countries) for cp in checkpoints}
    assert borders == {
        # Ukraine's, as before, and with Belarus and Russia
        ("UA", "PL"), ("UA", "SK"), ("UA", "HU"), ("UA", "RO"), ("UA", "MD"),
        ("UA", "BY"), ("UA", "RU"),
        # Russia's land crossings
        ("RU", "GE"), ("RU", "FI"), ("RU", "NO"), ("RU", "EE"), ("RU", "LV"),
        ("RU", "KZ"), ("RU", "MN"), ("RU", "CN"), ("RU", "AZ"),
        # Belarus's with the EU, and Moldova's with Romania
        ("BY", "PL"), ("BY", "LT"), ("BY", "LV"), ("MD", "RO"),
    }  # fmt: skip


def test_the_shipped_file_is_the_source_list(rows, checkpoints):
    """Nothing dropped or added between checkpoints.csv and checkpoints.geojson."""
    assert {f"cp:{row['id']}" for row in rows} == {cp.id for cp in checkpoints}
    assert len(rows) == len(checkpoints) > 100


def test_each_crossing_lies_on_the_border_of_the_two_countries_it_joins(checkpoints):
    """Within 3 km of both countries' shipped (simplified) outlines, for every row."""
    countries = geometries("country").to_crs(3035)
    points = gpd.GeoSeries.from_xy(
        [cp.lon for cp in checkpoints], [cp.lat for cp in checkpoints], crs=4326
    ).to_crs(3035)
    far = []
    for cp, point in zip(checkpoints, points):
        assert len(cp.countries) == 2 and cp.countries[0] != cp.countries[1], cp.id
        for cc in cp.countries:
            distance = countries.loc[cc, "geometry"].boundary.distance(point)
            if distance > MAX_BORDER_M:
                far.append(f"{cp.name}: {distance:.0f} m from the {cc} outline")
    assert not far, far


def test_the_derivation_recorded_a_point_on_the_shared_border(rows):
    for row in rows:
        assert float(row["border_distance_km"]) <= MAX_BORDER_M / 1000, row["id"]
        border = f"{row['country_a']}–{row['country_b']} border point"
        assert border in row["method"], row["id"]
        assert (row["lat_override"] == "") or row["override_source"], row["id"]


def test_a_checkpoint_belongs_to_its_first_country_and_a_region_of_it(gazetteer, checkpoints):
    for cp in checkpoints:
        assert cp.country == cp.countries[0], cp.id
        if cp.parent:
            assert gazetteer.get(cp.parent).country == cp.country, cp.id


def test_a_checkpoint_has_a_region_unless_two_are_within_its_uncertainty(gazetteer, checkpoints):
    """A checkpoint's point may be a few km from the gate; where two regions of its country lie
    within 3 km of it (Verkhny Lars between North Ossetia and Ingushetia), it takes none."""
    import geopandas as gpd

    from geomap.gazetteer.places import geometries

    regions = geometries("region").to_crs(3035)
    for cp in checkpoints:
        if cp.country not in ("RU", "UA"):  # the countries whose regions the gazetteer has
            continue
        own = regions[[gazetteer.get(code).country == cp.country for code in regions.index]]
        point = gpd.GeoSeries.from_xy([cp.lon], [cp.lat], crs=4326).to_crs(3035).iloc[0]
        close = own.index[own.distance(point) < 2500]  # the outlines are simplified by ~1 km
        if len(close) == 1:
            assert cp.parent == close[0], cp.id
    lars = next(cp for cp in checkpoints if cp.id == "cp:verkhny-lars-dariali")
    assert lars.parent is None


def _expected(rows_by_name, name):
    return {f"cp:{row['id']}" for row in rows_by_name.get(normalize(name), ())}


def test_both_sides_names_resolve_with_a_checkpoint_descriptor(gazetteer, rows):
    """Every row, both sides: "X checkpoint" and "X border crossing" give that crossing, or an
    honest refusal when two crossings share the side's name (Giurgiulești has two)."""
    by_name = {}
    for row in rows:
        for side in {row["name_a"], row["name_b"]}:
            by_name.setdefault(normalize(side), []).append(row)
    wrong = []
    for row in rows:
        for side in (row["name_a"], row["name_b"]):
            for query in (f"{side} checkpoint", f"{side} border crossing", f"КПП {side}"):
                match = gazetteer.lookup(query)
                expected = _expected(by_name, side)
                if match.place is None:
                    if len(expected) < 2:
                        wrong.append(f"{query!r}: {match.reason}")
                elif match.place.id not in expected:
                    wrong.append(f"{query!r} -> {match.place.id}")
    assert not wrong, wrong


def test_cyrillic_writing_sides_have_cyrillic_names_that_resolve(gazetteer, rows):
    missing, wrong = [], []
    for row in rows:
        if not {row["country_a"], row["country_b"]} & CYRILLIC_WRITING:
            continue
        cyrillic = [a for a in row["aliases"].split(";") if _CYRILLIC.search(a)]
        if not cyrillic:
            missing.append(row["id"])
        for alias in cyrillic:
            match = gazetteer.lookup(f"пункт пропуска {alias}")
            if match.place is not None and match.place.kind != "checkpoint":
                wrong.append(f"{alias!r} -> {match.place.id}")
    assert not missing, f"no Cyrillic name: {missing}"
    assert not wrong, wrong


def test_a_bare_town_name_still_means_the_town(gazetteer, rows):
    """The rule, over every row: when a side of a crossing is named like a town the gazetteer
    has, the bare name resolves to a town (or is refused), never to the checkpoint; the
    crossing needs a descriptor ("Narva checkpoint")."""
    town_keys = set()
    for town in gazetteer.find(kind="town"):
        town_keys.add(normalize(town.name))
    checked, wrong = 0, []
    for row in rows:
        for side in (row["name_a"], row["name_b"]):
            if normalize(side) not in town_keys:
                continue
            checked += 1
            match = gazetteer.lookup(side)
            if match.place is not None and match.place.kind != "town":
                wrong.append(f"{side!r} -> {match.place.id}")
    assert checked >= 30  # the rule was exercised, not vacuously true
    assert not wrong, wrong


@pytest.mark.parametrize(
    "name",
    ["Narva", "Brest", "Ivangorod", "Kyakhta", "Imatra", "Cahul", "Orsk", "Heihe", "Shehyni"],
)
def test_towns_that_name_crossings_resolve_to_the_town(gazetteer, name):
    match = gazetteer.lookup(name)
    assert match.place.kind == "town" and normalize(match.place.name) == normalize(name)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Mogilev-Podolsky checkpoint", "cp:mohyliv-podilskyi-otaci"),
        ("Shehyni – Medyka", "cp:shehyni-medyka"),
        ("Verkhny Lars", "cp:verkhny-lars-dariali"),
        ("Верхний Ларс", "cp:verkhny-lars-dariali"),
        ("Upper Lars checkpoint", "cp:verkhny-lars-dariali"),
        ("Narva checkpoint", "cp:narva-ivangorod"),
        ("Narva border crossing", "cp:narva-ivangorod"),
        ("Ivangorod checkpoint", "cp:narva-ivangorod"),
        # not named in the issue
        ("Torfyanovka", "cp:vaalimaa-torfyanovka"),
        ("Brusnichnoye checkpoint", "cp:nuijamaa-brusnichnoye"),
        ("Kunichina Gora", "cp:koidula-kunichina-gora"),
        ("Убылинка", "cp:grebneva-ubylinka"),
        ("Tashanta checkpoint", "cp:tsagaannuur-tashanta"),
        ("Suifenhe border crossing", "cp:pogranichny-suifenhe"),
        ("Kraskino checkpoint", "cp:kraskino-hunchun"),
        ("Khanoba", "cp:tagirkent-kazmalyar-khanoba"),
        ("Kozlovichi", "cp:kozlovichi-kukuryki"),
        ("Bruzgi checkpoint", "cp:bruzgi-kuznica"),
        ("КПП Бенякони", "cp:benyakoni-salcininkai"),
        ("Grigorovshchina", "cp:grigorovshchina-paternieki"),
        ("Leușeni", "cp:leuseni-albita"),
        ("Leuseni-Albita", "cp:leuseni-albita"),
        ("Storskog border crossing", "cp:storskog-borisoglebsky"),
        ("Novi Yarylovychi checkpoint", "cp:novi-yarylovychi-novaya-huta"),
    ],
)
def test_crossings_resolve(gazetteer, query, expected):
    assert gazetteer.lookup(query).place.id == expected


def test_closed_crossings_say_so(rows):
    """Finland closed all its crossings with Russia in late 2023: each row's note says so."""
    finnish = [row for row in rows if row["country_b"] == "FI"]
    assert finnish
    for row in finnish:
        assert "Closed by Finland" in row["note"] or "closed by Finland" in row["note"], row["id"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a crossing's side name that a distant town carries only as an alias
        ("Storskog", "cp:storskog-borisoglebsky"),  # Suurmetsä, Helsinki, is "Storskog" in Swedish
        ("Cairaclia", "cp:zaliznychne-cairaclia"),  # Loshchynivka's old name, 40 km away
        # the settlement at the gate under another spelling keeps the name
        ("Domachevo", "gn:628968"),
        ("Luzhanka", "gn:8253008"),
        ("Sokyriany", None),
        # Staryye Ozinki, which GeoNames also calls Ozinki, and the village named so
        ("Ozinki", "ambiguous"),
        ("Taskala", "gn:609721"),
        # a town named so itself keeps it, however far
        ("Shehyni", "gn:694256"),
        ("Narva", "gn:590031"),
        ("Kirkenes", "gn:779303"),
    ],
)
def test_a_crossings_side_name_beats_a_distant_towns_alias(gazetteer, query, expected):
    place = gazetteer.lookup(query).place
    if expected == "ambiguous":  # two towns, neither a crossing
        match = gazetteer.lookup(query)
        assert place is None and match.alternatives[0].kind == "town", match
        return
    if expected is None:  # a town, the one at the gate
        assert place.kind == "town", place
    else:
        assert place.id == expected, place


def test_the_side_name_rule_on_made_up_places():
    from geomap.gazetteer import Gazetteer, Place

    crossing = Place(
        "cp:x", "Alphino – Betaby", "checkpoint", "RU", 60.0, 30.0, aliases=("Alphino", "Betaby")
    )
    far = Place("gn:1", "Gammala", "town", "FI", 62.0, 25.0, population=50_000, aliases=("Betaby",))
    near = Place("gn:2", "Alfino", "town", "RU", 60.1, 30.0, population=900, aliases=("Alphino",))
    # a far town known by the name is no reason to doubt a near one that carries it too
    near_too = Place(
        "gn:4", "Betabyn", "town", "RU", 60.05, 30.1, population=700, aliases=("Betaby",)
    )
    own = Place("gn:3", "Betaby", "town", "SE", 63.0, 15.0, population=800)
    gaz = Gazetteer([crossing, far, near])
    assert gaz.lookup("Betaby").place.id == "cp:x"
    assert gaz.lookup("Alphino").place.id == "gn:2"
    assert Gazetteer([crossing, own]).lookup("Betaby").place.id == "gn:3"
    # ... though it may doubt the far one: it is only another name of it (lookup.py)
    assert Gazetteer([crossing, far, near_too]).lookup("Betaby").place is None
