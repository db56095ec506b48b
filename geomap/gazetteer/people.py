"""Russian and Ukrainian personal names in their usual Latin spellings (issue 14).

data/person-names.txt is derived from pymorphy3's dictionaries (their Name, Patr and Surn
entries, transliterated) by scripts/build_person_names.py. The extractor reads it so that
"Sergey" and "Ms Volkova" are people, not villages; lookup so that a surname that was once a
town's name ("Molotov", Perm in 1940–57) is not taken for the town without context.

The file is sorted, one name a line, and a name is found by binary search in the mapped
file: an article asks about a few dozen words, and reading all 138,000 names into a set took
longer (tens of ms) than the rest of a short extraction.
"""

from __future__ import annotations

import mmap
from functools import cache, lru_cache
from importlib.resources import as_file, files


@cache
def _names() -> mmap.mmap | bytes:
    resource = files(__package__).joinpath("data/person-names.txt")
    with as_file(resource) as path, open(path, "rb") as file:
        try:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file cannot be mapped
            return b""


@lru_cache(maxsize=1 << 12)
def is_person_name(key: str) -> bool:
    """Is this normalised Latin word a Russian or Ukrainian given name or surname? English
    writes "кс" as "x" in the commonest names ("Alexandra", "Alexei", "Maxim", "Xenia"), a
    spelling no transliteration system of the list uses: such a word is read as "ks" too."""
    return _listed(key) or ("x" in key and _listed(key.replace("x", "ks")))


def _listed(key: str) -> bool:
    if not key or key.startswith("#") or "\n" in key:
        return False  # the file's comments sort first, and no name holds a line break
    wanted = key.encode("utf-8")
    data = _names()
    # Lines that begin before `low` sort below the key; those that begin at `high` or after
    # do not. Both are always the start of a line (or the end of the file).
    low, high = 0, len(data)
    while low < high:
        middle = (low + high) // 2
        newline = data.rfind(b"\n", low, middle)
        start = low if newline < 0 else newline + 1
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start:end] < wanted:
            low = end + 1
        else:
            high = start
    end = data.find(b"\n", low)
    return data[low : len(data) if end < 0 else end] == wanted
