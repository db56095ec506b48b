"""Fill in and check the offsets of a corpus .expected.tsv (the format: bench/corpus.py).

    python bench/make_expected.py tests/corpus/articles/ru-*.expected.tsv
    python bench/make_expected.py --unlisted --extract tests/corpus/articles/en-x.expected.tsv

Write the rows by hand, in reading order, with two columns: the words and the place. The script
finds each row's words in the article after the previous row and writes start and end in front.
When the words also occur earlier, give context in braces: `in {Nice}` finds "in Nice" and
records "Nice". A line break in the article matches a space in the words. Rows that already have
offsets are checked; with --relocate they are found again (the occurrence nearest their old
offset), for after an edit of the article. Nothing is written unless every row is found.

--unlisted prints other occurrences of the listed words that no row covers, and --extract the
mentions `geomap extract` finds where no row is: both are aids to checking the list by hand, not
answers (the list is written from the text, never from what geomap finds).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CorpusError, article_for, same_words

from geomap.extract import read_article

CONTEXT = re.compile(r"^(.*)\{(.+)\}(.*)$")


def pattern(words: str) -> str:
    """The words as a regex: any run of whitespace matches any run, and words stay whole."""
    return r"\s+".join(re.escape(part) for part in words.split())


def locate(text: str, words: str, cursor: int, near: int | None = None) -> tuple[int, int]:
    """(start, end) of `words` at or after `cursor`; `pre{words}post` anchors on context."""
    context = CONTEXT.match(words)
    before, core, after = context.groups() if context else ("", words, "")
    regex = re.compile(
        (pattern(before) + (r"\s+" if before[-1].isspace() else "") if before.strip() else "")
        + f"({pattern(core)})"
        + ((r"\s+" if after[0].isspace() else "") + pattern(after) if after.strip() else "")
    )
    hits = [
        m for m in regex.finditer(text) if m.start(1) >= cursor and _whole(text, m.start(), m.end())
    ]
    if not hits:
        raise CorpusError(f"{words!r} not found after character {cursor}")
    best = min(hits, key=lambda m: abs(m.start(1) - near)) if near is not None else hits[0]
    return best.start(1), best.end(1)


def _whole(text, start, end):
    return not (start and text[start - 1].isalnum()) and not (
        end < len(text) and text[end].isalnum()
    )


def fill(expected: Path, relocate: bool):
    article = article_for(expected)
    if article is None:
        raise CorpusError(f"{expected}: no article beside it")
    text = read_article(article).text
    out, rows, cursor = [], [], 0
    for number, line in enumerate(expected.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            out.append(line)
            continue
        cells = line.split("\t")
        try:
            if len(cells) == 2:
                words, place = cells
                start, end = locate(text, words, cursor)
            elif len(cells) == 4:
                start, end, words, place = int(cells[0]), int(cells[1]), cells[2], cells[3]
                if relocate:
                    start, end = locate(text, words, cursor, near=start)
                elif not same_words(text[start:end], words):
                    raise CorpusError(
                        f"offsets {start}-{end} hold {text[start:end]!r}, not {words!r} "
                        "(--relocate finds them again)"
                    )
            else:
                raise CorpusError(f"expected 2 or 4 tab-separated cells, got {len(cells)}")
        except CorpusError as exc:
            raise CorpusError(f"{expected}:{number}: {exc}") from None
        written = " ".join(text[start:end].split())
        out.append(f"{start}\t{end}\t{written}\t{place}")
        rows.append((start, end, written, place))
        cursor = end
    return "\n".join(out) + "\n", rows, text, article


def unlisted(text, rows):
    covered = [(s, e) for s, e, _, _ in rows]
    for words in sorted({w for _, _, w, _ in rows}):
        for m in re.finditer(pattern(words), text):
            if _whole(text, m.start(), m.end()) and not any(
                s < m.end() and m.start() < e for s, e in covered
            ):
                line = text.count("\n", 0, m.start()) + 1
                print(f"  unlisted: {words!r} at {m.start()} (line {line})")


def extracted(article, rows):
    from geomap.extract import extract
    from geomap.gazetteer import Gazetteer

    result = extract(read_article(article), Gazetteer.load())
    for m in result.mentions + result.unresolved:
        if not any(s < m.end and m.start < e for s, e, _, _ in rows):
            place = m.place.id if m.place else "not resolved"
            print(f"  geomap, on no row: {m.text!r} at {m.start} → {place}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("expected", nargs="+", type=Path)
    parser.add_argument("--relocate", action="store_true", help="find rows with offsets again")
    parser.add_argument("--unlisted", action="store_true", help="print uncovered occurrences")
    parser.add_argument("--extract", action="store_true", help="print geomap's mentions on no row")
    args = parser.parse_args()
    failed = False
    for path in args.expected:
        try:
            content, rows, text, article = fill(path, args.relocate)
        except CorpusError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
            continue
        if content != path.read_text(encoding="utf-8"):  # leave untouched files alone
            path.write_text(content, encoding="utf-8")
        print(f"{path}: {len(rows)} rows")
        if args.unlisted:
            unlisted(text, rows)
        if args.extract:
            extracted(article, rows)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
