"""`playbook stats` figures against a hand computation over tests/fixtures/journals/.

The fixture set, judged at 2026-12-01 12:00 UTC (times below are UTC; "local" is Hà Nội,
UTC+7, the office calendar of business-hours.yaml: Mon-Fri 08:00-12:00, 13:30-17:30):

- dr-1  delayed-response, ticket CS-1, all steps minh (roster), operator lan. Opened 01:00.
        how-late 01:00-01:05 (300 s), reply-now 01:05-01:20 (900 s): first_reply met, 1200 s.
- dr-2  ticket CS-2, opened 00:15, walk starts 01:00. how-late minh 01:00-01:10 (600 s),
        apologise chi 01:10-01:40 (1800 s): first_reply due 01:15, stopped 01:40: met late,
        elapsed 85 min = 5100 s; at 01:15 chi held apologise: chi's breach; chi stopped it.
- dr-3  ticket CS-2 again (the case's second walk), no roster, operator lan. Opened 02:00.
        how-late 02:00-02:02 (120 s), reply-now 02:02-03:30 (5280 s): due 03:00, met late,
        5400 s; steps, stop and breach all count for lan, the operator of a walk without a roster.
- dr-4  no ticket, open, minh. Opened 04:00 (11-23). how-late 04:00-04:05 (300 s), then
        reply-now, not done: first_reply breached, elapsed to as-of = 8 d 8 h = 720000 s;
        at the due time 05:00 minh held reply-now.
- dr-5  ticket CS-5, chi. Opened 07:00. how-late 07:00-07:03 (180 s), reply-now 07:03-07:33
        with the walk paused 07:10-07:30: the step counts 600 s, the clock does not stop:
        met, elapsed 33 min = 1980 s.
- bh-1  business-hours complaint, CS-6, minh, Monday 11-23 opened 02:00 (09:00 local).
        request-type 300 s, reply-complaint 02:05-02:45 2400 s (first_reply met 2700 s,
        complaint_reply met 2700 s), wait-customer 3600 s (pauses fix), send-fix 1800 s
        (fix met: 02:05-04:15 = 130 min less the 60 min wait = 4200 s), follow-up 300 s, CSAT 5.
- bh-2  consultation, CS-7, no roster and no operator (counted for nobody). Opened 09:00
        (16:00 local). request-type 600 s, reply-consultation 09:10-10:40 5400 s: first_reply
        due 10:00, met late, 6000 s; consultation_reply (office, 1h) due 17:00 local = 10:00,
        met late, counted 16:00-17:30 local = 5400 s. follow-up 600 s, CSAT 3.
- bh-3  complaint, CS-8, chi, open. Tuesday 12-01 opened 02:00 (09:00 local). request-type
        600 s, then reply-complaint from 02:10. first_reply due 03:00: breached, 10 h = 36000 s;
        complaint_reply due 14:30 local (07:30): breached, counted 09:00-12:00 + 13:30-17:30
        = 7 h = 25200 s; fix running (1d of office time). Both breaches: chi held reply-complaint.
- damaged, foreign: skipped, not counted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from team_journals import DELAYED, JOURNALS, answer, done, end, enter, start, write_journals

from conftest import REPO
from playbook_cli.team.journals import journal_files
from playbook_cli.team.stats import OpenedBetween, collect_stats, nearest_rank

AS_OF = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
EVERYTHING = OpenedBetween(None, None, frozenset(), UTC)

EXPECTED = {
    "stats": 1,
    "as_of": "2026-12-01T12:00:00+00:00",
    "walks": {"total": 8, "open": 2, "ended": 6, "by_outcome": {"resolved": 6}},
    "clocks": [
        # bh-1 met 2700, bh-2 met late 6000, bh-3 breached 36000: 1 / (1 + 1 + 1) = 0.3333;
        # sorted [2700, 6000, 36000]: median rank ceil(1.5) = 2 -> 6000, p90 rank ceil(2.7) = 3 -> 36000
        {"playbook": "business-hours", "clock": "first_reply", "applied": 3, "met": 1, "met_late": 1, "breached": 1, "running": 0,
         "compliance": 0.3333, "median_elapsed_seconds": 6000, "p90_elapsed_seconds": 36000},
        # bh-1 met 2700, bh-3 breached 25200: 1 / 2; median rank 1 -> 2700, p90 rank ceil(1.8) = 2 -> 25200
        {"playbook": "business-hours", "clock": "complaint_reply", "applied": 2, "met": 1, "met_late": 0, "breached": 1, "running": 0,
         "compliance": 0.5, "median_elapsed_seconds": 2700, "p90_elapsed_seconds": 25200},
        # bh-2 met late 5400: 0 / 1
        {"playbook": "business-hours", "clock": "consultation_reply", "applied": 1, "met": 0, "met_late": 1, "breached": 0,
         "running": 0, "compliance": 0.0, "median_elapsed_seconds": 5400, "p90_elapsed_seconds": 5400},
        # bh-1 met 4200; bh-3 running (counted in `running`, left out of compliance and the times)
        {"playbook": "business-hours", "clock": "fix", "applied": 2, "met": 1, "met_late": 0, "breached": 0, "running": 1,
         "compliance": 1.0, "median_elapsed_seconds": 4200, "p90_elapsed_seconds": 4200},
        # dr-1 met 1200, dr-5 met 1980, dr-2 late 5100, dr-3 late 5400, dr-4 breached 720000: 2 / 5 = 0.4;
        # median rank ceil(2.5) = 3 -> 5100, p90 rank ceil(4.5) = 5 -> 720000. `resolution` never applies: no row.
        {"playbook": "delayed-response", "clock": "first_reply", "applied": 5, "met": 2, "met_late": 2, "breached": 1, "running": 0,
         "compliance": 0.4, "median_elapsed_seconds": 5100, "p90_elapsed_seconds": 720000},
    ],
    "people": [
        # chi: dr-2 apologise 1800, dr-5 how-late 180 + reply-now 600, bh-3 request-type 600 -> [180, 600, 600, 1800],
        # median rank 2 -> 600; stopped dr-2 first_reply and dr-5 first_reply; breaches dr-2 + bh-3 x2 = 3
        {"person": "chi", "steps": 4, "clocks_stopped": 2, "breaches": 3, "median_step_seconds": 600},
        # lan: dr-3 only (no roster, her walk): [120, 5280], median rank 1 -> 120; stopped and breached dr-3 first_reply
        {"person": "lan", "steps": 2, "clocks_stopped": 1, "breaches": 1, "median_step_seconds": 120},
        # minh: dr-1 300 900, dr-2 600, dr-4 300, bh-1 300 2400 3600 1800 300 -> 9 steps,
        # sorted [300, 300, 300, 300, 600, 900, 1800, 2400, 3600], median rank 5 -> 600;
        # stopped dr-1 first_reply + bh-1 first_reply, complaint_reply, fix = 4; breach dr-4 = 1
        {"person": "minh", "steps": 9, "clocks_stopped": 4, "breaches": 1, "median_step_seconds": 600},
    ],
    "steps": [
        # longest p90 first; ties by median, then playbook and node
        {"playbook": "business-hours", "node": "reply-consultation", "count": 1, "median_seconds": 5400, "p90_seconds": 5400},
        # dr-5 600, dr-1 900, dr-3 5280: median rank 2 -> 900, p90 rank 3 -> 5280
        {"playbook": "delayed-response", "node": "reply-now", "count": 3, "median_seconds": 900, "p90_seconds": 5280},
        {"playbook": "business-hours", "node": "wait-customer", "count": 1, "median_seconds": 3600, "p90_seconds": 3600},
        {"playbook": "business-hours", "node": "reply-complaint", "count": 1, "median_seconds": 2400, "p90_seconds": 2400},
        {"playbook": "business-hours", "node": "send-fix", "count": 1, "median_seconds": 1800, "p90_seconds": 1800},
        {"playbook": "delayed-response", "node": "apologise", "count": 1, "median_seconds": 1800, "p90_seconds": 1800},
        # bh-1 300, bh-2 600, bh-3 600
        {"playbook": "business-hours", "node": "request-type", "count": 3, "median_seconds": 600, "p90_seconds": 600},
        # bh-1 300, bh-2 600: median rank 1 -> 300, p90 rank 2 -> 600
        {"playbook": "business-hours", "node": "follow-up", "count": 2, "median_seconds": 300, "p90_seconds": 600},
        # [120, 180, 300, 300, 600]: median rank 3 -> 300, p90 rank 5 -> 600
        {"playbook": "delayed-response", "node": "how-late", "count": 5, "median_seconds": 300, "p90_seconds": 600},
    ],
    # Cases: CS-1, CS-2 (dr-2 + dr-3), CS-5, CS-6, CS-7, CS-8 (open), and dr-4 alone (no ticket) = 7.
    # First contact: one walk, resolved: CS-1, CS-5, CS-6, CS-7 = 4 / 7 = 0.5714.
    # Cases with a resolved walk: CS-1, CS-2, CS-5, CS-6, CS-7 = 5, holding 1 + 2 + 1 + 1 + 1 = 6 walks: 6 / 5 = 1.2.
    "cases": {"key": "ticket", "total": 7, "first_contact_resolution": 0.5714, "walks_per_resolved_case": 1.2},
    # CSAT 5 (bh-1) and 3 (bh-2): mean 4.0, satisfied (4-5) 1 / 2. No NPS or CES input in these playbooks.
    "measures": {
        "csat": {"count": 2, "mean": 4.0, "satisfied_share": 0.5},
        "nps": {"count": 0, "score": None},
        "ces": {"count": 0, "mean": None},
    },
}  # fmt: skip


@pytest.fixture
def fixture_stats(monkeypatch):
    monkeypatch.chdir(REPO)

    def _stats(keep=EVERYTHING, case_key="ticket", zone=UTC, **options):
        return collect_stats(journal_files([str(JOURNALS.relative_to(REPO))]), AS_OF, zone, case_key, keep, **options)

    return _stats


def test_the_fixture_set_adds_up_as_computed_by_hand(fixture_stats):
    builder, _, _ = fixture_stats()
    assert builder.data() == EXPECTED


def test_damaged_and_foreign_journals_are_skipped_with_a_reason_and_the_rest_counted(fixture_stats):
    builder, skipped, _ = fixture_stats()
    reasons = {entry.journal.rsplit("/", 1)[-1]: entry.reason for entry in skipped}
    assert set(reasons) == {"damaged.jsonl", "foreign.jsonl"}
    assert reasons["damaged.jsonl"].startswith("line 2: this line is not a journal event")
    assert reasons["foreign.jsonl"].startswith("line 1: ")
    assert builder.data()["walks"]["total"] == 8


def test_worker_processes_add_up_to_the_same_figures(fixture_stats):
    builder, skipped, _ = fixture_stats(workers=2, least=1)
    assert builder.data() == EXPECTED
    assert [entry.journal.rsplit("/", 1)[-1] for entry in skipped] == ["damaged.jsonl", "foreign.jsonl"]


def test_filters_by_playbook_and_opening_day(fixture_stats):
    only_delayed = fixture_stats(OpenedBetween(None, None, frozenset({"delayed-response"}), UTC))[0].data()
    assert only_delayed["walks"]["total"] == 5
    assert [row["playbook"] for row in only_delayed["clocks"]] == ["delayed-response"]
    december = fixture_stats(OpenedBetween(date(2026, 12, 1), date(2026, 12, 1), frozenset(), UTC))[0].data()
    assert december["walks"] == {"total": 1, "open": 1, "ended": 0, "by_outcome": {}}  # bh-3 only


def test_opening_days_are_read_in_the_zone_given(fixture_stats):
    # Until 22 November in Los Angeles (UTC-8) takes the walks opened before 08:00 UTC on the 23rd:
    # dr-1..dr-5 and bh-1 (bh-2 opened 09:00 UTC = 01:00 on the 23rd there).
    zone = ZoneInfo("America/Los_Angeles")
    data = fixture_stats(OpenedBetween(None, date(2026, 11, 22), frozenset(), zone), zone=zone)[0].data()
    assert data["walks"]["total"] == 6
    assert data["as_of"] == "2026-12-01T04:00:00-08:00"


def test_a_case_key_no_walk_has_makes_every_walk_its_own_case(fixture_stats):
    cases = fixture_stats(case_key="order")[0].data()["cases"]
    # 8 cases; the 6 resolved walks are each resolved at first contact: 6 / 8; one walk per resolved case.
    assert cases == {"key": "order", "total": 8, "first_contact_resolution": 0.75, "walks_per_resolved_case": 1.0}


SCORES = """\
playbook: 1
id: scores
title: Scores
inputs:
  likely: {prompt: How likely to recommend us (0-10)?, measure: nps}
  effort: {prompt: How easy was it (1-7)?, measure: ces}
  happy: {prompt: How happy (1-5)?, measure: csat}
start: ask
nodes:
  ask: {kind: action, text: Ask the scores, asks: [likely, effort, happy], next: done}
  done: {kind: end, text: Done, outcome: resolved}
"""


def test_nps_ces_and_csat_from_inputs_with_a_measure(tmp_path):
    playbook = tmp_path / "scores.yaml"
    playbook.write_text(SCORES, encoding="utf-8")
    opened = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    walks = {}
    # NPS 10, 9, 9, 7, 3: promoters 3 (9-10), detractors 1 (0-6): 100 x (3 - 1) / 5 = 40.0
    # CES 2, 3 (three walks leave it out): mean 2.5. CSAT "abc" is no score and is left out; 4 -> mean 4.0, share 1.0
    for number, (likely, effort, happy) in enumerate(
        [("10", "2", "abc"), ("9", "3", "4"), ("9", None, None), ("7", None, None), ("3", None, None)]
    ):
        inputs = [("likely", likely), ("effort", effort), ("happy", happy)]
        given = [
            {"event": "input", "at": "2026-11-23T01:01:00Z", "node": "ask", "name": name, "value": value}
            for name, value in inputs
            if value is not None
        ]
        walks[f"w{number}"] = [
            start(playbook, opened, customer="x"),
            enter("ask", opened),
            *given,
            done("ask", opened + timedelta(minutes=2)),
            enter("done", opened + timedelta(minutes=2)),
            end("done", opened + timedelta(minutes=2)),
        ]
    directory = write_journals(tmp_path / "journals", **walks)
    builder, skipped, _ = collect_stats(journal_files([str(directory)]), AS_OF, UTC, "ticket", EVERYTHING)
    assert skipped == []
    assert builder.data()["measures"] == {
        "csat": {"count": 1, "mean": 4.0, "satisfied_share": 1.0},
        "nps": {"count": 5, "score": 40.0},
        "ces": {"count": 2, "mean": 2.5},
    }


def test_a_breach_before_the_first_step_counts_for_nobody(tmp_path):
    # Opened 00:00, first step at 02:00: first_reply was due at 01:00, before anyone held the walk.
    opened = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
    later = opened + timedelta(hours=2)
    walk = [start(DELAYED, opened, at=later), enter("how-late", later, "minh"), answer("how-late", later + timedelta(minutes=1), 1)]
    directory = write_journals(tmp_path / "journals", late=walk)
    builder, _, _ = collect_stats(journal_files([str(directory)]), AS_OF, UTC, "ticket", EVERYTHING)
    assert builder.data()["people"] == [
        {"person": "minh", "steps": 1, "clocks_stopped": 0, "breaches": 0, "median_step_seconds": 60},
    ]


@pytest.mark.parametrize(
    "values, percent, expected",
    [
        ([], 50, None),
        ([7], 90, 7),
        ([4, 1, 3, 2], 50, 2),  # an even count: the lower middle
        (list(range(1, 11)), 90, 9),  # rank ceil(0.9 x 10) = 9, exactly
        (list(range(1, 11)), 50, 5),
        (list(range(1, 21)), 90, 18),
        ([5, 1, 9], 90, 9),  # rank ceil(2.7) = 3
    ],
)
def test_nearest_rank(values, percent, expected):
    assert nearest_rank(values, percent) == expected
