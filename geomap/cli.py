"""The geomap command: each command parses its arguments, calls the library, reports.

Heavy libraries (folium, geopandas) are imported inside the commands that need them,
so `geomap --help` and `geomap geocode` start quickly.
"""

from __future__ import annotations

import errno
import json
import re
import sys

import click

from .errors import GeomapError
from .terminal import undecodable, visible

EXIT_UNRESOLVED = 1


class _Command(click.Command):
    """Refuses text arguments that are not UTF-8, for every command at once.

    Python hands over command-line bytes that are not UTF-8 as lone surrogates; such a
    --title or name would fail far later, writing the map or printing. Paths are exempt: a
    file name may be any bytes, and is shown with `visible`."""

    def parse_args(self, ctx, args):
        rest = super().parse_args(ctx, args)
        for param in self.get_params(ctx):
            if isinstance(param.type, click.Path):
                continue
            for text in _texts(ctx.params.get(param.name)):
                problem = undecodable(text)
                if problem:
                    name = (
                        param.opts[-1]
                        if isinstance(param, click.Option)
                        else (param.metavar or param.name.upper())
                    )
                    raise click.UsageError(
                        f"{name} is not valid UTF-8 ({problem} of '{visible(text)}'). Give the text "
                        "in UTF-8: check the encoding of the terminal or script that ran geomap.",
                        ctx,
                    )
        return rest


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


class _Group(click.Group):
    """Turns every GeomapError into one clean line on stderr and its exit code; shows every
    message's control characters as escapes (they may come from the user's input)."""

    command_class = _Command

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GeomapError as exc:
            click.echo(f"Error: {visible(exc, newlines=True)}", err=True)
            ctx.exit(exc.exit_code)
        except click.ClickException as exc:  # Click's own usage errors quote the arguments
            exc.message = visible(exc.message, newlines=True)
            raise
        except OSError as exc:
            # Printing failed: standard output is a file on a full disk (`geomap export … >
            # events.csv`). Click itself handles a closed pipe (EPIPE); anything else is a bug.
            if exc.filename is not None or exc.errno not in _FULL_DISK:
                raise
            from .files import explain_os_error

            click.echo(
                f"Error: cannot write standard output: {explain_os_error(exc)}. "
                "Free some space, or send the output somewhere else.",
                err=True,
            )
            ctx.exit(GeomapError.exit_code)


_FULL_DISK = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _say(*fields, err: bool = False):
    """Print one line of `fields` separated by tabs, each with its control characters shown
    as escapes: every line the commands print for people goes through here."""
    click.echo("\t".join(visible(field) for field in fields), err=err)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geomap")
def cli():
    """Turn the places named in an article into an interactive, layered web map.

    Example:

        \b
        geomap build                 # the bundled report, written to output/
        geomap geocode Kharkov "Trans-Baikal Territory"
    """


def main():
    cli(prog_name="geomap")


# Options shared by several commands: one decorator each.
_places_option = click.option(
    "--places",
    "places_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="A places file of your own (CSV or GeoJSON: name, lat, lon, kind, country) that "
    "extends the gazetteer for this run; may be given more than once.",
)


_share_data_option = click.option(
    "--share-data",
    is_flag=True,
    help="Events imported from a dataset whose terms forbid passing on its raw data (ACLED): "
    "offer them anyway (the map's download link, `geomap export`). Only if your licence allows.",
)


def _reading_options(command):
    """--encoding, --dayfirst and --decimal-comma: how to read a file a spreadsheet saved in
    another locale. Passed to the command as `reading` (an events.load.ReadOptions)."""
    options = [
        click.option(
            "--encoding",
            metavar="CODEC",
            help="The events file's encoding, e.g. cp1251 (default: UTF-8, or UTF-16 with its "
            "byte-order mark).",
        ),
        click.option(
            "--dayfirst",
            is_flag=True,
            help="Read dates written day first, 31.12.2022 or 31/12/2022, as 2022-12-31.",
        ),
        click.option(
            "--decimal-comma",
            is_flag=True,
            help="In CSV, read 2,75 as 2.75 (groups of digits may be set off by spaces: 15 000).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _read_options(encoding, dayfirst, decimal_comma):
    from .events.load import ReadOptions

    return ReadOptions(encoding=encoding, dayfirst=dayfirst, decimal_comma=decimal_comma)


def _warn(warnings):
    for warning in warnings:
        _say(f"Warning: {warning}", err=True)


def _gazetteer(places_files):
    """The bundled gazetteer, with the user's places files beside it; their conflicts said."""
    from .gazetteer import default_gazetteer
    from .gazetteer.user_places import with_user_places

    gazetteer = with_user_places(default_gazetteer(), places_files)
    if places_files:
        _warn(gazetteer.conflicts())
    return gazetteer


def _not_found_advice(name: str | None):
    """Once, after all the lines: what the gazetteer holds and how to add a place it lacks,
    for the first name that no place has (None: every failure was of another kind)."""
    from .gazetteer.user_places import not_found_advice

    if name is not None:
        _say(not_found_advice(name), err=True)


# --- geocode ---------------------------------------------------------------------------------


@cli.command()
@click.argument("names", nargs=-1)
@click.option(
    "-f",
    "--file",
    "names_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Read names from a UTF-8 text file, one per line ('-' for stdin).",
)
@click.option(
    "--country", metavar="CC", help="Prefer places in this country (ISO alpha-2, e.g. UA)."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@_places_option
def geocode(names, names_file, country, as_json, places_files):
    """Resolve place names against the bundled gazetteer, one line per name.

    Exits 0 when every name resolved, 1 when any did not.

    Example:

        \b
        geomap geocode Kharkov Odessa "Krasnodar Territory"
        geomap geocode --json --country UA Donetsk
        geomap geocode --places my-places.csv Hlushchenkove
    """
    from .gazetteer import describe

    queries = list(names)
    if names_file:
        queries += _read_names(names_file)
    if not queries:
        raise click.UsageError("give at least one NAME, or --file FILE")
    if country and (len(country) != 2 or not country.isalpha()):
        raise click.BadParameter(
            f"expected an ISO alpha-2 code such as UA or RU, got {country!r}",
            param_hint="--country",
        )

    gazetteer = _gazetteer(places_files)
    unresolved = []
    for query in queries:
        match = gazetteer.lookup(query, country=country)
        if not match.ok:
            unresolved.append(match)
        if as_json:
            click.echo(json.dumps(match.to_dict(), ensure_ascii=False))
        else:
            _say(*_match_fields(match, getattr(gazetteer, "label", describe), gazetteer))
    if unresolved:
        if not as_json:  # JSON output is read by programs: the advice is for people
            _not_found_advice(next((m.query for m in unresolved if m.not_found), None))
        sys.exit(EXIT_UNRESOLVED)


MAX_NAMES_BYTES = 5 * 1024 * 1024  # a million names; more is the wrong file or an endless pipe


def _read_names(path) -> list[str]:
    from .textio import decode_utf8, read_bounded

    try:
        raw = read_bounded(
            path,
            MAX_NAMES_BYTES,
            what="a list of names",
            expected="a text file of names, one per line",
        )
    except OSError as exc:
        raise GeomapError(
            f"{path}: cannot be read ({exc.strerror}). Give a UTF-8 text file of "
            "names, one per line, or '-' for standard input."
        ) from None
    text = decode_utf8(raw, "<stdin>" if path == "-" else path)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _match_fields(match, describe, gazetteer) -> tuple[str, ...]:
    query = _shorten(match.query)
    if match.ok:
        p = match.place
        return query, describe(p, gazetteer), p.id, f"{p.lat:.5f},{p.lon:.5f}"
    answer = f"not resolved: {match.reason}"
    if match.suggestions:
        answer += "; did you mean " + " or ".join(match.suggestions) + "?"
    return query, answer  # what a name that is not found may be: said once, after the lines


# --- places ----------------------------------------------------------------------------------


@cli.command()
@click.option("--kind", type=click.Choice(["country", "group", "region", "town", "checkpoint"]))
@click.option("--country", metavar="CC", help="Only places in this country (ISO alpha-2).")
def places(kind, country):
    """List the gazetteer, one place per line: id, kind, name, country, parent, lat,lon.

    Example:

        \b
        geomap places --kind region --country UA
    """
    from .gazetteer import default_gazetteer

    for p in default_gazetteer().find(kind=kind, country=country.upper() if country else None):
        _say(p.id, p.kind, p.display_name, p.country, p.parent or "", f"{p.lat:.5f},{p.lon:.5f}")


# --- build, check, export, embed ---------------------------------------------------------------

_events_argument = click.argument("events", nargs=-1, type=click.Path(dir_okay=False))


def _languages():
    from .i18n import LANGUAGES

    return LANGUAGES


_lang_option = click.option(
    "--lang",
    type=click.Choice(_languages()),
    default="en",
    show_default=True,
    help="The map's language: its words, dates, numbers, and the events' texts where the "
    "events file gives them in it.",
)


def _layer_list(ctx, param, value):
    if value is None:
        return None
    layers = [part.strip() for part in value.split(",") if part.strip()]
    if not layers:
        raise click.BadParameter("expected layer ids separated by commas, e.g. protests,crossings")
    return layers


@cli.command()
@_events_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write the map (default: output/NAME.html).",
)
@click.option("--title", help="Map title (default: the events file's title).")
@click.option(
    "--layers", callback=_layer_list, metavar="L1,L2", help="Only these layers, in this order."
)
@click.option(
    "--basemap",
    type=click.Choice(["tiles", "vector"]),
    help="Tile map (needs the network), or the bundled country outlines (needs none). "
    "Default: vector, or tiles with --cdn.",
)
@click.option(
    "--tiles",
    metavar="NAME",
    help="Tile provider for the tile map, by its xyzservices name, e.g. OpenTopoMap "
    "(default: OpenStreetMap).",
)
@click.option(
    "--self-contained/--cdn",
    default=True,
    show_default=True,
    help="Inline Leaflet, so the file works opened from disk with no network; or link it "
    "from a CDN (a smaller file that needs the network).",
)
@click.option(
    "--png",
    "png_path",
    type=click.Path(dir_okay=False),
    help="Also render the map to this PNG (needs Chromium; see README).",
)
@click.option(
    "--png-size", default="1200x800", show_default=True, metavar="WxH", help="PNG size in pixels."
)
@_lang_option
@click.option(
    "--time/--no-time",
    default=True,
    show_default=True,
    help="A time slider over the events' dates (none when they all share one date).",
)
@click.option(
    "--from",
    "window_from",
    metavar="DATE",
    help="The time window the map (and --png) opens on starts here: YYYY-MM-DD, or a month "
    "YYYY-MM or week YYYY-Www.",
)
@click.option(
    "--to",
    "window_to",
    metavar="DATE",
    help="The time window ends here (a month or week: at its end).",
)
@_places_option
@_reading_options
@_share_data_option
@click.pass_context
def build(
    ctx,
    events,
    output,
    title,
    layers,
    basemap,
    tiles,
    self_contained,
    png_path,
    png_size,
    lang,
    time,
    window_from,
    window_to,
    places_files,
    encoding,
    dayfirst,
    decimal_comma,
    share_data,
):
    """Build the map of EVENTS files (YAML, CSV, or GeoJSON from `geomap export`) as one HTML file.

    With no EVENTS, maps the bundled report, War Resistance in Russia and Ukraine (2022).

    Example:

        \b
        geomap build
        geomap build my-events.yaml -o output/my-map.html --layers protests,crossings
        geomap build --cdn -o output/small-online-map.html
        geomap build my-events.csv --places my-places.csv
        geomap build --lang ru -o output/war-resistance-2022-ru.html
        geomap build --from 2022-03-01 --to 2022-03-15 --layers protests --png march.png
    """
    from .pipeline import build as run_build
    from .progress import Progress

    if basemap is None:  # tiles need the network: a file that works offline shows the outlines
        basemap = "vector" if self_contained else "tiles"
    size = _png_size(png_size) if png_path else None
    progress = Progress()
    try:
        result = run_build(
            events,
            output,
            title=title,
            layers=layers,
            basemap=basemap,
            tiles=tiles,
            self_contained=self_contained,
            lang=lang,
            png=png_path,
            png_size=size,
            time=time,
            window=(window_from, window_to),
            progress=lambda stage: progress(visible(stage)),
            places=places_files,
            reading=_read_options(encoding, dayfirst, decimal_comma),
            share_data=share_data,
        )
    finally:
        progress.close()
    _warn(result.warnings)
    kind = "self-contained, " if self_contained else "Leaflet from a CDN, "
    _say(f"Wrote {result.path} ({kind}{result.bytes:,} bytes)")
    if png_path:
        _say(f"Wrote {png_path} ({size[0]}×{size[1]} PNG)")
    total = sum(result.events_per_layer.values())
    _say(f"Mapped {total:,} events, {result.places_resolved:,} places resolved:")
    for name, count in result.events_per_layer.items():
        _say(f"  {name}: {count:,}")
    if result.names_language != "en":
        _say(names_summary(result))


# The languages of place names, as the build summary names them.
_LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "uk": "Ukrainian"}


def names_summary(result) -> str:
    """How many of the map's places have no name in its language (shown in English)."""
    language = _LANGUAGE_NAMES.get(result.names_language, result.names_language)
    return (
        f"Place names in {language}: {result.names_missing:,} of the map's "
        f"{result.names_shown:,} places have none and are shown in English"
    )


# Five digits a side at most: int() of thousands of digits is slow, and an error in Python 3.11+.
# save_png checks the range.
_PNG_SIZE = re.compile(r"([0-9]{1,5})[xX]([0-9]{1,5})")


def _png_size(text):
    found = _PNG_SIZE.fullmatch(text.strip())
    if not found:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise click.BadParameter(
            f"expected WIDTHxHEIGHT such as 1200x800, each 200 to 8000 pixels; got {shown!r}",
            param_hint="--png-size",
        )
    return int(found[1]), int(found[2])


@cli.command()
@click.argument("events", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--lang",
    type=click.Choice(_languages()),
    help="Also list what the events files do not give in this language (their titles, "
    "summaries, notes, source titles, layers).",
)
@_places_option
@_reading_options
def check(events, lang, places_files, encoding, dayfirst, decimal_comma):
    """Validate EVENTS files and resolve every place, without building a map.

    Example:

        \b
        geomap check my-events.yaml --places my-places.csv
        geomap check my-events.yaml --lang ru
    """
    from .pipeline import locate, located_by_editor, untranslated

    for path in events:
        located = locate(
            [path], places=places_files, reading=_read_options(encoding, dayfirst, decimal_comma)
        )
        unverified = int((located["certainty"] == "unverified").sum())
        _say(
            f"{path}: {len(located)} events OK ({unverified} unverified); "
            f"precision: {_tally(located['precision'])}"
        )
        for line in located_by_editor(located):
            _say(f"  {line}")
        _warn(located.attrs["warnings"])
        if lang:
            lacking = untranslated(
                path, lang, reading=_read_options(encoding, dayfirst, decimal_comma)
            )
            if lacking:
                _say(f"  No {lang} text ({len(lacking)}):")
                for line in lacking:
                    _say(f"    {line}")
            else:
                _say(f"  Every text is given in {lang}.")


def _tally(values) -> str:
    counts = values.value_counts()
    return ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))


@cli.command()
@click.argument("events", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["geojson", "csv", "yaml"]),
    default="geojson",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="File to write (default: standard output).",
)
@click.option(
    "--regions",
    type=click.Choice(["points", "outline"]),
    default="points",
    show_default=True,
    help="GeoJSON: a region (or group of regions) as its centre point, or as its outline.",
)
@_places_option
@_reading_options
@_share_data_option
def export(
    events, fmt, output, regions, places_files, encoding, dayfirst, decimal_comma, share_data
):
    """Write the geocoded events of EVENTS as GeoJSON or CSV (what newsrooms publish beside a map),
    or as a YAML events file.

    GeoJSON and CSV carry the file's title and layers, and each place's id: `geomap build`
    reads either back as the same map. YAML gives the events file back as an editor writes it
    (a CSV edited in a spreadsheet, turned back into YAML).

    Example:

        \b
        geomap export my-events.yaml --format csv -o events.csv
        geomap export events.csv --format yaml -o my-events.yaml
        geomap export my-events.yaml --regions outline -o events.geojson
    """
    from .files import refuse_overwriting_inputs, write_atomic
    from .pipeline import export as export_events

    refuse_overwriting_inputs(
        [("output", output, "-o")],
        [("the input events file", events)] + [("the places file", p) for p in places_files],
    )
    if fmt != "geojson" and regions != "points":
        raise click.UsageError(
            "--regions outline is for --format geojson: a CSV gives each event's points (wkt) "
            "and its places' ids."
        )
    located, text = export_events(
        events,
        fmt,
        places_files,
        _read_options(encoding, dayfirst, decimal_comma),
        regions,
        share_data=share_data,
    )
    _warn(located.attrs["warnings"])
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        _say(f"Wrote {output} ({len(located)} events)", err=True)


@cli.command()
@click.argument("map_html", metavar="MAP.html")
@click.option(
    "--height", default="4:3", show_default=True, help="Pixels (600) or an aspect ratio (16:9)."
)
@click.option("--title", help="What screen readers announce (default: the map's title).")
@click.option("--url", help="Where the map will be published (default: MAP.html as given).")
@click.option(
    "--lang",
    type=click.Choice(_languages()),
    help="The language of the fallback link's words (default: the map's own <html lang>).",
)
@click.option("--layers", help="The layers shown, by id, separated by commas (default: all).")
@click.option("--view", help="A place of the map (kharkiv) or lat,lon,zoom (50.0,36.2,8).")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="First day of the time window.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Last day of the time window.")
@click.option("--event", metavar="ID", help="The event whose popup is open.")
def embed(map_html, height, title, url, lang, layers, view, date_from, date_to, event):
    """Print the HTML to paste into an article: a responsive iframe and a fallback link.

    --layers, --view, --from, --to and --event open the map on that view (the address's
    fragment, as the map's "Copy link" gives it), checked against MAP.html; one map file can
    be embedded several times in an article, each time showing what its paragraph is about.
    --from or --to alone runs to the events' last or from their first day.

    Example:

        \b
        geomap embed output/war-resistance-2022.html --height 16:9 \\
            --url https://example.org/maps/war-resistance-2022.html
        geomap embed output/war-resistance-2022.html --layers crossings \\
            --view kharkiv --from 2022-03-01 --to 2022-03-31
    """
    from .outputs import embed_map

    state = dict(layers=layers, view=view, date_from=date_from, date_to=date_to, event=event)
    click.echo(embed_map(map_html, url=url, title=title, height=height, view=state, lang=lang))


# --- import ----------------------------------------------------------------------------------


def _day(ctx, param, value):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"expected the day you downloaded the export, written YYYY-MM-DD, got {value!r}"
        ) from None


@cli.group("import")
def import_group():
    """Turn a dataset (an ACLED export, a table of points) into an events file to review.

    Example:

        \b
        geomap import acled export.csv --layers mapping.yaml --accessed 2024-05-02 -o events.yaml
    """


@import_group.command("acled")
@click.argument("export", type=click.Path(dir_okay=False))
@click.option(
    "--layers",
    "mapping",
    required=True,
    type=click.Path(dir_okay=False),
    metavar="MAPPING.yaml",
    help="Which layer each event type goes to (`types: {Protests: protests}`; `skip` leaves "
    "a type out).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="The events file (YAML) to write."
)
@click.option(
    "--map",
    "map_path",
    type=click.Path(dir_okay=False),
    metavar="MAP.html",
    help="Instead of an events file, map the export straight to this HTML file, grouping what "
    "a page cannot show event by event (CSV or Parquet, up to millions of rows; needs "
    "geomap[datasets]).",
)
@_share_data_option
@click.option(
    "--accessed",
    required=True,
    callback=_day,
    metavar="YYYY-MM-DD",
    help="The day you downloaded the export: ACLED's attribution names it.",
)
@click.option(
    "--filters", help="The filters of the export, for the attribution (e.g. 'Ukraine, 2022')."
)
@click.option(
    "--title", help="The map's title (default: kept from the file, or 'Events from ACLED')."
)
@click.option(
    "--full-notes",
    is_flag=True,
    help="Put ACLED's notes in the popups. Off by default: ACLED's terms restrict passing on "
    "its raw data; the popups then say what ACLED coded (type, actors, place).",
)
@click.option(
    "--remove-missing",
    is_flag=True,
    help="Remove the events of an earlier import that this export no longer has (listed "
    "either way).",
)
@click.option(
    "--lang",
    type=click.Choice(_languages()),
    help="With --map: the map's language (its words, dates, numbers, the marks' titles and "
    "ACLED's credit; default en). An events file takes its language at `geomap build --lang`.",
)
def import_acled(
    export,
    mapping,
    output,
    map_path,
    share_data,
    accessed,
    filters,
    title,
    full_notes,
    remove_missing,
    lang,
):
    """Import an ACLED export (CSV, any of ACLED's layouts) as an events file, or update one.

    Re-importing a newer export into the same file updates events by event_id_cnty, adds new
    ones and lists those that disappeared.

    Example:

        \b
        geomap import acled ukraine.csv --layers mapping.yaml --accessed 2024-05-02 \\
            --filters "Ukraine, March 2022" -o events.yaml
        geomap build events.yaml
    """
    from .datasets.importer import import_acled as run
    from .progress import Progress

    if (output is None) == (map_path is None):
        raise click.UsageError("give -o EVENTS.yaml (an events file to review) or --map MAP.html")
    if lang and not map_path:
        raise click.UsageError(
            "--lang is for --map; an events file is mapped in a language by "
            "`geomap build EVENTS.yaml --lang ru`"
        )
    progress = Progress()
    if map_path:
        _map_dataset(export, mapping, map_path, accessed, filters, title, share_data, progress,
                     lang or "en")  # fmt: skip
        return
    try:
        result = run(
            export,
            mapping,
            output,
            accessed=accessed,
            filters=filters,
            title=title,
            full_notes=full_notes,
            remove_missing=remove_missing,
            progress=progress,
        )
    finally:
        progress.close()
    for line in result.report():
        _say(line, err=True)


def _map_dataset(export, mapping, map_path, accessed, filters, title, share_data, progress, lang):
    from .datasets.importer import map_acled

    try:
        grouped, size = map_acled(
            export,
            mapping,
            map_path,
            accessed=accessed,
            filters=filters,
            title=title,
            share_data=share_data,
            lang=lang,
            progress=lambda stage: progress(visible(stage)),
            self_contained=True,
            basemap="vector",
        )
    finally:
        progress.close()
    _say(
        f"Wrote {map_path} ({size:,} bytes): {grouped.rows:,} rows as {grouped.groups:,} marks "
        f"by place, layer and {grouped.level}; layout: {grouped.layout}; dates: "
        f"{grouped.date_form}",
        err=True,
    )
    for label, count in sorted(grouped.skipped.items()):
        _say(f"Left out (skip in the mapping): {label}, {count:,} rows", err=True)


@import_group.command("table")
@click.argument("table", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The events file."
)
@click.option(
    "--spec",
    type=click.Path(dir_okay=False),
    metavar="SPEC.yaml",
    help="The options below in a file (lat: …, date: …, counts: [...], types: {value: layer}).",
)
@click.option("--lat", metavar="COLUMN", help="Latitudes, in degrees (with --lon).")
@click.option("--lon", metavar="COLUMN", help="Longitudes, in degrees (with --lat).")
@click.option(
    "--precision",
    type=click.Choice(["town", "checkpoint", "approximate", "region", "country"]),
    help="How exactly the table's points are known (default: approximate).",
)
@click.option("--region", metavar="COLUMN", help="Region names or ISO codes (UA-63, RU-MOW).")
@click.option("--place", metavar="COLUMN", help="Place names the gazetteer knows.")
@click.option("--date", metavar="COLUMN", help="Dates: 2022-03-01, or 2022-03 / 2022-W10.")
@click.option("--layer", metavar="ID", help="One layer for every row.")
@click.option("--layer-from", metavar="COLUMN", help="A layer per value of this column.")
@click.option("--id-from", metavar="COLUMN", help="Each row's id (default: its row number).")
@click.option("--title-from", metavar="COLUMN", help="Each event's title.")
@click.option("--summary-from", metavar="COLUMN", help="Each event's summary.")
@click.option("--count", "counts", multiple=True, metavar="COLUMN", help="A count column.")
@click.option("--title", help="The map's title.")
@click.option("--source-title", help="Who published the table (the events' source).")
def import_table(table, output, spec, **options):
    """Import a CSV table of events (points, regions or places; a date; a layer) as an events file.

    Example:

        \b
        geomap import table detentions.csv --region region --date month \\
            --layer prosecutions --count detained -o detentions.yaml
    """
    from dataclasses import replace

    from .datasets.importer import import_table as run
    from .datasets.table import TableSpec, read_spec

    given = {k: v for k, v in options.items() if v not in (None, ())}
    if "counts" in given:
        given["counts"] = list(given["counts"])
    result = run(table, replace(read_spec(spec) if spec else TableSpec(), **given), output)
    verb = "Wrote" if result.changed else "Unchanged:"
    _say(f"{verb} {result.path} ({result.events:,} events)", err=True)


# --- extract ---------------------------------------------------------------------------------


@cli.command()
@click.argument("article", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON document: mentions, unresolved, skipped."
)
@click.option(
    "--draft",
    "draft_path",
    type=click.Path(dir_okay=False),
    metavar="EVENTS.yaml",
    help="Also write a draft events file: one event per paragraph that names places.",
)
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The article's date, for the draft (default: the first full date near the top).",
)
@click.option(
    "--whole",
    is_flag=True,
    help="Read all the text as the report (skip no navigation, author box, links).",
)
@_places_option
def extract(article, as_json, draft_path, date, whole, places_files):
    """Find the places ARTICLE names (text, Markdown or HTML; '-' for stdin), resolved offline.

    One line per mention: its characters START–END in the text as read (for HTML, the text
    after stripping tags), the words as written, the place, its id, lat,lon and a confidence
    from 0 to 1. Then the mentions that look like places but did not resolve, with suggestions.
    The site's navigation, author box and related-article links are skipped.

    Exits 0 when every mention resolved, 1 when some did not, 2 when ARTICLE can't be read.

    Example:

        \b
        geomap extract article.txt
        geomap extract page.html --json
        geomap extract article.md --draft draft.yaml --date 2022-04-01
        geomap extract article.txt --places my-places.csv
    """
    from .files import refuse_overwriting_inputs

    refuse_overwriting_inputs(
        [("draft", draft_path, "--draft")],
        [("the article", article)] + [("the places file", p) for p in places_files],
    )

    from .extract import extract as find_places
    from .extract import read_article, write_draft
    from .gazetteer import describe

    doc = read_article(article, whole=whole)  # '-' is stdin, read with the same limit
    gazetteer = _gazetteer(places_files)
    result = find_places(doc, gazetteer)
    if draft_path:  # before printing: a draft that can't be written is the error to see
        events = write_draft(result, draft_path, date.date() if date else None)
        _say(
            f"Wrote {draft_path} ({events} events). Give each a layer, then: "
            f"geomap check {draft_path}",
            err=True,
        )
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        for m in result.mentions + result.unresolved:
            where = f"{m.start}–{m.end}", _shorten(" ".join(m.text.split()))
            if m.place:
                p = m.place
                _say(
                    *where,
                    getattr(gazetteer, "label", describe)(p, gazetteer),
                    p.id,
                    f"{p.lat:.5f},{p.lon:.5f}",
                    f"{m.confidence:.2f}",
                )
            else:
                hint = f"; did you mean {' or '.join(m.suggestions)}?" if m.suggestions else ""
                _say(*where, f"not resolved: {m.reason}{hint}")
    skipped = "; ".join(f"{why} (characters {s}–{e})" for s, e, why in doc.skipped)
    _say(
        f"{doc.name}: {_count(len(result.mentions), 'mention')} of "
        f"{_count(len(result.places), 'place')}, {len(result.unresolved)} not resolved"
        + (f"; skipped {skipped}" if skipped else ""),
        err=True,
    )
    if result.unresolved:
        if not as_json:  # the first name no place has (extraction's lookups are cached)
            from .extract.index import index_for

            known = index_for(gazetteer)
            missing = (m.query for m in result.unresolved if known.lookup(m.query).not_found)
            _not_found_advice(next(missing, None))
        sys.exit(EXIT_UNRESOLVED)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
