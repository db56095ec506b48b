"""geomap/map/labels.py and view.py's framings: which names a map sends, from which source,
and the buttons that frame part of the events. The page's placement is in tests/ui/test_glance.py."""

import pytest

from geomap.errors import GeomapError
from geomap.map.labels import COUNTRY, EVENT_PLACE, REGION, GazetteerNames, map_labels
from geomap.map.view import framings, view_bounds
from geomap.pipeline import locate

EVENTS = """\
title: {title}
layers:
  - {{id: rallies, name: Rallies, color: "#2166ac"}}
events:
{events}
"""


def write_events(tmp_path, places):
    """An events file with one rally at each of `places` (names the gazetteer knows)."""
    events = "\n".join(
        f"  - {{id: e{i}, layer: rallies, title: Rally {i}, summary: People rallied., "
        f"date: 2022-03-01, places: [{place!r}], certainty: reported}}"
        for i, place in enumerate(places)
    )
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS.format(title="Rallies", events=events), encoding="utf-8")
    return locate([path])


def test_english_names_come_from_the_gazetteer():
    names = GazetteerNames()
    assert names.label("UA-46", "en") == "Lviv Oblast"
    assert names.label("PL", "en") == "Poland"
    assert names.label("no-such-place", "en") is None
    assert names.label("UA-46", "uk") == "Львівська область"  # asked for another language
    assert names.label("UA-46", "de") is None  # a language it does not have: no label


def test_a_language_the_source_lacks_is_one_clear_error():
    with pytest.raises(
        GeomapError, match=r"^no labels in language 'be'; this name source has: en, ru, uk$"
    ):
        GazetteerNames("be")


class Longer:
    """A name source whose names run half again longer, as Russian and Ukrainian ones do."""

    language = "xx"

    def label(self, place_id, language):
        name = GazetteerNames().label(place_id, "en")
        return None if name is None else name + " " + name[: len(name) // 2]


def test_every_label_takes_its_text_from_the_one_name_source(tmp_path):
    located = write_events(tmp_path, ["Lviv", "Poltava", "Chernihiv"])
    english = map_labels(located, view_bounds(located))["labels"]
    longer = map_labels(located, view_bounds(located), Longer())["labels"]
    assert len(english) == len(longer) > 20
    for (text, *rest), (long_text, *long_rest) in zip(english, longer):
        assert rest == long_rest and long_text.startswith(text + " ")


def test_labels_name_the_neighbours_the_event_places_and_their_regions(tmp_path):
    located = write_events(tmp_path, ["Lviv", "Poltava", "Chernihiv"])
    labels = map_labels(located, view_bounds(located))["labels"]
    kinds = {}
    for text, _lat, _lon, kind, zoom, *_outline in labels:
        kinds.setdefault(kind, []).append(text)
        assert 2 <= zoom <= 8  # from the world view to a close one
    assert {"Ukraine", "Belarus", "Poland", "Russia", "Lithuania"} <= set(kinds[COUNTRY])
    assert {"Lviv", "Poltava", "Chernihiv"} <= set(kinds[EVENT_PLACE])
    assert "Poltava Oblast" in kinds[REGION]
    # Countries first, then the places with events, before any other region or city.
    order = [label[3] for label in labels]
    assert order.index(EVENT_PLACE) > max(i for i, k in enumerate(order) if k == COUNTRY) - 10
    assert order.index(EVENT_PLACE) < order.index(REGION)


def test_country_wide_facts_do_not_stretch_the_first_view(tmp_path):
    located = write_events(tmp_path, ["Poltava", "Sumy", "Russia"])
    _, (north, east) = view_bounds(located)
    assert east < 45 and north < 55, "Russia's country-wide mark pulled the view to Siberia"


def test_a_country_with_few_events_in_a_wide_map_gets_a_framing_button(tmp_path):
    located = write_events(tmp_path, ["Lviv", "Poltava", "Odesa", "Irkutsk", "Vladivostok"])
    found = framings(located, GazetteerNames())
    assert [f["name"] for f in found] == ["Ukraine"]
    (south, west), (north, east) = found[0]["bounds"]
    assert 22 <= west < 25 and 34 < east < 40 and 45 < south < 48 and 49 < north < 53


def test_a_map_the_first_view_frames_well_has_no_framing_buttons(tmp_path):
    located = write_events(tmp_path, ["Lviv", "Poltava", "Odesa", "Kharkiv"])
    assert framings(located, GazetteerNames()) == []


def test_the_countries_where_events_are_come_first_named_from_the_first_view(tmp_path):
    """Their names may move over their own land (the page has the outline of each id sent),
    from the world view on: a small country of events is named before its neighbours."""
    located = write_events(tmp_path, ["Vilnius", "Minsk", "Lviv"])
    labels = map_labels(located, view_bounds(located))["labels"]
    countries = [label for label in labels if label[3] == COUNTRY]
    first = countries[:3]
    assert {label[0] for label in first} == {"Lithuania", "Belarus", "Ukraine"}
    assert {label[5] for label in first} == {"LT", "BY", "UA"}
    assert all(label[4] == 2 for label in first)
    # the others keep their zoom by size and carry no outline id
    others = countries[3:]
    assert others and all(len(label) == 5 for label in others)
    assert {"Poland", "Latvia"} <= {label[0] for label in others}
