"""Rivers, seas, lakes, reservoirs, mountain ranges and passes: named, so that they are never
taken for the town or checkpoint that shares their name, and refused honestly.

geomap bundles no geometry for them (no registry package ships Natural Earth's physical layers
with names), so a physical feature is not a place: `Gazetteer.lookup` answers "the Dnieper is
a river; geomap maps places, not rivers". The names come from geodata/physical-features.json,
built from the cited rows of geodata/sources/physical-features.csv.

Which cue decides that a name means the feature:
- a descriptor of its type: "Dnipro river", "river Don", "Carpathian mountains", "Azov sea";
- the article before a river's name: "the Don", "the Dnipro" (writers put none before a town);
- nothing, for a name that only the feature carries in writing ("Dnieper", "Black Sea",
  "Carpathians"), unless a country, region or group answers to it, or a city of its own name
  that is far bigger than any village would be ("Dnipro" bare is the city).
A river's name written bare that only villages share ("Volga", "Kama") is refused as ambiguous.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataError
from .normalize import normalize

FILE = "physical-features.json"
TYPES = ("river", "sea", "lake", "reservoir", "mountains", "pass")
# Descriptor words (normalised) and the feature types they can name.
CUES: dict[str, tuple[str, ...]] = {
    "river": ("river",),
    "r": ("river",),
    "река": ("river",),
    "реке": ("river",),
    "річка": ("river",),
    "ріка": ("river",),
    "sea": ("sea", "reservoir"),  # "the Kakhovka sea"
    "sea of": ("sea",),
    "море": ("sea",),
    "lake": ("lake",),
    "lake of": ("lake",),
    "озеро": ("lake",),
    "reservoir": ("reservoir",),
    "водосховище": ("reservoir",),
    "водохранилище": ("reservoir",),
    "mountains": ("mountains",),
    "mountain range": ("mountains",),
    "range": ("mountains",),
    "mts": ("mountains",),
    "горы": ("mountains",),
    "гори": ("mountains",),
    "pass": ("pass",),
    "перевал": ("pass",),
}
_ARTICLE = "the"
# A bare name shared with a town means the town only when the town is a city this big and
# the name is its own: the feature is then usually written with a cue.
CITY_POPULATION = 50_000


@dataclass(frozen=True)
class Feature:
    id: str
    name: str
    type: str
    reference: str

    def refusal(self) -> str:
        return (
            f"{self.name} is {_ARTICLES[self.type]}; geomap maps places and bundles no "
            f"outline of {_PLURALS[self.type]}: name a town or region on it instead"
        )


_ARTICLES = {"mountains": "a mountain range", "pass": "a mountain pass"}
_ARTICLES.update({t: f"a {t}" for t in TYPES if t not in _ARTICLES})
_PLURALS = {"mountains": "mountain ranges", "pass": "mountain passes"}
_PLURALS.update({t: f"{t}s" for t in TYPES if t not in _PLURALS})


@dataclass
class FeatureIndex:
    features: list[Feature]
    spellings: dict[str, list[int]]  # every normalised name and its core -> features
    bare: dict[str, list[int]]  # names that mean the feature with no cue

    @classmethod
    def read(cls, path: Path) -> FeatureIndex:
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))["features"]
        except (OSError, ValueError, KeyError) as exc:
            raise DataError(
                f"Cannot read bundled file {path}: {exc}. Reinstall geomap "
                "(pip install --force-reinstall .)."
            ) from exc
        return cls.from_rows(rows)

    @classmethod
    def from_rows(cls, rows) -> FeatureIndex:
        features: list[Feature] = []
        spellings: dict[str, list[int]] = {}
        bare: dict[str, list[int]] = {}
        for position, row in enumerate(rows):
            features.append(Feature(row["id"], row["name"], row["type"], row["reference"]))
            for name in (row["name"], *row["names"], *row["bare"]):
                key = normalize(name)
                for form in {key, _core(key)[0]}:
                    if form:
                        spellings.setdefault(form, []).append(position)
            for name in row["bare"]:
                bare.setdefault(normalize(name), []).append(position)
        return cls(features, spellings, bare)

    def cued(self, key: str) -> tuple[Feature | None, bool]:
        """The feature a normalised name means by its cue, and whether the cue was the
        article alone ("the Don"), which the caller weighs against places of that name."""
        core, types, article_only = _core(key)
        if types is None:
            return None, False
        for position in self.spellings.get(core, ()):
            feature = self.features[position]
            if feature.type in types:
                return feature, article_only
        if article_only:  # "the Carpathians", "the Black Sea": a name written bare anyway
            for position in self.bare.get(core, ()):
                return self.features[position], True
        return None, False

    def bare_feature(self, key: str) -> Feature | None:
        """The feature a name written with no cue may mean: the sources' bare names, and any
        river's name (a river's name is written bare as often as not)."""
        for position in self.bare.get(key, ()):
            return self.features[position]
        for position in self.spellings.get(key, ()):
            if self.features[position].type == "river":
                return self.features[position]
        return None

    def is_bare_name(self, key: str) -> bool:
        return key in self.bare


def _core(key: str) -> tuple[str, tuple[str, ...] | None, bool]:
    """(the name without its descriptor or article, the feature types the cue allows, whether
    the article was the only cue)."""
    tokens = key.split(" ")
    article = tokens[0] == _ARTICLE and len(tokens) > 1
    if article:
        tokens = tokens[1:]
    for n in (2, 1):
        if len(tokens) > n:
            for head, rest in ((tokens[-n:], tokens[:-n]), (tokens[:n], tokens[n:])):
                types = CUES.get(" ".join(head))
                if types:
                    return " ".join(rest), types, False
    if article:
        return " ".join(tokens), ("river",), True  # "the Don": the article cues a river
    return key, None, False


@cache
def feature_index(directory: Path) -> FeatureIndex:
    return FeatureIndex.read(directory / FILE)
