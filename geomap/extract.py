"""Find the places an article names, offline: what `geomap extract` runs.

article (text, Markdown, HTML) → the report's own paragraphs (site furniture skipped) → word
tokens → the longest gazetteer names → rules (descriptors, lists, hints in brackets, adjectives,
common words) → `Gazetteer.lookup` for every name, so extraction and `geomap geocode` agree.
Offsets count characters of `Article.text`: for HTML, the text after stripping tags.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import GeomapError
from .extract_html import html_text
from .gazetteer import Gazetteer, Place, default_gazetteer, describe
from .gazetteer.normalize import DESCRIPTORS, normalize, skeleton
from .textio import decode_utf8, read_bounded

MAX_BYTES = 5 * 1024 * 1024  # a long report is 100 KB; 5 MB is a book or the wrong file

# English words (and a few names) that the gazetteer also knows as places. They count only when
# capitalised inside a sentence after "in", "from", "to"… or with a descriptor or a hint.
COMMON_WORDS = frozenset("""
    anus ape are as babel balky bar bender berg bile bode bor bore bum buy camber chad char chop
    clit cola cop dimer elk gamy gay gel grants grim gums gut harp hat hell human hut ii int is
    island jam jar jerky jug karma ken lazy lit log luck lug lupin major mama mare marina maritime
    marks mir mole never newel oar ob ocher old or oral ore pap partizan pasha pita plot police
    progress rouge sack sad saki sari science shack shush sim skit smile spas spat star sumo tin
    tor tore trip vary vi wad wary wiry xor yam
""".split())
# Names that in an English article mean a person or a place outside the gazetteer (Paris is
# a village in the Urals to the gazetteer): only with a descriptor or a hint in brackets.
OTHER_MEANINGS = frozenset("""
    alba alexandria andropov brezhnev cali cambridge chernenko edmonton gogol grimm hamburg
    hindenburg java johannes kline kuibyshev kutuzov leipzig leland lenin logan loren lula
    malinowski markov marx molotov neo paris pravda rachel ramadan romanov rosa rosenberg roy satan
    stalin sven tim ustinov weinberg bolshevik linda maya
""".split()) | {"karl marx", "karl marks", "gross karol"}
# Adjectives: of a country, they name it only before a word for land ("the Polish border");
# "Polish volunteers" are people. The others are never a place on their own ("Chechen fighters").
DEMONYMS = {
    "russian": "RU", "ukrainian": "UA", "polish": "PL", "romanian": "RO", "moldovan": "MD",
    "moldavian": "MD", "hungarian": "HU", "belarusian": "BY", "belarussian": "BY", "slovak": "SK",
    "slovakian": "SK", "georgian": "GE", "lithuanian": "LT", "latvian": "LV", "estonian": "EE",
    "finnish": "FI", "kazakh": "KZ", "kazakhstani": "KZ", "chinese": "CN", "turkish": "TR",
    "armenian": "AM", "azerbaijani": "AZ", "mongolian": "MN", "norwegian": "NO", "german": "DE",
    "french": "FR", "italian": "IT", "portuguese": "PT", "lebanese": "LB", "czech": "CZ",
    "bulgarian": "BG", "serbian": "RS", "greek": "GR", "turkmen": "TM", "uzbek": "UZ",
}
ADJECTIVES = frozenset(DEMONYMS) | frozenset(
    "chechen chuvash kalmyk jewish tatar bashkir dagestani ossetian crimean abkhazian soviet "
    "transnistrian european american british english syrian iranian japanese korean".split())
LAND_NOUNS = frozenset("border borders frontier territory soil airspace coast coastline".split())
NOT_LAND_AFTER = frozenset("guard guards service services police patrol troops force forces "
                           "agency officials authorities committee control".split())
# "the Dnipro river", "the Sea of Azov": a river or a sea, not the town of that name.
NATURE = frozenset("river lake sea reservoir valley basin delta bay gulf strait mountains "
                   "mountain hills range peninsula island islands forest dam canal spit estuary "
                   "lagoon".split())
LOCATIVES = frozenset("in at near from to into outside around via towards toward across through "
                      "past reach reached reaching leave left entered".split())
# After these, a capitalised word no gazetteer knows is listed as a place that did not resolve.
NEAR = frozenset("in near outside around".split())
NOT_AFTER_NEAR = frozenset("january february march april may june july august september "
                           "october november december monday tuesday wednesday thursday friday "
                           "saturday sunday cyrillic latin parliament congress".split())
FUNCTION_WORDS = frozenset("on in at and or as after before since this last with where when which "
                           "who was were is are has had have to for by from of the said".split())
MODIFIERS = frozenset("north south east west northern southern eastern western central greater "
                      "upper lower soviet occupied".split())
STOPWORDS = frozenset("the this that these those a an our their its his her whole entire each "
                      "every any same other border frontier capital separatist autonomous federal "
                      "neighbouring neighboring in of and or for".split()) | MODIFIERS | ADJECTIVES
PLURALS = {"regions": "region", "areas": "area", "oblasts": "oblast", "territories": "territory",
           "provinces": "province", "krais": "krai", "republics": "republic"}
AFTER = {k: v for k, v in DESCRIPTORS.items() if not k.endswith(" of")} | \
    {k: DESCRIPTORS.get(v, "region") for k, v in PLURALS.items()}
BEFORE = {k: v for k, v in DESCRIPTORS.items()
          if k.endswith(" of") or k in ("місто", "город")}
# Paragraphs from here to the end are the site's, not the report's (when most text is above).
_END_MARKERS = re.compile(r"(?i)^(related( articles| posts| stories)?|read (more|next)|"
                          r"more stories|you (may|might) also like|recommended|"
                          r"photo of (the )?author|about the authors?|comments|"
                          r"leave a (comment|reply)|notify of|share( this( article)?| to)?"
                          r"(\.\.\.|…)?|tags)\s*:?$")
_NAVIGATION = re.compile(r"^(.*[»›].*|(?i:home)\s*[>/|].*|\d+\s*(?i:min(ute)?s?\s+read)|"
                         r"(?i:by)(\s+[A-Z][^\s.]*){1,4})$")
_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’ʼ]s$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'’”)\]]*\s+(?=[\"'‘“(\[]*[^\W\d_])")
_ABBREVIATION = re.compile(r"(?i)\b(st|sv|mt|ft|no|nos|mr|mrs|ms|dr|prof|gen|col|lt|sgt|art|vs|obl|"
                           r"e\.g|i\.e|etc|p|pp|vol|ch)\.$")
_ITEM = re.compile(r"(?:[#>*+-]+|\d+[.)])\s")  # Markdown: a heading, quote or list item
# matched in place: slicing the rest of the text for every name is quadratic
_CLOSING_BRACKET = re.compile(r"\s*\)")
_LIST_GAP = re.compile(r"^\s*(,\s*(and\s+|or\s+)?|and\s+|or\s+|&\s*|/\s*)$")


class ArticleError(GeomapError):
    """The article cannot be read: missing, not text, not UTF-8 or empty."""


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """An article as geomap reads it. `paragraphs` are the report's; `skipped` the site's."""

    text: str
    format: str = "text"                  # text, markdown or html
    name: str = "<text>"
    paragraphs: tuple[tuple[int, int], ...] = ()
    skipped: tuple[tuple[int, int, str], ...] = ()
    meta: dict = field(default_factory=dict, compare=False)   # from HTML: h1, title, date

    @classmethod
    def from_text(cls, text: str, format: str = "text", name: str = "<text>", whole: bool = False,
                  skipped=(), meta=None) -> Article:
        """Split into paragraphs and, unless `whole`, set the site's furniture aside."""
        blocks = _paragraphs(text)
        skipped = [] if whole else list(skipped)
        if not whole:
            skipped += _furniture(text, blocks)
        merged = []  # a span inside another says nothing new
        for span in sorted(skipped, key=lambda span: (span[0], -span[1])):
            if not merged or span[1] > merged[-1][1]:
                merged.append(span)
        # merged spans start and end in increasing order: the last one starting at or before a
        # paragraph is the only one that can hold it (a scan of all of them per paragraph is
        # quadratic on a page of many small navigation boxes)
        starts = [span[0] for span in merged]
        kept = tuple(p for p in blocks
                     if not (k := bisect_right(starts, p[0])) or p[0] >= merged[k - 1][1])
        return cls(text, format, name, kept, tuple(merged), meta or {})


_NOT_BINARY = "an article (text, Markdown or HTML)"


def read_article(path, whole: bool = False) -> Article:
    """Read a UTF-8 article file ('-': standard input): `.html`/`.htm` (or text that starts like
    HTML) has its tags stripped; anything else is read as plain text (Markdown too)."""
    name = "<stdin>" if path == "-" else str(path)
    try:  # bounded: a pipe or a device (/dev/zero) has no size to check beforehand
        raw = read_bounded(path if path == "-" else Path(path), MAX_BYTES, what="an article",
                           expected=_NOT_BINARY, error=ArticleError)
    except FileNotFoundError:
        raise ArticleError(f"{name}: no such file. Check the path.") from None
    except IsADirectoryError:
        raise ArticleError(f"{name}: is a folder; give an article file "
                           "(.txt, .md or .html).") from None
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror}).") from None
    return article_from_bytes(raw, name, whole=whole)


def article_from_bytes(raw: bytes, name: str = "<stdin>", whole: bool = False) -> Article:
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"{name}: {len(raw):,} bytes is too big for an article "
                           f"(limit {MAX_BYTES:,}). Check that this is the right file.")
    if b"\x00" in raw:
        raise ArticleError(f"{name}: looks like a binary file, not {_NOT_BINARY}.")
    text = decode_utf8(raw, name, error=ArticleError, advice="Save the article as UTF-8 and try again.")
    head = text.lstrip()[:200].lower()
    if name.lower().endswith((".html", ".htm", ".xhtml")) or \
            head.startswith(("<!doctype html", "<html")):
        text, skipped, meta = html_text(text)
        fmt = "html"
    else:
        skipped, meta = (), {}
        fmt = "markdown" if name.lower().endswith((".md", ".markdown")) else "text"
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty; expected its text.")
    return Article.from_text(text, fmt, name, whole=whole, skipped=skipped, meta=meta)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks between blank lines. A block with a line longer than 150 characters is one
    paragraph per line (a saved web page); otherwise Markdown list items and headings start
    paragraphs and other lines continue them (wrapped text)."""
    out = []
    for block in re.finditer(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", text):
        lines = [(m.start() + block.start(), m.end() + block.start())
                 for m in re.finditer(r"\S(?:.*\S)?", block.group())]
        if max(e - s for s, e in lines) > 150:
            out += lines
            continue
        for n, (s, e) in enumerate(lines):
            if n == 0 or _ITEM.match(text[s:e]) or text[lines[n - 1][0]] == "#":
                out.append((s, e))
            else:
                out[-1] = (out[-1][0], e)
    return out


def _furniture(text, blocks) -> list[tuple[int, int, str]]:
    """Navigation lines, and everything from an end marker ("Related Articles", "Photo of author")
    on, when the report's text lies mostly above it."""
    out = []
    total = sum(e - s for s, e in blocks)
    seen = 0
    for s, e in blocks:
        line = re.sub(r"^[#>*_\s-]+|[*_\s]+$", "", text[s:e])  # Markdown: "### Related articles"
        if _END_MARKERS.match(line) and seen > total - seen - (e - s):
            out.append((s, len(text), "site furniture after " + repr(line)))
            break
        if e - s < 100 and _NAVIGATION.match(line):
            out.append((s, e, "navigation"))
        seen += e - s
    return out


# --- the index of names ----------------------------------------------------------------------


class _Index:
    """The gazetteer's own keys (names, names without descriptor, transliteration skeletons) and
    all their token prefixes, so an n-gram stops as soon as nothing can match. Read from the
    gazetteer's lookup tables, so extraction knows exactly the names `geocode` knows."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.names = set(gazetteer.names.full) | set(gazetteer.names.base)
        self.skeletons = set(gazetteer.names.variants)
        self.prefixes = _prefixes(self.names) | _prefixes(self.skeletons)
        self.max_tokens = max(k.count(" ") for k in self.names) + 1
        self.cache: dict[str, object] = {}

    def lookup(self, query):
        if query not in self.cache:
            self.cache[query] = self.gazetteer.lookup(query)
        return self.cache[query]


def _prefixes(keys):
    out = set()
    for key in keys:
        parts = key.split(" ")
        out.update(" ".join(parts[:n]) for n in range(1, len(parts) + 1))
    return out


_INDEXES: dict[int, _Index] = {}


def index_for(gazetteer: Gazetteer) -> _Index:
    """The name index of `gazetteer`, built once (about a third of a second) and kept."""
    index = _INDEXES.get(id(gazetteer))
    if index is None or index.gazetteer is not gazetteer:
        index = _INDEXES[id(gazetteer)] = _Index(gazetteer)
    return index


@lru_cache(maxsize=1 << 16)
def _keys(word: str) -> tuple[str, str]:
    key = normalize(word)
    return key, skeleton(key)


# --- tokens and candidates ---------------------------------------------------------------------


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    key: str
    skel: str
    cap: bool        # starts with a capital letter
    upper: bool      # an acronym: OMON, BBC, UK
    poss: tuple | None   # "Ukraine's": (key, skeleton, end) of "Ukraine"
    initial: bool    # first word of a sentence, or in a heading (capitals prove nothing)
    heading: bool
    para: int


@dataclass
class _Candidate:
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


def extract(article: Article | str, gazetteer: Gazetteer | None = None) -> Extraction:
    """Every place mention of the article's report, resolved by the gazetteer."""
    if isinstance(article, str):
        article = Article.from_text(article)
    return _Finder(article, index_for(gazetteer or default_gazetteer())).run()


def tokenize(article: Article) -> tuple[list[_Token], list[tuple[int, int]]]:
    """Word tokens of the report's paragraphs, and its sentences as (start, end)."""
    text, tokens, sentences = article.text, [], []
    for p, (ps, pe) in enumerate(article.paragraphs):
        para = text[ps:pe]
        # an abbreviation is a few letters before the full stop: look at those, not the whole
        # paragraph before it (quadratic in a page that is one long line)
        starts = [ps] + [ps + m.end() for m in _SENTENCE_END.finditer(para)
                         if not _ABBREVIATION.search(para[max(0, m.start() - 16): m.start()]
                                                     .rstrip("\"'’”)]"))]
        sentences += [(s, e) for s, e in zip(starts, starts[1:] + [pe])]
        heading = is_heading(para)
        first_of = set()
        for m in _WORD.finditer(text, ps, pe):
            word = m.group()
            key, skel = _keys(word)
            if not key:
                continue
            poss = None  # "Ukraine's": also try "Ukraine"
            if len(word) > 3 and _POSSESSIVE.search(word):
                poss = (*_keys(word[:-2]), m.end() - 2)
            sentence = bisect_right(starts, m.start()) - 1
            tokens.append(_Token(m.start(), m.end(), key, skel, word[0].isupper(),
                                 word.isupper() and len(word) > 1, poss,
                                 heading or sentence not in first_of, heading, p))
            first_of.add(sentence)
    return tokens, sentences


def is_heading(para: str) -> bool:
    """A title or heading: short, no full stop, most long words capitalised."""
    if len(para) > 120 or para.rstrip()[-1:] in ".!?…:;,":
        return False
    words = [w for w in _WORD.findall(para)[1:] if len(w) > 3]
    return not words or sum(w[0].isupper() for w in words) * 2 >= len(words)


def joinable(text: str, a: _Token, b: _Token, period: bool = True) -> bool:
    """Can a name run on from token a to token b? Spaces, one hyphen or dash, one line break;
    a full stop only after an abbreviation ("St. Petersburg")."""
    if a.para != b.para:
        return False
    gap = text[a.end:b.start]
    if not gap or gap.isspace():
        return gap.count("\n") <= 1 and len(gap) <= 8
    if period and gap.strip() == "." and a.end - a.start <= 3 and a.cap:
        return True
    core = gap.strip(" \t\u00a0\n")
    return len(core) == 1 and core in "-‐‑‒–—" and len(gap) <= 3


# --- finding ---------------------------------------------------------------------------------


class _Finder:
    """One pass over one article: candidates, then the rules that keep, join or drop them."""

    def __init__(self, article: Article, index: _Index):
        self.article, self.ix, self.text = article, index, article.text
        self.tokens, self.sentences = tokenize(article)
        self.sentence_starts = [s for s, _ in self.sentences]

    def run(self) -> Extraction:
        adjectives = self._adjectives()
        taken = {c.i for c in adjectives}
        names = [c for c in self._names() if c.i not in taken]
        candidates = sorted(self._descriptors(names) + adjectives, key=lambda c: c.start)
        self._lists(candidates)
        mentions, unresolved = [], []
        for c in self._hints(candidates):
            if c.country or self._keep(c):
                mention = self._resolve(c)
                (mentions if mention.place else unresolved).append(mention)
        return Extraction(self.article, mentions, unresolved)

    def _names(self) -> list[_Candidate]:
        """The longest run of tokens that is a gazetteer name (or a spelling variant of one)."""
        t, ix, text, n = self.tokens, self.ix, self.text, len(self.tokens)
        out, i = [], 0
        while i < n:
            best = None
            if t[i].cap and t[i].key != "the":  # "the Crimea" is Crimea
                key = skel = ""
                for j in range(i, min(n, i + ix.max_tokens)):
                    tok = t[j]
                    if j > i and not joinable(text, t[j - 1], tok):
                        break
                    for k, s, end in filter(None, (tok.poss, (tok.key, tok.skel, tok.end))):
                        k, s = (f"{key} {k}", f"{skel} {s}") if j > i else (k, s)
                        if k in ix.names:
                            best = (j + 1, "name", end)
                        elif s in ix.skeletons:
                            best = (j + 1, "spelling variant", end)
                    key, skel = ((f"{key} {tok.key}", f"{skel} {tok.skel}") if j > i
                                 else (tok.key, tok.skel))
                    if key not in ix.prefixes and skel not in ix.prefixes:
                        break
            if best:
                out.append(_Candidate(i, best[0], best[1], t[i].start, best[2]))
                i = best[0]
            else:
                i += 1
        return out

    def _adjectives(self) -> list[_Candidate]:
        """ "the Polish border", "the Russian-Ukrainian border": the countries named;
        "Polish volunteers" are people."""
        t, text, out = self.tokens, self.text, []
        for i, tok in enumerate(t):
            if tok.key not in DEMONYMS or not tok.cap or (i and t[i - 1].key in DEMONYMS and
                                                          joinable(text, t[i - 1], tok, False)):
                continue
            j = i
            while j + 1 < len(t) and t[j + 1].key in DEMONYMS and \
                    text[t[j].end:t[j + 1].start] in ("-", "‐", "‑"):
                j += 1
            noun = t[j + 1] if j + 1 < len(t) and joinable(text, t[j], t[j + 1], False) else None
            if noun is None or noun.key not in LAND_NOUNS:
                continue
            after = t[j + 2] if j + 2 < len(t) and joinable(text, noun, t[j + 2], False) else None
            if after is not None and after.key in NOT_LAND_AFTER:
                continue
            for k in range(i, j + 1):
                out.append(_Candidate(k, k + 1, f"adjective + {text[noun.start:noun.end]!r}",
                                      t[k].start, t[k].end, country=DEMONYMS[t[k].key]))
        return out

    def _descriptor_at(self, k: int, words: dict) -> int:
        """How many tokens from k form a descriptor in `words` (0, 1 or 2)."""
        t = self.tokens
        if k + 1 < len(t) and joinable(self.text, t[k], t[k + 1], False) and \
                f"{t[k].key} {t[k + 1].key}" in words:
            return 2
        return 1 if k < len(t) and t[k].key in words else 0

    def _descriptors(self, names: list[_Candidate]) -> list[_Candidate]:
        """Attach written descriptors ("Kherson oblast", "city of Slavutych"), and take an unknown
        capitalised name before one as a place that may not resolve ("Donbas region")."""
        t, text = self.tokens, self.text
        covered = set()
        for c in names:
            after = c.j < len(t) and c.end == t[c.j - 1].end and \
                joinable(text, t[c.j - 1], t[c.j], False) and self._descriptor_at(c.j, AFTER)
            before = c.i and joinable(text, t[c.i - 1], t[c.i], False) and (
                2 if c.i >= 2 and self._descriptor_at(c.i - 2, BEFORE) == 2 else
                int(t[c.i - 1].key in BEFORE))
            if after:
                self._attach(c, c.j, c.j + after)
                c.end = t[c.j + after - 1].end
            elif before:
                self._attach(c, c.i - before, c.i)
                c.start = t[c.i - before].start
            covered.update(range(c.i, c.j + int(after)))
        unknown = []
        for k, tok in enumerate(t):
            size = self._descriptor_at(k, AFTER)
            if not size or k in covered or not k:
                continue
            # back over up to 3 capitalised words: "Upper Lars crossing", not "Western region"
            first = k
            while first > 0 and k - first < 3 and (first - 1) not in covered and \
                    t[first - 1].cap and joinable(text, t[first - 1], t[first], False) and \
                    (t[first - 1].key not in STOPWORDS or
                     first < k and t[first - 1].key in MODIFIERS):
                first -= 1
            if first < k and not (first == k - 1 and t[first].initial and not t[first].heading):
                c = _Candidate(first, k, "unknown name + descriptor", t[first].start,
                               t[k + size - 1].end)
                self._attach(c, k, k + size)
                unknown.append(c)
        covered.update(k for c in unknown for k in range(c.i, c.j + 2))
        return names + unknown + self._after_preposition(covered)

    def _after_preposition(self, covered: set) -> list[_Candidate]:
        """A capitalised word no gazetteer knows, right after "in", "near"…: it looks like a place
        ("near Robotyne"), unless a lowercase noun follows ("in Telegram posts")."""
        t, text, out = self.tokens, self.text, []
        for k in range(1, len(t)):
            tok = t[k]
            if k in covered or not tok.cap or tok.initial or tok.upper or tok.poss or \
                    t[k - 1].key not in NEAR or tok.key in STOPWORDS or \
                    tok.key in NOT_AFTER_NEAR or not joinable(text, t[k - 1], tok, False):
                continue
            end = k
            while end + 1 < len(t) and end + 1 - k < 3 and end + 1 not in covered and \
                    t[end + 1].cap and not t[end + 1].upper and \
                    joinable(text, t[end], t[end + 1], False):
                end += 1
            after = t[end + 1] if end + 1 < len(t) else None
            if after and joinable(text, t[end], after, False) and not after.cap and \
                    after.key not in FUNCTION_WORDS:
                continue
            out.append(_Candidate(k, end + 1, f"unknown name after {t[k - 1].key!r}",
                                  tok.start, t[end].end))
        return out

    def _attach(self, c: _Candidate, a: int, b: int):
        words = " ".join(tok.key for tok in self.tokens[a:b])
        c.written = self.text[self.tokens[a].start:self.tokens[b - 1].end]
        c.plural = words in PLURALS
        c.descriptor = c.written
        if c.plural:  # "Territories" → "Territory": what the gazetteer knows
            c.descriptor = PLURALS[words].capitalize() if c.written[0].isupper() else PLURALS[words]
        if c.how == "name":
            c.how = "name + descriptor"

    def _lists(self, candidates: list[_Candidate]):
        """ "Kemerovo, Tomsk, and Novosibirsk regions": the plural descriptor is every item's. It
        stops at an item that is a region or country by itself, or a city that is its own region
        (St. Petersburg), or has its own descriptor."""
        for n, c in enumerate(candidates):
            if not c.plural:
                continue
            nxt = c
            for prev in (candidates[k] for k in range(n - 1, -1, -1)):  # no copy per name
                if prev.descriptor or prev.country or prev.hint or \
                        not _LIST_GAP.match(self.text[prev.end:nxt.start]):
                    break
                written = self.text[prev.start:prev.end]
                alone = self.ix.lookup(written).place
                if alone and alone.kind in ("region", "country"):
                    break
                if alone and self._own_region(alone):
                    # "St. Petersburg" is its own region and ends the list; "Moscow" in
                    # "Vladimir, Moscow, Tula … regions" is Moscow Oblast, another region.
                    with_descriptor = self.ix.lookup(f"{written} {c.descriptor}").place
                    if not with_descriptor or with_descriptor.id == alone.parent:
                        break
                prev.descriptor, prev.how = c.descriptor, f"list + {c.written}"
                nxt = prev

    def _own_region(self, place: Place) -> bool:
        if not place.parent or place.parent not in self.ix.gazetteer._by_id:
            return False
        return normalize(self.ix.gazetteer.get(place.parent).name) == normalize(place.name)

    def _hints(self, candidates: list[_Candidate]) -> list[_Candidate]:
        """ "Koryukovka (Chernihiv region)", "Bar, Vinnytsia oblast": the second names where the
        first is, when the gazetteer agrees; the two become one mention."""
        out, skip = [], False
        for a, b in zip(candidates, candidates[1:] + [None]):
            if skip:
                skip = False
                continue
            out.append(a)
            if b is None or a.country or b.country:
                continue
            gap, close = self.text[a.end:b.start], _CLOSING_BRACKET.match(self.text, b.end)
            bracket = re.fullmatch(r"\s*\(\s*", gap) and close
            if not (bracket or gap == ", "):
                continue
            where = self.ix.lookup(self._query(b)).place
            if not where or where.kind not in ("region", "country") or \
                    not self._may_be_in(a, where):
                continue
            found = self.ix.lookup(f"{self._query(a)} ({self._query(b)})").place
            if not found or found.kind in ("region", "country") and \
                    (not bracket or where.kind == "region"):
                continue  # "Crimea (Ukraine)" is fine; "Adygea, Tatarstan" are two regions
            if not bracket and where.id not in (found.parent, found.country):
                continue
            a.hint, a.query = self._query(b), f"{self._query(a)} ({self._query(b)})"
            a.end = close.end() if bracket else b.end
            a.how += f" + {where.kind} hint"
            skip = True
        return out

    def _may_be_in(self, c: _Candidate, where: Place) -> bool:
        """Is one of the places `c` may mean inside `where`? (Asked before the gazetteer, whose
        failed lookups cost a fuzzy search for suggestions.)"""
        match = self.ix.lookup(self._query(c))
        return any(where.id in (p.parent, p.country, p.id) and p.id != where.id
                   for p in (match.place, *match.alternatives) if p)

    def _query(self, c: _Candidate) -> str:
        if c.query:
            return c.query
        if c.plural or c.how.startswith("list"):
            name = self.text[c.start:self.tokens[c.j - 1].end]
            return f"{name} {c.descriptor}"
        return self.text[c.start:c.end]

    def _keep(self, c: _Candidate) -> bool:
        """Capitals, common words and longer proper names: is this name a place here?"""
        t, text = self.tokens, self.text
        first, last = t[c.i], t[c.j - 1]
        words = [tok.key for tok in t[c.i:c.j]]
        key, evidence = " ".join(words), bool(c.descriptor or c.hint)
        if evidence or c.how.startswith("unknown"):
            return True
        if key in OTHER_MEANINGS or len(words) == 1 and (
                key in ADJECTIVES or first.upper and len(key) <= 3):
            return False  # "Paris", "Chechen fighters", "UK"
        if all(w in COMMON_WORDS for w in words) and (first.initial or not (
                self._after_locative(c.i) or self._listed(c))):
            return False
        if self._nature(c):
            return False
        if c.how == "spelling variant" and len(key) < 5:
            return False
        if first.heading:
            return True
        prev = t[c.i - 1] if c.i else None  # "Rhode Island", "Albert Sakhibgareyev"
        if prev and joinable(text, prev, first, False) and prev.cap and not prev.upper and \
                not prev.initial and prev.key not in STOPWORDS and prev.key not in self.ix.names:
            return False
        nxt = t[c.j] if c.j < len(t) else None  # "Brown University", "Moscow Times"
        return not (nxt and joinable(text, last, nxt, False) and nxt.cap and not nxt.upper and
                    nxt.key not in self.ix.names and nxt.key not in AFTER)

    def _listed(self, c: _Candidate) -> bool:
        """In a list with another name: "Perm and Chop", "Chop, Uzhhorod"."""
        t, n = self.tokens, len(self.tokens)
        for k, step in ((c.i - 1, -1), (c.j, 1)):
            if 0 <= k < n and t[k].key in ("and", "or"):
                k += step
            if 0 <= k < n and t[k].para == t[c.i].para and t[k].cap and t[k].key in self.ix.names:
                a, b = (t[k], t[c.i]) if step < 0 else (t[c.j - 1], t[k])
                gap = self.text[a.end:b.start]
                if gap.strip() and _LIST_GAP.match(gap):
                    return True
        return False

    def _nature(self, c: _Candidate) -> bool:
        """A river, lake or sea named like a town: "the Dnipro river", "the Sea of Azov"."""
        t = self.tokens
        before = " ".join(tok.key for tok in t[max(c.i - 2, 0):c.i]).split(" ")
        after = t[c.j].key if c.j < len(t) and t[c.j].para == t[c.i].para else ""
        if not (after in NATURE or before[-1:] in (["river"], ["lake"], ["mount"]) or
                len(before) == 2 and before[0] in NATURE and before[1] == "of"):
            return False
        place = self.ix.lookup(self._query(c)).place
        return place is None or place.kind in ("town", "checkpoint")

    def _after_locative(self, i: int) -> bool:
        t = self.tokens
        k = i - 1 if i and t[i - 1].key != "the" else i - 2
        return k >= 0 and t[k].para == t[i].para and t[k].key in LOCATIVES and \
            not self.text[t[k].end:t[i].start].strip(" the\n")

    def _resolve(self, c: _Candidate) -> Mention:
        t, ix = self.tokens, self.ix
        if c.country:
            match, place, confidence = None, ix.gazetteer.get(c.country), 0.7
            query = place.name
        else:
            query = self._query(c)
            match = ix.lookup(query)
            place = match.place
            confidence = {"spelling": 0.75, "unknown": 0.6}.get(c.how.split(" ")[0], 0.9)
            confidence += 0.05 * bool(c.descriptor) + 0.05 * bool(c.hint) - 0.05 * t[c.i].initial
            if " ".join(tok.key for tok in t[c.i:c.j]) in COMMON_WORDS:
                confidence -= 0.15
            if place and any(p.kind == place.kind and normalize(p.name) == normalize(place.name)
                             for p in match.alternatives):
                confidence -= 0.1  # another place of the same name and kind
        sentence = self.sentences[bisect_right(self.sentence_starts, c.start) - 1]
        suggestions = () if place else (
            match.suggestions or tuple(describe(p, ix.gazetteer) for p in match.alternatives))
        return Mention(c.start, c.end, self.text[c.start:c.end], query, place,
                       round(min(max(confidence, 0.05), 0.99), 2), c.how, t[c.i].para + 1, sentence,
                       suggestions, "" if place else match.reason)
