"""Progress on stderr for long builds: shown in a terminal once a build has taken a couple of
seconds, never in pipes or CI (where it would only clutter logs)."""

from __future__ import annotations

import os
import sys
import threading
import time

DELAY_SECONDS = 2.0


class Progress:
    """Call with a stage description; lines appear only after `delay` seconds, on a TTY."""

    def __init__(self, stream=None, delay: float = DELAY_SECONDS):
        self.stream = stream or sys.stderr
        self.enabled = _is_terminal(self.stream) and not os.environ.get("CI")
        self.start = time.monotonic()
        self.stage: str | None = None
        self.visible = False
        self._lock = threading.Lock()
        self._timer = None
        if self.enabled:
            self._timer = threading.Timer(delay, self._show)
            self._timer.daemon = True
            self._timer.start()

    def __call__(self, stage: str):
        with self._lock:
            self.stage = stage
            if self.visible:
                self._write(stage)

    def _show(self):
        with self._lock:
            self.visible = True
            if self.stage:
                self._write(self.stage)

    def _write(self, stage):
        self.stream.write(f"geomap: {stage} ({time.monotonic() - self.start:.1f} s)\n")
        self.stream.flush()

    def close(self):
        if self._timer:
            self._timer.cancel()


def quiet(stage: str):
    """The default: no progress."""


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
