"""The extract package's shape: how a place was found is held in fields the rules test, and the
words a reader sees (`how`) are built from them for output only; the JSON of the two corpus
articles is pinned, so moving or renaming code cannot change what `geomap extract` prints."""

import ast
import dataclasses
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import geomap.extract
from geomap.cli import cli
from geomap.extract import extract
from geomap.extract.results import Candidate, MatchedBy

PACKAGE = Path(geomap.extract.__file__).parent
ARTICLES = Path(__file__).resolve().parent / "corpus" / "articles"
REPORT = (
    Path(__file__).resolve().parents[2] / "shared/article/war-resistance-in-russia-and-ukraine.txt"
)

# The only code that may name `how`: the property that builds it and the JSON that prints it.
BUILDS_HOW = {"Mention.how", "Mention.to_dict"}


def _uses_of_how(source: str) -> list[tuple[int, str]]:
    """(line, enclosing function) of every `.how`, "how" string, or name `how` outside BUILDS_HOW."""
    found = []

    def visit(node, scope):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            scope = f"{scope}.{node.name}" if scope else node.name
        named = (
            (isinstance(node, ast.Attribute) and node.attr == "how")
            or (isinstance(node, ast.Constant) and node.value == "how")
            or (isinstance(node, ast.Name) and node.id == "how")
            or (isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "how")
        )
        if named and scope not in BUILDS_HOW:
            found.append((node.lineno, scope or "<module>"))
        for child in ast.iter_child_nodes(node):
            visit(child, scope)

    visit(ast.parse(source), "")
    return found


def test_no_rule_reads_the_how_text():
    uses = {
        path.name: _uses_of_how(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.glob("*.py"))
    }
    assert {name: found for name, found in uses.items() if found} == {}
    assert "how" not in {f.name for f in dataclasses.fields(Candidate)}


def test_the_check_sees_a_rule_that_reads_how():
    """The check above finds comparisons, parsing and edits of `how` wherever they are."""
    source = """
class _Finder:
    def _keep(self, c):
        return c.how.startswith("unknown")
    def _hints(self, a):
        a.how += " + region hint"
class Mention:
    def to_dict(self):
        return {"how": self.how}
"""
    assert _uses_of_how(source) == [(4, "_Finder._keep"), (6, "_Finder._hints")]


@pytest.mark.parametrize(
    "text, written, fields, how",
    [
        # a list shares its plural descriptor with the names before it
        (
            "Men from Kursk, Belgorod and Bryansk oblasts crossed over.",
            "Belgorod",
            {"matched_by": MatchedBy.NAME, "in_list": True, "descriptor": "oblast", "hint": ""},
            "list + oblasts",
        ),
        (
            "Men from Kursk, Belgorod and Bryansk oblasts crossed over.",
            "Bryansk oblasts",
            {"matched_by": MatchedBy.NAME, "in_list": False, "descriptor": "oblast"},
            "name + descriptor",
        ),
        # a region in brackets says where the name is
        (
            "They reached Lvov (Lviv oblast) at night.",
            "Lvov (Lviv oblast)",
            {"matched_by": MatchedBy.NAME, "hint": "Lviv oblast", "hint_kind": "region"},
            "name + region hint",
        ),
        (
            "Shelling hit Sumy region (Ukraine) again.",
            "Sumy region (Ukraine)",
            {"matched_by": MatchedBy.NAME, "descriptor": "region", "hint_kind": "country"},
            "name + descriptor + country hint",
        ),
        (
            "They crossed the Slovak frontier on foot.",
            "Slovak",
            {"matched_by": MatchedBy.ADJECTIVE, "cue": "frontier"},
            "adjective + 'frontier'",
        ),
        (
            "Fighting went on near Robotyne and beyond.",
            "Robotyne",
            {"matched_by": MatchedBy.UNKNOWN_AFTER_PREPOSITION, "cue": "near"},
            "unknown name after 'near'",
        ),
    ],
)
def test_fields_say_how_a_place_was_found(text, written, fields, how):
    result = extract(text)
    (mention,) = (m for m in result.mentions + result.unresolved if m.text == written)
    assert {name: getattr(mention, name) for name in fields} == fields
    assert mention.how == how == mention.to_dict()["how"]


@pytest.mark.parametrize(
    "article",
    [
        ARTICLES / "leaving-by-night.md",
        pytest.param(
            REPORT,
            marks=pytest.mark.skipif(
                not REPORT.exists() and not os.environ.get("CI"),
                reason=f"the report is not at {REPORT}",
            ),
        ),
    ],
)
def test_json_of_the_corpus_articles_is_unchanged(article):
    """`geomap extract --json` prints exactly the pinned document (the article's path aside).
    After a deliberate change to the rules, rewrite the pinned file from the new output."""
    result = CliRunner().invoke(cli, ["extract", str(article), "--json"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["article"] == str(article)
    data["article"] = article.name
    golden = ARTICLES / f"{article.stem}.extract.json"
    assert json.dumps(data, ensure_ascii=False, indent=1) + "\n" == golden.read_text(
        encoding="utf-8"
    )
