"""Propose real gazetteer ids for the corpus's placeholders, for a person to review.

    python bench/propose_ids.py > /tmp/proposals.tsv       # one row per distinct placeholder
    (review every row by hand: keep, change or blank its id)
    python bench/propose_ids.py --apply /tmp/proposals.tsv  # write the reviewed ids

A placeholder (`?city:Tbilisi,GE`, bench/corpus.py) stands for a real place the gazetteer
lacked when the list was written. For each distinct placeholder this prints every gazetteer
place that could be it: the places whose name or alias folds to the placeholder's name, plus
what `lookup` answers for that name and for each way the articles write it, each marked with
whether it fits the placeholder (bench/extract.py's `fits`: same name, same country, a kind
of the same sort). It proposes an id only when exactly one candidate fits; a namesake abroad, a
second village of the same name or a river's town never gets proposed silently, and the
candidates column shows what was weighed. Rivers, seas and ranges have no geometry by design,
so their placeholders stay.

The proposal is an aid, not an answer: the reviewer checks country, kind and coordinates
against the article's sentence, and may write any id (or none) in the `id` column. --apply then
replaces, in every list, each placeholder whose reviewed row has an id, and leaves the rest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geomap.gazetteer import Gazetteer
from geomap.gazetteer.normalize import normalize, split_descriptor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SUFFIX, CorpusError, discover
from extract import fits

COLUMNS = ("placeholder", "id", "rows", "candidates")


def candidates(gazetteer, placeholder, written):
    """Places that might be the placeholder's: by folded name, and by lookup of each spelling."""
    _, _, rest = placeholder[1:].partition(":")
    name, _, country = rest.partition(",")
    key = normalize(name)
    base, _ = split_descriptor(key)
    positions = set(gazetteer.names.full.get(key, ())) | {
        entry >> 1 for entry in gazetteer.names.base.get(base, ())
    }
    found = {gazetteer.places[p].id: gazetteer.places[p] for p in positions}
    for query in (name, *written):
        match = gazetteer.lookup(query, country or None)
        for place in (match.place, *match.alternatives):
            if place is not None:
                found.setdefault(place.id, place)
    return sorted(
        found.values(), key=lambda p: (not fits(placeholder, p), -(p.population or 0), p.id)
    )


def describe(place, placeholder):
    where = f"{place.country}/{place.parent}" if place.parent else place.country
    population = f" pop {place.population:,}" if place.population else ""
    mark = "FITS" if fits(placeholder, place) else "no"
    return (
        f"[{mark}] {place.id} {place.kind} {place.name!r} {where} "
        f"{place.lat:.3f},{place.lon:.3f}{population}"
    )


def propose(gazetteer):
    rows = {}
    for entry in discover():
        for row in entry.rows:
            if row.placeholder:
                rows.setdefault(row.place, []).append((entry.name, row))
    print("\t".join(COLUMNS))
    for placeholder in sorted(rows):
        written = sorted({row.words for _, row in rows[placeholder]})
        found = candidates(gazetteer, placeholder, written)
        fitting = [p for p in found if fits(placeholder, p)]
        proposal = fitting[0].id if len(fitting) == 1 else ""
        where = "; ".join(f"{name}:{row.line} {row.words!r}" for name, row in rows[placeholder])
        listed = " | ".join(describe(p, placeholder) for p in found[:8]) or "none"
        print(f"{placeholder}\t{proposal}\t{where}\t{listed}")


def apply(reviewed: Path):
    ids = {}
    for number, line in enumerate(reviewed.read_text(encoding="utf-8").splitlines(), 1):
        cells = line.split("\t")
        if number == 1 or not line.strip():
            continue
        if len(cells) < 2 or not cells[0].startswith("?"):
            raise CorpusError(f"{reviewed}:{number}: expected a placeholder and an id")
        if cells[1].strip():
            ids[cells[0]] = cells[1].strip()
    gazetteer = Gazetteer.load()
    for placeholder, place_id in ids.items():
        try:
            gazetteer.get(place_id)
        except KeyError:
            raise CorpusError(f"{reviewed}: {placeholder} → {place_id}: no such id") from None
    for entry in discover():
        lines = entry.expected.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = 0
        for i, line in enumerate(lines):
            cells = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cells) == 4 and cells[3] in ids:
                lines[i] = "\t".join((*cells[:3], ids[cells[3]])) + "\n"
                changed += 1
        if changed:
            entry.expected.write_text("".join(lines), encoding="utf-8")
            print(f"{entry.expected.name}: {changed} placeholder rows given their ids")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--apply", type=Path, help=f"write a reviewed proposals file into *{SUFFIX}"
    )
    args = parser.parse_args()
    try:
        apply(args.apply) if args.apply else propose(Gazetteer.load())
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
