"""docs/ci.md, docs/editor.md and .pre-commit-hooks.yaml say what works: snippets that parse, commands and options that exist."""

from __future__ import annotations

import json
import re
import shlex

import pytest
import typer
import yaml

from conftest import MINIMAL, REPO
from playbook_cli.cli.app import app

DOCS = [REPO / "docs" / "ci.md", REPO / "docs" / "editor.md"]
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
COMMAND = re.compile(r"playbook ([a-z]+)((?: +[^\s`'\"|;&<>)]+)*)")


def _blocks(language: str) -> list[str]:
    return [body for doc in DOCS for lang, body in BLOCK.findall(doc.read_text(encoding="utf-8")) if lang == language]


def _options(command: str) -> set[str]:
    group = typer.main.get_command(app)
    found = group.commands[command]  # type: ignore[attr-defined]
    return {flag for param in found.params for flag in [*param.opts, *param.secondary_opts]} | {"--help", "-h"}


def test_every_yaml_and_json_snippet_parses():
    assert len(_blocks("yaml")) >= 5 and len(_blocks("json")) == 2
    for body in _blocks("yaml"):
        yaml.safe_load(body)
    for body in _blocks("json"):
        json.loads(body)


def test_every_command_in_the_docs_exists_with_its_options():
    text = "\n".join(doc.read_text(encoding="utf-8") for doc in DOCS)
    seen = 0
    for match in COMMAND.finditer(text):
        command, rest = match.group(1), match.group(2)
        if command not in typer.main.get_command(app).commands:  # type: ignore[attr-defined]
            continue  # prose: "playbook lint and ..." names a command, checked below
        seen += 1
        flags = [word.split("=")[0] for word in shlex.split(rest) if word.startswith("-") and word != "-"]
        assert set(flags) <= _options(command), (match.group(0), set(flags) - _options(command))
    assert seen >= 15


def test_the_github_workflow_uploads_sarif_and_gitlab_keeps_both_reports():
    workflow = next(yaml.safe_load(body) for body in _blocks("yaml") if "jobs" in (yaml.safe_load(body) or {}))
    steps = workflow["jobs"]["playbooks"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "playbook-lint.sarif"
    assert any("--format sarif --output playbook-lint.sarif" in step.get("run", "") for step in steps)
    gitlab = next(yaml.safe_load(body) for body in _blocks("yaml") if "playbook-lint" in (yaml.safe_load(body) or {}))
    assert gitlab["playbook-lint"]["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json", "junit": "playbook-lint.xml"}
    assert gitlab["playbook-test"]["artifacts"]["reports"] == {"junit": "playbook-test.xml"}


def test_the_editor_settings_name_both_schemas_that_exist():
    settings = json.loads(next(body for body in _blocks("json") if "yaml.schemas" in body))
    for schema in settings["yaml.schemas"]:
        assert (REPO / schema).is_file(), schema
    assert {"./schemas/playbook.schema.json", "./schemas/roster.schema.json"} == set(settings["yaml.schemas"])


def test_the_modeline_is_a_comment_to_lint(cli):
    line = "# yaml-language-server: $schema=../schemas/playbook.schema.json\n"
    assert line.strip() in (REPO / "docs" / "editor.md").read_text(encoding="utf-8")
    assert cli("lint", "-", "--stdin-filename", "playbooks/p.yaml", input=line + MINIMAL).exit_code == 0


def test_schema_prints_the_roster_schema_too(cli):
    assert json.loads(cli("schema", "--roster").stdout)["$id"].endswith("roster-1.schema.json")
    assert cli("schema", "--roster").stdout == (REPO / "schemas" / "roster.schema.json").read_text(encoding="utf-8")


HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path, linted, tested",
    [
        ("playbooks/delayed-response.yaml", True, True),
        ("playbooks/billing/refund.yml", True, True),
        ("team/roster.yaml", True, False),
        ("roster.yml", True, False),
        (".github/workflows/ci.yml", False, False),
        (".pre-commit-config.yaml", False, False),
        ("docker-compose.yaml", False, False),
    ],
)
def test_the_hooks_take_playbooks_and_rosters_only(path, linted, tested):
    hooks = {hook["id"]: hook for hook in HOOKS}
    assert set(hooks) == {"playbook-lint", "playbook-test"}
    for hook_id, expected in (("playbook-lint", linted), ("playbook-test", tested)):
        hook = hooks[hook_id]
        assert hook["language"] == "python" and hook["types"] == ["yaml"] and hook["require_serial"] is True
        taken = bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)
        assert taken is expected, (hook_id, path)
    assert hooks["playbook-lint"]["entry"] == "playbook lint" and hooks["playbook-test"]["entry"] == "playbook test"
