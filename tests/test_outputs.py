"""Outputs are atomic and reproducible: an interrupted build leaves the old map; the same
input gives the same bytes, in any process."""

import os
import signal
import subprocess
import sys
import time

import pytest

from geomap import outputs
from geomap.pipeline import build


def test_interrupted_write_leaves_the_old_map_and_no_temporary_file(tmp_path, monkeypatch, report_path):
    out = tmp_path / "map.html"
    out.write_text("the published map", encoding="utf-8")

    def interrupted(*args):
        raise KeyboardInterrupt  # Ctrl-C after the new file was written, before the rename

    monkeypatch.setattr(outputs.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([report_path], out)
    assert out.read_text(encoding="utf-8") == "the published map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_killed_build_never_leaves_a_half_written_map(tmp_path, report_path):
    """Kill a real build at several moments: the map is the old one or a whole new one."""
    out = tmp_path / "map.html"
    old = "<!-- old map -->"
    outcomes = set()
    for delay in (0.3, 0.8, 1.3, 1.8, 2.5):
        out.write_text(old, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "geomap", "build", str(report_path), "-o", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        text = out.read_text(encoding="utf-8")
        assert text == old or (text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>"))
        outcomes.add("old" if text == old else "new")
    assert "old" in outcomes  # at least one kill landed before the rename


def test_same_input_same_bytes_across_processes(tmp_path, report_path):
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"map-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "geomap", "build", str(report_path), "-o", str(out)],
                       check=True, env=env, capture_output=True)
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_output_is_readable_by_others(tmp_path, report_path):
    out = build([report_path], tmp_path / "map.html").path
    assert out.stat().st_mode & 0o044  # a web server must be able to serve it
