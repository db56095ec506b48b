"""What extraction finds: candidates while the rules run, then mentions of places."""

from __future__ import annotations

from dataclasses import dataclass

from ..gazetteer import Place
from .article import Article


@dataclass
class Candidate:
    i: int                      # first and last+1 token of the name itself
    j: int
    how: str                    # name, spelling variant, name + descriptor, adjective + "border"…
    start: int = 0
    end: int = 0
    query: str = ""
    descriptor: str = ""        # singular descriptor applied (written, or shared by a list)
    plural: bool = False
    written: str = ""           # the descriptor as written
    hint: str = ""
    country: str = ""           # adjectives: the country they name


@dataclass(frozen=True)
class Mention:
    """A place the article names: `place` is None when it looked like one but didn't resolve."""

    start: int
    end: int
    text: str
    query: str
    place: Place | None
    confidence: float
    how: str
    paragraph: int
    sentence: tuple[int, int]
    suggestions: tuple[str, ...] = ()
    reason: str = ""

    def to_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text, "query": self.query,
               "place": self.place.to_dict() if self.place else None,
               "confidence": self.confidence, "how": self.how, "paragraph": self.paragraph,
               "sentence": list(self.sentence)}
        if not self.place:
            out.update(reason=self.reason, suggestions=list(self.suggestions))
        return out


@dataclass
class Extraction:
    article: Article
    mentions: list[Mention]        # resolved, in reading order
    unresolved: list[Mention]      # looked like places, did not resolve

    @property
    def places(self) -> list[Place]:
        """The distinct places, in order of first mention."""
        return list({m.place.id: m.place for m in self.mentions}.values())

    def to_dict(self) -> dict:
        a = self.article
        return {"article": a.name, "format": a.format, "characters": len(a.text),
                "skipped": [{"start": s, "end": e, "why": why} for s, e, why in a.skipped],
                "mentions": [m.to_dict() for m in self.mentions],
                "unresolved": [m.to_dict() for m in self.unresolved]}
