"""Extraction benchmark: `geomap extract` beside naive substring matching, scored on the corpus.

    python bench/extract.py              # every corpus article, then hostile HTML
    python bench/extract.py --rounds 3   # quicker timings
    python bench/extract.py --details    # also list every wrong answer and every miss

The corpus is every tests/corpus/articles/*.expected.tsv and its article (bench/corpus.py says
how one is written), grouped by the language its header gives (en, ru, uk). Each row is a place
mention with the place it names, a placeholder for a real place the gazetteer lacks today, or
"-" for words that must not be mapped. A mention geomap resolves is:

- right when it overlaps a row and names that row's place;
- provisional when it overlaps a placeholder row and the place it names fits the placeholder
  (one of its names, as the gazetteer folds them; same country; a kind of the same sort: a town for ?city:, a checkpoint for
  ?checkpoint:, neither a town nor a single region for ?river: or ?group:): the data has landed
  and the row wants its real id. Provisional answers are left out of precision;
- confidently wrong otherwise: a mapped "-" row, another place than the row's, a town for a
  river, or a place where the corpus lists none.

Precision is right ÷ (right + wrong); recall is right ÷ the rows that name a place
(placeholders included, so they count as misses until their ids are filled in); "R known" is
recall over the rows whose place the gazetteer already holds, the part that rules alone can
reach. Mentions geomap finds but leaves unresolved are honest and count neither way.

The baseline is what a first try looks like: every name and alias in the same gazetteer,
searched case-insensitively in the whole text (site navigation and all); every hit is a
mention of the first place with that name, scored the same way.

Then hostile HTML (tests/corpus/hostile/html_shapes.py: thousands of unclosed tags, one heading
per line, a tag that never closes…): the time per megabyte to read a page of each shape at
0.5 MB and at 4 MB, and their ratio, about 1× when reading is linear in the size (it was 8× and
more while the HTML parser rescanned the page). Reading is `article_from_bytes`: tags stripped,
paragraphs and site furniture found, no place names looked up. Machines here are noisy, so the
ratios from one run are what count.
"""

from __future__ import annotations

import argparse
import runpy
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from geomap.extract import article_from_bytes, extract, index_for, read_article
from geomap.gazetteer import Gazetteer
from geomap.gazetteer.normalize import normalize  # the gazetteer's own folding of names

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import LANGUAGES, discover

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_SHAPES = ROOT / "tests/corpus/hostile/html_shapes.py"
HOSTILE_SIZES = (500_000, 4_000_000)

# Which gazetteer kinds can be the place a placeholder of each kind names (see the docstring).
SETTLEMENTS = {"town", "city", "village", "settlement"}
SETTLEMENT_PLACEHOLDERS = {"city", "town", "village"}
NOT_A_FEATURE = SETTLEMENTS | {"checkpoint", "country", "region"}


def timed(fn, rounds=1):
    start = time.perf_counter()
    for _ in range(rounds):
        result = fn()
    return result, (time.perf_counter() - start) / rounds


def naive(text, names):
    """(start, end, place id) for every case-insensitive occurrence of every name."""
    lowered, hits = text.casefold(), []
    for needle, place_id in names:
        at = lowered.find(needle)
        while at != -1:
            hits.append((at, at + len(needle), place_id))
            at = lowered.find(needle, at + 1)
    return hits


def fits(placeholder, place):
    """Whether `place` is plausibly the real place behind `?kind:Name[,CC]`."""
    kind, _, rest = placeholder[1:].partition(":")
    name, _, country = rest.partition(",")
    if country and country != place.country:
        return False
    if normalize(name) not in {normalize(n) for n in (place.name, *place.aliases)}:
        return False
    if kind in SETTLEMENT_PLACEHOLDERS:
        return place.kind in SETTLEMENTS
    if kind in ("checkpoint", "country"):
        return place.kind == kind
    return place.kind not in NOT_A_FEATURE


@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    provisional: int = 0
    mapped_not_a_place: int = 0
    wanted: int = 0
    wanted_known: int = 0
    right_known: int = 0
    wrong_answers: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    def add(self, other):
        for name in ("right", "wrong", "provisional", "mapped_not_a_place", "wanted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wanted_known += other.wanted_known
        self.right_known += other.right_known

    @property
    def precision(self):
        judged = self.right + self.wrong
        return self.right / judged if judged else 0.0

    @property
    def recall(self):
        return self.right / self.wanted if self.wanted else 0.0

    @property
    def recall_known(self):
        return self.right_known / self.wanted_known if self.wanted_known else 0.0


def score(found, rows, gazetteer, text):
    """Score resolved mentions `found` [(start, end, place id)] against the corpus rows."""
    result = Score()
    result.wanted = sum(not r.must_not_map for r in rows)
    result.wanted_known = sum(not (r.must_not_map or r.placeholder) for r in rows)
    answered = set()
    for start, end, place_id in sorted(found):
        overlapping = [r for r in rows if start < r.end and r.start < end]
        same = [r for r in overlapping if r.place == place_id]
        if same:
            fresh = [r for r in same if r not in answered]
            if fresh:  # a second mention of an answered row is neither right nor wrong
                answered.add(fresh[0])
                result.right += 1
                result.right_known += 1
            continue
        fitting = [
            r for r in overlapping if r.placeholder and fits(r.place, gazetteer.get(place_id))
        ]
        if fitting:
            answered.update(fitting[:1])
            result.provisional += 1
            continue
        result.wrong += 1
        result.mapped_not_a_place += any(r.must_not_map for r in overlapping)
        expected = ", ".join(r.place for r in overlapping) or "no place"
        result.wrong_answers.append(
            f"{text[start:end]!r} at {start} → {place_id}, expected {expected}"
        )
    result.misses = [
        f"{r.words!r} at {r.start}: {r.place}"
        for r in rows
        if not r.must_not_map and r not in answered
    ]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rounds", type=int, default=20, help="extractions per article (default 20)"
    )
    parser.add_argument(
        "--details", action="store_true", help="list geomap's wrong answers and misses"
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
        f"{'article':<40} {'lang':<4} {'method':<6} {'chars':>6} {'first ms':>8} {'ms/run':>7} "
        f"{'chars/s':>10} {'P':>5} {'R':>5} {'R known':>7} {'wrong':>5} {'on -':>4} {'prov':>4}"
    )
    print(header)
    print("-" * len(header))
    totals = {}
    details = []
    entries = discover()
    for entry in entries:
        if entry.article is None:
            print(f"{entry.name[:40]:<40} skipped: the article is not on this machine")
            continue
        article = read_article(entry.article)
        text = article.text
        index.cache.clear()  # the first run asks the gazetteer; later ones reuse its answers
        _, first_s = timed(lambda article=article: extract(article, gazetteer))
        result, geomap_s = timed(lambda article=article: extract(article, gazetteer), args.rounds)
        found = [(m.start, m.end, m.place.id) for m in result.mentions if m.place]
        hits, naive_s = timed(lambda text=text: naive(text, names), max(1, args.rounds // 10))
        for method, mentions, first, seconds in (
            ("geomap", found, first_s, geomap_s),
            ("naive", hits, naive_s, naive_s),
        ):
            s = score(mentions, entry.rows, gazetteer, text)
            totals.setdefault((entry.language, method), [Score(), 0])
            totals[entry.language, method][0].add(s)
            totals[entry.language, method][1] += 1
            print(
                f"{entry.name[:40]:<40} {entry.language:<4} {method:<6} {len(text):>6,} "
                f"{first * 1000:>8.1f} {seconds * 1000:>7.1f} {len(text) / seconds:>10,.0f} "
                f"{s.precision:>5.2f} {s.recall:>5.2f} {s.recall_known:>7.2f} {s.wrong:>5} "
                f"{s.mapped_not_a_place:>4} {s.provisional:>4}"
            )
            if method == "geomap" and args.details:
                details.append((entry.name, s))
    print(
        "\nfirst ms: the first extraction, before the gazetteer's answers are cached; ms/run: "
        "the mean of --rounds\nruns after it. P, R: precision and recall of place mentions; "
        "R known: recall over the rows\nwhose place the gazetteer holds; wrong: confidently "
        "wrong answers; on -: of which on words that\nmust not be mapped; prov: answers on "
        "placeholder rows that fit them (replace their ids).\n"
    )
    header = (
        f"{'language':<8} {'method':<6} {'articles':>8} {'places':>6} {'?':>4} {'-':>4} "
        f"{'P':>5} {'R':>5} {'R known':>7} {'confidently wrong':>17} {'on -':>4} {'prov':>4}"
    )
    print(header)
    print("-" * len(header))
    for language in LANGUAGES:
        rows = [r for e in entries if e.language == language and e.article for r in e.rows]
        for method in ("geomap", "naive"):
            if (language, method) not in totals:
                continue
            s, articles = totals[language, method]
            print(
                f"{language:<8} {method:<6} {articles:>8} "
                f"{sum(not (r.must_not_map or r.placeholder) for r in rows):>6} "
                f"{sum(r.placeholder for r in rows):>4} {sum(r.must_not_map for r in rows):>4} "
                f"{s.precision:>5.2f} {s.recall:>5.2f} {s.recall_known:>7.2f} {s.wrong:>17} "
                f"{s.mapped_not_a_place:>4} {s.provisional:>4}"
            )
    print(
        "places: rows with a gazetteer id; ?: placeholder rows (real places the gazetteer lacks "
        "today);\n-: rows that must not be mapped.\n"
    )
    for name, s in details:
        print(f"{name}:")
        for line in s.wrong_answers:
            print(f"  wrong  {line}")
        for line in s.misses:
            print(f"  missed {line}")
    same_length(gazetteer, index, entries, args.rounds)
    hostile()


REPORT = "war-resistance-in-russia-and-ukraine"
# The corpus's own translations of the report (tests/corpus/articles/*-war-resistance-report.md).
REPORT_IN = {"ru": "ru-war-resistance-report", "uk": "uk-war-resistance-report"}


def same_length(gazetteer, index, entries, rounds):
    """Issue 14's measure: the report's first extraction after the gazetteer is loaded (target:
    under 100 ms), and Russian and Ukrainian text like it within 2x that. Two kinds of such
    text: the report itself in Russian and Ukrainian (the corpus's own translations, REPORT_IN:
    the same places, in a text a little shorter than the English page with its site
    furniture), and the corpus's other articles in each language, joined and cut at a
    paragraph to the report's length (written to test names, they name 2.5 times as many
    places per character as the report). Ratios are per character, the same as plain ratios
    for texts of one length. Each text is extracted first in a process of its own, as `geomap
    extract` meets an article; the morphology dictionaries are opened before the clock starts
    (they are part of loading). Also the same in a process of its own after a warm-up: a
    sentence in each language extracted first, so that whatever the first extraction of any
    text loads once is loaded before the clock, as the dictionaries are: compiled patterns,
    and the suggestions' letter-pair index with numpy and rapidfuzz (~0.1-0.2 s), which the
    first name reported as not found reads; the report has none, other texts do, so only this
    column compares like with like. And the same runs again in one process (answers not
    cached), as a service that maps article after article would."""
    report = next((e for e in entries if e.name == REPORT and e.article), None)
    if report is None:
        return
    english = read_article(report.article)
    length = len(english.text)
    texts = {"en report": english.text}
    for language in ("ru", "uk"):
        translation = next(
            (e for e in entries if e.name == REPORT_IN[language] and e.article), None
        )
        if translation is not None:
            texts[f"{language} report"] = read_article(translation.article).text
    for language in ("ru", "uk"):
        found = [
            read_article(e.article).text
            for e in entries
            if e.language == language and e.article and e.name != REPORT_IN[language]
        ]
        if found:
            joined = ""
            while len(joined) < length:
                joined += "\n\n".join(found) + "\n\n"
            cut = joined.rfind("\n\n", 0, length)
            texts[f"{language} corpus"] = joined[: cut if cut > 0 else length]

    def cold(article):
        index.cache.clear()
        return extract(article, gazetteer)

    print("the report, the report translated, and the corpus's articles, ms (ratio per character):")
    print(
        f"  {'':10} {'chars':>6} {'first, own process':>18} {'ratio':>6} {'after a warm-up':>15} "
        f"{'ratio':>6} {'again, answers not cached':>26} {'ratio':>6}"
    )
    base: tuple[float, float, float] | None = None
    for label, text in texts.items():
        first = min(_first_in_own_process(text) for _ in range(3))
        warmed = min(_first_in_own_process(text, warm_up=True) for _ in range(3))
        article = article_from_bytes(text.encode("utf-8"), f"<{label}>")
        again = timed(lambda article=article: cold(article), rounds)[1] * 1000
        per_char = tuple(ms / len(text) for ms in (first, warmed, again))
        base = base or per_char
        ratios = [mine / theirs for mine, theirs in zip(per_char, base)]
        print(
            f"  {label:<10} {len(text):>6,} {first:>18.0f} {ratios[0]:>5.2f}x {warmed:>15.0f} "
            f"{ratios[1]:>5.2f}x {again:>26.1f} {ratios[2]:>5.2f}x"
        )
    print(
        "  first: min of 3 processes; after a warm-up: the same, a sentence in each language "
        "extracted\n  before the clock; again: mean of --rounds in this process.\n"
    )


_FIRST = """
import sys, time
from geomap.extract import article_from_bytes, extract, index_for
from geomap.gazetteer import Gazetteer
from geomap.gazetteer.morphology import parses
gazetteer = Gazetteer.load()
index_for(gazetteer)
parses("тест", "ru"), parses("тест", "uk")
if sys.argv[1:] == ["--warm-up"]:  # what a first extraction of any text loads, loaded now
    for sentence in WARM_UP:
        extract(article_from_bytes(sentence.encode("utf-8"), "<warm-up>"), gazetteer)
article = article_from_bytes(sys.stdin.buffer.read(), "<article>")
start = time.perf_counter()
extract(article, gazetteer)
print((time.perf_counter() - start) * 1000)
"""


# A short sentence in each language, with a place, whose words (but for prepositions) the
# corpus never writes, so that the warm-up reads no word of the texts ahead of the clock.
WARM_UP = (
    "Visitors toured Kaluga near Qwertyuiop.",  # a name not found: its suggestions load
    "Гости приехали в Калугу.",
    "Гості завітали до Калуги.",
)


def _first_in_own_process(text: str, warm_up: bool = False) -> float:
    """ms of the first extraction of `text` in a new Python process, after loading (and, with
    `warm_up`, after extracting the WARM_UP sentences)."""
    import subprocess

    code = f"WARM_UP = {WARM_UP!r}\n{_FIRST}"
    done = subprocess.run(
        [sys.executable, "-c", code, *(["--warm-up"] if warm_up else [])],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    return float(done.stdout.decode().strip().splitlines()[-1])


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
