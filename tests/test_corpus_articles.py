"""The hand-checked article corpus (tests/corpus/articles/*.expected.tsv) cannot rot: every row's
offsets hold its words in the text geomap reads, every place id is in the gazetteer or a
well-formed placeholder, and every article has its list. Also the benchmark's scoring rules
(bench/extract.py) and the offset helper (bench/make_expected.py) on small inputs."""

import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest

from geomap.extract import read_article
from geomap.gazetteer import Gazetteer

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load(name, module_name=None):
    """A bench script as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        module_name or f"bench_{name}", BENCH / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load("corpus", "corpus")  # the name the bench scripts import it by
ENTRIES = corpus.discover()
PLACEHOLDER = re.compile(r"^\?[a-z-]+:[^,\t]+(,[A-Z]{2})?$")


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _text(entry):
    if entry.article is None:
        if os.environ.get("CI"):
            pytest.fail(f"{entry.expected.name}: its article is missing")
        pytest.skip(f"{entry.name}: the article is not on this machine (shared/article/)")
    return read_article(entry.article).text


def test_the_corpus_has_the_articles_the_issues_ask_for():
    languages = [e.language for e in ENTRIES]
    assert languages.count("en") >= 6 and languages.count("ru") >= 3
    assert languages.count("uk") >= 3


def test_every_article_has_its_expected_list():
    articles = {
        p.name.split(".")[0]
        for p in corpus.ARTICLES.iterdir()
        if not p.name.endswith((corpus.SUFFIX, ".extract.json"))
    }
    assert articles - {e.name for e in ENTRIES} == set()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_rows_hold_their_words_in_reading_order(entry):
    text = _text(entry)
    previous_end = 0
    for row in entry.rows:
        where = f"{entry.expected.name}:{row.line}"
        assert row.start >= previous_end, f"{where}: rows overlap or are out of order"
        assert corpus.same_words(text[row.start : row.end], row.words), (
            f"{where}: {row.start}-{row.end} holds {text[row.start : row.end]!r}, not "
            f"{row.words!r}; run bench/make_expected.py --relocate"
        )
        previous_end = row.end


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_every_place_is_in_the_gazetteer_or_a_placeholder(entry, gazetteer):
    ids = {place.id for place in gazetteer}
    for row in entry.rows:
        where = f"{entry.expected.name}:{row.line}: {row.place!r}"
        if row.placeholder:
            assert PLACEHOLDER.match(row.place), f"{where}: expected ?kind:Name[,CC]"
        elif not row.must_not_map:
            assert row.place in ids, f"{where} is not in the gazetteer"


def test_a_row_without_offsets_is_one_clear_error(tmp_path):
    bad = tmp_path / "x.expected.tsv"
    bad.write_text("# language: en\nKharkiv\tgn:706483\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=r"x.expected.tsv:2: expected start, end"):
        corpus.read_expected(bad)
    bad.write_text("# language: de\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=r":1: language 'de'; expected one of en"):
        corpus.read_expected(bad)


def test_make_expected_finds_words_after_the_previous_row_and_across_lines(tmp_path):
    helper = _load("make_expected")
    text = "Nice weather. We flew to\nNice, then to Nice again; Kursk\nregion."
    assert helper.locate(text, "Nice", 0) == (0, 4)
    assert helper.locate(text, "to {Nice}", 0) == (25, 29)  # context skips the first one
    assert helper.locate(text, "Nice", 30) == (39, 43)
    assert helper.locate(text, "Kursk region", 0) == (51, 63)  # a line break is a space
    assert helper.locate(text, "Nice", 0, near=40) == (39, 43)  # --relocate: the nearest
    with pytest.raises(corpus.CorpusError, match="'Bath' not found"):
        helper.locate(text, "Bath", 0)

    article = tmp_path / "a.md"
    article.write_text("From Kharkov to\nOdessa.\n", encoding="utf-8")
    expected = tmp_path / "a.expected.tsv"
    expected.write_text("# language: en\nKharkov\tgn:706483\nOdessa\tgn:698740\n", "utf-8")
    content, rows, _, _ = helper.fill(expected, relocate=False)
    assert rows == [(5, 12, "Kharkov", "gn:706483"), (16, 22, "Odessa", "gn:698740")]
    assert content.endswith("5\t12\tKharkov\tgn:706483\n16\t22\tOdessa\tgn:698740\n")


def test_the_benchmark_scores_each_class_of_answer(gazetteer):
    bench = _load("extract")
    text = "Dnipro. Sergey. Kharkiv. Tbilisi. Lviv. Poltava."
    rows = [
        corpus.Row(0, 6, "Dnipro", "?river:Dnipro", 1),  # a town for a river: wrong
        corpus.Row(8, 14, "Sergey", "-", 2),  # a person mapped: wrong, on "-"
        corpus.Row(16, 23, "Kharkiv", "gn:706483", 3),  # right
        corpus.Row(25, 32, "Tbilisi", "?city:Tbilisi,GE", 4),  # missed today
        corpus.Row(34, 38, "Lviv", "gn:702550", 5),  # another place: wrong
    ]
    found = [
        (0, 6, "gn:709930"),
        (8, 14, "gn:694435"),
        (16, 23, "gn:706483"),
        (16, 23, "gn:706483"),  # the same mention twice counts once
        (34, 38, "UA-46"),
        (40, 47, "gn:696643"),  # where no row is: wrong
    ]
    score = bench.score(found, rows, gazetteer, text)
    assert (score.right, score.wrong, score.mapped_not_a_place, score.provisional) == (1, 4, 1, 0)
    assert score.wanted == 4 and score.wanted_known == 2
    assert score.precision == pytest.approx(1 / 5) and score.recall == pytest.approx(1 / 4)
    assert score.recall_known == pytest.approx(1 / 2)
    assert len(score.misses) == 3


def test_a_placeholder_is_provisional_only_for_a_place_of_its_name_country_and_sort(gazetteer):
    bench = _load("extract")
    kharkiv, oblast = gazetteer.get("gn:706483"), gazetteer.get("UA-63")
    assert bench.fits("?city:Kharkiv,UA", kharkiv)
    assert bench.fits("?city:Kharkov,UA", kharkiv)  # any of its names
    assert not bench.fits("?city:Kharkiv,RU", kharkiv)  # another country
    assert not bench.fits("?river:Kharkiv", kharkiv)  # a town is not a river
    assert not bench.fits("?group:Kharkiv Oblast", oblast)  # one region is not a group
    assert not bench.fits("?checkpoint:Kharkiv", kharkiv)
