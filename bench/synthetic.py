"""Synthetic events files over Russia and Ukraine, for bench/scale.py.

    python bench/synthetic.py 1000 -o /tmp/events-1000.csv

Every event names one town (or, for about 5%, one region) that geomap's gazetteer resolves to
exactly that place, so a build never fails on a name and geomap and the baselines draw the
same points. Towns are drawn with weights by population: Moscow and Kyiv get many events,
villages few, as in real reporting. The RNG is seeded, so the same size gives the same bytes
on every run.

Beside the events CSV, `write` can also write the points file a naive user would start from:
one row per event with lat/lon already filled in (the baselines have no gazetteer).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from geomap.gazetteer import Gazetteer

SEED = 2022
REGION_SHARE = 0.05

# Layer id → (noun for the title, verb phrase for the summary, count names to pick from).
LAYERS = {
    "protests": (
        "Protest",
        "people gathered against the war",
        ["detained", "fined", "participants"],
    ),
    "prosecutions": (
        "Court case",
        "a court heard charges for opposing the war",
        ["cases", "fined", "charged"],
    ),
    "crossings": (
        "Crossing",
        "men tried to cross the border to avoid the call-up",
        ["crossed", "turned_back"],
    ),
    "desertion": (
        "Refusal",
        "soldiers refused orders or left their unit",
        ["refused", "deserted", "dismissed"],
    ),
    "civil-resistance": ("Blockade", "residents blocked a convoy", ["participants", "vehicles"]),
    "mobilisation": ("Call-up", "men were handed call-up papers", ["mobilised", "summoned"]),
}
CERTAINTY = (["reported"] * 7) + (["confirmed"] * 2) + ["unverified"]


@dataclass(frozen=True)
class Spot:
    text: str  # as written in the events file; resolves to exactly this place
    name: str  # short name for titles
    lat: float
    lon: float
    weight: int


def spots(gazetteer: Gazetteer | None = None) -> tuple[list[Spot], list[Spot]]:
    """Towns and regions of Russia and Ukraine whose written name resolves to that place."""
    gazetteer = gazetteer or Gazetteer.load()
    # A name that fails to resolve costs a fuzzy search for suggestions (~0.1 s each, hundreds
    # of them here); we only need yes/no, so this private instance skips the suggestions.
    gazetteer.suggest = lambda key, limit=5: ()

    def resolves(text, place):
        match = gazetteer.lookup(text)
        return match.ok and match.place == place

    towns = []
    for town in gazetteer.find(kind="town"):
        if town.country not in ("RU", "UA") or not town.parent:
            continue
        region = gazetteer.get(town.parent)
        # "Moscow (Moscow)" does not resolve (Moscow is a region and a town); the bare
        # name does and means the city, so try that second.
        for text in (f"{town.name} ({region.name})", town.name):
            if resolves(text, town):
                towns.append(Spot(text, town.name, town.lat, town.lon, max(town.population, 1)))
                break
    regions = [
        Spot(r.name, r.name, r.lat, r.lon, 1)
        for r in gazetteer.find(kind="region")
        if r.country in ("RU", "UA") and resolves(r.name, r)
    ]
    return towns, regions


def events(n: int, towns: list[Spot], regions: list[Spot]) -> list[dict]:
    """n events, the same ones for the same n (the RNG is seeded with n too)."""
    rng = random.Random(f"{SEED}-{n}")
    layers = list(LAYERS)
    town_weights = [t.weight for t in towns]
    start = dt.date(2022, 1, 1)
    rows = []
    for i in range(1, n + 1):
        layer = rng.choice(layers)
        noun, what, count_names = LAYERS[layer]
        if rng.random() < REGION_SHARE:
            spot = rng.choice(regions)
        else:
            spot = rng.choices(towns, town_weights)[0]
        date = start + dt.timedelta(days=rng.randrange(365))
        picked = rng.sample(count_names, rng.randint(1, min(3, len(count_names))))
        counts = {name: rng.choice([rng.randint(1, 20), rng.randint(20, 500)]) for name in picked}
        rows.append(
            {
                "id": f"ev-{i}",
                "layer": layer,
                "title": f"{noun} in {spot.name} #{i}",
                "summary": f"On {date:%d %B} in {spot.name}, {what}.",
                "date": date.isoformat(),
                "places": spot.text,
                "counts": "; ".join(f"{k}: {v}" for k, v in counts.items()),
                "certainty": rng.choice(CERTAINTY),
                "lat": spot.lat,
                "lon": spot.lon,
            }
        )
    return rows


EVENT_COLUMNS = ["id", "layer", "title", "summary", "date", "places", "counts", "certainty"]
POINT_COLUMNS = ["id", "layer", "title", "summary", "date", "counts", "certainty", "lat", "lon"]


def write(rows: list[dict], events_csv: Path, points_csv: Path | None = None) -> None:
    """The events file for geomap; optionally the same events with coordinates, for baselines."""
    for path, columns in ((events_csv, EVENT_COLUMNS), (points_csv, POINT_COLUMNS)):
        if path is None:
            continue
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of events")
    parser.add_argument("-o", "--output", type=Path, required=True, help="events CSV to write")
    parser.add_argument("--points", type=Path, help="also write lat/lon per event here")
    args = parser.parse_args()
    towns, regions = spots()
    write(events(args.n, towns, regions), args.output, args.points)
    print(
        f"wrote {args.n} events ({len(towns)} towns, {len(regions)} regions to choose from) "
        f"to {args.output}"
    )


if __name__ == "__main__":
    main()
