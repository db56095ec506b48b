"""Property-based tests: arbitrary Unicode and arbitrary files never raise anything but
geomap's own documented errors."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.errors import EventsError
from geomap.events import load_events
from geomap.gazetteer import normalize
from geomap.gazetteer.normalize import skeleton, split_descriptor

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(st.text())
@FAST
def test_normalize_is_total_and_idempotent(text):
    key = normalize(text)
    assert isinstance(key, str)
    assert normalize(key) == key
    assert key == key.strip() and "  " not in key
    base, kind = split_descriptor(key)
    assert isinstance(base, str) and kind in (None, "region", "town", "checkpoint")
    assert isinstance(skeleton(base), str)


@given(st.text(max_size=300), st.sampled_from([None, "UA", "RU", "PL", "ZZ"]))
@FAST
def test_lookup_always_answers(gazetteer, text, country):
    match = gazetteer.lookup(text, country=country)
    assert match.query == text
    assert match.place is None or match.place.id
    assert match.place is not None or match.reason


@given(st.binary(max_size=2000), st.sampled_from(["e.yaml", "e.csv"]))
@FAST
def test_arbitrary_bytes_load_or_raise_events_error(tmp_path, content, name):
    path = tmp_path / name
    path.write_bytes(content)
    try:
        load_events(path)
    except EventsError as exc:
        assert str(path) in str(exc)


@given(st.text(max_size=2000), st.sampled_from(["e.yaml", "e.csv"]))
@FAST
def test_arbitrary_text_loads_or_raises_events_error(tmp_path, content, name):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        load_events(path)
    except EventsError:
        pass


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30), st.dates())
DOCUMENTS = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "layer", "title", "summary", "date", "start", "end", "places",
                                     "route", "counts", "certainty", "events", "layers", "source", "url",
                                     "value", "qualifier", "color", "name"]) | st.text(max_size=8),
                    inner, max_size=6)), max_leaves=30)


@given(DOCUMENTS)
@FAST
def test_arbitrary_yaml_structures_load_or_raise_events_error(tmp_path, document):
    path = tmp_path / "e.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    try:
        load_events(path)
    except EventsError:
        pass
