"""Help that reads as words (FILE, RULE, PATH; no `<bool>`, `<list[str]>`), and bad values answered in the tool's words."""

from __future__ import annotations

import re

import pytest
import typer

from playbook_cli.cli.app import app

COMMANDS = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
# What typer would show for Python types: <bool>, <str>, <list[str]>, <float>, <text|json>...
PYTHON_TYPE = re.compile(r"<(?:bool|str|int|float|Path|datetime|list\[[^>]*\]|\w+(?:\|\w+)+)>")
WIDE = {"COLUMNS": "220", "TERMINAL_WIDTH": "220"}


def _help(cli, *args: str) -> str:
    result = cli.runner.invoke(app, [*args, "--help"], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_command_is_checked():
    assert {"lint", "rules", "schema", "walk", "test", "render", "graph", "report"} <= set(COMMANDS)


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_no_help_shows_a_python_type(cli, command):
    shown = _help(cli, *([command] if command else []))
    assert "<bool>" not in shown and "<list" not in shown
    assert not PYTHON_TYPE.search(shown), PYTHON_TYPE.search(shown)


def test_flags_show_no_metavar_and_values_show_words(cli):
    lint = _help(cli, "lint")
    assert re.search(r"--strict\s+Fail", lint) and re.search(r"-h\s+Show this message", lint)
    for option, word in [("--format", "FORMAT"), ("--ignore", "RULE"), ("--roster", "FILE"), ("--output", "FILE"), ("--baseline", "FILE")]:
        assert re.search(rf"{option}\s+(-\w\s+)?{word}\s", lint), option
    assert re.search(r"--stdin-filename\s+PATH\s", lint)
    assert "lint [OPTIONS] PATH..." in lint and "{PATH" not in lint
    test = _help(cli, "test")
    assert re.search(r"--min-coverage\s+PERCENT", test) and re.search(r"--format\s+-f\s+FORMAT", test)
    assert "text, json or junit" in test


def test_fixed_values_are_named_in_the_help(cli):
    assert "text, json, sarif, github, junit, codeclimate" in _help(cli, "lint")
    assert "md, html, pdf" in _help(cli, "render")  # named by the app when a command's help does not


@pytest.mark.parametrize(
    "args, message",
    [
        (["lint", "--format", "xml", "x.yaml"], "--format xml: write one of text, json, sarif, github, junit, codeclimate"),
        (["lint", "-f", "XML", "x.yaml"], "--format XML: write one of text, json, sarif, github, junit, codeclimate"),
        (["test", "--format", "xml", "x.yaml"], "--format xml: write one of text, json, junit"),
        (["test", "--min-coverage", "200", "x.yaml"], "--min-coverage 200: write a number from 0 to 100"),
        (["test", "--min-coverage", "lots", "x.yaml"], "--min-coverage lots: write a number from 0 to 100"),
        (["graph", "--format", "png", "x.yaml"], "--format png: write one of mermaid, dot"),
        (["lint", "--format", "a b\x1b[2J", "x.yaml"], "--format 'a b^[[2J': write one of text"),
    ],
)
def test_a_bad_value_is_answered_in_the_tools_words(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"playbook: {message}")
    assert "Value error" not in result.stderr and "Input should" not in result.stderr and "╭" not in result.stderr
    assert result.stdout == ""


def test_usage_mistakes_are_said_the_same_way(cli):
    missing = cli("lint")
    assert missing.exit_code == 2
    assert missing.stderr == "playbook: lint: give at least one PATH\n`playbook lint --help` lists what it takes.\n"
    unknown = cli("lint", "--stricter", "x.yaml")
    assert unknown.exit_code == 2 and unknown.stderr.startswith("playbook: lint has no option --stricter; did you mean ")
    assert "--strict?" in unknown.stderr
    no_value = cli("lint", "--format")
    assert no_value.exit_code == 2 and no_value.stderr.startswith("playbook: ") and "`playbook lint --help`" in no_value.stderr
    assert cli("graph").stderr.startswith("playbook: graph: give PLAYBOOK")


def test_no_arguments_still_shows_the_help(cli):
    result = cli()
    assert "Usage: playbook" in result.output and "lint" in result.output
