"""Maps in English, Russian and Ukrainian (issue 17): the catalogues, CLDR formats and plural
forms, the table's order, event texts in several languages, and one events file mapped in
all three languages."""

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import EventsError, GeomapError
from geomap.events import load_events
from geomap.events.locate import PRECISION_ORDER
from geomap.events.record import CERTAINTIES
from geomap.events.schema import DEFAULT_LAYERS, GIVEN_PRECISIONS, Qualifier
from geomap.i18n import LANGUAGES, Words, sort_key
from geomap.map import assemble_map
from geomap.map.payload import decode_events
from geomap.outputs import embed_snippet, export_csv, render_html
from geomap.pipeline import locate

CORPUS = Path(__file__).parent / "corpus"
THREE = CORPUS / "three-languages.yaml"
PACKAGE = Path(__file__).resolve().parents[1] / "geomap"
# Entries whose translation may equal the English text: names and symbols, not words.
SAME_AS_ENGLISH = {"popup.heading", "dataset.mark_title"}  # placeholders and punctuation only


def _read(name):
    with resources.files("geomap.i18n").joinpath("messages", name).open("rb") as handle:
        return {m.context: m for m in read_po(handle) if m.id}


TEMPLATE = _read("geomap.pot")


# --- the catalogues ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_entry_is_translated_and_not_english(lang):
    translated = _read(f"{lang}.po")
    assert set(translated) == set(TEMPLATE), "the catalogue's keys differ from the template's"
    for key, english in TEMPLATE.items():
        message = translated[key]
        assert message.id == english.id, f"{lang}.po {key}: translated from an old English text"
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms), f"{lang}.po {key}: missing translation"
        english_forms = english.id if isinstance(english.id, tuple) else (english.id,)
        if key not in SAME_AS_ENGLISH:
            assert not set(forms) & set(english_forms), f"{lang}.po {key}: same as the English"
        placeholders = set(re.findall(r"\{(\w+)\}", english_forms[-1]))
        for form in forms:
            assert set(re.findall(r"\{(\w+)\}", form)) == placeholders, f"{lang}.po {key}: {form}"


def test_the_catalogue_has_a_word_for_every_value_the_map_names():
    keys = set(TEMPLATE)
    values = {f"precision.{p}" for p in (*PRECISION_ORDER, *GIVEN_PRECISIONS)}
    values |= {f"certainty.{c}" for c in CERTAINTIES}
    values |= {f"qualifier.{q}" for q in Qualifier.__args__}
    values |= {f"layer.{layer.id}" for layer in DEFAULT_LAYERS}
    values |= {f"layer.{layer.id}.description" for layer in DEFAULT_LAYERS}
    assert values - keys == set()


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    asked = set()
    for path in PACKAGE.rglob("*.js"):
        asked |= set(re.findall(r"words\.(?:get|plural)\(\"([\w.\- ]+)\"", path.read_text()))
    for path in [*PACKAGE.rglob("*.py")]:
        text = path.read_text()
        asked |= set(re.findall(r"words(?:\.plural)?\(\s*\"([a-z_]+\.[\w.\- ]+)\"", text))
    prefixes = {key for key in asked if key.endswith(".")}  # "precision." + a value: see above
    assert prefixes == {"certainty.", "precision.", "qualifier.", "scale."}
    asked -= prefixes
    assert len(asked) > 40  # the patterns still find the calls
    assert asked - set(TEMPLATE) == set()


def test_a_missing_key_in_the_page_fails_loud_not_blank():
    page_js = (PACKAGE / "map" / "page.js").read_text()
    assert 'throw new Error("the page has no words for " + key)' in page_js


# --- dates, numbers, plural forms --------------------------------------------------------------

EVENTS = {
    "ru": ["1 событие", "2 события", "5 событий", "11 событий", "21 событие", "101 событие"],
    "uk": ["1 подія", "2 події", "5 подій", "11 подій", "21 подія", "101 подія"],
    "en": ["1 event", "2 events", "5 events", "11 events", "21 events", "101 events"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms(lang):
    words = Words(lang)
    shown = [words.plural("count.events", n) for n in (1, 2, 5, 11, 21, 101)]
    assert shown == EVENTS[lang]


def test_plural_forms_of_other_numbers_and_words():
    ru, uk = Words("ru"), Words("uk")
    assert ru.plural("count.places", 3) == "3 места"
    assert ru.plural("count.places", 112) == "112 мест"
    assert uk.plural("count.places", 1001) == "1\u00a0001 місце"
    assert uk.plural("table.show", 24) == "Показати 24 події таблицею"
    assert ru.plural("count.events", 15000) == "15\u00a0000 событий"


@pytest.mark.parametrize(
    ("lang", "day", "month", "week"),
    [
        ("en", "21 September 2022", "September 2022", "week of 19 September 2022"),
        # CLDR writes a narrow no-break space (U+202F) between the year and г. or р.
        (
            "ru",
            "21 сентября 2022\u202fг.",
            "сентябрь 2022\u202fг.",
            "неделя с 19 сентября 2022\u202fг.",
        ),
        (
            "uk",
            "21 вересня 2022\u202fр.",
            "вересень 2022\u202fр.",
            "тиждень з 19 вересня 2022\u202fр.",
        ),
    ],
)
def test_dates_by_precision(lang, day, month, week):
    words = Words(lang)
    assert words.date("2022-09-21") == day
    assert words.date("2022-09-21", "month") == month
    # A week is named by its Monday (19 September), whichever of its days is given.
    assert words.date("2022-09-19", "week") == week
    assert words.date("2022-09-21", "week") == week
    assert words.date("2022-09-25", "week") == week
    with pytest.raises(ValueError, match="unknown date precision 'year'"):
        words.date("2022-09-21", "year")


def test_dates_known_to_the_month_or_week_in_the_page_block():
    words = Words("uk")
    assert words.dates("2022-03-01", "2022-03-31", precision="month") == "березень 2022\u202fр."
    block = words.page_block(days=["2022-03-21", ("2022-03-01", "month"), ("2022-03-07", "week")])
    assert block["dates"]["month"] == {"2022-03-01": "березень 2022\u202fр."}
    assert block["dates"]["week"] == {"2022-03-07": "тиждень з 7 березня 2022\u202fр."}
    assert list(block["dates"]["day"]) == ["2022-03-21"]


def test_date_ranges_and_figures_as_of():
    assert Words("ru").dates("2022-03-01", "2022-03-15", "2022-03-20") == (
        "1 марта 2022\u202fг. — 15 марта 2022\u202fг. (данные на 20 марта 2022\u202fг.)"
    )
    assert Words("uk").dates("2022-03-01", "2022-03-01") == "1 березня 2022\u202fр."


@pytest.mark.parametrize(
    ("lang", "value", "shown"),
    [
        ("en", 15000, "15,000"),
        ("ru", 15000, "15\u00a0000"),  # CLDR's group separator for ru and uk: no-break space
        ("uk", 1234567, "1\u00a0234\u00a0567"),
        ("ru", 2.5, "2,5"),
        ("uk", 0.125, "0,125"),
        ("en", 1.0, "1"),
    ],
)
def test_numbers(lang, value, shown):
    assert Words(lang).number(value) == shown


def test_unknown_language_is_one_clear_error():
    with pytest.raises(GeomapError, match="unknown map language 'de'; expected one of: en, ru, uk"):
        Words("de")
    result = CliRunner().invoke(cli, ["build", "--lang", "de", str(THREE)])
    assert result.exit_code == 2 and "'de' is not one of 'en', 'ru', 'uk'" in result.output


# --- the table's order ------------------------------------------------------------------------


def test_russian_order():
    words = ["яблоко", "Ёж", "еда", "ель", "жук", "apple", "Банан", "10 дней", "эхо", "ёлка"]
    assert sorted(words, key=lambda w: sort_key(w, "ru")) == [
        "10 дней", "Банан", "еда", "Ёж", "ёлка", "ель", "жук", "эхо", "яблоко", "apple",
    ]  # fmt: skip


def test_ukrainian_order():
    words = ["їжак", "ґанок", "гора", "єнот", "Ехо", "іній", "бук", "киця", "Zoo", "м'ята", "мати"]
    assert sorted(words, key=lambda w: sort_key(w, "uk")) == [
        "бук", "гора", "ґанок", "Ехо", "єнот", "іній", "їжак", "киця", "мати", "м'ята", "Zoo",
    ]  # fmt: skip


def test_english_order():
    words = ["Zaporizhzhia", "émigrés", "Київ", "apple", "Emigration"]
    assert sorted(words, key=lambda w: sort_key(w, "en")) == [
        "apple", "Emigration", "émigrés", "Zaporizhzhia", "Київ",
    ]  # fmt: skip


# --- event texts in several languages ----------------------------------------------------------


@pytest.fixture(scope="module")
def three_located():
    return locate([THREE])


@pytest.fixture(scope="module")
def three_pages(three_located):
    return {
        lang: render_html(
            assemble_map(three_located, lang=lang, self_contained=True, basemap="vector")
        )
        for lang in LANGUAGES
    }


def _blocks(page):
    found = re.findall(
        r'<script type="application/json" id="([\w-]+)"[^>]*>(.*?)</script>', page, re.S
    )
    return {block_id: json.loads(text) for block_id, text in found}


def _skeleton(value):
    """The shape of a payload: every text that has a letter replaced by one mark."""
    if isinstance(value, dict):
        return {k: _skeleton(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_skeleton(v) for v in value]
    if isinstance(value, str) and re.search(r"[^\W\d_]", value):
        return "T"
    return value


def _tags(page):
    """The page's markup without its text, its scripts' data and its lang marks; the table's
    rows as a sorted list (their order is the language's)."""
    page = re.sub(r"(<script[^>]*>).*?</script>", r"\1</script>", page, flags=re.S)
    page = re.sub(r' lang="[a-z]+"', "", page)
    page = re.sub(r"</?span>", "", page)
    page = re.sub(r'(title|aria-label|content)="[^"]*"', r'\1=""', page)
    page = re.sub(r">[^<]+<", "><", page)
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S)
    rows = sorted(re.findall(r"<tr[ >].*?</tr>", body.group(1), re.S))
    return page.replace(body.group(1), ""), rows


def test_three_maps_differ_only_in_text_and_table_order(three_pages):
    en, ru, uk = (three_pages[lang] for lang in LANGUAGES)
    assert '<html lang="en">' in en and '<html lang="ru">' in ru and '<html lang="uk">' in uk
    assert _tags(en) == _tags(ru) == _tags(uk)
    data = {lang: _blocks(page)["geomap-data"] for lang, page in three_pages.items()}
    for payload in data.values():
        payload.pop("languages")
    # The strings table's order follows the texts (a Russian place name differs from the
    # name written in the file, and is carried): compare the events as the page decodes them.
    events = {
        lang: decode_events(
            payload.pop("events"),
            payload["layers"],
            _blocks(three_pages[lang])["geomap-data-texts"],
        )["features"]
        for lang, payload in data.items()
    }
    assert _skeleton(data["en"]) == _skeleton(data["ru"]) == _skeleton(data["uk"])

    def facts(features):
        return [
            (
                f["geometry"],
                {k: v for k, v in f["properties"].items() if k in FACTS},
                [p["id"] for p in f["properties"]["places"]],
                {name: c["value"] for name, c in f["properties"]["counts"].items()},
            )
            for f in features
        ]

    assert facts(events["en"]) == facts(events["ru"]) == facts(events["uk"])
    named = {
        lang: {p["name"] for f in events[lang] for p in f["properties"]["places"]}
        for lang in events
    }
    assert {"Kharkiv", "Lviv"} <= named["en"]
    assert {"Уфа", "Ижевск"} <= named["ru"]
    # The file is written in English: in the other maps, the place as written gives way to
    # its name in the map's language (popups, table).
    written = {
        lang: {p["written"] for f in events[lang] for p in f["properties"]["places"]}
        for lang in events
    }
    assert "Kharkiv" in written["en"] and "Kharkiv" not in written["ru"] | written["uk"]
    assert {"Харьков", "Уфа"} <= written["ru"] and {"Харків", "Уфа"} <= written["uk"]
    assert {"Харків", "Львів"} <= named["uk"]


# What an event is, apart from its texts.
FACTS = ("id", "layer", "start", "end", "as_of", "certainty", "source_url")


def test_each_map_shows_its_language_and_marks_the_rest(three_pages):
    ru, uk, en = three_pages["ru"], three_pages["uk"], three_pages["en"]
    assert '<h1 id="geomap-title-heading">Сопротивление войне, весна 2022</h1>' in ru
    assert '<th scope="row">Дела о протестах в судах Петербурга</th>' in ru
    # Given in Russian, not in Ukrainian: the English original, marked.
    assert '<th scope="row">Цена незаконного перехода под Одессой</th>' in ru
    assert '<th scope="row" lang="en">Price of an illegal crossing near Odesa</th>' in uk
    assert '<span lang="en">Riot police resigned after losing their platoon.</span>' in uk
    assert "Примітка: <span" not in uk and "<i>Примітка: База підрозділу" in uk
    assert ' lang="' not in en.split("<body>", 1)[1].split("<script")[0]
    assert "близько 15\u00a0000" in uk and "до 5\u00a0000 EUR" in ru and "about 15,000" in en
    assert "Показать 7 событий таблицей" in ru and "Показати 7 подій таблицею" in uk
    languages = _blocks(uk)["geomap-data"]["languages"]
    assert languages["title"] == [None, None, None, None, None, "en", "en"]
    # The built-in layers in the map's language, from the catalogue.
    assert "Відмови та дезертирство" in uk and "Пересечения границы" in ru


def test_the_table_is_in_each_languages_order(three_pages):
    def titles(page):
        body = re.search(r"<tbody>(.*?)</tbody>", page, re.S).group(1)
        return re.findall(r'<th scope="row"[^>]*>(.*?)</th>', body)

    uk = titles(three_pages["uk"])
    assert uk[0].startswith("Іжевські") and uk[1].startswith("Контрактник")
    assert uk[-2:] == ["Anti-war protests in Moscow", "Price of an illegal crossing near Odesa"]
    assert titles(three_pages["en"])[0] == "Anti-war protests in Moscow"


def test_the_same_input_gives_the_same_bytes_in_every_language(three_located, three_pages):
    again = render_html(
        assemble_map(three_located, lang="ru", self_contained=True, basemap="vector")
    )
    assert again == three_pages["ru"]


def test_words_and_dates_of_the_page_are_pythons(three_pages):
    words = _blocks(three_pages["ru"])["geomap-words"]
    assert words["lang"] == "ru"
    assert words["messages"]["count.events"] == {
        "one": "{n} событие", "few": "{n} события", "many": "{n} событий", "other": "{n} событий",
    }  # fmt: skip
    assert words["dates"]["day"]["2022-03-21"] == "21 марта 2022\u202fг."
    assert words["numbers"]["15000"] == "15\u00a0000"


def test_csv_keeps_the_texts_of_every_language(tmp_path):
    events = load_events(THREE)
    path = tmp_path / "three.csv"
    path.write_text(export_csv(locate([THREE]), events), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert "#title[ru]," in text and ",title,title[ru],title[uk],summary," in text
    back = load_events(path)
    assert back.model_dump(mode="json") == events.model_dump(mode="json")


def test_a_file_in_russian_with_english_translations(tmp_path):
    path = tmp_path / "ru.yaml"
    path.write_text(
        "language: ru\ntitle: {ru: Забастовки, en: Strikes}\nlayers:\n"
        "  - {id: strikes, name: {ru: Забастовки, uk: Страйки}, color: '#b2182b'}\n"
        "events:\n  - {id: a, layer: strikes, title: Забастовка в Киеве, summary: Рабочие.,"
        " date: 2022-03-01, places: [Kyiv], certainty: confirmed}\n",
        encoding="utf-8",
    )
    located = locate([path])
    en = render_html(assemble_map(located, lang="en"))
    uk = render_html(assemble_map(located, lang="uk"))
    assert '<h1 id="geomap-title-heading">Strikes</h1>' in en
    assert '<th scope="row" lang="ru">Забастовка в Киеве</th>' in en
    assert "Страйки" in uk and '<h1 id="geomap-title-heading" lang="ru">Забастовки</h1>' in uk
    exported = tmp_path / "ru.csv"
    exported.write_text(export_csv(located, load_events(path)), encoding="utf-8")
    assert exported.read_text(encoding="utf-8").startswith("#language,ru\n#title,Забастовки\n")
    assert load_events(exported).model_dump() == load_events(path).model_dump()


def test_a_mapping_without_the_files_own_language_is_refused(tmp_path):
    path = tmp_path / "no-own.yaml"
    path.write_text(
        "events:\n  - id: a\n    layer: protests\n    title: {ru: Протест, uk: Протест}\n"
        "    summary: S.\n    date: 2022-03-01\n    places: [Kyiv]\n    certainty: confirmed\n",
        encoding="utf-8",
    )
    with pytest.raises(EventsError) as caught:
        load_events(path)
    message = str(caught.value)
    assert "line 4" in message and "title" in message
    assert "lack one in the file's own language, 'en'" in message


def test_csv_translation_rows_and_columns_are_checked(tmp_path):
    header = "id,layer,title,summary,date,places,certainty\n"
    row = "a,strikes,Strike,Workers.,2022-03-01,Lviv,confirmed\n"
    path = tmp_path / "layer.csv"
    path.write_text("#layer,strikes,Strikes,#b2182b\n#layer[uk],strike,Страйки\n" + header + row)
    with pytest.raises(EventsError, match=r"row 2: `#layer\[uk\]` translates the layer 'strike'"):
        load_events(path)
    path.write_text(
        header.replace("summary", "summary,reported_by[ru]")
        + row.replace("Workers.", "Workers.,кто")
    )
    with pytest.raises(
        EventsError, match=r"the column `reported_by\[ru\]` gives `reported_by` in ru"
    ):
        load_events(path)


def test_files_in_different_languages_are_not_mixed(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    body = "events:\n  - {{id: {0}, layer: protests, title: T, summary: S., date: 2022-03-01, places: [Kyiv], certainty: confirmed}}\n"
    first.write_text(body.format("a"))
    second.write_text("language: ru\n" + body.format("b"))
    with pytest.raises(EventsError, match=r"written in different languages \(en, ru"):
        locate([first, second])


def test_check_lists_what_has_no_text_in_the_language():
    result = CliRunner().invoke(cli, ["check", str(THREE), "--lang", "uk"])
    assert result.exit_code == 0, result.output
    assert "No uk text (6):" in result.output
    assert "event odesa-paid-crossings: title, summary" in result.output
    assert "event spb-court-cases" not in result.output
    whole = CliRunner().invoke(cli, ["check", str(THREE), "--lang", "en"])
    assert "Every text is given in en." in whole.output


def test_embed_fallback_in_the_maps_language(tmp_path):
    snippet = embed_snippet("map.html", title="Карта", lang="ru")
    assert (
        '<p class="geomap-embed-fallback" lang="ru"><a href="map.html">Карта (открыть карту)</a>'
        in snippet
    )
    page = tmp_path / "uk.html"
    page.write_text(render_html(assemble_map(locate([THREE]), lang="uk")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["embed", str(page)])
    assert "(відкрити мапу)</a>" in result.output and 'lang="uk"' in result.output
