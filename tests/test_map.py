"""The report's map: every event and count in the page, layers, legend, escaping."""

import html as htmllib
import json
import re

import yaml

from geomap.map import assemble_map
from geomap.outputs import render_html

LAYER_NAMES = [
    "Protests",
    "Prosecutions",
    "Border crossings",
    "Refusals and desertion",
    "Civil resistance",
    "Forced mobilisation",
]


def _count_value(count):
    return count["value"] if isinstance(count, dict) else count


def test_every_event_and_count_of_the_file_is_in_the_page(report_path, report_html, page_data):
    source = yaml.safe_load(report_path.read_text(encoding="utf-8"))["events"]
    features = page_data(report_html)["events"]["features"]
    assert len(features) == len(source)
    by_id = {f["properties"]["id"]: f["properties"] for f in features}
    assert set(by_id) == {e["id"] for e in source}
    for event in source:
        shown = by_id[event["id"]]
        assert shown["layer"] == event["layer"]
        assert shown["certainty"] == event["certainty"]
        expected = {name: _count_value(c) for name, c in (event.get("counts") or {}).items()}
        assert {name: c["value"] for name, c in shown["counts"].items()} == expected
        assert [p["written"] for p in shown["places"]] == event.get("places", [])
        assert [p["written"] for p in shown["route"]] == event.get("route", [])


def test_six_layers_toggle_in_the_layer_control_with_their_counts(
    report_html, report_located, page_data
):
    counts = report_located["layer"].value_counts()
    data = page_data(report_html)
    assert [layer["name"] for layer in data["layers"]] == LAYER_NAMES
    control = re.search(r"L\.control\.layers\((.*?)\)\.addTo", report_html, re.S).group(1)
    # The names as the control shows them (HTML: the count is an element the time window updates).
    names = [
        re.sub(r"<[^>]+>", "", json.loads(f'"{name}"'))
        for name in re.findall(r'"((?:[^"\\]|\\.)*)":', control)
    ]
    for layer in data["layers"]:
        label = f"{layer['name']} ({counts[layer['id']]})"
        assert label in names
        assert layer["count"] == counts[layer["id"]]
    # the legend repeats the counts for readers
    legend = re.search(r'<div id="geomap-legend".*?</div>', report_html, re.S).group(0)
    legend = re.sub(r"<span[^>]*>|</span>", "", legend)
    for layer in data["layers"]:
        assert f"{htmllib.escape(layer['name'])} ({layer['count']})" in legend


def test_regions_named_by_events_are_shaded_and_no_others(report_html, report_located, page_data):
    shapes = page_data(report_html)["shapes"]
    named = {p.get("shape") for places in report_located["places"] for p in places} - {None}
    assert set(shapes) == named
    assert {"UA-43", "RU-ZAB", "RU-PRI", "UA-14"} <= set(shapes)  # DPR is drawn as Donetsk Oblast


def test_precision_is_never_invented(report_located):
    by_id = report_located.set_index("id")
    assert by_id.loc["ru-street-protests", "precision"] == "country"
    assert by_id.loc["ua-koryukovka", "precision"] == "town"
    dpr = by_id.loc["dpr-forced-mobilisation", "places"][0]
    assert dpr["precision"] == "region (approximate)" and dpr["shape"] == "UA-14"


def test_unverified_reports_stay_unverified(report_html, page_data):
    features = page_data(report_html)["events"]["features"]
    unverified = {
        f["properties"]["id"] for f in features if f["properties"]["certainty"] == "unverified"
    }
    assert {"ru-155th-brigade", "ru-810th-brigade"} <= unverified


def test_title_sources_attribution_and_download_link(report_html, page_data):
    assert "<title>War resistance in Russia and Ukraine, February–March 2022</title>" in report_html
    data = page_data(report_html)
    assert "Natural Earth" in data["attribution"] and "GeoNames (CC BY 4.0)" in data["attribution"]
    assert 'id="geomap-download" download="events.geojson"' in report_html
    assert "https://aitrus.info/node/5941" in report_html


def test_only_leaflet_is_loaded_not_folium_defaults(report_html):
    assert "leaflet@1.9.4/dist/leaflet.js" in report_html
    for unused in ("jquery", "bootstrap", "font-awesome", "awesome-markers"):
        assert unused not in report_html.lower()


def test_russia_is_drawn_whole_on_the_outline_basemap(report_html, page_data):
    basemap = page_data(report_html)["basemap"]
    russia = next(c["shape"] for c in basemap if c["id"] == "RU")
    lons = [pt[0] for poly in decode_polygons(russia) for ring in poly for pt in ring]
    assert min(lons) > 0 and max(lons) > 180


def decode_polygons(encoded):
    """The inverse of payload.encode_polygons, as the page does it."""
    scale, polygons = encoded
    out = []
    for rings in polygons:
        decoded = []
        for flat in rings:
            x = y = 0
            ring = []
            for dx, dy in zip(flat[0::2], flat[1::2]):
                x, y = x + dx, y + dy
                ring.append((x / scale, y / scale))
            decoded.append(ring)
        out.append(decoded)
    return out


def test_encoded_outlines_decode_to_the_shape():
    import shapely

    from geomap.gazetteer.places import geometries
    from geomap.map.payload import encode_polygons

    crimea = geometries("region").loc["UA-43", "geometry"]
    decoded = shapely.MultiPolygon(
        [
            shapely.Polygon(rings[0], rings[1:])
            for rings in decode_polygons(encode_polygons(crimea, 3))
        ]
    )
    assert decoded.symmetric_difference(crimea).area < 0.001 * crimea.area


def test_same_input_gives_the_same_bytes(report_located):
    assert render_html(assemble_map(report_located)) == render_html(assemble_map(report_located))


def test_text_from_the_events_file_cannot_become_markup(events_file, tmp_path, page_data):
    from geomap.pipeline import build

    payload = '"<img src=x onerror=alert(1)></script><script>alert(2)</script>"'
    path = events_file(title=payload, summary=payload)
    result = build([path], tmp_path / "map.html", title="<b>T</b>", layers=None)
    page = result.path.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<script>alert(2)" not in page
    assert "<title>&lt;b&gt;T&lt;/b&gt;</title>" in page
    assert page_data(page)["events"]["features"][0]["properties"]["title"] == payload.strip('"')


def test_layer_names_from_a_file_are_escaped_for_the_layer_control(tmp_path):
    from geomap.pipeline import build

    path = tmp_path / "events.yaml"
    path.write_text(
        """\
layers:
  - {id: odd, name: "<img src=x onerror=alert(1)>", color: "#123456"}
events:
  - {id: a, layer: odd, title: T, summary: S, date: 2022-03-01, places: [Kyiv], certainty: reported}
""",
        encoding="utf-8",
    )
    page = build([path], tmp_path / "map.html").path.read_text(encoding="utf-8")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; (" in page


def test_template_syntax_in_text_is_not_evaluated(events_file, tmp_path, page_data):
    """branca re-reads rendered HTML as a Jinja template; geomap's elements must not let it."""
    from geomap.pipeline import build

    path = events_file(
        title='"{{ 7*7 }} {% if true %}yes{% endif %} {# c #}"', summary='"{{ config }}"'
    )
    page = build([path], tmp_path / "map.html", title="{{ 6*7 }}").path.read_text(encoding="utf-8")
    assert ">{{ 6*7 }}</h1>" in page and ">42<" not in page
    event = page_data(page)["events"]["features"][0]["properties"]
    assert event["title"] == "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}"
    assert "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}" in page  # the table, as text


def test_compact_events_decode_to_the_exported_geojson(report_located):
    from geomap.map.payload import decode_events, encode_events, events_geojson, pack, unpack

    layers = report_located.attrs["layers"]
    encoded = encode_events(report_located, layers)
    assert decode_events(unpack(*pack(encoded)), layers) == events_geojson(report_located)


def test_large_payloads_are_packed(monkeypatch):
    from geomap.map import payload

    big = {"x": "y" * (payload.PACK_THRESHOLD + 1)}
    encoding, block = payload.pack(big)
    assert encoding == "gzip+base64" and len(block) < payload.PACK_THRESHOLD / 10
    assert payload.unpack(encoding, block) == big
    assert payload.pack({"x": 1}) == ("json", '{"x":1}')
