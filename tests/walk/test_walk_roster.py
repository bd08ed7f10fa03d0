"""Steps assigned to the person on duty: day shift, night backup, nobody on duty."""

import json
from datetime import UTC, datetime

import pytest

from conftest import FIXTURES
from fakes import FakeClock, Interrupt, fake_environment
from playbook_cli.cli.app import app

ROSTER = FIXTURES / "roster" / "team.yaml"
PLAYBOOK = FIXTURES / "roster" / "technical-issue.yaml"
MONDAY_0900 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 09:00 in Hà Nội
SATURDAY_2200 = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)  # 22:00 in Hà Nội


def events(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def walk(cli, tmp_path, when, *args, keys=("", Interrupt())):
    journal = tmp_path / "journal" / f"walk-{when:%H%M}.jsonl"
    env = fake_environment(list(keys), FakeClock(when))
    result = cli.runner.invoke(
        app, ["walk", str(PLAYBOOK), "--journal", str(journal), "--roster", str(ROSTER), *args], obj=env, catch_exceptions=False
    )
    return result, env, journal


@pytest.mark.parametrize(
    "when, person, shown",
    [
        (MONDAY_0900, "minh", "Người phụ trách: Kỹ thuật — Trần Văn Minh"),
        (SATURDAY_2200, "chi", "Người phụ trách: Kỹ thuật — Lê Thị Chi (người trực thay)"),
    ],
)
def test_a_step_goes_to_the_person_on_duty_or_the_backup(cli, tmp_path, when, person, shown):
    result, env, journal = walk(cli, tmp_path, when, "--as", "lan")
    assert result.exit_code == 130
    assert shown in env.terminal.screen
    recorded = events(journal)
    assert recorded[0]["operator"] == "lan"
    entered = {e["node"]: e.get("assignee") for e in recorded if e["event"] == "enter"}
    assert entered["fix"] == person


def test_nobody_on_duty_says_who_comes_next_and_when(cli, tmp_path, write):
    roster = write(ROSTER.read_text(encoding="utf-8").replace("backup_for: [technical, lead]", "backup_for: [lead]"), "day-only.yaml")
    env = fake_environment(["", Interrupt()], FakeClock(SATURDAY_2200))
    journal = tmp_path / "j.jsonl"
    cli.runner.invoke(app, ["walk", str(PLAYBOOK), "--journal", str(journal), "--roster", str(roster), "--lang", "en"], obj=env)
    assert "Owner: Technical — nobody on duty; next on shift: Trần Văn Minh, 2026-11-30 08:00 (UTC+7)" in env.terminal.screen
    assert "assignee" not in next(e for e in events(journal) if e["event"] == "enter" and e["node"] == "fix")


def test_the_roster_comes_from_the_environment_and_an_unknown_person_names_the_people(cli, tmp_path):
    env = fake_environment([], FakeClock(MONDAY_0900))
    env.environ = {"PLAYBOOK_ROSTER": str(ROSTER)}
    result = cli.runner.invoke(app, ["walk", str(PLAYBOOK), "--journal", str(tmp_path / "j.jsonl"), "--as", "lam"], obj=env)
    assert result.exit_code == 2
    assert "--as lam: không có ai tên này trong danh sách trực" in env.stderr.getvalue() and "lan, minh, chi" in env.stderr.getvalue()


def test_ties_go_to_the_person_with_fewer_open_walks(cli, tmp_path, write):
    roster = write(
        ROSTER.read_text(encoding="utf-8") + "  tuan:\n    name: Phạm Tuấn\n    roles: [technical]\n    shift: day\n",
        "two-technicians.yaml",
    )
    journals = tmp_path / "journal"
    first = journals / "first.jsonl"
    env = fake_environment(["", Interrupt()], FakeClock(MONDAY_0900))
    cli.runner.invoke(app, ["walk", str(PLAYBOOK), "--journal", str(first), "--roster", str(roster)], obj=env)
    assert [e.get("assignee") for e in events(first) if e["event"] == "enter"][-1] == "minh"  # roster order
    second = journals / "second.jsonl"
    env = fake_environment(["", Interrupt()], FakeClock(MONDAY_0900))
    cli.runner.invoke(app, ["walk", str(PLAYBOOK), "--journal", str(second), "--roster", str(roster)], obj=env)
    assert [e.get("assignee") for e in events(second) if e["event"] == "enter"][-1] == "tuan"  # minh holds one open walk
