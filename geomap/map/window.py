"""The page's time window, decided in Python: whether the map has a time control (time.js),
and the window it opens on (`geomap build --from --to`, which a PNG then shows).

A map whose events all share one date has no control: a slider over one day moves nothing.
"""

from __future__ import annotations

import datetime as dt

from ..errors import GeomapError
from ..events import dates

WINDOW_FORMS = "a day YYYY-MM-DD, a month YYYY-MM or an ISO week YYYY-Www, e.g. 2022-03-01"


def window_day(text, option: str, last: bool) -> dt.date | None:
    """A window's end as given: a day, or a month or week (its first day for --from, its
    last for --to, so `--from 2022-03 --to 2022-03` is all of March)."""
    if text is None or text == "":
        return None
    if isinstance(text, dt.date):
        return text
    text = str(text).strip()
    try:
        short = dates.read_short(text)
    except dates.DateFormError as exc:
        raise GeomapError(f"{option}: {exc}") from None
    if short:
        return dates.span_end(*short) if last else short[0]
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise GeomapError(f"{option}: expected {WINDOW_FORMS}, got {text!r}")


def time_payload(located, *, time: bool = True, window=None) -> dict | None:
    """What the page's time control needs ({"window": [from, to]}), or None for no control.
    `window`: (from, to), each a date, an ISO text (day, month or week) or None."""
    start, to = window or (None, None)
    first = window_day(start, "--from", last=False)
    last = window_day(to, "--to", last=True)
    if first and last and first > last:
        raise GeomapError(
            f"--from {first.isoformat()} is after --to {last.isoformat()}; give the earlier "
            "day first"
        )
    asked = first is not None or last is not None
    if not time:
        if asked:
            raise GeomapError(
                "--from and --to choose the time control's window; leave out --no-time"
            )
        return None
    days = _days(located)
    if not days:
        return None
    lo, hi = min(days), max(days)
    if asked and ((last is not None and last < lo) or (first is not None and first > hi)):
        shown = f"{(first or lo).isoformat()} to {(last or hi).isoformat()}"
        raise GeomapError(
            f"no events in the window {shown}: the events' dates run from {lo.isoformat()} to "
            f"{hi.isoformat()}"
        )
    if lo == hi:
        return None  # one date: nothing to choose
    return {"window": [max(first or lo, lo).isoformat(), min(last or hi, hi).isoformat()]}


def _days(located) -> set:
    """The days the slider runs over: each event's start and end, or, for a running total, the
    day it is as of (the only day that decides when it shows, as in time.js)."""
    out: set[str] = set()
    for start, end, as_of in zip(located["start"], located["end"], located["as_of"]):
        out.update((as_of,) if isinstance(as_of, str) else (start, end))
    return {dt.date.fromisoformat(value) for value in out}
