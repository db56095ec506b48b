"""Extraction benchmark: `geomap extract` beside naive substring matching, in one run.

    python bench/extract.py              # both articles, then hostile HTML; about a minute
    python bench/extract.py --rounds 50

Then hostile HTML (tests/corpus/hostile/html_shapes.py: thousands of unclosed tags, one heading
per line, a tag that never closes…): the time per megabyte to read a page of each shape at
0.5 MB and at 4 MB, and their ratio, about 1× when reading is linear in the size (it was 8× and
more while the HTML parser rescanned the page). Reading is `article_from_bytes`: tags stripped,
paragraphs and site furniture found, no place names looked up.

The baseline is what a first try looks like: every name and alias in the same gazetteer,
searched case-insensitively in the whole text (site navigation and all); every hit is a
mention of the first place with that name. Both are scored against the hand-checked lists in
tests/corpus/articles/*.expected.tsv: a found mention is right when it overlaps an expected one
and names the same place (an expected "-" must be found and left unresolved). Machines here are
noisy, so the ratios from one run are what count.
"""

from __future__ import annotations

import argparse
import runpy
import time
from pathlib import Path

from geomap.extract import article_from_bytes, extract, index_for, read_article
from geomap.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [
    (
        ROOT.parent / "shared/article/war-resistance-in-russia-and-ukraine.txt",
        ROOT / "tests/corpus/articles/war-resistance-in-russia-and-ukraine.expected.tsv",
    ),
    (
        ROOT / "tests/corpus/articles/leaving-by-night.md",
        ROOT / "tests/corpus/articles/leaving-by-night.expected.tsv",
    ),
]

HOSTILE_SHAPES = ROOT / "tests/corpus/hostile/html_shapes.py"
HOSTILE_SIZES = (500_000, 4_000_000)


def timed(fn, rounds=1):
    start = time.perf_counter()
    for _ in range(rounds):
        result = fn()
    return result, (time.perf_counter() - start) / rounds


def expected(path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            start, end, _text, place = line.split("\t")
            rows.append((int(start), int(end), None if place == "-" else place))
    return rows


def naive(text, names):
    """(start, end, place id) for every case-insensitive occurrence of every name."""
    lowered, hits = text.casefold(), []
    for needle, place_id in names:
        at = lowered.find(needle)
        while at != -1:
            hits.append((at, at + len(needle), place_id))
            at = lowered.find(needle, at + 1)
    return hits


def score(found, wanted):
    """(precision, recall) of mentions, and of distinct places."""
    unmatched, right = list(wanted), 0
    for start, end, place in found:
        for row in unmatched:
            if start < row[1] and row[0] < end and place == row[2]:
                unmatched.remove(row)
                right += 1
                break
    places_found = {p for _, _, p in found if p}
    places_wanted = {p for _, _, p in wanted if p}
    both = len(places_found & places_wanted)
    return (
        right / len(found) if found else 0.0,
        right / len(wanted),
        both / len(places_found) if places_found else 0.0,
        both / len(places_wanted),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rounds", type=int, default=20, help="extractions per article (default 20)"
    )
    args = parser.parse_args()

    gazetteer, load_s = timed(Gazetteer.load)
    index, index_s = timed(lambda: index_for(gazetteer))
    names = {}
    for place in gazetteer.places:  # first place with a name wins, as a first try would have it
        for name in (place.name, *place.aliases):
            names.setdefault(name.casefold(), place.id)
    names = sorted(names.items())
    print(
        f"gazetteer: {len(gazetteer):,} places, {len(names):,} names; loaded in {load_s:.2f} s, "
        f"extraction index built in {index_s:.2f} s (both once per process)\n"
    )

    header = (
        f"{'article':<42} {'method':<7} {'chars':>7} {'mentions':>8} {'first ms':>8} {'ms/run':>7} "
        f"{'mentions/s':>11} {'chars/s':>11} {'P':>5} {'R':>5} {'places P':>8} {'places R':>8}"
    )
    print(header)
    print("-" * len(header))
    for article_path, expected_path in ARTICLES:
        if not article_path.exists():
            print(f"{article_path.name:<42} skipped: not found at {article_path}")
            continue
        article = read_article(article_path)
        text, wanted = article.text, expected(expected_path)
        index.cache.clear()  # the first run asks the gazetteer; later ones reuse its answers
        _, first_s = timed(lambda article=article: extract(article, gazetteer))
        result, geomap_s = timed(lambda article=article: extract(article, gazetteer), args.rounds)
        found = [
            (m.start, m.end, m.place.id if m.place else None)
            for m in result.mentions + result.unresolved
        ]
        hits, naive_s = timed(lambda text=text: naive(text, names), max(1, args.rounds // 10))
        rows = [("geomap", found, first_s, geomap_s), ("naive", hits, naive_s, naive_s)]
        for method, mentions, first, seconds in rows:
            p, r, pp, pr = score(mentions, wanted)
            print(
                f"{article_path.name[:42]:<42} {method:<7} {len(text):>7,} {len(mentions):>8,} "
                f"{first * 1000:>8.1f} {seconds * 1000:>7.1f} {len(mentions) / seconds:>11,.0f} "
                f"{len(text) / seconds:>11,.0f} {p:>5.2f} {r:>5.2f} {pp:>8.2f} {pr:>8.2f}"
            )
        print(
            f"{'':<42} geomap ÷ naive: time per run {geomap_s / naive_s:.3f}×, mentions/s "
            f"{len(found) / geomap_s / (len(hits) / naive_s):.1f}×, chars/s {naive_s / geomap_s:.1f}×\n"
        )
    print(
        "first ms: the first extraction of the article, before the gazetteer's answers are cached;\n"
        "ms/run: the mean of --rounds runs after it. P, R: precision and recall of mentions;\n"
        "places P, R: of the distinct places named.\n"
    )
    hostile()


def hostile():
    """Seconds per MB of reading each hostile shape at two sizes, and their ratio."""
    shapes = runpy.run_path(str(HOSTILE_SHAPES))["SHAPES"]
    small, big = (f"{size / 1e6:g} MB" for size in HOSTILE_SIZES)
    header = f"{'hostile HTML':<22} {small + ' s/MB':>10} {big + ' s/MB':>10} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for name, make in shapes.items():
        per_mb = []
        for size in HOSTILE_SIZES:
            raw = make(size).encode()
            _, seconds = timed(lambda: article_from_bytes(raw, "page.html"))  # noqa: B023
            per_mb.append(seconds / (len(raw) / 1e6))
        print(f"{name:<22} {per_mb[0]:>10.3f} {per_mb[1]:>10.3f} {per_mb[1] / per_mb[0]:>5.1f}×")
    print("ratio: seconds per MB at the big size ÷ at the small one; 1× is linear, 8× quadratic.")


if __name__ == "__main__":
    main()
