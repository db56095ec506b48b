"""Place extraction from article text: the report, a second article, the rules, reading files."""

import os
import time
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract import (
    Article,
    ArticleError,
    article_from_bytes,
    extract,
    index_for,
    read_article,
)
from geomap.gazetteer import default_gazetteer

ARTICLES = Path(__file__).resolve().parent / "corpus" / "articles"
REPORT = (
    Path(__file__).resolve().parents[2] / "shared/article/war-resistance-in-russia-and-ukraine.txt"
)
SECOND = ARTICLES / "leaving-by-night.md"

# The report lives in shared/ beside the checkout (not copied into the repo: it is not our
# text). Without it the tests skip on a developer's machine, but CI must have it.
needs_report = pytest.mark.skipif(
    not REPORT.exists() and not os.environ.get("CI"), reason=f"the report is not at {REPORT}"
)


def expected(name):
    """(start, end, text, place id or '-') rows of an expected-mentions file."""
    rows = []
    for line in (ARTICLES / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            start, end, text, place = line.split("\t")
            rows.append((int(start), int(end), text, place))
    return rows


def found(extraction):
    mentions = sorted(extraction.mentions + extraction.unresolved, key=lambda m: m.start)
    return [
        (m.start, m.end, " ".join(m.text.split()), m.place.id if m.place else "-") for m in mentions
    ]


@pytest.fixture(scope="module")
def report():
    return extract(read_article(REPORT))


@pytest.fixture(scope="module")
def second():
    return extract(read_article(SECOND))


# --- the two articles ------------------------------------------------------------------------


@needs_report
def test_expected_rows_match_the_report_text():
    text = read_article(REPORT).text
    for start, end, written, _ in expected("war-resistance-in-russia-and-ukraine.expected.tsv"):
        assert " ".join(text[start:end].split()) == written


@needs_report
def test_report_every_place_found_and_resolved(report):
    assert found(report) == expected("war-resistance-in-russia-and-ukraine.expected.tsv")
    assert report.unresolved == []


@needs_report
def test_report_places(report):
    ids = {p.id for p in report.places}
    assert {
        "RU",
        "UA",
        "PL",
        "RO",
        "MD",
        "HU",
        "GE-SO",
        "UA-DPR",
        "UA-21",
        "RU-ZAB",
        "RU-PRI",
        "RU-KDA",
        "RU-LEN",
        "RU-BEL",
        "UA-05",
        "UA-77",
        "UA-51",
        "UA-46",
        "cp:mohyliv-podilskyi-otaci",
        "gn:704839",
        "gn:706483",
        "gn:479561",
        "gn:554840",
        "gn:538560",
    } <= ids
    assert len(ids) == 46


@needs_report
def test_report_site_furniture_is_not_the_report(report):
    text = report.article.text
    skipped = report.article.skipped
    assert skipped[0][:2] == (0, text.index("\n"))  # the breadcrumb
    assert skipped[-1][:2] == (
        text.index("Photo of author"),
        len(text),
    )  # author box, related links
    for mention in report.mentions:
        assert not any(s <= mention.start < e for s, e, _ in skipped)
    for name in (
        "Muswell Hill",
        "London",
        "Birmingham",
        "Providence",
        "Rhode Island",
        "USA",
        "Brown University",
        "NATO",
        "Europe",
        "South Asia",
        "United States",
    ):
        assert not any(m.text == name for m in report.mentions)


@needs_report
def test_whole_text_still_maps_no_author_box_town(report):
    """Without skipping the furniture, the author box's places are the real ones it names
    (London, Providence: the gazetteer holds the world's towns) and nothing mistaken: not
    "University" (a town in Florida) in "the University of Birmingham", not "Island" (Iceland
    in German) in "Rhode Island", not a town called Asia in "South Asia"."""
    whole = extract(read_article(REPORT, whole=True))
    tail = whole.article.text.index("Photo of author")
    extra = {(m.text, m.place.country) for m in whole.mentions if m.start >= tail}
    assert extra == {
        ("United States", "US"),
        ("Ukraine", "UA"),
        ("Russia", "RU"),
        ("Muswell Hill", "GB"),
        ("London", "GB"),
        ("Birmingham", "GB"),
        ("Providence", "US"),
    }
    assert whole.unresolved == []


def test_second_article(second):
    assert found(second) == expected("leaving-by-night.expected.tsv")
    [pryazovia] = second.unresolved
    assert (
        pryazovia.text == "Pryazovia region"
        and pryazovia.reason == "no such place"
        and pryazovia.suggestions
    )


@needs_report
def test_report_is_fast(report):
    article = read_article(REPORT)
    index_for(default_gazetteer())  # built once per process, like the gazetteer itself
    times = []
    for _ in range(5):
        start = time.perf_counter()
        extract(article)
        times.append(time.perf_counter() - start)
    assert min(times) < 0.1, f"best of 5: {min(times) * 1000:.0f} ms"


# --- the rules, one sentence at a time -------------------------------------------------------


def places_in(text):
    result = extract(Article.from_text(text, whole=True))
    return [
        (m.text, m.place.id if m.place else None)
        for m in sorted(result.mentions + result.unresolved, key=lambda m: m.start)
    ]


@pytest.mark.parametrize(
    "text, places",
    [
        # adjectives name a country only before a word for land
        ("Men queued at the Polish border.", [("Polish", "PL")]),
        ("Polish volunteers handed out tea.", []),
        ("The Polish-Ukrainian border was closed.", [("Polish", "PL"), ("Ukrainian", "UA")]),
        ("The Ukrainian Border Service said so; Russian troops left.", []),
        ("They crossed from Russian territory.", [("Russian", "RU")]),
        ("The Chechen fighters and French journalists left.", []),
        # descriptors, lists and hints
        (
            "Shelling hit Kherson oblast and Одеська область.",
            [("Kherson oblast", "UA-65"), ("Одеська область", "UA-51")],
        ),
        (
            "In the Kharkiv, Sumy and Chernihiv regions it went on.",
            [("Kharkiv", "UA-63"), ("Sumy", "UA-59"), ("Chernihiv regions", "UA-74")],
        ),
        (
            "Cases in Ingushetia, St. Petersburg, Tula and Pskov regions.",
            [
                ("Ingushetia", "RU-IN"),
                ("St. Petersburg", "gn:498817"),
                ("Tula", "RU-TUL"),
                ("Pskov regions", "RU-PSK"),
            ],
        ),
        (  # a region by itself inside the list does not end it
            "Drones struck the Belgorod, Crimea, Kursk and Bryansk regions.",
            [
                ("Belgorod", "RU-BEL"),
                ("Crimea", "UA-43"),
                ("Kursk", "RU-KRS"),
                ("Bryansk regions", "RU-BRY"),
            ],
        ),
        (
            "Residents of Koryukovka (Chernihiv region) met the tanks.",
            [("Koryukovka (Chernihiv region)", "gn:704839")],
        ),
        (
            "She moved from Donetsk, Rostov region to Kharkiv, Ukraine.",
            [("Donetsk, Rostov region", "gn:565348"), ("Kharkiv, Ukraine", "gn:706483")],
        ),
        (
            "Refugees came through the Mogilev-Podolsky checkpoint and the town of Chop.",
            [
                ("Mogilev-Podolsky checkpoint", "cp:mohyliv-podilskyi-otaci"),
                ("town of Chop", "gn:710409"),
            ],
        ),
        (
            "Twelve men of the Krasnodar Territory OMON refused.",
            [("Krasnodar Territory", "RU-KDA")],
        ),
        ("Then the Trans-Baikal Territory.", [("Trans-Baikal Territory", "RU-ZAB")]),
        # possessives, spellings, scripts
        (
            "Kharkiv's metro and Odesa’s port reopened.",
            [("Kharkiv", "gn:706483"), ("Odesa", "gn:698740")],
        ),
        (
            "Residents of the Donetsk People’s Republic report it.",
            [("Donetsk People’s Republic", "UA-DPR")],
        ),
        ("Signs read Харків and Запоріжжя.", [("Харків", "gn:706483"), ("Запоріжжя", "gn:687700")]),
        # common English words that are towns
        (
            "He was born in Bor, near Nizhny Novgorod. Bor is small.",
            [("Bor", "gn:572665"), ("Nizhny Novgorod", "gn:520555")],
        ),
        ("Bar owners met in a bar. Never again. Is it true? Police came.", []),
        ("Rallies in Perm and Chop; we chop wood.", [("Perm", "gn:511196"), ("Chop", "gn:710409")]),
        ("Human Rights Watch said SIM cards were sold; UK and US officials; NATO.", []),
        ("Boats sailed along the Ob. The Dnipro river and the Sea of Azov flooded.", []),
        ("Molotov cocktails hit the office. Paris agreed.", []),
        # parts of longer proper names
        ("Anna Koval lives in Anna. The Kyiv Independent reported it.", [("Anna", "gn:581671")]),
        # …and a place no gazetteer entry matches is listed as not resolved, never guessed
        (
            "She taught in Providence, Rhode Island, at Brown University.",
            [("Providence", "gn:5224151")],  # the city in Rhode Island; not "Island" (Iceland)
        ),
        # a heading: capitals prove nothing, but names still count
        ("KHARKIV UNDER FIRE", [("KHARKIV", "gn:706483")]),
        # looks like a place, does not resolve
        ("Fighting in Foobar oblast.", [("Foobar oblast", None)]),
        (
            "Troops advanced near Robotyne, south of Orikhiv.",
            [("Robotyne", None), ("Orikhiv", "gn:698428")],
        ),
        # a checkpoint named with its descriptor (Russia's crossings are in the gazetteer)
        (
            "Queues grew at the Upper Lars crossing.",
            [("Upper Lars crossing", "cp:verkhny-lars-dariali")],
        ),
        ("It was posted in Telegram channels in March, written in Cyrillic.", []),
        ("Rallies in Vinnitsa.", [("Vinnitsa", None)]),
    ],
)
def test_rules(text, places):
    assert places_in(text) == places


def test_unresolved_have_suggestions():
    result = extract(Article.from_text("Rallies in Vinnitsa and Foobar oblast.", whole=True))
    vinnitsa, foobar = result.unresolved
    assert vinnitsa.reason == "ambiguous" and any("Vinnytsia" in s for s in vinnitsa.suggestions)
    assert foobar.reason == "no such place"
    assert result.mentions == []


def test_mention_fields_and_json():
    result = extract(Article.from_text("Men fled to Poland.\n\nThen Odessa area.", whole=True))
    poland, odessa = result.mentions
    assert (poland.start, poland.end, poland.paragraph, poland.sentence) == (12, 18, 1, (0, 19))
    assert odessa.query == "Odessa area" and odessa.place.id == "UA-51" and odessa.paragraph == 2
    data = result.to_dict()
    assert data["mentions"][1]["place"]["kind"] == "region"
    assert 0 < data["mentions"][0]["confidence"] <= 1


# --- reading files ---------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Page title</title>
<meta property="article:published_time" content="2022-04-01T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/ukraine">Ukraine</a></nav>
<article><h1>Protests in Kharkiv</h1>
<p>Police detained 40 people in Odesa &amp; <b>Lviv</b> on Sunday.</p>
<aside class="related">Read also: Kyiv rebuilds</aside></article>
<footer>Muswell Hill, London</footer><script>var Moscow = 1;</script></body></html>"""


def test_html_offsets_are_into_the_text_after_stripping_tags(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.format == "html" and "<p>" not in article.text and "Odesa & Lviv" in article.text
    result = extract(article)
    assert [(m.text, article.text[m.start : m.end]) for m in result.mentions] == [
        ("Kharkiv", "Kharkiv"),
        ("Odesa", "Odesa"),
        ("Lviv", "Lviv"),
    ]
    assert article.meta == {
        "title": "Page title",
        "h1": "Protests in Kharkiv",
        "date": "2022-04-01T10:00:00Z",
    }
    kyiv = article.text.index("Kyiv")
    assert any(s <= kyiv < e for s, e, _ in article.skipped)  # the related-links box


@needs_report
def test_report_as_an_html_page_gives_the_same_places():
    import html

    lines = [line for line in REPORT.read_text(encoding="utf-8").splitlines() if line.strip()]
    author = lines.index("Photo of author")
    paragraphs = lambda part: "".join(f"<p>{html.escape(line)}</p>\n" for line in part)  # noqa: E731
    page = (
        f'<!doctype html><html><head><title>T</title></head><body><nav class="breadcrumb">'
        f"{html.escape(lines[0])}</nav><main><article>{paragraphs(lines[1:author])}</article>"
        f'<div class="author-box">{paragraphs(lines[author : author + 2])}</div>'
        f'<aside class="related-posts">{paragraphs(lines[author + 2 :])}</aside></main></body></html>'
    )
    article = article_from_bytes(page.encode(), "report.html")
    from_html = extract(article)
    from_text = extract(read_article(REPORT))
    assert [m.place.id for m in from_html.mentions] == [m.place.id for m in from_text.mentions]
    assert all(article.text[m.start : m.end] == m.text for m in from_html.mentions)
    assert [why for _, _, why in article.skipped][-1] == "site furniture after 'Photo of author'"


def test_paragraphs_of_wrapped_text_and_of_saved_pages():
    wrapped = Article.from_text(
        "# Title\nRallies were held\nin Kharkiv.\n\n- a list item\n  in Odesa\n- Lviv"
    )
    assert [wrapped.text[s:e] for s, e in wrapped.paragraphs] == [
        "# Title",
        "Rallies were held\nin Kharkiv.",
        "- a list item\n  in Odesa",
        "- Lviv",
    ]
    page = Article.from_text("Photo of author\n" + "I grew up in Lviv. " * 10, whole=True)
    assert len(page.paragraphs) == 2  # a line longer than 150 characters: one paragraph per line


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Rally in [Kharkiv](https://example.org/kharkiv)\n\nCrowds in *Lviv*.\n", encoding="utf-8"
    )
    article = read_article(path)
    assert article.format == "markdown"
    assert [m.text for m in extract(article).mentions] == ["Kharkiv", "Lviv"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the article is empty"),
        (b"  \n\n", "the article is empty"),
        (b"Kharkiv\n\xff\xfe", r"line 2: not valid UTF-8 \(byte 0xff\)"),
        (b"PK\x03\x04\x00\x00", "looks like a binary file"),
        (b"<html><body><script>x</script></body></html>", "the article is empty"),
    ],
)
def test_bad_articles(tmp_path, content, message):
    path = tmp_path / ("a.html" if b"<html>" in content else "a.txt")
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        read_article(path)


def test_missing_article_and_folder(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a folder"):
        read_article(tmp_path)
    assert issubclass(ArticleError, GeomapError)


def test_the_collector_is_paused_while_reading_and_nothing_is_left_to_collect():
    import gc

    text = "В Томске и Кемерове задержали людей. У Полтаві та Житомирі теж. Protests in Kazan."
    extract(text)
    gc.collect()
    found = extract(text)
    assert gc.isenabled()  # running again once the article is read
    del found
    assert gc.collect() == 0  # reading made no reference cycles: pausing lost nothing
    gc.disable()
    try:
        extract(text)
        assert not gc.isenabled()  # a caller's own choice is left as it was
    finally:
        gc.enable()
