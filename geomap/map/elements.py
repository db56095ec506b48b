"""The map's own elements: small MacroElements whose templates escape every user text.

Text reaches HTML only through Jinja's `e` filter and JavaScript only through `tojson`;
nothing here builds markup with string formatting.
"""

from __future__ import annotations

from importlib import resources

from branca.element import Element, Figure, MacroElement
from jinja2 import Template
from markupsafe import Markup, escape

from ..i18n import Words
from .payload import pack

_ASSETS = resources.files("geomap.map")


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def script_json_text(text: str) -> str:
    """JSON made safe inside a <script> element: no character of it can close the element
    or start markup (the same escapes as Jinja's `tojson`)."""
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("'", "\\u0027")
    )


def walk(element):
    """The element and everything below it, in tree order (a snapshot of each level's
    children, so a caller may renumber or add elements as it goes)."""
    yield element
    for child in list(element._children.values()):
        yield from walk(child)


WORDS_ID = "geomap-words"  # the block of the page's words; page.js reads it by this id


def lang_attribute(language: str | None) -> Markup:
    """` lang="ru"` for a text in another language than the map's (i18n.localize), else
    nothing: screen readers then read it in its own language."""
    return Markup(' lang="{}"').format(language) if language else Markup("")


def text_in_words(words, key: str, name: str, text: str, language: str | None) -> Markup:
    """The message `key` with the user's `text` as its {name}, escaped, the text marked with
    its own language when it is not the map's."""
    marker = "\x00"
    before, _, after = words(key, **{name: marker}).partition(marker)
    return escape(before) + marked(text, language) + escape(after)


def marked(text: str, language: str | None) -> Markup:
    """The user's `text`, escaped, in a span marked with its language when not the map's."""
    if not language:
        return escape(text)
    return Markup("<span{}>{}</span>").format(lang_attribute(language), text)


# Helpers the templates call.
_TEMPLATE_HELPERS = {"lang": lang_attribute, "around": text_in_words, "marked": marked}


class _Rendered(Element):
    """Text that is already rendered and must stay as it is.

    branca wraps each macro's output in `Element(text)`, which compiles the text as a Jinja
    template a second time: a title such as "{{ 7*7 }}" would become "49", and worse.
    """

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs):
        return self._text


class SafeMacroElement(MacroElement):
    """A MacroElement whose rendered macros are never read as templates again."""

    def render(self, **kwargs):
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("a map element can only be rendered inside a folium Figure")
        for part in ("header", "html", "script"):
            macro = self._template.module.__dict__.get(part)
            if macro is not None:
                getattr(figure, part).add_child(
                    _Rendered(macro(self, kwargs)), name=self.get_name()
                )
        for element in self._children.values():
            element.render(**kwargs)


# The header of an element that brings a stylesheet and a script (`css`, `js`) into the page.
_STYLE_AND_SCRIPT = """
{% macro header(this, kwargs) %}
<style>{{ this.css }}</style>
<script>{{ this.js }}</script>
{% endmacro %}
"""


class InlineLeaflet(SafeMacroElement):
    """Leaflet's script and stylesheet inside the page, for maps that work offline."""

    _template = Template(_STYLE_AND_SCRIPT)

    def __init__(self, js: str, css: str):
        super().__init__()
        self._name = "InlineLeaflet"
        self.js, self.css = js, css


class EventLayers(SafeMacroElement):
    """Carries the events as JSON and draws them into one FeatureGroup per layer."""

    _template = Template(
        _STYLE_AND_SCRIPT
        + """
{% macro html(this, kwargs) %}
{%- for block_id, encoding, block in this.blocks %}
<script type="{{ 'application/json' if encoding == 'json' else 'text/plain' }}" id="{{ block_id }}" data-encoding="{{ encoding }}">{{ block }}</script>
{%- endfor %}
{% endmacro %}
{% macro script(this, kwargs) %}
L.geomap.start(
    {{ this._parent.get_name() }},
    {{ this.data_id|tojson }},
    {{ this.texts_id|tojson }},
    { {%- for layer_id, group in this.groups %}{{ layer_id|tojson }}: {{ group.get_name() }}{{ ", " if not loop.last }}{% endfor -%} },
    {{ this.basemap.get_name() if this.basemap else "null" }}
);
{% endmacro %}
"""
    )

    def __init__(
        self, payload: dict, texts: list, groups, basemap=None, data_id="geomap-data", words=None
    ):
        """`words`: the page's words (i18n.Words.page_block), read by L.geomap.words."""
        super().__init__()
        self._name = "EventLayers"
        self.payload = payload
        self.data_id, self.texts_id = data_id, data_id + "-texts"
        self.blocks = []  # (id, encoding, text): what the map draws, the prose, the words
        contents: list[tuple[str, dict | list]] = [(self.data_id, payload), (self.texts_id, texts)]
        if words is not None:
            contents.append((WORDS_ID, words))
        for block_id, content in contents:
            encoding, block = pack(content)
            self.blocks.append(
                (block_id, encoding, script_json_text(block) if encoding == "json" else block)
            )
        self.groups = list(groups)
        self.basemap = basemap
        self.css = _asset("style.css")
        self.js = "\n".join(
            _asset(name)
            for name in (
                "page.js",
                "events.js",
                "text.js",
                "table.js",
                "labels.js",
                "time.js",
                "draw.js",
                "search.js",
                "state.js",
            )
        )


class LayerSwitcher(SafeMacroElement):
    """Leaflet's layer control: open on large screens, a button on narrow or short ones
    (phones, and maps embedded in a short frame).

    Names were HTML-escaped by the caller: Leaflet shows them as HTML. The control is the
    map's `geomapLayers`: the time window (draw.js) updates the counts in its names.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.geomapLayers = L.control.layers(
    { {%- for name, layer in this.base %}{{ name|tojson }}: {{ layer.get_name() }}{{ ", " if not loop.last }}{% endfor -%} },
    { {%- for name, layer in this.overlays %}{{ name|tojson }}: {{ layer.get_name() }}{{ ", " if not loop.last }}{% endfor -%} },
    {position: "topright", collapsed: {{ this._parent.get_name() }}.getSize().x < {{ this.narrow }}
                                   || {{ this._parent.get_name() }}.getSize().y < {{ this.short }}}
).addTo({{ this._parent.get_name() }});
{{ this._parent.get_name() }}.geomapLayers.getContainer().querySelectorAll(".leaflet-control-layers-toggle").forEach(function (toggle) {
    toggle.title = {{ this.toggle_title|tojson }};  // Leaflet's own word, "Layers"
    toggle.setAttribute("aria-label", toggle.title);
});
{% endmacro %}
""")

    def __init__(self, base, overlays, narrow=600, short=500, toggle_title="Layers"):
        super().__init__()
        self._name = "LayerSwitcher"
        self.toggle_title = toggle_title
        self.base, self.overlays, self.narrow, self.short = (
            list(base),
            list(overlays),
            narrow,
            short,
        )


# Shows the element's hidden HTML box as a Leaflet control at `this.position`; `map` is the
# map's variable. Shared by the title box and the legend.
_ADD_AS_CONTROL = """
    var control = L.control({position: {{ this.position|tojson }}});
    control.onAdd = function () {
        var box = document.getElementById({{ this.element_id|tojson }});
        box.hidden = false;
        var details = box.querySelector("details");
        var size = map.getSize();
        if (details && (size.x < 600 || size.y < 600)) details.open = false;  // small frames: a button
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
    };
    control.addTo(map);
"""
_CONTROL_SCRIPT = (
    """
{% macro script(this, kwargs) %}
(function () {
    var map = {{ this._parent.get_name() }};"""
    + _ADD_AS_CONTROL
    + """})();
{% endmacro %}
"""
)


class TitleBox(SafeMacroElement):
    """The map's title, its description, and the events as a table, top left.

    The description names the map for screen readers (the map is a region described by
    it); the table gives every event to a reader who cannot use the map. All three are plain
    HTML at the top of the page until the script moves them into the map: with scripts off,
    or Leaflet missing, the page is still the title, the description and every event.
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
{% if this.description %}<meta name="description" content="{{ this.description|e }}">{% endif %}
<noscript><style>.folium-map { display: none; }</style></noscript>
{% endmacro %}
{% macro html(this, kwargs) %}
<div id="{{ this.element_id }}" class="geomap-box geomap-title">
  <h1 id="{{ this.element_id }}-heading"{{ lang(this.title_lang) }}>{{ this.title|e }}</h1>
  {% if this.description %}<p id="{{ this.element_id }}-description"{{ lang(this.description_lang) }}>{{ this.description|e }}</p>{% endif %}
  <details class="geomap-table" open>
    <summary><span class="geomap-closed geomap-row-count">{{ this.words.plural("table.show", this.events)|e }}</span><span class="geomap-opened">{{ this.words("table.close")|e }}</span></summary>
    <div class="geomap-table-panel" role="region" aria-label="{{ this.words("table.label")|e }}" tabindex="0">
    <table>
      <caption{{ lang(this.title_lang) }}>{{ this.title|e }}</caption>
      <thead><tr>{% for key in ("event", "what", "layer", "when", "where", "numbers", "certainty", "source") %}<th scope="col">{{ this.words("table." ~ key)|e }}</th>{% endfor %}</tr></thead>
      <tbody>
      {%- for row in this.rows %}
      <tr data-event="{{ row.index }}"><th scope="row"{{ lang(row.title_lang) }}>{{ row.title|e }}</th><td>{% if row.summary %}{{ marked(row.summary, row.summary_lang) }}{% endif %}{% if row.note %} <i>{{ around(this.words, "label.note", "text", row.note, row.note_lang) }}</i>{% endif %}</td><td{{ lang(row.layer_lang) }}>{{ row.layer|e }}</td><td>{{ row.when|e }}</td><td>{{ row.where|e }}</td><td>{{ row.numbers|e }}</td><td>{{ row.certainty|e }}</td><td>
        {%- if row.source %}{% if row.url %}<a href="{{ row.url|e }}" target="_blank" rel="noopener noreferrer"{{ lang(row.source_lang) }}>{{ row.source|e }}</a>{% else %}{{ marked(row.source, row.source_lang) }}{% endif %}{% if row.publisher %}, {{ row.publisher|e }}{% endif %}{% endif %}
        {%- if row.reported_by %}{{ "; " if row.source }}{{ this.words("table.reported_by", who=row.reported_by)|e }}{% endif %}</td></tr>
      {%- endfor %}
      </tbody>
      {%- if this.total > this.rows|length %}
      <tfoot><tr><td colspan="8" class="geomap-table-more" data-listed="{{ this.rows|length }}" data-total="{{ this.total }}">
        {{- this.words.plural("table.rest", this.events_unlisted)|e -}}
      </td></tr></tfoot>
      {%- endif %}
    </table>
    </div>
  </details>
</div>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
    var map = {{ this._parent.get_name() }}, container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-labelledby", {{ (this.element_id ~ "-heading")|tojson }});
    {% if this.description %}container.setAttribute("aria-describedby", {{ (this.element_id ~ "-description")|tojson }});{% endif %}"""
        + _ADD_AS_CONTROL
        + """
    // The table is open in the HTML, for a page whose scripts do not run; in the map it is a
    // button, and the open table covers the map: lift its corner above the other controls.
    var table = document.getElementById({{ this.element_id|tojson }}).querySelector("details");
    table.open = false;
    table.addEventListener("toggle", function () {
        table.closest(".leaflet-top").style.zIndex = table.open ? 1100 : "";
    });
})();
{% endmacro %}
"""
    )

    def __init__(
        self,
        title: str,
        description: str | None = None,
        rows=(),
        element_id="geomap-title",
        words=None,
        languages=(None, None),
        total: int | None = None,
        weights: list[int] | None = None,
    ):
        """`rows`: the events as table.table_rows gives them, the first of `total` (default:
        all of them; the page's table.js lists the others when a reader asks); `words`: the
        map's (i18n.Words); `languages`: the title's and the description's language when not
        the map's."""
        super().__init__()
        self._name = "TitleBox"
        self.words = words or Words()
        self.title_lang, self.description_lang = languages
        self.position = "topleft"
        self.title, self.description, self.rows, self.element_id = (
            title,
            description,
            list(rows),
            element_id,
        )
        self.total = len(self.rows) if total is None else total
        # What the reader is told: events, which on a grouped map (`weights`, events per row)
        # are more than the rows.
        if weights is None:
            self.events, self.events_unlisted = self.total, self.total - len(self.rows)
        else:
            self.events, self.events_unlisted = sum(weights), sum(weights[len(self.rows) :])


class Legend(SafeMacroElement):
    """Colours of the layers with their event counts, what the marks mean, sources."""

    _template = Template(
        """
{% macro html(this, kwargs) %}
<div id="{{ this.element_id }}" class="geomap-box geomap-legend" hidden>
<details open>
  <summary>{{ this.words("legend.title")|e }}</summary>
  <h2>{{ this.words("legend.layers")|e }}</h2>
  <ul>
  {%- for layer in this.layers %}
    <li><span class="geomap-swatch" style="background: {{ layer.color|e }}"></span><span>{{ marked(layer.name, layer.name_lang) }} (<span class="geomap-count" data-layer="{{ layer.id|e }}">{{ this.words.number(layer.count)|e }}</span>)</span></li>
  {%- endfor %}
  </ul>
  <h2>{{ this.words("legend.marks")|e }}</h2>
  <ul>
    <li><svg class="geomap-key" viewBox="0 0 22 14" aria-hidden="true"><circle cx="11" cy="7" r="5" fill="#777" stroke="#444" stroke-width="2"/></svg>{{ this.words("legend.town")|e }}</li>
    <li><svg class="geomap-key" viewBox="0 0 22 14" aria-hidden="true"><circle cx="11" cy="7" r="5" fill="#777" stroke="#111" stroke-width="3"/></svg>{{ this.words("legend.checkpoint")|e }}</li>
    {%- if this.gathered %}
    <li><svg class="geomap-key" viewBox="0 0 22 14" aria-hidden="true"><circle cx="11" cy="7" r="6.5" fill="#777" stroke="#fff" stroke-width="1.5"/><text x="11" y="9.5" font-size="7" text-anchor="middle" fill="#fff">12</text></svg>{{ this.words("legend.gathered")|e }}</li>
    {%- endif %}
    <li><svg class="geomap-key" viewBox="0 0 22 14" aria-hidden="true"><rect x="2" y="2" width="18" height="10" fill="#777" fill-opacity="0.4" stroke="#777"/></svg>{{ this.words("legend.region")|e }}</li>
    <li><span class="geomap-key geomap-badge-key" style="--geomap-badge: #777" aria-hidden="true"></span>{{ this.words("legend.country")|e }}</li>
    <li><svg class="geomap-key" viewBox="0 0 22 14" aria-hidden="true"><path d="M1 7 H15" stroke="#777" stroke-width="3"/><path d="M14 2 L21 7 L14 12 Z" fill="#777"/></svg>{{ this.words("legend.route")|e }}</li>
    <li><svg class="geomap-key" viewBox="0 0 22 14" aria-hidden="true"><circle cx="11" cy="7" r="5" fill="#777" fill-opacity="0.1" stroke="#777" stroke-width="2" stroke-dasharray="2 2"/></svg>{{ this.words("legend.unverified")|e }}</li>
    {%- if this.approximate %}
    <li><svg class="geomap-key geomap-key-approximate" viewBox="0 0 22 14" aria-hidden="true"><circle cx="11" cy="7" r="3.5" fill="#777" fill-opacity="0.75" stroke="#777" stroke-opacity="0.5" stroke-width="4" stroke-dasharray="1.4 1.6"/></svg>{{ this.words("legend.approximate")|e }}</li>
    {%- endif %}
  </ul>
  {% if this.download_id %}<p class="geomap-note"><a id="{{ this.download_id }}" download="{{ this.download_name|e }}" href="#">{{ this.words("legend.download")|e }}</a></p>{% endif %}
  {% if this.sources %}<p class="geomap-note">{{ this.words("label.source", source=this.sources)|e }}</p>{% endif %}
</details>
</div>
{% endmacro %}
"""
        + _CONTROL_SCRIPT
    )

    def __init__(
        self,
        layers,
        sources: str | None,
        download_id: str | None,  # None: no download link (the data's terms forbid it)
        download_name: str,
        element_id="geomap-legend",
        gathered: bool = False,
        words=None,
        approximate: bool = False,
    ):
        super().__init__()
        self._name = "Legend"
        self.words = words or Words()
        self.position = "bottomright"
        self.layers, self.sources = layers, sources
        self.download_id, self.download_name, self.element_id = (
            download_id,
            download_name,
            element_id,
        )
        self.gathered = gathered  # many places: the key explains the numbered circles
        self.approximate = approximate  # points given as approximate: the key shows their rim


for _element in (TitleBox, Legend):
    _element._template.globals.update(_TEMPLATE_HELPERS)
