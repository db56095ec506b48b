"""A town abroad does not answer alone for a state or province of another country
(geomap/gazetteer/abroad.py): "Goa" is the Indian state before a town in the Philippines."""

import sys
from pathlib import Path

import pycountry
import pytest

from geomap.extract import extract
from geomap.gazetteer import geocode
from geomap.gazetteer.abroad import FILE, Subdivisions
from geomap.gazetteer.places import data_dir

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("name", "town_country", "region"),
    [
        ("Goa", "PH", "IN-GA"),
        ("Bali", "IN", "ID-BA"),
        ("Victoria", "HK", "AU-VIC"),  # an old name of Hong Kong
        ("Ontario", "US", "CA-ON"),
        ("Virginia", "ZA", "US-VA"),
        ("Florida", "CO", "US-FL"),  # an alias of Floridablanca
        ("Edo", "JP", "NG-ED"),  # Tokyo's old name
        ("Savannah", "US", "GH-SV"),
        ("Santa Cruz", "BO", "AR-Z"),
        ("Sinop", "BR", "TR-57"),
    ],
)
def test_a_town_abroad_named_like_another_countrys_region_is_not_taken(name, town_country, region):
    match = geocode(name)
    assert match.place is None
    assert match.reason == "ambiguous"
    assert [p.country for p in match.alternatives] == [town_country]
    assert any(s.startswith(f"{name} (") and region[:2] in s for s in match.suggestions[1:])


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Phuket", "gn:1151254"),  # the province of the same country: its capital
        ("Antalya", "gn:323777"),
        ("Almaty", "gn:1526384"),
        ("Córdoba", "gn:3860259"),  # a city of a million, named so: the city
        ("Bari", "gn:3182351"),
        ("Bali, India", "gn:1277539"),  # the writer said which
        ("town of Goa", "gn:1712808"),
        ("Mérida", "gn:3523349"),
        ("Trujillo", "gn:3691175"),
        ("Bar", "gn:712861"),  # a town at home keeps its name (Bar, Montenegro, is abroad)
    ],
)
def test_a_town_that_plainly_is_what_its_name_means_is_kept(name, place):
    assert geocode(name).place.id == place


def test_extract_reports_goa_and_bali_instead_of_mapping_a_namesake():
    result = extract("After September, many families moved from Moscow to Goa and Bali.")
    assert [m.place.name for m in result.mentions] == ["Moscow"]
    assert {m.text for m in result.unresolved} == {"Goa", "Bali"}


def test_the_shipped_list_is_what_pycountry_makes():
    sys.path.insert(0, str(REPO / "scripts"))
    import build_geodata

    shipped = (data_dir() / FILE).read_text(encoding="utf-8")
    out = REPO / "output" / ".subdivisions-test.json"
    out.parent.mkdir(exist_ok=True)
    try:
        build_geodata.write_subdivisions_abroad(out, pycountry)
        assert out.read_text(encoding="utf-8") == shipped
    finally:
        out.unlink(missing_ok=True)
    rows = Subdivisions.read(data_dir() / FILE)
    assert {s.code for s in rows.by_key["bali"]} == {"ID-BA"}  # under a grouping in ISO
    assert not any(s.country in ("RU", "UA") for found in rows.by_key.values() for s in found)
