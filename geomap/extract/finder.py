"""The rules that find places in an article's tokens: the longest gazetteer names, then
descriptors, lists, hints in brackets, adjectives and common words; every name resolved by
`Gazetteer.lookup`, so extraction and `geomap geocode` agree."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right

from ..gazetteer import Gazetteer, Match, Place, default_gazetteer, describe
from ..gazetteer.features import CITY_POPULATION
from ..gazetteer.lookup import MAX_ALTERNATIVES
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
from ..gazetteer.normalize import normalize
from .article import Article
from .index import NameIndex, index_for
from .language import detect_language, read_nominative
from .namesakes import weigh_namesakes
from .persons import (
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
    AUXILIARIES,
    BEFORE,
    BEFORE_OF,
    CARDINAL_POINTS,
    CLOSING_BRACKET,
    COMMON_WORDS,
    CROSSINGS_BEFORE,
    DEMONYMS,
    DISTANCE_WORDS,
    FORMER,
    FROM_PREPOSITIONS,
    FUNCTION_WORDS,
    GENITIVE_OF_PLACE,
    GENITIVE_OF_PLACE_OR_PERSON,
    HONORIFICS,
    LAND_NOUNS,
    LIST_GAP,
    LIST_WORDS,
    LOCATIVES,
    MODIFIERS,
    MONTHS,
    NATURE,
    NATURE_BEFORE,
    NEAR,
    NOT_AFTER_NEAR,
    NOT_LAND_AFTER,
    NOT_OF_PLACE,
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
    OVER_A_PERSON,
    PERSON_NOUNS_CYRILLIC,
    PERSON_PREDICATES,
    PLURALS,
    SETTLEMENT_NOUNS,
    SHIP_VERBS,
    SPEECH_VERBS,
    SPEECH_VERBS_CYRILLIC,
    STOPWORDS,
    STREET_STARTS,
    STREETS,
    SUBJECT_NOT_AFTER,
    TITLES,
    UNIT_MEMBERS,
    UNITS_AFTER,
    VESSELS_BEFORE,
    VILLAGE_NOUNS,
    WITH_PREPOSITIONS,
)

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
# Parts of speech that name nothing (pymorphy3's tags): a sentence's first word read so is no place.
FUNCTION_POS = frozenset(["CONJ", "PREP", "PRCL", "NPRO", "ADVB", "INTJ", "PRED", "COMP"])
# How Russian and Ukrainian name a region after its centre, in any case: Рівненщина,
# на Белгородчине, з Хмельниччини (normalised: no soft sign).
REGION_SUFFIX = re.compile(r"([щч])ин(а|и|ы|і|е|у|ой|ою|еи|ей)$")
REGION_SUFFIX_WRITTEN = re.compile(r"[щчЩЧ][иИ][нН][а-яА-ЯіІ]{1,2}$")
# How far back a list of crossings' names may run to its plural noun, in tokens.
CROSSING_LIST_TOKENS = 8
# Places that decide an ambiguous name by context are those found with at least this confidence.
CONTEXT_CONFIDENCE = 0.8


def extract(article: Article | str, gazetteer: Gazetteer | None = None) -> Extraction:
    """Every place mention of the article's report, resolved by the gazetteer."""
    if isinstance(article, str):
        article = Article.from_text(article)
    return _Finder(article, index_for(gazetteer or default_gazetteer())).run()


class _Finder:
    """One pass over one article: candidates, then the rules that keep, join or drop them."""

    def __init__(self, article: Article, index: NameIndex):
        self.article, self.text = article, article.text
        self.tokens, self.sentences = tokenize(article)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.language = detect_language(self.text)
        self.ix = index.in_language(self.language)
        if self.language in ("ru", "uk", "mixed") or has_cyrillic(self.text):
            read_nominative(self.tokens, self.text, self.language, self.ix)
        # the dictionary that reads this text's Cyrillic words
        self.morph_language = "uk" if self.language == "uk" else "ru"
        self._lowercase: set[str] | None = None  # the words the text writes in lowercase
        self._vessels: frozenset | None = None  # the quoted names of ships, once read

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
        starts = [tok.start for tok in self.tokens]
        everything = sorted(mentions + unresolved, key=lambda m: m.start)
        kept, doubted = list(mentions), list(unresolved)
        for n, m in enumerate(everything):
            k = bisect_right(starts, m.start) - 1
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
            if m.other_kind or match.place or match.not_found or match.feature or len(shared) < 2:
                return m
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
        return dataclasses.replace(
            m,
            query=f"{m.query} ({hint})",
            place=place,
            confidence=round(m.confidence - 0.15, 2),
            suggestions=(),
            reason="",
            hint=hint,
            hint_kind="region in context",
        )

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
        return dataclasses.replace(
            m,
            query=query,
            place=town,
            confidence=round(m.confidence - 0.15, 2),
            suggestions=(),
            reason="",
            hint=hint,
            hint_kind="its own name",
        )

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
                return dataclasses.replace(
                    m,
                    query=query,
                    place=inside[0],
                    confidence=round(m.confidence - 0.15, 2),
                    suggestions=(),
                    reason="",
                    hint=hint,
                    hint_kind=f"{kind} in context",
                )
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
        return self.text[c.start : c.end]

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
        if self._street(c):
            return False  # "вулицю Покровську", "на Московской улице", "проспект Победы"
        if self._before_administration(c):
            return False  # "Дніпропетровська ОВА": the oblast's administration, an institution
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
        if joinable(text, t[c.j - 1], t[c.j], False) and t[c.j].key in UNITS_AFTER:
            return True
        if text[t[c.j - 1].end : t[c.j].start].strip(" »\"”'"):
            return False  # «"Москва" затонула»: a closing quotation mark may come between
        k = c.j + 1 if t[c.j].key in AUXILIARIES and c.j + 1 < len(t) else c.j  # "was sunk"
        word = text[t[k].start : t[k].end].casefold()
        return self._lemma(word) in SHIP_VERBS

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
            if c.j - c.i != 1 or self._after_locative(c.i) or self._listed(c):
                return False  # "в Никите", "в Лазареве и Орлове": places
            if surname_like(written, lang) and (
                (
                    after is not None
                    and not after.cap
                    and self._token_lemma(after) in SPEECH_VERBS_CYRILLIC
                    # the verb's subject: "Королёв заявил", not "жители Королёва заявили"
                    and is_nominative(written, lang)
                )
                or (before is not None and self._token_lemma(before) in PERSON_NOUNS_CYRILLIC)
            ):
                # "Королёв заявил", "по словам Королёва", "адвокат Королёва": a man, whatever
                # the size of the town
                return True
            if (
                before is not None
                and before.key in FROM_PREPOSITIONS | WITH_PREPOSITIONS
                and may_be_person(written, lang)
            ):
                # "письмо от Королёва", "вместе с Королёвым": a sender, a companion ("вместе с
                # Харьковом" is a place: the dictionary knows no such surname)
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
        if c.j - c.i == 1 and before is not None and before.cap and before.key in HONORIFICS:
            return True  # "Ms Kurskaya", "Judge Smolensky": whether or not the list knows the name
        if c.j - c.i != 1 or not is_person_name(key):
            return False
        if before is not None and before.key in TITLES:
            return True
        # the subject of the verb after it, unless a preposition puts the name in a phrase
        # ("people in Kirov said", "protesters from Kirov were detained")
        subject = before is None or before.key not in SUBJECT_NOT_AFTER
        if subject and after is not None and after.key in SPEECH_VERBS:
            return True  # "Korolev said": a man, whatever the size of the town of his name
        if subject and self._done_to_a_person(c):
            return True  # "Korolev was detained", "Kirov, 45,": a man too
        if any(
            tok is not None
            and tok.cap
            and not tok.upper
            and is_person_name(tok.key)
            and tok.key not in STOPWORDS
            for tok in (before, after)
        ):
            return True
        match = self.ix.lookup(self._query(c))
        place = match.alternatives[0] if match.needs_context else match.place
        if place is None:
            # "Makarov said": a surname that several small towns share is the man, unless the
            # text says it is a place; context would otherwise pick one of the towns
            return bool(
                match.alternatives
                and not (self._after_locative(c.i) or self._listed(c, people=True))
                and all(needs_context(p, written) for p in match.alternatives)
            )
        name = text[c.start : possessive[2] if possessive else c.end]
        if reached_by_other_name(place, name, c.matched_by is MatchedBy.SPELLING_VARIANT):
            return not self._after_locative(c.i)  # "Molotov" is Perm only "in Molotov"
        if self._after_locative(c.i) or self._listed(c, people=True):
            return False
        return needs_context(place, written)

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
        following = parses(word.casefold(), language)
        if word.casefold() in LOCATIVES or (following and following[0].tag.POS in FUNCTION_POS):
            # "через Шевченкове до Харкова": a preposition, though pymorphy3 reads "до" first
            # as a noun (the note), agrees with nothing
            return False
        # a lowercase word is no name: pymorphy3 also reads "українець" as an indeclinable
        # surname, in every case and gender, which agreed with "у Брянську" read as "брянську"
        nouns = [
            p.tag
            for p in parses(word, language)
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
            # no reading as anyone's or anywhere's name: "Олена" may read as a genitive too
            and not any({"Name", "Surn", "Patr", "Geox"} & p.tag.grammemes for p in readings)
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
        Perevalne in Crimea, once Angara). A city is meant by its old name too ("Днепропетровск"):
        the rule is for towns smaller than a city."""
        if c.j - c.i != 1 or self._after_locative(c.i) or self._listed(c):
            return False
        nominative = known_nominative(self._query(c), self.ix.gazetteer, self.morph_language)
        place = self.ix.lookup(nominative).place
        return (
            place is not None
            and place.kind == "town"
            and place.population < CITY_POPULATION
            and not similar_names(place.name, nominative)
        )

    def _country(self, c: Candidate) -> bool:
        """A Cyrillic acronym that is a country's name ("США"): Russian and Ukrainian write it
        as a noun, the country itself. Latin ones ("UK and US officials") are left alone, as
        English writes them before a noun, for the government."""
        if not has_cyrillic(self.text[c.start : c.end]):
            return False
        place = self.ix.lookup(self._query(c)).place
        return place is not None and place.kind == "country"

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
        if not (
            k >= 0
            and t[k].para == t[i].para
            and (
                t[k].key in LOCATIVES
                or t[k].key in GENITIVE_OF_PLACE  # "з боку Дворічної", "в районі Борової"
                # "out of Borova", "north of Izium", "the outskirts of Kupiansk"
                or (t[k].key == "of" and k > 0 and t[k - 1].key in BEFORE_OF)
            )
            and not self.text[t[k].end : t[i].start].strip(" the\n")
        ):
            return False
        preposition = t[k].key
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
