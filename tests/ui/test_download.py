"""The page's "Download the mapped events (GeoJSON)" link serves what `geomap export` writes."""

import json

import pytest
from click.testing import CliRunner

from geomap.cli import cli


def exported(path):
    result = CliRunner().invoke(
        cli, ["export", str(path), "--format", "geojson"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output[result.output.index("{") :])


@pytest.mark.parametrize("which", ["report", "mixed"])
def test_download_link_serves_the_export(
    visit, report_page, mixed_page, report_path, mixed_events, which
):
    url, source = (report_page, report_path) if which == "report" else (mixed_page, mixed_events)
    page = visit().open(url)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the mapped events (GeoJSON)").click()
    downloaded = json.loads(info.value.path().read_text(encoding="utf-8"))
    expected = exported(source)
    assert downloaded["type"] == "FeatureCollection"
    assert [f["properties"]["id"] for f in downloaded["features"]] == [
        f["properties"]["id"] for f in expected["features"]
    ]
    for got, want in zip(downloaded["features"], expected["features"]):
        assert got == want, want["properties"]["id"]
