"""`playbook stats`: how a team is doing, added up over walks as the spec defines it.

Walks stream through `StatsBuilder.add` one at a time, so thousands of journals cost
their reading time and a few counters, not their events held in memory. Every clock
figure comes from the one clock model (`walk.sla.clock_statuses` at `as_of`); this
module only counts. Definitions (compliance, people, steps, cases, measures, and the
nearest-rank percentiles) are `../shared/spec/outputs-json.md`'s, word for word where it
speaks; the choices it leaves open are said where they are made.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import partial
from pathlib import Path
from typing import Any

from playbook_cli.core.model import Measure, NodeKind, Outcome, Playbook
from playbook_cli.team.journals import PARALLEL_FROM, JournalReader, Skipped, Walk, in_parallel
from playbook_cli.walk.clock_json import iso_seconds, seconds
from playbook_cli.walk.events import Event, Started
from playbook_cli.walk.sla import ClockState, clock_statuses

STATS_VERSION = 1
DEFAULT_CASE_KEY = "ticket"


def nearest_rank(values: Sequence[int], percent: int) -> int | None:
    """The nearest-rank percentile: the value at rank ceil(p/100 × n) of the sorted values.

    Integer arithmetic, so 90% of 10 values is rank 9 exactly; the median of an even
    count is the lower middle.
    """
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-percent * len(ordered) // 100))
    return ordered[rank - 1]


def share(part: int, whole: int) -> float | None:
    """part / whole rounded to 4 places (the spec's rounding of every ratio), None over nothing."""
    return round(part / whole, 4) if whole else None


def week_of(moment: datetime, zone: tzinfo) -> str:
    """The ISO week of an instant in the stats' time zone, as "2026-W47"."""
    year, week, _ = moment.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class OpenedBetween:
    """The filters, judged on the start event alone, so journals left out are never replayed.

    A class rather than a closure: it travels to the worker processes with the chunk.
    """

    since: date | None
    until: date | None
    playbooks: frozenset[str]
    zone: tzinfo

    def __call__(self, start: Started, events: Sequence[Event]) -> bool:
        if self.playbooks and start.playbook not in self.playbooks:
            return False
        day = start.opened_at.astimezone(self.zone).date()
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


@dataclass
class _ClockTally:
    order: tuple[str, int]  # playbook id, the clock's position in its playbook
    counts: Counter[ClockState] = field(default_factory=Counter)
    elapsed: list[int] = field(default_factory=list)  # settled clocks only


@dataclass
class _Person:
    steps: list[int] = field(default_factory=list)
    clocks_stopped: int = 0
    breaches: int = 0


@dataclass
class _Case:
    walks: int = 0
    resolved: int = 0


@dataclass
class StatsBuilder:
    """Adds walks up; `data()` is the JSON of `playbook stats`, `weeks` feeds the page's chart."""

    as_of: datetime
    zone: tzinfo
    case_key: str = DEFAULT_CASE_KEY
    walks: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    clocks: dict[tuple[str, str], _ClockTally] = field(default_factory=dict)
    people: defaultdict[str, _Person] = field(default_factory=lambda: defaultdict(_Person))
    steps: defaultdict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    cases: defaultdict[str, _Case] = field(default_factory=lambda: defaultdict(_Case))
    lone_cases: int = 0  # walks without the case key: each its own case
    lone_resolved: int = 0
    measures: defaultdict[Measure, list[int]] = field(default_factory=lambda: defaultdict(list))
    weeks: defaultdict[tuple[str, str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    playbooks: dict[str, Playbook] = field(default_factory=dict)  # the last seen of each id, for titles

    def add(self, walk: Walk) -> None:
        """Count one walk: its outcome, clocks, ended steps, case and scores (nothing of it is kept)."""
        playbook, state = walk.playbook, walk.state
        self.playbooks[playbook.id] = playbook
        self.walks["ended" if state.ended else "open"] += 1
        if state.outcome is not None:
            self.outcomes[state.outcome] += 1
        self._add_clocks(walk)
        for step in state.path:
            if step.left_at is None or playbook.nodes[step.node].kind is NodeKind.END:
                continue
            spent = seconds(state.active_time(step.entered_at, step.left_at))  # walk pauses left out
            self.steps[playbook.id, step.node].append(spent)
            person = walk.holder(step)
            if person is not None:
                self.people[person].steps.append(spent)
        resolved = state.outcome is Outcome.RESOLVED
        key = state.inputs.get(self.case_key)
        if key is None or key == "":
            self.lone_cases += 1
            self.lone_resolved += resolved
        else:
            case = self.cases[key]
            case.walks += 1
            case.resolved += resolved
        for name, spec in playbook.inputs.items():
            value = state.inputs.get(name)
            if spec.measure is not None and value is not None:
                score = _score(value, spec.measure)
                if score is not None:
                    self.measures[spec.measure].append(score)

    def _add_clocks(self, walk: Walk) -> None:
        playbook, state = walk.playbook, walk.state
        week = week_of(state.opened_at, self.zone)
        for position, status in enumerate(clock_statuses(playbook, state, self.as_of)):
            if status.state in (ClockState.PENDING, ClockState.NOT_APPLICABLE):
                continue  # it never applied to this walk
            tally = self.clocks.setdefault((playbook.id, status.name), _ClockTally((playbook.id, position)))
            kind = ClockState.RUNNING if status.state is ClockState.DUE_SOON else status.state
            tally.counts[kind] += 1
            if not status.state.settled:
                continue
            tally.elapsed.append(seconds(status.elapsed))
            self.weeks[week, playbook.id, status.name].update(settled=1, met=status.state is ClockState.MET)
            if status.stopped_by is not None:
                stopper = walk.step_left_at(status.stopped_by, status.stopped_at)
                person = walk.holder(stopper) if stopper else None
                if person is not None:
                    self.people[person].clocks_stopped += 1
            if status.state.is_breach and status.due_at is not None:
                # Whoever held the step that was current when the due time passed; nobody
                # when it passed before the walk's first step (the case waited unclaimed).
                current = walk.step_at(status.due_at)
                person = walk.holder(current) if current else None
                if person is not None:
                    self.people[person].breaches += 1

    def merge(self, other: StatsBuilder) -> None:
        """Add the counts of `other` (a later chunk of the same journals) to these."""
        self.walks.update(other.walks)
        self.outcomes.update(other.outcomes)
        for key, tally in other.clocks.items():
            mine = self.clocks.setdefault(key, _ClockTally(tally.order))
            mine.counts.update(tally.counts)
            mine.elapsed.extend(tally.elapsed)
        for name, person in other.people.items():
            into = self.people[name]
            into.steps.extend(person.steps)
            into.clocks_stopped += person.clocks_stopped
            into.breaches += person.breaches
        for step, spent in other.steps.items():
            self.steps[step].extend(spent)
        for value, case in other.cases.items():
            self.cases[value].walks += case.walks
            self.cases[value].resolved += case.resolved
        self.lone_cases += other.lone_cases
        self.lone_resolved += other.lone_resolved
        for measure, values in other.measures.items():
            self.measures[measure].extend(values)
        for week, counts in other.weeks.items():
            self.weeks[week].update(counts)
        self.playbooks.update(other.playbooks)

    def data(self) -> dict[str, Any]:
        """`playbook stats --format json`, exactly as the spec's stats version 1."""
        total = sum(self.walks.values())
        return {
            "stats": STATS_VERSION,
            "as_of": iso_seconds(self.as_of, self.zone),
            "walks": {
                "total": total,
                "open": self.walks["open"],
                "ended": self.walks["ended"],
                "by_outcome": {outcome.value: self.outcomes[outcome] for outcome in Outcome if self.outcomes[outcome]},
            },
            "clocks": [_clock_row(playbook_id, clock, tally) for (playbook_id, clock), tally in sorted(self.clocks.items(), key=_by_order)],
            "people": [
                {
                    "person": name,
                    "steps": len(person.steps),
                    "clocks_stopped": person.clocks_stopped,
                    "breaches": person.breaches,
                    "median_step_seconds": nearest_rank(person.steps, 50),
                }
                for name, person in sorted(self.people.items())
            ],
            "steps": self._steps(),
            "cases": self._cases(),
            "measures": self._measures(),
        }

    def _steps(self) -> list[dict[str, Any]]:
        rows = [
            {
                "playbook": playbook_id,
                "node": node,
                "count": len(spent),
                "median_seconds": nearest_rank(spent, 50),
                "p90_seconds": nearest_rank(spent, 90),
            }
            for (playbook_id, node), spent in self.steps.items()
        ]
        return sorted(rows, key=lambda row: (-row["p90_seconds"], -row["median_seconds"], row["playbook"], row["node"]))

    def _cases(self) -> dict[str, Any]:
        total = self.lone_cases + len(self.cases)
        first_contact = self.lone_resolved + sum(1 for case in self.cases.values() if case.walks == 1 and case.resolved == 1)
        with_resolved = [case.walks for case in self.cases.values() if case.resolved] + [1] * self.lone_resolved
        return {
            "key": self.case_key,
            "total": total,
            "first_contact_resolution": share(first_contact, total),
            "walks_per_resolved_case": share(sum(with_resolved), len(with_resolved)),
        }

    def _measures(self) -> dict[str, Any]:
        csat, nps, ces = (self.measures[measure] for measure in (Measure.CSAT, Measure.NPS, Measure.CES))
        promoters, detractors = sum(1 for v in nps if v >= 9), sum(1 for v in nps if v <= 6)
        return {
            "csat": {"count": len(csat), "mean": _mean(csat), "satisfied_share": share(sum(1 for v in csat if v >= 4), len(csat))},
            "nps": {"count": len(nps), "score": round(100 * (promoters - detractors) / len(nps), 4) if nps else None},
            "ces": {"count": len(ces), "mean": _mean(ces)},
        }

    def weekly(self) -> dict[str, list[dict[str, Any]]]:
        """Compliance per ISO week of opening, over all clocks and per clock: the page's second chart."""
        totals: dict[str, Counter[str]] = defaultdict(Counter)
        per_clock = []
        for (week, playbook_id, clock), counts in sorted(self.weeks.items()):
            totals[week].update(counts)
            per_clock.append({"week": week, "playbook": playbook_id, "clock": clock, "compliance": share(counts["met"], counts["settled"])})
        overall = [
            {"week": week, "compliance": share(c["met"], c["settled"]), "settled": c["settled"]} for week, c in sorted(totals.items())
        ]
        return {"overall": overall, "per_clock": per_clock}


def _stats_chunk(
    files: list[Path], as_of: datetime, zone: tzinfo, case_key: str, keep: OpenedBetween
) -> tuple[StatsBuilder, list[Skipped], list[str]]:
    builder = StatsBuilder(as_of, zone, case_key)
    reader = JournalReader()
    for walk in reader.walks(files, keep):
        builder.add(walk)
    return builder, reader.skipped, reader.warnings


def collect_stats(
    files: Sequence[Path],
    as_of: datetime,
    zone: tzinfo,
    case_key: str,
    keep: OpenedBetween,
    *,
    workers: int | None = None,
    least: int = PARALLEL_FROM,
) -> tuple[StatsBuilder, list[Skipped], list[str]]:
    """Every journal added up (in worker processes for a large directory), and what was left out."""
    work = partial(_stats_chunk, as_of=as_of, zone=zone, case_key=case_key, keep=keep)
    parts = in_parallel(files, work, workers=workers, least=least)
    builder, skipped, warnings = parts[0]
    for other, more_skipped, more_warnings in parts[1:]:
        builder.merge(other)
        skipped += more_skipped
        warnings += more_warnings
    return builder, skipped, warnings


def _by_order(item: tuple[tuple[str, str], _ClockTally]) -> tuple[str, int]:
    return item[1].order


def _clock_row(playbook_id: str, clock: str, tally: _ClockTally) -> dict[str, Any]:
    met, late, breached = (tally.counts[state] for state in (ClockState.MET, ClockState.MET_LATE, ClockState.BREACHED))
    return {
        "playbook": playbook_id,
        "clock": clock,
        "applied": sum(tally.counts.values()),
        "met": met,
        "met_late": late,
        "breached": breached,
        "running": tally.counts[ClockState.RUNNING],
        "compliance": share(met, met + late + breached),
        "median_elapsed_seconds": nearest_rank(tally.elapsed, 50),
        "p90_elapsed_seconds": nearest_rank(tally.elapsed, 90),
    }


def _mean(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _score(value: str, measure: Measure) -> int | None:
    """A measure's value as a whole number in its range; anything else is not a score and is left out."""
    try:
        score = int(value.strip())
    except ValueError:
        return None
    low, high = measure.bounds
    return score if low <= score <= high else None


def titles(builder: StatsBuilder, lang: str | None) -> dict[str, Any]:
    """Names for people to read, in `lang`: playbook titles, clock titles, steps as "#N text"."""
    names: dict[str, Any] = {"playbooks": {}, "clocks": {}, "nodes": {}}
    for playbook_id, playbook in builder.playbooks.items():
        say = playbook.localizer(lang)
        names["playbooks"][playbook_id] = say(playbook.title)
        for clock in playbook.sla:
            names["clocks"][f"{playbook_id}/{clock}"] = playbook.clock_title(clock, lang)
        for node_id, node in playbook.nodes.items():
            names["nodes"][f"{playbook_id}/{node_id}"] = f"#{playbook.node_number(node_id)} {say(node.text)}"
    return names
