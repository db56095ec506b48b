"""Cyrillic names of countries and towns. Countries by the short names Russian and Ukrainian write (ISO 3166-1's translations, via
pycountry, in scripts/build_geodata.py): "Китай" is China, not Taiwan, whose formal Ukrainian
name "Республіка Китай" used to answer for it once its descriptor was taken off."""

import pytest

from geomap.extract import extract
from geomap.gazetteer import geocode

PAD_RU = " Об этом сообщили правозащитники позже на неделе, ссылаясь на документы суда."
PAD_UK = " Про це повідомили правозахисники пізніше цього тижня, посилаючись на документи суду."


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Китай", "CN"),
        ("Китае", "CN"),
        ("Тайвань", "TW"),
        ("Южная Корея", "KR"),
        ("Північна Корея", "KP"),
        ("Молдавия", "MD"),
        ("Сирия", "SY"),
        ("Велика Британія", "GB"),
        ("США", "US"),
        ("Венесуела", "VE"),
    ],
)
def test_a_country_s_short_russian_or_ukrainian_name(name, iso):
    assert geocode(name).place.id == iso


@pytest.mark.parametrize(
    ("text", "pad", "expected"),
    [
        ("Китай и США обсудили санкции.", PAD_RU, ["CN", "US"]),
        ("Він поїхав до Китаю, а потім до США.", PAD_UK, ["CN", "US"]),
        ("Мали намір виїхати до Польщі.", PAD_UK, ["PL"]),  # "мали": they had, not Mali
        ("Військові з Малі прибули.", PAD_UK, ["ML"]),
    ],
)
def test_countries_in_russian_and_ukrainian_text(text, pad, expected):
    assert [m.place.id for m in extract(text + pad).mentions] == expected


def test_latin_acronyms_before_a_noun_are_still_left_alone():
    text = "UK and US officials met in March." + PAD_RU.replace("Об этом", "Also")
    assert [m.place.id for m in extract(text).mentions] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Беспилотник атаковал Старый Оскол.", ["Stary Oskol"]),
        ("В Старом Осколе и Новом Осколе объявили тревогу.", ["Stary Oskol", "Novy Oskol"]),
        ("Жители Старого Оскола ждут.", ["Stary Oskol"]),
        ("Вдоль реки Оскол идут бои.", []),  # the river
        ("Ворог форсував Оскіл.", []),
    ],
)
def test_a_town_whose_whole_name_ends_in_a_river_s_is_the_town(text, expected):
    # the river check read only the name's last word (the Oskol) and refused the town
    assert [m.place.name for m in extract(text + PAD_RU).mentions] == expected
