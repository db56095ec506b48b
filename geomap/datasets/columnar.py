"""A dataset of up to millions of events, mapped straight from CSV or Parquet, column by column.

No YAML and no Python object per event: DuckDB reads the file, checks it, and groups the
events that the page could not show one by one into one mark per place, layer and time
bucket (with the number of events and their fatalities). Python then sees only the groups
(tens of thousands) and the distinct places (thousands), and fills the located record's
columns (events/record.py) from them, so the map is assembled as for any events file.

Never finer than the data: a bucket is the event's own day, week or month, or a coarser one
when the finest would make too many marks; a week that straddles two months stays a week. Each
mark's counts.events is how many events it stands for; the page adds those up wherever it
counts (`attrs["grouped"]`, map/payload.py events_per_mark).
DuckDB is an optional extra (`pip install 'geomap[datasets]'`): it reads a million-row CSV in
about a second, in parallel, and its group-by is what the page's counts are checked against.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EventsError, GeomapError
from ..events import record
from ..events.given import EDITOR, place_record, point_record
from ..events.schema import GivenPlace
from . import acled
from .layout import DATE_FORMS, check_size, detect_date_form, detect_layout
from .mapping import SKIP, LayerMapping
from .regions import covered_countries, regions_of

# A dataset input's cap, apart from the events file's (20 MB): what DuckDB reads in well
# under a minute on two cores, and ten times the million rows the benchmark maps.
MAX_DATASET_BYTES = 4 * 1024**3
MAX_DATASET_ROWS = 10_000_000
# The most marks (groups) a page is given; past it, buckets grow from days to weeks to months.
# Measured (bench/results.md): a million generated rows over 2,510 places make 296,900 marks
# by month (603,871 by week, 31,386 by year); by month the page is 4.9 MB, draws in 2-3 s and
# redraws a time window in 80-320 ms, and the build peaks at 1.2 GB, about 2 KB a mark. At
# 400,000 marks the build stays well under 2 GB, so a million rows keep their months.
MAX_GROUPS = 400_000
LEVELS = ("day", "week", "month", "quarter", "year")
# How DuckDB reads each of layout.DATE_FORMS (same order).
STRPTIME = {"year-month-day": "%Y-%m-%d", "day, month's name, year": "%d %B %Y",
            "day-month-year": "%d-%m-%Y"}  # fmt: skip
MAX_LISTED = 10


@dataclass
class Grouped:
    located: Any  # a GeoDataFrame with the record's columns, one row per group
    rows: int
    groups: int
    level: str
    layout: str
    date_form: str
    skipped: dict


def _duckdb():
    try:
        import duckdb
    except ImportError:
        raise GeomapError(
            "mapping a dataset straight from CSV or Parquet needs DuckDB: "
            "pip install 'geomap[datasets]'"
        ) from None
    return duckdb


def group_acled(path, mapping: LayerMapping, *, progress=None, words=None) -> Grouped:
    """The ACLED export at `path` (CSV or Parquet), checked and grouped into located marks,
    their titles and notes in `words`' language (i18n.Words; default English)."""
    from ..i18n import Words

    words = words or Words()
    progress = progress or (lambda stage: None)
    path = Path(path)
    check_size(path, MAX_DATASET_BYTES, "a dataset map")
    duckdb = _duckdb()
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")  # row numbers are the file's rows
    # DuckDB's share of the 2 GB a million rows may take; it spills to disk past it. Its own
    # progress bar is off: geomap says its stages on stderr.
    con.execute("SET memory_limit = '1GB'")
    con.execute("SET enable_progress_bar = false")
    progress(f"reading {path}")
    source = _source(con, path)
    # The header and the first date come from DuckDB's sniffing and the first row alone; the
    # file is parsed once, into `ev`.
    header = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
    layout, lowered = detect_layout(path, header)
    column = {low: '"' + name.replace('"', '""') + '"' for low, name in zip(lowered, header)}
    first = con.execute(f"SELECT {column['event_date']} FROM {source} LIMIT 1").fetchone()
    if first is None:
        raise EventsError(f"{path}: a header and no rows; expected events.", path=str(path))
    form = detect_date_form(path, 2, str(first[0] or ""))
    fmt = STRPTIME[form.name]
    sub = column.get("sub_event_type", "''")
    con.execute(
        f"CREATE TEMP VIEW raw AS SELECT row_number() OVER () + 1 AS row_no, * FROM {source}"
    )
    con.execute(f"""
        CREATE TEMP TABLE ev AS SELECT
            row_no,
            trim(CAST({column["event_type"]} AS VARCHAR)) AS et,
            coalesce(trim(CAST({sub} AS VARCHAR)), '') AS st,
            CAST(try_strptime(trim(CAST({column["event_date"]} AS VARCHAR)), '{fmt}') AS DATE) AS d,
            trim(CAST({column["time_precision"]} AS VARCHAR)) AS tp,
            trim(CAST({column["geo_precision"]} AS VARCHAR)) AS gp,
            trim(CAST({column["location"]} AS VARCHAR)) AS loc,
            trim(CAST({column["admin1"]} AS VARCHAR)) AS adm,
            TRY_CAST({column["latitude"]} AS DOUBLE) AS lat,
            TRY_CAST({column["longitude"]} AS DOUBLE) AS lon,
            TRY_CAST(coalesce(nullif(trim(CAST({column["fatalities"]} AS VARCHAR)), ''), '0')
                     AS BIGINT) AS fat,
            CAST({column["event_date"]} AS VARCHAR) AS written_date
        FROM raw""")
    total = con.execute("SELECT count(*) FROM ev").fetchone()[0]
    if total > MAX_DATASET_ROWS:
        raise EventsError(
            f"{path}: {total:,} rows, more than a dataset may have ({MAX_DATASET_ROWS:,}); "
            "export fewer (by country or years).",
            path=str(path),
        )
    progress(f"checking {total:,} rows")
    _refuse_bad_cells(con, path, form)
    skipped = _layers(con, path, mapping)
    _regions(con, path)
    level, groups = _choose_level(con)
    progress(f"grouping {total:,} events into {groups:,} marks (by {level})")
    located = _located(con, mapping, level, words)
    return Grouped(located, total, groups, level, layout.name, form.name, skipped)


def _source(con, path: Path) -> str:
    quoted = "'" + str(path).replace("'", "''") + "'"
    if path.suffix.lower() in (".parquet", ".geoparquet"):
        return f"read_parquet({quoted})"
    # Every cell as text: the checks below say which row is wrong, rather than DuckDB's
    # type sniffing failing on row 900,000 or reading a code as a number.
    return f"read_csv({quoted}, header = true, all_varchar = true)"


def _refuse_bad_cells(con, path, form) -> None:
    names = [d[0] for d in con.execute("SELECT * FROM ev LIMIT 0").description]
    checks = (
        ("d IS NULL", "event_date",
         lambda r: f"{r['written_date']!r} is not written like the file's first date "
                   f"({form.name}, e.g. {form.example}); a file writes all its dates one way."),
        ("tp NOT IN ('1', '2', '3') OR tp IS NULL", "time_precision",
         lambda r: f"{r['tp']!r}; ACLED's codes are 1, 2 and 3."),
        ("gp NOT IN ('1', '2', '3') OR gp IS NULL", "geo_precision",
         lambda r: f"{r['gp']!r}; ACLED's codes are 1, 2 and 3."),
        ("lat IS NULL OR lat NOT BETWEEN -90 AND 90", "latitude",
         lambda r: "not a latitude from -90 to 90."),
        ("lon IS NULL OR lon NOT BETWEEN -180 AND 180", "longitude",
         lambda r: "not a longitude from -180 to 180."),
        ("fat IS NULL OR fat < 0", "fatalities", lambda r: "not a whole number of 0 or more."),
    )  # fmt: skip
    # One pass over the rows for all the checks: the first row failing each, or NULL.
    firsts = con.execute(
        "SELECT " + ", ".join(f"min(row_no) FILTER (WHERE {c})" for c, _, _ in checks) + " FROM ev"
    ).fetchone()
    failing = sorted((first, i) for i, first in enumerate(firsts) if first is not None)
    if failing:  # the earliest bad row, as reading row by row would find it
        first, index = failing[0]
        _, field, say = checks[index]
        bad = con.execute("SELECT * FROM ev WHERE row_no = ?", [first]).fetchone()
        if bad is not None:
            row = dict(zip(names, bad))
            raise EventsError(
                f"{path}, row {row['row_no']}, field {field}: {say(row)}",
                path=str(path),
                line=row["row_no"],
                field=field,
            )


def _layers(con, path, mapping: LayerMapping) -> dict:
    """Each (type, sub-type) → its layer, as a table beside the events; unmapped refused."""
    import pandas as pd

    types = con.execute(
        "SELECT et, st, count(*), list(row_no ORDER BY row_no)[1:10] FROM ev GROUP BY et, st "
        "ORDER BY et, st"
    ).fetchall()
    table, unmapped, skipped = [], {}, {}
    for event_type, sub_type, count, rows in types:
        layer = mapping.layer_of(event_type, sub_type)
        label = f"{event_type} / {sub_type}" if sub_type else event_type
        if layer is None:
            unmapped[label] = (count, rows)
        elif layer == SKIP:
            skipped[label] = count
        else:
            table.append((event_type, sub_type, layer))
    if unmapped:
        total = sum(c for c, _ in unmapped.values())
        lines = [f"{path}: {total:,} rows of an event type that {mapping.path} gives no layer:"]
        for label, (count, rows) in unmapped.items():
            more = f" and {count - len(rows):,} more" if count > len(rows) else ""
            lines.append(f"  {label}: rows {', '.join(map(str, rows))}{more}")
        lines.append(
            f"Add each type under `types:` in {mapping.path}, with a layer id, or `skip` to "
            "leave its events out; nothing was written."
        )
        raise EventsError("\n".join(lines), path=str(path))
    frame = pd.DataFrame(table, columns=["et", "st", "layer"])
    con.register("layer_of", frame)
    con.execute(
        "CREATE TEMP TABLE kept AS SELECT ev.*, layer_of.layer FROM ev JOIN layer_of USING (et, st)"
    )
    con.execute("DROP TABLE ev")  # a million rows are held once
    return skipped


def _regions(con, path) -> None:
    """The region of each distinct point of a region-level row; rows outside refused."""
    import pandas as pd

    points = con.execute(
        "SELECT DISTINCT lat, lon FROM kept WHERE gp = '3' ORDER BY lat, lon"
    ).fetchall()
    codes = regions_of([p[0] for p in points], [p[1] for p in points]) if points else []
    outside = [(lat, lon, c) for (lat, lon), c in zip(points, codes) if len(c) != 1]
    if outside:
        listed = [
            con.execute(
                "SELECT row_no, adm, lat, lon FROM kept WHERE gp = '3' AND lat = ? AND lon = ? "
                "ORDER BY row_no LIMIT 1",
                [lat, lon],
            ).fetchone()
            for lat, lon, _ in outside[:MAX_LISTED]
        ]
        lines = [
            f"{path}: rows with geo_precision 3 (known only to the region) whose point lies in "
            "no region geomap bundles, or in two:"
        ]
        lines += [f"  row {r}, {adm}: {lat},{lon}" for r, adm, lat, lon in listed]
        lines.append(
            f"geomap bundles the regions of {', '.join(covered_countries())}: export those "
            "countries' events; nothing was written."
        )
        raise EventsError("\n".join(lines), path=str(path))
    frame = pd.DataFrame(
        {"lat": pd.Series([p[0] for p in points], dtype="float64"),
         "lon": pd.Series([p[1] for p in points], dtype="float64"),
         "code": pd.Series([c[0] for c in codes], dtype="object")}
    )  # fmt: skip
    con.register("region_of", frame)


# Per level, each row's bucket: its first day and kind, never finer than the row's own
# precision. A week joins a coarser bucket only when it lies wholly inside it; a week across
# two months (or quarters, years) stays a week.
_WEEK = "(d - CAST(isodow(d) - 1 AS INTEGER))"


def _trunc(part: str, day: str) -> str:
    return f"CAST(date_trunc('{part}', {day}) AS DATE)"


def _bucket(level: str) -> tuple[str, str]:
    """SQL for a row's bucket start and its kind, at `level`."""
    if level == "day":
        return (f"CASE tp WHEN '1' THEN d WHEN '2' THEN {_WEEK} ELSE {_trunc('month', 'd')} END",
                "CASE tp WHEN '1' THEN 'day' WHEN '2' THEN 'week' ELSE 'month' END")  # fmt: skip
    if level == "week":
        return (f"CASE tp WHEN '3' THEN {_trunc('month', 'd')} ELSE {_WEEK} END",
                "CASE tp WHEN '3' THEN 'month' ELSE 'week' END")  # fmt: skip
    straddles = f"(tp = '2' AND {_trunc(level, _WEEK)} <> {_trunc(level, _WEEK + ' + 6')})"
    return (f"CASE WHEN {straddles} THEN {_WEEK} ELSE {_trunc(level, 'd')} END",
            f"CASE WHEN {straddles} THEN 'week' ELSE '{level}' END")  # fmt: skip


# Each bucket kind's last day, from its first (`bucket`), in SQL.
_LAST_DAY = """CASE bprec WHEN 'day' THEN bucket WHEN 'week' THEN bucket + 6
    WHEN 'month' THEN last_day(bucket)
    WHEN 'quarter' THEN CAST(bucket + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE)
    ELSE CAST(bucket + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE) END"""
# How the record says a bucket is known: a quarter or a year is a range of days (start–end),
# as in an events file; the page's time control reads it like any range.
_PRECISION = {"day": "day", "week": "week", "month": "month", "quarter": "day", "year": "day"}


def _choose_level(con) -> tuple[str, int]:
    """The finest level whose groups fit MAX_GROUPS (all levels counted in one pass)."""
    counts = con.execute(
        "SELECT "
        + ", ".join(
            f"count(DISTINCT (layer, gp, loc, lat, lon, {_bucket(level)[0]}))" for level in LEVELS
        )
        + " FROM kept"
    ).fetchone()
    for level, count in zip(LEVELS, counts):
        if count <= MAX_GROUPS:
            return level, count
    return LEVELS[-1], counts[-1]


def _located(con, mapping: LayerMapping, level: str, words):
    """One located record per group: the record's columns (events/record.py), in its order,
    each filled from the groups' columns at once."""
    import geopandas as gpd
    import shapely

    from ..gazetteer import default_gazetteer

    start, kind = _bucket(level)
    groups = con.execute(f"""
        WITH keyed AS (
            SELECT layer, gp, fat, adm,
                   CASE WHEN gp = '3' THEN code END AS code,
                   CASE WHEN gp = '3' THEN NULL ELSE loc END AS ploc,
                   CASE WHEN gp = '3' THEN NULL ELSE kept.lat END AS plat,
                   CASE WHEN gp = '3' THEN NULL ELSE kept.lon END AS plon,
                   {start} AS bucket, {kind} AS bprec
            FROM kept LEFT JOIN region_of USING (lat, lon)),
        grouped AS (
            SELECT layer, gp, code, CASE WHEN gp = '3' THEN min(adm) ELSE ploc END AS name,
                   plat, plon, bucket, bprec, count(*) AS n, sum(fat) AS fat
            FROM keyed GROUP BY layer, gp, code, ploc, plat, plon, bucket, bprec)
        SELECT layer, gp, code, name, plat, plon, bprec, n, fat,
               strftime(bucket, '%Y-%m-%d') AS first, strftime({_LAST_DAY}, '%Y-%m-%d') AS last
        FROM grouped
        ORDER BY bucket, bprec, layer, gp, code, name, plat, plon
    """)
    labels = [d[0] for d in groups.description]
    rows = groups.fetchall()
    groups = (
        {label: list(column) for label, column in zip(labels, zip(*rows))}
        if rows
        else {label: [] for label in labels}
    )
    gazetteer = default_gazetteer()
    names = {layer["id"]: layer["name"] for layer in mapping.layers}
    places: dict = {}  # one shared record per distinct place, as locate_events does
    keys = list(zip(groups["gp"], groups["code"], groups["name"], groups["plat"], groups["plon"]))
    for key in set(keys):
        places[key] = _place(*key, gazetteer)
    place = [places[key] for key in keys]
    n, fat, first, last = groups["n"], groups["fat"], groups["first"], groups["last"]
    bprec, layers, gps = groups["bprec"], groups["layer"], groups["gp"]
    # Each bucket as the page names it ("March 2022", "week of 7 March 2022"; a quarter or a
    # year as its first and last day), once per distinct bucket: a few thousand, not a mark each.
    when: dict = {}
    for f, t, b in zip(first, last, bprec):
        if (f, t, b) not in when:
            when[f, t, b] = words.dates(f, t, None, _PRECISION[b])
    summary = words("dataset.mark_summary", dataset=acled.NAME)
    notes = {gp: words(key) for gp, key in _NOTES.items()}
    values = {
        "id": [f"g{i}" for i in range(1, len(n) + 1)],
        "layer": layers,
        "title": [
            words(
                "dataset.mark_title",
                events=words.plural("count.events", c),
                layer=names.get(layer, layer),
                place=p["written"],
                dates=when[f, t, b],
            )
            for c, layer, p, f, t, b in zip(n, layers, place, first, last, bprec)
        ],
        "summary": [summary] * len(n),
        "start": first,
        "end": last,
        "date_precision": [_PRECISION[b] for b in bprec],
        "places": [[p] for p in place],
        "route": [[] for _ in n],
        "counts": [{"events": {"value": c}, "fatalities": {"value": f}} for c, f in zip(n, fat)],
        "source_title": [acled.NAME] * len(n),
        "source_publisher": [acled.PUBLISHER] * len(n),
        "source_url": [acled.URL] * len(n),
        "certainty": ["reported"] * len(n),
        "precision": ["region" if g == "3" else p["precision"] for g, p in zip(gps, place)],
        "precision_note": [notes.get(g) for g in gps],
        "tags": [[] for _ in n],
    }
    columns = {name: values.get(name, [None] * len(n)) for name in record.NAMES}
    geometry = shapely.points([p["lon"] for p in place], [p["lat"] for p in place])
    located = gpd.GeoDataFrame(columns, geometry=geometry, crs=4326)
    # Each row a mark of several events, their number under counts["events"]: the page's
    # counts (layers, table, time window, popups) add these up (map/payload.py events_per_mark).
    located.attrs["grouped"] = True
    return located


_NOTES = {"2": "dataset.note_approximate", "3": "dataset.note_region"}  # catalogue keys


def _place(gp, code, name, lat, lon, gazetteer) -> dict:
    if gp == "3":
        found, problem = place_record(GivenPlace(name=name or code, iso=code), gazetteer)
    else:
        precision = acled.GEO_PRECISIONS[gp]
        found, problem = point_record(name, name, lat, lon, precision, EDITOR, gazetteer)
    if found is None:  # the checks above make this unreachable; say so if it is not
        raise GeomapError(f"cannot place {name!r} ({lat},{lon}): {problem}")
    return found


__all__ = ["DATE_FORMS", "MAX_DATASET_BYTES", "MAX_DATASET_ROWS", "group_acled"]
