"""Property-based tests: arbitrary Unicode and arbitrary files never raise anything but
geomap's own documented errors."""

import contextlib

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.errors import EventsError
from geomap.events import load_events
from geomap.gazetteer import normalize
from geomap.gazetteer.normalize import skeleton, split_descriptor

FAST = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


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
    with contextlib.suppress(EventsError):
        load_events(path)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "layer",
                    "title",
                    "summary",
                    "date",
                    "start",
                    "end",
                    "places",
                    "route",
                    "counts",
                    "certainty",
                    "events",
                    "layers",
                    "source",
                    "url",
                    "value",
                    "qualifier",
                    "color",
                    "name",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=6,
        ),
    ),
    max_leaves=30,
)


@given(DOCUMENTS)
@FAST
def test_arbitrary_yaml_structures_load_or_raise_events_error(tmp_path, document):
    path = tmp_path / "e.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    with contextlib.suppress(EventsError):
        load_events(path)


# --- CSV export and load: every text survives, formulas are never live ----------------------------

# Characters the schema refuses in text (C0 controls but tab, newline and carriage return; DEL);
# lone surrogates can't be written as UTF-8 at all.
_REFUSED = "".join(chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_BODY = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters=_REFUSED),
    min_size=1,
    max_size=40,
)
# Starts a spreadsheet reads as a formula, and the escape character itself. The schema strips
# whitespace (str_strip_whitespace), so a text can never begin with a tab or CR once loaded:
# the generated text is what the schema keeps, already stripped.
_LEADS = st.sampled_from(
    ["", "=", "+", "-", "@", "'", "''", "'=", "'+", "=HYPERLINK(", "@SUM(", "\t=", "\r+"]
)
TEXTS = st.builds(lambda lead, body: (lead + body).strip(), _LEADS, _BODY).filter(bool)
CSV_TEXT_FIELDS = ("title", "summary", "reported_by", "precision_note")


@st.composite
def events_with_texts(draw):
    events = []
    for number in range(draw(st.integers(1, 3))):
        event = {
            "id": f"e{number}",
            "layer": "protests",
            "date": "2022-03-01",
            "places": ["Kharkiv"],
            "certainty": "reported",
        }
        event.update({field: draw(TEXTS) for field in CSV_TEXT_FIELDS})
        event["source"] = {"title": draw(TEXTS), "publisher": draw(TEXTS)}
        events.append(event)
    return {"title": draw(TEXTS), "events": events}


@given(events_with_texts())
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_csv_export_reads_back_to_the_same_events(tmp_path, document):
    import csv
    import io

    from geomap.outputs import export_csv
    from geomap.pipeline import locate

    source = tmp_path / "e.yaml"
    source.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    located = locate([source])
    exported = export_csv(located)
    for row in csv.reader(io.StringIO(exported, newline="")):
        assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    again = tmp_path / "e.csv"
    again.write_text(exported, encoding="utf-8", newline="")
    reloaded = locate([again])
    # Compared with the events as loaded from YAML, not as generated: YAML itself reads a
    # NEL (U+0085) inside a plain scalar as a line break.
    for column in (*CSV_TEXT_FIELDS, "source_title", "source_publisher"):
        assert list(reloaded[column]) == list(located[column]), column
    assert export_csv(reloaded) == exported  # and everything else the CSV carries
