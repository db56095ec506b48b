"""The page's place search index (map/search_index.py): this map's places in every spelling
the gazetteer knows, with Cyrillic case forms, packed small."""

import json

import pytest

from geomap.gazetteer.normalize import normalize
from geomap.map.payload import encode_events
from geomap.map.search_index import SEPARATOR, case_forms, search_index, unpack

# What the report's index may weigh (JSON characters): 13.5 KB when written; a place's
# spellings are a few hundred bytes, so a doubling means something is sent twice.
REPORT_INDEX_BUDGET = 16_000


@pytest.fixture(scope="module")
def report_index(report_located):
    events = encode_events(report_located, report_located.attrs["layers"])
    index = search_index(events["places"], events["fields"])
    fields = events["fields"]
    places = [dict(zip(fields, row)) for row in events["places"]]
    return places, index


def spellings_of(report_index, place_id):
    places, index = report_index
    row = next(k for k, p in enumerate(places) if p["id"] == place_id)
    return unpack(index["spellings"][row])


def test_one_text_per_place_of_the_page_in_its_order(report_index):
    places, index = report_index
    assert len(index["spellings"]) == len(places)
    assert all(isinstance(text, str) for text in index["spellings"])


def test_a_town_is_found_by_its_aliases_in_both_scripts_and_their_case_forms(report_index):
    kharkiv = {normalize(s) for s in spellings_of(report_index, "gn:706483")}
    # Харьков normalises as Харков (soft signs dropped), Kharkov as Khar'kov
    assert {normalize("Харків"), normalize("Харьков"), normalize("Kharkov")} <= kharkiv
    assert {normalize("Харкова"), normalize("Харкові")} <= kharkiv


@pytest.mark.parametrize(
    ("name", "language", "forms"),
    [
        ("Одеса", "uk", {"Одеси", "Одесі", "Одесою"}),
        ("Нова Каховка", "uk", {"Нової Каховки", "Новій Каховці", "Нову Каховку"}),
        ("Херсонська область", "uk", {"Херсонської області", "Херсонській області"}),
        ("Ростов-на-Дону", "ru", {"Ростова-на-Дону", "Ростове-на-Дону"}),
        ("Екатеринбург", "ru", {"Екатеринбурга", "Екатеринбурге"}),
        # A Ukrainian place's Russian name: the Ukrainian dictionary reads "Львов" only as a
        # surname, so the Russian one inflects it.
        ("Львов", "uk", {"Львова", "Львове"}),
    ],
)
def test_case_forms_agree_and_keep_capitals(name, language, forms):
    assert forms <= set(case_forms(name, language))


def test_no_case_forms_are_invented_for_a_word_no_dictionary_reads():
    assert case_forms("Ыщзхъ", "ru") == []
    assert case_forms("Kharkiv", "uk") == []  # Latin: nothing to inflect


def test_each_key_once_and_never_the_name_the_page_already_has(report_index):
    places, index = report_index
    for place, text in zip(places, index["spellings"]):
        keys = [normalize(s) for s in unpack(text)]
        shown = {normalize(s) for s in (place["name"], place.get("label")) if s}
        assert len(keys) == len(set(keys)), place["id"]
        assert not shown & set(keys) - {k for k in keys if _base_of_forms(text, k)}, place["id"]


def _base_of_forms(text, key):
    """A spelling the page shows may still be sent as the base its case forms are written
    against (a Cyrillic name of the page's own)."""
    parts = text.split(SEPARATOR)
    return any(
        normalize(p) == key and k + 1 < len(parts) and parts[k + 1].startswith("~")
        for k, p in enumerate(parts)
    )


def test_packed_forms_unpack_to_what_was_inflected():
    from geomap.map.search_index import _pack

    text = _pack(["Mukachevo", None], ["Мукачево", "Munkács"], "uk")
    spellings = unpack(text)
    forms = set(case_forms("Мукачево", "uk"))
    assert spellings[0] == "Мукачево" and set(spellings[1 : 1 + len(forms)]) == forms
    assert spellings[-1] == "Munkács"
    assert len(text) < len(SEPARATOR.join(spellings))  # the forms are written short


def test_a_place_outside_the_gazetteer_has_only_the_name_the_page_carries():
    fields = ["id", "name", "kind", "country", "label"]
    index = search_index([["user:Robotyne", "Robotyne", "town", "UA", None]], fields)
    assert index["spellings"] == [""]


def test_the_rules_sent_are_normalize_py_s(report_index):
    _, index = report_index
    rules = index["rules"]
    assert set(rules["dropped"]) >= {"ь", "ъ", "'", "’"}
    assert rules["synonyms"]["st"] == "saint"
    assert len(rules["homoglyphs"][0]) == len(rules["homoglyphs"][1])


def test_the_report_index_stays_small(report_index):
    _, index = report_index
    size = len(json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    assert size < REPORT_INDEX_BUDGET
