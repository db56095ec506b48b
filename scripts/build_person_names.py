"""Derive geomap/gazetteer/data/person-names.txt: Russian and Ukrainian given names, patronymics
and surnames as English-language writers spell them, so that "Sergey", "Lazarev" or "Volkova"
in a Latin-script article are read as people, not as the villages that share their names.

Source: the pymorphy3 dictionaries (pymorphy3-dicts-ru, from OpenCorpora, CC BY-SA; and
pymorphy3-dicts-uk, from LanguageTool's Ukrainian dictionary / VESUM), the words tagged Name,
Patr or Surn, in the nominative singular of both genders. Each is transliterated by several
systems writers use (a BGN/PCGN-like one, a scholarly one simplified to ASCII, the Ukrainian
national one, and the common "-y/-iy/-ei/-ey" ending variants), then normalised as the finder
normalises words. Run: python scripts/build_person_names.py  (a few minutes; `--languages ru`
for the Russian dictionary only).
"""

from __future__ import annotations

import argparse
import sys
from itertools import product
from pathlib import Path

import pymorphy3

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from geomap.gazetteer.normalize import normalize

OUT = Path(__file__).resolve().parents[1] / "geomap" / "gazetteer" / "data" / "person-names.txt"
TAGS = {"Name", "Surn", "Patr"}
VOWELS = set("аеёиоуыэюяіїєь ъ")

# Each letter's spellings, the commonest first. Systems differ mostly in a few letters.
_COMMON = {
    "а": ["a"],
    "б": ["b"],
    "в": ["v"],
    "д": ["d"],
    "з": ["z"],
    "к": ["k"],
    "л": ["l"],
    "м": ["m"],
    "н": ["n"],
    "о": ["o"],
    "п": ["p"],
    "р": ["r"],
    "с": ["s"],
    "т": ["t"],
    "у": ["u"],
    "ф": ["f"],
    "ж": ["zh"],
    "ц": ["ts"],
    "ч": ["ch"],
    "ш": ["sh"],
    "щ": ["shch", "sch"],
    "ь": [""],
    "ъ": [""],
    "ю": ["yu", "iu", "ju"],
    "я": ["ya", "ia", "ja"],
    "х": ["kh", "h"],
    "й": ["y", "i", "j"],
    "э": ["e"],
    "ё": ["yo", "e"],
}
RU = {**_COMMON, "г": ["g"], "е": ["e", "ye"], "и": ["i"], "ы": ["y"]}
UK = {
    **_COMMON,
    "г": ["h", "g"],
    "ґ": ["g"],
    "е": ["e"],
    "и": ["y", "i"],
    "і": ["i"],
    "ї": ["yi", "i"],
    "є": ["ye", "ie"],
}
# Endings with their own conventions: Sergey/Sergei, Dmitriy/Dmitry, Vasilievich.
ENDINGS = {
    "ий": ["iy", "y", "ii", "i"],
    "ый": ["y", "iy"],
    "ей": ["ey", "ei"],
    "ой": ["oy", "oi"],
    "ия": ["iya", "ia"],
    "ья": ["ya", "ia"],
    "ьев": ["yev", "iev", "ev"],
}
MAX_VARIANTS = 12  # per word: the products of a long name's letters grow fast


def spellings(word: str, table: dict) -> list[str]:
    ending = next((e for e in sorted(ENDINGS, key=len, reverse=True) if word.endswith(e)), "")
    stem = word[: len(word) - len(ending)] if ending else word
    options = []
    for k, ch in enumerate(stem):
        choices = table.get(ch)
        if choices is None:
            return []  # a letter outside the alphabet (a hyphen, a Latin letter): skip the word
        if ch == "е" and "ye" in choices and (k == 0 or stem[k - 1] in VOWELS):
            choices = ["ye", "e"]  # Yevgeny, Sergeyev; elsewhere plain e
        elif ch == "е":
            choices = ["e"]
        options.append(choices)
    options.append(ENDINGS.get(ending, [""]))
    out = []
    for combo in product(*options):
        out.append("".join(combo))
        if len(out) >= MAX_VARIANTS:
            break
    return out


def names(language: str):
    morph = pymorphy3.MorphAnalyzer(lang=language)
    for word, tag, _normal, _para, _idx in morph.dictionary.iter_known_words():
        grammemes = tag.grammemes
        if TAGS & grammemes and "nomn" in grammemes and "plur" not in grammemes:
            yield word


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--languages", default="ru,uk", help="dictionaries to read, comma-separated (ru,uk)"
    )
    wanted = parser.parse_args().languages.split(",")
    found: set[str] = set()
    for language, table in (("ru", RU), ("uk", UK)):
        if language not in wanted:
            continue
        for word in names(language):
            for spelling in spellings(word.casefold(), table):
                key = normalize(spelling)
                if len(key) >= 3:
                    found.add(key)
    OUT.parent.mkdir(exist_ok=True)
    header = (
        "# Derived by scripts/build_person_names.py from the pymorphy3 ru and uk dictionaries "
        "(Name, Patr, Surn; transliterated). Do not edit by hand.\n"
    )
    # sorted (code point order is UTF-8's byte order): geomap/gazetteer/people.py finds a name
    # by binary search in the file
    OUT.write_text(header + "\n".join(sorted(found)) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(found)} spellings")


if __name__ == "__main__":
    main()
