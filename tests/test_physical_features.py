"""Rivers, seas, lakes, reservoirs, ranges and passes (issue 13, part 5): never a town or a
checkpoint of the same name; refused with the reason, since geomap bundles no geometry for
them. The cue that decides is a descriptor of the feature's type or, for a river, the article.
Names beyond the issue's examples throughout."""

import pytest

from geomap.extract import extract
from geomap.gazetteer import default_gazetteer
from geomap.gazetteer.features import FeatureIndex


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize(
    "written, feature, kind",
    [
        ("the Southern Bug", "Southern Bug", "a river"),
        ("Pivdennyi Buh river", "Southern Bug", "a river"),
        ("the Desna", "Desna", "a river"),  # Desna is also a town and a village
        ("Oskil river", "Oskil", "a river"),
        ("river Inhulets", "Inhulets", "a river"),
        ("the Danube", "Danube", "a river"),
        ("Western Bug", "Western Bug", "a river"),
        ("Kama river", "Kama", "a river"),
        ("the Neva", "Neva", "a river"),
        ("река Терек", "Terek", "a river"),
        ("Narva river", "Narva", "a river"),
        ("Baltic Sea", "Baltic Sea", "a sea"),
        ("the Caspian Sea", "Caspian Sea", "a sea"),
        ("Kremenchuk Reservoir", "Kremenchuk Reservoir", "a reservoir"),
        ("Pechenihy reservoir", "Pechenihy Reservoir", "a reservoir"),
        ("Lake Ladoga", "Lake Ladoga", "a lake"),
        ("Ural Mountains", "Ural Mountains", "a mountain range"),
        ("the Crimean Mountains", "Crimean Mountains", "a mountain range"),
        ("Khibiny", "Khibiny Mountains", "a mountain range"),
        ("Verecke Pass", "Verecke Pass", "a mountain pass"),
        ("Jvari Pass", "Jvari Pass", "a mountain pass"),
    ],
)
def test_a_physical_feature_is_refused_and_says_what_it_is(gazetteer, written, feature, kind):
    match = gazetteer.lookup(written)
    assert match.place is None
    assert match.feature is not None and match.feature.name == feature
    assert match.reason.startswith(f"{feature} is {kind}; geomap maps places")


@pytest.mark.parametrize(
    "written, town",
    [
        ("Dnipro", "gn:709930"),
        ("Narva", None),  # the Estonian city on the river: a city, bare
        ("Azov", "gn:580054"),
        ("Kherson", None),
        ("Zaporizhzhia", None),
        ("Nikopol", None),
        ("Mykolaiv", None),
        ("Izmail", None),
    ],
)
def test_a_bare_city_name_still_means_the_city(gazetteer, written, town):
    place = gazetteer.lookup(written).place
    assert place is not None and place.kind == "town"
    if town:
        assert place.id == town


@pytest.mark.parametrize("written", ["Kama", "Oskil", "Volga", "Terek"])
def test_a_rivers_bare_name_shared_only_with_villages_is_not_a_village(gazetteer, written):
    """Never a village named like the river; "the Kama" or "Kama (Udmurt Republic)" decides."""
    match = gazetteer.lookup(written)
    assert match.place is None and match.feature is not None and match.suggestions
    assert match.reason.startswith(f"ambiguous: {written} is a river, which geomap does not map")
    assert match.reason.endswith(f"add its region: '{written} (Region)'")
    town = match.alternatives[0]
    region = gazetteer.get(town.parent).name
    assert gazetteer.lookup(f"{written} ({region})").place == town


def test_a_rivers_bare_name_that_no_place_shares_is_the_river(gazetteer):
    assert gazetteer.lookup("Don").reason.startswith("Don is a river; geomap maps places")


def test_a_river_named_like_a_region_yields_to_the_region(gazetteer):
    # "the Amur" (Amur Oblast's own short name) and "Kuban": the article alone does not decide
    assert gazetteer.lookup("Amur").place.id == "RU-AMU"
    assert gazetteer.lookup("the Kuban").place.id == "RU-KDA"
    assert gazetteer.lookup("Kuban river").feature.name == "Kuban"


def test_the_article_cues_only_rivers():
    index = FeatureIndex.from_rows(
        [
            {"id": "r", "name": "Alpha", "type": "river", "names": [], "bare": [], "reference": ""},
            {
                "id": "m",
                "name": "Beta Mountains",
                "type": "mountains",
                "names": ["Beta"],
                "bare": [],
                "reference": "",
            },
        ]
    )
    assert index.cued("the alpha")[0].id == "r"
    assert index.cued("the beta")[0] is None  # "the Caucasus" is a region as often as a range
    assert index.cued("beta mountains")[0].id == "m"
    assert index.cued("alpha mountains")[0] is None  # the descriptor must fit the type


def test_extract_does_not_map_a_river_written_with_its_article():
    text = (
        "Volunteers ferried people across the Desna and the Southern Bug. Others crossed the "
        "Dnipro near Kherson. Shelling hit Dnipro and Mykolaiv overnight."
    )
    found = [(m.text, m.place.kind if m.place else None) for m in extract(text).mentions]
    assert ("Kherson", "town") in found and ("Mykolaiv", "town") in found
    # the city, written bare, once; the river with its article, not at all
    assert [t for t, _ in found if t == "Dnipro"] == ["Dnipro"]
    assert not any(t in ("Desna", "Southern Bug") for t, _ in found)
    mention = next(m for m in extract(text).mentions if m.text == "Dnipro")
    assert mention.start == text.index("Dnipro and")
