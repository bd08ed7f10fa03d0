"""`playbook walk` options a lead types under pressure: a playbook by id, the open walk, times in words."""

import json
import os
import time
from datetime import UTC, datetime, timedelta

import pytest

from conftest import REPO, SPEC_EXAMPLE
from fakes import FakeClock, fake_environment
from playbook_cli.cli.app import app
from playbook_cli.cli.common import parse_opened_at
from playbook_cli.core.errors import UsageError

NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 09:00 in Hà Nội


def events(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def hanoi(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.mark.parametrize(
    "given, expected",
    [
        ("2026-11-20T08:15:00+07:00", datetime(2026, 11, 20, 1, 15, tzinfo=UTC)),
        ("08:15", datetime(2026, 11, 20, 1, 15, tzinfo=UTC)),  # today, local time
        ("yesterday 17:30", datetime(2026, 11, 19, 10, 30, tzinfo=UTC)),
        ("30m ago", NOW - timedelta(minutes=30)),
        ("1h30m ago", NOW - timedelta(minutes=90)),
        ("2d ago", NOW - timedelta(days=2)),
    ],
)
def test_opened_at_in_the_forms_a_lead_types(hanoi, given, expected):
    assert parse_opened_at(given, NOW, "en") == expected


@pytest.mark.parametrize("given", ["10:00", "2026-11-21T08:00+07:00"])
def test_opened_at_in_the_future_is_refused_and_says_so(hanoi, given):
    with pytest.raises(UsageError, match="is in the future"):
        parse_opened_at(given, NOW, "en")
    with pytest.raises(UsageError, match="thời điểm này ở tương lai"):
        parse_opened_at(given, NOW, "vi")


def test_opened_at_that_is_no_time_names_the_forms(hanoi):
    with pytest.raises(UsageError, match="HH:MM \\(today\\), 'yesterday 17:30' or '30m ago'"):
        parse_opened_at("soon", NOW, "en")


def test_a_playbook_is_found_by_its_id_in_the_library(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    journal = tmp_path / "j.jsonl"
    result = cli("walk", "delayed-response", "--journal", journal, "--set", "customer=An", "--set", "ticket=CS-1", input="")
    assert result.exit_code == 2  # out of answers, but it found and began the playbook
    assert events(journal)[0]["file"] == "playbooks/delayed-response.yaml"
    unknown = cli("walk", "no-such-playbook")
    assert unknown.exit_code == 2 and "no playbook with that id in playbooks/" in unknown.stderr


def walk_left_open(cli, directory, name, when):
    journal = directory / ".playbook" / "journal" / f"{name}.jsonl"
    env = fake_environment([""], FakeClock(when))
    result = cli.runner.invoke(
        app, ["walk", str(SPEC_EXAMPLE), "--journal", str(journal), "--set", "customer=An"], obj=env, catch_exceptions=False
    )
    assert result.exit_code == 130
    return journal


def test_resume_without_a_journal_takes_the_most_recent_open_walk(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    older = walk_left_open(cli, tmp_path, "older", NOW - timedelta(days=1))
    newer = walk_left_open(cli, tmp_path, "newer", NOW)
    os.utime(older, (time.time() - 3600, time.time() - 3600))
    env = fake_environment(["2", ""], FakeClock(NOW + timedelta(minutes=5)))
    result = cli.runner.invoke(app, ["walk", "--resume"], obj=env, catch_exceptions=False)
    assert result.exit_code == 0
    assert events(newer)[-1]["event"] == "end" and events(older)[-1]["event"] == "pause"


def test_several_walks_open_today_are_listed_to_choose_from(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = walk_left_open(cli, tmp_path, "first", datetime.now(UTC) - timedelta(minutes=20))
    walk_left_open(cli, tmp_path, "second", datetime.now(UTC) - timedelta(minutes=10))
    os.utime(first, (time.time() - 600, time.time() - 600))
    scripted = cli("walk", "--resume", input="")
    assert scripted.exit_code == 2 and "several walks are open today" in scripted.stderr and "second.jsonl" in scripted.stderr
    env = fake_environment(["2", "2", ""], FakeClock(datetime.now(UTC)))  # pick the second listed: the older one
    result = cli.runner.invoke(app, ["walk", "--resume"], obj=env, catch_exceptions=False)
    assert result.exit_code == 0 and "1) delayed-response" in env.terminal.screen
    assert events(first)[-1]["event"] == "end"


def test_no_open_walk_is_a_clear_usage_error(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("walk", "--resume")
    assert result.exit_code == 2 and "no open walk in .playbook/journal" in result.stderr
