"""The walk in a real terminal, answered as a person would: tmux for the interactive
session with Ctrl-C and resume; a pty (pexpect) to kill -9 the walk at random moments."""

import json
import random
import re
import signal
import time
from datetime import UTC, datetime, timedelta

import pexpect
import pytest

from conftest import REPO, SPEC_EXAMPLE
from playbook_cli.core.messages import vi as vi_messages
from terminal import PLAYBOOK, Tmux

# Drives a real terminal (tmux, pexpect) or a browser: slow, run with the rest in CI.
pytestmark = pytest.mark.e2e


def events(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def tmux_sessions():
    sessions = []
    yield sessions.append
    for session in sessions:
        session.close()


def test_interactive_walk_with_note_back_ctrl_c_and_resume(tmp_path, tmux_sessions):
    journal = tmp_path / "j.jsonl"
    walk = Tmux("walk", tmp_path, ["walk", SPEC_EXAMPLE, "--journal", journal])
    tmux_sessions(walk)
    walk.wait_for("Customer name ›")
    walk.type("An")
    walk.wait_for("Ticket ID (optional) ›")
    walk.type("cs 12")  # refused by the pattern, asked again
    walk.wait_for("'cs 12' is not a valid 'Ticket ID'")
    walk.type("CS-12")
    screen = walk.wait_for("number or answer · ? keys ›")
    assert "Is the first-reply target already missed?" in screen and "1) Yes" in screen and "SLA" in screen
    shown = len(walk.screen().rstrip())
    walk.type("s")  # the clocks again, freshly computed
    walk.wait_for("first_reply", after=shown)
    walk.type("n")
    walk.wait_for("Note ›")
    walk.type("customer called twice")
    walk.type("2")
    walk.wait_for("#3 Reply now with the answer")
    shown = len(walk.screen().rstrip())
    walk.type("b")
    walk.wait_for("#1 Is the first-reply target", after=shown)
    walk.type("yes")
    screen = walk.wait_for("Dear An, we are sorry for the wait on CS-12.")
    assert "Read the whole ticket history" in screen and "Support lead" in screen
    walk.key("C-c")
    screen = walk.wait_for("EXIT=130")
    squeezed = "".join(screen.split())  # lines wrap between words (and a long path anywhere)
    assert "".join(f"Resume with: playbook walk --resume {journal}".split()) in squeezed

    recorded = [e["event"] for e in events(journal)]
    assert recorded == ["start", "enter", "note", "answer", "enter", "undo", "answer", "enter", "pause"]

    resumed = Tmux("resume", tmp_path, ["walk", "--resume", journal])
    tmux_sessions(resumed)
    resumed.wait_for("Resuming")
    resumed.wait_for("Enter when done")
    resumed.type("")
    screen = resumed.wait_for("EXIT=0")
    assert "Walk finished" in screen and "Outcome: resolved" in screen and "customer called twice" in screen
    final = events(journal)
    assert [e["event"] for e in final][len(recorded) :] == ["resume", "done", "enter", "end"]
    assert (final[-1]["node"], final[-1]["outcome"]) == ("done", "resolved")


def test_arrow_keys_edit_an_answer_before_it_is_journaled(tmp_path, tmux_sessions):
    journal = tmp_path / "j.jsonl"
    walk = Tmux("edit", tmp_path, ["walk", SPEC_EXAMPLE, "--journal", journal, "--set", "ticket=CS-1"])
    tmux_sessions(walk)
    walk.wait_for("Customer name ›")
    walk.type("abc", enter=False)
    walk.key("Left")
    walk.key("Left")
    walk.type("X")  # then Enter
    walk.wait_for("number or answer")
    walk.key("C-c")
    walk.wait_for("EXIT=130")
    start = events(journal)[0]
    assert start["inputs"]["customer"] == "aXbc"
    assert "\x1b" not in json.dumps(start)


def test_an_idle_walk_is_reminded_and_rung_on_time(tmp_path, tmux_sessions):
    journal = tmp_path / "j.jsonl"
    opened = (datetime.now(UTC) - timedelta(minutes=44, seconds=57)).isoformat()  # the 15-minute reminder is 3 s away
    args = ["walk", SPEC_EXAMPLE, "--journal", journal, "--set", "customer=An", "--set", "ticket=CS-1", "--opened-at", opened]
    walk = Tmux("idle", tmp_path, args)
    tmux_sessions(walk)
    walk.wait_for("number or answer")
    assert "Reminder" not in walk.screen() and not [e for e in events(journal) if e["event"] == "sla-due-soon"]
    walk.wait_for("⏰ Reminder: first_reply has 14 min left")  # no key pressed
    [due] = [e for e in events(journal) if e["event"] == "sla-due-soon"]
    assert due["clock"] == "first_reply"
    assert walk.bell_rang()
    walk.key("C-c")
    walk.wait_for("EXIT=130")


ENGLISH = ["Journal", "Step", "Owner", "left", "Reminder", "Paused", "Resuming", "required", "optional",
           "BREACHED", "press Enter", "keys", "Time budget", "Checklist", "reply to the customer", " min", "Notes"]  # fmt: skip


def test_a_vietnamese_walk_in_80_columns_shows_no_english_and_cuts_no_word(tmp_path, tmux_sessions):
    journal = tmp_path / "j.jsonl"
    playbook = REPO / "playbooks" / "delayed-response.yaml"
    args = ["walk", playbook, "--journal", journal, "--set", "agent=Lan", "--set", "salutation=chị", "--set", "ticket=CS-201"]
    walk = Tmux("vi", tmp_path, args, width=80, height=200)
    tmux_sessions(walk)
    walk.wait_for("Tên khách hàng (")
    walk.type("Nguyễn Văn An")
    walk.wait_for("Enter khi xong")  # the apology step
    walk.type("")
    walk.wait_for("số hoặc câu trả lời")
    walk.type("tu van")  # typed without accents
    screen = walk.wait_for("#3 Yêu cầu tư vấn này")  # the next step is up
    answer = next(e for e in events(journal) if e["event"] == "answer")
    assert (answer["choice"], answer["answer"]) == (1, "Tư vấn sản phẩm")
    walk.type("?")
    screen = walk.wait_for("Các phím tại dấu nhắc")
    walk.key("C-c")
    screen = walk.wait_for("EXIT=130")
    assert not [word for word in ENGLISH if word in screen], screen
    # Every word on screen is whole: a word cut at the 80th column would leave fragments
    # that are in none of the texts the walk shows.
    vocabulary = set(re.findall(r"\w+", (playbook.read_text(encoding="utf-8") + repr(vi_messages.MESSAGES)).lower()))
    vocabulary |= {"giây", "phút", "giờ", "ngày", "utc", "tu", "van", "nguyễn", "văn", "an", "cs", "exit", "playbook", "walk", "resume"}
    # A file path may break anywhere (it is longer than a line); leave it out of the check.
    unpathed = re.sub("\n?".join(re.escape(char) for char in str(journal)), " ", screen)
    fragments = sorted({w for w in re.findall(r"\w+", unpathed.lower()) if w not in vocabulary and not w.isdigit()})
    assert not fragments, f"words cut or foreign on screen: {fragments}\n{screen}"


UNINTERRUPTED = [
    ("start", None), ("enter", "how-late"), ("answer", "how-late"), ("enter", "apologise"),
    ("done", "apologise"), ("enter", "done"), ("end", "done"),
]  # fmt: skip


@pytest.mark.parametrize("seed", range(50))
def test_a_walk_killed_at_a_random_moment_resumes_to_the_same_walk(tmp_path, seed):
    rng = random.Random(seed)
    journal = tmp_path / "j.jsonl"
    args = ["walk", str(SPEC_EXAMPLE), "--set", "customer=An", "--set", "ticket=CS-1", "--journal", str(journal)]
    child = pexpect.spawn(PLAYBOOK[0], PLAYBOOK[1:] + args, encoding="utf-8", timeout=15)
    child.expect("number or answer")
    for prompt, reply in [("Enter when done", "1"), ("Walk finished", "")][: rng.randint(0, 2)]:
        child.sendline(reply)
        if rng.random() < 0.5:  # sometimes kill while the step is being written, not after it showed
            child.expect(prompt)
    time.sleep(rng.uniform(0, 0.3))
    child.kill(signal.SIGKILL)
    child.close(force=True)

    before = journal.read_bytes()
    complete = [line for line in before.split(b"\n") if line.endswith(b"}")]
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers: ['Yes']\n", encoding="utf-8")
    output, status = pexpect.run(
        " ".join([*PLAYBOOK, "walk", "--resume", str(journal), "--answers", str(answers)]),
        encoding="utf-8",
        withexitstatus=True,
        timeout=30,
    )
    assert status == 0, output
    assert "Traceback" not in output
    # Every event written before the kill is still there, in order; the walk is the
    # uninterrupted one, with no event doubled.
    assert journal.read_bytes().split(b"\n")[: len(complete)] == complete
    walked = [(e["event"], e.get("node")) for e in events(journal) if e["event"] not in ("pause", "resume", "sla-due-soon", "sla-breach")]
    assert walked == UNINTERRUPTED


def test_resume_of_a_missing_journal_is_a_clear_error(tmp_path):
    output, status = pexpect.run(
        " ".join([*PLAYBOOK, "walk", "--resume", str(tmp_path / "nope.jsonl")]), encoding="utf-8", withexitstatus=True
    )
    words = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", output).split())  # colours off; lines wrap between words
    assert status == 2 and "cannot read the journal" in words and "Traceback" not in output
