"""`geomap import table`: a table of points or of regions (names or ISO codes) as events."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from geomap.cli import cli

BY_REGION = """\
region,month,detained,kind
Moscow,2022-03,3012,Street protest
Saint Petersburg,2022-03,2610,Street protest
RU-NVS,2022-03,305,Street protest
Tomsk Oblast,2022-W11,18,Posts online
UA-43,2022-04,7,Posts online
"""


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def events_of(path) -> list[dict]:
    return yaml.safe_load(Path(path).read_text())["events"]


def test_a_table_by_region_imports_and_checks(tmp_path):
    table, out = tmp_path / "by-region.csv", tmp_path / "events.yaml"
    table.write_text(BY_REGION)
    result = run(
        "import", "table", table, "--region", "region", "--date", "month",
        "--layer-from", "kind", "--count", "detained", "-o", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    events = events_of(out)
    # names become their region's code; a city that is a region of its own is that region
    assert [e["places"][0]["iso"] for e in events] == [
        "RU-MOW",
        "RU-SPE",
        "RU-NVS",
        "RU-TOM",
        "UA-43",
    ]
    assert [e["date"] for e in events] == ["2022-03", "2022-03", "2022-03", "2022-W11", "2022-04"]
    assert events[0]["counts"] == {"detained": 3012}
    layers = yaml.safe_load(out.read_text())["layers"]
    assert [layer["id"] for layer in layers] == ["street-protest", "posts-online"]
    checked = run("check", out)
    assert checked.exit_code == 0, checked.output
    assert "precision: 5 region" in checked.output
    again = tmp_path / "again.yaml"
    run("import", "table", table, "--region", "region", "--date", "month",
        "--layer-from", "kind", "--count", "detained", "-o", again)  # fmt: skip
    assert again.read_bytes() == out.read_bytes()


def test_a_town_in_the_region_column_is_refused_not_widened(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("region,date,n\nSaint Petersburg,2022-03-01,3\nNovosibirsk,2022-03-02,4\n")
    result = run("import", "table", table, "--region", "region", "--date", "date",
                 "--layer", "protests", "-o", tmp_path / "e.yaml")  # fmt: skip
    assert result.exit_code == 2
    assert "row 3, field region: 'Novosibirsk' is the gazetteer's town Novosibirsk" in result.output
    assert "not a region; write the region's name or ISO code, or use --place" in result.output


def test_a_table_of_points_with_day_first_dates_and_a_spec_file(tmp_path):
    table, spec, out = tmp_path / "p.csv", tmp_path / "spec.yaml", tmp_path / "e.yaml"
    table.write_text(
        "ref,y,x,day,what\nk-1,50.45,30.52,01-03-2022,Rally\nk-2,46.48,30.73,05-03-2022,Rally\n"
    )
    spec.write_text("lat: y\nlon: x\ndate: day\nlayer: protests\nid_from: ref\ntitle_from: what\n"
                    "precision: town\n")  # fmt: skip
    result = run("import", "table", table, "--spec", spec, "-o", out)
    assert result.exit_code == 0, result.output
    first = events_of(out)[0]
    assert first["id"] == "k-1" and first["title"] == "Rally"
    assert str(first["date"]) == "2022-03-01"
    assert first["places"][0] == {
        "name": "50.45,30.52",
        "lat": 50.45,
        "lon": 30.52,
        "precision": "town",
    }
    assert run("check", out).exit_code == 0


def test_table_problems_name_the_row_and_column(tmp_path):
    table = tmp_path / "p.csv"
    table.write_text("lat,lon,when\n50.4,30.5,2022-03-01\nnorth,30.5,2022-03-02\n")
    base = ["import", "table", table, "--lat", "lat", "--lon", "lon", "--layer", "protests"]
    result = run(*base, "--date", "when", "-o", tmp_path / "e.yaml")
    assert result.exit_code == 2
    assert "row 3, field lat: 'north' is not a number of degrees." in result.output
    missing = run(*base, "--date", "day", "-o", tmp_path / "e.yaml")
    assert "row 1: no column 'day'; the columns are: lat, lon, when." in missing.output
    nowhere = run("import", "table", table, "--date", "when", "--layer", "protests",
                  "-o", tmp_path / "e.yaml")  # fmt: skip
    assert "say where each row is with one of: --lat and --lon" in nowhere.output
