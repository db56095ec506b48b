"""The language of an article, and its Cyrillic words read in the nominative, so the finder
matches "Курской области" against the gazetteer's "Курская область"."""

from __future__ import annotations

from ..gazetteer.morphology import detect_language, has_cyrillic, languages_for, word_nominatives
from ..gazetteer.normalize import normalize, skeleton
from .index import NameIndex
from .tokens import Token

__all__ = ["detect_language", "read_nominative"]


def read_nominative(tokens: list[Token], text: str, language: str, ix: NameIndex) -> None:
    """Give each Cyrillic token the key of its nominative form (in place): the form the
    gazetteer's names begin with when one does ("Харкові" → "харків", not the surname "Харко"),
    else the likeliest. A hyphenated compound is read whole ("Ростова-на-Дону" → "ростов на
    дону"), its parts keeping their own tokens."""
    lang = language if language in ("ru", "uk") else None
    k, n = 0, len(tokens)
    while k < n:
        if not has_cyrillic(text[tokens[k].start : tokens[k].end]):
            k += 1
            continue
        m = k
        while m + 1 < n and text[tokens[m].end : tokens[m + 1].start] == "-":
            m += 1
        written = text[tokens[k].start : tokens[m].end]
        keys = _nominative_keys(written, m - k + 1, lang, ix)
        if keys:
            for tok, key in zip(tokens[k : m + 1], keys):
                tok.key, tok.skel = key, skeleton(key)
        k = m + 1


def _nominative_keys(written: str, parts: int, language: str | None, ix: NameIndex):
    langs = languages_for(written, language)
    fallback = None
    for lang in langs:
        for form in word_nominatives(written, lang):
            keys = normalize(form).split(" ")
            if len(keys) != parts:
                continue
            if fallback is None:
                fallback = keys
            if keys[0] in ix.prefixes or " ".join(keys) in ix.prefixes:
                return keys
    return fallback
