"""`geomap build`, `check`, `export`, `embed`: what an editor runs."""

import json
import re

import pytest
from click.testing import CliRunner

from geomap.cli import cli


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_default_build_writes_the_report_map_to_output(run, tmp_path, monkeypatch, page_data):
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.exit_code == 0, result.output
    page = tmp_path / "output" / "war-resistance-2022.html"
    assert page.exists()
    assert (
        f"Wrote output/war-resistance-2022.html (self-contained, {page.stat().st_size:,} bytes)"
        in result.output
    )
    assert "Mapped 33 events" in result.output
    assert "  Border crossings: 8" in result.output
    assert len(page_data(page.read_text(encoding="utf-8"))["events"]["features"]) == 33


def test_build_options_title_layers_basemap(run, tmp_path, page_data):
    out = tmp_path / "m.html"
    result = run(
        "build",
        "-o",
        out,
        "--title",
        "Border",
        "--layers",
        "crossings,protests",
        "--basemap",
        "vector",
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    data = page_data(page)
    assert [layer["id"] for layer in data["layers"]] == ["crossings", "protests"]
    assert {f["properties"]["layer"] for f in data["events"]["features"]} == {
        "crossings",
        "protests",
    }
    assert "<title>Border</title>" in page
    # the outline map is the chosen base layer: the tile layer is not added at start
    assert re.search(r"tile_layer_\w+\.addTo", page) is None


def test_unknown_layer_is_a_clear_error(run, tmp_path):
    result = run("build", "-o", tmp_path / "m.html", "--layers", "riots")
    assert result.exit_code == 2
    assert "unknown layer 'riots'" in result.output and "protests" in result.output


@pytest.mark.parametrize("flags", [[], ["--self-contained"]])
def test_default_build_is_self_contained_with_the_outline_map(run, tmp_path, flags):
    """Opened from disk with no network, the default map must draw: Leaflet inline, and the
    outline basemap first (tiles need the network)."""
    out = tmp_path / "offline.html"
    assert run("build", *flags, "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "cdn.jsdelivr" not in page and "<script src=" not in page and "<link " not in page
    assert "Leaflet" in page and "L.map(" in page
    assert re.search(r"tile_layer_\w+\.addTo", page) is None


@pytest.mark.parametrize(
    ("flags", "tiles_first"), [(["--cdn"], True), (["--cdn", "--basemap", "vector"], False)]
)
def test_cdn_build_links_leaflet_and_shows_tiles_unless_asked(run, tmp_path, flags, tiles_first):
    out = tmp_path / "online.html"
    result = run("build", *flags, "-o", out)
    assert result.exit_code == 0
    assert f"(Leaflet from a CDN, {out.stat().st_size:,} bytes)" in result.output
    page = out.read_text(encoding="utf-8")
    assert '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js">' in page
    assert (re.search(r"tile_layer_\w+\.addTo", page) is not None) == tiles_first


def test_bad_events_file_exits_2_and_leaves_the_old_map_alone(run, tmp_path, events_file):
    out = tmp_path / "map.html"
    out.write_text("the previous map", encoding="utf-8")
    bad = events_file(place="Kharkof")
    result = run("build", bad, "-o", out)
    assert result.exit_code == 2
    assert (
        "Error:" in result.output and "Kharkof" in result.output and "Did you mean" in result.output
    )
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "the previous map"
    assert list(tmp_path.glob(".map.html.*")) == []  # no temporary file left behind


def test_check_reports_counts_without_writing(run, tmp_path, report_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", report_path)
    assert result.exit_code == 0
    assert "33 events OK (3 unverified)" in result.output
    assert not (tmp_path / "output").exists()


def test_export_geojson_has_every_event(run, report_path):
    result = run("export", report_path, "--format", "geojson")
    data = json.loads(result.output)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 33
    kinds = {f["geometry"]["type"] for f in data["features"]}
    assert kinds == {"Point", "MultiPoint", "LineString"}


def test_csv_and_yaml_versions_of_the_same_events_build_the_same_map(
    run, tmp_path, report_path, page_data
):
    csv_path = tmp_path / "report.csv"
    assert run("export", report_path, "--format", "csv", "-o", csv_path).exit_code == 0
    options = ["--title", "Same", "--basemap", "vector"]
    assert run("build", report_path, "-o", tmp_path / "from-yaml.html", *options).exit_code == 0
    assert run("build", csv_path, "-o", tmp_path / "from-csv.html", *options).exit_code == 0
    from_yaml = page_data((tmp_path / "from-yaml.html").read_text(encoding="utf-8"))
    from_csv = page_data((tmp_path / "from-csv.html").read_text(encoding="utf-8"))
    assert from_csv["events"] == from_yaml["events"]
    assert from_csv["layers"] == from_yaml["layers"] and from_csv["shapes"] == from_yaml["shapes"]


def test_embed_prints_a_responsive_accessible_iframe(run, tmp_path):
    out = tmp_path / "m.html"
    run("build", "-o", out, "--title", 'Resistance & "refusal"')
    result = run("embed", out, "--height", "16:9", "--url", "https://example.org/m.html")
    snippet = result.output
    assert result.exit_code == 0
    assert '<iframe src="https://example.org/m.html"' in snippet
    assert 'title="Resistance &amp; &#34;refusal&#34;"' in snippet
    assert (
        'loading="lazy"' in snippet and "width:100%" in snippet and "aspect-ratio:16/9" in snippet
    )
    sandbox = re.search(r'sandbox="([^"]*)"', snippet).group(1).split()
    assert {"allow-scripts", "allow-popups", "allow-popups-to-escape-sandbox"} <= set(sandbox)
    assert "allow-top-navigation" not in sandbox
    assert '<a href="https://example.org/m.html">' in snippet  # fallback link


@pytest.mark.parametrize("height, expected", [("600", "height:600px"), ("480px", "height:480px")])
def test_embed_fixed_height(run, tmp_path, height, expected):
    out = tmp_path / "m.html"
    run("build", "-o", out)
    assert expected in run("embed", out, "--height", height).output


def test_embed_bad_height(run, tmp_path):
    out = tmp_path / "m.html"
    run("build", "-o", out)
    result = run("embed", out, "--height", "tall")
    assert result.exit_code == 2 and "--height" in result.output
