"""`geomap import acled`: layouts, date forms, precision, layers, updates and ACLED's terms.

The fixtures in tests/datasets/ are written for these tests (not taken from ACLED): one
file per layout, each with every geo_precision and time_precision."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from geomap.cli import cli

DATA = Path(__file__).parent / "datasets"
FIXTURES = ("acled-2023.csv", "acled-2019.csv", "acled-upper.csv")
LAYOUTS = {
    "acled-2023.csv": ("2023 columns", "year-month-day"),
    "acled-2019.csv": ("2019–2022 columns", "day, month's name, year"),
    "acled-upper.csv": ("upper-case headers (before 2019)", "day-month-year"),
}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def import_(export, out, *extra, mapping=DATA / "mapping.yaml", accessed="2024-05-02"):
    return run(
        "import", "acled", export, "--layers", mapping, "--accessed", accessed,
        "--filters", "Ukraine and Russia, 2022", "-o", out, *extra,
    )  # fmt: skip


def events_of(path) -> dict:
    return {e["id"]: e for e in yaml.safe_load(Path(path).read_text())["events"]}


def edited(tmp_path, fixture, change, name="edited.csv") -> Path:
    """A copy of a fixture with `change(header, rows)` applied to its rows."""
    with (DATA / fixture).open(newline="", encoding="utf-8") as stream:
        header, *rows = list(csv.reader(stream))
    change(header, rows)
    out = tmp_path / name
    with out.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream, lineterminator="\n").writerows([header, *rows])
    return out


@pytest.mark.parametrize("fixture", FIXTURES)
def test_every_layout_imports_to_events_check_accepts(tmp_path, fixture):
    out = tmp_path / "events.yaml"
    result = import_(DATA / fixture, out)
    assert result.exit_code == 0, result.output
    layout, dates = LAYOUTS[fixture]
    assert f"layout: {layout}; dates: {dates}" in result.output
    checked = run("check", out)
    assert checked.exit_code == 0, checked.output
    assert "OK" in checked.output


@pytest.mark.parametrize("fixture", FIXTURES)
def test_a_second_import_writes_the_same_bytes(tmp_path, fixture):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert import_(DATA / fixture, first).exit_code == 0
    assert import_(DATA / fixture, second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    again = import_(DATA / fixture, first)
    assert "Unchanged:" in again.output
    assert first.read_bytes() == second.read_bytes()


def test_geo_precision_point_approximate_and_region(tmp_path):
    out = tmp_path / "events.yaml"
    assert import_(DATA / "acled-2019.csv", out).exit_code == 0
    events = events_of(out)
    point = events["acled-ukr80001"]["places"][0]
    assert point == {"name": "Poltava", "lat": 49.5883, "lon": 34.5514, "precision": "town"}
    near = events["acled-ukr80003"]
    assert near["places"][0]["precision"] == "approximate"
    assert near["precision_note"] == "Approximate: near Nizhyn."
    # geo_precision 3: the region that holds ACLED's point, by its code; no point at all
    region = events["acled-ukr80002"]["places"][0]
    assert region == {"name": "Vinnytsia", "iso": "UA-05"}


def test_time_precision_week_and_month(tmp_path):
    out = tmp_path / "events.yaml"
    assert import_(DATA / "acled-upper.csv", out).exit_code == 0
    events = events_of(out)
    assert str(events["acled-ukr1"]["date"]) == "2013-11-21"
    assert events["acled-ukr2"]["date"] == "2013-W49"  # 2 December 2013 is in ISO week 49
    assert events["acled-ukr3"]["date"] == "2013-12"


def test_numeric_and_word_actor_types_tag_alike(tmp_path):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    assert import_(DATA / "acled-2019.csv", old).exit_code == 0
    assert import_(DATA / "acled-2023.csv", new).exit_code == 0
    assert events_of(old)["acled-ukr80002"]["tags"] == ["rioters", "state-forces"]
    assert events_of(new)["acled-ukr90003"]["tags"] == ["protesters", "state-forces"]


def test_a_newer_export_updates_adds_and_lists_what_disappeared(tmp_path):
    out = tmp_path / "events.yaml"
    assert import_(DATA / "acled-2023.csv", out).exit_code == 0
    result = import_(DATA / "acled-2023-newer.csv", out, accessed="2024-06-01")
    assert result.exit_code == 0, result.output
    assert "1 added, 1 updated, 2 unchanged" in result.output
    assert "Updated: acled-ukr90002" in result.output
    assert "No longer in the export (1, kept; pass --remove-missing" in result.output
    assert "acled-ukr90003" in result.output
    events = events_of(out)
    assert events["acled-ukr90002"]["counts"] == {"fatalities": 5}
    assert "acled-ukr90006" in events and "acled-ukr90003" in events
    assert str(yaml.safe_load(out.read_text())["dataset"]["accessed"]) == "2024-06-01"
    removed = import_(DATA / "acled-2023-newer.csv", out, "--remove-missing", accessed="2024-06-01")
    assert "No longer in the export (1, removed): acled-ukr90003" in removed.output
    assert "acled-ukr90003" not in events_of(out)


def test_an_editors_own_events_and_title_survive_an_update(tmp_path):
    out = tmp_path / "events.yaml"
    assert import_(DATA / "acled-2023.csv", out).exit_code == 0
    data = yaml.safe_load(out.read_text())
    data["title"] = "Protests in wartime"
    data["events"].append(
        {
            "id": "own-note",
            "layer": "protests",
            "title": "A picket the editor saw",
            "summary": "Seen by our reporter.",
            "date": "2022-03-02",
            "places": ["Lviv"],
            "certainty": "confirmed",
        }
    )
    out.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    result = import_(DATA / "acled-2023-newer.csv", out)
    assert result.exit_code == 0, result.output
    assert "No longer in the export (1," in result.output  # only ACLED's own, not own-note
    assert "own-note" in events_of(out)
    assert yaml.safe_load(out.read_text())["title"] == "Protests in wartime"


def test_types_without_a_layer_are_listed_and_nothing_is_written(tmp_path):
    def change(header, rows):
        kind, sub = header.index("event_type"), header.index("sub_event_type")
        rows[0][kind], rows[0][sub] = (
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        )
        rows[2][kind], rows[2][sub] = (
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        )

    export = edited(tmp_path, "acled-2023.csv", change)
    out = tmp_path / "events.yaml"
    result = import_(export, out)
    assert result.exit_code == 2
    assert (
        "2 rows of an event type that " in result.output
        and "Explosions/Remote violence / Shelling/artillery/missile attack: rows 2, 4"
        in result.output
    )
    assert "with a layer id, or `skip` to leave its events out; nothing was written." in (
        result.output.replace("\n", " ")
    )
    assert not out.exists()


def test_a_region_level_row_outside_the_bundled_regions_is_reported(tmp_path):
    def change(header, rows):  # geo_precision 3 at Kraków: Poland's regions are not bundled
        rows[1][header.index("latitude")] = "50.0647"
        rows[1][header.index("longitude")] = "19.9450"
        rows[1][header.index("admin1")] = "Malopolskie"

    result = import_(edited(tmp_path, "acled-2023.csv", change), tmp_path / "e.yaml")
    assert result.exit_code == 2
    assert "row 3 (UKR90002, Malopolskie, Ukraine): 50.0647,19.9450 in none" in result.output
    assert "geomap bundles the regions of GE, MD, RU, UA" in result.output


def test_a_date_written_unlike_the_files_first_is_refused(tmp_path):
    def change(header, rows):
        rows[2][header.index("event_date")] = "2022-02-20"  # the file writes 20 February 2022

    result = import_(edited(tmp_path, "acled-2019.csv", change), tmp_path / "e.yaml")
    assert result.exit_code == 2
    assert "row 4, field event_date: '2022-02-20' is not written like the file's first date" in (
        result.output
    )


def test_a_date_in_no_known_form_is_refused(tmp_path):
    def change(header, rows):
        rows[0][header.index("event_date")] = "3/1/2022"

    result = import_(edited(tmp_path, "acled-2023.csv", change), tmp_path / "e.yaml")
    assert result.exit_code == 2
    assert "row 2, field event_date: '3/1/2022' is not a date in a form geomap reads" in (
        result.output
    )


def test_a_table_that_is_not_acled_is_refused(tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("region,count\nUA-63,4\n")
    result = import_(table, tmp_path / "e.yaml")
    assert result.exit_code == 2
    assert "row 1: this is not an ACLED export: the header lacks event_id_cnty" in result.output
    assert "geomap import table" in result.output


def test_full_notes_only_when_asked(tmp_path):
    short, full = tmp_path / "short.yaml", tmp_path / "full.yaml"
    assert import_(DATA / "acled-2023.csv", short).exit_code == 0
    assert import_(DATA / "acled-2023.csv", full, "--full-notes").exit_code == 0
    notes = "On 1 March 2022, about 300 people gathered on the seafront in Odesa"
    assert notes not in short.read_text()
    assert events_of(full)["acled-ukr90001"]["summary"].startswith(notes)


def test_acled_terms_no_download_no_export_and_the_credit(tmp_path):
    events = tmp_path / "events.yaml"
    assert import_(DATA / "acled-2023.csv", events).exit_code == 0
    closed, shared = tmp_path / "closed.html", tmp_path / "shared.html"
    assert run("build", events, "-o", closed).exit_code == 0
    assert run("build", events, "-o", shared, "--share-data").exit_code == 0
    assert 'id="geomap-download"' not in closed.read_text()
    assert 'id="geomap-download"' in shared.read_text()
    credit = (
        "Events: ACLED (https://acleddata.com), accessed 2024-05-02, "
        "filters: Ukraine and Russia, 2022"
    )
    assert credit in closed.read_text()
    refused = run("export", events)
    assert refused.exit_code == 2
    assert "terms forbid giving others direct access to the raw data" in refused.output
    assert "pass --share-data" in refused.output
    allowed = run("export", events, "--share-data", "-o", tmp_path / "e.geojson")
    assert allowed.exit_code == 0, allowed.output
    # The export keeps the terms: it is refused again, and builds without a download link.
    assert run("export", tmp_path / "e.geojson").exit_code == 2
    again = tmp_path / "again.html"
    assert run("build", tmp_path / "e.geojson", "-o", again).exit_code == 0
    assert 'id="geomap-download"' not in again.read_text()


@pytest.mark.parametrize(
    ("lang", "credit"),
    [("ru", "События: ACLED (https://acleddata.com), дата обращения 2024-05-02, "
            "фильтры: Ukraine and Russia, 2022"),
     ("uk", "Події: ACLED (https://acleddata.com), дата звернення 2024-05-02, "
            "фільтри: Ukraine and Russia, 2022")],
)  # fmt: skip
def test_the_credit_in_the_maps_language(tmp_path, page_data, lang, credit):
    """The credit's words follow the map (`build --lang`); the date and filters stay the
    user's input, as given."""
    events = tmp_path / "events.yaml"
    assert import_(DATA / "acled-2023.csv", events).exit_code == 0
    out = tmp_path / "m.html"
    assert run("build", events, "-o", out, "--lang", lang).exit_code == 0
    assert page_data(out.read_text())["attribution"].endswith(credit)


def test_the_same_import_builds_the_same_map(tmp_path):
    shutil.copy(DATA / "acled-2019.csv", tmp_path / "export.csv")
    maps = []
    for name in ("a", "b"):
        events = tmp_path / f"{name}.yaml"
        assert import_(tmp_path / "export.csv", events).exit_code == 0
        assert run("build", events, "-o", tmp_path / f"{name}.html").exit_code == 0
        maps.append((tmp_path / f"{name}.html").read_bytes())
    assert maps[0] == maps[1]


def test_a_mapping_naming_an_unknown_layer_is_refused(tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("types:\n  Protests: demonstrations\n")
    result = import_(DATA / "acled-2023.csv", tmp_path / "e.yaml", mapping=mapping)
    assert result.exit_code == 2
    assert "field types.Protests: 'demonstrations' is not a layer; expected one of" in result.output
