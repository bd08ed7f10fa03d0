"""The keys at the walk's prompt and the words on its screens, through the fake Environment."""

import json
import re

import pytest

from conftest import REPO, SPEC_EXAMPLE
from fakes import Advance, FakeClock, Interrupt, fake_environment, person_following
from playbook_cli.cli.app import app
from playbook_cli.core.messages import en, vi

LIBRARY = REPO / "playbooks"


def run(cli, env, *args):
    return cli.runner.invoke(app, [str(a) for a in args], obj=env, catch_exceptions=False)


def events(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_message_has_a_vietnamese_wording():
    assert set(en.MESSAGES) == set(vi.MESSAGES)
    assert not [key for key, value in vi.MESSAGES.items() if isinstance(value, str) and value == en.MESSAGES[key] and " " in value]


def test_a_reminder_fires_once_at_its_time_without_a_key_and_not_again_after_a_resume(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    clock = FakeClock()
    env = fake_environment(["An", "", Advance(44), Advance(1), Interrupt()], clock)
    assert run(cli, env, "walk", SPEC_EXAMPLE, "--journal", journal, "--opened-at", clock.now.isoformat()).exit_code == 130
    assert env.terminal.screen.count("⏰ Reminder: first_reply") == 1 and env.terminal.bells == 1
    due = [e for e in events(journal) if e["event"] == "sla-due-soon"]
    assert len(due) == 1 and due[0]["at"] == "2026-11-20T02:45:00.000Z"  # at opened + 45 min, the remind window

    env = fake_environment([Advance(5), "s", Interrupt()], clock)
    assert run(cli, env, "walk", "--resume", journal).exit_code == 130
    assert "⏰" not in env.terminal.screen and env.terminal.bells == 0
    assert len([e for e in events(journal) if e["event"] == "sla-due-soon"]) == 1


def test_c_copies_the_filled_reply_or_says_the_terminal_cannot(cli, tmp_path):
    env = fake_environment(["An", "CS-1", "1", "c", ""])
    assert run(cli, env, "walk", SPEC_EXAMPLE, "--journal", tmp_path / "a.jsonl").exit_code == 0
    assert env.terminal.copied == ["Dear An, we are sorry for the wait on CS-1."]
    assert "The reply is on the clipboard." in env.terminal.screen

    env = fake_environment(["An", "CS-1", "1", "c", ""])
    env.terminal.can_copy = False
    assert run(cli, env, "walk", SPEC_EXAMPLE, "--journal", tmp_path / "b.jsonl", "--lang", "vi").exit_code == 0
    assert "! Terminal này không nhận lệnh sao chép (OSC 52)" in env.terminal.screen


def test_t_n_ticks_a_checklist_item_shown_ticked_on_resume_and_in_the_report(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    env = fake_environment(["An", "", "1", "t 2", "t 1", Interrupt()])
    assert run(cli, env, "walk", SPEC_EXAMPLE, "--journal", journal).exit_code == 130
    assert "! there is no checklist item 2 here (items 1 to 1)" in env.terminal.screen
    assert "[x] 1. Read the whole ticket history" in env.terminal.screen
    [tick] = [e for e in events(journal) if e["event"] == "tick"]
    assert (tick["node"], tick["item"]) == ("apologise", 1)

    env = fake_environment([""])
    assert run(cli, env, "walk", "--resume", journal).exit_code == 0
    assert "[x] 1. Read the whole ticket history" in env.terminal.screen
    report = cli("report", journal).stdout
    assert "## Checklist items done" in report and "- [x] #2 · Read the whole ticket history" in report


def test_question_mark_lists_the_keys(cli, tmp_path):
    env = fake_environment(["An", "", "?", Interrupt()])
    run(cli, env, "walk", SPEC_EXAMPLE, "--journal", tmp_path / "j.jsonl", "--lang", "vi")
    assert "Các phím tại dấu nhắc:" in env.terminal.screen and "t N                  đánh dấu xong việc số N" in env.terminal.screen


def test_answers_match_without_accents_and_an_ambiguous_prefix_lists_the_candidates(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    env = fake_environment(
        ["An", "", "CS-1", "", "", "tu van", "chua duoc tra loi", "chua duoc tra loi, nguoi phu trach vang", Interrupt()]
    )
    run(cli, env, "walk", LIBRARY / "delayed-response.yaml", "--journal", journal)
    flat = " ".join(env.terminal.screen.split())
    assert "! 'chua duoc tra loi' có thể là Chưa được trả lời, người phụ trách đang làm việc / Chưa được trả lời" in flat
    answers = [(e["choice"], e["answer"]) for e in events(journal) if e["event"] == "answer"]
    assert answers == [(1, "Tư vấn sản phẩm"), (2, "Chưa được trả lời, người phụ trách vắng mặt")]


def test_an_ambiguous_answer_is_refused_naming_both(cli, tmp_path, write):
    playbook = write(
        """
        playbook: 1
        id: p
        title: T
        start: q
        nodes:
          q:
            kind: question
            text: Đơn hàng?
            choices:
              - {answer: "Đã nhận", next: done}
              - {answer: "Đã xử lý", next: done}
          done: {kind: end, text: Xong, outcome: resolved}
        """
    )
    journal = tmp_path / "j.jsonl"
    env = fake_environment(["da", "da x", ""])
    assert run(cli, env, "walk", playbook, "--journal", journal).exit_code == 0
    assert "! 'da' could be Đã nhận / Đã xử lý; type more of it, or its number" in env.terminal.screen
    answer = next(e for e in events(journal) if e["event"] == "answer")
    assert (answer["choice"], answer["answer"]) == (2, "Đã xử lý")


ENGLISH = re.compile(
    r"\b(Journal|Step|Owner|left|Reminder|Paused|Resuming|required|optional|BREACHED|press|keys|Walk finished|Outcome|min)\b"
)


@pytest.mark.parametrize("width", [80, 120])
def test_a_vietnamese_walk_speaks_vietnamese_and_wraps_between_words(cli, tmp_path, width):
    journal = tmp_path / "j.jsonl"
    env = fake_environment([], FakeClock())
    env.terminal.responder = person_following(
        ["tu van", "chua duoc tra loi, nguoi phu trach dang", "hai long"],
        {"Tên khách hàng": "Nguyễn Văn An", "Mã yêu cầu": "CS-201", "Điểm hài lòng": "5"},
    )
    env.terminal.width = width
    result = run(cli, env, "walk", LIBRARY / "delayed-response.yaml", "--journal", journal)
    assert result.exit_code == 0, env.stderr.getvalue()
    screen = env.terminal.screen + "\n" + env.stdout.getvalue()
    assert not ENGLISH.findall(screen), ENGLISH.findall(screen)
    assert "Hoàn tất" in screen and "Kết quả: đã giải quyết" in screen
    assert all(len(line) <= width for line in env.terminal.lines if " › " not in line)  # the prompt line is the terminal's to wrap
    # No line ends inside a word of the texts shown: every line break falls on a space.
    texts = " ".join(env.terminal.lines)
    assert "Kính gửi Quý khách Nguyễn Văn An" in " ".join(texts.split())
