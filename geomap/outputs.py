"""Files geomap writes: the map HTML, the embed snippet, the events as GeoJSON or CSV.

Each is written through files.write_atomic, so a failed or interrupted build leaves the
previous output untouched.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from jinja2 import Template

from .csvcells import escape_cell
from .errors import GeomapError
from .events import record
from .events.dates import written as written_date
from .files import write_atomic
from .i18n.texts import TRANSLATABLE_COLUMNS, original_text
from .map.elements import walk
from .map.payload import events_geojson, plain_value


def render_html(fmap) -> str:
    """The page as text; element ids are numbered in tree order instead of folium's random
    ones, so the same input always gives the same bytes."""
    root = fmap.get_root()
    for number, element in enumerate(walk(root)):
        element._id = f"{number:04x}"
    # branca's page template has no language; screen readers need it (geomap.i18n).
    language = getattr(fmap, "geomap_language", "en")
    return root.render().replace("<html>", f'<html lang="{language}">', 1)


def save(fmap, path) -> Path:
    """Write a folium map as one HTML file (atomically)."""
    return write_atomic(path, render_html(fmap))


# --- embed ------------------------------------------------------------------------------------

_EMBED = Template(
    """\
<div class="geomap-embed" style="position:relative;width:100%;{{ size }}">
  <iframe src="{{ src|e }}" title="{{ title|e }}" lang="{{ lang }}" loading="lazy"
          style="position:absolute;inset:0;width:100%;height:100%;border:0"
          sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"
          allow="fullscreen" referrerpolicy="no-referrer-when-downgrade"></iframe>
</div>
<p class="geomap-embed-fallback" lang="{{ lang }}"><a href="{{ src|e }}">{{ link|e }}</a></p>
""",
    autoescape=False,
)


def embed_map(
    map_html, *, url=None, title=None, height="4:3", view: dict | None = None, lang=None
) -> str:
    """The snippet of `geomap embed`: `map_html` at `url` (default: the path as given),
    titled by `title` (default: the map's own), opening on `view` (the keyword arguments of
    map.fragment.view_fragment: layers, view, date_from, date_to, event), each checked
    against the map file; the fallback link's words in `lang` (default: the map's own)."""
    fragment = ""
    if view and any(v is not None for v in view.values()):
        from .map.fragment import MapContents, view_fragment

        fragment = view_fragment(MapContents.read(map_html), **view)
    return embed_snippet(
        map_html if url is None else url,
        title=title or map_title(map_html),
        height=height,
        src_option="MAP.html" if url is None else "--url",
        fragment=fragment,
        lang=lang or map_language(map_html),
    )


def embed_snippet(
    src: str,
    *,
    title: str,
    height: str = "4:3",
    src_option: str = "--url",
    fragment: str = "",
    lang: str = "en",
) -> str:
    """A responsive iframe for an article: full width, fixed height ("600px") or an aspect
    ratio ("16:9"), a title for screen readers, lazy loading, and a sandbox that lets the
    map run its scripts and open source links in a new tab, but not navigate the article.

    `src` must be an http(s) address or a relative one (GeomapError naming `src_option` if
    not): the fallback link is clicked in the article page itself. `fragment` (a view, see
    map/fragment.py) is added to the address of both. `lang`: the language of the map, and so
    of the fallback link's words (geomap.i18n)."""
    from .i18n import Words

    check_embed_address(src, src_option)
    if fragment:
        if "#" in src:
            raise GeomapError(
                f"{src_option}: the address {src!r} has a fragment (#…) of its own, and the view "
                "goes there; give the address without it"
            )
        src = f"{src}#{fragment}"
    found = _CONTROL.search(title.replace("\t", " ").replace("\n", " ").replace("\r", " "))
    if found:
        raise GeomapError(
            f"the title {title!r} has a control character at character {found.start() + 1}; "
            "give a plain title with --title."
        )
    words = Words(lang)
    return _EMBED.render(
        src=src,
        title=title,
        link=words("embed.open", title=title),
        lang=words.lang,
        size=_size_style(height),
    )


# Browsers drop tabs and newlines anywhere in an address and controls or spaces around it, so
# "java\tscript:…" runs as javascript:. An address with any of them is refused, never cleaned.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def check_embed_address(src: str, option: str = "--url") -> None:
    """Raise GeomapError unless `src` is an http(s) address or a relative one (no scheme):
    javascript:, data:, vbscript: or any other scheme in the fallback link would run or open
    in the article page."""
    fix = (
        "Give the address where the map is published, https://… or a path relative to the "
        "article, with --url."
    )
    if not src.strip():
        raise GeomapError(f"{option}: the address is empty. {fix}")
    control = _CONTROL.search(src)
    if control:
        raise GeomapError(
            f"{option}: the address {src!r} has a control character "
            f"({control.group()!r} at character {control.start() + 1}), which browsers "
            f"drop, so it hides what the address really is. {fix}"
        )
    if src != src.strip():
        raise GeomapError(f"{option}: the address {src!r} begins or ends with a space. {fix}")
    scheme = _SCHEME.match(src)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise GeomapError(
            f"{option}: the address {src!r} is a {scheme.group(1).lower()}: link, "
            f"which would run or open in the article page; only http(s) and relative "
            f"addresses are allowed. {fix}"
        )


# An aspect ratio's terms and a height have at most 5 digits: int() of thousands of digits is
# slow, and refused outright by Python 3.11 and later.
_RATIO = re.compile(r"([0-9]{1,5}):([0-9]{1,5})")
_PIXELS = re.compile(r"([0-9]{1,5})(?:px)?")


def _size_style(height: str) -> str:
    height = str(height).strip()
    ratio = _RATIO.fullmatch(height)
    if ratio and int(ratio[1]) > 0 and int(ratio[2]) > 0:
        return f"aspect-ratio:{int(ratio[1])}/{int(ratio[2])};min-height:320px"
    pixels = _PIXELS.fullmatch(height)
    if pixels and 100 <= int(pixels[1]) <= 5000:
        return f"height:{int(pixels[1])}px"
    shown = height if len(height) <= 40 else height[:39] + "…"
    raise GeomapError(
        f"--height: expected pixels from 100 to 5000 such as 600 or 600px, or a ratio "
        f"such as 16:9; got {shown!r}"
    )


# --- export -----------------------------------------------------------------------------------

CSV_COLUMNS = record.CSV_COLUMNS


# The GeoJSON export's own member (RFC 7946 §6.1, a foreign member: GIS tools pass it by) with
# the file's fields, so `geomap build` reads the export back as the same map.
GEOJSON_MEMBER = "geomap"


def export_geojson(located, events=None, regions="points") -> str:
    """The located events as a GeoJSON FeatureCollection, one Feature per event, with the
    file's title, description and layers (and, given the EventsFile `events`, its source and
    places file) in the member `geomap`. `regions="outline"`: a region or group of regions
    as its outline (Polygon or MultiPolygon; a GeometryCollection beside points) instead of
    its centre point; routes stay lines."""
    from shapely.geometry import mapping

    from .events.carried import REGIONS, event_geometry

    if regions not in REGIONS:
        raise GeomapError(f"--regions: expected one of {', '.join(REGIONS)}, got {regions!r}")
    collection = events_geojson(located)
    if regions == "outline":
        for feature in collection["features"]:
            props = feature["properties"]
            shape = event_geometry(props["places"], props["route"], regions)
            feature["geometry"] = _json_geometry(mapping(shape))
    attrs = located.attrs
    meta: dict = {"regions": regions}
    meta.update({key: attrs[key] for key in ("title", "description") if attrs.get(key)})
    if attrs.get("language", "en") != "en":  # the language of its texts (geomap.i18n)
        meta["language"] = attrs["language"]
    if events is not None and events.source is not None:
        meta["source"] = events.source.model_dump(mode="json", exclude_none=True)
    if events is not None and events.places_file:
        meta["places_file"] = events.places_file
    if events is not None and events.dataset is not None:  # its credit and terms travel with it
        meta["dataset"] = events.dataset.model_dump(mode="json", exclude_none=True)
    meta["layers"] = [
        {key: value for key, value in layer.items() if value is not None}
        for layer in attrs.get("layers") or []
    ]
    document = {"type": "FeatureCollection", GEOJSON_MEMBER: meta, **collection}
    # allow_nan=False: `Infinity` or `NaN` would make the file something JSON readers refuse.
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _json_geometry(value):
    """shapely's mapping as JSON values: its tuples as lists, so the file reads back equal."""
    if isinstance(value, dict):
        return {key: _json_geometry(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_geometry(item) for item in value]
    return value


def export_csv(located, events=None) -> str:
    """One row per event in the events-file CSV format (lists joined with ';'), so the
    export loads back as an events file. Cells that a spreadsheet would run as a formula
    get a leading `'` (geomap.csvcells), which loading the file removes again.

    Before the header, `#` rows carry the map's title, description and own layers (and,
    given `events`, the file's source and places file). `events` is the EventsFile the
    located events came from: with it, each row's source and `url` columns are the event's
    own, so the CSV reads back as the same file; without it (events of several files), the
    source columns give each event's source as the map links it. After the event's columns,
    each place's resolved id and kind and the event's geometry as WKT, for GIS tools."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # Python's writer quotes a cell with a line break only when the break is in its
    # lineterminator, so a lone carriage return went out bare and split the row on reading.
    # Rows with one are written with every cell quoted.
    writer_quoting_all = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def write(cells):
        cells = [escape_cell(cell) for cell in cells]
        (writer_quoting_all if any("\r" in cell for cell in cells) else writer).writerow(cells)

    for cells in _file_rows(located, events):
        write(cells)
    # Places the editor located go out as the columns an events CSV reads them from (lat, lon,
    # place_precision, iso: one entry per place), after `places`; only when there are some, so
    # an export of gazetteer places alone is as it was.
    given = [c for c in GIVEN_COLUMNS if any(_given(p, c) for ps in located["places"] for p in ps)]
    header = list(CSV_COLUMNS)
    header[header.index("places") + 1 : header.index("places") + 1] = given
    if events is not None:  # the event's own link, and `date` for a one-day event, as written
        header.insert(header.index("source_date") + 1, "url")
        header.insert(header.index("start"), "date")
    # Texts in other languages: a column each, after the field's own (title[ru], summary[uk]).
    language = located.attrs.get("language") or "en"
    translated = {}
    for column in TRANSLATABLE_COLUMNS:
        found = sorted(
            {lang for value in located[column] if isinstance(value, dict) for lang in value}
            - {language}
        )
        spot = header.index(column) + 1
        header[spot:spot] = [f"{column}[{lang}]" for lang in found]
        translated.update({f"{column}[{lang}]": (column, lang) for lang in found})
    header += DERIVED_COLUMNS
    writer.writerow(header)
    own = events.events if events is not None else None
    for number, row in enumerate(located.itertuples(index=False)):
        values = []
        for column in header:
            if column in translated:
                field, lang = translated[column]
                if field == "source_title" and own is not None:
                    value = own[number].source.title if own[number].source else None
                else:
                    value = plain_value(getattr(row, field))
                values.append(value.get(lang, "") if isinstance(value, dict) else "")
                continue
            if column in given:
                values.append(";".join(_given(p, column) for p in row.places))
                continue
            if column in DERIVED_COLUMNS:
                values.append(_derived(column, row))
                continue
            if own is not None and column in _OWN:
                values.append(_own(own[number], column, language))
                continue
            value = plain_value(getattr(row, column))
            kind = record.BY_NAME[column].page
            if column in TRANSLATABLE_COLUMNS and isinstance(value, dict):  # the file's own
                value = original_text(value, language)
            if column == "places" and own is not None:
                # As the file writes them: a region given by its code alone is its code.
                value = ";".join(written(place) for place in own[number].places)
            elif kind == record.PLACES:
                value = ";".join(p["written"] for p in value)
            elif kind == record.TEXT_LIST:
                value = ";".join(value)
            elif kind == record.COUNTS:
                value = ";".join(
                    f"{name}: {c.get('qualifier', '')} {c['value']}".replace(":  ", ": ")
                    for name, c in value.items()
                )
            # Every cell, so a text beginning with = + - @ is never a formula (csvcells).
            values.append("" if value is None else str(value))
        write(values)
    return out.getvalue()


# Resolved places and geometry, after the event's own columns: the events CSV reader skips them
# (geomap resolves the names again), GIS tools read `wkt` as each event's geometry.
DERIVED_COLUMNS = ("place_ids", "place_kinds", "route_ids", "wkt")
_SOURCE_FIELDS = {
    "source_title": "title",
    "source_publisher": "publisher",
    "source_url": "url",
    "source_date": "date",
}


def written(place) -> str:
    """An entry of an event's `places` as its CSV cell writes it: a name, or the code of a
    region given by its code alone (`iso`), which the reader takes back as no name."""
    return place if isinstance(place, str) else place.name or place.iso or ""


def _file_rows(located, events):
    """The `#` rows before the header: the file's own fields, as the CSV reader takes them."""
    from .events.schema import DEFAULT_LAYERS

    attrs = located.attrs
    language = attrs.get("language") or "en"
    rows = [["#language", language]] if language != "en" else []

    def text_rows(name, value):  # `#title` in the file's own language, `#title[ru]` after it
        rows.append([f"#{name}", _text(original_text(value, language))])
        if isinstance(value, dict):
            rows.extend(
                [f"#{name}[{lang}]", text] for lang, text in value.items() if lang != language
            )

    for key in ("title", "description"):
        if attrs.get(key):
            text_rows(key, attrs[key])
    if events is not None:
        if events.source is not None:
            for column, field in _SOURCE_FIELDS.items():
                if getattr(events.source, field) is not None:
                    text_rows(column, getattr(events.source, field))
        if events.places_file:
            rows.append(["#places_file", events.places_file])
    layers = attrs.get("layers") or []
    if layers != [layer.model_dump() for layer in DEFAULT_LAYERS]:
        for layer in layers:
            name, description = layer["name"], layer.get("description")
            cells = [
                layer["id"],
                original_text(name, language),
                layer["color"],
                original_text(description, language) or "",
            ]
            rows.append(["#layer", *(cells if cells[-1] else cells[:-1])])
            others = sorted(
                {k for v in (name, description) if isinstance(v, dict) for k in v} - {language}
            )
            for lang in others:
                texts = [
                    v.get(lang, "") if isinstance(v, dict) else "" for v in (name, description)
                ]
                rows.append([f"#layer[{lang}]", layer["id"], *(texts if texts[1] else texts[:1])])
    return rows


def _text(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


_OWN = {"url", "date", "start", "end", *_SOURCE_FIELDS}


def _own(event, column: str, language: str = "en") -> str:
    """An event's own `url`, dates or source field, as its file gives it ('' when the file's
    source applies, or for `start` and `end` of an event given one `date`)."""
    if column == "url":
        return event.url or ""
    if column in ("date", "start", "end"):
        value = getattr(event, column)
        if column == "date" and value is not None:  # 2022-03 for a month, as the file has it
            return written_date(value, event.date_precision)
        return "" if value is None else value.isoformat()
    value = getattr(event.source, _SOURCE_FIELDS[column]) if event.source else None
    if isinstance(value, dict):  # a source title in several languages: the file's own here
        value = original_text(value, language)
    return "" if value is None else _text(value)


def _derived(column: str, row) -> str:
    if column == "place_ids":
        return ";".join(str(p["id"]) for p in row.places)
    if column == "place_kinds":
        return ";".join(str(p["kind"]) for p in row.places)
    if column == "route_ids":
        return ";".join(str(p["id"]) for p in row.route)
    kind, points = record.geometry(row.places, row.route)
    if kind == "Point":
        return f"POINT ({_xy(points)})"
    inner = ", ".join(_xy(point) for point in points)
    return f"{kind.upper()} ({inner})"


def _xy(point) -> str:
    return f"{point[0]!r} {point[1]!r}"


# The events CSV's columns for places the editor located, and the place record's fields.
GIVEN_COLUMNS = {
    "lat": "given_lat",
    "lon": "given_lon",
    "place_precision": "given_precision",
    "iso": "given_iso",
}


def _given(place: dict, column: str) -> str:
    """A located place's entry in one of GIVEN_COLUMNS ('' for a place the gazetteer knows,
    and for one of a places file, which the places file carries)."""
    if place.get("located") == "places file":
        return ""
    value = place.get(GIVEN_COLUMNS[column])
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)


def map_language(path) -> str:
    """The <html lang> of a map geomap wrote; "en" when the file is not there (yet) or says
    none (`geomap embed --url` may be given before the map is)."""
    import re

    from .i18n import LANGUAGES
    from .textio import read_bounded

    try:
        head = read_bounded(Path(path), 200_000, what="a map", head=True, expected="an HTML map")
    except (OSError, GeomapError):
        return "en"
    found = re.search(rb'<html lang="([a-z]{2,3})"', head)
    language = found.group(1).decode("ascii") if found else "en"
    return language if language in LANGUAGES else "en"


def map_title(path) -> str:
    """The <title> of a map geomap wrote (for the iframe's title)."""
    import html
    import re

    from .textio import read_bounded

    try:  # the title is near the top: read no more than the head, whatever the file is
        raw = read_bounded(
            Path(path),
            200_000,
            what="a map",
            head=True,
            expected="an HTML map (build one with `geomap build`)",
        )
        head = raw.decode("utf-8", errors="replace")
    except OSError as exc:
        raise GeomapError(
            f"{path}: cannot read the map ({exc.strerror}). Build it first with "
            "`geomap build`, or give the title with --title."
        ) from None
    found = re.search(r"<title>(.*?)</title>", head, re.S)
    return html.unescape(found.group(1)).strip() if found else "Map"
