"""Leaflet for self-contained maps, read from an installed package, never from the repo.

The PyPI package django-js-lib-leaflet ships Leaflet 1.9.4's dist files (BSD-2-Clause)
and depends on nothing; only its static files are read, Django is never imported.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from ..errors import DataError

LEAFLET_PACKAGE = "js_lib_leaflet"


def _leaflet_dir() -> Path:
    spec = find_spec(LEAFLET_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(
            "self-contained maps need Leaflet from the package django-js-lib-leaflet; "
            "install it with: pip install django-js-lib-leaflet"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "static" / LEAFLET_PACKAGE


@cache
def leaflet_js() -> str:
    return (_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")


@cache
def leaflet_css() -> str:
    """leaflet.css with its images inlined as data URIs, so nothing is fetched."""
    folder = _leaflet_dir()
    css = (folder / "leaflet.css").read_text(encoding="utf-8")

    def inline(match):
        image = folder / match.group(1)
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)


@cache
def leaflet_marker_images() -> dict[str, bytes]:
    """Leaflet's default marker pictures, by the L.Icon.Default option that names each."""
    folder = _leaflet_dir() / "images"
    return {
        "iconUrl": (folder / "marker-icon.png").read_bytes(),
        "iconRetinaUrl": (folder / "marker-icon-2x.png").read_bytes(),
        "shadowUrl": (folder / "marker-shadow.png").read_bytes(),
    }
