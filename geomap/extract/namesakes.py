"""A town a name resolved to, weighed against its namesakes by the article's other places.

The gazetteer alone picks between towns of one name by size and by home (Russia and Ukraine
count ten times). In an article that is clearly elsewhere, that is a guess: "біля Солотвина"
in a story about Zakarpattia is Solotvyno there (the word is also a case of Solotvyn, in
Ivano-Frankivsk oblast), and "поблизу Паланки" on the Moldovan border is not the Palanka of
Cherkasy oblast. So a small town's answer is checked against the regions and countries the
article's other places are in. A town whose own region the article names keeps the name; a
namesake in such a region wins instead. Several there, one of another kind (the crossing named
after the village), or only a namesake's country named (Bar in an article about Montenegro)
make the name ambiguous: reported with its candidates, never guessed.

A Russian or Ukrainian village that nothing in the article places near is not trusted
either: the gazetteer holds villages of 500 people and more, so a village named alone may be
one it lacks, and its one namesake that it holds lies across the country ("до Мартыновки" in a
story about Kursk oblast's border is not the Martynovka of Crimea). When the article's other
places are all far from it and none of them is in its region, the name is reported, not mapped.
Only regions, crossings, towns bigger than a village and villages named with a descriptor make
that context: two Crimean villages that lookup answers for two Kursk villages it lacks would
otherwise vouch for each other.
"""

from __future__ import annotations

import dataclasses

from ..gazetteer import Place, describe
from ..gazetteer.features import CITY_POPULATION
from ..gazetteer.lookup import CHECKPOINT_NAMESAKE_KM, _km
from ..gazetteer.morphology import has_cyrillic, nominatives
from ..gazetteer.normalize import normalize
from .index import NameIndex
from .persons import _LATIN, similar_names
from .results import MatchedBy, Mention
from .words import OTHER_KINDS

# Places that make the context are those found with at least this confidence (as finder.py's).
CONTEXT_CONFIDENCE = 0.8
# Kinds a namesake may be: a village, or the crossing named after it.
NAMESAKE_KINDS = ("town", "checkpoint")
# A small town at least this far from every other town or crossing of the article, in a region
# the article does not name, is doubted; so far only where the article has this many such places
# (a short text with one or two gives no context to doubt it by).
FAR_KM = 150
FAR_CONTEXT = 3
# Where the gazetteer holds every village of 500 people: a namesake it lacks is likely there.
VILLAGE_COUNTRIES = ("RU", "UA")
# Villages, whose names repeat across the country: a town bigger than this (Chop, Svatove) is
# named in an article about elsewhere as a town known by its name; by another of its names
# only, it is doubted too ("біля Чорнобиля" beside Chernihiv is not Lazurnyi in Donetsk oblast,
# which GeoNames also calls Chornobyl).
VILLAGE_POPULATION = 5_000
# A city's district is meant when the article names its city, a town this close to it (Kyiv's
# centre is 10 km from Darnytsia's); its region named is not enough, as every oblast has a
# raion named like a quarter of some city ("Богодухівський район": a raion of Kharkiv oblast,
# and Donetsk's renamed Budionnivskyi quarter, the one the gazetteer holds).
DISTRICT_KM = 25
# Towns and crossings a village's own sentence must name for it to be doubted by them alone.
SENTENCE_CONTEXT = 2


def weigh_namesakes(
    mentions: list[Mention], ix: NameIndex, language: str
) -> tuple[list[Mention], list[Mention]]:
    """The mentions, each town checked against its namesakes; and those that became
    ambiguous (no place, the candidates as suggestions)."""
    mentions = [_settlement_at_gate(m, ix) for m in mentions]
    by_query: dict[str, tuple[set[str], set[str]]] = {}
    anchors: dict[str, Place] = {}  # the places the far rule measures a village against
    # the same, sentence by sentence: a village is doubted by its own sentence's places too
    by_sentence: dict[tuple[int, int], dict[str, Place]] = {}
    for m in mentions:
        p = m.place
        if p is None or m.confidence < CONTEXT_CONFIDENCE:
            continue
        if p.kind in ("region", "group", "checkpoint") or (
            p.kind == "town" and (p.population >= VILLAGE_POPULATION or not _weighed(m))
        ):
            anchors[p.id] = p
            by_sentence.setdefault(m.sentence, {})[p.id] = p
        regions, countries = by_query.setdefault(normalize(m.query), (set(), set()))
        if p.kind == "region":
            regions.add(p.id)
        elif p.kind == "group":
            regions.update(p.members)
        elif p.parent:
            regions.add(p.parent)
        countries.add(p.country)
    kept: list[Mention] = []
    ambiguous: list[Mention] = []
    for m in mentions:
        if not _weighed(m):
            kept.append(m)
            continue
        own = normalize(m.query)
        regions = {r for q, (rs, _) in by_query.items() if q != own for r in rs}
        countries = {c for q, (_, cs) in by_query.items() if q != own for c in cs}
        decided = _decide(m, *_rivals(m, ix, language), regions, countries, ix, language)
        if decided.place is m.place:
            decided = _far_from_context(decided, anchors, ix)
        if decided.place is m.place:
            decided = _far_from_its_sentence(decided, by_sentence.get(m.sentence, {}), ix)
        (kept if decided.place else ambiguous).append(decided)
    return kept, ambiguous


def _weighed(m: Mention) -> bool:
    """A town named alone: no descriptor, list or bracket said which, and small enough that
    size does not settle it (a city of 50,000 is meant by its name)."""
    p = m.place
    return (
        p is not None
        and p.kind == "town"
        and (p.population < CITY_POPULATION or _city_district(m))
        and not (m.descriptor or m.hint or m.in_list)
        and m.matched_by in (MatchedBy.NAME, MatchedBy.SPELLING_VARIANT)
    )


def _city_district(m: Mention) -> bool:
    """Reached by a name that ends in a word for a district ("Приморський район", "Darnytsia
    raion"): the gazetteer's town is one city's district, and cities name districts alike
    (Odesa and Mariupol both have a Prymorskyi raion), so its size says nothing of which."""
    words = normalize(m.query).split()
    return len(words) > 1 and OTHER_KINDS.get(words[-1]) == "district"


def _rivals(m: Mention, ix: NameIndex, language: str) -> tuple[list[Place], bool]:
    """Other places the name may mean: towns and crossings of a like name that lookup set
    aside, and, for a Cyrillic word, the places its other nominative readings name
    ("Солотвина": Солотвин and Солотвино); and whether there are such readings: the word
    itself is then ambiguous, whatever the places' sizes."""
    town = m.place
    assert town is not None
    out: list[Place] = []
    for p in ix.lookup(m.query).alternatives:
        if p.kind not in NAMESAKE_KINDS or p.id == town.id:
            continue
        sides = p.name.split(" – ") if p.kind == "checkpoint" else [p.name]
        if p.kind == "checkpoint" and _km(p, town) <= CHECKPOINT_NAMESAKE_KM:
            continue  # the crossing at the town's gate ("Shehyni – Medyka" of Medyka)
        if any(similar_names(town.name, side) for side in sides):
            out.append(p)
    readings = False
    if has_cyrillic(m.text) and " " not in m.text.strip():
        for form in nominatives(m.text, "uk" if language == "uk" else "ru"):
            if normalize(form) not in ix.names:
                continue
            p = ix.lookup(form).place
            if p is not None and p.kind == "town" and p.id != town.id and p not in out:
                out.append(p)
                readings = readings or p.parent != town.parent
    return out, readings


def _decide(
    m: Mention,
    rivals: list[Place],
    readings: bool,
    regions: set[str],
    countries: set[str],
    ix: NameIndex,
    language: str = "ru",
) -> Mention:
    town = m.place
    assert town is not None
    if not rivals:
        return m

    def in_region(p: Place) -> bool:
        return p.parent in regions or p.id in regions

    if in_region(town):
        return m
    there = [p for p in rivals if in_region(p)]
    kind = "region"
    if not there:
        # the town's country named settles a namesake lookup set aside, but not another
        # reading of the word whose country is named too ("Бронниці" in an article naming
        # both Russia's and Ukraine's places)
        rival_country = readings and any(
            p.country in countries and p.country != town.country for p in rivals
        )
        if town.country in countries and not rival_country:
            return m
        there = [p for p in rivals if p.country in countries]
        kind = "country"
        if not there and not readings:
            return m  # nothing in the article speaks for a namesake: the gazetteer's answer
    # a region in context settles it; a country alone only says the gazetteer's answer is
    # doubtful, unless the article names no place of the town's country and the namesake there
    # is a city ("у Воронежі" among Kursk and Bryansk: Voronezh, not Voronizh of Sumy oblast)
    by_country = (
        kind == "country"
        and town.country not in countries
        and len(there) == 1
        and there[0].population >= CITY_POPULATION
    )
    if (
        (kind == "region" or by_country)
        and len(there) == 1
        and there[0].kind == town.kind
        and there[0].parent
    ):
        chosen = there[0]
        hint = ix.gazetteer.get(there[0].parent).name
        query = f"{chosen.name} ({hint})"
        if ix.lookup(query).place == chosen:  # the gazetteer must agree
            return dataclasses.replace(
                m,
                query=query,
                place=chosen,
                confidence=round(m.confidence - 0.15, 2),
                hint=hint,
                hint_kind=f"{kind} in context",
            )
    # no region in context: the word's own form may still say which reading it is
    whole = (
        _kept_whole(m, there or rivals, ix, language) if kind == "country" and readings else None
    )
    if whole is not None:
        form, chosen = whole
        return dataclasses.replace(m, query=form, place=chosen)
    candidates = [town, *rivals][:6]
    return dataclasses.replace(
        m,
        place=None,
        suggestions=tuple(describe(p, ix.gazetteer) for p in candidates),
        reason=(
            f"ambiguous: the article's other places are in the {kind} of a namesake, "
            f"not in {_where(town, ix)} where {town.name} is"
            if there
            else f"ambiguous: read in its possible cases, the word names {len(candidates)} places, "
            "and the article's other places do not say which"
        ),
    )


def _kept_whole(
    m: Mention, places: list[Place], ix: NameIndex, language: str
) -> tuple[str, Place] | None:
    """Of the word's readings, the one place among `places` whose nominative the word keeps
    whole before its ending, when the reading chosen does not: "до Воронежа" in Ukrainian is
    Voronezh (Воронеж + а), not the Sumy-oblast Вороніж, whose genitive would change its vowel
    (Вороножа) and which the dictionary only guesses from the ending. The form and the place;
    None when no one reading is so plain."""
    written = normalize(m.text)
    if written.startswith(normalize(m.query)):
        return None  # the reading chosen keeps the word whole too: nothing tells them apart
    plain: list[tuple[str, Place]] = []
    for form in nominatives(m.text, "uk" if language == "uk" else "ru"):
        key = normalize(form)
        if key == written or not written.startswith(key):
            continue
        p = ix.lookup(form).place
        if p is not None and p in places and all(p is not q for _, q in plain):
            plain.append((form, p))
    return plain[0] if len(plain) == 1 else None


def _far_from_context(m: Mention, anchors: dict[str, Place], ix: NameIndex) -> Mention:
    """The town, unless the article's anchors (regions, crossings, towns, villages with a
    descriptor) are all far from it and none is its region or in it: then reported, as the
    gazetteer may lack the one meant. A city's district needs its city among them."""
    town = m.place
    assert town is not None
    anchors = {i: p for i, p in anchors.items() if i != town.id}  # not its own witness
    points = [p for p in anchors.values() if p.kind in NAMESAKE_KINDS]
    regions = {p.id for p in anchors.values() if p.kind == "region"} | {p.parent for p in points}
    regions |= {r for p in anchors.values() if p.kind == "group" for r in p.members}
    if (
        town.country not in VILLAGE_COUNTRIES
        or (
            town.population >= VILLAGE_POPULATION
            and similar_names(town.name, m.query)
            and not _city_district(m)
        )
        or len([p for p in anchors.values() if p.kind != "group"]) < FAR_CONTEXT
    ):
        return m
    if _city_district(m):
        if any(p.kind == "town" and _km(town, p) <= DISTRICT_KM for p in points):
            return m
    elif town.parent in regions or any(_km(town, p) <= FAR_KM for p in points):
        return m
    where = (
        f"a district of a city the article does not name, in {_where(town, ix)}"
        if _city_district(m)
        else f"in {_where(town, ix)}, more than {FAR_KM} km from the article's other places"
    )
    return dataclasses.replace(
        m,
        place=None,
        suggestions=(describe(town, ix.gazetteer),),
        reason=(
            f"doubtful: the only {town.name} the gazetteer holds is {where}; it may lack the "
            "one meant"
        ),
    )


def _far_from_its_sentence(m: Mention, anchors: dict[str, Place], ix: NameIndex) -> Mention:
    """A village (of fewer than VILLAGE_POPULATION people) far from every place its own
    sentence names, and in none of their regions, is doubted whatever the rest of the article
    names: "бої біля Вовчанська, Чугуєва й Тихого" is not Tykhyi of Zakarpattia because Uzhhorod
    is named three paragraphs on. A sentence that lists places lists those of one area; a
    paragraph may not ("катування в Оленівці" and protests in Vinnytsia and Lviv), and one
    other place may be the other end of a road ("до Оленівки, а звідти — у СІЗО в Курську")."""
    town = m.place
    assert town is not None
    anchors = {i: p for i, p in anchors.items() if i != town.id}
    points = [p for p in anchors.values() if p.kind in NAMESAKE_KINDS]
    regions = {p.id for p in anchors.values() if p.kind == "region"} | {p.parent for p in points}
    regions |= {r for p in anchors.values() if p.kind == "group" for r in p.members}
    if (
        len(points) < SENTENCE_CONTEXT
        or town.country not in VILLAGE_COUNTRIES
        or town.population >= VILLAGE_POPULATION
        or _city_district(m)
        or town.parent in regions
        or any(_km(town, p) <= FAR_KM for p in points)
    ):
        return m
    return dataclasses.replace(
        m,
        place=None,
        suggestions=(describe(town, ix.gazetteer),),
        reason=(
            f"doubtful: the only {town.name} the gazetteer holds is in {_where(town, ix)}, "
            f"more than {FAR_KM} km from the places its sentence names; it may lack the one "
            "meant"
        ),
    )


def _where(place: Place, ix: NameIndex) -> str:
    if place.parent and place.parent in ix.gazetteer._by_id:
        return ix.gazetteer.get(place.parent).name
    return place.country


def _settlement_at_gate(m: Mention, ix: NameIndex) -> Mention:
    """ "біля Порубного": a bare Cyrillic name that only a crossing carries (its side names are
    sourced in both scripts; the village at its gate, Terebleche, is known as Porubne in Latin
    script only) means the village, when the name romanised reaches a town at the gate. With
    a crossing's noun ("пункт пропуску Порубне") the finder has made it the crossing already."""
    p = m.place
    if p is None or p.kind != "checkpoint" or m.descriptor or not has_cyrillic(m.query):
        return m
    romanised = normalize(m.query).translate(_LATIN)
    town = ix.lookup(romanised).place
    if town is None or town.kind != "town" or _km(town, p) > CHECKPOINT_NAMESAKE_KM:
        return m
    return dataclasses.replace(m, place=town)
