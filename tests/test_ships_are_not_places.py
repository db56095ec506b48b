"""A ship named after a place is not the place: the verb says so when no word for a vessel
does ("the Moskva sank"). The finder's rule for vessels and units."""

import pytest

from geomap.extract import extract

TAIL = " The statement was published later that week by the group."


def places(text):
    return [m.place.name for m in extract(text + TAIL).mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The Moskva sank in April.",
        "The Kherson was sunk off the coast.",  # no such ship; the rule is the verb
    ],
)
def test_a_name_that_sinks_is_a_ship_not_a_town(text):
    assert places(text) == []


def test_a_name_that_sinks_is_a_ship_in_russian_too():
    tail = " Об этом сообщили позже на неделе, ссылаясь на документы."
    assert [m.place.name for m in extract("«Москва» затонула в апреле." + tail).mentions] == []
    assert [m.place.name for m in extract("Москва была спокойна." + tail).mentions] == ["Moscow"]
