"""`playbook report --format json`, checked field by field on a journal written by hand.

The expected values are worked out by hand below from the calendar (Mon-Fri
08:00-12:00 and 13:30-17:30 in Hà Nội, UTC+7, Vietnam's public holidays), so the test
checks the clock model's arithmetic, not just that it runs.
"""

import json

from conftest import FIXTURES

PLAYBOOK = FIXTURES / "business-hours.yaml"


def line(event, at, **fields):
    return json.dumps({"event": event, "at": at, **fields}, ensure_ascii=False)


JOURNAL = [
    line(
        "start", "2026-11-20T09:30:00Z", journal=1, playbook="business-hours", file=str(PLAYBOOK), sha256="",
        lang="vi", inputs={"customer": "Lan", "salutation": "chị", "ticket": "CS-7"},
        opened_at="2026-11-20T09:30:00Z", channel="chat",
    ),  # Friday 16:30 local
    line("enter", "2026-11-20T09:30:00Z", node="request-type"),
    line("answer", "2026-11-20T09:35:00Z", node="request-type", choice=1, answer="Khiếu nại"),
    line("enter", "2026-11-20T09:35:00Z", node="reply-complaint"),
    line("pause", "2026-11-20T09:40:00Z", node="reply-complaint"),
    line("resume", "2026-11-20T09:50:00Z", node="reply-complaint", sha256="", playbook_changed=False),
    line("done", "2026-11-20T10:00:00Z", node="reply-complaint"),  # Friday 17:00 local
    line("enter", "2026-11-20T10:00:00Z", node="wait-customer"),
    line("done", "2026-11-23T02:00:00Z", node="wait-customer"),  # Monday 09:00 local
    line("enter", "2026-11-23T02:00:00Z", node="send-fix"),
    line("done", "2026-11-23T03:00:00Z", node="send-fix"),
    line("enter", "2026-11-23T03:00:00Z", node="follow-up"),
    line("input", "2026-11-23T03:00:00Z", node="follow-up", name="satisfaction", value="5"),
    line("note", "2026-11-23T03:05:00Z", node="follow-up", text="called back"),
    line("done", "2026-11-23T03:10:00Z", node="follow-up"),
    line("enter", "2026-11-23T03:10:00Z", node="done"),
    line("end", "2026-11-23T03:10:00Z", node="done", outcome="resolved"),
]  # fmt: skip


def report_json(cli, tmp_path, lines, *args):
    journal = tmp_path / "j.jsonl"
    journal.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("report", journal, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), journal


def test_the_walk_steps_inputs_and_notes(cli, tmp_path):
    data, journal = report_json(cli, tmp_path, JOURNAL)
    assert data["report"] == 1
    assert data["playbook"] == {"id": "business-hours", "title": "Khiếu nại đơn hàng trong giờ làm việc", "file": str(PLAYBOOK)}
    assert data["walk"] == {
        "journal": str(journal), "lang": "vi", "channel": "chat", "operator": None,
        "opened_at": "2026-11-20T09:30:00+00:00", "ended_at": "2026-11-23T03:10:00+00:00",
        "outcome": "resolved", "handoff": None,
        "total_seconds": 65 * 3600 + 40 * 60 - 600,  # Fri 09:30Z to Mon 03:10Z, less the 10-minute pause
        "paused_seconds": 600,
    }  # fmt: skip
    assert data["inputs"] == {"customer": "Lan", "salutation": "chị", "ticket": "CS-7", "satisfaction": "5"}
    assert [(s["node"], s["seconds"], s["answer"]) for s in data["steps"]] == [
        ("request-type", 300, "Khiếu nại"),
        ("reply-complaint", 900, None),  # 25 minutes less the 10-minute pause
        ("wait-customer", 64 * 3600, None),  # waiting on the customer counts for the step
        ("send-fix", 3600, None),
        ("follow-up", 600, None),
    ]
    assert data["steps"][0] == {
        "node": "request-type", "entered_at": "2026-11-20T09:30:00+00:00", "left_at": "2026-11-20T09:35:00+00:00",
        "seconds": 300, "answer": "Khiếu nại", "assignee": None,
    }  # fmt: skip
    assert data["notes"] == [{"at": "2026-11-23T03:05:00+00:00", "node": "follow-up", "text": "called back"}]


def test_every_clock_object(cli, tmp_path):
    data, _ = report_json(cli, tmp_path, JOURNAL)
    clocks = {clock["clock"]: clock for clock in data["clocks"]}
    assert clocks["first_reply"] == {
        "clock": "first_reply", "title": "Phản hồi đầu tiên", "target": "1h", "target_seconds": 3600,
        "calendar": None, "timezone": None, "state": "met",
        "started_at": "2026-11-20T09:30:00+00:00", "due_at": "2026-11-20T10:30:00+00:00", "stopped_at": "2026-11-20T10:00:00+00:00",
        "elapsed_seconds": 1800, "paused_seconds": 0, "assignee": None,
    }  # fmt: skip
    assert clocks["complaint_reply"] == {
        "clock": "complaint_reply", "title": "Phản hồi khiếu nại", "target": "4h", "target_seconds": 14400,
        "calendar": "office", "timezone": "Asia/Ho_Chi_Minh", "state": "met",
        "started_at": "2026-11-20T16:30:00+07:00",  # when: counts from the opening, once it applies
        "due_at": "2026-11-23T11:00:00+07:00",  # Fri 16:30-17:30 is 1h; Mon 08:00-11:00 the other 3h
        "stopped_at": "2026-11-20T17:00:00+07:00",
        "elapsed_seconds": 1800, "paused_seconds": 0, "assignee": None,
    }  # fmt: skip
    assert clocks["consultation_reply"] == {
        "clock": "consultation_reply", "title": "Phản hồi tư vấn", "target": "1h", "target_seconds": 3600,
        "calendar": "office", "timezone": "Asia/Ho_Chi_Minh", "state": "not-applicable",
        "started_at": None, "due_at": None, "stopped_at": None,
        "elapsed_seconds": 0, "paused_seconds": 0, "assignee": None,
    }  # fmt: skip
    # fix: 1d = 24h of working time from Fri 16:35 (reply-complaint entered), paused at
    # wait-customer from Fri 17:00 to Mon 09:00. Counted: Fri 16:35-17:00 (25m) + Mon
    # 09:00-10:00 (1h) = 1h25m. Due: 25m on Friday, then from Mon 09:00: Mon 7h, Tue 24/11
    # is a public holiday (Vietnam Culture Day), Wed 8h, Thu 8h, and 35m on Fri 27 -> 08:35.
    assert clocks["fix"] == {
        "clock": "fix", "title": "Khắc phục", "target": "1d", "target_seconds": 86400,
        "calendar": "office", "timezone": "Asia/Ho_Chi_Minh", "state": "met",
        "started_at": "2026-11-20T16:35:00+07:00", "due_at": "2026-11-27T08:35:00+07:00",
        "stopped_at": "2026-11-23T10:00:00+07:00",
        "elapsed_seconds": 3600 + 25 * 60, "paused_seconds": 64 * 3600, "assignee": None,
    }  # fmt: skip


def test_as_of_judges_an_open_walk(cli, tmp_path):
    open_walk = JOURNAL[:8]  # stopped at wait-customer on Friday 17:00 local
    data, _ = report_json(cli, tmp_path, open_walk, "--as-of", "2026-11-23T01:30:00Z")  # Mon 08:30 local
    assert data["walk"]["ended_at"] is None and data["walk"]["outcome"] is None
    fix = next(clock for clock in data["clocks"] if clock["clock"] == "fix")
    assert fix["state"] == "running" and fix["stopped_at"] is None
    assert fix["elapsed_seconds"] == 25 * 60  # the clock stands still while the walk waits on the customer
    assert fix["paused_seconds"] == (2 * 24 + 15) * 3600 + 30 * 60  # Fri 10:00Z to Mon 01:30Z, wall time
    # Projected with no further waiting: 23h35m left from Mon 08:30 local: Mon 7h30m, Tue is a
    # holiday, Wed 8h, Thu 8h, and 5m on Friday.
    assert fix["due_at"] == "2026-11-27T08:05:00+07:00"


def test_a_bad_as_of_is_a_usage_error(cli, tmp_path):
    journal = tmp_path / "j.jsonl"
    journal.write_text("\n".join(JOURNAL) + "\n", encoding="utf-8")
    result = cli("report", journal, "--as-of", "monday")
    assert result.exit_code == 2 and "--as-of 'monday' is not an ISO-8601 time" in result.stderr
