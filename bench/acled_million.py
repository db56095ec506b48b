"""A million ACLED-like events, mapped straight from CSV (issue 20).

    pip install '.[datasets]'
    python bench/acled_million.py                   # 1,000,000 rows
    python bench/acled_million.py --rows 100000     # a quick run

Generates an ACLED-like export (ACLED's 2023 columns, made up here: not ACLED's data) with
at least 1,000 distinct locations inside the bundled Russian and Ukrainian regions, all three
geo_precision values (a region-level row carries the point ACLED would give it, a town inside
the region) and three years of dates at all three time precisions; then runs
`geomap import acled … --map` in a fresh process and reports wall time and peak memory
(os.wait4), as bench/scale.py does for events files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
COLUMNS = [  # ACLED's columns since 2023
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
TYPES = (  # (disorder type, event type, sub-event type, actor type 1)
    ("Demonstrations", "Protests", "Peaceful protest", "Protesters"),
    ("Demonstrations", "Protests", "Protest with intervention", "Protesters"),
    ("Demonstrations", "Riots", "Mob violence", "Rioters"),
    ("Political violence", "Violence against civilians", "Attack", "State forces"),
    ("Political violence", "Battles", "Armed clash", "State forces"),
    ("Strategic developments", "Strategic developments", "Arrests", "State forces"),
)
MAPPING = """\
layers:
  - {id: protests, name: Protests, color: "#d7301f"}
  - {id: riots, name: Riots, color: "#ec7014"}
  - {id: violence, name: Violence against civilians, color: "#525252"}
  - {id: battles, name: Battles, color: "#2166ac"}
types:
  Protests: protests
  Riots: riots
  Violence against civilians: violence
  Battles: battles
  Strategic developments: skip
"""


def locations(count: int, seed: int):
    """`count` made-up towns at random points inside the bundled regions of RU and UA, and
    per region a stand-in point (the one a region-level row carries)."""
    import numpy as np
    import shapely

    from geomap.gazetteer import default_gazetteer
    from geomap.gazetteer.places import geometries

    gazetteer = default_gazetteer()
    frame = geometries("region")
    regions = []
    for region_id, shape in zip(frame.index, frame.geometry):
        place = gazetteer.get(str(region_id))
        if place and place.iso_3166_2 and place.country in ("RU", "UA") and not place.drawn_as:
            regions.append((place.iso_3166_2, place.name, place.country, shape))
    rng = np.random.default_rng(seed)
    towns = []
    # Round-robin over the regions, so each has towns; a point is kept only inside its region
    # (and only there: the bundled outlines do not overlap).
    while len(towns) < count:
        for code, name, country, shape in regions:
            west, south, east, north = shape.bounds
            for _ in range(50):
                lon, lat = rng.uniform(west, east), rng.uniform(south, north)
                if shape.contains(shapely.Point(lon, lat)):
                    towns.append((f"Town {len(towns) + 1:05d}", code, name, country,
                                  round(lat, 4), round(lon, 4)))  # fmt: skip
                    break
            if len(towns) >= count:
                break
    capitals = {}
    for code, name, country, shape in regions:
        point = shape.representative_point()
        capitals[code] = (name, country, round(point.y, 4), round(point.x, 4))
    return towns, capitals


def generate(path: Path, rows: int, n_locations: int = 1_200, seed: int = 20) -> None:
    """Write the ACLED-like export to `path` (columnar: numpy and pandas, no row loop)."""
    import numpy as np
    import pandas as pd

    towns, capitals = locations(n_locations, seed)
    rng = np.random.default_rng(seed + 1)
    town = rng.integers(0, len(towns), rows)
    geo = rng.choice(np.array(["1", "2", "3"]), rows, p=[0.7, 0.2, 0.1])
    timep = rng.choice(np.array(["1", "2", "3"]), rows, p=[0.85, 0.1, 0.05])
    kind = rng.integers(0, len(TYPES), rows)
    start = np.datetime64("2021-01-01")
    days = rng.integers(0, 3 * 365, rows)
    dates = pd.to_datetime(start + days.astype("timedelta64[D]"))
    t_name, t_code, t_admin, t_country, t_lat, t_lon = (np.array(c) for c in zip(*towns))
    code = t_code[town]
    cap = {k: v for k, v in capitals.items()}
    cap_lat = np.array([cap[c][2] for c in code])
    cap_lon = np.array([cap[c][3] for c in code])
    region_level = geo == "3"
    types = np.array(TYPES)
    country = np.where(t_country[town] == "UA", "Ukraine", "Russia")
    location = np.where(region_level, t_admin[town], t_name[town])  # ACLED: the capital's name
    frame = pd.DataFrame(
        {
            "event_id_cnty": [
                f"{'UKR' if c == 'Ukraine' else 'RUS'}{i}" for i, c in enumerate(country, 1)
            ],
            "event_date": dates.strftime("%Y-%m-%d"),
            "year": dates.year,
            "time_precision": timep,
            "disorder_type": types[kind, 0],
            "event_type": types[kind, 1],
            "sub_event_type": types[kind, 2],
            "actor1": "Made-up actor",
            "assoc_actor_1": "",
            "inter1": types[kind, 3],
            "actor2": "",
            "assoc_actor_2": "",
            "inter2": "",
            "interaction": "",
            "civilian_targeting": "",
            "iso": np.where(country == "Ukraine", 804, 643),
            "region": "Europe",
            "country": country,
            "admin1": t_admin[town],
            "admin2": "",
            "admin3": "",
            "location": location,
            "latitude": np.where(region_level, cap_lat, t_lat[town].astype(float)),
            "longitude": np.where(region_level, cap_lon, t_lon[town].astype(float)),
            "geo_precision": geo,
            "source": "Generated",
            "source_scale": "National",
            "notes": "A generated event for the benchmark.",
            "fatalities": rng.poisson(0.3, rows),
            "tags": "",
            "timestamp": 1700000000,
        },
        columns=list(COLUMNS),
    )
    frame.to_csv(path, index=False)


def measure(export: Path, mapping: Path, out: Path) -> tuple[float, float, float]:
    """Wall seconds, peak MB and CPU seconds (user and system: what a shared machine's load
    does not stretch) of `geomap import acled … --map` in a fresh process."""
    command = [sys.executable, "-c", "from geomap.cli import main; main()", "import", "acled",
               str(export), "--layers",
               str(mapping), "--accessed", "2024-05-02", "--map", str(out)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    began = time.monotonic()
    child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - began
    message = child.stderr.read() if child.stderr else ""
    if status != 0:
        raise SystemExit(f"the build failed: {message}")
    print(message.strip())
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="Keep the generated export here.")
    parser.add_argument("--input", type=Path, help="Map this export instead of generating one.")
    parser.add_argument("--out", type=Path, help="Keep the map here (to open it in a browser).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export = args.input or args.keep or Path(tmp) / "acled-like.csv"
        began = time.monotonic()
        if not args.input:
            # In a process of its own: Linux carries a process's peak memory into the children
            # it starts, so the build's peak would include the generator's.
            with multiprocessing.get_context("spawn").Pool(1) as pool:
                pool.apply(generate, (export, args.rows))
        print(f"generated {args.rows:,} rows ({export.stat().st_size:,} bytes) in "
              f"{time.monotonic() - began:.1f} s")  # fmt: skip
        mapping = Path(tmp) / "mapping.yaml"
        mapping.write_text(MAPPING)
        out = args.out or Path(tmp) / "map.html"
        seconds, peak, cpu = measure(export, mapping, out)
        size = out.stat().st_size
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{dt.date.today()}: {args.rows:,} rows → {size:,} bytes of HTML in "
              f"{seconds:.1f} s ({cpu:.1f} s of CPU), peak {peak:,.0f} MB; load average {load}")  # fmt: skip


if __name__ == "__main__":
    main()
