"""The interactive walk session, driven through an injected Environment: no terminal, no waiting.

Keys go in through a fake terminal, the screen comes out as text, and the test moves
the clock; each test runs in milliseconds. The same session code runs under tmux in
test_terminal_walk.py.
"""

import json

from conftest import SPEC_EXAMPLE
from fakes import Advance, FakeClock, Interrupt, fake_environment
from playbook_cli.cli.app import app


def run(cli, env, *args):
    return cli.runner.invoke(app, [str(a) for a in args], obj=env, catch_exceptions=False)


def events(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_walk_typed_key_by_key_reaches_its_end(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    env = fake_environment(["An", "CS-12", "2", ""])
    result = run(cli, env, "walk", SPEC_EXAMPLE, "--journal", journal)
    assert result.exit_code == 0, env.stderr.getvalue()
    screen = env.terminal.screen
    assert "Customer name › An" in screen and "Ticket ID (optional) › CS-12" in screen
    assert "Step 2" in screen and "#3 Reply now with the answer" in screen
    assert "Walk finished" in env.stdout.getvalue() and "Outcome: resolved" in env.stdout.getvalue()
    assert [e["event"] for e in events(journal)] == ["start", "enter", "answer", "enter", "done", "enter", "end"]
    assert events(journal)[0]["inputs"] == {"customer": "An", "ticket": "CS-12"}


def test_a_value_refused_by_the_pattern_is_asked_again(cli, tmp_path):
    env = fake_environment(["An", "cs 12", "CS-12", "2", ""])
    result = run(cli, env, "walk", SPEC_EXAMPLE, "--journal", tmp_path / "j.jsonl")
    assert result.exit_code == 0
    assert "! 'cs 12' is not a valid 'Ticket ID': it must match ^[A-Z]+-[0-9]+$" in env.terminal.screen
    assert env.terminal.prompts.count("Ticket ID (optional)") == 2


def test_time_passing_brings_the_reminder_and_then_the_breach(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    clock = FakeClock()
    env = fake_environment(["An", "", Advance(46), "s", Advance(15), "s", "1", ""], clock)
    result = run(cli, env, "walk", SPEC_EXAMPLE, "--journal", journal, "--opened-at", clock.now.isoformat())
    assert result.exit_code == 0
    assert (
        "⏰ Reminder: first_reply has 14 min left; it stops when #2 Apologise and give a firm time, #3 Reply now with the answer is done"
        in " ".join(env.terminal.screen.split())  # lines wrap between words at the terminal's width
    )
    assert env.terminal.bells == 2  # the reminder, then the breach: each rang once
    kinds = [(e["event"], e.get("clock")) for e in events(journal)]
    assert ("sla-due-soon", "first_reply") in kinds and ("sla-breach", "first_reply") in kinds
    assert kinds.index(("sla-due-soon", "first_reply")) < kinds.index(("sla-breach", "first_reply"))
    assert "BREACHED" in env.terminal.screen


def test_back_and_note_are_journaled(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    env = fake_environment(["An", "", "n", "called twice", "2", "b", "1", ""])
    assert run(cli, env, "walk", SPEC_EXAMPLE, "--journal", journal).exit_code == 0
    recorded = events(journal)
    assert {"node": "how-late", "text": "called twice"}.items() <= next(e for e in recorded if e["event"] == "note").items()
    assert next(e for e in recorded if e["event"] == "undo")["to"] == "how-late"
    assert recorded[-1]["node"] == "done" and "#2 Apologise and give a firm time" in env.terminal.screen


def test_ctrl_c_pauses_with_exit_130_and_the_walk_resumes(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    clock = FakeClock()
    env = fake_environment(["An", "", Interrupt()], clock)
    result = run(cli, env, "walk", SPEC_EXAMPLE, "--journal", journal)
    assert result.exit_code == 130
    assert f"Resume with: playbook walk --resume {journal}" in env.stderr.getvalue()
    assert events(journal)[-1]["event"] == "pause"

    env = fake_environment([Advance(10), "2", ""], clock)
    result = run(cli, env, "walk", "--resume", journal)
    assert result.exit_code == 0
    assert f"Resuming {journal} at step 1 (#1)" in env.terminal.screen
    assert [e["event"] for e in events(journal)][-6:] == ["resume", "answer", "enter", "done", "enter", "end"]
