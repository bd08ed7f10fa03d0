"""`playbook test`: run each recorded scenario through the walk engine, measure coverage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from playbook_cli.core.errors import InputError, WalkError
from playbook_cli.core.inputs import resolve_inputs
from playbook_cli.core.model import NodeKind, Playbook, Scenario
from playbook_cli.walk import actions
from playbook_cli.walk.events import Answered
from playbook_cli.walk.state import WalkState, replay, replay_onto

_FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)  # scenarios are about paths, not time


@dataclass(frozen=True)
class ScenarioResult:
    name: str
    passed: bool
    path: tuple[str, ...]
    expected: str
    reached: str | None
    problem: str | None = None


@dataclass(frozen=True)
class Coverage:
    nodes_visited: int
    nodes_total: int
    choices_visited: int
    choices_total: int

    @staticmethod
    def percent(part: int, whole: int) -> float:
        return 100.0 * part / whole if whole else 100.0

    @property
    def nodes_percent(self) -> float:
        return self.percent(self.nodes_visited, self.nodes_total)

    @property
    def choices_percent(self) -> float:
        return self.percent(self.choices_visited, self.choices_total)

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(*(a + b for a, b in zip(self._fields(), other._fields(), strict=True)))

    def _fields(self):
        return (self.nodes_visited, self.nodes_total, self.choices_visited, self.choices_total)


@dataclass(frozen=True)
class PlaybookReport:
    playbook: Playbook
    results: tuple[ScenarioResult, ...]
    coverage: Coverage
    missed: tuple[str, ...]  # node ids and "question→answer" never visited


def _expected(scenario: Scenario) -> str:
    return scenario.expect_end + (f" ({scenario.expect_outcome})" if scenario.expect_outcome else "")


def run_scenario(playbook: Playbook, scenario: Scenario, seen_nodes: set, seen_choices: set) -> ScenarioResult:
    expected = _expected(scenario)

    def failed(problem: str, state=None) -> ScenarioResult:
        path = tuple(step.node for step in state.path) if state else ()
        reached = state.current.node if state and state.path else None
        return ScenarioResult(scenario.name, False, path, expected, reached, problem)

    try:
        values = resolve_inputs(playbook, scenario.inputs)
    except InputError as exc:
        return failed(str(exc).split(": ", 1)[-1])
    lang = playbook.default_language
    state: WalkState = replay(
        playbook, actions.begin(playbook, file=playbook.path, inputs=values, lang=lang, opened_at=_FIXED_TIME, at=_FIXED_TIME)
    )
    answers = list(scenario.answers)
    for _ in range(10_000):  # a bound, though lint refuses loops with no way out
        seen_nodes.add(state.current.node)
        if state.ended:
            break
        node = playbook.nodes[state.current.node]
        if node.kind is NodeKind.ACTION:
            events = actions.complete(playbook, state, _FIXED_TIME)
        elif not answers:
            return failed(f"ran out of answers at question '{node.id}'", state)
        else:
            try:
                events = actions.choose(playbook, state, answers.pop(0), _FIXED_TIME)
            except WalkError as exc:
                return failed(str(exc), state)
            seen_choices.update((node.id, e.choice - 1) for e in events if isinstance(e, Answered))
        state = replay_onto(playbook, state, events)
    if answers:
        return failed(f"reached the end with {len(answers)} answer(s) left unused: {answers}", state)
    reached = state.current.node
    outcome_ok = scenario.expect_outcome is None or scenario.expect_outcome == state.outcome
    path = tuple(step.node for step in state.path)
    if reached != scenario.expect_end or not outcome_ok:
        return ScenarioResult(scenario.name, False, path, expected, f"{reached} ({state.outcome})", "reached another end")
    return ScenarioResult(scenario.name, True, path, expected, f"{reached} ({state.outcome})")


def test_playbook(playbook: Playbook) -> PlaybookReport:
    seen_nodes: set = set()
    seen_choices: set = set()
    results = tuple(run_scenario(playbook, scenario, seen_nodes, seen_choices) for scenario in playbook.scenarios)
    all_choices = [(node.id, index) for node in playbook.nodes.values() for index in range(len(node.choices))]
    missed = [node_id for node_id in playbook.nodes if node_id not in seen_nodes]
    lang = playbook.default_language
    missed += [
        f"{node_id} → {playbook.localizer(lang)(playbook.nodes[node_id].choices[index].answer)}"
        for node_id, index in all_choices
        if (node_id, index) not in seen_choices
    ]
    coverage = Coverage(len(seen_nodes & set(playbook.nodes)), len(playbook.nodes), len(seen_choices), len(all_choices))
    return PlaybookReport(playbook, results, coverage, tuple(missed))
