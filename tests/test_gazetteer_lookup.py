"""Every place the report names resolves to the right feature, in every common spelling."""

import pytest

from geomap.gazetteer import default_gazetteer, geocode, normalize

# (query, expected id, expected lat, expected lon) — coordinates within 0.1°.
# Spellings: the article's, the Ukrainian and Russian transliterations, Cyrillic.
REPORT_PLACES = [
    # countries
    ("Russia", "RU", None, None),
    ("Ukraine", "UA", None, None),
    ("Poland", "PL", None, None),
    ("Romania", "RO", None, None),
    ("Moldova", "MD", None, None),
    ("Hungary", "HU", None, None),
    ("Україна", "UA", None, None),
    ("Россия", "RU", None, None),
    # the 22 regions of Russia with criminal cases (article spelling and variants)
    ("Adygea", "RU-AD", None, None),
    ("Republic of Adygea", "RU-AD", None, None),
    ("Адыгея", "RU-AD", None, None),
    ("Tatarstan", "RU-TA", None, None),
    ("Республика Татарстан", "RU-TA", None, None),
    ("Karelia", "RU-KR", None, None),
    ("Moscow City", "RU-MOW", None, None),  # the federal city
    ("Ingushetia", "RU-IN", None, None),
    ("Kemerovo region", "RU-KEM", None, None),
    ("Kemerovo Oblast", "RU-KEM", None, None),
    ("Кемеровская область", "RU-KEM", None, None),
    ("Tomsk region", "RU-TOM", None, None),
    ("Tyumen region", "RU-TYU", None, None),
    ("Belgorod region", "RU-BEL", None, None),
    ("Белгородская область", "RU-BEL", None, None),
    ("Vladimir region", "RU-VLA", None, None),
    ("Moscow region", "RU-MOS", None, None),
    ("Moscow Oblast", "RU-MOS", None, None),
    ("Московская область", "RU-MOS", None, None),
    ("Tula region", "RU-TUL", None, None),
    ("Sverdlovsk region", "RU-SVE", None, None),
    ("Pskov region", "RU-PSK", None, None),
    ("Samara region", "RU-SAM", None, None),
    ("Rostov region", "RU-ROS", None, None),
    ("Novosibirsk region", "RU-NVS", None, None),
    ("Crimea", "UA-43", None, None),
    ("the Crimea", "UA-43", None, None),
    ("Крым", "UA-43", None, None),
    ("Primorsky Territory", "RU-PRI", None, None),
    ("Primorsky Krai", "RU-PRI", None, None),
    ("Krasnodar Territory", "RU-KDA", None, None),
    ("Krasnodar Krai", "RU-KDA", None, None),
    ("Краснодарский край", "RU-KDA", None, None),
    ("Trans-Baikal Territory", "RU-ZAB", None, None),
    ("Zabaykalsky Krai", "RU-ZAB", None, None),
    ("Zabaikalsky Krai", "RU-ZAB", None, None),
    ("Забайкальский край", "RU-ZAB", None, None),
    ("St. Petersburg", None, 59.94, 30.31),
    ("Saint Petersburg", None, 59.94, 30.31),
    ("Санкт-Петербург", None, 59.94, 30.31),
    ("Leningrad region", "RU-LEN", None, None),
    ("Татарстан", "RU-TA", None, None),
    ("Карелия", "RU-KR", None, None),
    ("Ингушетия", "RU-IN", None, None),
    ("Томская область", "RU-TOM", None, None),
    ("Тюменская область", "RU-TYU", None, None),
    ("Владимирская область", "RU-VLA", None, None),
    ("Тульская область", "RU-TUL", None, None),
    ("Свердловская область", "RU-SVE", None, None),
    ("Псковская область", "RU-PSK", None, None),
    ("Самарская область", "RU-SAM", None, None),
    ("Ростовская область", "RU-ROS", None, None),
    ("Новосибирская область", "RU-NVS", None, None),
    ("Приморский край", "RU-PRI", None, None),
    ("Ленинградская область", "RU-LEN", None, None),
    ("Pskovskaya oblast", "RU-PSK", None, None),
    ("Sverdlovskaya Oblast'", "RU-SVE", None, None),
    # towns and cities
    ("Курск", None, 51.73, 36.19),
    ("Белгород", None, 50.61, 36.58),
    ("Краснодар", None, 45.04, 38.98),
    ("Одесса", None, 46.48, 30.73),
    ("Харкiв", None, 49.98, 36.25),
    ("Kursk", None, 51.73, 36.19),
    ("Belgorod", None, 50.61, 36.58),
    ("Ufa", None, 54.74, 55.97),
    ("Уфа", None, 54.74, 55.97),
    ("Izhevsk", None, 56.85, 53.20),
    ("Ижевск", None, 56.85, 53.20),
    ("Krasnodar", None, 45.04, 38.98),
    ("Koryukovka (Chernihiv region)", None, 51.77, 32.25),
    ("Koryukovka", None, 51.77, 32.25),
    ("Koriukivka", None, 51.77, 32.25),
    ("Корюківка", None, 51.77, 32.25),
    ("Slavutych", None, 51.52, 30.72),
    ("Slavutich", None, 51.52, 30.72),
    ("Славутич", None, 51.52, 30.72),
    ("Kharkov", None, 49.98, 36.25),
    ("Kharkiv", None, 49.98, 36.25),
    ("Харків", None, 49.98, 36.25),
    ("Харьков", None, 49.98, 36.25),
    ("Odessa", None, 46.48, 30.73),
    ("Odesa", None, 46.48, 30.73),
    ("Одеса", None, 46.48, 30.73),
    ("Mukachevo", None, 48.44, 22.72),
    ("Mukacheve", None, 48.44, 22.72),
    ("Мукачево", None, 48.44, 22.72),
    ("Mohyliv-Podilskyi", None, 48.44, 27.80),
    ("Mogilev-Podolsky", None, 48.44, 27.80),
    ("Могилів-Подільський", None, 48.44, 27.80),
    ("Donetsk", None, 48.02, 37.80),  # the Ukrainian city, not Donetsk in Rostov Oblast
    # Ukrainian regions as the article writes them
    ("Chernihiv region", "UA-74", None, None),
    ("Chernigov region", "UA-74", None, None),
    ("Transcarpathia", "UA-21", None, None),
    ("Zakarpattia Oblast", "UA-21", None, None),
    ("Закарпатська область", "UA-21", None, None),
    ("Odessa region", "UA-51", None, None),
    ("Odessa area", "UA-51", None, None),
    ("Odesa Oblast", "UA-51", None, None),
    ("Одеська область", "UA-51", None, None),
    ("Vinnitsa area", "UA-05", None, None),
    ("Vinnytsia Oblast", "UA-05", None, None),
    ("Вінницька область", "UA-05", None, None),
    ("Chernivtsi area", "UA-77", None, None),
    ("Chernovtsy region", "UA-77", None, None),
    ("Lviv area", "UA-46", None, None),
    ("Lvivska oblast", "UA-46", None, None),
    ("Vinnytska oblast", "UA-05", None, None),
    ("Odeska oblast", "UA-51", None, None),
    ("Chernihivska oblast", "UA-74", None, None),
    ("Чернівецька область", "UA-77", None, None),
    ("Черниговская область", "UA-74", None, None),
    ("Lvov region", "UA-46", None, None),
    ("Львівська область", "UA-46", None, None),
    # breakaway entities: the containing region, marked approximate
    ("Donetsk People's Republic", "UA-DPR", None, None),
    ("DPR", "UA-DPR", None, None),
    ("South Ossetia", "GE-SO", None, None),
    ("Transnistria", "MD-SN", None, None),
    # historic names
    ("Dnipropetrovsk", None, 48.45, 34.98),
    ("Kirovohrad", None, 48.51, 32.26),
    ("Artemivsk", None, 48.59, 38.00),
]


@pytest.mark.parametrize("query, place_id, lat, lon", REPORT_PLACES)
def test_report_place_resolves(query, place_id, lat, lon):
    match = geocode(query)
    assert match.ok, f"{query!r} did not resolve: {match.reason}; {match.suggestions}"
    if place_id:
        assert match.place.id == place_id
    if lat is not None:
        assert match.place.lat == pytest.approx(lat, abs=0.1)
        assert match.place.lon == pytest.approx(lon, abs=0.1)


@pytest.mark.parametrize(
    "query, iso",
    [
        ("Krasnodar Territory", "RU-KDA"),
        ("Odessa region", "UA-51"),
        ("Trans-Baikal Territory", "RU-ZAB"),
    ],
)
def test_region_has_iso_code(query, iso):
    assert geocode(query).place.iso_3166_2 == iso


def test_krasnodar_city_is_not_the_territory():
    assert geocode("Krasnodar").place.kind == "town"
    assert geocode("Krasnodar Territory").place.kind == "region"


def test_kharkiv_city_and_region_differ():
    assert geocode("Kharkiv").place.kind == "town"
    assert geocode("Kharkiv region").place.id == "UA-63"


def test_ufa_is_the_city_in_bashkortostan():
    place = geocode("Ufa").place
    assert (place.kind, place.parent, place.country) == ("town", "RU-BA", "RU")


def test_donetsk_prefers_the_bigger_city_and_a_country_hint_switches_it():
    assert geocode("Donetsk").place.country == "UA"
    assert geocode("Donetsk", country="RU").place.parent == "RU-ROS"


@pytest.mark.parametrize(
    "query",
    [
        "NATO",
        "Verkhovna Rada",
        "Supreme Council",
        "World War One",
        "Brown University",
        "the front line",
    ],
)
def test_things_that_are_not_places_do_not_resolve(query):
    assert not geocode(query).ok


def test_ambiguous_name_gives_no_match_but_the_candidates():
    match = geocode("Pervomaisk")
    assert match.place is None
    assert match.reason == "ambiguous"
    assert len(match.alternatives) >= 2


def test_variant_spelling_of_a_city_shared_with_a_village_is_not_guessed():
    # "Vinnitsa" is the exact name of a village in Leningrad Oblast and the Russian
    # spelling of Vinnytsia: no confident answer, both offered.
    match = geocode("Vinnitsa")
    assert match.place is None
    assert any("Vinnytsya" in s or "Vinnytsia" in s for s in match.suggestions)


def test_parenthesised_region_selects_the_town_in_it():
    assert geocode("Pervomaisk (Mykolaiv region)").place.parent == "UA-48"


def test_hint_that_contradicts_the_name_gives_no_match():
    assert not geocode("Koryukovka (Lviv region)").ok


def test_unknown_name_gets_fuzzy_suggestions_not_a_guess():
    match = geocode("Kharkof")
    assert match.place is None
    assert any(s.startswith("Kharkiv (town") for s in match.suggestions)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Kaliningrd region", "Kaliningrad Oblast (region"),
        ("Krasnodarr Krai", "Krasnodar Krai (region"),
        ("Zaporozhie oblast", "Zaporizhzhia Oblast (region"),
        ("Sverdlovskaya oblst", "Sverdlovsk Oblast (region"),
        ("Novosibirk", "Novosibirsk (town"),
        ("Chernigov", "Chernihiv (town"),
    ],
)
def test_a_misspelling_suggests_the_place_meant_first(query, first):
    # The descriptor says which kind comes first; the shared "oblast" must not outweigh the name.
    match = geocode(query)
    assert match.place is None or match.place.name.startswith(first.split(" (")[0])
    if match.place is None:
        assert match.suggestions and match.suggestions[0].startswith(first), match.suggestions


def test_suggestions_are_similar_spellings_not_fragments():
    # A partial-match scorer offered the two-letter town "Is" for any name containing "is".
    for query in ("Tbilisi-on-Sea", "Atlantis", "Parisovka"):
        suggestions = geocode(query).suggestions
        assert all(len(s.split(" (")[0]) >= 4 for s in suggestions), suggestions


@pytest.mark.parametrize("query", ["", "   ", "!!!", "'’ʼ", "x" * 10_000_000])
def test_empty_punctuation_or_huge_input_is_not_a_match(query):
    match = geocode(query)
    assert match.place is None
    assert match.reason


def test_breakaway_entity_is_marked_approximate():
    place = geocode("Donetsk People's Republic").place
    assert place.drawn_as == "UA-14"
    assert place.precision == "region (approximate)"
    assert "no open boundary" in place.label


# A bare exonym of a city that an oblast is also named after means the city, including a
# city that is a region of its own, enclaved in the oblast of its name (Kyiv, Sevastopol).
@pytest.mark.parametrize(
    "query, city",
    [
        ("Kiev", "Kyiv"),
        ("Kiew", "Kyiv"),
        ("Kijev", "Kyiv"),
        ("Kiyev", "Kyiv"),
        ("Kiiv", "Kyiv"),
        ("Kyjiv", "Kyiv"),
        ("Киев", "Kyiv"),
        ("Sebastopol", "Sevastopol"),
        ("Moskva", "Moscow"),
        ("Kharkov", "Kharkiv"),
        ("Odessa", "Odesa"),
        ("Lvov", "Lviv"),
        ("Nikolayev", "Mykolaiv"),
        ("Zaporozhye", "Zaporizhzhia"),
        ("Chernigov", "Chernihiv"),
        ("Zhitomir", "Zhytomyr"),
        ("Ternopol", "Ternopil"),
        ("Lugansk", "Luhansk"),
    ],
)
def test_bare_city_exonym_is_the_city_not_the_oblast(query, city):
    place = geocode(query).place
    assert (place.kind, place.name) == ("town", city)


@pytest.mark.parametrize("query", ["Kiev Oblast", "Kiev region", "Kyiv region", "Kijev oblast"])
def test_the_oblast_of_an_enclaved_city_still_takes_a_descriptor(query):
    assert geocode(query).place.id == "UA-32"


# A writer who says "Donetsk region" means the oblast; the breakaway entity drawn with its
# outline answers to its own names.
@pytest.mark.parametrize(
    "query, region",
    [
        ("Donetsk region", "UA-14"),
        ("Donetsk oblast", "UA-14"),
        ("Donetsk area", "UA-14"),
        ("Donetsk province", "UA-14"),
        ("Donezk region", "UA-14"),
        ("Донецкая область", "UA-14"),
        ("Luhansk region", "UA-09"),
        ("Lugansk region", "UA-09"),
        ("Luhansk oblast", "UA-09"),
        ("Луганская область", "UA-09"),
        ("DPR", "UA-DPR"),
        ("Donetsk People's Republic", "UA-DPR"),
        ("LPR", "UA-LPR"),
        ("Lugansk People's Republic", "UA-LPR"),
    ],
)
def test_region_named_like_a_breakaway_entity_is_the_oblast(query, region):
    assert geocode(query).place.id == region


# --- Russian descriptors and their abbreviations (issue 13) ------------------------------


def test_every_descriptor_is_held_as_keys_are_compared():
    """Keys are normalised ("автономный" becomes "автономныи"): a descriptor written otherwise
    in the table could never match, as "область" and "край" never did."""
    from geomap.gazetteer.normalize import DESCRIPTORS

    assert all(normalize(word) == word for word in DESCRIPTORS)


@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("Ханты-Мансийский автономный округ", "RU-KHM"),
        ("ХАНТЫ-МАНСИЙСКИЙ АВТОНОМНЫЙ ОКРУГ", "RU-KHM"),
        ("Ханты-Мансийского автономного округа", "RU-KHM"),
        ("Ханты-Мансийский АО", "RU-KHM"),
        ("Ямало-Ненецкий автономный округ", "RU-YAN"),
        ("Ямало-Ненецкого автономного округа", "RU-YAN"),
        ("Ненецкий АО", "RU-NEN"),
        ("Чукотский автономный округ", "RU-CHU"),
        ("Еврейская автономная область", "RU-YEV"),
        ("Еврейской автономной области", "RU-YEV"),
        ("Камчатского края", "RU-KAM"),
        ("Курской области", "RU-KRS"),
        ("Автономна Республіка Крим", "UA-43"),
        ("Тыва Республика", "RU-TY"),
        ("Khanty-Mansiyskiy A.Okr.", "RU-KHM"),
    ],
)
def test_russian_and_ukrainian_region_descriptors_and_abbreviations(query, region):
    assert default_gazetteer().lookup(query).place.id == region


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        # Sloviansk's own Ukrainian name; Nikopol, a few dozen people bigger, was Slaviansk
        # in 1780-82 and carries the name as an alias
        ("Слов'янськ", "gn:693468"),
        ("Слов'янську", "gn:693468"),
        ("Славянск", "gn:693468"),
        ("Кемер", "gn:1503901"),  # Kemerovo, far bigger, still wins over Kemer in Turkey
    ],
)
def test_a_city_s_own_cyrillic_name_outweighs_a_like_sized_town_s_alias(query, place_id):
    assert geocode(query).place.id == place_id


@pytest.mark.parametrize("query", ["Партизани", "Чорнобиль"])
def test_a_village_s_name_that_a_renamed_village_still_carries_stays_ambiguous(query):
    # Rykove was Partyzany until 2016; GeoNames gives Lazurnyi the name Chornobyl
    assert geocode(query).place is None


@pytest.mark.parametrize("query", ["New York", "New York City"])
def test_a_city_named_x_city_is_named_x_too(query):
    # GeoNames names the US city "New York City"; the village Niu-York in Donetsk oblast has
    # "New York" among its names, and made the city's everyday name ambiguous
    assert default_gazetteer().lookup(query).place.id == "gn:5128581"


@pytest.mark.parametrize("query", ["France", "Франция", "Франції"])
def test_france_is_the_country_not_its_island(query):
    # Natural Earth splits France and Clipperton Island under one ISO code; the dissolved
    # outline took the island's names, and "France" was no place at all
    place = default_gazetteer().lookup(query).place
    assert place.id == "FR" and place.name == "France"
