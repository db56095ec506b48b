"""The language of an article, and its Cyrillic words read in the nominative, so the finder
matches "Курской области" against the gazetteer's "Курская область"."""

from __future__ import annotations

from functools import lru_cache

from ..gazetteer.morphology import (
    PREPOSITIONS,
    detect_language,
    has_cyrillic,
    languages_for,
    nominative_keys,
)
from ..gazetteer.normalize import skeleton
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
    # the last word (a compound's first and last tokens) and its readings
    previous: tuple[int, int, list] | None = None
    run = ""  # the keys of the name being read, while they begin a gazetteer name
    run_start = 0  # its first token
    while k < n:
        if not has_cyrillic(text[tokens[k].start : tokens[k].end]):
            k, previous, run = k + 1, None, ""
            continue
        m = k
        while m + 1 < n and text[tokens[m].end : tokens[m + 1].start] == "-":
            m += 1
        # only a capitalised word, or a lowercase one that goes on with a name being read
        # ("Курской области", "автономном округе"), is worth reading in the nominative
        if not (tokens[k].cap or (run and run in ix.prefixes)):
            k, previous, run = m + 1, None, ""
            continue
        written = text[tokens[k].start : tokens[m].end]
        if m == k and written.casefold() in PREPOSITIONS:
            # "Из Никиты": a preposition capitalised at a sentence's start keeps its own key
            # (read as a noun, "Из" would be "изы", and the name after it lose its "from")
            k, previous, run = m + 1, None, ""
            continue
        readings = _readings(written, m - k + 1, lang, ix)
        keys = _best(readings, ix)
        if keys:
            for tok, key in zip(tokens[k : m + 1], keys):
                tok.key, tok.skel = key, _skeleton(key)
        if (
            m == k
            and previous
            and previous[1] == k - 1
            and text[tokens[k - 1].end : tokens[k].start] in (" ", "\n")  # a wrapped line too
        ):
            # "Ханты-Мансийском автономном": the compound read as the town's instrumental
            # until the next word shows the region's adjective
            _agree(tokens[previous[0] : k], tokens[k], previous[2], readings, ix)
        if run and not tokens[k].cap:  # the keys again: agreeing may have changed them
            run = " ".join(tok.key for tok in tokens[run_start : m + 1])
        else:
            run, run_start = " ".join(tok.key for tok in tokens[k : m + 1]), k
        if tokens[k].cap and run not in ix.prefixes and m > k:
            run = ""
        previous = (k, m, readings)
        k = m + 1


def _agree(a: list[Token], b: Token, readings_a: list, readings_b: list, ix: NameIndex) -> None:
    """Two words each read alone may not make the name together ("Кривому Розі" read as
    "криве роза"): when their pair begins no gazetteer name, take the pair of readings that
    does ("кривии ріг"). The first word may be a hyphenated compound (its tokens `a`)."""
    if " ".join(tok.key for tok in (*a, b)) in ix.prefixes:
        return
    for first in readings_a[:4]:
        # a pair begins a name only if its first word does (every prefix's own first word is
        # one): asked first, it spares a query of the store for each pair that cannot
        head = " ".join(first)
        if len(first) != len(a) or head not in ix.prefixes:
            continue
        for second in readings_b[:4]:
            if f"{head} {second[0]}" in ix.prefixes:
                for tok, key in zip(a, first):
                    tok.key, tok.skel = key, _skeleton(key)
                b.key, b.skel = second[0], _skeleton(second[0])
                return


def _readings(written: str, parts: int, language: str | None, ix: NameIndex) -> list[list[str]]:
    """The word's nominative readings as keys; the second dictionary only when the first
    gives none a gazetteer name begins with."""
    out: list[list[str]] = []
    for lang in languages_for(written, language):
        out += [keys for keys in _keys(written, lang) if len(keys) == parts and keys not in out]
        if any(keys[0] in ix.prefixes for keys in out):
            break
    return out


@lru_cache(maxsize=1 << 15)
def _skeleton(key: str) -> str:
    """A reading's transliteration skeleton: two regular expressions a call, and the text's
    names come back again and again."""
    return skeleton(key)


@lru_cache(maxsize=1 << 15)
def _keys(written: str, language: str) -> tuple[list[str], ...]:
    return tuple(key.split(" ") for key in nominative_keys(written, language))


def _best(readings: list[list[str]], ix: NameIndex):
    """The reading that is a gazetteer name by itself ("з Донецька": Донецьк, not the
    adjective of "Донецька область", which `_agree` takes when "області" follows), else one a
    name begins with, else the likeliest."""
    for keys in readings:
        if " ".join(keys) in ix.names:
            return keys
    for keys in readings:
        if keys[0] in ix.prefixes or " ".join(keys) in ix.prefixes:
            return keys
    return readings[0] if readings else None
