"""The confidently wrong answers the corpus benchmark found (issues 13 and 14), each class fixed
by a rule and tested here on names the corpus does not hold."""

import pytest

from geomap.extract import extract
from geomap.gazetteer import default_gazetteer

# A short line with a closing guillemet reads as a site's navigation (article.py): the
# sentences under test are padded into a paragraph of the report.
PAD = " Рядок тексту, щоб абзац був довгим, як у справжній статті, без жодних назв місць."


def names(text):
    return [m.place.name for m in extract(text + PAD).mentions]


# --- 1. rivers in Russian and Ukrainian case forms ------------------------------------------


@pytest.mark.parametrize(
    ("text", "river"),
    [
        ("вниз по Дніпру", "Dnieper"),
        ("вгору по Десні", "Desna"),
        ("вверх по Днепру", "Dnieper"),
        ("вздовж Дністра", "Dniester"),
        ("вдоль Кубани", "Kuban"),
        ("на березі Дніпра", "Dnieper"),
        ("річки Інгульця", "Inhulets"),
        ("переправа через Дніпро", "Dnieper"),
        ("міст через Десну", "Desna"),
        ("Сіверському Дінці", "Siverskyi Donets"),
        ("Северского Донца", "Siverskyi Donets"),
        ("Південному Бузі", "Southern Bug"),
        ("Южного Буга", "Southern Bug"),
        ("Західного Бугу", "Western Bug"),
        ("Западной Двины", "Western Dvina"),
        ("вдоль Западной Двины", "Western Dvina"),
        ("Західній Двіні", "Western Dvina"),
    ],
)
def test_a_river_cued_or_named_in_full_in_any_case_is_refused_as_the_river(text, river):
    match = default_gazetteer().lookup(text)
    assert match.place is None
    assert match.feature is not None and match.feature.name == river


@pytest.mark.parametrize(
    "text", ["Дніпру", "у Дніпрі", "удар по Дніпру", "їхали через Дніпро", "Днепре", "Дінця"]
)
def test_a_bare_name_a_city_shares_with_a_river_stays_the_city(text):
    # no river cue: the city of Dnipro, the town of Donets; "по" alone is a strike on the city
    assert default_gazetteer().lookup(text).feature is None
    assert default_gazetteer().physical_feature(text) is None


def test_lowercase_words_after_a_name_are_no_river():
    # "об" (about) normalises like the Ob: only a capitalised word begins a name in prose
    assert default_gazetteer().physical_feature("Томска узнал об") is None


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Човни пливли вниз по Дніпру до Херсона.", ["Kherson"]),
        ("Бої тривали вздовж Сіверського Дінця біля Лимана.", []),
        ("Вода у Південному Бузі піднялася біля Миколаєва.", ["Mykolaiv"]),
        ("Переправа через Дніпро займає години.", []),
        ("Ми їхали через Дніпро до Запоріжжя.", ["Dnipro", "Zaporizhzhia"]),
        ("Вибухи лунали у Дніпрі.", ["Dnipro"]),
        ("Лёд на Северском Донце сошёл у Изюма.", ["Izium"]),
    ],
)
def test_rivers_in_an_article_are_not_the_towns_of_their_names(text, kept):
    assert names(text) == kept


# --- 2. outlets and organisations in quotation marks ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Про це писало видання «Одеса Сьогодні».",
        "Телеканал «Крым» и радио «Севастополь» сообщили о задержании.",
        "Газета «Донбас» вийшла накладом у тисячу примірників.",
        "Об этом заявили в партии «Родина».",
        "Заяву оприлюднив рух «Вільна Полтава».",
        "Фонд «Свободная Калмыкия» опубликовал список.",
        "Читачі «Харків Дейлі» дізналися про це першими.",
    ],
)
def test_a_place_in_a_quoted_name_is_part_of_the_name(text):
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("«Ми з Харкова», — сказала вона.", ["Kharkiv"]),
        ("«Я из Томска», — сказал он.", ["Tomsk"]),
        ("«Ми були в Полтаві. Потім поїхали до Львова», — сказав він.", ["Poltava", "Lviv"]),
        ("Как сообщает «Новая Сибирь», в Новосибирске прошли обыски.", ["Novosibirsk"]),
        ("Станція «Львів» закрита на ремонт.", ["Lviv"]),
        ("«Ми з Харкова до Львова», — сказала вона.", ["Kharkiv", "Lviv"]),
        ("«Полтава завжди» — гасло.", ["Poltava"]),
    ],
)
def test_quoted_speech_and_places_beside_a_quoted_name_are_still_places(text, kept):
    assert names(text) == kept


# --- 3. historic names and aliases that are people -----------------------------------------

LONG = " He said it in a long sentence that carries no place names at all, for a paragraph."


@pytest.mark.parametrize("name", ["Zhdanov", "Kalinin", "Frunze", "Voroshilov", "Chkalov"])
def test_a_possessive_of_a_surname_that_was_a_city_s_name_is_the_person(name):
    # Mariupol, Tver, Bishkek, Ussuriysk, Orenburg bore these names; "X's speeches" is the man
    assert [m.text for m in extract(f"He admired {name}'s speeches." + LONG).mentions] == []
    assert [m.text for m in extract(f"They met {name} at the congress." + LONG).mentions] == []


@pytest.mark.parametrize(
    ("name", "place"),
    [("Zhdanov", "Mariupol"), ("Kalinin", "Tver"), ("Frunze", "Bishkek"), ("Chkalov", "Orenburg")],
)
def test_the_old_name_after_a_locative_is_still_the_place(name, place):
    assert [
        m.place.name for m in extract(f"The family moved to {name} in 1950." + LONG).mentions
    ] == [place]


def test_a_surname_spelt_inside_a_longer_city_name_is_no_spelling_of_it():
    # "Brezhnev" (Naberezhnyye Chelny in 1982–88) scores high against the long name by itself
    assert extract("He admired Brezhnev's speeches." + LONG).mentions == []


@pytest.mark.parametrize("name", ["Sergei", "Sergiy", "Maria", "Semyon"])
def test_a_given_name_reaching_a_village_by_a_spelling_variant_is_a_person_in_a_list(name):
    text = f"Nikita, {name} and the others were drafted." + LONG
    assert name not in [m.text for m in extract(text).mentions]


def test_a_kept_possessive_of_a_place_is_the_place():
    assert [m.place.name for m in extract("Kyiv's mayor spoke." + LONG).mentions] == ["Kyiv"]


# --- 4. case forms, compounds and adjectives that fold onto another place -------------------


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Амурске", "Amursk"),
        ("Брянске", "Bryansk"),
        ("Воскресенске", "Voskresensk"),
        ("Красноярске", "Krasnoyarsk"),
        ("Липецке", "Lipetsk"),
        ("Архангельске", "Arkhangelsk"),
        ("Дзержинске", "Dzerzhinsk"),
    ],
)
def test_a_russian_case_form_is_its_own_lemma_not_a_namesake_s_ukrainian_alias(written, place):
    # "Брянске" spells like the Ukrainian "Брянське" once the soft sign is normalised away
    assert default_gazetteer().lookup(written).place.name == place
    assert names(f"Его задержали в {written} вчера.") == [place]


def test_the_ukrainian_nominative_still_names_the_ukrainian_village():
    assert default_gazetteer().lookup("Уральське").place.country == "UA"


@pytest.mark.parametrize(
    "text",
    [
        "Свято-Покровська церква пережила обстріли.",
        "Свято-Никольский собор закрыли на ремонт.",
        "Свято-Троїцький монастир відкрили для відвідувачів.",
        "Свято-Введенский храм стоит на холме.",
        "Свято-Миколаївська церква згоріла.",
    ],
)
def test_the_tail_of_a_compound_before_a_lowercase_noun_is_no_place(text):
    assert names(text) == []


def test_places_joined_by_a_hyphen_are_still_places():
    assert names("Поїзд Київ-Львів відправився вчасно.") == ["Kyiv", "Lviv"]


@pytest.mark.parametrize(
    "street", ["Novgorodskaya", "Moskovskaya", "Tverskaya", "Sumska", "Kurskaya"]
)
def test_a_regional_adjective_without_its_noun_is_no_region(street):
    found = extract(f"The riot police stood on {street} all night." + LONG).mentions
    assert [m.place.kind for m in found if m.place.kind == "region"] == []


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Tverskaya oblast voted.", "Tver Oblast"),
        ("Novgorodskaya oblast voted.", "Novgorod Oblast"),
    ],
)
def test_the_adjective_with_its_descriptor_is_the_region(text, region):
    assert [m.place.name for m in extract(text + LONG).mentions] == [region]


@pytest.mark.parametrize("name", ["Ivan", "Stepan", "Olga", "Anna", "Roman"])
def test_a_list_of_given_names_is_a_list_of_people(name):
    # each is also a village's name; beside another given name it is a man or a woman
    assert extract(f"Nikita, {name} and the others were drafted." + LONG).mentions == []


def test_a_given_name_listed_with_a_town_that_is_no_name_is_still_a_place():
    found = extract("Arrests in Stepan and Sarny followed." + LONG).mentions
    assert [m.place.name for m in found] == ["Stepan", "Sarny"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Сіверська" is an adjective's form too: a list makes it the town, also beside a name
        # of two words
        ("Евакуація з Часового Яру й Сіверська триває.", ["Chasiv Yar", "Siversk"]),
        ("Евакуація з Сіверська й Часового Яру триває.", ["Siversk", "Chasiv Yar"]),
    ],
)
def test_a_common_word_listed_beside_a_name_of_two_words_is_a_place(text, expected):
    assert names(text) == expected


def test_latin_quoted_speech_with_two_places_keeps_both():
    text = 'He said: "We fled from Kharkiv to Lviv" and left.' + LONG
    assert [m.place.name for m in extract(text).mentions] == ["Kharkiv", "Lviv"]


# --- 5. classes found by the held-out articles of 2026-12-01 ---------------------------------
# (en-across-the-steppe, ru-dela-za-posty, uk-pislia-deokupatsii: their lists were written
# before geomap was first run on them; the inputs below are other names of each class)

RU_PAD = " Строка текста, чтобы абзац был длинным, как в настоящей статье, без названий мест."


@pytest.mark.parametrize(
    "text",
    [
        "Krym.Realii reported the arrest.",
        "The story ran on Tomsk.ru first.",
        "Kharkiv.Today and Perm.media followed it.",
        "According to Novosibirsk.News, nobody was hurt.",
        "Об этом написали «Крым.Реалии».",
        "Сайт «Томск.Новости» сообщил об обыске.",
    ],
)
def test_a_place_glued_by_a_full_stop_to_a_word_is_an_outlet_or_a_site(text):
    assert names(text) == []


def test_a_sentence_s_full_stop_still_ends_a_place():
    assert names("We drove to Tomsk. Then to Perm.") == ["Tomsk", "Perm"]


@pytest.mark.parametrize(
    "feature",
    [
        "the Ishim steppe",
        "the Salair ridge",
        "the Valdai uplands",
        "the Baraba lowland",
        "the Kuznetsk plateau",
    ],
)
def test_a_town_s_name_before_a_word_for_land_is_the_land_feature(feature):
    # each name alone is a town (Ishim, Salair, Valday, Barabinsk, Novokuznetsk)
    assert names(f"Refugees crossed {feature} in October.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Пенсіонерка Марія Вовчанська чекає на виплати.",
        "Вчителька Олена Краматорська каже інше.",
        "Волонтерка Надія Донецька розповіла про евакуацію.",
        "Студентка Вера Кирова задержана." + RU_PAD,
    ],
)
def test_a_given_name_and_a_surname_that_agree_are_a_person(text):
    # the surname alone reads as a town's genitive (Вовчанськ, Краматорськ, Kirov), the given
    # name as a village (Марія, Надія)
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Задержали жителя Шебекина Виктора Орлова.", "Shebekino"),
        ("Жители Кирова вышли на пикет.", "Kirov"),
        ("Жителька Краматорська Олена розповіла.", "Kramatorsk"),
        # a full name follows: the town before it is not its first part
        ("Жителя Кирова Ивана Петрова задержали.", "Kirov"),
        ("Жительницу Орла Марию Смирнову оштрафовали.", "Oryol"),
    ],
)
def test_a_town_before_a_person_s_name_is_still_the_town(text, place):
    assert names(text + RU_PAD)[:1] == [place]


@pytest.mark.parametrize(
    "people",
    [
        "Buryat men",
        "Udmurt activists",
        "Chukchi herders",
        "Khakas poets",
        "Ingush elders",
        "Kyrgyz migrants",
    ],
)
def test_the_adjective_of_a_people_is_no_place(people):
    assert names(f"Reporters met {people} in the queue.") == []


@pytest.mark.parametrize(
    ("adjective", "country"), [("Kyrgyz", "Kyrgyzstan"), ("Tajik", "Tajikistan")]
)
def test_a_country_s_adjective_before_border_is_the_country(adjective, country):
    assert names(f"They reached the {adjective} border at dawn.") == [country]


@pytest.mark.parametrize(
    "text",
    [
        "Вода Ангары поднялась за ночь.",  # the river; Perevalne in Crimea was once Ангара
        "Рабочие Грес бастовали неделю.",  # a power plant; Hresivskyi was once Грэс
        "Атамырат уехал из страны.",  # a man; Kerki was Atamyrat in 1999–2017
    ],
)
def test_a_cyrillic_word_reaching_a_small_town_only_by_another_name_needs_context(text):
    assert names(text + RU_PAD) == []


def test_a_small_town_s_other_name_after_a_preposition_is_still_the_town():
    assert names("Беженцы жили в Ангаре." + RU_PAD) == ["Perevalne"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They reached Georgia's Batumi by bus.", ["Georgia", "Batumi"]),
        ("They reached Armenia's Gyumri by bus.", ["Armenia", "Gyumri"]),
        ("They reached Turkey's Antalya by bus.", ["Turkey", "Antalya"]),
        ("They reached Montenegro's Budva by bus.", ["Montenegro", "Budva"]),
        ("They reached Finland's Lappeenranta by bus.", ["Finland", "Lappeenranta"]),
        ("Ukraine's Western allies met.", ["Ukraine"]),
    ],
)
def test_a_possessive_ends_a_name(text, expected):
    # neither the country before a capitalised word nor the town after "Country's" is part of
    # a longer name
    assert [m.place.name for m in extract(text + LONG).mentions] == expected


def test_the_head_of_a_hyphenated_name_is_no_place():
    text = "Men went to Bayan-Olgii province and to Dzhida-Tashir." + LONG
    assert [m.place.name for m in extract(text).mentions] == []


def test_two_places_joined_by_a_hyphen_in_english_are_both_kept():
    text = "The Kharkiv-Kyiv train left, and so did the one to Kara-Balta." + LONG
    assert [m.place.name for m in extract(text).mentions] == ["Kharkiv", "Kyiv", "Kara-Balta"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Batumi, Georgia's port, was full.", ["Batumi", "Georgia"]),
        ("Gyumri, Armenia's second city, was full.", ["Gyumri", "Armenia"]),
        ("Tartu, Estonia is old.", ["Tartu"]),  # a hint: one mention, the town
    ],
)
def test_a_possessive_after_a_comma_is_a_place_of_its_own_not_a_hint(text, expected):
    assert [m.place.name for m in extract(text + LONG).mentions] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Порт Південний працює з перебоями.", "port"),  # named after Pivdenne, not Pivdennyi
        ("Аеропорт Бориспіль закритий.", "airport"),
        ("В Одесском районе тихо.", "district"),
    ],
)
def test_a_port_airport_or_district_named_after_a_town_in_any_case_is_not_the_town(text, kind):
    found = extract(text + PAD)
    assert found.mentions == []
    assert [m.other_kind for m in found.unresolved] == [kind]


def test_a_district_s_adjective_read_by_the_ukrainian_dictionary_is_no_place():
    # Read by Russian rules as well, "Одеському" was Odesskoye's (Omsk Oblast) and the district
    # was reported as named after it; Ukrainian text is read by Ukrainian rules, where the
    # adjective names no place geomap has
    found = extract("Обстріли в Одеському районі тривають." + PAD)
    assert found.mentions == [] and found.unresolved == []


@pytest.mark.parametrize(
    "text",
    [
        "The flagship Moskva sank in April.",
        "The submarine Kursk sank in 2000.",
        "The Kursk submarine sank in 2000.",
        "The Azov regiment held the plant.",
        "The Vostok battalion moved in.",
        "The Sevastopol brigade was rotated.",
        "The Moscow Helsinki Group closed.",
        "The Kharkiv Human Rights Protection Group documented it.",
        "The Kherson Regional Military Administration said so.",
        "The Odesa Film Festival Foundation paid.",
    ],
)
def test_ships_units_and_organisations_named_after_a_place_are_no_place(text):
    assert [m.place.name for m in extract(text + LONG).mentions] == []


def test_a_town_beside_those_words_otherwise_is_still_the_town():
    text = "Fighting went on in Azov and in Kursk; a group of Kherson volunteers came." + LONG
    assert [m.place.name for m in extract(text).mentions] == ["Azov", "Kursk", "Kherson"]


def test_a_bridge_named_after_a_town_is_reported_as_a_bridge_not_mapped():
    found = extract("The Kerch bridge was hit twice." + LONG)
    assert found.mentions == []
    assert [m.other_kind for m in found.unresolved] == ["bridge"]


@pytest.mark.parametrize(
    ("text", "place"),
    [("Крейсер «Москва» затонув у квітні.", []), ("Порт Маріуполя зруйновано.", ["Mariupol"])],
)
def test_a_cyrillic_ship_is_no_place_and_the_port_of_a_city_is_the_city(text, place):
    assert names(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "Syrskyi arrived on Tuesday.",  # Syrskoye, by a spelling close to its name
        "Sumskyi arrived on Tuesday.",  # Shumsky
        "Dubenskyi arrived on Tuesday.",  # Dubensky
        "Makarov arrived on Tuesday.",  # Makarov and Makariv, small towns both
        "Nesterov arrived on Tuesday.",
        "Korolev told the court.",  # a city of 200,000, but a man who told
        "Nikolaev added nothing.",
    ],
)
def test_a_surname_is_no_town_without_a_word_that_makes_it_one(text):
    assert [m.place.name for m in extract(text + LONG).mentions] == []


def test_the_same_names_after_a_preposition_and_a_city_that_said_are_places():
    found = extract("Fighting went on near Sumskyi and in Makarov. Moscow said so." + LONG)
    assert sorted(m.text for m in found.mentions + found.unresolved) == [
        "Makarov",
        "Moscow",
        "Sumskyi",
    ]
    assert {"Shumsky", "Moscow"} <= {m.place.name for m in found.mentions}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Shelling hit the area east of Stepan.", "Stepan"),
        ("Residents of Nikita left.", "Nikita"),
    ],
)
def test_of_after_a_direction_or_out_is_a_preposition_of_place(text, place):
    # a given name that is also a village's is the village after these words
    assert [m.place.name for m in extract(text + LONG).mentions] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Акция прошла у Казанского собора вечером.",  # not Kazanskoye
        "Акция прошла у Успенского собора вечером.",  # not Uspenskoye
        "Акция прошла у Никольской церкви вечером.",  # not Satpayev, once Nikolsky
        "Дело слушал в тот день Южный окружной военный суд.",  # a court, not Yuzhny
    ],
)
def test_a_capitalised_adjective_with_its_noun_mid_sentence_names_a_thing(text):
    assert names(text + RU_PAD) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # "брянську" is an adjective's form too, and pymorphy3 reads the lowercase "українець"
        # as an indeclinable surname that agrees with it: a lowercase word is no name
        ("Затриманий у Брянську українець розповів про тортури.", "Bryansk"),
        ("Затриманий у Курську українець розповів про тортури.", "Kursk"),
    ],
)
def test_a_town_before_a_lowercase_noun_a_surname_reading_agrees_with_is_the_town(text, place):
    assert [m.place.name for m in extract(text).mentions] == [place]


def test_a_region_s_adjective_with_its_descriptor_is_still_the_region():
    assert names("Жители Курской области вышли на улицу." + RU_PAD) == ["Kursk Oblast"]


@pytest.mark.parametrize(
    "text",
    [
        "Шевченківський районний суд Києва заарештував підозрюваного.",  # not a Luhansk district
        "Приморський районний суд Одеси продовжив арешт.",
        "Люди зібралися на Майдані Незалежності ввечері.",  # a square, not the village Maidan
        "Їм допоміг Олександр Павлович Київський.",  # a patronymic, then a surname
    ],
)
def test_courts_squares_and_full_names_are_not_the_places_in_them(text):
    assert [n for n in names(text) if n not in ("Kyiv", "Odesa")] == []


@pytest.mark.parametrize(
    "text", ["Ms Kurskaya was fined.", "Judge Kurskaya ruled.", "Dr Sumskoy spoke."]
)
def test_an_honorific_makes_a_person_whatever_the_list_of_names_holds(text):
    assert [m.place.name for m in extract(text + LONG).mentions] == []


def test_a_lowercase_title_word_before_a_city_leaves_the_city():
    text = "A major Moscow hospital and a private Kharkiv clinic closed." + LONG
    assert [m.place.name for m in extract(text).mentions] == ["Moscow", "Kharkiv"]


@pytest.mark.parametrize("cemetery", ["the Borisovo cemetery", "the Kuntsevo cemetery"])
def test_a_cemetery_named_after_a_place_is_reported_as_a_cemetery(cemetery):
    found = extract(f"The funeral was held at {cemetery} on Friday." + LONG)
    assert found.mentions == []
    assert [m.other_kind for m in found.unresolved] == ["cemetery"]


# --- 6. classes found by the held-out articles of 2026-12-01 (second set) ------------------

RU_PAD = " Строка текста, чтобы абзац был длинным, как в настоящей статье, без названий мест."


def ru_names(text):
    """names() for a Russian sentence: padded in Russian, so that the text stays Russian."""
    return [m.place.name for m in extract(text + RU_PAD).mentions]


@pytest.mark.parametrize(
    ("text", "village"),
    [
        ("Волонтёры из Белгорода, Валуек и Шебекина возили лекарства в Зимино.", "Зимино"),
        ("Families from Kursk, Rylsk and Sudzha moved to Tokarevo last week.", "Tokarevo"),
    ],
)
def test_a_village_far_from_every_other_place_of_the_article_is_reported_not_mapped(text, village):
    # the gazetteer's only Zimino and Tokarevo are Crimean villages; the article is elsewhere
    found = extract(text + PAD)
    assert village not in [m.text for m in found.mentions]
    (doubted,) = [m for m in found.unresolved if m.text == village]
    assert "Crimea" in doubted.reason


@pytest.mark.parametrize(
    ("text", "village"),
    [
        ("Волонтёры из Симферополя, Джанкоя и Евпатории возили лекарства в Зимино.", "Zimino"),
        ("Families from Kursk moved to Tokarevo last week.", "Tokarevo"),  # no context to doubt
    ],
)
def test_a_village_near_the_article_s_places_or_without_context_is_still_mapped(text, village):
    assert village in names(text)


def test_a_town_named_only_by_another_name_far_from_the_article_is_reported():
    # GeoNames gives Lazurnyi (Donetsk oblast) the name Chornobyl too
    text = "Колони йшли з Гомеля на Чернігів, Ніжин і Київ, а під Чорнобилем стояли табором."
    assert "Lazurnyi" not in names(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Затримали на вулиці Полтавській у Харкові.", ["Kharkiv"]),
        ("Колона вийшла на вулицю Куп'янську в Полтаві.", ["Poltava"]),  # not Kupiansk
        ("Жили на Смоленской улице в Калуге.", ["Kaluga"]),
        ("Офис был на улице Курчатова в Обнинске.", ["Obninsk"]),  # not the town Kurchatov
    ],
)
def test_a_name_beside_a_word_for_a_street_is_the_street_s(text, kept):
    assert (names if set(text) & set("іїєґ") else ru_names)(text) == kept


def test_the_streets_of_a_city_in_the_plural_are_the_city_s():
    assert ru_names("На улицах Воронежа и Липецка прошли обыски.") == ["Voronezh", "Lipetsk"]


@pytest.mark.parametrize(
    "text",
    [
        "Розповіла сусідка Надія Іванівна Сумська.",  # a patronymic after the given name
        "Адвокат Сергея Пушкина подал жалобу.",  # a town's name shaped like a surname
        "Адвокат Дмитрия Орлова подал жалобу.",
        "Анна Кириллова уехала.",  # ... and its feminine
        "Заяву зробив Володимир Зеленський.",  # a given name the dictionary does not tag
        "Заяву зробив Володимир Кличко.",
        "Пам'ятник поставив гетьман Богдан Хмельницький.",  # not the city of Khmelnytskyi
    ],
)
def test_given_names_and_surnames_the_dictionary_reads_as_towns_are_people(text):
    assert (names if set(text) & set("іїєґ") else ru_names)(text) == []


def test_those_names_after_a_preposition_are_still_places():
    assert ru_names("Мы поехали в Кириллов и Вологду.") == ["Kirillov", "Vologda"]
    assert ru_names("Жителя Кирова Ивана Петрова задержали.") == ["Kirov"]


def test_the_head_of_a_cyrillic_compound_adjective_is_no_town_of_its_own():
    # "Білгород-Дністровської": not Belgorod in Russia
    assert names("Голова Білгород-Дністровської громади заявив про евакуацію.") == []
    assert names("Обстріляли околиці Новгород-Сіверського.") == ["Novhorod-Siverskyi"]


def test_a_quoted_ship_named_again_without_its_noun_is_still_the_ship():
    text = "Ледокол «Мурманск» вышел в рейс. Экипаж «Мурманска» вернулся в Архангельск."
    assert ru_names(text) == ["Arkhangelsk"]


@pytest.mark.parametrize(
    "text",
    [
        "Черги стояли на пунктах пропуску Ягодин і Устилуг.",
        "Закрито пункти пропуску «Зелене» та «Устилуг».",  # the first unknown to the gazetteer
    ],
)
def test_every_name_after_a_plural_crossing_noun_is_a_crossing(text):
    found = [m.place for m in extract(text + PAD).mentions if m.text != "Черги"]
    assert found and all(p.kind == "checkpoint" for p in found)
    assert "Ustyluh – Zosin" in [p.name for p in found]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Лодки шли вдоль реки Ишим до Тобольска.", ["Tobolsk"]),  # not the town Ishim
        ("Ракету запустили с космодрома Байконур.", []),
        ("Ракету запустили с космодрома Плесецк.", []),
    ],
)
def test_a_river_or_cosmodrome_named_before_a_town_s_name_is_not_the_town(text, kept):
    assert ru_names(text) == kept


def test_a_court_named_after_a_city_or_region_is_reported_as_a_court():
    text = "She was tried at the Kaliningrad regional court and the Tula district court."
    found = extract(text + LONG)
    assert found.mentions == []
    assert [m.other_kind for m in found.unresolved] == ["court", "court"]
    assert [m.place.name for m in extract("A Tula court fined her." + LONG).mentions] == ["Tula"]


# --- 7. misses found by the same articles --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Обстрелы на Смоленщине не прекращались.", "Smolensk Oblast"),  # not the Irkutsk village
        ("Жителей Белгородчины вывозили автобусами.", "Belgorod Oblast"),
        ("Волонтёры с Брянщины привезли одежду.", "Bryansk Oblast"),
        ("Переселенці з Хмельниччини повернулися.", "Khmelnytskyi Oblast"),
        ("На Кіровоградщині відкрили притулок.", "Kirovohrad Oblast"),
    ],
)
def test_a_region_named_by_its_centre_s_adjective_and_shchyna_is_the_oblast(text, region):
    assert (names if set(text) & set("іїєґ") else ru_names)(text) == [region]


def test_a_surname_ending_like_a_region_s_colloquial_name_is_no_region():
    assert names("Його звали Ігор Бровщина, а Тарас Мовчина мовчав.") == []


def test_a_name_after_a_word_for_a_town_or_village_is_a_place_even_if_a_word():
    # "борова" is a word too; Izium says which Borova
    assert names("Обшук провели в Ізюмі та в селищі Борова.") == ["Izium", "Borova"]
    found = extract("Студента задержали в городе Мирном." + RU_PAD)  # six towns Mirny: reported
    assert found.mentions == [] and [m.text for m in found.unresolved] == ["Мирном"]


def test_a_surname_after_a_given_name_mid_sentence_is_no_village_or_region():
    text = "Those freed included Natalia Kurskaya and Ivan Bryansky."
    assert [m.place.name for m in extract(text + LONG).mentions] == []


def test_a_sentence_s_first_word_read_as_a_conjunction_or_adverb_is_no_village():
    assert names("Тим часом у Харкові оголосили тривогу.") == ["Kharkiv"]  # not Tim, Kursk oblast
    assert names("Коли прийшли росіяни, Тим і Курськ були окуповані.") == ["Tim", "Kursk"]


def test_a_quoted_name_introduced_as_a_unit_or_outlet_is_that_whenever_quoted():
    assert ru_names("Бойцы «Азова» вернулись из плена, сообщила бригада «Азов».") == []
    assert names("Газета «Донбас» закрилася. Читачі «Донбасу» жили в Краматорську.") == [
        "Kramatorsk"
    ]


def test_a_city_beside_a_verb_of_saying_with_no_reading_as_a_person_is_still_the_city():
    # metonymy: the government. ('киев' ends as Russian surnames do, which alone says nothing)
    assert ru_names("Киев заявил о новых санкциях.") == ["Kyiv"]


# --- 7. classes found by the paired Russian and Ukrainian articles of 2026-12-01 -----------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("В Москве Минобороны России сообщило об обмене.", ["Moscow", "Russia"]),
        ("В Москве Минобороны сообщило об обмене.", ["Moscow"]),  # indeclinable: every case
        ("У Москві Міноборони РФ повідомило про обмін.", ["Moscow", "Russia"]),  # as before
        ("Люди зібралися на Майдані Незалежності ввечері.", []),  # a genitive still names a square
    ],
)
def test_an_indeclinable_ministry_after_a_city_leaves_the_city(text, kept):
    assert (names if set(text) & set("іїєґ") else ru_names)(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Українська сторона, як пише РБК-Україна, підтвердила удари.", []),
        ("Как сообщает Интерфакс-Украина, удары подтвердили.", []),
        ("Interfax-Ukraine reported strikes in Kharkiv.", ["Kharkiv"]),
        ("Війна Росія-Україна триває вже роки.", ["Russia", "Ukraine"]),  # two places
        ("Засідання Ради НАТО-Україна.", ["Ukraine"]),  # a union of states: a party to talks
    ],
)
def test_a_country_after_a_hyphen_and_a_word_that_is_no_place_is_an_outlet_s_edition(text, kept):
    assert (names if set(text) & set("іїєґ") else ru_names)(text) == kept


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Завод у Новокуйбишевську горів до ранку.", "Novokuybyshevsk"),  # read "Новокуйбишевська"
        ("Промзона в Кстові горіла до ранку.", "Kstovo"),  # read "Кст"
        ("Двох утримували у Новозибкові.", "Novozybkov"),  # read "Новозибок"
        ("Дрони запускали біля Приморсько-Ахтарська.", "Primorsko-Akhtarsk"),
        # a surname's ending too ("Морозовська"), after a preposition only a place takes
        ("Вибухи пролунали в Морозовську вночі.", "Morozovsk"),
        ("Вибухи пролунали в Оленєгорську вночі.", "Olenegorsk"),  # є for the Russian е
        ("Завод в Новокуйбышевске горел до утра.", "Novokuybyshevsk"),  # as Russian always did
    ],
)
def test_a_case_form_of_a_russian_town_in_ukrainian_is_read_by_the_town_s_endings(text, town):
    assert (names if set(text) & set("іїєґ") else ru_names)(text) == [town]


@pytest.mark.parametrize(
    "text",
    [
        "Заяву зробив Олександр Новиков.",  # a surname in -ов stays a person
        "Подякували Петрові Іванову за допомогу.",
        "Розповіла Марина Кстова.",
        "Лист від Іванова й Петрова.",  # not Nova Ivanivka and Petrove, by "Іванов", "Петрово"
        "З Петрова прийшов лист.",
        "У Морозовського є машина.",  # "у": Morozovsky's, not at Morozovsk
    ],
)
def test_a_person_s_case_form_is_not_read_as_a_town_by_its_endings(text):
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Їхали до Воронежа.", ["Voronezh"]),  # not the Sumy-oblast Вороніж (gen. Вороножа)
        ("Дрони летіли з Бєлгорода до Воронежа.", ["Belgorod", "Voronezh"]),
        ("Їхали з Шостки до Воронежа.", ["Shostka", "Voronizh"]),  # its oblast named: the village
        ("Біженці прибули до Кишинева.", ["Chisinau"]),  # the Russian stem, Ukrainian ending
    ],
)
def test_a_ukrainian_case_form_that_keeps_a_russian_name_whole_is_that_name(text, kept):
    assert names(text) == kept
