"""docs/cli.md is generated from the app: it names every command and option, and is current."""

import runpy

import typer

from conftest import REPO
from playbook_cli.cli.app import app

DOC = REPO / "docs" / "cli.md"


def test_cli_doc_is_current():
    module = runpy.run_path(str(REPO / "scripts" / "make_cli_doc.py"))
    assert DOC.read_text(encoding="utf-8") == module["cli_markdown"](), "run python scripts/make_cli_doc.py and commit docs/cli.md"


def test_cli_doc_names_every_command_and_option():
    doc = DOC.read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"## `playbook {name}`" in doc
        for param in command.params:
            for flag in param.opts if param.param_type_name == "option" and not param.hidden else ():
                assert f"`{flag}`" in doc, (name, flag)
    assert "| `--format`, `-f` | `FORMAT` | `text` |" in doc and "<bool>" not in doc and "<list" not in doc
