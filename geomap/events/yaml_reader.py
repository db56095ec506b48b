"""YAML events files: parsed with the line of every key, for messages that name it.

Refused, each at its own line: a key given twice at any depth, merge keys, anchors and aliases
(a tiny file could expand to billions of nodes), nesting past MAX_DEPTH, impossible dates,
numbers as dates, integers of hundreds of digits, and sets, ordered maps, pairs and binary.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import EventsError
from .schema import MAX_WHOLE_NUMBER

MAX_DEPTH = 20


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that geomap will not read; `problem` is the whole message, fix included."""

    def __init__(self, problem, mark, field=None):
        super().__init__(None, None, problem, mark)
        self.field = field


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping key, refuses a key given twice,
    and refuses aliases (anchors let a tiny file expand to billions of nodes)."""

    lines: dict  # (id of a mapping or list, key or index or None) -> line
    keep: list  # the mappings and lists whose ids `lines` holds, kept alive
    where: dict  # id of a mapping node -> (what owns it, its base, its keys): for messages

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(
                "anchors and aliases (& and *) are not supported; write the value out in full.",
                event.start_mark,
            )
        if self.check_event(yaml.MappingStartEvent, yaml.SequenceStartEvent):
            self._depth = getattr(self, "_depth", 0) + 1
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    f"nested more than {MAX_DEPTH} levels deep.", self.peek_event().start_mark
                )
            node = super().compose_node(parent, index)
            self._depth -= 1
            return node
        return super().compose_node(parent, index)


# Where a collection sits, for messages: (the event or layer it belongs to, the field that
# holds such items, the keys leading to it from there; "[]" for an item of a list). Each
# mapping and list records it for its child collections before building them.
_TOP = (None, (), ())
_ITEMS = {("events", "[]"): "event", ("[]",): "event", ("layers", "[]"): "layer"}
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct_located_map(loader, node):
    """Build a mapping and record the line of the mapping and of each of its keys. A key given
    twice is refused here, at every depth: a dict would silently keep only the last value."""
    data = {}
    yield data
    owner, base, keys = loader.where.get(id(node), _TOP)
    if owner is None and keys in _ITEMS:
        owner, base, keys = _item_name(_ITEMS[keys], node), (f"{_ITEMS[keys]}s",), ()
    first_line = {}
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:  # `<<:` lets one key quietly override another
            raise _Refused(
                "merge keys (<<) are not supported; write the keys out in full.",
                key_node.start_mark,
            )
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            earlier = first_line.get(key)
        except TypeError:  # an unhashable key: construct_mapping says so below
            continue
        if earlier is not None:
            lines = f"on line {line}" if earlier == line else f"lines {earlier} and {line}"
            field = ".".join(
                k for k in (*base, *keys, str(key)) if k != "[]"
            )  # as pydantic names it
            raise _Refused(
                f"`{key}` is given twice ({lines}) {_where(owner, keys)}; keep one.",
                key_node.start_mark,
                field=field,
            )
        first_line[key] = line
        if isinstance(value_node, (yaml.MappingNode, yaml.SequenceNode)):
            loader.where[id(value_node)] = (owner, base, (*keys, str(key)))
    data.update(loader.construct_mapping(node, deep=True))
    loader.lines[(id(data), None)] = node.start_mark.line + 1
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (str, int)):
            loader.lines[(id(data), key)] = key_node.start_mark.line + 1
    loader.keep.append(data)  # ids stay valid while the mapping lives


def _item_name(kind, node):
    """'event rally' for an event mapping with `id: rally`; 'the event at line 12' without one."""
    for key_node, value_node in node.value:
        if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode) and value_node.value:
            return f"{kind} {value_node.value[:60]}"
    return f"the {kind} at line {node.start_mark.line + 1}"


def _where(owner, keys):
    """Words for where a mapping sits: 'in event rally', 'in `counts` of event rally'."""
    path = ".".join(k for k in keys if k != "[]")
    inside = f"an item of `{path}`" if keys and keys[-1] == "[]" else f"`{path}`"
    if owner and path:
        return f"in {inside} of {owner}"
    if owner:
        return f"in {owner}"
    return f"in {inside}" if path else "at the top level of the file"


def _construct_located_seq(loader, node):
    """Build a list and record the line of each of its items."""
    data = []
    yield data
    owner, base, keys = loader.where.get(id(node), _TOP)
    for item in node.value:
        if isinstance(item, (yaml.MappingNode, yaml.SequenceNode)):
            loader.where[id(item)] = (owner, base, (*keys, "[]"))
    data.extend(loader.construct_sequence(node, deep=True))
    for index, item in enumerate(node.value):
        loader.lines[(id(data), index)] = item.start_mark.line + 1
    loader.keep.append(data)


def _construct_date(loader, node):
    """A date such as 2022-02-30 is refused at its own line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise _Refused(
            f"{node.value!r} is not a real date ({exc}). Write dates as YYYY-MM-DD "
            "with a real day.",
            node.start_mark,
        ) from None


# Digits (after signs, underscores and a 0x/0o/0b prefix) past which a YAML integer is refused
# before Python converts it: far above MAX_WHOLE_NUMBER's 16, far below Python's 4,300-digit
# limit on int(), whose error would name a Python setting instead of the line.
MAX_INTEGER_DIGITS = 30


def _construct_int(loader, node):
    """A whole number with hundreds of digits is refused at its own line."""
    digits = sum(ch.isalnum() for ch in str(node.value))
    if digits > MAX_INTEGER_DIGITS:
        raise _Refused(
            f"a number of {digits:,} digits is not a count; the largest number geomap "
            f"maps is {MAX_WHOLE_NUMBER:,}.",
            node.start_mark,
        )
    return yaml.SafeLoader.construct_yaml_int(loader, node)


def _refuse_tag(loader, node):
    """Sets, ordered maps, pairs and binary have no place in an events file, and a set
    has no order: a route read from one could change direction from run to run."""
    kind = node.tag.rsplit(":", 1)[-1]
    raise _Refused(
        f"`!!{kind}` values are not supported; write a list such as [Kharkiv, Kyiv], "
        "a mapping, or plain text.",
        node.start_mark,
    )


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_located_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_located_seq)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
for _tag in ("set", "omap", "pairs", "binary"):
    _LineLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


def parse_yaml(path: Path, text: str):
    try:
        loader = _LineLoader(text)
    except yaml.reader.ReaderError as exc:  # the reader refuses control characters up front
        line: int | None = text[: exc.position].count("\n") + 1
        raise EventsError(
            f"{path}, line {line}: contains the control character U+{exc.character:04X}, "
            "which YAML does not allow; remove it.",
            path=path,
            line=line,
        ) from None
    loader.lines, loader.keep, loader.where = {}, [], {}
    try:
        data = loader.get_single_data()
    except _Refused as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise EventsError(
            f"{path}, line {line}: {exc.problem}", path=path, line=line, field=exc.field
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if mark and "'\\t'" in (exc.problem or ""):  # the scanner's "found character '\t'"
            raise _tab_error(path, text, mark) from None
        problem = exc.problem or exc.context or "not valid YAML"
        raise EventsError(
            f"{path}, line {line}: {problem}. Check indentation, colons and quotes "
            "(a value containing ': ' or '#' needs quotes).",
            path=path,
            line=line,
        ) from None
    except yaml.YAMLError as exc:
        raise EventsError(f"{path}: not valid YAML ({exc}).", path=path) from None
    except (ValueError, TypeError, RecursionError) as exc:
        line = loader.get_mark().line + 1 if loader.get_mark() else None
        raise EventsError(
            f"{path}, near line {line}: cannot read this YAML ({exc}).", path=path, line=line
        ) from None
    finally:
        loader.dispose()
    if isinstance(data, list):
        wrapper = {"events": data}  # a bare list of events is fine
        loader.lines[(id(wrapper), "events")] = loader.lines.get((id(data), 0), 1)
        loader.keep.append(wrapper)
        data = wrapper
    if not isinstance(data, dict):
        raise EventsError(
            f"{path}: expected a mapping with an `events:` list, got {type(data).__name__}. "
            "See README, Events file.",
            path=path,
        )
    return data, _YamlLines(loader.lines)


def _tab_error(path, text, mark) -> EventsError:
    """A tab where YAML wants spaces: say where, and which, rather than the scanner's words."""
    line = mark.line + 1
    before = text.splitlines()[mark.line][: mark.column] if text else ""
    if not before.strip():
        fix = "indent with spaces, not tabs (YAML counts spaces to see what belongs to what)"
    else:
        fix = "write a space, not a tab, after the colon or dash"
    return EventsError(
        f"{path}, line {line}, column {mark.column + 1}: a tab; {fix}.",
        path=path,
        line=line,
    )


class _YamlLines:
    def __init__(self, lines):
        self._lines = lines

    def line_for(self, data, loc):
        """The line of the deepest key of `loc` that exists in the data."""
        line, node = self._lines.get((id(data), None)), data
        for part in loc:
            if isinstance(node, dict) and part in node:
                line = self._lines.get((id(node), part), line)
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                line = self._lines.get((id(node), part), line)
                node = node[part]
                if isinstance(node, dict):
                    line = self._lines.get((id(node), None), line)
            else:
                break
        return line, "line"
