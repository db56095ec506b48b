"""Place names in Russian and Ukrainian, and one English romanisation (issue 17).

The bundled names are compared with sources independent of those the build uses: pycountry's
ISO 3166-2 translations for regions, a hand-checked list for towns
(tests/data/town-names-ru-uk.tsv). A place with no name in a language falls back to English;
such gaps are counted, never filled with a guess.
"""

from __future__ import annotations

import csv
import gettext
import sys
from pathlib import Path

import pycountry
import pytest

from geomap.errors import GeomapError
from geomap.gazetteer import default_gazetteer, geocode, normalize
from geomap.gazetteer.normalize import skeleton
from geomap.map.labels import GazetteerNames, map_labels

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import place_languages  # noqa: E402  (the build's rules, beside build_geodata.py)

TOWNS = REPO / "tests" / "data" / "town-names-ru-uk.tsv"
LANGUAGES = ("ru", "uk")


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


# --- towns against the hand-checked list -------------------------------------------------------


def _reference_towns():
    with open(TOWNS, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def town_coverage():
    """{language: {"match": [...], "missing": [...], "differ": [...], "unchecked": [...]}}"""
    gazetteer = default_gazetteer()
    out = {lang: {"match": [], "missing": [], "differ": [], "unchecked": []} for lang in LANGUAGES}
    for row in _reference_towns():
        for lang in LANGUAGES:
            ours = gazetteer.name(row["id"], lang)
            if ours is None:
                out[lang]["missing"].append(row["english"])
            elif row["checked"] == "unsure":
                out[lang]["unchecked"].append((row["english"], ours, row[lang]))
            elif _fold(ours) == _fold(row[lang]):
                out[lang]["match"].append(row["english"])
            else:
                out[lang]["differ"].append((row["english"], ours, row[lang]))
    return out


def test_reference_list_is_the_100_most_populous_towns():
    gazetteer = default_gazetteer()
    towns = [t for c in ("RU", "UA") for t in gazetteer.find(kind="town", country=c)]
    top = sorted(towns, key=lambda t: (-t.population, t.id))[:100]
    assert [t.id for t in top] == [row["id"] for row in _reference_towns()]


# What the build names differently from the hand-checked list, and why. A new difference fails
# the test (a wrong name would reach maps); so does one that goes away (update the list).
TOWN_DIFFERENCES = {
    # GeoNames' names of the city hold "Санкт Петербург" (with a space; the dictionary knows
    # no "Санкт") and the short "Петербург", which the rules take: a form in common use.
    "ru": {("Saint Petersburg", "Петербург")},
    "uk": {("Saint Petersburg", "Петербург")},  # the same, in Ukrainian spelling
}


def test_town_names_match_the_hand_checked_list():
    coverage = town_coverage()
    for lang in LANGUAGES:
        differ = {(e, ours) for e, ours, _ in coverage[lang]["differ"]}
        assert differ == TOWN_DIFFERENCES.get(lang, set()), (lang, coverage[lang]["differ"])


# Measured on the shipped data (see the report): the floor keeps a rebuild from losing names
# silently. Missing names fall back to English and are counted by `geomap build`.
TOWN_COVERAGE_FLOOR = {"ru": 87, "uk": 84}  # measured: 87 and 84 of 100


def test_town_name_coverage_does_not_fall():
    coverage = town_coverage()
    for lang in LANGUAGES:
        assert len(coverage[lang]["match"]) >= TOWN_COVERAGE_FLOOR[lang], coverage[lang]


# Ukraine's towns of 100,000 people or more (city districts among them, which GeoNames lists as
# towns and whose names are often adjectives no dictionary marks as places) with a Russian name.
UKRAINIAN_CITIES_IN_RUSSIAN_FLOOR = 39  # measured: 39 of 84


def test_ukrainian_cities_named_in_russian_do_not_fall():
    gazetteer = default_gazetteer()
    big = [t for t in gazetteer.find(kind="town", country="UA") if t.population >= 100_000]
    named = [t for t in big if gazetteer.name(t.id, "ru")]
    assert len(named) >= UKRAINIAN_CITIES_IN_RUSSIAN_FLOOR, [t.name for t in big if t not in named]


# --- regions against pycountry's ISO 3166-2 translations ------------------------------------------

_GENERIC = {"республика", "республіка", "respublika"}


def _tokens(text: str, romanise: bool = False) -> list[str]:
    text = text.split(" (")[0]  # a disputed area's label: its name, before the status
    if romanise:
        text = place_languages.russian_latin(text)
    return sorted(
        skeleton(t) if romanise else t for t in normalize(text).split() if t not in _GENERIC
    )


def region_comparison():
    """{(code, language): (verdict, ours, reference)}; verdicts: "same", "same without the
    word Republic", "same romanised" (pycountry has no Russian translation of the ISO name,
    itself a romanisation of the Russian one), "differs"."""
    gazetteer = default_gazetteer()
    out = {}
    for lang in LANGUAGES:
        iso = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        for country in ("RU", "UA"):
            for sub in pycountry.subdivisions.get(country_code=country):
                ours = gazetteer.name(sub.code, lang)
                reference = iso.gettext(sub.name)
                if ours is None:
                    verdict = "missing"
                elif _fold(ours) == _fold(reference):
                    verdict = "same"
                elif _tokens(ours) == _tokens(reference):
                    verdict = "same without the word Republic"
                elif reference == sub.name and _tokens(ours, True) == _tokens(reference, True):
                    verdict = "same romanised"
                else:
                    verdict = "differs"
                out[(sub.code, lang)] = (verdict, ours, reference)
    return out


# Every difference from pycountry, with the reason; checked by hand.
REGION_DIFFERENCES = {
    ("RU-BEL", "uk"): "Бєлгородська and Білгородська: both spellings are in use",
    ("RU-IVA", "uk"): "Івановська (Natural Earth) and Іванівська: both in use",
    ("RU-LIP", "uk"): "Липецька (Natural Earth) and Ліпецька: both in use",
    ("RU-ULY", "uk"): "Ульяновська (Natural Earth) and Ульянівська: both in use",
    ("RU-VOR", "uk"): "Воронезька (Natural Earth) and Воронізька: both in use",
    ("RU-NIZ", "uk"): "pycountry misspells it Ніжегородська; Natural Earth: Нижньогородська",
    ("RU-KYA", "uk"): "pycountry gives Krasnoyarsk Krai Krasnodar Krai's name",
    ("RU-SA", "uk"): "pycountry gives Sakha the Altai Republic's name",
    ("RU-SA", "ru"): "Якутия (Natural Earth's short form) for Республика Саха (Якутия)",
    ("RU-TY", "ru"): "Тыва (Natural Earth) for Республика Тува: Тыва is the republic's own form",
    ("RU-CE", "ru"): "Чечня (Natural Earth's short form) for Чеченская республика",
    ("RU-CU", "ru"): "Чувашия (Natural Earth's short form) for Чувашская республика",
    ("RU-KB", "ru"): "Кабардино-Балкария (short form) for Kabardino-Balkarskaya Respublika",
    ("RU-KC", "ru"): "Карачаево-Черкесия (short form) for Карачаево-Черкесская республика",
    ("RU-KC", "uk"): "Карачаєво-Черкесія (short form) for Карачаєво-Черкеська республіка",
    ("RU-KB", "uk"): "Кабардино-Балкарія (short form) for Кабардино-Балкарська Республіка",
    ("RU-UD", "ru"): "Удмуртия (short form) for Udmurtskaya Respublika",
    ("RU-UD", "uk"): "Удмуртія (short form) for Удмуртська Республіка",
    ("RU-CE", "uk"): "Чечня (short form) for Чеченська Республіка",
    ("RU-KHM", "ru"): "the official name's «— Югра», which the ISO name leaves out",
    ("RU-KHM", "uk"): "the official name's «— Югра», which the ISO name leaves out",
    ("RU-SE", "ru"): "the official name's «-Алания», which the ISO name leaves out",
    ("UA-43", "ru"): "Крым, with the neutral label, for Автономная Республика Крым",
    ("UA-43", "uk"): "Крим, with the neutral label, for Автономна Республіка Крим",
    ("UA-48", "ru"): "pycountry has no Russian name; Николаевская область is Mykolaivska's",
}


def test_every_region_of_russia_and_ukraine_has_its_names_and_they_match_iso():
    comparison = region_comparison()
    assert not [k for k, v in comparison.items() if v[0] == "missing"]
    differs = {k: v for k, v in comparison.items() if v[0] == "differs"}
    assert set(differs) == set(REGION_DIFFERENCES), differs


# --- the language rules, on names the task does not list -----------------------------------------


def test_russian_and_ukrainian_told_apart_by_the_dictionaries():
    names = place_languages.language_names("Minsk", ["Минск", "Мінск", "Мінськ", "Менск"], "BY")
    assert names == {"ru": "Минск", "uk": "Мінськ"}  # Belarusian Мінск is neither


def test_a_surname_or_two_nouns_are_no_name():
    assert not place_languages.known_in("uk", "Молотов")  # Perm's old name, a surname
    assert not place_languages.known_in("ru", "Самара ош")  # Mari: "Samara city"
    assert place_languages.known_in("ru", "Ростов-на-Дону")


def test_an_old_name_of_a_ukrainian_town_is_not_its_ukrainian_name():
    names = place_languages.language_names(
        "Pokrovsk", ["Красноармейск", "Красноармійськ", "Покровськ", "Покровск"], "UA"
    )
    assert names["uk"] == "Покровськ"


def test_a_missing_ukrainian_name_is_the_russian_one_as_the_ukrainian_dictionary_spells_it():
    assert place_languages.ukrainian_spellings("Брянск") == ["Брянськ"]
    assert "Мирний" in place_languages.ukrainian_spellings("Мирный")  # and Мірний, "measured"
    assert place_languages.ukrainian_spellings("Ставропольский") == ["Ставропольський"]
    assert place_languages.ukrainian_spellings("Бжжык") == []  # no word: no spelling
    assert place_languages.ukrainian_spellings("Николаевск-на-Амуре") == []  # на Амурі
    names = place_languages.language_names("Bryansk", ["Брянск", "Брянскай"], "RU")
    assert names == {"ru": "Брянск", "uk": "Брянськ"}
    # Proposed spellings must still be the town's name: Куйбышев is no name of Samara.
    assert "uk" not in place_languages.language_names("Samara", ["Куйбышев"], "RU")


def test_a_russian_soft_sign_after_a_labial_is_no_ukrainian_spelling():
    # Russian writes пья, бья; Ukrainian an apostrophe (п'я): such a Cyrillic alias that
    # romanises to the official name is Russian, and the Ukrainian name is spelled from the
    # Russian one, with the apostrophe where the Ukrainian dictionary knows the word with it.
    assert place_languages.not_ukrainian("Купьянск")
    assert place_languages.not_ukrainian("Мичуринск") is False
    assert place_languages.not_ukrainian("Подъячево")  # ъ: a letter Ukrainian lacks
    assert not place_languages.not_ukrainian("Куп'янськ")
    assert not place_languages.not_ukrainian("Ковель")  # a soft sign after л is Ukrainian
    names = place_languages.language_names("Kupiansk", ["Купянск", "Купьянск"], "UA")
    assert names == {"ru": "Купянск", "uk": "Куп'янськ"}
    assert place_languages.ukrainian_spellings("Пятихатки") == ["П'ятихатки"]
    assert place_languages.ukrainian_spellings("Вязники") == []  # not "В'язники": unknown
    assert place_languages.ukrainian_spellings("Святогорск") == []  # no apostrophe after с-в


def test_a_missing_russian_name_is_the_ukrainian_one_as_the_russian_dictionary_spells_it():
    assert place_languages.language_names("Ternopil", ["Тернопіль"], "UA") == {
        "ru": "Тернополь",
        "uk": "Тернопіль",
    }
    assert place_languages.language_names("Nizhyn", ["Ніжин"], "UA")["ru"] == "Нежин"
    names = place_languages.language_names(
        "Bilhorod-Dnistrovskyi", ["Білгород-Дністровський"], "UA"
    )
    assert names["ru"] == "Белгород-Днестровский"
    # Two spellings the dictionary knows as places, or none: no Russian name.
    assert "ru" not in place_languages.language_names("Kryvyi Rih", ["Кривий Ріг"], "UA")


def test_no_evidence_no_name():
    # A Bulgarian spelling romanises to the official name, but no dictionary knows it.
    assert place_languages.language_names("Chernihiv", ["Чернигов", "Чернигив"], "UA") == {
        "ru": "Чернигов"
    }
    # Nor Bulgarian Тираспол: the Russian name is the English one read back (Тирасполь).
    assert "Тираспол" not in place_languages.language_names("Tiraspol", ["Тираспол"], "MD").values()
    assert place_languages.language_names("Chisinau", ["Кишинэу", "Chişinău"], "MD") == {}
    # A Soviet name of a Russian town is not its Russian name.
    assert place_languages.language_names("Samara", ["Куйбышев"], "RU") == {}


# Towns whose Russian name GeoNames' alternate names lack, read back from their Latin names;
# checked by hand. None is a town of the reference list's first examples in issue 17.
READ_FROM_LATIN = {
    "gn:551487": "Казань",  # Kazan: the English name, with the soft sign it leaves out
    "gn:511196": "Пермь",
    "gn:1488754": "Тюмень",
    "gn:580497": "Астрахань",
    "gn:480562": "Тула",
    "gn:480060": "Тверь",
    "gn:706524": "Керчь",
    "gn:694423": "Севастополь",
    "gn:690688": "Умань",
    "gn:627907": "Гомель",  # Homyel': GeoNames' Gomel', one frame with h for г
    "gn:617239": "Тирасполь",
    "gn:710403": "Чернобыль",  # Chornobyl: Chernobyl', Russian е for Ukrainian о
    "gn:708121": "Григорьевка",  # Hryhorivka: Grigor'yevka
}


def test_russian_names_read_from_the_towns_latin_names():
    gazetteer = default_gazetteer()
    assert {i: gazetteer.name(i, "ru") for i in READ_FROM_LATIN} == READ_FROM_LATIN


def test_latin_names_read_as_russian():
    read = place_languages.russian_readings
    assert read("Nizhny Novgorod") == ["Нижний Новгород"]  # -y as -ий
    assert read("Rostov-na-Donu") == ["Ростов-на-Дону"]
    assert read("Mogilev") == ["Могилёв"]  # the dictionary's ё
    assert read("Lwów") == []  # no Russian romanisation writes ó
    assert read("Java") == []  # j: Georgian Джава, not Ява
    assert read("Bzhzhyk") == []  # no word


def test_a_latin_name_read_as_russian_only_on_evidence():
    names = place_languages.language_names
    # The Russian romanisation among the Latin names, vowels alone differing: Черновцы.
    assert names("Chernivtsi", ["Chernovtsy", "Чернівці"], "UA")["ru"] == "Черновцы"
    # Former names are not alike: Komsomolsk for Horishni Plavni, Il'ichevsk for Chornomorsk.
    assert "ru" not in names("Horishni Plavni", ["Komsomol'sk", "Горішні Плавні"], "UA")
    assert "ru" not in names("Chornomorsk", ["Il'ichevsk", "Illichivsk", "Чорноморськ"], "UA")
    # Another ending or another vowel than the Ukrainian-Russian ones: Myrne is Мирное, not the
    # Мирный a Latin name reads as; Dynivtsy is not the town of Dunayevtsy.
    assert "ru" not in names("Myrne", ["Mirnyy", "Мирне"], "UA")
    assert "ru" not in names("Dynivtsy", ["Dunayevtsy", "Диновцы", "Динівці"], "UA")
    # Another consonant: Talas is another town, not Taraz.
    assert "ru" not in names("Taraz", ["Talas"], "KZ")
    # A Kyiv district GeoNames calls Desna is Деснянський район, not the river Десна.
    assert "ru" not in names("Desna", ["Desnyanskyi Rayon", "Деснянський Район"], "UA")
    # A Russian town is read from its English name only, of two readings the one it spells.
    assert names("Kazan", ["Kasan", "Казан"], "RU")["ru"] == "Казань"
    assert "ru" not in names("Vostok", ["Vostochnyy"], "US")  # not a former Soviet republic
    assert "ru" not in names("Odessa", [], "US")


def test_a_ukrainian_spelling_keeps_the_final_soft_sign_where_ukrainian_writes_it():
    assert "Перм" in place_languages.ukrainian_spellings("Пермь")  # after a labial
    assert "Медин" in place_languages.ukrainian_spellings("Медынь")
    assert "Баран" not in place_languages.ukrainian_spellings("Барань")  # "ram"
    assert place_languages.language_names("Baran’", [], "BY") == {"ru": "Барань"}


# --- English romanisation ----------------------------------------------------------------------


# From the table of the Cabinet of Ministers' resolution No. 55 of 27 January 2010, whose
# examples these are (the positional rules of є, ї, й, ю, я and the зг rule included).
KMU_EXAMPLES = {
    "Згорани": "Zghorany",
    "Розгон": "Rozghon",
    "Алушта": "Alushta",
    "Борщагівка": "Borshchahivka",
    "Гоща": "Hoshcha",
    "Єнакієве": "Yenakiieve",
    "Гаєвич": "Haievych",
    "Їжакевич": "Yizhakevych",
    "Кадиївка": "Kadyivka",
    "Йосипівка": "Yosypivka",
    "Стрий": "Stryi",
    "Юрій": "Yurii",
    "Корюківка": "Koriukivka",
    "Яготин": "Yahotyn",
    "Феодосія": "Feodosiia",
    "Знам'янка": "Znamianka",
    "Щербухи": "Shcherbukhy",
}


def test_kmu_2010_romanisation():
    assert {c: place_languages.kmu_2010(c) for c in KMU_EXAMPLES} == KMU_EXAMPLES


def _namesake_pairs():
    """(region, its capital) where the capital shares the region's name in another spelling
    or the same one: the town a "<Name> Oblast" or "<Name> Krai" is named after."""
    gazetteer = default_gazetteer()
    pairs = []
    for country in ("RU", "UA"):
        towns = gazetteer.find(kind="town", country=country)
        for region in gazetteer.find(kind="region", country=country):
            base, _, descriptor = region.name.rpartition(" ")
            if descriptor not in ("Oblast", "Krai") or not base:
                continue
            here = sorted((t for t in towns if t.parent == region.id), key=lambda t: -t.population)
            same = [t for t in here[:3] if skeleton(normalize(t.name)) == skeleton(normalize(base))]
            if same:
                pairs.append((region, base, same[0]))
    return pairs


def test_a_town_and_its_region_are_spelled_alike():
    pairs = _namesake_pairs()
    named_in_the_issue = {"Zaporizhzhia", "Vinnytsia"}
    others = [p for p in pairs if p[1] not in named_in_the_issue]
    assert len(others) >= 10, others
    assert [(base, town.name) for _, base, town in pairs if town.name != base] == []
    # Spellings that were GeoNames' before (older systems) now name the same towns.
    for old, new in [("Mykolayiv", "Mykolaiv"), ("Orel", "Oryol"), ("Ryazan’", "Ryazan")]:
        assert geocode(old).place.name == new


def test_ukrainian_towns_are_spelled_by_the_official_system():
    gazetteer = default_gazetteer()
    spelled = [
        (t.name, dict(t.names)["uk"])
        for t in gazetteer.find(kind="town", country="UA")
        if "uk" in dict(t.names)
    ]
    assert len(spelled) > 4000
    wrong = [(n, uk) for n, uk in spelled if n != place_languages.kmu_2010(uk)]
    assert wrong == []


# --- names as lookup aliases --------------------------------------------------------------------


def test_russian_and_ukrainian_names_look_the_place_up():
    gazetteer = default_gazetteer()
    for row in _reference_towns()[:40]:
        for lang in LANGUAGES:
            name = gazetteer.name(row["id"], lang)
            if name is None:
                continue
            match = geocode(name)
            ids = {p.id for p in (match.place, *match.alternatives) if p is not None}
            assert row["id"] in ids, (name, match.place)


# --- the name source ----------------------------------------------------------------------------


def test_name_source_answers_each_language_and_counts_fallbacks():
    names = GazetteerNames("uk")
    assert names.label("UA", "uk") == "Україна"
    assert names.label("RU-MOS", "ru") == "Московская область"
    assert names.label("RU-MOS", "en") == "Moscow Oblast"
    assert names.fallbacks == set()
    gazetteer = default_gazetteer()
    nameless = next(
        t for t in gazetteer.find(kind="town", country="RU") if "uk" not in dict(t.names)
    )
    assert names.label(nameless.id, "uk") == nameless.name  # English, and counted
    assert names.fallbacks == {nameless.id}
    assert names.label("no-such-place", "uk") is None


def test_unknown_language_is_one_clear_error():
    with pytest.raises(GeomapError, match=r"no labels in language 'de'; .*en, ru, uk"):
        GazetteerNames("de")
    with pytest.raises(GeomapError, match=r"no place names in language 'pl'"):
        default_gazetteer().name("UA", "pl")


@pytest.mark.parametrize("language", LANGUAGES)
def test_map_labels_in_each_language(report_located, language):
    names = GazetteerNames(language)
    labels = map_labels(report_located, [[44.0, 22.0], [56.0, 45.0]], names)["labels"]
    texts = {label[0] for label in labels}
    assert {"ru": "Россия", "uk": "Росія"}[language] in texts
    assert {"ru": "Харьковская область", "uk": "Харківська область"}[language] in texts
    latin = [t for t in texts if not place_languages.has_cyrillic(t)]
    # Most labels are in the language; each of the others is a counted fallback in English.
    assert len(latin) < len(texts) / 2
    assert len(latin) <= len(names.fallbacks)


def test_build_summary_counts_places_without_a_name(report_path, tmp_path):
    from geomap.cli import names_summary
    from geomap.pipeline import build

    names = GazetteerNames("ru")
    result = build([report_path], tmp_path / "map.html", names=names)
    assert result.names_language == "ru"
    assert result.names_missing == len(names.fallbacks) > 0
    assert result.names_shown == len(names.asked) > result.names_missing
    assert names_summary(result) == (
        f"Place names in Russian: {result.names_missing:,} of the map's "
        f"{result.names_shown:,} places have none and are shown in English"
    )
    assert build([report_path], tmp_path / "en.html").names_missing == 0
