"""The walk engine on its own: pure functions from events to state, no I/O."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from conftest import SPEC_EXAMPLE
from playbook_cli.core.errors import WalkError
from playbook_cli.lint.runner import load_playbook
from playbook_cli.walk import actions
from playbook_cli.walk.events import encode
from playbook_cli.walk.sla import clock_statuses
from playbook_cli.walk.state import replay, replay_onto

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(SPEC_EXAMPLE)


def started(playbook, opened_at=T0, lang="en"):
    events = actions.begin(playbook, file="x.yaml", inputs={"customer": "An"}, lang=lang, opened_at=opened_at, at=T0)
    return events, replay(playbook, events)


def advance(playbook, events, state, new_events):
    return events + new_events, replay_onto(playbook, state, new_events)


def test_begin_enters_the_start_node(playbook):
    events, state = started(playbook)
    assert [encode(e)["event"] for e in events] == ["start", "enter"]
    assert state.current.node == "how-late" and state.inputs == {"customer": "An"}


@pytest.mark.parametrize("given", [1, "1", " yes ", "YES", "Yes"])
def test_answers_by_number_or_text(playbook, given):
    _, state = started(playbook)
    assert encode(actions.choose(playbook, state, given, T0)[0])["choice"] == 1


def test_answer_in_the_walk_language_or_the_default(playbook):
    _, state = started(playbook, lang="vi")
    assert encode(actions.choose(playbook, state, "chưa", T0)[1])["node"] == "reply-now"
    assert encode(actions.choose(playbook, state, "No", T0)[1])["node"] == "reply-now"


@pytest.mark.parametrize("given", [0, 3, "maybe", ""])
def test_an_answer_matching_no_choice_names_what_is_accepted(playbook, given):
    _, state = started(playbook)
    with pytest.raises(WalkError, match=r"1 to 2 .*1\. Yes, 2\. No"):
        actions.choose(playbook, state, given, T0)


def test_full_walk_to_an_end(playbook):
    events, state = started(playbook)
    events, state = advance(playbook, events, state, actions.choose(playbook, state, "Yes", T0 + timedelta(minutes=2)))
    assert state.current.node == "apologise"
    events, state = advance(playbook, events, state, actions.complete(playbook, state, T0 + timedelta(minutes=10)))
    assert state.ended and state.outcome == "resolved"
    assert [step.node for step in state.path] == ["how-late", "apologise", "done"]
    assert encode(events[-1]) == {"event": "end", "at": "2026-01-05T09:10:00.000Z", "node": "done", "outcome": "resolved"}
    assert replay(playbook, events) == state


def test_undo_takes_back_the_last_step_and_its_fulfilment(playbook):
    events, state = started(playbook)
    events, state = advance(playbook, events, state, actions.choose(playbook, state, 2, T0))
    events, state = advance(playbook, events, state, actions.undo(state, T0))
    assert state.current.node == "how-late" and state.current.choice is None
    assert [step.node for step in state.undone] == ["reply-now"]
    with pytest.raises(WalkError, match="first step"):
        actions.undo(state, T0)


def test_notes_and_pauses_do_not_move_the_walk(playbook):
    events, state = started(playbook)
    events, after = advance(playbook, events, state, actions.note(state, "called twice", T0) + actions.pause(state, T0))
    assert after.path == state.path and after.notes[0].text == "called twice"


def test_sla_clock_states_and_breach_events(playbook):
    events, state = started(playbook)
    statuses = {s.name: s.state for s in clock_statuses(playbook, state, T0 + timedelta(minutes=10))}
    assert statuses == {"first_reply": "running", "resolution": "not-applicable"}  # nothing stops it
    due = {s.name: s.state for s in clock_statuses(playbook, state, T0 + timedelta(minutes=46))}
    assert due["first_reply"] == "due-soon"  # last 15 minutes of 1h
    late = T0 + timedelta(minutes=61)
    breach = actions.clock_events(playbook, state, late)
    assert [(encode(e)["event"], encode(e)["clock"]) for e in breach] == [("sla-breach", "first_reply")]
    events, state = advance(playbook, events, state, breach)
    assert actions.clock_events(playbook, state, late) == []  # journaled once


def test_a_clock_entering_its_last_stretch_gives_one_reminder(playbook):
    events, state = started(playbook)
    soon = T0 + timedelta(minutes=46)
    [reminder] = actions.clock_events(playbook, state, soon)
    written = encode(reminder)
    assert (written["event"], written["clock"], written["left"]) == ("sla-due-soon", "first_reply", "14m")
    assert written["stops_at"] == ["apologise", "reply-now"]
    events, state = advance(playbook, events, state, [reminder])
    assert actions.clock_events(playbook, state, soon + timedelta(minutes=5)) == []


def test_completing_a_fulfilling_action_stops_the_clock(playbook):
    events, state = started(playbook)
    events, state = advance(playbook, events, state, actions.choose(playbook, state, 2, T0))
    events, state = advance(playbook, events, state, actions.complete(playbook, state, T0 + timedelta(minutes=20)))
    [first] = [s for s in clock_statuses(playbook, state, T0 + timedelta(hours=5)) if s.name == "first_reply"]
    assert (first.state, first.stopped_by, first.remaining) == ("met", "reply-now", timedelta(minutes=40))


def test_replay_refuses_a_path_the_playbook_no_longer_has(playbook):
    events, state = started(playbook)
    events += actions.choose(playbook, state, 1, T0)
    tampered = [*events[:-1], replace(events[-1], node="reply-now")]
    with pytest.raises(WalkError, match=r"no longer exists.*'how-late' now leads to 'apologise'"):
        replay(playbook, tampered)
    gone = [*events[:-1], replace(events[-1], node="vanished")]
    with pytest.raises(WalkError, match="node 'vanished' is gone"):
        replay(playbook, gone)


def test_a_clock_no_step_ahead_can_stop_does_not_apply(playbook):
    # The spec example's "resolution" clock is fulfilled by no node at all.
    _, state = started(playbook)
    late = T0 + timedelta(hours=5)
    resolution = {s.name: s for s in clock_statuses(playbook, state, late)}["resolution"]
    assert resolution.state == "not-applicable"
    assert [encode(e)["clock"] for e in actions.clock_events(playbook, state, late)] == ["first_reply"]


def test_a_journaled_breach_stays_a_breach_when_the_clock_stops_applying(playbook):
    events, state = started(playbook)
    late = T0 + timedelta(hours=2)
    events, state = advance(playbook, events, state, actions.clock_events(playbook, state, late))
    events, state = advance(playbook, events, state, actions.choose(playbook, state, 2, late))
    events, state = advance(playbook, events, state, actions.complete(playbook, state, late))
    first = {s.name: s for s in clock_statuses(playbook, state, late)}["first_reply"]
    assert first.state == "met-late"


def test_step_time_leaves_out_pauses_but_clocks_do_not(playbook):
    events, state = started(playbook)
    later = T0 + timedelta(hours=10)
    events, state = advance(playbook, events, state, actions.pause(state, T0 + timedelta(minutes=2)))
    events, state = advance(playbook, events, state, actions.resume(playbook, state, later, False))
    events, state = advance(playbook, events, state, actions.choose(playbook, state, 2, later + timedelta(minutes=3)))
    first = state.path[0]
    assert state.active_time(first.entered_at, first.left_at) == timedelta(minutes=5)
    [clock] = [s for s in clock_statuses(playbook, state, later) if s.name == "first_reply"]
    assert clock.state == "breached"  # the customer waited through the pause


def test_a_resume_after_a_crash_counts_the_silence_as_a_pause(playbook):
    events, state = started(playbook)
    crash_gap = T0 + timedelta(hours=3)
    events, state = advance(playbook, events, state, actions.resume(playbook, state, crash_gap, False))
    events, state = advance(playbook, events, state, actions.choose(playbook, state, 1, crash_gap + timedelta(minutes=1)))
    first = state.path[0]
    assert state.active_time(first.entered_at, first.left_at) == timedelta(minutes=1)
