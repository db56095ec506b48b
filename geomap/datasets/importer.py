"""`geomap import`: a dataset → an events file, written once every row has its place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EventsError
from ..events.load import MAX_BYTES as EVENTS_MAX_BYTES
from ..events.yaml_writer import dump
from ..files import refuse_overwriting_inputs, write_atomic
from . import acled
from .mapping import read_mapping
from .update import read_previous, reconcile


@dataclass
class ImportResult:
    path: Path
    rows: int
    events: int
    layout: str
    date_form: str
    skipped: dict = field(default_factory=dict)
    added: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    disappeared: list = field(default_factory=list)
    removed: bool = False
    changed: bool = True  # False: the file already held these bytes

    def report(self) -> list[str]:
        """What the import did, for the person running it (the CLI prints these lines)."""
        verb = "Wrote" if self.changed else "Unchanged:"
        lines = [
            f"{verb} {self.path} ({self.events:,} events) from {self.rows:,} rows; layout: "
            f"{self.layout}; dates: {self.date_form}"
        ]
        for label, count in sorted(self.skipped.items()):
            rows = "row" if count == 1 else "rows"
            lines.append(f"Left out (skip in the mapping): {label}, {count:,} {rows}")
        lines.append(
            f"{len(self.added):,} added, {len(self.updated):,} updated, "
            f"{self.unchanged:,} unchanged"
        )
        if self.updated:
            lines.append("Updated: " + _listed(self.updated))
        if self.disappeared:
            fate = (
                "removed"
                if self.removed
                else "kept; pass --remove-missing to remove them, if ACLED deleted them"
            )
            lines.append(
                f"No longer in the export ({len(self.disappeared):,}, {fate}): "
                + _listed(self.disappeared)
            )
        return lines


def _listed(ids, limit=20) -> str:
    more = f" and {len(ids) - limit:,} more" if len(ids) > limit else ""
    return ", ".join(ids[:limit]) + more


def import_acled(
    export,
    mapping_path,
    output,
    *,
    accessed: dt.date,
    filters: str | None = None,
    title: str | None = None,
    description: str | None = None,
    full_notes: bool = False,
    remove_missing: bool = False,
    progress=None,
) -> ImportResult:
    """Read an ACLED export, map its types to layers, and write (or update) `output`."""
    output = Path(output)
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise EventsError(
            f"{output}: an import writes a YAML events file (events.yaml), where the editor "
            "reviews it; `geomap export --format csv` makes a CSV of it afterwards.",
            path=str(output),
        )
    refuse_overwriting_inputs(
        [("events file", output, "-o")],
        [("the ACLED export", export), ("the layers mapping", mapping_path)],
    )
    mapping = read_mapping(mapping_path)
    imported = acled.read_acled(export, mapping, full_notes=full_notes, progress=progress)
    dataset = {
        "name": acled.NAME,
        "url": acled.URL,
        "accessed": accessed,
        "filters": filters,
        "shareable": False,
    }
    document: dict = {
        "title": title or f"Events from {acled.NAME}",
        "description": description,
        "source": {
            "title": acled.NAME,
            "publisher": acled.PUBLISHER,
            "url": acled.URL,
            "date": accessed,
        },
        "dataset": {k: v for k, v in dataset.items() if v is not None},
        "layers": [{k: v for k, v in layer.items() if v is not None} for layer in mapping.layers],
        "events": imported.events,
    }
    keep = tuple(
        key for key, given in (("title", title), ("description", description)) if not given
    )
    merged = reconcile(
        read_previous(output, acled.NAME), document, acled.ID_PREFIX, remove_missing, keep
    )
    text = dump(merged.document)
    data = text.encode("utf-8")
    if len(data) > EVENTS_MAX_BYTES:
        raise EventsError(
            f"{export}: {len(merged.document['events']):,} events make an events file of "
            f"{len(data):,} bytes, more than an events file may hold ({EVENTS_MAX_BYTES:,}); "
            "export fewer rows (a country, a year), or map the export as a dataset: "
            "`geomap import acled EXPORT --layers MAPPING --map OUT.html`.",
            path=str(export),
        )
    changed = not output.exists() or output.read_bytes() != data
    if changed:
        write_atomic(output, text)
    return ImportResult(
        path=output,
        rows=imported.rows,
        events=len(merged.document["events"]),
        layout=imported.layout,
        date_form=imported.date_form,
        skipped=imported.skipped,
        added=merged.added,
        updated=merged.updated,
        unchanged=merged.unchanged,
        disappeared=merged.disappeared,
        removed=merged.removed,
        changed=changed,
    )


def import_table(table, spec, output) -> ImportResult:
    """Read a table of events (columns named by `spec`, a table.TableSpec) into `output`."""
    from .table import read_table

    output = Path(output)
    refuse_overwriting_inputs([("events file", output, "-o")], [("the table", table)])
    document = read_table(table, spec)
    text = dump(document)
    if len(text.encode("utf-8")) > EVENTS_MAX_BYTES:
        raise EventsError(
            f"{table}: {len(document['events']):,} rows make an events file larger than an "
            f"events file may be ({EVENTS_MAX_BYTES:,} bytes); split the table.",
            path=str(table),
        )
    changed = not output.exists() or output.read_bytes() != text.encode("utf-8")
    if changed:
        write_atomic(output, text)
    events = [e["id"] for e in document["events"]]
    return ImportResult(
        output, len(events), len(events), "table", "", added=events, changed=changed
    )


def map_acled(
    export,
    mapping_path,
    output,
    *,
    accessed: dt.date,
    filters: str | None = None,
    title: str | None = None,
    share_data: bool = False,
    progress=None,
    lang: str = "en",
    **options,
):
    """Map an ACLED export of any size straight to `output` (HTML), grouped (columnar.py), in
    the language `lang` (the marks' titles and notes, the page's words, the credit; the layer
    names are the mapping file's). `options` go to assemble_map. Returns the columnar.Grouped
    and the bytes written."""
    from ..i18n import Words
    from ..map import assemble_map
    from ..outputs import render_html
    from .columnar import group_acled

    progress = progress or (lambda stage: None)
    refuse_overwriting_inputs(
        [("map", Path(output), "--map")],
        [("the ACLED export", export), ("the layers mapping", mapping_path)],
    )
    mapping = read_mapping(mapping_path)
    words = Words(lang)
    grouped = group_acled(export, mapping, progress=progress, words=words)
    dataset = {"name": acled.NAME, "url": acled.URL, "accessed": accessed.isoformat(),
               "filters": filters, "shareable": False}  # fmt: skip
    grouped.located.attrs.update(
        title=title or words("dataset.title", dataset=acled.NAME),
        language=lang,  # the texts made here are in it (i18n.texts: none is marked foreign)
        description=None,
        layers=mapping.layers,
        warnings=[],
        datasets=[dataset],
    )
    progress("building the map")
    html = render_html(assemble_map(grouped.located, share_data=share_data, lang=lang, **options))
    progress(f"writing {output}")
    write_atomic(Path(output), html)
    return grouped, len(html.encode("utf-8"))
