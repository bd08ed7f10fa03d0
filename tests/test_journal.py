"""The journal file: append-only JSON Lines that survives a crash mid-write."""

import json

import pytest

from playbook_cli.core.errors import WalkError
from playbook_cli.walk.journal import JournalWriter, read_journal, set_aside_torn_tail

EVENT = {"event": "enter", "at": "2026-01-05T09:00:00.000Z", "node": "a"}


def test_each_event_is_one_json_line(tmp_path):
    path = tmp_path / "j.jsonl"
    with JournalWriter(path) as journal:
        journal.write({**EVENT, "text": "Xin lỗi"})
        journal.write(EVENT)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event"] for line in lines] == ["enter", "enter"]
    assert "Xin lỗi" in lines[0]


def test_torn_last_line_is_ignored_with_a_warning_and_set_aside(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text(json.dumps(EVENT) + "\n" + '{"event": "ente', encoding="utf-8")
    events, warnings = read_journal(path)
    assert events == [EVENT] and "torn last line" in warnings[0] and ":2:" in warnings[0]
    aside = set_aside_torn_tail(path)
    assert aside.read_text(encoding="utf-8") == '{"event": "ente\n'
    assert path.read_text(encoding="utf-8") == json.dumps(EVENT) + "\n"


def test_a_whole_event_missing_only_its_newline_is_kept(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text(json.dumps(EVENT), encoding="utf-8")
    assert set_aside_torn_tail(path) is None
    assert read_journal(path)[0] == [EVENT] and path.read_text().endswith("\n")


def test_a_damaged_line_in_the_middle_is_an_error(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text(json.dumps(EVENT) + "\nnot json\n" + json.dumps(EVENT) + "\n", encoding="utf-8")
    with pytest.raises(WalkError, match=":2: this line is not a journal event"):
        read_journal(path)
