"""The whole flow in one call: events files → located events → map → files.

`build()` is what `geomap build` runs; each step is also public on its own.
"""

from __future__ import annotations

import contextlib
import gc
from dataclasses import dataclass, field
from pathlib import Path

from .datasets.terms import refuse_export
from .errors import EventsError
from .events import load_events
from .events.locate import locate_events
from .events.schema import DEFAULT_LAYERS
from .events.yaml_writer import events_yaml
from .files import refuse_overwriting_inputs, write_atomic
from .gazetteer.places import data_dir
from .i18n import DEFAULT_LANGUAGE
from .i18n.texts import original_text
from .map import assemble_map
from .map.labels import GazetteerNames
from .outputs import render_html
from .progress import quiet

REPORT = "war-resistance-2022"


def bundled_events(name: str = REPORT) -> Path:
    """Path of an events file bundled with geomap."""
    return data_dir() / "events" / f"{name}.yaml"


@contextlib.contextmanager
def cyclic_gc_paused():
    """Reading 100,000 events makes millions of long-lived objects and almost no cycles, yet
    Python's cyclic collector rescans them all again and again: 40% of such a build's time
    (bench/scale.py). Reference counting still frees everything; the collector resumes after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def locate(paths, progress=quiet, places=(), reading=None):
    """Load, validate and geocode one or more events files into one GeoDataFrame.

    `places`: places files (CSV or GeoJSON) that extend the gazetteer for these events, beside
    each events file's own `places_file:`. What the user should look at (points far from the
    gazetteer's place of their name, names of a places file that conflict with bundled places)
    is in `attrs["warnings"]`. `reading`: a `ReadOptions` (encoding, day-first dates, decimal
    commas) for files not written the way geomap writes them."""
    with cyclic_gc_paused():
        return _locate(paths, progress, places, reading)


def _locate(paths, progress, places=(), reading=None):
    import pandas as pd

    frames = []
    for path in paths:
        progress(f"reading {path}")
        events = load_events(path, reading)
        progress(f"geocoding the places of {len(events.events):,} events")
        frames.append(locate_events(events, places_files=places))
    if len(frames) == 1:
        return frames[0]
    combined = pd.concat(frames, ignore_index=True)
    duplicated = combined["id"][combined["id"].duplicated()].unique()
    if len(duplicated):
        raise EventsError(
            f"event id {duplicated[0]!r} is used in more than one of the files "
            f"{', '.join(map(str, paths))}; ids must be unique across files."
        )
    layers, defined_in = {}, {}  # layer id -> its definition, and the file that gave it first
    for path, frame in zip(paths, frames):
        for layer in frame.attrs["layers"]:
            first = layers.setdefault(layer["id"], layer)
            defined_in.setdefault(layer["id"], path)
            if first != layer:  # keeping either would silently restyle the other file's events
                raise EventsError(
                    _layer_conflict(layer["id"], defined_in[layer["id"]], first, path, layer),
                    path=path,
                )
    languages = {frame.attrs.get("language", "en") for frame in frames}
    if len(languages) > 1:  # a text's language is the file's: one map, one original language
        raise EventsError(
            f"the files {', '.join(map(str, paths))} are written in different languages "
            f"({', '.join(sorted(languages))}, their `language:`); map them one at a time, or "
            "give their texts in one original language."
        )
    warnings = [w for frame in frames for w in frame.attrs["warnings"]]
    datasets = [d for frame in frames for d in frame.attrs.get("datasets", [])]
    combined.attrs.update(
        frames[0].attrs,
        layers=list(layers.values()),
        warnings=list(dict.fromkeys(warnings)),
        datasets=[d for i, d in enumerate(datasets) if d not in datasets[:i]],
    )
    return combined


def export(path, fmt="geojson", places=(), reading=None, regions="points", share_data=False):
    """(the located events, the text of their export as `fmt`, "geojson", "csv" or "yaml").
    Each carries the file's own fields, so they build the same map; the CSV and the YAML also
    each event's own link and source, so they read back as the same file (a CSV edited in a
    spreadsheet goes back to YAML so). `regions`: GeoJSON only, "points"
    (each region's centre) or "outline". Events of a dataset whose terms forbid passing its
    raw data on (ACLED) are refused unless `share_data`."""
    from .errors import GeomapError
    from .outputs import export_csv, export_geojson

    if fmt != "geojson" and regions != "points":
        raise GeomapError(
            f"regions={regions!r} is for the GeoJSON export: a CSV gives each event's points "
            "(wkt) and its places' ids."
        )
    with cyclic_gc_paused():
        events = load_events(path, reading)
        refuse_export([events.dataset.model_dump()] if events.dataset else [], share_data, path)
        if events.dataset is not None and fmt == "csv":  # (YAML carries `dataset:`)
            raise GeomapError(
                f"{path}: the events come from a dataset ({events.dataset.name}) whose credit "
                "and terms a CSV export cannot carry yet; export GeoJSON (the default), which "
                "keeps them."
            )
        located = locate_events(events, places_files=places)
    if fmt == "geojson":
        text = export_geojson(located, events, regions)
    elif fmt == "yaml":  # the file as an editor writes it; its names are resolved again
        _refuse_places_read_otherwise(path, events, located, places)
        text = events_yaml(events)
    else:
        text = export_csv(located, events)
    return located, text


def _refuse_places_read_otherwise(path, events, located, places) -> None:
    """An events file names its places, and an export places them by id: before an export
    becomes YAML, every name must still be read as the place its id is, or the YAML would map
    another place without a word."""
    if not any(c is not None for c in events.carried):
        return
    try:
        by_name = locate_events(events.with_origin(events.origin), places_files=places)
    except EventsError as exc:
        raise EventsError(
            f"{path}: as a YAML file, its places are read by their names again, and some are "
            f"not found: {exc}",
        ) from None
    for column in ("places", "route"):
        for event_id, placed, named in zip(located["id"], located[column], by_name[column]):
            for one, other in zip(placed, named):
                if one["id"] != other["id"]:
                    raise EventsError(
                        f"{path}, event {event_id}, field {column}: {one['written']!r} is "
                        f"{one['name']} ({one['id']}) by its id, but as a YAML file it would be "
                        f"read by its name as {other['name']} ({other['id']}); write the name "
                        f"as the gazetteer names that place, {one['name']!r} (with its region "
                        "in brackets where the name is shared), or keep the CSV, which "
                        "carries the id."
                    )


def untranslated(path, lang: str, reading=None) -> list[str]:
    """What the events file `path` does not give in the language `lang`: one line per event
    (and per layer, and the file's title and description) whose texts are only in others."""
    from .i18n import missing_translations

    return missing_translations(load_events(path, reading), lang)


def _layer_conflict(layer_id, first_path, first, path, layer):
    def described(definition):  # only what differs
        words = ", ".join(
            f"no {key}" if definition[key] is None else f"{key} {definition[key]!r}"
            for key in ("name", "color", "description")
            if first[key] != layer[key]
        )
        return f"the built-in layer: {words}" if definition in _BUILT_IN_LAYERS else words

    return (
        f"the layer {layer_id!r} is defined differently in {first_path} ({described(first)}) "
        f"and in {path} ({described(layer)}); give it the same name, colour and description "
        "in both files, or a different id in one."
    )


_BUILT_IN_LAYERS = [layer.model_dump() for layer in DEFAULT_LAYERS]


def located_by_editor(located) -> list[str]:
    """One line per place the editor located (a point or a region code in an event, or a
    place of a places file), with the events that use it: what `geomap check` lists."""
    used: dict[tuple, list[str]] = {}
    for event_id, places, route in zip(located["id"], located["places"], located["route"]):
        for place in [*places, *route]:
            if "located" in place or "given_iso" in place:
                key = (
                    place["written"],
                    place.get("given_lat"),
                    place.get("given_lon"),
                    place.get("given_precision"),
                    place.get("given_iso"),
                    place.get("located"),
                    place["name"],
                )
                used.setdefault(key, []).append(event_id)
    lines = []
    for (written, lat, lon, precision, iso, how, name), ids in used.items():
        events = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        if iso:
            lines.append(f"{written}: region code {iso}, {name} (events {events})")
            continue
        drawn = f", drawn as {name}" if precision in ("region", "country") else ""
        source = " from the places file" if how == "places file" else ""
        lines.append(
            f"{written}: located by the editor{source} at {lat},{lon} ({precision}{drawn}) "
            f"(events {events})"
        )
    return lines


def make_map(events, places=(), **options):
    """A folium.Map from an events file path, a list of paths, or located events.
    `places`: places files that extend the gazetteer (see `locate`)."""
    if isinstance(events, (str, Path)):
        events = locate([events], places=places)
    elif isinstance(events, (list, tuple)):
        events = locate(events, places=places)
    elif not hasattr(events, "geometry"):  # a validated EventsFile
        events = locate_events(events, places_files=places)
    return assemble_map(events, **options)


@dataclass
class BuildResult:
    path: Path
    bytes: int
    events_per_layer: dict
    places_resolved: int
    warnings: list = field(default_factory=list)  # what the user should check (see `locate`)
    # The language of the map's place names, and how many of its places have no name in it
    # (labelled in English instead).
    names_language: str = "en"
    names_missing: int = 0
    names_shown: int = 0  # places of the gazetteer the map names


def build(
    paths=None,
    output=None,
    *,
    png=None,
    png_size=(1200, 800),
    progress=quiet,
    places=(),
    reading=None,
    **options,
) -> BuildResult:
    """Build the map of `paths` (default: the bundled report) and write it to `output`,
    and to the PNG `png` when given. `progress` is called with each stage's description.
    `places`: places files that extend the gazetteer (see `locate`)."""
    with cyclic_gc_paused():
        return _build_files(
            list(paths or [bundled_events()]),
            output,
            png,
            png_size,
            progress,
            options,
            places,
            reading,
        )


def _build_files(
    paths, output, png, png_size, progress, options, places=(), reading=None
) -> BuildResult:
    output = Path(output or Path("output") / f"{Path(paths[0]).stem}.html")
    refuse_overwriting_inputs(
        [("output", output, "-o"), ("PNG", png, "--png")],
        [("the input events file", path) for path in paths]
        + [("the places file", path) for path in places],
    )
    located = _locate(paths, progress, places, reading)
    progress("building the layers")
    names = options["names"] = options.get("names") or GazetteerNames(
        options.get("lang") or DEFAULT_LANGUAGE
    )
    fmap = assemble_map(located, **options)
    html = render_html(fmap)
    progress(f"writing {output}")
    if png:
        from .png import save_png

        # The picture is taken of an offline copy of the same map: no CDN needed.
        save_png(
            assemble_map(located, **{**options, "self_contained": True}),
            png,
            width=png_size[0],
            height=png_size[1],
        )
    write_atomic(output, html)
    shown = [
        layer
        for layer in located.attrs["layers"]
        if not options.get("layers") or layer["id"] in options["layers"]
    ]
    counts = located["layer"].value_counts()
    resolved = {p["id"] for column in ("places", "route") for ps in located[column] for p in ps}
    return BuildResult(
        path=output,
        bytes=len(html.encode("utf-8")),
        events_per_layer={
            original_text(layer["name"], located.attrs.get("language", "en")): int(
                counts.get(layer["id"], 0)
            )
            for layer in shown
        },
        places_resolved=len(resolved),
        warnings=located.attrs["warnings"],
        names_language=names.language,
        names_missing=len(getattr(names, "fallbacks", ())),
        names_shown=len(getattr(names, "asked", ())),
    )
