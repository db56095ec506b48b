"""Outputs are atomic and reproducible: an interrupted build leaves the old map; the same
input gives the same bytes, in any process."""

import os
import signal
import subprocess
import sys
import time

import pytest

from geomap import files
from geomap.pipeline import build


def test_interrupted_write_leaves_the_old_map_and_no_temporary_file(
    tmp_path, monkeypatch, report_path
):
    out = tmp_path / "map.html"
    out.write_text("the published map", encoding="utf-8")

    def interrupted(*args):
        raise KeyboardInterrupt  # Ctrl-C after the new file was written, before the rename

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([report_path], out)
    assert out.read_text(encoding="utf-8") == "the published map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def _geomap(*args):
    """Run the installed geomap in a fresh process, away from the checkout (where `-m` would
    import the source tree instead of the installed package)."""
    return [sys.executable, "-m", "geomap", *map(str, args)]


def test_killed_build_never_leaves_a_half_written_map(tmp_path, report_path):
    """Kill a real build at several moments: the map is the old one or a whole new one."""
    out = tmp_path / "map.html"
    start = time.monotonic()
    subprocess.run(
        _geomap("build", report_path, "-o", out), cwd=tmp_path, check=True, capture_output=True
    )
    duration = time.monotonic() - start
    complete = out.read_text(encoding="utf-8")
    assert complete.rstrip().endswith("</html>")

    old = "<!-- old map -->"
    for fraction in (0.2, 0.5, 0.8, 0.95):
        out.write_text(old, encoding="utf-8")
        proc = subprocess.Popen(
            _geomap("build", report_path, "-o", out),
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert out.read_text(encoding="utf-8") in (old, complete)


def test_same_input_same_bytes_across_processes(tmp_path, report_path):
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"map-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            _geomap("build", report_path, "-o", out),
            cwd=tmp_path,
            check=True,
            env=env,
            capture_output=True,
        )
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_output_is_readable_by_others(tmp_path, report_path):
    out = build([report_path], tmp_path / "map.html").path
    assert out.stat().st_mode & 0o044  # a web server must be able to serve it
