"""The gazetteer's names as the finder asks for them: every key and every token prefix of one."""

from __future__ import annotations

import copy
from collections.abc import Container

from ..gazetteer import Gazetteer
from ..gazetteer.store import StoredNames


class NameIndex:
    """The gazetteer's own keys (names, names without descriptor, transliteration skeletons) and
    all their token prefixes, so an n-gram stops as soon as nothing can match; and `common`, the
    names of towns abroad that are common English words. Read from the gazetteer's lookup
    tables, so extraction knows exactly the names `geocode` knows: asked of the bundled store
    key by key, or made into sets for a gazetteer held in memory."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.cache: dict[tuple[str, str | None], object] = {}
        # The dictionary Cyrillic names are read with: the text's language (`in_language`).
        self.language: str | None = None
        # Each is a set or a store's key set: only `in` is asked of them.
        self.names: Container[str]
        self.skeletons: Container[str]
        self.prefixes: Container[str]
        self.common: Container[str]
        self.max_tokens: int
        layers = getattr(gazetteer, "layers", None)
        if layers:  # a user's places beside the bundled ones: a name is known if either knows it
            parts = [NameIndex(layer) for layer in layers]
            self.names = _Either([p.names for p in parts])
            self.skeletons = _Either([p.skeletons for p in parts])
            self.prefixes = _Either([p.prefixes for p in parts])
            self.common = _Either([p.common for p in parts])
            self.max_tokens = max(p.max_tokens for p in parts)
            return
        names = gazetteer.names
        if isinstance(names, StoredNames):
            self.names, self.skeletons = names.keys, names.skeletons
            self.prefixes, self.common = names.prefixes, names.common
            self.max_tokens = names.max_tokens
        else:
            keys, skeletons = set(names.full) | set(names.base), set(names.variants)
            self.names, self.skeletons = keys, skeletons
            self.prefixes = _prefixes(keys) | _prefixes(skeletons)
            self.common = names.common
            self.max_tokens = max(k.count(" ") for k in keys) + 1

    def in_language(self, language: str | None) -> NameIndex:
        """This index for a text in `language`: its lookups read Cyrillic names with that
        language's dictionary alone when it is "ru" or "uk", with both otherwise ("mixed",
        "en"). The names and the answers already found are shared."""
        view = copy.copy(self)
        view.language = language if language in ("ru", "uk") else None
        return view

    def lookup(self, query):
        key = (query, self.language)
        if key not in self.cache:
            # Without suggestions: most queries are words that name nothing; the finder asks
            # for suggestions only for the names it reports (Gazetteer.suggestions_for).
            self.cache[key] = self.gazetteer.lookup(query, suggest=False, language=self.language)
        return self.cache[key]

    def physical_feature(self, name: str, key: str | None = None):
        """The river, sea or range `name` means, read in this index's language (`key`: its
        words in the nominative, see Gazetteer.physical_feature)."""
        return self.gazetteer.physical_feature(name, self.language, key)


class _Either:
    """Keys known to any of several indexes."""

    def __init__(self, parts: list[Container[str]]):
        self.parts = parts

    def __contains__(self, key) -> bool:
        return any(key in part for part in self.parts)


def _prefixes(keys):
    out = set()
    for key in keys:
        parts = key.split(" ")
        out.update(" ".join(parts[:n]) for n in range(1, len(parts) + 1))
    return out


_INDEXES: dict[int, NameIndex] = {}


def index_for(gazetteer: Gazetteer) -> NameIndex:
    """The name index of `gazetteer`, kept for the next article."""
    index = _INDEXES.get(id(gazetteer))
    if index is None or index.gazetteer is not gazetteer:
        index = _INDEXES[id(gazetteer)] = NameIndex(gazetteer)
    return index
