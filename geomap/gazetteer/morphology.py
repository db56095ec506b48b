"""Russian and Ukrainian word forms: "в Томске", "у Сумській області" name Tomsk and Sumy Oblast.

The gazetteer knows names in the nominative. Cyrillic text inflects them (six cases in Russian,
seven in Ukrainian), so a name is turned back into its nominative forms with pymorphy3 and its
ru and uk dictionaries before it is looked up. Each word keeps the gender and number its parse
gives it, so an adjective stays agreed with its noun ("Курской области" → "курская область",
"Нової Каховки" → "нова каховка").

The analysers are loaded on first use only (about 0.25 s and 35 MB for Russian, 0.1 s for
Ukrainian), so English text and Latin-script lookups never pay for them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Letters only one of the two languages writes: the cheapest and surest evidence of language.
UKRAINIAN_LETTERS = frozenset("іїєґ")
RUSSIAN_LETTERS = frozenset("ыэъё")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
# Tags of people's names in both dictionaries (OpenCorpora's grammemes).
PERSON_TAGS = frozenset(["Name", "Surn", "Patr"])
# Words of a compound name that never inflect: "Ростов-на-Дону", "Комсомольск-на-Амуре".
_LINKS = frozenset(["на", "над", "под", "при", "у", "в"])
# Prepositions of place and direction before a name, Russian and Ukrainian.
PREPOSITIONS = frozenset(
    [
        "в",
        "во",
        "у",
        "на",
        "под",
        "подо",
        "из",
        "изо",
        "с",
        "со",
        "от",
        "около",
        "возле",
        "близ",
        "под",
        "до",
        "к",
        "ко",
        "через",
        "з",
        "із",
        "зі",
        "зо",
        "від",
        "під",
        "біля",
        "поблизу",
        "поряд",
        "коло",
        "до",
        "через",
    ]
)
MAX_FORMS = 8  # combinations of word forms tried per phrase and word; names are short
MAX_PARSES = 6  # readings of a word considered: past these, pymorphy3's guesses are unlikely
MAX_SAMPLE = 200  # Cyrillic words read to tell Russian from Ukrainian: plenty, and bounded
# The dictionaries spell the Ukrainian apostrophe U+0027; texts write ’ (U+2019) or ʼ (U+02BC)
# as often, and "Куп’янська" read so is only an adjective, not Kupiansk's genitive.
APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
# Ukrainian endings of neuter town names whose Russian spelling ends in -о instead:
# Шебекине/Шебекино, Глушкове/Глушково, Тьоткіне/Тьоткіно.
_RUSSIAN_NEUTER = ("ине", "іне", "ове", "еве", "єве")
# A Russian short possessive adjective in an oblique case: its nominative is the stem.
_POSSESSIVE_CASES = re.compile(r"^(\w+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом)$")
# The stems of a Ukrainian -ів/-їв name in its other cases: Любешів/Любешова, Тячів/Тячева,
# Київ/Києва.
_IV_STEMS = ("ов", "ев", "єв")


def has_cyrillic(text: str) -> bool:
    return bool(CYRILLIC.search(text))


@cache
def analyzer(language: str):
    """The pymorphy3 analyser of `language` ("ru" or "uk"), loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


@lru_cache(maxsize=1 << 15)  # asked of each word read, again for each phrase around it
def languages_for(text: str, language: str | None = None) -> tuple[str, ...]:
    """The dictionaries to try, the likelier first. A word with a letter only one language
    writes is read by that language's dictionary alone, whatever the text: the other's has no
    word with that letter, and could only guess from the ending. Otherwise a text in
    one language (`language` "ru" or "uk") is read by its own dictionary alone (Ukrainian case
    rules for Ukrainian text, issue 14), unless a word of it is one the other dictionary knows
    and its own does not (a Russian quotation in a Ukrainian article: "в Брянске"). The other
    dictionary's guesses from a word's ending are not asked for: slow, and seldom a place. A
    single name, or a mixed text, is read by both, Russian first."""
    lower = text.casefold()
    letters = set(lower)
    if letters & UKRAINIAN_LETTERS:
        return ("uk",)  # a Ukrainian word in any text
    if letters & RUSSIAN_LETTERS:
        return ("ru",)  # a Russian word in any text
    if language in ("ru", "uk"):
        other = "uk" if language == "ru" else "ru"
        if any(
            not is_known(word, language) and is_known(word, other) for word in _WORD.findall(lower)
        ):
            return (other, language)
        return (language,)
    return ("ru", "uk")


@lru_cache(maxsize=1 << 15)
def is_known(word: str, language: str) -> bool:
    """Is the word in the dictionary (not a guess from its ending)? Lowercase words only."""
    return analyzer(language).word_is_known(word.translate(APOSTROPHES))


@lru_cache(maxsize=1 << 15)
def parses(word: str, language: str) -> tuple:
    """pymorphy3's parses of one word, best first."""
    return tuple(analyzer(language).parse(word.translate(APOSTROPHES)))


def word_forms(word: str, language: str) -> tuple[tuple, ...]:
    """The nominative forms one word may stand for, lowercase, likelier first, each with the
    gender, number and part of speech of its parse: the word's own kept ("Курской" → "курская", feminine),
    geographical names (tag Geox) first."""
    # one answer for "Томске" and "томске": the finder asks with capitals, features without
    return _word_forms(word.casefold(), language)


@lru_cache(maxsize=1 << 12)
def _grammar(tag, language: str) -> tuple:
    """(geographical name, part of speech, case, gender, number, Latin, indeclinable) of a
    pymorphy3 tag:
    pymorphy3 works each out again on every access, and a dictionary's few thousand tags come
    back word after word."""
    grammemes = tag.grammemes
    return (
        "Geox" in grammemes,
        tag.POS,
        tag.case,
        tag.gender,
        tag.number,
        "LATN" in grammemes,
        "Fixd" in grammemes,
    )


@lru_cache(maxsize=1 << 15)
def _word_forms(lower: str, language: str) -> tuple[tuple, ...]:
    if lower in _LINKS or not has_cyrillic(lower):
        # a word with no Cyrillic letter is in neither dictionary: pymorphy3 reads it as Latin,
        # a number or unknown, none of them a noun or adjective here, so it is its own form;
        # said before asking pymorphy3 (the feature index asks of every word of a phrase)
        return ((lower, None, None, None),)
    ranked = sorted(
        ((p, _grammar(p.tag, language)) for p in parses(lower, language)),
        key=lambda reading: (not reading[1][0], -reading[0].score),
    )  # stable: ties keep pymorphy3's own order
    forms: dict[str, tuple] = {}
    considered, indeclinable = 0, set()
    for p, (_, pos, case, gender, number, latin, fixed) in ranked:
        if fixed:
            # an indeclinable word has a reading for each case, all one form: counted once,
            # or the surname "Малій" fills the readings before "мала" ("у Малій Токмачці")
            if (p.normal_form, pos, gender) in indeclinable:
                continue
            indeclinable.add((p.normal_form, pos, gender))
        considered += 1
        if considered > MAX_PARSES:
            break
        if pos not in ("NOUN", "ADJF", "PRTF") or latin:
            continue
        if case == "nomn":
            form = p.word
        elif pos == "NOUN" and number != "plur":
            form = p.normal_form  # a noun's dictionary form is its nominative singular
        else:  # an adjective keeps its gender ("курская"), a plural noun its number ("сумы")
            form = _nominative_of(p) or p.normal_form
        # a noun heads the phrase (its gender is what adjectives agree with); an adjective
        # carries the gender it agrees in
        if form not in forms or pos == "ADJF":  # an adjective's reading: it agrees
            forms[form] = (form, gender, number, pos)
    if "-" in lower:
        # a compound the dictionary does not know, or inflects only at its end
        # ("Каменске-Уральском"): inflect its parts too, keeping the linking words ("на") and
        # what follows them as written
        parts = lower.split("-")
        if any(part in _LINKS for part in parts[1:]):
            link = next(k for k, part in enumerate(parts) if k and part in _LINKS)
            for head, *grammar in word_forms("-".join(parts[:link]), language)[:2]:
                form = "-".join([head, *parts[link:]])
                forms.setdefault(form, (form, *grammar))
        else:
            per_part = [word_forms(part, language)[:2] for part in parts]
            for combo in list(product(*per_part))[:4]:
                form = "-".join(f[0] for f in combo)
                forms.setdefault(form, (form, *combo[-1][1:]))
    if language == "ru":
        # A name whose first word is a short possessive adjective ("Часов Яр", "Петров Вал")
        # declines it as a noun (Часова, Часову, Часовым, Часовом), which the dictionary reads
        # as the full adjective ("часовой"): its short nominative is a later reading.
        possessive = _POSSESSIVE_CASES.match(lower)
        if possessive:
            form = possessive.group(1)
            forms.setdefault(form, (form, "masc", "sing", "ADJF"))
    if language == "uk":
        # A Ukrainian town in -ів/-їв has -ов-/-ев-/-єв- in its other cases ("під Любешовом",
        # "Тячева", "Києва"): where the dictionary does not know the town, its reading keeps
        # the stem's vowel, and the nominative is the -ів/-їв form.
        for form, *grammar in list(forms.values()):
            if grammar[2] == "NOUN" and grammar[0] == "masc" and form.endswith(_IV_STEMS):
                alternated = form[:-2] + ("їв" if form.endswith("єв") else "ів")
                forms.setdefault(alternated, (alternated, *grammar))
        # Ukrainian writes Russia's neuter towns as adjectives in -е ("Шебекине", "у
        # Глушковому"): their Russian names end in -о ("Шебекино", "Глушково"), the only
        # name the gazetteer has of most villages across the border. A later reading: a
        # Ukrainian name the gazetteer holds comes first.
        for form, *grammar in list(forms.values()):
            if grammar[0] == "neut" and form.endswith(_RUSSIAN_NEUTER):
                forms.setdefault(form[:-1] + "о", (form[:-1] + "о", *grammar))
    # a word no dictionary inflects is its own form
    forms.setdefault(lower, (lower, None, None, None))
    return tuple(forms.values())


_NOMINATIVE = frozenset(["nomn"])


@cache
def _units() -> tuple:
    """pymorphy3's ways of reading a word that keep its dictionary paradigm: the dictionary
    itself, a prefix before a known word, a known ending."""
    from pymorphy3.units import (  # imported with the analysers already: no cost of its own
        DictionaryAnalyzer,
        KnownPrefixAnalyzer,
        KnownSuffixAnalyzer,
        UnknownPrefixAnalyzer,
    )

    return DictionaryAnalyzer, (KnownPrefixAnalyzer, UnknownPrefixAnalyzer), KnownSuffixAnalyzer


@lru_cache(maxsize=1 << 14)
def _nominative_slots(words, para_id: int) -> tuple[tuple[int, frozenset], ...]:
    """The places of a dictionary paradigm's nominative forms, each with its grammemes: the
    forms a word of that paradigm may be turned into."""
    paradigm = words.paradigms[para_id]
    size = len(paradigm) // 3  # a paradigm is its suffixes, then its tags, then its prefixes
    slots = ((k, words.gramtab[paradigm[size + k]].grammemes) for k in range(size))
    return tuple((k, grammemes) for k, grammemes in slots if "nomn" in grammemes)


def _nominative_of(p) -> str | None:
    """The word of p's lexeme in the nominative that agrees best with p, or None: the answer of
    `p.inflect({"nomn"})`. pymorphy3 builds the whole lexeme (some thirty forms, each a Parse)
    to choose one; the paradigm's tags are enough to choose, and only the chosen form need be
    spelt. That was a third of the cost of reading Russian text (issue 14). A word the
    dictionary knows, or reads by analogy to one (a known ending, a prefix before a known
    word), has its paradigm at hand; any other takes pymorphy3's own way.
    tests/test_morphology.py checks that both ways agree over thousands of words."""
    dictionary, prefix, suffix = _units()
    stack = p.methods_stack
    prefixes = ""  # what prefix readings put before the dictionary word, outermost first
    for unit, *rest in stack[1:]:
        if isinstance(unit, prefix):
            prefixes = rest[0] + prefixes
        elif not isinstance(unit, suffix):  # it shapes the lexeme its own way
            stack = ()
            break
    if not stack or not isinstance(stack[0][0], dictionary):
        inflected = p.inflect(_NOMINATIVE)
        return inflected.word if inflected else None
    unit, _, para_id, idx = stack[0]
    words = unit.dict
    # not kept per tag: which cases pymorphy3 takes to exclude the nominative is state of its
    # tag class, and loading the other language's dictionary changes it
    wanted = p.tag.updated_grammemes(_NOMINATIVE)
    best, best_score = None, 0.0
    for k, grammemes in _nominative_slots(words, para_id):
        # pymorphy3's measure of agreement: shared grammemes, less a tenth of the others;
        # the first of equals wins, as there
        score = len(wanted & grammemes) - 0.1 * len(wanted ^ grammemes)
        if best is None or score > best_score:
            best, best_score = k, score
    if best is None:
        return None
    paradigm = words.paradigms[para_id]
    size = len(paradigm) // 3  # a paradigm is its suffixes, then its tags, then its prefixes
    stem = words.build_stem(paradigm, idx, p.word[len(prefixes) :])
    ending = words.suffixes[paradigm[best]]
    return prefixes + words.paradigm_prefixes[paradigm[2 * size + best]] + stem + ending


def word_nominatives(word: str, language: str) -> tuple[str, ...]:
    return tuple(f[0] for f in word_forms(word, language))


def nominative_keys(word: str, language: str) -> tuple[str, ...]:
    """`word_nominatives` as the gazetteer's keys (normalised), likelier first: what the
    finder and the feature index look up, worked out once for both."""
    return _nominative_keys(word.casefold(), language)


@lru_cache(maxsize=1 << 15)
def _nominative_keys(lower: str, language: str) -> tuple[str, ...]:
    from .normalize import normalize

    return tuple(normalize(form) for form, *_ in _word_forms(lower, language))


def nominatives(phrase: str, language: str | None = None) -> list[str]:
    """Nominative forms of a Cyrillic name, likelier first, written with the phrase's capitals:
    "Курской области" → ["Курская область", …]; "Ростова-на-Дону" → ["Ростов-на-Дону", …]."""
    return list(_nominatives(phrase, language))


@lru_cache(maxsize=1 << 14)
def _nominatives(phrase: str, language: str | None) -> tuple[str, ...]:
    # kept: the finder and lookup ask for the same phrase several times (to resolve it, to
    # weigh it as a person's name, to name its crossing)
    words = [m for m in _WORD.finditer(phrase)]
    if not words or not has_cyrillic(phrase):
        return ()
    out: list[str] = []
    for lang in languages_for(phrase, language):
        options = [
            word_forms(m.group(), lang)
            if has_cyrillic(m.group())
            else ((m.group(), None, None, None),)
            for m in words
        ]
        for combo in _combinations(options):
            form = _rebuild(phrase, words, combo)
            if form not in out:
                out.append(form)
    return tuple(out)


def _combinations(options: list) -> list[tuple[str, ...]]:
    """Readings of a phrase, likelier first: for each reading of its last word (the noun a
    name's adjectives go with), every other word in a form agreeing with it in gender and
    number ("Курская область", "Кривий Ріг", not "Криве Роза"); then one word varied at a
    time. Enough to find the agreed reading without trying every product of a long phrase."""
    out: list[tuple[str, ...]] = []
    others: list[tuple[str, ...]] = []  # another agreeing form of one word: "Часов Яр"
    for head, gender, number, _ in options[-1][:3]:
        firsts, seconds = [], []
        for forms in options[:-1]:
            agreeing = [f for f in forms if f[1] == gender and f[2] == number] if gender else []
            # an adjective before the noun, if one agrees: "Приморский край", not "Приморск"
            agreeing.sort(key=lambda f: f[3] != "ADJF")
            firsts.append((agreeing or forms)[0][0])
            seconds.append([f[0] for f in agreeing[1:3]])
        out.append((*firsts, head))
        others += [
            (*firsts[:k], form, *firsts[k + 1 :], head)
            for k, forms in enumerate(seconds)
            for form in forms
        ]
    out += others
    first = out[0]
    for k, forms in enumerate(options):
        for form, *_ in forms[1:]:
            out.append((*first[:k], form, *first[k + 1 :]))
    return list(dict.fromkeys(out))[: MAX_FORMS * len(options)]


def _rebuild(phrase: str, words: list, forms: tuple[str, ...]) -> str:
    """The phrase with each word replaced by its form, each part capitalised as written."""
    out, at = [], 0
    for m, form in zip(words, forms):
        out.append(phrase[at : m.start()])
        written, parts = m.group().split("-"), form.split("-")
        if len(written) == len(parts):
            parts = [p.capitalize() if w[:1].isupper() else p for w, p in zip(written, parts)]
        elif written[0][:1].isupper():
            parts[0] = parts[0].capitalize()
        out.append("-".join(parts))
        at = m.end()
    out.append(phrase[at:])
    return "".join(out)


def nominative_known(phrase: str, known, language: str | None = None) -> str | None:
    """The first nominative form of `phrase` for which `known(form)` is true, or None."""
    for form in nominatives(phrase, language):
        if form != phrase and known(form):
            return form
    return None


def is_person(word: str, language: str) -> bool:
    """A given name, patronymic or surname, and nothing else the dictionary knows: not a town
    ("Сергей", "Лазарев", "Волкова"); "Молотов" is also the plural of "молот", "Орёл" a bird."""
    lower = word.casefold()
    if not is_known(lower, language):
        return False  # a guess from the word's ending proves nothing
    found = [p for p in parses(lower, language) if p.tag.POS]
    return bool(found) and all(PERSON_TAGS & p.tag.grammemes for p in found)


def is_person_part(word: str, language: str) -> bool:
    """Read as a person's name first: the word beside a place name that makes it a person's
    ("Сергей Лазарев", "Наталья Волкова")."""
    lower = word.casefold()
    if not is_known(lower, language):
        return False
    found = parses(lower, language)
    return bool(found) and bool(PERSON_TAGS & found[0].tag.grammemes)


def has_place_reading(word: str, language: str) -> bool:
    """Does the dictionary know the word as a geographical name (Russian's tag Geox)?"""
    return any("Geox" in p.tag.grammemes for p in parses(word.casefold(), language))


def is_nominative(word: str, language: str) -> bool:
    """Is the word's likeliest reading a nominative ("Иванов" the surname, not "Иванова")?"""
    found = parses(word.casefold(), language)
    return bool(found) and found[0].tag.case == "nomn"


def may_be_person(word: str, language: str) -> bool:
    """Can the word be read as a name, patronymic or surname at all ("Лазарев", "Кирова"; not
    "Новосибирска")?"""
    lower = word.casefold()
    return is_known(lower, language) and any(
        PERSON_TAGS & p.tag.grammemes for p in parses(lower, language)
    )


def is_common_word(word: str, language: str | None = None) -> bool:
    """A word the Russian dictionary reads first as an ordinary word, not a geographical or
    personal name: "Мир" (world), "Бор" (pine forest), "Орёл" (eagle), where "Томск" is first a
    place. Such a name needs context, as "Bar" does in English. The Russian dictionary tags
    places (Geox), the Ukrainian one does not, so it judges words of both languages; a word it
    does not know ("Чернівці") is not common. In Ukrainian text (`language` "uk"), or of a
    word only the Ukrainian dictionary knows, that one can tell only what is no noun at all:
    "Мали" (they had) is a verb, not Mali; "Черги" is a noun, as "Київ" is, and stays a name."""
    lower = word.casefold()
    if (language == "uk" or not is_known(lower, "ru")) and is_known(lower, "uk"):
        best = parses(lower, "uk")[0].tag
        if best.POS not in (None, "NOUN") and not (PERSON_TAGS & best.grammemes):
            return True
    if not is_known(lower, "ru"):
        return False
    best = parses(lower, "ru")[0].tag
    return best.POS is not None and not ({"Geox", "Abbr", *PERSON_TAGS} & best.grammemes)


def detect_language(text: str) -> str:
    """ "ru", "uk", "en" (Latin script), "mixed", or "" for text with no letters.

    Each Cyrillic word votes: by a letter only one language writes (і ї є ґ Ukrainian, ы э ъ ё
    Russian), else by being known to one dictionary only. The minority above a quarter of the
    majority makes the text mixed, as do Latin and Cyrillic words each above a fifth.
    """
    words = _WORD.findall(text)
    cyrillic = [w for w in words if CYRILLIC.search(w)]
    latin = len(words) - len(cyrillic)
    if not words:
        return ""
    if len(cyrillic) < 0.2 * len(words):
        return "en" if latin else ""
    if latin > 0.2 * len(words):
        return "mixed"
    uk = ru = 0
    for word in (w.casefold() for w in cyrillic[:MAX_SAMPLE]):
        letters = set(word)
        if letters & UKRAINIAN_LETTERS:
            uk += 1
        elif letters & RUSSIAN_LETTERS:
            ru += 1
        else:  # a word only one dictionary knows: "задержали" is Russian, "теж" Ukrainian
            in_ru, in_uk = (is_known(word, lang) for lang in ("ru", "uk"))
            uk += in_uk and not in_ru
            ru += in_ru and not in_uk
    if not (uk or ru):
        return "ru"  # words both languages share, or neither knows: Russian is the likelier
    if min(uk, ru) > 0.25 * max(uk, ru):
        return "mixed"
    return "uk" if uk > ru else "ru"


def known_nominative(text: str, gazetteer, language: str | None = None) -> str:
    """`text`, or the nominative form of it the gazetteer knows: what `Gazetteer.lookup` asks
    for a Cyrillic name it does not know as written ("Томске" → "Томск")."""
    names = gazetteer.names
    if not has_cyrillic(text):
        return text
    if _lookup_keys(text)[0] in names.full:
        # "в Уральске": a case form of Уральск (Oral) to the text's own dictionary, which only
        # spells like a namesake's alias in the other language (Уральське, with its soft sign
        # normalised away); the own dictionary's place name, when the gazetteer knows it, wins
        lemma = _place_lemma(text, language)
        return lemma if lemma is not None and _lookup_keys(lemma)[0] in names.full else text

    def known(form: str) -> bool:  # as Gazetteer._candidates finds names
        key, base, variant = _lookup_keys(form)
        return key in names.full or base in names.base or variant in names.variants

    found = nominative_known(text, known, language)
    if found is None:  # "в Курской области", "під Харковом": the name after its preposition
        first, _, rest = text.partition(" ")
        if first.casefold() in PREPOSITIONS and rest.strip():
            found = nominative_known(rest.strip(), known, language) or (
                rest.strip() if known(rest.strip()) else None
            )
    if found is None:  # no place: the suggestions are better found for the nominative
        forms = nominatives(text, language)
        return forms[0] if forms else text
    return found


@lru_cache(maxsize=1 << 14)
def _lookup_keys(name: str) -> tuple[str, str, str]:
    """(key, key without its descriptor, that one's transliteration skeleton) of a name: the
    keys Gazetteer._candidates looks up. Lookup and the finder ask for the same names and
    their forms over and over."""
    from .normalize import normalize, skeleton, split_descriptor

    key = normalize(name)
    base, _ = split_descriptor(key)
    return key, base, skeleton(base)


def _place_lemma(word: str, language: str | None) -> str | None:
    """The nominative of a one-word place name written in another case, by the dictionary of
    the text's language: "Уральске" → "Уральск" (Russian's tag Geox, a geographical name, in a
    case other than the nominative). None for a nominative, a phrase or an unknown word."""
    lower = word.casefold()
    if " " in lower or "-" in lower:
        return None
    lang = languages_for(word, language)[0]
    if not is_known(lower, lang):
        return None
    best = parses(lower, lang)[0]
    if best.tag.case in (None, "nomn") or "Geox" not in best.tag.grammemes:
        return None
    return best.normal_form.capitalize() if word[:1].isupper() else best.normal_form
