"""Named groups of regions ("Donbas", "Siberia", "the Volga Federal District") and colloquial
names of single regions ("Primorye", "Kharkivshchyna"), as geodata/sources/region-groups.csv
declares them, one cited row each.

A row with several member regions is a group: a place of its own, drawn as the union of its
members and labelled with its own name; its precision says how well the members give its
extent. A row of category "colloquial name" names exactly one region: its names become that
region's names, so "Primorye" is Primorsky Krai itself, not a group of one. A historical region
that covers part of one region (Bukovina, Budjak) stays a group, with a precision that says so.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError

COLLOQUIAL = "colloquial name"
CATEGORIES = ("federal district", "macro-region", "historical region", COLLOQUIAL)
# How exactly the member regions give the group's extent, from the vaguest.
EXTENTS = ("partial", "approximate", "exact")
# Read as "located at … level" in a popup; "approximate" makes the page dash the outline.
_EXTENT_WORDING = {
    "partial": "{category} (approximate: parts of the shaded regions)",
    "approximate": "{category} (approximate)",
    "exact": "{category}",
}
# Every precision a group can carry, from the coarsest: events/locate.py orders events by it.
GROUP_PRECISIONS = tuple(
    _EXTENT_WORDING[extent].format(category=category)
    for extent in EXTENTS
    for category in CATEGORIES
    if category != COLLOQUIAL
)
COLUMNS = ("id", "name", "category", "extent", "members", "names", "reference")


@dataclass(frozen=True)
class GroupRow:
    id: str
    name: str
    category: str
    extent: str
    members: tuple[str, ...]
    names: tuple[str, ...]
    reference: str

    @property
    def colloquial(self) -> bool:
        return self.category == COLLOQUIAL

    @property
    def precision(self) -> str:
        return _EXTENT_WORDING[self.extent].format(category=self.category)


def read_group_rows(path: Path, region_ids: set[str]) -> list[GroupRow]:
    """The rows of region-groups.csv, checked: one DataError names the row and the field."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise DataError(f"{path}: missing column(s) {', '.join(missing)}; expected {COLUMNS}")
        rows = [(line, raw) for line, raw in enumerate(reader, start=2)]
    out, seen = [], set()
    for line, raw in rows:
        where = f"{path}, row {line}"
        row = GroupRow(
            id=raw["id"].strip(),
            name=raw["name"].strip(),
            category=raw["category"].strip(),
            extent=raw["extent"].strip(),
            members=tuple(raw["members"].split()),
            names=tuple(n.strip() for n in raw["names"].split(";") if n.strip()),
            reference=raw["reference"].strip(),
        )
        if not row.id or row.id in seen:
            raise DataError(f"{where}, field id: {row.id!r} is empty or used twice")
        seen.add(row.id)
        if row.category not in CATEGORIES:
            raise DataError(f"{where}, field category: {row.category!r}; expected {CATEGORIES}")
        if row.extent not in EXTENTS:
            raise DataError(f"{where}, field extent: {row.extent!r}; expected {EXTENTS}")
        unknown = [m for m in row.members if m not in region_ids]
        if not row.members or unknown:
            raise DataError(
                f"{where}, field members: unknown region code(s) {unknown or '(none given)'}; "
                "expected ISO 3166-2 codes of the gazetteer's regions, separated by spaces"
            )
        if row.colloquial and len(row.members) != 1:
            raise DataError(
                f"{where}: a colloquial name names exactly one region, not {len(row.members)}; "
                "use category 'macro-region' or 'historical region' for a group"
            )
        if not row.colloquial and len(row.members) == 1 and row.extent != "partial":
            raise DataError(
                f"{where}: a group of one whole region is that region; make it a "
                "'colloquial name' row, or say extent 'partial' if it covers part of it"
            )
        if not row.reference.startswith("https://"):
            raise DataError(f"{where}, field reference: expected the https:// address of a source")
        out.append(row)
    return out
