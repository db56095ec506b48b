"""The user's mapping of a dataset's event types to the map's layers.

    layers:                                  # optional: the built-in layers otherwise
      - {id: battles, name: Battles, color: "#444444"}
    types:
      Protests: protests                     # every sub-event type of Protests
      Riots:                                 # or one layer per sub-event type
        Mob violence: protests
        Violent demonstration: protests
      Battles: battles
      Strategic developments: skip           # left out on purpose, and counted

A type the mapping does not name has no layer: the import lists its rows and writes nothing,
rather than guess one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import EventsError
from ..events.schema import DEFAULT_LAYERS, Layer

SKIP = "skip"


@dataclass
class LayerMapping:
    path: str
    layers: list[dict]
    by_type: dict[str, str] = field(default_factory=dict)  # event type -> layer id or SKIP
    by_sub_type: dict[tuple[str, str], str] = field(default_factory=dict)

    def layer_of(self, event_type: str, sub_type: str) -> str | None:
        """The layer id, SKIP, or None when the mapping does not say."""
        found = self.by_sub_type.get((event_type, sub_type))
        return found if found is not None else self.by_type.get(event_type)


def read_mapping(path) -> LayerMapping:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EventsError(
            f"{path}: cannot read the layers mapping ({exc}); give a UTF-8 YAML file with "
            "`types:` (event type: layer id).",
            path=path,
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise EventsError(
            f"{path}, line {line}: not valid YAML ({getattr(exc, 'problem', exc)}).",
            path=path,
            line=line,
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise EventsError(
            f"{path}: expected a mapping with `types:`, each event type followed by a layer "
            "id, e.g. `types: {Protests: protests, Battles: battles}`.",
            path=path,
            field="types",
        )
    unknown = sorted(set(data) - {"layers", "types"})
    if unknown:
        raise EventsError(
            f"{path}: unknown key {unknown[0]!r}; a layers mapping has `layers:` (optional) "
            "and `types:`.",
            path=path,
            field=unknown[0],
        )
    try:
        layers = [Layer.model_validate(item) for item in data.get("layers") or []]
    except ValidationError as exc:
        first = exc.errors()[0]
        raise EventsError(
            f"{path}, field layers.{'.'.join(map(str, first['loc']))}: {first['msg']}; a layer "
            'is {id: battles, name: Battles, color: "#444444"}.',
            path=path,
            field="layers",
        ) from None
    layers = layers or list(DEFAULT_LAYERS)
    ids = [layer.id for layer in layers]
    mapping = LayerMapping(str(path), [layer.model_dump() for layer in layers])

    def layer_id(value, where: str) -> str:
        if not isinstance(value, str) or (value not in ids and value != SKIP):
            raise EventsError(
                f"{path}, field types.{where}: {value!r} is not a layer; expected one of "
                f"{', '.join(ids)}, or {SKIP} to leave these events out.",
                path=path,
                field=f"types.{where}",
            )
        return value

    for event_type, target in data["types"].items():
        if isinstance(target, dict):
            for sub_type, value in target.items():
                mapping.by_sub_type[(str(event_type), str(sub_type))] = layer_id(
                    value, f"{event_type}.{sub_type}"
                )
        else:
            mapping.by_type[str(event_type)] = layer_id(target, str(event_type))
    return mapping
