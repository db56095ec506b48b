"""Russian and Ukrainian names of places, and their one English romanisation (issue 17).

Used by build_geodata.py. GeoNames' alternate names, as the registry package ships them, carry
no language: a town's Cyrillic names are Russian, Ukrainian, Belarusian, Bulgarian, Tatar...
side by side. A name is taken as Russian or Ukrainian only on evidence:

- Russian: pymorphy3's Russian dictionary (OpenCorpora) knows every word of it in the
  nominative, and at least one word as a place name (its `Geox` mark).
- Ukrainian: pymorphy3's Ukrainian dictionary (VESUM) knows every word of it in the
  nominative (that dictionary marks no place names, so Russian words it does not know, such as
  "Ивановка", are not Ukrainian to it); or, for a town of Ukraine, it is the official
  Ukrainian name: its romanisation by the official system (KMU 2010) is GeoNames' own English
  name of the town, the romanisation Ukraine publishes for its official names.
- Where GeoNames has no Russian name of a town of the former Soviet republics (Харьков for
  Kharkiv, Казань for Kazan), its Latin names are read back into Cyrillic by the Russian
  romanisation (BGN/PCGN): the English name, and abroad from Russia the Latin names that differ
  from it in vowels alone, as a Ukrainian or Belarusian name differs from the Russian (Khar'kov
  for Kharkiv). A reading is the Russian name if the Russian dictionary knows it as a place, it
  is recognisably the English name (not a former one: Kirovograd) and one of the town's
  Cyrillic names, and it is the only one.
- Where a language has two or more such names (an old and a new name), the one whose
  romanisation is the town's English name wins; otherwise the town has no name in that
  language and the map falls back to English (counted by `geomap build`).

English names: a town of Ukraine with a Ukrainian name is spelled by the official Ukrainian
romanisation (KMU 2010: Zaporizhzhia, Vinnytsia, Mykolaiv), as its region is. A Russian town
keeps GeoNames' name as writers write it: without the soft-sign marks of BGN/PCGN (Ryazan,
not Ryazan’) and with -y for -iy/-yy (Nizhny Novgorod); the capital a region is named after
is spelled as the region (Oryol, not Orel). The old spellings stay aliases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from geomap.gazetteer.normalize import normalize, skeleton

LANGUAGES = ("ru", "uk")
# The two alphabets together. A name with any other letter (Belarusian ў, Serbian ј, Tatar ә,
# Church Slavonic ѣ) is in neither language; this only rules names out, never in.
RU_UK_LETTERS = frozenset("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя")
_NAME_PUNCTUATION = frozenset(" -'’ʼ")
# Words of a compound name that no dictionary marks as a place: "Ростов-на-Дону".
_LINKS = frozenset(["на", "над", "под", "при", "у", "в", "з", "із", "під"])
PERSON_TAGS = frozenset(["Name", "Surn", "Patr"])
_WORDS = re.compile(r"[ \-]+")
# BGN/PCGN marks of the soft and hard signs, which writers leave out (Ryazan’, Tver').
_SIGN_MARKS = re.compile(r"[’'ʹʺ\"]")
_IY = re.compile(r"(?<=[A-Za-z])(?:iy|yy)\b")


@cache
def _analyzer(language: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def in_ru_uk_alphabet(name: str) -> bool:
    return any(ch.isalpha() for ch in name) and all(
        ch.lower() in RU_UK_LETTERS or ch in _NAME_PUNCTUATION for ch in name
    )


def _nominative(language: str, word: str, parts: set[str], geox: bool = False) -> bool:
    """Does the dictionary know `word` as written, in the nominative, as one of `parts` of
    speech (and as a place name, if `geox`)?"""
    low = word.lower().replace("ё", "е")
    for parse in _analyzer(language).parse(word):
        if not parse.is_known or parse.normal_form.replace("ё", "е") != low:
            continue
        grammemes = parse.tag.grammemes
        if parse.tag.POS not in parts or PERSON_TAGS & grammemes:  # Молотов: a surname
            continue
        if geox and "Geox" not in grammemes:
            continue
        if parse.tag.case in (None, "nomn"):
            return True
    return False


@cache
def known_in(language: str, name: str) -> bool:
    """Is `name` a Russian (ru) or Ukrainian (uk) name, by that language's dictionary? Every
    word a noun or adjective the dictionary knows in the nominative (not a person's name);
    in Russian, the nouns place names ("Казань ош", Mari for "Kazan city", is not Russian)."""
    if not in_ru_uk_alphabet(name):
        return False
    words = [w for w in _WORDS.split(name.replace("’", "'")) if w]
    # What follows a link word is in its own case ("на Дону"), not part of the name's head.
    link = next((n for n, w in enumerate(words) if w.lower() in _LINKS), len(words))
    head = words[:link]
    nouns = 0
    for word in head:
        if _nominative(language, word, {"NOUN"}, geox=language == "ru"):
            nouns += 1
        elif not _nominative(language, word, {"ADJF"}):
            return False
    # One noun and its adjectives: two nouns side by side ("Казань ош", Mari for "Kazan
    # city", where "Ош" is also a town) are not a Russian or Ukrainian name.
    return nouns == 1


def ukrainian_shaped(name: str) -> bool:
    """Does the Ukrainian dictionary reach every word of `name` through its own words (the
    word itself, or its ending after an unknown prefix: Салтівка as -івка)? A Russian or
    Bulgarian spelling the dictionary only guesses at (Алчевск, Севастопол) does not."""
    from pymorphy3.units import DictionaryAnalyzer  # exactly: its guessing subclass is not

    words = [w for w in _WORDS.split(name.replace("’", "'")) if w and w.lower() not in _LINKS]
    return bool(words) and all(
        any(type(p.methods_stack[0][0]) is DictionaryAnalyzer for p in _analyzer("uk").parse(w))
        for w in words
    )


# Where Ukrainian writes no final soft sign that Russian does: after labials, р and the hushing
# consonants (Пермь, Перм; Керчь, Керч), and in -ынь (Медынь, Медин); elsewhere it stays
# (Казань; Барань, a town in Belarus, is not Баран, "ram").
_HARD_AT_END = "бвмпфржчшщ"
# How each letter of a Russian name may be written in its Ukrainian form, and back: the
# regular correspondences of the two orthographies (ы is и, и is і or и, е is е or є, э is е, ё
# is ьо, о or е, ъ an apostrophe; -ск, -цк, -ский, -цкий are -ськ, -цьк, -ський, -цький, -ые
# is -і, a final ь may go: _HARD_AT_END). They only propose spellings: the other language's dictionary
# decides which are words (Донецк: Донецьк; Львів: Львов).
_RU_TO_UK = {
    "ы": ("и",), "и": ("и", "і"), "е": ("е", "є"), "э": ("е",), "ё": ("ьо", "о", "е"), "ъ": ("'",),
}  # fmt: skip
_RU_TO_UK_ENDINGS = (("ский", "ський"), ("цкий", "цький"), ("ск", "ськ"), ("цк", "цьк"),
                     ("ые", "і"), ("инь", "ин"), *((c + "ь", c) for c in _HARD_AT_END))  # fmt: skip
_UK_TO_RU = {
    "і": ("и", "е", "о"), "и": ("ы", "и", "о"), "ї": ("и", "йи"), "є": ("е", "э"), "ґ": ("г",),
    "'": ("ь", "ъ", ""), "’": ("ь", "ъ", ""), "ʼ": ("ь", "ъ", ""),
}  # fmt: skip
_UK_TO_RU_ENDINGS = (("ський", "ский"), ("цький", "цкий"), ("ськ", "ск"), ("цьк", "цк"),
                     ("і", "ые"), ("і", "ие"))  # fmt: skip
_MAX_SPELLINGS = 512  # per word: a name's few и and е give far fewer
_MAX_KNOWN = 4  # spellings per word the dictionary knows, kept to be checked as a whole name


def _respell(
    name: str, letters: dict, endings: tuple, language: str, apostrophe: re.Pattern | None = None
) -> list[str]:
    """The spellings of `name` by `letters` and `endings` (and with an apostrophe where
    `apostrophe` matches) whose every word the dictionary of `language` knows (whole-name
    checks are the caller's)."""
    parts = re.split(r"([ \-])", name)
    if any(p.lower() in _LINKS for p in parts):
        return []  # "на Амуре" is "на Амурі": the case after the link is no spelling rule
    words: list[list[str]] = []
    for word in parts:
        if word in (" ", "-", ""):
            words.append([word])
            continue
        forms = [""]
        for ch in word:
            options = letters.get(ch.lower(), (ch.lower(),))
            forms = [f + o for f in forms for o in options][:_MAX_SPELLINGS]
        spelled = list(forms)
        for form in forms:
            spelled += [form[: -len(old)] + new for old, new in endings if form.endswith(old)]
        if apostrophe is not None:
            spelled += [apostrophe.sub("'", form) for form in spelled]
        known = [f for f in dict.fromkeys(spelled) if _analyzer(language).word_is_known(f)]
        if not known:
            return []
        capital = word[:1].isupper()
        words.append([f[:1].upper() + f[1:] if capital else f for f in known[:_MAX_KNOWN]])
    out = [""]
    for options in words:
        out = [o + w for o in out for w in options]
    return out


# Where Russian writes a labial or р straight before я, ю, е, ё, Ukrainian may write an
# apostrophe between them (Купянск: Куп'янськ; Пятихатки: П'ятихатки; but свято, not св'ято):
# both are proposed, and the dictionary decides.
_LABIAL_BEFORE_IOTATED = re.compile("(?<=[бпвмфр])(?=[яюєї])", re.IGNORECASE)


def ukrainian_spellings(russian: str) -> list[str]:
    """Spellings of a Russian name whose words the Ukrainian dictionary knows."""
    return _respell(russian, _RU_TO_UK, _RU_TO_UK_ENDINGS, "uk", _LABIAL_BEFORE_IOTATED)


def russian_spellings(ukrainian: str) -> list[str]:
    """Spellings of a Ukrainian name whose words the Russian dictionary knows."""
    return _respell(ukrainian, _UK_TO_RU, _UK_TO_RU_ENDINGS, "ru")


def russian_word(name: str) -> bool:
    """Does the Russian dictionary know `name` as a word but never as a place ("Казан", a
    cauldron)? Such a Cyrillic name of a town abroad is not taken for its Ukrainian name."""
    return any(p.is_known for p in _analyzer("ru").parse(name)) and not known_in("ru", name)


def kmu_2010(text: str) -> str:
    """Ukrainian Cyrillic in the official romanisation (Cabinet of Ministers resolution 55 of
    27 January 2010), by the `uklatn` package."""
    import uklatn

    return uklatn.encode(text, uklatn.KMU_55)


def _key(text: str) -> str:
    return skeleton(normalize(text))


def spelled_as(cyrillic: str, english: str) -> bool:
    """Is `english` the official romanisation of the Ukrainian `cyrillic`, up to the variants
    older systems write (Zaporizhzhya, Vinnytsya, Mykolayiv)? Kh (х) stays apart from h (г):
    Луханск, Bulgarian, is no spelling of Luhansk (Луганськ)."""
    return _key(kmu_2010(cyrillic).replace("kh", "x")) == _key(english.replace("kh", "x"))


# Russian Cyrillic by BGN/PCGN, only to compare a Russian name with GeoNames' English one (the
# skeleton of both merges the variants); no name is written with it.
_RUSSIAN_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
# Letters the Ukrainian alphabet does not have: a name with one is not Ukrainian.
NOT_UKRAINIAN = frozenset("ыэёъ")
# Nor does Ukrainian write a soft sign after a labial or a hushing consonant: where Russian
# writes one before a vowel, Ukrainian writes an apostrophe (Купьянск, Russian; Куп'янськ).
_NOT_UKRAINIAN_SOFT_SIGN = re.compile("[бпвмфжчшщ]ь")


def not_ukrainian(name: str) -> bool:
    """Is `name` spelled as Ukrainian is never spelled? (Only rules names out.)"""
    low = name.lower()
    return bool(NOT_UKRAINIAN & set(low)) or _NOT_UKRAINIAN_SOFT_SIGN.search(low) is not None


def russian_latin(text: str) -> str:
    return "".join(_RUSSIAN_LATIN.get(ch, ch) for ch in text.lower())


# How each piece of a Russian name romanised by BGN/PCGN, GeoNames' usual system for Russian
# names (Khar'kov, Nikolayev, Zaporozh'ye), may be written
# in Cyrillic: the reverse of `russian_latin`, with the letters it merges (е and э, ы and й,
# ц and тс) and the soft sign English spellings leave out (Kharkov, Харьков; Kazan, Казань).
# They only propose spellings: the Russian dictionary decides which are words.
_LATIN_TO_RUSSIAN = {
    "shch": ("щ",), "kh": ("х",), "zh": ("ж",), "ch": ("ч",), "sh": ("ш",), "ts": ("ц", "тс"),
    "ya": ("я",), "yu": ("ю",), "ye": ("е", "ье"), "yo": ("ё", "ьо"), "iy": ("ий",),
    "yy": ("ый", "ий"), "y": ("ы", "й"), "a": ("а",), "b": ("б",), "v": ("в",), "g": ("г",), "d": ("д",), "e": ("е",),
    "z": ("з",), "i": ("и",), "k": ("к",), "l": ("л",), "m": ("м",), "n": ("н",), "o": ("о",),
    "p": ("п",), "r": ("р",), "s": ("с",), "t": ("т",), "u": ("у",), "f": ("ф",),
    "'": ("ь", "ъ"), "’": ("ь", "ъ"), '"': ("ъ",),
}  # fmt: skip
_LATIN_PIECES = sorted(_LATIN_TO_RUSSIAN, key=len, reverse=True)
_LATIN_VOWELS = frozenset("aeiouy")
# Consonants after which Russian writes a soft sign that the English spelling drops, before a
# consonant or at the end of the word (Kharkov, Perm, Kerch); before a vowel BGN writes it.
_SOFTENED = frozenset("лнртдсзмвпч")
_LATIN_WORD = re.compile(r"[a-z'’\"]+")


def _read_word(word: str) -> list[str]:
    """Every Cyrillic spelling of one romanised Russian word (at most _MAX_SPELLINGS)."""
    out: list[str] = []

    def walk(i: int, done: str) -> None:
        if len(out) >= _MAX_SPELLINGS:
            return
        if i == len(word):
            out.append(done)
            return
        for piece in _LATIN_PIECES:
            if not word.startswith(piece, i):
                continue
            after = i + len(piece)
            for cyr in _LATIN_TO_RUSSIAN[piece]:
                if cyr == "е" and piece == "e" and (i == 0 or word[i - 1] in _LATIN_VOWELS):
                    walk(after, done + "э")  # э starts a word or follows a vowel (Элиста)
                walk(after, done + cyr)
                if piece == "y" and after == len(word) and i and word[i - 1] not in _LATIN_VOWELS:
                    walk(after, done + "ий")  # Nizhny: Нижний
                at_soft = after == len(word) or word[after] not in _LATIN_VOWELS | {"'", "’"}
                if cyr[-1] in _SOFTENED and at_soft:
                    walk(after, done + cyr + "ь")

    walk(0, "")
    return out


def _dictionary_spelling(word: str) -> str:
    """The word as the dictionary writes it as a place, with its ё (Mogilev: Могилёв)."""
    for parse in _analyzer("ru").parse(word):
        if parse.is_known and "Geox" in parse.tag.grammemes:
            return parse.word
    return word


def russian_readings(latin: str) -> list[str]:
    """Cyrillic spellings of a romanised Russian name whose every word the Russian dictionary
    knows (whole-name checks are the caller's)."""
    words: list[list[str]] = []
    for part in re.split(r"([ \-])", latin):
        if part in (" ", "-", ""):
            words.append([part])
            continue
        capital, part = part[:1].isupper(), part.lower()
        if not _LATIN_WORD.fullmatch(part):
            return []  # a letter BGN/PCGN does not write (Lwów; the j of Georgian Java, Джава)
        known = [
            _dictionary_spelling(f)
            for f in dict.fromkeys(_read_word(part))
            if _analyzer("ru").word_is_known(f)
        ]
        if not known:
            return []
        words.append([f[:1].upper() + f[1:] if capital else f for f in known[:_MAX_KNOWN]])
    out = [""]
    for options in words:
        out = [o + w for o in out for w in options]
    return out


# Where a town's Russian name is its name in Russian-language sources of the Soviet era and
# after, so that GeoNames' Latin names of it carry its Russian romanisation: the former Soviet
# republics. Elsewhere a Latin name read as Russian is only a homonym (Paris, Texas).
RUSSIAN_NAMED = frozenset(
    ["RU", "UA", "BY", "MD", "KZ", "UZ", "KG", "TJ", "TM", "GE", "AM", "AZ", "EE", "LV", "LT"]
)


def same_name(latin: str, english: str) -> bool:
    return _key(latin) == _key(english)


# How alike (rapidfuzz's ratio, 0-100, of the skeletons) a Russian name romanised and the
# English name must be to be one name: Moscow and Москва (67), Kharkiv and Харьков; not Tver and
# Калинин, its Soviet name, nor Dnipro and Днепропетровск (50).
SAME_NAME_RATIO = 60


def alike(latin: str, english: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(_key(latin), _key(english)) >= SAME_NAME_RATIO


_VOWEL_RUNS = re.compile(r"[aeiouy]+")
# Word-final vowels by the ending they write: Ukrainian Krasne is Russian Krasnoye, Kyivskyi is
# Kievskiy; not Myrne (neuter) and Mirnyy (masculine), nor Ozera and Ozery.
_ENDING_CLASSES = {"a": "a", "ia": "a", "aia": "a", "ie": "e", "oie": "e", "o": "e", "io": "e",
                   "eie": "e", "i": "i", "ii": "i", "u": "u", "iu": "u"}  # fmt: skip


def _frame(latin: str) -> list[str]:
    """A romanised name as its consonants and runs of vowels: h is the г of Ukrainian and
    Belarusian (Homyel', Gomel), kh stays х, y and j are i, a soft sign's mark is dropped."""
    s = latin.lower().replace("kh", "x").replace("h", "g").replace("j", "y")
    s = re.sub(r"[’'ʹ\"]", "", s).replace("y", "i")
    s = re.sub(r"([^aeiou])\1+", r"\1", s)
    return re.findall(r"[aeiou]+|[^aeiou]", s)


def _vowels_agree(a: str, b: str, final: bool) -> bool:
    if final:
        return _ENDING_CLASSES.get(a, a) == _ENDING_CLASSES.get(b, b)
    # A leading i marks a soft consonant (ie, ia: Homyel'); then Russian о and е are the
    # Ukrainian і, and ё the о (Kharkov, Kharkiv; Chernobyl, Chornobyl).
    a, b = (v[1:] if len(v) > 1 and v[0] == "i" else v for v in (a, b))
    return a == b or {a, b} <= {"o", "e", "i"}


def same_frame(latin: str, english: str) -> bool:
    """Do two romanised names differ only in vowels, as a town's Ukrainian or Belarusian
    name differs from its Russian one? Word endings must agree (`_ENDING_CLASSES`)."""
    a, b = _frame(latin), _frame(english)
    if len(a) != len(b):
        return False
    for n, (x, y) in enumerate(zip(a, b)):
        final = n + 1 == len(a) or a[n + 1] in " -"
        if x[0] in "aeiou" and y[0] in "aeiou":
            if not _vowels_agree(x, y, final):
                return False
        elif x != y:
            return False
    return True


def _read_from_latin(name: str, aliases, cyrillic: list[str], country: str) -> list[str]:
    """GeoNames lacks the Russian name (Харьков, Казань), but the town's Latin names include
    its romanisation (Khar'kov, Kazan): read back into Cyrillic, a place the Russian dictionary
    knows, recognisably the English name (not a former name: Kirovograd for Kropyvnytskyi)
    and, where GeoNames has Cyrillic names of the town, one of them in another spelling (the
    district GeoNames calls Desna is Деснянський район, not the river Десна). Of several, the
    one the English name spells; otherwise none."""
    # A Russian town's English name is the Russian name romanised (Kazan): only it is read. A
    # town elsewhere is read from the Latin names that differ from its English one in vowels
    # alone, as the Ukrainian or Belarusian name differs from the Russian (Kharkiv, Kharkov;
    # Rivne, Rovno): not Taraz as Talas, Hrazdan as its Soviet name Razdan, nor a suffix or a
    # word more or less (Troitske as Troitsk, Kamianka-Buzka as Kamenka).
    latins = [name]
    if country != "RU":
        latins += [a for a in aliases if not has_cyrillic(a) and same_frame(a, name)]
    found = sorted(
        {
            c
            for latin in latins
            for c in russian_readings(latin)
            if known_in("ru", c) and alike(russian_latin(c), name)
        }
    )
    if cyrillic:
        found = [
            c for c in found if any(alike(russian_latin(c), russian_latin(o)) for o in cyrillic)
        ]
    if len(found) > 1:
        found = [c for c in found if same_name(russian_latin(c), name)]
    return found


def language_names(name: str, aliases, country: str) -> dict[str, str]:
    """{language: name} for what the evidence settles (module docstring); others left out."""
    candidates = sorted({a for a in aliases if in_ru_uk_alphabet(a)})
    # Russian: the dictionary's place name that is recognisably the English one (not an old
    # name: Калинин for Tver); of several, the one GeoNames' English name spells.
    russian = [c for c in candidates if known_in("ru", c) and alike(russian_latin(c), name)]
    # Two or more Cyrillic names, none of them the English one: the evidence is split, and
    # no other source settles it.
    split = len(russian) > 1
    if len(russian) > 1:
        russian = [c for c in russian if same_name(russian_latin(c), name)]
    if country == "UA":  # the official name: romanised, it is GeoNames' English name
        ukrainian = [
            c
            for c in candidates
            if spelled_as(c, name)
            and not not_ukrainian(c)
            and (known_in("uk", c) or (not known_in("ru", c) and ukrainian_shaped(c)))
        ]
        if len(ukrainian) > 1:
            ukrainian = [c for c in ukrainian if known_in("uk", c)]
    else:  # the dictionary's name, spelled as the English or the Russian name (Москва;
        # not Ставрополь, Tolyatti's old name)
        ukrainian = [
            c
            for c in candidates
            if known_in("uk", c)
            and not russian_word(c)
            and any(
                same_name(kmu_2010(c), other)
                for other in [name, *(russian_latin(r) for r in russian)]
            )
        ]
    if not russian and len(ukrainian) == 1:
        # GeoNames lacks the Russian name (Львов): the Ukrainian one in Russian spelling, where
        # the Russian dictionary knows it as a place recognisably the English name.
        russian = [
            c
            for c in russian_spellings(ukrainian[0])
            if known_in("ru", c) and alike(russian_latin(c), name)
        ]
    if not russian and not split and country in RUSSIAN_NAMED:
        russian = _read_from_latin(name, aliases, candidates, country)
    if not ukrainian and len(russian) == 1:
        # GeoNames lacks the Ukrainian name (Донецьк, Омськ): the Russian one in Ukrainian
        # spelling, where the Ukrainian dictionary knows it and it is still the town's name.
        ukrainian = [
            c
            for c in ukrainian_spellings(russian[0])
            if known_in("uk", c)
            and (
                spelled_as(c, name)
                if country == "UA"
                else same_name(kmu_2010(c), name) or alike(kmu_2010(c), name)
            )
        ]
    out = {}
    for language, found in (("ru", russian), ("uk", ukrainian)):
        if len({normalize(c) for c in found}) == 1:
            out[language] = found[0]
    return out


def english_town_name(name: str, country: str, names: dict[str, str]) -> str:
    """The town's one English spelling (module docstring)."""
    if country == "UA" and "uk" in names:
        return kmu_2010(names["uk"])
    if country == "RU":
        return _IY.sub("y", _SIGN_MARKS.sub("", name))
    return name


def has_cyrillic(name: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(ch, "") for ch in name)
