"""The README documents every command, and its embed example is what `geomap embed` prints."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"geomap {command}" in README


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_every_command_has_help_with_examples_one_per_line(command):
    """Each example line of the docstring is a line of its own in --help (Click rewraps
    paragraphs unless they are marked with \\b)."""
    group_or_command = cli if command is None else cli.commands[command]
    documented = group_or_command.help.split("Example:", 1)[1]
    lines = [line.strip() for line in documented.splitlines() if line.strip() not in ("", "\b")]
    examples = [line for line in lines if line.startswith("geomap ")]
    assert examples and all(line.startswith(("geomap ", "--")) for line in lines)
    result = CliRunner().invoke(
        cli, [command, "--help"] if command else ["--help"], terminal_width=80
    )
    shown = [line.strip() for line in result.output.splitlines()]
    assert result.exit_code == 0
    for line in examples:
        assert line in shown, f"example {line!r} is not a line of its own in --help"


def test_readme_embed_example_is_real(tmp_path):
    page = tmp_path / "war-resistance-2022.html"
    CliRunner().invoke(cli, ["build", "-o", str(page)], catch_exceptions=False)
    url = "https://example.org/maps/war-resistance-2022.html"
    printed = CliRunner().invoke(cli, ["embed", str(page), "--height", "16:9", "--url", url]).output
    documented = re.search(
        r"prints, for the CMS's HTML block:\n\n```html\n(.*?)```", README, re.S
    ).group(1)
    assert documented == printed.rstrip("\n") + "\n"


def test_architecture_table_names_every_module():
    """The README's module table matches the package: every module is in it, and it names
    no module that is gone."""
    section = README.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    package = Path(__file__).resolve().parents[1] / "geomap"
    modules = {
        p.relative_to(package).as_posix()
        for p in package.rglob("*")
        if p.suffix in (".py", ".js") and p.name not in ("__init__.py", "__main__.py")
    }
    named = set()
    for cell in re.findall(r"^\| `([^|]+)\|", section, re.M):
        names = re.findall(r"`?([\w/]+\.(?:py|js))`?", cell)
        folder = next((n.rsplit("/", 1)[0] + "/" for n in names if "/" in n), "")
        named |= {n if "/" in n else folder + n for n in names}
    for cell in re.findall(r"^\| `(\w+)/` \| (.*)$", section, re.M):  # a package named as a folder
        named |= {f"{cell[0]}/{n}" for n in re.findall(r"`(\w+\.py)`", cell[1])}
    assert modules - named == set(), "modules missing from the README's Architecture table"
    assert named - modules == set(), "the README's Architecture table names modules that are gone"
