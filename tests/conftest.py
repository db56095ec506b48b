import json
from pathlib import Path

import pytest

from geomap.gazetteer import default_gazetteer
from geomap.gazetteer.places import data_dir

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def gazetteer():
    return default_gazetteer()


@pytest.fixture(scope="session")
def geodata():
    """The bundled GeoJSON files, as installed (not read from the checkout)."""

    def read(name):
        return json.loads((data_dir() / f"{name}.geojson").read_text(encoding="utf-8"))

    return read


@pytest.fixture(scope="session")
def report_path():
    from geomap.pipeline import bundled_events

    return bundled_events()


@pytest.fixture(scope="session")
def report_located(report_path):
    from geomap.pipeline import locate

    return locate([report_path])


@pytest.fixture(scope="session")
def report_html(report_located):
    from geomap.map import assemble_map
    from geomap.outputs import render_html

    return render_html(assemble_map(report_located))


def _page_data(html: str) -> dict:
    """The page's data block, unpacked, with the events decoded back to GeoJSON."""
    import re

    from geomap.map.payload import decode_events, unpack

    blocks = {}
    for block_id in ("geomap-data", "geomap-data-texts"):
        found = re.search(
            rf'<script type="[^"]+" id="{block_id}" data-encoding="([^"]+)">(.*?)</script>',
            html,
            re.S,
        )
        assert found, f"no {block_id} block in the page"
        blocks[block_id] = unpack(found.group(1), found.group(2))
    data = blocks["geomap-data"]
    data["events"] = decode_events(data["events"], data["layers"], blocks["geomap-data-texts"])
    return data


@pytest.fixture(scope="session")
def page_data():
    """Reads the JSON block a geomap page carries (what the map draws and the download serves)."""
    return _page_data


EVENT_TEMPLATE = """\
title: Test map
events:
  - id: one
    layer: protests
    title: {title}
    summary: {summary}
    date: 2022-03-01
    places: [{place}]
    certainty: reported
"""


@pytest.fixture
def events_file(tmp_path):
    """Write a one-event YAML file; fields may be overridden."""

    def write(title="Rally in Kharkiv", summary="People gathered.", place="Kharkiv", text=None):
        path = tmp_path / "events.yaml"
        path.write_text(
            text
            if text is not None
            else EVENT_TEMPLATE.format(title=title, summary=summary, place=place),
            encoding="utf-8",
        )
        return path

    return write
