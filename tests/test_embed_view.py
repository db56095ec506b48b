"""`geomap embed --layers --view --from --to --event`: a view of the map as the address
fragment of the iframe, checked against the map file."""

import re

import pytest
from click.testing import CliRunner

from geomap.cli import cli


@pytest.fixture(scope="module")
def report_map(tmp_path_factory, report_located):
    from geomap.map import assemble_map
    from geomap.outputs import save

    path = tmp_path_factory.mktemp("embed") / "report.html"
    save(assemble_map(report_located, self_contained=True, basemap="vector"), path)
    return path


def embed(path, *args):
    result = CliRunner().invoke(cli, ["embed", str(path), "--url", "map.html", *args])
    return result


def src(result) -> str:
    assert result.exit_code == 0, result.output
    found = re.findall(r'(?:src|href)="([^"]*)"', result.output)
    assert len(found) == 2 and found[0] == found[1]  # the iframe and the fallback link agree
    return found[0].replace("&amp;", "&")


def error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.output.count("\n") == 1
    assert result.output.startswith("Error: ")
    return result.output


def test_the_issue_s_example_is_the_fragment_the_page_reads(report_map):
    result = embed(
        report_map, "--layers", "crossings", "--view", "kharkiv",
        "--from", "2022-03-01", "--to", "2022-03-31",
    )  # fmt: skip
    assert src(result) == "map.html#layers=crossings&view=kharkiv&from=2022-03-01&to=2022-03-31"


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("Kharkov", "kharkiv"),  # a spelling of the gazetteer: the place's name
        ("Харкові", "kharkiv"),  # a case form
        ("Mukachevo", "mukachevo"),
        ("Мукачеві", "mukachevo"),
        ("Slavutich", "slavutych"),
        ("St. Petersburg", "saint-petersburg"),
        ("Mohyliv-Podilskyi checkpoint", "mohyliv-podilskyi-otaci"),
        ("UA-46", "lviv-oblast"),  # an id
        ("Lviv region", "lviv-oblast"),
        ("48.5,32.1,6.5", "48.5,32.1,6.5"),
    ],
)
def test_view_takes_any_spelling_of_a_place_of_the_map(report_map, given, written):
    assert src(embed(report_map, "--view", given)) == f"map.html#view={written}"


def test_one_map_embedded_several_times_with_an_open_event(report_map):
    first = src(embed(report_map, "--event", "ua-kharkov-residents"))
    second = src(embed(report_map, "--layers", "crossings,protests", "--to", "2022-03-10"))
    assert first == "map.html#event=ua-kharkov-residents"
    assert second == "map.html#layers=crossings,protests&from=2022-01-01&to=2022-03-10"


def test_no_view_flags_no_fragment(report_map):
    assert src(embed(report_map)) == "map.html"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layers", "crossing"], "--layers: 'crossing' is not a layer of .*report.html; its layers are: protests, prosecutions, crossings"),
        (["--layers", "protests,,crossings"], "--layers: expected layer ids separated by commas, got 'protests,,crossings'"),
        (["--view", "Lviv"], r"--view: 'Lviv' is Lviv \(town, UA, gn:702550\), which is not on this map. This map's Lviv Oblast \(region, UA-46\) is also called so: give its id"),
        (["--view", "Poltava"], r"--view: 'Poltava' is Poltava \(town, UA, gn:696643\), which is not on this map. Its places include "),
        (["--view", "Qwzxv"], r"--view: no place of this map is called 'Qwzxv'. Give a place of the map, or lat,lon,zoom"),
        (["--view", "Izhevks"], r"--view: no place of this map is called 'Izhevks'. Did you mean Izhevsk\? Give"),
        (["--view", "91,30,5"], "--view: '91,30,5' is not a view: latitude from -90 to 90"),
        (["--view", "50,30,21"], "--view: '50,30,21' is not a view: .* zoom from 0 to 20"),
        (["--view", " "], "--view: expected a place of the map"),
        (["--from", "01.03.2022"], "--from: expected a day written YYYY-MM-DD, such as 2022-03-01; got '01.03.2022'"),
        (["--to", "2022-02-30"], "--to: expected a day written YYYY-MM-DD, such as 2022-03-01; got '2022-02-30'"),
        (["--from", "2022-03-20", "--to", "2022-03-01"], "--from 2022-03-20 is after --to 2022-03-01; give the earlier day with --from"),
        (["--from", "2024-01-01"], r"--from 2024-01-01 is after the map's last event: its events run from 2022-01-01 to 2022-04-01"),
        (["--from", "2021-05-01", "--to", "2021-06-01"], "--from, --to: no event of this map falls between 2021-05-01 and 2021-06-01"),
        (["--event", "ua-kharkov-resident"], "--event: .*report.html has no event with the id 'ua-kharkov-resident'. Did you mean ua-kharkov-residents\\? `geomap export`"),
        (["--event", "ua-kharkov-residents", "--layers", "crossings"], "--event: the event 'ua-kharkov-residents' is in the layer 'civil-resistance', which --layers leaves out"),
    ],
)  # fmt: skip
def test_a_view_the_map_cannot_show_is_one_clear_error(report_map, args, message):
    assert re.search(message, error(embed(report_map, *args)))


@pytest.mark.parametrize(
    ("event", "span"),
    [
        ("ua-slavutych", "2022-03-26"),
        ("ua-mohyliv-podilskyi-checkpoint", "2022-03-01 to 2022-03-10"),
    ],
)
def test_an_event_outside_the_window_is_refused(report_map, event, span):
    result = embed(report_map, "--event", event, "--from", "2022-03-11", "--to", "2022-03-20")
    assert (
        f"--event: the event '{event}' ({span}) is outside the window 2022-03-11 to 2022-03-20"
        in error(result)
    )


def test_an_address_with_its_own_fragment_is_refused(report_map):
    result = CliRunner().invoke(
        cli, ["embed", str(report_map), "--url", "map.html#top", "--view", "kharkiv"]
    )
    assert "--url: the address 'map.html#top' has a fragment (#…) of its own" in error(result)


def test_a_page_geomap_did_not_build_cannot_take_a_view(tmp_path):
    page = tmp_path / "other.html"
    page.write_text("<html><head><title>Other</title></head><body></body></html>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["embed", str(page), "--layers", "protests"])
    assert "this is not a map geomap built (it has no geomap-data block)" in error(result)
    # without a view, any page may still be embedded, as before
    assert CliRunner().invoke(cli, ["embed", str(page)]).exit_code == 0


def test_the_readme_s_embed_a_view_example_is_real(report_map):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Embedding a view", 1)[1]
    flags = re.search(r"--layers crossings --view kharkiv .*", section).group().split()
    address = re.search(r"The first frame \(and its fallback link\) opens\n`([^`]+)`", section)
    result = CliRunner().invoke(
        cli, ["embed", str(report_map), "--url", address.group(1).split("#")[0], *flags]
    )
    assert src(result) == address.group(1)
