"""The rules that find places in an article's tokens: the longest gazetteer names, then
descriptors, lists, hints in brackets, adjectives and common words; every name resolved by
`Gazetteer.lookup`, so extraction and `geomap geocode` agree."""

from __future__ import annotations

import dataclasses
import gc
import re
from bisect import bisect_right
from contextlib import contextmanager
from itertools import pairwise

from ..gazetteer import Gazetteer, Match, Place, default_gazetteer, describe
from ..gazetteer.features import CITY_POPULATION
from ..gazetteer.lookup import HOME_COUNTRIES, MAX_ALTERNATIVES, town_nominatives
from ..gazetteer.morphology import (
    PERSON_TAGS,
    has_cyrillic,
    has_place_reading,
    is_common_word,
    is_nominative,
    is_person,
    is_person_part,
    known_nominative,
    languages_for,
    may_be_person,
    parses,
)
from ..gazetteer.normalize import normalize, skeleton
from .article import Article
from .index import NameIndex, index_for
from .language import detect_language, read_nominative
from .namesakes import weigh_namesakes
from .persons import (
    BIG_TOWN_FAR,
    after_unknown_head,
    agree_as_full_name,
    in_dotted_name,
    in_quoted_name,
    in_unknown_compound,
    is_given_name,
    is_patronymic,
    is_person_name,
    needs_context,
    reached_by_other_name,
    similar_names,
    surname_like,
)
from .region_lists import region_lists
from .results import UNKNOWN_NAMES, Candidate, Extraction, MatchedBy, Mention
from .tokens import Token, joinable, tokenize
from .words import (
    ADJECTIVE_ENDING,
    ADJECTIVES,
    ADMINISTRATIONS,
    AFTER,
    APPOSITION_DETERMINERS,
    APPOSITION_WORDS,
    AUXILIARIES,
    BE_CYRILLIC,
    BEFORE,
    BEFORE_FOR_ON,
    BEFORE_OF,
    CARDINAL_POINTS,
    CASE_AGAINST,
    CLOSING_BRACKET,
    COMMON_WORDS,
    CREDIT_WORDS,
    CROSSINGS_BEFORE,
    DEMONYMS,
    DISTANCE_WORDS,
    FOOTBALL_WORDS,
    FORMER,
    FROM_PREPOSITIONS,
    FRONT_SECTORS,
    FUNCTION_WORDS,
    GENITIVE_OF_PLACE,
    GENITIVE_OF_PLACE_OR_PERSON,
    HONORIFICS,
    HUMAN_PARTICIPLES,
    LAND_NOUNS,
    LIST_GAP,
    LIST_WORDS,
    LOCATIVES,
    MODIFIERS,
    MONTHS,
    NAME_ADJECTIVES,
    NAME_SUFFIXES,
    NATURE,
    NATURE_BEFORE,
    NEAR,
    NEAR_CYRILLIC,
    NICKNAME_WORDS,
    NOT_AFTER_NEAR,
    NOT_LAND_AFTER,
    NOT_OF_PLACE,
    OFFICES_OF_A_PLACE,
    ORGANISATION_HEADS,
    ORGANISATION_NOUNS_AFTER,
    ORGANISATIONS,
    OTHER_KIND_LIST_NAMES,
    OTHER_KIND_PLURALS,
    OTHER_KIND_WORDS,
    OTHER_KINDS,
    OTHER_KINDS_BEFORE,
    OTHER_MEANINGS,
    OUTLET_AFTER,
    OUTLET_BEFORE,
    OUTLET_BEFORE_CYRILLIC,
    OVER_A_PERSON,
    PERSON_EVENTS,
    PERSON_GROUPS,
    PERSON_NOUNS,
    PERSON_NOUNS_CYRILLIC,
    PERSON_OF,
    PERSON_PREDICATES,
    PERSON_PREDICATES_CYRILLIC,
    PERSONAL_ACTS,
    PERSONAL_PRONOUNS,
    PLACE_APPOSITIONS,
    PLACE_ONLY_PREPOSITIONS,
    PLACE_PREDICATES,
    PLACE_PREDICATES_CYRILLIC,
    PLURALS,
    PUBLISHING_VERBS,
    SECTOR_ADJECTIVE,
    SETTLEMENT_NOUNS,
    SHIP_VERBS,
    SPEECH_VERBS,
    SPEECH_VERBS_CYRILLIC,
    STOPWORDS,
    STREET_STARTS,
    STREETS,
    SUBJECT_NOT_AFTER,
    TITLES,
    TRAVEL_VERBS_CYRILLIC,
    UNIT_MEMBERS,
    UNITS_AFTER,
    VERB_ADVERBS,
    VESSELS_BEFORE,
    VILLAGE_NOUNS,
    WITH_PREPOSITIONS,
    WORD,
)


def _lemmas_of(word: str, language: str) -> set[str]:
    """The dictionary forms of a Cyrillic word, all its readings (a surname is read as a town
    too: "Калинину" is Калинин's, the man's and the old name's)."""
    return {p.normal_form for p in parses(word.casefold(), language)}


# A town named by a common word ("Буча": a commotion) is the town when capitalised mid-sentence
# only from this size: villages are named "Победа", "Родина", words Russian capitalises too.
PROPER_TOWN = 20_000
# A town that bears a shared name as its own wins without context only when this many times
# bigger than every place that bears it as another name (Kaliningrad and Korolev: 1.9).
OWN_NAME_MARGIN = 1.5
# The shape of a Ukrainian or Russian noun for a land ("Поділля", "Запоріжжя", "Приморье"):
# a doubled consonant or a soft sign before the ending.
LAND_SHAPED = re.compile(r"([бвгджзклмнпрстфхцчшщ])\1я$|ь[еєя]$")
# A person's age in apposition: "Korolev, 45, was detained".
AGE = re.compile(r",\s?\d{1,3},")
# The endings of Russian and Ukrainian surnames in Latin letters (Dmitrov, Dmitrova, Zhukovsky,
# Kalinina, Syrskyi): with a verb only a person takes, such a word is a surname though the list
# of names lacks it.
# After a name, only a person's: a photograph's caption ("Kirov (left)") and a relative
# pronoun of a person ("Korolev, who", "Korolev, whose son").
CAPTION = re.compile(
    r"\s*\((?:(?:second|third|far|far-)\s*)?(?:left|right|centre|center|pictured|front|l|r)\)",
    re.I,
)
# After a name, a pseudonym's note ("Kirov (not his real name)", "Korolev, not his real name,")
# or an agency's credit ("Korolev/Reuters"): a person's.
PSEUDONYM = re.compile(
    r"\s*[(,]\s*(?:not (?:his|her|their) real name|(?:the )?names? (?:has|have been )?changed|"
    r"a pseudonym|name changed)",
    re.I,
)
AGENCY_CREDIT = re.compile(r"\s?/\s?[A-Z]")
CREDIT_END = re.compile(r"[ \t]*(?:/|\||\n|$)")
RELATIVE = re.compile(r"\s*,\s*(who|whose)\b\s*(\w*)", re.I)
LATIN_SURNAME = re.compile(r"(?:[oe]v|[oe]va|[iy]n|[iy]na|sky|skyi|skiy|ska|skaya)$")
# Parts of speech that name nothing (pymorphy3's tags): a sentence's first word read so is no place.
FUNCTION_POS = frozenset(["CONJ", "PREP", "PRCL", "NPRO", "ADVB", "INTJ", "PRED", "COMP"])
# How Russian and Ukrainian name a region after its centre, in any case: Рівненщина,
# на Белгородчине, з Хмельниччини (normalised: no soft sign).
REGION_SUFFIX = re.compile(r"([щч])ин(а|и|ы|і|е|у|ой|ою|еи|ей)$")
REGION_SUFFIX_WRITTEN = re.compile(r"[щчЩЧ][иИ][нН][а-яА-ЯіІ]{1,2}$")
# How far back a list of crossings' names may run to its plural noun, in tokens.
CROSSING_LIST_TOKENS = 8
# How many items back a list of one-word names may reach its preposition of place ("в районах
# Терен, Макіївки, Греківки і Торського": three back).
LIST_REACH = 8
NEAR_LIST_START = NEAR_CYRILLIC | GENITIVE_OF_PLACE
# Places that decide an ambiguous name by context are those found with at least this confidence.
CONTEXT_CONFIDENCE = 0.8
# How much less confident a name decided by its context is than one that needed none.
CONTEXT_DISCOUNT = 0.15


def extract(article: Article | str, gazetteer: Gazetteer | None = None) -> Extraction:
    """Every place mention of the article's report, resolved by the gazetteer."""
    if isinstance(article, str):
        article = Article.from_text(article)
    with _collector_paused():
        return _Finder(article, index_for(gazetteer or default_gazetteer())).run()


def _decided(m: Mention, place: Place, query: str, hint: str, hint_kind: str) -> Mention:
    """An ambiguous mention decided by its context: the place, with the hint that decided it
    and its kind, a little less confident than a name that needed none."""
    return dataclasses.replace(
        m,
        query=query,
        place=place,
        confidence=round(m.confidence - CONTEXT_DISCOUNT, 2),
        suggestions=(),
        reason="",
        hint=hint,
        hint_kind=hint_kind,
    )


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector paused while one article is read. Reading makes many
    small objects and no reference cycles, so the collector finds nothing to free; but the
    objects made while loading (the dictionaries' tags, the gazetteer's rows) set off a full
    collection during the first article, and a full collection scans all of them: 15-40 ms,
    a third of reading a report (bench/extract.py). Their memory is freed by reference
    counting as before; the collector runs again once the article is read."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# Quotation marks around a nickname or a unit's name in English text
_OPEN_QUOTES = ('"', "\u201c", "\u201e", "'", "\u2018", "\u00ab")
# A person's age in apposition: "Tula, 28, left a wife" (never after a place, which would
# be "Kursk, 28 km"; after "of Kursk, 23," the name is not a sentence's first word)
_AGE_AFTER = re.compile(r",\s*\d{1,2},")
# ", his brother.", ", a 52-year-old widow,": an apposition only a person takes (the noun is
# checked against PERSON_NOUNS)
_KIN_APPOSITION = re.compile(
    r",[ \t]+(?:his|her|their|a[ \t]+\d{1,3}-year-old)[ \t]+([a-z]+)(?=[,.;)]|$)"
)
_CLOSE_QUOTES = ('"', "\u201d", "\u201c", "'", "\u2019", "\u00bb")


class _Finder:
    """One pass over one article: candidates, then the rules that keep, join or drop them."""

    def __init__(self, article: Article, index: NameIndex):
        self.article, self.text = article, article.text
        self.tokens, self.sentences = tokenize(article)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.token_starts = [tok.start for tok in self.tokens]
        self.language = detect_language(self.text)
        self.ix = index.in_language(self.language)
        if self.language in ("ru", "uk", "mixed") or has_cyrillic(self.text):
            read_nominative(self.tokens, self.text, self.language, self.ix)
        # the dictionary that reads this text's Cyrillic words
        self.morph_language = "uk" if self.language == "uk" else "ru"
        # the nominatives read by town_nominatives, by the start and end of the words
        self._town_forms: dict[tuple[int, int], str] = {}
        if has_cyrillic(self.text):
            self._read_town_case_forms()
        self._lowercase: set[str] | None = None  # the words the text writes in lowercase
        self._vessels: frozenset | None = None  # the quoted names of ships, once read
        self._surnames: frozenset[str] | None = None  # of people named in full, once read
        self._placed: set[str] | None = None  # names the text writes as places (and never people)
        self._given: frozenset[str] | None = None  # Latin names the text gives a person, once read
        self._given_at: set[int] = set()  # the tokens that give them

    def _read_town_case_forms(self) -> None:
        """A capitalised word (or hyphenated compound) whose reading is no name, read again by
        the endings of a Russian or Ukrainian town's name (`town_nominatives`): "у
        Новозибкові", "в Кстові", "біля Приморсько-Ахтарська", which the Ukrainian dictionary
        reads as "Новозибок", "Кст". Only a reading that is a town at home, or a city, is taken."""
        t, text, ix, n = self.tokens, self.text, self.ix, len(self.tokens)
        k = 0
        while k < n:
            m = k
            while m + 1 < n and text[t[m].end : t[m + 1].start] == "-":
                m += 1
            words, k = t[k : m + 1], m + 1
            written = text[words[0].start : words[-1].end]
            if not words[0].cap or not has_cyrillic(written):
                continue
            key = " ".join(tok.key for tok in words)
            if key in ix.names or key in ix.prefixes or skeleton(key) in ix.skeletons:
                continue  # a name, or the first word of one ("Маслова Пристань")
            before = t[k - len(words) - 1] if k - len(words) >= 1 else None
            if may_be_person(written, self.morph_language) and not (
                before is not None and before.key in PLACE_ONLY_PREPOSITIONS
            ):
                continue  # "від Петрова", "до Іванова": surnames end as these towns do
            for nominative in town_nominatives(written):
                keys = normalize(nominative).split()
                place = ix.lookup(nominative).place
                if (
                    len(keys) == len(words)
                    and place is not None
                    and place.kind == "town"
                    # a town at home, or a city abroad named in these languages' own forms
                    # ("до Кишинева": Кишинев, as Ukrainian spells Chisinau's stem)
                    and (place.country in HOME_COUNTRIES or place.population >= CITY_POPULATION)
                ):
                    for tok, new in zip(words, keys, strict=True):
                        tok.key, tok.skel = new, skeleton(new)
                    self._town_forms[words[0].start, words[-1].end] = nominative
                    break

    def run(self) -> Extraction:
        adjectives = self._adjectives()
        taken = {c.i for c in adjectives}
        names = self._regions_by_suffix([c for c in self._names() if c.i not in taken], taken)
        candidates = self._descriptors(names) + adjectives
        if has_cyrillic(self.text):  # "в Курской, Белгородской и Брянской областях"
            listed = region_lists(self.tokens, self.text, self.ix, self.language)
            spans = [(c.start, c.end) for c in listed]
            candidates = [
                c for c in candidates if not any(s < c.end and c.start < e for s, e in spans)
            ] + listed
        candidates.sort(key=lambda c: c.start)
        self._lists(candidates)
        mentions: list[Mention] = []
        unresolved: list[Mention] = []
        for c in self._hints(candidates):
            if not (c.country or c.descriptor or c.hint):
                self._other_kind(c)
            if c.country or self._keep(c):
                mention = self._resolve(c)
                (mentions if mention.place else unresolved).append(mention)
        mentions, ambiguous = weigh_namesakes(mentions, self.ix, self.language)
        if ambiguous:
            unresolved = sorted(unresolved + ambiguous, key=lambda m: m.start)
        decided = [d for d in map(self._by_context(mentions), unresolved) if d.place]
        if decided:
            unresolved = [m for m in unresolved if m.start not in {d.start for d in decided}]
            mentions = sorted(mentions + decided, key=lambda m: m.start)
        mentions, unresolved = self._former_names(mentions, unresolved)
        return Extraction(self.article, mentions, unresolved, self.language)

    def _former_names(
        self, mentions: list[Mention], unresolved: list[Mention]
    ) -> tuple[list[Mention], list[Mention]]:
        """A name right after "колишній", "бывший", "formerly" is an old name of the town named
        just before it in the sentence ("Торецьк, колишній Дзержинськ"): that town, when the
        gazetteer gives it the name; else no place of its own (Dzerzhinsk in Russia is no old
        name of Toretsk's)."""
        everything = sorted(mentions + unresolved, key=lambda m: m.start)
        kept, doubted = list(mentions), list(unresolved)
        for n, m in enumerate(everything):
            k = bisect_right(self.token_starts, m.start) - 1
            if k < 1 or self.tokens[k - 1].key not in FORMER:
                continue
            gap = self.text[self.tokens[k - 1].end : m.start]
            if gap.strip(" \n") or not n:
                continue
            before = everything[n - 1]
            town = before.place
            between = self.text[before.end : self.tokens[k - 1].start].strip()
            if town is None or between not in (",", "(", "—", "–", "-"):
                continue  # in apposition only: "Україна і колишній СРСР" is no old name
            match = self.ix.lookup(m.query)
            named = town.id in {p.id for p in (match.place, *match.alternatives) if p}
            if m in kept:
                kept.remove(m)
            else:
                doubted.remove(m)
            if named:
                kept.append(dataclasses.replace(m, place=town, reason="", suggestions=()))
            else:
                doubted.append(
                    dataclasses.replace(
                        m,
                        place=None,
                        reason=f"a former name of {town.name}, which the gazetteer does not know",
                        suggestions=(describe(town, self.ix.gazetteer),),
                    )
                )
        return sorted(kept, key=lambda m: m.start), sorted(doubted, key=lambda m: m.start)

    def _by_context(self, mentions: list[Mention]):
        """A name that several places share ("Mayaki": villages in Donetsk and Odesa oblasts),
        decided by the article's other confident places: the one candidate in a region they
        are in or name, or failing that in a country. The places of the name's own paragraph
        are asked first ("Vovchansk, Chuhuiv … Zolochiv" is the Kharkiv-oblast Zolochiv in an
        article that names Lviv elsewhere), then the whole article's. Any other case stays
        unresolved, with its candidates; a resolved name is never reconsidered."""
        confident = [
            m for m in mentions if m.place is not None and m.confidence >= CONTEXT_CONFIDENCE
        ]

        def where(found: list[Mention]) -> tuple[dict, dict]:
            regions: dict[str, None] = {}  # ordered sets
            countries: dict[str, None] = {}
            for m in found:
                p = m.place
                if p is None:
                    continue
                if p.kind == "region":
                    regions[p.id] = None
                elif p.kind == "group":
                    regions.update(dict.fromkeys(p.members))
                elif p.parent:
                    regions[p.parent] = None
                countries[p.country] = None
            return regions, countries

        article = where(confident)

        def decide(m: Mention) -> Mention:
            match = self.ix.lookup(m.query)
            shared = match.alternatives
            if (
                m.other_kind
                or match.place
                or match.not_found
                or match.feature
                or len(shared) < 2
                or self._surname_alone(m)
            ):
                return m
            # "Артёмовск — так российские власти называют Бахмут": the article names one of
            # the places by its other name, confidently, in the same paragraph
            named = {
                c.place.id: c.place
                for c in confident
                if c.paragraph == m.paragraph and c.place is not None
            }
            same = [p for p in shared if p.id in named]
            if len(same) == 1:
                return _decided(m, same[0], m.query, same[0].name, "same place in context")
            sentence = where([c for c in confident if c.sentence == m.sentence])
            paragraph = where([c for c in confident if c.paragraph == m.paragraph])
            if len(shared) >= MAX_ALTERNATIVES:
                # alternatives are the tied candidates, cut at six: the one in context may be
                # cut off, so the gazetteer is asked for the name in each region the sentence,
                # then the paragraph, names ("Новгород-Сіверський і Семенівка" after "На
                # Чернігівщині": one of a dozen Semenivkas); never the whole article's, where
                # one of a dozen namesakes is in one of its regions by chance
                for regions, _ in (sentence, paragraph):
                    decided = self._in_named_region(m, regions)
                    if decided is not None:
                        return decided
                return m
            for regions, countries in (sentence, paragraph, article):
                decided = self._in_context(m, shared, regions, countries)
                if decided is not None:
                    return decided
            return self._by_own_name(m, shared, *article) or m

        return decide

    def _in_named_region(self, m: Mention, regions: dict) -> Mention | None:
        """The one town of the name that the gazetteer finds in one of `regions` ("Семенівка
        (Chernihiv Oblast)"); None when it finds none, one in each of two regions, or several
        in one ("several places called Novoselivka in the Zaporizhzhia region alone")."""
        found: dict[str, tuple[Place, str]] = {}
        for region_id in regions:
            region = self.ix.gazetteer.get(region_id)
            if region.kind != "region":
                continue
            match = self.ix.lookup(f"{m.query} ({region.name})")
            place = match.place
            if place is None and not match.not_found:
                return None  # the name is ambiguous inside this region
            if place is not None and place.kind == "town" and place.parent == region_id:
                found[place.id] = (place, region.name)
        if len(found) != 1:
            return None
        place, hint = next(iter(found.values()))
        if not similar_names(place.name, m.text):
            return None  # context picks a town by its own name, never by an old one
        return _decided(m, place, f"{m.query} ({hint})", hint, "region in context")

    def _surname_alone(self, m: Mention) -> bool:
        """Is the unresolved name one Cyrillic word the dictionary reads as a surname too, with
        no preposition of place or word for a village before it, nor in a list of places?
        "Калинин, его коллега из Твери" is a man: the
        article's places must not make him Tver (Kalinin in 1931–90), nor "Куйбышев" Samara."""
        if " " in m.text or not has_cyrillic(m.text):
            return False
        k = bisect_right(self.token_starts, m.start) - 1
        if k < 0 or self.tokens[k].start != m.start:
            return False
        c = Candidate(k, k + 1, m.matched_by, m.start, m.end)
        return not (
            self._after_locative(k) or self._after_settlement_noun(c) or self._listed(c)
        ) and any("Surn" in p.tag.grammemes for p in parses(m.text.casefold(), self.morph_language))

    def _by_own_name(self, m: Mention, shared, regions: dict, countries: dict) -> Mention | None:
        """A name that one town bears as its own and the others only as an old name or an
        alias: "Samarkand" (Temirtau was Samarkandsky), "Калининград" (Korolev was Kaliningrad
        until 1996). The town, unless another place bears the name too; the region named after
        the town does not count against it ("Kaliningrad" is the city, as lookup says in
        English). Only when that town is clearly the biggest of them: an ancient name is a
        famous city's ("Antioch" is Antakya more often than the town in California)."""
        own = [  # "Gasteiz / Vitoria": a name in two languages is two own names
            p for p in shared if any(similar_names(part, m.text) for part in p.name.split(" / "))
        ]
        towns = [p for p in own if p.kind == "town"]
        if len(towns) != 1 or any(
            p.kind != "region" or p.id != towns[0].parent for p in own if p != towns[0]
        ):
            return None
        town = towns[0]
        if any(p.population * OWN_NAME_MARGIN > town.population for p in shared if p != town):
            # "Antioch": Antakya is bigger than the Antioch in California; "Uglegorsk" on
            # Sakhalin is hardly bigger than Vuhlehirsk, Uglegorsk until 2016
            return None
        rivals = [p for p in shared if p not in own]
        home = {p.country for p in rivals} & (
            {*countries, "UA"} if self.language == "uk" else {*countries}
        )
        if any(p.parent in regions for p in rivals) or (town.country not in countries and home):
            # the article is about where a rival is, or written in its language:
            # "Новомосковськ" beside Dnipro, or in Ukrainian, is Samar (so named until 2024),
            # not the bigger Novomoskovsk in Tula oblast
            return None
        where = self.ix.gazetteer._by_id.get(town.parent or town.country)
        if where is None:  # a country the gazetteer holds no outline of: no hint to write
            return None
        hint = where.name
        query = f"{m.query} ({hint})"
        if self.ix.lookup(query).place != town:  # the gazetteer must agree
            return None
        return _decided(m, town, query, hint, "its own name")

    def _in_context(self, m: Mention, shared, regions: dict, countries: dict) -> Mention | None:
        """The one candidate of `shared` in the regions, or failing that the countries, that
        the context names; None when none or several are."""
        for kind, known, key in (
            ("region", regions, lambda p: (p.parent, p.id)),
            ("country", countries, lambda p: (p.country,)),
        ):
            inside = [p for p in shared if any(k in known for k in key(p))]
            if len(inside) > 1:
                return None
            if (
                inside
                and not similar_names(inside[0].name, m.text)
                and any(similar_names(p.name, m.text) for p in shared if p != inside[0])
            ):
                # "Slutsk": a town of Belarus by its own name, and Pavlovsk by its name of
                # 1918-44; context may pick a place by its current name, never one that
                # answers only to an old name or an alias over a rival's own name
                return None
            if inside:
                where = next(k for k in key(inside[0]) if k in known)
                hint = self.ix.gazetteer.get(where).name
                query = f"{m.query} ({hint})"
                if self.ix.lookup(query).place != inside[0]:  # the gazetteer must agree
                    return None
                return _decided(m, inside[0], query, hint, f"{kind} in context")
        return None

    def _names(self) -> list[Candidate]:
        """The longest run of tokens that is a gazetteer name (or a spelling variant of one)."""
        t, ix, text, n = self.tokens, self.ix, self.text, len(self.tokens)
        out, i = [], 0
        while i < n:
            best = None
            if t[i].cap and t[i].key != "the":  # "the Crimea" is Crimea
                key = skel = ""
                for j in range(i, min(n, i + ix.max_tokens)):
                    tok = t[j]
                    if j > i and not joinable(text, t[j - 1], tok):
                        break
                    for k, s, end in filter(None, (tok.poss, (tok.key, tok.skel, tok.end))):
                        k, s = (f"{key} {k}", f"{skel} {s}") if j > i else (k, s)
                        if k in ix.names:
                            best = (j + 1, MatchedBy.NAME, end)
                        elif s in ix.skeletons:
                            best = (j + 1, MatchedBy.SPELLING_VARIANT, end)
                    key, skel = (
                        (f"{key} {tok.key}", f"{skel} {tok.skel}") if j > i else (tok.key, tok.skel)
                    )
                    if key not in ix.prefixes and skel not in ix.prefixes:
                        break
            if best:
                out.append(Candidate(i, best[0], best[1], t[i].start, best[2]))
                i = best[0]
            else:
                i += 1
        return out

    def _regions_by_suffix(self, names: list[Candidate], taken: set[int]) -> list[Candidate]:
        """ "Рівненщина", "на Смоленщине", "Белгородчину": a region named by its adjective's
        stem and -щина/-чина, as Russian and Ukrainian name an oblast after its centre. The
        name is read as the oblast it derives from, when exactly one derivation is an oblast
        the gazetteer knows; a village of the same name (Smolenshchina, in Irkutsk oblast)
        gives way, a known name of the region ("Харківщина") is read as it is."""
        t, text = self.tokens, self.text
        by_token = {c.i: c for c in names if c.j - c.i == 1}
        out = list(names)
        for k, tok in enumerate(t):
            if k in taken or not tok.cap:
                continue
            # the word's own ending, not the dictionary's guess at an unknown word's nominative
            # ("Брянщине" is guessed "брянщиня"); a cheap look at the word first
            if not REGION_SUFFIX_WRITTEN.search(text, tok.start, tok.end):
                continue
            suffix = REGION_SUFFIX.search(normalize(text[tok.start : tok.end]))
            if suffix is None:
                continue
            known = by_token.get(k)
            if known is not None:
                place = self.ix.lookup(self._query(known)).place
                if place is not None and place.kind == "region":
                    continue
            if any(c.i <= k < c.j for c in names if c is not known):
                continue
            word = normalize(text[tok.start : tok.end])
            query = self._region_of_suffix(word[: suffix.start()] + suffix.group(1) + "ина")
            if query is None:
                continue
            if known is not None:
                known.query = query
            else:
                out.append(Candidate(k, k + 1, MatchedBy.NAME, tok.start, tok.end, query=query))
        return sorted(out, key=lambda c: c.start) if len(out) != len(names) else out

    def _region_of_suffix(self, key: str) -> str | None:
        """The oblast a "-щина"/"-чина" name derives from ("рівненщина": "рівненська
        область", Rivne Oblast), by its own name, when exactly one derivation is a region the
        gazetteer knows."""
        if key.endswith("ччина"):  # Вінниччина: Вінницька
            bases = [key[: -len("ччина")] + "ц"]
        elif key.endswith("щина"):  # Рівненщина: Рівненська; Черкащина: Черкаська
            bases = [key[: -len("щина")] + "с"]
        else:  # Белгородчина: Белгородская; Липетчина: Липецкая
            stem = key[: -len("чина")]
            bases = [stem + "с", stem[:-1] + "ц"]
        found = set()
        for base in bases:
            for ending in ("ька область", "кая область"):
                place = self.ix.lookup(base + ending).place
                if place is not None and place.kind == "region":
                    found.add(place)
        # the region's own name: what a draft writes and lookup reads back
        return next(iter(found)).name if len(found) == 1 else None

    def _adjectives(self) -> list[Candidate]:
        """ "the Polish border", "the Russian-Ukrainian border": the countries named;
        "Polish volunteers" are people."""
        t, text, out = self.tokens, self.text, []
        for i, tok in enumerate(t):
            if (
                tok.key not in DEMONYMS
                or not tok.cap
                or (i and t[i - 1].key in DEMONYMS and joinable(text, t[i - 1], tok, False))
            ):
                continue
            j = i
            while (
                j + 1 < len(t)
                and t[j + 1].key in DEMONYMS
                and text[t[j].end : t[j + 1].start] in ("-", "‐", "‑")
            ):
                j += 1
            noun = t[j + 1] if j + 1 < len(t) and joinable(text, t[j], t[j + 1], False) else None
            if noun is None or noun.key not in LAND_NOUNS:
                continue
            after = t[j + 2] if j + 2 < len(t) and joinable(text, noun, t[j + 2], False) else None
            if after is not None and after.key in NOT_LAND_AFTER:
                continue
            for k in range(i, j + 1):
                out.append(
                    Candidate(
                        k,
                        k + 1,
                        MatchedBy.ADJECTIVE,
                        t[k].start,
                        t[k].end,
                        country=DEMONYMS[t[k].key],
                        cue=text[noun.start : noun.end],
                    )
                )
        return out

    def _descriptor_at(self, k: int, words: dict) -> int:
        """How many tokens from k form a descriptor in `words` (0, 1 or 2)."""
        t = self.tokens
        if (
            k + 1 < len(t)
            and joinable(self.text, t[k], t[k + 1], False)
            and f"{t[k].key} {t[k + 1].key}" in words
        ):
            return 2
        return 1 if k < len(t) and t[k].key in words else 0

    def _descriptors(self, names: list[Candidate]) -> list[Candidate]:
        """Attach written descriptors ("Kherson oblast", "city of Slavutych"), and take an unknown
        capitalised name before one as a place that may not resolve ("Donbas region")."""
        t, text = self.tokens, self.text
        covered: set[int] = set()
        for c in names:
            after = (
                c.j < len(t)
                and c.end == t[c.j - 1].end
                and joinable(text, t[c.j - 1], t[c.j], False)
                and self._descriptor_at(c.j, AFTER)
            )
            before = (
                c.i
                and self._next_to(t[c.i - 1], t[c.i])
                and (
                    2
                    if c.i >= 2 and self._descriptor_at(c.i - 2, BEFORE) == 2
                    else int(t[c.i - 1].key in BEFORE)
                )
            )
            if after:
                self._attach(c, c.j, c.j + after)
                c.end = t[c.j + after - 1].end
            elif before:
                name = text[c.start : c.end]
                self._attach(c, c.i - before, c.i)
                c.start = t[c.i - before].start
                noun = " ".join(tok.key for tok in t[c.i - before : c.i])
                if has_cyrillic(noun) and BEFORE[noun] == "checkpoint":
                    c.query = self._crossing(name)
            covered.update(range(c.i, c.j + int(after)))
        self._crossings_listed(names)
        unknown = []
        for k, _tok in enumerate(t):
            size = self._descriptor_at(k, AFTER)
            if not size or k in covered or not k:
                continue
            # back over up to 3 capitalised words: "Upper Lars crossing", not "Western region"
            first = k
            while (
                first > 0
                and k - first < 3
                and (first - 1) not in covered
                and t[first - 1].cap
                and joinable(text, t[first - 1], t[first], False)
                and (
                    t[first - 1].key not in STOPWORDS
                    or (first < k and t[first - 1].key in MODIFIERS)
                )
                and t[first - 1].key not in LOCATIVES  # "У Харківській обл.": not the "У"
            ):
                first -= 1
            if first < k and not (first == k - 1 and t[first].initial and not t[first].heading):
                c = Candidate(
                    first,
                    k,
                    MatchedBy.UNKNOWN_BEFORE_DESCRIPTOR,
                    t[first].start,
                    t[k + size - 1].end,
                )
                self._attach(c, k, k + size)
                unknown.append(c)
        covered.update(k for c in unknown for k in range(c.i, c.j + 2))
        return names + unknown + self._after_preposition(covered)

    def _next_to(self, a, b) -> bool:
        """Tokens side by side, or a word and the quoted name after it («пункт пропуску
        «Бачівськ»»)."""
        gap = self.text[a.end : b.start]
        return joinable(self.text, a, b, False) or (
            a.para == b.para and gap.strip() in ("«", '"', "“", "„") and len(gap) <= 3
        )

    def _crossings_listed(self, names: list[Candidate]):
        """ "пункти пропуску «Доманове» й «Дольськ»": a plural crossing's noun makes every name
        of the list after it a crossing, whether or not the gazetteer knows the names before."""
        t, text = self.tokens, self.text
        for c in names:
            if c.descriptor or not has_cyrillic(text[c.start : c.end]):
                continue
            k = c.i  # back over the list: capitalised names, "і", "й", "та", commas, quotes
            while k >= 2 and c.i - k < CROSSING_LIST_TOKENS:
                gap = text[t[k - 1].end : t[k].start]
                if gap.strip(' «»"“”„,') or t[k - 1].para != t[c.i].para:
                    break
                noun = f"{t[k - 2].key} {t[k - 1].key}"
                if noun in CROSSINGS_BEFORE and k < c.i:
                    name = text[c.start : c.end]
                    c.query = self._crossing(name)
                    c.descriptor, c.written = CROSSINGS_BEFORE[noun], noun
                    break
                if not (t[k - 1].cap or t[k - 1].key in LIST_WORDS):
                    break
                k -= 1

    def _after_preposition(self, covered: set) -> list[Candidate]:
        """A capitalised word no gazetteer knows, right after "in", "near"…: it looks like a place
        ("near Robotyne"), unless a lowercase noun follows ("in Telegram posts")."""
        t, text, out = self.tokens, self.text, []
        for k in range(1, len(t)):
            tok = t[k]
            if (
                k in covered
                or not tok.cap
                or tok.initial
                or tok.upper
                or tok.poss
                or t[k - 1].key not in NEAR
                or tok.key in STOPWORDS
                or tok.key in NOT_AFTER_NEAR
                or not joinable(text, t[k - 1], tok, False)
            ):
                continue
            end = k
            while (
                end + 1 < len(t)
                and end + 1 - k < 3
                and end + 1 not in covered
                and t[end + 1].cap
                and not t[end + 1].upper
                and joinable(text, t[end], t[end + 1], False)
            ):
                end += 1
            after = t[end + 1] if end + 1 < len(t) else None
            if (
                after
                and joinable(text, t[end], after, False)
                and not after.cap
                and after.key not in FUNCTION_WORDS
            ):
                continue
            out.append(
                Candidate(
                    k,
                    end + 1,
                    MatchedBy.UNKNOWN_AFTER_PREPOSITION,
                    tok.start,
                    t[end].end,
                    cue=t[k - 1].key,
                )
            )
        return out

    def _attach(self, c: Candidate, a: int, b: int):
        words = " ".join(tok.key for tok in self.tokens[a:b])
        c.written = self.text[self.tokens[a].start : self.tokens[b - 1].end]
        c.plural = words in PLURALS
        c.descriptor = c.written
        if c.plural:  # "Territories" → "Territory": what the gazetteer knows
            c.descriptor = PLURALS[words].capitalize() if c.written[0].isupper() else PLURALS[words]

    def _lists(self, candidates: list[Candidate]):
        """ "Kemerovo, Tomsk, and Novosibirsk regions": the plural descriptor is every item's. It
        passes over an item that is a region by itself, and stops at a country, or a city that is its own region
        (St. Petersburg), or has its own descriptor."""
        for n, c in enumerate(candidates):
            if not c.plural:
                continue
            nxt = c
            for prev in (candidates[k] for k in range(n - 1, -1, -1)):  # no copy per name
                if (
                    prev.descriptor
                    or prev.country
                    or prev.hint
                    or not LIST_GAP.match(self.text[prev.end : nxt.start])
                ):
                    break
                written = self.text[prev.start : prev.end]
                alone = self.ix.lookup(written).place
                if alone and alone.kind == "country":
                    break
                if alone and alone.kind == "region":  # "Zakarpattia" in "Kyiv, Zakarpattia,
                    nxt = prev  # Dnipro and Lviv regions" needs no descriptor; the list goes on
                    continue
                if alone and self._own_region(alone):
                    # "St. Petersburg" is its own region and ends the list; "Moscow" in
                    # "Vladimir, Moscow, Tula … regions" is Moscow Oblast, another region.
                    with_descriptor = self.ix.lookup(f"{written} {c.descriptor}").place
                    if not with_descriptor or with_descriptor.id == alone.parent:
                        break
                prev.descriptor, prev.written, prev.in_list = c.descriptor, c.written, True
                nxt = prev

    def _own_region(self, place: Place) -> bool:
        if not place.parent or place.parent not in self.ix.gazetteer._by_id:
            return False
        return normalize(self.ix.gazetteer.get(place.parent).name) == normalize(place.name)

    def _hints(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "Koryukovka (Chernihiv region)", "Bar, Vinnytsia oblast": the second names where the
        first is, when the gazetteer agrees; the two become one mention."""
        out, skip = [], False
        for a, b in zip(candidates, [*candidates[1:], None]):
            if skip:
                skip = False
                continue
            out.append(a)
            if b is None or a.country or b.country or self._possessive(b):
                continue  # "Narva, Estonia's third city" names Estonia too: no hint
            gap, close = self.text[a.end : b.start], CLOSING_BRACKET.match(self.text, b.end)
            bracket = re.fullmatch(r"\s*\(\s*", gap) and close
            if not (bracket or gap == ", "):
                continue
            where = self.ix.lookup(self._query(b)).place
            if (
                not where
                or where.kind not in ("region", "country")
                or not self._may_be_in(a, where)
            ):
                continue
            found = self.ix.lookup(f"{self._query(a)} ({self._query(b)})").place
            if not found or (
                found.kind in ("region", "country") and (not bracket or where.kind == "region")
            ):
                continue  # "Crimea (Ukraine)" is fine; "Adygea, Tatarstan" are two regions
            if not bracket and where.id not in (found.parent, found.country):
                continue
            a.hint, a.query = self._query(b), f"{self._query(a)} ({self._query(b)})"
            a.end = close.end() if bracket and close else b.end
            a.hint_kind = where.kind
            skip = True
        return out

    def _possessive(self, c: Candidate) -> bool:
        last = self.tokens[c.j - 1]
        return last.poss is not None and bool(last.poss) and c.end == last.poss[2]

    def _may_be_in(self, c: Candidate, where: Place) -> bool:
        """Is one of the places `c` may mean inside `where`? (Asked before the gazetteer, whose
        failed lookups cost a fuzzy search for suggestions.)"""
        match = self.ix.lookup(self._query(c))
        return any(
            where.id in (p.parent, p.country, p.id) and p.id != where.id
            for p in (match.place, *match.alternatives)
            if p
        )

    def _query(self, c: Candidate) -> str:
        if c.query:
            return c.query
        if c.plural or c.in_list:
            name = self.text[c.start : self.tokens[c.j - 1].end]
            return f"{name} {c.descriptor}"
        return self._town_forms.get((c.start, c.end)) or self.text[c.start : c.end]

    def _keep(self, c: Candidate) -> bool:
        """Capitals, common words and longer proper names: is this name a place here?"""
        t, text = self.tokens, self.text
        first, last = t[c.i], t[c.j - 1]
        words = [tok.key for tok in t[c.i : c.j]]
        key, evidence = " ".join(words), bool(c.descriptor or c.hint or c.other_kind)
        if self._outlet(c):
            return False  # "Radio Svoboda", "Kyiv Independent", «Эхо Москвы»
        if self._vessel_or_unit(c):
            return False  # "the flagship Moskva", "the Vostok battalion"
        if self._alias(c):
            return False  # "call sign Tula", 'Viktor "Omsk" Belyaev', "Dmitry Orlov Sr."
        if self._club_abroad(c):
            return False  # "scored twice for Napoli", "Chelsea and Arsenal fans wrote to UEFA"
        if self._street(c):
            return False  # "вулицю Покровську", "на Московской улице", "проспект Победы"
        if self._before_administration(c):
            return False  # "Дніпропетровська ОВА": the oblast's administration, an institution
        if self._national_edition(c):
            return False  # "як пише РБК-Україна": an outlet's Ukrainian edition, not Ukraine
        if self._front_sector(c):
            return False  # "на Купянском направлении": a sector of the front, not the town
        if evidence or c.matched_by in UNKNOWN_NAMES:
            return True
        if self._declined_in_quotes(c):
            return False  # "служить в «Азові»": the regiment, not the town of Azov
        if self._cardinal_point(c):
            return False  # "## Схід області": the east of the oblast
        if self._person(c):
            return False  # "Sergey", "Nikita Lazarev", "Ms Volkova", «Сергей Лазарев»
        # A town abroad named like an English word ("Nice", "Split", "Of") is a common word here
        # too; named like a month ("March"), it is a date after "in" as well, so it needs more.
        abroad_word = key in self.ix.common
        if (
            key in OTHER_MEANINGS
            or (abroad_word and key in MONTHS)
            or (
                len(words) == 1
                and (key in ADJECTIVES or (first.upper and len(key) <= 3 and not self._country(c)))
            )
        ):
            return False  # "Paris", "Chechen fighters", "UK"
        if (abroad_word or all(w in COMMON_WORDS for w in words)) and (
            first.initial or not (self._after_locative(c.i, the=not abroad_word) or self._listed(c))
        ):
            return False  # "at the University of …" is no town abroad: "in Nice", "to Split" are
        if (
            len(words) == 1
            and has_cyrillic(words[0])
            and is_common_word(self.text[first.start : first.end], self.morph_language)
            and not (
                self._after_locative(c.i)
                or self._listed(c)
                or self._listed_after_locative(c)
                or self._named_as_proper(c)
                or self._after_settlement_noun(c)
            )
        ):
            return False  # "Мир" (the world), "Орёл" (the eagle): "в Орле" is the town
        if (
            len(words) == 1
            and first.initial
            and self._names_people(c)
            and not (self._after_locative(c.i) or self._listed(c) or self._after_settlement_noun(c))
        ):
            return False  # "Партизани підпалили вагони": partisans, not the village Partyzany
        if (
            len(words) == 1
            and first.initial
            and has_cyrillic(words[0])
            and self._function_word(self.text[first.start : first.end])
            and not (self._after_locative(c.i) or self._listed(c))
        ):
            return False  # "Тим часом…" (meanwhile), not the village Tim
        if (
            len(words) == 1
            and first.initial
            and self._written_lowercase(c)
            and not (self._after_locative(c.i) or self._listed(c) or self._after_settlement_noun(c))
        ):
            return False  # "## Річка на кордоні" where the text says "з річки": the word
        if first.upper and len(words) == 1 and self._abroad(c):
            return False  # "OMON", "NATO": an acronym, not a town abroad spelt in capitals
        if self._nature(c):
            return False
        if in_unknown_compound(text, c.start, c.end, self.ix.names.__contains__):
            return False  # «Свято-Успенська лавра»: a monastery
        if self._head_of_compound(c):
            return False  # "Bayan-Olgii": a province, not the town Bayan
        if self._adjective_of_longer_name(c):
            return False  # "в Нагорном Карабахе": not the town Nagorny
        if self._noun_of_longer_name(c):
            return False  # "біля Старих Тернів": Stari Terny, not the town Terny
        if len(words) == 1 and ADJECTIVE_ENDING.search(key) and self._region_by_base(c, key):
            return False  # "on Tverskaya" (a street): "Tverskaya oblast" is the region
        if c.matched_by is MatchedBy.SPELLING_VARIANT and len(key) < 5:
            return False
        if (
            c.matched_by is MatchedBy.SPELLING_VARIANT
            and len(words) == 1
            and not has_cyrillic(key)
            and not (self._after_locative(c.i) or self._listed(c))
            and self._small_place(c)
        ):
            # "Syrskyi said": a spelling close to a village's name (Syrskoye), not the name; a
            # surname as often as the village, which needs "in", "near"… or a list
            return False
        # Beside a capitalised word, a name is part of a longer name ("Albert Sakhibgareyev"),
        # unless that word is a place name too, or in a heading; not for a town far abroad:
        # "Ilya Sokolov" is a man, in a byline too, whether or not a village is called Ilya.
        far = self._abroad(c)
        if far and self._far_by_other_name(c):
            return False  # "Victoria said": a woman, not Hong Kong by an old name of its centre
        if first.heading and not far:
            return True
        if has_cyrillic(text[first.start : first.end]):
            # Russian and Ukrainian capitalise only a name's first word ("Новая газета"): a
            # capitalised neighbour is another name ("Мэр Новосибирска Анатолий Локоть"), and
            # people and outlets beside a place were weighed above. A small town reached by an
            # old name needs context: "набережной Ангары" is a river, not Perevalne.
            return not (self._small_by_other_name(c) or self._names_a_thing(c))
        prev = t[c.i - 1] if c.i else None  # "Rhode Island", "Albert Sakhibgareyev"
        # a person's name begins a name, whatever village bears it: "… and Ivan Bryansky"
        # (not at a sentence's start: the list of names holds "But" and "May" too)
        given = prev is not None and is_person_name(prev.key)
        if (
            prev
            and not prev.poss  # a possessive ends a name: "Mongolia's Altanbulag"
            and joinable(text, prev, first, False)
            and prev.cap
            and not prev.upper
            and (far or not prev.initial)
            and (prev.key not in STOPWORDS or (far and prev.key in ADJECTIVES))  # French Riviera
            and (far or not self._named_near_home(prev.key) or given)
        ):
            return False
        nxt = t[c.j] if c.j < len(t) else None  # "Brown University", "Moscow Times"
        return not (
            not self._possessive(c)  # "Kazakhstan's West Kazakhstan region"
            and nxt
            and joinable(text, last, nxt, False)
            and nxt.cap
            and not nxt.upper
            and (far or not self._named_near_home(nxt.key))
            and nxt.key not in AFTER
        )

    def _crossing(self, name: str) -> str:
        """ "пункті пропуску Шегині": the one crossing the name means, by its own name (what a
        draft writes and lookup knows exactly); else the name with the descriptor lookup
        reads after a name in any script."""
        nominative = known_nominative(name, self.ix.gazetteer, self.morph_language)
        for query in (f"{nominative} checkpoint", nominative):
            match = self.ix.lookup(query)
            crossings = {p.id: p for p in (match.place, *match.alternatives) if p}
            crossings = {i: p for i, p in crossings.items() if p.kind == "checkpoint"}
            if len(crossings) == 1:
                return next(iter(crossings.values())).name
        return f"{name} checkpoint"

    def _written_lowercase(self, c: Candidate) -> bool:
        """Does the article write this word, in some form, in lowercase too? Capitalised only
        where a sentence or heading starts, it is an ordinary word of this text ("Річка" over a
        story that speaks of "річки", "Tours" beside "tours"), whatever dictionary knows it."""
        if self._lowercase is None:
            self._lowercase = {
                self.text[t.start : t.end] for t in self.tokens if not self.text[t.start].isupper()
            }
        tok = self.tokens[c.i]
        written = self.text[tok.start : tok.end]
        lower = written.casefold()
        if lower in self._lowercase:
            return True
        if not has_cyrillic(written):
            return False
        # another form of the word: only for a small place, as a city is meant by its name
        # ("Суми", Sumy, is also a case of "сума", an amount, which a news story may write)
        place = self.ix.lookup(self._query(c)).place
        if place is None or place.population >= CITY_POPULATION:
            return False
        forms = {f.word for p in parses(lower, self.morph_language)[:2] for f in p.lexeme}
        return not forms.isdisjoint(self._lowercase)

    def _named_after(self, c: Candidate, query: str, town: Place | None) -> Match:
        """ "the Zaporizhzhia nuclear power plant": what the name alone means is not where this
        place is; reported, with the region of the town it is named after as what a map can
        honestly show."""
        gazetteer = self.ix.gazetteer
        region = None
        if town is not None and town.kind == "town" and town.parent:
            region = gazetteer._by_id.get(town.parent)
        article = "an" if c.other_kind[0] in "aeiou" else "a"
        reason = f"{article} {c.other_kind}, which geomap does not map"
        if town is not None and region is not None:
            reason += f"; named after {town.name}, in {region.name}"
        suggestions = (describe(region, gazetteer),) if region else ()
        return Match(query, None, suggestions=suggestions, reason=reason)

    def _other_kind(self, c: Candidate):
        """ "Zaporizhzhia nuclear power plant", "Nikopol district": the words after the name say
        it is another kind of place, named after the town; the mention takes them in."""
        t, text = self.tokens, self.text
        for n in range(OTHER_KIND_WORDS, 0, -1):
            after = t[c.j : c.j + n]
            if len(after) < n or any(
                not joinable(text, a, b, False) for a, b in zip([t[c.j - 1], *after], after)
            ):
                continue
            words = [text[tok.start : tok.end].casefold() for tok in after]
            kind = OTHER_KINDS.get(" ".join(words))
            if kind is None and has_cyrillic(words[0]):  # in any case: "в Одеському районі"
                kind = OTHER_KINDS.get(" ".join(map(self._lemma, words)))
            if kind:
                c.query = self._query(c)  # the name alone: the town the place is named after
                c.other_kind, c.end = kind, after[-1].end
                return
        before = t[c.i - 1] if c.i and joinable(text, t[c.i - 1], t[c.i], False) else None
        if before is None and c.i and self._quoted_after(c):
            before = t[c.i - 1]  # "аеродром «Міллерово»": the name quoted after the noun
        written = text[c.start : c.end]
        if (
            before is not None
            and has_cyrillic(written)
            and is_nominative(written, self.morph_language)
            and not self._genitive_of_place(written)
        ):
            # "Порт Південний", "аеропорт Бориспіль": a port or an airport named after a town
            kind = OTHER_KINDS_BEFORE.get(self._token_lemma(before))
            if kind:
                c.query = self._query(c)
                c.other_kind, c.start = kind, before.start
                return
        kind = self._listed_other_kind(c)
        if kind:
            c.query = self._query(c)
            c.other_kind = kind

    def _quoted_after(self, c: Candidate) -> bool:
        """Is the name alone in quotation marks right after the word before it ("аеродром
        «Бельбек»")?"""
        t, text = self.tokens, self.text
        return (
            t[c.i - 1].para == t[c.i].para
            and text[t[c.i - 1].end : c.start].strip() in ("«", '"', "“", "„")
            and text[c.end : c.end + 1] in ("»", '"', "”", "“")
        )

    def _listed_other_kind(self, c: Candidate) -> str:
        """The kind a list's plural noun gives each of its names: "Покровська, Марганецька та
        Червоногригорівська громади" are three hromadas, "the Kupiansk, Izium and Chuhuiv
        districts" three districts, not the towns they are named after. A Cyrillic name must
        read as an adjective ("Покровська"), as such lists write them; "" when the name is in
        no such list."""
        t, text = self.tokens, self.text
        written = text[c.start : c.end]
        cyrillic = has_cyrillic(written)
        if cyrillic and not any(
            p.tag.POS == "ADJF" for p in parses(written.casefold(), self.morph_language)
        ):
            return ""
        last, k, names = t[c.j - 1], c.j, 1
        while k < len(t) and t[k].para == t[c.i].para:
            m = k
            while m < len(t) and t[m].key in LIST_WORDS:
                m += 1
            if m >= len(t) or t[m].para != t[c.i].para:
                return ""
            tok, gap = t[m], text[last.end : t[m].start]
            if tok.cap and not gap.strip() and m == k:
                last, k = tok, m + 1  # a name of several words goes on: "Велика Писарівка"
                continue
            if tok.cap and LIST_GAP.match(gap):
                last, k, names = tok, m + 1, names + 1
                if names > OTHER_KIND_LIST_NAMES:
                    return ""
                continue
            if tok.cap or m != k or gap.strip() or names < 2:
                return ""
            word = text[tok.start : tok.end].casefold()
            if not cyrillic:
                return OTHER_KINDS.get(word, "") if word in OTHER_KIND_PLURALS else ""
            plural = any(p.tag.number == "plur" for p in parses(word, self.morph_language))
            return OTHER_KINDS.get(self._lemma(word), "") if plural else ""
        return ""

    def _genitive_of_place(self, written: str) -> bool:
        """Can the name be a place's genitive ("порти Миколаєва", "порт Бердянська": the city's
        ports), though read first as a nominative (the adjective "Миколаєва", Mykola's)? An
        inanimate noun's genitive whose dictionary form is another word; "Шереметьево", the
        same in every case, and "Південний", an adjective only, stay a port's own name."""
        lower = written.casefold()
        return any(
            p.tag.POS == "NOUN"
            and p.tag.case == "gent"
            and "anim" not in p.tag.grammemes
            and p.normal_form != lower
            # of a place: "Моздок" is also read as the genitive plural of a guessed "моздка"
            and normalize(p.normal_form) in self.ix.names
            for p in parses(lower, self.morph_language)
        )

    def _surname_in_article(self, written: str, lang: str) -> bool:
        """Is the word, read in any case, the surname of a person the article names in full
        ("Анну Калинину", "Олег Калинин", "Ольга Фёдоровна Томилина")? Then it is that person
        alone as well, wherever a preposition of place does not stand before it."""
        if self._surnames is None:
            self._surnames = self._read_surnames()
        return bool(self._surnames) and bool(_lemmas_of(written, lang) & self._surnames)

    def _read_surnames(self) -> frozenset[str]:
        """The dictionary forms of every surname that follows a given name or a patronymic
        it agrees with."""
        t, text, found = self.tokens, self.text, set()
        for a, b in pairwise(t):
            first, second = text[a.start : a.end], text[b.start : b.end]
            if not (
                a.cap
                and b.cap
                and a.para == b.para
                and text[a.end : b.start] == " "
                and has_cyrillic(first)
                and has_cyrillic(second)
            ):
                continue
            lang = languages_for(second, self.language)[0]
            if (is_given_name(first, lang) or is_patronymic(first, lang)) and agree_as_full_name(
                first, second, lang
            ):
                found |= _lemmas_of(second, lang)
        return frozenset(found)

    def _speaker_after(self, verb: Token, written: str, lang: str) -> bool:
        """Can the word be the verb's subject, a person's name in the nominative that agrees
        with a past tense's gender ("рассказала Королёва": her, though "Королёва" reads first
        as the genitive of Королёв)?"""
        said = parses(self.text[verb.start : verb.end].casefold(), lang)
        gender = said[0].tag.gender if said else None
        return any(
            p.tag.case == "nomn"
            and {"Surn", "Name"} & p.tag.grammemes
            and (gender is None or p.tag.gender == gender)
            for p in parses(written.casefold(), lang)
        )

    def _only_a_person_agrees(self, verb: Token, written: str, lang: str) -> bool:
        """Is the word the subject of the past-tense verb after it only as a person? "Королёва
        уехала": the feminine verb agrees with the woman's surname, and the town's reading of
        the word is a genitive ("Королёва" of Королёв); "Москва уехала" would agree as a place
        too and is left alone."""
        said = parses(self.text[verb.start : verb.end].casefold(), lang)
        if not said or said[0].tag.POS != "VERB" or said[0].tag.gender is None:
            return False
        gender = said[0].tag.gender
        readings = parses(written.casefold(), lang)
        as_person = any(
            p.tag.case == "nomn" and p.tag.gender == gender and {"Surn", "Name"} & p.tag.grammemes
            for p in readings
        )
        as_place = any(
            p.tag.case == "nomn" and "Geox" in str(p.tag) and p.tag.gender in (gender, None)
            for p in readings
        )
        return as_person and not as_place

    def _animate_object_before(self, verb: Token, written: str, lang: str) -> bool:
        """Is the word the object of the transitive verb after it in a form only a person's
        name takes? "Королёва отпустили под домашний арест": a man's accusative is his
        genitive, the town's accusative would be "Королёв" ("Королёв обстреляли")."""
        said = parses(self.text[verb.start : verb.end].casefold(), lang)
        if not said or said[0].tag.POS != "VERB" or "tran" not in said[0].tag.grammemes:
            return False
        readings = parses(written.casefold(), lang)
        return any(
            p.tag.case == "accs" and p.tag.animacy == "anim" and {"Surn", "Name"} & p.tag.grammemes
            for p in readings
        ) and not any(p.tag.case == "accs" and "Geox" in str(p.tag) for p in readings)

    def _inanimate_object(self, verb: Token, written: str, lang: str) -> bool:
        """Is the word the object of the transitive verb right before it, in a form only a
        thing's name takes? A man's name in the accusative is his genitive ("взяли Ивана"),
        so "взяли Бахмут", "называют Бахмут" name the town, where the dictionary reads
        "Бахмут" as a given name too. Not a surname (the dictionary knows no town's accusative
        for one that is not also the man's nominative: "говорит Королёв" is him), nor after a
        verb of speech or a dash ("— пишет Орлов": the speaker comes after the verb)."""
        if verb.cap or not has_cyrillic(written):
            return False
        if self.text[max(0, verb.start - 3) : verb.start].strip(" ,") in ("—", "–", "-", "»"):
            return False
        word = self.text[verb.start : verb.end].casefold()
        found = parses(word, lang)
        if (
            not found
            or found[0].tag.POS not in ("VERB", "INFN")
            or "tran" not in found[0].tag.grammemes
        ):
            return False
        if found[0].normal_form in SPEECH_VERBS_CYRILLIC | PUBLISHING_VERBS:
            return False
        readings = parses(written.casefold(), lang)
        return (
            # grammemes as text: the Ukrainian dictionary has no "Geox" to ask the tag about
            not any("Surn" in str(p.tag) for p in readings)
            and any("Geox" in str(p.tag) and p.tag.case == "accs" for p in readings)
            and not any(p.tag.animacy == "anim" and p.tag.case == "accs" for p in readings)
        )

    def _token_lemma(self, tok: Token) -> str:
        """The dictionary form of a token's word as written, in lowercase."""
        return self._lemma(self.text[tok.start : tok.end].casefold())

    def _lemma(self, word: str) -> str:
        """The dictionary form of a lowercase Cyrillic word ("районі" → "район"); a Latin
        word is its own."""
        if not has_cyrillic(word):
            return word
        found = parses(word, self.morph_language)
        return found[0].normal_form if found else word

    def _outlet(self, c: Candidate) -> bool:
        """Written next to a word of an outlet's or organisation's name."""
        t, text = self.tokens, self.text
        before = t[c.i - 1] if c.i and joinable(text, t[c.i - 1], t[c.i], False) else None
        if before and before.key == "of" and c.i >= 2:  # "Echo of Moscow", "Voice of Kyiv"
            before = t[c.i - 2] if joinable(text, t[c.i - 2], before, False) else None
        nxt = t[c.j] if c.j < len(t) and joinable(text, t[c.j - 1], t[c.j], False) else None
        # a Cyrillic outlet's words are lowercase after the first, and it is quoted:
        # «Украинская правда»; "в Москве партия провела съезд" is Moscow
        return bool(
            in_quoted_name(text, c.start, c.end)
            or in_dotted_name(text, c.start, c.end)
            or self._in_organisation_name(c)
            or (before and before.cap and before.key in OUTLET_BEFORE)
            or (
                before
                and before.key in OUTLET_BEFORE_CYRILLIC
                and has_cyrillic(text[c.start : c.end])
            )
            or (
                nxt
                and nxt.key in OUTLET_AFTER
                and (nxt.cap or (has_cyrillic(nxt.key) and self._quoted(c.start)))
            )
            or (
                nxt is not None
                and nxt.cap
                and self._lemma(text[nxt.start : nxt.end].casefold()) in ORGANISATION_NOUNS_AFTER
            )
        )

    def _vessel_or_unit(self, c: Candidate) -> bool:
        """A ship or a military unit named after a place: a word for a vessel before the name,
        a verb only a ship's name takes after it ("the Moskva sank"), or a word for a unit."""
        t, text = self.tokens, self.text
        # «крейсер «Москва»»: the name may be quoted
        if c.i and self._after_vessel_word(c.i):
            return True
        if (
            c.j - c.i == 1
            and text[c.start - 1 : c.start] in ("«", '"', "“", "„")
            and text[c.end : c.end + 1] in ("»", '"', "”", "“")
            and t[c.i].key in self._vessel_names()
        ):
            return True  # «Москвы», the cruiser «Москва» named again without its noun
        if (
            c.j - c.i == 1
            and text[c.start - 1 : c.start] in ("«", '"', "“", "„")
            and text[c.end : c.end + 1] in ("»", '"', "”", "“")
            and self._after_unit_member(c.i)
        ):
            return True  # "бійці «Азову»", "військових з «Азову»": the regiment
        if c.j >= len(t) or t[c.j].para != t[c.i].para:
            return False
        if joinable(text, t[c.j - 1], t[c.j], False) and (
            t[c.j].key in UNITS_AFTER
            # "the Novocherkassk landing ship"
            or (t[c.j].key == "landing" and c.j + 1 < len(t) and t[c.j + 1].key == "ship")
        ):
            return True
        if text[t[c.j - 1].end : t[c.j].start].strip(" »\"”'"):
            return False  # «"Москва" затонула»: a closing quotation mark may come between
        k = c.j + 1 if t[c.j].key in AUXILIARIES and c.j + 1 < len(t) else c.j  # "was sunk"
        word = text[t[k].start : t[k].end].casefold()
        return self._lemma(word) in SHIP_VERBS

    def _alias(self, c: Candidate) -> bool:
        """A Latin place name used as another name of a person or a unit: a call sign or a
        nickname ("call sign Tula", 'nicknamed "Kazan"', "callsign was 'Kursk'"), a nickname
        quoted between a given name and a surname ('Viktor "Omsk" Belyaev'), a quoted unit's
        name before its noun ('the "Kherson" unit'), or a suffix after a name ("Orlov Sr.")."""
        t, text = self.tokens, self.text
        if has_cyrillic(text[c.start : c.end]):
            return False  # Cyrillic call signs are quoted and read by in_quoted_name
        para = t[c.i].para
        before = t[c.i - 1] if c.i and t[c.i - 1].para == para else None
        after = t[c.j] if c.j < len(t) and t[c.j].para == para else None
        gap_before = text[before.end : c.start].strip() if before else ""
        gap_after = text[c.end : after.start].strip() if after else ""
        if t[c.i].initial and not t[c.i].heading and _AGE_AFTER.match(text, c.end):
            return True  # "Belgorod, 22, a mechanic, was killed": an obituary's subject
        if before is None:
            return False
        if c.j - c.i == 1 and t[c.i].key in NAME_SUFFIXES:
            return before.cap and gap_before in ("", ",")
        if gap_before in ("", *_OPEN_QUOTES):
            k = c.i - 1
            if t[k].key in ("was", "is") and k and not text[t[k - 1].end : t[k].start].strip():
                k -= 1  # "his callsign was 'Kursk'"
            if t[k].key in NICKNAME_WORDS or (t[k].key == "sign" and k and t[k - 1].key == "call"):
                return True
        if c.j - c.i != 1 or gap_before not in _OPEN_QUOTES or after is None:
            return False
        if gap_after not in _CLOSE_QUOTES:
            return False
        # 'Viktor "Omsk" Belyaev': a nickname between two capitalised words of one name
        return (before.cap and after.cap) or after.key in UNITS_AFTER

    def _street(self, c: Candidate) -> bool:
        """A Cyrillic name beside a word for a street or a square in the singular: the street's
        name ("вулицю Покровську", "проспект Победы"); after the name, only an adjective is
        the street's ("Московской улице"; "Москва площадью больше" is the city)."""
        t, text = self.tokens, self.text
        if not has_cyrillic(text[c.start : c.end]):
            return False
        before = t[c.i - 1] if c.i and joinable(text, t[c.i - 1], t[c.i], False) else None
        after = t[c.j] if c.j < len(t) and joinable(text, t[c.j - 1], t[c.j], False) else None
        if before is not None and self._street_word(text[before.start : before.end]):
            return not self._city_s_genitive(c)
        if (
            before is not None
            and c.i >= 2
            and joinable(text, t[c.i - 2], before, False)
            and self._street_word(text[t[c.i - 2].start : t[c.i - 2].end])
            and before.cap
            and before.key not in self.ix.names
            and any(
                p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "plur"
                for p in parses(text[before.start : before.end].casefold(), self.morph_language)
            )
        ):
            return True  # "проспекті Героїв Харкова", "улица Защитников Москвы": the street's
        return (
            after is not None
            and self._street_word(text[after.start : after.end])
            and any(
                p.tag.POS == "ADJF"
                for p in parses(
                    text[t[c.j - 1].start : t[c.j - 1].end].casefold(), self.morph_language
                )
            )
        )

    def _city_s_genitive(self, c: Candidate) -> bool:
        """After a street's or a square's noun, a city's genitive is the city's square, not a
        street's name: "на центральній площі Херсона", "набережній Нікополя". Streets are named
        after people ("вулиці Хмельницького": Bohdan Khmelnytskyi as much as the city) and
        rivers ("набережна Дніпра"), never after a city in the genitive."""
        written = self.text[c.start : c.end]
        lower = written.casefold()
        if c.j - c.i != 1 or may_be_person(written, self.morph_language):
            return False
        features = self.ix.gazetteer.features
        for p in parses(lower, self.morph_language):
            if not (
                p.tag.POS == "NOUN"
                and p.tag.case == "gent"
                and "anim" not in p.tag.grammemes
                and p.normal_form != lower
            ):
                continue
            place = self.ix.lookup(p.normal_form).place
            if (
                place is not None
                and place.kind == "town"
                and place.population >= CITY_POPULATION
                and (features is None or features.bare_feature(normalize(p.normal_form)) is None)
            ):
                return True
        return False

    def _street_word(self, word: str) -> bool:
        if not word.casefold().startswith(STREET_STARTS):
            return False  # most words: no parse needed
        return any(
            p.normal_form in STREETS and p.tag.number != "plur"
            for p in parses(word.casefold(), self.morph_language)
        )

    def _after_vessel_word(self, i: int) -> bool:
        t, text = self.tokens, self.text
        if text[t[i - 1].end : t[i].start].strip(" «\"“„'"):
            return False
        word = text[t[i - 1].start : t[i - 1].end].casefold()
        return self._lemma(word) in VESSELS_BEFORE

    def _after_unit_member(self, i: int) -> bool:
        """Is the word before token i (or before a "з" there) a soldier's noun?"""
        t, text = self.tokens, self.text
        k = i - 1
        if k > 0 and t[k].key in WITH_PREPOSITIONS | {"из"}:
            if text[t[k].end : t[k + 1].start].strip(' «"“„'):
                return False
            k -= 1
        if k < 0 or t[k].para != t[i].para or text[t[k].end : t[k + 1].start].strip(' «"“„'):
            return False
        return self._token_lemma(t[k]) in UNIT_MEMBERS

    def _vessel_names(self) -> frozenset:
        """The keys (nominatives) of the quoted names the article gives a vessel's, a unit's or
        an organisation's word before: a ship named once as «крейсер «Москва»» is the ship when
        quoted alone later, a regiment named «полк «Азов»» the regiment («бійці «Азова»»)."""
        if self._vessels is None:
            t, text = self.tokens, self.text
            self._vessels = frozenset(
                t[k].key
                for k in range(1, len(t))
                if text[t[k].start - 1] in '«"“„'
                and (self._after_vessel_word(k) or self._after_organisation_word(k))
            )
        return self._vessels

    def _before_administration(self, c: Candidate) -> bool:
        """A Cyrillic name right before the acronym of an administration ("Харківська ОВА",
        "Київської МВА", "Белгородской облдумы"): the institution, which is no place, and whose
        adjective may read as a town's genitive ("Дніпропетровська": Dnipro's old name)."""
        t, text = self.tokens, self.text
        if c.j >= len(t) or not has_cyrillic(text[c.start : c.end]):
            return False
        after = t[c.j]
        return after.key in ADMINISTRATIONS and joinable(text, t[c.j - 1], after, False)

    def _national_edition(self, c: Candidate) -> bool:
        """A country's name after a hyphen and a capitalised word that is no place
        ("РБК-Україна", "Интерфакс-Украина"): an agency's or a company's edition for that
        country, which names no place, quoted or not."""
        if c.j - c.i != 1 or not after_unknown_head(self.text, c.start, self.ix.names.__contains__):
            return False
        place = self.ix.lookup(self._query(c)).place
        return place is not None and place.kind == "country"

    def _front_sector(self, c: Candidate) -> bool:
        """An adjective before the word for a sector of the front ("на Купянском направлении",
        "на Покровському напрямку"): military summaries name sectors after a town, but the
        sector is no place on a map. pymorphy also reads "Купянском" as the town's
        instrumental, so the word after decides. "в направлении Купянска" (towards the town)
        puts the noun first and stays a place."""
        t, text = self.tokens, self.text
        if c.j >= len(t) or not joinable(text, t[c.j - 1], t[c.j], False):
            return False
        word = text[t[c.j - 1].start : t[c.j - 1].end].casefold()
        return t[c.j].key in FRONT_SECTORS and bool(SECTOR_ADJECTIVE.search(word))

    def _after_organisation_word(self, i: int) -> bool:
        t, text = self.tokens, self.text
        if text[t[i - 1].end : t[i].start].strip(" «\"“„'"):
            return False
        word = text[t[i - 1].start : t[i - 1].end].casefold()
        return has_cyrillic(word) and self._lemma(word) in ORGANISATIONS

    def _in_organisation_name(self, c: Candidate) -> bool:
        """Is the Latin name one of the capitalised words of an organisation's name, which ends
        in a word such as Group or Committee ("the Moscow Helsinki Group")?"""
        t, text = self.tokens, self.text
        if has_cyrillic(text[c.start : c.end]):
            return False  # Cyrillic names of organisations are quoted: in_quoted_name
        for k in range(c.j, min(c.j + 5, len(t))):
            if not (t[k].cap and joinable(text, t[k - 1], t[k], False)):
                return False
            if t[k].key in ORGANISATION_HEADS:
                return True
        return False

    def _region_by_on(self, c: Candidate, place: Place | None, query: str) -> Place | None:
        """The region, for "на" before a regional centre whose name is shaped as a land's
        ("на Запоріжжі", "на Запорожье", as "на Поділлі", "на Ставрополье"): the oblast, where
        "у Запоріжжі" is the city. The region must be named after the town."""
        if (
            place is None
            or place.kind != "town"
            or not place.parent
            or not c.i
            or self.tokens[c.i - 1].key != "на"
            or not joinable(self.text, self.tokens[c.i - 1], self.tokens[c.i], False)
            or not LAND_SHAPED.search(query.casefold())
        ):
            return None
        region = self.ix.gazetteer._by_id.get(place.parent)
        if region is None or region.kind != "region":
            return None
        spellings = {normalize(n) for n in region.namesake}
        return region if normalize(query) in spellings else None

    def _names_people(self, c: Candidate) -> bool:
        """Is the Cyrillic word, capitalised by its place only (a sentence's or a heading's
        first word), read first as an animate common noun ("Партизани", "Козаки": people), and
        the place it names no town of some size? The Ukrainian dictionary tags no places, so
        is_common_word keeps its nouns as names; a village named after people is written so
        after a preposition ("у Козаках"), while a town such as Бровари reads as inanimate."""
        tok = self.tokens[c.i]
        written = self.text[tok.start : tok.end]
        if not has_cyrillic(written):
            return False
        readings = parses(written.casefold(), self.morph_language)
        if not (
            readings
            and readings[0].tag.POS == "NOUN"
            and "anim" in readings[0].tag.grammemes
            and not PERSON_TAGS & readings[0].tag.grammemes
        ):
            return False
        place = self.ix.lookup(self._query(c)).place
        return place is None or place.population < PROPER_TOWN

    def _cardinal_point(self, c: Candidate) -> bool:
        """A Cyrillic point of the compass ("Схід", "на Півночі", "Юга") naming a town: a part
        of a country, unless a word for a settlement says it is a village's name ("в селе
        Восток"). A group of regions so named, were the gazetteer to hold one ("на Севере":
        the Russian North), would be meant."""
        if c.j - c.i != 1:
            return False
        tok = self.tokens[c.i]
        written = self.text[tok.start : tok.end]
        if not (
            has_cyrillic(written)
            and (tok.key in CARDINAL_POINTS or self._lemma(written.casefold()) in CARDINAL_POINTS)
            and not self._after_settlement_noun(c)
        ):
            return False
        place = self.ix.lookup(self._query(c)).place
        return place is None or place.kind in ("town", "checkpoint")

    def _declined_in_quotes(self, c: Candidate) -> bool:
        """A Cyrillic name alone in quotation marks and declined ("в «Азові»", "з «Дніпром»"):
        the name of a unit, a club or a company used as a noun. A place's name is quoted only
        in apposition, where it stays in the nominative ("станція «Суджа»", "пункт пропуску
        «Доманове»"), or written without quotation marks when declined."""
        text = self.text
        written = text[c.start : c.end]
        return (
            c.j - c.i == 1
            and has_cyrillic(written)
            and text[c.start - 1 : c.start] in ("«", '"', "“", "„")
            and text[c.end : c.end + 1] in ("»", '"', "”", "“")
            # no reading at all in the nominative: "«Запоріжжя»" may be either case
            and not any(
                p.tag.case == "nomn"
                for language in languages_for(written)
                for p in parses(written.casefold(), language)
            )
        )

    def _quoted(self, start: int) -> bool:
        """Is the text at `start` inside quotation marks opened shortly before?"""
        before = self.text[max(0, start - 40) : start]
        opened = max(before.rfind("«"), before.rfind("“"), before.rfind("„"))
        closed = max(before.rfind("»"), before.rfind("”"))
        return opened > closed or before.count('"') % 2 == 1

    def _person(self, c: Candidate) -> bool:
        """A person's name: by pymorphy3's tags in Cyrillic text, by the derived list of names
        in Latin text. A place that is also a name counts after "in", "в"… or in a list, never
        after a title ("Ms Volkova") or beside another name ("Nikita Lazarev")."""
        t, text = self.tokens, self.text
        first = t[c.i]
        written = text[first.start : t[c.j - 1].end]
        before = t[c.i - 1] if c.i and joinable(text, t[c.i - 1], first, False) else None
        after = t[c.j] if c.j < len(t) and joinable(text, t[c.j - 1], t[c.j], False) else None
        if has_cyrillic(written):
            lang = languages_for(written, self.language)[0]
            beside_before, beside_after = (
                text[tok.start : tok.end] if tok and tok.cap else None for tok in (before, after)
            )
            further = t[c.j + 1] if after and c.j + 1 < len(t) else None
            if (
                beside_after
                and after is not None
                and further
                and further.cap
                and joinable(text, after, further, False)
                and agree_as_full_name(beside_after, text[further.start : further.end], lang)
                and is_given_name(beside_after, lang)
            ):
                # "Жителька Ізмаїла Тетяна Болградська": a full name follows, and the word
                # before it is not part of it; a patronymic there ends the name the word
                # begins ("Марія Іванівна Путивльська")
                beside_after = None
            if (
                c.j - c.i == 1
                and before is not None
                and (not before.cap or before.initial)
                and self._token_lemma(before) in OFFICES_OF_A_PLACE
            ):
                return False  # "мэр Николаева (Александр Сенкевич)": the city's mayor
            if beside_before and is_patronymic(beside_before, lang):
                return True  # "Анна Сергеевна Вышний Волочёк": a surname ends the full name
            beside = [w for w in (beside_before, beside_after) if w]
            if may_be_person(written, lang) and any(is_person_part(w, lang) for w in beside):
                return True  # "Сергей Лазарев", "Наталья Волкова"
            if c.j - c.i == 1 and any(
                # a living being's noun untagged as a name ("Богдан") is one as the place
                # weighed, or capitalised mid-sentence; "Жителя Кирова" begins a sentence
                agree_as_full_name(
                    first,
                    second,
                    lang,
                    named=first == written or (before is not None and not before.initial),
                )
                for first, second in ((beside_before, written), (written, beside_after))
                if first is not None and second is not None
            ):
                return True  # "Марія Куп'янська": a given name, then a surname that agrees
            if (c.j - c.i == 1 and is_given_name(written, lang) and self._double_surname(c.j)) or (
                beside_before and is_given_name(beside_before, lang) and self._double_surname(c.i)
            ):
                return True  # "Владимир Кара-Мурза": a given name, then a double surname
            if (
                c.j - c.i == 1
                and not self._after_locative(c.i)
                and surname_like(written, lang)
                and is_nominative(written, lang)
                and self._done_to_people(c)
            ):
                return True  # "Жуковский и Королёв были арестованы": men, in a list too
            head = self._list_start(c.i)
            if (
                c.j - c.i == 1
                and head
                and t[head - 1].key in FROM_PREPOSITIONS | WITH_PREPOSITIONS
                and joinable(text, t[head - 1], t[head], False)
                and not self._after_locative(head)
                and all(
                    may_be_person(text[t[k].start : t[k].end], lang)
                    for k in range(head, c.i + 1)
                    if t[k].cap
                )
            ):
                # "письмо от Королёва", "от Иванова и Петрова", "вместе с Жуковским и
                # Королёвым": senders, companions, the list's every name ("вместе с Харьковом"
                # is a place: the dictionary knows no such surname; "от Иванова до Москвы" a
                # range)
                return True
            if c.j - c.i != 1 or self._after_locative(c.i) or self._listed(c):
                return False  # "в Никите", "в Лазареве и Орлове": places
            if self._surname_in_article(written, lang):
                return True  # "судили Анну Калинину … Калинину дали пять лет": her, not Tver
            if (
                surname_like(written, lang)
                and (
                    (
                        after is not None
                        and not after.cap
                        and self._token_lemma(after)
                        in SPEECH_VERBS_CYRILLIC | TRAVEL_VERBS_CYRILLIC
                        # the verb's subject: "Королёв заявил", not "жители Королёва заявили"
                        and is_nominative(written, lang)
                    )
                    or (
                        # the subject after the verb, as news quotes: "— говорит Королёв"
                        before is not None
                        and not before.cap
                        and self._token_lemma(before) in SPEECH_VERBS_CYRILLIC
                        and self._speaker_after(before, written, lang)
                    )
                    or (before is not None and self._token_lemma(before) in PERSON_NOUNS_CYRILLIC)
                    or (
                        after is not None
                        and not after.cap
                        and (
                            self._only_a_person_agrees(after, written, lang)
                            or (
                                # first in its clause: "жителей Королёва эвакуировали" is the town's
                                (first.initial or self.text[: first.start].rstrip()[-1:] in ",;:—–")
                                and self._animate_object_before(after, written, lang)
                            )
                        )
                    )
                )
            ):
                # "Королёв заявил", "говорит Королёв", "по словам Королёва", "адвокат
                # Королёва", "Королёва уехала": a person, whatever the size of the town
                return True
            if (
                before is not None
                and before.key == "над"
                and c.i >= 2
                and joinable(text, t[c.i - 2], before, False)
                and self._token_lemma(t[c.i - 2]) in OVER_A_PERSON
                and may_be_person(written, lang)
            ):
                return True  # "суд над Корольовим": the trial of a man, not a town's
            if before is not None and self._inanimate_object(before, written, lang):
                return False  # "называют Бахмут", "взяли Бахмут": a man would be "Бахмута"
            if c.j - c.i == 1 and self._done_to_a_place_cyrillic(c):
                return False  # "Бахмут разрушен": a town, which the dictionary knows as a name
            if is_person(written, lang):
                return True  # a name and nothing else to the dictionary
            if not is_person_part(written, lang):
                return False
            if lang == "ru" and not has_place_reading(written, lang):
                return True  # "Иванов", "Молотов": surnames the dictionary knows as no place
            # read first as a person's name: a person, unless a place too big to be taken for
            # one, under the name as written ("Кирова" is Kirov's; "Иванов" is not Ivanovo's)
            nominative = known_nominative(written, self.ix.gazetteer, lang)
            place = self.ix.lookup(nominative).place
            return (
                place is None
                or needs_context(place, nominative)
                or (is_nominative(written, lang) and normalize(nominative) != normalize(written))
            )
        # "Stalin's": a one-word name is judged without a possessive's "'s", whether or not
        # the candidate took it in ("Ostina's lawyer")
        possessive = first.poss if first.poss and c.j - c.i == 1 else None
        key = possessive[0] if possessive else first.key
        if c.j - c.i == 1 and self._titled(c):
            return True  # "Ms Kurskaya", "Lt. Col. Dmitrov": whether or not the list knows the name
        if c.j - c.i == 1 and self._kin_apposition(c):
            return True  # "said Penza, his brother.": even a city's name, which no one has as kin
        if (
            c.j - c.i == 1
            and key in self._people_named()
            and not self._after_locative(c.i)
            and (c.i in self._given_at or not self._listed(c, people=True))
        ):
            # "her daughter Dasha … Dasha, then 41, was at work", "Salavat Yulaev … Salavat's
            # horse": a name the article gives a person stays hers where no "in" makes it a town
            return True
        if self._could_be_a_person(c, key, written) and (
            self._beside_person_noun(c) or self._person_phrase(c, before)
        ):
            # "his sister Sofia", "Korolev, a student from Kimry,", "Korolev, who runs a
            # bakery", "Kirov (left)", "Translated by Kirov": whether or not the list knows it
            return True
        if (
            c.j - c.i == 1
            and after is not None
            and after.cap
            and not after.upper
            and LATIN_SURNAME.search(after.poss[0] if after.poss else after.key)
            and is_person_name(after.poss[0] if after.poss else after.key)
            and not is_person_name(key)
            and self._small_town(c, written)
        ):
            # "Volodymyr Orlov", "Bohdan Nikolaev": a Ukrainian given name the list lacks
            # (the Ukrainian dictionary tags no Name on them) before a surname
            return True
        if (
            c.j - c.i == 1
            and before is not None
            and before.cap
            and not before.upper
            and before.key not in STOPWORDS
            and is_person_name(before.key)
            and not is_person_name(key)
            and not LATIN_SURNAME.search(before.key)
            and self._small_town(c, written)
        ):
            # "Olena Romny", "Andriy Sambir", "Oleksandr Kovel": a given name before a surname
            # the list lacks, named like a small town
            return True
        if c.j - c.i == 1 and self._surname_after_a_name(c, before):
            return True  # "Nadia Smolenska", "Nino Kutaisi", "Lyudmila Orlova-Smolenska"
        # the subject of the verb after it, unless a preposition puts the name in a phrase
        # ("people in Kirov said", "protesters from Kirov were detained")
        subject = before is None or before.key not in SUBJECT_NOT_AFTER
        if (
            c.j - c.i == 1
            and subject
            and not is_person_name(key)
            and self._small_town(c, written)
            and (self._speaks(c) or self._done_to_a_person(c))
        ):
            return True  # "Brody said", "Brody was detained": no small town speaks or is jailed
        if (
            c.j - c.i == 1
            and subject
            and not possessive
            and LATIN_SURNAME.search(key)
            and ((after is not None and after.key in SPEECH_VERBS) or self._done_to_a_person(c))
            and self._small_town(c, written)
        ):
            # "Dmitrov was released", "Dmitrov said": a surname's shape, though the list of
            # names lacks it; a small town's name, or a big town's after the verbs above
            return True
        if c.j - c.i != 1 or not is_person_name(key):
            return False
        if before is not None and before.key in TITLES:
            return True
        if possessive and self._possesses_a_person_noun(c):
            return True  # "Korolev's lawyer", "Zhukovsky's wife"
        if self._listed_with_a_person(c):
            return True  # "Lazarev, Korolev and Zhukovsky were sentenced"
        if self._list_of_people(c):
            return True  # "Kirov and Korolev were sentenced", "Kirov and Korolev said"
        said = (
            c.i > 0
            and t[c.i - 1].key in SPEECH_VERBS
            and self._plain_gap(t[c.i - 1], t[c.i])
            and not t[c.i - 1].cap
        )  # '"We will win," said Korolev'
        if ((subject and self._speaks(c)) or said) and not self._big_city_abroad(c):
            return True
        if subject and self._speaks(c, lived=True):
            # "Korolev said", "Korolev later told": a man, whatever the size of the town of his
            # name; a capital abroad speaks for its government ("London said")
            return True
        if self._possessed_event_or_of_phrase(c, possessive is not None):
            return True  # "Kirov's trial", "the case against Korolev", "Korolev himself"
        if subject and self._done_to_a_person(c):
            return True  # "Korolev was detained", "Kirov, 45,": a man too
        if any(
            tok is not None
            and tok.cap
            # an acronym is no name ("UK"), but a byline in capitals is ("NIKITA KOROLEV")
            and (not tok.upper or (first.upper and len(tok.key) > 3))
            and is_person_name(tok.key)
            and tok.key not in STOPWORDS
            for tok in (before, after)
        ):
            return True
        if self._initialled(c) or PSEUDONYM.match(text, c.end) or AGENCY_CREDIT.match(text, c.end):
            # "A. Korolev", "Kirov (not his real name)", "Korolev/Reuters"
            return not self._after_locative(c.i)
        match = self.ix.lookup(self._query(c))
        place = match.alternatives[0] if match.needs_context else match.place
        if place is None:
            # "Makarov said": a surname that several small towns share is the man, unless the
            # text says it is a place; context would otherwise pick one of the towns
            return bool(
                match.alternatives
                and not (self._after_locative(c.i) or self._listed(c, people=True))
                and not (
                    self._done_to_a_place(c)
                    or self._placed_elsewhere(key)
                    or self._place_apposition(c)
                )
                and all(needs_context(p, written) for p in match.alternatives)
            )
        name = text[c.start : possessive[2] if possessive else c.end]
        if reached_by_other_name(place, name, c.matched_by is MatchedBy.SPELLING_VARIANT):
            return not self._after_locative(c.i)  # "Molotov" is Perm only "in Molotov"
        if self._after_locative(c.i) or self._listed(c, people=True):
            return False
        if self._done_to_a_place(c) or self._placed_elsewhere(key) or self._place_apposition(c):
            # "Lozova was shelled"; "Bakhmut" bare where "in Bakhmut" is written; "Orlov, a
            # town in Kirov region,"
            return False
        return needs_context(place, written)

    def _surname_after_a_name(self, c: Candidate, before: Token | None) -> bool:
        """A town's name right after a given name ("Nadia Smolenska", "Nino Kutaisi", "Lida
        Osh") or after a surname and a hyphen ("Orlova-Smolenska") is a surname, however big
        the town: English writes no town after a person's name without a comma or a
        preposition. A country ("Vera Georgia") is left alone."""
        if before is None or not before.cap or before.upper or before.key in STOPWORDS:
            return False
        if not (self._plain_gap(before, self.tokens[c.i]) and is_person_name(before.key)):
            return False
        hyphen = self.text[before.end : self.tokens[c.i].start] == "-"
        if LATIN_SURNAME.search(before.key) and not hyphen:
            return False  # "Orlov Kursk"? a surname then a town is no double surname
        if self._after_locative(c.i - 1):
            return False  # "in Lida Osh"? the first word is a place there too
        place = self.ix.lookup(self._query(c)).place
        return place is None or place.kind == "town"

    def _club_abroad(self, c: Candidate) -> bool:
        """A town abroad in a sentence about football is its club ("Yaremchuk scored for
        Napoli", "Chelsea and Arsenal fans wrote to UEFA"), unless "in" makes it the town ("the
        final in Munich") or, when written by its English name, it is listed with such a town
        ("matches in Leipzig, Berlin and Munich"). A name that is not the town's English name
        ("Napoli", "Roma") is the club in such a sentence even in a list or after "to"."""
        if c.j - c.i != 1 or has_cyrillic(self.text[c.start : c.end]):
            return False
        match = self.ix.lookup(self._query(c))
        # an ambiguous name ("Chelsea": London's, or a town in the US) by its likeliest town
        place = match.place or (match.alternatives[0] if match.alternatives else None)
        if (
            place is None
            or place.kind != "town"
            or place.romanised
            or place.country in HOME_COUNTRIES
        ):
            return False
        start, end = self.sentences[bisect_right(self.sentence_starts, c.start) - 1]
        if not any(w.casefold() in FOOTBALL_WORDS for w in WORD.findall(self.text, start, end)):
            return False
        first = self.tokens[c.i]
        written = first.poss[0] if first.poss else first.key
        if normalize(place.name) != written:
            return True  # "moved to Napoli": English would write "to Naples" of the town
        if self._after_locative(c.i):
            return False
        head = self._list_start(c.i)
        return not (head and self._after_locative(head))

    def _count_off(self, k: int, found: set[str]) -> None:
        """The one-word names listed after the first one a plural noun counts off
        ("witnesses Ryazan and Tambov", "the children, Sofia and Victoria"): people too."""
        t = self.tokens
        while k + 1 < len(t) and t[k + 1].para == t[k].para:
            gap = self.text[t[k].end : t[k + 1].start].strip()
            if gap == "," and t[k + 1].cap and not t[k + 1].upper:
                k += 1
            elif (
                not gap
                and t[k + 1].key in ("and", "or")
                and k + 2 < len(t)
                and t[k + 2].cap
                and not t[k + 2].upper
                and self._plain_gap(t[k + 1], t[k + 2])
            ):
                k += 2
            else:
                return
            if t[k].key in STOPWORDS:
                return
            found.add(t[k].key)
            self._given_at.add(k)

    def _full_name_in_apposition(self, k: int) -> bool:
        """Two capitalised words, then a person's noun set off by a comma: "Lida Osh, a poet
        from Osh," "Lyuba Sumy, a teacher,": a given name and a surname, both towns' names."""
        t, n = self.tokens, len(self.tokens)
        if k + 3 >= n or not t[k + 1].cap or t[k + 1].upper or t[k + 1].key in STOPWORDS:
            return False
        if self.text[t[k + 1].end : t[k + 2].start].strip() != "," or t[k + 2].para != t[k].para:
            return False
        return self._person_noun_heads(k + 2)

    def _people_named(self) -> frozenset[str]:
        """The Latin names this article gives a person unmistakably, once read: a listed name
        before a surname-shaped word ("Salavat Yulaev", "Sofia Pavlova") or after a given name
        ("Denis Sofia"), after a noun of kin or trade ("her daughter Dasha", "the children,
        Sofia and Victoria", "A neighbour, Lida, 83,"). English writers name a person once so
        and then by that word alone, which may be a town's ("Dasha says", "Sofia is nine")."""
        if self._given is None:
            t, n, found = self.tokens, len(self.tokens), set()
            for k, tok in enumerate(t):
                if not tok.cap or tok.upper or tok.key in STOPWORDS:
                    continue
                nxt = t[k + 1] if k + 1 < n and self._plain_gap(tok, t[k + 1]) else None
                prev = t[k - 1] if k and t[k - 1].para == tok.para else None
                gap = self.text[prev.end : tok.start].strip() if prev else ""
                if not is_person_name(tok.key):
                    # "witnesses Ryazan and Tambov": a plural noun of people names them all, when
                    # it counts off a list ("the prisoners Russia let go" is a relative clause)
                    if prev is not None and not gap and prev.key in PERSON_GROUPS:
                        listed: set[str] = set()
                        self._count_off(k, listed)
                        if listed:
                            found |= listed | {tok.key}
                            self._given_at.add(k)
                    continue
                if (
                    (
                        nxt is not None
                        and nxt.cap
                        and not nxt.upper
                        and LATIN_SURNAME.search(nxt.poss[0] if nxt.poss else nxt.key)
                    )
                    or (
                        prev is not None
                        and not gap
                        and prev.cap
                        and not prev.initial
                        and is_person_name(prev.key)
                        and not LATIN_SURNAME.search(prev.key)
                    )
                    or (
                        prev is not None
                        and not prev.cap
                        and prev.key in PERSON_NOUNS | PERSON_GROUPS
                        and (not gap or (gap == "," and prev.key in PERSON_GROUPS))
                    )
                    or (
                        prev is not None
                        and not prev.cap
                        and prev.key in PERSON_NOUNS
                        and gap == ","
                        and self.text[tok.end : tok.end + 1] == ","
                    )
                    or (nxt is not None and self._full_name_in_apposition(k))
                ):
                    found.add(tok.key)
                    self._given_at.add(k)
                    if prev is not None and prev.key in PERSON_GROUPS:
                        self._count_off(k, found)
            self._given = frozenset(found)
        return self._given

    def _double_surname(self, k: int) -> bool:
        """Do tokens k and k+1 make a capitalised double-barrelled word that names no place
        ("Кара-Мурза", "Римский-Корсаков"; not "Каменск-Уральский")?"""
        t, text = self.tokens, self.text
        if k + 1 >= len(t) or not (t[k].cap and t[k + 1].cap):
            return False
        if text[t[k].end : t[k + 1].start] not in ("-", "‐", "‑"):
            return False
        return f"{t[k].key} {t[k + 1].key}" not in self.ix.names

    def _done_to_people(self, c: Candidate) -> bool:
        """Is the Cyrillic name, alone or in a list of names, the subject of what is done only
        to people ("Королёв задержан", "Жуковский и Королёв были арестованы")?"""
        return self._predicate_after(c) in PERSON_PREDICATES_CYRILLIC

    def _done_to_a_place_cyrillic(self, c: Candidate) -> bool:
        """... or of what is done to a place ("Бахмут разрушен", "Херсон и Николаев были
        освобождены"), which no man named like it is?"""
        return self._predicate_after(c) in PLACE_PREDICATES_CYRILLIC

    def _predicate_after(self, c: Candidate) -> str:
        """The dictionary form of the Cyrillic name's predicate, read after it up to the first
        lowercase word: other capitalised names, "и", "і", "та", commas and a past form of "to
        be" come between ("Жуковский и Королёв были арестованы"); "" when none follows."""
        t, text = self.tokens, self.text
        k = c.j
        for _ in range(8):
            if k >= len(t) or t[k].para != t[c.i].para:
                return ""
            gap = text[t[k - 1].end : t[k].start]
            if gap.strip(" \n,"):
                return ""  # a full stop, a bracket, a dash: the sentence goes elsewhere
            tok = t[k]
            if not (tok.cap or tok.key in LIST_WORDS or tok.key in BE_CYRILLIC):
                return self._token_lemma(tok)
            k += 1
        return ""

    def _initialled(self, c: Candidate) -> bool:
        """A given name's initial before the surname: "A. Korolev", "V. Kirov"."""
        t = self.tokens
        if not c.i:
            return False
        initial = t[c.i - 1]
        return (
            initial.para == t[c.i].para
            and initial.end - initial.start == 1
            and initial.upper is False
            and initial.cap
            and self.text[initial.end : t[c.i].start] in (". ", ".")
        )

    def _done_to_a_place(self, c: Candidate) -> bool:
        """What is done only to a place, after its name: "Lozova was shelled", "Lyman was
        liberated" (not "hit" or "evacuated": a man is hit by a car, evacuated from a town)."""
        t, n = self.tokens, len(self.tokens)
        return (
            c.j + 1 < n
            and t[c.j].key in AUXILIARIES
            and t[c.j + 1].key in PLACE_PREDICATES
            and self._plain_gap(t[c.j - 1], t[c.j])
            and self._plain_gap(t[c.j], t[c.j + 1])
        )

    def _placed_elsewhere(self, key: str) -> bool:
        """Is the word written elsewhere in the article as a place ("in Bakhmut", "the fall
        of Bakhmut") and never as a person's (beside a given name, after a title, before a
        speech verb)? Then its bare mentions are the place too: an article names one thing by
        one word."""
        if self._placed is None:
            placed: set[str] = set()
            personal: set[str] = set()
            t = self.tokens
            for i, tok in enumerate(t):
                word = tok.poss[0] if tok.poss else tok.key
                if not tok.cap or not is_person_name(word):
                    continue
                neighbours = []
                if i and self._plain_gap(t[i - 1], tok):
                    neighbours.append(t[i - 1])
                if i + 1 < len(t) and self._plain_gap(tok, t[i + 1]):
                    neighbours.append(t[i + 1])
                if any(
                    o.cap and (is_person_name(o.key) or o.key in HONORIFICS or o.key in TITLES)
                    for o in neighbours
                ) or any(o.key in SPEECH_VERBS for o in neighbours):
                    personal.add(word)
                elif AGE.match(self.text, tok.end) or (
                    i + 2 < len(t)
                    and t[i + 1].key in AUXILIARIES
                    and t[i + 2].key in PERSON_PREDICATES
                ):
                    personal.add(word)  # "Lozova, 34,", "Lozova was detained"
                elif self._after_locative(i):
                    placed.add(word)
            self._placed = placed - personal
        return key in self._placed

    def _could_be_a_person(self, c: Candidate, key: str, written: str) -> bool:
        """One word a person may bear: a name the list holds, a surname's shape, or a name
        of a small town only; not a country's, a region's or a big city's ("Russia, who
        invaded", "the man Moscow installed", "Kharkiv (pictured)")."""
        if c.j - c.i != 1:
            return False
        return bool(is_person_name(key) or LATIN_SURNAME.search(key)) or self._small_town(
            c, written
        )

    def _small_town(self, c: Candidate, written: str) -> bool:
        """Is the name no place, or a place a person's name would reach too easily (a town
        smaller than a city)?"""
        match = self.ix.lookup(self._query(c))
        place = match.place or (match.alternatives[0] if match.alternatives else None)
        return place is None or needs_context(place, written)

    def _big_city_abroad(self, c: Candidate) -> bool:
        """A city beyond the countries that write Cyrillic, big enough to stand for its
        government ("London said it would"), unless the sentence speaks of a person with a
        personal pronoun ("Sofia said she was afraid", '"I was afraid," Sofia said')."""
        place = self.ix.lookup(self._query(c)).place
        if not (
            place is not None
            and place.kind == "town"
            and not place.romanised
            and place.population >= BIG_TOWN_FAR
        ):
            return False
        start, end = self.sentences[bisect_right(self.sentence_starts, c.start) - 1]
        words = WORD.findall(self.text, start, end)
        return not any(w.casefold() in PERSONAL_PRONOUNS or w == "I" for w in words)

    def _lived(self, k: int) -> bool:
        """What only a person has done, no city for its government either: "driven", "fled",
        "been to" (a visit; "been in" is not one)."""
        t = self.tokens
        if t[k].key == "been":
            return k + 1 < len(t) and t[k + 1].key == "to"
        return t[k].key in PERSONAL_ACTS

    def _speaks(self, c: Candidate, lived: bool = False) -> bool:
        """A speech verb right after the name, or after one adverb or auxiliary: "Korolev
        said", "Korolev later told", "Korolev has written", "Korolev, however, denied"; or, with
        `lived`, only what a person has lived ("Nikolaev has driven us")."""
        t, text, n = self.tokens, self.text, len(self.tokens)
        k, aside = c.j, False
        for _ in range(2):
            if k >= n or t[k].para != t[c.i].para:
                return False
            gap = text[t[k - 1].end : t[k].start]
            if "\n" in gap or gap.strip() not in ("", ","):
                return False
            if gap.strip() == "," and not (aside or self._aside(k)):
                return False
            if t[k].key in SPEECH_VERBS and not lived:
                return True
            if t[k].key in ("has", "had", "have") and k + 1 < n and self._plain_gap(t[k], t[k + 1]):
                if self._lived(k + 1):
                    return True  # "Nikolaev has driven us", "Sofia had been to Kharkiv"
                if t[k + 1].key in HUMAN_PARTICIPLES and not lived:
                    return True  # "Korolev had called them heroes"
            if t[k].cap or not (t[k].key in VERB_ADVERBS or t[k].key.endswith("ly")):
                return False
            aside = self._aside(k)
            k += 1
        return False

    def _aside(self, k: int) -> bool:
        """A word set off by commas after the name: ", however,"."""
        t, text = self.tokens, self.text
        return (
            0 < k < len(t)
            and text[t[k - 1].end : t[k].start].strip() == ","
            and text[t[k].end : t[k].end + 1] == ","
        )

    def _person_phrase(self, c: Candidate, before: Token | None) -> bool:
        """What English writes only of a person, around a name: a relative "who" ("Korolev,
        who runs a bakery"; "whose son"), a caption's place in a photograph ("Kirov (left)"),
        a credit ("Translated by Kirov", "Photo: Kirov"), "Korolev, born in Kursk,", or a
        copula with a person's noun ("Korolev is a lawyer")."""
        t, text = self.tokens, self.text
        last = t[c.j - 1]
        rest = text[last.end : last.end + 40]
        if CAPTION.match(rest):
            return True
        relative = RELATIVE.match(rest)
        if relative and (
            relative.group(1).casefold() == "who" or relative.group(2).casefold() in PERSON_NOUNS
        ):
            # "Kherson, whose residents" is the city; "the people of Kharkiv, who" are people
            return before is None or before.key not in SUBJECT_NOT_AFTER
        if c.i >= 2 and t[c.i - 1].key == "by" and t[c.i - 2].key in CREDIT_WORDS:
            return t[c.i - 2].para == t[c.i].para
        if c.i >= 1 and t[c.i - 1].key in CREDIT_WORDS and t[c.i - 1].cap:
            # "Photo: Kirov / AP", not what the photograph shows ("Photo: Moscow at night")
            gap = text[t[c.i - 1].end : t[c.i].start]
            return (
                gap.strip() == ":"
                and t[c.i - 1].para == t[c.i].para
                and is_person_name(t[c.i].key)
                and CREDIT_END.match(rest) is not None
            )
        return self._copula_person(c)

    def _copula_person(self, c: Candidate) -> bool:
        """ "Korolev is a lawyer", "Kirov was the investigator": a person's noun after a
        copula and an article (the same phrase as an apposition's)."""
        t, n = self.tokens, len(self.tokens)
        k = c.j
        if not (
            k + 1 < n
            and t[k].key in ("is", "was")
            and self._plain_gap(t[k - 1], t[k])
            and self._plain_gap(t[k], t[k + 1])
            and t[k + 1].key in APPOSITION_DETERMINERS
        ):
            return False
        return self._person_noun_heads(k + 1)

    def _possessed_event_or_of_phrase(self, c: Candidate, possessive: bool) -> bool:
        """What happens to a person, possessed or with "of", "against": "Kirov's trial",
        "Korolev's sentence", "the trial of Kirov", "the case against Korolev", "supporters
        of Korolev"; and "Korolev himself"."""
        t, n = self.tokens, len(self.tokens)
        if possessive:
            if c.j < n and self._plain_gap(t[c.j - 1], t[c.j]):
                return t[c.j].key in PERSON_EVENTS and not t[c.j].cap
            return False
        if c.j < n and t[c.j].key in ("himself", "herself") and self._plain_gap(t[c.j - 1], t[c.j]):
            return True
        if c.i >= 2 and self._plain_gap(t[c.i - 2], t[c.i - 1]):
            preposition, noun = t[c.i - 1].key, t[c.i - 2].key
            if preposition == "of":
                return noun in PERSON_EVENTS or noun in PERSON_OF
            if preposition == "against":
                return noun in CASE_AGAINST
        return False

    def _titled(self, c: Candidate) -> bool:
        """An honorific or a rank right before the name, abbreviated with its full stop or
        without: "Ms Volkova", "Lt. Col. Dmitrov", "Capt. Nikolaev", also across initials
        ("Pvt. I. Tambov")."""
        if not c.i:
            return False
        t = self.tokens
        k = c.i - 1
        # "Pvt. I. Tambov", "Dr A. B. Penza": the initials of given names may stand between
        while (
            k
            and c.i - k <= 2
            and len(t[k].key) == 1
            and t[k].cap
            and self.text[t[k].end : t[k + 1].start].strip() == "."
        ):
            k -= 1
        title = t[k]
        gap = self.text[title.end : t[k + 1].start]
        return (
            title.para == t[c.i].para
            and title.cap
            and title.key in HONORIFICS
            and gap.strip() in ("", ".")
            and gap.count("\n") == 0
        )

    def _kin_apposition(self, c: Candidate) -> bool:
        """'"He loved fishing," said Penza, his brother.', "Lipetsk, a 52-year-old widow,": a
        possessive or an age, and a person's noun ending the apposition after the name. A
        town is no one's brother; "Kyiv, her sister city" goes on after the noun, so it stays
        the city."""
        found = _KIN_APPOSITION.match(self.text, self.tokens[c.j - 1].end)
        return bool(found and found.group(1).casefold() in PERSON_NOUNS)

    def _plain_gap(self, a: Token, b: Token) -> bool:
        """Only spaces (or one hyphen) between two words of one phrase: "24-year-old"."""
        gap = self.text[a.end : b.start]
        return a.para == b.para and "\n" not in gap and gap.strip() in ("", "-")

    def _beside_person_noun(self, c: Candidate) -> bool:
        """A noun of a person's kin, counsel or trade beside the name: before it ("his sister
        Sofia", "the activist Orlova", "His mother, Alexandra, says") or after it in apposition
        ("Korolev, a student from Kimry,", "Sofia, his wife,", "Kirov, the investigator,").
        A town beside such a word is never in apposition to it: "a city", "his home town"."""
        t, text, n = self.tokens, self.text, len(self.tokens)
        first, last = t[c.i], t[c.j - 1]
        if c.i:
            noun = t[c.i - 1]
            gap = text[noun.end : first.start]
            if (
                noun.para == first.para
                and not noun.cap
                and noun.key in PERSON_NOUNS
                and (
                    self._plain_gap(noun, first)
                    # "mother, Alexandra,": the name set off by commas on both sides
                    or (gap.strip() == "," and text[last.end : last.end + 1] == ",")
                )
            ):
                return True
        k = c.j
        if (
            k + 2 < n
            and t[k].key == "and"
            and t[k + 1].key in ("his", "her", "their")
            and t[k + 2].key in PERSON_NOUNS
            and self._plain_gap(last, t[k])
            and self._plain_gap(t[k], t[k + 1])
            and self._plain_gap(t[k + 1], t[k + 2])
        ):
            return True  # "Sofia and her daughter left": a town has no daughter
        if not (
            k < n
            and t[k].para == first.para
            and text[last.end : t[k].start].strip() == ","
            and not t[k].cap
        ):
            return False
        if t[k].key == "born" and not t[k].cap:
            return True  # "Korolev, born in Kursk,"
        return self._person_noun_heads(k)

    def _place_apposition(self, c: Candidate) -> bool:
        """A noun of a settlement in apposition after the name: "Orlov, a town in Kirov
        region,", "Lyman, a rail hub,", "Kurchatov, home to a nuclear plant,"."""
        t, n, k = self.tokens, len(self.tokens), c.j
        if not (
            k + 1 < n
            and t[k].para == t[c.i].para
            and self.text[t[k - 1].end : t[k].start].strip() == ","
        ):
            return False
        if t[k].key == "home" and t[k + 1].key == "to":
            return True
        return self._person_noun_heads(k, PLACE_APPOSITIONS)

    def _person_noun_heads(self, k: int, nouns: frozenset[str] = PERSON_NOUNS) -> bool:
        """Does the phrase that begins with the determiner at k ("a 24-year-old student",
        "his wife") end in a person's noun (or one of `nouns`), as its head?"""
        t, n = self.tokens, len(self.tokens)
        if t[k].key not in APPOSITION_DETERMINERS or t[k].cap:
            return False
        for m in range(k + 1, min(n, k + 2 + APPOSITION_WORDS)):
            if not self._plain_gap(t[m - 1], t[m]) or t[m].key in FUNCTION_WORDS:
                return False  # "Kirov, the birthplace of the poet": the phrase ended
            if t[m].key in nouns and not t[m].cap:
                # the phrase's head, not a noun before one ("a student town")
                nxt = t[m + 1] if m + 1 < n else None
                if nxt is not None and self._plain_gap(t[m], nxt) and nxt.key in SPEECH_VERBS:
                    return False  # "Kirov, the commander said, was hit": an attribution
                return (
                    nxt is None
                    or not self._plain_gap(t[m], nxt)
                    or nxt.key in FUNCTION_WORDS
                    or nxt.key in LOCATIVES
                    or nxt.key in ("whose", "living", "based", "born")
                )
        return False

    def _possesses_a_person_noun(self, c: Candidate) -> bool:
        """ "Korolev's lawyer", "Zhukovsky's wife": what a person has, not a town ("Kyiv's
        mayor" is the city's; "man" is left out: "Moscow's man in Minsk")."""
        t = self.tokens
        if c.j >= len(t):
            return False
        noun = t[c.j]
        return (
            not noun.cap
            and noun.key in PERSON_NOUNS
            and noun.key not in ("man", "woman", "friend", "son", "daughter")
            and self._plain_gap(t[c.j - 1], noun)
        )

    def _listed_with_a_person(self, c: Candidate) -> bool:
        """In a list beside a name that is a person's on its own (a surname no town of note
        bears): "Lazarev, Korolev and Zhukovsky were sentenced", "Lazarev and Korolev". Not
        after "in", "from"… before the list's first name ("from Lazarev and Korolev")."""
        t, n = self.tokens, len(self.tokens)
        for k, step in ((c.i - 1, -1), (c.j, 1)):
            if 0 <= k < n and t[k].key in LIST_WORDS:
                k += step
            if not (0 <= k < n and t[k].para == t[c.i].para and t[k].cap and not t[k].upper):
                continue
            a, b = (t[k], t[c.i]) if step < 0 else (t[c.j - 1], t[k])
            gap = self.text[a.end : b.start]
            if not (gap.strip() and LIST_GAP.match(gap)):
                continue
            poss = t[k].poss
            other = poss[0] if poss else t[k].key
            if not is_person_name(other) or other in STOPWORDS:
                continue
            match = self.ix.lookup(other)
            place = match.place or (match.alternatives[0] if match.alternatives else None)
            word = self.text[t[k].start : poss[2] if poss else t[k].end]
            if place is None or needs_context(place, word):
                return not self._after_locative(self._list_start(c.i))
        return False

    def _list_of_people(self, c: Candidate) -> bool:
        """A list of names that is the subject of what is done only to people, or of a
        speech verb: "Kirov and Korolev were sentenced", "Kirov, Korolev and Pushkin said"."""
        t, n = self.tokens, len(self.tokens)
        start, end = self._list_start(c.i), c.j
        while end < n:  # past the list's other names, full names included ("Sofia Korolev")
            k = end + 1 if t[end].key in LIST_WORDS and end + 1 < n else end
            gap = self.text[t[end - 1].end : t[k].start]
            if not (t[k].cap and t[k].para == t[c.i].para):
                break
            if not (LIST_GAP.match(gap) and gap.strip()) and not self._plain_gap(t[end - 1], t[k]):
                break
            end = k + 1
        if start == c.i and end == c.j:
            return False  # no list: the rules for one name have spoken
        if start and t[start - 1].para == t[start].para and t[start - 1].key in SUBJECT_NOT_AFTER:
            return False  # "residents of Kirov and Korolev were detained"
        whole = dataclasses.replace(c, j=end, end=t[end - 1].end)
        return self._done_to_a_person(whole) or (
            self._speaks(whole) and not self._big_city_abroad(c)
        )

    def _list_start(self, i: int) -> int:
        """The first name of the list the token at i is in ("Kirov" of "Kirov, Perm and
        Korolev")."""
        t = self.tokens
        while i > 0:
            k = i - 1
            if t[k].key in LIST_WORDS and k > 0:
                k -= 1
            gap = self.text[t[k].end : t[i].start]
            if not (t[k].cap and t[k].para == t[i].para and gap.strip() and LIST_GAP.match(gap)):
                break
            i = k
        return i

    def _done_to_a_person(self, c: Candidate) -> bool:
        """Is the name what is done to a person, and never to a town: "Korolev was detained",
        "the court sentenced Kirov", or given an age, "Korolev, 45,"?"""
        t, text = self.tokens, self.text
        if (
            c.j + 1 < len(t)
            and t[c.j].key in AUXILIARIES
            and t[c.j + 1].key in PERSON_PREDICATES
            and joinable(text, t[c.j - 1], t[c.j], False)
            and joinable(text, t[c.j], t[c.j + 1], False)
        ):
            return True
        if (
            c.i
            and t[c.i - 1].key in PERSON_PREDICATES
            and joinable(text, t[c.i - 1], t[c.i], False)
        ):
            return True
        if (
            c.j < len(t)
            and t[c.j].key in PERSON_PREDICATES
            and t[c.j].key != "born"
            and self._plain_gap(t[c.j - 1], t[c.j])
        ):
            return True  # a headline's "Korolev jailed for six years", "Kirov detained"
        return bool(AGE.match(text, c.end))

    def _region_by_base(self, c: Candidate, key: str) -> bool:
        """Does the name reach a region only with its descriptor taken off ("Tverskaya" of
        "Tverskaya Oblast'"), no spelling of the region being the word alone?"""
        place = self.ix.lookup(self._query(c)).place
        gazetteer = self.ix.gazetteer
        return (
            place is not None
            and place.kind == "region"
            and all(gazetteer.places[p].id != place.id for p in gazetteer.names.full.get(key, ()))
        )

    def _named_near_home(self, key: str) -> bool:
        """A neighbouring capitalised word that is itself a place name ("Kharkiv Kyiv" in a
        heading) does not make a two-word name; a name known only far abroad ("Rhode", an old
        name of Roses in Spain) does not count as one."""
        if key not in self.ix.names:
            return False
        match = self.ix.lookup(key)
        return any(p.romanised or p.kind != "town" for p in (match.place, *match.alternatives) if p)

    def _far_by_other_name(self, c: Candidate) -> bool:
        """A town far abroad reached only through another of its names (an old name, another
        language's), not after "in", "to"… nor in a list: the word is more likely a person or
        a thing than that town ("Victoria said" is not Hong Kong; "in Bombay" is Mumbai)."""
        written = self.text[self.tokens[c.i].start : self.tokens[c.j - 1].end]
        place = self.ix.lookup(self._query(c)).place
        return (
            place is not None
            and not similar_names(place.name, written)
            and not (self._after_locative(c.i) or self._listed(c))
        )

    def _function_word(self, word: str) -> bool:
        """Is the capitalised word first read, by the text's dictionary, as a conjunction,
        pronoun, adverb or other word that names nothing ("Тим", "Тому", "Коли")? The Ukrainian
        dictionary tags no places, so only such words, not nouns, are judged so."""
        found = parses(word.casefold(), self.morph_language)
        return bool(found) and found[0].tag.POS in FUNCTION_POS

    def _after_settlement_noun(self, c: Candidate, nouns: frozenset = SETTLEMENT_NOUNS) -> bool:
        """Right after a word for a town or a village (of `nouns`), in any case: "в городе
        Мирном"."""
        t, text = self.tokens, self.text
        if not c.i or not joinable(text, t[c.i - 1], t[c.i], False):
            return False
        word = text[t[c.i - 1].start : t[c.i - 1].end].casefold()
        return has_cyrillic(word) and self._lemma(word) in nouns

    def _named_as_proper(self, c: Candidate) -> bool:
        """A Cyrillic common word that names a place here, by how it is written: a region's
        name the article never writes in lowercase ("Приморье" is Primorsky Krai, "приморье"
        a coast), or a city's capitalised in mid-sentence and not quoted ("пост о Буче": Russian
        capitalises no common noun there). A small place needs a preposition still: "День
        Победы" is no village Pobeda."""
        place = self.ix.lookup(self._query(c)).place
        if place is None:
            return False
        if place.kind in ("region", "group"):
            return not self._written_lowercase(c)
        first = self.tokens[c.i]
        return (
            place.kind == "town"
            and place.population >= PROPER_TOWN
            and not first.initial
            and not first.heading
            and not self._quoted(c.start)
        )

    def _names_a_thing(self, c: Candidate) -> bool:
        """A capitalised adjective in mid-sentence with the lowercase noun it agrees with is the
        proper name of a building, a square or an institution, not a place: "у Казанского
        собора" (in St Petersburg, not Kazanskoye), "на Красной площади", "Южный окружной
        военный суд". A descriptor ("Курской области") was taken as evidence before this."""
        t, text = self.tokens, self.text
        first = t[c.i]
        if c.j - c.i != 1 or first.heading or c.j >= len(t):
            return False
        noun = t[c.j]
        word = text[noun.start : noun.end]
        if not has_cyrillic(word) or not joinable(text, first, noun, False):
            return False
        if noun.cap:
            # "на Майдані Незалежності": a capitalised common noun in the genitive after the
            # name makes a square's or a street's name ("of Independence"), no village Maidan
            return self._before_a_name_s_genitive(word)
        if first.initial and not (self._small_place(c) or self._named_by_adjective(c)):
            return False  # "Московский муниципальный депутат": a city's adjective, the city
        language = self.morph_language
        readings = parses(text[first.start : first.end].casefold(), language)
        if (
            readings
            and readings[0].tag.POS == "NOUN"
            and not PERSON_TAGS & readings[0].tag.grammemes
        ):
            # a noun first, an adjective only by a rarer reading: "На Донеччині вибухи" (the
            # region's own noun, as "Донеччин" may be read in the plural too)
            return False
        adjectives = [p.tag for p in readings if p.tag.POS == "ADJF"]
        noun_readings = parses(word.casefold(), language)
        if word.casefold() in LOCATIVES or (
            noun_readings and noun_readings[0].tag.POS in FUNCTION_POS
        ):
            # "из Грозного в Гудермес", "через Шевченкове до Харкова": a preposition agrees with
            # nothing, though pymorphy3 reads "в" as an abbreviation's noun too and "до" first
            # as a noun (the note)
            return False
        # a lowercase word is no name: pymorphy3 also reads "українець" as an indeclinable
        # surname, in every case and gender, which agreed with "у Брянську" read as "брянську"
        nouns = [
            p.tag
            for p in noun_readings
            if p.tag.POS in ("NOUN", "ADJF") and not PERSON_TAGS & p.tag.grammemes
        ]
        return any(
            a.case == b.case
            and a.number == b.number
            and (a.gender == b.gender or a.number == "plur" or None in (a.gender, b.gender))
            for a in adjectives
            for b in nouns
        )

    def _before_a_name_s_genitive(self, word: str) -> bool:
        lower = word.casefold()
        if lower in self.ix.names:
            return False
        readings = [p for language in languages_for(word) for p in parses(lower, language)]
        return (
            bool(readings)
            and readings[0].tag.POS == "NOUN"
            and readings[0].tag.case == "gent"
            # no reading as anyone's or anywhere's name: "Олена" may read as a genitive too;
            # nor an organisation's or an indeclinable word, genitive only as it is every case
            # ("В Москве Минобороны сообщило": the ministry says, in Moscow; Ukrainian reads
            # "Міноборони" first as a nominative, and kept Moscow)
            and not any(
                {"Name", "Surn", "Patr", "Geox", "Orgn", "Fixd"} & p.tag.grammemes for p in readings
            )
        )

    def _named_by_adjective(self, c: Candidate) -> bool:
        """Is the place's own name an adjective ("Shevchenkivskyi", a district of Luhansk; not
        Moscow, which "Московский" reaches as its adjective)?"""
        query = known_nominative(self._query(c), self.ix.gazetteer, self.morph_language)
        place = self.ix.lookup(query).place
        return place is not None and bool(ADJECTIVE_ENDING.search(normalize(place.name)))

    def _small_place(self, c: Candidate) -> bool:
        query = self._query(c)
        if has_cyrillic(query):  # as _resolve will look it up
            query = known_nominative(query, self.ix.gazetteer, self.morph_language)
        place = self.ix.lookup(query).place
        return place is not None and place.kind == "town" and place.population < CITY_POPULATION

    def _adjective_of_longer_name(self, c: Candidate) -> bool:
        """Is the one Cyrillic word an adjective that agrees with the capitalised noun right
        after it, a noun the gazetteer does not know? The two are one name the gazetteer
        lacks ("в Нагорном Карабахе", "Южной Осетии" where it lacked it), not the town named
        by the adjective alone (Nagorny, a district of Moscow)."""
        t, text = self.tokens, self.text
        if (
            c.j - c.i != 1
            or c.j >= len(t)
            or c.descriptor
            or c.hint
            or c.matched_by is not MatchedBy.NAME
        ):
            return False
        word, noun = t[c.i], t[c.j]
        if (
            not noun.cap
            or noun.para != word.para
            or text[word.end : noun.start] != " "
            or not has_cyrillic(noun.key)
            or noun.key in self.ix.names
            or noun.key in self.ix.prefixes
        ):
            return False
        adjectives = [
            p
            for p in parses(text[word.start : word.end].casefold(), self.morph_language)
            if p.tag.POS == "ADJF"
        ]
        nouns = [
            p
            for p in parses(text[noun.start : noun.end].casefold(), self.morph_language)
            if p.tag.POS == "NOUN" and not {"Name", "Surn", "Patr"} & p.tag.grammemes
        ]
        return any(
            a.tag.case == n.tag.case and a.tag.number == n.tag.number
            for a in adjectives
            for n in nouns
        )

    def _noun_of_longer_name(self, c: Candidate) -> bool:
        """Is the one Cyrillic word the noun of a longer name whose capitalised adjective comes
        right before it ("біля Старих Тернів", "у Нових Санжарах")? The whole name is another
        place, one the gazetteer lacks (it would have matched both words), so the noun alone
        names a namesake. A point of the compass only narrows the place ("Північна Салтівка"
        is part of Saltivka, "Западная Украина" of Ukraine), so it is not among the words."""
        t, text = self.tokens, self.text
        if (
            c.j - c.i != 1
            or not c.i
            or c.descriptor
            or c.hint
            or c.matched_by is not MatchedBy.NAME
        ):
            return False
        adjective, noun = t[c.i - 1], t[c.i]
        if (
            not adjective.cap
            or adjective.para != noun.para
            or text[adjective.end : noun.start] != " "
            or not has_cyrillic(adjective.key)
        ):
            return False
        lemmas = {
            p.normal_form
            for p in parses(text[adjective.start : adjective.end].casefold(), self.morph_language)
            if p.tag.POS == "ADJF"
        }
        return bool(lemmas & NAME_ADJECTIVES)

    def _head_of_compound(self, c: Candidate) -> bool:
        """Is the Latin name the head of a hyphenated name whose capitalised tail no gazetteer
        knows ("Tsagaan-Uul"), or that a descriptor follows ("Bayan-Olgii province", though
        Olgii is a town too), or the Cyrillic head of one whose tail is an adjective? The
        compound is another place's name. Two places joined by a hyphen ("the Kharkiv-Kyiv
        train") are both kept."""
        t, text = self.tokens, self.text
        if c.j >= len(t):
            return False
        tail = t[c.j]
        if text[c.end : tail.start] not in ("-", "‐", "‑") or not tail.cap:
            return False
        if has_cyrillic(text[c.start : c.end]):
            # "Новгород-Сіверську громаду": a compound adjective the gazetteer did not read
            # whole (a town's, in a case it lacks); its head alone is another town. "Москва-
            # Сити", "Харків-Київ" end in a noun and keep the head.
            word = text[tail.start : tail.end].casefold()
            return tail.key not in self.ix.names and any(
                p.tag.POS == "ADJF" for p in parses(word, self.morph_language)
            )
        unknown = tail.key not in self.ix.names and tail.key not in self.ix.prefixes
        return unknown or bool(self._descriptor_at(c.j + 1, AFTER))

    def _small_by_other_name(self, c: Candidate) -> bool:
        """A Cyrillic word that reaches only a small town, and only through another name of it
        (an old name, an alias), not after "в", "під"… nor in a list: a river, a person or a
        thing of that name is likelier than the village ("набережной Ангары" is the river, not
        Perevalne in Crimea, once Angara). A city is meant by its old name too ("Днепропетровск"),
        unless that name is a person's ("коктейлі Молотова": Molotov, not Perm, so named in
        1940-57; "Калинин", "Куйбышев")."""
        if c.j - c.i != 1 or self._after_locative(c.i) or self._listed(c):
            return False
        nominative = known_nominative(self._query(c), self.ix.gazetteer, self.morph_language)
        place = self.ix.lookup(nominative).place
        return (
            place is not None
            and place.kind == "town"
            and not similar_names(place.name, nominative)
            and (
                place.population < CITY_POPULATION
                or may_be_person(self._query(c), self.morph_language)
            )
        )

    def _country(self, c: Candidate) -> bool:
        """A Cyrillic acronym that is a country's or a region's name ("США", "ДНР", "ЛНР"):
        Russian and Ukrainian write it as a noun, the place itself ("власти ДНР", "в ЛНР").
        Latin ones ("UK and US officials") are left alone, as English writes them before a
        noun, for the government."""
        if not has_cyrillic(self.text[c.start : c.end]):
            return False
        place = self.ix.lookup(self._query(c)).place
        return place is not None and place.kind in ("country", "region")

    def _abroad(self, c: Candidate) -> bool:
        place = self.ix.lookup(self._query(c)).place
        return place is not None and place.kind == "town" and not place.romanised

    def _listed(self, c: Candidate, people: bool = False) -> bool:
        """In a list with another name: "Perm and Chop", "Chop, Uzhhorod". With `people`, a
        name that is a person's too does not count: "Nikita, Ivan and the others" are men."""
        t, n = self.tokens, len(self.tokens)
        for k, step in ((c.i - 1, -1), (c.j, 1)):
            if 0 <= k < n and t[k].key in LIST_WORDS:
                k += step
            if (
                0 <= k < n
                and t[k].para == t[c.i].para
                and self._name_beside(k, step)
                and not (people and is_person_name(t[k].key))
            ):
                a, b = (t[k], t[c.i]) if step < 0 else (t[c.j - 1], t[k])
                gap = self.text[a.end : b.start]
                if gap.strip() and LIST_GAP.match(gap):
                    return True
        return False

    def _listed_after_locative(self, c: Candidate) -> bool:
        """Is the one-word name the last of a list of capitalised Cyrillic words that a
        preposition meaning "near" begins ("біля Греківки і Торського", "в районах Терен, Греківки
        та Торського")? The list is one of places even where the gazetteer lacks the others,
        so the name is not the common word it also spells. Each item here is one word."""
        t, text = self.tokens, self.text
        i = c.i
        for _ in range(LIST_REACH):
            k = i - 1
            if k >= 0 and t[k].key in LIST_WORDS:
                k -= 1
            if k < 0 or t[k].para != t[i].para or not t[k].cap or not has_cyrillic(t[k].key):
                return False
            gap = text[t[k].end : t[i].start]
            if not (gap.strip() and LIST_GAP.match(gap)):
                return False
            if k and t[k - 1].key in NEAR_LIST_START and self._after_locative(k):
                return True
            i = k
        return False

    def _name_beside(self, k: int, step: int) -> bool:
        """Does a capitalised gazetteer name end (step -1) or begin (step 1) at token k? Of
        several words too: "з Часового Яру й Сіверська" is a list as "з Торецька й Сіверська"."""
        t, text = self.tokens, self.text
        for m in range(self.ix.max_tokens):
            lo, hi = (k - m, k + 1) if step < 0 else (k, k + m + 1)
            if lo < 0 or hi > len(t):
                return False
            inner = lo if step < 0 else hi - 2  # the pair of words the name grew by
            if m and not joinable(text, t[inner], t[inner + 1], False):
                return False
            if t[lo].cap and " ".join(tok.key for tok in t[lo:hi]) in self.ix.names:
                return True
        return False

    def _nature(self, c: Candidate) -> bool:
        """A river, lake or sea named like a town: "the Dnipro river", "the Sea of Azov"."""
        t = self.tokens
        before = " ".join(tok.key for tok in t[max(c.i - 2, 0) : c.i]).split(" ")
        after = t[c.j].key if c.j < len(t) and t[c.j].para == t[c.i].para else ""
        # "across the Dnipro", "the Siverskyi Donets": the article before a river's name, or a
        # feature's name that runs on past this one (lookup decides, by its own cues)
        lead = "the " if before[-1:] == ["the"] else ""
        following = [tok.key for tok in t[c.j : c.j + 2] if tok.para == t[c.i].para]
        for n in range(0 if lead else 1, len(following) + 1):
            phrase = " ".join([self._query(c), *following[:n]])
            if self.ix.physical_feature(lead + phrase):
                return True
        # Cyrillic: the words before say it ("вздовж Дніпра", "Сіверського Дінця"); see features.py
        k = c.i
        while (
            has_cyrillic(self._query(c))
            and k > c.i - 3
            and k
            and joinable(self.text, t[k - 1], t[k], False)
        ):
            k -= 1
            # the words' nominatives, read already: "атаковал Старый Оскол" is the town
            nominative = " ".join(tok.key for tok in t[k : c.j])
            if self.ix.physical_feature(self.text[t[k].start : c.end], nominative):
                return True
        if (
            c.i
            and c.j - c.i == 1
            and t[c.i - 1].key == "на"
            and has_cyrillic(self._query(c))
            and joinable(self.text, t[c.i - 1], t[c.i], False)
            and self._river_s_name(c)
        ):
            # "на Дніпрі", "на Осколі", "на Десне": on a river; a town of the name is "у Дніпрі"
            return True
        if c.i and has_cyrillic(self._query(c)) and joinable(self.text, t[c.i - 1], t[c.i], False):
            # "реки Печоры", "на озере Ханка": the word for the feature before its name
            word = self.text[t[c.i - 1].start : t[c.i - 1].end].casefold()
            if self._lemma(word) in NATURE_BEFORE:
                query = known_nominative(self._query(c), self.ix.gazetteer, self.morph_language)
                place = self.ix.lookup(query).place
                return place is None or place.kind in ("town", "checkpoint")
        if not (
            after in NATURE
            or before[-1:] in (["river"], ["lake"], ["mount"])
            or (len(before) == 2 and before[0] in NATURE and before[1] == "of")
        ):
            return False
        place = self.ix.lookup(self._query(c)).place
        return place is None or place.kind in ("town", "checkpoint")

    def _river_s_name(self, c: Candidate) -> bool:
        """Is the name, in the nominative, a river's as written bare ("Дніпро", "Оскіл") and
        otherwise a town's? A region named after its river is the region: "на Кубани"."""
        features = self.ix.gazetteer.features
        if features is None:
            return False
        nominative = known_nominative(self._query(c), self.ix.gazetteer, self.morph_language)
        feature = features.bare_feature(normalize(nominative))
        if feature is None or feature.type != "river":
            return False
        place = self.ix.lookup(nominative).place
        return place is None or place.kind == "town"

    def _after_locative(self, i: int, the: bool = True) -> bool:
        """Does a preposition of place come right before the name at token i ("in Nikita",
        "в Лазареве")? Not one that means "with" or names a source there."""
        t = self.tokens
        k = i - 1 if i and (t[i - 1].key != "the" or not the) else i - 2
        # the word as written: a sentence's first word may carry the nominative the reader
        # guessed for it ("Из" read as a noun "изы")
        written = self.text[t[k].start : t[k].end].casefold() if k >= 0 else ""
        preposition = written if written in LOCATIVES else t[k].key if k >= 0 else ""
        if not (
            k >= 0
            and t[k].para == t[i].para
            and (
                preposition in LOCATIVES
                or t[k].key in GENITIVE_OF_PLACE  # "з боку Дворічної", "в районі Борової"
                # "out of Borova", "north of Izium", "the outskirts of Kupiansk"
                or (t[k].key == "of" and k > 0 and t[k - 1].key in BEFORE_OF)
                # "the battle for Bakhmut", "the assault on Lyman"
                or (t[k].key in BEFORE_FOR_ON and k > 0 and t[k - 1].key in BEFORE_FOR_ON[t[k].key])
            )
            and not self.text[t[k].end : t[i].start].strip(" the\n")
        ):
            return False
        word_before = t[k - 1].key if k and t[k - 1].para == t[k].para else ""
        if preposition == "по" or preposition in GENITIVE_OF_PLACE_OR_PERSON:
            # "удар по Дворічній", "з боку Дворічної"; but "санкції по Коломойському", "з боку
            # Кличка", "центру Шептицького": a person's as often, so only for a word no one
            # is named
            written = self.text[t[i].start : t[i].end]
            return not any(may_be_person(written, lang) for lang in languages_for(written))
        if preposition in ("to", "from"):
            # "according to Batina", "a letter from Ostina": a source or an addressee
            return word_before not in NOT_OF_PLACE
        if preposition in WITH_PREPOSITIONS:  # "вместе с Лазаревым": with a man
            found = parses(self.text[t[i].start : t[i].end].casefold(), self.morph_language)
            return not (found and found[0].tag.case == "ablt")
        if preposition in FROM_PREPOSITIONS:  # "в 20 км от Курска", "от Москвы до Читы"
            return (
                word_before in DISTANCE_WORDS
                or word_before.isdigit()
                or any(tok.key == "до" and tok.para == t[i].para for tok in t[i + 1 : i + 4])
            )
        return True

    def _resolve(self, c: Candidate) -> Mention:
        t, ix = self.tokens, self.ix
        if c.country:
            country = ix.gazetteer.get(c.country)
            place: Place | None = country
            confidence = 0.7
            query = country.name
            match = Match(query, place)  # named by the country's own adjective: nothing to weigh
        else:
            query = self._query(c)
            if has_cyrillic(query):  # the nominative the gazetteer knows: what a draft writes
                query = known_nominative(query, ix.gazetteer, self.morph_language)
            match = ix.lookup(query)
            place = match.place
            if place is None and match.needs_context and self._after_locative(c.i):
                place = match.alternatives[0]  # "moved to Zhdanov": the context a name lacks
            if (
                place is not None
                and place.kind == "town"
                and place.population >= CITY_POPULATION
                and self._after_settlement_noun(c, VILLAGE_NOUNS)
            ):
                # "село Кам'янське": a village the gazetteer may lack, not the city of Kamianske
                match = Match(
                    query,
                    None,
                    suggestions=(describe(place, ix.gazetteer),),
                    reason=(
                        f"the article names a village; the gazetteer's {place.name} is a city "
                        f"of {place.population:,} people, and it may lack the village"
                    ),
                )
                place = None
            region = self._region_by_on(c, place, query)
            if region is not None:
                place, query = region, region.name
            # how far the rule that proposed the name is trusted, before the evidence around
            # it; a list's shared descriptor vouches for its members, whatever proposed them
            if c.in_list:
                confidence = 0.9
            elif c.matched_by is MatchedBy.SPELLING_VARIANT:
                confidence = 0.75
            elif c.matched_by in UNKNOWN_NAMES:  # no gazetteer knows the name
                confidence = 0.6
            else:
                confidence = 0.9
            confidence += 0.05 * bool(c.descriptor) + 0.05 * bool(c.hint) - 0.05 * t[c.i].initial
            written_key = " ".join(tok.key for tok in t[c.i : c.j])
            if written_key in COMMON_WORDS or written_key in ix.common:
                confidence -= 0.15
            if place and any(
                p.kind == place.kind
                and normalize(p.name) == normalize(place.name)
                and p.romanised == place.romanised  # a St. Petersburg in Florida is no rival
                for p in match.alternatives
            ):
                confidence -= 0.1  # another place of the same name and kind
        reason = "" if place else match.reason
        if c.other_kind:
            query = self.text[c.start : c.end]
            match = self._named_after(c, query, place)
            place, reason = None, match.reason
        sentence = self.sentences[bisect_right(self.sentence_starts, c.start) - 1]
        suggestions = (
            ()
            if place
            else (
                match.suggestions
                or tuple(describe(p, ix.gazetteer) for p in match.alternatives)
                or (ix.gazetteer.suggestions_for(match.query) if match.not_found else ())
            )
        )
        return Mention(
            c.start,
            c.end,
            self.text[c.start : c.end],
            query,
            place,
            round(min(max(confidence, 0.05), 0.99), 2),
            c.matched_by,
            t[c.i].para + 1,
            sentence,
            suggestions,
            reason,
            descriptor=c.descriptor,
            written=c.written,
            in_list=c.in_list,
            hint=c.hint,
            hint_kind=c.hint_kind,
            cue=c.cue,
            other_kind=c.other_kind,
        )
