"""Nothing recorded is lost or doubled: a walk cut off after any event resumes to the same walk.

Instead of killing processes at random (the e2e kill loop does that), this cuts an
uninterrupted walk's journal after every one of its events, resumes each cut with the
same answers file, and compares the result with the uninterrupted walk.
"""

import json

import pytest

from conftest import SPEC_EXAMPLE
from playbook_cli.walk.journal import JournalWriter

ANSWERS = "inputs: {customer: An, ticket: CS-12}\nanswers: ['Yes']\n"
SETTLED = ("pause", "resume")  # what a resume adds; everything else must match exactly


def events(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def walk_of(path):
    """The events that make the walk, without times and without pause/resume bookkeeping."""
    return [{k: v for k, v in e.items() if k != "at"} for e in events(path) if e["event"] not in SETTLED]


@pytest.fixture
def uninterrupted(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    journal = tmp_path / "whole.jsonl"
    result = cli("walk", SPEC_EXAMPLE, "--answers", answers, "--journal", journal, "--opened-at", "2026-11-20T09:00Z")
    assert result.exit_code == 0, result.output
    return journal, answers


def test_a_walk_cut_after_any_event_resumes_to_the_same_walk(cli, tmp_path, uninterrupted):
    whole, answers = uninterrupted
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    expected = walk_of(whole)
    for cut in range(1, len(lines)):
        journal = tmp_path / f"cut-{cut}.jsonl"
        journal.write_text("".join(lines[:cut]), encoding="utf-8")
        result = cli("walk", "--resume", journal, "--answers", answers)
        assert result.exit_code == 0, f"cut after event {cut}: {result.output}"
        assert walk_of(journal) == expected, f"cut after event {cut} ({json.loads(lines[cut - 1])['event']})"


def test_a_journal_holding_only_its_start_resumes(cli, tmp_path, uninterrupted):
    whole, answers = uninterrupted
    journal = tmp_path / "start-only.jsonl"
    journal.write_text(whole.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    result = cli("walk", "--resume", journal, "--answers", answers)
    assert result.exit_code == 0, result.output
    assert [e["event"] for e in events(journal)][:3] == ["start", "enter", "resume"]


def test_resume_with_an_answers_file_goes_on_after_the_answers_already_recorded(cli, tmp_path, write):
    journal = tmp_path / "j.jsonl"
    answers = write("inputs: {customer: An}\nanswers: ['No']\n", "answers.yaml")
    first = cli("walk", SPEC_EXAMPLE, "--answers", answers, "--journal", journal)
    assert first.exit_code == 0
    journal.write_text("".join(journal.read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")  # cut after enter
    again = cli("walk", "--resume", journal, "--answers", answers)
    assert again.exit_code == 0, again.output
    assert [e["event"] for e in events(journal)].count("answer") == 1  # 'No' was not applied twice


def test_a_second_walk_of_a_journal_in_use_is_refused_naming_the_holder(cli, tmp_path, uninterrupted):
    import os
    import socket

    whole, answers = uninterrupted
    journal = tmp_path / "open.jsonl"
    journal.write_text("".join(whole.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    before = journal.read_bytes()
    with JournalWriter(journal):  # another walk holds it
        result = cli("walk", "--resume", journal, "--answers", answers)
    assert result.exit_code == 2
    assert f"is being walked right now by pid {os.getpid()} on {socket.gethostname()}" in result.stderr
    assert journal.read_bytes() == before  # nothing was written by the refused walk
    assert cli("walk", "--resume", journal, "--answers", answers).exit_code == 0  # the lock went with its holder


def test_a_journal_of_another_playbook_is_refused_unless_forced(cli, tmp_path, write, uninterrupted):
    whole, answers = uninterrupted
    other = write(SPEC_EXAMPLE.read_text(encoding="utf-8").replace("id: delayed-response", "id: other-playbook"), "other.yaml")
    journal = tmp_path / "j.jsonl"
    journal.write_text("".join(whole.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    refused = cli("walk", "--resume", journal, other, "--answers", answers)
    assert refused.exit_code == 2 and "recorded with playbook 'delayed-response', not 'other-playbook'" in refused.stderr
    assert cli("walk", "--resume", journal, other, "--answers", answers, "--force").exit_code == 0


def test_a_fifo_given_as_a_journal_is_refused_not_read(cli, tmp_path):
    import os

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    result = cli("walk", "--resume", fifo)
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_a_full_disk_names_the_journal(cli, tmp_path, monkeypatch):
    import errno

    from playbook_cli.walk import journal as journal_module

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal_module.os, "fsync", no_space)
    path = tmp_path / "j.jsonl"
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", path, input="1\n")
    assert result.exit_code == 2 and f"{path}: cannot write the journal: No space left on device" in result.stderr
