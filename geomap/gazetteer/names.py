"""The name index: every normalised spelling of every place, and what it may mean.

Building it normalises ~70,000 names and aliases, about 1.5 s: most of a small map's build.
So the bundled gazetteer's index is built once, with the data (scripts/build_geodata.py),
and shipped as geodata/names.json; it carries a fingerprint of the names and of the
normalisation rules (normalize.py) it was built from, and is rebuilt in memory when either
differs. tests/test_geodata.py checks that the shipped file is what `NameIndex.from_places`
makes from the shipped places under today's rules.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .normalize import normalize, skeleton, split_descriptor

FILE = "names.json"


@dataclass
class NameIndex:
    """Keys map to place positions (in the gazetteer's list of places).

    `base` and `variants` entries are `position * 2 + stripped`, where stripped means the
    place matched through a name that carried a fitting descriptor ("Kyiv Oblast").
    """

    full: dict[str, list[int]]  # normalised name or alias -> places
    base: dict[str, list[int]]  # the name without its descriptor -> places
    variants: dict[str, list[int]]  # transliteration skeleton of a base -> places
    fingerprint: str

    @classmethod
    def from_places(cls, places) -> NameIndex:
        full: dict[str, list[int]] = {}
        base: dict[str, list[int]] = {}
        for position, place in enumerate(places):
            for name in (place.name, *place.aliases):
                key = normalize(name)
                if not key:
                    continue
                full.setdefault(key, []).append(position)
                stem, kind = split_descriptor(key)
                if stem:
                    # "stripped" only when the descriptor fits: "Kyiv City" does not make the
                    # city a candidate for "Kyiv region" as much as "Kyiv Oblast" is.
                    base.setdefault(stem, []).append(
                        position * 2 + (kind is not None and kind == place.kind)
                    )
            for name in place.namesake:
                base.setdefault(normalize(name), []).append(position * 2 + 1)
        variants: dict[str, list[int]] = {}
        for stem, entries in base.items():
            variants.setdefault(skeleton(stem), []).extend(entries)
        return cls(full, base, variants, fingerprint(places))

    @classmethod
    def read(cls, path: Path, places) -> NameIndex | None:
        """The index in `path` if it was built from these places; None otherwise."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("fingerprint") != fingerprint(places):
            return None
        return cls(data["full"], data["base"], data["variants"], data["fingerprint"])

    def write(self, path: Path) -> None:
        data = {
            "fingerprint": self.fingerprint,
            "full": self.full,
            "base": self.base,
            "variants": self.variants,
        }
        path.write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
            encoding="utf-8",
        )


def fingerprint(places, rules: bytes | None = None) -> str:
    """A digest of what the index depends on: every place's position, id and spellings, and
    the normalisation rules (the source of normalize.py), so that an index built under other
    rules is never used. `rules` stands in for that source in tests."""
    digest = hashlib.sha256(normalize_rules() if rules is None else rules)
    for place in places:
        digest.update(
            "\x1f".join((place.id, place.name, *place.aliases, "\x1e", *place.namesake)).encode(
                "utf-8"
            )
        )
        digest.update(b"\x1d")
    return digest.hexdigest()


@cache
def normalize_rules() -> bytes:
    """The normalisation rules as shipped: normalize.py, read as bytes (not imported again)."""
    return (resources.files("geomap.gazetteer") / "normalize.py").read_bytes()
