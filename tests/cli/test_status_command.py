"""`playbook status` as a person runs it: the table, JSON, --mine, --watch and its bell, bad input."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from conftest import FIXTURES
from playbook_cli.cli.app import app
from playbook_cli.cli.env import Environment

OPENED = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # Monday 10:00 in Hà Nội


def z(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def walk(opened: datetime, holder: str | None, operator: str | None = None) -> str:
    """An open delayed-response walk at reply-now: first_reply (1h) is due an hour after `opened`."""
    start = {
        "event": "start", "at": z(opened), "journal": 1, "playbook": "delayed-response",
        "file": str(FIXTURES / "delayed-response.yaml"), "lang": "en", "inputs": {"customer": "An"}, "opened_at": z(opened),
    }  # fmt: skip
    if operator:
        start["operator"] = operator
    who = {"assignee": holder} if holder else {}
    events = [
        start,
        {"event": "enter", "at": z(opened), "node": "how-late", **who},
        {"event": "answer", "at": z(opened + timedelta(minutes=2)), "node": "how-late", "choice": 2, "answer": "No"},
        {"event": "enter", "at": z(opened + timedelta(minutes=2)), "node": "reply-now", **who},
    ]
    return "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)


def team(tmp_path: Path) -> Path:
    directory = tmp_path / "journals"
    directory.mkdir()
    (directory / "a.jsonl").write_text(walk(OPENED, "minh", "lan"), encoding="utf-8")
    (directory / "b.jsonl").write_text(walk(OPENED - timedelta(minutes=30), "[bold]chi[/bold]"), encoding="utf-8")
    (directory / "c.jsonl").write_text("not json\nat all\n", encoding="utf-8")
    return directory


def run(*args, now=OPENED + timedelta(minutes=40)):
    clock = now if callable(now) else (lambda: now)
    env = Environment(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), stdin_is_terminal=False, now=clock, width=120)
    result = CliRunner().invoke(app, ["status", *map(str, args)], obj=env, catch_exceptions=False)
    return result.exit_code, env.stdout.getvalue(), env.stderr.getvalue()


def test_the_table_most_urgent_first_in_the_language_asked(tmp_path):
    code, out, err = run(team(tmp_path), "--lang", "vi")
    assert code == 0
    assert "Lượt đang mở: 2" in out and "Người xử lý" in out and "Hạn gần nhất" in out
    rows = [line for line in out.splitlines() if "#3 Reply now" in line]
    assert len(rows) == 2
    assert "[bold]chi[/bold]" in rows[0]  # opened first, due first (10:30): shown literally, never as markup
    assert "first_reply: còn 20 phút" in rows[1] and "minh" in rows[1]
    assert "bỏ qua" in err and "c.jsonl" in err and "line 1: this line is not a journal event" in err


def test_json_as_of_and_skipped(tmp_path):
    code, out, _ = run(team(tmp_path), "--format", "json", "--as-of", "2026-11-23T10:50:00+07:00")
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == "2026-11-23T03:50:00+00:00"
    assert [(walk["journal"].rsplit("/", 1)[-1], walk["next_due"]["state"]) for walk in data["walks"]] == [
        ("b.jsonl", "breached"),  # due 03:30
        ("a.jsonl", "due-soon"),  # due 04:00, 10 minutes left
    ]
    assert data["skipped"][0]["journal"].endswith("c.jsonl")


def test_mine_needs_as_and_shows_only_their_walks(tmp_path):
    directory = team(tmp_path)
    assert run(directory, "--mine")[0] == 2
    code, out, _ = run(directory, "--mine", "--as", "lan", "--format", "json")
    assert code == 0 and [walk["operator"] for walk in json.loads(out)["walks"]] == ["lan"]


def test_the_default_directory_and_a_missing_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run()
    assert code == 2 and ".playbook/journal: no such directory of journals" in err
    (tmp_path / ".playbook" / "journal").mkdir(parents=True)
    (tmp_path / ".playbook" / "journal" / "x.jsonl").write_text(walk(OPENED, "minh"), encoding="utf-8")
    code, out, _ = run("--format", "json")
    assert code == 0 and len(json.loads(out)["walks"]) == 1
    (tmp_path / "empty").mkdir()
    code, out, _ = run(tmp_path / "empty")
    assert code == 0 and "No open walks." in out


def test_watch_rings_when_a_clock_comes_due_soon_and_writes_no_journal(tmp_path):
    directory = team(tmp_path)
    before = {path.name: path.read_bytes() for path in directory.iterdir()}
    # Redraws at 10:40 and 10:44 (nothing new), then 10:46: a.jsonl's first_reply enters its last 15 minutes.
    times = iter([OPENED + timedelta(minutes=m) for m in (40, 44, 46)])
    code, out, err = run(directory, "--watch", "--every", "0", "--redraws", "3", now=lambda: next(times))
    assert code == 0
    assert out.count("\a") == 1
    assert "Open walks: 2" in out
    assert err.count("c.jsonl") == 1  # warned once, not at every redraw
    assert {path.name: path.read_bytes() for path in directory.iterdir()} == before


def test_watch_does_not_take_json_or_as_of(tmp_path):
    directory = team(tmp_path)
    assert run(directory, "--watch", "--format", "json")[0] == 2
    assert run(directory, "--watch", "--as-of", "2026-11-23T10:00+07:00")[0] == 2
