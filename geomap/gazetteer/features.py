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

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import DataError
from .morphology import CYRILLIC
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
    # a bank is a river's, a sea's or a lake's: "на березі Дніпра", "на берегу Днепра"
    "берег": ("river", "sea", "lake", "reservoir"),
}
# Russian and Ukrainian words before a feature's name, in the case forms the text writes them
# (the name after them is inflected: "річки Дніпра", "вздовж Дніпра"), and the key of CUES
# each stands for. "Вздовж", "вдоль" (along) name a line: a river, never a town.
_RIVER_WORDS = (
    "річка річки річці річку річкою ріка ріки ріці ріку рікою "
    "река реки реке реку рекой рекою русло русла руслі русле гирло гирла гирлі устье устья "
    "вздовж уздовж вдоль"
)
_BANK_WORDS = "берег берега берегу березі берегом береги берегах берегів берегов"
CYRILLIC_CUES: dict[str, str] = {
    **{normalize(word): "река" for word in _RIVER_WORDS.split()},
    **{normalize(word): "берег" for word in _BANK_WORDS.split()},
}
# "вниз по Дніпру", "вверх по Днепру": downstream, upstream. "по" alone is no cue: "удар по
# Дніпру" is a strike on the city.
DOWN_UP_STREAM = frozenset(
    normalize(w) for w in ["вниз", "униз", "донизу", "вгору", "угору", "вверх", "уверх"]
)
# "через X" is the river only after a word of crossing it ("переправа через Дніпро", "міст
# через Дніпро"): "їхали через Дніпро до Запоріжжя" passes through the city. Word beginnings.
CROSSING = tuple(
    normalize(w)
    for w in [
        "переправ",
        "форсув",
        "форсир",
        "перейш",
        "перейти",
        "перетн",
        "перетин",
        "пересек",
        "пересёк",
        "переплив",
        "переплыв",
        "міст",
        "мост",
    ]
)
# Words of a multi-word Cyrillic name the dictionary cannot turn back into the nominative
# ("Бузі" of "Південному Бузі" reads as "Буза"): matched by a shared beginning this long, less
# the letters a case ending or a consonant change takes.
_ENDING = 2
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
    # the Cyrillic spellings as their words ("сіверський", "донець") -> the normalised name
    cyrillic: dict[tuple[str, ...], str] = field(default_factory=dict)
    # Derived from `cyrillic` (__post_init__): the one-word names, and the others by their
    # number of words and first letter, each with its place in `cyrillic`'s order.
    _one_word: dict = field(init=False, repr=False, compare=False)
    _by_letter: dict = field(init=False, repr=False, compare=False)
    _longest: int = field(init=False, repr=False, compare=False)
    _readings: Callable[[str, str | None], str | None] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self):
        self._one_word, self._by_letter = {}, {}
        for order, (name, key) in enumerate(self.cyrillic.items()):
            if len(name) == 1:
                self._one_word.setdefault(name[0], (order, key))
            else:  # a first word of one letter matches any written word by its stem
                letter = name[0][:1] if len(name[0]) > 1 else ""
                self._by_letter.setdefault((len(name), letter), []).append((order, name, key))
        self._longest = max((len(name) for name in self.cyrillic), default=0)
        # A phrase is read again and again: lookup reads every query, and the finder every
        # candidate with the words around it, several times over. The answer depends on the
        # phrase alone, so it is kept.
        self._readings = functools.lru_cache(maxsize=1 << 14)(self._reading)

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
        cyrillic = {tuple(key.split(" ")): key for key in spellings if CYRILLIC.search(key)}
        return cls(features, spellings, bare, cyrillic)

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

    def reading(self, text: str, language: str | None = None) -> str | None:
        """A Russian or Ukrainian phrase that ends in a feature's name in any case, as the key
        `cued` and `bare_feature` read: "вниз по Дніпру" → "река дніпро", "Сіверського Дінця"
        → "сіверський донець", "у Дніпрі" → "дніпро" (bare: the city decides). None when the
        phrase ends in no feature's name, or is not Cyrillic. `language`: the text's, whose
        dictionary reads it (morphology.languages_for)."""
        if not CYRILLIC.search(text):
            return None
        return self._readings(text, language)

    def _reading(self, text: str, language: str | None) -> str | None:
        from .morphology import _WORD

        written = _WORD.findall(text)
        words = [w.casefold() for w in written]
        # in text that capitalises, a name begins with a capital: "узнал об" is no "Обь"
        capitals = any(w[:1].isupper() for w in written)
        longest = self._longest
        for start in range(max(0, len(words) - longest), len(words)):
            if capitals and not written[start][:1].isupper():
                continue
            core = self._cyrillic_name(tuple(words[start:]), language)
            if core is not None:
                cue = _cyrillic_cue([_plain(w) for w in words[:start]])
                return f"{cue} {core}" if cue else core
        return None

    def _cyrillic_name(self, words: tuple[str, ...], language: str | None) -> str | None:
        """The key of the feature these inflected words name, all of them ("Південному Бузі"
        → "південний буг"); a one-word name only by its exact nominative."""
        first = _nominative_keys(words[0], language)
        if len(words) == 1:  # only by its exact nominative: the first such name in order
            found = [self._one_word[form] for form in first if form in self._one_word]
            return min(found)[1] if found else None
        # A name whose first word begins with another letter than the written word and its
        # nominatives cannot match it (by its nominative, or by its stem): not tried.
        letters = {_plain(words[0])[:1], "", *(form[:1] for form in first)}
        tried = sorted(
            entry for letter in letters for entry in self._by_letter.get((len(words), letter), ())
        )
        if not tried:
            return None
        plain = [_plain(w) for w in words]
        # the other words' nominatives are read only when a name gets as far as them: reading
        # them is what costs, and most phrases match no name from their first word on
        nominatives: list[frozenset[str] | None] = [first] + [None] * (len(words) - 1)
        for _, name, key in tried:
            exact = 0
            for at, (written, wanted) in enumerate(zip(plain, name)):
                forms = nominatives[at]
                if forms is None:
                    forms = nominatives[at] = _nominative_keys(words[at], language)
                if wanted in forms:
                    exact += 1
                elif not _same_stem(written, wanted):
                    break
            else:
                if exact:
                    return key
        return None


@functools.lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    """A written word's key as written (`normalize`), asked again for each phrase it ends."""
    return normalize(word)


@functools.lru_cache(maxsize=65536)
def _nominative_keys(word: str, language: str | None) -> frozenset[str]:
    """A written word's nominatives, normalised: reading them is what costs (pymorphy3), and a
    text asks for the same words again and again (each phrase's every ending)."""
    from .morphology import languages_for, nominative_keys

    return frozenset(
        key for lang in languages_for(word, language) for key in nominative_keys(word, lang)
    )


def _cyrillic_cue(before: list[str]) -> str | None:
    """The CUES key that the lowercase Cyrillic words before a feature's name stand for."""
    if not before:
        return None
    if before[-1] in CYRILLIC_CUES:
        return CYRILLIC_CUES[before[-1]]
    if len(before) >= 2 and before[-1] == "по" and before[-2] in DOWN_UP_STREAM:
        return "река"
    if before[-1] == "через" and any(w.startswith(CROSSING) for w in before[-4:-1]):
        return "река"
    return None


def _same_stem(written: str, wanted: str) -> bool:
    """ "бузі" and "буг": the same word under a case ending and a consonant change."""
    stem = max(2, len(wanted) - _ENDING + 1) if len(wanted) > 3 else len(wanted) - 1
    return abs(len(written) - len(wanted)) <= _ENDING and written[:stem] == wanted[:stem]


@functools.lru_cache(maxsize=1 << 14)  # asked of every lookup, and of each phrase around a name
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
