"""Regions as English writers name them beyond the sources' spellings (issue 13, class 4):
a people's adjective before "Republic", a people's name in -ia, "Autonomous Region", and
official double names joined by a dash. Each is a rule of English, not an alias."""

import pytest

from geomap.gazetteer import geocode


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Adygean Republic", "RU-AD"),
        ("Dagestani Republic", "RU-DA"),
        ("Karelian Republic", "RU-KR"),
        ("Mordovian Republic", "RU-MO"),
        ("Tuvan Republic", "RU-TY"),
        ("Kabardino-Balkarian Republic", "RU-KB"),
        ("Buryatian Republic", "RU-BU"),
        ("Yakutian Republic", "RU-SA"),
        ("Bashkirian Republic", "RU-BA"),
        ("the Kalmykian Republic", "RU-KL"),
    ],
)
def test_a_republic_named_by_its_peoples_adjective(name, region):
    assert geocode(name).place.id == region


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Chuvashia", "RU-CU"),
        ("Karachay-Cherkessia", "RU-KC"),
        ("Chuvashiya", "RU-CU"),
        ("Chuvashia Republic", "RU-CU"),
    ],
)
def test_a_republic_named_for_its_people_in_ia(name, region):
    assert geocode(name).place.id == region


@pytest.mark.parametrize(
    "name", ["Tuvan", "Karelian", "Dagestani", "Ossetia", "Chuvash people", "Karelian Isthmus"]
)
def test_an_adjective_or_a_people_alone_is_no_region(name):
    # The adjective needs its noun: "Tuvan" alone is a language or a person, not a region.
    assert geocode(name).place is None


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Jewish Autonomous Region", "RU-YEV"),
        ("Nenets Autonomous Region", "RU-NEN"),
        ("Chukotka Autonomous Region", "RU-CHU"),
        ("Yamalo-Nenets Autonomous Region", "RU-YAN"),
    ],
)
def test_autonomous_region_is_a_descriptor(name, region):
    assert geocode(name).place.id == region


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Kemerovo Oblast – Kuzbass", "RU-KEM"),
        ("Khanty-Mansi Autonomous Okrug — Yugra", "RU-KHM"),
        ("Republic of North Ossetia - Alania", "RU-SE"),
        ("Lugansk – Luhansk", "gn:702658"),
    ],
)
def test_a_double_name_whose_halves_name_one_place(name, place):
    assert geocode(name).place.id == place


@pytest.mark.parametrize("name", ["Kharkiv – Kyiv", "Mariupol – Berdiansk", "Kuzbass – Xyzzy"])
def test_a_double_name_whose_halves_disagree_is_not_found(name):
    match = geocode(name)
    assert match.place is None
    assert match.not_found


# --- a town's name today, against another town's former name -----------------------------


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Samarkand", "UZ"),  # not Temirtau, once Samarkandsky
        ("Metz", "FR"),
        ("Xuzhou", "CN"),
        ("Lingwu", "CN"),
        ("Naryn", "KG"),
        ("Hrazdan", "AM"),
        ("Clichy", "FR"),
        ("White Plains", "US"),
        ("Romford", "GB"),
        ("Battle Creek", "US"),
    ],
)
def test_a_town_so_named_beats_a_town_abroad_known_so_by_another_name(name, country):
    place = geocode(name).place
    assert place is not None and place.country == country
    assert place.name.replace("ō", "o") == name


@pytest.mark.parametrize(
    ("name", "renamed"),
    [
        ("Pervomaisk", "Sokolohirsk"),  # Luhansk Oblast's Pervomaisk, renamed in 2024
        ("Novomoskovsk", "Samar"),
        ("Uglegorsk", "Vuhlehirsk"),  # its Russian name, not a former one
    ],
)
def test_at_home_a_former_or_russian_name_still_competes(name, renamed):
    match = geocode(name)
    assert match.place is None
    assert renamed in {p.name for p in match.alternatives}
