"""`playbook walk` scripted, as CI and scripts use it: exit codes, journal, resume."""

import json
from datetime import UTC

import pytest

from conftest import SPEC_EXAMPLE


def journal_events(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def answers(write):
    def _answers(text):
        return write(text, "answers.yaml")

    return _answers


def test_answers_file_walks_to_the_end(cli, answers, tmp_path):
    journal = tmp_path / "j.jsonl"
    file = answers("inputs: {customer: An, ticket: CS-12}\nanswers: ['Yes']\n")
    result = cli("walk", SPEC_EXAMPLE, "--answers", file, "--journal", journal)
    assert result.exit_code == 0, result.output
    assert "Dear An, we are sorry for the wait on CS-12." in result.stdout
    assert "Outcome: resolved" in result.stdout
    events = journal_events(journal)
    assert [e["event"] for e in events] == ["start", "enter", "answer", "enter", "done", "enter", "end"]
    start = events[0]
    assert start["playbook"] == "delayed-response" and start["lang"] == "en"
    assert start["inputs"] == {"customer": "An", "ticket": "CS-12"} and len(start["sha256"]) == 64
    assert all(e["at"].endswith("Z") for e in events)
    assert events[-1] == {**events[-1], "node": "done", "outcome": "resolved"}


def test_stdin_lines_are_answers_and_the_language_can_change(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=Bình", "--lang", "vi", "--journal", journal, input="Chưa\n")
    assert result.exit_code == 0, result.output
    assert "Đã quá hạn phản hồi đầu tiên chưa?" in result.stdout
    assert journal_events(journal)[2]["answer"] == "Chưa"


def test_default_journal_path_is_under_dot_playbook(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=An", input="2\n")
    assert result.exit_code == 0
    [journal] = (tmp_path / ".playbook" / "journal").glob("delayed-response-*.jsonl")
    assert str(journal.relative_to(tmp_path)) in result.stdout


def test_out_of_answers_exits_2_naming_the_question_and_keeps_the_journal(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", journal, input="")
    assert result.exit_code == 2
    assert "no answer left for question 'how-late' (Is the first-reply target already missed?)" in result.stderr
    assert f"playbook walk --resume {journal}" in result.stderr
    assert [e["event"] for e in journal_events(journal)] == ["start", "enter", "pause"]


def test_an_answer_matching_nothing_exits_2_with_what_is_accepted(cli, tmp_path):
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", tmp_path / "j.jsonl", input="maybe\n")
    assert result.exit_code == 2
    assert "'maybe' is not a choice" in result.stderr and "1. Yes, 2. No" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--set", "customer=An", "--set", "ticket=cs12"], "'cs12' is not a valid 'Ticket ID': it must match ^[A-Z]+-[0-9]+$"),
        ([], "'Customer name' is required; pass it with --set customer=VALUE"),
        (["--set", "custmer=An"], "no input named custmer"),
        (["--set", "customer"], "write --set NAME=VALUE"),
        (["--set", "customer=An", "--lang", "fr"], "written in en, vi"),
        (["--set", "customer=An", "--opened-at", "yesterday"], "is not a time; write an ISO time"),
    ],
)
def test_bad_input_exits_2_with_a_message(cli, tmp_path, args, message):
    result = cli("walk", SPEC_EXAMPLE, *args, "--journal", tmp_path / "j.jsonl", input="1\n")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_bad_answers_file_is_located(cli, answers):
    result = cli("walk", SPEC_EXAMPLE, "--answers", answers("answers: [Yes]\nextra: 1\n"))
    assert result.exit_code == 2
    assert "answers.yaml:1:11" in result.stderr and 'write "Yes" in quotes' in result.stderr
    assert "answers.yaml:2:1" in result.stderr


def test_invalid_playbook_is_refused_with_its_findings(cli, write):
    path = write("playbook: 1\nid: p\ntitle: T\nstart: nowhere\nnodes: {a: {kind: end, text: x, outcome: closed}}\n")
    result = cli("walk", path, input="")
    assert result.exit_code == 2
    assert "'nowhere' names no node" in result.stderr


def test_breaches_are_journaled_and_reported(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--opened-at", "2020-01-01T00:00:00Z", "--journal", journal, input="1\n")
    assert result.exit_code == 0
    breaches = [e for e in journal_events(journal) if e["event"] == "sla-breach"]
    assert [e["clock"] for e in breaches] == ["first_reply"]  # no step can stop "resolution": not on this path
    assert "⛔ first_reply is OVERDUE (target 1 h)" in result.stdout and "late (target 1 h)" in result.stdout


def test_resume_goes_on_with_new_answers_and_appends(cli, tmp_path, answers):
    journal = tmp_path / "j.jsonl"
    assert cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", journal, input="").exit_code == 2
    before = journal.read_text(encoding="utf-8")
    result = cli("walk", "--resume", journal, "--answers", answers("answers: [2]\n"))
    assert result.exit_code == 0, result.output
    assert journal.read_text(encoding="utf-8").startswith(before)  # nothing rewritten
    kinds = [e["event"] for e in journal_events(journal)]
    assert kinds == ["start", "enter", "pause", "resume", "answer", "enter", "done", "enter", "end"]
    again = cli("walk", "--resume", journal)
    assert again.exit_code == 0 and "already ended" in again.stdout


def test_resume_after_a_torn_write(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", journal, input="")
    with open(journal, "a", encoding="utf-8") as handle:
        handle.write('{"event": "answer", "at": "2026-')  # the process died mid-write
    result = cli("walk", "--resume", journal, input="1\n")
    assert result.exit_code == 0, result.output
    assert "torn last line" in result.stderr
    assert journal_events(journal)[-1]["event"] == "end"
    assert (tmp_path / "j.jsonl.torn").read_text(encoding="utf-8").startswith('{"event": "answer"')


def test_resume_warns_when_the_playbook_changed_and_stops_when_the_path_is_gone(cli, tmp_path, write):
    copy = write(SPEC_EXAMPLE.read_text(encoding="utf-8"), "delayed-response.yaml")
    journal = tmp_path / "j.jsonl"
    cli("walk", copy, "--set", "customer=An", "--journal", journal, input="")
    copy.write_text(copy.read_text(encoding="utf-8").replace("Read the whole ticket history", "Read the history"), encoding="utf-8")
    changed = cli("walk", "--resume", journal, input="1\n")
    assert changed.exit_code == 0 and "changed since this walk was recorded" in changed.stderr

    journal2 = tmp_path / "j2.jsonl"
    cli("walk", copy, "--set", "customer=An", "--journal", journal2, input="")
    copy.write_text(copy.read_text(encoding="utf-8").replace("start: how-late", "start: apologise"), encoding="utf-8")
    gone = cli("walk", "--resume", journal2, input="1\n")
    assert gone.exit_code == 2 and "no longer exists" in gone.stderr


def test_new_walk_refuses_to_overwrite_a_journal(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    journal.write_text('{"event": "start"}\n')
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", journal, input="1\n")
    assert result.exit_code == 2 and "--resume" in result.stderr
    assert journal.read_text() == '{"event": "start"}\n'


def test_playbook_text_cannot_drive_the_terminal_or_rich_markup(cli, write, tmp_path):
    hostile = r'text: {en: "\e[2J[bold red]boom[/bold red] \e]0;title\a", vi: "x"}'
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
        "text: {en: Apologise and give a firm time, vi: Xin lỗi và hẹn thời gian cụ thể}", hostile
    )
    assert hostile in text
    path = write(text, "delayed-response.yaml")
    result = cli("walk", path, "--set", "customer=An", "--journal", tmp_path / "j.jsonl", input="1\n")
    assert result.exit_code == 2  # lint refuses control characters decoded from escapes, located
    assert "yaml/control-character" in result.stderr and "U+001B (ESC)" in result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr


def test_typed_text_cannot_drive_the_terminal_or_rich_markup(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=\x1b[2J[bold red]An[/bold red]\x07", "--journal", journal, input="1\n")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "^[[2J[bold red]An[/bold red]^G" in result.stdout


def test_resume_refuses_options_the_journal_already_records(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", journal, input="")
    result = cli("walk", "--resume", journal, "--channel", "chat", "--set", "customer=B")
    assert result.exit_code == 2 and "--set, --channel cannot be used with --resume" in result.stderr


def test_the_language_may_change_on_resume_and_is_journaled(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", journal, input="")
    result = cli("walk", "--resume", journal, "--lang", "vi", input="2\n\n")
    assert result.exit_code == 0, result.output
    assert "Đã quá hạn phản hồi đầu tiên chưa?" in result.stdout and "Hoàn tất" in result.stdout
    resumed = [e for e in journal_events(journal) if e["event"] == "resume"]
    assert resumed[-1]["lang"] == "vi"
    refused = cli("walk", "--resume", journal, "--lang", "fr")
    assert refused.exit_code == 2 and "--lang fr" in refused.stderr and "en, vi" in refused.stderr


def test_resume_from_another_directory_finds_the_playbook(cli, tmp_path, monkeypatch, write):
    write(SPEC_EXAMPLE.read_text(encoding="utf-8"), "work/delayed-response.yaml")
    monkeypatch.chdir(tmp_path / "work")
    journal = tmp_path / "j.jsonl"
    cli("walk", "delayed-response.yaml", "--set", "customer=An", "--journal", journal, input="")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = cli("walk", "--resume", journal, input="2\n")
    assert result.exit_code == 0, result.output


def test_a_clock_in_its_last_stretch_is_reminded_once_and_journaled(cli, tmp_path):
    from datetime import datetime, timedelta

    journal = tmp_path / "j.jsonl"
    opened = (datetime.now(UTC) - timedelta(minutes=50)).isoformat()
    result = cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--opened-at", opened, "--journal", journal, input="1\n")
    assert result.exit_code == 0
    assert result.stdout.count("⏰ Reminder: first_reply has") == 1
    assert "it stops when #2 Apologise and give a firm time, #3 Reply now with the answer is done" in result.stdout
    [due] = [e for e in journal_events(journal) if e["event"] == "sla-due-soon"]
    assert due["clock"] == "first_reply" and due["stops_at"] == ["apologise", "reply-now"]
