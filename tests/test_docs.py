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
    result = CliRunner().invoke(cli, [command, "--help"] if command else ["--help"], terminal_width=80)
    shown = [line.strip() for line in result.output.splitlines()]
    assert result.exit_code == 0
    for line in examples:
        assert line in shown, f"example {line!r} is not a line of its own in --help"


def test_readme_embed_example_is_real(tmp_path):
    page = tmp_path / "war-resistance-2022.html"
    CliRunner().invoke(cli, ["build", "-o", str(page)], catch_exceptions=False)
    url = "https://example.org/maps/war-resistance-2022.html"
    printed = CliRunner().invoke(cli, ["embed", str(page), "--height", "16:9", "--url", url]).output
    documented = re.search(r"prints, for the CMS's HTML block:\n\n```html\n(.*?)```", README, re.S).group(1)
    assert documented == printed.rstrip("\n") + "\n"
