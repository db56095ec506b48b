"""Word tokens of the report's paragraphs, and its sentences: what the finder reads."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer.normalize import normalize, skeleton
from .article import Article, is_heading
from .words import WORD

_POSSESSIVE = re.compile(r"['’ʼ]s$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'’”)\]]*\s+(?=[\"'‘“(\[]*[^\W\d_])")
_ABBREVIATION = re.compile(
    r"(?i)\b(st|sv|mt|ft|no|nos|mr|mrs|ms|dr|prof|gen|col|lt|sgt|art|vs|obl|"
    r"e\.g|i\.e|etc|p|pp|vol|ch)\.$"
)


@lru_cache(maxsize=1 << 16)
def _keys(word: str) -> tuple[str, str]:
    key = normalize(word)
    return key, skeleton(key)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    key: str
    skel: str
    cap: bool  # starts with a capital letter
    upper: bool  # an acronym: OMON, BBC, UK
    poss: tuple | None  # "Ukraine's": (key, skeleton, end) of "Ukraine"
    initial: bool  # first word of a sentence, or in a heading (capitals prove nothing)
    heading: bool
    para: int


def tokenize(article: Article) -> tuple[list[Token], list[tuple[int, int]]]:
    """Word tokens of the report's paragraphs, and its sentences as (start, end)."""
    text, tokens, sentences = article.text, [], []
    for p, (ps, pe) in enumerate(article.paragraphs):
        para = text[ps:pe]
        # an abbreviation is a few letters before the full stop: look at those, not the whole
        # paragraph before it (quadratic in a page that is one long line)
        starts = [ps] + [
            ps + m.end()
            for m in _SENTENCE_END.finditer(para)
            if not _ABBREVIATION.search(para[max(0, m.start() - 16) : m.start()].rstrip("\"'’”)]"))
        ]
        sentences += [(s, e) for s, e in zip(starts, [*starts[1:], pe])]
        heading = is_heading(para)
        first_of = set()
        for m in WORD.finditer(text, ps, pe):
            word = m.group()
            key, skel = _keys(word)
            if not key:
                continue
            poss = None  # "Ukraine's": also try "Ukraine"
            if len(word) > 3 and _POSSESSIVE.search(word):
                poss = (*_keys(word[:-2]), m.end() - 2)
            sentence = bisect_right(starts, m.start()) - 1
            tokens.append(
                Token(
                    m.start(),
                    m.end(),
                    key,
                    skel,
                    word[0].isupper(),
                    word.isupper() and len(word) > 1,
                    poss,
                    heading or sentence not in first_of,
                    heading,
                    p,
                )
            )
            first_of.add(sentence)
    return tokens, sentences


def joinable(text: str, a: Token, b: Token, period: bool = True) -> bool:
    """Can a name run on from token a to token b? Spaces, one hyphen or dash, one line break;
    a full stop only after an abbreviation ("St. Petersburg")."""
    if a.para != b.para:
        return False
    gap = text[a.end : b.start]
    if not gap or gap.isspace():
        return gap.count("\n") <= 1 and len(gap) <= 8
    if period and gap.strip() == "." and a.end - a.start <= 3 and a.cap:
        return True
    core = gap.strip(" \t\u00a0\n")
    return len(core) == 1 and core in "-‐‑‒–—" and len(gap) <= 3
