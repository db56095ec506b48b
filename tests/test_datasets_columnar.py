"""A dataset mapped straight from CSV or Parquet (issue 20): the marks the page gets add up to
a DuckDB group-by of the input, region by region, place by place, layer by layer."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

duckdb = pytest.importorskip("duckdb", reason="the columnar path needs geomap[datasets]")

BENCH = Path(__file__).resolve().parents[1] / "bench"
DATA = Path(__file__).parent / "datasets"


def bench_module():
    spec = importlib.util.spec_from_file_location("acled_million", BENCH / "acled_million.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["acled_million"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    bench = bench_module()
    folder = tmp_path_factory.mktemp("generated")
    export, mapping = folder / "export.csv", folder / "mapping.yaml"
    bench.generate(export, 6_000, n_locations=1_000)
    mapping.write_text(bench.MAPPING)
    return export, mapping


def grouped_of(export, mapping):
    from geomap.datasets import columnar
    from geomap.datasets.mapping import read_mapping

    return columnar.group_acled(export, read_mapping(mapping))


def sums(located, key) -> dict:
    out: dict = {}
    for k, counts in zip(key, located["counts"]):
        out[k] = out.get(k, 0) + counts["events"]["value"]
    return out


def test_page_counts_equal_a_duckdb_group_by(generated):
    export, mapping = generated
    grouped = grouped_of(export, mapping)
    located = grouped.located
    assert grouped.rows == 6_000
    table = f"read_csv('{export}', all_varchar = true)"
    kept = "event_type <> 'Strategic developments'"  # `skip` in the mapping
    by_region = dict(
        duckdb.sql(
            f"SELECT admin1, count(*) FROM {table} WHERE geo_precision = '3' AND {kept} "
            "GROUP BY admin1"
        ).fetchall()
    )
    regions = located[located["precision"] == "region"]
    assert sums(regions, [p[0]["written"] for p in regions["places"]]) == by_region
    by_place = dict(
        duckdb.sql(
            f"SELECT location || '/' || geo_precision, count(*) FROM {table} "
            f"WHERE geo_precision <> '3' AND {kept} GROUP BY ALL"
        ).fetchall()
    )
    points = located[located["precision"] != "region"]
    keys = [
        f"{p[0]['written']}/{'1' if p[0]['precision'] == 'town' else '2'}" for p in points["places"]
    ]
    assert sums(points, keys) == by_place
    assert len(by_place) >= 1_000  # the generated file's distinct locations
    by_layer = dict(
        duckdb.sql(f"SELECT event_type, count(*) FROM {table} WHERE {kept} GROUP BY ALL").fetchall()
    )
    names = {"protests": "Protests", "riots": "Riots", "violence": "Violence against civilians",
             "battles": "Battles"}  # fmt: skip
    assert {names[k]: v for k, v in sums(located, located["layer"]).items()} == by_layer
    assert (
        sum(c["fatalities"]["value"] for c in located["counts"])
        == duckdb.sql(
            f"SELECT sum(CAST(fatalities AS INTEGER)) FROM {table} WHERE {kept}"
        ).fetchall()[0][0]
    )


def test_the_page_counts_per_region_equal_a_duckdb_group_by(generated, page_data, tmp_path):
    """What the built page carries and says, not only the grouped frame: each region's events,
    each layer's count beside its name, the table's total."""
    export, mapping = generated
    out = tmp_path / "m.html"
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(export), "--layers", str(mapping), "--accessed", "2024-05-02",
         "--map", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text()
    data = page_data(page)
    table = f"read_csv('{export}', all_varchar = true)"
    kept = "event_type <> 'Strategic developments'"
    by_region = dict(
        duckdb.sql(
            f"SELECT admin1, count(*) FROM {table} WHERE geo_precision = '3' AND {kept} "
            "GROUP BY admin1"
        ).fetchall()
    )
    on_page: dict = {}
    for feature in data["events"]["features"]:
        place = feature["properties"]["places"][0]
        if place["precision"] == "region":
            events = feature["properties"]["counts"]["events"]["value"]
            on_page[place["written"]] = on_page.get(place["written"], 0) + events
    assert len(by_region) > 50 and on_page == by_region
    by_type = dict(
        duckdb.sql(f"SELECT event_type, count(*) FROM {table} WHERE {kept} GROUP BY ALL").fetchall()
    )
    for name, count in by_type.items():
        assert layer_count(page, name) == {count}, name
    total = sum(by_type.values())
    assert f"Show the {total:,} events as a table" in page


def test_buckets_never_finer_than_the_data(generated):
    export, mapping = generated
    located = grouped_of(export, mapping).located
    # Region-level marks are regions (drawn as outlines), never a point of the capital.
    for places in located[located["precision"] == "region"]["places"]:
        assert places[0]["kind"] == "region" and "given_iso" in places[0]
    # Every mark's span holds whole weeks or months where the data knows no more.
    precisions = set(located["date_precision"])
    assert precisions <= {"day", "week", "month"}
    for start, end, precision in zip(located["start"], located["end"], located["date_precision"]):
        assert start <= end
        if precision == "day" and start != end:  # a quarter or a year: a range
            assert start.endswith(("-01-01", "-04-01", "-07-01", "-10-01"))


def test_fine_buckets_when_the_marks_fit(tmp_path):
    out = tmp_path / "m.html"
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(DATA / "acled-upper.csv"), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "--map", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "3 rows as 3 marks by place, layer and day" in result.output
    page = out.read_text()
    assert 'id="geomap-download"' not in page
    assert layer_count(page, "Protests") == {2}  # the layer control counts events
    grouped = grouped_of(DATA / "acled-upper.csv", DATA / "mapping.yaml")
    assert sorted(zip(grouped.located["start"], grouped.located["date_precision"])) == [
        ("2013-11-21", "day"), ("2013-12-01", "month"), ("2013-12-02", "week")
    ]  # fmt: skip


def test_a_coarser_bucket_is_exactly_its_month_or_week(generated, monkeypatch):
    """When the finest buckets do not fit the page, a mark spans exactly its month (or its
    week, when the row was known to a week that straddles two months), named as such."""
    from geomap.datasets import columnar
    from geomap.i18n import Words

    export, mapping = generated
    monkeypatch.setattr(columnar, "MAX_GROUPS", 4_900)  # 4,915 marks by week, 4,868 by month
    grouped = grouped_of(export, mapping)
    assert grouped.level == "month"
    located, words = grouped.located, Words()
    kinds = set()
    for start, end, precision, title in zip(
        located["start"], located["end"], located["date_precision"], located["title"]
    ):
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        kinds.add(precision)
        if precision == "month":
            assert first.day == 1 and (last + dt.timedelta(days=1)).day == 1
            assert (first.year, first.month) == (last.year, last.month)
            assert title.endswith(", " + first.strftime("%B %Y"))  # "March 2022"
        else:
            assert precision == "week" and first.weekday() == 0 and (last - first).days == 6
            assert first.month != last.month  # only a week across two months stays a week
            assert title.endswith(", " + words.date(start, "week"))
    assert kinds == {"month", "week"}
    assert (
        sum(c["events"]["value"] for c in located["counts"])
        == duckdb.sql(
            f"SELECT count(*) FROM read_csv('{export}', all_varchar = true) "
            "WHERE event_type <> 'Strategic developments'"
        ).fetchall()[0][0]
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [("ru", ["События по данным ACLED", "дата обращения 2024-05-02", "фильтры: Украина",
             "2 события · Protests · "]),
     ("uk", ["Події за даними ACLED", "дата звернення 2024-05-02", "фільтри: Украина",
             "2 події · Protests · "])],
)  # fmt: skip
def test_a_dataset_map_in_russian_or_ukrainian(tmp_path, page_data, lang, words):
    lines = (DATA / "acled-2023.csv").read_text().splitlines()
    lines.append(lines[1].replace("UKR90001", "UKR90099"))  # a mark of two events
    export = tmp_path / "twice.csv"
    export.write_text("\n".join(lines) + "\n")
    out = tmp_path / "m.html"
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(export), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "--filters", "Украина", "--map", str(out), "--lang", lang],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert f'<html lang="{lang}"' in page
    data = page_data(page)
    title, credit = words[0], data["attribution"]
    assert f"<title>{title}</title>" in page
    assert words[1] in credit and words[2] in credit
    titles = [f["properties"]["title"] for f in data["events"]["features"]]
    assert any(t.startswith(words[3]) for t in titles), titles
    assert "Events" not in " ".join(titles) and "Approximate" not in page
    assert data["languages"] == {}  # nothing marked as foreign: the texts are in `lang`


def test_lang_is_for_map():
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(DATA / "acled-2023.csv"), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "-o", "events.yaml", "--lang", "ru"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--lang is for --map" in result.output


def test_parquet_maps_like_its_csv(tmp_path):
    parquet = tmp_path / "export.parquet"
    duckdb.sql(
        f"COPY (SELECT * FROM read_csv('{DATA / 'acled-2019.csv'}', all_varchar = true)) "
        f"TO '{parquet}' (FORMAT parquet)"
    )
    from_csv = grouped_of(DATA / "acled-2019.csv", DATA / "mapping.yaml").located
    from_parquet = grouped_of(parquet, DATA / "mapping.yaml").located
    assert list(from_csv["title"]) == list(from_parquet["title"])


def test_columnar_problems_name_the_row(tmp_path):
    text = (DATA / "acled-2023.csv").read_text().splitlines()
    text[3] = text[3].replace(",2022-03-15,", ",15 March 2022,")
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(text) + "\n")
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(bad), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "--map", str(tmp_path / "m.html")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "row 4, field event_date: '15 March 2022' is not written like the file's first date" in (
        result.output
    )
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("types:\n  Protests: protests\n")
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(DATA / "acled-2023.csv"), "--layers", str(mapping),
         "--accessed", "2024-05-02", "--map", str(tmp_path / "m.html")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "Strategic developments / Arrests: rows 6" in result.output
    assert not (tmp_path / "m.html").exists()


def test_a_mark_of_several_events_counts_them_all(tmp_path):
    lines = (DATA / "acled-2023.csv").read_text().splitlines()
    lines.append(lines[1].replace("UKR90001", "UKR90099"))  # a second event at Odesa that day
    export = tmp_path / "twice.csv"
    export.write_text("\n".join(lines) + "\n")
    out = tmp_path / "m.html"
    result = CliRunner().invoke(
        cli,
        ["import", "acled", str(export), "--layers", str(DATA / "mapping.yaml"),
         "--accessed", "2024-05-02", "--map", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "6 rows as 4 marks by place, layer and day" in result.output
    page = out.read_text()
    assert layer_count(page, "Protests") == {4}  # events, not marks
    odesa = grouped_of(export, DATA / "mapping.yaml").located
    first = odesa[odesa["title"].str.contains("Odesa")].iloc[0]
    assert first["counts"]["events"] == {"value": 2}
    assert first["title"] == "2 events · Protests · Odesa, 1 March 2022"


def layer_count(page: str, name: str) -> set[int]:
    """The counts the layer control and the legend show beside the layer `name`."""
    found = re.findall(
        re.escape(name) + r'(?:</span>)? \(<span class="geomap-count"[^>]*>([\d,]+)</span>\)', page
    )
    return {int(n.replace(",", "")) for n in found}
