"""`geomap build --png`: a static picture of the same map, at the size asked for."""

import struct

from click.testing import CliRunner

from geomap.cli import cli


def png_size(path):
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_png_export_at_the_requested_size(chromium, tmp_path):
    png = tmp_path / "card.png"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            "-o",
            str(tmp_path / "m.html"),
            "--basemap",
            "vector",
            "--png",
            str(png),
            "--png-size",
            "1200x630",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "Wrote " + str(png) + " (1200×630 PNG)" in result.output
    assert png_size(png) == (1200, 630)
    assert png.stat().st_size > 50_000  # a drawn map, not a blank page
