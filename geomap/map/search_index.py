"""The page's place search: every spelling the gazetteer knows of the places on this map.

Only the places the events use are indexed (not the gazetteer's 45,000), each with its name,
its label, its aliases (Харків, Kharkov, Charkow…) and, for names in Cyrillic, their case
forms (Харкова, Харкові, Харькове), as Russian and Ukrainian text writes them. Spellings that
normalise to the same key are sent once. The page (search.js) normalises each spelling and
what the reader types by the same rules as geomap/gazetteer/normalize.py: they travel in the
index (`rules`), so the rules are written once, in Python.
"""

from __future__ import annotations

import re

from ..gazetteer import default_gazetteer
from ..gazetteer.morphology import PERSON_TAGS, analyzer, has_cyrillic
from ..gazetteer.normalize import (
    _COMBINING,
    _CYRILLIC,
    _DROPPED,
    _HOMOGLYPHS,
    _SEPARATORS,
    _TOKEN_SYNONYMS,
    normalize,
)

# Cases a name takes in running text, besides the nominative: "у Харкові", "из Харькова",
# "під Каховкою". Singular only: a place's name is not counted.
CASES = ("gent", "datv", "accs", "ablt", "loct")
# A word, hyphenated compounds whole: pymorphy3 knows "Ростов-на-Дону" and "Санкт-Петербург".
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The dictionary tried first for a place's Cyrillic names, by its country; then the other.
FIRST_LANGUAGE = {"UA": "uk"}


# The packed list's own characters (see `search_index`): a spelling holding one is not sent.
SEPARATOR, FORM = "|", "~"


def search_index(places: list[list], fields: list[str], names=None, gazetteer=None) -> dict:
    """The search index of the page's place table (payload.py `encode_events`: `places`, rows
    of `fields`): {"rules": …, "spellings": [one text per row of the table, in its order]}.

    A row's text holds the place's spellings besides its name and label (which the table
    already carries), separated by "|"; after a Cyrillic spelling come its case forms, each
    written "~" + how many letters of that spelling to drop + the ending to add ("Харків",
    then "~2ова" for "Харкова"): a third of the bytes of the forms written out.
    `names` (a labels.NameSource) adds each place's label in its language."""
    gazetteer = gazetteer or default_gazetteer()
    column = {name: k for k, name in enumerate(fields)}
    packed = []
    for place in places:
        place_id = place[column["id"]]
        shown = [place[column["name"]], place[column["label"]]]
        spellings = [names.label(place_id, names.language)] if names is not None else []
        known = _gazetteer_place(gazetteer, place_id)
        if known is not None:
            spellings += [known.name, *known.aliases, *known.informal]
        language = FIRST_LANGUAGE.get(place[column["country"]] or "", "ru")
        packed.append(_pack(shown, spellings, language))
    return {"rules": page_rules(), "spellings": packed}


def _gazetteer_place(gazetteer, place_id):
    """The bundled place of an id; None for a places file's or an editor's own point."""
    try:
        return gazetteer.get(place_id)
    except KeyError:
        return None


def _pack(shown, spellings, language: str) -> str:
    """The spellings and their case forms, one per normalised key (the keys of `shown`, the
    name and label the page has already, count as sent), in the order given."""
    keys = {normalize(s) for s in shown if s}
    out: list[str] = []

    def new(spelling) -> bool:
        key = normalize(spelling)
        if not key or key in keys or SEPARATOR in spelling or FORM in spelling:
            return False
        keys.add(key)
        return True

    written = [s for s in dict.fromkeys(shown + spellings) if s]
    for spelling in written:
        base_sent = spelling not in shown and new(spelling)
        if base_sent:
            out.append(spelling)
        if has_cyrillic(spelling):
            for form in case_forms(spelling, language):
                if new(form):
                    if not base_sent:  # the forms are written against the spelling before them
                        out.append(spelling)
                        base_sent = True
                    out.append(_relative(spelling, form))
    return SEPARATOR.join(out)


def _relative(base: str, form: str) -> str:
    """`form` as "~" + letters of `base` to drop + ending: ("Харків", "Харкові") → "~2ові"."""
    common = 0
    while common < min(len(base), len(form)) and base[common] == form[common]:
        common += 1
    return f"{FORM}{len(base) - common}{form[common:]}"


def unpack(text: str) -> list[str]:
    """The spellings of a packed text, case forms written out (as search.js reads them)."""
    out: list[str] = []
    base = ""
    for part in text.split(SEPARATOR) if text else []:
        if part.startswith(FORM):
            digits = len(part) - len(part[1:].lstrip("0123456789"))
            drop = int(part[1:digits])
            out.append(base[: len(base) - drop] + part[digits:])
        else:
            base = part
            out.append(part)
    return out


def case_forms(name: str, language: str = "ru") -> list[str]:
    """A Cyrillic name in the cases of CASES (pymorphy3's dictionaries): "Нова Каховка" →
    "Нової Каховки", "Новій Каховці", … The dictionary is `language`'s ("ru" or "uk") when it
    reads every word of the name as a nominative (not a person's name: "Львов" is a surname in
    Ukrainian), else the other's; a name neither reads so has no case forms (a guess from its
    ending would invent them). Each word is inflected by
    its own best reading as a nominative (a place's name, tag Geox, first), so an adjective
    agrees with its noun."""
    matches = list(_WORD.finditer(name))
    words = None
    for lang in (language, "uk" if language == "ru" else "ru"):
        morph = analyzer(lang)
        readings = [(m, _nominative_reading(morph, m.group())) for m in matches]
        if all(r is not None for m, r in readings if has_cyrillic(m.group())):
            words = readings
            break
    if not words:
        return []
    forms = []
    for case in CASES:
        parts, end = [], 0
        for match, reading in words:
            inflected = reading.inflect({case}) if reading else None
            parts += [name[end : match.start()], _as_written(match.group(), inflected)]
            end = match.end()
        form = "".join(parts) + name[end:]
        if form != name:
            forms.append(form)
    return forms


def _nominative_reading(morph, word: str):
    """The dictionary's reading of a word as a singular nominative noun or adjective that is
    not a person's name; None when it has none (or does not know the word)."""
    lower = word.casefold()
    if not has_cyrillic(word) or not morph.word_is_known(lower):
        return None
    readings = [
        p
        for p in morph.parse(lower)
        if p.tag.case == "nomn"
        and p.tag.number != "plur"
        and p.tag.POS in ("NOUN", "ADJF")
        and not p.tag.grammemes & PERSON_TAGS
    ]
    readings.sort(key=lambda p: "Geox" not in p.tag.grammemes)  # stable: pymorphy3's order next
    return readings[0] if readings else None


def _as_written(word: str, inflected) -> str:
    """The inflected word with the capitals of the word as written, part by part of a
    compound ("Ростові-на-Дону", not "ростові-на-дону")."""
    if inflected is None:
        return word
    written, forms = word.split("-"), inflected.word.split("-")
    if len(written) != len(forms):
        return inflected.word
    return "-".join(f[:1].upper() + f[1:] if w[:1].isupper() else f for w, f in zip(written, forms))


def page_rules() -> dict:
    """normalize.py's tables, for the page's own `normalize` (search.js): characters dropped,
    separators, token synonyms, Latin look-alikes read as Cyrillic inside a Cyrillic word.

    They are read from normalize.py's module-level tables rather than copied, so a change of
    the rules reaches the page; normalize.py itself is left alone, since any edit to it
    changes the fingerprint of the shipped name index."""
    return {
        "dropped": "".join(chr(c) for c in sorted(_DROPPED)),
        "separators": _SEPARATORS.pattern,
        "synonyms": dict(_TOKEN_SYNONYMS),
        "homoglyphs": [
            "".join(chr(c) for c in _HOMOGLYPHS),
            "".join(chr(_HOMOGLYPHS[c]) for c in _HOMOGLYPHS),
        ],
        "cyrillic": _CYRILLIC.pattern,
        "combining": _COMBINING.pattern,
    }
