"""Format 1.1 in the walk and the report: business hours, clocks by request type, pauses,
inputs with options/hint/measure/asks, replies per channel.

Walks go through the CLI with an injected Environment (keys in, screen out, a clock the
test moves), so each runs in milliseconds.
"""

import json
from datetime import UTC, datetime

import pytest

from conftest import FIXTURES
from fakes import Advance, FakeClock, fake_environment
from playbook_cli.cli.app import app

PLAYBOOK = FIXTURES / "business-hours.yaml"
FRIDAY_1630 = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)  # 16:30 in Hà Nội (UTC+7)


def run(cli, env, *args):
    return cli.runner.invoke(app, [str(a) for a in args], obj=env, catch_exceptions=False)


def events(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def walk(cli, tmp_path, keys, *args, clock=None):
    clock = clock or FakeClock(FRIDAY_1630)
    env = fake_environment(keys, clock)
    journal = tmp_path / "j.jsonl"
    result = run(cli, env, "walk", PLAYBOOK, "--journal", journal, "--opened-at", FRIDAY_1630.isoformat(), *args)
    return result, env, journal


def report(cli, journal, *args):
    result = cli("report", journal, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_4h_business_hours_clock_opened_friday_1630_is_due_monday_1100(cli, tmp_path):
    keys = ["Lan", "2", "CS-7", "1", Advance(5), "", "", "", "5", ""]
    result, env, journal = walk(cli, tmp_path, keys)
    assert result.exit_code == 0, env.stderr.getvalue()
    assert "Phản hồi khiếu nại" in env.terminal.screen
    assert "hạn 23/11/2026 11:00 (UTC+7)" in env.terminal.screen  # walk: the calendar's local time
    data = json.loads(report(cli, journal, "--format", "json", "--as-of", "2026-11-20T10:00:00Z"))
    clock = next(c for c in data["clocks"] if c["clock"] == "complaint_reply")
    assert clock["due_at"] == "2026-11-23T11:00:00+07:00" and clock["timezone"] == "Asia/Ho_Chi_Minh"
    assert clock["title"] == "Phản hồi khiếu nại" and clock["calendar"] == "office" and clock["state"] == "met"
    assert "hạn 23/11/2026 11:00 (UTC+7)" in report(cli, journal, "--as-of", "2026-11-20T10:00:00Z")
    assert "4 giờ làm việc theo lịch office" in report(cli, journal, "--as-of", "2026-11-20T10:00:00Z")


def test_a_consultation_never_shows_the_complaint_clock_as_breached(cli, tmp_path):
    long_ago = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # the case waited weeks: every target is past
    env = fake_environment(["Lan", "", "", "s", "2", "", "4", ""], FakeClock(FRIDAY_1630))
    journal = tmp_path / "j.jsonl"
    result = run(cli, env, "walk", PLAYBOOK, "--journal", journal, "--opened-at", long_ago.isoformat(), "--lang", "en")
    assert result.exit_code == 0
    complaint_lines = [line for line in env.terminal.screen.splitlines() if "Complaint answered" in line]
    assert complaint_lines and not any("BREACHED" in line for line in complaint_lines)
    assert any("pending" in line for line in complaint_lines)
    assert not [e for e in events(journal) if e["event"] == "sla-breach" and e["clock"] == "complaint_reply"]
    assert [e["clock"] for e in events(journal) if e["event"] == "sla-breach"] == ["first_reply", "consultation_reply"]
    md = report(cli, journal)
    assert "**Complaint answered** (Target 4 h of working time on the office calendar): not applicable" in md
    states = {c["clock"]: c["state"] for c in json.loads(report(cli, journal, "--format", "json"))["clocks"]}
    assert states == {
        "first_reply": "met-late",
        "complaint_reply": "not-applicable",
        "consultation_reply": "met-late",
        "fix": "not-applicable",
    }


def test_time_waiting_on_the_customer_does_not_count_and_is_reported(cli, tmp_path):
    # Monday 09:00 local; the fix clock starts at reply-complaint and pauses at wait-customer for 3h.
    monday = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    keys = ["Lan", "", "CS-7", "1", "", Advance(180), "", "", "5", ""]
    result, _env, journal = walk(cli, tmp_path, keys, clock=FakeClock(monday))
    assert result.exit_code == 0
    data = json.loads(report(cli, journal, "--format", "json"))
    fix = next(c for c in data["clocks"] if c["clock"] == "fix")
    assert fix["started_at"] == "2026-11-23T09:00:00+07:00"
    assert fix["paused_seconds"] == 3 * 3600 and fix["elapsed_seconds"] == 0
    # 1d is 24h of working time (8h a day), counted from Monday 12:00 once the 3h of waiting
    # are left out. Tuesday 24/11 is Vietnam Culture Day, a public holiday the `holidays`
    # package knows, so: Mon 4h, Wed 8h, Thu 8h, Fri 08:00-12:00.
    assert fix["due_at"] == "2026-11-27T12:00:00+07:00"
    assert fix["state"] == "met"


def test_a_clock_that_starts_at_a_node_is_pending_before_it(cli, tmp_path):
    _result, env, _journal = walk(cli, tmp_path, ["Lan", "", "", "s", "2", "", "4", ""], "--lang", "en")
    fix_lines = [line for line in env.terminal.screen.splitlines() if "Fix delivered" in line]
    assert fix_lines and "pending (target 24 h of working time) (applies once the walk reaches #2)" in fix_lines[0]


def test_an_explicit_remind_fires_at_its_own_window(cli, tmp_path):
    # first_reply: 1h with remind 20m -> the reminder comes 40 minutes in, not at 45.
    keys = ["Lan", "", "", Advance(39), "s", Advance(2), "s", "2", "", "4", ""]
    result, env, journal = walk(cli, tmp_path, keys, "--lang", "en")
    assert result.exit_code == 0
    due_soon = [e for e in events(journal) if e["event"] == "sla-due-soon"]
    assert [e["clock"] for e in due_soon] == ["first_reply"] and due_soon[0]["left"] == "19m"
    assert "Reminder: First reply has 19 min left" in env.terminal.screen


def test_options_are_offered_numbered_and_matched_without_accents(cli, tmp_path):
    result, env, journal = walk(cli, tmp_path, ["Lan", "chi", "", "2", "", "4", ""])
    assert result.exit_code == 0
    assert "  1) Quý khách\n  2) anh\n  3) chị" in env.terminal.screen
    assert events(journal)[0]["inputs"]["salutation"] == "chị"


def test_set_takes_an_option_by_number_or_in_another_language(cli, tmp_path):
    result, _env, journal = walk(cli, tmp_path, ["Lan", "", "2", "", "4", ""], "--set", "salutation=Ms")
    assert result.exit_code == 0 and events(journal)[0]["inputs"]["salutation"] == "chị"
    result, _env, journal2 = walk(cli, tmp_path / "b", ["Lan", "", "2", "", "4", ""], "--set", "salutation=2", "--lang", "en")
    assert events(journal2)[0]["inputs"]["salutation"] == "Mr"


def test_a_bad_set_value_stops_before_any_question_and_records_nothing(cli, tmp_path):
    result, env, journal = walk(cli, tmp_path, ["Lan"], "--set", "salutation=sir")
    assert result.exit_code == 2
    assert "'sir' không có trong các lựa chọn của 'Xưng hô với khách hàng'" in env.stderr.getvalue()
    assert env.terminal.prompts == [] and not journal.exists()
    result, env, journal = walk(cli, tmp_path, ["Lan"], "--set", "satisfaction=9")
    assert result.exit_code == 2 and "gõ một số nguyên từ 1 đến 5" in env.stderr.getvalue()


def test_the_hint_is_shown_instead_of_the_pattern(cli, tmp_path):
    result, env, _journal = walk(cli, tmp_path, ["Lan", "", "cs7", "CS-7", "2", "", "4", ""])
    assert result.exit_code == 0
    assert "! 'cs7' không hợp lệ cho 'Mã yêu cầu': dạng CS-123" in env.terminal.screen
    assert "^CS-" not in env.terminal.screen


def test_the_default_follows_the_walk_language(cli, tmp_path):
    _result, env, journal = walk(cli, tmp_path, ["Lan", "", "", "2", "", "4", ""], "--lang", "en")
    assert "Form of address [Customer]" in env.terminal.prompts
    assert events(journal)[0]["inputs"]["salutation"] == "Customer"


def test_an_input_asked_at_a_node_is_asked_there_checked_and_journaled(cli, tmp_path):
    result, env, journal = walk(cli, tmp_path, ["Lan", "", "", "2", "", "7", "4", ""])
    assert result.exit_code == 0
    assert not any(prompt.startswith("Điểm hài lòng") for prompt in env.terminal.prompts[:3])  # not at the start
    assert "! '7' không phải điểm CSAT; gõ một số nguyên từ 1 đến 5" in env.terminal.screen
    [given] = [e for e in events(journal) if e["event"] == "input"]
    assert (given["node"], given["name"], given["value"]) == ("follow-up", "satisfaction", "4")
    assert "Cảm ơn Quý khách đã chấm 4 điểm." in env.terminal.screen
    assert json.loads(report(cli, journal, "--format", "json"))["inputs"]["satisfaction"] == "4"


def test_the_channel_chooses_the_reply_and_names_the_others(cli, tmp_path):
    keys = ["Lan", "chị", "CS-7", "1", "", "", "", "5", ""]
    result, env, journal = walk(cli, tmp_path, keys, "--channel", "chat")
    assert result.exit_code == 0
    assert "Dạ, em chào chị Lan ạ. Bên em đã nhận khiếu nại CS-7 ạ." in env.terminal.screen
    assert "Kính gửi" not in env.terminal.screen and "có bản cho kênh: email" in env.terminal.screen
    assert events(journal)[0]["channel"] == "chat"
    assert "Bên em đã nhận khiếu nại CS-7" in report(cli, journal)
    assert json.loads(report(cli, journal, "--format", "json"))["walk"]["channel"] == "chat"


def test_without_a_channel_each_node_shows_its_first(cli, tmp_path):
    _result, env, journal = walk(cli, tmp_path, ["Lan", "chị", "CS-7", "1", "", "", "", "5", ""])
    assert "Kính gửi chị Lan, chúng tôi đã nhận khiếu nại CS-7." in env.terminal.screen
    assert events(journal)[0]["channel"] is None


def test_an_unknown_channel_is_a_usage_error_naming_the_channels(cli, tmp_path):
    result, env, journal = walk(cli, tmp_path, [], "--channel", "zalo")
    assert result.exit_code == 2
    assert "--channel zalo" in env.stderr.getvalue() and "email, chat" in env.stderr.getvalue()
    assert not journal.exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_runbook_shows_calendars_titles_conditions_and_every_channel(cli, lang):
    md = cli("render", PLAYBOOK, "--lang", lang).stdout
    if lang == "vi":
        assert (
            "## Giờ làm việc" in md
            and "| `office` | Asia/Ho\\_Chi\\_Minh | Thứ 2–Thứ 6: 08:00–12:00, 13:30–17:30; Thứ 7–Chủ nhật: nghỉ | ngày lễ của VN; Ngày làm bù: 05/12/2026 |"
            in md
        )
        assert "| Phản hồi khiếu nại | 4 giờ làm việc theo lịch office |" in md and "áp dụng khi đến bước [#2 Trả lời khiếu nại]" in md
        assert "**Mẫu phản hồi khách hàng · kênh email**" in md and "**Mẫu phản hồi khách hàng · kênh chat**" in md
        assert "ví dụ dạng CS-123" in md and "lựa chọn: Quý khách, anh, chị" in md
    else:
        assert "| Complaint answered | 4 h of working time on the office calendar |" in md and "counts from [#2 Answer the complaint]" in md
        assert "Mon–Fri: 08:00–12:00, 13:30–17:30" in md
    html = cli("render", PLAYBOOK, "--lang", lang, "--format", "html").stdout
    assert '<section class="calendars">' in html and html.count('<pre class="reply">') == 3


def test_a_consultation_through_the_bundled_delayed_response_breaches_no_complaint_clock(cli, tmp_path):
    from conftest import REPO

    journal = tmp_path / "j.jsonl"
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        'inputs: {customer: An, ticket: CS-201, satisfaction: "5"}\n'
        'answers: ["Tư vấn sản phẩm", "Chưa được trả lời, người phụ trách đang làm việc", "Hài lòng"]\n',
        encoding="utf-8",
    )
    walked = cli(
        "walk", REPO / "playbooks" / "delayed-response.yaml", "--answers", answers, "--journal", journal,
        "--opened-at", "2026-11-02T02:00:00Z",  # weeks ago: every target has passed
    )  # fmt: skip
    assert walked.exit_code == 0, walked.output
    complaint = [line for line in walked.stdout.splitlines() if "khiếu nại đơn hàng" in line.lower() and "Phản hồi" in line]
    assert complaint and not any("QUÁ HẠN" in line for line in complaint)
    breached = [e["clock"] for e in events(journal) if e["event"] == "sla-breach"]
    assert "consultation_reply" in breached and "complaint_reply" not in breached
    md = report(cli, journal)
    assert "**Phản hồi khiếu nại đơn hàng** (Mục tiêu 4 giờ làm việc theo lịch office): không áp dụng" in md
    assert "**Phản hồi yêu cầu tư vấn sản phẩm** (Mục tiêu 1h (giờ làm việc, lịch office)): QUÁ HẠN" not in md
    states = {c["clock"]: c["state"] for c in json.loads(report(cli, journal, "--format", "json"))["clocks"]}
    assert (states["consultation_reply"], states["technical_reply"], states["complaint_reply"]) == (
        "met-late",
        "not-applicable",
        "not-applicable",
    )
