"""The journal file: append-only JSON Lines that survives a crash mid-write."""

import json
import re

import pytest

from playbook_cli.core.errors import WalkError
from playbook_cli.walk.events import Noted, decode, encode
from playbook_cli.walk.journal import JournalWriter, read_journal, set_aside_torn_tail

EVENT = {"event": "enter", "at": "2026-01-05T09:00:00.000Z", "node": "a"}
ENTERED = decode(EVENT)


def test_each_event_is_one_json_line(tmp_path):
    path = tmp_path / "j.jsonl"
    with JournalWriter(path) as journal:
        journal.write(Noted(ENTERED.at, "a", "Xin lỗi"))
        journal.write(ENTERED)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines][1] == EVENT
    assert [json.loads(line)["event"] for line in lines] == ["note", "enter"]
    assert "Xin lỗi" in lines[0]


def test_torn_last_line_is_ignored_with_a_warning_and_set_aside(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text(json.dumps(EVENT) + "\n" + '{"event": "ente', encoding="utf-8")
    events, warnings = read_journal(path)
    assert events == [ENTERED] and "torn last line" in warnings[0] and ":2:" in warnings[0]
    aside = set_aside_torn_tail(path)
    assert aside.read_text(encoding="utf-8") == '{"event": "ente\n'
    assert path.read_text(encoding="utf-8") == json.dumps(EVENT) + "\n"


def test_a_whole_event_missing_only_its_newline_is_kept(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text(json.dumps(EVENT), encoding="utf-8")
    assert set_aside_torn_tail(path) is None
    assert read_journal(path)[0] == [ENTERED] and path.read_text().endswith("\n")


def test_a_damaged_line_in_the_middle_is_an_error(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text(json.dumps(EVENT) + "\nnot json\n" + json.dumps(EVENT) + "\n", encoding="utf-8")
    with pytest.raises(WalkError, match=":2: this line is not a journal event"):
        read_journal(path)


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"event": "dance", "at": "2026-01-05T09:00:00Z"}', "unknown journal event 'dance'"),
        ('{"event": "enter", "at": "2026-01-05T09:00:00Z"}', "this enter event has no 'node'"),
        ('{"event": "answer", "at": "2026-01-05T09:00:00Z", "node": "q", "choice": "1", "answer": "Yes"}', "'choice' is str, not int"),
        ('{"event": "enter", "at": "yesterday", "node": "a"}', "'at' is not an ISO-8601 time"),
    ],
)
def test_a_line_that_is_not_a_readable_event_names_what_is_wrong(tmp_path, line, problem):
    path = tmp_path / "j.jsonl"
    path.write_text(line + "\n" + json.dumps(EVENT) + "\n", encoding="utf-8")
    with pytest.raises(WalkError, match=f":1: .*{re.escape(problem)}"):
        read_journal(path)


def test_events_are_written_back_exactly_as_read():
    start = {
        "event": "start",
        "at": "2026-01-05T09:00:00.000Z",
        "journal": 1,
        "playbook": "p",
        "file": "p.yaml",
        "path": "/x/p.yaml",
        "sha256": "ab",
        "lang": "vi",
        "inputs": {"customer": "An"},
        "opened_at": "2026-01-05T08:00:00.000Z",
        "channel": "chat",
    }
    end = {"event": "end", "at": "2026-01-05T09:00:00.000Z", "node": "done", "outcome": "resolved"}
    assert [encode(decode(e)) for e in (start, end, EVENT)] == [start, end, EVENT]


def test_a_journal_written_before_channels_reads_as_no_channel():
    start = {
        "event": "start", "at": "2026-01-05T09:00:00.000Z", "journal": 1, "playbook": "p", "file": "p.yaml",
        "lang": None, "inputs": {}, "opened_at": "2026-01-05T08:00:00.000Z",
    }  # fmt: skip
    assert decode(start).channel is None
