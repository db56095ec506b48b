"""A view of a map as its address fragment: the layers shown, the place or lat,lon,zoom in
view, the time window and the open event, checked against the map file they are for.

The page reads and writes the same fragment (state.js):

    #layers=crossings,protests&view=kharkiv&from=2022-03-01&to=2022-03-31&event=ID

so `geomap embed --layers … --view … --from … --to … --event …` can embed one map file several
times in one article, each time showing what its paragraph is about.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..errors import GeomapError
from .payload import _expand, unpack
from .search_index import unpack as unpack_spellings

# The keys, in the order the fragment lists them (state.js reads the same).
KEYS = ("layers", "view", "from", "to", "event")
MAX_MAP_BYTES = 200_000_000  # a map of 100,000 events is about 100 MB
_BLOCK = re.compile(
    r'<script type="(?:application/json|text/plain)" id="geomap-data" '
    r'data-encoding="(json|gzip\+base64)">(.*?)</script>',
    re.S,
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = r"-?[0-9]{1,3}(?:\.[0-9]{1,8})?"
_LAT_LON_ZOOM = re.compile(rf"({_NUMBER}),({_NUMBER}),({_NUMBER})")
MAX_ZOOM = 20


@dataclass
class MapContents:
    """What a view is checked against: the map's layers, places, and events' ids and days."""

    path: str
    layers: list[dict]
    places: list[dict]  # each: id, name, label, kind, country and spellings
    ids: list[str]
    event_layers: list[str]
    spans: list[tuple[dt.date, dt.date] | None]  # each event's first and last day

    @classmethod
    def read(cls, path) -> MapContents:
        """The contents of a map file `geomap build` wrote (GeomapError if it is not one)."""
        from ..textio import read_bounded

        try:
            raw = read_bounded(Path(path), MAX_MAP_BYTES, what="a map")
        except OSError as exc:
            raise GeomapError(
                f"{path}: cannot read the map ({exc.strerror}). Build it first with `geomap build`."
            ) from None
        found = _BLOCK.search(raw.decode("utf-8", errors="replace"))
        if not found:
            raise GeomapError(
                f"{path}: this is not a map geomap built (it has no geomap-data block), so "
                "--layers, --view, --from, --to and --event cannot be checked; build it with "
                "`geomap build`."
            )
        payload = unpack(found.group(1), found.group(2))
        return cls.from_payload(str(path), payload)

    @classmethod
    def from_payload(cls, path: str, payload: dict) -> MapContents:
        events = payload["events"]
        n, fields = events["n"], events["fields"]
        columns = {
            name: _expand(events["columns"][name], n) for name in ("id", "layer", "start", "end")
        }
        spellings = payload.get("search", {}).get("spellings") or [""] * len(events["places"])
        places = []
        for row, packed in zip(events["places"], spellings):
            place = dict(zip(fields, row))
            place["spellings"] = unpack_spellings(packed)
            places.append(place)
        epoch = dt.date(1970, 1, 1)
        spans: list[tuple[dt.date, dt.date] | None] = []
        for start, end in zip(columns["start"], columns["end"]):
            first = epoch + dt.timedelta(days=start) if start is not None else None
            spans.append((first, first + dt.timedelta(days=end or 0)) if first else None)
        layers = payload["layers"]
        return cls(
            path=path,
            layers=layers,
            places=places,
            ids=list(columns["id"]),
            event_layers=[layers[k]["id"] for k in columns["layer"]],
            spans=spans,
        )


def view_fragment(
    contents: MapContents,
    *,
    layers: str | None = None,
    view: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    event: str | None = None,
) -> str:
    """The fragment (without "#") that opens the map of `contents` on this view; "" for none.

    `layers`: layer ids separated by commas; `view`: a place on the map (any spelling the
    gazetteer or the map knows, or an id) or "lat,lon,zoom"; `date_from`, `date_to`:
    YYYY-MM-DD, the window (one alone runs to the events' first or last day); `event`: an
    event's id, whose popup opens. Each is checked against the map: GeomapError naming the
    option, the value, what the map has and the fix."""
    state: dict[str, str] = {}
    shown = None
    if layers is not None:
        shown = _layers(contents, layers)
        state["layers"] = ",".join(shown)
    if view is not None:
        state["view"] = _view(contents, view)
    window = None
    if date_from is not None or date_to is not None:
        window = _window(contents, date_from, date_to)
        state["from"], state["to"] = (d.isoformat() for d in window)
    if event is not None:
        state["event"] = _event(contents, event, shown, window)
    return "&".join(f"{key}={quote(state[key], safe=',:')}" for key in KEYS if key in state)


def _layers(contents: MapContents, value: str) -> list[str]:
    with_events = [layer["id"] for layer in contents.layers if layer.get("count")]
    wanted = [part.strip() for part in value.split(",")]
    if not value.strip() or not all(wanted):
        raise GeomapError(
            f"--layers: expected layer ids separated by commas, got {value!r}; "
            f"this map's layers are: {', '.join(with_events)}"
        )
    known = {layer["id"] for layer in contents.layers}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise GeomapError(
            f"--layers: {', '.join(map(repr, unknown))} "
            f"{'is not a layer' if len(unknown) == 1 else 'are not layers'} of {contents.path}; "
            f"its layers are: {', '.join(with_events)}"
        )
    return list(dict.fromkeys(wanted))


def _view(contents: MapContents, value: str) -> str:
    numbers = _LAT_LON_ZOOM.fullmatch(value.replace(" ", ""))
    if numbers:
        lat, lon, zoom = (float(x) for x in numbers.groups())
        if abs(lat) > 90 or abs(lon) > 180 or not 0 <= zoom <= MAX_ZOOM:
            raise GeomapError(
                f"--view: {value!r} is not a view: latitude from -90 to 90, longitude from -180 "
                f"to 180 and zoom from 0 to {MAX_ZOOM}, such as 50.0,36.2,8"
            )
        return ",".join(numbers.groups())
    if not value.strip() or any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in value):
        raise GeomapError(
            f"--view: expected a place of the map (kharkiv) or lat,lon,zoom such as "
            f"50.0,36.2,8; got {value!r}"
        )
    place = _place(contents, value)
    return _reference(contents, place)


def _place(contents: MapContents, value: str) -> dict:
    """The place of the map that `value` names: an id, the gazetteer's reading of the name
    (as an events file's places are read), or, for a places file's own places, one of the
    map's spellings."""
    from ..gazetteer import default_gazetteer
    from ..gazetteer.normalize import normalize

    by_id = {p["id"]: p for p in contents.places}
    if value in by_id:
        return by_id[value]
    match = default_gazetteer().lookup(value)
    if match.place is not None and match.place.id in by_id:
        return by_id[match.place.id]
    # A places file's own place is not in the bundled gazetteer: the map's spellings name it.
    # Where the gazetteer reads the name as a place that is not on the map, only a place the
    # map shows by that very name is taken, never one that merely has it as an alias ("Lviv"
    # is the city, not the Lviv Oblast of the map).
    key = normalize(value)
    named = [p for p in contents.places if key in {normalize(s) for s in _shown(p)}]
    spelled = [p for p in contents.places if key in {normalize(s) for s in p["spellings"]}]
    found = named or (spelled if match.place is None else [])
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise GeomapError(
            f"--view: {value!r} names several places of this map: {_listed(found)}. "
            "Give the id of the one you mean."
        )
    if match.place is not None:
        on_map = [p for p in contents.places if p["kind"] != "country"]
        also = (
            f" This map's {_listed(spelled)} {'is' if len(spelled) == 1 else 'are'} also "
            f"called so: give its id to show it."
            if spelled
            else f" Its places include {_names(on_map or contents.places)}."
        )
        raise GeomapError(
            f"--view: {value!r} is {match.place.display_name} ({match.place.kind}, "
            f"{match.place.country}, {match.place.id}), which is not on this map.{also} "
            "Or give lat,lon,zoom such as 50.0,36.2,8"
        )
    keys = {normalize(s): p for p in contents.places for s in _shown(p) + p["spellings"]}
    close = difflib.get_close_matches(key, list(keys), n=3, cutoff=0.75)
    hint = f"Did you mean {_names([keys[k] for k in close])}? " if close else ""
    raise GeomapError(
        f"--view: no place of this map is called {value!r}. {hint}Give a place of the map, "
        "or lat,lon,zoom such as 50.0,36.2,8"
    )


def _listed(places: list[dict]) -> str:
    return "; ".join(f"{_shown(p)[0]} ({p['kind']}, {p['id']})" for p in places)


def _shown(place: dict) -> list[str]:
    return [s for s in (place.get("label"), place["name"]) if s]


def _names(places: list[dict], most: int = 8) -> str:
    names = list(dict.fromkeys(_shown(p)[0] for p in places))
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return ", ".join(names[:most]) + more


def _reference(contents: MapContents, place: dict) -> str:
    """How the fragment names a place: its name in lower case with hyphens ("kharkiv",
    "saint-petersburg") when that names it alone on the map, as the page reads names; else its
    id."""
    from ..gazetteer.normalize import normalize

    key = normalize(_shown(place)[0])
    named = [p for p in contents.places if key in {normalize(s) for s in _shown(p)}]
    if named == [place] and re.fullmatch(r"[a-z0-9]+(?: [a-z0-9]+)*", key):
        return key.replace(" ", "-")
    return place["id"]


def _window(contents: MapContents, date_from, date_to) -> tuple[dt.date, dt.date]:
    days = [d for span in contents.spans if span for d in span]
    if not days:
        raise GeomapError(f"--from, --to: the events of {contents.path} have no dates")
    first, last = min(days), max(days)
    start = _date("--from", date_from) if date_from is not None else first
    end = _date("--to", date_to) if date_to is not None else last
    span = f"its events run from {first.isoformat()} to {last.isoformat()}"
    if date_from is not None and date_to is not None and start > end:
        raise GeomapError(
            f"--from {start.isoformat()} is after --to {end.isoformat()}; give the earlier day "
            "with --from"
        )
    if date_to is None and start > last:
        raise GeomapError(f"--from {start.isoformat()} is after the map's last event: {span}")
    if date_from is None and end < first:
        raise GeomapError(f"--to {end.isoformat()} is before the map's first event: {span}")
    if end < first or start > last:
        raise GeomapError(
            f"--from, --to: no event of this map falls between {start.isoformat()} and "
            f"{end.isoformat()}; {span}"
        )
    return start, end


def _date(option: str, value: str) -> dt.date:
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise GeomapError(
        f"{option}: expected a day written YYYY-MM-DD, such as 2022-03-01; got {value!r}"
    )


def _event(contents: MapContents, event: str, shown, window) -> str:
    if event not in contents.ids:
        close = difflib.get_close_matches(event, contents.ids, n=3, cutoff=0.6)
        hint = f"Did you mean {', '.join(close)}? " if close else ""
        raise GeomapError(
            f"--event: {contents.path} has no event with the id {event!r}. {hint}"
            "`geomap export` lists the ids of an events file."
        )
    i = contents.ids.index(event)
    layer = contents.event_layers[i]
    if shown is not None and layer not in shown:
        raise GeomapError(
            f"--event: the event {event!r} is in the layer {layer!r}, which --layers leaves "
            "out; add it to --layers, or choose an event of the layers shown"
        )
    span = contents.spans[i]
    if window is not None and span is not None and (span[1] < window[0] or span[0] > window[1]):
        first, last = span
        raise GeomapError(
            f"--event: the event {event!r} ({first.isoformat()}"
            + (f" to {last.isoformat()}" if last != first else "")
            + f") is outside the window {window[0].isoformat()} to {window[1].isoformat()}; "
            "widen --from and --to, or choose an event inside them"
        )
    return event
