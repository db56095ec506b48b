"""People who are not places: Russian and Ukrainian given names, patronymics and surnames.

In Cyrillic text pymorphy3 tags them (Name, Patr, Surn). In Latin text they are read from
data/person-names.txt, derived from the same dictionaries by transliteration
(scripts/build_person_names.py), so "Sergey", "Nikita Lazarev" and "Ms Volkova" are people,
not the villages that share their names, unless the text says they are places ("in Nikita",
"Nikita village").
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ..gazetteer import Place
from ..gazetteer.normalize import normalize

# One plain transliteration, enough to compare a Cyrillic name with the gazetteer's Latin one.
_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіїєґё", "abvgdeziyklmnoprstufyeiiege")),
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ю": "yu",
        "я": "ya",
        "ь": "",
        "ъ": "",
        "'": "",
        "’": "",
    }
)
# A town this big named bare is the town, whoever shares its name ("Kirov", "Pushkin"): a
# writer names a village with a word around it ("the village of", "in").
BIG_TOWN = 100_000


@cache
def person_names() -> frozenset[str]:
    """Normalised Latin spellings of Russian and Ukrainian personal names."""
    text = files(__package__).joinpath("data/person-names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_person_name(key: str) -> bool:
    """Is this normalised Latin word a Russian or Ukrainian given name or surname?"""
    return key in person_names()


def needs_context(place: Place, written: str) -> bool:
    # `written`: the name in the nominative, in either script
    """Would a person's name resolve to this place too easily? A town smaller than a city, or
    a place the name reaches only as an alias, not its current name ("Molotov" is Perm's name of
    1940–57, and a surname)."""
    if place.kind == "town" and place.population < BIG_TOWN:
        return True
    return not similar_names(place.name, written)


def similar_names(name: str, written: str) -> bool:
    """Another spelling of the place's name, not another name: "Kharkov" and "Харькове" are
    Kharkiv's; "Molotov" is not Perm's, it was its name in 1940–57."""
    from rapidfuzz import fuzz

    return fuzz.ratio(normalize(name), normalize(written).translate(_LATIN)) >= 50
