"""What extraction finds: candidates while the rules run, then mentions of places.

How a place was found is held in fields (`matched_by`, `descriptor`, `in_list`, `hint`…) that
the rules test; the words a reader sees (`how`: "name + descriptor", "list + regions") are
built from them for output only, by `Mention.how`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..gazetteer import Place
from .article import Article


class MatchedBy(Enum):
    """The rule that proposed a name."""

    NAME = "name"  # a gazetteer name as written
    SPELLING_VARIANT = "spelling variant"  # a transliteration of one ("Kharkov", "Kharkiv")
    ADJECTIVE = "adjective"  # of a country, before a word for land
    UNKNOWN_BEFORE_DESCRIPTOR = "unknown before descriptor"  # "Donbas region"
    UNKNOWN_AFTER_PREPOSITION = "unknown after preposition"  # "near Robotyne"


# Names no gazetteer knows: kept without further evidence, and resolved with less confidence.
# A tuple: `in` finds a member by identity, where a set would hash it (in Python, for an Enum).
UNKNOWN_NAMES = (MatchedBy.UNKNOWN_BEFORE_DESCRIPTOR, MatchedBy.UNKNOWN_AFTER_PREPOSITION)


@dataclass
class Candidate:
    i: int  # first and last+1 token of the name itself
    j: int
    matched_by: MatchedBy
    start: int = 0
    end: int = 0
    query: str = ""
    descriptor: str = ""  # singular descriptor applied (written, or shared by a list)
    plural: bool = False
    written: str = ""  # the descriptor as written (in a list: the list's plural)
    in_list: bool = False  # the descriptor is a list's: "Tomsk" in "Tomsk and Omsk regions"
    hint: str = ""  # the region or country in brackets or after a comma
    hint_kind: str = ""  # its kind: region or country
    country: str = ""  # adjectives: the country they name
    cue: str = ""  # the word beside it: "border" after an adjective, "in" before
    # an unknown name
    other_kind: str = ""  # written before another kind of place: "Nikopol district"


@dataclass(frozen=True)
class Mention:
    """A place the article names: `place` is None when it looked like one but didn't resolve."""

    start: int
    end: int
    text: str
    query: str
    place: Place | None
    confidence: float
    matched_by: MatchedBy
    paragraph: int
    sentence: tuple[int, int]
    suggestions: tuple[str, ...] = ()
    reason: str = ""
    descriptor: str = ""  # as in Candidate
    written: str = ""
    in_list: bool = False
    hint: str = ""
    hint_kind: str = ""
    cue: str = ""
    other_kind: str = ""  # as in Candidate: the mention is that place, not the town

    @property
    def how(self) -> str:
        """How the place was found, in words, for output only: the rules test the fields."""
        if self.in_list:
            how = f"list + {self.written}"
        elif self.matched_by is MatchedBy.NAME:
            how = "name + descriptor" if self.descriptor else "name"
        elif self.matched_by is MatchedBy.SPELLING_VARIANT:
            how = "spelling variant"
        elif self.matched_by is MatchedBy.ADJECTIVE:
            how = f"adjective + {self.cue!r}"
        elif self.matched_by is MatchedBy.UNKNOWN_BEFORE_DESCRIPTOR:
            how = "unknown name + descriptor"
        else:
            how = f"unknown name after {self.cue!r}"
        return how + (f" + {self.hint_kind} hint" if self.hint else "")

    def to_dict(self) -> dict:
        out = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "query": self.query,
            "place": self.place.to_dict() if self.place else None,
            "confidence": self.confidence,
            "how": self.how,
            "paragraph": self.paragraph,
            "sentence": list(self.sentence),
        }
        if not self.place:
            out.update(reason=self.reason, suggestions=list(self.suggestions))
        return out


@dataclass
class Extraction:
    article: Article
    mentions: list[Mention]  # resolved, in reading order
    unresolved: list[Mention]  # looked like places, did not resolve
    language: str = ""  # ru, uk, en (Latin script), mixed; "" for no letters

    @property
    def places(self) -> list[Place]:
        """The distinct places, in order of first mention."""
        return list({m.place.id: m.place for m in self.mentions if m.place is not None}.values())

    def to_dict(self) -> dict:
        a = self.article
        return {
            "article": a.name,
            "format": a.format,
            "characters": len(a.text),
            "language": self.language,
            "skipped": [{"start": s, "end": e, "why": why} for s, e, why in a.skipped],
            "mentions": [m.to_dict() for m in self.mentions],
            "unresolved": [m.to_dict() for m in self.unresolved],
        }
