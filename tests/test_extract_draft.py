"""`geomap extract` on the command line, and the draft events file it writes."""

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import EventsError
from geomap.events import load_events
from geomap.extract import ArticleError, extract, read_article
from geomap.extract.draft import article_date, article_title, draft_events

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


def run(*args, input=None):
    return CliRunner().invoke(cli, ["extract", *map(str, args)], input=input)


# --- the command -----------------------------------------------------------------------------


@needs_report
def test_cli_lists_every_mention_and_exits_0():
    result = run(REPORT)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 88
    assert lines[0].split("\t")[:4] == ["100–106", "Russia", "Russia (country, RU)", "RU"]
    assert (
        "Koryukovka (Chernihiv region)\tKoriukivka (town, Chernihiv Oblast, UA)\tgn:704839"
        in result.stdout
    )
    assert "88 mentions of 46 places, 0 not resolved; skipped navigation" in result.stderr


def test_cli_unresolved_exit_1_and_json():
    result = run(SECOND, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["article"].endswith("leaving-by-night.md") and data["format"] == "markdown"
    assert len(data["mentions"]) == 47
    [pryazovia] = data["unresolved"]
    assert pryazovia["text"] == "Pryazovia region"
    assert pryazovia["place"] is None and pryazovia["suggestions"]
    text = run(SECOND).stdout.splitlines()
    assert text[-1].startswith(
        "2693–2709\tPryazovia region\tnot resolved: no such place; did you mean "
    )


def test_cli_reads_stdin():
    result = run("-", input=b"Rallies in Kharkiv and the Odessa area.")
    assert result.exit_code == 0
    assert [line.split("\t")[3] for line in result.stdout.splitlines()] == ["gn:706483", "UA-51"]


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.txt", "no such file"),
        (
            lambda p: (
                (p / "latin1.txt").write_bytes(b"Kharkiv\nOdessa \xe9t\xe9") and p / "latin1.txt"
            ),
            r"line 2: not valid UTF-8 \(byte 0xe9\). Save the article as UTF-8",
        ),
        (lambda p: (p / "empty.txt").write_bytes(b"") or p / "empty.txt", "the article is empty"),
    ],
)
def test_cli_bad_input_exit_2_no_traceback(tmp_path, make, message):
    result = run(make(tmp_path))
    assert result.exit_code == 2
    assert re.search(message, result.stderr) and "Traceback" not in result.output


# --- the draft -------------------------------------------------------------------------------


@needs_report
def test_draft_of_the_report_builds_a_map_once_layers_are_filled(tmp_path):
    from geomap.pipeline import build

    draft = tmp_path / "draft.yaml"
    result = run(REPORT, "--draft", draft, "--date", "2022-04-01")
    assert result.exit_code == 0 and f"Wrote {draft} (26 events)" in result.stderr
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert data["source"]["title"] == "War Resistance in Russia and Ukraine"
    assert data["source"]["url"] == "https://aitrus.info/node/5941"
    events = data["events"]
    assert all(e["layer"] == "" and e["certainty"] == "unverified" for e in events)
    assert all(e["date"] == dt.date(2022, 4, 1) for e in events)
    regions = next(e for e in events if "Kemerovo region" in e["places"])
    assert regions["title"].startswith("Paragraph 11: Russia, Republic of Adygea")
    assert re.fullmatch(r"TODO: summarise paragraph 11 \(characters \d+–\d+\)", regions["summary"])

    # `geomap check` refuses it, naming each event, until every layer is filled in
    checked = CliRunner().invoke(cli, ["check", str(draft)])
    assert checked.exit_code == 2
    assert "line 12 (event paragraph-3), field events.layer: expected a layer id" in checked.stderr
    with pytest.raises(EventsError):
        load_events(draft)

    # an editor gives each event a layer: the map builds
    layers = [
        "protests",
        "prosecutions",
        "crossings",
        "desertion",
        "civil-resistance",
        "mobilisation",
    ]
    text = draft.read_text(encoding="utf-8")
    for n in range(len(events)):
        text = text.replace('layer: ""', f"layer: {layers[n % len(layers)]}", 1)
    filled = tmp_path / "filled.yaml"
    filled.write_text(text, encoding="utf-8")
    built = build([filled], tmp_path / "map.html")
    assert built.path.exists() and sum(built.events_per_layer.values()) == 26
    assert built.places_resolved == 46


@needs_report
def test_draft_copies_no_article_sentences():
    """Event titles and summaries name places and point at characters; no six words of the
    article's running text appear in them."""
    extraction = extract(read_article(REPORT))
    words = re.findall(r"\w+", extraction.article.text)
    phrases = {" ".join(words[i : i + 6]) for i in range(len(words) - 6)}
    events = yaml.safe_load(draft_events(extraction, dt.date(2022, 4, 1)))["events"]
    for event in events:
        written = " ".join(re.findall(r"\w+", event["title"] + " " + event["summary"]))
        assert not [phrase for phrase in phrases if phrase in written], event["id"]


@needs_report
def test_draft_without_a_date_asks_for_one():
    extraction = extract(read_article(REPORT))
    assert article_date(extraction) is None  # "April 1" has no year
    with pytest.raises(ArticleError, match=r"no date with a year .* --date YYYY-MM-DD"):
        draft_events(extraction)
    assert run(REPORT, "--draft", "x.yaml").exit_code == 2


def test_draft_of_the_second_article_finds_its_date_and_title(tmp_path):
    extraction = extract(read_article(SECOND))
    assert article_date(extraction)[0] == dt.date(2023, 3, 12)
    assert article_title(extraction).startswith("Leaving by night")
    draft = draft_events(extraction)
    data = yaml.safe_load(draft)
    assert data["source"]["date"] == dt.date(2023, 3, 12)
    assert "not resolved: Pryazovia region" in draft  # left as a comment for the editor
    assert not any("Pryazovia" in p for e in data["events"] for p in e["places"])
    path = tmp_path / "filled.yaml"
    path.write_text(draft.replace('layer: ""', "layer: crossings"), encoding="utf-8")
    assert len(load_events(path).events) == len(data["events"])


def test_draft_of_an_html_page_takes_its_metadata(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Site | Rally</title><meta property="article:published_time" '
        'content="2023-05-09T08:00:00+03:00"></head><body><article><h1>Rally in Lviv</h1>'
        "<p>Hundreds gathered in Lviv and in Kharkiv on Sunday.</p></article></body></html>",
        encoding="utf-8",
    )
    draft = tmp_path / "draft.yaml"
    assert run(page, "--draft", draft).exit_code == 0
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert data["title"] == "Rally in Lviv" and data["source"]["date"] == dt.date(2023, 5, 9)
    [event] = data["events"]
    assert event["places"] == ["Lviv", "Kharkiv"] and event["title"] == "Paragraph 2: Lviv, Kharkiv"
