"""Writing an import as an events file, and re-importing a newer export into it.

The events file is where an editor reviews a dataset before it is published, so a newer
export updates it in place: events are matched by their dataset id (ACLED's
`event_id_cnty`), changed ones replaced, new ones added, and those the new export no longer
has are listed (kept, unless the user asks to remove them: a narrower export would
otherwise delete events silently). Events the editor added by hand stay as they are.
The file's bytes depend only on the inputs: a second import of the same file writes the
same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import EventsError


@dataclass
class Reconciled:
    document: dict
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    disappeared: list[str] = field(default_factory=list)  # listed; removed only when asked
    removed: bool = False


def read_previous(path: Path, dataset_name: str) -> dict | None:
    """The events file an earlier import wrote, or None when there is none yet."""
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EventsError(
            f"{path}: exists but cannot be read as an events file ({exc}); give another -o, "
            "or move it away to import afresh.",
            path=str(path),
        ) from None
    dataset = data.get("dataset") if isinstance(data, dict) else None
    if not isinstance(dataset, dict) or dataset.get("name") != dataset_name:
        raise EventsError(
            f"{path}: exists and is not an import of {dataset_name} (no `dataset: {{name: "
            f"{dataset_name}}}`); geomap updates only a file it imported: give another -o.",
            path=str(path),
        )
    return data


def reconcile(
    previous: dict | None,
    document: dict,
    id_prefix: str,
    remove_missing: bool,
    keep=("title", "description"),
) -> Reconciled:
    """`document` (a fresh import) merged into `previous` (the file an earlier import
    wrote): the new export's events replace theirs; hand-added events (ids without
    `id_prefix`) and the previous file's fields named in `keep` (the editor's own title and
    description, unless the user gave new ones) stay."""
    if previous is None:
        result = Reconciled(document)
        result.added = [e["id"] for e in document["events"]]
        document["events"] = sorted(document["events"], key=_order)
        return result
    new = {e["id"]: e for e in document["events"]}
    old = {e.get("id"): e for e in previous.get("events") or [] if isinstance(e, dict)}
    result = Reconciled(document, removed=remove_missing)
    for event_id, event in new.items():
        if event_id not in old:
            result.added.append(event_id)
        elif _plain(old[event_id]) != _plain(event):
            result.updated.append(event_id)
        else:
            result.unchanged += 1
    events = list(new.values())
    for event_id, event in old.items():
        if event_id in new:
            continue
        if str(event_id).startswith(id_prefix):
            result.disappeared.append(str(event_id))
            if remove_missing:
                continue
        events.append(event)
    for key in keep:
        if previous.get(key):
            document[key] = previous[key]
    used = {e.get("layer") for e in events}
    layer_ids = {layer["id"] for layer in document["layers"]}
    missing = sorted(str(u) for u in used - layer_ids)
    if missing:
        raise EventsError(
            f"events kept from the previous file use the layer {missing[0]!r}, which the "
            "layers mapping does not define; add it to the mapping's `layers:`.",
            field="layers",
        )
    document["events"] = sorted(events, key=_order)
    return result


def _plain(event: dict) -> str:
    """An event as text, so one read back from YAML compares equal to a fresh one."""
    return yaml.safe_dump(event, sort_keys=True, allow_unicode=True)


def _order(event: dict):
    """By first day, then id: a stable order whatever the export's."""
    when = event.get("date") or event.get("start") or ""
    return (_first_day(when), str(event.get("id")))


def _first_day(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if "-W" in text:
        year, week = text.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).isoformat()
    return text if len(text) == 10 else text + "-01"
