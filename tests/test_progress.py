"""Progress lines: in a terminal, after the delay; never in a pipe or in CI."""

import io
import time

from geomap.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_shown_in_a_terminal_after_the_delay(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    out = Terminal()
    progress = Progress(out, delay=0.05)
    progress("reading events.csv")
    assert out.getvalue() == ""  # quick builds stay quiet
    time.sleep(0.2)
    progress("geocoding the places of 100,000 events")
    progress.close()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("geomap: reading events.csv (")
    assert lines[1].startswith("geomap: geocoding the places of 100,000 events (")


def test_quiet_in_pipes_and_ci(monkeypatch):
    pipe = io.StringIO()
    progress = Progress(pipe, delay=0)
    time.sleep(0.05)
    progress("reading")
    assert pipe.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    terminal = Terminal()
    progress = Progress(terminal, delay=0)
    time.sleep(0.05)
    progress("reading")
    assert terminal.getvalue() == ""
