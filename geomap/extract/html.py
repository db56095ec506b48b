"""The text of an HTML page for `geomap extract`: tags stripped, site furniture marked.

Read in one pass that never looks back, so the time grows with the size of the page whatever
its shape (thousands of unclosed tags, a tag or comment that never ends, one heading per line).
The tokenizer follows the HTML standard's tokenizer where it matters for text — comments,
bogus comments (`<!doctype>`, `<?xml>`), the raw text of `<script>` and `<style>`, quoted
attribute values — and does not build a tree: block tags start paragraphs, and an end tag closes
the innermost open element of that name and everything opened inside it.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_HIDDEN = frozenset(["script", "style", "noscript", "template", "svg", "head", "iframe", "object"])
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_FURNITURE_TAGS = frozenset(["nav", "aside", "footer", "form"])
_FURNITURE_CLASS = re.compile(
    r"(?i)breadcrumb|\bnav|menu|sidebar|related|author|byline|share|"
    r"social|comment|footer|widget|advert|promo|newsletter|cookie|"
    r"subscribe"
)

# Every pattern below matches forward from where it starts and a failed search ends the page,
# so no character is scanned more than a bounded number of times.
_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\f\r />]*")
_GAP = re.compile(r"[\t\n\f\r /]*")  # between attributes; a "/" just before ">" closes the tag
_ATTRIBUTE = re.compile(
    r"""([^\t\n\f\r />][^\t\n\f\r /=>]*)            # name
                            (?:[\t\n\f\r ]*=[\t\n\f\r ]*                # = value, quoted or not
                               ("[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?""",
    re.VERBOSE,
)
_COMMENT_END = re.compile(r"--!?>")
_RAW_TEXT = {
    tag: re.compile(rf"</{tag}[\t\n\f\r />]", re.IGNORECASE) for tag in ("script", "style")
}
_SPACES = re.compile(r"\s+")


def html_tokens(html: str):
    """("start", tag, attrs, self_closing), ("end", tag) and ("text", text) in page order; tags
    lowercase, entities decoded in text and attribute values, comments and declarations left out."""
    n, at, text_from = len(html), 0, 0
    while True:
        lt = html.find("<", at)
        if lt < 0:
            break
        kind = html[lt + 1 : lt + 2]
        if (kind.isascii() and kind.isalpha()) or kind == "/" or kind in ("!", "?"):
            if lt > text_from:
                yield "text", unescape(html[text_from:lt])
            token, at = _markup(html, lt, n)
            text_from = at
            if token:
                yield token
                if token[0] == "start" and token[1] in _RAW_TEXT and not token[3]:
                    found = _RAW_TEXT[token[1]].search(html, at)
                    end = found.start() if found else n
                    if end > at:
                        yield "text", html[at:end]  # script and style: not markup, not decoded
                    at = text_from = end
        else:
            at = lt + 1  # a "<" that opens nothing is text ("a < b")
    if n > text_from:
        yield "text", unescape(html[text_from:])


def _markup(html: str, lt: int, n: int):
    """The token that starts at html[lt] == "<" (None for a comment) and where it ends."""
    if html.startswith("<!--", lt):
        if html.startswith((">", "->"), lt + 4):  # <!--> and <!---> are empty comments
            return None, html.index(">", lt + 4) + 1
        found = _COMMENT_END.search(html, lt + 4)
        return None, found.end() if found else n  # a comment never closed runs to the end
    if html.startswith("</", lt):
        name = _TAG_NAME.match(html, lt + 2)
        close = html.find(">", lt + 2)
        end = close + 1 if close >= 0 else n
        if name and close >= 0:
            return ("end", name.group().lower()), end
        return None, end  # "</>", "</ 3>": ignored like a comment
    if html[lt + 1] in "!?":  # <!doctype …>, <![CDATA[…]]>, <?xml …?>
        close = html.find(">", lt + 2)
        return None, close + 1 if close >= 0 else n
    name = _TAG_NAME.match(html, lt + 1)
    at = name.end()
    attrs: dict[str, str | None] = {}
    while True:
        gap = _GAP.match(html, at)
        at = gap.end()
        if at >= n:
            return None, n  # a tag cut off by the end of the page is dropped
        if html[at] == ">":
            return ("start", name.group().lower(), attrs, gap.group().endswith("/")), at + 1
        attribute = _ATTRIBUTE.match(html, at)
        value = attribute.group(2)
        if value is not None:
            value = unescape(
                value[1:-1]
                if value[:1] in "\"'" and len(value) > 1 and value[-1] == value[0]
                else value.lstrip("\"'")
            )
        attrs[attribute.group(1).lower()] = value
        at = attribute.end()


def html_text(html: str) -> tuple[str, list[tuple[int, int, str]], dict]:
    """The text of an HTML page (tags stripped, entities decoded, whitespace collapsed, blocks
    separated by blank lines), the spans that are site furniture, and the title and date."""
    parts: list[str] = []
    size = 0
    stack: list[tuple[str, int, str]] = []  # (tag, start, why it is furniture or "")
    open_tags: Counter = Counter()  # how often each tag is on the stack
    hidden = 0  # how many entries of the stack are _HIDDEN
    skipped: list[tuple[int, int, str]] = []
    meta: dict = {}
    main: list[tuple[int, int]] = []

    def write(s):
        nonlocal size
        if s:
            parts.append(s)
            size += len(s)

    def newline():
        tail = "".join(parts[-2:])
        if parts and not tail.endswith("\n\n"):
            write("\n" if tail.endswith("\n") else "\n\n")

    def start(tag, attrs):
        nonlocal hidden
        kind = attrs.get("property") or attrs.get("name")
        if tag == "meta" and kind in ("article:published_time", "date"):
            meta.setdefault("date", attrs.get("content") or "")
        if tag == "time" and attrs.get("datetime"):
            meta.setdefault("date", attrs["datetime"])
        if tag in _BLOCKS:
            newline()
        if tag in _VOID:
            return
        label = " ".join(filter(None, (attrs.get("class"), attrs.get("id"), attrs.get("role"))))
        why = (
            f"<{tag}>"
            if tag in _FURNITURE_TAGS
            else (f"<{tag} {label!r}>" if _FURNITURE_CLASS.search(label) else "")
        )
        stack.append((tag, size, why))
        open_tags[tag] += 1
        hidden += tag in _HIDDEN

    def end(tag):
        nonlocal hidden
        if not open_tags[tag]:  # a stray end tag closes nothing
            return
        while stack:
            name, begin, why = stack.pop()
            open_tags[name] -= 1
            hidden -= name in _HIDDEN
            if why:
                skipped.append((begin, size, "site furniture " + why))
            if name in ("article", "main"):
                main.append((begin, size))
            if name == "h1" and "h1" not in meta:  # the first <h1> only: joined once
                meta["h1"] = " ".join("".join(parts)[begin:].split())
            if name == tag:
                break
        if tag in _BLOCKS:
            newline()

    def text(data):
        if hidden:
            if stack and stack[-1][0] == "title":
                meta.setdefault("title", " ".join(data.split()))
            return
        data = _SPACES.sub(" ", data)
        if not parts or parts[-1].endswith("\n"):
            data = data.lstrip()
        write(data)

    for token in html_tokens(html):
        if token[0] == "text":
            text(token[1])
        elif token[0] == "end":
            end(token[1])
        else:
            start(token[1], token[2])
            if token[3]:  # <tag/>: opened and closed
                end(token[1])
    out = "".join(parts)
    if main:  # text outside the article's own element is the site's
        begin, finish = max(main, key=lambda span: span[1] - span[0])  # the longest <article>
        skipped += [(0, begin, "outside <article>"), (finish, len(out), "outside <article>")]
    return out, [s for s in skipped if s[1] > s[0]], meta
