"""folium's stock page assets — jQuery, Bootstrap, awesome-markers, icon fonts — linked only
when an element of the map needs them.

folium links all of them into every page as the Map's defaults, because a few of its elements
use them without declaring them: an `Icon` draws with awesome-markers and the icon fonts, a
`Popup` parses its content with jQuery. geomap's own elements need only Leaflet, so a geomap map
links Leaflet alone; `LeanMap.render` walks the tree each time the page is rendered (saved, or
shown in a notebook) and adds the stock assets that the elements found there need. Plugins
declare their own scripts (`default_js`), and folium links those per element already.

A self-contained map must work offline: when something in it would need a CDN, rendering it
raises GeomapError naming the element, instead of writing a page that breaks without network.
"""

from __future__ import annotations

import base64
from posixpath import basename
from urllib.parse import urlsplit

import folium
from folium.elements import JSCSSMixin
from folium.plugins import FastMarkerCluster, TagFilterButton
from jinja2 import Template

from ..errors import GeomapError
from .assets import leaflet_marker_images
from .elements import _Rendered, walk

# The stock assets by name, as folium declares them: (kind, url), kind "js" or "css".
STOCK = {name: ("js", url) for name, url in folium.Map.default_js}
STOCK.update({name: ("css", url) for name, url in folium.Map.default_css})
LEAFLET = {"leaflet", "leaflet_css"}  # every geomap map carries Leaflet (linked or inline)

AWESOME_MARKERS = frozenset(
    {
        "awesome_markers",
        "awesome_markers_css",
        "awesome_rotate_css",
        "glyphicons_css",
        "awesome_markers_font_css",
    }
)
JQUERY = frozenset({"jquery"})
ALL_STOCK = frozenset(STOCK) - LEAFLET
# What the page needs for Leaflet's default marker picture (a pseudo-asset, not a link): a
# linked leaflet.css finds the images beside it; an inlined one needs them inlined too.
MARKER_IMAGES = "leaflet_marker_images"
DEFAULT_MARKER_USERS = (folium.Marker, folium.GeoJson, folium.TopoJson)

# Packages whose elements were read for what they use (folium 0.17–0.20, branca 0.7–0.8):
# anything of theirs not named in `_needs` uses only Leaflet and its own `default_js`.
KNOWN_PACKAGES = ("folium", "branca", "geomap")


def _needs(element) -> frozenset[str]:
    """The stock assets (and MARKER_IMAGES) one element uses without declaring them."""
    if isinstance(element, folium.Icon):
        return AWESOME_MARKERS
    if isinstance(element, folium.Popup):  # its content goes through $(`…`)
        return JQUERY
    if isinstance(element, FastMarkerCluster) and "AwesomeMarkers" in element.callback:
        return AWESOME_MARKERS  # the default callback draws awesome-markers
    if isinstance(element, TagFilterButton):
        return frozenset({"awesome_markers_font_css"})  # its button is a Font Awesome icon
    if isinstance(element, folium.Map) and element.objects_to_stay_in_front:
        return JQUERY  # folium keeps them in front from $(document).ready
    if isinstance(element, folium.Marker) and element.icon is None:
        return frozenset({MARKER_IMAGES})
    if isinstance(element, DEFAULT_MARKER_USERS):
        return frozenset({MARKER_IMAGES})  # point features are drawn as default markers
    if not _known(element):
        # Someone else's element: it may use any of them, as it could in a plain folium map.
        return ALL_STOCK | {MARKER_IMAGES}
    return frozenset()


def _known(element) -> bool:
    """Whether what the element uses is known: it comes from a package read for it, or it
    declares its scripts as folium's plugins do (a JSCSSMixin, even with empty lists)."""
    return type(element).__module__.partition(".")[0] in KNOWN_PACKAGES or isinstance(
        element, JSCSSMixin
    )


def element_label(element) -> str:
    """How a user would write the element's class: folium.Icon, folium.plugins.MiniMap."""
    cls = type(element)
    module = cls.__module__
    if module.startswith("folium.plugins"):
        return f"folium.plugins.{cls.__name__}"
    if module.startswith(("folium.", "branca.")) and hasattr(folium, cls.__name__):
        return f"folium.{cls.__name__}"
    return f"{module}.{cls.__qualname__}"


def needed_assets(fmap) -> dict[str, list[str]]:
    """Each stock asset the map's elements need, with the elements that need it."""
    needed: dict[str, list[str]] = {}
    for element in walk(fmap):
        for name in sorted(_needs(element)):
            users = needed.setdefault(name, [])
            if element_label(element) not in users:
                users.append(element_label(element))
    return needed


def _online_needs(fmap) -> dict[str, list[str]]:
    """Element label → the files it would fetch from the network (stock or its own)."""
    online: dict[str, set[str]] = {}
    for element in walk(fmap):
        label = element_label(element)
        if not _known(element):
            online[label] = {"any of folium's stock assets (geomap cannot tell which it uses)"}
            continue
        urls = [STOCK[name][1] for name in _needs(element) if name in STOCK and name not in LEAFLET]
        urls += [
            url
            for _name, url in [
                *getattr(element, "default_js", []),
                *getattr(element, "default_css", []),
            ]
        ]
        files = {basename(urlsplit(url).path) for url in urls if not url.startswith("data:")}
        if files:
            online.setdefault(label, set()).update(files)
    return {label: sorted(files) for label, files in online.items()}


# Leaflet's default marker pictures as data URIs, for inlined Leaflet: it would look for them
# beside a leaflet.css file that an offline page does not have.
_MARKER_IMAGES = Template("""<script>L.Icon.Default.imagePath = "";
L.Icon.Default.mergeOptions({{ images|tojson }});</script>""")


def _marker_images_script() -> str:
    images = {
        option: "data:image/png;base64," + base64.b64encode(data).decode("ascii")
        for option, data in leaflet_marker_images().items()
    }
    return _MARKER_IMAGES.render(images=images)


class LeanMap(folium.Map):
    """A folium.Map that links Leaflet and, at render time, only the stock assets its elements
    need (see the module's docstring). With `self_contained`, Leaflet comes inline (an
    InlineLeaflet element) and anything that needs a CDN is refused."""

    def __init__(self, *args, self_contained: bool = False, leaflet_links=None, **kwargs):
        """`leaflet_links`: the (name, url) of Leaflet's script and stylesheet, linked unless
        `self_contained`."""
        super().__init__(*args, **kwargs)
        self.self_contained = self_contained
        self._rendered_parts: list[tuple[object, str]] = []
        self.default_js = [] if self_contained else [leaflet_links[0]]
        self.default_css = [] if self_contained else [leaflet_links[1]]

    def render(self, **kwargs):
        needed = needed_assets(self)
        if self.self_contained:
            online = _online_needs(self)
            if online:
                raise GeomapError(_offline_message(online))
        declared = self.default_js, self.default_css
        names = {name for name, _url in [*self.default_js, *self.default_css]}
        extra = [name for name in STOCK if name in needed and name not in LEAFLET | names]
        # Added for this render only: the lists the map was built with stay as they were.
        self.default_js = [
            *self.default_js,
            *((n, STOCK[n][1]) for n in extra if STOCK[n][0] == "js"),
        ]
        self.default_css = [
            *self.default_css,
            *((n, STOCK[n][1]) for n in extra if STOCK[n][0] == "css"),
        ]
        sections = self._clear_previous_render()
        before = {(id(section), name) for section in sections for name in section._children}
        try:
            super().render(**kwargs)
        finally:
            self.default_js, self.default_css = declared
        if self.self_contained and MARKER_IMAGES in needed:
            # After the children, so after InlineLeaflet in the page's header.
            self.get_root().header.add_child(_Rendered(_marker_images_script()), name=MARKER_IMAGES)
        self._rendered_parts = [
            (section, name)
            for section in sections
            for name in section._children
            if (id(section), name) not in before
        ]

    def _clear_previous_render(self):
        """Take out of the page what the last render put in, so that rendering again (shown in
        a notebook, then saved) gives one copy of each part, not one per render."""
        root = self.get_root()
        sections = [root.header, root.html, root.script]
        for section, name in self._rendered_parts:
            section._children.pop(name, None)
        self._rendered_parts = []
        return sections


def _offline_message(online: dict[str, list[str]]) -> str:
    needs = "; ".join(f"{label} needs {', '.join(files)}" for label, files in online.items())
    return (
        f"this self-contained map would need the network: {needs} — from a CDN, and no "
        "installed package provides them, so the map would not show them offline. Build it "
        "without self_contained=True (the page then links them), or draw with elements that "
        "need only Leaflet (folium.CircleMarker, folium.Marker with a folium.DivIcon)."
    )
