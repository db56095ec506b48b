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


def test_png_renders_the_window_and_layers_asked_for(chromium, tmp_path):
    """--from, --to and --layers reach the picture: the page it is taken of opens on that
    window (tests/ui/test_time.py checks what a window shows), so two windows are two pictures."""
    from pathlib import Path

    events = Path(__file__).resolve().parents[1] / "corpus" / "time" / "window.yaml"
    pictures = []
    for window in (["--from", "2022-03-22", "--to", "2022-03-29"], ["--from", "2022-02"]):
        png = tmp_path / f"{len(pictures)}.png"
        result = CliRunner().invoke(
            cli,
            ["build", str(events), "-o", str(tmp_path / "m.html"), "--png", str(png),
             "--png-size", "800x600", "--layers", "protests,crossings", *window],
            catch_exceptions=False,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert png_size(png) == (800, 600)
        pictures.append(png.read_bytes())
    assert pictures[0] != pictures[1]
