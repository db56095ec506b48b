"""The tile basemap's provider: an xyzservices TileProvider, or its name ("OpenTopoMap").

xyzservices is the catalogue folium and geopandas' explore() use: each provider carries its
URL, zoom range and the attribution the tiles' licence asks for, which the map shows.
"""

from __future__ import annotations

import difflib

import xyzservices

from ..errors import GeomapError


def _key(name: str) -> str:
    # The spelling xyzservices' query_name compares: no case, spaces, dots, dashes or underscores.
    return "".join(ch for ch in name.lower() if ch not in " .-_")


def tile_provider(tiles) -> xyzservices.TileProvider:
    """The TileProvider `tiles` names (or is); GeomapError with close names when unknown."""
    if isinstance(tiles, xyzservices.TileProvider):
        provider = tiles
    elif isinstance(tiles, str):
        if "{z}" in tiles or "://" in tiles:
            raise GeomapError(
                f"tiles: {tiles!r} looks like a URL; pass a provider instead, "
                "xyzservices.TileProvider(name=…, url=…, attribution=…), so the "
                "map can credit the tiles"
            )
        try:
            provider = xyzservices.providers.query_name(tiles)
        except ValueError:
            raise GeomapError(_unknown_name(tiles)) from None
    else:
        raise GeomapError(
            f"tiles: expected an xyzservices TileProvider or a provider name such "
            f"as 'OpenTopoMap'; got {type(tiles).__name__} {tiles!r}"
        )
    if provider.requires_token():
        # xyzservices marks the missing key with a placeholder; its option's name varies.
        key = next(k for k, v in provider.items() if isinstance(v, str) and "<insert your" in v)
        raise GeomapError(
            f"tiles {provider.name!r} need an API key: pass "
            f'xyzservices.providers.{provider.name}({key}="…") in Python, '
            "or choose a provider that needs none, such as OpenStreetMap.HOT or "
            "OpenTopoMap"
        )
    return provider


def _unknown_name(name: str) -> str:
    names = list(xyzservices.providers.flatten())
    by_key = {_key(n): n for n in names}
    close = [
        by_key[k] for k in difflib.get_close_matches(_key(name), list(by_key), n=5, cutoff=0.6)
    ]
    if not close:  # a family name such as "CartoDB" or "Esri": list its members
        close = [n for n in names if _key(n).startswith(_key(name))][:8] if _key(name) else []
    hint = (
        f"did you mean {', '.join(close)}?"
        if close
        else "for example OpenStreetMap.HOT, OpenTopoMap"
    )
    return (
        f"tiles: no tile provider named {name!r}; {hint} "
        "(xyzservices.providers.flatten() lists all of them)"
    )
