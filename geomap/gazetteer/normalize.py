"""Name normalisation: the one function that decides when two spellings are the same name.

Both the gazetteer index and every query go through `normalize`, so the rules only
need to be consistent, not linguistically perfect.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophes, primes and the soft/hard signs mark palatalisation in transliterations
# ("Kharkiv'", "Khmel'nyts'kyy", "Львів" vs "Льв") and are dropped by most writers.
_DROPPED = dict.fromkeys(map(ord, "'’‘ʼʹ`´ьъ\u02bb"), None)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/.,;:()\[\]\"«»“”!?]+")
_TOKEN_SYNONYMS = {"st": "saint", "sankt": "saint", "sv": "saint"}
# Latin letters typed inside a Cyrillic word ("Харкiв" with a Latin i) look the same to a
# reader; read them as the Cyrillic letters they imitate.
_HOMOGLYPHS = str.maketrans("aceiopxyk", "асеіорхук")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Words that say what kind of place a name is. Each maps to the kind it implies. Written
# normalised, as keys are compared ("автономный" is "автономныи"; a test checks). The bare
# Cyrillic "область" ("област") and "край" ("краи") are not here: as descriptors they would
# make every bare region adjective a region's name ("Херсонської обласної адміністрації",
# "Запорізька атомна електростанція"), and Russian and Ukrainian lists that share a plural
# ("в Оренбургской и Саратовской областях") are not read as lists yet. Their full forms are
# names of their own ("Херсонська область").
DESCRIPTORS: dict[str, str] = {
    "oblast": "region",
    "obl": "region",
    "region": "region",
    "regions": "region",
    "area": "region",
    "province": "region",
    "krai": "region",
    "kray": "region",
    "territory": "region",
    "territories": "region",
    "republic": "region",
    "republic of": "region",
    "autonomous okrug": "region",
    "autonomous district": "region",
    "autonomous oblast": "region",
    "autonomous region": "region",
    "autonomous republic": "region",
    "autonomous republic of": "region",
    "okrug": "region",
    "ao": "region",
    # Abbreviations and romanisations the sources use in regions' names: "Chukotskiy AOk",
    # "Khanty-Mansiyskiy A.Okr.", "Adygeya, Respublika", "Avtonomna Respublika Krym".
    "aok": "region",
    "a okr": "region",
    "a obl": "region",
    "respublika": "region",
    "avtonomna respublika": "region",
    "misto": "town",
    "обл": "region",
    "республика": "region",
    "республіка": "region",
    "автономныи округ": "region",
    "автономнии округ": "region",
    "автономная област": "region",
    "автономна област": "region",
    "автономна республіка": "region",
    "автономная республика": "region",
    "ао": "region",
    "аок": "region",
    "checkpoint": "checkpoint",
    "border checkpoint": "checkpoint",
    "border crossing": "checkpoint",
    "crossing point": "checkpoint",
    "crossing": "checkpoint",
    "кпп": "checkpoint",
    "пункт пропуску": "checkpoint",
    "пункт пропуска": "checkpoint",
    "city": "town",
    "city of": "town",
    "town": "town",
    "town of": "town",
    "місто": "town",
    "город": "town",
}
_ARTICLE = "the "
_COMBINING = re.compile(r"[\u0300-\u036f]+")


@lru_cache(maxsize=1 << 16)  # an article asks for the same few thousand words again and again
def normalize(text: str) -> str:
    """Fold case, accents, apostrophes, soft signs, hyphens and spaces.

    >>> normalize("Mohyliv-Podil’s’kyi")
    'mohyliv podilskyi'
    >>> normalize("St. Petersburg")
    'saint petersburg'
    >>> normalize("Харкiв") == normalize("Харків")
    True
    """
    if text.isascii():
        folded = text.casefold()
    else:  # compatibility forms first ("𝐀" is "A"), then case, then accents
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
        folded = _COMBINING.sub("", folded)
    folded = folded.translate(_DROPPED)
    tokens = [_TOKEN_SYNONYMS.get(t, t) for t in _SEPARATORS.split(folded) if t]
    if not folded.isascii():
        tokens = [t.translate(_HOMOGLYPHS) if _CYRILLIC.search(t) else t for t in tokens]
    return " ".join(tokens)


def split_descriptor(key: str) -> tuple[str, str | None]:
    """Split a normalised name into (base, implied kind) by removing one descriptor.

    >>> split_descriptor("krasnodar territory")
    ('krasnodar', 'region')
    >>> split_descriptor("republic of tatarstan")
    ('tatarstan', 'region')
    >>> split_descriptor("ufa")
    ('ufa', None)
    """
    if key.startswith(_ARTICLE):
        key = key[len(_ARTICLE) :]
    tokens = key.split(" ")
    # Two-word descriptors before one-word ones, so "autonomous okrug" goes before "okrug".
    for n in (2, 1):
        if len(tokens) > n:
            kind = DESCRIPTORS.get(" ".join(tokens[-n:]))
            if kind:
                return " ".join(tokens[:-n]), kind
            kind = DESCRIPTORS.get(" ".join(tokens[:n]))
            if kind:
                return " ".join(tokens[n:]), kind
    return key, None


_ENDINGS = re.compile(r"(?:iy|yy|yi|ij|yj|ii|ei|ey)(?= |$)")
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """A coarser key that merges transliteration variants of one Cyrillic name.

    Used only when no exact spelling is known, and still subject to the ambiguity check.

    >>> skeleton(normalize("Vinnitsa")) == skeleton(normalize("Vinnytsia")) == skeleton("vinnytsya")
    True
    >>> skeleton("podolsky") == skeleton("podolskiy") == skeleton("podolskyi")
    True
    >>> skeleton("mogilev") == skeleton("mogiljov")
    True
    >>> skeleton("alexandrovka") == skeleton("aleksandrovka")
    True
    """
    s = _ENDINGS.sub("i", key)
    s = (
        s.replace("x", "ks")  # Alexandrovka ~ Aleksandrovka
        .replace("kh", "h")
        .replace("zh", "z")
        .replace("j", "y")
        .replace("w", "v")
        .replace("y", "i")
    )
    # ё is written e, yo, jo or io: Mogilev ~ Mogiljov
    s = s.replace("io", "e").replace("ia", "a").replace("iu", "u").replace("ie", "e")
    return _DOUBLED.sub(r"\1", s)
