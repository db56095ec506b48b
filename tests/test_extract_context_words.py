"""Issues 13 and 14, round 3: classes of wrong answers and misses, each tested on names the
issues do not list. No text dropped; descriptors of another kind of place; namesakes abroad
and inflected forms that two places share; region adjectives in lists."""

import pytest

from geomap.extract import extract
from geomap.extract.article import Article


def found(text):
    return {m.text: m.place.name for m in extract(text).mentions}


# --- no text dropped: a short line that opens with » is a quotation or a bullet ----------------


@pytest.mark.parametrize(
    "text",
    [
        "» В Томске задержали троих.",
        "» У Полтаві пройшла акція.",
        "— Он сказал «Приезжайте в Омск» и ушёл.",
    ],
)
def test_a_short_line_with_a_guillemet_is_the_report_s(text):
    article = Article.from_text(f"Заголовок\n\n{text}\n\nЕщё абзац.")
    assert not article.skipped
    assert len(found(text)) == 1


def test_a_breadcrumb_trail_is_still_navigation():
    article = Article.from_text("Главная » Новости » Общество\n\nВ Томске задержали троих.")
    assert [reason for *_, reason in article.skipped] == ["navigation"]


# --- a descriptor of another kind of place: the place is not the town --------------------------


@pytest.mark.parametrize(
    ("text", "kind", "region"),
    [
        ("Staff at the Kursk nuclear plant were evacuated.", "power plant", "Kursk Oblast"),
        ("The Chernobyl nuclear power plant was seized.", "power plant", "Kyiv Oblast"),
        ("Drones hit Engels airbase overnight.", "air base", "Saratov Oblast"),
        ("Shelling hit the Kupiansk district again.", "district", "Kharkiv Oblast"),
        ("Flights from Kharkiv airport stopped in 2022.", "airport", "Kharkiv Oblast"),
    ],
)
def test_a_place_named_after_a_town_is_reported_with_its_region(text, kind, region):
    result = extract(text)
    assert not result.mentions  # never the town itself
    (m,) = result.unresolved
    assert m.other_kind == kind
    assert m.reason.startswith(("a ", "an ")) and kind in m.reason
    assert m.suggestions[0].startswith(region)


def test_the_town_itself_is_still_the_town_beside_its_plant():
    text = "Shelling hit Kupiansk. The Kursk nuclear plant was on alert."
    assert found(text) == {"Kupiansk": "Kupiansk"}


# --- namesakes: the article's other places, not size or home alone ----------------------------


def _only(result, text):
    (m,) = [m for m in (*result.mentions, *result.unresolved) if m.text == text]
    return m


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("Border guards in Zakarpattia detained two men near Sasovo.", "Sasovo", "UA-21"),
        ("Police in the Kaliningrad region searched a house in Znamensk.", "Znamensk", "RU-KGD"),
        ("Прикордонники на Закарпатті затримали чоловіків біля Солотвина.", "Солотвина", "UA-21"),
    ],
)
def test_a_namesake_in_a_region_the_article_names_wins(text, name, region):
    m = _only(extract(text), name)
    assert m.place is not None and m.place.parent == region
    assert m.hint_kind == "region in context"


def test_without_context_the_bigger_namesake_keeps_the_name():
    (m,) = extract("A factory in Znamensk closed.").mentions
    assert m.place.parent == "RU-AST"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials in Niamey said the convoy reached Abalak.", "Abalak"),  # Tyumen or Niger
        ("На Одещині затримали чоловіків поблизу Паланки.", "Паланки"),  # Cherkasy or the crossing
    ],
)
def test_a_namesake_context_cannot_settle_is_reported_ambiguous(text, name):
    m = _only(extract(text), name)
    assert m.place is None and m.reason.startswith("ambiguous")
    assert len(m.suggestions) >= 2


def test_context_never_picks_a_place_by_its_old_name_over_a_town_s_own_name():
    # Pokrovsk: towns in Donetsk oblast and Yakutia, and Engels' name until 1931
    text = "Officials in Saratov said the men came from Pokrovsk."
    m = _only(extract(text), "Pokrovsk")
    assert m.place is None or m.place.name == "Pokrovsk"


def test_a_crossing_at_the_town_s_own_gate_is_no_rival():
    text = "Refugees crossed at Shehyni and walked on to Medyka in Poland."
    assert found(text)["Medyka"] == "Medyka"


# --- region adjectives in Russian and Ukrainian lists -------------------------------------------


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        (
            "Задержания прошли в Томской, Омской и Новосибирской областях.",
            ["Tomsk Oblast", "Omsk Oblast", "Novosibirsk Oblast"],
        ),
        (
            "В Краснодарском и Ставропольском краях ввели ограничения.",
            ["Krasnodar Krai", "Stavropol Krai"],
        ),
        (
            "Полтавська, Житомирська та Рівненська області без світла.",
            ["Poltava Oblast", "Zhytomyr Oblast", "Rivne Oblast"],
        ),
        (
            "У Волинській і Львівській\nобластях затримали чоловіків.",
            ["Volyn Oblast", "Lviv Oblast"],
        ),
    ],
)
def test_each_adjective_of_a_shared_plural_is_the_region(text, regions):
    result = extract(text)
    assert [m.place.name for m in result.mentions] == regions
    assert all(m.place.kind == "region" and m.in_list for m in result.mentions)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a plural noun of another kind of place after a list makes each name one of them
        ("Під ударом були Покровська, Марганецька та Червоногригорівська громади.", []),
        ("Під ударом були Нікополь, Покровська та Марганецька громади.", ["Nikopol"]),
        ("Shelling hit the Kupiansk, Izium and Chuhuiv districts overnight.", []),
        ("Shelling hit the Nikopol and Marhanets hromadas overnight.", []),
        ("Дрони атакували Київ і Харків, а також Сумську та Полтавську області.", None),
        ("In Kharkiv and Sumy, districts were shelled.", ["Kharkiv", "Sumy"]),
    ],
)
def test_names_listed_before_a_plural_of_another_kind_are_not_towns(text, kept):
    result = extract(text)
    if kept is None:  # regions: a list the region rule reads
        assert [m.place.kind for m in result.mentions] == ["town", "town", "region", "region"]
    else:
        assert [m.place.name for m in result.mentions] == kept
        assert all(m.other_kind == "district" for m in result.unresolved)


def test_capitalised_words_before_a_plural_that_are_no_region_are_not_listed():
    # «Правые» and «Левые»: not region adjectives; nothing is made up for them
    assert not extract("Правые и Левые области мозга.").mentions


# --- a crossing's noun before its name, in Russian and Ukrainian cases -------------------------


@pytest.mark.parametrize(
    ("text", "crossing"),
    [
        ("Затримали у пункті пропуску Ягодин.", "Yahodyn – Dorohusk"),
        ("Зранку на пункті пропуску Рава-Руська стояли авто.", "Rava-Ruska – Hrebenne"),
        ("Очередь на пункте пропуска Верхний Ларс.", "Verkhny Lars – Dariali"),
    ],
)
def test_a_crossing_s_noun_before_the_name_makes_it_the_crossing(text, crossing):
    (m,) = extract(text).mentions
    assert m.place.kind == "checkpoint" and m.place.name == crossing


def test_a_county_named_after_a_town_abroad_is_not_the_town():
    result = extract("Prosecutors in Bergen county charged him.")
    assert not result.mentions
    assert result.unresolved[0].other_kind == "county"


# --- a crossing's side name, written bare, is the settlement at its gate ---------------------


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Вантажівки стояли у Джурджулешти.", "Giurgiuleşti", "MD"),
        ("Автобус їхав до Бричен.", "Briceni", "MD"),
        ("Чоловіків затримали біля Порубного.", "Terebleche", "UA"),
    ],
)
def test_a_bare_side_name_of_a_crossing_is_the_town_at_its_gate(text, town, country):
    (m,) = extract(text).mentions
    assert (m.place.kind, m.place.name, m.place.country) == ("town", town, country)


# --- a case form that two places' names share, with nothing in the article to choose ----------


def test_a_case_form_of_two_names_without_context_is_ambiguous():
    # "Бронниці": the Ukrainian name of Bronnitsy (Moscow oblast) and a case of Бронниця
    # (Vinnytsia oblast, on the Moldovan border)
    result = extract("Чоловіків затримали біля Бронниці.")
    assert not result.mentions
    (m,) = result.unresolved
    assert m.reason.startswith("ambiguous") and len(m.suggestions) == 2


def test_the_region_in_the_article_settles_a_shared_case_form():
    (region, town) = extract("На Вінниччині чоловіків затримали біля Бронниці.").mentions
    assert town.place.name == "Bronnytsia" and town.place.parent == region.place.id


# --- a town far abroad by another of its names needs "in", "to"… or a list --------------------


@pytest.mark.parametrize("text", ["Victoria said nothing.", "Victoria was detained in Omsk."])
def test_a_far_town_s_other_name_alone_is_not_the_town(text):
    assert "Victoria" not in found(text)


def test_after_a_locative_a_far_town_s_old_name_is_the_town():
    assert found("He moved to Bombay in 2015.")["Bombay"] == "Mumbai"


# --- a word capitalised only where a sentence starts, written lowercase elsewhere -------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Черга на кордоні росла. Черги стояли добу, а черга не рухалась.", "Черга"),
        ("Tours of the prison were banned. The tours resumed in May.", "Tours"),
    ],
)
def test_a_sentence_initial_word_the_text_writes_lowercase_is_no_place(text, word):
    assert word not in found(text)


def test_the_same_word_after_a_locative_is_still_the_place():
    text = "Tours of the prison were banned. He studied in Tours, where the tours began."
    assert [m.start for m in extract(text).mentions] == [text.index("in Tours") + 3]


def test_a_city_whose_name_is_also_a_case_of_a_word_the_text_uses_stays_the_city():
    # "Суми" (Sumy) is also a case of "сума" (an amount)
    assert found("Суми прийняли біженців. Місто виділило суму на житло.")["Суми"] == "Sumy"


def test_a_shared_case_form_with_both_countries_named_stays_ambiguous():
    text = "Задержания прошли в Томске. Чоловіків затримали біля Бронниці, у Полтаві теж."
    assert "Бронниці" not in found(text)
    assert [m.text for m in extract(text).unresolved] == ["Бронниці"]


# --- a word for a village, and an administration's acronym (Russian and Ukrainian news) ------


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Ворог атакував село Кам'янське Запорізького району, повідомили в ОВА.", "Kamianske"),
        ("У селищі Кам'янське пошкоджено будинки, повідомили рятувальники.", "Kamianske"),
        ("Жители деревни Калуга жалуются на дорогу, сообщили в администрации.", "Kaluga"),
    ],
)
def test_a_village_is_not_the_city_of_its_name(text, city):
    result = extract(text)
    assert not [m for m in result.mentions if m.place and m.place.name == city]
    [reported] = [u for u in result.unresolved if "names a village" in u.reason]
    assert city in reported.suggestions[0]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("В городе Калуге задержали активиста, сообщили правозащитники.", "Kaluga"),
        ("У селищі Білозерка зникло світло, повідомили енергетики.", "Bilozerka"),
    ],
)
def test_a_town_after_its_own_word_is_still_the_town(text, place):
    assert [m.place.name for m in extract(text).mentions if m.place] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "Про нічний обстріл повідомила Дніпропетровська ОВА.",
        "Голова Харківської ОВА Олег Синєгубов розповів про наслідки удару.",
        "Депутаты Белгородской облдумы приняли обращение к губернатору.",
        "Запорізька ОДА оголосила про евакуацію.",
    ],
)
def test_an_administration_named_after_its_region_is_no_place(text):
    assert not [m for m in extract(text).mentions if m.place]


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        # names that more than six places share: asked for in the context's regions one by one
        (
            "На Донеччині тривають бої. Обстріляли Покровськ, Костянтинівку і Миколаївку.",
            "Миколаївку",
            "UA-14",
        ),
        ("На Херсонщині обстріляли Берислав і Михайлівку.", "Михайлівку", "UA-65"),
    ],
)
def test_a_name_of_many_villages_is_decided_by_the_region_in_context(text, name, region):
    [mention] = [m for m in extract(text).mentions if m.text == name]
    assert mention.place.parent == region and mention.hint_kind == "region in context"


def test_a_name_of_many_villages_without_its_region_in_context_stays_unresolved():
    result = extract("На Сумщині обстріляли Ворожбу, Білопілля та Михайлівку.")
    assert "Михайлівку" not in {m.text for m in result.mentions}
    assert "Михайлівку" in {u.text for u in result.unresolved}


@pytest.mark.parametrize(
    "text", ["На Донеччині вибухи.", "Учора на Донеччині бої.", "На Луганщині обстріли."]
)
def test_a_region_s_noun_before_a_plural_noun_is_the_region(text):
    # "Донеччині" may be read as a plural adjective agreeing with "вибухи": its noun comes first
    assert [m.place.kind for m in extract(text).mentions if m.place] == ["region"]
