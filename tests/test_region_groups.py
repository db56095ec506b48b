"""Named groups of regions (issue 13, part 4): each resolves to the group, drawn as the union
of its members, with a precision that says how vague it is; a colloquial name of one region is
that region; no region answers for a group. Names beyond the issue's examples throughout."""

from pathlib import Path

import pytest
import shapely

from geomap.errors import DataError, EventsError
from geomap.events.locate import PRECISION_ORDER
from geomap.gazetteer import default_gazetteer
from geomap.gazetteer.groups import GROUP_PRECISIONS, read_group_rows
from geomap.gazetteer.normalize import normalize
from geomap.gazetteer.places import geometries

COLUMNS = "id,name,category,extent,members,names,reference\n"


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


# (as written, group id, members that must be among the group's) — none named in the issue.
GROUPS = [
    ("Chernozemye", "central-black-earth", {"RU-VOR", "RU-BEL"}),
    ("Черноземье", "central-black-earth", {"RU-LIP"}),
    ("West Siberia", "west-siberia", {"RU-NVS", "RU-TOM"}),
    ("Eastern Siberia", "east-siberia", {"RU-IRK", "RU-KYA"}),
    ("the Southern Urals", "south-urals", {"RU-CHE", "RU-BA"}),
    ("Western Ukraine", "western-ukraine", {"UA-46", "UA-21"}),
    ("Східна Україна", "eastern-ukraine", {"UA-63", "UA-14"}),
    ("Southern Ukraine", "southern-ukraine", {"UA-51", "UA-65"}),
    ("Budjak", "budjak", {"UA-51"}),
    ("Pokuttia", "pokuttia", {"UA-26"}),
    ("Northwestern Federal District", "fd-northwestern", {"RU-KGD", "RU-SPE"}),
    ("Privolzhsky Federal District", "fd-volga", {"RU-TA", "RU-NIZ"}),
    ("Urals Federal District", "fd-ural", {"RU-SVE", "RU-YAN"}),
    ("Donets Basin", "donbas", {"UA-14", "UA-09"}),
    ("Podolia", "podillia", {"UA-05"}),
    ("Taurida", "tavria", {"UA-65"}),
    ("Siberian", None, None),  # an adjective: not the group, but never a region either
]


@pytest.mark.parametrize("written, group, members", GROUPS)
def test_a_group_name_resolves_to_the_group(gazetteer, written, group, members):
    place = gazetteer.lookup(written).place
    if group is None:
        assert place is None or place.kind not in ("region", "group")
        return
    assert place is not None and place.id == f"group:{group}"
    assert place.kind == "group" and members <= set(place.members)
    assert place.precision in GROUP_PRECISIONS


@pytest.mark.parametrize(
    "written, region",
    [
        ("Podmoskovye", "RU-MOS"),
        ("Подмосковье", "RU-MOS"),
        ("Stavropolye", "RU-STA"),
        ("Priamurye", "RU-AMU"),
        ("Orenburzhye", "RU-ORE"),
        ("Prykarpattia", "UA-26"),
        ("Kyivshchyna", "UA-32"),
        ("Poltavshchyna", "UA-53"),
        ("Чернігівщина", "UA-74"),
        ("Sumshchyna", "UA-59"),
        ("Odeshchyna", "UA-51"),
        ("Lvivshchyna", "UA-46"),
        ("Donechchyna", "UA-14"),
        ("Kuban", "RU-KDA"),  # not the village of Kuban' in Krasnodar Krai
    ],
)
def test_a_colloquial_name_of_one_region_is_that_region(gazetteer, written, region):
    place = gazetteer.lookup(written).place
    assert place is not None and (place.kind, place.id) == ("region", region)


def test_no_region_answers_for_a_group(gazetteer):
    """Every spelling of every group leads to the group, never to one of its regions (Natural
    Earth calls Volyn Oblast "Volhynia"; the build takes the name back)."""
    wrong = []
    for group in gazetteer.find(kind="group"):
        for written in (group.name, *group.aliases):
            place = gazetteer.lookup(written).place
            if place is None or place.id != group.id:
                wrong.append((written, place and place.id))
    assert not wrong
    region_names = {
        normalize(n) for r in gazetteer.find(kind="region") for n in (r.name, *r.aliases)
    }
    assert "volhynia" not in region_names


def test_bare_city_names_still_mean_the_city(gazetteer):
    for written in ("Kharkiv", "Donetsk", "Luhansk", "Chernivtsi", "Perm", "Vladivostok", "Kiev"):
        assert gazetteer.lookup(written).place.kind == "town", written


def test_precision_says_how_vague_the_extent_is(gazetteer):
    assert gazetteer.get("group:fd-central").precision == "federal district"
    assert gazetteer.get("group:west-siberia").precision == "macro-region (approximate)"
    assert gazetteer.get("group:budjak").precision == (
        "historical region (approximate: parts of the shaded regions)"
    )
    # every group precision is ordered: coarser than a region, finer than a country
    order = {p: i for i, p in enumerate(PRECISION_ORDER)}
    for p in GROUP_PRECISIONS:
        assert order["country"] < order[p] < order["region (approximate)"]


def test_a_group_is_drawn_as_the_union_of_its_members(gazetteer):
    groups, regions = geometries("group"), geometries("region")
    for group in gazetteer.find(kind="group"):
        union = shapely.union_all(regions.loc[list(group.members), "geometry"].values)
        shape = groups.at[group.id, "geometry"]
        # the same area, up to the simplification of the group's outline
        assert shape.symmetric_difference(union).area < 0.05 * union.area, group.id
        assert shape.contains(shapely.Point(group.lon, group.lat)), group.id


def test_the_sources_table_has_a_reference_on_every_row():
    # the source table stays in the repository; the build turns it into groups.geojson
    source = Path(__file__).resolve().parents[1] / "geodata" / "sources" / "region-groups.csv"
    rows = read_group_rows(source, _region_ids())
    assert len(rows) >= 40
    assert all(r.reference.startswith("https://") for r in rows)


def _region_ids():
    return {p.id for p in default_gazetteer().find(kind="region")}


@pytest.mark.parametrize(
    "row, message",
    [
        ("x,X,macro-region,approximate,RU-XXX RU-TA,,https://a", r"row 2, field members.*RU-XXX"),
        ("x,X,macro-region,approximate,RU-TA,,https://a", r"row 2: a group of one whole region"),
        ("x,X,colloquial name,exact,RU-TA RU-BA,,https://a", r"names exactly one region, not 2"),
        ("x,X,empire,exact,RU-TA RU-BA,,https://a", r"row 2, field category: 'empire'"),
        ("x,X,macro-region,vague,RU-TA RU-BA,,https://a", r"row 2, field extent: 'vague'"),
        ("x,X,macro-region,exact,RU-TA RU-BA,,", r"row 2, field reference"),
    ],
)
def test_a_bad_row_is_one_clear_error(tmp_path, row, message):
    path = tmp_path / "region-groups.csv"
    path.write_text(COLUMNS + row + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=message):
        read_group_rows(path, _region_ids())


def test_an_event_at_a_group_is_shaded_with_the_groups_outline(tmp_path):
    from geomap.events.load import load_events
    from geomap.events.locate import locate_events
    from geomap.map.payload import region_shapes

    path = tmp_path / "events.yaml"
    path.write_text(
        "title: T\nevents:\n"
        "  - {id: a, layer: protests, title: A, summary: S, certainty: confirmed, date: 2022-03-01, places: [Chernozemye]}\n"
        "  - {id: b, layer: protests, title: B, summary: S, certainty: confirmed, date: 2022-03-01, places: [Budjak, Odesa]}\n"
        "  - {id: c, layer: protests, title: C, summary: S, certainty: confirmed, date: 2022-03-01, places: [Voronezh Oblast]}\n",
        encoding="utf-8",
    )
    located = locate_events(load_events(path))
    assert list(located["precision"]) == [
        "macro-region (approximate)",
        "historical region (approximate: parts of the shaded regions)",  # the vaguer place
        "region",
    ]
    shapes = region_shapes(located)
    assert set(shapes) == {"group:central-black-earth", "group:budjak", "RU-VOR"}


def test_an_event_at_a_river_is_refused_with_the_reason(tmp_path):
    from geomap.events.load import load_events
    from geomap.events.locate import locate_events

    path = tmp_path / "events.yaml"
    path.write_text(
        "title: T\nevents:\n"
        "  - {id: a, layer: crossings, title: A, summary: S, certainty: confirmed, date: 2022-03-01, places: [the Southern Bug]}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        EventsError, match=r"field places: 'the Southern Bug': Southern Bug is a river"
    ):
        locate_events(load_events(path))


def test_extract_finds_groups_in_running_text():
    from geomap.extract import extract

    text = (
        "Buses left the whole Donbas region for Budjak. Rallies were held across Chernozemye, "
        "in Western Ukraine and in the Northwestern Federal District; Podmoskovye stayed quiet."
    )
    found = {m.text: m.place.id for m in extract(text).mentions if m.place}
    assert found == {
        "Donbas region": "group:donbas",
        "Budjak": "group:budjak",
        "Chernozemye": "group:central-black-earth",
        "Western Ukraine": "group:western-ukraine",
        "Northwestern Federal District": "group:fd-northwestern",
        "Podmoskovye": "RU-MOS",
    }
