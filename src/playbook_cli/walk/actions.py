"""What a person can do during a walk, as pure functions: state + input → events.

Nothing here writes or applies anything: the session journals the events these return,
then folds them into the state (`walk.state.apply`). Every function takes the time it
should record, so tests and replays control time completely.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from playbook_cli.core.durations import format_duration
from playbook_cli.core.errors import WalkError
from playbook_cli.core.i18n import text
from playbook_cli.core.matching import matching_indexes, whole_number
from playbook_cli.core.model import Localizer, Node, NodeKind, Playbook
from playbook_cli.walk import events as ev
from playbook_cli.walk.sla import ClockState, clock_statuses
from playbook_cli.walk.state import WalkState, next_node


def _arrive(playbook: Playbook, node_id: str, at: datetime) -> list[ev.Event]:
    events: list[ev.Event] = [ev.Entered(at, node_id)]
    node = playbook.nodes[node_id]
    if node.kind is NodeKind.END:
        events.append(ev.Ended(at, node_id, str(node.outcome), node.handoff))
    return events


def begin(
    playbook: Playbook,
    *,
    file: str,
    inputs: Mapping[str, str],
    lang: str | None,
    opened_at: datetime,
    at: datetime,
    channel: str | None = None,
    operator: str | None = None,
) -> list[ev.Event]:
    start = ev.Started(
        at,
        journal=ev.JOURNAL_VERSION,
        playbook=playbook.id,
        file=file,
        path=str(Path(file).resolve()),
        sha256=playbook.sha256,
        lang=lang,
        inputs=dict(inputs),
        opened_at=opened_at,
        channel=channel,
        operator=operator,
    )
    return [start, *_arrive(playbook, playbook.start, at)]


def match_choice(node: Node, given: object, lang: str | None, default_lang: str | None) -> int:
    """The 0-based index of the choice `given` names: a 1-based number or an answer's text.

    Text is matched in any of the playbook's languages, ignoring accents, case and spaces
    (`core.matching.fold`: "chua nhan" names "Chưa nhận"); a prefix that names one answer
    is enough, and one that names several is refused listing them. Raises WalkError
    naming what would be accepted.
    """
    typed = str(given).strip()
    say = Localizer(lang, default_lang)
    number = given if isinstance(given, int) and not isinstance(given, bool) else whole_number(typed)
    if number is not None:
        if 1 <= number <= len(node.choices):
            return number - 1
    else:
        found = matching_indexes(typed, [list(choice.answer.values.values()) for choice in node.choices])
        if len(found) == 1:
            return found[0]
        if found:
            candidates = " / ".join(say(node.choices[index].answer) for index in found)
            raise WalkError(text(lang, "ambiguous_choice", given=typed, candidates=candidates))
    options = ", ".join(f"{i}. {say(c.answer)}" for i, c in enumerate(node.choices, 1))
    raise WalkError(text(lang, "not_a_choice", given=typed, question=say(node.text), count=len(node.choices), options=options))


def choose(playbook: Playbook, state: WalkState, given: object, at: datetime) -> list[ev.Event]:
    node = playbook.nodes[state.current.node]
    if node.kind is not NodeKind.QUESTION:
        raise WalkError(f"'{node.id}' is not a question")
    index = match_choice(node, given, state.lang, playbook.default_language)
    choice = node.choices[index]
    answer = ev.Answered(at, node.id, index + 1, playbook.localizer(state.lang)(choice.answer))
    return [answer, *_arrive(playbook, choice.next, at)]


def inputs_to_ask(playbook: Playbook, state: WalkState, node: Node) -> list[str]:
    """The inputs `node` asks (format 1.1) that the walk has no value for yet."""
    return [name for name in node.asks if name in playbook.inputs and name not in state.inputs]


def give_input(state: WalkState, name: str, value: str, at: datetime) -> list[ev.Event]:
    return [ev.InputGiven(at, state.current.node, name, value)]


def complete(playbook: Playbook, state: WalkState, at: datetime) -> list[ev.Event]:
    node = playbook.nodes[state.current.node]
    if node.kind is not NodeKind.ACTION or node.next is None:
        raise WalkError(f"'{node.id}' is not an action")
    return [ev.Done(at, node.id), *_arrive(playbook, node.next, at)]


def undo(state: WalkState, at: datetime) -> list[ev.Event]:
    if len(state.path) < 2:
        raise WalkError(text(state.lang, "first_step"))
    return [ev.Undone(at, state.current.node, state.path[-2].node)]


def note(state: WalkState, text: str, at: datetime) -> list[ev.Event]:
    return [ev.Noted(at, state.current.node, text)]


def pause(state: WalkState, at: datetime) -> list[ev.Event]:
    return [ev.Paused(at, state.current.node)]


def settle(playbook: Playbook, state: WalkState) -> list[ev.Event]:
    """The events a crash cut off after the action that implied them, dated as that action.

    An answer or a `done` is journaled before the entry into the next node (and an end
    node's `end`); a kill between the two leaves the walk half-moved. These events
    complete the move exactly as the uninterrupted walk would have written it, so a
    resumed walk has the same path and times. A journal holding only its start gets the
    entry into the first node.
    """
    at = state.last_at or state.opened_at
    if not state.path:
        return _arrive(playbook, playbook.start, at)
    if state.ended:
        return []
    step = state.current
    node = playbook.nodes[step.node]
    if node.kind is NodeKind.END:
        return [ev.Ended(at, node.id, str(node.outcome), node.handoff)]
    target = next_node(playbook, step)
    return _arrive(playbook, target, at) if target is not None else []


def answered(state: WalkState) -> int:
    """How many questions the walk's path has answered: the scripted answers it has used."""
    return sum(1 for step in state.path if step.choice is not None)


def resume(playbook: Playbook, state: WalkState, at: datetime, changed: bool, lang: str | None = None) -> list[ev.Event]:
    """Going on with a walk; `lang` when the walk goes on in another language than it had."""
    return [ev.Resumed(at, state.current.node, playbook.sha256, changed, lang if lang != state.lang else None)]


def tick(playbook: Playbook, state: WalkState, item: int, at: datetime) -> list[ev.Event]:
    """Tick off checklist item `item` (1-based) of the current step."""
    node = playbook.nodes[state.current.node]
    if not 1 <= item <= len(node.steps):
        raise WalkError(text(state.lang, "no_such_item", item=item, count=len(node.steps)))
    return [ev.Ticked(at, node.id, item)]


def clock_events(playbook: Playbook, state: WalkState, now: datetime) -> list[ev.Event]:
    """What the SLA clocks call for now, each once per walk.

    `sla-due-soon`, the reminder, when a clock enters its last 25% or 15 minutes;
    `sla-breach` when it runs out. A clock that is already breached gets no reminder.
    """
    events: list[ev.Event] = []
    node = state.current.node
    for status in clock_statuses(playbook, state, now):
        if status.state is ClockState.BREACHED and status.name not in state.breached:
            events.append(ev.Breached(now, status.name, status.target_text, node))
        elif status.state is ClockState.DUE_SOON and status.name not in state.reminded:
            events.append(ev.DueSoon(now, status.name, status.target_text, format_duration(status.remaining), node, status.fulfilled_by))
    return events
