"""Event text in several languages: a text field of an events file may be a mapping
`{en: …, ru: …, uk: …}`. A map in one language shows that language's text where the file
gives it and the original elsewhere, marked with the original's language (`lang`).

The original's language is the events file's `language:` (default en); every mapping must
give a text in it (checked when the file is read), so every field has something to show.
"""

from __future__ import annotations

# The located events' columns that may hold a mapping of texts by language: those a CSV
# gives in other languages as `title[ru]` columns (one list, read by the CSV reader too; kept
# here so that importing the languages does not import the events reader).
TRANSLATABLE_COLUMNS = ("title", "summary", "precision_note", "source_title")

# The fields of an event, of the file and of a layer that may (the events file's names).
EVENT_FIELDS = ("title", "summary", "precision_note")
FILE_FIELDS = ("title", "description")
LAYER_FIELDS = ("name", "description")


def pick(value, lang: str, original: str) -> tuple:
    """(the text to show in a `lang` map, its language when that is not `lang`, else None)."""
    if value is None:
        return None, None
    if isinstance(value, dict):
        # The file's own mappings always hold `original` (schema); the others are tried for
        # mappings made elsewhere.
        for key in (lang, original, *value):
            if key in value:
                return value[key], (key if key != lang else None)
    return value, (original if original != lang else None)


def original_text(value, original: str):
    """The text in the file's own language (what exports and messages name)."""
    return value[original] if isinstance(value, dict) else value


def localize(located, words):
    """A copy of the located events with each translatable column as the `lang` text, and,
    in `attrs["languages"]`, per column, the language of each text that is not `lang`
    (None where it is), the file's title, description and layers the same way."""
    lang = words.lang
    original = located.attrs.get("language") or "en"
    out = located.copy(deep=False)  # new columns replace old ones; the others are shared
    out.attrs = dict(located.attrs)
    foreign: dict[str, list] = {}
    for column in TRANSLATABLE_COLUMNS:
        if column not in located:
            continue
        picked = [pick(_plain(v), lang, original) for v in located[column]]
        out[column] = [text for text, _ in picked]
        if any(language for _, language in picked):
            foreign[column] = [language for _, language in picked]
    out.attrs["languages"] = foreign
    for key in FILE_FIELDS:
        text, language = pick(located.attrs.get(key), lang, original)
        out.attrs[key] = text
        out.attrs[f"{key}_lang"] = language
    layers = []
    for layer in located.attrs.get("layers", []):
        layer = dict(layer)
        for key in LAYER_FIELDS:
            layer[key], layer[f"{key}_lang"] = pick(layer.get(key), lang, original)
        builtin = _builtin_layer(layer["id"], located.attrs["layers"])
        if builtin is not None:  # a built-in layer as geomap defines it: the catalogue's words
            layer["name"], layer["name_lang"] = words(f"layer.{layer['id']}"), None
            layer["description"] = words(f"layer.{layer['id']}.description")
            layer["description_lang"] = None
        layers.append(layer)
    out.attrs["layers"] = layers
    return out


def _builtin_layer(layer_id, layers):
    from ..events.schema import DEFAULT_LAYERS

    for default in DEFAULT_LAYERS:
        if default.id == layer_id:
            mine = next(layer for layer in layers if layer["id"] == layer_id)
            same = all(mine.get(k) == getattr(default, k) for k in ("name", "description"))
            return default if same else None
    return None


def missing_translations(events_file, lang: str) -> list[str]:
    """The events (and the file's and layers' fields) with no text in `lang`: one line each,
    for `geomap check --lang`."""
    original = events_file.language
    if lang == original:
        return []
    lines = []
    for key in FILE_FIELDS:
        if _lacks(getattr(events_file, key), lang):
            lines.append(f"the file's {key}")
    for layer in events_file.layers:
        if _builtin_layer(layer.id, [layer.model_dump()]) is not None:
            continue  # a built-in layer: its words are in the catalogues
        fields = [k for k in LAYER_FIELDS if _lacks(getattr(layer, k), lang)]
        if fields:
            lines.append(f"layer {layer.id}: {', '.join(fields)}")
    for event in events_file.events:
        fields = [k for k in EVENT_FIELDS if _lacks(getattr(event, k), lang)]
        if event.source is not None and _lacks(event.source.title, lang):
            fields.append("source title")
        if fields:
            lines.append(f"event {event.id}: {', '.join(fields)}")
    return lines


def _lacks(value, lang: str) -> bool:
    return value is not None and not (isinstance(value, dict) and lang in value)


def _plain(value):
    return None if isinstance(value, float) and value != value else value
