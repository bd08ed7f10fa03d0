"""Shared helpers: write a playbook, lint it, run the CLI in-process."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from playbook_cli.cli.app import app
from playbook_cli.lint.runner import lint_paths

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SPEC_EXAMPLE = FIXTURES / "delayed-response.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden"

MINIMAL = """\
playbook: 1
id: p
title: T
start: q
nodes:
  q:
    kind: question
    text: Q?
    choices:
      - answer: "Yes"
        next: a
      - answer: "No"
        next: done
  a:
    kind: action
    text: Do it
    next: done
  done:
    kind: end
    text: Done
    outcome: resolved
"""


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture
def golden(request):
    """golden(name, text): compare with tests/golden/<name>, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def _golden(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs; if the change is intended, rerun this test with --update-golden and review the diff"

    return _golden


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def write(tmp_path):
    """write(text, name='p.yaml') -> path of a file holding the dedented text."""

    def _write(text: str, name: str = "p.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def findings(write):
    """findings(text, rule=None, name='p.yaml') -> [(line, column, rule, message)]."""

    def _findings(text: str, rule: str | None = None, name: str = "p.yaml"):
        result = lint_paths([str(write(text, name))])
        return [(f.line, f.column, f.rule, f.message) for f in result.findings if rule is None or f.rule == rule]

    return _findings


class Cli:
    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args, input=None):
        return self.runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture
def cli():
    return Cli()
