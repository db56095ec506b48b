"""The table's order in each language, by a documented simple rule instead of ICU.

Babel has no collator and PyICU is a large compiled dependency, so the rule is written down
here and tested (tests/test_i18n.py):

- letters compare case-insensitively by their place in the language's alphabet;
- the map's own script comes first: Cyrillic before Latin in Russian and Ukrainian maps,
  Latin before Cyrillic in English ones (as CLDR's ru and uk collations reorder Cyrillic
  first); other letters follow, by code point;
- Russian: ё sorts as е (ёж beside еж), a tie broken by the ё after the е, as CLDR's ru;
  Ukrainian: ґ after г, є after е, і and ї after и, the apostrophe ignored (uk alphabet);
- a letter with an accent that is not a letter of the alphabet (é) sorts as its base letter,
  after it when all else is equal;
- digits before letters, and spaces and punctuation before both (compared by code point).
"""

from __future__ import annotations

import unicodedata

LATIN = "abcdefghijklmnopqrstuvwxyz"
ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
}
# Russian reads ё as a variant of е at the first level of comparison (CLDR ru).
SAME_LETTER = {"ru": {"ё": "е"}, "uk": {}, "en": {}}
IGNORED = {"uk": "'’ʼ", "ru": "", "en": ""}
# Cyrillic letters of other alphabets, for the English order (ru's letters, then uk's extra).
CYRILLIC = ALPHABETS["ru"] + "ґєіїў"

PUNCTUATION, DIGIT, FIRST_SCRIPT, SECOND_SCRIPT, OTHER = range(5)
_GROUP = 0x20000  # code points per group in the key: the groups sort before one another


class _Weights(dict):
    """One language's weight of each character, as one character of the key (str.translate
    looks each up in C; a character met for the first time is weighed once, in __missing__)."""

    def __init__(self, lang: str):
        super().__init__()
        if lang in ALPHABETS:
            self.first, self.second = ALPHABETS[lang], LATIN
        else:
            self.first, self.second = LATIN, CYRILLIC
        self.same = SAME_LETTER[lang]
        for char in IGNORED[lang]:
            self[ord(char)] = None

    def __missing__(self, code: int):
        char = chr(code)
        base = self.same.get(char, char)
        if base not in self.first and base not in self.second:  # é as e (after it), not after z
            base = unicodedata.normalize("NFD", char)[0]
        if base in self.first:
            weight = FIRST_SCRIPT * _GROUP + self.first.index(base)
        elif base in self.second:
            weight = SECOND_SCRIPT * _GROUP + self.second.index(base)
        elif char.isdigit():
            weight = DIGIT * _GROUP + min(code, _GROUP - 1)
        elif char.isalpha():
            weight = OTHER * _GROUP + min(code, _GROUP - 1)
        else:
            weight = PUNCTUATION * _GROUP + min(code, _GROUP - 1)
        self[code] = chr(weight)
        return self[code]


_WEIGHTS = {lang: _Weights(lang) for lang in ("en", "ru", "uk")}


def sort_key(text: str, lang: str) -> tuple:
    """A key that orders `text` as a reader of `lang` expects (see the module's rule): the
    letters' weights, then the letters themselves (ё after е, é after e), then the text."""
    folded = unicodedata.normalize("NFC", text.casefold())
    return (folded.translate(_WEIGHTS[lang]), folded, text)
