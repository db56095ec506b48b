"""Issue 13: a name that several places share, decided by the article's other places."""

import pytest

from geomap.extract import extract
from geomap.gazetteer import default_gazetteer


def _mention(extraction, text):
    return next(m for m in extraction.mentions + extraction.unresolved if m.text == text)


@pytest.mark.parametrize(
    ("name", "context", "region"),
    [
        ("Prydniprovske", "Dnipro", "UA-12"),
        ("Richky", "Sumy", "UA-59"),
        ("Yehorivka", "Odesa", "UA-51"),
        ("Krynychky", "Mykolaiv", "UA-48"),
        ("Bilenke", "Zaporizhzhia", "UA-23"),
        ("Iskrivka", "Poltava", "UA-53"),
        ("Stepove", "Cherkasy", "UA-71"),
        ("Hlyboke", "Uzhhorod", "UA-21"),
        ("Shcherbani", "Poltava", "UA-53"),
        ("Yehorivka", "Kramatorsk", "UA-14"),
        ("Mayaki", "Kramatorsk", "UA-14"),
    ],
)
def test_the_one_namesake_in_a_region_of_the_articles_other_places(name, context, region):
    gazetteer = default_gazetteer()
    assert gazetteer.lookup(name).place is None  # ambiguous on its own
    text = f"Officials in {context} reported the attack.\n\nShells fell near {name} overnight."
    mention = _mention(extract(text), name)
    assert mention.place is not None and mention.place.parent == region, mention
    assert mention.hint_kind == "region in context"
    assert "region in context" in mention.how
    # the query names the region, so a draft events file resolves it the same way
    assert gazetteer.lookup(mention.query).place == mention.place


def test_two_namesakes_in_the_articles_region_stay_unresolved_with_their_candidates():
    # Maiaky and Mayaky are two villages of Odesa Oblast: the region cannot tell them apart.
    text = "Officials in Odesa reported the attack.\n\nShells fell near Mayaki overnight."
    mention = _mention(extract(text), "Mayaki")
    assert mention.place is None
    assert any("Odesa Oblast" in s for s in mention.suggestions)


def test_without_context_in_their_regions_namesakes_stay_unresolved():
    text = "Officials in Lviv reported the attack.\n\nShells fell near Krynychky overnight."
    assert _mention(extract(text), "Krynychky").place is None


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Slutsk", "Minsk", "BY"),
        ("Poti", "Tbilisi", "GE"),
        ("Zarzecze", "Warsaw", "PL"),
        ("Ayat", "Astana", "KZ"),
        ("Lemi", "Helsinki", "FI"),
    ],
)
def test_a_country_decides_when_no_region_does(name, context, country):
    assert default_gazetteer().lookup(name).place is None  # ambiguous on its own
    text = f"Officials in {context} reported the attack.\n\nShells fell near {name} overnight."
    mention = _mention(extract(text), name)
    assert mention.place is not None and mention.place.country == country, mention
    assert mention.hint_kind == "country in context"


def test_a_namesake_s_country_in_context_makes_the_home_answer_doubtful_not_moved():
    # Bar alone is the town in Vinnytsia Oblast; in an article about Montenegro that is a guess
    # on size and home alone (geomap/extract/namesakes.py): reported ambiguous, with both.
    gazetteer = default_gazetteer()
    bar = gazetteer.lookup("Bar").place
    text = "Officials in Podgorica reported the attack.\n\nShells fell near Bar overnight."
    result = extract(text)
    assert "Bar" not in [m.text for m in result.mentions]
    (mention,) = [m for m in result.unresolved if m.text == "Bar"]
    assert mention.reason.startswith("ambiguous")
    assert any(s.startswith("Bar (town, ME)") for s in mention.suggestions)
    assert mention.suggestions[0].startswith(f"Bar (town, {gazetteer.get(bar.parent).name}")


def test_context_never_overrides_an_answer_its_own_region_confirms():
    text = "Officials in Vinnytsia reported the attack.\n\nShells fell near Bar overnight."
    mention = _mention(extract(text), "Bar")
    assert mention.place == default_gazetteer().lookup("Bar").place and mention.hint_kind == ""


@pytest.mark.parametrize(
    ("elsewhere", "paragraph", "name", "region"),
    [
        # the other namesake's region is named too, in another paragraph: the name's own
        # paragraph decides
        ("Tula", "Kaliningrad and Chernyakhovsk", "Sovetsk", "RU-KGD"),
        ("Kirov", "Kaliningrad and Chernyakhovsk", "Sovetsk", "RU-KGD"),
        ("Bucha", "Izium and Kupiansk", "Borova", "UA-63"),
        ("Kupiansk", "Bucha and Irpin", "Borova", "UA-32"),
    ],
)
def test_the_name_s_own_paragraph_decides_before_the_article(elsewhere, paragraph, name, region):
    text = (
        f"Officials in {elsewhere} reported the attack.\n\n"
        f"Volunteers from {paragraph} drove the families out of {name} overnight."
    )
    mention = _mention(extract(text), name)
    assert mention.place is not None and mention.place.parent == region, mention


def test_a_paragraph_naming_both_regions_leaves_the_name_unresolved():
    text = "Officials in Tula and Kaliningrad reported it.\n\nShells fell on Sovetsk overnight."
    assert _mention(extract(text), "Sovetsk").place is None


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Strassburg", "Strasbourg"),  # not Kuchurhan, once Strassburg, nor Aiud
        ("Калининграде", "Kaliningrad"),  # not Korolev, Kaliningrad until 1996
    ],
)
def test_a_name_one_big_town_bears_as_its_own_is_that_town(name, place):
    mention = _mention(extract(f"Volunteers met in {name} last week."), name)
    assert mention.place is not None and mention.place.name == place


@pytest.mark.parametrize("name", ["Antioch", "Uglegorsk"])
def test_a_name_whose_own_bearer_is_not_clearly_the_biggest_stays_unresolved(name):
    # Antioch is Antakya more often than the smaller town in California; the Sakhalin
    # Uglegorsk is hardly bigger than Vuhlehirsk, Uglegorsk until 2016
    assert _mention(extract(f"Volunteers met in {name} last week."), name).place is None


@pytest.mark.parametrize(
    "text",
    [
        "Люди виїхали з Новомосковська вчора.",  # Samar, Novomoskovsk until 2024
        "Officials in Dnipro said shells hit Novomoskovsk.",
    ],
)
def test_a_town_s_own_name_yields_where_the_text_is_about_a_rival_s_country(text):
    # the bigger Novomoskovsk is in Tula oblast; Ukrainian text, or a Ukrainian context, may
    # mean Samar by its old name
    found = extract(text)
    assert [m.place.name for m in found.mentions if "oskovs" in m.text] == []


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        # six and more Semenivkas, Vasylivkas: the tied candidates are cut at six, so the
        # gazetteer is asked for the name in the sentence's region
        (
            "На Сумщині обстрілювали громади. На Чернігівщині під ударом опинилися "
            "Новгород-Сіверський і Семенівка. На Одещині дрони атакували Ізмаїл.",
            "Семенівка",
            "UA-74",
        ),
        (
            "Черги тяглися з Мелітополя і Токмака через Василівку. У Харкові і Полтаві "
            "волонтери приймали людей.",
            "Василівку",
            "UA-23",
        ),
        # a paragraph that names two regions: its sentence decides
        (
            "Officials in Poltava and Chernihiv reported strikes. Shells fell near Semenivka "
            "and Chernihiv overnight.",
            "Semenivka",
            "UA-74",
        ),
    ],
)
def test_the_name_s_own_sentence_names_the_region_of_one_of_many_namesakes(text, name, region):
    assert default_gazetteer().lookup(name).place is None
    mention = _mention(extract(text), name)
    assert mention.place is not None and mention.place.parent == region, mention
    assert default_gazetteer().lookup(mention.query).place == mention.place


def test_several_namesakes_in_the_sentence_s_region_leave_the_name_unresolved():
    text = (
        "There are several places called Novoselivka in the Zaporizhzhia region alone, and "
        "another in the Donetsk region."
    )
    assert _mention(extract(text), "Novoselivka").place is None
