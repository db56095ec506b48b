"""Assemble the folium map: basemaps, one FeatureGroup per layer, title, legend, controls."""

from __future__ import annotations

import html

import folium
from jinja2 import Template

from ..datasets.terms import attribution, may_share
from ..errors import GeomapError
from ..i18n import DEFAULT_LANGUAGE, Words, localize
from .assets import leaflet_css, leaflet_js
from .elements import EventLayers, InlineLeaflet, LayerSwitcher, Legend, TitleBox
from .labels import GazetteerNames, NameSource, in_language, map_labels
from .payload import basemap_countries, encode_events, events_per_mark, region_shapes
from .search_index import search_index
from .stock_assets import LeanMap
from .table import in_table_order, table_rows
from .tiles import tile_provider
from .view import MAX_FIT_ZOOM, framings, view_bounds
from .window import time_payload

LEAFLET_JS = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js")
LEAFLET_CSS = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css")
TILES = "OpenStreetMap"
BASEMAPS = ("tiles", "vector")
ZOOM_SNAP = 0.5  # the first view fits the events closer than whole zoom levels allow
GATHER_ABOVE = 1500  # point marks: above this the page gathers them per zoom level


def assemble_map(
    located,
    *,
    title=None,
    description=None,
    layers=None,
    basemap="tiles",
    tiles=None,
    self_contained=False,
    names: NameSource | None = None,
    lang: str = DEFAULT_LANGUAGE,
    time: bool = True,
    window=None,
    share_data=False,
) -> folium.Map:
    """A folium.Map of located events (see `geomap.locate_events`).

    `layers` picks and orders layer ids; `basemap` is "tiles" (a tile layer) or "vector" (the
    bundled country outlines, which need no network) and says which one shows first; `tiles`
    is the tile layer's xyzservices provider or its name (default: OpenStreetMap).
    `names` gives the labels' text (default: English names from the bundled gazetteer).
    `self_contained` inlines Leaflet from an installed package instead of linking a CDN.
    `lang` ("en", "ru", "uk") is the language of every word, date and number the map shows,
    and of the events' texts where the events file gives them in it (geomap.i18n).
    `time=False` leaves out the time control (a map whose events share one date has none);
    `window` is the (from, to) it opens on, each a day, an ISO month or week, or None.
    `share_data`: offer the download link even for a dataset whose terms forbid it (ACLED).
    Elements added to the map later get the scripts they need when it is rendered (see
    stock_assets.py); in a self-contained map, one that needs a CDN is refused.
    """
    if basemap not in BASEMAPS:
        raise GeomapError(f"unknown basemap {basemap!r}; expected one of: {', '.join(BASEMAPS)}")
    provider = tile_provider(tiles) if tiles is not None else None
    words = Words(lang)
    located = localize(located, words)  # every text in the map's language, or marked
    names = names or GazetteerNames(lang)
    located = in_language(located, names)  # place names too
    title_lang = None if title else located.attrs.get("title_lang")
    title = title or located.attrs.get("title") or words("title.default")
    description_lang = None if description is not None else located.attrs.get("description_lang")
    description = description if description is not None else located.attrs.get("description")
    chosen = _choose_layers(located.attrs["layers"], layers)
    if len(chosen) < len(located.attrs["layers"]):  # a copy of every column: only when needed
        keep = located["layer"].isin([layer["id"] for layer in chosen]).to_numpy()
        kept = located[keep]
        if kept.empty:  # a map of nothing: no marks, and no place to open on
            used = set(located["layer"])
            raise GeomapError(
                f"the layers chosen ({', '.join(layer['id'] for layer in chosen)}) have "
                "no events; the layers with events are: "
                + ", ".join(layer["id"] for layer in located.attrs["layers"] if layer["id"] in used)
            )
        located = kept
        located.attrs = {  # a new dict: the caller's frame may be mapped again
            **located.attrs,
            "languages": {
                column: [language for language, k in zip(languages, keep) if k]
                for column, languages in located.attrs["languages"].items()
            },
        }
    located = in_table_order(located, lang)  # a long table is listed on from the payload
    time_window = time_payload(located, time=time, window=window)
    # A dataset's marks each stand for several events (datasets/columnar.py): its layers
    # count the events, not the marks.
    weights = events_per_mark(located)
    counts = located["layer"].value_counts()
    if weights is not None:
        counts = {}
        for layer_id, weight in zip(located["layer"], weights):
            counts[layer_id] = counts.get(layer_id, 0) + weight
    for layer in chosen:
        layer["count"] = int(counts.get(layer["id"], 0))

    # Only what the map uses: Leaflet; folium's jQuery, Bootstrap and icon fonts only when an
    # element added later needs them (LeanMap decides when the page is rendered).
    fmap = LeanMap(
        tiles=None,
        control_scale=True,
        zoom_control=False,
        min_zoom=2,
        zoom_snap=ZOOM_SNAP,
        world_copy_jump=False,
        self_contained=self_contained,
        leaflet_links=(LEAFLET_JS, LEAFLET_CSS),
    )
    fmap.geomap_language = lang  # type: ignore[attr-defined]  # render_html writes it into <html lang>
    fmap.get_root().title = html.escape(title)  # type: ignore[attr-defined]  # a Figure; branca does not escape the <title>
    if self_contained:
        InlineLeaflet(leaflet_js(), leaflet_css()).add_to(fmap)
    tiles_name = provider.name.replace(".", " ") if provider else words("basemap.light")
    tile_layer = folium.TileLayer(
        provider or TILES, name=tiles_name, overlay=False, control=False, show=basemap == "tiles"
    ).add_to(fmap)
    outline = folium.FeatureGroup(
        name=words("basemap.outline"), overlay=False, control=False, show=basemap == "vector"
    ).add_to(fmap)
    groups, overlays = [], []
    for layer in chosen:
        group = folium.FeatureGroup(name=layer["name"], show=True, control=False).add_to(fmap)
        groups.append((layer["id"], group))
        # A layer with no events is left out of the layer control and the legend: a switch
        # that changes nothing, "(0)", only asks the reader to try it.
        if layer["count"]:
            # Leaflet's layer control shows names as HTML (the template escapes them); the
            # count is an element of its own, which the time window updates.
            overlays.append(
                (_OVERLAY_NAME.render(layer=layer, count=words.number(layer["count"])), group)
            )

    bounds = view_bounds(located)  # [[south, west], [north, east]]
    sources = sorted({s for s in located["source_title"].dropna()})
    datasets = located.attrs.get("datasets") or []
    download_id = "geomap-download" if may_share(datasets, share_data) else None
    credit = " · ".join(filter(None, [words("attribution.data"), attribution(datasets, words)]))
    credited = {d["name"] for d in datasets}  # said once, with its access date and filters
    events_credit = [s for s in sources if s not in credited]
    events = encode_events(located, chosen)
    texts = events.pop("texts")  # carried in a block of its own (see payload.py)
    payload = {
        "layers": chosen,
        "events": events,
        "shapes": region_shapes(located),
        "basemap": basemap_countries((bounds[0][1], bounds[0][0], bounds[1][1], bounds[1][0])),
        "attribution": credit
        + (
            " · " + words("attribution.events", sources="; ".join(events_credit))
            if events_credit
            else ""
        ),
        "languages": {
            column: {"c": values[0]} if len(set(values)) == 1 else values
            for column, values in located.attrs["languages"].items()
        },
        "download_id": download_id,
        "bounds": bounds,
        "names": map_labels(located, bounds, names),
        "framings": framings(located, names),
        "max_fit_zoom": MAX_FIT_ZOOM,
        "gather_above": GATHER_ABOVE,
        "time": time_window,
        "search": search_index(events["places"], events["fields"], names),
    }
    EventLayers(payload, texts, groups, basemap=outline, words=page_words(located, words)).add_to(
        fmap
    )
    TitleBox(
        title,
        description,
        table_rows(located, chosen, words),
        total=len(located),
        weights=weights,
        words=words,
        languages=(title_lang, description_lang),
    ).add_to(fmap)
    point_marks = {
        (e, p["id"])
        for e, places in zip(located["layer"], located["places"])
        for p in places
        if p["kind"] in ("town", "checkpoint")
    }
    Legend(
        [layer for layer in chosen if layer["count"]],
        "; ".join(sources) or None,
        download_id=download_id,
        download_name="events.geojson",
        gathered=len(point_marks) > GATHER_ABOVE,
        words=words,
        approximate=any(
            p.get("precision") == "approximate" and not p.get("shape")
            for places in located["places"]
            for p in places
        ),
    ).add_to(fmap)
    LayerSwitcher(
        [(tiles_name, tile_layer), (words("basemap.outline"), outline)],
        overlays,
        toggle_title=words("page.layers"),
    ).add_to(fmap)
    _ZoomTopRight(words("page.zoom_in"), words("page.zoom_out")).add_to(fmap)
    return fmap


def page_words(located, words: Words) -> dict:
    """The page's words, with every day and count of the events formatted as the table
    formats them (L.geomap.words reads them: popups and table say the same)."""
    days: list = [d for d in located["as_of"] if isinstance(d, str)]  # as_of: to the day
    # Event.date_precision ("day" | "week" | "month") where the events give it (issue 18).
    precisions = (
        located["date_precision"] if "date_precision" in located else ["day"] * len(located)
    )
    for column in ("start", "end"):
        days += [(d, p or "day") for d, p in zip(located[column], precisions) if isinstance(d, str)]
    numbers = [
        count["value"]
        for counts in located["counts"]
        if isinstance(counts, dict)
        for count in counts.values()
    ]
    return words.page_block(days=days, numbers=numbers)


def _choose_layers(defined, wanted):
    by_id = {layer["id"]: dict(layer) for layer in defined}
    if not wanted:
        return list(by_id.values())
    unknown = [w for w in wanted if w not in by_id]
    if unknown:
        raise GeomapError(
            f"unknown layer {', '.join(map(repr, unknown))}; "
            f"this file's layers are: {', '.join(by_id)}"
        )
    return [by_id[w] for w in wanted]


_OVERLAY_NAME = Template(
    '<span{% if layer.name_lang %} lang="{{ layer.name_lang|e }}"{% endif %}>{{ layer.name|e }}</span>'
    ' (<span class="geomap-count" data-layer="{{ layer.id|e }}">{{ count|e }}</span>)'
)


class _ZoomTopRight(folium.MacroElement):
    _template = Template("""
{% macro script(this, kwargs) %}
L.control.zoom({position: "topright", zoomInTitle: {{ this.zoom_in|tojson }},
                zoomOutTitle: {{ this.zoom_out|tojson }}}).addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, zoom_in: str, zoom_out: str):
        super().__init__()
        self.zoom_in, self.zoom_out = zoom_in, zoom_out
