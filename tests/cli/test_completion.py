"""Shell completion through typer's own machinery, as bash, zsh and fish ask for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, REPO, SPEC_EXAMPLE
from playbook_cli.cli.app import app


@pytest.fixture
def library(tmp_path, monkeypatch):
    """A working directory with playbooks/ (one id differing from its file name) and two journals."""
    (tmp_path / "playbooks" / "billing").mkdir(parents=True)
    (tmp_path / "playbooks" / "delayed-response.yaml").write_text(SPEC_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "playbooks" / "billing" / "refund.yaml").write_text(MINIMAL.replace("id: p", "id: double-charge"), encoding="utf-8")
    journals = tmp_path / ".playbook" / "journal"
    journals.mkdir(parents=True)
    (journals / "delayed-response-1.jsonl").write_text('{"event": "start", "playbook": "delayed-response"}\n', encoding="utf-8")
    (journals / "notes.txt").write_text("not a journal", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _bash(cli, line: str) -> list[str]:
    """What bash's completion function gets for `line` (the word at the cursor is the last, maybe empty)."""
    words = line.split(" ")
    env = {"_PLAYBOOK_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    result = cli.runner.invoke(app, [], env=env, prog_name="playbook")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_playbook_ids_are_offered_after_walk(cli, library):
    assert _bash(cli, "playbook walk del") == ["delayed-response"]
    assert _bash(cli, "playbook walk ") == ["double-charge", "delayed-response"]  # in file-name order: billing/ first
    assert _bash(cli, "playbook walk ./draft") == []  # nothing of the library: bash completes file names


def test_journals_are_offered_after_resume_and_report(cli, library):
    journal = str(Path(".playbook") / "journal" / "delayed-response-1.jsonl")
    assert _bash(cli, "playbook walk --resume ") == [journal]
    assert _bash(cli, "playbook report .pl") == [journal]


def test_options_values_and_rules_are_offered(cli, library):
    assert _bash(cli, "playbook lint --format ") == ["text", "json", "sarif", "github", "junit", "codeclimate"]
    assert "--generate-baseline" in _bash(cli, "playbook lint --")
    assert _bash(cli, "playbook lint --ignore graph/unr") == ["graph/unreachable"]
    assert "lint" in _bash(cli, "playbook ")


def test_zsh_and_fish_get_descriptions(cli, library):
    zsh = cli.runner.invoke(
        app, [], env={"_PLAYBOOK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "playbook walk dou"}, prog_name="playbook"
    )
    assert '"double-charge":"playbooks/billing/refund.yaml"' in zsh.stdout
    fish_env = {
        "_PLAYBOOK_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": "playbook walk de",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    fish = cli.runner.invoke(app, [], env=fish_env, prog_name="playbook")
    assert fish.stdout.strip() == "delayed-response\tplaybooks/delayed-response.yaml"


def test_the_installed_command_completes_in_a_real_process(library):
    command = Path(sys.executable).parent / "playbook"
    if not command.exists():
        pytest.skip("the playbook command is not installed beside this Python")
    env = {**os.environ, "_PLAYBOOK_COMPLETE": "complete_bash", "COMP_WORDS": "playbook walk de", "COMP_CWORD": "2"}
    result = subprocess.run([str(command)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.split() == ["delayed-response"], result.stderr
    script = subprocess.run([str(command)], env={**os.environ, "_PLAYBOOK_COMPLETE": "source_bash"}, capture_output=True, text=True)
    assert "complete -o default -F _playbook_completion playbook" in script.stdout


def test_the_docs_say_how_to_install_it_in_each_shell():
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for shell in ("bash", "zsh", "fish"):
        assert f"_PLAYBOOK_COMPLETE=source_{shell} playbook" in doc
    assert "playbook --install-completion" in doc
