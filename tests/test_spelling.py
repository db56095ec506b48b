"""Suggestions score only the keys that share most letter pairs with the name (spelling.py):
they must be the suggestions that scoring every key would give."""

import random

import pytest
from rapidfuzz import fuzz, process

from geomap.gazetteer.lookup import SUGGEST_CUTOFF, default_gazetteer
from geomap.gazetteer.spelling import SpellingIndex

LETTERS = "abcdefghiklmnoprstuvyz"


def misspelt(key: str, rng: random.Random) -> str:
    """One slip of the kind writers make: a letter dropped, added, changed or two swapped."""
    letters = list(key)
    at = rng.randrange(len(letters))
    slip = rng.choice(("drop", "add", "change", "swap"))
    if slip == "drop" and len(letters) > 3:
        del letters[at]
    elif slip == "add":
        letters.insert(at, rng.choice(LETTERS))
    elif slip == "change":
        letters[at] = rng.choice(LETTERS)
    elif at + 1 < len(letters):
        letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


@pytest.fixture(scope="module")
def bundled():
    gazetteer = default_gazetteer()
    return gazetteer.names.spelling(), sorted(gazetteer.names.base)


def test_the_shipped_index_is_the_one_its_keys_make(bundled):
    index, keys = bundled
    assert [index.key(p) for p in range(len(index))] == keys
    rebuilt = SpellingIndex.build(keys).to_parts()
    assert index.to_parts() == rebuilt


def test_the_closest_spellings_are_among_the_keys_scored(bundled):
    """Against scoring all 180,000 keys: the best score found is the best there is, for
    misspellings of 400 keys drawn at random (Latin and Cyrillic alike)."""
    index, keys = bundled
    rng = random.Random(13)
    cutoff = SUGGEST_CUTOFF
    same_best, same_five, tried = 0, 0, 0
    for key in rng.sample([k for k in keys if len(k) >= 4], 400):
        name = misspelt(key, rng)
        every = process.extract(name, keys, scorer=fuzz.ratio, limit=5, score_cutoff=cutoff)
        few = process.extract(
            name,
            index.candidates(name, cutoff / 100),
            scorer=fuzz.ratio,
            limit=5,
            score_cutoff=cutoff,
        )
        tried += 1
        same_best += [s for _, s, _ in every[:1]] == [s for _, s, _ in few[:1]]
        same_five += [s for _, s, _ in every] == [s for _, s, _ in few]
    assert same_best == tried
    assert same_five >= 0.97 * tried


def test_keys_too_long_or_short_to_reach_the_cutoff_are_not_scored():
    index = SpellingIndex.build(["lviv", "lvivska oblast", "lvi", "lviva", "kyiv", "львів"])
    found = index.candidates("lviv", 0.75)
    # ratio >= 0.75 needs the shorter within 0.6 of the longer: 3 to 6 letters for "lviv"
    assert "lvivska oblast" not in found
    assert set(found) == {"lviv", "lvi", "lviva", "kyiv"}
    assert index.candidates("львов", 0.75) == ["львів"]
    assert index.candidates("", 0.75) == []
    assert SpellingIndex.build([]).candidates("lviv", 0.75) == []


def test_the_index_keeps_the_keys_sharing_most_pairs_when_many_qualify():
    keys = [f"town{n:04d}" for n in range(3000)] + ["novotown"]
    index = SpellingIndex.build(keys)
    found = index.candidates("novotovn", 0.75, limit=50)
    assert "novotown" in found
    assert len(found) <= 50


def test_parts_round_trip():
    small = SpellingIndex.build(["kharkiv", "харків", "odesa"])
    again = SpellingIndex.from_parts(small.to_parts())
    assert [again.key(p) for p in range(len(again))] == ["kharkiv", "odesa", "харків"]
    assert again.candidates("kharkov", 0.75) == small.candidates("kharkov", 0.75) == ["kharkiv"]
