"""Russian and Ukrainian lists of regions that share one plural noun: "в Курской, Белгородской и
Брянской областях", "Харківська, Сумська та Чернігівська області". Each adjective is a region,
named in full with the noun in the singular ("Курской области"), which lookup then reads as
it reads any region in any case. English lists ("the Kursk and Bryansk regions") are the
finder's `_lists`; there each name is a name without its noun, here the adjective is not.

News also leaves the noun out the second time: "в Самарской области — Сызрань, в
Ленинградской — Кириши". That adjective alone is a stanitsa's name (Ленинградская, in the
Kuban) but here the region's: `elided_regions` reads it with the noun of the first."""

from __future__ import annotations

import re

from ..gazetteer.morphology import has_cyrillic, languages_for, parses
from .index import NameIndex
from .results import Candidate, MatchedBy
from .tokens import Token
from .words import LIST_GAP, LIST_WORDS

# The nouns of a region's name that a list shares, in their dictionary form (ru and uk).
REGION_NOUNS = frozenset(["область", "край", "республика", "республіка"])
# What every form of them begins with: a word that does not is not parsed (parsing costs).
_NOUN_STARTS = ("облас", "кра", "республ")


def region_lists(tokens: list[Token], text: str, ix: NameIndex, language: str) -> list[Candidate]:
    """A candidate per listed adjective that names a region with the noun in the singular;
    the last one takes the noun in ("Брянской областях")."""
    out: list[Candidate] = []
    for k, noun in enumerate(tokens):
        if not k or noun.cap:
            continue
        written = text[noun.start : noun.end]
        if not has_cyrillic(written):
            continue
        singular = _singular(written, language)
        if singular is None:
            continue
        members = _members(tokens, text, k)
        if len(members) < 2:  # one adjective and its noun is a name the finder reads already
            continue
        for n, m in enumerate(members):
            adjective = text[tokens[m].start : tokens[m].end]
            query = f"{adjective} {singular}"
            place = ix.lookup(query).place
            if place is None or place.kind != "region":
                continue
            last = n == len(members) - 1
            out.append(
                Candidate(
                    m,
                    m + 1,
                    MatchedBy.NAME,
                    tokens[m].start,
                    noun.end if last else tokens[m].end,
                    query=query,
                    descriptor=singular,
                    written=written,
                    in_list=True,
                )
            )
    return out + elided_regions(tokens, text, ix, language)


# Punctuation after an adjective whose noun is left out: "в Ленинградской — Кириши"
_ELIDED_AFTER = re.compile(r"\s*[—–,.;:)]")
# The prepositions both stand after ("в", "из"…), Russian and Ukrainian
_PREPOSITIONS = frozenset(
    ["в", "во", "из", "на", "по", "у", "с", "со", "до", "от", "з", "із", "зі"]
)
# A move from one region to another: "из Белгородской области в Курскую", "з Донецької
# області на Дніпропетровську", the second adjective in its own case after its own preposition
_FROM = frozenset(["из", "с", "со", "от", "з", "із", "зі", "від"])
_TO = frozenset(["в", "во", "на", "до", "у"])
# How far after the full name its elided repetition may stand, in tokens (one sentence)
_ELIDED_REACH = 20


def elided_regions(tokens: list[Token], text: str, ix: NameIndex, language: str) -> list[Candidate]:
    """A region's adjective after the same preposition as a region named in full, in the same
    case, with the noun left out: "в Самарской области — Новокуйбышевск, в Ленинградской —
    Кириши", in the same sentence; or in its own case after a move's "to" ("из Белгородской
    области в Курскую"). The adjective must stand alone, punctuation after it: "в
    Ленинградской АЭС" is left to the finder."""
    out: list[Candidate] = []
    for k in range(2, len(tokens)):
        noun, adjective, preposition = tokens[k], tokens[k - 1], tokens[k - 2]
        written = text[noun.start : noun.end]
        # words as written: a token's key may be the nominative the reader put there
        before = text[preposition.start : preposition.end].casefold()
        if (
            noun.cap
            or not adjective.cap
            or before not in _PREPOSITIONS
            or not has_cyrillic(written)
            or not written.casefold().startswith(_NOUN_STARTS)
            or text[adjective.end : noun.start].strip()
        ):
            continue
        first = ix.lookup(f"{text[adjective.start : adjective.end]} {written}").place
        if first is None or first.kind != "region":
            continue
        ending = text[adjective.end - 2 : adjective.end].casefold()
        for m in range(k + 2, min(k + 2 + _ELIDED_REACH, len(tokens))):
            tok, prior = tokens[m], tokens[m - 1]
            if tok.para != noun.para or re.search(r"[.!?]\s", text[prior.end : tok.start]):
                break
            nxt = tokens[m + 1] if m + 1 < len(tokens) else None
            after = text[prior.start : prior.end].casefold()
            if not (
                tok.cap
                and has_cyrillic(tok.key)
                and (
                    (text[tok.end - 2 : tok.end].casefold() == ending and after == before)
                    or (before in _FROM and after in _TO and _adjective(tok, text, language))
                )
                and _ELIDED_AFTER.match(text, tok.end)
                and not (nxt and text[nxt.start : nxt.end].casefold().startswith(_NOUN_STARTS))
            ):
                continue
            query = f"{text[tok.start : tok.end]} {written}"
            place = ix.lookup(query).place
            if place is not None and place.kind == "region":
                out.append(
                    Candidate(
                        m,
                        m + 1,
                        MatchedBy.NAME,
                        tok.start,
                        tok.end,
                        query=query,
                        descriptor=written,
                        written=written,
                        in_list=True,
                    )
                )
    return out


def _adjective(tok: Token, text: str, language: str) -> bool:
    """Can the word be an adjective (a region's, its noun left out), not a town's name ("из
    Курской области в Белгород" is the city)?"""
    word = text[tok.start : tok.end]
    return any(
        p.tag.POS == "ADJF"
        for lang in languages_for(word, language)
        for p in parses(word.casefold(), lang)
    )


def _singular(word: str, language: str) -> str | None:
    """ "областях" → "области" (the same case, singular), when the word is a plural of a
    region's noun; None otherwise."""
    lower = word.casefold()
    if not lower.startswith(_NOUN_STARTS):
        return None
    for lang in languages_for(word, language):
        for p in parses(lower, lang):
            if p.normal_form in REGION_NOUNS and "plur" in p.tag and p.tag.case:
                # the lexeme's form of the same case, not plural (the Ukrainian dictionary
                # marks a singular by its gender alone, and cannot `inflect` to "sing")
                for form in p.lexeme:
                    if form.tag.case == p.tag.case and "plur" not in form.tag:
                        return form.word
    return None


def _members(tokens: list[Token], text: str, k: int) -> list[int]:
    """The capitalised Cyrillic words before token k, each separated from the next by a comma
    or "и", "та"…: the list's members, first to last."""
    members: list[int] = []
    m, after = k - 1, tokens[k]
    while m >= 0:
        if members and tokens[m].key in LIST_WORDS and m:  # "и", "та": part of the gap
            m -= 1
        tok = tokens[m]
        gap = text[tok.end : after.start]
        # the adjective right before its noun (a wrapped line too), then list gaps
        fits = not gap.strip() if not members else bool(LIST_GAP.match(gap)) and gap.strip()
        if not (fits and tok.cap and tok.para == after.para and has_cyrillic(tok.key)):
            break
        members.append(m)
        m, after = m - 1, tok
    return members[::-1]
