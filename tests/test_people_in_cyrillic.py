"""Russian and Ukrainian surnames that big towns share are people where the sentence says so:
a verb of speech after them, "по словам", "адвокат", "жена" before them, "от" or "с" in the
sense of "from a sender" and "with" (issue 14). Places keep "в", "под", a distance ("в 20 км
от"), a range ("от … до") and "с" with the genitive ("с Урала")."""

import pytest

from geomap.extract import extract

TAIL_RU = " Об этом сообщили правозащитники позже на неделе, ссылаясь на документы суда."
TAIL_UK = " Про це повідомили правозахисники пізніше цього тижня, посилаючись на документи суду."


def places(text, tail=TAIL_RU):
    return [m.place.name for m in extract(text + tail).mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Жуковский заявил журналистам, что невиновен.",  # Zhukovsky, 100,000 people
        "Королёв рассказал о допросе.",  # Korolev, 140,000
        "По словам Жуковского, обыск длился шесть часов.",
        "Адвокат Королёва обжаловал приговор.",
        "Жена Жуковского обратилась к омбудсмену.",
        "Письмо от Королёва пришло в июне.",
        "Вместе с Жуковским задержали ещё двоих.",
        "Иван Ковров и Ольга Смирнова вышли на пикет.",  # a given name, then a town's name
    ],
)
def test_a_surname_that_a_town_shares_is_a_person_in_russian(text):
    assert places(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Жуковський заявив журналістам, що не винен.",
        "За словами Жуковського, обшук тривав шість годин.",
        "Корольов розповів про допит.",
        "Суд над Корольовим триває другий місяць.",  # a trial "над" a man
        "Розправа над Жуковським обурила правозахисників.",
    ],
)
def test_a_surname_that_a_town_shares_is_a_person_in_ukrainian(text):
    assert places(text, TAIL_UK) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Склад загорелся в 20 км от Королёва.", ["Korolev"]),
        ("Колонна шла от Королёва до Москвы.", ["Korolev", "Moscow"]),
        ("Он приехал с Урала в Жуковский.", ["Urals", "Zhukovsky"]),
        ("Вместе с Харьковом обстреляли Сумы.", ["Kharkiv", "Sumy"]),
        ("Королёв стал наукоградом в 2001 году.", ["Korolev"]),
        ("Жители Королёва заявили о проблемах.", ["Korolev"]),  # the verb's subject: жители
    ],
)
def test_the_same_towns_are_places_where_the_sentence_says_so(text, expected):
    assert places(text) == expected


def test_over_a_town_without_a_trial_s_noun_is_the_town():
    # "над" alone is the sky over the town; "суд над" a trial (above)
    assert places("Дрон збили над Жуковським уночі.", TAIL_UK) == ["Zhukovsky"]


@pytest.mark.parametrize(
    "text",
    [
        # what is done only to people, said of a name or a list of names in the nominative
        "Жуковский и Королёв были арестованы в июне.",
        "Тверской, Курский и Королёв осуждены на пять лет.",
        "Королёв был задержан у здания суда.",
        # senders and companions, every name of their list
        "Письмо от Иванова и Петрова пришло в июне.",
        "Письмо от Иванова, Петрова и Королёва пришло в июне.",
        "Вместе с Жуковским и Королёвым задержали ещё двоих.",
        # a given name, then a double-barrelled surname
        "Владимир Кара-Мурза получил 25 лет колонии.",
        "Николай Римский-Корсаков написал оперу.",
    ],
)
def test_people_by_what_is_done_to_them_and_double_surnames(text):
    assert places(text) == []


def test_people_by_what_is_done_to_them_in_ukrainian():
    assert places("Корольов і Жуковський були затримані в червні.", TAIL_UK) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Херсон и Николаев были освобождены осенью.", ["Kherson", "Mykolaiv"]),
        ("Белгород и Курск были атакованы дронами.", ["Belgorod", "Kursk"]),
        ("В Королёве задержан активист.", ["Korolev"]),
        ("Жители Королёва задержаны полицией.", ["Korolev"]),
        ("Из Каменска-Уральского приехали волонтёры.", ["Kamensk-Uralsky"]),
        ("Поезд шёл от Иванова до Москвы.", ["Ivanovo", "Moscow"]),  # a range
        # a city's office before its name: "Николаева" is a woman's surname too
        ("Мэр Николаева Александр Сенкевич сообщил об обстреле.", ["Mykolaiv"]),
        ("Об обстреле сообщил мэр Николаева.", ["Mykolaiv"]),
        ("Вместе с Харьковом и Киевом обстреляли Днепр.", ["Kharkiv", "Kyiv", "Dnipro"]),
        # a town the dictionary knows as a man's name too, by what is done to towns
        ("Бахмут разрушен почти полностью.", ["Bakhmut"]),
        ("Бахмут был окружён к маю.", ["Bakhmut"]),
    ],
)
def test_towns_are_still_towns_beside_such_words(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "tail", "expected"),
    [
        # a city's old name that is a person's too means the city only after "в", "у"…
        ("Протестувальники кидали коктейлі Молотова у військкомати.", TAIL_UK, []),
        ("Коктейли Молотова бросали в окна военкоматов.", TAIL_RU, []),
        ("Завод у Молотові працював цілодобово.", TAIL_UK, ["Perm"]),
        ("Из Днепропетровска уехали тысячи людей.", TAIL_RU, ["Dnipro"]),  # no one's name
    ],
)
def test_a_city_by_an_old_name_that_is_a_person_s_needs_a_preposition(text, tail, expected):
    assert places(text, tail) == expected
