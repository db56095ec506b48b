"""Events: the facts of an article, read from YAML or CSV and validated against one schema."""

from .load import ReadOptions, load_events
from .schema import DEFAULT_LAYERS, Count, Event, EventsFile, Layer, Source

__all__ = [
    "DEFAULT_LAYERS",
    "Count",
    "Event",
    "EventsFile",
    "Layer",
    "ReadOptions",
    "Source",
    "load_events",
]
