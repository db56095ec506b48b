"""Numbers in CSV cells: counts (`detained: about 15000; fined: 861`) and a place's lat and
lon, with a comma only between groups of three digits (1,500), or, when the file is read with
`decimal_comma`, as the decimal mark (2,75; 15 000,5). Numbers written with a decimal comma in a
file not read so are collected row by row and told in one line, with the option to pass."""

from __future__ import annotations

import re

from ..errors import EventsError

LIST_SEPARATOR = ";"

NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)$")
_COUNT = re.compile(
    r"^\s*(?P<name>[^:=]+?)\s*[:=]\s*(?P<qualifier>[a-z ]*?)\s*"
    r"(?P<value>-?[\d.,](?:[\d.,\u00a0\u202f ]*[\d.,])?)\s*$"
)


# A comma in a number only between groups of three digits: 1,500 or 15,000,000.5.
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def parse_counts(path, row_number, cell, parts_seen, decimal_comma):
    """'detained: about 15000; fined: 861' as ({name: number or {value, qualifier}}, the first
    number written with a decimal comma or None). `parts_seen` remembers each part already
    read: big files repeat them a lot."""
    counts = {}
    comma = None
    for part in cell.split(LIST_SEPARATOR):
        known = parts_seen.get(part)
        if known is None:
            if not part.strip():
                continue
            known = parts_seen[part] = _parse_count(path, row_number, part, decimal_comma)
        if known[0] in counts:  # a dict would keep only the last
            raise EventsError(
                f"{path}, row {row_number}, field counts: `{known[0]}` is given twice "
                f"in {cell.strip()!r}; keep one.",
                path=path,
                line=row_number,
                field="counts",
            )
        counts[known[0]] = known[1]
        comma = comma or known[2]
    return counts, comma


def _parse_count(path, row_number, part, decimal_comma):
    """(name, number or {value, qualifier}, the number's text when it has a decimal comma that
    is not to be read, else None)."""
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
    comma = None
    if decimal_comma:
        # The comma is the decimal mark; groups of three digits may be set off by spaces, as
        # spreadsheets in such locales write them (15 000). A point would be a guess.
        grouped = _SPACED_GROUPS.match(number)
        if not grouped:
            raise EventsError(
                f"{path}, row {row_number}, field counts: cannot read {number!r} with "
                "--decimal-comma: expected digits with a comma for decimals, as in 2,75 or "
                "15 000,5; write the number without a point.",
                path=path,
                line=row_number,
                field="counts",
            )
        number = re.sub(r"[\s\u00a0\u202f]", "", number).replace(",", ".")
    elif "," in number:
        if not _THOUSANDS.match(number):
            if DECIMAL_COMMA.match(number):
                comma = number  # told once for every row that has one (DecimalCommas)
                number = "0"
            else:
                raise EventsError(
                    f"{path}, row {row_number}, field counts: cannot read {number!r}: a comma "
                    "is read only between groups of three digits, as in 1,500; a decimal "
                    "comma is read only with --decimal-comma, so for a decimal write 1.5.",
                    path=path,
                    line=row_number,
                    field="counts",
                )
        else:
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
    name = match["name"].strip()
    return name, ({"value": value, "qualifier": qualifier} if qualifier else value), comma


_SPACED_GROUPS = re.compile(r"^-?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?$")


class DecimalCommas:
    """Numbers written with a decimal comma, when the file is not read with one: every row that
    has one is collected, and all are told in one line per field, with the option to pass."""

    def __init__(self, path, decimal_comma):
        self.path, self.decimal_comma = path, decimal_comma
        self.found: dict[str, list] = {}  # field -> [(row, the number as written)]

    def add(self, field, row, text):
        self.found.setdefault(field, []).append((row, text))

    def raise_any(self):
        """One line for all of them: the same fix holds for every field and row."""
        if not self.found:
            return
        seen = [found for field in self.found.values() for found in field]
        rows = sorted({row for row, _ in seen})
        fields = ("fields " if len(self.found) > 1 else "field ") + ", ".join(self.found)
        example = self.found[next(iter(self.found))][0][1]
        point = example.replace(",", ".")
        if len(rows) == 1:
            message = (
                f"{self.path}, row {rows[0]}, {fields}: cannot read {example!r}: a comma "
                "is read only between groups of three digits, as in 1,500; a decimal comma is "
                f"read only with --decimal-comma, so pass --decimal-comma or write {point}."
            )
        else:
            message = (
                f"{self.path}, rows {row_ranges(rows)}, {fields}: {len(rows)} rows have "
                f"numbers with a decimal comma, like {example}: pass --decimal-comma or "
                f"write {point}."
            )
        first_field = next(iter(self.found))
        raise EventsError(message, path=self.path, line=rows[0], field=first_field)


def row_ranges(rows, limit=6) -> str:
    """[2, 3, 4, 7, 9, 10] as '2–4, 7, 9–10'; past `limit` ranges, the rest as '…'."""
    spans: list[list[int]] = []
    for row in rows:
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    shown = [f"{a}–{b}" if b > a else str(a) for a, b in spans[:limit]]
    return ", ".join(shown) + (", …" if len(spans) > limit else "")
