"""Mutated playbooks and journals through the CLI: never a traceback, never an internal error.

Hypothesis takes a valid bundled playbook and a valid journal, flips, cuts, deletes
and inserts bytes (escapes, control characters, YAML tags and anchors among them), and
runs the commands a user would. Every run must end with exit 0, 1 or 2, no "internal
error", no escape code on the terminal, and every finding located inside the file.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO

PLAYBOOK = (REPO / "playbooks" / "angry-customer.yaml").read_bytes()
INSERTS = [
    b'"\\e[2J"',
    b"\x1b",
    b"\x00",
    b"\r",
    b"&a ",
    b"*a",
    b"!!python/object ",
    b"!!bool maybe",
    b"{{ x }",
    b"{% for %}",
    b"\xff",
    b"\n  ",
    b": ",
    b"- ",
    b"'",
]


@st.composite
def mutated(draw, original: bytes):
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "delete", "insert"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        else:
            data[at:at] = draw(st.sampled_from(INSERTS))
    return bytes(data)


def clean(result) -> None:
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), output
    assert "internal error" not in output and "Traceback" not in output, output
    assert "\x1b" not in output, repr(output)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(mutated(PLAYBOOK))
def test_a_mutated_playbook_through_every_command(cli, tmp_path, raw):
    path = tmp_path / "angry-customer.yaml"
    path.write_bytes(raw)
    lines = raw.count(b"\n") + 1
    linted = cli("lint", "--format", "json", path)
    clean(linted)
    if linted.stdout.strip():
        for finding in json.loads(linted.stdout)["findings"]:
            assert 1 <= finding["line"] <= lines + 1 and finding["column"] >= 1
    for command in (["render", path], ["graph", path, "--format", "dot"], ["test", path]):
        clean(cli(*command))
    answers = tmp_path / "answers.yaml"
    answers.write_text("inputs: {customer: An, problem: x, ticket: CS-1}\nanswers: [1, 1, 1, 1, 1, 1]\n", encoding="utf-8")
    clean(cli("walk", path, "--answers", answers, "--journal", tmp_path / "walk.jsonl"))


def a_journal(cli, tmp_path) -> bytes:
    answers = tmp_path / "seed-answers.yaml"
    answers.write_text("inputs: {customer: An, problem: x, ticket: CS-1}\nanswers: [1]\n", encoding="utf-8")
    journal = tmp_path / "seed.jsonl"
    cli("walk", REPO / "playbooks" / "angry-customer.yaml", "--answers", answers, "--journal", journal)
    return journal.read_bytes()


@SETTINGS
@given(st.data())
def test_a_mutated_journal_through_report_and_resume(cli, tmp_path, data):
    original = a_journal(cli, tmp_path)
    raw = data.draw(mutated(original))
    journal = tmp_path / "walk.jsonl"
    journal.write_bytes(raw)
    for command in (["report", journal], ["report", journal, "--format", "json"], ["report", journal, "--format", "html"]):
        result = cli(*command)
        clean(result)
        if result.exit_code == 2 and "journal" in result.stderr:
            assert re.search(r"\.jsonl(:\d+)?: ", result.stderr), result.stderr  # names the file (and line)
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers: [1, 1, 1, 1, 1, 1]\n", encoding="utf-8")
    clean(cli("walk", "--resume", journal, "--answers", answers))
