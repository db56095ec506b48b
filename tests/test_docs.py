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


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_readme_embed_example_is_real(tmp_path):
    page = tmp_path / "war-resistance-2022.html"
    CliRunner().invoke(cli, ["build", "-o", str(page)], catch_exceptions=False)
    url = "https://example.org/maps/war-resistance-2022.html"
    printed = CliRunner().invoke(cli, ["embed", str(page), "--height", "16:9", "--url", url]).output
    documented = re.search(r"prints, for the CMS's HTML block:\n\n```html\n(.*?)```", README, re.S).group(1)
    assert documented == printed.rstrip("\n") + "\n"
