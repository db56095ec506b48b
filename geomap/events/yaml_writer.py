"""An events file written as YAML: `geomap export --format yaml` and `geomap import`.

What is written is the events file as geomap read it (the schema's model), so reading it back
gives the same file: the file's own fields, its layers and every event, each field as the
editor writes it (a date known to the month as `date: 2022-03`), defaults left out.
"""

from __future__ import annotations

import yaml

from . import dates
from .schema import EventsFile

# The file's fields in the order an editor reads them.
FILE_ORDER = (
    "language",
    "title",
    "description",
    "source",
    "dataset",
    "places_file",
    "layers",
    "events",
)


def events_yaml(events: EventsFile) -> str:
    """The events file `events` as YAML text."""
    document = events.model_dump(exclude_defaults=True)
    for event in document.get("events", []):
        precision = event.pop("date_precision", dates.DAY)
        if event.get("date") is not None and precision != dates.DAY:
            event["date"] = dates.written(event["date"], precision)
    return dump(document)


def dump(document: dict) -> str:
    """A document of an events file's fields as YAML: in FILE_ORDER, dates unquoted."""
    ordered = {key: document[key] for key in FILE_ORDER if document.get(key) is not None}
    return yaml.dump(
        ordered,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=None,
    )


class _Dumper(yaml.SafeDumper):
    """Every value written out where it is used: no `&id001` anchors for a date or a place
    that two events share (geomap refuses YAML anchors)."""

    def ignore_aliases(self, data):
        return True
