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
