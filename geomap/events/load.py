"""Read an events file (YAML or CSV) into a validated `EventsFile`.

Every problem becomes an `EventsError` that names the file, the line (YAML) or row (CSV),
the field, what was expected, and a fix. Nothing is read past the first broken line of
YAML; CSV rows are checked independently and all problems reported together.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..csvcells import read_cells  # cells geomap export escaped for spreadsheets
from ..errors import EventsError
from ..textio import decode_utf8, read_bounded
from .schema import MAX_WHOLE_NUMBER, EventsFile, Origin

MAX_BYTES = 20 * 1024 * 1024  # far above any article's events; a 50 MB file is a mistake
MAX_DEPTH = 20
MAX_REPORTED = 10
LIST_SEPARATOR = ";"


def load_events(path) -> EventsFile:
    """Load and validate an events file; `.csv` is read as CSV, anything else as YAML."""
    path = Path(path)
    raw = _read_bytes(path)
    text = _decode(path, raw)
    if path.suffix.lower() == ".csv":
        data, lines = _parse_csv(path, text)
    else:
        data, lines = _parse_yaml(path, text)
    return _validate(path, data, lines)


def _read_bytes(path: Path) -> bytes:
    try:  # bounded whatever the path is: a pipe, /dev/stdin or /dev/zero has no size to check
        raw = read_bounded(
            path,
            MAX_BYTES,
            what="an events file",
            expected="YAML or CSV text",
            error=EventsError,
            path=path,
            advice="Split it, or check that this is the right file.",
        )
    except FileNotFoundError:
        raise EventsError(
            f"{path}: no such file. Check the path, or run `geomap build` "
            "without arguments for the bundled report.",
            path=path,
        ) from None
    except IsADirectoryError:
        raise EventsError(
            f"{path}: is a folder; give an events file (.yaml or .csv).", path=path
        ) from None
    except OSError as exc:
        raise EventsError(f"{path}: cannot be read ({exc.strerror}).", path=path) from None
    if not raw.strip():
        raise EventsError(
            f"{path}: the file is empty; expected events (see README, Events file).", path=path
        )
    return raw


def _decode(path: Path, raw: bytes) -> str:
    return decode_utf8(
        raw,
        path,
        error=EventsError,
        path=path,
        advice="Save the file as UTF-8 (in a spreadsheet: CSV UTF-8).",
    )


# --- YAML ---------------------------------------------------------------------------------------


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


def _parse_yaml(path: Path, text: str):
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


# --- CSV ----------------------------------------------------------------------------------------

_LIST_FIELDS = {"places", "route", "tags"}
_SOURCE_FIELDS = {
    "source_title": "title",
    "source_publisher": "publisher",
    "source_url": "url",
    "source_date": "date",
}
_COUNT = re.compile(
    r"^\s*(?P<name>[^:=]+?)\s*[:=]\s*(?P<qualifier>[a-z ]*?)\s*(?P<value>-?[\d.,]+)\s*$"
)


# A comma in a number only between groups of three digits: 1,500 or 15,000,000.5.
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _parse_csv(path: Path, text: str):
    # strict: a stray quote (`"a"b`, or one never closed) is an error, not a silent guess.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    events: list[dict] = []
    rows: list[int] = []  # filled row by row: on a CSV error, the last row read whole is known
    header_end = 0
    try:
        header = next(reader, None)
        if not header or "id" not in [h.strip() for h in header]:
            raise EventsError(
                f"{path}, row 1: expected a header row naming the columns "
                "(id, layer, title, summary, date, places, …).",
                path=path,
                line=1,
            )
        header = _check_header(path, [h.strip() for h in header])
        header_end = reader.line_num
        _read_rows(path, reader, header, events, rows)
    except csv.Error as exc:
        start = (rows[-1] if rows else header_end) + 1  # the record that broke starts here
        raise _csv_error(path, exc, start, reader.line_num) from None
    return {"events": events}, _CsvRows(rows)


def _check_header(path, header):
    """A column named twice would keep only its last cells; `source` beside source_* would mix."""
    first = {}
    for position, column in enumerate(header, 1):
        if column and column in first:
            raise EventsError(
                f"{path}, row 1: the column `{column}` is given twice (columns "
                f"{_column_label(first[column])} and {_column_label(position)}); "
                "keep one.",
                path=path,
                line=1,
                field=column,
            )
        first.setdefault(column, position)
    if "source" in first:
        raise EventsError(
            f"{path}, row 1: a CSV gives the source as the columns "
            f"{', '.join(_SOURCE_FIELDS)}; rename the column `source`.",
            path=path,
            line=1,
            field="source",
        )
    return header


def _column_label(position):
    """3 (C): the column's number and its letters in a spreadsheet."""
    letters, n = "", position
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{position} ({letters})"


def _csv_error(path, exc, start, end):
    runs_on = f" (it runs on to line {end})" if end > start else ""
    return EventsError(
        f"{path}, row {start}{runs_on}: cannot be read as CSV ({exc}). Check its "
        'quotes: a cell that starts with " must end with ", a " inside it is written '
        '"", and a quote never closed swallows the rows below.',
        path=path,
        line=start,
    )


def _read_rows(path, reader, header, events, rows):
    """Each row as an event dict (in `events`) and its line number (in `rows`)."""
    width = len(header)
    lists = [c for c in header if c in _LIST_FIELDS]
    sources = [c for c in header if c in _SOURCE_FIELDS]
    has_counts = "counts" in header
    counts_cache: dict[str, dict] = {}
    count_parts: dict[str, tuple] = {}
    strip = str.strip
    for cells in reader:
        row_number = reader.line_num
        if len(cells) > width:
            raise EventsError(
                f"{path}, row {row_number}: more cells than header columns. "
                "Quote cells that contain commas.",
                path=path,
                line=row_number,
            )
        # Every cell as text first (one comprehension, no branches), then the few columns
        # that mean more than text.
        event = {column: cell for column, cell in zip(header, read_cells(cells)) if cell}
        for column in lists:
            cell = event.get(column)
            if cell is not None:
                event[column] = [part for part in map(strip, cell.split(LIST_SEPARATOR)) if part]
        if has_counts:
            cell = event.get("counts")
            if cell is not None:
                counts = counts_cache.get(cell)
                if counts is None:
                    counts = counts_cache[cell] = _parse_counts(path, row_number, cell, count_parts)
                event["counts"] = counts
        for column in sources:
            cell = event.pop(column, None)
            if cell is not None:
                event.setdefault("source", {})[_SOURCE_FIELDS[column]] = cell
        events.append(event)
        rows.append(row_number)


def _parse_counts(path, row_number, cell, parts_seen):
    """'detained: about 15000; fined: 861' as {name: number or {value, qualifier}}.
    `parts_seen` remembers each part already read: big files repeat them a lot."""
    counts = {}
    for part in cell.split(LIST_SEPARATOR):
        known = parts_seen.get(part)
        if known is None:
            if not part.strip():
                continue
            known = parts_seen[part] = _parse_count(path, row_number, part)
        if known[0] in counts:  # a dict would keep only the last
            raise EventsError(
                f"{path}, row {row_number}, field counts: `{known[0]}` is given twice "
                f"in {cell.strip()!r}; keep one.",
                path=path,
                line=row_number,
                field="counts",
            )
        counts[known[0]] = known[1]
    return counts


def _parse_count(path, row_number, part):
    match = _COUNT.match(part)
    if not match:
        raise EventsError(
            f"{path}, row {row_number}, field counts: cannot read {part.strip()!r}; "
            "expected name: number, e.g. 'detained: about 15000; fined: 861'.",
            path=path,
            line=row_number,
            field="counts",
        )
    number = match["value"]
    if "," in number:
        if not _THOUSANDS.match(number):
            decimal = number.replace(",", ".") if number.count(",") == 1 else "1.5"
            raise EventsError(
                f"{path}, row {row_number}, field counts: cannot read {number!r}: a comma "
                "is read only between groups of three digits, as in 1,500; a decimal "
                f"comma is not read, so for a decimal write {decimal}.",
                path=path,
                line=row_number,
                field="counts",
            )
        number = number.replace(",", "")
    try:
        value = int(number) if number.lstrip("-").isdigit() else float(number)
    except ValueError:
        raise EventsError(
            f"{path}, row {row_number}, field counts: {match['value']!r} is not a number.",
            path=path,
            line=row_number,
            field="counts",
        ) from None
    # A bare number when there is no qualifier: the schema's simplest form, quickest to check.
    qualifier = match["qualifier"]
    return match["name"].strip(), {"value": value, "qualifier": qualifier} if qualifier else value


class _CsvRows:
    def __init__(self, rows):
        self._rows = rows

    def line_for(self, data, loc):
        if (
            len(loc) >= 2
            and loc[0] == "events"
            and isinstance(loc[1], int)
            and loc[1] < len(self._rows)
        ):
            return self._rows[loc[1]], "row"
        return None, "row"


# --- validation ----------------------------------------------------------------------------------


def _validate(path: Path, data, lines) -> EventsFile:
    try:
        events = EventsFile.model_validate(data)
    except ValidationError as exc:
        errors = _merge_count_errors(exc.errors())
        messages = list(
            dict.fromkeys(_describe_error(path, data, lines, error) for error in errors)
        )
        first = errors[0]
        loc = _error_loc(first)
        line, _ = lines.line_for(data, loc)
        extra = len(messages) - MAX_REPORTED
        text = "\n".join(messages[:MAX_REPORTED]) + (
            f"\n… and {extra} more problems" if extra > 0 else ""
        )
        raise EventsError(text, path=path, line=line, field=_field_name(loc)) from None
    unit = lines.line_for(data, ())[1]
    return events.with_origin(
        Origin(
            path=str(path),
            unit=unit,
            finder=lambda index, field: lines.line_for(data, ("events", index, field))[0],
        )
    )


def _merge_count_errors(errors):
    """A bad count fails every branch of its union (int, float, {value, qualifier}): say it once."""
    merged, seen = [], set()
    for error in errors:
        loc = error["loc"]
        if len(loc) >= 4 and loc[0] == "events" and loc[2] == "counts":
            key = loc[:4]
            if key in seen:
                continue
            seen.add(key)
            value = error.get("input")
            number = value.get("value") if isinstance(value, dict) else value
            if isinstance(number, bool):
                why = "expected a number, not true/false"
            elif isinstance(number, float) and not math.isfinite(number):
                why = (
                    "expected a finite number such as 15000, not infinity or not-a-number "
                    "(what YAML makes of .inf, .nan or 1.0e+400)"
                )
            elif isinstance(number, (int, float)) and number < 0:
                why = "expected a number of 0 or more (greater than or equal to 0)"
            elif isinstance(number, int) and number > MAX_WHOLE_NUMBER:
                why = (
                    f"expected a whole number up to {MAX_WHOLE_NUMBER:,}, the largest a web page "
                    "shows exactly"
                )
            else:
                why = "expected a number such as 15000, or {value: 15000, qualifier: about}"
            error = {"type": "count", "loc": key, "msg": f"{why}, got {str(value)[:40]!r}"}
        merged.append(error)
    return merged


def _error_loc(error):
    ctx_error = (error.get("ctx") or {}).get("error")
    return tuple(getattr(ctx_error, "loc", None) or error["loc"])


def _field_name(loc) -> str:
    parts = [str(p) for p in loc if not isinstance(p, int)]
    return ".".join(parts) or "(file)"


# What a pattern means, in words, for the fields that have one.
_PATTERN_HINTS = {
    "id": "lowercase letters, digits and hyphens, e.g. kyiv-rally-8-march",
    "layer": "a layer id: lowercase letters, digits and hyphens, e.g. protests",
    "currency": "a three-letter currency code such as EUR, USD or UAH",
    "color": "a colour as #rrggbb, e.g. #d7301f",
    "tags": "lowercase letters, digits, dots and hyphens, e.g. article-207.3",
    "counts": "a count name in lowercase letters, digits and underscores, e.g. forced_labour",
    "url": "a web address starting with http:// or https://, without spaces, quotes or angle "
    "brackets (percent-encode them)",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _describe_error(path, data, lines, error) -> str:
    loc = _error_loc(error)
    line, unit = lines.line_for(data, loc)
    where = f"{path}, {unit} {line}" if line else f"{path}"
    event_id = _event_id(data, loc)
    if event_id:
        where += f" (event {event_id})"
    field = _field_name(loc)
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "required field is missing"
    elif error["type"] == "extra_forbidden":
        message = "unknown field; check the spelling (see README, Events file)"
    elif error["type"] == "model_type" and len(loc) == 2:
        message = (
            "expected an event: a mapping with id, layer, title, summary, date, places and "
            f"certainty, got {str(error.get('input'))[:60]!r}"
        )
    elif error["type"] == "string_pattern_mismatch":
        control = _CONTROL.search(str(error["input"]))
        hint = next((_PATTERN_HINTS[p] for p in reversed(loc) if p in _PATTERN_HINTS), None)
        if hint:
            message = f"expected {hint}, got {str(error['input'])[:60]!r}"
        elif control:
            message = (
                f"contains the control character U+{ord(control.group()):04X}, which a page "
                "cannot show; remove it (often a paste from a PDF or spreadsheet)"
            )
        else:
            message = f"not in the expected format, got {str(error['input'])[:60]!r}"
    elif "input" in error and error["type"] not in ("value_error", "assertion_error"):
        value = error["input"]
        shown = str(value) if isinstance(value, dt.date) else repr(value)  # 2022-03-05 12:00:00
        message += f", got {shown[:60]}{'…' if len(shown) > 60 else ''}"
    return f"{where}, field {field}: {message}"


def _event_id(data, loc):
    if len(loc) >= 2 and loc[0] == "events" and isinstance(loc[1], int):
        events = data.get("events") if isinstance(data, dict) else None
        if isinstance(events, list) and loc[1] < len(events) and isinstance(events[loc[1]], dict):
            value = events[loc[1]].get("id")
            return value if isinstance(value, str) else None
    return None
