"""`geomap geocode` and `geomap places`: output, exit codes, bad input."""

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from geomap.cli import cli


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def test_geocode_prints_one_line_per_name_and_exits_0(run):
    result = run("geocode", "Kharkov", "Trans-Baikal Territory")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Kharkov\tKharkiv (town, Kharkiv Oblast, UA)\tgn:706483\t49.98")
    assert "\tRU-ZAB\t" in lines[1]


def test_geocode_json_has_the_documented_shape(run):
    result = run("geocode", "--json", "Odessa region", "NATO")
    assert result.exit_code == 1  # NATO is not a place
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert set(first) == {"query", "match", "alternatives", "suggestions"}
    match = first["match"]
    assert {"id", "name", "kind", "country", "iso_3166_2", "lat", "lon", "precision"} <= set(match)
    assert (match["id"], match["kind"], match["iso_3166_2"]) == ("UA-51", "region", "UA-51")
    assert second["query"] == "NATO" and second["match"] is None


def test_country_hint(run):
    result = run("geocode", "--json", "--country", "RU", "Donetsk")
    assert json.loads(result.output)["match"]["parent"] == "RU-ROS"


def test_bad_country_code_is_a_usage_error(run):
    result = run("geocode", "--country", "Ukraine", "Donetsk")
    assert result.exit_code == 2
    assert "ISO alpha-2" in result.output


@pytest.mark.parametrize(
    "name, reason",
    [("", "empty name"), ("?!...", "empty name"), ("x" * 10_000_000, "longer than 200 characters")],
)
def test_empty_punctuation_and_huge_names_are_reported_not_crashed(run, name, reason):
    result = run("geocode", name)
    assert result.exit_code == 1
    assert reason in result.output
    assert len(result.output) < 500  # the 10 MB argument is not echoed back


def test_no_names_is_a_usage_error(run):
    result = run("geocode")
    assert result.exit_code == 2
    assert "give at least one NAME" in result.output


def test_names_from_a_file_and_from_stdin(run, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Kyiv\n\nOdesa\n", encoding="utf-8")
    assert len(run("geocode", "-f", str(names)).output.splitlines()) == 2
    assert "Lviv" in run("geocode", "-f", "-", input="Lvov\n").output


def test_invalid_utf8_file_names_the_line_and_the_fix(run, tmp_path):
    names = tmp_path / "names.txt"
    names.write_bytes(b"Kyiv\nOdesa\n\xff\xfeLviv\n")
    result = run("geocode", "-f", str(names))
    assert result.exit_code == 2
    assert "line 3: not valid UTF-8" in result.output
    assert "Save the file as UTF-8" in result.output
    assert "Traceback" not in result.output


def test_places_lists_and_filters(run):
    result = run("places", "--kind", "region", "--country", "UA")
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert {r[1] for r in rows} == {"region"} and {r[3] for r in rows} == {"UA"}
    assert any(r[0] == "UA-43" and "annexed" in r[2] for r in rows)


@pytest.mark.skipif(shutil.which("geomap") is None, reason="geomap is not installed as a command")
def test_installed_command_finds_its_data_from_any_directory(tmp_path):
    result = subprocess.run(
        ["geomap", "geocode", "Koriukivka"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Koriukivka" in result.stdout
