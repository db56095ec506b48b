"""Russian and Ukrainian personal names in their usual Latin spellings (issue 14).

data/person-names.txt is derived from pymorphy3's dictionaries (their Name, Patr and Surn
entries, transliterated) by scripts/build_person_names.py. The extractor reads it so that
"Sergey" and "Ms Volkova" are people, not villages; lookup so that a surname that was once a
town's name ("Molotov", Perm in 1940–57) is not taken for the town without context.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def person_names() -> frozenset[str]:
    """Normalised Latin spellings of Russian and Ukrainian personal names."""
    text = files(__package__).joinpath("data/person-names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_person_name(key: str) -> bool:
    """Is this normalised Latin word a Russian or Ukrainian given name or surname?"""
    return key in person_names()
