"""The gazetteer: every place geomap knows, loaded once from the bundled GeoJSON.

Only the properties are read here (plain `json`), so looking names up never pays for
geopandas; polygons are read by `geometries()` when a map needs them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataError

KINDS = ("country", "group", "region", "town", "checkpoint")
FILES = {
    "country": "countries.geojson",
    "group": "groups.geojson",  # named groups of regions: Donbas, Siberia, federal districts
    "region": "regions.geojson",
    "town": "towns.geojson",
    "checkpoint": "checkpoints.geojson",
}


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    parent: str | None = None
    population: int = 0
    iso_3166_2: str | None = None
    label: str | None = None  # neutral label for disputed areas
    drawn_as: str | None = None  # no open boundary: drawn with this region's outline
    countries: tuple[str, ...] = ()  # checkpoints: the two countries joined
    members: tuple[str, ...] = ()  # groups: the ISO 3166-2 codes of the regions in it
    extent: str | None = None  # groups: how exactly the members give its extent (a precision)
    # Regions: colloquial names from sources/region-groups.csv (also among the aliases).
    informal: tuple[str, ...] = field(default=(), repr=False, compare=False)
    aliases: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # Regions named after their capital: the capital's spellings, valid with a descriptor.
    namesake: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # A town abroad whose name is a common English word ("Nice"): extraction wants context.
    common_word: bool = field(default=False, repr=False, compare=False)
    # Spelt by romanising Cyrillic, so transliteration variants of its names are indexed;
    # false for towns far abroad (a Czech Mělník is not a variant of the surname Melnyk).
    romanised: bool = field(default=True, repr=False, compare=False)
    # The name in other languages, ((language, text), ...): Russian and Ukrainian where a
    # source settles it (geodata/SOURCES.md); a disputed area's neutral label in them.
    names: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)

    @property
    def precision(self) -> str:
        """How exactly an event at this place is located."""
        if self.extent:
            return self.extent
        return "region (approximate)" if self.drawn_as else self.kind

    @property
    def display_name(self) -> str:
        return self.label or self.name

    def name_in(self, language: str) -> str | None:
        """The place's label in `language` ("en", "ru", "uk"), or None where no source gives
        one (the caller falls back to English and says so)."""
        if language == "en":
            return self.display_name
        return dict(self.names).get(language)

    def to_dict(self) -> dict:
        out: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
        }
        if self.iso_3166_2:
            out["iso_3166_2"] = self.iso_3166_2
        if self.parent:
            out["parent"] = self.parent
        if self.label and self.label != self.name:
            out["label"] = self.label
        if self.drawn_as:
            out["drawn_as"] = self.drawn_as
        if self.countries:
            out["countries"] = list(self.countries)
        if self.members:
            out["members"] = list(self.members)
        out.update(lat=self.lat, lon=self.lon, precision=self.precision)
        return out


def data_dir() -> Path:
    """The bundled geodata, inside the installed package (works from any directory)."""
    return Path(str(resources.files("geomap.geodata")))


def read_places(directory: Path | None = None) -> list[Place]:
    directory = directory or data_dir()
    places: list[Place] = []
    for kind in KINDS:
        path = directory / FILES[kind]
        try:
            features = json.loads(path.read_text(encoding="utf-8"))["features"]
        except (OSError, ValueError, KeyError) as exc:
            raise DataError(
                f"Cannot read bundled gazetteer file {path}: {exc}. "
                "Reinstall geomap (pip install --force-reinstall .)."
            ) from exc
        places.extend(place_from_properties(f["properties"]) for f in features)
    return places


def place_from_properties(props: dict) -> Place:
    """A Place from a feature's properties, as the build script writes them."""
    return Place(
        id=props["id"],
        name=props["name"],
        kind=props["kind"],
        country=props["country"],
        lat=props["lat"],
        lon=props["lon"],
        parent=props.get("parent"),
        population=props.get("population", 0),
        iso_3166_2=props.get("iso_3166_2"),
        label=props.get("label"),
        drawn_as=props.get("drawn_as"),
        countries=tuple(props.get("countries", ())),
        members=tuple(props.get("members", ())),
        extent=props.get("extent"),
        informal=tuple(props.get("informal", ())),
        aliases=tuple(props.get("aliases", ())),
        namesake=tuple(props.get("namesake", ())),
        common_word=props.get("common_word", False),
        romanised=props.get("romanised", True),
        names=tuple(sorted((props.get("names") or {}).items())),
    )


# Properties a place needs for lookup (not its outline, nor build notes such as `established`).
PLACE_PROPERTIES = (
    "id", "name", "kind", "country", "lat", "lon", "parent", "population", "iso_3166_2",
    "label", "drawn_as", "countries", "members", "extent", "informal", "aliases", "namesake",
    "common_word", "romanised", "names",
)  # fmt: skip


@cache
@lru_cache(maxsize=4)
def geometries(kind: str, directory: Path | None = None):
    """Outlines of countries or regions as a GeoDataFrame indexed by id (EPSG:4326).

    Read once per process and shared (the first view, the region shapes, the offline basemap
    and a `--png` copy of the map all ask for them): callers select from it, never change it."""
    import geopandas as gpd

    frame = gpd.read_file((directory or data_dir()) / FILES[kind], columns=["id"])
    return frame[frame.geometry.notna()].set_index("id")
