"""People who are not places: Russian and Ukrainian given names, patronymics and surnames.

In Cyrillic text pymorphy3 tags them (Name, Patr, Surn). In Latin text they are read from
gazetteer/data/person-names.txt (geomap.gazetteer.people), derived from the same dictionaries
(scripts/build_person_names.py), so "Sergey", "Nikita Lazarev" and "Ms Volkova" are people,
not the villages that share their names, unless the text says they are places ("in Nikita",
"Nikita village").
"""

from __future__ import annotations

import re

from ..gazetteer import Place
from ..gazetteer.morphology import (
    _WORD,
    has_cyrillic,
    is_known,
    languages_for,
    may_be_person,
    parses,
)
from ..gazetteer.normalize import normalize
from ..gazetteer.people import is_person_name
from .words import BLOCS, ORGANISATIONS, PUBLISHING_VERBS, QUOTED_NAME_WORDS, QUOTES

__all__ = [
    "after_unknown_head",
    "in_quoted_name",
    "in_unknown_compound",
    "is_patronymic",
    "is_person_name",  # read from the gazetteer's list (gazetteer/people.py)
    "needs_context",
    "reached_by_other_name",
    "similar_names",
]

# One plain transliteration, enough to compare a Cyrillic name with the gazetteer's Latin one.
_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіїєґё", "abvgdeziyklmnoprstufyeiiege")),
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ю": "yu",
        "я": "ya",
        "ь": "",
        "ъ": "",
        "'": "",
        "’": "",
    }
)
# A town this big named bare is the town, whoever shares its name ("Kirov", "Pushkin"): a
# writer names a village with a word around it ("the village of", "in").
BIG_TOWN = 100_000
# Beyond the countries that write Cyrillic, an article about Russia and Ukraine names a town
# less often than a person who bears its name ("Reno", "Daur"): only a city this big is the
# city when named bare ("Milan", "Sofia").
BIG_TOWN_FAR = 500_000
# A woman's surname in Latin letters: Lvova, Kirova, Pushkina, Kalinina, Lvovskaya.
_FEMININE_SURNAME = re.compile(r"(?:[oe]va|[iy]na|aya)$")
# Two spellings of one name differ in length by a letter or a case ending, not by half.
SPELLING_LENGTH = 0.6


def needs_context(place: Place, written: str) -> bool:
    # `written`: the name in the nominative, in either script
    """Would a person's name resolve to this place too easily? A town smaller than a city, or
    a place the name reaches only as an alias, not its current name ("Molotov" is Perm's name of
    1940–57, and a surname)."""
    if place.kind == "town" and place.population < (BIG_TOWN if place.romanised else BIG_TOWN_FAR):
        return True
    return not similar_names(place.name, written)


def reached_by_other_name(place: Place, written: str, variant: bool) -> bool:
    """Does a person's name reach this place only through another name of it: an alias that
    is not its current name ("Molotov", Perm's name of 1940–57; "Stalin's", an old name of
    Donetsk), or a spelling variant of an alias, not the spelling of any name the place has
    ("Sergey" of Serhiyi's "Sergii")? Such a name means the place only after "in", "to"…: a
    list ("Nikita, Sergey and the others") is a list of people as often as of places.
    A town beyond the countries that write Cyrillic is named in Latin text by its own name:
    another of its spellings that GeoNames lists, in some other language, is not how an
    English writer names it, and is a surname here ("Ostina" of Austin, "Batina" of Batna,
    "Darvin" of Darwin)."""
    if variant:
        return True
    if (
        not has_cyrillic(written)
        and _FEMININE_SURNAME.search(normalize(written))
        and not normalize(place.name).endswith("a")
    ):
        # "Lvova" is Lviv only as an oblique case (Latvian "Ļvova", Russian genitive "Львова"),
        # never how English names the city: it is a woman's surname ("Olga Lvova")
        return True
    if place.kind == "town" and not place.romanised and not has_cyrillic(written):
        return normalize(place.name) != normalize(written)
    return not similar_names(place.name, written)


def similar_names(name: str, written: str) -> bool:
    """Another spelling of the place's name, not another name: "Kharkov" and "Харькове" are
    Kharkiv's; "Molotov" is not Perm's, it was its name in 1940–57."""
    from rapidfuzz import fuzz

    a, b = normalize(name), normalize(written).translate(_LATIN)
    # of a like length too: "Brezhnev" is spelt inside "Naberezhnyye Chelny" (its name of
    # 1982–88), and a short word inside a long name scores high
    return fuzz.ratio(a, b) >= 50 and min(len(a), len(b)) >= SPELLING_LENGTH * max(len(a), len(b))


def in_quoted_name(text: str, start: int, end: int) -> bool:
    """Is the place name at text[start:end] part of a quoted name: «Київ Індепендент», «Эхо
    Москвы», Фонд «Свободная Бурятия», партия «Родина»? It is when the short quotation holds
    another capitalised word or one no dictionary knows (a transliteration), or follows an
    organisation's noun. A quoted sentence («Ми були в Києві.») is speech, not a name."""
    if not has_cyrillic(text[start:end]):
        return False  # Latin outlets are read by the finder's neighbour words
    line_start = text.rfind("\n", 0, start) + 1
    opened = -1
    for mark, closing in QUOTES.items():
        at = text.rfind(mark, line_start, start)
        if at > opened and (closing == mark or closing not in text[at + 1 : start]):
            if mark == '"' and text.count('"', line_start, start) % 2 == 0:
                continue
            opened = at
    if opened < 0:
        return False
    closing_mark = QUOTES[text[opened]]
    line_end = text.find("\n", end)
    closed = text.find(closing_mark, end, line_end if line_end >= 0 else len(text))
    if closed < 0:
        return False
    quoted = text[opened + 1 : closed]
    words = list(_WORD.finditer(quoted))
    if words and words[0].group()[0].islower():
        # «освободили населенный пункт Цукурино»: quoted words of an official, not a name,
        # whose first word is capitalised («Новая газета», «Эхо Москвы»)
        return False
    if len(words) > QUOTED_NAME_WORDS or any(mark in quoted for mark in ".!?;:,"):
        return False
    inner = opened + 1  # where `quoted` begins in the text
    for n, m in enumerate(words):
        if inner + m.start() >= start and inner + m.end() <= end:
            continue  # the place name itself
        # only a word right beside the name makes a name with it: «Ми з Харкова до Львова» is
        # a sentence of two places
        gap = (
            text[inner + m.end() : start]
            if inner + m.end() <= start
            else text[end : inner + m.start()]
        )
        if gap.strip():
            continue
        word = m.group()
        if has_cyrillic(word) and not any(is_known(word.casefold(), lang) for lang in ("ru", "uk")):
            return True  # a transliteration: «Київ Індепендент»
        if word[0].isupper() and (n or _names_with(word, "")):
            return True  # «Одеса Сьогодні»; quoted speech begins with a capital: «Ми з Харкова»
    if _subject_of_publishing(text, closed + 1, line_end if line_end >= 0 else len(text)):
        return True  # «Фонтанка» писала: an outlet
    before = list(_WORD.finditer(text, max(line_start, opened - 40), opened))
    if before:
        noun = before[-1].group().casefold()
        lemmas = _lemmas(noun)
        if lemmas & ORGANISATIONS:
            return True
        # "рассказала «Фонтанке»": told an outlet, the quotation the name alone
        return bool(lemmas & PUBLISHING_VERBS) and opened + 1 == start and closed == end
    return False


# Quoted names joined to the one before a verb: "«Фонтанка» и «7x7» писали"
_MORE_QUOTED = re.compile(r"\s*(?:,|и|і|та)\s*[«„“\"][^«»„“”\"\n]{1,40}[»“”\"]")


def _subject_of_publishing(text: str, after: int, line_end: int) -> bool:
    """Is the word after a closing quotation mark (past other quoted names listed with it) a
    verb of publishing, whose subject the quoted name is?"""
    while more := _MORE_QUOTED.match(text, after, line_end):
        after = more.end()
    word = _WORD.search(text, after, min(line_end, after + 40))
    if word is None or text[after : word.start()].strip():
        return False
    return bool(_lemmas(word.group().casefold()) & PUBLISHING_VERBS)


def _lemmas(word: str) -> set[str]:
    return {p.normal_form for lang in languages_for(word) for p in parses(word, lang)[:3]} | {word}


def _names_with(first: str, gap: str) -> bool:
    """Does a quotation's capitalised first word make a name with the place right after it
    («Свободная Бурятия»), rather than begin a sentence («Ми з Харкова»)? Only an adjective
    or a noun, with nothing between."""
    if gap.strip():
        return False
    word = first.casefold()
    return any(
        p.tag.POS in ("ADJF", "NOUN")
        for lang in languages_for(word)
        for p in parses(word, lang)[:1]
    )


def in_dotted_name(text: str, start: int, end: int) -> bool:
    """Is the place name at text[start:end] glued by a full stop to the word after it, with no
    space: an outlet's or a site's name ("Siberia.Realities", «Сибирь.Реалии», "Vlast.kz"),
    not the place? A sentence's full stop is followed by a space or a line break."""
    return end + 1 < len(text) and text[end] == "." and text[end + 1].isalpha()


# The endings of a Russian or Ukrainian surname's masculine nominative (Кириллов, Пушкин).
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")
# The same as Ukrainian writes Russian ones (Корольов, Нікітін), and the adjectives surnames
# are (Жуковський): not -ів or -ськ, which Ukrainian towns end in.
_SURNAME_ENDINGS = (*_SURNAME_STEMS, "ьов", "ін", "ский", "цкий", "ський", "цький")


def surname_like(word: str, language: str) -> bool:
    """Could the word be a surname, by the dictionary's tags or, in Ukrainian, whose dictionary
    knows few Russian surnames ("Корольова"), by the shape of its dictionary form? For words
    whose context already says "a person" (a verb of speech after it, "за словами" before it).
    Not by shape in Russian, whose dictionary knows its surnames, and where shape would take
    "Киев" and "Харьков" for surnames ("Киев заявил" is the city's government)."""
    if may_be_person(word, language):
        return True
    return language == "uk" and any(
        p.normal_form.endswith(_SURNAME_ENDINGS) for p in parses(word.casefold(), language)
    )


def agree_as_full_name(first: str, second: str, language: str, named: bool = False) -> bool:
    """Can two neighbouring words be read together as a given name and then a surname, in the
    same case and gender: "Марія Куп'янська", "Надія Донецька", "Вера Кирова"? A surname is one
    the dictionary tags (or a patronymic), or an adjective, as Slavic surnames in -ська, -ський,
    -ская are: the word alone may read first as a town's genitive ("Куп'янська" of Куп'янськ),
    and the Ukrainian dictionary ranks no reading above another, so every reading is asked.
    A town's name shaped like a surname counts as one after a given name ("Ивана Кириллова",
    "Анна Кириллова": the dictionary knows Кириллов as a town only). A word the dictionary
    reads as a living being's noun but tags no given name ("Володимир", also the town; "Богдан")
    counts as one before a surname ("Володимир Артюх", "Володимир Зеленський", "гетьман Богдан
    Хмельницький") when the caller says it is a name (`named`: the place name being weighed, or
    a word capitalised mid-sentence); at a sentence's start it may be a word ("Жителя Кирова").
    The order counts: in "жителя Шебекина Виктора Орлова" the town comes before the name."""
    first_readings = parses(first.casefold(), language)
    second_readings = parses(second.casefold(), language)
    given = [  # one person: "Жителі" is read as a plural of a name too; a patronymic before
        # the surname counts as the given name does ("Олександр Павлович Київський")
        p.tag
        for p in first_readings
        if {"Name", "Patr"} & p.tag.grammemes and p.tag.number != "plur"
    ]
    family = [
        p.tag for p in second_readings if {"Surn", "Patr"} & p.tag.grammemes or p.tag.POS == "ADJF"
    ]
    if given:
        family += _surname_shaped(second, second_readings)
    elif named:  # "Володимир Зеленський": a place's name read as a person, untagged as a name
        given = [
            p.tag
            for p in first_readings
            if p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.tag.number != "plur"
        ]
    return any(
        a.case == b.case and (a.gender == b.gender or None in (a.gender, b.gender))
        for a in given
        for b in family
    )


class _Feminine:
    """The grammar of a feminine surname in the nominative ("Кириллова" of Кириллов)."""

    case, gender = "nomn", "femn"


def _surname_shaped(word: str, readings) -> list:
    """The readings of a town's name shaped like a surname (its nominative ends as one does),
    as a surname's: its own case and gender, and the feminine nominative that adds -а."""
    out: list = []
    lower = word.casefold()
    for p in readings:
        if "Geox" not in p.tag.grammemes or not p.normal_form.endswith(_SURNAME_STEMS):
            continue
        out.append(p.tag)
        if lower == p.normal_form + "а":
            out.append(_Feminine)
    return out


def is_given_name(word: str, language: str) -> bool:
    """Can the word be one person's given name ("Тетяна"), not only a patronymic ("Іванівна")?"""
    return any(
        "Name" in p.tag.grammemes and p.tag.number != "plur"
        for p in parses(word.casefold(), language)
    )


def is_patronymic(word: str, language: str) -> bool:
    """Can the word be a patronymic ("Миколайович", "Павловна")? Only a surname follows one,
    whatever place the surname is named after ("Петро Іванович Кам'янець-Подільський"). Any
    reading counts: the Ukrainian dictionary reads "Іванович" first as a surname."""
    return any("Patr" in p.tag.grammemes for p in parses(word.casefold(), language))


def in_unknown_compound(text: str, start: int, end: int, is_name) -> bool:
    """Is the name at text[start:end] the tail of a hyphenated Cyrillic compound that is no
    place, before a lowercase noun: «Свято-Успенська лавра», «Свято-Покровский собор»? The head
    ("Свято") must be capitalised and not itself a name (`is_name` of its normalised key):
    "Ростов-на-Дону" is matched whole, "Москва-Сити" is Moscow's."""
    if start < 2 or text[start - 1] not in "-‐‑" or not text[start - 2].isalpha():
        return False
    heads = _WORD.findall(text[max(0, start - 40) : start - 1])
    head = heads[-1] if heads else ""
    if not head[:1].isupper() or "-" in head or is_name(normalize(head)):
        return False
    after = _WORD.match(text[end:].lstrip(" "))
    return bool(after and after.group()[:1].islower() and has_cyrillic(after.group()))


def after_unknown_head(text: str, start: int, is_name) -> bool:
    """Is the name at text[start:] joined by a hyphen to a capitalised word before it that is
    no place ("РБК-Україна", "Интерфакс-Украина", "Interfax-Ukraine")? The caller asks it of a
    country: such a compound is an agency's or a company's national edition, not the country.
    A place before the hyphen is a pair of places ("Росія-Україна", "Austria-Hungary"), a union
    of states a party to talks ("саміт ЄС-Україна")."""
    if start < 2 or text[start - 1] not in "-‐‑" or not text[start - 2].isalpha():
        return False
    heads = _WORD.findall(text[max(0, start - 40) : start - 1])
    head = heads[-1] if heads else ""
    key = normalize(head)
    return head[:1].isupper() and "-" not in head and not is_name(key) and key not in BLOCS
