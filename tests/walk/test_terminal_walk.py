"""The walk in a real terminal, answered as a person would: tmux for the interactive
session with Ctrl-C and resume; a pty (pexpect) to kill -9 the walk at random moments."""

import json
import random
import signal
import time

import pexpect
import pytest

from conftest import SPEC_EXAMPLE
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
    walk.wait_for("'cs 12' is not a valid ticket")
    walk.type("CS-12")
    screen = walk.wait_for("number or answer · b back · n note · s clocks · q pause ›")
    assert "Is the first-reply target already missed?" in screen and "1) Yes" in screen and "SLA" in screen
    shown = len(walk.screen().rstrip())
    walk.type("s")  # the clocks again, freshly computed
    walk.wait_for("first_reply", after=shown)
    walk.type("n")
    walk.wait_for("Note ›")
    walk.type("customer called twice")
    walk.type("2")
    walk.wait_for("Step 2 · reply-now")
    shown = len(walk.screen().rstrip())
    walk.type("b")
    walk.wait_for("Step 1 · how-late", after=shown)
    walk.type("yes")
    screen = walk.wait_for("Dear An, we are sorry for the wait on CS-12.")
    assert "Read the whole ticket history" in screen and "Support lead" in screen
    walk.key("C-c")
    screen = walk.wait_for("EXIT=130")
    assert f"Resume with: playbook walk --resume {journal}" in screen.replace("\n", "")

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


@pytest.mark.parametrize("seed", range(6))
def test_a_walk_killed_at_a_random_moment_resumes_without_loss(tmp_path, seed):
    rng = random.Random(seed)
    journal = tmp_path / "j.jsonl"
    args = ["walk", str(SPEC_EXAMPLE), "--set", "customer=An", "--set", "ticket=CS-1", "--journal", str(journal)]
    child = pexpect.spawn(PLAYBOOK[0], PLAYBOOK[1:] + args, encoding="utf-8", timeout=15)
    child.expect("number or answer")
    for prompt, reply in [("Enter when done", "1"), ("Walk finished", "")][: rng.randint(0, 2)]:
        child.sendline(reply)
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
    # Every event written before the kill is still there, in order, and the walk ended.
    assert journal.read_bytes().split(b"\n")[: len(complete)] == complete
    assert events(journal)[-1]["event"] == "end"


def test_resume_of_a_missing_journal_is_a_clear_error(tmp_path):
    output, status = pexpect.run(
        " ".join([*PLAYBOOK, "walk", "--resume", str(tmp_path / "nope.jsonl")]), encoding="utf-8", withexitstatus=True
    )
    assert status == 2 and "cannot read the journal" in output and "Traceback" not in output
