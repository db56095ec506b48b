"""The hand-checked article corpus: tests/corpus/articles/*.expected.tsv and their articles.

An `.expected.tsv` starts with `#` comment lines that state the decisions taken (and may say
`# language: ru`; English when absent), then one row per place mention in reading order:
start, end (characters of the text as `geomap.extract.read_article` reads it), the words as
written (runs of whitespace, line breaks included, written as one space), and what the words
name:

- a gazetteer id (`RU-TOM`, `gn:1489425`, `UA`): the place geomap must find;
- a placeholder `?kind:Name[,CC]` (`?city:Tbilisi,GE`, `?river:Dnipro`, `?group:Donbas`,
  `?checkpoint:Verkhny Lars`): a real place the gazetteer does not hold yet. It counts as a
  miss until the data lands and the placeholder is replaced by the real id;
- `-`: looks like a place but is not one here (a person, an outlet, an English word): it must
  not be mapped.

The article is the file beside the `.expected.tsv` with the same stem (any suffix but
`.extract.json`), or, for the bundled report, the same stem in `shared/article/` beside the
checkout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests/corpus/articles"
SHARED = ROOT.parent / "shared/article"  # the bundled report lives outside the repository
SUFFIX = ".expected.tsv"
NOT_A_PLACE = "-"
PLACEHOLDER = "?"
LANGUAGES = ("en", "ru", "uk")


class CorpusError(ValueError):
    """A malformed .expected.tsv or a missing article."""


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    words: str
    place: str
    line: int  # in the .expected.tsv, for messages

    @property
    def must_not_map(self) -> bool:
        return self.place == NOT_A_PLACE

    @property
    def placeholder(self) -> bool:
        return self.place.startswith(PLACEHOLDER)


@dataclass(frozen=True)
class Entry:
    """One article of the corpus and what it must yield."""

    name: str
    article: Path | None  # None when the article is not on this machine
    expected: Path
    language: str
    rows: tuple[Row, ...]


def same_words(a: str, b: str) -> bool:
    return a.split() == b.split()


def read_expected(path: Path) -> tuple[str, list[Row]]:
    """(language, rows) of one .expected.tsv; CorpusError names the line of a bad row."""
    language, rows = "en", []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if key.strip() == "language":
                language = value.strip()
                if language not in LANGUAGES:
                    raise CorpusError(
                        f"{path}:{number}: language {language!r}; expected one of "
                        f"{', '.join(LANGUAGES)}."
                    )
            continue
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 4 or not (cells[0].isdigit() and cells[1].isdigit()) or not cells[3]:
            raise CorpusError(
                f"{path}:{number}: expected start, end, words, place separated by tabs; "
                f"got {line!r}. Run bench/make_expected.py to fill in the offsets."
            )
        rows.append(Row(int(cells[0]), int(cells[1]), cells[2], cells[3], number))
    return language, rows


def article_for(expected: Path) -> Path | None:
    stem = expected.name[: -len(SUFFIX)]
    for folder in (expected.parent, SHARED):
        found = sorted(
            p for p in folder.glob(f"{stem}.*") if not p.name.endswith((SUFFIX, ".extract.json"))
        )
        if found:
            return found[0]
    return None


def discover(folder: Path = ARTICLES) -> list[Entry]:
    """Every article of the corpus with an .expected.tsv, in name order."""
    entries = []
    for expected in sorted(folder.glob(f"*{SUFFIX}")):
        language, rows = read_expected(expected)
        name = expected.name[: -len(SUFFIX)]
        entries.append(Entry(name, article_for(expected), expected, language, tuple(rows)))
    return entries
