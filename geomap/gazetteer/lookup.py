"""Resolve a place name to one place, or to none with suggestions.

A wrong confident answer is worse than no answer, so a name only resolves when one
place is clearly better than the others; fuzzy matches are offered as suggestions,
never taken.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import InitVar, dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..errors import GeomapError
from .abroad import FILE as ABROAD_FILE
from .abroad import Subdivisions, subdivisions_abroad
from .features import CITY_POPULATION, Feature, FeatureIndex, feature_index
from .features import FILE as FEATURES_FILE
from .morphology import known_nominative
from .names import NameIndex
from .normalize import normalize, skeleton, split_descriptor
from .people import is_person_name
from .places import Place, data_dir
from .store import FILE as STORE_FILE
from .store import Store, StoredNames, StoredPlaces

if TYPE_CHECKING:  # numpy is imported only when a name is not found
    from .spelling import SpellingIndex

# The languages place names are given in (geodata/SOURCES.md says from where).
LANGUAGES = ("en", "ru", "uk")
MAX_NAME_CHARS = 200  # longer is not a place name; don't spend fuzzy matching on it
# "Харківська обл.", "Белгородской обл": the abbreviation regional news and captions write for
# "область", which the Cyrillic names of regions spell out in full.
_OBLAST_ABBREVIATION = re.compile(r"(?<=[а-яіїєґё])\s+обл\.?$", re.IGNORECASE)
# Two towns with the same name: the bigger wins only when clearly bigger.
POPULATION_RATIO = 4.0
# An ambiguous name's tied candidates are cut at this many (a name can be a hundred villages').
MAX_ALTERNATIVES = 6
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
# Words that make a town's name a district's (raion's) name: geomap bundles no districts.
DISTRICT_WORDS = frozenset(["district", "raion", "rayon", "municipality", "hromada", "район"])
# A dash with a space on each side joins the two halves of a double name ("... – Yugra").
_DOUBLE_NAME = re.compile(r"\s+[-‒–—]\s+")
# Two spellings of one name ("Uglegorsk", "Vuhlehirsk": 63; "Rovno", "Rivne": 60) are this
# alike (0-100) and differ in length by a letter or two; other names are not
# ("Samarkand" of Temirtau: 35; "Krasnyy", Kyzyl: 50).
SAME_NAME_RATIO = 58
SAME_NAME_LENGTH = 0.75  # "Kemer" is no spelling of Kemerovo
# A people's name that "Chuvashia" gives by dropping -ia: at least this long ("Ossetia" has
# no region "Osset"; a short stem could meet a town's name).
MIN_DEMONYM_CHARS = 4
_HINT = re.compile(r"^(?P<name>[^(),]+?)\s*(?:\((?P<paren>[^()]+)\)|,(?P<comma>[^,]+))\s*$")

# Without a descriptor, a bare name means the country, then the region of that name, then
# a town, then a checkpoint ("Crimea" is the region, not the village of Krym; "Shehyni"
# the village, not the crossing). A region's capital still wins
# over the region: see the namesake rule in `lookup`. A named group of regions ("Donbas")
# outranks any one region that shares its name: one region never stands for the group.
_KIND_RANK = {"country": 4, "group": 3, "region": 2, "town": 1, "checkpoint": 0}
# A region descriptor ("Volga region", "Donbas region") fits a named group of regions too.
_FITS = {"region": ("region", "group"), "town": ("town",), "checkpoint": ("checkpoint",)}
# Kinds that a physical feature's name yields to when written with no cue or with the
# article alone ("the Kuban" is the region before the river).
_WINS_OVER_FEATURE = ("country", "group", "region")
# Match levels: a known spelling (the name or an alias), the name without its descriptor,
# a transliteration variant of it.
EXACT, BASE, VARIANT = 2, 1, 0
# A much bigger town known only by a variant spelling makes an exact match doubtful.
VARIANT_OVERRIDE_RATIO = 10.0
# Suggestions: how similar (0-100, edit-distance ratio) a known name must be to be offered.
SUGGEST_CUTOFF = 75
# Towns far abroad (beyond the neighbours) are offered only for a closer spelling: there are
# tens of thousands of them, and an article's unknown name is most often a village at home.
SUGGEST_ABROAD_CUTOFF = 85
# Towns of the region geomap's stories happen in (Russia, Ukraine, their neighbours and the
# Russian-speaking countries: the places whose names are romanised from Cyrillic) count as this
# many times their population against towns of the same name far abroad: an article that names
# "Bar" means Bar in Vinnytsia Oblast, not Bar in Montenegro, and "Brest" the Belarusian city;
# "Paris" still means Paris, not the Urals village.
HOME_COUNTRIES = ("RU", "UA")
HOME_WEIGHT = 10.0
# The smallest places the bundled gazetteer holds (scripts/build_geodata.py's thresholds,
# which a test keeps equal): in Russia and Ukraine GeoNames' cities500, elsewhere cities15000
# and every capital.
VILLAGE_THRESHOLD = 500
WORLD_THRESHOLD = 15000


def not_found_note() -> str:
    """What a name that matched nothing may be. The one wording, shown wherever geomap says a
    name was not found."""
    return (
        f"geomap's gazetteer holds the places of Russia and Ukraine with {VILLAGE_THRESHOLD:,} "
        f"people or more and, elsewhere, capitals and towns of {WORLD_THRESHOLD:,} or more, "
        "so a smaller village may be missing"
    )


def weighted_population(place: Place) -> float:
    if place.kind == "town" and place.romanised:
        return place.population * HOME_WEIGHT
    return float(place.population)


@dataclass(frozen=True)
class Match:
    """The answer to one query: `place` is None when the name did not resolve."""

    query: str
    place: Place | None
    alternatives: tuple[Place, ...] = ()
    suggestions: tuple[str, ...] = ()
    reason: str = ""
    feature: Feature | None = None  # refused: the name is a river, sea, mountain range…
    not_found: bool = False  # no place has the name (not: several have it)
    # A person's name that is only a former name of alternatives[0] ("Molotov", Perm): the
    # place when the words around it say so ("moved to Molotov"), as only an extractor knows.
    needs_context: bool = False

    @property
    def ok(self) -> bool:
        return self.place is not None

    @property
    def note(self) -> str:
        """Said after a name that is not found: why a real place may still be missing."""
        return not_found_note() if self.not_found else ""

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "match": self.place.to_dict() if self.place else None,
            "alternatives": [p.to_dict() for p in self.alternatives],
            "suggestions": list(self.suggestions),
        }


@dataclass
class _Candidate:
    place: Place
    level: int
    stripped: bool = False  # matched through a name that carried a descriptor

    def rank(self, wanted_kind, country, parent):
        return (
            self.level,
            1 if (wanted_kind and self.stripped) else 0,
            1 if country and self.place.country == country else 0,
            1 if parent and parent in (self.place.parent, self.place.id) else 0,
            0 if wanted_kind else _KIND_RANK[self.place.kind],
            math.log10(weighted_population(self.place) + 1),
        )


@dataclass
class Gazetteer:
    """Places and their name index: in memory (`Gazetteer(places)`), or the bundled store
    (`Gazetteer.load()`), whose places are read as lookups reach them."""

    places: Sequence[Place]
    index: InitVar[NameIndex | StoredNames | None] = None  # built from places when None
    features: FeatureIndex | None = None  # rivers, seas, ranges: named only to be refused
    abroad: Subdivisions | None = None  # other countries' states and provinces, by name
    _by_id: Mapping = field(init=False, repr=False)

    def __post_init__(self, index):
        if isinstance(self.places, StoredPlaces):
            self._by_id = self.places.by_id
        else:
            self._by_id = {p.id: p for p in self.places}
        self.names: NameIndex | StoredNames = (
            index if index is not None else NameIndex.from_places(self.places)
        )
        self._spelling: SpellingIndex | None = None
        self._hints: dict[
            str, Match
        ] = {}  # "X (Region)": the same few regions, asked again and again

    @classmethod
    def load(cls, directory=None) -> Gazetteer:
        """The gazetteer in `directory` (the bundled geodata by default), opened, not read:
        places and keys are fetched as lookups need them."""
        directory = directory or data_dir()
        store = Store(directory / STORE_FILE)
        features = feature_index(directory) if (directory / FEATURES_FILE).exists() else None
        abroad = subdivisions_abroad(directory) if (directory / ABROAD_FILE).exists() else None
        if not store.current():  # built under other normalisation rules: index again
            places = list(store.places())
            return cls(places, NameIndex.from_places(places), features, abroad)
        return cls(store.places(), store.names(), features, abroad)

    def __len__(self):
        return len(self.places)

    def __iter__(self):
        return iter(self.places)

    def get(self, place_id: str) -> Place:
        return self._by_id[place_id]

    def name(self, place_id: str, language: str) -> str | None:
        """The label of a place in `language` (LANGUAGES), or None: an unknown id, or no name
        in that language (the caller falls back to English and counts it)."""
        if language not in LANGUAGES:
            raise GeomapError(
                f"no place names in language {language!r}; geomap has: " + ", ".join(LANGUAGES)
            )
        try:
            place = self._by_id[place_id]
        except KeyError:
            return None
        return place.name_in(language)

    def find(self, kind=None, country=None):
        if isinstance(self.places, StoredPlaces):
            return self.places.find(kind, country)
        return [
            p
            for p in self.places
            if (kind is None or p.kind == kind) and (country is None or p.country == country)
        ]

    # --- lookup ----------------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        country: str | None = None,
        suggest: bool = True,
        language: str | None = None,
    ) -> Match:
        """Resolve `name`; `country` (ISO alpha-2) prefers places in that country.

        "X (Y)" and "X, Y" use Y, a region or country, to choose between places named X.
        `suggest=False` leaves out the suggestions of a name not found (a fuzzy search: the
        extractor asks for many names that are none, and for suggestions only of those it
        reports; see `suggestions_for`). `language` ("ru", "uk"): the language of the text the
        name was written in, whose dictionary alone reads its case forms; None reads them with
        both (morphology.languages_for).
        """
        query = name
        text = name.strip() if isinstance(name, str) else ""
        if not normalize(text[: MAX_NAME_CHARS + 1]):
            return Match(query, None, reason="empty name")
        if len(text) > MAX_NAME_CHARS:
            return Match(query, None, reason=f"longer than {MAX_NAME_CHARS} characters")
        country = country.upper() if country else None
        text = _OBLAST_ABBREVIATION.sub(" область", text)
        # Russian and Ukrainian names in any case: "Томске", "Курской области" (issue 14)
        text = known_nominative(text, self, language)
        if self.features is not None:
            refused = self._physical(query, normalize(text), language)
            if refused is not None:
                return refused

        parent = other_parent = None
        hinted = _HINT.match(text)
        if hinted and not self.names.full.get(normalize(text)):
            hint_name = hinted["paren"] or hinted["comma"]
            hint = self._hint(hint_name)
            where = hint.place
            if where is not None and where.kind == "town" and where.parent:
                # "Oleksandrivka, Kherson": a region named by its capital, as writers do. A
                # city that is a region of its own names the oblast around it too ("Bucha,
                # Kyiv"), tried when nothing of the name is in the city.
                capital, region = where, self._by_id.get(where.parent)
                if region is not None and _base_named(region, normalize(hint_name)):
                    where = region
                    if self._is_city_region(capital):
                        around = self._hint(f"{hint_name} Oblast").place
                        other_parent = around.id if around is not None else None
            if where is not None and where.kind in ("region", "country"):
                text = hinted["name"]
                if where.kind == "country":
                    country = where.country
                else:
                    parent, country = where.id, where.country

        key = normalize(text)
        base, wanted_kind = split_descriptor(key)
        candidates = self._candidates(key, base, wanted_kind) or self._by_demonym(base, wanted_kind)
        if parent:  # the hint must agree: a town in that region, or the region itself
            inside = [c for c in candidates if parent in (c.place.parent, c.place.id)]
            if not inside and other_parent:
                parent = other_parent
                inside = [c for c in candidates if parent in (c.place.parent, c.place.id)]
            candidates = inside
        if not candidates and not parent:
            double = self._double_name(text, country)
            if double is not None:
                return Match(query, double)
        if not candidates:
            district = self._district_of(query, key, country) if suggest else None
            if district is not None:
                return district
            return Match(
                query,
                None,
                suggestions=self.suggest(key) if suggest else (),
                reason="no such place",
                not_found=True,
            )

        candidates.sort(key=lambda c: c.rank(wanted_kind, country, parent), reverse=True)
        best = candidates[0]
        if wanted_kind is None and best.place.kind == "region":
            # "Kharkiv": a bare name shared by a region and a town in it means the town.
            # "Kiev": a city that is a region of its own (Kyiv, enclaved in the oblast that
            # shares its name; Sevastopol) wins as a capital inside the region would.
            inside = [
                c
                for c in candidates
                if c.place.kind == "town"
                and (c.place.parent == best.place.id or self._is_city_region(c.place))
                # A sourced colloquial name of the region ("Kuban") is the region's own, not a
                # capital's: the village of Kuban' in Krasnodar Krai does not take it.
                and not _is_named(best.place, base, best.place.informal)
            ]
            if inside:
                best = inside[0]
        if wanted_kind is None and best.place.kind == "town":
            best = _side_name_over_distant_alias(best, candidates, key)
            best, candidates = _own_name_over_alias(best, candidates, base)
        others = [c for c in candidates if c is not best]
        if (
            wanted_kind == "region"
            and best.place.drawn_as
            and any(c.place.id == best.place.drawn_as for c in others)
        ):
            # "Donetsk region": the oblast, not the breakaway entity drawn with its outline,
            # which a writer names as such ("DPR", "Donetsk People's Republic").
            best = next(c for c in others if c.place.id == best.place.drawn_as)
            others = [c for c in candidates if c is not best]
        alternatives = tuple(c.place for c in others[:5])
        if (
            wanted_kind is None
            and parent is None
            and best.place.kind == "town"
            and not _bears_name(best.place, base)
            and is_person_name(base)  # last: the list of names takes a while to read
        ):
            # "Molotov": a surname, and Perm's name in 1940-57 only; which one a writer means
            # takes the context a single name does not give ("Molotov, Perm Krai" resolves).
            return Match(
                query,
                None,
                alternatives=(best.place,),
                suggestions=(describe(best.place, self),),
                reason=f"ambiguous: a person's name, and only another name of {best.place.name}",
                needs_context=True,
            )
        shadowed = (
            self.abroad.shadowing(base, best.place)
            if self.abroad is not None
            and wanted_kind is None
            and best.place.kind == "town"
            and country != best.place.country  # "Bali, India": the writer said which
            else ()
        )
        if shadowed:  # "Goa": the Indian state before Goa in the Philippines (abroad.py)
            return Match(
                query,
                None,
                alternatives=(best.place,),
                suggestions=(describe(best.place, self), *(s.describe() for s in shadowed)),
                reason="ambiguous",
            )
        rivals = [c for c in others if wanted_kind != "region" or c.place.drawn_as != best.place.id]
        if rivals and self._ambiguous(best, rivals, wanted_kind, country, parent, base):
            tied = tuple(c.place for c in candidates[:MAX_ALTERNATIVES])
            return Match(
                query,
                None,
                alternatives=tied,
                suggestions=tuple(describe(p, self) for p in tied),
                reason="ambiguous",
            )
        return Match(query, best.place, alternatives=alternatives)

    def _candidates(self, key, base, wanted_kind):
        places, names = self.places, self.names
        found: dict[str, _Candidate] = {}
        for position in names.full.get(key, ()):
            place = places[position]
            found.setdefault(place.id, _Candidate(place, EXACT))
        # Only towns abroad carry the exact name ("Altai", an old name of a Chinese city): places
        # at home that answer to it without a descriptor (the Altai Republic) compete on equal
        # terms, so the town abroad wins only by the usual rules of kind and size.
        abroad_only = bool(found) and all(
            c.place.country not in HOME_COUNTRIES for c in found.values()
        )
        if wanted_kind or not found or abroad_only:
            for entry in names.base.get(base, ()):
                place, stripped = places[entry >> 1], bool(entry & 1)
                if place.id not in found:
                    found[place.id] = _Candidate(place, BASE, stripped)
                elif stripped:
                    found[place.id].stripped = True
        if abroad_only and any(
            c.level == BASE and c.place.country in HOME_COUNTRIES for c in found.values()
        ):
            for c in found.values():
                c.level = min(c.level, BASE)
        # Transliteration variants always take part, at the lowest level: they decide
        # only when nothing better is known, and can make an exact match doubtful.
        for entry in names.variants.get(skeleton(base), ()):
            place = places[entry >> 1]
            found.setdefault(place.id, _Candidate(place, VARIANT, bool(entry & 1)))
        out = list(found.values())
        if wanted_kind == "town":  # "Moscow city": a town, or a city that is a region
            return [
                c
                for c in out
                if c.place.kind == "town" or (c.place.kind == "region" and not c.stripped)
            ]
        if wanted_kind:
            return [c for c in out if c.place.kind in _FITS[wanted_kind]]
        return out

    def _by_demonym(self, base: str, wanted_kind: str | None) -> list[_Candidate]:
        """A region named by its people's adjective ("Karelian Republic", "Dagestani
        Republic", "Kabardino-Balkarian Republic"), or a republic named for its people by its
        people's name in -ia ("Chuvashia": the Chuvash Republic; "Karachay-Cherkessia"): English
        forms of one name that the sources spell only one way. Regions only, by a known name
        or its base (never a transliteration variant), and only when nothing else answers."""
        forms = []
        if wanted_kind == "region":
            forms += [base[:-1] for end in ("n", "i") if base.endswith(end)]
        if wanted_kind in (None, "region"):
            forms += [
                base[: -len(end)]
                for end in ("iya", "ia")
                if base.endswith(end) and len(base) - len(end) >= MIN_DEMONYM_CHARS
            ]
        for form in forms:
            found = [
                c
                for c in self._candidates(form, form, "region")
                if c.place.kind == "region" and c.level >= BASE
            ]
            if found:
                return found
        return []

    def _hint(self, name: str) -> Match:
        """The answer for the Y of "X (Y)": the same few regions, asked again and again."""
        hint = self._hints.get(name)
        if hint is None:
            hint = self._hints[name] = self.lookup(name, suggest=False)
        return hint

    def _district_of(self, query: str, key: str, country: str | None) -> Match | None:
        """A district named after its town ("Bakhmut district", "Kupiansk raion"): geomap bundles
        no districts, so the name is not found, but the town and its region are what to write
        instead, at the precision the article gives."""
        words = key.split(" ")
        if len(words) < 2 or words[-1] not in DISTRICT_WORDS:
            return None
        town = self.lookup(" ".join(words[:-1]), country, suggest=False).place
        if town is None or town.kind != "town":
            return None
        region = self._by_id.get(town.parent) if town.parent else None
        return Match(
            query,
            None,
            alternatives=(town,),
            suggestions=tuple(describe(p, self) for p in (town, region) if p is not None),
            reason="geomap bundles no districts; name the town or the region instead",
        )

    def _double_name(self, text: str, country: str | None) -> Place | None:
        """The place of an official double name, "Khanty-Mansi Autonomous Okrug – Yugra",
        "Kemerovo Oblast – Kuzbass": both halves, each a name the gazetteer knows, name the same
        place. Halves that name two places (a checkpoint's two sides are one name of their own)
        or that do not both resolve give nothing."""
        halves = _DOUBLE_NAME.split(text)
        if len(halves) != 2:
            return None
        first, second = (self.lookup(h, country, suggest=False).place for h in halves)
        return first if first is not None and second is not None and first.id == second.id else None

    def physical_feature(
        self, name: str, language: str | None = None, key: str | None = None
    ) -> Feature | None:
        """The river, sea or range that `name` means by lookup's cues, if any: what `lookup`
        would refuse it as, without the fuzzy suggestions a failed lookup pays for. `key`: the
        name's words in the nominative, normalised, when the caller has read them (the
        finder has), so that a place whose whole name ends in a river's is found as the place
        ("атаковал Старый Оскол")."""
        if self.features is None:
            return None
        refused = self._physical(name, key or normalize(name), language)
        return refused.feature if refused is not None else None

    def _physical(self, query: str, key: str, language: str | None = None) -> Match | None:
        """A refusal when the name means a river, sea, lake or range (see features.py for
        the cues), None when it may mean a place."""
        features = self.features
        if features is None:
            return None
        # Cyrillic: "вздовж Дніпра", "Південному Бузі"
        reading = features.reading(query, language)
        if reading is not None:
            # "Старом Осколе", "атаковал Старый Оскол": the words before the river's name
            # (the Oskol) make, with it, the whole name of a place the gazetteer knows
            words = key.split(" ")
            for start in range(len(words) - reading.count(" ") - 1):
                if self.names.full.get(" ".join(words[start:])):
                    return None
        key = reading or key
        found, article_only = features.cued(key)
        bare = found is None
        if found is None:
            found = features.bare_feature(key)
            if found is None:
                return None
        feature: Feature = found
        if not bare and not article_only:  # a descriptor of the feature's type decides
            return Match(query, None, reason=feature.refusal(), feature=feature)
        name = key.split(" ", 1)[1] if article_only else key
        # Places that carry the name itself: a region's name without its descriptor ("Volga"
        # of "Volga region") or its capital's name does not make "the Volga" a region.
        sharing = [self.places[p] for p in self.names.full.get(name, ())]
        if any(p.kind in _WINS_OVER_FEATURE for p in sharing):
            return None
        if bare and any(p.kind == "town" and p.population >= CITY_POPULATION for p in sharing):
            return None  # "Dnipro": the city; "the Dnipro", "Dnipro river": the river
        towns = tuple(p for p in sharing if p.kind in ("town", "checkpoint"))[:5]
        if bare and towns and not features.is_bare_name(key):
            # "Volga", "Kama": a river's name with no cue, and only villages that share it
            return Match(
                query,
                None,
                alternatives=towns,
                suggestions=tuple(describe(p, self) for p in towns),
                reason=(
                    f"ambiguous: {feature.name} is a {feature.type}, which geomap does not map, "
                    f"and also a town's name; for the town, add its region: "
                    f"'{feature.name} (Region)'"
                ),
                feature=feature,
            )
        return Match(query, None, reason=feature.refusal(), feature=feature)

    def _is_city_region(self, town: Place) -> bool:
        """The town's region is the town itself: its region bears its name ("Kyiv" in Kyiv)."""
        region = self._by_id.get(town.parent) if town.parent else None
        return region is not None and normalize(region.name) == normalize(town.name)

    @staticmethod
    def _ambiguous(best, others, wanted_kind, country, parent, key):
        """True when no single place is clearly meant."""
        if best.place.kind == "town":
            for other in others:
                if (
                    other.place.kind == "town"
                    and other.level < best.level
                    and other.place.population
                    >= VARIANT_OVERRIDE_RATIO * (best.place.population + 1)
                ):
                    return True  # "Vinnitsa": a village's exact name, the city's variant spelling
        # Names today are compared in Latin letters: Cyrillic names are not known for every
        # town (Bila Tserkva has none), so a Cyrillic key is weighed so only against a town
        # whose Cyrillic names are known ("Чорнобиль" is Chornobyl's Ukrainian name, and only
        # another name of Lazurnyi, Лазурний in Ukrainian).
        latin = not _CYRILLIC_LETTER.search(key)
        named_in_cyrillic = not latin and any(
            _CYRILLIC_LETTER.search(name) for _, name in best.place.names
        )
        if (
            (latin or named_in_cyrillic)
            and best.place.kind == "town"
            and not _bears_name(best.place, key)
            and any(
                o.place.kind == "town" and o.level >= best.level and _bears_name(o.place, key)
                for o in others
            )
        ):
            return True  # "Kemer": Kemer in Turkey, or Kemerovo, which GeoNames calls so too
        if latin and best.place.kind == "town" and _bears_name(best.place, key):
            # "Samarkand": the city so named today; a town abroad known so only by another
            # name (Temirtau was Samarkandsky) does not compete with it. At home a former
            # name is what many texts still write (Pervomaisk, now Sokolohirsk): it competes.
            others = [
                o
                for o in others
                if o.place.kind != "town"
                or o.place.country in HOME_COUNTRIES
                or _bears_name(o.place, key)
            ]
            if not others:
                return False
        head = best.rank(wanted_kind, country, parent)[:-1]
        second = others[0]
        if second.rank(wanted_kind, country, parent)[:-1] != head:
            return False
        if best.place.kind == "town" and second.place.kind == "town":
            return weighted_population(best.place) < POPULATION_RATIO * (
                weighted_population(second.place) + 1
            )
        return True

    # --- suggestions -----------------------------------------------------------------------

    def suggestions_for(self, name: str) -> tuple[str, ...]:
        """The suggestions `lookup(name)` gives a name it does not find."""
        return self.suggest(normalize(known_nominative(name.strip(), self)))

    def suggest(self, key: str, limit: int = 5) -> tuple[str, ...]:
        """Close spellings of known places, for a name that did not resolve.

        The name is compared without its descriptor ("Kaliningrd region" as "kaliningrd"),
        with plain edit-distance similarity: a partial-match scorer offers "Is" for "Tbilisi",
        and scoring whole keys lets a shared "oblast" outweigh the name. Places of the kind the
        descriptor asks for come first, then bigger places.
        """
        from rapidfuzz import fuzz, process

        from .spelling import SpellingIndex

        if not key or len(key) > MAX_NAME_CHARS:
            return ()
        base, wanted_kind = split_descriptor(key)
        if self._spelling is None:
            index = self.names
            self._spelling = (
                index.spelling()
                if isinstance(index, StoredNames)
                else SpellingIndex.build(index.base)
            )
        # Only the keys that share most letter pairs with the name are scored: ~2 ms, not 90.
        wanted = base or key
        hits = process.extract(
            wanted,
            self._spelling.candidates(wanted, SUGGEST_CUTOFF / 100),
            scorer=fuzz.ratio,
            limit=limit * 4,
            score_cutoff=SUGGEST_CUTOFF,
        )
        scored: dict[str, tuple] = {}
        for hit_key, score, _ in hits:
            for entry in self.names.base[hit_key]:
                place = self.places[entry >> 1]
                if not place.romanised and score < SUGGEST_ABROAD_CUTOFF:
                    continue  # "Donbas region" is no misspelling of Doba, Chad
                # at equal similarity, places of the kind asked for, then those at home and
                # in the neighbours, then bigger places ("Donbas region": not a Doba in Chad)
                rank = (
                    round(score),
                    place.kind == wanted_kind,
                    place.romanised,
                    math.log10(place.population + 1),
                )
                if place.id not in scored or rank > scored[place.id][0]:
                    scored[place.id] = (rank, place)
        ranked = sorted(scored.values(), key=lambda item: item[0], reverse=True)
        names: list[str] = []
        for _, place in ranked:
            label = describe(place, self)
            if label not in names:
                names.append(label)
        return tuple(names[:limit])


# A crossing is named after the settlements at its gates; a town this far away that carries
# one of those names only as an alias (Suurmetsä, a Helsinki district, is "Storskog" in
# Swedish) is not what the crossing's name means.
CHECKPOINT_NAMESAKE_KM = 30.0


# The endings of a town's name in -ськ/-ск/-цьк (Новокуйбишевськ) and in -ов/-ев/-ин (Новозибков,
# and Кстово, a neuter whose locative is "Кстові") in the genitive, dative, locative and
# instrumental: the stem keeps the suffix, the nominative is the stem or, for a neuter, the stem
# and "о".
_TOWN_CASE_FORM = re.compile(
    r"^(?P<stem>.+?(?:ськ|цьк|зьк|ск|цк|ов|ев|єв|ин|ін|ын))(?:а|у|ом|і|е|ові|еві)$",
    re.IGNORECASE,
)


def town_nominatives(written: str) -> tuple[str, ...]:
    """The nominatives a case form of such a town's name may have: "Новозибкові" →
    ("Новозибков", "Новозибково"), "Приморсько-Ахтарська" → ("Приморсько-Ахтарськ",)."""
    found = _TOWN_CASE_FORM.match(written)
    if found is None or len(found["stem"]) < 4:
        return ()
    stem = found["stem"]
    neuter = stem + "о" if stem[-1].lower() in "вн" else None
    forms = (stem,) if neuter is None else (stem, neuter)
    # Ukrainian writes a Russian town's е after a consonant as є ("Желєзногорськ", "Сєвськ"):
    # the Russian spelling is the one the gazetteer knows
    russian = tuple(form.replace("є", "е") for form in forms if "є" in form[1:])
    return forms + russian


def _side_name_over_distant_alias(best, candidates, key):
    """The checkpoint whose own side name `key` is ("Storskog" of Borisoglebsky – Storskog),
    instead of a town that carries the name only as an alias and lies far from it. A town
    named so itself ("Shehyni", "Narva"), or the settlement at the gate under another
    spelling ("Domachevo", Damachava), keeps the name."""
    if best.level != EXACT:
        return best
    towns = [c.place for c in candidates if c.place.kind == "town" and c.level == EXACT]
    if any(normalize(town.name) == key for town in towns):
        return best
    for c in candidates:
        if (
            c.place.kind == "checkpoint"
            and c.level == EXACT
            and key in (normalize(side) for side in c.place.name.split(" – "))
            and all(_km(town, c.place) > CHECKPOINT_NAMESAKE_KM for town in towns)
        ):
            return c
    return best


def _own_name_over_alias(best, candidates, key):
    """The city whose own Russian or Ukrainian name `key` is ("Слов'янськ": Sloviansk), over a
    town of like size that carries it only as an alias (Nikopol, Slaviansk in 1780-82, a few
    dozen people bigger). Such aliases of towns of comparable size then do not make the name
    ambiguous either. A far bigger town known by the name ("Кемер": Kemerovo, over Kemer in
    Turkey) still competes, as `_ambiguous` says; so does a village's former name, which texts
    still write after a recent renaming ("Партизани": Partyzany in Crimea, or Rykove, so named
    until 2016). Cyrillic keys only, and only against a town whose Cyrillic names are known
    (Bila Tserkva has none: not bearing a Cyrillic name says nothing of it)."""
    if (
        not _CYRILLIC_LETTER.search(key)
        or _bears_name(best.place, key)
        or not any(_CYRILLIC_LETTER.search(name) for _, name in best.place.names)
    ):
        return best, candidates
    own = [
        c
        for c in candidates
        if c.place.kind == "town" and c.level >= best.level and _bears_name(c.place, key)
    ]
    if len(own) != 1 or own[0].place.population < CITY_POPULATION:
        return best, candidates
    size = weighted_population(own[0].place) * POPULATION_RATIO
    if weighted_population(best.place) > size:
        return best, candidates
    kept = [
        c
        for c in candidates
        if c is own[0]
        or c.place.kind != "town"
        or not any(_CYRILLIC_LETTER.search(name) for _, name in c.place.names)
        or weighted_population(c.place) > size
    ]
    return own[0], kept


def _km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _bears_name(place: Place, key: str) -> bool:
    """Is `key` a spelling of the place's name today, in any of its languages ("samarkand" of
    Samarkand; "uglegorsk" of Vuhlehirsk, Углегорск in Russian), not another name it is also
    known by (Temirtau was Samarkandsky; Perm was Molotov)? Spellings of one name are alike
    (rapidfuzz's ratio) and of a like length."""
    names = (place.name, *dict(place.names).values())
    if place.kind == "town" and normalize(place.name).endswith(" city"):
        # "New York City", "Mexico City": English names the city without its "City" too
        names = (*names, place.name[: -len(" City")])
    wanted = skeleton(key)
    if any(skeleton(normalize(name)) == wanted for name in names):
        return True  # the common case, without loading rapidfuzz
    from rapidfuzz import fuzz

    for name in names:
        own = normalize(name)
        if fuzz.ratio(own, key) >= SAME_NAME_RATIO and min(
            len(own), len(key)
        ) >= SAME_NAME_LENGTH * max(len(own), len(key)):
            return True
    return False


def _base_named(place: Place, key: str) -> bool:
    """`key` is one of the place's names without its descriptor ("kherson" of Kherson Oblast)."""
    return any(split_descriptor(normalize(n))[0] == key for n in (place.name, *place.aliases))


def _is_named(place: Place, key: str, names=None) -> bool:
    """`key` is one of the place's names (or of `names`, when given)."""
    return any(
        normalize(n) == key for n in ((place.name, *place.aliases) if names is None else names)
    )


def describe(place: Place, gazetteer: Gazetteer) -> str:
    """'Donetsk (town, Rostov Oblast, RU)': enough to tell two places apart."""
    where = [place.kind]
    if place.parent and place.parent in gazetteer._by_id:
        where.append(gazetteer.get(place.parent).name)
    where.append(place.country)
    return f"{place.name} ({', '.join(where)})"


@cache
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process."""
    return Gazetteer.load()


def geocode(name: str, country: str | None = None) -> Match:
    """Resolve one place name against the bundled gazetteer.

    >>> geocode("Kharkov").place.name
    'Kharkiv'
    """
    return default_gazetteer().lookup(name, country=country)
