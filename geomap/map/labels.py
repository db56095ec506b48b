"""The map's names: countries, regions, large cities and the places that carry events.

Everything here is offline, from the bundled gazetteer. Python chooses the candidates, where
each one is anchored, the zoom from which it may show and its priority (the order of the
list); the page (labels.js) places them on every view without collisions, greedily in that
order, and leaves out what does not fit.

The text of a label comes from one `NameSource`: `GazetteerNames(language)` gives the bundled
names in English, Russian or Ukrainian; a place with no name in the language keeps its English
one (and `fallbacks` counts it for the build summary).
"""

from __future__ import annotations

from typing import Protocol

import shapely
import shapely.ops

from ..errors import GeomapError
from ..gazetteer import default_gazetteer
from ..gazetteer.lookup import LANGUAGES
from ..gazetteer.places import geometries

# Kinds of label, as the page's CSS classes name them (geomap-label-<kind>).
COUNTRY, REGION, CITY, EVENT_PLACE = "country", "region", "city", "place"

MARGIN_DEG = 8.0  # names this far outside the events' extent still help to find one's way
# Cities by population: the zoom from which each may show (the first that applies).
CITY_ZOOMS = ((1_000_000, 4), (300_000, 6), (100_000, 7))
# Countries and regions by the area of their main part (square degrees): from which zoom.
COUNTRY_ZOOMS = ((40.0, 2), (20.0, 3), (4.0, 4), (0.5, 5), (0.0, 7))
REGION_ZOOMS = ((60.0, 4), (4.0, 5), (0.0, 6))
EVENT_PLACE_ZOOM = 3  # the places that carry events: from the first view on, where they fit
# A country wider than this (square degrees: Russia, Kazakhstan) is named once more in each
# band of BAND_DEG of longitude, from COUNTRY_REPEAT_ZOOM on: zoomed in on Ukraine, Russia's one
# name in Siberia is far off screen.
WIDE_COUNTRY_AREA = 300.0
BAND_DEG = 40.0
COUNTRY_REPEAT_ZOOM = 4
LABEL_POINT_TOLERANCE = 0.2  # degrees: polylabel's precision, far below a label's size


class NameSource(Protocol):
    """Gives the text of a place's label in a language, or None where it has none."""

    language: str

    def label(self, place_id: str, language: str) -> str | None: ...


class GazetteerNames:
    """Labels from the bundled gazetteer in English, Russian or Ukrainian: a disputed area's
    neutral label, else the place's name. A place with no name in the language (no source
    gives one) is labelled in English, and its id is kept in `fallbacks`."""

    languages = LANGUAGES

    def __init__(self, language: str = "en", gazetteer=None):
        if language not in self.languages:
            raise GeomapError(
                f"no labels in language {language!r}; this name source has: "
                + ", ".join(self.languages)
            )
        self.language = language
        self._gazetteer = gazetteer or default_gazetteer()
        self.asked: set[str] = set()  # ids of the gazetteer's places labelled
        self.fallbacks: set[str] = set()  # of those, labelled in English for want of a name

    def label(self, place_id: str, language: str) -> str | None:
        if language not in self.languages:
            return None
        text = self._gazetteer.name(place_id, language)
        if text is None and language != "en":
            text = self._gazetteer.name(place_id, "en")
            if text is not None:
                self.fallbacks.add(place_id)
        if text is not None:
            self.asked.add(place_id)
        return text


def in_language(located, names: NameSource):
    """`located` with each place's name (and a disputed area's neutral label) in the name
    source's language, for popups, table and search; a place the source does not know (one of
    the user's own) keeps its name. Where the events file is written in another language
    than the map's, the name as written ("Kharkiv" in a Russian map) gives way to the place's
    name in the map's language too. An English map of an English file is left as it is: the
    records already carry the gazetteer's English names."""
    written_in_other = located.attrs.get("language", "en") != names.language
    if names.language == "en" and not written_in_other:
        return located
    cache: dict[str, str | None] = {}

    def renamed(place):
        if place["id"] not in cache:
            cache[place["id"]] = names.label(place["id"], names.language)
        text = cache[place["id"]]
        if text is None:
            return place
        out = {**place, "label": text} if place.get("label") else {**place, "name": text}
        if written_in_other:
            out["written"] = text
        return out

    out = located.copy(deep=False)
    for column in ("places", "route"):
        out[column] = [
            [renamed(p) for p in records] if records is not None and len(records) else records
            for records in located[column]
        ]
    return out


def map_labels(located, bounds, names: NameSource | None = None) -> dict:
    """The map's names for the page: {"labels": candidates, "countries": anchors}.

    The candidates come first the most important, each [text, lat, lon, kind, zoom], and for
    a country where events are, its id: the page may then name it anywhere over its outline
    (the payload's basemap has it) when marks crowd its anchor, so that it is never left
    unnamed (the report's Ukraine, full of marks and badges in the first view). A country
    the events are in (not only a route's end) carries a 1 after its id: where even its
    smaller name finds no room over its land, it stands beside it, joined by a line. The
    anchors are where each country's name sits ({id: [lat, lon]}): the badge of its
    country-wide facts goes under it. `bounds` are the map's [[south, west], [north, east]];
    names outside them (and a margin) are not sent.
    """
    names = names or GazetteerNames()
    (south, west), (north, east) = bounds
    box = shapely.box(west - MARGIN_DEG, south - MARGIN_DEG, east + MARGIN_DEG, north + MARGIN_DEG)
    event_places = _event_places(located)
    event_countries = {p["country"] for p in event_places.values() if p.get("country")}
    # The countries the events are in (not those a route merely ends in): on a phone, where
    # such a country is a few marks wide, its name may stand beside it with a line to it.
    story_countries = {
        record["country"]
        for records in located["places"]
        for record in records or ()
        if record.get("country")
    }

    def text(place_id, fallback=None):
        return names.label(place_id, names.language) or fallback

    countries, regions, cities, marked, anchors, repeats = [], [], [], [], {}, []
    for cid, geom in geometries("country").geometry.items():
        if geom.intersects(box):
            main, area = _main_part(geom)
            label = text(cid)
            if label and area > 0:
                lon, lat = _label_point(main)
                anchors[cid] = [round(lat, 3), round(lon, 3)]
                candidate = [label, lat, lon, COUNTRY, _by_size(area, COUNTRY_ZOOMS)]
                if cid in event_countries:  # named from the first view on (the report's
                    # Georgia, small beside Russia), anywhere over its own land if need be
                    candidate[4] = COUNTRY_ZOOMS[0][1]
                    candidate.append(cid)
                    if cid in story_countries:
                        candidate.append(1)
                countries.append((cid not in event_countries, -area, candidate))
            if area > WIDE_COUNTRY_AREA:  # named again where the reader looks, zoomed in
                for part in _bands(main):
                    lon, lat = _label_point(part)
                    repeats.append([label, lat, lon, COUNTRY, COUNTRY_REPEAT_ZOOM])
    for rid, geom in geometries("region").geometry.items():
        if rid.split("-")[0] in event_countries and geom.intersects(box):
            main, area = _main_part(geom)
            label = text(rid)
            if label:
                lon, lat = _label_point(main)
                has_events = rid in event_places
                regions.append(
                    (not has_events, -area, [label, lat, lon, REGION, _by_size(area, REGION_ZOOMS)])
                )
    for place in event_places.values():
        if place["kind"] in ("town", "checkpoint", "point"):  # point: the editor's own
            label = text(place["id"], place.get("label") or place["name"])
            marked.append([label, place["lat"], place["lon"], EVENT_PLACE, EVENT_PLACE_ZOOM])
    gazetteer = default_gazetteer()
    for country in sorted(event_countries):
        for town in gazetteer.find(kind="town", country=country):
            zoom = next((z for pop, z in CITY_ZOOMS if town.population >= pop), None)
            if (
                zoom is None
                or town.id in event_places
                or not box.contains(shapely.Point(town.lon, town.lat))
            ):
                continue
            label = text(town.id)
            if label:
                cities.append((-town.population, [label, town.lat, town.lon, CITY, zoom]))
    # Priority: the countries where events are, then the other countries (the largest first),
    # the places that carry events, the regions that do, the largest cities, the other regions.
    # A country of events is named before its neighbours take the room around it.
    countries.sort(key=lambda c: c[:2])
    regions.sort(key=lambda r: r[:2])
    cities.sort(key=lambda c: c[0])
    with_events = [r[2] for r in regions if not r[0]]
    others = [r[2] for r in regions if r[0]]
    big = [c[1] for c in cities if c[1][4] <= 4]
    small = [c[1] for c in cities if c[1][4] > 4]
    out = [c[2] for c in countries] + repeats + marked + with_events + big + others + small
    return {
        "labels": [[c[0], round(c[1], 3), round(c[2], 3), *c[3:]] for c in out],
        "countries": anchors,
    }


def _event_places(located) -> dict:
    seen: dict = {}
    for column in ("places", "route"):
        for records in located[column]:
            for record in records or ():
                seen.setdefault(record.get("shape") or record["id"], record)
    return seen


def _main_part(geom):
    """The largest polygon of an outline and its area; a country's name goes there (Russia's
    on its mainland, not on Chukotka across the antimeridian)."""
    parts = list(getattr(geom, "geoms", [geom]))
    main = max(parts, key=lambda p: p.area)
    return main, main.area


def _bands(polygon):
    """The largest piece of the polygon in each band of longitude (pieces too small to hold a
    name are left out)."""
    minx, miny, maxx, maxy = polygon.bounds
    out, west = [], minx
    while west < maxx:
        piece = polygon.intersection(shapely.box(west, miny, west + BAND_DEG, maxy))
        parts = [p for p in getattr(piece, "geoms", [piece]) if p.geom_type == "Polygon"]
        if parts:
            biggest = max(parts, key=lambda p: p.area)
            if biggest.area > WIDE_COUNTRY_AREA / 4:
                out.append(biggest)
        west += BAND_DEG
    return out


def _label_point(polygon):
    """A point well inside the polygon (not its centroid, which may lie outside it)."""
    point = shapely.ops.polylabel(polygon, tolerance=LABEL_POINT_TOLERANCE)
    return point.x, point.y


def _by_size(area, zooms):
    return next(zoom for least, zoom in zooms if area >= least)
