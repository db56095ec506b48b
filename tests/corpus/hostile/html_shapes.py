"""Hostile HTML of any size, by shape: what made `geomap extract` quadratic before (issue 11).

`SHAPES[name](size)` is a page of about `size` characters. Used by tests/test_bounded_input.py
and bench/extract.py; each shape repeats one small unit, so the text grows with the size.
"""

HEAD = "<!doctype html><html><head><title>Hostile</title></head><body>\n"


def _repeat(unit, size, before="", after=""):
    return HEAD + before + unit * max(1, (size - len(HEAD)) // len(unit)) + after


SHAPES = {
    "unclosed <div>": lambda size: _repeat("<div>Rallies in Kharkiv\n", size),
    "unclosed <p>": lambda size: _repeat("<p>Police in Odesa ", size),
    "unclosed <span>": lambda size: _repeat("<span>and Lviv ", size),
    "unclosed <li>": lambda size: _repeat("<li>Kherson", size),
    "<h1> lines": lambda size: _repeat("<h1>Kyiv</h1>\n", size),
    "nested tags": lambda size: (lambda n: HEAD + "<div><em>Dnipro " * n + "</em></div>" * n)(
        (size - len(HEAD)) // 28),
    "one long line": lambda size: _repeat("In Kyiv. Dr. Smith (Kharkiv) said so! ", size, "<p>"),
    "<br> only": lambda size: _repeat("Mariupol<br>", size),
    "stray end tags": lambda size: _repeat("<div>In Sumy.</b></i></span>", size),
    "navigation boxes": lambda size: _repeat("<nav>Home</nav><p>Rally in Poltava.</p>\n", size),
    "tag never closed": lambda size: _repeat("x<a b<c ", size, "<p>Rally in Lviv.</p>"),
    "comment never closed": lambda size: _repeat("<p>x<!-- ", size, "<p>Rally in Lviv.</p>"),
    "quote never closed": lambda size: _repeat("<p title='", size, "<p>Rally in Lviv.</p>"),
}
