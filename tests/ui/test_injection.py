"""Hostile text in every field of an events file: nothing executes, everything shows as text.

The payloads (tests/corpus/payloads.json) try to set `window.__pwned`; a payload that runs
would set it or open a dialog. Every popup, tooltip, the table, the legend and the layer
control are opened, and each text must appear exactly as written.
"""

import json
from pathlib import Path

import pytest
import yaml

PAYLOADS = json.loads(
    (Path(__file__).parents[1] / "corpus" / "payloads.json").read_text(encoding="utf-8")
)
LAYERS = ["protests", "prosecutions", "crossings", "desertion", "civil-resistance", "mobilisation"]


def _towns(gazetteer, n):
    """n towns whose names resolve to themselves, so every event gets its own mark."""
    towns = sorted(gazetteer.find(kind="town", country="UA"), key=lambda p: -p.population)
    chosen = [t for t in towns if gazetteer.lookup(t.name).place == t]
    return [t.name for t in chosen[:n]]


@pytest.fixture(scope="module")
def hostile_page(site, gazetteer):
    from geomap.pipeline import build

    root, origin = site
    towns = _towns(gazetteer, len(PAYLOADS))
    doc = {
        "title": PAYLOADS[0],
        "description": PAYLOADS[1],
        "source": {
            "title": PAYLOADS[2],
            "publisher": PAYLOADS[3],
            "url": "https://example.org/a?b=%3Cc%3E&d=%27e%27",
        },
        "layers": [
            {
                "id": layer,
                "name": PAYLOADS[4 + i],
                "color": "#336699",
                "description": PAYLOADS[10 + i],
            }
            for i, layer in enumerate(LAYERS)
        ],
        "events": [
            {
                "id": f"e{i}",
                "layer": LAYERS[i % len(LAYERS)],
                "title": p[:200],
                "summary": p,
                "date": "2022-03-01",
                "places": [towns[i]],
                "counts": {"n": i},
                "reported_by": p[:200],
                "precision_note": p,
                "certainty": "reported",
            }
            for i, p in enumerate(PAYLOADS)
        ],
    }
    path = root / "hostile.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    build([path], root / "hostile.html", self_contained=True, basemap="vector")
    return f"{origin}/hostile.html"


def _open_everything(page):
    """Every popup and tooltip of every mark, the layer control, the table."""
    return page.evaluate("""() => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        const popups = [], tooltips = [];
        map.eachLayer(layer => {
            if (!layer.geomap || !layer.getLatLng) return;
            const at = layer.getLatLng();
            layer.fire('click', {latlng: at}, true);    // as a reader's click: it bubbles to the layer
            popups.push([...document.querySelectorAll('.leaflet-popup-content')].pop().textContent);
            map.closePopup();
            layer.fire('mouseover', {latlng: at}, true);
            tooltips.push(layer.getTooltip().getElement().textContent);
            layer.closeTooltip();
        });
        return {popups, tooltips};
    }""")


def test_no_payload_runs_and_every_text_shows_literally(visit, hostile_page):
    v = visit()
    dialogs = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page = v.open(hostile_page)
    opened = _open_everything(page)
    page.locator(".leaflet-control-layers").hover()
    page.wait_for_timeout(300)
    page.locator(".geomap-table summary").click()
    page.locator(".geomap-table tbody tr").first.wait_for()  # the rows are in the page

    assert page.evaluate("window.__pwned") is None, "a payload ran"
    assert dialogs == []
    assert v.page_errors == []

    expected = [p.strip() for p in PAYLOADS]  # the schema trims surrounding whitespace
    titles = page.locator(".geomap-table tbody th").evaluate_all(
        "ths => ths.map(t => t.textContent)"
    )
    assert sorted(titles) == sorted(e[:200].strip() for e in expected)
    assert len(opened["popups"]) == len(PAYLOADS) and len(opened["tooltips"]) == len(PAYLOADS)
    for text in expected:
        assert any(text[:200].strip() in popup for popup in opened["popups"]), text
    assert page.locator("#geomap-title h1").evaluate("h => h.textContent") == expected[0]
    assert page.title() == expected[0]
    legend = page.locator("#geomap-legend").evaluate("l => l.textContent")
    control = page.locator(".leaflet-control-layers").evaluate("c => c.textContent")
    for i in range(len(LAYERS)):
        assert expected[4 + i] in legend and expected[4 + i] in control
    assert (
        page.locator(
            ".leaflet-popup-content script, #geomap-legend script, .geomap-table script"
        ).count()
        == 0
    )


def test_links_other_than_http_are_refused(tmp_path):
    from geomap.errors import EventsError
    from geomap.events import load_events

    for url in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>",
        "vbscript:x",
        "//evil.example/x",
        'https://ok.example/"onmouseover=alert(1)',
    ):
        path = tmp_path / "e.yaml"
        path.write_text(
            yaml.safe_dump(
                {
                    "events": [
                        {
                            "id": "a",
                            "layer": "protests",
                            "title": "T",
                            "summary": "S",
                            "date": "2022-03-01",
                            "places": ["Kyiv"],
                            "certainty": "reported",
                            "url": url,
                        }
                    ]
                }
            ),
            encoding="utf-8",
        )
        with pytest.raises(EventsError, match="http:// or https://"):
            load_events(path)
