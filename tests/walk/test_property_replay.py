"""Whatever a person does during a walk, the journal replays to the very same state."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from playbook_cli.core.errors import WalkError
from playbook_cli.lint.runner import load_playbook
from playbook_cli.walk import actions
from playbook_cli.walk.state import replay, replay_onto

PLAYBOOKS = [load_playbook(path) for path in sorted((REPO / "playbooks").glob("*.yaml"))]
T0 = datetime(2026, 1, 1, tzinfo=UTC)
ACTIONS = st.lists(st.tuples(st.sampled_from(["choose", "complete", "undo", "note", "breach"]), st.integers(0, 5)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLAYBOOKS), ACTIONS)
def test_replaying_the_journal_gives_the_live_state(playbook, steps):
    journal = actions.begin(playbook, file=playbook.path, inputs={}, lang="en", opened_at=T0, at=T0)
    state = replay(playbook, journal)
    for minute, (action, number) in enumerate(steps, 1):
        if state.ended:
            break
        now = T0 + timedelta(minutes=30 * minute)
        node = playbook.nodes[state.current.node]
        try:
            if action == "choose":
                events = actions.choose(playbook, state, number + 1, now)
            elif action == "complete":
                events = actions.complete(playbook, state, now)
            elif action == "undo":
                events = actions.undo(state, now)
            elif action == "note":
                events = actions.note(state, f"note {number}", now)
            else:
                events = actions.clock_events(playbook, state, now)
        except WalkError:
            continue  # refused actions (a number with no choice, undo at the start) change nothing
        journal += events
        state = replay_onto(playbook, state, events)
        assert node.id in playbook.nodes

    assert replay(playbook, journal) == state
    path = [step.node for step in state.path]
    assert path[0] == playbook.start
    for before, after in zip(state.path, state.path[1:], strict=False):
        source = playbook.nodes[before.node]
        expected = source.choices[before.choice].next if source.kind == "question" else source.next
        assert after.node == expected
    assert all(step.left_at is not None for step in state.path[:-1])
    assert state.ended == (playbook.nodes[path[-1]].kind == "end")
