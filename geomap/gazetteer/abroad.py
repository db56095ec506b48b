"""Regions of other countries, known by name only (issue 13).

geomap maps the regions of Russia and Ukraine, and abroad only countries and towns. A town
abroad that shares its name with a state or province of another country is then the only
answer to that name, and a wrong one for most writers: Russians who left for Goa went to the
Indian state, not to Goa in the Philippines; Bali is an Indonesian province, not the town of
Bāli in India; "Victoria" is an Australian state before it is an old name of Hong Kong.

So the build writes the first-level subdivisions of every other country, by name
(`subdivisions-abroad.json`, from ISO 3166-2 as pycountry ships it; only the larger kinds:
states, provinces, regions, prefectures, governorates…), and lookup gives such a name as
ambiguous, naming both, unless the town plainly is what the name means: it answers to it as its
own name and is a city of `CITY_POPULATION` people or more (Córdoba, Kochi).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .normalize import normalize

FILE = "subdivisions-abroad.json"
# The ISO 3166-2 kinds of first-level subdivision that are big enough to be what a name means
# (not municipalities, parishes, districts or local councils).
KINDS = (
    "Autonomous community",
    "Autonomous province",
    "Autonomous region",
    "Emirate",
    "Federal district",
    "Governorate",
    "Island",
    "Prefecture",
    "Province",
    "Region",
    "State",
    "Territory",
    "Union territory",
)
# Groupings ISO 3166-2 lists at the first level that govern nothing: their children count as
# the first level.
GROUPINGS = ("Geographical unit", "Geographical region", "Chain (of islands)")
# A town abroad of this many people, named so in its own right, is what its name means.
CITY_POPULATION = 300_000
# Countries whose regions geomap maps itself.
MAPPED = ("RU", "UA")


@dataclass(frozen=True)
class Subdivision:
    code: str  # ISO 3166-2, e.g. IN-GA
    name: str
    kind: str  # lower case: "state"

    @property
    def country(self) -> str:
        return self.code.split("-", 1)[0]

    def describe(self) -> str:
        return f"{self.name} ({self.kind} of {self.country}, which geomap does not map)"


@dataclass(frozen=True)
class Subdivisions:
    by_key: dict[str, tuple[Subdivision, ...]]

    @classmethod
    def read(cls, path: Path) -> Subdivisions:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return cls({key: tuple(Subdivision(*row) for row in found) for key, found in rows.items()})

    def shadowing(self, key: str, town) -> tuple[Subdivision, ...]:
        """Regions of other countries than `town`'s named `key`, which the town should not
        answer for alone (module docstring)."""
        if town.country in MAPPED:
            return ()
        found = tuple(s for s in self.by_key.get(key, ()) if s.country != town.country)
        if not found:
            return ()
        own_name = normalize(town.name) == key
        return () if own_name and town.population >= CITY_POPULATION else found


@cache
def subdivisions_abroad(directory: Path) -> Subdivisions:
    return Subdivisions.read(directory / FILE)
