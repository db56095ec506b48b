"""geomap: turn the places named in an article into an interactive, layered web map.

    import geomap
    events = geomap.load_events("events.yaml")      # validated
    located = geomap.locate_events(events)          # geocoded GeoDataFrame
    m = geomap.make_map(located)                    # folium.Map (displays in notebooks)
    geomap.save(m, "output/map.html")

Names are imported on first use, so `geomap geocode` never pays for folium or geopandas.
"""

from importlib import import_module

from .errors import EventsError, GeomapError

_LAZY = {
    "Gazetteer": "geomap.gazetteer",
    "Match": "geomap.gazetteer",
    "Place": "geomap.gazetteer",
    "geocode": "geomap.gazetteer",
    "load_events": "geomap.events",
    "locate_events": "geomap.events.locate",
    "build": "geomap.pipeline",
    "make_map": "geomap.pipeline",
    "bundled_events": "geomap.pipeline",
    "embed_snippet": "geomap.outputs",
    "export_csv": "geomap.outputs",
    "export_geojson": "geomap.outputs",
    "save": "geomap.outputs",
}

__all__ = ["EventsError", "GeomapError", *_LAZY]
__version__ = "0.1.0"


def __getattr__(name):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
