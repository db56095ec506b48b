"""Files geomap writes: the map HTML, the embed snippet, the events as GeoJSON or CSV.

Every file is written to a temporary file beside its target and moved into place, so a
failed or interrupted build leaves the previous output untouched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from jinja2 import Template

from .errors import GeomapError
from .events import record
from .map.payload import events_geojson, plain_value


def write_atomic(path, data: str | bytes) -> Path:
    """Write `data` to `path` via a temporary file in the same folder and a rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise GeomapError(f"cannot write to {path.parent}: {exc.strerror}. "
                          "Choose another folder with -o.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a published map must be readable
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def render_html(fmap) -> str:
    """The page as text; element ids are numbered in tree order instead of folium's random
    ones, so the same input always gives the same bytes."""
    root = fmap.get_root()
    for number, element in enumerate(_walk(root)):
        element._id = f"{number:04x}"
    # branca's page template has no language; screen readers need it.
    return root.render().replace("<html>", '<html lang="en">', 1)


def _walk(element):
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def save(fmap, path) -> Path:
    """Write a folium map as one HTML file (atomically)."""
    return write_atomic(path, render_html(fmap))


# --- embed ------------------------------------------------------------------------------------

_EMBED = Template("""\
<div class="geomap-embed" style="position:relative;width:100%;{{ size }}">
  <iframe src="{{ src|e }}" title="{{ title|e }}" loading="lazy"
          style="position:absolute;inset:0;width:100%;height:100%;border:0"
          sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"
          referrerpolicy="no-referrer-when-downgrade"></iframe>
</div>
<p class="geomap-embed-fallback"><a href="{{ src|e }}">{{ title|e }} (open the map)</a></p>
""", autoescape=False)


def embed_snippet(src: str, *, title: str, height: str = "4:3") -> str:
    """A responsive iframe for an article: full width, fixed height ("600px") or an aspect
    ratio ("16:9"), a title for screen readers, lazy loading, and a sandbox that lets the
    map run its scripts and open source links in a new tab, but not navigate the article."""
    return _EMBED.render(src=src, title=title, size=_size_style(height))


def _size_style(height: str) -> str:
    height = str(height).strip()
    if ":" in height:
        w, _, h = height.partition(":")
        if w.isdigit() and h.isdigit() and int(w) > 0 and int(h) > 0:
            return f"aspect-ratio:{int(w)}/{int(h)};min-height:320px"
    elif height.isdigit() and 100 <= int(height) <= 5000:
        return f"height:{int(height)}px"
    elif height.endswith("px") and height[:-2].isdigit() and 100 <= int(height[:-2]) <= 5000:
        return f"height:{int(height[:-2])}px"
    raise GeomapError(f"--height: expected pixels such as 600 or 600px, or a ratio such as 16:9; "
                      f"got {height!r}")


# --- export -----------------------------------------------------------------------------------

CSV_COLUMNS = record.CSV_COLUMNS


def export_geojson(located) -> str:
    # allow_nan=False: `Infinity` or `NaN` would make the file something JSON readers refuse.
    return json.dumps(events_geojson(located), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def export_csv(located) -> str:
    """One row per event in the events-file CSV format (lists joined with ';'), so the
    export loads back as an events file."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in located.itertuples(index=False):
        values = []
        for column in CSV_COLUMNS:
            value = plain_value(getattr(row, column))
            kind = record.BY_NAME[column].page
            if kind == record.PLACES:
                value = ";".join(p["written"] for p in value)
            elif kind == record.TEXT_LIST:
                value = ";".join(value)
            elif kind == record.COUNTS:
                value = ";".join(f"{name}: {c.get('qualifier', '')} {c['value']}".replace(":  ", ": ")
                                 for name, c in value.items())
            values.append("" if value is None else value)
        writer.writerow(values)
    return out.getvalue()


def map_title(path) -> str:
    """The <title> of a map geomap wrote (for the iframe's title)."""
    import html
    import re

    from .textio import read_bounded

    try:  # the title is near the top: read no more than the head, whatever the file is
        raw = read_bounded(Path(path), 200_000, what="a map", head=True,
                           expected="an HTML map (build one with `geomap build`)")
        head = raw.decode("utf-8", errors="replace")
    except OSError as exc:
        raise GeomapError(f"{path}: cannot read the map ({exc.strerror}). Build it first with "
                          "`geomap build`, or give the title with --title.") from None
    found = re.search(r"<title>(.*?)</title>", head, re.S)
    return html.unescape(found.group(1)).strip() if found else "Map"
