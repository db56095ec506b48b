"""Classes of error found by Russian and Ukrainian military summaries and a city piece (issue
14, fresh-ru2's round): sectors of the front named after towns, an official's words quoted, and
the noun of a two-word name the gazetteer lacks. Sentences are not the corpus articles'."""

import pytest

from geomap.extract import extract


def written(text):
    return [m.text for m in extract(text).mentions if m.place]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("На Лиманском направлении противник потерял до 200 человек.", "Лиманском"),
        ("Вчера на Купянском направлении отражены атаки.", "Купянском"),
        ("На Торецькому напрямку тривали бої.", "Торецькому"),
        ("Ворог тиснув на Покровському напрямку всю ніч.", "Покровському"),
    ],
)
def test_a_sector_of_the_front_named_after_a_town_is_no_place(text, sector):
    assert sector not in written(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Колонна шла в направлении Купянска.", "Купянска"),
        ("Дрони летіли з напрямку Бєлгорода.", "Бєлгорода"),
        ("Бои шли под Купянском всю ночь.", "Купянском"),
    ],
)
def test_a_town_after_or_without_the_word_for_a_sector_is_the_town(text, town):
    assert town in written(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Ведомство сообщило, что войска «заняли населенный пункт Гродовка» к утру.", "Гродовка"),
        ("Командир сказав, що підрозділи «зайшли в Мирноград» уночі.", "Мирноград"),
    ],
)
def test_an_official_s_words_in_quotation_marks_are_no_name(text, town):
    assert town in written(text)


def test_a_quoted_name_still_hides_its_town():
    assert "Москвы" not in written("Об этом сообщило радио «Эхо Москвы» вечером.")


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Бійці закріпилися біля Старих Тернів минулого тижня.", "Тернів"),
        ("Люди вернулись в Новые Терны после обстрела.", "Терны"),
        ("Жители вернулись в Малые Терны после обстрела.", "Терны"),
    ],
)
def test_the_noun_of_a_two_word_name_the_gazetteer_lacks_is_not_its_namesake(text, noun):
    assert noun not in written(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Жителі Західної України їдуть до Польщі.", "Західної України"),
        ("Потяг іде до Нової Каховки.", "Нової Каховки"),
        ("Он вырос в Старом Осколе.", "Старом Осколе"),
        # a point of the compass only narrows: the north of Saltivka is Saltivka
        ("На Північній Салтівці відкрили школу.", "Салтівці"),
    ],
)
def test_a_two_word_name_the_gazetteer_holds_or_a_part_of_a_country_stays(text, place):
    assert place in written(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # the name before it is one the gazetteer lacks, so only the preposition makes the list
        ("Противник атакував біля Греківки і Торського вранці.", "Торського"),
        ("Бої тривали в районах Греківки та Торського.", "Торського"),
    ],
)
def test_a_name_spelt_like_a_common_word_in_a_list_after_a_preposition_of_place(text, town):
    assert town in written(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Он пишет Греку и Мир.", "Мир"),
        # Budva, which the gazetteer lacks, and Montenegro's Bar: not the Ukrainian town
        ("Эмигранты собираются в Будве и Баре.", "Баре"),
    ],
)
def test_a_list_without_a_preposition_meaning_near_keeps_its_common_words(text, word):
    assert word not in written(text)
