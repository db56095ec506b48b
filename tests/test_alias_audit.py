"""The alias audit: no name that two places share may be answered confidently unreviewed."""

import dataclasses

import pytest

from geomap.gazetteer.audit import confident_collisions, read_reviewed, shared_names
from geomap.gazetteer.lookup import Gazetteer, default_gazetteer
from geomap.gazetteer.names import leaked_aliases
from geomap.gazetteer.normalize import normalize, split_descriptor
from geomap.gazetteer.places import Place, data_dir


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.fixture(scope="module")
def collisions(gazetteer):
    return confident_collisions(gazetteer)


def test_every_confident_collision_has_been_reviewed(collisions):
    reviewed = read_reviewed(data_dir())
    unreviewed = [c for c in collisions if (c.key, c.answer) not in reviewed]
    assert not unreviewed, (
        "names shared by a region or country and another place, answered confidently, that "
        "nobody has reviewed (python -m geomap.gazetteer.audit; add a row with a reason to "
        f"geodata/sources/reviewed-collisions.csv, or fix the data or rule): {unreviewed}"
    )


def test_the_reviewed_list_has_no_stale_rows(collisions):
    """A fixed 'open' row, or a collision that no longer occurs, leaves the list."""
    found = {(c.key, c.answer) for c in collisions}
    reviewed = read_reviewed(data_dir())
    assert set(reviewed) <= found, sorted(set(reviewed) - found)
    assert set(reviewed.values()) <= {"right", "open"}


def _region(id_, name, *aliases):
    return Place(id_, name, "region", "RU", 0.0, 0.0, aliases=aliases, population=1_000_000)


def _town(id_, name, parent, population, *aliases):
    return Place(
        id_, name, "town", "RU", 0.0, 0.0, parent=parent, population=population, aliases=aliases
    )


def test_the_audit_reports_a_region_alias_that_is_another_places_name():
    # A source gives a region the former name of a city elsewhere: lookup then sends the
    # name to the region, by kind, and the audit must say so.
    gazetteer = Gazetteer(
        [
            _region("X-A", "Alpha Oblast", "Gamma"),
            _region("X-B", "Beta Oblast"),
            _town("t1", "Gammagrad", "X-B", 500_000, "Gamma"),
        ]
    )
    assert gazetteer.lookup("Gamma").place.id == "X-A"
    [collision] = confident_collisions(gazetteer)
    assert (collision.key, collision.answer, collision.others) == ("gamma", "X-A", ("t1",))


def test_shared_names_include_a_regions_name_without_its_descriptor():
    gazetteer = Gazetteer([_region("X-A", "Alpha Oblast"), _town("t1", "Alpha", None, 10)])
    assert shared_names(gazetteer)["alpha"] == ["t1", "X-A"]


def test_the_sakha_republic_does_not_take_chukotkas_name():
    leaks = leaked_aliases(default_gazetteer().places)
    assert ("RU-SA", "Chukotka") in leaks
    assert default_gazetteer().lookup("Chukotka").place.id == "RU-CHU"


def test_no_region_answers_to_another_regions_own_name(gazetteer):
    """Every region's name, without its descriptor, leads to that region or its capital,
    never to another region: the alias-leak rule checked on all ~90 regions' names."""
    wrong = []
    for region in gazetteer.find(kind="region"):
        if region.drawn_as:
            continue
        stem, _ = split_descriptor(normalize(region.name))
        for query in {region.name, stem}:
            match = gazetteer.lookup(query)
            if match.place is None:
                continue
            place = match.place
            if place.kind == "region" and place.id != region.id and place.drawn_as != region.id:
                wrong.append((query, place.id))
    assert not wrong


def test_a_leak_rule_keeps_an_aliases_that_name_a_city_or_a_former_name():
    # "Leningrad city" is Saint Petersburg, not Leningrad Oblast; "Kalinin" (Tver's Soviet
    # name) is not a spelling of Kaliningrad.
    leaks = leaked_aliases(default_gazetteer().places)
    assert ("RU-SPE", "Leningrad city") not in leaks
    assert ("RU-TVE", "Kalinin") not in leaks
    made_up = [
        _region("X-A", "Alpha Oblast", "Betagorsk", "Alphaskaya"),
        _region("X-B", "Betagorsk Krai"),
    ]
    assert leaked_aliases(made_up) == {("X-A", "Betagorsk")}


def test_chukotkas_adjectival_names_leave_the_sakha_republic_for_chukotka(gazetteer):
    leaks = leaked_aliases(gazetteer.places)
    assert {("RU-SA", "Chukotskiy AOk"), ("RU-SA", "Чукотский АОк")} <= leaks
    for query in ("Chukotskiy AOk", "Чукотский АОк", "Chukotka", "Chukot"):
        assert gazetteer.lookup(query).place.id == "RU-CHU", query


# A region's name and an alias of one stem with a different ending, in both scripts; none of
# these regions or aliases is in the data under these made-up codes.
STEM_PAIRS = [
    ("Kamchatka Krai", "Kamchatskiy Kray"),
    ("Krasnoyarsk Krai", "Krasnoyarskiy Kray"),
    ("Khabarovsk Krai", "Khabarovskiy Kray"),
    ("Stavropol Krai", "Stavropolskiy Kray"),
    ("Kaliningrad Oblast", "Kaliningradskaya oblast"),
    ("Astrakhan Oblast", "Astrakhanskaya oblast"),
    ("Murmansk Oblast", "Мурманская область"),
    ("Chukotka Autonomous Okrug", "Чукотский автономный округ"),
    ("Kamchatka Krai", "Камчатский край"),
    ("Orenburg Oblast", "Оренбургская обл"),
    ("Novosibirsk Oblast", "Novosibirskaya Oblast'"),
]


@pytest.mark.parametrize(("name", "alias"), STEM_PAIRS)
def test_an_alias_of_another_regions_stem_leaks_and_is_rehomed(name, alias):
    from geomap.gazetteer.names import rehomed_aliases

    made_up = [_region("X-A", "Alpha Oblast", alias, "Alphaskaya"), _region("X-B", name)]
    leaks = leaked_aliases(made_up)
    assert leaks == {("X-A", alias)}
    assert rehomed_aliases(made_up, leaks) == {"X-B": [alias]}


@pytest.mark.parametrize(
    ("name", "alias"),
    [("Kaliningrad Oblast", "Kalinin"), ("Tomsk Oblast", "Tomari"), ("Penza Oblast", "Penzance")],
)
def test_a_shorter_or_other_word_is_not_a_shared_stem(name, alias):
    made_up = [_region("X-A", "Alpha Oblast", alias), _region("X-B", name)]
    assert leaked_aliases(made_up) == set()


def test_a_spelling_two_regions_carry_belongs_to_the_one_it_starts_like():
    leaks = leaked_aliases(default_gazetteer().places)
    assert ("RU-ARK", "Vologodskaya Oblast") in leaks
    made_up = [
        _region("X-A", "Alpha Oblast", "Betarskaya oblast", "Alphanskaya oblast"),
        _region("X-B", "Betaria Oblast", "Betarskaya oblast"),
        _region("X-C", "Gamma Oblast", "Alphanskaya oblast"),
    ]
    # "Alphanskaya" is also on Gamma Oblast, which it does not start like: Gamma loses it.
    assert leaked_aliases(made_up) == {("X-A", "Betarskaya oblast"), ("X-C", "Alphanskaya oblast")}


@pytest.mark.parametrize(
    "query, region",
    [("Yugra", "RU-KHM"), ("Alania", "RU-SE"), ("Yakutia", "RU-SA"), ("Yakutiya", "RU-SA")],
)
def test_a_regions_second_official_name_is_a_name_of_its_own(gazetteer, query, region):
    """From Natural Earth's "Khanty-Mansiyskiy A.Okr.-Yugra", "North Ossetia–Alania",
    "Sakha (Yakutiya)": not hand-added aliases."""
    assert gazetteer.lookup(query).place.id == region


def test_second_names_are_only_taken_after_a_descriptor_a_dash_or_in_brackets():
    from geomap.gazetteer.names import second_names

    assert second_names("Kemerovo Oblast – Kuzbass") == ["Kuzbass"]
    assert second_names("Chuvash Republic — Chuvashia") == ["Chuvashia"]
    assert second_names("Karachay-Cherkessiya") == []
    assert second_names("Санкт-Петербург (горсовет)") == []


def test_every_iso_3166_2_name_of_a_russian_or_ukrainian_region_leads_to_it(gazetteer):
    """The 110 ISO 3166-2 names (as pycountry gives them) each resolve to their region or
    to its capital: none leaks to another region, none is refused."""
    import pycountry  # a test dependency (pyproject: test extra)

    wrong = []
    for country in ("RU", "UA"):
        for sub in pycountry.subdivisions.get(country_code=country):
            place = gazetteer.lookup(sub.name).place
            if place is None or sub.code not in (place.id, place.parent):
                wrong.append((sub.name, place and place.id))
    assert not wrong


def test_a_region_s_own_name_with_its_descriptor_is_no_other_place_s_alias(gazetteer):
    # GeoNames gives the town Voronezh "Воронежская область", and Arkhangelsk Oblast
    # "Вологодская область": the regions' own Russian names
    leaks = leaked_aliases(gazetteer.places)
    assert ("gn:472045", "Воронежская область") in leaks
    assert ("RU-ARK", "Вологодская область") in leaks
    for query, region in (
        ("Воронежская область", "RU-VOR"),
        ("в Воронежской области", "RU-VOR"),
        ("Вологодская область", "RU-VLG"),
    ):
        assert gazetteer.lookup(query).place.id == region, query
    # a region's name with no descriptor may be its city's too, which keeps it
    assert gazetteer.lookup("Санкт-Петербург").place.id == "gn:498817"
    assert gazetteer.lookup("Москва").place.name == "Moscow"


def test_the_rule_on_made_up_places():
    town = dataclasses.replace(
        _town("x:1", "Alphagrad", "X-A", 500_000, "Альфаградская область", "Альфаград"),
        names=(("ru", "Альфаград"),),
    )
    region = dataclasses.replace(
        _region("X-A", "Alphagrad Oblast"), names=(("ru", "Альфаградская область"),)
    )
    city_region = dataclasses.replace(_region("X-C", "Gammagrad"), names=(("ru", "Гаммаград"),))
    city = _town("x:2", "Gammagrad", "X-C", 500_000, "Гаммаград")
    assert leaked_aliases([town, region, city_region, city]) == {("x:1", "Альфаградская область")}
