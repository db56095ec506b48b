"""Russian and Ukrainian case forms resolve as their nominative does (issue 14): every case of a
town, an oblast and a krai in both languages, hyphenated names, names after a preposition, and
the language of a text."""

import pytest

from geomap.extract import extract
from geomap.gazetteer import geocode
from geomap.gazetteer.morphology import detect_language, languages_for, nominatives, word_forms

# Hand-written declensions, in case order. Russian: nominative, genitive, dative, accusative,
# instrumental, prepositional (locative). Ukrainian adds the vocative, after the locative.
RUSSIAN = {
    "Tomsk": "Томск Томска Томску Томск Томском Томске",
    "Voronezh": "Воронеж Воронежа Воронежу Воронеж Воронежем Воронеже",
    "Kursk Oblast": "Курская_область Курской_области Курской_области Курскую_область "
    "Курской_областью Курской_области",
    "Tver Oblast": "Тверская_область Тверской_области Тверской_области Тверскую_область "
    "Тверской_областью Тверской_области",
    "Krasnodar Krai": "Краснодарский_край Краснодарского_края Краснодарскому_краю "
    "Краснодарский_край Краснодарским_краем Краснодарском_крае",
    "Perm Krai": "Пермский_край Пермского_края Пермскому_краю Пермский_край Пермским_краем "
    "Пермском_крае",
}
UKRAINIAN = {
    "Poltava": "Полтава Полтави Полтаві Полтаву Полтавою Полтаві Полтаво",
    "Vinnytsia": "Вінниця Вінниці Вінниці Вінницю Вінницею Вінниці Віннице",
    "Sumy Oblast": "Сумська_область Сумської_області Сумській_області Сумську_область "
    "Сумською_областю Сумській_області Сумська_областе",
    "Lviv Oblast": "Львівська_область Львівської_області Львівській_області Львівську_область "
    "Львівською_областю Львівській_області Львівська_областе",
    "Krasnodar Krai": "Краснодарський_край Краснодарського_краю Краснодарському_краю "
    "Краснодарський_край Краснодарським_краєм Краснодарському_краї Краснодарський_краю",
    "Primorsky Krai": "Приморський_край Приморського_краю Приморському_краю Приморський_край "
    "Приморським_краєм Приморському_краї Приморський_краю",
}


def _cases(table, count):
    for place, forms in table.items():
        words = forms.split()
        assert len(words) == count
        for case, form in enumerate(words):
            yield pytest.param(form.replace("_", " "), place, id=f"{place}-{case}")


@pytest.mark.parametrize(("written", "place"), list(_cases(RUSSIAN, 6)))
def test_every_russian_case_resolves(written, place):
    assert geocode(written).place.name == place


@pytest.mark.parametrize(("written", "place"), list(_cases(UKRAINIAN, 7)))
def test_every_ukrainian_case_resolves(written, place):
    assert geocode(written).place.name == place


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Ростова-на-Дону", "Rostov-on-Don"),
        ("Ростову-на-Дону", "Rostov-on-Don"),
        ("Комсомольске-на-Амуре", "Komsomolsk-on-Amur"),
        ("Петропавловске-Камчатском", "Petropavlovsk-Kamchatsky"),
        ("Каменске-Уральском", "Kamensk-Uralsky"),
        ("Нижнем Новгороде", "Nizhny Novgorod"),
        ("Білій Церкві", "Bila Tserkva"),
        ("Кривому Розі", "Kryvyi Rih"),
        ("з Нової Каховки", "Nova Kakhovka"),
        ("під Харковом", "Kharkiv"),
        ("в Тверской области", "Tver Oblast"),
    ],
)
def test_hyphenated_multiword_and_after_a_preposition(written, place):
    assert geocode(written).place.name == place


def test_adjectives_agree_with_their_noun():
    assert nominatives("Курской области")[0] == "Курская область"
    assert nominatives("Приморском крае")[0] == "Приморский край"
    assert nominatives("Нової Каховки")[0] == "Нова Каховка"
    assert nominatives("Ростова-на-Дону")[0] == "Ростов-на-Дону"


def test_latin_names_and_unknown_cyrillic_words_are_untouched():
    assert nominatives("Tomsk") == []
    assert geocode("Tomsk").place.name == "Tomsk"
    assert geocode("Шмутцбург").place is None  # no nominative makes a place of a nonsense word


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("В Томске и Кемерове задержали людей, сообщает издание.", "ru"),
        ("У Полтаві та Житомирі теж затримали людей.", "uk"),
        ("Protesters were detained in Tomsk and Kemerovo on Sunday.", "en"),
        ("Protesters in Tomsk chanted «Нет войне» and «Мир» at the police station.", "mixed"),
        ("В Томске задержали людей. У Полтаві та Житомирі затримали людей.", "mixed"),
        ("Сегодня в городе прошла акция против войны", "ru"),  # no marker letter: dictionaries
        ("", ""),
        ("1234 — 5678", ""),
    ],
)
def test_language_of_a_text(text, language):
    assert detect_language(text) == language


def test_events_files_take_case_forms(tmp_path):
    """Place names in an events file go through the same lookup: written as the article has
    them, inflected, they resolve."""
    import geomap

    path = tmp_path / "events.yaml"
    path.write_text(
        "title: Case forms\n"
        "events:\n"
        "  - id: one\n"
        "    layer: protests\n"
        "    title: Pickets\n"
        "    summary: Pickets in two places.\n"
        "    date: 2022-03-12\n"
        "    places: [в Воронеже, Тверской области]\n"
        "    certainty: reported\n"
        "  - id: two\n"
        "    layer: crossings\n"
        "    title: A route\n"
        "    summary: From one town to another.\n"
        "    date: 2022-03-13\n"
        "    route: [з Вінниці, до Львова]\n"
        "    certainty: reported\n",
        encoding="utf-8",
    )
    located = geomap.locate_events(geomap.load_events(path))
    text = located.to_json()
    for place in ("Voronezh", "Tver Oblast", "Vinnytsia", "Lviv"):
        assert place in text, place


# Word beginnings and invented words (none a name the tests above use) for checking that the
# nominative read from a word's paradigm is pymorphy3's own `inflect({"nomn"})`.
_KNOWN_BEGINNINGS = ("кам", "зел", "бор", "гор", "чер", "мос", "сел", "вод", "жов", "біл")
_INVENTED = [
    stem + ending
    for stem in ("пыхте", "зарубин", "кудрявц", "мелехів", "бжезин", "щорськ")
    for ending in ("ском", "ской", "ского", "ке", "ой", "ым", "ами", "ах", "ів", "ській", "ську")
] + ["псевдо" + w for w in ("город", "области", "краю", "степи")]


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_nominatives_read_from_the_paradigm_are_pymorphys_own(language):
    from pymorphy3.units import DictionaryAnalyzer

    from geomap.gazetteer.morphology import _nominative_of, analyzer

    morph = analyzer(language)
    words = list(_INVENTED)
    for beginning in _KNOWN_BEGINNINGS:
        words += [p.word for _, p in zip(range(400), morph.iter_known_word_parses(beginning))]
    shapes, compared = set(), 0
    for word in words:
        for p in morph.parse(word):
            expected = p.inflect({"nomn"})
            assert _nominative_of(p) == (expected.word if expected else None), (word, p)
            shapes.add(tuple(type(m[0]).__name__ for m in p.methods_stack))
            compared += 1
    assert compared > 3000
    # every way a reading comes by its paradigm was compared: the dictionary, a known ending,
    # a prefix before a known word
    assert {("DictionaryAnalyzer",), ("FakeDictionary", "KnownSuffixAnalyzer")} <= shapes
    assert any(len(s) > 1 and s[0] == DictionaryAnalyzer.__name__ for s in shapes)


@pytest.mark.parametrize(
    "word", ["Kharkiv", "Rostov-na-Donu", "Ελλάδα", "Łódź", "O'Neil", "XII", "x-ray", "straße"]
)
def test_a_word_without_cyrillic_letters_is_its_own_form(word):
    """word_forms answers such a word without pymorphy3, which reads it as Latin, a number or
    unknown: no reading of any part of it is a noun or adjective word_forms would inflect."""
    from geomap.gazetteer.morphology import parses, word_forms

    for language in ("ru", "uk"):
        assert word_forms(word, language) == ((word.casefold(), None, None, None),)
        for part in {word.casefold(), *word.casefold().split("-")}:
            for p in parses(part, language):
                assert p.tag.POS not in ("NOUN", "ADJF", "PRTF") or "LATN" in p.tag.grammemes


@pytest.mark.parametrize("word", ["Житомирі", "ВОРОНЕЖЕ", "Нижнем", "Каменске-Уральском"])
def test_a_words_forms_do_not_depend_on_its_capitals(word):
    """Forms are kept per lowercase word, so the finder (which asks as written) and the feature
    index (which asks in lowercase) share them: both must get what the lowercase word gets."""
    from geomap.gazetteer.morphology import nominative_keys, word_forms
    from geomap.gazetteer.normalize import normalize

    for language in ("ru", "uk"):
        forms = word_forms(word.casefold(), language)
        assert word_forms(word, language) == forms
        assert nominative_keys(word, language) == tuple(normalize(f[0]) for f in forms)
        assert all(f[0] == f[0].casefold() for f in forms)


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("Томске", "ru", ("ru",)),  # a Russian text is read by Russian rules alone
        ("Полтави", "uk", ("uk",)),  # a Ukrainian text by Ukrainian ones
        ("Харкові", "ru", ("uk",)),  # a letter only Ukrainian writes, in any text
        ("Харкові", None, ("uk",)),
        ("Брянске", "uk", ("ru", "uk")),  # a word only the Russian dictionary knows
        ("Объединение", "uk", ("ru",)),  # a letter only Russian writes
        ("Томске", "mixed", ("ru", "uk")),  # a mixed text, or a single name: both
        ("Томске", None, ("ru", "uk")),
    ],
)
def test_the_text_s_language_chooses_the_dictionary(word, language, expected):
    assert languages_for(word, language) == expected


def test_a_russian_quotation_in_a_ukrainian_text_is_read_by_russian_rules():
    text = (
        "Прокурор заявив: «Его задержали в Брянске». Суд у Полтаві відклав справу, бо свідки "
        "не з'явилися, а адвокати попросили час на підготовку до нового засідання. "
    ) * 2
    found = extract(text)
    assert found.language == "uk"
    assert [m.place.name for m in found.mentions] == ["Bryansk", "Poltava"] * 2


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # the surname "Малій" is indeclinable: its seven readings, one per case, are one form
        ("Снаряд влучив у будинок у Малій Токмачці, повідомили рятувальники.", "Mala Tokmachka"),
        (
            "Окупанти обстріляли Малу Токмачку з артилерії, повідомили рятувальники.",
            "Mala Tokmachka",
        ),
    ],
)
def test_an_indeclinable_reading_does_not_crowd_out_the_others(sentence, place):
    assert [m.place.name for m in extract(sentence).mentions if m.place] == [place]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # Russia's neuter towns, written the Ukrainian way: -е for the Russian -о, any case
        ("Вночі були вибухи у Шебекиному, повідомили місцеві жителі.", "Shebekino"),
        ("Бої біля Глушкового тривають, повідомили військові.", "Glushkovo"),
        ("Жителів Тьоткіного евакуювали, повідомили військові.", "Tëtkino"),
    ],
)
def test_ukrainian_spellings_of_russian_neuter_towns(sentence, place):
    found = extract(sentence)
    assert found.language == "uk"
    assert [m.place.name for m in found.mentions if m.place] == [place]


def test_a_ukrainian_neuter_name_the_gazetteer_holds_comes_before_its_russian_spelling():
    # Ukraine's own towns in -е keep their Ukrainian name first: the Russian ending is tried
    # after it, never instead
    forms = [f[0] for f in word_forms("шебекиному", "uk")]
    assert forms.index("шебекине") < forms.index("шебекино")
    found = extract("Вночі росіяни обстріляли Курахове, а вранці знову вдарили по Кураховому.")
    assert [m.place.name for m in found.mentions if m.place] == ["Kurakhove", "Kurakhove"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # a town in -ів keeps -ов-/-ев- in its other cases, where the dictionary may not know it
        ("Бригади стоять під Любешовом, повідомили волонтери.", "Liubeshiv"),
        ("Волонтери з Тячева зібрали гроші для бригади.", "Tiachiv"),
        ("Мешканці Жидачева скаржаться на воду, повідомили в громаді.", "Zhydachiv"),
    ],
)
def test_ukrainian_towns_in_iv_in_their_other_cases(sentence, place):
    assert [m.place.name for m in extract(sentence).mentions if m.place] == [place]


@pytest.mark.parametrize("written", ["Куп’янська", "Купʼянська", "Куп'янська"])
def test_the_apostrophe_ukrainian_writes_in_any_form(written):
    # the dictionaries spell U+0027; read so, "’" and "ʼ" give the town's genitive too
    assert geocode(written).place.name == "Kupiansk"


@pytest.mark.parametrize(
    "written",
    # a short possessive adjective declines as a noun: the dictionary reads "часовым" as
    # the full adjective "часовой" only
    ["Часов Яр", "Часова Яра", "Часову Яру", "Часовым Яром", "Часовом Яре"],
)
def test_a_name_that_begins_with_a_short_possessive_in_every_russian_case(written):
    sentence = f"По данным Генштаба, бои шли у города {written} всю ночь."
    found = [m.place.name for m in extract(sentence).mentions if m.place]
    assert found == ["Chasiv Yar"]
    assert geocode(written).place.name == "Chasiv Yar"


def test_a_preposition_that_begins_a_sentence_is_read_as_written():
    assert [m.place.name for m in extract("Из Никиты уехали почти все жители.").mentions] == [
        "Nikita"
    ]
