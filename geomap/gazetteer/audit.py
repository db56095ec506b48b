"""The alias audit: names that two or more places answer to, and what lookup does with them.

Two villages called Mykolaivka are normal: lookup says "ambiguous" or prefers the much
bigger one. The dangerous collisions are those where a region or country shares a name
with another place and lookup answers confidently, because one candidate outranks the
others by kind: a source that gives the Sakha Republic the name "Chukotka" makes lookup
send Chukotka to Yakutia. tests/test_alias_audit.py fails on any such collision that is
not listed, with a reason, in geodata/sources/reviewed-collisions.csv.

    python -m geomap.gazetteer.audit        # every confident collision, reviewed or not
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .lookup import HOME_COUNTRIES, Gazetteer, default_gazetteer
from .normalize import normalize

REVIEWED_FILE = Path("sources") / "reviewed-collisions.csv"
_OUTRANKING_KINDS = ("group", "region", "country")


@dataclass(frozen=True)
class Collision:
    key: str  # the normalised name
    answer: str  # the id lookup answers with
    others: tuple[str, ...]  # the ids of the other places that carry the name


def shared_names(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """Every normalised name that two or more places carry, with their ids.

    A region counts as carrying its name without the descriptor as well ("chukotka" for
    Chukotka Autonomous Okrug), so that another place's alias "Chukotka" collides with it.
    """
    names, places = gazetteer.names, gazetteer.places
    out: dict[str, list[str]] = {}
    for key, positions in names.full.items():
        ids = dict.fromkeys(places[p].id for p in positions)
        for entry in names.base.get(key, ()):
            place = places[entry >> 1]
            if entry & 1 and place.kind in _OUTRANKING_KINDS:
                ids.setdefault(place.id)
        if len(ids) > 1:
            out[key] = list(ids)
    return out


def _explained(gazetteer: Gazetteer, answer, other, key: str) -> bool:
    """Collisions that a documented lookup rule decides, the same way every time."""
    if answer.kind == "group" and other.kind in ("town", "checkpoint"):
        return True  # a named group of regions (each row cited) before a village of its name
    if (
        answer.kind == "region"
        and other.kind == "town"
        and other.parent == answer.id
        and any(normalize(n) == key for n in answer.informal)
    ):
        return True  # a cited colloquial name of the region ("Kuban"), not its village
    if answer.kind not in _OUTRANKING_KINDS and other.kind not in _OUTRANKING_KINDS:
        return True  # towns and checkpoints: the population and village-first rules
    if other.drawn_as and other.drawn_as in (answer.id, answer.parent):
        return True  # a breakaway entity and the region whose outline it is drawn with
    if answer.drawn_as == other.id:
        return True
    if (
        other.kind == "town"
        and not other.romanised
        and (answer.kind == "country" or answer.country in HOME_COUNTRIES)
    ):
        # A country, or a region of Russia or Ukraine, over a town far abroad named after it
        # ("Lebanon", Kansas; "Armenia", Colombia; "Amur", India): the kind rule. A town in a
        # neighbouring country (Altay, Kazakhstan) is a real rival and stays for review.
        return True
    if answer.kind == "town" and other.kind == "region":
        # "Kharkiv", "Kiev": the capital wins over the region named after it
        return answer.parent == other.id or gazetteer._is_city_region(answer)
    return False


def confident_collisions(gazetteer: Gazetteer | None = None) -> list[Collision]:
    """Shared names involving a region or country that lookup answers confidently, except
    those a lookup rule explains (a region's capital, a breakaway entity's host region)."""
    gazetteer = gazetteer or default_gazetteer()
    out = []
    for key, ids in sorted(shared_names(gazetteer).items()):
        places = [gazetteer.get(i) for i in ids]
        if not any(p.kind in _OUTRANKING_KINDS for p in places):
            continue
        match = gazetteer.lookup(key)
        if match.place is None:
            continue  # refused as ambiguous: not a confident answer
        if normalize(match.place.name) == key and match.place.kind not in _OUTRANKING_KINDS:
            # a town's own name ("Kurskaya", a village) beats a region's informal stem:
            # an exact name is never a leak
            continue
        others = tuple(
            p.id
            for p in places
            if p.id != match.place.id and not _explained(gazetteer, match.place, p, key)
        )
        if others:
            out.append(Collision(key, match.place.id, others))
    return out


def read_reviewed(directory: Path) -> dict[tuple[str, str], str]:
    """(name, answer id) -> verdict, from reviewed-collisions.csv: "right" (the answer is
    what a writer means) or "open" (a known wrong or doubtful answer, not yet fixed)."""
    with open(directory / REVIEWED_FILE, newline="", encoding="utf-8") as fh:
        return {(row["name"], row["answer"]): row["verdict"] for row in csv.DictReader(fh)}


def main() -> None:
    from .places import data_dir

    gazetteer = default_gazetteer()
    reviewed = read_reviewed(data_dir())
    for c in confident_collisions(gazetteer):
        mark = reviewed.get((c.key, c.answer), "UNREVIEWED")
        print(f"{mark:10} {c.key!r} -> {c.answer}; also {', '.join(c.others)}")


if __name__ == "__main__":
    main()
