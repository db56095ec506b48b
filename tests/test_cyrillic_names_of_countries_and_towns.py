"""Cyrillic names of countries, regions and towns. Regions by the short names news give them
(hand-written in geodata/sources/places.yaml: "Белгородчина", "ЯНАО", "Тува"). Countries by the short names Russian and Ukrainian write (ISO 3166-1's translations, via
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


# --- the short names Russian and Ukrainian news give regions (geodata/sources/places.yaml) --


@pytest.mark.parametrize(
    ("sentence", "regions"),
    [
        ("На Смоленщине и Белгородчине сбили беспилотники.", ["RU-SMO", "RU-BEL"]),
        ("Жители Курщины и Брянщины пострадали от обстрелов.", ["RU-KRS", "RU-BRY"]),
        ("Дрони атакували Бєлгородщину та Курщину, повідомили в ЗМІ.", ["RU-BEL", "RU-KRS"]),
        ("В ЯНАО и ХМАО прошли обыски у активистов.", ["RU-YAN", "RU-KHM"]),
        ("В Мособласти и Ленобласти задержали активистов.", ["RU-MOS", "RU-LEN"]),
        # Kyiv Oblast's and Altai Krai's own full names (Natural Earth gave them others')
        ("Обстріл у Київській області тривав усю ніч.", ["UA-32"]),
        ("В Киевской области и Алтайском крае сбили дроны.", ["UA-32", "RU-ALT"]),
        ("Евакуйованих везуть до Підмосков'я.", ["RU-MOS"]),
        ("В Ровенской области задержали мужчин у границы.", ["UA-56"]),
        ("В Туве и Башкирии задержали активистов.", ["RU-TY", "RU-BA"]),
        ("На Камчатке и Чукотке прошли одиночные пикеты.", ["RU-KAM", "RU-CHU"]),
        ("Мобілізованих із Чувашії та Якутії відправили на фронт.", ["RU-CU", "RU-SA"]),
        ("Уроженцы Северной Осетии и Горного Алтая погибли на фронте.", ["RU-SE", "RU-AL"]),
    ],
)
def test_regions_by_the_short_names_news_give_them(sentence, regions):
    assert [m.place.id for m in extract(sentence).mentions if m.place] == regions


def test_a_citys_old_name_that_is_another_citys_own_is_dropped():
    # Nikopol was Slavyansk for two years of the 18th century; "Слов'янськ" is Sloviansk
    assert geocode("Слов'янськ").place.name == "Sloviansk"
    assert geocode("Слов'янську").place.name == "Sloviansk"


@pytest.mark.parametrize(
    "text",
    [
        "Минобороны РФ сообщило об атаке беспилотников.",
        "Міноборони РФ заявило про удар, повідомили журналісти.",
    ],
)
def test_rf_is_russia(text):
    assert [m.place.id for m in extract(text).mentions if m.place] == ["RU"]


@pytest.mark.parametrize(
    "text",
    ["Про це повідомила BBC News Україна.", "Об этом сообщает служба DW Россия."],
)
def test_a_broadcaster_s_service_named_after_a_country_is_an_outlet(text):
    assert [m.place for m in extract(text).mentions if m.place] == []


def test_kyrgyzstan_by_its_official_russian_short_name():
    assert [m.place.id for m in extract("Многие уехали в Кыргызстан и Казахстан.").mentions] == [
        "KG",
        "KZ",
    ]
