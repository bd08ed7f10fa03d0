"""Hostile and broken inputs through every command: located findings or a clear error, never a crash.

The corpus in tests/hostile/ holds the small cases; the costly ones are generated here
and linted in a child process under a memory limit, so a regression shows as a
failure, not as a machine brought down. No timings are asserted; the child's timeout
only keeps a hang from stalling the suite.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

CORPUS = sorted((REPO / "tests" / "hostile").glob("*.yaml"))
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for a child lint


def clean(output: str) -> None:
    assert "internal error" not in output and "Traceback" not in output, output
    assert "\x1b" not in output and "\x07" not in output and "\x00" not in output, repr(output)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_lint_finds_located_problems(cli, path):
    result = cli("lint", "--format", "json", path)
    assert result.exit_code in (1, 2), result.output
    clean(result.stdout + result.stderr)
    lines = path.read_bytes().count(b"\n") + 1
    for line, column in re.findall(r'"line": (\d+),\s*"column": (\d+)', result.stdout):
        assert 1 <= int(line) <= lines and int(column) >= 1


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
@pytest.mark.parametrize("command", [["render"], ["render", "--format", "html"], ["graph"], ["graph", "--format", "dot"], ["test"]])
def test_other_commands_refuse_with_a_message(cli, tmp_path, path, command):
    result = cli(*command, path)
    assert result.exit_code == 2, result.output
    clean(result.stdout + result.stderr)
    assert "has errors; fix them first" in result.stderr or "playbook:" in result.stderr


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_walk_refuses_with_a_message(cli, tmp_path, path):
    result = cli("walk", path, "--journal", tmp_path / "j.jsonl", input="1\n")
    assert result.exit_code == 2, result.output
    clean(result.stdout + result.stderr)
    assert not (tmp_path / "j.jsonl").exists()  # nothing journaled for a playbook that does not load


def generated(kind: str) -> str:
    if kind == "nesting-60000":
        return "playbook: 1\nid: x\ntitle: " + "[" * 60000 + "]" * 60000 + "\n"
    if kind == "title-nested-10000":
        return "playbook: 1\nid: x\ntitle: " + "{a: " * 10000 + "1" + "}" * 10000 + "\n"
    if kind == "keys-200000":
        return "playbook: 1\nid: x\ntitle: T\nstart: a\nnodes:\n  a: {kind: end, text: x, outcome: resolved}\n" + "".join(
            f"k{i}: 1\n" for i in range(200_000)
        )
    if kind == "dangling-4000":
        nodes = "".join(f"  n{i}: {{kind: action, text: x, next: missing-node-{i}}}\n" for i in range(4000))
        return "playbook: 1\nid: x\ntitle: T\nstart: n0\nnodes:\n" + nodes
    raise ValueError(kind)


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("kind", ["nesting-60000", "title-nested-10000", "keys-200000", "dangling-4000"])
def test_costly_files_are_refused_early_and_within_bounds(tmp_path, kind):
    path = Path(tmp_path) / "x.yaml"
    path.write_text(generated(kind), encoding="utf-8")
    child = subprocess.run(
        [sys.executable, "-m", "playbook_cli", "lint", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit_memory,
    )
    assert child.returncode in (1, 2), child.stdout[-2000:] + child.stderr[-2000:]
    clean(child.stdout + child.stderr)
    assert re.search(r"^\s+\d+:\d+\s+error", child.stdout, re.MULTILINE) or "x.yaml" in child.stderr


def test_a_superscript_two_at_a_numbered_prompt_is_not_a_number(cli, tmp_path):
    from conftest import SPEC_EXAMPLE

    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", tmp_path / "j.jsonl", input="²\n")
    assert result.exit_code == 2 and "'²' is not a choice here" in result.stderr
    clean(result.stderr)


def test_a_journal_from_year_9999_is_a_located_error(cli, tmp_path):
    from conftest import SPEC_EXAMPLE

    journal = tmp_path / "j.jsonl"
    assert cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", journal, input="").exit_code == 2
    text = journal.read_text(encoding="utf-8")
    journal.write_text(re.sub(r'"opened_at":"[^"]+"', '"opened_at":"9999-12-31T23:59:00.000Z"', text), encoding="utf-8")
    for command in (["walk", "--resume", journal], ["report", journal], ["report", journal, "--format", "json"]):
        result = cli(*command)
        assert result.exit_code == 2 and f"{journal}:1:" in result.stderr, result.output
        clean(result.stderr)
