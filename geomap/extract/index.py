"""The gazetteer's names as the finder asks for them: every key and every token prefix of one."""

from __future__ import annotations

from ..gazetteer import Gazetteer


class NameIndex:
    """The gazetteer's own keys (names, names without descriptor, transliteration skeletons) and
    all their token prefixes, so an n-gram stops as soon as nothing can match. Read from the
    gazetteer's lookup tables, so extraction knows exactly the names `geocode` knows."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.names = set(gazetteer.names.full) | set(gazetteer.names.base)
        self.skeletons = set(gazetteer.names.variants)
        self.prefixes = _prefixes(self.names) | _prefixes(self.skeletons)
        self.max_tokens = max(k.count(" ") for k in self.names) + 1
        self.cache: dict[str, object] = {}

    def lookup(self, query):
        if query not in self.cache:
            self.cache[query] = self.gazetteer.lookup(query)
        return self.cache[query]


def _prefixes(keys):
    out = set()
    for key in keys:
        parts = key.split(" ")
        out.update(" ".join(parts[:n]) for n in range(1, len(parts) + 1))
    return out


_INDEXES: dict[int, NameIndex] = {}


def index_for(gazetteer: Gazetteer) -> NameIndex:
    """The name index of `gazetteer`, built once (about a third of a second) and kept."""
    index = _INDEXES.get(id(gazetteer))
    if index is None or index.gazetteer is not gazetteer:
        index = _INDEXES[id(gazetteer)] = NameIndex(gazetteer)
    return index
