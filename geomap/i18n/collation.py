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


def _orders(lang: str) -> tuple[dict, dict]:
    if lang in ALPHABETS:
        first, second = ALPHABETS[lang], LATIN
    else:
        first, second = LATIN, CYRILLIC
    return {c: i for i, c in enumerate(first)}, {c: i for i, c in enumerate(second)}


_ORDERS = {lang: _orders(lang) for lang in ("en", "ru", "uk")}


def sort_key(text: str, lang: str) -> tuple:
    """A key that orders `text` as a reader of `lang` expects (see the module's rule)."""
    first, second = _ORDERS[lang]
    same, ignored = SAME_LETTER[lang], IGNORED[lang]
    primary, secondary = [], []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if char in ignored:
            continue
        base = same.get(char, char)
        if base not in first and base not in second:  # é as e (after it), not after z
            base = unicodedata.normalize("NFD", char)[0]
        if base in first:
            primary.append((FIRST_SCRIPT, first[base]))
        elif base in second:
            primary.append((SECOND_SCRIPT, second[base]))
        elif char.isdigit():
            primary.append((DIGIT, ord(char)))
        elif char.isalpha():
            primary.append((OTHER, ord(char)))
        else:
            primary.append((PUNCTUATION, ord(char)))
        secondary.append(char != base)
    return (tuple(primary), tuple(secondary), text)
