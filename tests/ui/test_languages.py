"""Each map wholly in its language (issue 17): a walk through the whole map — title box, table,
layer control, zoom, legend, every popup and tooltip, the framing buttons, attribution, scale,
the error banner, every aria-label and title — finds no word of another script outside the
data: no Latin word in the Russian and Ukrainian maps, no Cyrillic one in the English map."""

import json
import re
from pathlib import Path

import pytest
import yaml

FIXTURE = Path(__file__).resolve().parents[1] / "corpus" / "three-languages.yaml"
LATIN = re.compile(r"[A-Za-z]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
# Names that stay as they are in every language: software, data sources, formats, a licence.
ALLOWED = {"leaflet", "natural", "earth", "geonames", "cc", "by", "geojson", "openstreetmap"}
ALLOWED |= {"javascript"}  # Leaflet's link title: "a JavaScript library for interactive maps"
ALLOWED |= {"enter", "ctrl"}  # keys, named as the keyboard prints them ("нажмите Enter")

WALK = """async (query) => {
    const seen = [];
    const text = (node) => node ? node.innerText : "";
    const table = document.querySelector(".geomap-table");
    table.open = true;
    seen.push(text(document.getElementById("geomap-title")));
    table.open = false;
    seen.push(text(document.getElementById("geomap-title")));
    seen.push(text(document.querySelector(".leaflet-control-layers")));
    seen.push(text(document.getElementById("geomap-legend")));
    const marks = Array.from(document.querySelectorAll(".geomap-event[role=button]"));
    for (const mark of marks) {
        mark.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
        await new Promise((done) => setTimeout(done, 30));
        seen.push(text(document.querySelector(".leaflet-popup-content")));
        mark.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    }
    // The place search, with suggestions open, and its status for screen readers.
    const input = document.getElementById("geomap-search-input");
    input.focus();
    input.value = query;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    await new Promise((done) => setTimeout(done, 50));
    seen.push(text(document.getElementById("geomap-search-list")));
    seen.push(text(document.querySelector(".geomap-search")));
    const found = document.querySelectorAll(".geomap-search-option").length;
    input.value = "";
    input.dispatchEvent(new Event("input", {bubbles: true}));
    // The time window: its readout, count and what screen readers hear of each handle.
    const time = document.querySelector(".geomap-time");
    seen.push(text(time));
    for (const node of document.querySelectorAll("[aria-valuetext]")) seen.push(node.getAttribute("aria-valuetext"));
    seen.push(document.body.innerText);
    for (const node of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
        for (const name of ["aria-label", "title", "alt", "placeholder"]) {
            if (node.hasAttribute(name)) seen.push(node.getAttribute(name));
        }
    }
    return {seen: seen, marks: marks.length, found: found, time: !!time};
}"""


def _strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def _data_words(page) -> set[str]:
    """Words of the data: the events file's texts and count names, and the place names the
    map carries (its places, labels and framing buttons)."""
    document = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    # The texts the file gives (in every language), not its keys, ids or chosen words
    # (layer, certainty, qualifier): those the map must say in its own words.
    texts = [*_strings(document["title"]), *_strings(document["description"])]
    texts += [*_strings(document["source"]["title"]), document["source"]["publisher"]]
    for event in document["events"]:
        for field in ("title", "summary", "precision_note", "places", "currency"):
            texts += list(_strings(event.get(field)))
        texts += list(event.get("counts", {}))  # count names are the file's own words
    payload = json.loads(page.locator("#geomap-data").text_content())
    texts += list(_strings(payload["events"]["places"]))
    texts += list(_strings(payload.get("names")))
    texts += [framing["name"] for framing in payload.get("framings", [])]
    words = set()
    for text in texts:
        for part in re.split(r"[_\W\d]+", text):
            words.add(part.lower())
    return words


@pytest.fixture(scope="module")
def language_maps(site):
    from geomap.pipeline import build

    root, origin = site
    urls = {}
    for lang in ("en", "ru", "uk"):
        build(
            [FIXTURE],
            root / f"languages-{lang}.html",
            self_contained=True,
            basemap="vector",
            lang=lang,
        )
        urls[lang] = f"{origin}/languages-{lang}.html"
    return urls


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_whole_map_is_in_its_language(visit, language_maps, lang):
    visit_ = visit(1280, 800)
    page = visit_.open(language_maps[lang])
    assert page.evaluate("document.documentElement.lang") == lang
    walked = page.evaluate(WALK, {"en": "Khar", "ru": "Харь", "uk": "Харк"}[lang])
    assert walked["marks"] >= 7  # every event's mark was opened
    assert walked["found"] >= 1 and walked["time"]  # search suggested; the time window was read
    page.evaluate("L.geomap.fail('404')")  # the error banner (the cause is not a word)
    walked["seen"].append(page.locator(".geomap-error").inner_text())
    seen = "\n".join(walked["seen"])
    data = _data_words(page) | ALLOWED
    if lang == "en":
        foreign = {w for w in CYRILLIC.findall(seen) if w.lower() not in data}
        assert "Legend" in seen and "Show the 7 events as a table" in seen
    else:
        foreign = {w for w in LATIN.findall(seen) if w.lower() not in data}
        assert len(CYRILLIC.findall(seen)) > 200
        assert {"ru": "Легенда", "uk": "Легенда"}[lang] in seen
    assert foreign == set(), f"words not in the map's language ({lang}): {sorted(foreign)}"
    assert visit_.page_errors == []


def test_popups_and_table_say_the_same_dates_and_numbers(visit, language_maps):
    page = visit(1280, 800).open(language_maps["ru"])
    mark = page.locator(".geomap-event[role=button]").first
    mark.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content").inner_text()
    table = page.locator(".geomap-table table").text_content()
    dates = re.findall(r"\d+ [а-я]+ 2022\u202fг\.", popup)
    assert dates and all(d in table for d in dates)
    words = page.evaluate(
        "[L.geomap.words.plural('count.events', 21), L.geomap.words.plural('count.events', 11)]"
    )
    assert words == ["21 событие", "11 событий"]
