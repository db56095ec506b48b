"""The name index: every normalised spelling of every place, and what it may mean.

Building it normalises several hundred thousand names and aliases, seconds of work. So the
bundled gazetteer's index is built once, with the data (scripts/build_geodata.py), and
shipped in geodata/gazetteer.sqlite (store.py); it carries a fingerprint of the names and of
the normalisation rules (normalize.py and this module) it was built from, and is rebuilt in
memory when the rules differ. tests/test_geodata.py checks that the shipped index is what
`NameIndex.from_places` makes from the shipped places under today's rules.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .normalize import normalize, skeleton, split_descriptor


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
    # Names of towns abroad that are common English words: extraction wants context for them.
    common: frozenset[str] = field(default=frozenset())

    @classmethod
    def from_places(cls, places) -> NameIndex:
        full: dict[str, list[int]] = {}
        base: dict[str, list[int]] = {}
        leaks = leaked_aliases(places)
        rehomed = rehomed_aliases(places, leaks)
        for position, place in enumerate(places):
            spellings = [n for n in (place.name, *place.aliases) if (place.id, n) not in leaks]
            spellings += rehomed.get(place.id, [])
            if place.kind == "region":
                spellings += [n for s in spellings for n in second_names(s)]
            for name in spellings:
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
        # Skeletons stand for differences of Cyrillic romanisation, so only places named by
        # romanising Cyrillic take part: "Melnyk" (a Ukrainian surname) is not Mělník (CZ).
        variants: dict[str, list[int]] = {}
        for stem, entries in base.items():
            romanised = [e for e in entries if places[e >> 1].romanised]
            if romanised:
                variants.setdefault(skeleton(stem), []).extend(romanised)
        # Names of towns abroad that are English words ("City One" is written "One" too),
        # unless a place at home carries the name ("samara" is a winged seed, and Samara).
        common: set[str] = set()
        for place in places:
            if place.common_word:
                key = normalize(place.name)
                common.update(filter(None, (key, split_descriptor(key)[0])))
        common = {
            k
            for k in common
            if not any(places[n].romanised for n in full.get(k, ()))
            and not any(places[e >> 1].romanised for e in base.get(k, ()))
        }
        return cls(full, base, variants, fingerprint(places), frozenset(common))


# How much of a region name's first word must agree for an alias to name that region:
# "Chukot" names Chukotka, "Kalinin" does not name Kaliningrad.
_LEAK_PREFIX_CHARS = 6
_LEAK_PREFIX_SHARE = 0.75
# A shared spelling and a region's own name "start alike" when their first letters agree:
# "vologodskaya" and "vologda".
_SHARED_START = 5


# A plain romanisation of normalised Russian and Ukrainian letters, only to compare a
# Cyrillic alias's first word with regions' (Latin) own names: "Чукотский" is "chukotskii".
_ROMAN = str.maketrans(
    {
        **dict(zip("абвгдезиклмнопрстуфыэіґ", "abvgdeziklmnoprstufyeig")),
        **{"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu"},
        **{"я": "ya", "є": "ye", "ї": "yi", "ё": "yo", "й": "y"},
    }
)


def _head(name: str) -> str:
    """The first word of a name without its descriptor, romanised: 'chukotka' for any
    Chukotka AO, 'chukotskii' for "Чукотский АОк"."""
    stem, _ = split_descriptor(normalize(name))
    return stem.split(" ")[0].translate(_ROMAN) if stem else ""


# Endings that make a region's adjective or noun from one stem in romanised Russian:
# "Chukotskiy" and "Chukotka" are both "chukot", "Kamchatskiy" and "Kamchatka" "kamchat".
_STEM_ENDING = re.compile(r"(?:sk(?:iy|ij|ii|yy|yi|y|aya|aja|oye|oe)|ka|iya|ija|ia)$")


def _stem(head: str) -> str:
    stem = _STEM_ENDING.sub("", head)
    return stem if len(stem) >= _LEAK_PREFIX_CHARS else head


def _names_same(alias_head: str, region_head: str) -> bool:
    """Whether two first words name one region: equal, one a long prefix of the other
    ("chukot", "chukotka"), or one stem with different endings ("chukotskiy", "chukotka")."""
    for a, b in ((alias_head, region_head), (_stem(alias_head), _stem(region_head))):
        if a == b:
            return True
        short, long = sorted((a, b), key=len)
        if (
            len(short) >= _LEAK_PREFIX_CHARS
            and long.startswith(short)
            and len(short) >= _LEAK_PREFIX_SHARE * len(long)
        ):
            return True
    return False


# "Khanty-Mansiyskiy A.Okr.-Yugra", "North Ossetia–Alania", "Sakha (Yakutia)": official
# names of Russian regions that carry a second name, after a descriptor and a hyphen, after
# an en or em dash, or in brackets. Lower-case brackets are remarks ("(горсовет)").
_SECOND_NAME = re.compile(
    r"(?:(?:A\.\s?Okr|A\.\s?Obl|Okrug|Oblast|Krai|Kray)\.?\s*-\s*|\s*[–—]\s*|\()"
    r"(?P<name>[A-ZА-ЯЁІЇЄ][^\s()–—-]+)\)?$"
)


def second_names(name: str) -> list[str]:
    """The region's second name inside one of its official names, as a name of its own.

    >>> second_names("Khanty-Mansiyskiy A.Okr.-Yugra")
    ['Yugra']
    >>> second_names("Kabardino-Balkaria")  # one name, two peoples: not a second name
    []
    """
    found = _SECOND_NAME.search(name)
    return [found["name"]] if found else []


# Words of a region's Russian or Ukrainian name, normalised ("область" loses its soft sign),
# that split_descriptor leaves on: the name is a region's, never a city's.
_REGION_WORDS = frozenset(["област", "краи", "округ", "республика", "республіка"])


def leaked_aliases(places) -> set[tuple[str, str]]:
    """(region id, alias) pairs where a source gave one region another region's name.

    Natural Earth lists "Chukotka" among the Sakha Republic's alternate names. A Latin
    alias of region A leaks when its first word is the first word of another region B's
    own name (B's other spellings are not trusted: a first word such as "Respublika" is
    shared by a dozen regions), and not of A's own name. Aliases that carry a
    town descriptor ("Leningrad city" for Saint Petersburg) name a city, not B, and stay.
    First words are compared by stem ("Chukotskiy AOk" and "Chukotka"), Cyrillic ones
    romanised ("Чукотский АОк").

    A spelling that two regions both carry ("Vologodskaya Oblast'" on Arkhangelsk Oblast
    as well as on Vologda Oblast) belongs to the one whose own name it starts like.

    A region's own name with its descriptor, in any of its languages, is no other place's
    alias: GeoNames gives the town Voronezh "Воронежская область", and Arkhangelsk Oblast
    "Вологодская область". A name without one may be a city's as well as its region's
    ("Санкт-Петербург", "Севастополь"), and a place keeps its own names.
    """
    regions = [p for p in places if p.kind == "region"]
    leaks: set[tuple[str, str]] = set()
    region_names: dict[str, set[str]] = {}
    for region in regions:
        for name in (region.name, *(n for _, n in region.names)):
            key = normalize(name)
            if split_descriptor(key)[1] is not None or _REGION_WORDS & set(key.split(" ")):
                region_names.setdefault(key, set()).add(region.id)
    for place in places:
        own_names = {normalize(n) for n in (place.name, *(n for _, n in place.names))}
        for alias in place.aliases:
            key = normalize(alias)
            owners = region_names.get(key)
            if owners and place.id not in owners and key not in own_names:
                leaks.add((place.id, alias))
    carriers: dict[str, list] = {}
    for region in regions:
        for alias in region.aliases:
            carriers.setdefault(normalize(alias), []).append(region)
    for key, holders in carriers.items():
        head = key.split(" ")[0]
        starts_like = [r for r in holders if _head(r.name)[:_SHARED_START] == head[:_SHARED_START]]
        if len(holders) > 1 and len(starts_like) == 1:
            for region in holders:
                if region is not starts_like[0]:
                    leaks.update((region.id, a) for a in region.aliases if normalize(a) == key)
    for region in regions:
        own = _head(region.name)
        for alias in region.aliases:
            if split_descriptor(normalize(alias))[1] == "town":
                continue
            head = _head(alias)
            if not head or _names_same(head, own):
                continue
            for other in regions:
                if other.id == region.id or other.drawn_as == region.id:
                    continue
                if _names_same(head, _head(other.name)):
                    leaks.add((region.id, alias))
                    break
    return leaks


def rehomed_aliases(places, leaks) -> dict[str, list[str]]:
    """Leaked aliases given to the one region whose own name they name: Natural Earth's
    "Chukotskiy AOk" on the Sakha Republic is a name of Chukotka."""
    regions = [p for p in places if p.kind == "region" and p.drawn_as is None]
    out: dict[str, list[str]] = {}
    for region_id, alias in sorted(leaks):
        head = _head(alias)
        named = [r for r in regions if r.id != region_id and _names_same(head, _head(r.name))]
        if len(named) == 1 and alias not in named[0].aliases:
            out.setdefault(named[0].id, []).append(alias)
    return out


def fingerprint(places, rules: bytes | None = None) -> str:
    """A digest of what the index depends on: every place's position, id and spellings, and
    the normalisation rules (the source of normalize.py), so that an index built under other
    rules is never used. `rules` stands in for that source in tests."""
    digest = hashlib.sha256(normalize_rules() if rules is None else rules)
    for place in places:
        flags = f"{place.common_word:d}{place.romanised:d}"
        digest.update(
            "\x1f".join(
                (place.id, place.name, *place.aliases, "\x1e", *place.namesake, flags)
            ).encode("utf-8")
        )
        digest.update(b"\x1d")
    return digest.hexdigest()


@cache
def normalize_rules() -> bytes:
    """The rules as shipped: normalize.py and this module (which drops leaked aliases), read
    as bytes (not imported again)."""
    package = resources.files("geomap.gazetteer")
    return (package / "normalize.py").read_bytes() + (package / "names.py").read_bytes()
