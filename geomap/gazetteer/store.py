"""The shipped gazetteer: places and their name index in one SQLite file, read on demand.

Parsing every place and every key at start-up cost more than the lookup it served (the
GeoJSON properties ~0.25 s and names.json ~0.14 s for 70,000 names; several times that with
the world's towns and Ukraine's and Russia's villages). So scripts/build_geodata.py derives
geodata/gazetteer.sqlite from the GeoJSON files and the rules in names.py, and a process
opens it and asks only for the keys and places it needs: a place is made into a `Place` when
a lookup reaches it, and the list of all keys that suggestions compare against is read only
when a name is not found.

Tables:
  meta(key, value)          the fingerprint of places and rules, the rules' digest, counts
  places(position, id, kind, country, props)   props: the properties as zlib'd JSON
  names(tier, key, entries) tiers of `NameIndex` (0 full, 1 base, 2 variants)
  common(key)               names of towns abroad that are common English words
  spelling(part, data)      the letter-pair index of the base keys (spelling.py), for
                            suggestions

The GeoJSON files stay the diffable artefacts the build writes; this file is derived from
them, and tests/test_geodata.py checks that its contents are what today's rules make.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError
from .names import NameIndex, normalize_rules
from .places import PLACE_PROPERTIES, Place, place_from_properties

if TYPE_CHECKING:  # numpy is imported only when a name is not found
    from .spelling import SpellingIndex

FILE = "gazetteer.sqlite"
TIERS = ("full", "base", "variants")
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE places (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                     kind TEXT NOT NULL, country TEXT NOT NULL, props TEXT NOT NULL);
CREATE INDEX places_kind_country ON places (kind, country);
CREATE TABLE names (tier INTEGER NOT NULL, key TEXT NOT NULL, entries TEXT NOT NULL,
                    PRIMARY KEY (tier, key)) WITHOUT ROWID;
CREATE TABLE common (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE spelling (part TEXT PRIMARY KEY, data BLOB NOT NULL);
"""


def rules_digest() -> str:
    return hashlib.sha256(normalize_rules()).hexdigest()


def write_store(path: Path, places: list[Place], index: NameIndex) -> None:
    """Write places and their index to `path` (through a temporary file: never half-written)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(_SCHEMA)
        keys = set(index.full) | set(index.base)
        meta = {
            "fingerprint": index.fingerprint,
            "rules": rules_digest(),
            "places": str(len(places)),
            "max_tokens": str(max(k.count(" ") for k in keys) + 1),
        }
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?)",
            ((n, p.id, p.kind, p.country, _pack(_properties(p))) for n, p in enumerate(places)),
        )
        for tier, name in enumerate(TIERS):
            table = getattr(index, name)
            db.executemany(
                "INSERT INTO names VALUES (?, ?, ?)",
                ((tier, k, ",".join(map(str, table[k]))) for k in sorted(table)),
            )
        db.executemany("INSERT INTO common VALUES (?)", ((k,) for k in sorted(index.common)))
        from .spelling import SpellingIndex

        spelling = SpellingIndex.build(index.base).to_parts()
        db.executemany("INSERT INTO spelling VALUES (?, ?)", sorted(spelling.items()))
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    tmp.replace(path)


def _pack(properties: dict) -> bytes:
    # Mostly alternate names: compressed, a place's row is a third of its JSON.
    return zlib.compress(json.dumps(properties, ensure_ascii=False).encode("utf-8"), 9)


def _unpack(packed: bytes) -> Place:
    return place_from_properties(json.loads(zlib.decompress(packed)))


def _properties(place: Place) -> dict:
    out = {}
    # Written as the GeoJSON has them: defaults left out (`romanised` only when false).
    defaults = {"romanised": True, "common_word": False}
    for name in PLACE_PROPERTIES:
        value = getattr(place, name)
        if name in defaults:
            if value != defaults[name]:
                out[name] = value
        elif name == "names":
            if value:
                out[name] = dict(value)
        elif name in ("lat", "lon", "population") or value not in (None, ()):
            out[name] = list(value) if isinstance(value, tuple) else value
    return out


class Store:
    """An open, read-only gazetteer file."""

    def __init__(self, path: Path):
        if not path.is_file():
            raise DataError(
                f"Cannot read the bundled gazetteer {path}: the file is missing. "
                "Reinstall geomap (pip install --force-reinstall .), or rebuild it with "
                "scripts/build_geodata.py --names-only."
            )
        # immutable: the file is never written while geomap runs, so SQLite skips locking.
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        try:
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self.meta = dict(self.db.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as exc:
            raise DataError(
                f"Cannot read the bundled gazetteer {path}: {exc}. "
                "Reinstall geomap (pip install --force-reinstall .)."
            ) from exc
        self.path = path

    def places(self) -> StoredPlaces:
        return StoredPlaces(self)

    def names(self) -> StoredNames:
        return StoredNames(self)

    def current(self) -> bool:
        """Was the index built under the rules this geomap runs? (If not, rebuild it.)"""
        return self.meta.get("rules") == rules_digest()


class StoredPlaces(Sequence):
    """The places in index order, each made into a `Place` when first asked for."""

    def __init__(self, store: Store):
        self._db = store.db
        self._len = int(store.meta["places"])
        self._made: dict[int, Place] = {}
        self.by_id = _ById(self)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(self._len))]
        if position < 0:
            position += self._len
        place = self._made.get(position)
        if place is None:
            row = self._db.execute(
                "SELECT props FROM places WHERE position = ?", (position,)
            ).fetchone()
            if row is None:
                raise IndexError(position)
            place = self._made[position] = _unpack(row[0])
        return place

    def __iter__(self) -> Iterator[Place]:
        yield from self._select("", ())

    def find(self, kind=None, country=None) -> list[Place]:
        where, args = [], []
        if kind is not None:
            where.append("kind = ?")
            args.append(kind)
        if country is not None:
            where.append("country = ?")
            args.append(country)
        return list(self._select(f"WHERE {' AND '.join(where)}" if where else "", tuple(args)))

    def _select(self, where: str, args: tuple) -> Iterator[Place]:
        rows = self._db.execute(
            f"SELECT position, props FROM places {where} ORDER BY position", args
        )
        for position, props in rows:
            place = self._made.get(position)
            if place is None:
                place = self._made[position] = _unpack(props)
            yield place

    def position(self, place_id: str) -> int | None:
        row = self._db.execute("SELECT position FROM places WHERE id = ?", (place_id,)).fetchone()
        return None if row is None else row[0]


class _ById(Mapping):
    def __init__(self, places: StoredPlaces):
        self._places = places

    def __getitem__(self, place_id: str) -> Place:
        position = self._places.position(place_id) if isinstance(place_id, str) else None
        if position is None:
            raise KeyError(place_id)
        return self._places[position]

    def __contains__(self, place_id) -> bool:
        return isinstance(place_id, str) and self._places.position(place_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (p.id for p in self._places)

    def __len__(self) -> int:
        return len(self._places)


class _Tier(Mapping):
    """One tier of the name index: key -> entries, as `NameIndex`'s dicts, asked key by key."""

    def __init__(self, db: sqlite3.Connection, tier: int):
        self._db, self._tier = db, tier
        self._seen: dict[str, list[int] | None] = {}

    def get(self, key, default=None):
        if key not in self._seen:
            row = self._db.execute(
                "SELECT entries FROM names WHERE tier = ? AND key = ?", (self._tier, key)
            ).fetchone()
            self._seen[key] = None if row is None else [int(e) for e in row[0].split(",")]
        found = self._seen[key]
        return default if found is None else found

    def __getitem__(self, key):
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        rows = self._db.execute("SELECT key FROM names WHERE tier = ? ORDER BY key", (self._tier,))
        return (key for (key,) in rows)

    def __len__(self) -> int:
        return self._db.execute(
            "SELECT count(*) FROM names WHERE tier = ?", (self._tier,)
        ).fetchone()[0]

    def items(self):  # one query, not one per key (the audit walks every name)
        rows = self._db.execute(
            "SELECT key, entries FROM names WHERE tier = ? ORDER BY key", (self._tier,)
        )
        return [(key, [int(e) for e in entries.split(",")]) for key, entries in rows]


class _KeySet:
    """Membership in a set of keys kept in the file (`key in names.prefixes`)."""

    def __init__(self, db: sqlite3.Connection, query: str):
        self._db, self._query = db, query
        self._seen: dict[str, bool] = {}

    def __contains__(self, key) -> bool:
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = (
                isinstance(key, str)
                and self._db.execute(self._query, (key,)).fetchone() is not None
            )
        return found


class _Prefixes(_KeySet):
    """Is the key a token prefix of any key of any tier ("nova" of "nova kakhovka")? A range
    query on the names' own index: the key itself, or keys that go on after a space (" " sorts
    just below "!", and a normalised key holds no character between them)."""

    def __init__(self, db: sqlite3.Connection):
        super().__init__(db, "")

    def __contains__(self, key) -> bool:
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = isinstance(key, str) and (
                self._db.execute(
                    "SELECT 1 FROM names WHERE tier IN (0, 1, 2) AND key >= ? AND key < ? LIMIT 1",
                    (key, key + "!"),
                ).fetchone()
                is not None
            )
        return found


class StoredNames:
    """`NameIndex`'s tables, read from the file; plus what extraction needs (`names`: any full
    or base key; `skeletons`; `prefixes`; `max_tokens`)."""

    def __init__(self, store: Store):
        db = store.db
        self.full, self.base, self.variants = (_Tier(db, n) for n in range(len(TIERS)))
        self.fingerprint = store.meta["fingerprint"]
        self.max_tokens = int(store.meta["max_tokens"])
        self.keys = _KeySet(db, "SELECT 1 FROM names WHERE tier IN (0, 1) AND key = ?")
        self.skeletons = _KeySet(db, "SELECT 1 FROM names WHERE tier = 2 AND key = ?")
        self.prefixes = _Prefixes(db)
        self.common = _KeySet(db, "SELECT 1 FROM common WHERE key = ?")
        self._db = db

    def spelling(self) -> SpellingIndex:
        """The letter-pair index of the base keys, read in one go (~10 MB, a few ms)."""
        from .spelling import SpellingIndex

        return SpellingIndex.from_parts(dict(self._db.execute("SELECT part, data FROM spelling")))


def stored_contents(path: Path) -> tuple[list[Place], NameIndex]:
    """Everything in the file, as lists and dicts: for tests that compare it with a rebuild."""
    store = Store(path)
    places = list(store.places())
    names = store.names()
    full, base, variants = (dict(getattr(names, t).items()) for t in TIERS)
    common = frozenset(k for (k,) in store.db.execute("SELECT key FROM common"))
    return places, NameIndex(full, base, variants, names.fingerprint, common)
