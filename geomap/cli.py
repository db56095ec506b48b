"""The geomap command: each command parses its arguments, calls the library, reports.

Heavy libraries (folium, geopandas) are imported inside the commands that need them,
so `geomap --help` and `geomap geocode` start quickly.
"""

from __future__ import annotations

import json
import sys

import click

from .errors import GeomapError

EXIT_UNRESOLVED = 1


class _Group(click.Group):
    """Turns every GeomapError into one clean line on stderr and its exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GeomapError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geomap")
def cli():
    """Turn the places named in an article into an interactive, layered web map.

    Example:

        geomap build                 # the bundled report, written to output/
        geomap geocode Kharkov "Trans-Baikal Territory"
    """


def main():
    cli(prog_name="geomap")


# --- geocode ---------------------------------------------------------------------------------


@cli.command()
@click.argument("names", nargs=-1)
@click.option("-f", "--file", "names_file", type=click.Path(dir_okay=False, allow_dash=True),
              help="Read names from a UTF-8 text file, one per line ('-' for stdin).")
@click.option("--country", metavar="CC", help="Prefer places in this country (ISO alpha-2, e.g. UA).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def geocode(names, names_file, country, as_json):
    """Resolve place names against the bundled gazetteer, one line per name.

    Exits 0 when every name resolved, 1 when any did not.

    Example:

        geomap geocode Kharkov Odessa "Krasnodar Territory"
        geomap geocode --json --country UA Donetsk
    """
    from .gazetteer import default_gazetteer, describe

    queries = list(names)
    if names_file:
        queries += _read_names(names_file)
    if not queries:
        raise click.UsageError("give at least one NAME, or --file FILE")
    if country and (len(country) != 2 or not country.isalpha()):
        raise click.BadParameter(f"expected an ISO alpha-2 code such as UA or RU, got {country!r}",
                                 param_hint="--country")

    gazetteer = default_gazetteer()
    unresolved = 0
    for query in queries:
        match = gazetteer.lookup(query, country=country)
        unresolved += not match.ok
        if as_json:
            click.echo(json.dumps(match.to_dict(), ensure_ascii=False))
        else:
            click.echo(_match_line(match, describe, gazetteer))
    if unresolved:
        sys.exit(EXIT_UNRESOLVED)


def _read_names(path) -> list[str]:
    with click.open_file(path, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GeomapError(f"{path}, line {line}: not valid UTF-8 (byte {raw[exc.start]:#04x}). "
                          "Save the file as UTF-8 and try again.") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _match_line(match, describe, gazetteer) -> str:
    query = _shorten(match.query)
    if match.ok:
        p = match.place
        return f"{query}\t{describe(p, gazetteer)}\t{p.id}\t{p.lat:.5f},{p.lon:.5f}"
    line = f"{query}\tnot resolved: {match.reason}"
    if match.suggestions:
        line += "; did you mean " + " or ".join(match.suggestions) + "?"
    return line


# --- places ----------------------------------------------------------------------------------


@cli.command()
@click.option("--kind", type=click.Choice(["country", "region", "town", "checkpoint"]))
@click.option("--country", metavar="CC", help="Only places in this country (ISO alpha-2).")
def places(kind, country):
    """List the gazetteer, one place per line: id, kind, name, country, parent, lat,lon.

    Example:

        geomap places --kind region --country UA
    """
    from .gazetteer import default_gazetteer

    for p in default_gazetteer().find(kind=kind, country=country.upper() if country else None):
        click.echo("\t".join([p.id, p.kind, p.display_name, p.country, p.parent or "",
                              f"{p.lat:.5f},{p.lon:.5f}"]))
