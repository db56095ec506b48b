"""Places of the user's own: a places file (CSV or GeoJSON) that extends the gazetteer for a run.

No gazetteer holds every village, crossing point or court building a report names. A places
file adds them: one place per row (CSV) or Point feature (GeoJSON), with the columns `name`,
`lat`, `lon`, `kind`, `country` and optionally `aliases` (`;`-separated), `parent` (a place
id), `id` and `overrides`.

The user's places are a gazetteer of their own, consulted beside the bundled one through the
bundled one's public `lookup`: nothing of the bundled gazetteer is changed. A name both know
is a conflict, and a conflict is never resolved silently: the lookup answers "conflict" until
the user's row says, in its `overrides` column, which bundled places it replaces (their ids,
or `all`).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import re
from collections import ChainMap
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from ..errors import GeomapError
from .lookup import Gazetteer, Match, describe, not_found_note
from .normalize import normalize, skeleton, split_descriptor
from .places import KINDS, Place

MAX_BYTES = 20 * 1024 * 1024  # as for an events file
REQUIRED = ("name", "lat", "lon", "kind", "country")
OPTIONAL = ("aliases", "parent", "id", "overrides")
OVERRIDE_ALL = "all"
CONFLICT = "conflict"  # Match.reason when a name is both the user's and a bundled place's
LIST_SEPARATOR = ";"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:_.\-]{0,79}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# "Name (Region)" and "Name, Country", as the gazetteer reads them.
_HINTED = re.compile(r"^(?P<name>[^(),]+?)\s*(?:\((?P<paren>[^()]+)\)|,(?P<comma>[^,]+))\s*$")


class PlacesFileError(GeomapError):
    """A places file is malformed: the message names file, row or feature, field and the fix."""

    def __init__(self, message, *, path=None, line=None, field=None):
        super().__init__(message)
        self.path, self.line, self.field = path, line, field


def how_to_add(name: str) -> str:
    """What to do when the gazetteer does not know a place: the one wording every not-found
    message uses (events, geocode, extract)."""
    shown = name if len(name) <= 60 else name[:59] + "…"
    return (
        f"To map {shown!r} anyway, give its point in the event: "
        f"{{name: {shown}, lat: DEGREES NORTH, lon: DEGREES EAST, precision: town}} (in CSV, "
        "the lat, lon and place_precision columns); or add it to a places file (columns name, "
        "lat, lon, kind, country) and pass it with --places FILE, or name it in the events file "
        "with places_file: FILE."
    )


def not_found_advice(name: str) -> str:
    """The one not-found message, shown once after the names (geocode, extract) or the errors
    (an events file) that include a name no place has: what the gazetteer holds, and how to
    map the place anyway. `name` is the first such name, for the example."""
    return f"Not found: {not_found_note()}. {how_to_add(name)}"


@dataclass(frozen=True)
class UserPlaces:
    """The places of one or more places files, checked."""

    places: tuple[Place, ...]
    overrides: dict[str, frozenset[str]]  # user place id -> bundled ids it replaces (or "all")
    where: dict[str, str]  # user place id -> "file, row 3": for messages
    files: tuple[str, ...] = ()


# --- reading --------------------------------------------------------------------------------


def read_places_files(paths, bundled: Gazetteer) -> UserPlaces:
    """Read and check places files: every row, then names shared between rows and files."""
    rows: list[tuple[str, dict]] = []  # (where, fields)
    for path in paths:
        rows += _read_rows(Path(path))
    return _check(rows, bundled, tuple(str(p) for p in paths))


def _read_rows(path: Path) -> list[tuple[str, dict]]:
    from ..textio import decode_utf8, read_bounded

    try:
        raw = read_bounded(
            path,
            MAX_BYTES,
            what="a places file",
            expected="CSV or GeoJSON",
            error=PlacesFileError,
            path=path,
            advice="Split it, or check that this is the right file.",
        )
    except FileNotFoundError:
        raise PlacesFileError(
            f"{path}: no such places file. Check the path (a places_file: in an events file "
            "is read relative to the events file).",
            path=path,
        ) from None
    except IsADirectoryError:
        raise PlacesFileError(
            f"{path}: is a folder; give a places file (.csv or .geojson)."
        ) from None
    except OSError as exc:
        raise PlacesFileError(f"{path}: cannot be read ({exc.strerror}).", path=path) from None
    text = decode_utf8(raw, path, error=PlacesFileError, path=path, advice="Save it as UTF-8.")
    if not text.strip():
        raise PlacesFileError(
            f"{path}: the places file is empty; expected a header row "
            f"({', '.join(REQUIRED)}) and one place per row.",
            path=path,
        )
    if path.suffix.lower() in (".geojson", ".json"):
        return _geojson_rows(path, text)
    return _csv_rows(path, text)


def _csv_rows(path, text) -> list[tuple[str, dict]]:
    from ..csvcells import read_cells

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        _check_columns(path, f"{path}, row 1", header)
        out = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            where = f"{path}, row {reader.line_num}"
            if len(cells) > len(header):
                raise PlacesFileError(
                    f"{where}: more cells than header columns. Quote cells that contain commas.",
                    path=path,
                    line=reader.line_num,
                )
            fields = {h: c.strip() for h, c in zip(header, read_cells(cells)) if c.strip()}
            out.append((where, {**fields, "_line": reader.line_num, "_path": path}))
    except csv.Error as exc:
        raise PlacesFileError(
            f"{path}, row {reader.line_num}: cannot be read as CSV ({exc}). Check its quotes.",
            path=path,
            line=reader.line_num,
        ) from None
    return out


def _geojson_rows(path, text) -> list[tuple[str, dict]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        raise PlacesFileError(
            f"{path}, line {line}: not valid JSON ({getattr(exc, 'msg', exc)}).",
            path=path,
            line=line,
        ) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise PlacesFileError(
            f"{path}: expected a GeoJSON FeatureCollection of Point features.", path=path
        )
    out = []
    for number, feature in enumerate(features, 1):
        where = f"{path}, feature {number}"
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise PlacesFileError(f"{where}: expected a Feature with properties.", path=path)
        if not (isinstance(geometry, dict) and geometry.get("type") == "Point"):
            raise PlacesFileError(
                f"{where}, field geometry: expected a Point [lon, lat]; a place of your own is "
                "a point (give kind: region to draw the region that contains it).",
                path=path,
                field="geometry",
            )
        _check_columns(path, where, ["lat", "lon", *props])
        coordinates = geometry.get("coordinates")
        fields = {k: v for k, v in props.items() if v not in (None, "", [])}
        if isinstance(coordinates, list) and len(coordinates) >= 2:
            fields.update(lon=coordinates[0], lat=coordinates[1])
        if isinstance(fields.get("aliases"), list):
            fields["aliases"] = LIST_SEPARATOR.join(map(str, fields["aliases"]))
        out.append((where, {**fields, "_line": number, "_path": path}))
    return out


def _check_columns(path, where, header):
    known = set(REQUIRED) | set(OPTIONAL)
    for column in header:
        if column and column not in known:
            raise PlacesFileError(
                f"{where}: unknown column `{column}`; a places file has the columns "
                f"{', '.join(REQUIRED)} and optionally {', '.join(OPTIONAL)}.",
                path=path,
                field=column,
            )
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise PlacesFileError(
            f"{where}: the column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"{'are' if len(missing) > 1 else 'is'} missing; a places file has the columns "
            f"{', '.join(REQUIRED)} (and optionally {', '.join(OPTIONAL)}).",
            path=path,
            field=missing[0],
        )


# --- checking -------------------------------------------------------------------------------


def _check(rows, bundled: Gazetteer, files) -> UserPlaces:
    places: list[Place] = []
    overrides: dict[str, frozenset[str]] = {}
    where_of: dict[str, str] = {}
    names: dict[str, str] = {}  # normalised name or alias -> where it was first given
    for where, fields in rows:
        place, override = _place(where, fields, bundled)
        for spelling in (place.name, *place.aliases):
            key = normalize(spelling)
            if key in names:
                _refuse(
                    where,
                    fields,
                    "name" if spelling == place.name else "aliases",
                    f"{spelling!r} is also a place in {names[key]}: two places of one name "
                    "cannot be told apart. Keep one, or give them different names",
                )
            names[key] = where
        if place.id in where_of or _known(bundled, place.id):
            first = where_of.get(place.id, "the bundled gazetteer")
            _refuse(
                where, fields, "id", f"the id {place.id!r} is also given in {first}; ids are unique"
            )
        places.append(place)
        overrides[place.id] = override
        where_of[place.id] = where
    for place in places:  # parents may be later rows
        if place.parent and place.parent not in where_of and not _known(bundled, place.parent):
            where = where_of[place.id]
            raise PlacesFileError(
                f"{where}, field parent: no place has the id {place.parent!r}; give the id of a "
                "region (`geomap places --kind region` lists them) or of a place in this file.",
                field="parent",
            )
    return UserPlaces(tuple(places), overrides, where_of, files)


def _known(bundled, place_id) -> bool:
    try:
        bundled.get(place_id)
    except KeyError:
        return False
    return True


def _refuse(where, fields, field_name, problem):
    raise PlacesFileError(
        f"{where}, field {field_name}: {problem}" + ("" if problem.endswith("?") else "."),
        path=fields.get("_path"),
        line=fields.get("_line"),
        field=field_name,
    )


def _place(where, fields, bundled) -> tuple[Place, frozenset[str]]:
    def text(name, required=False):
        value = fields.get(name)
        if value is None:
            if required:
                _refuse(where, fields, name, "required, and empty")
            return None
        value = str(value).strip()
        if _CONTROL.search(value) or len(value) > 200:
            _refuse(where, fields, name, "expected plain text of at most 200 characters")
        return value

    name = text("name", True)
    lat = _degrees(where, fields, "lat", 90)
    lon = _degrees(where, fields, "lon", 180)
    kind = text("kind", True)
    if kind not in KINDS:
        _refuse(where, fields, "kind", f"expected one of {', '.join(KINDS)}, got {kind!r}")
    country = text("country", True)
    if not _COUNTRY.match(country):
        _refuse(
            where,
            fields,
            "country",
            f"expected a two-letter country code such as UA, got {country!r}",
        )
    place_id = text("id") or "user:" + (normalize(name).replace(" ", "-") or "place")
    if not _ID.match(place_id):
        _refuse(
            where,
            fields,
            "id",
            f"expected letters, digits and : _ . - (no spaces), got {place_id!r}",
        )
    aliases = tuple(a.strip() for a in (text("aliases") or "").split(LIST_SEPARATOR) if a.strip())
    override = frozenset(
        o.strip() for o in (text("overrides") or "").split(LIST_SEPARATOR) if o.strip()
    )
    for bundled_id in override - {OVERRIDE_ALL}:
        if not _known(bundled, bundled_id):
            _refuse(
                where,
                fields,
                "overrides",
                f"no bundled place has the id {bundled_id!r}; give the ids the conflict "
                f"message names, or {OVERRIDE_ALL}",
            )
    place = Place(
        id=place_id,
        name=name,
        kind=kind,
        country=country,
        lat=lat,
        lon=lon,
        parent=text("parent"),
        aliases=aliases,
    )
    return place, override


def _degrees(where, fields, axis, limit) -> float:
    word = "latitude" if axis == "lat" else "longitude"
    value = fields.get(axis)
    if value is None:
        _refuse(where, fields, axis, f"the {word} is missing; give both lat and lon")
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            _refuse(where, fields, axis, f"expected a {word} in degrees, e.g. 47.44, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _refuse(where, fields, axis, f"expected a {word} in degrees, got {value!r}")
    if not math.isfinite(value) or not -limit <= value <= limit:
        _refuse(
            where,
            fields,
            axis,
            f"expected a {word} from -{limit} to {limit}, got {value}"
            + ("; are lat and lon swapped?" if axis == "lat" and abs(value) <= 180 else ""),
        )
    return float(value)


# --- the two gazetteers together ------------------------------------------------------------


def lookup_if_known(gazetteer, name: str | None, country: str | None = None):
    """The gazetteer's answer for a name, or None when it cannot know the name.

    A name it does not know costs `lookup` its fuzzy suggestions, about 8 ms: thousands of
    villages of a dataset would take a minute. So a name with none of the index keys
    `lookup` reads (the name, the name without its descriptor, its transliteration skeleton)
    is known to be unknown without asking; a gazetteer without that index is asked."""
    if not name:
        return None
    names = getattr(gazetteer, "names", None)
    plain = "(" not in name and "," not in name  # "X (Region)": lookup reads the hint
    if plain and names is not None and all(hasattr(names, k) for k in ("full", "base", "variants")):
        key = normalize(name)
        base = split_descriptor(key)[0]
        if (
            key not in names.full
            and base not in names.base
            and skeleton(base) not in names.variants
        ):
            return None
    return gazetteer.lookup(name, country=country)


@dataclass
class WithUserPlaces:
    """The bundled gazetteer with the user's places beside it, for one run.

    Offers what callers use of a `Gazetteer`: `lookup`, `get`, `find`, iteration, and the name
    keys and id table that `geomap.extract` reads."""

    bundled: Gazetteer
    user: UserPlaces
    own: Gazetteer = field(init=False)

    def __post_init__(self):
        self.own = Gazetteer(list(self.user.places))
        # The bundled places are read from the store as asked for, never all at once (45,000).
        self.layers = (self.own, self.bundled)
        # geomap.extract reads the name keys and the id table: the union of both.
        self.names = SimpleNamespace(
            full=ChainMap(self.own.names.full, self.bundled.names.full),
            base=ChainMap(self.own.names.base, self.bundled.names.base),
            variants=ChainMap(self.own.names.variants, self.bundled.names.variants),
        )
        self._by_id = ChainMap(self.own._by_id, self.bundled._by_id)
        self._user_ids = {p.id for p in self.user.places}

    def __len__(self):
        return len(self.own) + len(self.bundled)

    def __iter__(self):
        return itertools.chain(self.own, self.bundled)

    def is_users(self, place: Place) -> bool:
        return place.id in self._user_ids

    def get(self, place_id: str) -> Place:
        return self._by_id[place_id]

    def find(self, kind=None, country=None):
        return self.own.find(kind, country) + self.bundled.find(kind, country)

    def physical_feature(self, name: str, language: str | None = None, key: str | None = None):
        """Rivers, seas and ranges are the bundled gazetteer's: a user's file holds places."""
        return self.bundled.physical_feature(name, language, key)

    def suggest(self, key, limit=5):
        return (self.own.suggest(key, limit) + self.bundled.suggest(key, limit))[:limit]

    def suggestions_for(self, name: str) -> tuple[str, ...]:
        return (self.own.suggestions_for(name) + self.bundled.suggestions_for(name))[:5]

    def lookup(
        self,
        name: str,
        country: str | None = None,
        suggest: bool = True,
        language: str | None = None,
    ) -> Match:
        mine = self.own.lookup(name, country, suggest=suggest, language=language)
        if mine.place is None:
            mine = self._hinted(name, country) or mine
            theirs = self.bundled.lookup(name, country, suggest=suggest, language=language)
        else:  # the user's: the bundled gazetteer matters only if it knows the name too
            theirs = lookup_if_known(self.bundled, name, country) or Match(name, None)
        if mine.place is None:
            if mine.reason == "ambiguous":  # two of the user's places, through their aliases
                return mine
            if theirs.ok or theirs.reason == "ambiguous":
                return theirs
            suggestions = (mine.suggestions + theirs.suggestions)[:5]
            return Match(
                name,
                None,
                suggestions=suggestions,
                reason=theirs.reason,
                not_found=mine.not_found and theirs.not_found,
            )
        yours = mine.place
        rivals = self._rivals(yours, theirs)
        if not rivals:
            return mine
        return Match(
            name,
            None,
            alternatives=(yours, *rivals),
            suggestions=tuple(self.describe(p) for p in (yours, *rivals)),
            reason=CONFLICT,
        )

    def _hinted(self, name: str, country: str | None) -> Match | None:
        """ "Name (Region)" or "Name, Country" for a place of the user's: the region or country
        is a bundled one, so the user's gazetteer alone cannot read the hint."""
        found = _HINTED.match(name.strip()) if isinstance(name, str) else None
        if not found:
            return None
        candidate = self.own.lookup(found["name"], country).place
        where = self.bundled.lookup(found["paren"] or found["comma"]).place
        if candidate is None or where is None:
            return None
        if (where.kind == "region" and candidate.parent == where.id) or (
            where.kind == "country" and candidate.country == where.country
        ):
            return Match(name, candidate)
        return None

    def _rivals(self, place: Place, theirs: Match) -> tuple[Place, ...]:
        """The bundled places the name also means, less those the user's row overrides."""
        if theirs.ok:
            found: tuple[Place, ...] = (theirs.place,)  # type: ignore[assignment]
        elif theirs.reason == "ambiguous":
            found = theirs.alternatives
        else:
            return ()
        overridden = self.user.overrides.get(place.id, frozenset())
        if OVERRIDE_ALL in overridden:
            return ()
        return tuple(p for p in found if p.id not in overridden)

    def describe(self, place: Place) -> str:
        """As `lookup.describe`, saying which places are the user's, with the bundled ids."""
        if self.is_users(place):
            return self.label(place, self)
        return f"{describe(place, self.bundled)} [{place.id}]"

    def label(self, place: Place, gazetteer=None) -> str:
        """As `lookup.describe(place, gazetteer)`, saying which places are the user's."""
        if self.is_users(place):
            where = self.user.where[place.id]
            return f"{place.name} ({place.kind}, {place.country}, your place in {where})"
        return describe(place, self.bundled)

    def conflicts(self) -> list[str]:
        """Every user place whose name or alias the bundled gazetteer also answers, and that
        the user has not overridden: reported, since each such name will not resolve."""
        out = []
        for place in self.user.places:
            for spelling in (place.name, *place.aliases):
                theirs = lookup_if_known(self.bundled, spelling) or Match(spelling, None)
                rivals = self._rivals(place, theirs)
                if rivals:
                    out.append(conflict_message(spelling, self, place, rivals))
        return out


def conflict_message(name, gazetteer: WithUserPlaces, place: Place, rivals) -> str:
    """A name that is both the user's place and a bundled one, and the two ways out."""
    theirs = "; ".join(gazetteer.describe(p) for p in rivals[:4])
    ids = LIST_SEPARATOR.join(p.id for p in rivals[:4])
    return (
        f"{name!r} is your place in {gazetteer.user.where[place.id]} and also the bundled "
        f"{theirs}. To use yours, write {ids} (or {OVERRIDE_ALL}) in its overrides column; "
        "to use the bundled one, rename or remove yours."
    )


def with_user_places(bundled: Gazetteer, paths) -> WithUserPlaces | Gazetteer:
    """`bundled` extended with the places files `paths` (none: `bundled` itself)."""
    paths = list(dict.fromkeys(str(p) for p in paths))
    if not paths:
        return bundled
    return WithUserPlaces(bundled, read_places_files(paths, bundled))


__all__ = [
    "CONFLICT",
    "PlacesFileError",
    "UserPlaces",
    "WithUserPlaces",
    "conflict_message",
    "how_to_add",
    "lookup_if_known",
    "not_found_advice",
    "read_places_files",
    "with_user_places",
]
