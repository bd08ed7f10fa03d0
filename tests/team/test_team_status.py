"""`playbook status`: which walks are open, in which order, who holds them, and the JSON contract."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from team_journals import BUSINESS, answer, delayed_walk, done, enter, start, write_journals

from playbook_cli.team.journals import journal_files
from playbook_cli.team.status import collect_open, due_soon, status_data

AT = datetime(2026, 11, 23, 3, 20, tzinfo=UTC)  # a Monday, 10:20 in Hà Nội
H = timedelta(hours=1)


def consultation_answered(opened: datetime, holder: str) -> list[dict]:
    """A business-hours consultation waiting at follow-up: every clock that applies is met, none is urgent."""
    reply = opened + timedelta(minutes=5)
    return [
        start(BUSINESS, opened, lang="vi", operator="lan", customer="Lan"),
        enter("request-type", opened, holder),
        answer("request-type", reply, 2),
        enter("reply-consultation", reply, holder),
        done("reply-consultation", reply + timedelta(minutes=10)),
        enter("follow-up", reply + timedelta(minutes=10), holder),
    ]


def team(tmp_path):
    # first_reply is 1h round the clock, due soon in its last 15 minutes.
    return write_journals(
        tmp_path / "journals",
        running=delayed_walk(AT - timedelta(minutes=20), holder="minh", operator="lan"),  # due 04:00, 40 min left
        due_soon=delayed_walk(AT - timedelta(minutes=50), holder="chi", operator="lan"),  # due 03:30, 10 min left
        breached=delayed_walk(AT - 2 * H, operator="hai"),  # due 02:20, no roster: nobody assigned
        quiet_late=consultation_answered(AT - 3 * H, "khoa"),  # nothing urgent, opened 00:20
        quiet_early=consultation_answered(AT - 4 * H, "minh"),  # nothing urgent, opened 23:20 the day before
        ended=delayed_walk(AT - 2 * H, holder="minh", reply_after=10),
        future=delayed_walk(AT + H, holder="minh"),  # opened after the instant asked
        damaged=[*delayed_walk(AT - H)[:2], {"event": "enter"}, {"event": "done", "at": "2026-11-23T03:00:00Z", "node": "x"}],
    )


def names(items):
    return [item.walk.journal.rsplit("/", 1)[-1].removesuffix(".jsonl") for item in items]


def test_most_urgent_first_then_the_quiet_ones_by_opening(tmp_path):
    items, skipped, _ = collect_open(journal_files([str(team(tmp_path))]), AT)
    # breached (due 02:20), due soon (03:30), running (04:00); then no urgent clock: by opening time.
    assert names(items) == ["breached", "due_soon", "running", "quiet_early", "quiet_late"]
    assert [(item.next_due.name, item.next_due.state.value) if item.next_due else None for item in items] == [
        ("first_reply", "breached"),
        ("first_reply", "due-soon"),
        ("first_reply", "running"),
        None,
        None,
    ]
    assert [entry.journal.rsplit("/", 1)[-1] for entry in skipped] == ["damaged.jsonl"]
    assert skipped[0].reason.startswith("line 3: this line is not a journal event")


def test_the_instant_asked_decides(tmp_path):
    directory = [str(team(tmp_path))]
    # At 04:50 the "future" walk (opened 04:20, due 05:20) is open and running, and the three others
    # have breached: still by due time (02:20, 03:30, 04:00), then the running one.
    later = AT + timedelta(minutes=90)
    items, _, _ = collect_open(journal_files(directory), later)
    assert names(items) == ["breached", "due_soon", "running", "future", "quiet_early", "quiet_late"]
    assert [item.next_due.state.value for item in items[:4]] == ["breached", "breached", "breached", "running"]


def test_mine_is_the_walks_a_person_holds_or_walks(tmp_path):
    directory = [str(team(tmp_path))]
    assert names(collect_open(journal_files(directory), AT, "minh")[0]) == ["running", "quiet_early"]
    assert names(collect_open(journal_files(directory), AT, "hai")[0]) == ["breached"]  # the operator of a walk without a roster
    assert names(collect_open(journal_files(directory), AT, "lan")[0]) == ["due_soon", "running", "quiet_early", "quiet_late"]
    assert collect_open(journal_files(directory), AT, "nobody")[0] == []


def test_json_is_the_contract(tmp_path):
    items, skipped, _ = collect_open(journal_files([str(team(tmp_path))]), AT)
    data = status_data(items, skipped, AT)
    assert list(data) == ["status", "as_of", "walks", "skipped"]
    assert data["status"] == 1 and data["as_of"] == "2026-11-23T03:20:00+00:00"
    first = data["walks"][0]
    assert list(first) == ["journal", "playbook", "opened_at", "node", "assignee", "operator", "next_due", "clocks"]
    assert first["playbook"] == "delayed-response" and first["node"] == "reply-now"
    assert first["assignee"] is None and first["operator"] == "hai"
    assert first["next_due"] == {"clock": "first_reply", "due_at": "2026-11-23T02:20:00+00:00", "state": "breached"}
    assert [list(clock) for clock in first["clocks"]] == [
        ["clock", "title", "target", "target_seconds", "calendar", "timezone", "state", "started_at", "due_at", "stopped_at",
         "elapsed_seconds", "paused_seconds", "assignee"]
    ] * 2  # fmt: skip
    running = data["walks"][2]
    assert (running["assignee"], running["operator"]) == ("minh", "lan")
    assert running["clocks"][0]["assignee"] == "minh"  # running: the current step's assignee
    assert running["clocks"][1]["state"] == "not-applicable" and running["clocks"][1]["assignee"] is None
    quiet = data["walks"][3]
    assert quiet["next_due"] is None
    met = {clock["clock"]: clock for clock in quiet["clocks"]}
    # Stopped clocks name who held the step that stopped them; times in the calendar's zone.
    assert met["consultation_reply"]["state"] == "met" and met["consultation_reply"]["assignee"] == "minh"
    assert met["consultation_reply"]["stopped_at"] == "2026-11-23T06:35:00+07:00"
    assert met["consultation_reply"]["title"] == "Phản hồi tư vấn"  # in the walk's language
    assert data["skipped"] == [{"journal": skipped[0].journal, "reason": skipped[0].reason}]


def test_due_soon_names_the_clocks_inside_their_reminder_window(tmp_path):
    items, _, _ = collect_open(journal_files([str(team(tmp_path))]), AT)
    assert due_soon(items) == {(str(tmp_path / "journals" / "due_soon.jsonl"), "first_reply")}


def test_worker_processes_give_the_same_order(tmp_path):
    files = journal_files([str(team(tmp_path))])
    serial = collect_open(files, AT, workers=1)
    parallel = collect_open(files, AT, workers=2, least=1)
    assert names(parallel[0]) == names(serial[0])
    assert parallel[1] == serial[1]
